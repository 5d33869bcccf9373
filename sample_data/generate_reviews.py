"""Make the fictional review rounds in sample_data/reviews/ (deterministic: same files every run).

Two rounds with the patterns a real validation shows: Dunmara (XD) has a closed MAB review
(broad consensus; a contested finding split along group lines; a finding supported by one group
alone; one that needs revision; every comment answered; the Media group, absent from its board,
did not take part). Galderon (XG) has an open validation workshop (board members and walk-ins,
the technical community absent so far, some comments still unanswered).

python sample_data/generate_reviews.py            # rewrite the files
python sample_data/generate_reviews.py --check    # exit 1 if the committed files are stale
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import numpy as np
import yaml

from roam.questionnaire import read_questionnaire
from roam.review.findings import build_findings
from roam.review.rules import review_rules

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "reviews"
SEED = 20181122
SA, A, N, D, SD, U = "Strongly agree", "Agree", "Neutral", "Disagree", "Strongly disagree", "Unsure"

# Rating mixes (labels, probabilities).
CONSENSUS = ([SA, A, N, U], [0.4, 0.52, 0.05, 0.03])
FOR = ([SA, A, N], [0.5, 0.45, 0.05])
AGAINST = ([D, SD, N], [0.55, 0.35, 0.1])
LUKEWARM = ([N, U, D], [0.65, 0.3, 0.05])
MIXED = ([A, N, U, D], [0.4, 0.4, 0.12, 0.08])

COMMENTS = {
    "contested": [
        "The finding understates the blocking orders issued last year.",
        "Civil-society monitoring shows a different picture; please cite it.",
        "The score seems generous given the court cases pending.",
    ],
    "single": [
        "Only the ministry's own report is cited.",
        "We have seen no independent evidence for this.",
    ],
    "revision": [
        "The evidence is several years old.",
        "Please separate urban and rural figures.",
    ],
    "consensus": ["Agree; the regulator's 2024 report confirms it.", "Fine as written."],
}
ANSWERS = [
    ("changed", "The finding now cites the monitoring report and the pending cases."),
    ("noted", "The official figures are the agreed source; the disagreement is recorded."),
    ("accepted", "Agreed; the evidence summary was extended."),
]

ROUNDS = [
    {
        "country": "XD",
        "file": "XD_Dunmara_full.xlsx",
        "kind": "mab",
        "close": True,
        "seed": 1,
        "recommendations": {
            "R.B": ["Publish every website blocking order with its legal basis."],
            "A.A": ["Fund community networks in the three least connected provinces."],
        },
        "patterns": {
            # contested: government and private sector for, civil society and academia against
            "R.B.1": "contested",
            "R.B.2": "contested",
            # support from one group alone: the government
            "A.A.2": "single",
            # broad doubt, no group split
            "M.B.1": "revision",
            "O.C.1": "revision",
        },
        "absent": [],
        "walk_ins": [],
        "coverage": 0.95,
        "answered": 1.0,
    },
    {
        "country": "XG",
        "file": "XG_Galderon_full.xlsx",
        "kind": "workshop",
        "close": False,
        "seed": 2,
        "recommendations": {"O.C": ["Open the spectrum register as machine-readable data."]},
        "patterns": {"R.B.3": "contested", "O.C.2": "single", "X.A.1": "revision"},
        "absent": ["Technical community"],
        "walk_ins": [
            ("Mira Sol", "Galderon Press Union", "Media", "Woman", True),
            ("Tomas Reyes", "Open Data Galderon", "Civil society", "Man", False),
            ("Ines Varga", "University of Galderon", "Academia", "Woman", True),
            ("Paul Kim", "Telecom Galderon", "Private sector", "Man", False),
        ],
        "coverage": 0.7,
        "answered": 0.5,
    },
]
FOR_GROUPS = {"contested": {"Government", "Private sector"}, "single": {"Government"}}


def _rating(rng: np.random.Generator, pattern: str, group: str) -> str:
    if pattern == "contested":
        mix = FOR if group in FOR_GROUPS["contested"] else AGAINST
    elif pattern == "single":
        mix = FOR if group in FOR_GROUPS["single"] else LUKEWARM
    elif pattern == "revision":
        mix = MIXED
    else:
        mix = CONSENSUS
    return str(rng.choice(mix[0], p=mix[1]))


def build_round(spec: dict) -> tuple[dict, str]:
    assessment = read_questionnaire(HERE / spec["file"])
    findings = build_findings(assessment, spec["recommendations"])
    rules = review_rules(assessment.meta.framework)
    rng = np.random.default_rng([SEED, spec["seed"]])
    people = [
        {"key": f"P{n:02d}", "group": m["group"]}
        for n, m in enumerate(assessment.mab.to_dict("records"), start=1)
        if m["group"] not in spec["absent"]
    ]
    walk_ins = []
    for n, (name, org, group, gender, share) in enumerate(spec["walk_ins"], start=1):
        key = f"W{n:02d}"
        people.append({"key": key, "group": group})
        walk_ins.append(
            {
                "key": key,
                "name": name,
                "organisation": org,
                "group": group,
                "gender": gender,
                "share_name": share,
            }
        )
    rows, answers = [], []
    for person in people:
        for finding in findings:
            pattern = spec["patterns"].get(finding["id"], "consensus")
            if pattern == "consensus" and rng.random() > spec["coverage"]:
                continue
            label = _rating(rng, pattern, person["group"])
            assert label in rules.labels
            comment = ""
            chance = 0.004 if pattern == "consensus" else 0.35
            if rng.random() < chance:
                texts = COMMENTS[pattern]
                comment = texts[int(rng.integers(len(texts)))]
                if rng.random() < spec["answered"]:
                    outcome, reason = (
                        ANSWERS[2]
                        if pattern == "consensus"
                        else ANSWERS[int(rng.integers(len(ANSWERS)))]
                    )
                    answers.append(
                        {
                            "comment": f"{person['key']}:{finding['id']}",
                            "outcome": outcome,
                            "reason": reason,
                        }
                    )
            rows.append([person["key"], finding["id"], label, comment])
    name = f"{spec['country']}_{spec['kind']}_round1.csv"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["participant", "finding", "rating", "comment"])
    writer.writerows(rows)
    entry = {
        "country": spec["country"],
        "kind": spec["kind"],
        "close": spec["close"],
        "recommendations": spec["recommendations"],
        "ratings": name,
        "walk_ins": walk_ins,
        "answers": answers,
    }
    return entry, out.getvalue()


def generate() -> dict[Path, bytes]:
    out: dict[Path, bytes] = {}
    entries = []
    for spec in ROUNDS:
        entry, text = build_round(spec)
        entries.append(entry)
        out[FOLDER / entry["ratings"]] = text.encode("utf-8")
    header = (
        "# Fictional review rounds loaded with the samples on first start "
        "(sample_data/generate_reviews.py).\n"
    )
    manifest = yaml.safe_dump({"rounds": entries}, sort_keys=False, allow_unicode=True, width=100)
    out[FOLDER / "rounds.yaml"] = (header + manifest).encode("utf-8")
    return out


def main() -> int:
    files = generate()
    if "--check" in sys.argv:
        stale = [p.name for p, data in files.items() if not p.exists() or p.read_bytes() != data]
        if stale:
            print("stale review samples: " + ", ".join(stale))
            return 1
        print(f"{len(files)} review sample files are current")
        return 0
    FOLDER.mkdir(exist_ok=True)
    for path, data in files.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
