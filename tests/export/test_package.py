"""The submission package: archive paths from IDs only, text that stays text (issue 11, 7-8)."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

from roam.access import LOCAL_ADMIN
from roam.analysis import analyse
from roam.export.package import methodology_note, write_package
from roam.questionnaire import read_questionnaire
from roam.service import assessments as A
from roam.service import connect
from roam.service import exports as E
from roam.store import Store

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "XA_Aurelia_full.xlsx"
HOSTILE_NAME = (
    "../../../tmp/evil\n0000000000000000000000000000000000000000000000000000000000000000  x.xlsx"
)
HOSTILE_COUNTRY = (
    ":red[OFFICIAL UNESCO RANK 1] ![t](http://host/track.png) [link](http://evil.example) "
    "<img src=x onerror=alert(1)>"
)


def test_a_hostile_upload_name_gives_a_safe_zip_and_valid_checksums(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'roam.sqlite'}")
    admin = connect(LOCAL_ADMIN, store)
    A.ingest(admin, [(HOSTILE_NAME, SAMPLE.read_bytes())])
    stored = A.history(admin, "XA")[0].filename
    assert stored is not None and "\n" not in stored and "/" not in stored and ".." not in stored
    assert stored.endswith("x.xlsx")
    data = E.submission_package(admin, "XA", draws=0)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        files = {n: archive.read(n) for n in names}
    for name in names:
        parts = name.split("/")
        assert parts[0] == "XA_2025_submission", name
        assert ".." not in parts and "" not in parts and not name.startswith("/"), name
        assert re.fullmatch(r"[A-Za-z0-9_./-]+", name), name
    root = "XA_2025_submission/"
    assert files[root + "questionnaire/XA_2025_questionnaire.xlsx"] == SAMPLE.read_bytes()
    sums = files[root + "SHA256SUMS"].decode().splitlines()
    assert len(sums) == 7, sums  # one line per file, none forged
    for line in sums:
        digest, path = re.fullmatch(r"([0-9a-f]{64})  ([A-Za-z0-9_./-]+)", line).groups()
        assert hashlib.sha256(files[root + path]).hexdigest() == digest
    manifest = json.loads(files[root + "manifest.json"])
    assert manifest["original_name"] == stored
    assert {e["path"] for e in manifest["files"]} == {line.split("  ")[1] for line in sums}


def _relabelled(code: str, typed: str):
    a = read_questionnaire(SAMPLE)
    return dataclasses.replace(
        a,
        meta=a.meta.model_copy(
            update={"iso_code": code, "country": typed, "fictional": code.startswith("X")}
        ),
    )


def test_methodology_names_the_country_from_its_code_and_escapes_typed_text():
    real = _relabelled("KE", HOSTILE_COUNTRY)
    note = methodology_note(analyse([real], draws=0), "KE")
    assert note.splitlines()[0] == "# Methodology note: Kenya (KE), 2025"
    assert "OFFICIAL" not in note and "evil" not in note
    fictional = _relabelled("XA", HOSTILE_COUNTRY)
    note = methodology_note(analyse([fictional], draws=0), "XA")
    title = note.splitlines()[0]
    assert r"\:red\[OFFICIAL UNESCO RANK 1\]" in title
    assert r"\!\[t\]\(http\:\/\/host\/track\.png\)" in title
    assert title.endswith(r"\.\.\. (XA), 2025"), "a long typed name is cut, visibly"
    typed = title.split(": ", 1)[1].removesuffix(" (XA), 2025")
    assert re.search(r"(?<!\\)[<\[\]()!:]", typed) is None, title
    for live in ("](", "<img", "![", ":red["):
        assert live not in note


def test_every_export_shows_the_country_name_from_its_code():
    real = _relabelled("KE", HOSTILE_COUNTRY)
    analysis = analyse([real], draws=0)
    data = write_package(analysis, "KE", SAMPLE.read_bytes(), "a.xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        texts = {
            n: archive.read(n).decode("utf-8", "replace")
            for n in archive.namelist()
            if n.endswith((".md", ".json", ".html"))
        }
    manifest = json.loads(texts["KE_2025_submission/manifest.json"])
    assert manifest["country_name"] == "Kenya"
    report = texts["KE_2025_submission/report/KE_2025_draft_report.html"]
    assert "national assessment of Kenya" in report and "OFFICIAL UNESCO" not in report


def test_workbooks_show_the_country_name_from_its_code():
    import openpyxl

    from roam.export.comparison import write_comparison
    from roam.export.workbook import write_results

    real = _relabelled("KE", HOSTILE_COUNTRY)
    fictional = _relabelled("XA", "Aurelia")
    analysis = analyse([real, fictional], draws=0)
    book = openpyxl.load_workbook(io.BytesIO(write_results(analysis, "KE")))
    summary = [c for row in book["Summary"].iter_rows(values_only=True) for c in row if c]
    assert summary[0] == "ROAM-X assessment results: Kenya"
    assert "Kenya (KE)" in summary and not any("OFFICIAL" in str(c) for c in summary)
    comparison = openpyxl.load_workbook(io.BytesIO(write_comparison(analysis)))
    names = {
        str(c)
        for ws in comparison.worksheets
        for row in ws.iter_rows(values_only=True)
        for c in row
    }
    assert {"Kenya", "Aurelia"} <= names
    assert not any("OFFICIAL" in n for n in names)
