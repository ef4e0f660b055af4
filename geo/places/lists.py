"""The small list files of the gazetteer folder: aliases, not-place phrases,
demonyms; and the common English words no name may be without a cue."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import GazetteerError
from ..model import LngLat, Place
from ..text.lexicon import words
from ..text.normalize import norm
from .gazetteer import GazetteerBuilder
from .geometry import area_radius_km


def load_aliases(gaz: GazetteerBuilder, path: Path, sourced: bool = False) -> None:
    """Extra names of places: ``alias<TAB>place key<TAB>rule``, and with ``sourced`` (former names:
    "Plevna" for Pleven) a fourth field, the reference that gives the name."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 3 + sourced or parts[2] not in ("any", "locative", "after_comma") or (sourced and not parts[3]):
            want = "alias<TAB>place key<TAB>any|locative|after_comma" + ("<TAB>source" if sourced else "")
            raise GazetteerError(f"{path}:{n}: expected '{want}', got {line!r}")
        alias, key, rule = parts[:3]
        if key not in gaz.places:
            raise GazetteerError(f"{path}:{n}: field 'place key' = {key!r}: no such place in the gazetteer")
        own_alias(gaz, alias, key, rule)


def own_alias(gaz: GazetteerBuilder, alias: str, key: str, rule: str = "any") -> None:
    """``alias`` names the place keyed ``key`` first, with its rule ("any" too: the alias is the project's own,
    "The Gambia")."""
    k = norm(alias)
    bucket = gaz.index.setdefault(k, [])
    if key not in bucket:
        bucket.insert(0, key)
    gaz.rules[k] = rule
    gaz.max_tokens = max(gaz.max_tokens, k.count(" ") + 1)


FORMER = "former/"  # the key prefix of a former state of several today


def today_states(place: Place, gaz) -> frozenset[str]:
    """The countries of today whose outline lies in a former state's (the ISO codes of ``gaz.capitals``)."""
    from shapely.geometry import Point

    if place.geometry is None:
        return frozenset()
    return frozenset(iso for iso in gaz.capitals for c in [gaz.places.get(f"iso/{iso}")]
                     if c is not None and place.geometry.contains(Point(c.point.lon, c.point.lat)))


def load_former_states(gaz: GazetteerBuilder, path: Path) -> None:
    """Former states as the states of today that hold their territory
    (``name<TAB>aliases<TAB>code<TAB>today's states<TAB>source``): one state, and the name is that country's
    alias ("Rhodesia" is Zimbabwe); several, and it is a country of its own with their outlines' union
    ("Czechoslovakia")."""
    from shapely.ops import unary_union

    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 5 or not parts[0] or not parts[3] or not parts[4] \
                or not (parts[2] == "-" or re.fullmatch(r"[A-Z]{2}", parts[2])):
            raise GazetteerError(f"{path}:{n}: expected 'name<TAB>aliases<TAB>former ISO code or -<TAB>"
                                 f"today's states (ISO codes)<TAB>source', got {line!r}")
        name, aliases, code, states, source = parts
        names = [name, *filter(None, (a.strip() for a in aliases.split("|")))]
        today = []
        for iso in states.split():
            if f"iso/{iso}" not in gaz.places:
                raise GazetteerError(f"{path}:{n}: today's state {iso!r} of {name!r} is no country of Natural Earth's "
                                     "admin-0; write its ISO alpha-2 code as Natural Earth has it")
            today.append(gaz.places[f"iso/{iso}"])
        if len(today) == 1:
            for alias in names:
                own_alias(gaz, alias, today[0].key)
            continue
        geom = unary_union([c.geometry for c in today])
        rp = geom.representative_point()
        place = Place(
            key=f"{FORMER}{code if code != '-' else norm(name).replace(' ', '-')}",
            name=name,
            kind="country",
            country=code if code != "-" else "",
            point=LngLat(round(rp.x, 4), round(rp.y, 4)),
            precision="country",
            uncertainty_km=area_radius_km(geom),
            source=f"{source}; outline: Natural Earth admin-0 of {', '.join(c.name for c in today)}",
            population=sum(c.population for c in today),
            aliases=tuple(names[1:]),
            geometry=geom,
        )
        gaz.add(place, names)
        for alias in names:  # (every name as written, acronyms too: "USSR")
            own_alias(gaz, alias, place.key)


def load_not_places(gaz: GazetteerBuilder, path: Path) -> None:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if line:
            gaz.not_places.add(norm(line))
            gaz.max_tokens = max(gaz.max_tokens, norm(line).count(" ") + 1)




GENERIC_WORDS = frozenset(words("generic_words"))
# A word of the list this rare (wordfreq's Zipf scale: 3.5 is about once in 300,000 words) that is the own name
# of a town this big is read as the town's name: the list holds it because news names the town ("Calais").
RARE_WORD_ZIPF = 3.5
RARE_WORD_TOWN = 10_000


def common_words(gaz: "GazetteerBuilder", top: int = 30000) -> set[str]:
    """Single-word names that are also frequent English words ("The", "Most", "Hit").

    A word is exempt when it is the own name of a country, a continent, a
    first-level division or a city of 100,000 people or more, unless it is a
    generic geographic word ("Central", "North", "City"): "Texas" and
    "Europe" are places; "Most" and "Central" are words.
    """
    import wordfreq
    from wordfreq import top_n_list, zipf_frequency

    words = {norm(w) for w in top_n_list("en", top)}
    # wordfreq keeps the whole English list cached (30 MB): this is its only use, so let it go.
    top_n_list.cache_clear()
    wordfreq.get_frequency_list.cache_clear()
    gaz.english = words
    out = set()
    for k, keys in gaz.index.items():
        if " " in k or k not in words or gaz.rules.get(k) == "any":
            continue  # (the project's own alias says it is a name: "Saigon", "Bombay")
        own = [gaz.places[x] for x in keys if norm(gaz.places[x].name) == k]
        rare = zipf_frequency(k, "en") < RARE_WORD_ZIPF  # "calais", "dunkirk": in the list as names, seldom words
        exempt = k not in GENERIC_WORDS and any(
            p.kind in ("country", "continent", "province", "governorate")
            or (p.population >= 100000 and p.kind in ("city", "town"))
            # (spelt as the word is: "Sana", the Syrian agency, is not Peru's Saña)
            or (rare and p.population >= RARE_WORD_TOWN and p.kind in ("city", "town") and p.name.lower() == k)
            for p in own
        )
        if not exempt:
            out.add(k)
    return out




def load_demonyms(gaz: GazetteerBuilder, path: Path) -> None:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) not in (2, 3) or not re.fullmatch(r"[A-Z]{2}", parts[1].strip()):
            raise GazetteerError(f"{path}:{n}: expected 'Demonym<TAB>ISO alpha-2<TAB>country name', got {line!r}")
        gaz.demonyms[norm(parts[0])] = parts[1].strip()




@dataclass(frozen=True)
class TextList:
    """A small list file of the gazetteer folder: demonyms, not-place phrases or aliases."""

    path: Path
    kind: str  # "demonyms", "not_places", "aliases", "former_names", "former_states"

    def load(self, gaz: GazetteerBuilder) -> None:
        if self.path.exists():
            {"demonyms": load_demonyms, "not_places": load_not_places, "aliases": load_aliases,
             "former_names": lambda g, p: load_aliases(g, p, sourced=True),
             "former_states": load_former_states}[self.kind](gaz, self.path)

    def inputs(self) -> list[Path]:
        return [self.path] if self.path.exists() else []

    def packages(self) -> list[str]:
        return []


@dataclass(frozen=True)
class CommonWords:
    """Marks single-word names that are frequent English words (see :func:`common_words`); runs last."""

    top: int = 30000

    def load(self, gaz: GazetteerBuilder) -> None:
        gaz.common = common_words(gaz, self.top)

    def inputs(self) -> list[Path]:
        return []

    def packages(self) -> list[str]:
        return ["wordfreq"]
