"""2024_02_01_0000-bbb222_add_users.py

Revision ID: bbb222
Revises: 'aaa111'
"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'bbb222'
down_revision = 'aaa111'
branch_labels = None
depends_on = None


def upgrade():
    revision = 'not-this-one'  # indented: a local, not the module's revision
    op.execute("SELECT 1")
