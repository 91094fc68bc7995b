"""2024_01_01_0000-aaa111_init.py

Revision ID: aaa111
Revises: None
"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'aaa111'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    revision = 'not-this-one'  # indented: a local, not the module's revision
    op.execute("SELECT 1")
