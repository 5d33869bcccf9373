"""Archive single versions (a wrong upload is hidden from "latest", never deleted); sha256 index.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("version") as batch:
        batch.add_column(sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("archived_by", sa.Text(), nullable=True))
    op.create_index("ix_version_sha256", "version", ["sha256"])


def downgrade() -> None:
    op.drop_index("ix_version_sha256", table_name="version")
    with op.batch_alter_table("version") as batch:
        batch.drop_column("archived_by")
        batch.drop_column("archived_at")
