"""Score any indicator tree given as COINr's two tables, with COINr's aggregation semantics.

    scores = aggregate_tables(imeta, idata, method="geometric", shift=1, threshold="2/3")

`imeta` has one row per indicator and aggregate: iCode, Level (1 = indicator, 2, 3, ... upwards),
Parent (the iCode one level up; empty at the top), Weight, Direction, Type ("Indicator" or
"Aggregate"; rows of other types, such as COINr's "Group" or "Denominator", are ignored).
`idata` has uCode and one column per indicator, already on 0-100 points (so Direction, which
COINr uses when normalising, plays no part here). The result has uCode and one column per
aggregate, level by level in iMeta order, NaN where the data are insufficient.

Semantics (as COINr's Aggregate with a_amean / a_gmean and dat_thresh):
- A parent's value is the weighted mean of its children that have a value; the weights are
  renormalised over those children. Weights are relative within their group.
- Geometric: exp(sum w log(x + shift) / sum w) - shift. With shift 0 (COINr) every value must be
  positive; shift 1 is roam's rule for zeros.
- Coverage, rule "direct" (COINr's dat_thresh): a parent is insufficient when the share of its
  direct children with a value is below the threshold: an unweighted count, compared exactly
  (4 of 6 passes 2/3), at every level; an insufficient aggregate counts as missing at the next
  level up. A node with one child needs that child. Rule "indicators": the share of the indicators
  beneath it with a value instead. No threshold: a parent needs one child with a value.
- A parent whose present children all have weight 0 has no value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

import numpy as np
import pandas as pd

from roam.scoring.config import ScoringConfigError

META_COLUMNS = ("iCode", "Level", "Parent", "Weight", "Direction", "Type")
Rule = Literal["direct", "indicators"]


@dataclass(frozen=True)
class CoinTree:
    """The checked structure: indicators, then aggregates level by level, with parents."""

    indicators: tuple[str, ...]
    levels: tuple[tuple[str, ...], ...]  # aggregate codes of level 2, 3, ...
    parent: dict[str, str]
    weight: dict[str, float]

    def children(self, code: str) -> list[str]:
        return [c for c, p in self.parent.items() if p == code]


def parse_threshold(value: str | float | Fraction | None) -> Fraction | None:
    """ "2/3", "0.75", 0.5 or a Fraction as an exact fraction in [0, 1]; None for no threshold.

    Floats are read as the nearest fraction with a small denominator, so 2/3 typed as
    0.6666666666666666 means two thirds, as it does in COINr's floating-point comparison."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if isinstance(value, Fraction):
            share = value
        elif isinstance(value, str):
            share = Fraction(value.strip().replace(" ", ""))
        else:
            share = Fraction(float(value)).limit_denominator(1_000_000)
    except (ValueError, ZeroDivisionError):
        raise ScoringConfigError(
            "threshold", str(value), "expected a share such as 2/3 or 0.5"
        ) from None
    if not 0 <= share <= 1:
        raise ScoringConfigError("threshold", str(value), "must be between 0 and 1")
    return share


def read_meta(meta: pd.DataFrame, source: str = "iMeta") -> CoinTree:
    """Check iMeta and turn it into a tree; every problem names the row and column."""
    missing = [c for c in META_COLUMNS if c not in meta.columns]
    if missing:
        raise ScoringConfigError(
            source, "columns", f"missing column(s) {', '.join(missing)}; expected {META_COLUMNS}"
        )
    rows: list[tuple[str, int, str | None, float, int]] = []
    for i, rec in enumerate(meta.to_dict("records")):
        where = f"row {i + 2}"  # spreadsheet row: header is row 1
        kind = _text(rec["Type"])
        if kind not in ("Indicator", "Aggregate"):
            continue
        code = _text(rec["iCode"])
        if not code:
            raise ScoringConfigError(source, f"{where}, iCode", "empty code")
        level = _number(rec["Level"], source, f"{where} ({code}), Level")
        if level != int(level) or level < 1:
            raise ScoringConfigError(source, f"{where} ({code}), Level", "expected 1, 2, 3, ...")
        if (kind == "Indicator") != (level == 1):
            raise ScoringConfigError(
                source,
                f"{where} ({code}), Level",
                "indicators are level 1 and aggregates level 2 or above",
            )
        weight = _number(rec["Weight"], source, f"{where} ({code}), Weight")
        if weight < 0:
            raise ScoringConfigError(source, f"{where} ({code}), Weight", "must not be negative")
        rows.append((code, int(level), _text(rec["Parent"]) or None, weight, i + 2))
    codes = [r[0] for r in rows]
    dup = sorted({c for c in codes if codes.count(c) > 1})
    if dup:
        raise ScoringConfigError(source, "iCode", f"repeated code(s): {', '.join(dup)}")
    level_of = {r[0]: r[1] for r in rows}
    top = max(level_of.values(), default=0)
    if top < 2:
        raise ScoringConfigError(source, "Level", "no aggregates: nothing to aggregate")
    parent: dict[str, str] = {}
    for code, level, par, _, line in rows:
        if par is None:
            if level != top:
                raise ScoringConfigError(
                    source, f"row {line} ({code}), Parent", "empty, but only the top level may be"
                )
            continue
        if par not in level_of:
            raise ScoringConfigError(
                source, f"row {line} ({code}), Parent", f"{par!r} is not an aggregate in iMeta"
            )
        if level_of[par] != level + 1:
            raise ScoringConfigError(
                source,
                f"row {line} ({code}), Parent",
                f"{par} is level {level_of[par]}; a level {level} code needs a level "
                f"{level + 1} parent",
            )
        parent[code] = par
    with_children = set(parent.values())
    for code, level, _, _, line in rows:
        if level >= 2 and code not in with_children:
            raise ScoringConfigError(source, f"row {line} ({code})", "aggregate without children")
    return CoinTree(
        indicators=tuple(r[0] for r in rows if r[1] == 1),
        levels=tuple(tuple(r[0] for r in rows if r[1] == lv) for lv in range(2, top + 1)),
        parent=parent,
        weight={r[0]: r[3] for r in rows},
    )


def read_data(data: pd.DataFrame, tree: CoinTree, source: str = "iData") -> pd.DataFrame:
    """uCode-indexed numeric matrix of the indicators (NaN = missing), checked cell by cell."""
    if "uCode" not in data.columns:
        raise ScoringConfigError(source, "columns", "no uCode column")
    absent = [c for c in tree.indicators if c not in data.columns]
    if absent:
        raise ScoringConfigError(
            source, "columns", f"no column for indicator(s) {', '.join(absent[:10])}"
        )
    units = [_text(u) for u in data["uCode"]]
    for i, u in enumerate(units):
        if not u:
            raise ScoringConfigError(source, f"row {i + 2}, uCode", "empty unit code")
    dup = sorted({u for u in units if units.count(u) > 1})
    if dup:
        raise ScoringConfigError(source, "uCode", f"repeated unit code(s): {', '.join(dup)}")
    out = pd.DataFrame(index=pd.Index(units, name="uCode"))
    for code in tree.indicators:
        column = data[code]
        values = pd.to_numeric(column, errors="coerce")
        bad = values.isna() & column.notna() & (column.astype(str).str.strip() != "")
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            raise ScoringConfigError(
                source,
                f"row {i + 2} ({units[i]}), column {code}",
                f"{column.iloc[i]!r} is not a number",
            )
        out[code] = values.to_numpy(dtype=float)
    return out


def aggregate_tables(
    meta: pd.DataFrame,
    data: pd.DataFrame,
    method: Literal["arithmetic", "geometric"] = "arithmetic",
    shift: float = 0.0,
    threshold: str | float | Fraction | None = None,
    rule: Rule = "direct",
    *,
    meta_source: str = "iMeta",
    data_source: str = "iData",
) -> pd.DataFrame:
    """uCode plus one column per aggregate (see the module docstring for the semantics)."""
    if method not in ("arithmetic", "geometric"):
        raise ScoringConfigError("method", method, "expected arithmetic or geometric")
    if rule not in ("direct", "indicators"):
        raise ScoringConfigError("rule", rule, "expected direct or indicators")
    if not math.isfinite(shift) or shift < 0:
        raise ScoringConfigError("shift", str(shift), "expected a number 0 or above")
    share = parse_threshold(threshold)
    tree = read_meta(meta, meta_source)
    values = read_data(data, tree, data_source)
    if method == "geometric":
        low = values.to_numpy() + shift <= 0
        if low.any():
            i, j = (int(k[0]) for k in np.nonzero(low))
            raise ScoringConfigError(
                data_source,
                f"row {i + 2} ({values.index[i]}), column {values.columns[j]}",
                f"the geometric mean needs values above {-shift:g} with shift {shift:g} "
                "(COINr's geometric mean needs positive values; --shift 1 admits zeros)",
            )
    known: dict[str, np.ndarray] = {c: values[c].to_numpy() for c in tree.indicators}
    counts = {c: (~np.isnan(known[c])).astype(int) for c in tree.indicators}  # beneath with data
    totals = {c: 1 for c in tree.indicators}
    result: dict[str, np.ndarray] = {}
    for codes in tree.levels:
        for code in codes:
            kids = tree.children(code)
            x = np.column_stack([known[k] for k in kids])
            w = np.array([tree.weight[k] for k in kids])
            present = ~np.isnan(x)
            counts[code] = sum(counts[k] for k in kids)
            totals[code] = sum(totals[k] for k in kids)
            if rule == "direct":
                have, need = present.sum(axis=1), len(kids)
            else:
                have, need = counts[code], totals[code]
            enough = present.any(axis=1)
            if share is not None:
                enough &= have * share.denominator >= share.numerator * need
            wp = np.where(present, w, 0.0)
            den = wp.sum(axis=1)
            xs = np.where(present, x, 0.0)
            with np.errstate(invalid="ignore", divide="ignore"):
                if method == "geometric":
                    mean = np.exp((wp * np.log(np.where(present, xs + shift, 1.0))).sum(1) / den)
                    mean -= shift
                else:
                    mean = (wp * xs).sum(axis=1) / den
            value = np.where(enough & (den > 0), mean, np.nan)
            known[code] = result[code] = value
    return pd.DataFrame({"uCode": list(values.index), **result})


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _number(value: object, source: str, item: str) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ScoringConfigError(source, item, f"{value!r} is not a number") from None
    if not math.isfinite(number):
        raise ScoringConfigError(source, item, "expected a number")
    return number
