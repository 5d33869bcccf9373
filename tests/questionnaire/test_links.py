"""The packaged questionnaire copy loses its links out; the stored original keeps every byte."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from roam.analysis import analyse
from roam.export.package import write_package
from roam.questionnaire import check_questionnaire
from roam.questionnaire.links import strip_external_links
from roam.store import Store
from tests.questionnaire.test_hostile import linked_workbook

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample() -> bytes:
    return (REPO / "sample_data" / "XC_Calvaria_core.xlsx").read_bytes()


@pytest.fixture(scope="module")
def linked(sample) -> bytes:
    return linked_workbook(sample)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_strip_removes_link_parts_references_and_linked_formulas(linked):
    stripped = parts(strip_external_links(linked))
    assert not [name for name in stripped if "externalLink" in name]
    assert b"externalReferences" not in stripped["xl/workbook.xml"]
    assert b"externalLink" not in stripped["xl/_rels/workbook.xml.rels"]
    assert b"externalLinks" not in stripped["[Content_Types].xml"]
    sheet = stripped["xl/worksheets/sheet3.xml"]
    assert b"[1]Data!A1" not in sheet and b"cmd|" not in sheet
    assert b"\\\\host\\share" not in b"".join(stripped.values())
    # the values last calculated stay where they were, as plain values
    wb = openpyxl.load_workbook(io.BytesIO(strip_external_links(linked)))
    assert wb["R"]["M2"].value == "From the statistics office"
    assert wb["R"]["N2"].value == 0
    assert wb["R"]["M2"].data_type != "f" and wb["R"]["N2"].data_type != "f"


def test_stripped_copy_reads_the_same_without_the_warnings(linked):
    before, report_before = check_questionnaire(linked)
    after, report_after = check_questionnaire(strip_external_links(linked))
    assert {i.code for i in report_before.issues} - {i.code for i in report_after.issues} == {
        "external_link",
        "dde_formula",
    }
    assert after.responses.equals(before.responses)
    assert after.mab.equals(before.mab)


def test_a_workbook_without_links_is_left_byte_for_byte(sample):
    assert strip_external_links(sample) == sample
    assert strip_external_links(b"not a zip") == b"not a zip"


def test_package_carries_the_stripped_copy_and_the_store_the_original(linked, tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'roam.sqlite'}")
    stored = store.ingest([("linked.xlsx", linked)], user="tester")[0]
    name, original = store.original(stored.country, stored.year, stored.version)
    assert (name, original) == ("linked.xlsx", linked)  # every byte kept
    assessment, _ = check_questionnaire(original)
    package = write_package(analyse([assessment], draws=0), stored.country, original, name)
    inside = parts(package)
    copy = next(data for path, data in inside.items() if path.endswith("_questionnaire.xlsx"))
    assert copy == strip_external_links(linked) and copy != linked
    assert not [n for n in parts(copy) if "externalLink" in n]
    sums = next(data for path, data in inside.items() if path.endswith("SHA256SUMS")).decode()
    stem = f"{stored.country}_{stored.year}"
    assert f"{hashlib.sha256(copy).hexdigest()}  questionnaire/{stem}_questionnaire.xlsx" in sums
