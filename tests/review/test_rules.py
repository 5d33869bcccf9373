"""review.yaml is checked when read: a broken rules file names what is wrong."""

from __future__ import annotations

import shutil

import pytest
import yaml
from pydantic import ValidationError

from roam.review.rules import review_rules


def test_broken_rules_are_refused(tmp_path, monkeypatch):
    from roam.framework import indicators_root

    root = tmp_path / "indicators"
    shutil.copytree(indicators_root() / "2018", root / "2018")
    monkeypatch.setenv("ROAM_INDICATORS_DIR", str(root))
    review_rules.cache_clear()
    try:
        path = root / "2018" / "review.yaml"
        data = yaml.safe_load(path.read_text())
        del data["verdicts"]["contested"]
        path.write_text(yaml.safe_dump(data))
        with pytest.raises(ValidationError, match="verdicts without a style: contested"):
            review_rules("2018")
        data["verdicts"]["contested"] = {"label": "Contested", "colour": "#D55E00"}
        data["validated_share"] = 1.5
        path.write_text(yaml.safe_dump(data))
        with pytest.raises(ValidationError, match="validated_share"):
            review_rules("2018")
        path.unlink()
        with pytest.raises(FileNotFoundError, match="framework 2018 has no review rules"):
            review_rules("2018")
    finally:
        review_rules.cache_clear()
