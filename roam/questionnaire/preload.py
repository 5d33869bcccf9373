"""Imported once by the forkserver that budget.py reads uploads in.

Loading the reader, the vocabulary and the catalogues here means every child forked for an
upload starts warm: a budgeted read then costs milliseconds, not a fresh interpreter.
"""

from __future__ import annotations

import contextlib

import python_calamine  # noqa: F401  (the native reader, loaded once)

from roam.framework import load_framework
from roam.questionnaire.budget import _read_in_child  # noqa: F401  (the child's entry point)
from roam.questionnaire.model import AssessmentMeta
from roam.questionnaire.template import write_questionnaire
from roam.questionnaire.validate import check_questionnaire


def _warm() -> None:
    """Read one blank questionnaire end to end: every cache and lazy import is then filled."""
    framework = load_framework()
    meta = AssessmentMeta(
        country="Warm", iso_code="XA", year=2020, framework=framework.version, indicator_set="core"
    )
    check_questionnaire(write_questionnaire(framework, meta))


# A broken catalogue is reported by the read itself, not here.
with contextlib.suppress(Exception):
    _warm()
