"""roam: a toolkit for UNESCO's Internet Universality ROAM-X indicators."""

from roam.framework import CatalogueError, Framework, load_framework

__version__ = "0.1.0"

__all__ = ["CatalogueError", "Framework", "__version__", "load_framework"]
