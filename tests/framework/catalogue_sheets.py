"""Catalogue spreadsheets built in code: a small framework shaped unlike 2018 (a "2.0")."""

from __future__ import annotations

import io

import openpyxl

from roam.framework.spreadsheet import COLUMNS

SCALES = [
    ("yes_partly_no", "choice", "Yes / Partly / No", "Whether it is in place.", None, None,
     [("Yes", 100, "In place."), ("Partly", 50, "In part."), ("No", 0, "Not in place.")]),
    ("percentage", "numeric", "Percentage", "A share from 0 to 100.", 0, 100, []),
    ("number", "numeric", "Number", "A count or amount.", 0, None, []),
]  # fmt: skip

# code, name, summary, role, colour (the vocabulary a team keys in with its catalogue)
CATEGORIES = [
    ("R", "Rights", "", "index", "#0072B2"), ("O", "Openness", "", "index", "#009E73"),
    ("A", "Accessibility", "", "index", "#E69F00"),
    ("M", "Multistakeholder", "", "index", "#CC79A7"),
    ("X", "Cross-cutting", "", "beside", "#56B4E9"), ("C", "Context", "", "context", "#777777"),
]  # fmt: skip

# category, theme id, theme, question id, question, indicator id, indicator, core, kind, scale
ROWS = [
    ("R", "R.A", "Rights online", "R.A.1", "Does the law protect rights online?",
     "R.A.1.1", "Existence of a law protecting rights online", "Yes", "legal", "yes_partly_no"),
    ("R", "R.A", "Rights online", "R.A.1", "Does the law protect rights online?",
     "R.A.1.2", "Share of users who feel safe online", "No", "perception", "percentage"),
    ("O", "O.A", "Open data", "O.A.1", "Is public data open?",
     "O.A.1.1", "Existence of an open data policy", "Yes", "legal", "yes_partly_no"),
    ("A", "A.A", "Meaningful connectivity", "A.A.1", "Do people use the Internet?",
     "A.A.1.1", "Share of people using the Internet", "Yes", "quantitative", "percentage"),
    ("M", "M.A", "Participation", "M.A.1", "Are stakeholders consulted?",
     "M.A.1.1", "Existence of open consultations", "Yes", "legal", "yes_partly_no"),
    ("X", "X.F", "Environment", "X.F.1", "Is the Internet's environmental footprint managed?",
     "X.F.1.1", "Existence of rules on electronic waste", "Yes", "legal", "yes_partly_no"),
    ("X", "X.F", "Environment", "X.F.1", "Is the Internet's environmental footprint managed?",
     "X.F.1.2", "Share of electronic waste collected", "No", "quantitative", "percentage"),
    ("X", "X.G", "Artificial intelligence", "X.G.1", "Is AI governed in line with human rights?",
     "X.G.1.1", "Existence of an AI strategy consistent with human rights", "Yes", "legal",
     "yes_partly_no"),
]  # fmt: skip

CONTEXTUAL = [
    ("economic", "Economic", "C.1", "GNI per capita (PPP)", "number", "international $"),
    ("demographic", "Demographic", "C.2", "Population", "number", "persons"),
]


def _sheet(wb, name: str, rows: list[dict]) -> None:
    ws = wb.create_sheet(name)
    ws.append([title for _, title in COLUMNS[name]])
    for row in rows:
        ws.append([row.get(key) for key, _ in COLUMNS[name]])


def new_framework_workbook() -> openpyxl.Workbook:
    """A catalogue keyed in by hand: 6 themes (two new in X), 6 questions, 10 indicators."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "About", [
        {"key": "title", "value": "Internet Universality 2.0 (test shape)"},
        {"key": "source", "value": "A team's keyed-in copy, for tests"},
        {"key": "licence", "value": "CC BY-SA 3.0 IGO"},
        {"key": "short_name", "value": "IUI 2.0"},
        {"key": "index_id", "value": "ROAM"},
        {"key": "index_name", "value": "Index"},
    ])  # fmt: skip
    _sheet(wb, "Categories", [
        {"code": c, "name": n, "summary": s, "role": role, "colour": colour}
        for c, n, s, role, colour in CATEGORIES
    ])  # fmt: skip
    indicators = []
    for cat, tid, theme, qid, question, iid, text, core, kind, scale in ROWS:
        row = {
            "category": cat, "theme_id": tid, "theme_name": theme, "question_id": qid,
            "question_text": question, "question_provenance": "reconstructed",
            "indicator_id": iid, "indicator_text": text, "core": core, "kind": kind,
            "scale": scale, "provenance": "reconstructed", "sources": "Government; Surveys",
        }  # fmt: skip
        if scale == "percentage":
            row |= {"unit": "%", "direction": "higher", "goal_low": 0, "goal_high": 100,
                    "goal_basis": "share taken as is"}  # fmt: skip
        indicators.append(row)
    _sheet(wb, "Indicators", indicators)
    _sheet(wb, "Contextual", [
        {"group_id": g, "group_name": gn, "indicator_id": i, "indicator_text": t, "core": "No",
         "kind": "contextual", "scale": s, "unit": u, "provenance": "reconstructed"}
        for g, gn, i, t, s, u in CONTEXTUAL
    ])  # fmt: skip
    scale_rows = []
    for sid, kind, name, description, low, high, levels in SCALES:
        base = {"scale_id": sid, "type": kind, "name": name, "description": description,
                "minimum": low, "maximum": high}  # fmt: skip
        if not levels:
            scale_rows.append(base)
        for label, points, descriptor in levels:
            scale_rows.append(base | {"label": label, "points": points, "descriptor": descriptor})
    _sheet(wb, "Scales", scale_rows)
    _sheet(wb, "Counts", [{"scope": "total", "themes": 6, "questions": 6, "indicators": 10,
                           "core": 6}])  # fmt: skip
    return wb


def to_bytes(wb: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
