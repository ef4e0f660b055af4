"""Typed records that flow through the pipeline, and the enums they use.

Coordinates are always (lon, lat) in WGS84, held by :class:`LngLat`.  Only
:func:`geo.output.webmap.folium_location` turns them into Folium's [lat, lon].

Stages hand each other these records, never anonymous dicts: an
:class:`Article` (text, sections, sentences) becomes :class:`Mention` s of
:class:`Place` s, then :class:`Incident` s, then :class:`Feature` s with
:class:`Source` s, which only the layer writer turns into GeoJSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any


@dataclass(frozen=True, order=True, slots=True)
class LngLat:
    lon: float
    lat: float

    def __post_init__(self) -> None:
        if not (-180.0 <= self.lon <= 180.0 and -90.0 <= self.lat <= 90.0):
            raise ValueError(f"coordinate out of range: lon={self.lon!r}, lat={self.lat!r}")


class Precision(StrEnum):
    """How exactly a feature is placed, finest first."""

    SITE = "site"  # the installation itself
    TOWN = "town"
    DISTRICT = "district"
    REGION = "region"
    COUNTRY = "country"

    @property
    def rank(self) -> int:
        return list(Precision).index(self)

    def widened(self) -> "Precision":
        """One step coarser ("near X" is less exact than X); regions and countries stay."""
        return {Precision.SITE: Precision.TOWN, Precision.TOWN: Precision.DISTRICT,
                Precision.DISTRICT: Precision.REGION}.get(self, self)


# "near X" (an incident near a town, a site the gazetteer lacks drawn near its town): X's uncertainty plus this.
NEAR_KM = 10.0


class Kind(StrEnum):
    """What a place (or a feature that is not an incident) is."""

    # installations
    AIR_BASE = "air_base"
    MILITARY_BASE = "military_base"
    MILITIA_BASE = "militia_base"
    NAVAL_BASE = "naval_base"
    MISSILE_BASE = "missile_base"
    NUCLEAR_SITE = "nuclear_site"
    STRATEGIC_SITE = "strategic_site"
    OIL_FACILITY = "oil_facility"
    POWER_PLANT = "power_plant"
    DAM = "dam"
    PORT = "port"
    CAMP = "camp"
    BORDER_CROSSING = "border_crossing"
    PRISON = "prison"
    EMBASSY = "embassy"
    AIRPORT = "airport"
    LANDMARK = "landmark"
    GOVERNMENT_DISTRICT = "government_district"
    DISTRICT = "district"
    ZONE = "zone"
    # settlements and units
    TOWN = "town"
    CITY = "city"
    COUNTY = "county"
    PROVINCE = "province"
    GOVERNORATE = "governorate"
    COUNTRY = "country"
    CONTINENT = "continent"
    REGION = "region"
    # physical geography
    SEA = "sea"
    OCEAN = "ocean"
    STRAIT = "strait"
    CANAL = "canal"
    PENINSULA = "peninsula"
    RIVER = "river"
    # features the build makes
    APPROXIMATE_ZONE = "approximate_zone"
    BASES_IN_AREA = "bases_in_area"


# The bases layer holds these kinds.
BASE_KINDS = frozenset({Kind.AIR_BASE, Kind.MILITARY_BASE, Kind.MILITIA_BASE, Kind.NAVAL_BASE, Kind.MISSILE_BASE})
# First-level divisions: drawn as polygons in the areas layer.
ADMIN1_KINDS = frozenset({Kind.GOVERNORATE, Kind.PROVINCE})
# Places that are areas, never anchors for nearby names.
AREA_KINDS = ADMIN1_KINDS | {Kind.COUNTRY, Kind.CONTINENT}
# Named installations: an incident there is at the site, whatever its coordinate's precision.
INSTALLATION_KINDS = BASE_KINDS | {Kind.NUCLEAR_SITE, Kind.EMBASSY, Kind.OIL_FACILITY, Kind.STRATEGIC_SITE, Kind.POWER_PLANT,
                                   Kind.DAM, Kind.PORT, Kind.CAMP, Kind.BORDER_CROSSING, Kind.PRISON}


class EventType(StrEnum):
    """Incident types; labels and the ACLED mapping are in data/lexicon/event_types.tsv."""

    AIR_STRIKE = "air_strike"
    DRONE_ATTACK = "drone_attack"
    MISSILE_ATTACK = "missile_attack"
    ROCKET_ATTACK = "rocket_attack"
    SHOOT_DOWN = "shoot_down"
    TARGETED_KILLING = "targeted_killing"
    ATTACK_ON_INSTALLATION = "attack_on_installation"
    PROTEST_SIEGE = "protest_siege"
    SHELLING = "shelling"
    EXPLOSION = "explosion"
    ARMED_CLASH = "armed_clash"
    ATTACK_ON_CIVILIANS = "attack_on_civilians"
    RIOT = "riot"
    OTHER = "other"


# Remote-violence types one report can mix ("missiles and drones were launched ... drones were shot down").
REMOTE_EVENTS = frozenset({EventType.AIR_STRIKE, EventType.DRONE_ATTACK, EventType.MISSILE_ATTACK,
                           EventType.ROCKET_ATTACK, EventType.SHELLING, EventType.EXPLOSION, EventType.SHOOT_DOWN,
                           EventType.ATTACK_ON_INSTALLATION})
# ... of which these say how an installation was attacked (a shoot-down does not).
WEAPON_EVENTS = frozenset({EventType.AIR_STRIKE, EventType.DRONE_ATTACK, EventType.MISSILE_ATTACK,
                           EventType.ROCKET_ATTACK, EventType.SHELLING, EventType.EXPLOSION})
# ... and the events the sentence before may set the scene of when they name no place ("the meeting at Turriff ...
# they were surprised and routed"): fights, sieges, crowds, strikes and shoot-downs ("... the wreckage of a Ka-52
# helicopter in the Talovsky district ... the helicopter had been shot down"); not a killing, an abduction or a blast,
# which the sentence before placed rightly only half the time on the development sets.
CROWD_EVENTS = frozenset({EventType.PROTEST_SIEGE, EventType.RIOT})
SCENE_EVENTS = frozenset({EventType.ARMED_CLASH, EventType.ATTACK_ON_INSTALLATION, EventType.SHOOT_DOWN, *CROWD_EVENTS,
                          *WEAPON_EVENTS} - {EventType.EXPLOSION})


@dataclass(frozen=True)
class DateRange:
    """The days an event can have happened on, both ends included."""

    start: date
    end: date
    precision: str  # day, week, month, year (a story's year only), range

    @staticmethod
    def of(start: date, end: date, precision: str | None = None) -> "DateRange":
        if precision is None:
            precision = "day" if start == end else "range"
        return DateRange(start, end, precision)

    @staticmethod
    def year(y: int) -> "DateRange":
        """The whole of year ``y``."""
        return DateRange(date(y, 1, 1), date(y, 12, 31), "year")

    def union(self, other: "DateRange") -> "DateRange":
        if other == self:
            return self
        start, end = min(self.start, other.start), max(self.end, other.end)
        prec = self.precision if self.precision == other.precision and start == self.start and end == self.end else "range"
        if start == end:
            prec = "day"
        return DateRange(start, end, prec)

    def shift(self, days: int) -> "DateRange":
        return DateRange(self.start + timedelta(days), self.end + timedelta(days), self.precision)

    def overlaps(self, other: "DateRange") -> bool:
        return self.start <= other.end and other.start <= self.end

    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()


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
    language: str = "en"  # ISO 639-1; incidents are extracted from English only

    @property
    def title(self) -> str | None:
        return self.sections[0].title if self.sections else None


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    key: str  # stable, e.g. "site/jurf-al-sakhar", "gn/98182", "icao/ORAA", "ne1/IZ01", "iso/IQ"
    name: str
    kind: str  # a Kind value
    country: str  # ISO alpha-2, "" when none
    point: LngLat
    precision: str  # a Precision value
    uncertainty_km: float
    source: str
    population: int = 0
    aliases: tuple[str, ...] = ()
    geometry: Any = None  # shapely polygon for areas, else None
    admin1: str = ""
    curated: bool = False  # a row of the project's (or the user's) own lists, which win over the packages


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
    # An unresolved site named after a town ("Dantewada prison"): the town it is at or near, for its incidents.
    near: Place | None = None


@dataclass
class Decision:
    """Why one name in one sentence was, or was not, mapped (geo/places/resolve.py; ``geo explain`` prints them)."""

    text: str
    start: int
    end: int
    sentence: Sentence
    place: Place | None
    reason: str
    candidates: list[tuple[str, str, str, float]] = field(default_factory=list)  # (key, name, kind, score)


@dataclass
class Incident:
    event_type: str  # an EventType value
    place: Place
    sentences: list[Sentence]
    mentions: list[Mention]
    date: DateRange | None  # None: undated
    date_end: str | None  # the last possible day: the date's end, or for an undated event the writing date
    near: bool = False
    actors: list[str] = field(default_factory=list)
    attacker: list[str] = field(default_factory=list)  # named before the trigger, or after "by"
    target: list[str] = field(default_factory=list)  # named after the trigger
    fatalities: list[int] = field(default_factory=list)  # every figure stated (reports can differ); [] when none
    injuries: list[int] = field(default_factory=list)
    trigger: str = ""

    @property
    def date_start(self) -> str | None:
        return self.date.start.isoformat() if self.date else None

    @property
    def date_precision(self) -> str:
        return self.date.precision if self.date else "unknown"


@dataclass
class Source:
    """One quoted sentence behind a feature: ``quote == article_text[start:end]``."""

    article: str
    title: str | None
    publisher: str | None
    published: str | None
    quote: str
    url: str | None
    start: int
    end: int
    names: list[list[int]] = field(default_factory=list)  # offsets of the place names inside the article

    def as_dict(self) -> dict[str, Any]:
        return {"article": self.article, "title": self.title, "publisher": self.publisher, "published": self.published,
                "quote": self.quote, "url": self.url, "start": self.start, "end": self.end, "names": self.names}


@dataclass
class Feature:
    """One feature of one layer, typed until the layer writer makes it GeoJSON."""

    id: str
    layer: str
    name: str
    kind: str
    place: Place
    sources: list[Source]
    geometry: dict[str, Any]  # GeoJSON geometry, lon/lat
    precision: str
    uncertainty_km: float
    properties: dict[str, Any] = field(default_factory=dict)  # the layer's own fields (see docs/schema.md)
    admin1: str | None = None  # the first-level unit's name (Natural Earth), when the gazetteer knows it

    def as_geojson(self) -> dict[str, Any]:
        p = self.place
        published = [s.published for s in self.sources if s.published]
        props: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "layer": self.layer,
            "kind": str(self.kind),
            "country": p.country or None,
            "admin1": self.admin1,
            "precision": str(self.precision),
            "uncertainty_km": self.uncertainty_km,
            "place_id": p.key,
            "place_name": p.name,
            "coord_source": p.source,
            "source_count": len(self.sources),
            # Typed dates for GIS filters: an interval "start/end" counts by its bounds.
            "first_published": min((s.split("/")[0] for s in published), default=None),
            "last_published": max((s.split("/")[-1] for s in published), default=None),
            "sources": [s.as_dict() for s in self.sources],
            **self.properties,
        }
        return {"type": "Feature", "id": self.id, "properties": props, "geometry": self.geometry}
