"""Multistakeholder review rounds: rounds, participants, submissions (original bytes), ratings,
responses to comments.

Revision ID: 0005
Revises: 0003 (the coordinator chains it after 0004 when merging)
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "review_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("version_number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("mab", sa.JSON(), nullable=False),
        sa.Column("opened_by", sa.Text(), nullable=False),
        sa.Column("opened_at", TS, nullable=False),
        sa.Column("closed_by", sa.Text(), nullable=True),
        sa.Column("closed_at", TS, nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name="fk_review_round_assessment_id_assessment",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_review_round"),
        sa.UniqueConstraint("assessment_id", "number", name="uq_review_round_number"),
    )
    op.create_index("ix_review_round_assessment_id", "review_round", ["assessment_id"])
    op.create_table(
        "review_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
        sa.Column("group", sa.Text(), nullable=False),
        sa.Column("gender", sa.Text(), nullable=True),
        sa.Column("email", sa.String(320), nullable=True),
        sa.Column("share_name", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"], ["review_round.id"], name="fk_review_participant_round_id_review_round"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_review_participant"),
        sa.UniqueConstraint("round_id", "key", name="uq_review_participant_key"),
    )
    op.create_index("ix_review_participant_round_id", "review_participant", ["round_id"])
    op.create_table(
        "review_submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("filename", sa.Text(), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("submitted_by", sa.Text(), nullable=False),
        sa.Column("submitted_at", TS, nullable=False),
        sa.Column("replaced_at", TS, nullable=True),
        sa.ForeignKeyConstraint(
            ["round_id"], ["review_round.id"], name="fk_review_submission_round_id_review_round"
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["review_participant.id"],
            name="fk_review_submission_participant_id_review_participant",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_review_submission"),
    )
    op.create_index("ix_review_submission_round_id", "review_submission", ["round_id"])
    op.create_index("ix_review_submission_participant_id", "review_submission", ["participant_id"])
    op.create_table(
        "review_rating",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.String(64), nullable=False),
        sa.Column("rating", sa.String(32), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["review_submission.id"],
            name="fk_review_rating_submission_id_review_submission",
        ),
        sa.PrimaryKeyConstraint("submission_id", "finding_id", name="pk_review_rating"),
    )
    op.create_table(
        "review_response",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.String(64), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.Text(), nullable=False),
        sa.Column("answered_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"], ["review_round.id"], name="fk_review_response_round_id_review_round"
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["review_participant.id"],
            name="fk_review_response_participant_id_review_participant",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_review_response"),
    )
    op.create_index("ix_review_response_round_id", "review_response", ["round_id"])


def downgrade() -> None:
    op.drop_index("ix_review_response_round_id", table_name="review_response")
    op.drop_table("review_response")
    op.drop_table("review_rating")
    op.drop_index("ix_review_submission_participant_id", table_name="review_submission")
    op.drop_index("ix_review_submission_round_id", table_name="review_submission")
    op.drop_table("review_submission")
    op.drop_index("ix_review_participant_round_id", table_name="review_participant")
    op.drop_table("review_participant")
    op.drop_index("ix_review_round_assessment_id", table_name="review_round")
    op.drop_table("review_round")
