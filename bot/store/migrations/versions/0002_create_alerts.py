"""Create the alert tables: subscriptions, the alerts sent, and the public channel's posts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

Values are spelled out here rather than imported from the models (see 0001). CHECK names are
final (op.f): the naming convention would otherwise prefix "ck_<table>_" a second time.
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "alert_subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("address", sa.String(254), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.Column("any_call", sa.Boolean(), nullable=False),
        sa.Column("call_ids", sa.JSON(), nullable=False),
        sa.Column("families", sa.JSON(), nullable=False),
        sa.Column("consent_version", sa.String(40), nullable=False),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_alert_subscriptions"),
        sa.CheckConstraint("channel IN ('telegram', 'email')", name=op.f("ck_alert_subscriptions_channel")),
        sa.CheckConstraint("language IN ('it', 'en')", name=op.f("ck_alert_subscriptions_language")),
        sa.CheckConstraint("consent_version <> '' AND consent_at IS NOT NULL",
                           name=op.f("ck_alert_subscriptions_address_needs_consent")),
        sa.CheckConstraint("ended_at IS NULL OR ended_at >= created_at",
                           name=op.f("ck_alert_subscriptions_ends_after_it_starts")),
    )
    op.create_index("ix_alert_subscriptions_channel", "alert_subscriptions", ["channel", "address"])
    op.create_table(
        "sent_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sent_alerts"),
        sa.ForeignKeyConstraint(["subscription_id"], ["alert_subscriptions.id"], ondelete="CASCADE",
                                name="fk_sent_alerts_subscription_id_alert_subscriptions"),
        sa.UniqueConstraint("subscription_id", "call_id", "kind", name="uq_sent_alerts_once"),
        sa.CheckConstraint("kind IN ('open', 'announced')", name=op.f("ck_sent_alerts_kind")),
    )
    op.create_table(
        "channel_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(100), nullable=False),
        sa.Column("call_id", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_channel_posts"),
        sa.UniqueConstraint("channel", "call_id", "kind", name="uq_channel_posts_once"),
        sa.CheckConstraint("kind IN ('open', 'announced', 'closes_in_7', 'closes_in_1')",
                           name=op.f("ck_channel_posts_kind")),
    )


def downgrade() -> None:
    op.drop_table("channel_posts")
    op.drop_table("sent_alerts")
    op.drop_index("ix_alert_subscriptions_channel", table_name="alert_subscriptions")
    op.drop_table("alert_subscriptions")
