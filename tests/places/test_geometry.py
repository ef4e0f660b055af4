"""Which places a unit known only by its point and radius holds (geo.places.geometry.within)."""

from __future__ import annotations

from geo.model import LngLat, Place
from geo.places.geometry import within


def unit(admin1: str) -> Place:
    # Valencia province: Natural Earth's representative point and equal-area radius, and its FIPS code
    return Place("ne1/ES-SP89-valencia", "Valencia", "province", "ES", LngLat(-0.6, 39.4), "region", 48.0,
                 "Natural Earth admin-1 (representative point)", admin1=admin1)


def town(admin1: str, lon: float, lat: float) -> Place:
    return Place("gn/1", "Town", "city", "ES", LngLat(lon, lat), "town", 5.0, "GeoNames", 800_000, admin1=admin1)


def test_a_unit_whose_code_geonames_does_not_give_holds_a_town_near_its_middle():
    # (GeoNames files Valencia city under the region's code, 60; Natural Earth's province is 89)
    assert within(unit("89"), town("60", -0.377, 39.47))
    assert not within(unit("89"), town("60", -0.9, 38.35))  # Alicante's side: 120 km off, another province


def test_a_shared_code_holds_only_a_town_not_far_off():
    assert within(unit("60"), town("60", -0.377, 39.47))
    assert not within(unit("60"), town("60", 105.8, 21.0))  # the same code in another part of the world
