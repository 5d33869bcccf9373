"""Recompute a submission package from its own questionnaire and run record, and say what differs.

An evaluator holding only the zip can check every number in it: the questionnaire is read again,
scored with the settings, weight table, draws and seed that `data/assessment.json` records, and the
result is compared item by item with what the package states.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from roam.errors import RoamError
from roam.run import RunRecord

ASSESSMENT_JSON = "data/assessment.json"
QUESTIONNAIRE_FOLDER = "questionnaire/"
RESULTS_FOLDER = "results/"
DATED_ROW = "Made with"  # the results workbook's one line that changes from day to day
TOLERANCE = 1e-9  # numbers are recomputed exactly; this only absorbs float printing
NOT_COMPARED = ("roam_version", "profile")  # stated, not computed; a newer roam may differ


class PackageError(RoamError, ValueError):
    """A file that is not a usable submission package; names the file and what is wrong."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Difference:
    where: str
    package: Any
    recomputed: Any

    def __str__(self) -> str:
        return f"{self.where}: package says {self.package!r}, recomputed {self.recomputed!r}"


@dataclass
class Reproduction:
    country: str
    run: RunRecord
    compared: int = 0
    differences: list[Difference] = field(default_factory=list)

    @property
    def equal(self) -> bool:
        return not self.differences


@dataclass(frozen=True)
class PackageFiles:
    stated: dict[str, Any]  # assessment.json
    questionnaire_name: str
    questionnaire: bytes
    results_name: str | None
    results: bytes | None  # the results workbook, if the package has one


def read_package(source: bytes | Path | str) -> PackageFiles:
    """The package's assessment.json, questionnaire and results workbook."""
    name = "package" if isinstance(source, bytes) else Path(source).name
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
    except OSError as exc:
        raise PackageError(name, f"cannot read the file ({exc.strerror or exc})") from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise PackageError(name, "not a zip file; expected a roam submission package") from None
    with archive:
        members = [m for m in archive.namelist() if not m.endswith("/")]
        found = [m for m in members if m.split("/", 1)[-1] == ASSESSMENT_JSON]
        if len(found) != 1:
            raise PackageError(name, f"expected one {ASSESSMENT_JSON} in the package")
        questionnaires = [
            m for m in members if m.split("/", 1)[-1].startswith(QUESTIONNAIRE_FOLDER)
        ]
        if len(questionnaires) != 1:
            raise PackageError(name, f"expected one file in {QUESTIONNAIRE_FOLDER}")
        try:
            stated = json.loads(archive.read(found[0]))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise PackageError(f"{name}: {ASSESSMENT_JSON}", f"not valid JSON ({exc})") from None
        original = archive.read(questionnaires[0])
        results = [
            m
            for m in members
            if m.split("/", 1)[-1].startswith(RESULTS_FOLDER) and m.endswith(".xlsx")
        ]
        workbook = archive.read(results[0]) if len(results) == 1 else None
    return PackageFiles(
        stated,
        questionnaires[0].rsplit("/", 1)[-1],
        original,
        results[0].split("/", 1)[-1] if len(results) == 1 else None,
        workbook,
    )


def reproduce(source: bytes | Path | str) -> Reproduction:
    """Recompute the package's numbers from its questionnaire and run record and compare."""
    from roam.analysis import analyse
    from roam.export.submission import Submission, build_submission
    from roam.framework import CatalogueError, load_framework
    from roam.questionnaire import QuestionnaireError, read_questionnaire

    files = read_package(source)
    stated, q_name, original = files.stated, files.questionnaire_name, files.questionnaire
    try:
        Submission.model_validate(stated)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PackageError(f"{ASSESSMENT_JSON}: {where}", first["msg"]) from None
    run = RunRecord.model_validate(stated["run"])
    try:
        framework = load_framework(run.framework.version)
    except CatalogueError as exc:
        raise PackageError(f"{ASSESSMENT_JSON}: run.framework", str(exc)) from None
    # The package names its copy by IDs; the run record keeps the name the team uploaded, and the
    # same bytes (same SHA-256) are read under that name so that the record compares equal.
    digest = hashlib.sha256(original).hexdigest()
    recorded = next((i.file for i in run.inputs if i.sha256 == digest and i.file), None)
    try:
        assessment = read_questionnaire(original, filename=recorded or q_name)
    except QuestionnaireError as exc:
        raise PackageError(f"{QUESTIONNAIRE_FOLDER}{q_name}", str(exc)) from None
    analysis = analyse(
        [assessment],
        weights=run.weight_set(framework),
        settings=run.settings(),
        draws=run.draws,
        seed=run.seed,
    )
    lang = stated.get("language", "en")
    rebuilt = build_submission(analysis, assessment.country, lang).model_dump(mode="json")
    result = Reproduction(assessment.country, run)
    for key in ("framework", "assessment", "indicators", "scores"):
        _compare(stated.get(key), rebuilt[key], key, result)
    stated_run = {k: v for k, v in stated["run"].items() if k not in NOT_COMPARED}
    rebuilt_run = {k: v for k, v in rebuilt["run"].items() if k not in NOT_COMPARED}
    _compare(stated_run, rebuilt_run, "run", result)
    if files.results is not None:
        from roam.export.workbook import write_results
        from roam.i18n import language

        with language(lang):  # the workbook was written in the package's language
            rebuilt_book = write_results(analysis, assessment.country)
        _compare_workbooks(files.results, rebuilt_book, files.results_name or "results", result)
    return result


def _cells(data: bytes, where: str) -> dict[str, dict[str, Any]]:
    """sheet -> cell reference -> value, leaving out the dated line."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - a damaged workbook is a finding, not a traceback
        raise PackageError(where, f"not a readable workbook ({type(exc).__name__})") from None
    sheets: dict[str, dict[str, Any]] = {}
    try:
        for ws in book.worksheets:
            cells: dict[str, Any] = {}
            for row in ws.iter_rows():
                if row and getattr(row[0], "value", None) == DATED_ROW:
                    continue
                for cell in row:
                    if getattr(cell, "value", None) is not None:
                        cells[cell.coordinate] = cell.value
            sheets[ws.title] = cells
    finally:
        book.close()
    return sheets


def _compare_workbooks(stated: bytes, rebuilt: bytes, where: str, result: Reproduction) -> None:
    """Every cell of every sheet of the package's results workbook against a rebuilt one."""
    before, after = _cells(stated, where), _cells(rebuilt, "recomputed workbook")
    for sheet in sorted(set(before) | set(after)):
        old, new = before.get(sheet, {}), after.get(sheet, {})
        for ref in sorted(set(old) | set(new)):
            _compare(old.get(ref), new.get(ref), f"{where}: {sheet}!{ref}", result)


def _label(item: Any, index: int) -> str:
    if isinstance(item, dict) and "id" in item:
        return f"{item['level']} {item['id']}" if "level" in item else str(item["id"])
    return str(index)


def _compare(stated: Any, rebuilt: Any, where: str, result: Reproduction) -> None:
    if isinstance(rebuilt, dict) and isinstance(stated, dict):
        for key in sorted(set(stated) | set(rebuilt)):
            _compare(stated.get(key), rebuilt.get(key), f"{where}.{key}", result)
        return
    if isinstance(rebuilt, list) and isinstance(stated, list):
        if len(stated) != len(rebuilt):
            result.differences.append(Difference(f"{where} (items)", len(stated), len(rebuilt)))
            return
        for i, (a, b) in enumerate(zip(stated, rebuilt, strict=True)):
            _compare(a, b, f"{where}[{_label(b, i)}]", result)
        return
    if _number(stated) and _number(rebuilt):
        result.compared += 1
        if not math.isclose(stated, rebuilt, rel_tol=0, abs_tol=TOLERANCE):
            result.differences.append(Difference(where, stated, rebuilt))
        return
    if stated != rebuilt:
        result.differences.append(Difference(where, stated, rebuilt))


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
