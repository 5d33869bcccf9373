"""The multistakeholder validation record in exports: a Validation sheet for the results
workbook, a section for the draft report, JSON and CSV files for the submission package.

Input: round records from ``roam.review.record.full_record`` (names only of participants who
agreed to be named; groups always). Every user text is written as text, never as a formula."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pandas as pd

from roam.export.xlsx import Book, Col
from roam.i18n import N_, _
from roam.review.rules import review_rules

KIND_NAMES = {"mab": N_("MAB review"), "workshop": N_("Validation workshop")}


def write_validation_sheet(book: Book, records: list[dict[str, Any]], framework: str) -> None:
    """One sheet, one block per round: balance first, then findings, then the comment log."""
    rules = review_rules(framework)
    ws = book.sheet(_("Validation"))
    row = 0
    if not records:
        book.lines(ws, [(_("Validation"), _("No review round was held on this assessment."))])
        return
    for rec in records:
        b = rec["balance"]
        row = book.lines(
            ws,
            [
                (
                    _("Round {n}").format(n=rec["round"]),
                    _(KIND_NAMES.get(rec["kind"], rec["kind"])),
                ),
                (_("State"), _("{state} (version {version})").format(**rec)),
                (
                    _("Opened / closed"),
                    f"{rec['opened_at'][:10]} / {(rec['closed_at'] or '-')[:10]}",
                ),
                (
                    _("Rule"),
                    _(
                        "validated when at least {agree} agree and no stakeholder group is "
                        "mostly opposed (more than {opposed}); at least {raters} raters from "
                        "{groups} groups"
                    ).format(
                        agree=f"{rec['rules']['validated_share']:.0%}",
                        opposed=f"{rec['rules']['group_opposed_share']:.0%}",
                        raters=rec["rules"]["min_raters"],
                        groups=rec["rules"]["min_groups"],
                    ),
                ),
                (_("Raters"), str(b["raters"])),
                (
                    _("Did not take part"),
                    ", ".join(b["missing_groups"]) or _("every group took part"),
                ),
            ],
            first_row=row,
            span=6,
        )
        balance = pd.DataFrame(
            [{"group": g, "raters": v["raters"], "mab": v["mab"]} for g, v in b["by_group"].items()]
        )
        row = book.table(
            ws,
            balance,
            [
                Col("group", _("Stakeholder group"), 30),
                Col("raters", _("Raters"), 10, "int"),
                Col("mab", _("MAB members"), 12, "int"),
            ],
            first_row=row + 1,
        )
        groups = sorted({g for f in rec["findings"] for g in f["by_group"]})
        findings = pd.DataFrame(
            [
                {
                    "id": f["id"],
                    "title": f["title"],
                    "verdict": rules.verdict_label(f["verdict"]),
                    "agree": f["agree_share"],
                    "raters": f["raters"],
                    **{f"n_{label}": f["distribution"].get(label, 0) for label in rules.labels},
                    **{f"g_{g}": f["by_group"].get(g) for g in groups},
                    "reason": f["reason"],
                }
                for f in rec["findings"]
            ]
        )
        row = book.table(
            ws,
            findings,
            [
                Col("id", _("Finding"), 30),
                Col("title", _("Title"), 40),
                Col("verdict", _("Verdict"), 16),
                Col("agree", _("% agreeing"), 10, "pct"),
                Col("raters", _("Ratings"), 8, "int"),
                *[Col(f"n_{label}", label, 9, "int") for label in rules.labels],
                *[Col(f"g_{g}", _("Agree: {group}").format(group=g), 12, "pct") for g in groups],
                Col("reason", _("Why"), 50),
            ],
            first_row=row + 1,
        )
        comments = pd.DataFrame(rec["comments"])
        if not comments.empty:
            row = book.table(
                ws,
                comments,
                [
                    Col("id", _("Comment"), 30),
                    Col("group", _("Stakeholder group"), 20),
                    Col("participant", _("Participant"), 20),
                    Col("comment", _("Comment"), 50),
                    Col("outcome", _("Response"), 12),
                    Col("reason", _("Reasons"), 50),
                ],
                first_row=row + 1,
            )
        row += 2


def validation_json(records: list[dict[str, Any]]) -> bytes:
    return json.dumps(records, indent=2, ensure_ascii=False).encode()


def comments_csv(records: list[dict[str, Any]]) -> str:
    from roam.export.package import csv_safe

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "round",
            "comment",
            "finding",
            "group",
            "participant",
            "comment_text",
            "outcome",
            "reasons",
        ]
    )
    for rec in records:
        for c in rec["comments"]:
            writer.writerow(
                [
                    rec["round"],
                    c["id"],
                    c["finding"],
                    csv_safe(c["group"]),
                    csv_safe(c["participant"]),
                    csv_safe(c["comment"]),
                    c["outcome"] or "",
                    csv_safe(c["reason"]),
                ]
            )
    return out.getvalue()


def report_section(records: list[dict[str, Any]], framework: str) -> list[dict[str, Any]]:
    """What the report's validation section shows per round (plain values; the template
    escapes every text)."""
    rules = review_rules(framework)
    out = []
    for rec in records:
        counts: dict[str, int] = {}
        for f in rec["findings"]:
            counts[f["verdict"]] = counts.get(f["verdict"], 0) + 1
        out.append(
            {
                "title": _("Round {n}: {kind} ({state})").format(
                    n=rec["round"],
                    kind=_(KIND_NAMES.get(rec["kind"], rec["kind"])),
                    state=rec["state"],
                ),
                "balance": rec["balance"],
                "verdicts": [
                    (rules.verdict_label(k), counts[k]) for k in rules.verdicts if k in counts
                ],
                "flagged": [
                    {
                        "id": f["id"],
                        "title": f["title"],
                        "verdict": rules.verdict_label(f["verdict"]),
                        "reason": f["reason"],
                    }
                    for f in rec["findings"]
                    if f["verdict"] in ("contested", "needs_revision")
                ],
                "comments": rec["comments"],
                "rule": _("at least {agree} agree and no stakeholder group mostly opposed").format(
                    agree=f"{rec['rules']['validated_share']:.0%}"
                ),
            }
        )
    return out
