"""Every curated row: a source, a point inside its country (either claimant of a disputed
territory), near its host town, no alias that is a town's own name, a unique id."""

from __future__ import annotations

import csv

from shapely.geometry import Point

from geo.places.checks import check_curated_rows, claimable_shapes
from geo.places.gazetteer import GAZETTEER_DIR
from geo.places.sources import CuratedRows


def test_every_curated_row_passes_the_checks(world_gazetteer):
    assert check_curated_rows(world_gazetteer) == []


def test_ids_are_unique_across_every_file():
    ids = [r["id"] for f in CuratedRows(GAZETTEER_DIR).files() for r in csv.DictReader(f.open(encoding="utf-8"))]
    assert len(ids) == len(set(ids)) and len(ids) > 300


def test_the_check_flags_a_row_far_from_its_host_and_one_outside_its_country(world_gazetteer, tmp_path):
    (tmp_path / "sites").mkdir()
    header = "id,name,aliases,kind,country,lon,lat,precision,uncertainty_km,host,source,check\n"
    (tmp_path / "sites" / "x.csv").write_text(
        header
        + "far,Far Base,,military_base,UA,33.0,49.0,site,2,Kharkiv,ref,\n"  # 300 km from Kharkiv
        + "swapped,Swapped Base,,military_base,UA,49.0,36.2,site,2,Kharkiv,ref,\n"  # lat/lon swapped
        + "engels,Engels-2,Engels,air_base,RU,46.21,51.48,site,2,Saratov,ref,\n",  # alias = a city's name
        encoding="utf-8")
    problems = check_curated_rows(world_gazetteer, tmp_path)
    assert any("far" in p and "host town" in p for p in problems)
    assert any("swapped" in p and "outside UA" in p for p in problems)
    assert any("alias 'Engels'" in p for p in problems)


def test_a_battles_alias_may_be_a_towns_name(world_gazetteer, tmp_path):
    """battles.csv rows are named only as their event ("Battle of Plevna", geo.places.sources.EVENT_NAMED): an alias
    that is a town's name takes none of that town's mentions; the same row in another file is flagged."""
    (tmp_path / "sites").mkdir()
    row = ("id,name,aliases,kind,country,lon,lat,precision,uncertainty_km,host,source,check\n"
           "battle-plevna,Plevna,Pleven,town,BG,24.617,43.413,town,2,Pleven,ref,\n")
    (tmp_path / "sites" / "battles.csv").write_text(row, encoding="utf-8")
    assert not any("alias" in p for p in check_curated_rows(world_gazetteer, tmp_path))
    (tmp_path / "sites" / "battles.csv").rename(tmp_path / "sites" / "other.csv")
    assert any("alias 'Pleven'" in p for p in check_curated_rows(world_gazetteer, tmp_path))


def test_a_point_in_crimea_passes_for_ukraine_and_for_russia(world_gazetteer):
    sevastopol = Point(33.52, 44.6)
    shapes = claimable_shapes(world_gazetteer, {"UA", "RU", "PL"})
    assert shapes["UA"].contains(sevastopol) and shapes["RU"].contains(sevastopol)
    assert not shapes["PL"].contains(sevastopol)


def test_a_disputed_territory_counts_for_both_but_no_further(world_gazetteer):
    shapes = claimable_shapes(world_gazetteer, {"UA", "RU", "IN", "CN"})
    assert shapes["UA"].contains(Point(36.47, 45.35))  # Kerch, in Crimea
    assert not shapes["RU"].contains(Point(24.03, 49.84))  # Lviv
    assert not shapes["IN"].contains(Point(74.35, 31.55))  # Lahore
    assert not shapes["CN"].contains(Point(77.2, 28.6))  # Delhi
