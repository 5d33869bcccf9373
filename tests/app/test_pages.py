"""Every page driven through streamlit's AppTest, on a real SQLite store seeded with samples."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest

from roam.store import Store
from tests.app.conftest import go, open_tab, static_tables

REPO = Path(__file__).resolve().parents[2]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_overview_shows_seeded_samples_and_local_mode(app):
    assert not app.exception
    assert app.title[0].value.startswith("roam")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Assessments stored"] == "8"
    assert metrics["Indicators in the framework"] == "303"
    assert any("Local mode" in i.value for i in app.sidebar.info)
    assert any("not intended to rank countries" in i.value for i in app.info)


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("upload", "Upload a questionnaire"),
        ("scorecard", "Scorecard"),
        ("compare", "Compare countries"),
        ("coverage", "Data coverage"),
        ("weights", "Weights: what if?"),
        ("export", "Export"),
        ("history", "History"),
    ],
)
def test_every_page_renders(app, page, title):
    go(app, page)
    assert app.title[0].value == title
    assert not app.error


def test_upload_valid_file_and_store_it(app):
    go(app, "upload")
    data = (REPO / "sample_data" / "XB_Borealis_full.xlsx").read_bytes()
    app.file_uploader[0].set_value(("XB_Borealis_full.xlsx", data, XLSX)).run()
    assert not app.exception
    assert "usable - Borealis (XB) 2025" in app.success[0].value
    app.button(key="store_button").click().run()
    assert "Stored Borealis 2025 as version 2 (draft)." in [s.value for s in app.success]
    history = Store().history("XB")
    assert [v.version for v in history] == [1, 2]
    assert history[-1].uploaded_by == "local"  # the local administrator


def test_upload_invalid_file_reports_cells_and_stores_nothing(app):
    go(app, "upload")
    before = Store().counts()
    data = (REPO / "sample_data" / "invalid" / "typical_mistakes.xlsx").read_bytes()
    app.file_uploader[0].set_value(("typical_mistakes.xlsx", data, XLSX)).run()
    assert not app.exception
    assert "not usable yet - 8 problem(s) to fix" in app.error[0].value
    table = static_tables(app)[-1]  # the issues, as a static table whose advice wraps
    first = table[table["Severity"] == "error"].iloc[0]
    assert (first["Sheet"], first["Cell"], first["Indicator"]) == ("R", "F2", "R.A.1.2")
    assert first["How to fix it"] == "Pick the answer from the cell's dropdown list."
    assert not [b for b in app.button if b.key == "store_button"]
    labels = [b.label for b in app.download_button]
    assert "Your workbook with the problems marked (.xlsx)" in labels
    assert "This report (CSV)" in labels
    assert Store().counts() == before


def test_upload_csv_is_refused_plainly(app):
    go(app, "upload")
    app.file_uploader[0].set_value(("data.xlsx", b"a,b\n1,2\n", XLSX)).run()
    assert "not usable yet" in app.error[0].value
    issues = static_tables(app)[0]
    assert "CSV" in issues.iloc[0]["What is wrong"]


def test_scorecard_shows_scores_intervals_and_evidence(app):
    go(app, "scorecard")
    labels = [m.label for m in app.metric]
    assert labels[:2] == ["ROAM index", "R Rights"]
    captions = " ".join(c.value for c in app.caption)
    assert "90% interval" in captions and "coverage" in captions
    charts = app.get("vega_lite_chart")
    assert charts, "profile charts are drawn"
    spec = json.loads(charts[0].proto.spec)
    assert "Categories with 90% intervals" in json.dumps(spec)
    # only the open tab is built: the indicators come when their tab is clicked
    assert not [d for d in app.dataframe if "Evidence" in d.value.columns]
    open_tab(app, "Indicators")
    indicators = next(d.value for d in app.dataframe if "Evidence" in d.value.columns)
    assert indicators["Indicator"].str.startswith("R.").all()
    assert "scorecard_theme_cats" not in [m.key for m in app.multiselect]  # Themes now closed


def chart_data(chart) -> pa.Table:
    """The rows a chart draws: Streamlit ships them as Arrow beside the specification, as the
    chart's own data (roam.export's inline values) or as named datasets (Altair charts)."""
    proto = chart.proto
    data = proto.data.data if proto.data.data else proto.datasets[0].data.data
    return pa.ipc.open_stream(data).read_all()


def test_compare_draws_profiles_and_heatmap_for_all_countries(app):
    go(app, "compare")
    charts = app.get("vega_lite_chart")
    assert len(charts) == 2
    codes = ["XA", "XB", "XC", "XD", "XE", "XF", "XG", "XH"]
    profiles, heat = chart_data(charts[0]), chart_data(charts[1])
    assert sorted(set(profiles.column("country").to_pylist())) == codes
    assert profiles.num_rows == 8 * 5
    assert heat.num_rows == 8 * 25
    spec = json.loads(charts[0].proto.spec)
    assert spec["facet"]["column"]["sort"][0] == "R Rights"
    assert any("not an official UNESCO ranking" in i.value for i in app.info)


def _index_scores(app) -> dict[str, tuple[int, int]]:
    table = static_tables(app)[0].set_index("Country")
    return {
        c: (int(r["Index, equal weights"]), int(r["Index, your weights"]))
        for c, r in table.iterrows()
    }


def test_weights_change_moves_scores(app):
    go(app, "weights")
    assert all(equal == yours for equal, yours in _index_scores(app).values())
    app.slider(key="w_R").set_value(3.0).run()
    app.slider(key="w_A").set_value(0.0).run()
    assert not app.exception
    scores = _index_scores(app)
    # Aurelia is strong in rights and weak in access: more weight on R, none on A raises it
    assert scores["XA"][1] > scores["XA"][0] + 5
    assert scores["XB"][1] < scores["XB"][0] - 5
    app.text_input(key="weights_name").set_value("rights first").run()
    app.button(key="weights_save").click().run()
    assert any("Saved rights_first.yaml" in s.value for s in app.success)
    # back to equal weights, then reload the saved set onto the sliders
    app.run()
    app.selectbox(key="weights_start").set_value("rights_first").run()
    app.selectbox(key="weights_start").set_value("equal weights").run()
    assert app.slider(key="w_R").value == 1.0 and app.slider(key="w_A").value == 1.0
    app.selectbox(key="weights_start").set_value("rights_first").run()
    assert app.slider(key="w_R").value == 3.0 and app.slider(key="w_A").value == 0.0


def test_export_offers_all_downloads(app):
    go(app, "export")
    labels = [b.label for b in app.download_button]
    assert "Results workbook (.xlsx)" in labels
    assert "Comparison workbook (.xlsx)" in labels
    app.toggle(key="prepare_package").set_value(True).run()
    assert "Submission package (.zip)" in [b.label for b in app.download_button]


def test_history_status_change_and_refusal(app):
    go(app, "history")
    app.selectbox(key="status_target_XA_2025_draft").set_value("validated").run()
    app.button(key="status_change").click().run()
    assert not app.exception
    info = {a.country: a for a in Store().assessments()}
    assert info["XA"].status == "validated"
    changes = [d.value for d in app.dataframe][1]
    assert list(changes["To"]) == ["draft", "validated"]
