"""One rule, one module: each rule module owns its issue codes, and the schema is their union."""

from __future__ import annotations

import importlib
import pkgutil

import roam.questionnaire.rules as rules_package
from roam.errors import catalogue
from roam.questionnaire.rules import row_schema

HELPERS = {"base", "row_schema"}  # the shape of a row check, and the schema that joins them


def rule_modules() -> dict[str, object]:
    return {
        info.name: importlib.import_module(f"roam.questionnaire.rules.{info.name}")
        for info in pkgutil.iter_modules(rules_package.__path__)
        if info.name not in HELPERS
    }


def test_each_code_is_defined_by_exactly_one_rule_module():
    owners: dict[str, list[str]] = {}
    for name, module in rule_modules().items():
        kinds = module.ISSUES
        assert kinds, f"{name} defines no issue"
        assert module.__doc__ and module.__doc__.strip(), f"{name} says what it checks"
        for kind in kinds:
            owners.setdefault(kind.code, []).append(name)
    assert {code: names for code, names in owners.items() if len(names) > 1} == {}
    assert set(owners) == set(catalogue())


def test_each_row_check_raises_a_code_of_its_own_module():
    modules = rule_modules()
    for name, module in modules.items():
        own = {kind.code for kind in module.ISSUES}
        for check in getattr(module, "ROW_CHECKS", ()):
            assert check.code in own, (name, check.name)
    assert {c.name for c in row_schema.ROW_CHECKS} == {
        "known_indicator",
        "unique_indicator",
        "valid_status",
        "answer_on_scale",
        "value_is_number",
        "value_in_range",
        "year_is_year",
        "year_not_future",
    }


def test_the_schema_is_built_from_the_rules():
    schema = row_schema.response_schema(1990, 2025)
    column_checks = {name: [c.name for c in col.checks] for name, col in schema.columns.items()}
    assert column_checks["data_year"] == ["year_is_year", "year_not_future"]
    assert column_checks["known"] == ["known_indicator"]
    assert [c.name for c in schema.checks] == ["unique_indicator", "value_in_range"]
