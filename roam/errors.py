"""One error mechanism: located, plain-language refusals and issues.

`RoamError` is the base of every refusal a user may see (a bad file, a catalogue, the store, an
access decision, scoring settings); each carries a plain message and where the problem is. The
command line and the app catch `RoamError` alone, so nothing reaches a user as a traceback.

Problems found in a user's questionnaire are `Issue`s built from a catalogue with one record per
code (severity, message template, how to fix). The records live beside the rule that raises
them (roam/questionnaire/rules/), and register here.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]

MAX_ISSUES = 200  # a report lists this many issues, then says how many more there are
VALUE_CHARS = 60  # a user's value is shown up to this many characters in messages
FIELD_CHARS = 300  # other text put into a message (sheet lists, formulas, link targets)


class RoamError(Exception):
    """A refusal with a plain message and a location (file, sheet, cell or row, item).

    Subclasses may set the location attributes themselves before or after calling this
    constructor; only the ones given here are (re)set.
    """

    message: str = ""
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    item: str | None = None

    def __init__(
        self,
        message: str,
        *,
        file: object = None,
        sheet: str | None = None,
        cell: str | None = None,
        row: int | None = None,
        item: str | None = None,
    ) -> None:
        self.message = message
        for name, value in (("file", file), ("sheet", sheet), ("cell", cell), ("row", row)):
            if value is not None:
                setattr(self, name, str(value) if name == "file" else value)
        if item is not None:
            self.item = item
        super().__init__(message)

    def _where(self) -> list[str]:
        parts = []
        if self.file:
            parts.append(str(self.file))
        if self.sheet and self.cell:
            parts.append(f"{self.sheet}!{self.cell}")
        elif self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.item:
            parts.append(str(self.item))
        return parts

    @property
    def location(self) -> str:
        """'file.xlsx, R!F7, R.A.1.1': only the parts that are known."""
        return ", ".join(self._where())

    def plain(self) -> str:
        """The message a person reads, led by whatever part of the location it does not
        already name."""
        text = str(self) or self.message
        missing = [part for part in self._where() if part not in text]
        return f"{', '.join(missing)}: {text}" if missing else text


@dataclass(frozen=True)
class IssueKind:
    """One record of the catalogue: what a code means, how bad it is and how to fix it."""

    code: str
    severity: Severity
    template: str
    fix: str


CATALOGUE: dict[str, IssueKind] = {}


def register_issues(*kinds: IssueKind) -> tuple[IssueKind, ...]:
    """Add a rule's issue records to the catalogue (a code may be defined only once)."""
    for kind in kinds:
        known = CATALOGUE.get(kind.code)
        if known is not None and known != kind:
            raise ValueError(f"issue code {kind.code!r} is defined twice")
        CATALOGUE[kind.code] = kind
    return kinds


def catalogue() -> dict[str, IssueKind]:
    """Every questionnaire issue record (importing the rules registers them)."""
    import roam.questionnaire.rules  # noqa: F401  (registers every rule's records)

    return CATALOGUE


def issue_kind(code: str) -> IssueKind:
    kind = CATALOGUE.get(code)
    return kind if kind is not None else catalogue()[code]


_CONTROL = {c: "\ufffd" for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]}


def shown(value: object, limit: int = VALUE_CHARS) -> str:
    """A user's value as it may appear in a message: control characters made visible, and
    long text cut with its length said (a 100,000-character cell is not echoed whole)."""
    text = str(value).translate(_CONTROL)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}\u2026 ({len(text):,} characters)"


@dataclass(frozen=True)
class Issue:
    code: str
    severity: Severity
    message: str
    sheet: str | None = None
    cell: str | None = None
    indicator: str | None = None
    value: str | None = None
    # what the message template was filled with, so it can be shown again in another language
    params: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def text(self, lang: str | None = None) -> str:
        """The message in `lang` (default: the current language, see roam.i18n)."""
        from roam.i18n import current_language, gettext

        lang = lang or current_language()
        if lang == "en" or not self.params:
            return self.message
        return gettext(issue_kind(self.code).template, lang).format(**self.params)

    def fix(self, lang: str | None = None) -> str:
        return how_to_fix(self.code, lang)

    def location(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or "file"

    def __str__(self) -> str:
        where = self.location()
        ind = f" [{self.indicator}]" if self.indicator else ""
        from roam.i18n import gettext

        return f"{gettext(self.severity).upper()} {where}{ind}: {self.text()}"

    def as_dict(self) -> dict[str, str | None]:
        d = asdict(self)
        d["message"] = self.text()
        return {
            k: d[k] for k in ("severity", "sheet", "cell", "indicator", "value", "message", "code")
        }


def make_issue(
    code: str,
    *,
    sheet: str | None = None,
    cell: str | None = None,
    indicator: str | None = None,
    value: object = None,
    **fields: object,
) -> Issue:
    kind = issue_kind(code)
    text = None if value is None else shown(value)
    safe = {k: shown(v, FIELD_CHARS) if isinstance(v, str) else v for k, v in fields.items()}
    sheet = None if sheet is None else shown(sheet, FIELD_CHARS)
    params = dict(value=text, indicator=indicator, sheet=sheet, cell=cell, **safe)
    message = kind.template.format(**params)
    return Issue(code, kind.severity, message, sheet, cell, indicator, text, params)


@dataclass
class ValidationReport:
    """Every issue found, up to `limit`; past it only counts are kept ("and N more")."""

    issues: list[Issue] = field(default_factory=list)
    limit: int = MAX_ISSUES
    omitted: dict[str, int] = field(default_factory=dict)
    language: str | None = None  # the workbook's language, when its metadata names one

    def add(self, code: str, **kwargs: object) -> Issue:
        found = make_issue(code, **kwargs)  # type: ignore[arg-type]
        if len(self.issues) < self.limit:
            self.issues.append(found)
        else:
            self.omitted[found.severity] = self.omitted.get(found.severity, 0) + 1
        return found

    def close(self) -> None:
        """Say how many issues were not listed (once, as the last issue)."""
        count = sum(self.omitted.values())
        if count and not any(i.code == "more_issues" for i in self.issues):
            errors = self.omitted.get("error", 0)
            kind = issue_kind("more_issues")
            message = kind.template.format(count=count, errors=errors, limit=self.limit)
            severity: Severity = "error" if errors else "warning"
            self.issues.append(Issue("more_issues", severity, message))

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not self.errors and not self.omitted.get("error")

    def as_dict(self) -> dict[str, object]:
        return {"valid": self.valid, "issues": [i.as_dict() for i in self.issues]}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False)


class QuestionnaireError(RoamError):
    """A questionnaire that cannot be used; carries every issue found, not just the first."""

    def __init__(self, report: ValidationReport, file: object = None) -> None:
        self.report = report
        first = report.errors[0] if report.errors else None
        more = len(report.errors) - 1
        summary = str(first) if first else "invalid questionnaire"
        if more > 0:
            summary += f" (and {more} more error{'s' if more > 1 else ''})"
        super().__init__(
            summary,
            file=file,
            sheet=first.sheet if first else None,
            cell=first.cell if first else None,
            item=first.indicator if first else None,
        )

    @property
    def issues(self) -> list[Issue]:
        return self.report.issues

    def plain(self) -> str:
        """Every error (the first ten) in the current language (roam.i18n)."""
        from roam.i18n import gettext as _

        where = _(NOT_USABLE[0]).format(file=self.file) if self.file else _(NOT_USABLE[1])
        lines = "\n".join(f"  {issue}" for issue in self.report.errors[:10])
        return f"{where}:\n{lines}" if lines else where


# The heading of a refused questionnaire's error list (extracted by extract_messages below).
NOT_USABLE = ("{file} is not usable", "The questionnaire is not usable")


def how_to_fix(code: str, lang: str | None = None) -> str:
    """How to fix an issue, in `lang` (default: the current language)."""
    from roam.i18n import gettext

    kind = CATALOGUE.get(code) or catalogue().get(code)
    return gettext(kind.fix, lang) if kind is not None and kind.fix else ""


def extract_messages(fileobj, keywords, comment_tags, options):
    """Babel extraction method (see babel.cfg): every issue message and fix of the catalogue,
    which live in the rules' records rather than in `_()` calls."""
    for code, kind in sorted(catalogue().items()):
        yield 0, None, kind.template, [f"issue {code}"]
        if kind.fix:
            yield 0, None, kind.fix, [f"fix for {code}"]
    for heading in NOT_USABLE:
        yield 0, None, heading, ["a refused questionnaire"]
