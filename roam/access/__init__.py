"""Who may see and change which country's assessment: the rule and the accounts.

- :mod:`roam.access.policy`: the pure rule (``decide``) over roam/access_policy.yaml;
- :mod:`roam.access.accounts`: users and the audit trail.

Every action goes through the service layer (:mod:`roam.service`), which asks ``decide`` once
per request, on the status of the version that would be shown or changed. ``SecureStore`` (the
service layer's door for one user) is re-exported here for existing callers.
"""

from __future__ import annotations

from typing import Any

from roam.access.accounts import audit_events, record, user_for_email
from roam.access.policy import (
    ACTIONS,
    LOCAL_ADMIN,
    PUBLIC,
    AccessDenied,
    Action,
    Decision,
    Policy,
    RolePolicy,
    User,
    decide,
    may_grant,
    policy,
    roles,
)

__all__ = [
    "ACTIONS",
    "LOCAL_ADMIN",
    "PUBLIC",
    "AccessDenied",
    "Action",
    "Decision",
    "Policy",
    "RolePolicy",
    "SecureStore",
    "User",
    "audit_events",
    "decide",
    "may_grant",
    "policy",
    "record",
    "roles",
    "user_for_email",
]


def __getattr__(name: str) -> Any:
    if name == "SecureStore":  # lazily: the service layer itself imports roam.access
        from roam.service.secure import SecureStore

        return SecureStore
    raise AttributeError(f"module 'roam.access' has no attribute {name!r}")
