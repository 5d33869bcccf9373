"""The read-only API, served by `roam api` (a real uvicorn server on 127.0.0.1), read with httpx."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from roam.framework import load_framework
from roam.scoring import load_settings
from tests.opendata.conftest import SECRET


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def api(mixed_db: str, tmp_path_factory) -> Iterator[httpx.Client]:  # type: ignore[no-untyped-def]
    """`roam api` on a free port, one server per backend for the module."""
    port = _free_port()
    tmp_path = tmp_path_factory.mktemp("api")
    env = os.environ | {"ROAM_DATABASE_URL": mixed_db, "ROAM_DATA_DIR": str(tmp_path)}
    roam = Path(sys.executable).with_name("roam")
    log = (tmp_path / "api.log").open("w")
    server = subprocess.Popen(
        [str(roam), "api", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((tmp_path / "api.log").read_text())
            time.sleep(0.2)
        with httpx.Client(base_url=base, timeout=60) as client:
            yield client
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_only_published_data_is_served(api: httpx.Client) -> None:
    assert api.get("/countries").json() == [{"country": "XA", "name": "Aurelia", "years": [2025]}]
    listed = api.get("/assessments").json()
    assert [(a["country"], a["year"]) for a in listed] == [("XA", 2025)]
    assert api.get("/assessments", params={"country": "xb"}).json() == []
    one = api.get("/assessments/XA/2025").json()
    assert one["assessment_id"] == "XA-2025-2018-full" and one["version"] == 1
    # drafts, validated, submitted, archived and the later draft are simply not there
    for country, year in (("XB", 2025), ("XC", 2025), ("XD", 2025), ("XE", 2025), ("XA", 2027)):
        for tail in ("", "/scores", "/recommendations"):
            response = api.get(f"/assessments/{country}/{year}{tail}")
            assert response.status_code == 404, (country, year, tail)
            assert response.json() == {"detail": f"no published assessment of {country} {year}"}
    seen = "".join(
        api.get(path).text
        for path in ("/countries", "/assessments", "/assessments/XA/2025/recommendations")
    )
    assert SECRET not in seen


def test_scores_recommendations_and_catalogue(api: httpx.Client) -> None:
    scores = api.get("/assessments/xa/2025/scores").json()
    run = load_settings(None, load_framework()).uncertainty  # scoring.yaml's draws and seed
    assert (scores["draws"], scores["seed"], scores["weights"]) == (run.draws, run.seed, "equal")
    assert "does not rank countries" in scores["note"]
    levels = [s["level"] for s in scores["scores"]]
    assert levels.count("index") == 1 and levels.count("category") == 5
    assert levels.count("theme") == 25
    index = scores["scores"][0]
    assert index["low"] <= index["high"] and 0 < index["coverage"] <= 1
    assert not [key for s in scores["scores"] for key in s if "rank" in key]
    recs = api.get("/assessments/XA/2025/recommendations").json()
    assert [(r["recommendation_id"], r["status"]) for r in recs] == [
        ("R1", "in_progress"),
        ("R2", "not_started"),
    ]
    assert recs[0]["themes"] == ["R.C"] and recs[0]["addressed_to"] == ["Government"]
    catalogue = api.get("/catalogue", params={"framework": "2018"}).json()
    assert len(catalogue) == 303 and catalogue[0]["indicator_id"] == "R.A.1.1"
    missing = api.get("/catalogue", params={"framework": "1999"})
    assert missing.status_code == 404 and "known versions: 2018" in missing.json()["detail"]


def test_read_only_with_an_openapi_schema(api: httpx.Client) -> None:
    schema = api.get("/openapi.json").json()
    assert set(schema["paths"]) == {
        "/countries",
        "/assessments",
        "/assessments/{country}/{year}",
        "/assessments/{country}/{year}/scores",
        "/assessments/{country}/{year}/recommendations",
        "/catalogue",
    }
    assert {m for ops in schema["paths"].values() for m in ops} == {"get"}
    assert schema["info"]["license"]["name"].startswith("Creative Commons")
    assert api.post("/assessments").status_code == 405
    assert api.delete("/assessments/XA/2025").status_code == 405
    bad = api.get("/assessments/not-a-code/2025")
    assert bad.status_code == 422


def test_a_bad_port_is_a_plain_error() -> None:
    from typer.testing import CliRunner

    from roam.cli import app

    result = CliRunner().invoke(app, ["api", "--port", "70000"])
    assert result.exit_code == 1
    assert "--port must be between 1 and 65535, not 70000" in result.stderr
