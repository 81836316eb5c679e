"""Create the enquiries table.

Revision ID: 0001
Revises:
Create Date: 2026-11-21

Values are spelled out here rather than imported from the models: a migration records the
schema as it was when written, whatever the models become later.
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

PERSONAL_FIELDS = ("contact_name", "contact_email", "contact_phone", "company", "message")


def upgrade() -> None:
    op.create_table(
        "enquiries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("conversation_id", sa.String(255), nullable=True),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.Column("verdicts", sa.JSON(), nullable=False),
        sa.Column("desk_id", sa.String(40), nullable=True),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("contact_name", sa.String(120), nullable=True),
        sa.Column("contact_email", sa.String(254), nullable=True),
        sa.Column("contact_phone", sa.String(40), nullable=True),
        sa.Column("company", sa.String(200), nullable=True),
        sa.Column("message", sa.String(2000), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_enquiries"),
        sa.UniqueConstraint("reference", name="uq_enquiries_reference"),
        sa.CheckConstraint("status IN ('new', 'in_progress', 'closed')", name="ck_enquiries_status"),
        sa.CheckConstraint("language IN ('it', 'en')", name="ck_enquiries_language"),
        sa.CheckConstraint(
            "consent OR (" + " AND ".join(f"{f} IS NULL" for f in PERSONAL_FIELDS) + ")",
            name="ck_enquiries_personal_data_needs_consent",
        ),
        sa.CheckConstraint(
            "(consent AND consent_at IS NOT NULL) OR (NOT consent AND consent_at IS NULL)",
            name="ck_enquiries_consent_is_dated",
        ),
    )
    op.create_index("ix_enquiries_created_at", "enquiries", ["created_at"])
    op.create_index("ix_enquiries_desk_id", "enquiries", ["desk_id"])
    op.create_index("ix_enquiries_status", "enquiries", ["status"])


def downgrade() -> None:
    op.drop_table("enquiries")
