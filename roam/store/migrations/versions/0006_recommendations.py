"""Recommendations of an assessment and their dated follow-up (status updates, kept edits).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "recommendation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("themes", sa.JSON(), nullable=False),
        sa.Column("indicators", sa.JSON(), nullable=False),
        sa.Column("stakeholders", sa.JSON(), nullable=False),
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"], ["assessment.id"], name="fk_recommendation_assessment_id_assessment"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_recommendation"),
        sa.UniqueConstraint("assessment_id", "code", name="uq_recommendation_code"),
    )
    op.create_index("ix_recommendation_assessment_id", "recommendation", ["assessment_id"])
    op.create_table(
        "recommendation_update",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=True),
        sa.Column("dated", sa.Date(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("previous", sa.JSON(), nullable=False),
        sa.Column("recorded_by", sa.Text(), nullable=False),
        sa.Column("recorded_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendation.id"],
            name="fk_recommendation_update_recommendation_id_recommendation",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_recommendation_update"),
    )
    op.create_index(
        "ix_recommendation_update_recommendation_id",
        "recommendation_update",
        ["recommendation_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_recommendation_update_recommendation_id", table_name="recommendation_update")
    op.drop_table("recommendation_update")
    op.drop_index("ix_recommendation_assessment_id", table_name="recommendation")
    op.drop_table("recommendation")
