"""The indicator catalogue as validated, versioned data."""

from roam.framework.catalogue import Framework, IndicatorEntry
from roam.framework.load import (
    DEFAULT_VERSION,
    CatalogueError,
    available_versions,
    indicators_root,
    load_framework,
)

__all__ = [
    "DEFAULT_VERSION",
    "CatalogueError",
    "Framework",
    "IndicatorEntry",
    "available_versions",
    "indicators_root",
    "load_framework",
]
