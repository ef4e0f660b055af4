"""Names that vouch for each other: "Two men were killed at Northampton ...; Springfield was nearly destroyed
..., and on the 19th he beset Hatfield ...; there were 7 killed at Westfield" are four towns of one valley in
Massachusetts, not England's Northampton and Hatfield, because readings of the other names lie close to them.

Spatial minimality, as one feature of the place chooser (:func:`geo.places.resolve.features`,
``near_readings_of_other_names`` in data/lexicon/weights.tsv): for each reading of a name with several, how many
other names of the text have a reading of their own close by."""

from __future__ import annotations

import math

from ..model import AREA_KINDS
from .candidates import Pending
from .geometry import KM_PER_DEG, km

SUPPORT_KM = 50.0  # a reading of another name this close vouches for a reading
MIN_NAMES = 2  # ... when at least this many other names do
MAX_NAMES = 4  # (other names counted at most)


def name_support(pend: list[Pending]) -> dict[tuple[str, str], int]:
    """(name key, place key) -> how many other names have a reading within :data:`SUPPORT_KM` of that place, for
    the readings of every name that has several (only the counts of :data:`MIN_NAMES` or more, up to :data:`MAX_NAMES`)."""
    cells: dict[tuple[int, int], list[tuple[str, object]]] = {}
    names: dict[str, list] = {}
    for p in pend:
        key = p.cand.key
        if key in names:
            continue
        spots = [pl for pl in p.cand.places if pl.kind not in AREA_KINDS]
        names[key] = spots
        for pl in spots:
            cells.setdefault((math.floor(pl.point.lat), math.floor(pl.point.lon)), []).append((key, pl))
    out: dict[tuple[str, str], int] = {}
    dlat = math.ceil(SUPPORT_KM / KM_PER_DEG)
    for key, spots in sorted(names.items()):
        if len(spots) < 2:
            continue
        for pl in spots:
            la, lo = math.floor(pl.point.lat), math.floor(pl.point.lon)
            dlon = min(180, math.ceil(SUPPORT_KM / (KM_PER_DEG * max(math.cos(math.radians(min(89.0, abs(pl.point.lat) + 1))), 1e-6))))
            near = {other for i in range(la - dlat, la + dlat + 1) for j in range(lo - dlon, lo + dlon + 1)
                    for other, q in cells.get((i, (j + 180) % 360 - 180), ()) if other != key and km(pl.point, q.point) <= SUPPORT_KM}
            if len(near) >= MIN_NAMES:
                out[(key, pl.key)] = min(len(near), MAX_NAMES)
    return out
