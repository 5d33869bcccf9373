"""Tables worked out once per loaded object (a framework, the vocabulary) and kept for it.

Reading an upload and scoring need lookups that depend only on the framework or the vocabulary
(what each indicator expects, the scoring tree, the default settings and weight sets), never on
the workbook; building them for every upload or run was repeated work. Neither object is
hashable (a mutable dataclass, a pydantic model with lists), so a table is kept under the object's
identity together with the object itself: an id cannot be reused while it is held, and a changed
copy (another object) gets its own table.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
LIMIT = 64  # a process holds a few frameworks and one vocabulary (tests make a few more)
_KEPT: dict[tuple[int, Hashable], tuple[Any, Any]] = {}
_LOCK = threading.Lock()


def kept(owner: object, name: Hashable, make: Callable[[], T]) -> T:
    """`make()` the first time `name` is asked of this very `owner`; the same value after
    (the least recently asked table goes first when more than LIMIT are kept)."""
    key = (id(owner), name)
    with _LOCK:  # the app reads uploads in several threads
        hit = _KEPT.pop(key, None)
    value = hit[1] if hit is not None and hit[0] is owner else make()
    with _LOCK:
        _KEPT[key] = (owner, value)  # last in the dict: the most recently asked
        while len(_KEPT) > LIMIT:
            del _KEPT[next(iter(_KEPT))]
    return value
