"""Review rounds in a real browser: a MAB member signs in (OpenID Connect, local mock provider),
rates a finding of its country's open workshop round; the national team signs in and sees the
balance, the agreement heatmap and the distributions."""

from __future__ import annotations

import os

import pytest

from roam.access import LOCAL_ADMIN, SecureStore
from roam.seed import seed_if_empty
from roam.service import reviews
from roam.store import Store
from roam.store.engine import dispose_all
from tests.e2e.browser import CHROMIUM_ARGS, chromium_path, free_port, running_app, wait_idle

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
oidc = pytest.importorskip("oidc_provider_mock", reason="oidc-provider-mock is not installed")


def sign_in(browser, url: str, sub: str):
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(url)
    wait_idle(page)
    page.get_by_role("button", name="Sign in").click()
    page.locator('input[name="sub"]').fill(sub)
    page.get_by_role("button", name="Authorize").click()
    page.get_by_text("Signed in as").first.wait_for(timeout=60_000)
    wait_idle(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Review", exact=True).click()
    wait_idle(page)
    return page


def choose(page, label: str, option: str, nth: int = 0) -> None:
    page.get_by_test_id("stSelectbox").filter(has_text=label).nth(nth).click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_idle(page)


def test_member_rates_and_team_sees_the_heatmap(tmp_path, monkeypatch):
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is required in CI")
        pytest.skip("no chromium on this machine")
    data = tmp_path / "data"
    monkeypatch.setenv("ROAM_DATA_DIR", str(data))
    store = Store()
    seed_if_empty(store)  # XG has an open validation workshop round
    admin = SecureStore(store, LOCAL_ADMIN)
    admin.add_user("lena@xg.example", "mab_member", ["XG"], "Lena Member")
    admin.add_user("team@xg.example", "national_team", ["XG"], "XG team")
    dispose_all()
    people = [
        oidc.User(
            sub="lena",
            claims={"email": "lena@xg.example", "email_verified": True, "name": "Lena Member"},
        ),
        oidc.User(
            sub="team",
            claims={"email": "team@xg.example", "email_verified": True, "name": "XG team"},
        ),
    ]
    with oidc.run_server_in_thread(user_claims=people) as provider:
        port = free_port()
        secrets = tmp_path / "secrets.toml"
        secrets.write_text(
            "[auth]\n"
            f'redirect_uri = "http://localhost:{port}/oauth2callback"\n'
            'cookie_secret = "roam-test-cookie-secret"\n'
            'client_id = "roam"\n'
            'client_secret = "roam-secret"\n'
            "server_metadata_url = "
            f'"http://localhost:{provider.server_port}/.well-known/openid-configuration"\n'
        )
        args = ("--secrets.files", str(secrets))
        with (
            running_app(data, port=port, extra_args=args, host="localhost") as url,
            playwright.sync_playwright() as p,
        ):
            browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
            member = sign_in(browser, url, "lena")
            member.get_by_text("Your ratings").wait_for(timeout=60_000)
            rounds = member.get_by_test_id("stSelectbox").filter(has_text="Review round")
            assert "Galderon 2025 round 1 (validation workshop) - open" in rounds.inner_html()
            assert member.locator(".vega-embed").count() == 0  # no results for a MAB member
            choose(member, "Your stakeholder group", "Media")
            choose(member, "Rating", "Strongly disagree", nth=0)
            member.get_by_role("button", name="Save my ratings").click()
            member.get_by_text("Saved: 1 finding(s) rated as participant A01").wait_for(
                timeout=60_000
            )

            team = sign_in(browser, url, "team")
            team.get_by_text("Participation balance").wait_for(timeout=60_000)
            warning = team.get_by_test_id("stAlertContentWarning")
            playwright.expect(warning).to_contain_text("Did not take part: Technical community")
            team.locator(".vega-embed svg, .vega-embed canvas").first.wait_for(timeout=60_000)
            team.locator(".vega-embed").nth(1).wait_for(timeout=60_000)  # a busy machine draws late
            assert team.locator(".vega-embed").count() == 2
            browser.close()
    dispose_all()
    store = Store()
    data_round = reviews.get_round(store, LOCAL_ADMIN, "XG")
    assert data_round.ratings["A01"] == {"R.A.1": ("Strongly disagree", None)}
    assert data_round.participant("A01").group == "Media"
