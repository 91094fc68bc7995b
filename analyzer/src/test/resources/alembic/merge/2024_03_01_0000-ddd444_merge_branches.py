"""merge branches

Revision ID: ddd444
Revises: bbb222, ccc333
"""
revision = 'ddd444'
down_revision = (
    'bbb222',
    'ccc333',  # the right-hand branch
)
branch_labels = None
depends_on = None


def upgrade():
    pass
