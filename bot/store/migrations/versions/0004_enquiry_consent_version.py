"""Enquiries record which consent text the user agreed to.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

Nullable: enquiries stored before this revision, and anonymous ones, have no consent text.
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("enquiries") as batch:
        batch.add_column(sa.Column("consent_version", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("enquiries") as batch:
        batch.drop_column("consent_version")
