"""Turn news articles into a sourced, layered map of military bases and incidents.

Pipeline stages, one package each, data flowing one way:
:mod:`geo.text` (articles, sentences, dates, the lexicon) -> :mod:`geo.places`
(gazetteer, mentions, resolution) -> :mod:`geo.events` (incidents) ->
:mod:`geo.output` (features, layers, exports, the web map).
:func:`geo.pipeline.build` runs them all (see docs/architecture.md).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .errors import ArticleError, GazetteerError, GeoError, LexiconError, OutputError, ValidationError
from .model import Article, DateRange, EventType, Feature, Incident, Kind, LngLat, Mention, Place, Precision, Section, Sentence, Source

try:
    __version__ = version("geo-news-map")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"


def __getattr__(name: str):
    """``geo.build``, ``geo.Settings``, ``geo.BuildResult`` load the pipeline on
    first use, so importing one stage (``geo.places.gazetteer``) does not load them all."""
    if name in ("BuildResult", "Settings", "build"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")


__all__ = [
    "Article",
    "ArticleError",
    "BuildResult",
    "DateRange",
    "EventType",
    "Feature",
    "GazetteerError",
    "GeoError",
    "Incident",
    "Kind",
    "LexiconError",
    "LngLat",
    "Mention",
    "OutputError",
    "Place",
    "Precision",
    "Section",
    "Sentence",
    "Settings",
    "Source",
    "ValidationError",
    "__version__",
    "build",
]
