"""The run record: everything that made a set of numbers, stated once and read by every output.

An analysis returns its scores together with this record. Workbooks, the methodology note,
assessment.json, the HTML report and the app all describe the method by reading it, never by
re-reading settings, so what a file says is what ran; `roam reproduce` rebuilds the run from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from roam import __version__
from roam.framework import Framework
from roam.i18n import _
from roam.scoring.config import ScoringSettings, WeightSet
from roam.scoring.weights import Weights, resolve_weights


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FrameworkRun(_Strict):
    version: str
    name: str
    checksum: str


class WeightRow(_Strict):
    """One weight as used: raw weight and its share of the group (siblings under one parent)."""

    level: str
    id: str
    parent: str
    weight: float
    share: float


class WeightsRun(_Strict):
    name: str
    source: str
    table: list[WeightRow]


class InputRun(_Strict):
    country: str
    file: str | None
    sha256: str | None


class RunRecord(ScoringSettings):
    """Every scoring setting used (the fields of scoring.yaml, with this run's draws and seed),
    plus the framework, the resolved weight table, the inputs and the roam version."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    roam_version: str
    framework: FrameworkRun
    profile: str = Field(description="The scoring.yaml run profile the draws and seed came from.")
    weights: WeightsRun
    inputs: list[InputRun]
    # Filled by analyses that run after the scores (e.g. sensitivity indices); None when not run.
    sensitivity: dict[str, Any] | None = None

    @property
    def draws(self) -> int:
        return self.uncertainty.draws

    @property
    def seed(self) -> int:
        return self.uncertainty.seed

    @property
    def percentiles(self) -> tuple[float, float]:
        return self.uncertainty.percentiles

    @property
    def interval_label(self) -> str:
        """ "90% interval" for the 5th to 95th percentiles: the name follows the settings."""
        low, high = self.percentiles
        return _("{share}% interval").format(share=f"{high - low:g}")

    @property
    def low_label(self) -> str:
        return _("Low ({share}%)").format(share=f"{self.percentiles[0]:g}")

    @property
    def high_label(self) -> str:
        return _("High ({share}%)").format(share=f"{self.percentiles[1]:g}")

    def settings(self) -> ScoringSettings:
        """The scoring settings of this run, to score again with exactly these choices."""
        own = set(RunRecord.model_fields) - set(ScoringSettings.model_fields)
        return ScoringSettings.model_validate(self.model_dump(exclude=own))

    def weight_set(self, framework: Framework) -> Weights:
        """The recorded weight table as weights again (every id listed with its raw weight)."""
        wset = WeightSet(
            description=f"weights recorded in a run ({self.weights.name})",
            weights={row.id: row.weight for row in self.weights.table},
        )
        return resolve_weights(wset, framework, self.weights.name, self.weights.source)

    def summary(self) -> str:
        """One plain sentence on the interval settings, for captions and notes."""
        if self.draws == 0:
            return _("No uncertainty interval was computed (0 draws).")
        noise = ", ".join(f"{_(k)} {v:g}" for k, v in self.uncertainty.noise.model_dump().items())
        sentence = _(
            "{draws} Monte Carlo draws (profile '{profile}', seed {seed}); each weight multiplied "
            "by U(1-f, 1+f) with f = {noise}; aggregation method drawn from {methods}; interval "
            "= {low}th to {high}th percentile ({interval})."
        ).format(
            draws=self.draws,
            profile=_(self.profile),
            seed=self.seed,
            noise=noise,
            methods=", ".join(_(m) for m in self.uncertainty.methods),
            low=f"{self.percentiles[0]:g}",
            high=f"{self.percentiles[1]:g}",
            interval=self.interval_label,
        )
        if self.uncertainty.sensitivity:
            return sentence + " " + _("Sensitivity analysis run.")
        return sentence + " " + _("Sensitivity analysis not run.")


def build_run(
    framework: Framework,
    settings: ScoringSettings,
    weights: Weights,
    profile: str,
    inputs: Sequence[Any],
) -> RunRecord:
    """The record of one run: `settings` must already carry the draws and seed that ran."""
    table = weights.table(framework)
    source = str(weights.source).replace("\\", "/").rsplit("/", 1)[-1]
    return RunRecord(
        **settings.model_dump(exclude={"profiles"}),
        roam_version=__version__,
        framework=FrameworkRun(
            version=framework.version, name=framework.manifest.title, checksum=framework.checksum
        ),
        profile=profile,
        weights=WeightsRun(
            name=weights.name,
            source=source,
            table=[WeightRow(**row) for row in table.to_dict("records")],
        ),
        inputs=[InputRun(country=a.country, file=a.filename, sha256=a.sha256) for a in inputs],
    )
