"""The names a place is indexed under: its own and alternate names, normalised, and the ways old reports write
them ("Jalalabad" for Jalal-Abad, "Dienbienphu" for Dien Bien Phu); the first words names abbreviate ("St")."""

from __future__ import annotations

import re

from ..model import AREA_KINDS, Place
from ..text.lexicon import mapping
from ..text.normalize import STANDALONE_ARTICLES, norm


def name_keys(place: Place, names) -> list[str]:
    """The normalised names a place is indexed under: short alternate names and airport codes are
    noise in running text (a curated place keeps all of its own)."""
    keys = []
    for n, name in enumerate(names):
        if not isinstance(name, str):
            continue
        key = norm(name)
        if not key:
            continue
        if n and not place.curated and name != place.name and (len(key) < 4 or (name.isupper() and len(name) <= 4)):
            continue
        keys.append(key)
        if HYPHENATED_NAME.fullmatch(name):
            keys.append(norm(name.replace("-", "")))  # "Jalal-Abad" is written "Jalalabad" too
        elif name == place.name and place.population >= JOINED_MIN_POPULATION and SPACED_NAME.fullmatch(name):
            keys.append(norm(name.replace(" ", "")))  # "Dien Bien Phu" is written "Dienbienphu" in old reports
    return keys


# First words of names and their abbreviations, both ways (data/lexicon/name_abbreviations.tsv): "saint" <-> "st"
ABBREVIATED = mapping("name_abbreviations") | {short: word for word, short in mapping("name_abbreviations").items()}


# A name of two or three capitalised parts joined by hyphens ("Jalal-Abad", "Kurgan-Tyube"; not "Ras al-Ain",
# nor a compass compound: "North-West" is no "Northwest")
HYPHENATED_NAME = re.compile(r"(?!(?:North|South|East|West)-)[A-Z][a-z]+(?:-[A-Z][a-z]+){1,2}")
# ... or by spaces ("Dien Bien Phu", "Dire Dawa"), of a town big enough to be named in reports from afar
SPACED_NAME = re.compile(r"(?!(?:North|South|East|West|New|Old|Upper|Lower|Great|Little|Port|Fort|Saint|San|Santa|St) )[A-Z][a-z]{2,}(?: [A-Z][a-z]{1,}){1,2}")
JOINED_MIN_POPULATION = 20_000


# "Foo Chow", "Tien Tsin": an old romanisation's syllables written apart, of a city big enough to be named in reports
# from afar
SHORT_SYLLABLE = re.compile(r"[A-Z][a-z]{1,4}")
SYLLABLE_CITY_MIN_POPULATION = 100_000


def joined_syllables(first: str, second: str, gaz) -> tuple[str, list[Place]]:
    """The key and the cities of 100,000 people or more the gazetteer knows written as one ("Foochow") for two short
    capitalised words ("Foo", "Chow"); no cities for any others."""
    if not (SHORT_SYLLABLE.fullmatch(first) and SHORT_SYLLABLE.fullmatch(second)):
        return "", []
    key = norm(first + second)
    if not gaz.has(key):
        return key, []
    return key, [p for p in gaz.lookup_all(key) if p.population >= SYLLABLE_CITY_MIN_POPULATION]


SHORT_NAMED_TOWN_POPULATION = 100_000  # a town its province's name stands for, for short, is smaller than this


def namesake_adjustments(places: list[Place], key: str, written: str, cue: str, warlike: bool) -> list[tuple[str, str]]:
    """(place key, weight name) for the readings of a name that its namesakes among ``places`` make likelier or less
    likely (data/lexicon/weights.tsv gives each its signed weight):
    - "elsewhere in Sinaloa": the state, not the town of Sinaloa de Leyva inside it, called so for short;
    - "Militants attacked Gao": in a text about war, the city, not the province named after it, when no cue says
      province;
    - "the siege of Salvador": Bahia's city of a million, not El Salvador written without its article."""
    out = []
    units = [u for u in places if u.kind in ("province", "governorate") and u.admin1 and norm(u.name) == key]
    for pl in places:
        if units and pl.kind not in AREA_KINDS and any((u.country, u.admin1) == (pl.country, pl.admin1) for u in units):
            if norm(pl.name) != key and pl.population < SHORT_NAMED_TOWN_POPULATION:
                out.append((pl.key, "alternate_name_of_its_unit"))
            elif warlike and norm(pl.name) == key and pl.kind in ("city", "town") and cue != "province":
                out.append((pl.key, "city_of_its_namesake_unit"))
    first_written = written.split(None, 1)[0].lower() if written.strip() else ""
    if any(pl.kind == "country" and (first := pl.name.split(None, 1)[0].lower()) in STANDALONE_ARTICLES
           and " " in pl.name and first != first_written for pl in places):
        out += [(pl.key, "city_not_the_country") for pl in places
                if pl.kind != "country" and pl.population >= 1_000_000 and norm(pl.name) == key]
    return out
