"""Print roam's performance figures, measured in one run on this machine.

    python benchmarks/run.py          # a readable table
    python benchmarks/run.py --json   # one JSON object
    python benchmarks/run.py --browser  # add the real-browser timings (needs Debian's chromium)

Ratios compare implementations timed in the same run (best of several repeats), so they hold on
a noisy machine better than absolute times do. Scoring and 1,000 Monte Carlo draws are measured
against a fair plain-Python implementation, a pandas groupby implementation and a bare numpy
floor (benchmarks/baselines.py, each checked to give roam's numbers); reading against openpyxl
and a bare pandas + calamine read of the same workbook.

Goals on the 2-core machine: scoring within 2x of the numpy floor, 1,000 draws over 193 countries
within 2x of the floor (and under 3 s), reading and validating within 1.5x of a bare calamine
read and at least 5x faster than openpyxl.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.reading import bench_read
from benchmarks.scoring import bench_score, bench_uncertainty

GOALS = {
    "score_floor_ratio": ("<=", 2.0),
    "uncertainty_floor_ratio": ("<=", 2.0),
    "read_calamine_ratio": ("<=", 1.5),
    "read_validate_speedup": (">=", 5.0),
    "uncertainty_193_ms": ("<", 3000.0),
}


def collect() -> dict[str, object]:
    figures: dict[str, object] = {}
    figures.update(bench_read())
    score = bench_score(193)
    figures.update(
        {
            "score_193_ms": score["roam_ms"],
            "score_193_reference_ms": score["plain_ms"],  # the fair plain implementation
            "score_193_speedup": score["plain_speedup"],
            "score_floor_ratio": score["floor_ratio"],
        }
    )
    figures.update({f"score_{k}": v for k, v in score.items() if f"score_{k}" not in figures})
    unc = bench_uncertainty(193, 1000)
    figures["uncertainty_193_ms"] = unc["roam_ms"]
    figures["uncertainty_floor_ratio"] = unc["floor_ratio"]
    figures.update(
        {f"uncertainty_{k}": v for k, v in unc.items() if f"uncertainty_{k}" not in figures}
    )
    met = {}
    for key, (op, goal) in GOALS.items():
        value = float(figures[key])  # type: ignore[arg-type]
        met[key] = {">=": value >= goal, "<=": value <= goal, "<": value < goal}[op]
    figures["goals_met"] = met
    if "--browser" in sys.argv:
        from benchmarks.browser import bench_browser

        figures.update(bench_browser())
    return figures


def main() -> int:
    figures = collect()
    if "--json" in sys.argv:
        print(json.dumps(figures, indent=2))
        return 0
    for key, value in figures.items():
        if key != "goals_met":
            print(f"{key:<36} {value}")
    for key, ok in figures["goals_met"].items():  # type: ignore[union-attr]
        op, goal = GOALS[key]
        print(f"goal {key} {op} {goal:g}: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
