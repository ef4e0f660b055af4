"""Gazetteer sources are pluggable: a test builds a small gazetteer; the world is tested once."""

from __future__ import annotations

import json

import pytest

from geo.places.gazetteer import GAZETTEER_DIR, Gazetteer, build, cache_key
from geo.places.lists import TextList
from geo.places.sources import CitiesFile, CuratedRows

from ..conftest import TEST_CITIES


def few_cities(tmp_path, n=200):
    rows = dict(list(json.loads(TEST_CITIES.read_text(encoding="utf-8")).items())[:n])
    path = tmp_path / "cities.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    return path


def test_a_gazetteer_of_a_few_hundred_rows_builds_from_small_sources(tmp_path):
    sources = [CuratedRows(GAZETTEER_DIR), TextList(GAZETTEER_DIR / "not_places.txt", "not_places"),
               CitiesFile(few_cities(tmp_path))]
    gaz = Gazetteer.freeze(build(sources))
    assert 200 < len(gaz.places) < 3000  # the curated rows (about 1,900) and a few cities
    assert [p.key for p in gaz.by_name("Camp Taji")] == ["site/camp-taji"]
    assert gaz.places["site/camp-taji"].curated and not any(gaz.places[k].curated for k in gaz.places if k.startswith("gn/"))


def test_the_cache_key_follows_every_input_file(tmp_path):
    cities = few_cities(tmp_path, 10)
    before = cache_key([CitiesFile(cities)])
    cities.write_text(cities.read_text(encoding="utf-8").replace("}", ' }', 1), encoding="utf-8")
    assert cache_key([CitiesFile(cities)]) != before


def test_the_world_gazetteer_has_every_package(world_gazetteer):
    keys = world_gazetteer.places
    assert len(keys) > 200_000
    prefixes = {k.split("/")[0] for k in keys}
    assert {"site", "iso", "ne1", "gn", "icao", "us-county"} <= prefixes
    # curated rows win the shared name over the packages
    assert world_gazetteer.by_name("Al Udeid Air Base")[0].key == "site/al-udeid-air-base"


def test_the_cache_key_follows_the_vocabulary_and_the_code():
    from geo.places.gazetteer import CODE

    names = {p.name for p in CODE}
    assert {"transliteration.tsv", "arabic_articles.tsv", "generic_words.tsv", "model.py", "normalize.py"} <= names


@pytest.mark.parametrize("text, key", [
    ("Gunmen attacked a checkpoint in North Sinai, Egypt, on Friday.", "ne1/EG-EG27"),  # Shamal Sina'
    ("Fighting raged in South Kordofan, Sudan, on Monday.", "ne1/SD-SU50"),
    # Natural Earth gives Shabeellaha Hoose Banaadir's code: matched by its name instead
    ("Fighters attacked a base in the Lower Shabelle region of Somalia.", "ne1/SO-SO02-shabeellaha-hoose"),
])
def test_units_by_the_names_news_gives_them(world_gazetteer, text, key):
    from geo.model import Article, Section
    from geo.places.mentions import find_mentions
    from geo.text.articles import split_sentences

    sec = Section("t.txt", "t", None, "2024-03-07", 0, len(text))
    art = Article("t.txt", text, [sec])
    art.sentences = split_sentences(text, sec)
    assert key in [m.place.key for m in find_mentions(art, world_gazetteer) if m.place]


def test_a_former_name_names_its_place_and_must_say_where_it_comes_from(tmp_path):
    """"Port Natal" is Durban (data/gazetteer/former_names.tsv); a row without its source is refused, naming
    the file and the line."""
    from geo.errors import GazetteerError

    good = tmp_path / "former_names.tsv"
    good.write_text("# alias, place key, rule, source\nPort Natal\tgn/1007311\tany\tWikipedia: Durban (a copy) \"Port Natal\"\n",
                    encoding="utf-8")
    gaz = Gazetteer.freeze(build([CitiesFile(few_cities(tmp_path)), TextList(good, "former_names")]))
    assert [p.name for p in gaz.by_name("Port Natal")] == ["Durban"]
    bad = tmp_path / "bad.tsv"
    bad.write_text("Port Natal\tgn/1007311\tany\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad.tsv:1: expected .*<TAB>source"):
        build([CitiesFile(few_cities(tmp_path)), TextList(bad, "former_names")])


@pytest.mark.parametrize("text, expected", [
    # a former state of several today: a country of its own, and the towns of its states are named with it
    ("Soviet troops entered Prague, Czechoslovakia, in August 1968.", {"Prague": "gn/3067696", "Czechoslovakia": "former/CS"}),
    ("Fighting broke out in Vukovar, Yugoslavia.", {"Vukovar": "gn/3187047", "Yugoslavia": "former/YU"}),
    ("Aid from the USSR reached Hanoi.", {"USSR": "former/SU", "Hanoi": "gn/1581130"}),
    # one state of today: its alias (not the Sudan, not Guinea, not Pakistan)
    ("Guerrillas crossed from Rhodesia into French Sudan and Portuguese Guinea, then East Pakistan.",
     {"Rhodesia": "iso/ZW", "French Sudan": "iso/ML", "Portuguese Guinea": "iso/GW", "East Pakistan": "iso/BD"}),
    # ... but a province named so with its cue stays the province ("Zaire province" of Angola)
    ("Rebels attacked a village in Zaire province, Angola.", {"Zaire province": "ne1/AO-AO16", "Angola": "iso/AO"}),
])
def test_a_former_state_is_the_states_of_today_that_hold_its_land(world_gazetteer, text, expected):
    from geo.model import Article, Section
    from geo.places.mentions import find_mentions
    from geo.text.articles import split_sentences

    sec = Section("t.txt", "t", None, "1990-03-07", 0, len(text))
    art = Article("t.txt", text, [sec])
    art.sentences = split_sentences(text, sec)
    assert {m.text: m.place.key for m in find_mentions(art, world_gazetteer) if m.place} == expected


def test_a_former_state_of_a_state_natural_earth_lacks_is_refused(tmp_path):
    from geo.errors import GazetteerError
    from geo.places.sources import Package

    bad = tmp_path / "former_states.tsv"
    bad.write_text("Czechoslovakia\t\tCS\tCZ XX\tWikipedia: Dissolution of Czechoslovakia\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"former_states.tsv:1: today's state 'XX' of 'Czechoslovakia'"):
        build([Package("load_naturalearth"), TextList(bad, "former_states")])
