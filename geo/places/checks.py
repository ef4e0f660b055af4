"""Checks on places: a point lies in the country it claims (either claimant of a
disputed territory), and every curated row is sourced and near its host town."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import LngLat
from .gazetteer import GAZETTEER_DIR, Gazetteer
from .geometry import km

BORDER_BUFFER_DEG = 0.1  # about 10 km: points on a border, simplified outlines
HOST_KM = 50.0
TOWNS_AND_UNITS = ("town", "city", "country", "province", "governorate", "county")


@dataclass(frozen=True)
class Dispute:
    other: str  # the other country whose outline counts for the claimant
    territory: str
    center: LngLat | None  # the territory's bound: a circle; None when the other outline is the territory
    radius_km: float


@lru_cache(maxsize=4)
def disputed(path: Path = GAZETTEER_DIR / "disputed.tsv") -> dict[str, tuple[Dispute, ...]]:
    """Claimant ISO code -> the disputed territories whose points also count for it."""
    out: dict[str, list[Dispute]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            claimant, other, territory, lon, lat, radius, _source = (line.split("\t") + [""] * 7)[:7]
            center = LngLat(float(lon), float(lat)) if lon and lat else None
            out.setdefault(claimant, []).append(Dispute(other, territory, center, float(radius or 0)))
    return {k: tuple(v) for k, v in out.items()}


class Outline:
    """Where a point claimed for one country may lie: in its own polygon (prepared once, for the many
    points of a layer), or within the border margin of that polygon or of a disputed territory it
    claims."""

    def __init__(self, own, extra: list) -> None:
        self.own, self.extra, self._prepared = own, extra, None

    def contains(self, point) -> bool:
        if self._prepared is None:
            from shapely.prepared import prep

            self._prepared = prep(self.own)  # indexed once: a layer checks many points against it
        if self._prepared.contains(point):  # nearly every point: no distance needed
            return True
        # Within the border margin of the country or of a territory it claims (the distance to each
        # part: no buffered union of whole countries is built for one point near a coast).
        return any(part.distance(point) <= BORDER_BUFFER_DEG for part in (self.own, *self.extra))


def claimable_shapes(gaz: Gazetteer, isos) -> dict[str, Outline]:
    """ISO code -> the outline (with the border margin) a point claimed for that country may lie in:
    the country's Natural Earth polygon, joined with the part of the other country's that is a disputed
    territory (Crimea, Somaliland, Kosovo, Kashmir, the Golan: ``data/gazetteer/disputed.tsv``)."""
    from .geometry import circle

    out = {}
    for iso in isos:
        if not iso or (own := gaz.places.get(f"iso/{iso}")) is None or own.geometry is None:
            continue
        extra = []
        for d in disputed().get(iso, ()):
            other = gaz.places.get(f"iso/{d.other}")
            if other is None or other.geometry is None:
                continue
            bound = circle(d.center, 3.14159 * d.radius_km ** 2) if d.center else None
            extra.append(other.geometry.intersection(bound) if bound is not None else other.geometry)
        out[iso] = Outline(own.geometry, extra)
    return out


def check_curated_rows(gaz: Gazetteer, folder: Path = GAZETTEER_DIR) -> list[str]:
    """Every problem of every curated row: 'file:line id: what is wrong'."""
    from shapely.geometry import Point

    from .sources import EVENT_NAMED, CuratedRows

    problems: list[str] = []
    rows = []
    for path in CuratedRows(folder).files():
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                rows.append((f"{path.relative_to(folder.parent)}:{reader.line_num}", row, path.name in EVENT_NAMED))
    shapes = claimable_shapes(gaz, {(r.get("country") or "").strip() for _, r, _ in rows})
    for where, row, event_named in rows:
        rid = row["id"]
        if not (row.get("source") or "").strip():
            problems.append(f"{where} {rid}: no source")
        pt = LngLat(float(row["lon"]), float(row["lat"]))
        iso = (row.get("country") or "").strip()
        if iso and iso in shapes and not shapes[iso].contains(Point(pt.lon, pt.lat)):
            problems.append(f"{where} {rid}: point ({pt.lon}, {pt.lat}) is outside {iso}")
        if "host" in row and not event_named:
            # the world rows (data/gazetteer/sites/): no alias may be a town's or a unit's own name (but a battle's
            # names are only its event's: "the Battle of Wagram" takes nothing from Deutsch-Wagram)
            for alias in filter(None, (row.get("aliases") or "").split("|")):
                clash = [p for p in gaz.by_name(alias) if not p.curated and p.kind in TOWNS_AND_UNITS
                         and (p.population >= 1000 or p.kind != "town")]
                if clash:
                    problems.append(f"{where} {rid}: alias {alias!r} is the name of {clash[0].key} {clash[0].name}; "
                                    "it would take that place's mentions")
            host = (row.get("host") or "").strip()
            anywhere = not iso or row.get("kind") == "border_crossing"  # the town may be across the border
            towns = [p for p in gaz.by_name(host) if p.key.startswith("gn/")
                     and (anywhere or p.country in (iso, *(d.other for d in disputed().get(iso, ()))))]
            if not host or not towns:
                problems.append(f"{where} {rid}: host town {host!r} is not in GeoNames{' in ' + iso if iso else ''}")
            elif min(km(pt, t.point) for t in towns) > HOST_KM:
                d = min(km(pt, t.point) for t in towns)
                problems.append(f"{where} {rid}: {d:.0f} km from its host town {host!r} (more than {HOST_KM:.0f} km)")
    return problems
