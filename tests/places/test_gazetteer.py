from __future__ import annotations

import csv

import airportsdata
import pytest

from geo.model import LngLat, Place
from geo.places import geometry
from geo.errors import GazetteerError
from geo.places.gazetteer import GAZETTEER_DIR, GazetteerBuilder
from geo.places.name_keys import name_keys
from geo.places.sources import load_curated


def km(a, b) -> float:
    """Great-circle distance between two (lon, lat) points."""
    return geometry.km(LngLat(*a), LngLat(*b))


@pytest.mark.parametrize(
    "names",
    [
        ("Ain al-Asad", "Ayn al-Asad", "Al Asad Air Base"),
        ("Imam Ali base", "Tallil"),
        ("Jurf al-Sakhar", "Jurf al-Nasr"),
        ("Camp Taji", "Taji base"),
    ],
)
def test_alias_forms_find_the_same_curated_site(gazetteer, names):
    keys = {next(p.key for p in gazetteer.by_name(n) if p.curated) for n in names}
    assert len(keys) == 1


@pytest.mark.parametrize(
    "site, icao, max_km",
    [("ain-al-asad-air-base", "ORAA", 5), ("imam-ali-air-base", "ORTL", 5), ("camp-taji", "ORTI", 5)],
)
def test_curated_bases_agree_with_airportsdata(gazetteer, site, icao, max_km):
    place = gazetteer.places[f"site/{site}"]
    a = airportsdata.load("ICAO")[icao]
    assert km((place.point.lon, place.point.lat), (a["lon"], a["lat"])) < max_km


def test_every_curated_row_names_a_source_and_a_valid_precision():
    for path in GAZETTEER_DIR.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                assert row["source"].strip(), row["id"]
                assert row["precision"] in ("site", "town", "district", "region", "country"), row["id"]


def _write(tmp_path, row: dict) -> None:
    header = ["id", "name", "aliases", "kind", "country", "lon", "lat", "precision", "uncertainty_km", "source"]
    with (tmp_path / "x.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, header)
        w.writeheader()
        w.writerow({"id": "ok", "name": "Ok", "aliases": "", "kind": "military_base", "country": "IQ", "lon": "44",
                    "lat": "33", "precision": "site", "uncertainty_km": "1", "source": "ref"})
        w.writerow(row)


@pytest.mark.parametrize(
    "field, value, why",
    [
        ("lat", "abc", "not a number"),
        ("lon", "200", "swapped"),
        ("precision", "exact", "must be one of"),
        ("source", "", "public reference"),
        ("country", "Iraq", "alpha-2"),
    ],
)
def test_malformed_row_names_file_line_and_field(tmp_path, field, value, why):
    row = {"id": "bad", "name": "Bad", "aliases": "", "kind": "military_base", "country": "IQ", "lon": "44",
           "lat": "33", "precision": "site", "uncertainty_km": "1", "source": "ref"}
    row[field] = value
    _write(tmp_path, row)
    with pytest.raises(GazetteerError) as err:
        load_curated(tmp_path / "x.csv", GazetteerBuilder())
    msg = str(err.value)
    assert "x.csv:3:" in msg and repr(field) in msg and why in msg


def test_user_rows_take_priority_and_need_no_code_change(tmp_path, gazetteer):
    from geo.text.articles import split_sentences
    from geo.places.gazetteer import Gazetteer, build
    from geo.places.sources import CuratedRows

    from ..conftest import small_sources
    from geo.places.mentions import find_mentions
    from geo.model import Article, Section

    text = "Drones struck Camp Zulu on Friday. Officials in Erbil said the camp was hit twice."

    def resolved(gaz):
        sec = Section("t.txt", "t", None, None, 0, len(text))
        art = Article("t.txt", text, [sec])
        art.sentences = split_sentences(text, sec)
        return {m.text: m.place.key for m in find_mentions(art, gaz) if m.place}

    before = resolved(gazetteer)
    assert "Camp Zulu" not in before and before["Erbil"].startswith("gn/")  # no such row yet
    with (tmp_path / "mine.csv").open("w", encoding="utf-8") as fh:
        fh.write("id,name,aliases,kind,country,lon,lat,precision,uncertainty_km,source\n")
        fh.write("camp-zulu,Camp Zulu,,military_base,IQ,44.0,33.5,site,1,Test row\n")
        fh.write("erbil-test,Erbil,,military_base,IQ,44.01,36.19,town,5,Test row\n")
    after = resolved(Gazetteer.freeze(build([CuratedRows(tmp_path), *small_sources()])))
    assert after["Camp Zulu"] == "site/camp-zulu"  # a new name, from a data file alone
    assert after["Erbil"] == "site/erbil-test"  # a user row wins over the GeoNames city of that name


def test_every_curated_point_lies_in_its_country(gazetteer):
    from shapely.geometry import Point

    from geo.places.checks import claimable_shapes

    sites = [p for p in gazetteer.places.values() if p.curated]
    shapes = claimable_shapes(gazetteer, {p.country for p in sites})
    assert len(shapes) > 10
    for place in sites:
        if place.country in shapes:
            assert shapes[place.country].contains(Point(place.point.lon, place.point.lat)), place.key


def test_a_segment_replays_exactly_what_its_loader_added(tmp_path):
    """GeoNames rows parsed once and replayed from disk give the builder the same places and names,
    in the same order, as the loader itself (tests/data/cities.json standing in for cities500)."""
    import json

    from geo.places.gazetteer import Segment
    from geo.places.sources import load_cities
    from tests.conftest import TEST_CITIES

    cities = json.loads(TEST_CITIES.read_text(encoding="utf-8"))
    direct = GazetteerBuilder()
    load_cities(direct, cities=cities)
    seg = Segment(tmp_path / "segment-load_cities-test.pickle")
    seg.CHUNK = 7  # several chunks
    seg.write(lambda g: load_cities(g, cities=cities))
    replayed = GazetteerBuilder()
    seg.replay(replayed)
    assert list(replayed.places.items()) == list(direct.places.items())
    assert dict(replayed.index) == dict(direct.index) and replayed.max_tokens == direct.max_tokens


def test_a_curated_row_changes_the_gazetteer_but_never_reparses_a_package(tmp_path):
    """A new curated row rebuilds the cache from the package's kept segment: the segment file is the
    same file, and the new row is in the gazetteer (US counties stand in for GeoNames: same mechanism)."""
    from geo.places.gazetteer import load_cached
    from geo.places.sources import CuratedRows, Package

    rows = tmp_path / "rows"
    rows.mkdir()
    header = "id,name,aliases,kind,country,lon,lat,precision,uncertainty_km,source\n"
    (rows / "x.csv").write_text(header + "alpha-camp,Alpha Camp,,camp,IQ,44.0,33.0,site,1,test\n", encoding="utf-8")
    sources = [CuratedRows(rows), Package("load_us_counties")]
    first = load_cached(sources, tmp_path / "cache")
    (segment,) = (tmp_path / "cache" / "segments").glob("segment-load_us_counties-*.pickle")
    stamp = segment.stat().st_mtime_ns
    (rows / "x.csv").write_text(header + "alpha-camp,Alpha Camp,,camp,IQ,44.0,33.0,site,1,test\n"
                                "bravo-camp,Bravo Camp,,camp,IQ,44.5,33.5,site,1,test\n", encoding="utf-8")
    second = load_cached(sources, tmp_path / "cache")
    assert second.version != first.version and "site/bravo-camp" in second.places and "site/bravo-camp" not in first.places
    assert segment.stat().st_mtime_ns == stamp and len(list((tmp_path / "cache" / "segments").iterdir())) == 1
    assert len(second.places) == len(first.places) + 1


def test_the_cached_gazetteer_is_memory_mapped_and_gives_the_same_places(tmp_path, gazetteer):
    """Saved and loaded again, the places are read from the mapped rows a key at a time: the same records,
    keys in the same order, the same first-level units, and an unknown key is still unknown."""
    from geo.places.gazetteer import Gazetteer
    from geo.places.rowstore import MappedIds, MappedRows

    gazetteer.save(tmp_path)
    back = Gazetteer.load(tmp_path)
    assert isinstance(back.places._rows, MappedRows) and isinstance(back.places._ids, MappedIds)
    assert len(back.places) == len(gazetteer.places)
    for key in ["gn/706483", "iso/IQ", "site/ain-al-asad-air-base", *list(gazetteer.places)[::997]]:
        assert key in back.places and back.places[key] == gazetteer.places[key]
    assert "gn/0" not in back.places and back.places.get("gn/0") is None
    assert list(back.places) == list(gazetteer.places)
    assert back._admin1 == gazetteer._admin1 and back.admin1_units("UA") == gazetteer.admin1_units("UA")
    (tmp_path / "rows.idx").write_bytes((tmp_path / "rows.idx").read_bytes()[:-8])  # a damaged index: refused
    with pytest.raises(ValueError, match="rows.idx"):
        Gazetteer.load(tmp_path)


@pytest.mark.parametrize("name, joined, indexed", [
    ("Jalal-Abad", "jalalabad", True),  # a hyphenated name is also written as one word
    ("Kurgan-Tyube", "kurgantyube", True),
    ("North-West", "northwest", False),  # not a compass compound ("Northwest 13th Street")
    ("Ras al-Ain", "ras alain", False),  # not a name with an article
])
def test_a_hyphenated_name_is_indexed_written_as_one_word(name, joined, indexed):
    place = Place("gn/1", name, "town", "KG", LngLat(73.0, 40.9), "town", 5.0, "test")
    assert (joined in name_keys(place, [name])) is indexed


@pytest.mark.parametrize("name, population, joined, indexed", [
    ("Dien Bien Phu", 84_672, "dienbienphu", True),  # old reports run a town's words together
    ("Dire Dawa", 343_000, "diredawa", True),
    ("Dire Dawa", 3_000, "diredawa", False),  # not a small town's: few reports from afar name it
    ("New Port", 50_000, "newport", False),  # nor "New ...", "Port ...": the joined word is a name of its own
])
def test_a_big_towns_name_of_words_is_indexed_written_as_one_word(name, population, joined, indexed):
    place = Place("gn/1", name, "town", "VN", LngLat(103.0, 21.4), "town", 5.0, "test", population)
    assert (joined in name_keys(place, [name])) is indexed
    other = Place("gn/2", "Điện Biên Phủ", "town", "VN", LngLat(103.0, 21.4), "town", 5.0, "test", population)
    assert joined not in name_keys(other, [other.name, name])  # its own name only: not every alternate's


def test_a_town_is_found_with_the_first_word_of_its_name_abbreviated_or_written_out():
    """"St Valéry-en-Caux" is Saint-Valery-en-Caux and "Ft Lauderdale" Fort Lauderdale (data/lexicon/
    name_abbreviations.tsv); a place whose own name is written so keeps its key ("St. Thomas", Ontario, not a
    parish "Saint Thomas"), and neither a parish nor a town's alternate name gives one ("St Patrick's")."""
    from geo.places.gazetteer import Gazetteer

    b = GazetteerBuilder()
    b.add(Place("gn/1", "Saint-Valery-en-Caux", "town", "FR", LngLat(0.71, 49.87), "town", 5.0, "test", 4000),
          ["Saint-Valery-en-Caux"])
    b.add(Place("gn/2", "Fort Lauderdale", "city", "US", LngLat(-80.14, 26.12), "city", 10.0, "test", 180000),
          ["Fort Lauderdale"])
    b.add(Place("gn/3", "St. Thomas", "city", "CA", LngLat(-81.18, 42.78), "city", 10.0, "test", 38000), ["St. Thomas"])
    b.add(Place("gn/4", "Saint Thomas", "parish", "BB", LngLat(-59.58, 13.18), "region", 10.0, "test"), ["Saint Thomas"])
    b.add(Place("gn/5", "St. Marys", "town", "US", LngLat(-84.39, 40.54), "town", 5.0, "test", 8000),
          ["St. Marys", "Saint Patrick"])
    gaz = Gazetteer.freeze(b)
    assert [p.key for p in gaz.by_name("St Valéry-en-Caux")] == ["gn/1"]
    assert [p.key for p in gaz.by_name("Ft. Lauderdale")] == ["gn/2"]
    assert [p.key for p in gaz.by_name("St. Thomas")] == ["gn/3"]
    assert gaz.by_name("St Patrick") == [] and [p.key for p in gaz.by_name("Saint Patrick")] == ["gn/5"]


def test_a_gazetteer_frozen_with_its_rows_spilled_to_disk_is_the_same(tmp_path):
    """A cold build writes the place rows to the cache folder before the name trie is built (a lower peak of
    memory): the same names and places as a build that keeps them in memory, saved and loaded alike."""
    from geo.places.gazetteer import Gazetteer, build
    from geo.places.rowstore import MappedRows
    from tests.conftest import small_sources

    kept = Gazetteer.freeze(build(small_sources()))
    spilled = Gazetteer.freeze(build(small_sources()), spill=tmp_path / "cache")
    assert isinstance(spilled.places._rows, MappedRows) and list(spilled.places) == list(kept.places)
    for name in ["Baghdad", "Camp Taji", "Erbil", "Kharkiv", "Zaporizhzhia oblast"]:
        assert [p.key for p in spilled.by_name(name)] == [p.key for p in kept.by_name(name)]
    assert dict(spilled.names.items()) == dict(kept.names.items())
    spilled.save(tmp_path / "cache")  # the rows are there already: only the names and the rest are written
    back = Gazetteer.load(tmp_path / "cache")
    assert [back.places[k] for k in list(kept.places)[::500]] == [kept.places[k] for k in list(kept.places)[::500]]
