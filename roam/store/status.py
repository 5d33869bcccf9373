"""The life of an assessment as data: which status may follow which, and why not.

    draft -> validated (by the MAB) -> submitted (to UNESCO) -> published

An assessment can be sent back to ``draft`` from ``validated`` or ``submitted`` (changes asked
for), archived from any status (removal is an archive, never a delete), and restored from
``archived`` to ``draft``. A new upload to a ``validated`` or ``submitted`` assessment returns it
to ``draft`` (the new content has not been validated); uploads to ``published`` or ``archived``
assessments are refused.
"""

from __future__ import annotations

from typing import Final

from roam.errors import RoamError
from roam.i18n import N_, _

FORWARD: Final = ("draft", "validated", "submitted", "published")
STATUSES: Final = (*FORWARD, "archived")

TRANSITIONS: Final[dict[str, frozenset[str]]] = {
    "draft": frozenset({"validated", "archived"}),
    "validated": frozenset({"submitted", "draft", "archived"}),
    "submitted": frozenset({"published", "draft", "archived"}),
    "published": frozenset({"archived"}),
    "archived": frozenset({"draft"}),
}

# Statuses where a new upload is accepted, and the status the assessment is in afterwards.
UPLOAD_REOPENS: Final = frozenset({"validated", "submitted"})
UPLOAD_REFUSED: Final[dict[str, str]] = {
    "published": N_("it is published; start a new assessment year or archive it first"),
    "archived": N_("it is archived; restore it with `roam status {country} {year} --set draft`"),
}

# Statuses that count as accepted by UNESCO's side when comparing countries.
ACCEPTED: Final = frozenset({"submitted", "published"})


class TransitionError(RoamError, ValueError):
    """An impossible status change; the message says why in plain words."""


def check_transition(label: str, current: str, target: str) -> None:
    """Raise TransitionError unless ``current -> target`` is allowed; ``label`` is 'XA 2025'."""
    if target not in STATUSES:
        raise TransitionError(
            _("Unknown status {target} for {label}; use one of: {statuses}").format(
                target=repr(target), label=label, statuses=", ".join(STATUSES)
            )
        )
    if target == current:
        raise TransitionError(
            _("{label} is already {current}").format(label=label, current=_(current))
        )
    if target in TRANSITIONS[current]:
        return
    fields = {"label": label, "current": _(current), "target": _(target)}
    if current in FORWARD and target in FORWARD:
        here, there = FORWARD.index(current), FORWARD.index(target)
        if there > here + 1:
            missing = FORWARD[here + 1 : there]
            raise TransitionError(
                _(
                    "Cannot move {label} from {current} to {target}: it must be {missing} first"
                ).format(missing=_(" and ").join(_(m) for m in missing), **fields)
            )
    allowed = sorted(TRANSITIONS[current], key=STATUSES.index)
    raise TransitionError(
        _(
            "Cannot move {label} from {current} to {target}: from {current} it can only go to "
            "{allowed}"
        ).format(allowed=_(" or ").join(_(a) for a in allowed), **fields)
    )


def forward_path(current: str, target: str) -> list[str]:
    """The statuses to pass through to reach ``target`` by forward steps (for `ingest --status`)."""
    if current in FORWARD and target in FORWARD:
        here, there = FORWARD.index(current), FORWARD.index(target)
        if there > here:
            return list(FORWARD[here + 1 : there + 1])
    return [target] if target != current else []
