"""2024_04_01_0000-eee555_after_merge.py

Revision ID: eee555
Revises: 'ddd444'
"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'eee555'
down_revision = 'ddd444'
branch_labels = None
depends_on = None


def upgrade():
    revision = 'not-this-one'  # indented: a local, not the module's revision
    op.execute("SELECT 1")
