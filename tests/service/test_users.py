"""Managing users through the service: who may grant which role (issue 11, item 12)."""

from __future__ import annotations

import pytest

from roam.access import LOCAL_ADMIN, AccessDenied, User, audit_events, user_for_email
from roam.service import connect
from roam.service import users as U
from roam.store import Store


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'roam.sqlite'}")
    admin = connect(LOCAL_ADMIN, s)
    U.add_user(admin, "sec@unesco.example", "secretariat")
    U.add_user(admin, "boss@unesco.example", "administrator")
    return s


def test_the_secretariat_cannot_make_itself_or_anyone_administrator(store):
    sec = connect(user_for_email(store, "sec@unesco.example"), store)
    with pytest.raises(AccessDenied, match="nobody may change their own account"):
        U.add_user(sec, "sec@unesco.example", "administrator")
    with pytest.raises(AccessDenied, match="not administrator"):
        U.add_user(sec, "friend@unesco.example", "administrator")
    with pytest.raises(AccessDenied, match="not administrator"):
        U.add_user(sec, "boss@unesco.example", "public")  # nor demote an administrator
    with pytest.raises(AccessDenied, match="not administrator"):
        U.remove_user(sec, "boss@unesco.example")
    assert user_for_email(store, "sec@unesco.example").role == "secretariat"
    assert user_for_email(store, "boss@unesco.example").role == "administrator"
    assert user_for_email(store, "friend@unesco.example").role == "public"
    refused = [e for e in audit_events(store) if not e["allowed"]]
    assert {e["target"] for e in refused} == {
        "user sec@unesco.example",
        "user friend@unesco.example",
        "user boss@unesco.example",
    }
    U.add_user(sec, "gov@xa.example", "government", ["XA"])  # what it may do still works
    assert user_for_email(store, "gov@xa.example").countries == frozenset({"XA"})


def test_changes_are_audited_once_with_what_was_set(store):
    sec = connect(user_for_email(store, "sec@unesco.example"), store)
    U.add_user(sec, "Team@XA.example", "national_team", ["xa"], "XA team")
    U.remove_user(sec, "team@xa.example")
    rows = [e for e in audit_events(store) if e["target"] == "user team@xa.example"]
    assert [(e["detail"], e["allowed"]) for e in rows] == [
        ("deactivated", True),
        ("set role national_team, countries XA", True),
    ]
    with pytest.raises(ValueError, match=r"no user nobody@x\.example"):
        U.remove_user(sec, "nobody@x.example")


def test_only_administering_roles_see_users_and_the_trail(store):
    viewer = connect(User("gov@xa.example", "government", frozenset({"XA"})), store)
    for attempt in (lambda: U.users(viewer), lambda: U.audit(viewer)):
        with pytest.raises(AccessDenied, match="only the secretariat administers users"):
            attempt()
    assert [u["email"] for u in U.users(connect(LOCAL_ADMIN, store))] == [
        "boss@unesco.example",
        "sec@unesco.example",
    ]


def test_each_account_keeps_its_own_app_language(store):
    sec = connect(user_for_email(store, "sec@unesco.example"), store)
    boss = connect(user_for_email(store, "boss@unesco.example"), store)
    assert U.preferred_language(sec) is None  # never chosen
    assert U.remember_language(sec, "AR") is True
    assert U.preferred_language(sec) == "ar"
    assert U.preferred_language(boss) is None  # one account's choice is its own
    assert sec.preferred_language() == "ar"  # the same through SecureStore
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        U.remember_language(sec, "xx")
    assert U.preferred_language(sec) == "ar"
    # nobody to keep it with: the local administrator and visitors keep it in the session
    local = connect(LOCAL_ADMIN, store)
    assert U.remember_language(local, "fr") is False
    assert U.preferred_language(local) is None
    visitor = connect(User("someone@else.example", "public"), store)
    assert U.remember_language(visitor, "es") is False
