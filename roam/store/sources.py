"""Turn command-line arguments into assessments: files on disk or countries in the store.

data/XA.xlsx     a questionnaire file (read and validated)
XA               latest version of the latest (not archived) assessment of XA
XA:3             version 3 of that assessment
XA@2024          latest version of XA's 2024 assessment
XA@2024:2        version 2 of XA's 2024 assessment
"""

from __future__ import annotations

import re
from pathlib import Path

from roam.i18n import _
from roam.questionnaire.budget import read_within_budget
from roam.questionnaire.model import Assessment
from roam.store.engine import StoreError
from roam.store.repository import NotFound, Store

_REF = re.compile(r"^(?P<code>[A-Za-z]{2,3})(?:@(?P<year>\d{4}))?(?::(?P<version>\d+))?$")


def parse_reference(text: str) -> tuple[str, int | None, int | None] | None:
    """``"XA@2024:2"`` -> ``("XA", 2024, 2)``; None when it is not a store reference."""
    m = _REF.match(text.strip())
    if not m:
        return None
    year, version = m.group("year"), m.group("version")
    return m.group("code").upper(), int(year) if year else None, int(version) if version else None


def load_assessment(
    country: str,
    year: int | None = None,
    version: int | None = None,
    *,
    store: Store | None = None,
) -> Assessment:
    """An Assessment rebuilt from the store (:meth:`Store.load`; bytes: :meth:`Store.original`)."""
    return (store or Store()).load(country, year, version)


def resolve_sources(args: list[str], *, store: Store | None = None) -> list[Assessment]:
    """Each argument is an existing file, else a stored reference (``XA``, ``XA:3``, ``XA@2024``).

    Files that do not validate raise QuestionnaireError; unknown references raise
    :class:`NotFound` naming what was not found.
    """
    out: list[Assessment] = []
    for arg in args:
        path = Path(arg)
        if path.is_file():
            out.append(read_within_budget(path))
            continue
        ref = parse_reference(arg)
        if ref is None:
            raise NotFound(
                _("{arg} is neither a file nor a stored country (like XA, XA:3, XA@2024)").format(
                    arg=repr(arg)
                )
            )
        if store is None:
            try:
                store = Store()
            except StoreError as exc:
                raise NotFound(
                    _("{arg} is not a file, and the store cannot be opened: {reason}").format(
                        arg=repr(arg), reason=exc
                    )
                ) from exc
        code, year, version = ref
        try:
            out.append(store.load(code, year, version))
        except NotFound as exc:
            raise NotFound(
                _("{arg} is not a file, and {reason}").format(arg=repr(arg), reason=exc)
            ) from None
    return out
