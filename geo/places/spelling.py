"""Spelling variants: a name the text marks as a place that the gazetteer has under another spelling.

"the city of Qamishlo" is Qamishli, "Oromiya region" is Oromia, "Pazigyi village" may be
GeoNames' "Pa Zi Gyi".  Only a name the text itself marks as a place (a cue: "city of",
"region", "village") is tried; it is matched when exactly one gazetteer place of the kind the
cue asks for, in a country the article talks about, is spelt almost alike (the transliteration
skeleton, spaces removed, at least ``MIN_SIMILARITY`` alike by difflib).  The mention's reason
says which name it was taken for and how alike they are.  Anything less certain stays
unresolved, with the nearest names in the review queue (:func:`similar_names`).
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from itertools import islice
from typing import Any

from ..model import Place
from ..text.lexicon import weights
from ..text.normalize import norm, skeleton
from .gazetteer import VARIANT, Gazetteer
from .geometry import within

MAX_SIMILAR = 3
POOL = 3000  # names looked at per prefix
MIN_SIMILARITY = weights()["spelling_min_similarity"]
LOCATIVE_SIMILARITY = weights()["locative_min_similarity"]  # how alike a name marked only by a locative must be
MIN_LETTERS = 5
UNIT_SIMILARITY = weights()["unit_min_similarity"]
SAME_NAME_RATIO = weights()["spelling_same_name_ratio"]  # how many times bigger a namesake must be to win
FOREIGN_PREFIX_SIMILARITY = 0.87  # how alike a name must be to a town whose first letters differ from its
FOREIGN_PREFIX_LETTERS = 8  # ... and how long (a short name differs from many by a letter: "Triac", "Alapan")
HYPHEN_HALF = 0.9  # how alike the first part of a hyphenated name counts ("Dehiwala" of "Dehiwala-Mount Lavinia")


def _pool(gaz: Gazetteer, key: str, width: int = 3) -> set[str]:
    pool: set[str] = set()
    for prefix in {key[:width], skeleton(key)[:width]}:
        for i, k in enumerate(gaz.names.iterkeys(prefix)):
            if i >= POOL:
                break
            pool.add(k)
    return pool


def similar_names(gaz: Gazetteer, name: str, limit: int = MAX_SIMILAR) -> list[dict[str, Any]]:
    """Gazetteer names closest to ``name`` (same first three letters, or the same transliteration skeleton)."""
    from rapidfuzz import fuzz, process

    key = norm(name)
    if len(key) < 3:
        return []
    # rapidfuzz's ratio: the normalised Indel similarity (twice the longest common subsequence over both lengths)
    found = process.extract(key, sorted(_pool(gaz, key)), scorer=fuzz.ratio, score_cutoff=60, limit=None)
    scored = sorted(((score / 100, k) for k, score, _ in found), key=lambda x: (-x[0], x[1]))
    out: list[dict[str, Any]] = []
    for ratio, k in scored:
        if len(out) >= limit:
            break
        p = gaz.lookup(k)[0]
        if any(o["place_id"] == p.key for o in out):
            continue
        out.append({"name": p.name, "place_id": p.key, "kind": p.kind, "country": p.country or None,
                    "similarity": round(ratio, 2)})
    return out


def _alike_places(gaz: Gazetteer, key: str, pool: set[str], max_len_diff: int, least: float):
    """(ratio, name, place) for every gazetteer place whose name in ``pool`` is at least ``least``
    alike ``key`` (transliteration skeletons, spaces removed), names in order."""
    from rapidfuzz import fuzz, process

    flat = _flat(key)
    names = [k for k in sorted(pool) if not k.startswith(VARIANT) and abs(len(k) - len(key)) <= max_len_diff]
    # a first look in C: rapidfuzz's ratio (twice the longest common subsequence over both lengths) is never below
    # difflib's (whose matching blocks are one common subsequence), so a name under ``least`` there is under it here
    near = process.extract(flat, [_flat(k) for k in names], scorer=fuzz.ratio, score_cutoff=least * 100 - 1e-6,
                           limit=None)
    for k in sorted(names[i] for _, _, i in near):
        ratio = _alike(flat, k, least)
        if ratio >= least:
            for p in gaz.lookup(k):
                yield ratio, k, p


def _fits(place: Place, cue: str) -> bool:
    """Is ``place`` of the kind the cue asks for?  A region cue wants a first-level unit; a town,
    city or village cue (or none) a populated place."""
    if cue == "province":
        return place.precision == "region" and place.kind in ("province", "governorate")
    return place.precision == "town"


def _unit_names(p: Place) -> set[str]:
    """A unit's names to compare: its own, each form of "Homs (Hims)", its other names ("Viloyati Sughd")."""
    return {p.name, *(x.strip(" )") for x in p.name.split("(")), *p.aliases} - {""}


@lru_cache(maxsize=200_000)
def _flat(key: str) -> str:
    """The skeleton without spaces, hyphens or an "and" ("Sistan-Baluchistan" ~ "Sistan and Baluchestan")."""
    return AND.sub(" ", skeleton(key)).replace(" ", "").replace("-", "")


AND = re.compile(r"(?:^|[\s-])and(?=[\s-]|$)")


def unit_names_alike(a: str, b: str) -> bool:
    """Two normalised names spelt at least as alike as a unit's spelling variant must be ("sughd", "soghd")."""
    return _alike(_flat(a), b, UNIT_SIMILARITY) >= UNIT_SIMILARITY


def _alike(flat: str, key: str, least: float) -> float:
    """How alike ``flat`` and the gazetteer name ``key`` are (0 when surely under ``least``)."""
    sm = difflib.SequenceMatcher(None, _flat(key), flat)
    if sm.real_quick_ratio() < least or sm.quick_ratio() < least:
        return 0.0
    return sm.ratio()


def variant_of(gaz: Gazetteer, core: str, cue: str, countries: set[str], least: float = MIN_SIMILARITY) -> tuple[Place | None, str]:
    """The one place ``core`` (the name without its cue words) is a spelling variant of, and why
    (at least ``least`` alike: a name marked only by a locative, "in Ben Guerdane", needs more)."""
    key = norm(core)
    if len(key.replace(" ", "")) < MIN_LETTERS or not countries:
        return None, ""
    best: dict[str, tuple[float, str, Place]] = {}
    if cue == "province":  # the first-level units of the countries named: a few dozen each, every name compared
        flat = _flat(key)
        for c in sorted(countries):
            for p in gaz.admin1_units(c):
                for alias in _unit_names(p):
                    ratio = _alike(flat, norm(alias), UNIT_SIMILARITY)
                    if f" {key} " in f" {norm(alias)} ":
                        ratio = max(ratio, 0.95)  # "Sughd" in "Viloyati Sughd", a unit's official name
                    if ratio >= UNIT_SIMILARITY and ratio > best.get(p.key, (0.0,))[0]:
                        best[p.key] = (ratio, norm(alias), p)
    close = {key} | _pool(gaz, key, 4)
    for ratio, k, p in _alike_places(gaz, key, close, 3, least):
        if p.country in countries and _fits(p, cue) and ratio > best.get(p.key, (0.0,))[0]:
            best[p.key] = (ratio, k, p)
    if not best and cue != "province" and len(_flat(key)) >= FOREIGN_PREFIX_LETTERS \
            and all(len(w) > 1 for w in re.split(r"[\s.-]+", key) if w):
        # ("Merdjayoun" is Marjayoun: a spelling whose first four letters differ by a vowel (or v and w), among
        # the towns of the countries the article names, more alike)
        floor = max(least, FOREIGN_PREFIX_SIMILARITY)
        pool = {k for prefix in _vowel_variants(skeleton(key)[:4]) | _vowel_variants(key[:4])
                for k in islice(gaz.names.iterkeys(prefix), POOL)} - close
        for ratio, k, p in _alike_places(gaz, key, pool, 3, floor):
            if k[:1] == key[:1] and p.country in countries and _fits(p, cue) and ratio > best.get(p.key, (0.0,))[0]:
                best[p.key] = (ratio, k, p)
    # "the suburb of Dehiwala": the first part of a hyphenated name ("Dehiwala-Mount Lavinia").
    for k in sorted(islice(gaz.names.iterkeys(key + " "), POOL)):  # (as many names as a spelling pool)
        for p in gaz.lookup(k):
            if (p.country in countries and _fits(p, cue) and norm(p.name.split("-")[0]) == key
                    and "-" in p.name and HYPHEN_HALF > best.get(p.key, (0.0,))[0]):
                best[p.key] = (HYPHEN_HALF, k, p)
    if not best:
        return None, ""
    ranked = sorted(best.values(), key=lambda x: (-x[0], x[2].key))
    top = ranked[0]
    # Two different places spelt as alike: ambiguous, left unresolved; unless they bear the same name and one
    # is a city many times the other's size ("Sringar": Srinagar, 1.2 million, not the town of 20,000)
    close = [r for r in ranked if r[0] >= top[0] - 0.03 and r[2].point != top[2].point]
    if close:
        big = max([top] + close, key=lambda r: (r[2].population, r[2].key))
        if {norm(r[2].name) for r in close} != {norm(top[2].name)} or any(
                r is not big and r[2].population * SAME_NAME_RATIO > big[2].population for r in [top] + close):
            return None, ""
        top = big
    ratio, k, p = top
    return p, f"{core!r} is a spelling of {p.name!r} ({p.country}; {ratio:.2f} alike), the only such {p.kind} in a country the article names"


VOWELS = "aeiouy"


def _vowel_variants(prefix: str) -> set[str]:
    """The prefix with each vowel after its first letter made another vowel, and v and w swapped
    ("merj" -> "marj", "avan" -> "awan")."""
    out = {prefix}
    for i, ch in enumerate(prefix[1:], start=1):
        swaps = VOWELS if ch in VOWELS else "vw" if ch in "vw" else ""
        out |= {prefix[:i] + o + prefix[i + 1 :] for o in swaps}
    return out


def unit_of(gaz: Gazetteer, name: str, town: Place) -> tuple[Place | None, str]:
    """"Hama province", "the province of Deir al-Zour": the first-level unit of ``town``'s country,
    named alike (Hamah, Deir ez-Zor) and holding the town, when the gazetteer names it otherwise."""
    flat = _flat(norm(name))
    best: tuple[float, Place] | None = None
    for p in gaz.admin1_units(town.country):  # a few dozen: every name of each is compared
        if not within(p, town):
            continue
        for alias in _unit_names(p):
            ratio = _alike(flat, norm(alias), UNIT_SIMILARITY)
            if ratio >= UNIT_SIMILARITY and (best is None or ratio > best[0]):
                best = (ratio, p)
    if best is None:
        return None, ""
    return best[1], f"{name!r} with a province cue: {best[1].name!r}, the unit of {town.country} named alike ({best[0]:.2f}) that holds {town.name}"
