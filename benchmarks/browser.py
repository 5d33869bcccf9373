"""Browser benchmark: time from `streamlit run` to a rendered scorecard (cold, samples loading),
from a warm server to a rendered scorecard in a new session, and page switches with nine stored
countries, in Debian's Chromium driven by Playwright. The same visits and switches are timed on
a bare Streamlit app with the same pages (benchmarks/floor_app.py): the floor that Streamlit and
the browser set, reported beside roam's figures as a ratio.

    python benchmarks/browser.py [--json]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from benchmarks.pages import CHARTED, TITLES
from tests.e2e.browser import CHROMIUM_ARGS, chromium_path, running_app, store_at

VISITORS = 5  # new sessions per app; the median is reported
SWITCHES = ["Compare", "Scorecard", "Coverage", "Overview", "History", "Scorecard", "Compare"]


def _shown(page, name: str) -> None:
    """The page counts as shown when its title is up, the run is over and charts are drawn."""
    page.get_by_role("heading", name=TITLES[name], exact=True).wait_for(timeout=60_000)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
    if name in CHARTED:
        page.locator(".vega-embed svg, .vega-embed canvas").first.wait_for(timeout=60_000)


def _ninth_country(data: Path) -> None:
    """A ninth stored country beside the eight samples (a copy of one under code XI)."""
    import io

    import openpyxl

    from roam.seed import SAMPLES

    wb = openpyxl.load_workbook(SAMPLES / "XB_Borealis_full.xlsx")
    wb["Assessment"]["B2"] = "Iberra"
    wb["Assessment"]["B3"] = "XI"
    out = io.BytesIO()
    wb.save(out)
    with store_at(data) as store:
        store.ingest([("XI_Iberra_full.xlsx", out.getvalue())], user="benchmark")


def _visits_and_switches(browser, url: str) -> tuple[list[float], list[tuple[str, float]]]:
    """New visitors opening the scorecard on a running server (a new browser context and a new
    session each time, so nothing is cached), then page switches in the last one's session."""
    warm = []
    for _ in range(VISITORS):
        t0 = time.perf_counter()
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/scorecard")
        _shown(page, "Scorecard")
        warm.append(time.perf_counter() - t0)
        if len(warm) < VISITORS:
            page.close()
    nav = page.get_by_test_id("stSidebarNav")
    switches = []
    for name in SWITCHES:
        t0 = time.perf_counter()
        nav.get_by_role("link", name=name, exact=True).click()
        _shown(page, name)
        switches.append((name, time.perf_counter() - t0))
    page.close()
    return warm, switches


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def bench_browser() -> dict[str, object]:
    path = chromium_path()
    if path is None:
        raise SystemExit("Debian's chromium is needed: apt-get install chromium")
    data = Path(tempfile.mkdtemp())
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        with running_app(data, script="benchmarks/floor_app.py") as url:
            floor_warm, floor_switches = _visits_and_switches(browser, url)
        started = time.perf_counter()
        with running_app(data) as url:
            server_ready = time.perf_counter() - started
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/scorecard")
            _shown(page, "Scorecard")
            first_scorecard = time.perf_counter() - started
            page.close()
            _ninth_country(data)
            warm, switches = _visits_and_switches(browser, url)
        browser.close()
    times = [t for _, t in switches]
    floor_times = [t for _, t in floor_switches]
    return {
        "browser_server_ready_ms": _ms(server_ready),
        "browser_start_to_scorecard_ms": _ms(first_scorecard),
        "browser_warm_server_to_scorecard_ms": _ms(statistics.median(warm)),
        "browser_floor_warm_server_to_page_ms": _ms(statistics.median(floor_warm)),
        "browser_warm_floor_ratio": round(
            statistics.median(warm) / statistics.median(floor_warm), 2
        ),
        "browser_stored_countries": 9,
        "browser_page_switch_median_ms": _ms(statistics.median(times)),
        "browser_page_switch_max_ms": _ms(max(times)),
        "browser_floor_page_switch_median_ms": _ms(statistics.median(floor_times)),
        "browser_switch_floor_ratio": round(
            statistics.median(times) / statistics.median(floor_times), 2
        ),
        "browser_page_switches": {f"{i}:{n}": _ms(t) for i, (n, t) in enumerate(switches)},
    }


if __name__ == "__main__":
    figures = bench_browser()
    if "--json" in sys.argv:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:<36} {value}")
