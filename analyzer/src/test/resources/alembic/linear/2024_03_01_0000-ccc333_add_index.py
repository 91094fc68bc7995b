"""2024_03_01_0000-ccc333_add_index.py

Revision ID: ccc333
Revises: 'bbb222'  # the users table
"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'ccc333'
down_revision = 'bbb222'  # the users table
branch_labels = None
depends_on = None


def upgrade():
    revision = 'not-this-one'  # indented: a local, not the module's revision
    op.execute("SELECT 1")
