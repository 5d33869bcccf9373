"""Reading benchmark: roam's read-and-validate against openpyxl and a bare calamine read.

Baselines: what a plain script does with openpyxl (load the workbook, touch every cell), and
pandas.read_excel(engine="calamine") of every sheet of the same workbook (no checks at all):
the floor roam's own calamine-based reader could at best approach.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd

from benchmarks.timing import interleaved
from roam.questionnaire import check_questionnaire
from roam.questionnaire.budget import check_within_budget

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "XA_Aurelia_full.xlsx"


def _openpyxl_baseline(data: bytes) -> int:
    """What a plain script does: load the workbook and touch every cell of every sheet."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    cells = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += len(row)
    return cells


def _calamine_baseline(data: bytes) -> int:
    """Every sheet as a DataFrame through pandas and calamine: reading with no checks."""
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, engine="calamine")
    return sum(frame.size for frame in sheets.values())


def bench_read(path: Path = SAMPLE, repeats: int = 25) -> dict[str, Any]:
    data = path.read_bytes()
    assessment, report = check_questionnaire(data)  # warm caches (catalogue, schema)
    assert assessment is not None and report.valid, "benchmark sample must be valid"
    _calamine_baseline(data)
    check_within_budget(data)  # start the forkserver once, as the app does on its first upload
    times = interleaved(
        {
            "roam": (lambda: check_questionnaire(data), repeats),
            "calamine": (lambda: _calamine_baseline(data), repeats),
            "openpyxl": (lambda: _openpyxl_baseline(data), max(5, repeats // 3)),
            "budgeted": (lambda: check_within_budget(data), max(5, repeats // 3)),
        }
    )
    roam_ms, calamine_ms, baseline_ms = times["roam"], times["calamine"], times["openpyxl"]
    budgeted_ms = times["budgeted"]
    return {
        "read_validate_ms": round(roam_ms, 2),
        # what an upload costs in the app and CLI: the same read in a child process limited in
        # time and memory (the fork and the result's transfer are the difference)
        "read_validate_budgeted_ms": round(budgeted_ms, 2),
        "openpyxl_load_iterate_ms": round(baseline_ms, 2),
        "read_calamine_ms": round(calamine_ms, 2),
        "read_validate_speedup": round(baseline_ms / roam_ms, 2),
        "read_calamine_ratio": round(roam_ms / calamine_ms, 2),
        "read_indicators": len(assessment.responses),
    }
