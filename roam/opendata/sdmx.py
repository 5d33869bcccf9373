"""The published scores as SDMX, for statistical offices that load data that way.

UNESCO publishes no SDMX data structure for these indicators, so roam defines its own (agency
and identifiers in package.yaml): an SDMX-ML 3.0 structure message with the concepts, the code
lists (countries, index/categories/themes, score status), the data structure and the dataflow,
and the observations in SDMX-CSV 2.0, one per published score (node R.A is code R_A), with
its interval, coverage and the draws and seed that made it. Both are written by pysdmx (BIS),
from the same rows as the Frictionless package's `scores` table, so the two never disagree.
"""

from __future__ import annotations

from typing import Any

from roam.opendata.datapackage import metadata
from roam.opendata.tables import Table

STRUCTURE_FILE = "sdmx/structure.xml"
DATA_FILE = "sdmx/scores.csv"


def node_code(node_id: str) -> str:
    """SDMX codes allow letters, digits, '_', '@', '$' and '-': R.A becomes R_A."""
    return node_id.replace(".", "_")


class SdmxUnavailable(RuntimeError):
    """pysdmx is not installed: the SDMX files need the `opendata` extra."""


def _spec() -> dict[str, Any]:
    return metadata()["sdmx"]


def observations(tables: dict[str, Table]) -> list[dict[str, Any]]:
    """One row per score: the scores table joined to its assessment's country, year, framework."""
    by_id = {a["assessment_id"]: a for a in tables["assessments"].rows}
    rows = []
    for score in tables["scores"].rows:
        assessment = by_id[score["assessment_id"]]
        rows.append(
            {
                **score,
                "node": node_code(score["id"]),
                "country": assessment["country"],
                "year": str(assessment["year"]),
                "framework": assessment["framework"],
            }
        )
    return rows


def _code_names(tables: dict[str, Table], rows: list[dict[str, Any]]) -> dict[str, dict]:
    """The items of each code list, taken from the data themselves (sorted by code)."""
    area = {a["country"]: a["country_name"] or a["country"] for a in tables["assessments"].rows}
    node = {r["node"]: f"{r['id']} {r['name']}".strip() for r in rows}
    status = {r["status"]: r["status"].replace("_", " ") for r in rows if r["status"]}
    return {
        "area": dict(sorted(area.items())),
        "node": dict(sorted(node.items())),
        "status": dict(sorted(status.items())),
    }


def build(tables: dict[str, Table]) -> dict[str, bytes]:
    """The two SDMX files (path in the package -> bytes)."""
    try:
        import pandas as pd
        from pysdmx.io import write_sdmx
        from pysdmx.io.format import Format
        from pysdmx.io.pd import PandasDataset
        from pysdmx.model import Code, Codelist, Concept, ConceptScheme, DataType
        from pysdmx.model.dataflow import (
            Component,
            Components,
            Dataflow,
            DataStructureDefinition,
            Role,
        )
    except ImportError as exc:  # pragma: no cover - the extra is installed in the tests
        raise SdmxUnavailable("writing SDMX needs pysdmx: pip install 'roam[opendata]'") from exc

    spec = _spec()
    agency, version = spec["agency"], spec["version"]
    scheme = spec["concept_scheme"]
    urn = f"urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept={agency}:{scheme['id']}({version})."
    rows = observations(tables)
    names = _code_names(tables, rows)
    codelists = {
        key: Codelist(
            id=meta["id"],
            agency=agency,
            version=version,
            name=meta["name"],
            items=[Code(id=code, name=name) for code, name in names[key].items()],
        )
        for key, meta in spec["codelists"].items()
    }
    concepts, components = [], []
    for c in spec["concepts"]:
        concept = Concept(
            id=c["id"],
            name=c["name"],
            dtype=getattr(DataType, c["type"].upper()),
            urn=urn + c["id"],
        )
        concepts.append(concept)
        components.append(
            Component(
                id=c["id"],
                required=c["role"] == "dimension",
                role=Role[c["role"].upper()],
                concept=concept,
                local_codes=codelists[c["codelist"]] if "codelist" in c else None,
                attachment_level="O" if c["role"] == "attribute" else None,  # per observation
            )
        )
    dsd = DataStructureDefinition(
        id=spec["structure"]["id"],
        agency=agency,
        version=version,
        name=spec["structure"]["name"],
        components=Components(components),
    )
    flow = Dataflow(
        id=spec["dataflow"]["id"],
        agency=agency,
        version=version,
        name=spec["dataflow"]["name"],
        structure=dsd,
    )
    concept_scheme = ConceptScheme(
        id=scheme["id"], agency=agency, version=version, name=scheme["name"], items=concepts
    )
    structure = write_sdmx(
        [concept_scheme, *codelists.values(), dsd, flow], Format.STRUCTURE_SDMX_ML_3_0
    )
    frame = pd.DataFrame(
        [{c["id"]: row.get(c["column"]) for c in spec["concepts"]} for row in rows],
        columns=[c["id"] for c in spec["concepts"]],
    )
    data = write_sdmx(
        PandasDataset(structure=dsd.to_schema(), data=frame), Format.DATA_SDMX_CSV_2_0_0
    )
    return {STRUCTURE_FILE: structure.encode("utf-8"), DATA_FILE: data.encode("utf-8")}
