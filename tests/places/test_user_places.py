"""The user's own places file (CSV, GeoJSON, GeoPackage made in QGIS) adds places with no code change."""

from __future__ import annotations

import json
import subprocess

import pytest

from geo.cli import parser
from geo.errors import GazetteerError
from geo.model import Article, Section
from geo.places.gazetteer import Gazetteer, build
from geo.places.mentions import find_mentions
from geo.places.user import UserPlaces
from geo.text.articles import split_sentences

from ..conftest import small_sources
from ..system_tools import need

TEXT = "Drones struck Camp Testpoint on Friday. Officials in Erbil said the camp was hit twice."


def resolved(gaz) -> dict[str, str]:
    sec = Section("t.txt", "t", None, None, 0, len(TEXT))
    art = Article("t.txt", TEXT, [sec])
    art.sentences = split_sentences(TEXT, sec)
    return {m.text: m.place.key for m in find_mentions(art, gaz) if m.place}


def geojson(tmp_path, features) -> str:
    path = tmp_path / "mine.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def point(name, lon, lat, **props):
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"name": name, "source": "digitised in QGIS for this test", **props}}


def test_a_qgis_geopackage_adds_places_that_win(tmp_path):
    ogr2ogr = need("ogr2ogr", "gdal-bin")
    src = geojson(tmp_path, [point("Camp Testpoint", 44.0, 33.5, kind="camp", aliases="Testpoint camp"),
                             point("Erbil", 44.01, 36.19, kind="military_base", precision="town")])
    gpkg = tmp_path / "mine.gpkg"
    subprocess.run([ogr2ogr, "-f", "GPKG", str(gpkg), str(src)], check=True)
    small = Gazetteer.freeze(build(small_sources()))
    before = resolved(small)
    assert "Camp Testpoint" not in before and before["Erbil"].startswith("gn/")
    after = resolved(Gazetteer.freeze(build([UserPlaces(gpkg), *small_sources()])))
    assert after["Camp Testpoint"] == "user/mine/camp-testpoint"
    assert after["Erbil"] == "user/mine/erbil"  # the user's row wins over the GeoNames city


def test_csv_and_polygon_files(tmp_path):
    csv = tmp_path / "camps.csv"
    csv.write_text("name,aliases,kind,lon,lat,source,precision\nCamp Testpoint,,camp,44.0,33.5,my survey,site\n", encoding="utf-8")
    poly = geojson(tmp_path, [{"type": "Feature", "properties": {"name": "Testpoint zone", "kind": "zone", "source": "QGIS"},
                               "geometry": {"type": "Polygon", "coordinates": [[[44, 33], [44.2, 33], [44.2, 33.2], [44, 33]]]}}])
    gaz = Gazetteer.freeze(build([UserPlaces(csv), UserPlaces(poly)]))
    (camp,) = gaz.by_name("Camp Testpoint")
    (zone,) = gaz.by_name("Testpoint zone")
    assert camp.point.lon == 44.0 and camp.precision == "site"
    assert zone.precision == "district" and zone.geometry is not None and 5 < zone.uncertainty_km < 20


@pytest.mark.parametrize("props, field, fix", [
    ({"name": "X"}, "source", "where the coordinate comes from"),
    ({"name": "X", "source": "s", "kind": "fortress"}, "kind", "must be one of"),
    ({"name": "X", "source": "s", "precision": "exact"}, "precision", "must be one of"),
    ({"source": "s"}, "name", "needs a name"),
])
def test_a_bad_row_names_the_file_the_row_the_field_and_the_fix(tmp_path, props, field, fix):
    path = geojson(tmp_path, [point("Fine", 44.0, 33.5), {"type": "Feature", "properties": props,
                                                         "geometry": {"type": "Point", "coordinates": [44, 33]}}])
    with pytest.raises(GazetteerError) as err:
        build([UserPlaces(path)])
    msg = str(err.value)
    assert "mine.geojson: row 2" in msg and repr(field) in msg and fix in msg


def test_places_is_a_repeatable_build_flag():
    args = parser().parse_args(["build", "--places", "a.csv", "--places", "b.gpkg"])
    assert [p.name for p in args.places] == ["a.csv", "b.gpkg"]


def test_two_rows_of_one_name_are_an_error_naming_both(tmp_path):
    path = geojson(tmp_path, [point("Camp Alpha", 31.0, 15.0), point("Camp Alpha", 32.0, 16.0)])
    with pytest.raises(GazetteerError, match=r"row 2: field 'name' = 'Camp Alpha': row 1 has the same name"):
        build([UserPlaces(path)])
