"""A recommendation as entered (CLI, app or workbook), checked against the framework.

One set of checks for every way in: each problem becomes a located, plain issue from the one
issue catalogue (roam.errors), so a wrong theme reads the same on the CLI, the app and a workbook.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from roam.errors import Issue, make_issue
from roam.framework import Framework
from roam.framework.models import normalise_label
from roam.questionnaire.rules import recommendations as _issues  # noqa: F401  (registers)
from roam.questionnaire.vocab import fold, vocabulary
from roam.recommendations.vocabulary import register_vocabulary

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
LIST_SPLIT = re.compile(r"[,;\n]+")
FIELD_LABELS = {
    "code": "Recommendation ID",
    "text": "Recommendation",
    "themes": "Themes",
    "indicators": "Indicators",
    "stakeholders": "Addressed to",
    "priority": "Priority",
    "target_date": "Target date",
    "status": "Status",
    "evidence": "Status evidence",
}


class RecommendationError(ValueError):
    """Entered recommendation data that cannot be stored; carries every issue found."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        super().__init__(" ".join(issue.message for issue in issues))


@dataclass(frozen=True)
class RecommendationInput:
    """What a user enters for one recommendation (status/evidence: an optional first update)."""

    code: str
    text: str
    themes: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    stakeholders: tuple[str, ...] = ()
    priority: str = "medium"
    target_date: dt.date | None = None
    status: str | None = None
    evidence: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The export shape (as the store gives it), for recommendations read from a workbook."""
        return {
            "id": self.code,
            "text": self.text,
            "themes": list(self.themes),
            "indicators": list(self.indicators),
            "stakeholders": list(self.stakeholders),
            "priority": self.priority,
            "target_date": self.target_date.isoformat() if self.target_date else None,
            "status": self.status or "not_started",
            "status_date": None,
            "evidence": self.evidence,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RecommendationInput:
        target = data.get("target_date")
        return cls(
            code=str(data["id"]),
            text=str(data["text"]),
            themes=tuple(data.get("themes") or ()),
            indicators=tuple(data.get("indicators") or ()),
            stakeholders=tuple(data.get("stakeholders") or ()),
            priority=str(data.get("priority") or "medium"),
            target_date=parse_date(target) if target else None,
            status=data.get("status"),
            evidence=str(data.get("evidence") or ""),
        )

    def fields(self) -> dict[str, Any]:
        """The stored fields (lists for JSON columns), without the optional first update."""
        out = asdict(self)
        for key in ("themes", "indicators", "stakeholders"):
            out[key] = list(out[key])
        out.pop("status")
        out.pop("evidence")
        return out


@dataclass
class Checked:
    value: RecommendationInput | None
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]


def split_list(value: object) -> list[str]:
    """'R.A, R.B;O.A' -> ['R.A', 'R.B', 'O.A']: cells and options hold comma-separated lists."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        items = [str(v) for v in value]
    else:
        items = LIST_SPLIT.split(str(value))
    return [i.strip() for i in items if i and i.strip()]


def parse_date(value: object) -> dt.date | None:
    """A date cell, a datetime, or text YYYY-MM-DD; ValueError otherwise; None when blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip()[:10])


def check_fields(
    raw: Mapping[str, object],
    framework: Framework,
    *,
    locate: Mapping[str, Any] | None = None,
) -> Checked:
    """Check one recommendation's fields; ``locate`` maps a field to issue location kwargs."""
    vocab = register_vocabulary()
    groups = vocabulary().lookup("stakeholder_groups")  # typed in English or any translation
    issues: list[Issue] = []

    def add(code: str, key: str, **kw: Any) -> None:
        where = dict((locate or {}).get(key, {}))
        issues.append(make_issue(code, **where, **kw))

    def text_of(key: str) -> str:
        value = raw.get(key)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    code, text = text_of("code"), text_of("text")
    for key, given in (("code", code), ("text", text)):
        if not given:
            add("rec_missing_field", key, field=FIELD_LABELS[key])
    if code and not ID_PATTERN.match(code):
        add("rec_bad_id", "code", value=code)
    themes, indicators = split_list(raw.get("themes")), split_list(raw.get("indicators"))
    known_themes = {t.casefold(): t for t in framework.themes}
    example = ", ".join(list(framework.themes)[:2])
    theme_ids = []
    for theme in themes:
        found = known_themes.get(theme.casefold())
        if found is None:
            add(
                "rec_unknown_theme",
                "themes",
                value=theme,
                version=framework.version,
                example=example,
            )
        else:
            theme_ids.append(found)
    known = {i.casefold(): i for i in framework.by_id}
    indicator_ids = []
    for indicator in indicators:
        found = known.get(indicator.casefold())
        if found is None:
            add("rec_unknown_indicator", "indicators", value=indicator, version=framework.version)
        else:
            indicator_ids.append(found)
    addressed, typed_groups = [], split_list(raw.get("stakeholders"))
    for group in typed_groups:
        found = groups.get(normalise_label(group)) or groups.get(fold(group))
        if found is None:
            add(
                "rec_unknown_group",
                "stakeholders",
                value=group,
                expected=", ".join(vocabulary().stakeholder_groups),
            )
        else:
            addressed.append(found)
    if not typed_groups:
        add("rec_missing_field", "stakeholders", field=FIELD_LABELS["stakeholders"])
    priority = vocab.priority_code(text_of("priority")) if text_of("priority") else None
    if text_of("priority") and priority is None:
        add(
            "rec_bad_priority",
            "priority",
            value=text_of("priority"),
            expected=", ".join(t.label for t in vocab.priorities),
        )
    elif priority is None:
        add("rec_missing_field", "priority", field=FIELD_LABELS["priority"])
    try:
        target = parse_date(raw.get("target_date"))
    except (ValueError, TypeError):
        target = None
        add("rec_bad_date", "target_date", value=text_of("target_date"))
    status = None
    if text_of("status"):
        status = vocab.status_code(text_of("status"))
        if status is None:
            add(
                "rec_bad_status",
                "status",
                value=text_of("status"),
                expected=", ".join(t.label for t in vocab.statuses),
            )
    if code and not themes and not indicators:
        add("rec_unlinked", "themes", value=code)
    if any(i.severity == "error" for i in issues):
        return Checked(None, issues)
    value = RecommendationInput(
        code=code,
        text=text,
        themes=tuple(dict.fromkeys(theme_ids)),
        indicators=tuple(dict.fromkeys(indicator_ids)),
        stakeholders=tuple(dict.fromkeys(addressed)),
        priority=priority or "medium",
        target_date=target,
        status=status,
        evidence=text_of("evidence"),
    )
    return Checked(value, issues)


def check_or_raise(raw: Mapping[str, object], framework: Framework) -> RecommendationInput:
    checked = check_fields(raw, framework)
    if checked.value is None:
        raise RecommendationError(checked.errors)
    return checked.value


def check_status(typed: str) -> str:
    """A status as typed -> its code; RecommendationError naming the allowed ones otherwise."""
    vocab = register_vocabulary()
    code = vocab.status_code(typed)
    if code is None:
        expected = ", ".join(t.label for t in vocab.statuses)
        raise RecommendationError([make_issue("rec_bad_status", value=typed, expected=expected)])
    return code


def check_update_date(dated: dt.date | None, today: dt.date) -> dt.date:
    """The day of a status update: today by default, never in the future."""
    if dated is None:
        return today
    if dated > today:
        raise RecommendationError(
            [make_issue("rec_future_date", value=dated.isoformat(), today=today.isoformat())]
        )
    return dated


def categories_of(
    themes: Iterable[str], indicators: Iterable[str], framework: Framework
) -> list[str]:
    """The categories a recommendation belongs under (from its themes and indicators)."""
    found = [framework.themes[t][0] for t in themes if t in framework.themes]
    found += [framework.by_id[i].category for i in indicators if i in framework.by_id]
    return list(dict.fromkeys(found))
