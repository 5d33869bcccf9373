"""Make the fictional sample assessments in sample_data/ (deterministic: same files every run).

python sample_data/generate.py            # rewrite the samples
python sample_data/generate.py --check    # exit 1 if the committed files are stale
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from roam.framework import load_framework
from roam.framework.catalogue import ChoiceScale, Framework, NumericScale
from roam.questionnaire import AssessmentMeta, write_questionnaire
from roam.questionnaire.vocab import vocabulary

HERE = Path(__file__).resolve().parent
FIRST_NAMES = [
    "Amara",
    "Bao",
    "Carmen",
    "Dmitri",
    "Esi",
    "Farid",
    "Greta",
    "Hana",
    "Ivo",
    "Jalen",
    "Kofi",
    "Lina",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Tove",
]
SURNAMES = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Haddad",
    "Tanaka",
    "Silva",
    "Novak",
    "Mensah",
    "Kaur",
    "Petrov",
    "Abara",
    "Costa",
    "Jensen",
    "Rahman",
    "Vidal",
    "Osei",
]
ROLES = ["Chair", "Member", "Member", "Member", "Rapporteur", "Member"]
EVIDENCE = [
    "Reviewed the statute and two court rulings; interviewed the regulator.",
    "National household survey, table 4.2; cross-checked with ITU figures.",
    "Expert interviews (3) and the civil-society monitoring report.",
    "Official gazette and the ministry's annual report.",
    "Desk research; see annex of sources.",
]
# User text that must stay text in every export (it looks like a formula on purpose).
TRICKY_EVIDENCE = '=HYPERLINK("http://example.invalid","click") was found in a forum post'


def build(
    framework: Framework, spec: dict, year: int, seed: int
) -> tuple[AssessmentMeta, pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng([seed, ord(spec["code"][0]), ord(spec["code"][1])])
    meta = AssessmentMeta(
        country=spec["name"],
        iso_code=spec["code"],
        year=year,
        framework=framework.version,
        indicator_set=spec["set"],
        lead_institution=f"{spec['name']} Institute for Digital Policy",
        contact=f"assessment@{spec['name'].lower().replace(' ', '')}.example",
        fictional=True,
    )
    gaps = spec["gaps"]
    rows = []
    for i, entry in enumerate(framework.entries_for(spec["set"])):
        ind = entry.indicator
        scale = framework.scales[ind.scale]
        draw = rng.random()
        status = "available"
        if entry.category != "C":
            if draw < gaps["not_available"]:
                status = "not_available"
            elif draw < gaps["not_available"] + gaps["not_applicable"]:
                status = "not_applicable"
            elif draw < gaps["not_available"] + gaps["not_applicable"] + gaps["unanswered"]:
                status = "unanswered"
        strength = spec["strength"].get(entry.category, 0.5)
        level = float(np.clip(strength + rng.normal(0, 0.18), 0, 1))
        answer, value = None, None
        if status == "available":
            if isinstance(scale, ChoiceScale):
                points = np.array([lv.points for lv in scale.levels])
                answer = scale.levels[int(np.argmin(np.abs(points - level * 100)))].label
            elif isinstance(scale, NumericScale):
                value = _numeric(ind, scale, level, rng)
            else:
                answer = f"Notes on {ind.text.lower()} in {spec['name']}."
        source = None
        evidence = None
        if status in ("available", "not_available"):
            source = ", ".join(ind.sources[:2]) if ind.sources else "Desk research"
            if rng.random() > 0.15:
                evidence = EVIDENCE[int(rng.integers(len(EVIDENCE)))]
        if i == 3 and spec["code"] == "XA":
            evidence = TRICKY_EVIDENCE
        rows.append(
            {
                "indicator_id": ind.id,
                "answer": answer,
                "value": value,
                "data_year": None if status == "unanswered" else year - int(rng.integers(1, 3)),
                "status": status,
                "source": source,
                "evidence": evidence,
            }
        )
    groups = vocabulary().stakeholder_groups[:7]
    members = []
    size = int(rng.integers(9, 15))
    for m in range(size):
        group = groups[m % len(groups)] if m < 10 else groups[int(rng.integers(len(groups)))]
        if spec["code"] == "XD" and group == "Media":
            group = "Government"  # one sample with a missing stakeholder group
        members.append(
            {
                "name": f"{FIRST_NAMES[int(rng.integers(len(FIRST_NAMES)))]} "
                f"{SURNAMES[int(rng.integers(len(SURNAMES)))]}",
                "organisation": f"{group} body {m + 1} of {spec['name']}",
                "group": group,
                "gender": "Woman" if rng.random() < 0.45 else "Man",
                "role": ROLES[m % len(ROLES)],
            }
        )
    return meta, pd.DataFrame(rows), pd.DataFrame(members)


def _numeric(ind, scale: NumericScale, level: float, rng: np.random.Generator) -> float:
    if ind.goalposts is not None:
        low, high = ind.goalposts.low, ind.goalposts.high
        good = level if ind.direction == "higher" else 1 - level
        value = low + good * (high - low) * 1.1 - 0.05 * (high - low)
    else:  # contextual: a plausible positive magnitude in its unit
        value = float(rng.uniform(1, 100)) * (100 if "$" in (ind.unit or "") else 1)
    if scale.minimum is not None:
        value = max(scale.minimum, value)
    if scale.maximum is not None:
        value = min(scale.maximum, value)
    value = round(float(value), 1)
    return 1.0 if 0 < value < 1 else value  # below 1 would read as a fraction of a percent


def generate() -> dict[Path, bytes]:
    spec = yaml.safe_load((HERE / "profiles.yaml").read_text(encoding="utf-8"))
    framework = load_framework("2018")
    out = {}
    for country in spec["countries"]:
        meta, responses, mab = build(framework, country, spec["year"], spec["seed"])
        name = f"{country['code']}_{country['name'].replace(' ', '_')}_{country['set']}.xlsx"
        out[HERE / name] = write_questionnaire(
            framework, meta, responses, mab, _recommendations(country)
        )
    out.update(over_time(framework, spec))
    out.update(in_languages(framework, spec))
    return out


def in_languages(framework: Framework, spec: dict) -> dict[Path, bytes]:
    """English samples filled in again in another language: same answers, typed in French,
    Spanish or Arabic in a template of that language, so they must score identically."""
    by_code = {country["code"]: country for country in spec["countries"]}
    out = {}
    for item in spec["languages"]:
        country = by_code[item["code"]]
        meta, responses, mab = build(framework, country, spec["year"], spec["seed"])
        name = f"{country['code']}_{country['name'].replace(' ', '_')}_{country['set']}"
        data = write_questionnaire(framework, meta, responses, mab, lang=item["lang"])
        out[HERE / "languages" / f"{name}_{item['lang']}.xlsx"] = data
    return out


def over_time(framework: Framework, spec: dict) -> dict[Path, bytes]:
    """The country assessed twice: same seed and gaps each year, only strengths differ."""
    country = spec["over_time"]
    out = {}
    for assessment in country["assessments"]:
        one = {**country, "strength": assessment["strength"]}
        meta, responses, mab = build(framework, one, assessment["year"], spec["seed"])
        name = f"{country['code']}_{country['name']}_{country['set']}_{assessment['year']}.xlsx"
        out[HERE / "over_time" / name] = write_questionnaire(
            framework, meta, responses, mab, _recommendations(assessment)
        )
    return out


def _recommendations(spec: dict) -> list[dict] | None:
    """The profile's recommendations as the template prefills them (dates as ISO text)."""
    found = spec.get("recommendations")
    if not found:
        return None
    return [
        {**rec, "target_date": str(rec["target_date"]) if rec.get("target_date") else None}
        for rec in found
    ]


def generate_invalid() -> dict[Path, bytes]:
    """Typical mistakes, made by editing a valid sample the way a person would (openpyxl)."""
    import io
    import zipfile

    import openpyxl

    base = generate()[HERE / "XC_Calvaria_core.xlsx"]
    folder = HERE / "invalid"
    out: dict[Path, bytes] = {}

    def edit(change) -> bytes:
        wb = openpyxl.load_workbook(io.BytesIO(base))
        change(wb)
        buffer = io.BytesIO()
        wb.save(buffer)
        return buffer.getvalue()

    def mistakes(wb) -> None:
        r = wb["R"]
        r["F2"] = "Maybe"  # not on the scale
        r["I3"] = 2099  # data year in the future
        r["J4"] = "Done"  # not a data status
        r["A5"] = "R.Z.9.1"  # unknown indicator
        r["A6"] = r["A2"].value  # duplicate indicator
        a = wb["A"]
        available = [r for r in range(2, a.max_row + 1) if a.cell(r, 10).value == "Available"]
        percent = [r for r in available if a.cell(r, 5).value == "Percentage"]
        a.cell(percent[0], 7).value = 140  # out of range
        a.cell(percent[1], 7).value = "n/a"  # not a number
        choice = ("Yes / Partly / No", "Evidence rubric (0 to 4)")
        blank = next(r for r in available if r > percent[1] and a.cell(r, 5).value in choice)
        a.cell(blank, 6).value = None  # available without an answer

    out[folder / "typical_mistakes.xlsx"] = edit(mistakes)
    out[folder / "missing_sheet.xlsx"] = edit(lambda wb: wb.remove(wb["M"]))

    def formula(wb) -> None:
        a = wb["A"]
        for row in range(2, a.max_row + 1):
            if a.cell(row, 5).value == "Percentage" and a.cell(row, 10).value == "Available":
                a.cell(row, 7).value = "=40+5"
                return

    out[folder / "formula_without_value.xlsx"] = edit(formula)

    def other_catalogue(wb) -> None:
        wb["_roam"]["B2"] = "0123456789abcdef"

    out[folder / "other_catalogue.xlsx"] = edit(other_catalogue)

    def unknown_country(wb) -> None:
        wb["Assessment"]["B2"] = "Narnia"
        wb["Assessment"]["B3"] = "QQ"

    out[folder / "unknown_country.xlsx"] = edit(unknown_country)
    out[folder / "exported_as_csv.csv"] = b"Indicator ID,Answer,Value\nR.A.1.1,Yes,\nA.B.1.1,,45\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro project placeholder")
    out[folder / "macro_enabled.xlsm"] = buffer.getvalue()
    return out


def main() -> int:
    if "--invalid" in sys.argv:
        for path, data in generate_invalid().items():
            path.write_bytes(data)
            print(f"wrote {path.relative_to(HERE.parent)}")
        return 0
    files = generate()
    if "--check" in sys.argv:
        stale = [p.name for p, data in files.items() if not p.exists() or p.read_bytes() != data]
        if stale:
            print("stale samples: " + ", ".join(stale))
            return 1
        print(f"{len(files)} samples are current")
        return 0
    for path, data in files.items():
        path.parent.mkdir(exist_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
