"""Named weight sets shared on one deployment (the Weights page): list, read, save.

Saving is an action with a role (``save_weights`` in roam/access_policy.yaml), an audit entry,
and validated content: the name is a short plain word, and the weights are checked against the
framework by the scoring engine itself (known ids, finite, not negative, no group all zero)
before anything is written. Files are written whole (temporary file, then rename).
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from pathlib import Path

import yaml

from roam.access.accounts import record
from roam.errors import RoamError
from roam.i18n import _
from roam.service.guard import Guard

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _-]{0,40}$")


class InvalidWeightSet(RoamError, ValueError):
    """A weight set that cannot be saved; the message says what to change."""


def folder() -> Path:
    from roam.store.paths import data_dir

    path = data_dir() / "weights"
    path.mkdir(parents=True, exist_ok=True)
    return path


def weight_sets() -> dict[str, Path]:
    """Saved sets by name (file stem); readable by everyone who may use the Weights page."""
    return {p.stem: p for p in sorted(folder().glob("*.yaml"))}


def read_weight_set(name: str) -> dict[str, float]:
    """A saved set's weights; items it does not list weigh 1."""
    path = weight_sets().get(name)
    if path is None:
        raise InvalidWeightSet(_("no saved weight set {name}").format(name=repr(name)))
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, float] = {}
    for key, value in (data.get("weights") or {}).items():
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if math.isfinite(number):
            out[str(key)] = number
    return out


def save_weight_set(
    guard: Guard, name: str, weights: dict[str, float], framework_version: str
) -> Path:
    """Check the right, then the content, then write the set and record who saved it."""
    name = (name or "").strip()
    target = f"weight set {name[:40]!r}"
    guard.require("save_weights", target)
    if not NAME.match(name):
        raise InvalidWeightSet(_("Use a short name of letters, numbers, spaces, - or _."))
    if not weights:
        raise InvalidWeightSet(_("Move a slider first: an all-equal set is the default already."))
    from roam.framework import load_framework
    from roam.scoring.config import WeightSet
    from roam.scoring.weights import resolve_weights

    payload = {
        "description": f"Saved in the roam app: {name}",
        "weights": {str(k): float(v) for k, v in weights.items()},
    }
    try:
        checked = WeightSet.model_validate(payload)
        resolve_weights(checked, load_framework(framework_version), name, "the Weights page")
    except Exception as exc:  # noqa: BLE001 - pydantic and scoring errors carry the message
        raise InvalidWeightSet(
            _("The weight set cannot be saved: {reason}").format(reason=exc)
        ) from None
    path = folder() / f"{name.replace(' ', '_')}.yaml"
    existed = path.exists()
    text = yaml.safe_dump(payload, sort_keys=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".partial")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    detail = (
        ("replaced" if existed else "saved")
        + f" {path.name}: "
        + ", ".join(f"{k}={v:g}" for k, v in sorted(payload["weights"].items()))
    )
    record(guard.store, guard.user, "save_weights", target, True, detail)
    return path
