"""2024_02_02_0000-ccc333_right.py

Revision ID: ccc333
Revises: 'aaa111'
"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'ccc333'
down_revision = 'aaa111'
branch_labels = None
depends_on = None


def upgrade():
    revision = 'not-this-one'  # indented: a local, not the module's revision
    op.execute("SELECT 1")
