"""Create the advisor console's tables: accounts, sessions, follow-ups, notes, audit log.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

Only new tables: `enquiries` is left as it is, so this revision does not depend on what other
revisions do to it (it can be rechained after any of them). Values are spelled out here, not
imported from bot/console/models.py: a migration records the schema as it was when written.
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: Union[str, Sequence[str], None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "console_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("desk_id", sa.String(40), nullable=True),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_console_users"),
        sa.UniqueConstraint("email", name="uq_console_users_email"),
        sa.CheckConstraint("(is_admin AND desk_id IS NULL) OR (NOT is_admin AND desk_id IS NOT NULL)",
                           name="ck_console_users_desk_or_admin"),
    )
    op.create_table(
        "console_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_console_sessions"),
        sa.UniqueConstraint("token_hash", name="uq_console_sessions_token_hash"),
        sa.ForeignKeyConstraint(["user_id"], ["console_users.id"], ondelete="CASCADE",
                                name="fk_console_sessions_user_id_console_users"),
    )
    op.create_table(
        "console_followups",
        sa.Column("enquiry_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("contacted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("enquiry_id", name="pk_console_followups"),
        sa.ForeignKeyConstraint(["enquiry_id"], ["enquiries.id"], ondelete="CASCADE",
                                name="fk_console_followups_enquiry_id_enquiries"),
        sa.ForeignKeyConstraint(["assignee_id"], ["console_users.id"], ondelete="SET NULL",
                                name="fk_console_followups_assignee_id_console_users"),
        sa.CheckConstraint("status IN ('new', 'contacted', 'in_progress', 'closed')",
                           name="ck_console_followups_status"),
        sa.CheckConstraint("outcome IS NULL OR outcome IN ('applied', 'funded', 'not_eligible', 'no_answer')",
                           name="ck_console_followups_outcome"),
        sa.CheckConstraint("outcome IS NULL OR status = 'closed'", name="ck_console_followups_outcome_when_closed"),
    )
    op.create_table(
        "console_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enquiry_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.String(254), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.String(4000), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_console_notes"),
        sa.ForeignKeyConstraint(["enquiry_id"], ["enquiries.id"], ondelete="CASCADE",
                                name="fk_console_notes_enquiry_id_enquiries"),
        sa.ForeignKeyConstraint(["user_id"], ["console_users.id"], ondelete="SET NULL",
                                name="fk_console_notes_user_id_console_users"),
    )
    op.create_index("ix_console_notes_enquiry_id", "console_notes", ["enquiry_id"])
    op.create_table(
        "console_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(254), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("enquiry_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_console_audit"),
        sa.ForeignKeyConstraint(["user_id"], ["console_users.id"], ondelete="SET NULL",
                                name="fk_console_audit_user_id_console_users"),
        sa.ForeignKeyConstraint(["enquiry_id"], ["enquiries.id"], ondelete="SET NULL",
                                name="fk_console_audit_enquiry_id_enquiries"),
    )
    op.create_index("ix_console_audit_enquiry_id", "console_audit", ["enquiry_id"])
    op.create_index("ix_console_audit_at", "console_audit", ["at"])


def downgrade() -> None:
    for table in ("console_audit", "console_notes", "console_followups", "console_sessions", "console_users"):
        op.drop_table(table)
