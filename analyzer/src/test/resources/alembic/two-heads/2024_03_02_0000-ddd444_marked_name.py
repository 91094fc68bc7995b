"""2024_03_02_0000-ddd444_marked_name.py

Revision ID: ddd444
Revises: 'bbb222'
"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'ddd444'
down_revision = 'bbb222'
branch_labels = None
depends_on = None


def upgrade():
    revision = 'not-this-one'  # indented: a local, not the module's revision
    op.execute("SELECT 1")
