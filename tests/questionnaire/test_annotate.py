"""The marked copy: a file that cannot be marked up gives a plain, located refusal."""

from __future__ import annotations

import pytest

from roam.errors import RoamError, ValidationReport
from roam.questionnaire.annotate import AnnotationError, annotate_workbook


def test_an_unmarkable_file_is_a_plain_roam_error_and_still_a_value_error():
    with pytest.raises(AnnotationError) as caught:
        annotate_workbook(b"PK\x03\x04 not really a zip", ValidationReport())
    assert isinstance(caught.value, RoamError) and isinstance(caught.value, ValueError)
    assert caught.value.plain() == (
        "the workbook cannot be marked up (BadZipFile); the report above still lists every problem"
    )
