"""Weights and scoring settings as validated data.

Both live next to the catalogue (`weights.yaml`, `scoring.yaml`) so that a methodological choice is
a reviewed data change, not a code change. Every model forbids unknown fields, and every error names
the file and the item at fault, because a silently ignored typo in a weight would change scores.
"""

from __future__ import annotations

import copy
import itertools
import math
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from roam.errors import RoamError
from roam.framework import CatalogueError, Framework, indicators_root, load_framework
from roam.i18n import _

Method = Literal["arithmetic", "geometric"]
LEVELS = ("question", "theme", "category", "index")
DEFAULT_PROFILE = "default"  # the draws and seed written under `uncertainty` in scoring.yaml
WEIGHT_LEVELS = ("indicator", "question", "theme", "category")


class ScoringConfigError(RoamError, ValueError):
    """A weights or settings file (or mapping) that cannot be used; names the file and item."""

    def __init__(self, file: Path | str, item: str, problem: str) -> None:
        self.file = str(file)
        self.item = item
        self.problem = problem
        super().__init__(f"{self.file}: {item}: {problem}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ------------------------------------------------------------------------------ weights


class WeightSet(_Strict):
    """One named weighting scheme. Weights are relative within their group (siblings).

    `weights` maps any indicator, question, theme or category id to a weight; ids not listed weigh
    1 (times `core_weight` / `non_core_weight` for indicators). Categories weigh within the ROAM
    index; X is reported beside the index and takes no weight.
    """

    description: str = ""
    core_weight: float = Field(default=1.0, ge=0, allow_inf_nan=False)
    non_core_weight: float = Field(default=1.0, ge=0, allow_inf_nan=False)
    weights: dict[str, float] = Field(default_factory=dict)

    @field_validator("weights")
    @classmethod
    def _finite_non_negative(cls, weights: dict[str, float]) -> dict[str, float]:
        for key, value in weights.items():
            if not math.isfinite(value):
                raise ValueError(f"{key}: weight must be a finite number, not {value}")
            if value < 0:
                raise ValueError(f"{key}: weight must not be negative (got {value:g})")
        return weights


class WeightsFile(_Strict):
    """`weights.yaml`: named weight sets and which one applies when none is chosen."""

    default: str = "equal"
    sets: dict[str, WeightSet] = Field(min_length=1)

    @model_validator(mode="after")
    def _default_exists(self) -> WeightsFile:
        if self.default not in self.sets:
            known = ", ".join(sorted(self.sets))
            raise ValueError(f"default set {self.default!r} is not defined (sets: {known})")
        return self


# ----------------------------------------------------------------------------- settings


def _fraction(value: Any) -> Any:
    """Accept "2/3" in YAML: two thirds written as 0.67 would reject 2 of 3 or admit 66 of 100."""
    if isinstance(value, str) and "/" in value:
        top, _, bottom = value.partition("/")
        try:
            return float(top) / float(bottom)
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"not a fraction: {value!r}") from None
    return value


Share = Annotated[float, BeforeValidator(_fraction), Field(ge=0, le=1)]


class CoverageThresholds(_Strict):
    """Share of applicable components (and of indicators beneath) an aggregate needs."""

    question: Share = 2 / 3
    theme: Share = 2 / 3
    category: Share = 2 / 3
    index: Share = 2 / 3


class Noise(_Strict):
    """Monte Carlo weight noise per level: each weight is multiplied by U(1 - f, 1 + f)."""

    indicator: float = Field(default=0.25, ge=0, lt=1)
    question: float = Field(default=0.25, ge=0, lt=1)
    theme: float = Field(default=0.25, ge=0, lt=1)
    category: float = Field(default=0.25, ge=0, lt=1)


class UncertaintySettings(_Strict):
    """Monte Carlo settings. Draws and seed have no default in code: scoring.yaml sets them."""

    draws: int = Field(ge=0, le=100_000)  # 0: no interval is computed
    seed: int = Field(ge=0)
    noise: Noise = Field(default_factory=Noise)
    methods: list[Method] = Field(default_factory=lambda: ["arithmetic", "geometric"], min_length=1)
    percentiles: tuple[float, float] = (5.0, 95.0)
    # Missing-data policies a draw may pick from (with the methods); empty: the nominal policy only.
    missing_policies: list[Literal["exclude", "zero"]] = Field(default_factory=list)
    # Run the sensitivity analysis (which uncertain input drives each interval) with the draws;
    # it costs more than the interval itself, so a profile can switch it off.
    sensitivity: bool = True
    # Sensitivity analysis: base samples N of the pick-freeze design (N x (levels + 2) weight
    # points, each scored under every method and policy).
    sensitivity_samples: int = Field(default=256, ge=8, le=20_000)

    @field_validator("percentiles")
    @classmethod
    def _ordered(cls, value: tuple[float, float]) -> tuple[float, float]:
        low, high = value
        if not 0 <= low < high <= 100:
            raise ValueError(f"percentiles must satisfy 0 <= low < high <= 100 (got {value})")
        return value


class RunProfile(_Strict):
    """A named choice of draws, seed and sensitivity analysis for one purpose (e.g. a faster
    one for the app); what a profile leaves out comes from the `uncertainty` block."""

    draws: int | None = Field(default=None, ge=0, le=100_000)
    seed: int | None = Field(default=None, ge=0)
    sensitivity: bool | None = None


class ChangeSettings(_Strict):
    """Verdicts on change over time: a change counts when its whole interval lies beyond this."""

    min_change: float = Field(default=0.0, ge=0, le=100)


class Band(_Strict):
    name: str = Field(min_length=1)
    min: float = Field(ge=0, le=100)
    description: str = ""
    colour: str | None = Field(default=None, pattern=r"^#[0-9A-Fa-f]{6}$")


def _default_bands() -> list[Band]:
    return [
        Band(name="Advanced", min=75, description="75 or more"),
        Band(name="Established", min=50, description="50 to under 75"),
        Band(name="Developing", min=25, description="25 to under 50"),
        Band(name="Emerging", min=0, description="under 25"),
    ]


class ScoringSettings(_Strict):
    """`scoring.yaml`: every methodological switch of the engine, with the documented default."""

    aggregation: Method = "arithmetic"
    geometric_shift: float = Field(default=1.0, gt=0, allow_inf_nan=False)
    missing_policy: Literal["exclude", "zero"] = "exclude"
    coverage_threshold: CoverageThresholds = Field(default_factory=CoverageThresholds)
    # "indicators": an aggregate needs the threshold share of the applicable indicators beneath
    # it to have data (thresholds do not compound down the tree). "components_and_indicators"
    # also needs that share of its direct components to have a score (stricter, compounds).
    # "direct": only the share of its direct components with a score counts (COINr's dat_thresh:
    # an unweighted count at every level, insufficient aggregates counting as missing above).
    coverage_rule: Literal["indicators", "components_and_indicators", "direct"] = "indicators"
    uncertainty: UncertaintySettings
    profiles: dict[str, RunProfile] = Field(default_factory=dict)
    bands: list[Band] = Field(default_factory=_default_bands, min_length=1)
    change: ChangeSettings = Field(default_factory=ChangeSettings)
    strengths: int = Field(default=3, ge=1, le=25)

    @field_validator("bands")
    @classmethod
    def _bands_ordered(cls, bands: list[Band]) -> list[Band]:
        mins = [band.min for band in bands]
        if any(a <= b for a, b in itertools.pairwise(mins)):
            raise ValueError("bands must be listed from the highest threshold down, no repeats")
        if mins[-1] != 0:
            raise ValueError("the last band must start at 0 so that every score has a band")
        names = [band.name for band in bands]
        if len(set(names)) != len(names):
            raise ValueError("band names must be unique")
        return bands

    def for_run(
        self,
        profile: str | None = None,
        draws: int | None = None,
        seed: int | None = None,
        sensitivity: bool | None = None,
    ) -> ScoringSettings:
        """These settings with one run's draws, seed and sensitivity switch: the named profile's,
        then explicit ones.

        Profiles are cleared from the result: it describes one run, as its record states it.
        """
        chosen: dict[str, int | bool] = {}
        if profile not in (None, DEFAULT_PROFILE):
            if profile not in self.profiles:
                known = ", ".join([DEFAULT_PROFILE, *sorted(self.profiles)])
                raise ScoringConfigError(
                    "scoring.yaml",
                    "profiles",
                    _("no run profile {profile} (profiles: {known})").format(
                        profile=repr(profile), known=known
                    ),
                )
            chosen = self.profiles[profile].model_dump(exclude_none=True)
        if draws is not None:
            chosen["draws"] = draws
        if seed is not None:
            chosen["seed"] = seed
        if sensitivity is not None:
            chosen["sensitivity"] = sensitivity
        unc = validate(
            UncertaintySettings, {**self.uncertainty.model_dump(), **chosen}, "run settings"
        )
        return self.model_copy(update={"uncertainty": unc, "profiles": {}})

    def band_of(self, score: float | None) -> str | None:
        """The named band a score falls in; None for no score (shown as insufficient data)."""
        if score is None or not math.isfinite(score):
            return None
        for band in self.bands:
            if score >= band.min:
                return band.name
        return self.bands[-1].name


# ------------------------------------------------------------------------------ loading


_YAML_CACHE: dict[tuple[str, int, int], Any] = {}


def read_yaml(path: Path) -> Any:
    """Parse a YAML mapping; cached by path, size and mtime since every score() call reads two."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise ScoringConfigError(path, "file", "file is missing") from None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _YAML_CACHE:
        if len(_YAML_CACHE) > 64:
            _YAML_CACHE.clear()
        _YAML_CACHE[key] = _parse_yaml(path)
    return copy.deepcopy(_YAML_CACHE[key])


def _parse_yaml(path: Path) -> Any:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScoringConfigError(path, "file", "file is missing") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "file"
        raise ScoringConfigError(path, where, f"not valid YAML ({exc})") from None
    if not isinstance(raw, dict):
        raise ScoringConfigError(path, "file", "expected a mapping at the top of the file")
    return raw


def validate(model: type[BaseModel], raw: Any, source: Path | str) -> Any:
    """Validate with pydantic, turning the first error into one message naming file and item."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(part) for part in first["loc"]]
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = f"unknown field {loc[-1]!r}"
            loc = loc[:-1]
        item = ".".join(loc) if loc else "file"
        raise ScoringConfigError(source, item, message) from None


def framework_folder(framework: Framework, root: Path | str | None = None) -> Path | None:
    """The catalogue folder a loaded framework came from, found by version and checksum.

    The loaded Framework does not record its folder, so look where `load_framework` would and
    accept a folder only if it loads to the same catalogue.
    """
    explicit = getattr(framework, "folder", None)
    if explicit:
        return Path(explicit)
    bases = [Path(root)] if root is not None else []
    bases.append(indicators_root())
    for base in bases:
        folder = base / framework.version
        if not (folder / "framework.yaml").is_file():
            continue
        try:
            other = load_framework(framework.version, root=base)
        except CatalogueError:
            continue
        if other is framework or other.checksum == framework.checksum:
            return folder
    return None


def load_settings(
    source: ScoringSettings | dict[str, Any] | Path | str | None,
    framework: Framework,
    root: Path | str | None = None,
) -> ScoringSettings:
    """Settings from an object, a file, or overrides applied to the framework's `scoring.yaml`."""
    if isinstance(source, ScoringSettings):
        return source
    if isinstance(source, Path | str):
        path = Path(source)
        return validate(ScoringSettings, read_yaml(path), path)
    folder = framework_folder(framework, root)
    base: dict[str, Any] = {}
    where: Path | str = "default settings"
    if folder is not None and (folder / "scoring.yaml").is_file():
        where = folder / "scoring.yaml"
        base = read_yaml(where)
    if source:
        base = _deep_merge(base, source)
        where = f"{where} + overrides"
    return validate(ScoringSettings, base, where)


def _deep_merge(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged
