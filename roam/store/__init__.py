"""The assessment store: every upload kept as a version, with status and history.

SQLite by default (``.roam/roam.sqlite``, or ``$ROAM_DATA_DIR/roam.sqlite``), PostgreSQL when
``ROAM_DATABASE_URL`` says so. See ``roam/store/README.md``.
"""

from roam.store.compare import IndicatorChange, VersionDiff, diff_assessments
from roam.store.engine import StoreError
from roam.store.repository import (
    AssessmentInfo,
    IngestResult,
    InvalidFiles,
    NotFound,
    Store,
    TransitionInfo,
    VersionInfo,
    open_store,
)
from roam.store.sources import load_assessment, parse_reference, resolve_sources
from roam.store.status import STATUSES, TRANSITIONS, TransitionError

__all__ = [
    "STATUSES",
    "TRANSITIONS",
    "AssessmentInfo",
    "IndicatorChange",
    "IngestResult",
    "InvalidFiles",
    "NotFound",
    "Store",
    "StoreError",
    "TransitionError",
    "TransitionInfo",
    "VersionDiff",
    "VersionInfo",
    "diff_assessments",
    "load_assessment",
    "open_store",
    "parse_reference",
    "resolve_sources",
]
