"""End to end on the seed articles: the places, incidents and quotes a reader expects."""

from __future__ import annotations

import json
import re

import airportsdata
import pytest
from shapely.geometry import Point, shape

from geo.pipeline import Settings, build

from .conftest import ARTICLES, copy_articles, feature, read_layers
from .places.test_gazetteer import km

# Independent references for the installations (not the project's own CSV).
AIRPORTS = airportsdata.load("ICAO")
REFERENCE = {
    "bases:site/ain-al-asad-air-base": (AIRPORTS["ORAA"]["lon"], AIRPORTS["ORAA"]["lat"]),
    "bases:site/imam-ali-air-base": (AIRPORTS["ORTL"]["lon"], AIRPORTS["ORTL"]["lat"]),
    "bases:site/camp-taji": (AIRPORTS["ORTI"]["lon"], AIRPORTS["ORTI"]["lat"]),
    # Wikipedia "Jurf al-Nasr": 32°52′N 44°13′E (the town at the heart of the zone).
    "bases:site/jurf-al-sakhar": (44.2167, 32.8667),
}


@pytest.fixture(scope="module")
def layers(seed_build):
    return read_layers(seed_build[1])


@pytest.fixture(scope="module")
def feats(layers):
    return {k: v["features"] for k, v in layers.items()}


@pytest.mark.parametrize("fid", sorted(REFERENCE))
def test_named_bases_are_in_the_bases_layer_within_5_km(feats, fid):
    f = feature(feats, fid)
    assert f["properties"]["layer"] == "bases"
    assert km(f["geometry"]["coordinates"], REFERENCE[fid]) < 5


def test_anbar_is_a_governorate_polygon_holding_ain_al_asad(feats):
    anbar = next(f for f in feats["areas"] if f["properties"]["name"] == "Al-Anbar")
    assert anbar["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert anbar["properties"]["kind"] == "governorate"
    assert shape(anbar["geometry"]).contains(Point(*REFERENCE["bases:site/ain-al-asad-air-base"]))
    assert not shape(anbar["geometry"]).contains(Point(44.40088, 33.34058))  # Baghdad (GeoNames 98182)


def test_operators_are_taken_from_the_text(feats):
    assert feature(feats, "bases:site/ain-al-asad-air-base")["properties"]["operator"] == "U.S. forces"
    assert feature(feats, "bases:site/jurf-al-sakhar")["properties"]["operator"] == "IRGC; Quds Force"
    assert feature(feats, "bases:site/camp-taji")["properties"]["operator"] is None  # "No U.S. forces were present"


def test_jurf_al_sakhar_zone_is_an_approximate_100_square_mile_area(feats):
    zone = feature(feats, "areas:site/jurf-al-sakhar/zone")
    p = zone["properties"]
    assert p["approximate"] is True and "approximate" in p["name"]
    assert p["area_km2"] == pytest.approx(259, rel=0.01)
    from pyproj import Geod

    area, _ = Geod(ellps="WGS84").geometry_area_perimeter(shape(zone["geometry"]))
    assert abs(area) / 1e6 == pytest.approx(259, rel=0.03)  # counter-clockwise ring: positive area


def _incident(feats, place, event_type):
    got = [f for f in feats["incidents"] if f["properties"]["place_id"] == place and f["properties"]["event_type"] == event_type]
    assert len(got) == 1, [f["id"] for f in feats["incidents"]]
    return got[0]["properties"]


@pytest.mark.parametrize("place", ["site/camp-taji", "site/imam-ali-air-base"])
def test_drones_hit_radars_at_taji_and_imam_ali_two_incidents_no_casualties(feats, place):
    p = _incident(feats, place, "drone_attack")
    assert (p["fatalities"], p["injuries"]) == (0, 0)
    # "the following day" after the weekend strikes of 21-22 June 2025
    assert "2025-06-21" <= p["date_start"] <= p["date_end"] <= "2025-06-25"
    assert "radar systems at Camp Taji" in p["sources"][0]["quote"]


def test_drones_shot_down_near_ain_al_asad(feats):
    p = _incident(feats, "site/ain-al-asad-air-base", "shoot_down")
    assert p["near"] is True and p["precision"] != "site"
    assert p["date_start"] <= "2025-06-15" <= p["date_end"] <= "2025-06-24"  # "last week", written 22-24 June


def test_us_strikes_on_iranian_nuclear_sites_at_fordow(feats):
    p = _incident(feats, "site/fordow-fuel-enrichment-plant", "air_strike")
    assert (p["date_start"], p["date_end"]) == ("2025-06-21", "2025-06-22")
    quotes = " ".join(s["quote"] for s in p["sources"])
    assert "Fordo nuclear site" in quotes and "struck three Iranian nuclear facilities" in quotes


def test_january_2020_baghdad_strike(feats):
    p = _incident(feats, "gn/98182", "targeted_killing")
    assert (p["date_start"], p["date_end"], p["date_precision"]) == ("2020-01-01", "2020-01-31", "month")
    assert any("same drone strike" in s["quote"] for s in p["sources"])


def test_tehran_state_funeral_is_one_incident_from_two_publishers(feats):
    p = _incident(feats, "gn/112931", "other")
    assert (p["date_start"], p["date_end"]) == ("2025-06-28", "2025-06-28")
    assert {"New York Times", "CBS News"} <= {s["publisher"] for s in p["sources"]}
    nyt = next(s for s in p["sources"] if s["publisher"] == "New York Times")
    assert nyt["article"] == "000_67de8b56e7d4d147.txt#nyt-state-funeral"
    assert nyt["title"] == "Iran Holds State Funeral for Military Commanders and Nuclear Scientists"


def test_every_quote_is_the_article_text_at_its_offsets(feats):
    # The files as they are on disk, not the text the pipeline holds: offsets must work for any reader.
    texts = {p.name: p.read_bytes().decode("utf-8").removeprefix("\ufeff") for p in ARTICLES.glob("*.txt")}
    n = 0
    for fs in feats.values():
        for f in fs:
            for s in f["properties"]["sources"]:
                text = texts[s["article"].split("#")[0]]
                assert text[s["start"] : s["end"]] == s["quote"]
                for a, b in s["names"]:
                    assert s["start"] <= a < b <= s["end"]
                n += 1
    assert n > 50


def test_incidents_carry_dates_and_required_properties(feats):
    for name, fs in feats.items():
        for f in fs:
            p = f["properties"]
            for key in ("id", "name", "layer", "kind", "country", "precision", "uncertainty_km", "sources"):
                assert key in p, (f["id"], key)
            assert p["layer"] == name and f["id"] == p["id"]
            for s in p["sources"]:
                assert set(s) >= {"article", "title", "publisher", "published", "quote", "start", "end"}
            if name == "incidents":
                assert p["date_precision"] in ("day", "week", "month", "range", "unknown")
                for k in ("date_start", "date_end"):
                    assert p[k] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", p[k])


def test_nothing_comes_from_clutter_or_from_people(feats):
    names = {f["properties"]["place_name"] for fs in feats.values() for f in fs}
    for bad in ("Salem", "Salemi", "Chatham", "Hamm", "Parma", "Teresina"):
        assert bad not in names
    for fs in feats.values():
        for f in fs:
            for s in f["properties"]["sources"]:
                assert not re.search(r"cookie|Carbonatix|Subscribe|Privacy Policy", s["quote"])


def test_geojson_is_rfc7946(seed_build):
    for path in sorted(seed_build[1].glob("*.geojson")):
        fc = json.loads(path.read_text(encoding="utf-8"))
        assert fc["type"] == "FeatureCollection" and "crs" not in fc
        for f in fc["features"]:
            g = f["geometry"]
            coords = json.dumps(g["coordinates"])
            assert not re.search(r"\.\d{7,}", coords), f["id"]
            if g["type"] == "Polygon":
                from shapely.geometry import LinearRing

                assert LinearRing(g["coordinates"][0]).is_ccw, f["id"]


def test_rebuild_is_byte_identical(seed_build, tmp_path):
    # In fresh processes with other hash seeds, so no set or dict order can leak into the files.
    import os
    import subprocess
    import sys

    _, layers, _ = seed_build
    arts = copy_articles(tmp_path / "articles")
    for seed in ("1", "2"):
        out = tmp_path / f"layers{seed}"
        subprocess.run([sys.executable, "-m", "geo", "-q", "build", "--articles", str(arts), "--layers", str(out), "--no-map"],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        for path in sorted(layers.glob("*")):
            assert (out / path.name).read_bytes() == path.read_bytes(), (seed, path.name)


NEW_ARTICLE = """Drones shot down over western Iraq
BAGHDAD, July 2, 2025 - Iraqi air defences shot down two drones near Ain al-Asad air base on Tuesday, security officials said.
A third drone crashed near the border town of al-Qaim, close to the Syrian frontier, without causing damage.
"""


def test_adding_an_article_adds_its_places_and_keeps_existing_ids(seed_build, tmp_path):
    _, layers, _ = seed_build
    before = {f["id"] for v in read_layers(layers).values() for f in v["features"]}
    arts = copy_articles(tmp_path / "articles")
    (arts / "900_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    build(Settings(articles=arts, layers=tmp_path / "layers", map=None))
    after_feats = {f["id"]: f for v in read_layers(tmp_path / "layers").values() for f in v["features"]}
    assert before <= set(after_feats)
    qaim = [f for f in after_feats.values() if f["properties"]["place_name"] == "Al Qā’im"]
    assert qaim and km(qaim[0]["geometry"]["coordinates"], (41.0213, 34.3785)) < 10  # al-Qaim, GeoNames 92138
    base = after_feats["bases:site/ain-al-asad-air-base"]
    assert any(s["article"] == "900_new.txt" for s in base["properties"]["sources"])
    shoot = [f for f in after_feats.values() if f["properties"].get("event_type") == "shoot_down"
             and any(s["article"] == "900_new.txt" for s in f["properties"]["sources"])]
    assert shoot and shoot[0]["properties"]["date_start"] == "2025-07-01"


def test_layers_read_with_gdal_through_pyogrio(seed_build):
    import pyogrio

    for path in sorted(seed_build[1].glob("*.geojson")):
        fc = json.loads(path.read_text(encoding="utf-8"))
        info = pyogrio.read_info(path)
        assert info["features"] == len(fc["features"])
        if fc["features"]:
            assert {"id", "name", "layer", "precision", "sources"} <= set(info["fields"])
