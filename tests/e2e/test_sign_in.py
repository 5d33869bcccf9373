"""Real sign-in: st.login against a local OpenID Connect provider (oidc-provider-mock)."""

from __future__ import annotations

import os

import pytest

from roam.access import LOCAL_ADMIN, SecureStore
from roam.seed import seed_if_empty
from roam.store import Store
from roam.store.engine import dispose_all
from tests.e2e.browser import CHROMIUM_ARGS, chromium_path, free_port, running_app, wait_idle

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
oidc = pytest.importorskip("oidc_provider_mock", reason="oidc-provider-mock is not installed")


def test_sign_in_with_oidc_gives_the_accounts_role(tmp_path, monkeypatch):
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is required in CI")
        pytest.skip("no chromium on this machine")
    data = tmp_path / "data"
    monkeypatch.setenv("ROAM_DATA_DIR", str(data))
    store = Store()
    seed_if_empty(store)
    SecureStore(store, LOCAL_ADMIN).add_user("team@xa.example", "national_team", ["XA"])
    dispose_all()
    claims = {"email": "team@xa.example", "email_verified": True, "name": "XA team"}
    people = [oidc.User(sub="team-xa", claims=claims)]
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
            page = browser.new_page()
            page.goto(url)
            wait_idle(page)
            page.get_by_text("Not signed in").first.wait_for(timeout=60_000)
            page.get_by_role("button", name="Sign in").click()
            page.locator('input[name="sub"]').fill("team-xa")
            page.get_by_role("button", name="Authorize").click()
            page.get_by_text("Signed in as team\u200b@xa.example (national team for XA)").wait_for(
                timeout=60_000
            )
            wait_idle(page)
            metric = page.get_by_test_id("stMetric").filter(has_text="Assessments stored")
            playwright.expect(metric).to_contain_text("1")
            browser.close()
