"""A place a distance and a direction from a named place give: "115 km east of Seoul", "within 17 miles of
Hamhung".  For an event near a town (geo.events.where) and a site the gazetteer lacks (geo.places.mentions)."""

from __future__ import annotations

import dataclasses
import re

from ..model import Mention, Place
from .gazetteer import Gazetteer
from .geometry import covers, destination

# "115 km east of Seoul", "1,300km (800 miles) south-east of Algiers": a distance and a direction from a place
DISTANCE = r"(?P<d>\d[\d,]*(?:\.\d+)?)\s*(?P<u>km|kilometres|kilometers|miles|mi)\.?"
DIRECTION = r"(?P<dir>(?:north|south)(?:-?(?:east|west))?|east|west)"  # "north", "south-east", "northwest"
OFFSET = (rf"{DISTANCE}\s+(?:\([^()]{{0,25}}\)\s+)?{DIRECTION}\s+of\s+(?:the\s+)?")
OFFSET_BEFORE = re.compile(OFFSET + "$", re.I)  # ... right before the place's name
# "to within 17 miles of the port of Hamhung": that close to the place, no direction given
WITHIN_BEFORE = re.compile(rf"\bwithin\s+{DISTANCE}\s+of\s+(?:the\s+)?(?:[a-z]+\s+of\s+)?$", re.I)
BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225, "west": 270,
            "northwest": 315}


def distance_km(m: re.Match[str]) -> float:
    """The distance a match of :data:`DISTANCE` gives, in km ("1,300km", "17 miles")."""
    return float(m.group("d").replace(",", "")) * (1.609344 if m.group("u").lower().startswith("mi") else 1.0)


def offset_place(text: str, m: Mention, gaz: Gazetteer) -> Place:
    """The place a distance and a direction from ``m``'s place give ("115 km east of Seoul"): that point,
    as uncertain as a quarter of the distance (at least the place's own radius), when it lies in the place's
    country; else the place itself, as uncertain as the distance.  Without a distance: the place."""
    o = OFFSET_BEFORE.search(text, max(0, m.start - 60), m.start)
    p = m.place
    w = WITHIN_BEFORE.search(text, max(0, m.start - 60), m.start) if o is None else None
    if p is None or (o or w) is None:
        return p

    def as_uncertain_as(d: float) -> Place:
        return dataclasses.replace(p, key=f"{p.key}~{round(d)}km", uncertainty_km=round(max(p.uncertainty_km, d), 1),
                                   source=f"{p.source}; within {round(d)} km, as the text says")

    d = distance_km(o or w)
    if w is not None:  # "pushed to within 17 miles of the port of Hamhung"
        return as_uncertain_as(d)
    if d <= 0 or d > 3000:
        return p
    direction = o.group("dir").lower().replace("-", "")
    point = destination(p.point, d, BEARINGS[direction])
    country = gaz.places.get(f"iso/{p.country}") if p.country else None
    if not (country is not None and covers(country, point)):
        return as_uncertain_as(d)
    return dataclasses.replace(p, key=f"{p.key}@{round(d)}km{BEARINGS[direction]}", name=f"{round(d)} km {direction} of {p.name}", point=point,
                               uncertainty_km=round(max(p.uncertainty_km, d / 4), 1), geometry=None,
                               source=f"{p.source}; moved {round(d)} km {direction} as the text says")
