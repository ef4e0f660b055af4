"""Turn news articles into a sourced, layered map of military bases and incidents.

Pipeline stages, one module each: :mod:`geo.articles` -> :mod:`geo.mentions`
(with :mod:`geo.gazetteer`) -> :mod:`geo.incidents` (with :mod:`geo.dates`)
-> :mod:`geo.features` -> :mod:`geo.layers` -> :mod:`geo.webmap`.
:func:`geo.pipeline.build` runs them all.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .errors import ArticleError, GazetteerError, GeoError, OutputError, ValidationError
from .model import Article, Incident, LngLat, Mention, Place, Section, Sentence

try:
    __version__ = version("geo-news-map")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"


def __getattr__(name: str):
    """``geo.build``, ``geo.Settings``, ``geo.BuildResult`` load the pipeline on
    first use, so importing one stage (``geo.gazetteer``) does not load them all."""
    if name in ("BuildResult", "Settings", "build"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")


__all__ = [
    "Article",
    "ArticleError",
    "BuildResult",
    "GazetteerError",
    "GeoError",
    "Incident",
    "LngLat",
    "Mention",
    "OutputError",
    "Place",
    "Section",
    "Sentence",
    "Settings",
    "ValidationError",
    "__version__",
    "build",
]
