"""What the store hands out: plain, frozen records of assessments, versions and status changes.

Records carry no database session, so callers (the access layer, the service layer, the CLI and
the app) can filter, sort and show them freely. Uploads are checked once into a
:class:`CheckedSource`; the same result decides access and is what gets stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from roam.errors import ValidationReport
from roam.i18n import _
from roam.questionnaire.budget import check_within_budget
from roam.questionnaire.model import Assessment
from roam.store.engine import StoreError

Source = str | Path | bytes | tuple[str, bytes]
DISPLAY_NAME_MAX = 120


class NotFound(StoreError):
    """What was asked for is not in the store; the message names it."""


class InvalidFiles(StoreError):
    """One or more files did not validate; nothing was stored. ``failures``: (name, report)."""

    def __init__(self, failures: list[tuple[str, ValidationReport]]) -> None:
        self.failures = failures
        names = ", ".join(name for name, _problems in failures)
        super().__init__(f"nothing was stored: {len(failures)} file(s) did not validate ({names})")


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def display_name(name: str | None) -> str | None:
    """An uploaded file's name made safe to show and to keep: the last path part only, no
    control or line-break characters, at most 120 characters. Never used to build a path."""
    if name is None:
        return None
    text = unicodedata.normalize("NFC", str(name))
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" and c != " " else c for c in text)
    text = PureWindowsPath(PurePosixPath(text.replace("\\", "/")).name).name
    text = re.sub(r"\s+", " ", text).strip().lstrip(".").strip()
    if len(text) > DISPLAY_NAME_MAX:
        _stem, dot, ext = text.rpartition(".")
        keep = DISPLAY_NAME_MAX - len(ext) - 1 if dot and len(ext) <= 8 else DISPLAY_NAME_MAX
        text = text[:keep] + (f".{ext}" if dot and len(ext) <= 8 else "")
    return text or "upload.xlsx"


@dataclass(frozen=True)
class VersionInfo:
    """One upload. ``status`` is the version's own status (see roam/access_policy.yaml)."""

    country: str
    year: int
    framework: str
    indicator_set: str
    version: int
    status: str
    latest: bool
    filename: str | None
    sha256: str
    size: int
    uploaded_at: dt.datetime
    uploaded_by: str
    note: str
    errors: int
    warnings: int
    archived: bool

    @property
    def label(self) -> str:
        return f"{self.country} {self.year} {self.indicator_set} version {self.version}"

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["uploaded_at"] = _iso(self.uploaded_at)
        return out


@dataclass(frozen=True)
class AssessmentInfo:
    country: str
    name: str
    year: int
    framework: str
    indicator_set: str
    status: str
    versions: int
    latest_version: int | None
    latest_uploaded_at: dt.datetime | None
    accepted_version: int | None
    updated_at: dt.datetime

    @property
    def label(self) -> str:
        return f"{self.country} {self.year}"

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["latest_uploaded_at"] = _iso(self.latest_uploaded_at)
        out["updated_at"] = _iso(self.updated_at)
        return out


@dataclass(frozen=True)
class TransitionInfo:
    country: str
    year: int
    from_status: str | None
    to_status: str
    version: int | None
    changed_by: str
    changed_at: dt.datetime
    note: str
    indicator_set: str = ""

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["changed_at"] = _iso(self.changed_at)
        return out


@dataclass(frozen=True)
class IngestResult:
    filename: str | None
    country: str
    name: str
    year: int
    framework: str
    indicator_set: str
    version: int
    status: str
    sha256: str
    warnings: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CheckedSource:
    """One uploaded file after reading and validation: checked once, used for every decision."""

    name: str | None
    data: bytes
    assessment: Assessment | None
    report: ValidationReport

    @property
    def valid(self) -> bool:
        return self.assessment is not None and self.report.valid


def check_sources(
    sources: Iterable[Source], max_file_mb: float | None = None
) -> list[CheckedSource]:
    checked = []
    for source in sources:
        name, data = source_bytes(source)
        assessment, report = check_within_budget(data, filename=name, max_file_mb=max_file_mb)
        checked.append(CheckedSource(name, data, assessment, report))
    return checked


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def source_bytes(source: Source) -> tuple[str | None, bytes]:
    if isinstance(source, tuple):
        return source[0], bytes(source[1])
    if isinstance(source, bytes | bytearray | memoryview):
        return None, bytes(source)
    path = Path(source)
    try:
        return path.name, path.read_bytes()
    except OSError as exc:
        raise StoreError(
            _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None
