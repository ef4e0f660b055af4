"""Typed records that flow through the pipeline.

Coordinates are always (lon, lat) in WGS84, held by :class:`LngLat`.  Only
:func:`geo.webmap.folium_location` turns them into Folium's [lat, lon].
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class LngLat:
    lon: float
    lat: float

    def __post_init__(self) -> None:
        if not (-180.0 <= self.lon <= 180.0 and -90.0 <= self.lat <= 90.0):
            raise ValueError(f"coordinate out of range: lon={self.lon!r}, lat={self.lat!r}")


@dataclass(frozen=True)
class Section:
    """A stretch of an article file with one author/publisher.

    A page that embeds other publishers' articles has one section per article;
    ``article`` is then ``file.txt#fragment``.
    """

    article: str
    title: str | None
    publisher: str | None
    published: str | None  # ISO date or ISO interval "start/end"; None when unknown
    start: int
    end: int
    author: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    section: Section
    text: str


@dataclass
class Article:
    """One article file: its full text (offsets index into it) and sections."""

    name: str  # file name relative to the articles folder
    text: str
    sections: list[Section]
    sentences: list[Sentence] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str | None:
        return self.sections[0].title if self.sections else None


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    key: str  # stable, e.g. "site/jurf-al-sakhar", "gn/98182", "icao/ORAA", "ne1/IZ01", "iso/IQ"
    name: str
    kind: str  # air_base, militia_base, city, governorate, country, nuclear_site, ...
    country: str  # ISO alpha-2, "" when none
    point: LngLat
    precision: str  # site, town, district, region, country
    uncertainty_km: float
    source: str
    population: int = 0
    aliases: tuple[str, ...] = ()
    geometry: Any = None  # shapely polygon for areas, else None
    admin1: str = ""


@dataclass(frozen=True)
class Mention:
    """A span of article text that names a place (or looks like one)."""

    article: str  # file name
    start: int
    end: int
    text: str
    sentence: Sentence
    place: Place | None
    reason: str
    cue: str = ""  # "province", "air base", "near", ...


@dataclass
class Incident:
    event_type: str
    place: Place
    sentences: list[Sentence]
    mentions: list[Mention]
    date_start: str | None
    date_end: str | None
    date_precision: str
    near: bool = False
    actors: list[str] = field(default_factory=list)
    attacker: list[str] = field(default_factory=list)  # named before the trigger, or after "by"
    target: list[str] = field(default_factory=list)  # named after the trigger
    fatalities: list[int] = field(default_factory=list)  # every figure stated (reports can differ); [] when none
    injuries: list[int] = field(default_factory=list)
    trigger: str = ""
