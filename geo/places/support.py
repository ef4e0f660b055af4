"""Names that vouch for each other: "Two men were killed at Northampton ...; Springfield was nearly destroyed
..., and on the 19th he beset Hatfield ...; there were 7 killed at Westfield" are four towns of one valley in
Massachusetts, not England's Northampton and Hatfield, because readings of the other names lie close to them.

Spatial minimality, as one feature of the place chooser (:func:`geo.places.resolve.features`,
``near_readings_of_other_names`` in data/lexicon/weights.tsv): for each reading of a name with several, how many
other names of the text have a reading of their own close by."""

from __future__ import annotations

from ..model import AREA_KINDS
from .candidates import Pending
from .geometry import Anchors

SUPPORT_KM = 50.0  # a reading of another name this close vouches for a reading
MIN_NAMES = 2  # ... when at least this many other names do
MAX_NAMES = 4  # (other names counted at most)


def name_support(pend: list[Pending]) -> dict[tuple[str, str], int]:
    """(name key, place key) -> how many other names have a reading within :data:`SUPPORT_KM` of that place, for
    the readings of every name that has several (only the counts of :data:`MIN_NAMES` or more, up to :data:`MAX_NAMES`)."""
    grid = Anchors()  # every reading of every name, on the anchors' grid
    names_of: dict[str, set[str]] = {}  # place key -> the names it is a reading of
    names: dict[str, list] = {}
    for p in pend:
        key = p.cand.key
        if key in names:
            continue
        names[key] = [pl for pl in p.cand.places if pl.kind not in AREA_KINDS]
        for pl in names[key]:
            grid.append(pl)
            names_of.setdefault(pl.key, set()).add(key)
    out: dict[tuple[str, str], int] = {}
    for key, spots in sorted(names.items()):
        if len(spots) < 2:
            continue
        for pl in spots:
            near = {n for q in (pl, *grid.around(pl, SUPPORT_KM)) for n in names_of[q.key]} - {key}
            if len(near) >= MIN_NAMES:
                out[(key, pl.key)] = min(len(near), MAX_NAMES)
    return out
