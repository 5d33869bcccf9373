"""Hand-worked answers on the small 2024 fixture framework, shared by the scoring tests.

Numbers in comments are worked by hand from tests/fixtures/frameworks/2024 (see its YAML files):
  R.A.1: R.A.1.1 yes/partly/no (core), R.A.1.2 evidence rubric 0-4   R.A.2: R.A.2.1 perception %
  O.A.1: O.A.1.1 yes/no      A.A.1: A.A.1.1 % (0-100, higher), A.A.1.2 number (2-10, lower)
  M.A.1: M.A.1.1 yes/partly/no     X.F.1: X.F.1.1 yes/partly/no (core), X.F.1.2 rubric
  C.1 number, C.2 free text (contextual: kept, never scored)
"""

from __future__ import annotations

import math

import pandas as pd

from tests.conftest import FIXTURES

ROOT = FIXTURES / "frameworks"
COLS = ["country", "indicator_id", "status", "answer", "value"]


def rows(country: str, answers: dict[str, object]) -> list[tuple]:
    """answers: id -> label (str), number (float) or a status name in angle brackets."""
    out = []
    for ind, a in answers.items():
        if isinstance(a, str) and a.startswith("<"):
            out.append((country, ind, a.strip("<>"), None, math.nan))
        elif isinstance(a, str):
            out.append((country, ind, "available", a, math.nan))
        else:
            out.append((country, ind, "available", None, float(a)))
    return out


XA = {
    "R.A.1.1": "Partly",  # 50
    "R.A.1.2": "3 - Substantial",  # 75  -> R.A.1 = 62.5
    "R.A.2.1": 40,  # perception share as it is: 40 -> R.A.2 = 40; R.A = R = 51.25
    "O.A.1.1": "Yes",  # 100 -> O = 100
    "A.A.1.1": 80,  # 80
    "A.A.1.2": 4,  # lower is better, 2..10: (10 - 4) / 8 * 100 = 75 -> A.A.1 = A = 77.5
    "M.A.1.1": "No",  # 0 -> M = 0
    "X.F.1.1": "Yes",  # 100
    "X.F.1.2": "<not_applicable>",  # leaves the denominator -> X = 100
    "C.1": 20000,  # contextual: kept, not scored
    "C.2": "A growing economy.",
}
# index = (51.25 + 100 + 77.5 + 0) / 4 = 57.1875

XB = {
    "R.A.1.1": "Yes",  # 100
    "R.A.1.2": "<not_available>",  # R.A.1: 1 of 2 = 50 % < 2/3 -> insufficient data
    "R.A.2.1": 60,  # R.A: 1 of 2 questions -> insufficient; so R insufficient
    # O.A.1.1 absent = unanswered -> O.A.1, O.A, O insufficient
    "A.A.1.1": 120,  # truncated to 100
    "A.A.1.2": 1,  # (10 - 1) / 8 * 100 = 112.5, truncated to 100 -> A = 100
    "M.A.1.1": "Partly",  # 50 -> M = 50
    "X.F.1.1": "<not_applicable>",
    "X.F.1.2": "<not_applicable>",  # nothing applicable -> X not applicable
}
# index: 2 of 4 categories scored = 50 % < 2/3 -> insufficient data


def responses_frame() -> pd.DataFrame:
    """XA and XB above as a long response table."""
    return pd.DataFrame(rows("XA", XA) + rows("XB", XB), columns=COLS)


def cell(table: pd.DataFrame, country: str, ident: str) -> pd.Series:
    hit = table[(table["country"] == country) & (table["id"] == ident)]
    assert len(hit) == 1
    return hit.iloc[0]
