"""The template marks every row whose wording roam reconstructed, and says so in Instructions."""

import io

import openpyxl

from roam.framework import load_framework
from roam.questionnaire import AssessmentMeta, write_questionnaire

FW = load_framework("2018")


def _workbook(indicator_set: str):
    meta = AssessmentMeta(
        country="", iso_code="", year=None, framework="2018", indicator_set=indicator_set
    )
    return openpyxl.load_workbook(io.BytesIO(write_questionnaire(FW, meta)))


def _rows(ws) -> dict[str, str]:
    headers = [c.value for c in ws[1]]
    id_col, wording_col = headers.index("Indicator ID"), headers.index("Wording")
    return {
        row[id_col]: row[wording_col]
        for row in ws.iter_rows(min_row=2, values_only=True)
        if row[id_col]
    }


def test_wording_column_marks_reconstructed_and_confirmed_rows():
    wb = _workbook("full")
    r, m, ctx = _rows(wb["R"]), _rows(wb["M"]), _rows(wb["Contextual"])
    assert r["R.C.2.1"] == "Confirmed"  # question and indicator text both confirmed
    assert r["R.A.1.2"] == "Question confirmed; indicator reconstructed"
    assert r["R.B.1.1"] == "Reconstructed: check wording"  # R.B has no confirmed question
    assert m["M.C.3.1"] == "Confirmed"  # ICANN GAC membership
    assert ctx["C.1"] == "Confirmed" and ctx["C.6"] == "Reconstructed: check wording"
    marked = wb["R"]["M" + str(2 + list(r).index("R.B.1.1"))]
    assert marked.value == "Reconstructed: check wording"
    assert marked.fill.start_color.rgb.endswith("FDE9C8")  # shown in colour, not just text


def test_instructions_count_the_reconstructed_questions():
    for indicator_set in ("full", "core"):
        wb = _workbook(indicator_set)
        entries = FW.entries_for(indicator_set)
        questions = {e.question for e in entries if e.question}
        reconstructed = [q for q in questions if not FW.question_items[q].confirmed]
        text = " ".join(
            str(c) for row in wb["Instructions"].iter_rows(values_only=True) for c in row if c
        )
        expected = f"{len(reconstructed)} of the {len(questions)} questions in this workbook"
        assert expected in text
        assert "check their wording against UNESCO's published text" in text
    assert len(reconstructed) == len(questions) - 25  # every confirmed question has a core one


def _sheet_xml(data: bytes) -> str:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(
            z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")
        )


def test_data_year_check_stops_at_this_year():
    meta = AssessmentMeta(
        country="Kenya", iso_code="KE", year=2025, framework=FW.version, indicator_set="core"
    )
    xml = _sheet_xml(write_questionnaire(FW, meta))
    assert "2100" not in xml
    assert "<formula1>1990</formula1><formula2>YEAR(TODAY())</formula2>" in xml
    assert "<formula2>YEAR(TODAY())+1</formula2>" in xml  # assessment year: at most next year
