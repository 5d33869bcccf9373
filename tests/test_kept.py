"""A kept table belongs to one object: asked again it is the same, another object gets its own,
and the least recently asked go first."""

from __future__ import annotations

from roam import kept as kept_module
from roam.kept import LIMIT, kept


class Owner:
    """Unhashable, like a loaded framework."""

    __hash__ = None  # type: ignore[assignment]


def test_made_once_per_owner_and_name():
    made: list[str] = []
    first, second = Owner(), Owner()

    def make(label: str):
        return lambda: made.append(label) or label

    assert kept(first, "t", make("first")) == "first"
    assert kept(first, "t", make("again")) == "first"
    assert kept(second, "t", make("second")) == "second"
    assert kept(first, "u", make("other table")) == "other table"
    assert made == ["first", "second", "other table"]


def test_the_least_recently_asked_go_first():
    owners = [Owner() for _ in range(LIMIT + 1)]
    for owner in owners[:LIMIT]:
        kept(owner, "t", lambda: 0)
    kept(owners[0], "t", lambda: 1)  # asked again: now the most recent
    kept(owners[LIMIT], "t", lambda: 0)  # one too many: owners[1] goes
    held = [value[0] for value in kept_module._KEPT.values()]
    assert owners[0] in held and owners[LIMIT] in held and owners[1] not in held
    assert len(kept_module._KEPT) == LIMIT
