"""The sheet scan: bounded, linear, and the quick path agrees with the full parse."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from roam.questionnaire.scan import (
    DoctypeFound,
    OutOfShape,
    _Scanner,
    doctype_in_prolog,
    is_dde,
    parse_ref,
    quick_scan,
    scan_sheet,
)

REPO = Path(__file__).resolve().parents[2]
HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="urn:x"><sheetData>'
TAIL = b"</sheetData></worksheet>"


def sheet(cells: bytes) -> bytes:
    return HEAD + cells + TAIL


@pytest.mark.parametrize(
    "path", sorted((REPO / "sample_data").glob("X*.xlsx")), ids=lambda p: p.name
)
def test_quick_path_takes_every_sample_sheet_and_agrees_with_the_parser(path):
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    for xml in sheets:
        quick = quick_scan(xml, 503, 60)
        assert quick is not None, "plain roam sheets take the quick path"
        assert quick == _Scanner(503, 60).run(xml)


@pytest.mark.parametrize(
    "cells",
    [
        b'<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>',  # a formula
        b'<row r="1"><c r="A1" s="1"><v>1</v></c><!-- note --></row>',  # a comment
        b'<row r="1"><c s="1" r="A1"><v>1</v></c></row>',  # r not first
        b'<row r="1"><c><v>1</v></c></row>',  # no r
        b'<row r="1"><x:c r="A1"><v>1</v></x:c></row>',  # a prefix
        b'<row r="1"><c r="A1" r ="XFD9"><v>1</v></c></row>',  # a second r
        b'<row r="1"><c r="A1" r\t="XFD9"><v>1</v></c></row>',  # ... after a tab
        b'<row r="1"><c r="A1" r\n="XFD9"><v>1</v></c></row>',  # ... a line break
        b'<row r="1"><c r="A1" r\r="XFD9"><v>1</v></c></row>',  # ... a carriage return
        b'<row r="1"><c r="&#65;1"><v>1</v></c></row>',  # a character reference
    ],
)
def test_quick_path_declines_anything_unusual(cells):
    assert quick_scan(sheet(cells), 503, 60) is None


def test_quick_path_declines_out_of_shape_and_the_parser_refuses_it():
    xml = sheet(b'<row r="600"><c r="A600"><v>1</v></c></row>')
    assert quick_scan(xml, 503, 60) is None
    with pytest.raises(OutOfShape) as caught:
        scan_sheet(xml, 503, 60)
    assert caught.value.ref == "A600"


def test_empty_styled_cells_far_away_are_not_content():
    xml = sheet(b'<row r="1048576"><c r="XFD1048576" s="1"/></row>')
    assert scan_sheet(xml, 503, 60).formulas_without_value == {}


def test_formulas_without_value_and_dde_are_found():
    xml = sheet(
        b'<row r="2"><c r="B2"><f>40+5</f></c><c r="C2"><f>1+1</f><v>2</v></c>'
        b"<c r=\"D2\"><f>cmd|'/c calc'!A0</f><v>0</v></c>"
        b'<c r="E2" t="str"><f>"a|b"</f><v>a|b</v></c></row>'
    )
    scan = scan_sheet(xml, 503, 60)
    assert scan.formulas_without_value == {"B2": "=40+5"}
    assert scan.dde_formulas == {"D2": "=cmd|'/c calc'!A0"}


def test_doctype_inside_a_sheet_is_refused():
    xml = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "b">]><worksheet/>'
    with pytest.raises(DoctypeFound):
        scan_sheet(xml, 503, 60)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<?xml version="1.0"?>\n<sst/>', False),
        (b'\xef\xbb\xbf<?xml version="1.0"?><!-- c --><sst/>', False),
        (b'<?xml version="1.0"?><!DOCTYPE sst><sst/>', True),
        (b"<!-- unfinished", None),
        ('<?xml version="1.0"?><!DOCTYPE a><a/>'.encode("utf-16"), True),
    ],
)
def test_doctype_in_prolog(head, expected):
    assert doctype_in_prolog(head) is expected


def test_references_and_dde():
    assert parse_ref("XFD1048576") == (1048576, 16384)
    assert parse_ref("A1") == (1, 1)
    assert parse_ref("A1B2") is None and parse_ref("ABCD1") is None and parse_ref("A") is None
    assert is_dde("cmd|' /c calc'!A0") and not is_dde('"a|b"&A1')


def test_a_row_number_past_excel_is_refused():
    with pytest.raises(OutOfShape) as caught:
        scan_sheet(sheet(b'<row r="99999999"><c><v>1</v></c></row>'), 503, 60)
    assert caught.value.ref == "A99999999"
