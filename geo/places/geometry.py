"""Distances, nearness and shapes: the one home of geometry on lon/lat.

Every distance in the package is :func:`km` (great circle); areas are sized
with :func:`area_radius_km` and drawn with :func:`circle`.
"""

from __future__ import annotations

import math

from ..model import LngLat, Place

EARTH_RADIUS_KM = 6371.0
KM_PER_DEG = 111.32
# A unit known by its point and equal-area radius holds a place of its own code within this many radii of the point
# (a long unit reaches that far; a code that also names a far unit does not), and one of another code within this many
CODE_KM, MIDDLE = 3.0, 0.5


def km(a: LngLat, b: LngLat) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(min(1.0, math.sqrt(h)))


def destination(start: LngLat, distance_km: float, bearing_deg: float) -> LngLat:
    """The point ``distance_km`` from ``start`` along the great circle of ``bearing_deg`` (0 north, 90 east)."""
    d, b = distance_km / EARTH_RADIUS_KM, math.radians(bearing_deg)
    p1, l1 = math.radians(start.lat), math.radians(start.lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return LngLat(round((math.degrees(l2) + 540) % 360 - 180, 4), round(math.degrees(p2), 4))


def near(a: Place, b: Place, within_km: float = 150.0) -> bool:
    return km(a.point, b.point) <= within_km


def circle(center: LngLat, area_km2: float, n: int = 64):
    """A polygon of the given area around ``center`` (local equirectangular)."""
    from shapely.geometry import Polygon

    r = math.sqrt(area_km2 / math.pi)
    dlat = r / KM_PER_DEG
    dlon = r / (KM_PER_DEG * math.cos(math.radians(center.lat)))
    pts = [
        (center.lon + dlon * math.cos(2 * math.pi * i / n), center.lat + dlat * math.sin(2 * math.pi * i / n))
        for i in range(n)
    ]
    return Polygon(pts)


def area_radius_km(geom) -> float:
    """Radius of a circle with the polygon's area (rough, for uncertainty)."""
    lat = geom.representative_point().y
    km2 = geom.area * KM_PER_DEG * KM_PER_DEG * math.cos(math.radians(lat))
    return round(math.sqrt(max(km2, 0.0) / math.pi), 1)


def valid(geom):
    """The geometry, repaired with a zero buffer when it is not valid."""
    return geom if geom.is_valid else geom.buffer(0)


def covers(area: Place, point: LngLat) -> bool:
    """Does the area's polygon hold the point?  False when it has none."""
    if area.geometry is None:
        return False
    from shapely.geometry import Point

    return bool(area.geometry.covers(Point(point.lon, point.lat)))


def outline_km(area: Place, point: LngLat) -> float:
    """How far the point is from the area's polygon (0 inside), its distance in degrees taken at
    ``KM_PER_DEG``: a rough measure for "thousands of kilometres away", which overstates east-west
    distances away from the equator; the distance between the points when the area has no polygon."""
    if area.geometry is None:
        return km(area.point, point)
    from shapely.geometry import Point

    return float(area.geometry.distance(Point(point.lon, point.lat))) * KM_PER_DEG


def within(area: Place, place: Place) -> bool:
    """Is ``place`` inside ``area``: in its polygon, or, for a unit known only by its point, in its
    country and within its radius."""
    if area.geometry is not None:
        return covers(area, place.point)
    if area.country != place.country:
        return False
    d = km(area.point, place.point)
    if area.kind in ("province", "governorate") and area.admin1 and place.kind not in ("province", "governorate"):
        # the same first-level unit code, where GeoNames and Natural Earth agree and the place is not far off; where
        # they do not (Spain's provinces, Britain's counties: Natural Earth's code is none GeoNames gives the town),
        # a place near the middle of the unit is in it
        return d <= area.uncertainty_km * CODE_KM if area.admin1 == place.admin1 else d <= area.uncertainty_km * MIDDLE
    return d <= area.uncertainty_km


class Anchors:
    """Places a text is surely about, indexed on a one-degree grid: "is there one within N km of this
    place (other than itself)?" looks at nearby cells only, so a long article stays linear."""

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.cells: dict[tuple[int, int], list[Place]] = {}
        self._memo: dict[tuple, bool] = {}

    def append(self, place: Place) -> None:
        if place.key in self.keys:
            return
        self.keys.add(place.key)
        self.cells.setdefault((math.floor(place.point.lat), math.floor(place.point.lon)), []).append(place)
        self._memo.clear()

    def __bool__(self) -> bool:
        return bool(self.keys)

    def in_country(self, country: str, but: str = "") -> bool:
        """Is one of them (other than the place keyed ``but``) in ``country``?"""
        return any(pl.country == country and pl.key != but for cell in self.cells.values() for pl in cell)

    def near(self, place: Place, within_km: float) -> bool:
        memo = (place.key, within_km)
        if memo not in self._memo:
            self._memo[memo] = self._near(place, within_km)
        return self._memo[memo]

    def near_other(self, place: Place, within_km: float, readings: frozenset[str]) -> bool:
        """:meth:`near`, counting no place in ``readings`` (the keys of the other readings of the same name)."""
        memo = (place.key, within_km, readings)
        if memo not in self._memo:
            self._memo[memo] = bool(self.keys - readings - {place.key}) and self._near(place, within_km, readings)
        return self._memo[memo]

    def _near(self, place: Place, within_km: float, readings: frozenset[str] = frozenset()) -> bool:
        return any(a.key not in readings for a in self.around(place, within_km))

    def around(self, place: Place, within_km: float):
        """The places within ``within_km`` of ``place``, other than itself (a generator)."""
        lat, lon = place.point.lat, place.point.lon
        dlat = math.ceil(within_km / KM_PER_DEG) + 1
        coslat = math.cos(math.radians(min(89.0, abs(lat) + dlat)))
        dlon = min(180, math.ceil(within_km / (KM_PER_DEG * max(coslat, 1e-6))) + 1)
        la, lo = math.floor(lat), math.floor(lon)
        if len(self.cells) < (2 * dlat + 1) * (2 * dlon + 1):
            # fewer anchored cells than cells around the place (the usual case): look at those
            cells = [members for (i, j), members in self.cells.items()
                     if abs(i - la) <= dlat and min((j - lo) % 360, (lo - j) % 360) <= dlon]
        else:
            cells = [self.cells.get((i, (j + 180) % 360 - 180), ()) for i in range(la - dlat, la + dlat + 1)
                     for j in range(lo - dlon, lo + dlon + 1)]
        return (a for members in cells for a in members if a.key != place.key and km(a.point, place.point) <= within_km)


AREA_OF_NO_COUNTRY_KM = 300  # the widest area of no one country that says where a place is (the Crimea: 150)


def in_area(area: Place, place: Place) -> bool:
    """Inside an area of the text: a unit or region of a country, or one of no one country known by its
    point and radius ("the Crimea ... the city of Sebastopol": Sevastopol, not the Australian town), when
    that is no wider than a province (the Middle East holds too much to say which "Iraq" is meant)."""
    if not area.country and area.geometry is None:
        return area.uncertainty_km <= AREA_OF_NO_COUNTRY_KM and km(area.point, place.point) <= area.uncertainty_km
    return within(area, place)
