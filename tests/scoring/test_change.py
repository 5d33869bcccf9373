"""Change over time on the hand-worked fixture answers: paired intervals, verdicts, shared sets."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from roam.scoring.change import DECLINED, IMPROVED, NO_CHANGE, change_between
from tests.scoring.hand_worked import COLS, XA, rows

CORE = ["R.A.1.1", "R.A.2.1", "O.A.1.1", "A.A.1.1", "M.A.1.1", "X.F.1.1"]


def frame(answers: dict) -> pd.DataFrame:
    return pd.DataFrame(rows("XA", answers), columns=COLS).drop(columns="country")


def node(change, ident: str) -> pd.Series:
    return change.table.set_index("id").loc[ident]


def test_one_answer_better_paired_intervals(fw):
    # M.A.1.1 "No" (0) -> "Yes" (100): M 0 -> 100; index 57.1875 -> (51.25+100+77.5+100)/4
    after = {**XA, "M.A.1.1": "Yes"}
    ch = change_between(fw, frame(XA), frame(after), ("XA@2024", "XA@2026"), ("full", "full"))
    m = node(ch, "M")
    assert (m["before"], m["after"], m["change"]) == (0, 100, 100)
    assert [m["low"], m["high"]] == pytest.approx([100, 100]) and m["verdict"] == IMPROVED
    idx = node(ch, "ROAM")
    assert idx["change"] == pytest.approx(82.1875 - 57.1875)
    assert 0 < idx["low"] <= idx["high"] and idx["verdict"] == IMPROVED
    # R did not change: with the same weights and method in both years every draw gives 0
    r = node(ch, "R")
    assert (r["change"], r["low"], r["high"], r["verdict"]) == (0, 0, 0, NO_CHANGE)
    assert ch.indicators[["indicator_id", "answer_before", "answer_after"]].values.tolist() == [
        ["M.A.1.1", "No", "Yes"]
    ]
    assert ch.note is None and ch.indicator_set == "full"
    json.dumps(ch.to_json())


def test_declined_and_within_uncertainty(fw):
    # O.A.1.1 Yes -> No: O 100 -> 0, declined. R.A.1.2 75 -> 50 and R.A.2.1 40 -> 52.5: R.A's
    # arithmetic mean (R.A.1 62.5 -> 50, R.A.2 40 -> 52.5) stays 51.25; weights and the
    # geometric mean move it a little either way, so there is no change beyond uncertainty
    after = {**XA, "O.A.1.1": "No", "R.A.1.2": "2 - Partial", "R.A.2.1": 52.5}
    ch = change_between(fw, frame(XA), frame(after), ("XA@2024", "XA@2026"), ("full", "full"))
    assert node(ch, "O")["verdict"] == DECLINED
    ra = node(ch, "R.A")
    assert ra["change"] == pytest.approx(0, abs=1e-9)
    assert ra["low"] < 0 < ra["high"] and ra["verdict"] == NO_CHANGE
    assert sorted(ch.indicators["indicator_id"]) == ["O.A.1.1", "R.A.1.2", "R.A.2.1"]


def test_core_and_full_compared_on_shared_indicators(fw):
    core_only = {k: v for k, v in XA.items() if k in CORE}
    ch = change_between(fw, frame(XA), frame(core_only), ("XA@2024", "XA@2026"), ("full", "core"))
    assert ch.indicator_set == "core"
    assert "compared on the 6 core indicators they share" in ch.note
    # R.A.1 is R.A.1.1 alone in the core set (Partly, 50): R.A = (50 + 40) / 2 in both years
    ra = node(ch, "R.A")
    assert (ra["before"], ra["after"], ra["verdict"]) == (45, 45, NO_CHANGE)
    assert ch.indicators.empty  # the dropped non-core answers are not counted as changes


def test_insufficient_data_gets_no_verdict(fw):
    after = {**XA, "O.A.1.1": "<not_available>"}
    ch = change_between(fw, frame(XA), frame(after), ("XA@2024", "XA@2026"), ("full", "full"))
    o = node(ch, "O")
    assert o["verdict"] is None and "no score after (insufficient_data)" in o["note"]
    changed = ch.indicators.set_index("indicator_id").loc["O.A.1.1"]
    assert (changed["status_before"], changed["status_after"]) == ("available", "not_available")
