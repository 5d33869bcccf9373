"""What a user chose for one run (profile, draws, seed, sensitivity analysis), before scoring.yaml
fills in the rest. The CLI options, the service's export arguments and the app's profile all end
up here, so that each of them scores through the same call."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from roam.analysis import Analysis


@dataclass(frozen=True)
class RunChoice:
    """None everywhere means: the default of scoring.yaml (or of the named profile)."""

    profile: str | None = None
    draws: int | None = None
    seed: int | None = None
    sensitivity: bool | None = None

    def analyse(self, assessments: Sequence[Any], weights: Any = None) -> Analysis:
        """Score `assessments` with this choice; the run record states the resolved settings."""
        from roam.analysis import analyse

        return analyse(
            assessments,
            weights=weights,
            profile=self.profile,
            draws=self.draws,
            seed=self.seed,
            sensitivity=self.sensitivity,
        )
