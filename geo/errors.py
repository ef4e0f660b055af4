"""One small exception hierarchy.  Messages name the file, the line and the fix."""

from __future__ import annotations


class GeoError(Exception):
    """Base class for every error this package raises on purpose."""


class ArticleError(GeoError, ValueError):
    """An article file cannot be read (bad UTF-8, empty, binary, bad metadata)."""


class GazetteerError(GeoError, ValueError):
    """A gazetteer row is malformed: the message names file, line and field."""


class ValidationError(GeoError, ValueError):
    """A feature breaks a rule (coordinate range, point outside its country, ids)."""


class OutputError(GeoError, OSError):
    """An output file could not be written."""


class LexiconError(GeoError, ValueError):
    """A file of data/lexicon/ is malformed: the message names file, line and fix."""


class ParserError(GeoError, RuntimeError):
    """The English pipeline is missing or is not the audited one."""
