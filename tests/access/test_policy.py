"""The access rule on its own: the role-by-action matrix, written out by hand."""

from __future__ import annotations

import itertools

from roam.access import PUBLIC, User, decide, may_grant

STATUSES = ("draft", "validated", "submitted", "published", "archived")
ALL = set(STATUSES)
HOME, ELSEWHERE = "XA", "XB"

# The matrix, written out by hand from the issue (not read from the policy file):
# role -> (scoped?, statuses it views, uploads?, statuses it may move to, statuses it exports,
#          administers?, saves weight sets?, statuses it may move out of)
WORK = {"draft", "validated", "submitted"}
MATRIX = {
    "administrator": (False, ALL, True, ALL, ALL, True, True, ALL),
    "secretariat": (False, ALL, False, ALL, ALL, True, True, ALL),
    # a national team cannot restore what was archived (issue 11, item 12)
    "national_team": (True, ALL, True, WORK, ALL, False, True, WORK),
    "government": (
        True,
        {"validated", "submitted", "published"},
        False,
        set(),
        set(),
        False,
        False,
        set(),
    ),
    "evaluator": (
        False,
        {"submitted", "published"},
        False,
        set(),
        {"submitted", "published"},
        False,
        False,
        set(),
    ),
    "public": (False, {"published"}, False, set(), set(), False, False, set()),
}


def user_of(role: str) -> User:
    return User(f"{role}@test.example", role, frozenset({HOME}))


def expected(role: str, action: str, country: str, status: str, target: str | None) -> bool:
    scoped, view, upload, moves, export, admin, weights, out_of = MATRIX[role]
    if action == "administer":
        return admin
    if action == "save_weights":
        return weights
    if scoped and country != HOME:
        return False
    if action == "view":
        return status in view
    if action == "export":
        return status in export
    if action == "upload":
        return upload
    return target in moves and status in view and status in out_of


CASES = [
    (role, action, country, status, target)
    for role, action, country, status in itertools.product(
        MATRIX,
        ("view", "upload", "change_status", "export", "administer", "save_weights"),
        (HOME, ELSEWHERE),
        STATUSES,
    )
    for target in (STATUSES if action == "change_status" else (None,))
]


def test_matrix_is_exhaustive():
    assert len(CASES) == 6 * 2 * 5 * (1 + 1 + 5 + 1 + 1 + 1)


def test_every_combination_follows_the_matrix():
    wrong = []
    for role, action, country, status, target in CASES:
        got = decide(user_of(role), action, country, status, target).allowed
        if got != expected(role, action, country, status, target):
            wrong.append((role, action, country, status, target, got))
    assert not wrong, wrong[:10]


def test_refusals_say_why():
    gov = user_of("government")
    assert decide(gov, "view", ELSEWHERE, "published").reason == "the account covers XA, not XB"
    reason = decide(gov, "view", HOME, "draft").reason
    assert reason == (
        "a government sees validated / submitted / published assessments, and this one is draft"
    )
    team = user_of("national_team")
    assert decide(team, "change_status", HOME, "submitted", "published").reason == (
        "a national team can move assessments to draft / validated / submitted only"
    )
    assert decide(PUBLIC, "administer").reason == "only the secretariat administers users"
    assert decide(team, "change_status", HOME, "archived", "draft").reason == (
        "a national team cannot move an assessment that is archived "
        "(only draft / validated / submitted ones)"
    )


def test_granting_roles():
    admin = User("boss@unesco.example", "administrator")
    sec = User("sec@unesco.example", "secretariat")
    assert may_grant(admin, "administrator", None, "new@x.example").allowed
    assert may_grant(sec, "government", None, "new@x.example").allowed
    assert may_grant(sec, "secretariat", "government", "new@x.example").allowed
    refused = may_grant(sec, "administrator", None, "new@x.example")
    assert not refused.allowed and refused.reason.endswith("not administrator")
    taken = may_grant(sec, "public", "administrator", "boss@unesco.example")
    assert not taken.allowed and taken.reason.endswith("not administrator")
    own = may_grant(sec, "administrator", "secretariat", "SEC@unesco.example")
    assert not own.allowed and own.reason == "nobody may change their own account"
    team = User("t@xa.example", "national_team", frozenset({"XA"}))
    assert may_grant(team, "public", None, "x@y.example").reason == (
        "only the secretariat administers users"
    )
