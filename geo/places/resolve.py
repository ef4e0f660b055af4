"""Resolve a candidate name to one place: a score from named features, then vetoes.

Each candidate place gets a score: the sum of the weights (``data/lexicon/weights.tsv``) of the features it has
(curated site, cue in the text, country the article talks about, population, nearby anchors, ...).  The best one is
then checked against :data:`VETOES`, an ordered list of (name, test, reason): the first that holds means the name is
not mapped here.  Every decision is a :class:`Decision` record that ``geo explain`` prints as the build made it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..model import AREA_KINDS, BASE_KINDS, INSTALLATION_KINDS, Decision, Place
from ..text.lexicon import rows, weights
from ..text.normalize import norm
from .around import (AFTER_PARTICLE, CAPTOR_BEFORE, COUNTRY_ENDS, EPITHET_AFTER, FORCES_AFTER, FORT_WORDS, HYPHENATED, IN_COUNTRY, JUST_KM,
                     NAME_BEFORE, NEIGHBOUR_AFTER, NEIGHBOUR_BEFORE, OF_NAME_AFTER, PARTICLE_NAME_AFTER, REFERENCE_KM,
                     RELATIVE_AFTER, UNIT_AFTER)
from .candidates import NEVER_ALONE, SUFFIX_WORDS, Pending
from .gazetteer import Gazetteer
from .geometry import Anchors, in_area, km, outline_km
from .lists import FORMER, GENERIC_WORDS
from .name_keys import namesake_adjustments
from .offsets import distance_km
from .settled import named_after_the_story, settled_after

W = weights()
# Names of armed groups (data/lexicon/actors.tsv, ACLED inter 2-4 and 8): "Fano militiamen" is not Fano in Italy.
ARMED_GROUP_NAMES = frozenset(norm(alias) for alias, _c, _g, inter, _s in rows("actors", 5) if inter in ("2", "3", "4", "8"))
FAR_ANCHOR_KM = 1500.0  # a town of an unnamed country this far from every anchor ...
FAR_COUNTRY_KM = 1500.0  # ... and from the border of every named country is not the one meant
TIED, NAMESAKE_SITES_KM = "two curated places have this name", 25.0  # (two such, further apart than this, are two)
UNIT_IN_A_LIST = re.compile(r",\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*(?:\s*,\s*[A-Z]|,?\s+(?:and|or)\b)")  # ", Guanacaste and ..."
MEASURED_FROM = "the text measures it from"  # the veto of readings far from the place the text gives a distance from
SUPPORT_REGION_KM = 2000.0  # readings of other names vouch for a place this close to the text's first reading
ANCHOR_KM = 150.0  # a place this close to one the text is surely about is supported by it
REGION_OF_THE_TEXT_KM = 4000.0  # a town this far from every other place the text names is in another part of the world ...
FAR_TOWN_POPULATION = 100_000  # ... when it is smaller than this (a big city is named from anywhere)
SMALL_KM = 100.0
MANY_NAMESAKES = 5  # places of one name in one country: too many for the country to say which
CAPITAL_MIN_POPULATION = 100_000  # a capital this big is the likelier reading of its name


@dataclass
class Context:
    focus: Counter  # country -> mentions
    admin1: Counter  # (country, admin1 code) -> mentions
    anchors: Anchors  # places the text is surely about (never areas)
    person_words: set[str]  # words seen in "Firstname Lastname" pairs
    demonym_countries: frozenset[str] = frozenset()  # countries the text names by a demonym ("Indian forces")
    capitals: frozenset[str] = frozenset()  # place keys of the national capitals
    named: frozenset[str] = frozenset()  # countries the text names (by name, or by a province of theirs)
    # countries named only by provinces of theirs: country -> the keys of those provinces
    named_by_units: dict[str, frozenset[str]] = field(default_factory=dict)
    read_once: bool = False  # the text has been read once (``named`` and the anchors are known)
    seen: Anchors = field(default_factory=Anchors)  # every place a first reading of the text gives
    warlike: bool = False  # the text is about war or armed unrest (a word of data/lexicon/war_words.tsv)
    # provinces and regions a first reading gives ("the Karelian Isthmus"): place key -> (normalised name, place)
    areas: dict[str, tuple[str, Place]] = field(default_factory=dict)
    support: dict[tuple[str, str], int] = field(default_factory=dict)  # geo.places.support.name_support
    latest_year: int | None = None  # the latest year the text tells of (geo.text.calendar.latest_year_told)


def features(place: Place, cue: str, key: str, focus, ctx: Context | None = None,
             readings: frozenset[str] = frozenset()) -> dict[str, float]:
    """The named features of one candidate place (value 1 for a flag)."""
    f: dict[str, float] = {}
    if place.curated:
        f["curated"] = 1
    if place.kind == "country":
        f["country"] = 1
    if place.kind == "continent":
        f["continent"] = 1
    if place.kind in ("governorate", "province"):
        f["admin1"] = 1
        if cue != "province":
            f["admin1_without_province_cue"] = 1
        else:
            f["province_cue_on_admin1"] = 1
    if cue in ("base", "air base", "camp") and (place.kind in BASE_KINDS or place.curated):
        f["base_cue_on_installation"] = 1
    if cue == "nuclear" and place.kind == "nuclear_site":
        f["nuclear_cue_on_nuclear_site"] = 1
    if cue in ("city", "town") and place.key.startswith("gn/"):
        f["settlement_cue_on_populated_place"] = 1
    if key and (key in (norm(n) for n in place.name.split(" / "))
                or place.kind == "city" and " " in key and norm(place.name) == f"{key} city"):
        # the place's own name (either of two: "Donostia / San Sebastián"), not an alternate; a name of two words
        # or more is its city's own name ("New York" is New York City's; not "Oklahoma" Oklahoma City's)
        f["own_name"] = 1
    f["log10_population"] = math.log10(place.population + 1)
    if place.country and focus:
        f["focus_country"] = focus[place.country] / max(focus.values())
    if ctx is not None:
        if place.admin1 and ctx.admin1:
            f["admin1_in_context"] = ctx.admin1[(place.country, place.admin1)] / max(ctx.admin1.values())
        if place.kind not in AREA_KINDS and ctx.anchors.near_other(place, ANCHOR_KM, readings) or \
                place.curated and ctx.seen.near_other(place, ANCHOR_KM, readings):
            # (not near another reading of its own name: "SIMLA" is Shimla, not a suburb; a curated site, near
            # any place a first reading gives: "Tahrir Square in Cairo", not Baghdad's, though Cairo has namesakes)
            f["near_an_anchor"] = 1
        if place.kind not in AREA_KINDS and any(in_area(a, place) if name != key else cue in ("city", "town") and a.country == place.country
                                                for name, a in ctx.areas.values()):  # ("the Valencia province ... the city of Valencia")
            f["inside_an_area_of_the_text"] = 1  # "the Karelian Isthmus ... the town of Viborg": Vyborg, not Denmark's
        if readings and place.kind not in AREA_KINDS and (place.population < FAR_TOWN_POPULATION or "own_name" not in f) \
                and ctx.seen.keys - readings and not ctx.seen.near_other(place, REGION_OF_THE_TEXT_KM, readings):
            # "Moscow troops ... captured Baturyn": the Ukrainian town, not the Canadian one, an ocean from every
            # other place a first reading of the text gives (a big city too, when the name is only one of its others:
            # "Kuito ... 700 km east of Luanda" is not Quito)
            f["far_from_the_places_of_the_text"] = 1
        if ctx.support.get((key, place.key)) and ctx.seen.near_other(place, SUPPORT_REGION_KM, readings):
            # "Northampton ... Springfield ... Hatfield" beside Westfield, Massachusetts: Massachusetts's
            f["near_readings_of_other_names"] = ctx.support[(key, place.key)]
        if place.key in ctx.capitals and place.population >= CAPITAL_MIN_POPULATION and not (
                "far_from_the_places_of_the_text" in f and "own_name" not in f):
            f["national_capital"] = 1  # "Santo Domingo" is the Dominican capital before a pueblo in New Mexico
    return f


def score(place: Place, c: Pending | str, focus, ctx: Context | None = None) -> float:
    cue = c.cue if isinstance(c, Pending) else c
    key = c.cand.key if isinstance(c, Pending) else ""
    readings = c.cand.namesakes if isinstance(c, Pending) else frozenset()
    f = features(place, cue, key, focus, ctx, readings)
    if isinstance(c, Pending) and not c.sent.text[c.start - c.sent.start : c.end - c.sent.start].isascii() \
            and c.sent.text[c.start - c.sent.start : c.end - c.sent.start] in place.name.split(" / "):
        f["own_name_with_its_accents"] = 1  # "Natá" is Panama's, not Nata in Botswana
    if isinstance(c, Pending) and c.dateline:
        # "LONDON, October 20.": a report is filed from a city the wire names without its country
        f["dateline_log10_population"] = math.log10(place.population + 1)
    if isinstance(c, Pending) and in_unit_after(place, c.units_after):
        f["in_the_unit_named_after_it"] = 1  # "Amambai, Mato Grosso do Sul": the Amambai in that state
    return sum(W[name] * value for name, value in f.items())


def in_unit_after(place: Place, units: frozenset[tuple[str, str]]) -> bool:
    if not units or place.kind in ("province", "governorate", "country"):
        return False
    return (place.country, place.admin1) in units or (place.country, "") in units


@dataclass
class Choice:
    """The best-scored reading of a pending name, with what the vetoes look at."""

    p: Pending
    gaz: Gazetteer
    ctx: Context

    @cached_property
    def scores(self) -> dict[str, float]:
        out = {pl.key: score(pl, self.p, self.ctx.focus, self.ctx) for pl in self.p.cand.places}  # each scored once
        for k, weight in namesake_adjustments(self.p.cand.places, self.p.cand.key, self.word, self.p.cue, self.ctx.warlike):
            out[k] += W[weight]
        for k in named_after_the_story(self.p.cand.places, self.ctx.latest_year):
            out[k] -= W["settled_after_the_story"]  # ("capture Brielle" in 1572: not Brielle, New Jersey)
        return out

    @cached_property
    def ranked(self) -> list[Place]:
        return sorted(self.p.cand.places, key=lambda pl: (-self.scores[pl.key], pl.key))

    @property
    def best(self) -> Place:
        return self.ranked[0]

    @property
    def word(self) -> str:
        return self.p.sent.text[self.p.start - self.p.sent.start : self.p.end - self.p.sent.start]

    @property
    def name_word(self) -> str:
        """The name as written, without a cue after it ("UN" of "UN base")."""
        head, _, last = self.word.strip().rpartition(" ")
        return head if head and last.lower() in SUFFIX_WORDS else self.word

    @property
    def single(self) -> bool:
        return " " not in self.p.cand.key

    @property
    def strong(self) -> bool:
        """A reading that needs no support from context: an area, a curated site, a
        cue in the text, or an airport or air base named in full ("Aleppo
        International Airport")."""
        b, p = self.best, self.p
        return bool(
            b.kind in ("country", "governorate", "province", "continent", "county") or b.curated or p.cue
            or (b.kind in ("airport", "air_base") and " " in p.cand.key)
        )

    @cached_property
    def stated_country(self) -> str:
        """The country the text puts the name in, right after it: "Palma in northern Mozambique",
        "Kobo, Ethiopia" ('' when it says none)."""
        rest = self.p.sent.text[self.p.end - self.p.sent.start :][:60]
        m = IN_COUNTRY.match(rest)
        if not m:
            return ""
        words_ = m.group(1).split()
        for n in range(len(words_), 0, -1):  # ", Ethiopia Tuesday": the longest run that is a country
            run = " ".join(words_[:n])
            after = rest[m.start(1) + len(run) :]
            if m.group(0).lstrip().startswith(",") and not COUNTRY_ENDS.match(after):
                continue  # ", US officials say": not where the place is
            for pl in self.gaz.lookup(norm(run)):
                if pl.kind == "country":  # (a former state of several today says no one country: "Prague, Czechoslovakia")
                    return "" if pl.key.startswith(FORMER) else pl.country
        return ""

    @property
    def in_stated_country(self) -> list[Place]:
        # (a curated feature of several countries, such as Lake Chad or W National Park, may lie in any of them)
        return [pl for pl in self.ranked if pl.country == self.stated_country or (pl.curated and not pl.country)]

    @property
    def unit_country(self) -> str:
        """"X, Guanacaste", "X in northwest Guanacaste": the country of the province the text puts a town in, when no
        reading lies there ('' otherwise, or for a city of 100,000 or more, or in a list: ", Guanacaste and Alajuela")."""
        b, countries = self.best, {c for c, admin1 in self.p.units_after if admin1}  # (a country: :attr:`stated_country`)
        if (len(countries) != 1 or b.kind not in ("city", "town") or b.curated or b.population >= FAR_TOWN_POPULATION or any(
                pl.country in countries for pl in self.p.cand.places) or UNIT_IN_A_LIST.match(self.p.sent.text, self.p.end - self.p.sent.start)):
            return ""
        return next(iter(countries))

    @property
    def hyphen_part(self) -> bool:
        """One half of a hyphenated name that is not two places ("Freeport" of "Freeport-McMoRan",
        "Mayo" or "Sava" of "Mayo-Sava department"; not "London" of "Amsterdam-London")."""
        t, a, b = self.p.sent.text, self.p.start - self.p.sent.start, self.p.end - self.p.sent.start
        before = NEIGHBOUR_BEFORE.search(t, 0, a) if a >= 2 and t[a - 1] == "-" else None
        after = NEIGHBOUR_AFTER.match(t, b)
        if not (before or after):
            return False
        end = HYPHENATED.match(t, b).end()
        other = (before or after).group(1)
        return bool(UNIT_AFTER.match(t, end)) or not self.gaz.lookup(norm(other))

    @property
    def unit_abroad(self) -> bool:
        """The best reading is a country or a province of a country the text names neither by name nor by
        demonym (also when it names none at all, unlike :attr:`unnamed_country`)."""
        b = self.best
        return (b.kind in ("country", "province", "governorate", "county") and not self.ctx.focus[b.country]
                and b.country not in self.ctx.demonym_countries)

    @property
    def particle_part(self) -> bool:
        """The end of a longer name after a particle ("Plaza de Mayo", "Stade de France", "Tren de Aragua")."""
        at = self.p.start - self.p.sent.start
        return bool(AFTER_PARTICLE.search(self.p.sent.text, max(0, at - 40), at))

    @property
    def unnamed_country(self) -> bool:
        """The best reading lies in a country the text never names, though it names others."""
        focus, c = self.ctx.focus, self.best.country
        return ((bool(focus) or bool(self.ctx.demonym_countries)) and self.best.kind not in ("country", "continent") and not focus[c]
                and c not in self.ctx.demonym_countries)

    @cached_property
    def tied_curated(self) -> Place | None:
        """Another curated place of the name scored as high, elsewhere ("Tahrir Square": Cairo's, Baghdad's)."""
        b = self.best
        return next((pl for pl in self.ranked[1:] if b.curated and pl.curated and self.scores[pl.key] >= self.scores[b.key]
                     and km(pl.point, b.point) > NAMESAKE_SITES_KM), None)

    @cached_property
    def far_abroad(self) -> bool:
        """A town of a country the text names neither by name nor by demonym, far from every country it names and
        from every other place it is surely about: "the town of Palma" in a story about Mozambique is not the
        Palma of Spain (the gazetteer lacks Mozambique's)."""
        b, ctx = self.best, self.ctx
        if not ctx.named and ctx.read_once:
            # no country named: a small town by another of its names, in another part of the world than two or more
            # places the text is surely about ("the disaster at Vinegar Hill" after New Ross and Wexford town is not
            # Poplar Bluff, Missouri)
            if b.kind not in ("city", "town") or b.curated or self.p.dateline or b.population >= FAR_TOWN_POPULATION and (
                    norm(b.name) == self.p.cand.key or b.population >= 1_000_000):
                return False  # (a big city by another of its names is not named from anywhere: "Acheen" is not Aachen)
            if norm(b.name) == self.p.cand.key:
                # ... or by its own name, when nothing in the sentence marks it as a place and every other place a
                # first reading gives lies elsewhere: "Garibaldi attacked the city" after Palermo and Messina is the
                # general, not the Brazilian town
                readings = frozenset(pl.key for pl in self.p.cand.places)
                return not (self.p.locative or self.p.cue) and len(ctx.seen.keys - readings) >= 2 \
                    and not ctx.seen.near_other(b, REGION_OF_THE_TEXT_KM, readings) \
                    and not ctx.anchors.in_country(b.country, but=b.key)
            return len(ctx.anchors.keys - {b.key}) >= 2 \
                and not ctx.anchors.in_country(b.country, but=b.key) and not ctx.anchors.near(b, REGION_OF_THE_TEXT_KM)
        # (a province names its own country: not when the text names that country by nothing else, "the Jabal
        # Akhdar" in a story about Oman is no province of Libya)
        named = ctx.named - {b.country} if ctx.named_by_units.get(b.country) == {b.key} \
            and not ctx.seen.in_country(b.country, but=b.key) else ctx.named  # (nor does any other place of it)
        if not named or b.kind not in ("city", "town", "province") or b.curated or self.p.dateline or b.country in named \
                or b.country in ctx.demonym_countries \
                or b.population >= 1_000_000 or b.key in ctx.capitals or ctx.seen.near(b, FAR_ANCHOR_KM) \
                or (len(self.p.cand.places) == 1 and b.population >= FAR_TOWN_POPULATION and norm(b.name) == self.p.cand.key) \
                or (not self.single and len(self.p.cand.places) == 1 and (self.p.locative or bool(self.p.cue)) and b.kind != "province"
                    and self.word.istitle() and norm(b.name) == self.p.cand.key):
            return False  # (a name of several words that only one place in the world has as its own: "Sidi Ifni"; not
            # "Vinegar Hill", one of Poplar Bluff's other names, after New Ross and Wexford)
        homes = [self.gaz.places.get(f"iso/{c}") for c in named]
        return all(outline_km(h, b.point) > FAR_COUNTRY_KM for h in homes if h is not None)

    @cached_property
    def far_from_its_reference(self) -> str:
        """"the town of Khatyn, north of Minsk": the place the text measures it from, when every reading of
        that place lies far from this one (Hà Tĩnh, which GeoNames also calls Khatyn, is not north of Minsk)."""
        m = RELATIVE_AFTER.match(self.p.sent.text, self.p.end - self.p.sent.start)
        if m is None or self.best.kind == "country" or self.best.curated:
            return ""
        names = m.group("ref").split()
        for n in range(len(names), 0, -1):  # the longest run of its words that is a place ("Kuala Lumpur")
            refs = [r for r in self.gaz.lookup(norm(" ".join(names[:n]))) if r.key != self.best.key]
            if refs:
                near = (distance_km(m) if m.group("d") else 0.0) + (JUST_KM if m.group("just") else REFERENCE_KM)
                far = all(km(r.point, self.best.point) > near + r.uncertainty_km for r in refs)
                return " ".join(names[:n]) if far else ""
        return ""

    @property
    def label(self) -> bool:
        """"The Battle of Maiwand (Dari: نبرد میوند, Pashto: ...)": a name before a colon inside brackets."""
        text, at, end = self.p.sent.text, self.p.start - self.p.sent.start, self.p.end - self.p.sent.start
        return text[end : end + 1] == ":" and text.rfind("(", 0, at) > text.rfind(")", 0, at)

    @property
    def fort_of_a_name(self) -> bool:
        """"Fort Dearborn", "Camp Jackson": an installation word opening the span, and no candidate an
        installation: the fort is named after someone, most often not after the town the name also is."""
        b, p = self.best, self.p
        if p.cue not in ("base", "camp") or b.curated or b.kind in INSTALLATION_KINDS:
            return False
        opening = p.sent.text[p.start - p.sent.start : p.end - p.sent.start].split(None, 1)[0].lower()
        return opening in FORT_WORDS and not p.cand.key.startswith(opening)

    @property
    def significant(self) -> bool:
        return self.best.population >= 100000 or self.best.kind in ("country", "governorate", "province", "county")

    @property
    def unsupported_small(self) -> bool:
        b, p = self.best, self.p
        small = b.population < (15000 if self.single else 1000)
        if not small or self.strong or p.locative or p.followed_by_admin or self.alone_in_named_country \
                or p.war_object and self.fallback is None:  # ("seized Derna": the Libyan city, not the village)
            return False
        # (an anchor itself: "... headed to Auchterarder. Auchterarder was put to the torch": the text placed it)
        return not (b.key in self.ctx.anchors.keys or self.ctx.anchors.near(b, SMALL_KM))

    @property
    def one_of_many(self) -> bool:
        """A small place that is one of many of the name in its country ("San Antonio": twenty Mexican
        villages), in a country the text names no place of, nor by name (a demonym, "the Mexican garrison",
        says whose the garrison was, not which San Antonio): nothing says which is meant."""
        b = self.best
        return self.ctx.read_once and b.population < 100_000 and b.country not in self.ctx.named \
            and sum(pl.country == b.country and norm(pl.name) == self.p.cand.key for pl in self.ranked) >= MANY_NAMESAKES \
            and not self.ctx.anchors.in_country(b.country)

    @property
    def alone_in_named_country(self) -> bool:
        """The only place of the name in a country the text names, by name or by demonym ("Croatian troops
        entered Knin") in a text about war: the text says which country, and the gazetteer has one such place there."""
        b, ctx = self.best, self.ctx
        if not ctx.warlike or not (ctx.focus[b.country] or b.country in ctx.demonym_countries):
            return False
        at = self.p.start - self.p.sent.start
        if NAME_BEFORE.search(self.p.sent.text, max(0, at - 40), at):
            return False  # "Amy Smith", "Mitchell-Smith": the end of a person's name
        return sum(pl.country == b.country for pl in self.ranked) == 1

    def big_namesake(self, pl: Place) -> bool:
        """A city of a million or more with the very name ("Baghdad", "San Antonio")."""
        return pl.population >= 1_000_000 and norm(pl.name) == self.p.cand.key

    @cached_property
    def fallback(self) -> Place | None:
        """What an unsupported small namesake gives way to: a city of a million or more with the very name
        ("eastern Baghdad" in a text about Iran-backed militias is not Baghdādeh in Iran), or a city of
        100,000 or more and twenty times its size by another of its names, when the text does not talk of
        the namesake's country ("Derna" is a Romanian village's own name and the Libyan city's other one)."""
        return next((pl for pl in self.ranked[1:] if self.big_namesake(pl)
                     or pl.population >= 100_000 and pl.population >= 20 * self.best.population
                     and not self.ctx.focus[self.best.country]), None)


Veto = tuple[str, Callable[[Choice], bool], Callable[[Choice], str]]
# In order: the first that holds leaves the name unmapped, with its reason.
VETOES: list[Veto] = [
    ("never_alone", lambda c: c.p.cand.key in NEVER_ALONE,
     lambda c: "a month, weekday or word that names no place on its own"),
    ("common_word", lambda c: c.p.cand.key in c.gaz.common and not c.p.cue and not c.best.curated
     and not (c.p.locative and not c.p.initial and c.p.cand.key not in GENERIC_WORDS  # ("one of the South's worst")
              and (c.significant or c.ctx.anchors.near(c.best, SMALL_KM)
                                                     or any(in_area(a, c.best) for _, a in c.ctx.areas.values())))
     and not (c.p.units_after and in_unit_after(c.best, c.p.units_after)),  # "Lawrence, Kansas", "Carlisle, Pa.": the unit says it is one
    # (nor a common word a locative or a list puts among places the text is surely about: "Tsim Sha Tsui and Admiralty")
     lambda c: "a common English word with nothing saying it is a place"),
    ("common_words_opening", lambda c: c.p.initial and not c.p.cue and not c.best.curated and " " in c.p.cand.key
     and all(w in c.gaz.common for w in c.p.cand.key.split())
     and not (c.best.population >= 50_000 and norm(c.best.name) == c.p.cand.key  # "Port Said has now been occupied"
              or c.best.key in c.ctx.anchors.keys),  # ("La Rochelle was the greatest stronghold", after "besieged La Rochelle")
     lambda c: "common English words opening the sentence ('Four men ...'), not a place name"),
    ("acronym", lambda c: c.name_word.isupper() and not c.best.curated and c.p.cand.key not in c.gaz.rules
     and (len(c.name_word) <= 3 or (len(c.name_word) <= 5 and norm(c.best.name) != c.p.cand.key and not c.p.dateline)),
     lambda c: "a short all-capitals word (an acronym) that is no place's own name, not a place name"),
    ("metonym", lambda c: bool(c.p.metonym) and c.best.kind in ("country", "city", "town") and not c.p.cue,
     lambda c: f"a metonym: the government acting ({c.p.metonym!r}), not the place"),
    ("forces_of_a_name", lambda c: c.best.kind in ("city", "town") and not c.p.cue and not c.best.curated
     and FORCES_AFTER.match(c.p.sent.text, c.p.end - c.p.sent.start) is not None,
     lambda c: "the owner of an army ('Wellington's infantry', 'Kitchener's column'): a general or a government, not the town"),
    ("label", lambda c: c.label,
     lambda c: "a label inside brackets, before a colon ('(Dari: ..., Pashto: ...)'), not a place"),
    ("whose_base", lambda c: c.best.kind == "country" and c.p.cue in ("base", "air base", "camp"),
     lambda c: "a country before 'base' describes whose base it is"),
    ("fort_of_a_name", lambda c: c.fort_of_a_name,
     lambda c: f"a fort or camp named {c.p.cand.key!r} ('Fort Dearborn', 'Camp Jackson'), not the town of that name"),
    ("the_alternate", lambda c: c.p.cand.key.startswith("the ") and norm(c.best.name) != c.p.cand.key
     and c.p.cand.key not in c.gaz.rules,
     lambda c: "'the' + a word is an alternate name here, not a place"),
    ("armed_group", lambda c: c.p.cand.key in ARMED_GROUP_NAMES and not c.p.cue and not c.p.locative and not c.best.curated,
     lambda c: f"{c.p.cand.key!r} names an armed group (data/lexicon/actors.tsv), not a place"),
    ("person_word", lambda c: c.single and not c.strong and c.p.cand.key in c.ctx.person_words,
     lambda c: f"{c.p.cand.key!r} is part of a person's name elsewhere in the text"),
    ("unit_of_another_country", lambda c: bool(c.unit_country),
     lambda c: f"the text puts it in a unit of {c.unit_country}, where the gazetteer has no place of that name"),
    ("other_country", lambda c: bool(c.stated_country) and c.best.kind != "country" and not c.in_stated_country,
     lambda c: f"the text puts it in {c.stated_country}, where the gazetteer has no place of that name"),
    ("hyphen_part_abroad", lambda c: c.hyphen_part and not c.best.curated and (c.unnamed_country or c.unit_abroad),
     lambda c: f"half of a hyphenated name, and {c.best.key} lies in {c.best.country}, a country the text does not name"),
    ("particle_part_abroad", lambda c: c.particle_part and not c.best.curated and c.unit_abroad,
     lambda c: f"the end of a longer name after a particle ('Plaza de Mayo'), and {c.best.key} is a unit of {c.best.country}, a country the text does not name"),
    ("head_of_an_of_name", lambda c: c.best.kind != "country" and not c.best.curated
     and (c.single and c.p.cue == "" and OF_NAME_AFTER.match(c.p.sent.text, c.p.end - c.p.sent.start) is not None
          or PARTICLE_NAME_AFTER.match(c.p.sent.text, c.p.end - c.p.sent.start) is not None),
     lambda c: "the head of a longer name with 'of' or a particle ('Bay of Pigs', 'Stade de France'), not a place of its own"),
    ("far_from_its_reference", lambda c: bool(c.far_from_its_reference),
     lambda c: f"{MEASURED_FROM} {c.far_from_its_reference}, and {c.best.key} lies far from every place of that name"),
    ("site_by_another_name_abroad", lambda c: bool(c.p.cue) and c.p.cue not in ("province", "town", "city")
     and c.best.kind in ("city", "town") and not c.best.curated and norm(c.best.name) != c.p.cand.key
     and c.best.population < 1_000_000 and bool(c.ctx.named) and c.best.country not in c.ctx.named
     and c.best.country not in c.ctx.demonym_countries,
     lambda c: f"a site named after {c.p.cand.key!r}, only another name of a town of {c.best.country}, a country the text does not name"),
    ("curated_namesakes_tied", lambda c: c.tied_curated is not None,
     lambda c: f"{TIED} ({c.best.name}, {c.best.country}; {c.tied_curated.name}, {c.tied_curated.country}) and nothing "
               "in the text says which: reported, not placed"),
    ("far_abroad", lambda c: c.far_abroad,
     lambda c: f"a town of {c.best.country}, a country the text does not name, far from every place and country it does"),
    ("small_unsupported", lambda c: c.unsupported_small and c.fallback is None and not c.in_stated_country,
     lambda c: "a small place named without a locative cue or a nearby place"),
    # ("In May 1061 they captured Messina ... Later they captured Triona": not Iriona, Honduras, that GeoNames also
    # calls so; the names of earlier peoples stay readings where the text's other places are near: "Azcapotzalco")
    ("settled_after_the_story", lambda c: not c.best.curated and settled_after(c.best, c.ctx.latest_year)
     and bool(c.ctx.anchors) and not c.ctx.anchors.near(c.best, REGION_OF_THE_TEXT_KM),
     lambda c: f"in {c.best.country}, settled after {c.ctx.latest_year}, the latest year the story tells, far from its other places"),
    # ("the Norman county of Sicily": a title, not Norman County, Minnesota)
    ("county_abroad", lambda c: c.best.key.startswith("us-county/") and "US" not in c.ctx.named | c.ctx.demonym_countries
     and not c.ctx.anchors.in_country("US") and not c.p.units_after and not any(k[0] == "US" for k in c.ctx.admin1)
     and (bool(c.ctx.named) or OF_NAME_AFTER.match(c.p.sent.text, c.p.end - c.p.sent.start) is not None),
     lambda c: "a county of the United States, a country the text does not name"),
    ("epithet_after", lambda c: not c.p.cue and EPITHET_AFTER.match(c.p.sent.text, c.p.end - c.p.sent.start) is not None,
     lambda c: "a name with an epithet after it ('Constantine the Great'): a ruler's, not a place"),
    ("captor", lambda c: c.best.kind in ("city", "town") and not c.p.cue
     and CAPTOR_BEFORE.search(c.p.sent.text, max(0, c.p.start - c.p.sent.start - 60), c.p.start - c.p.sent.start) is not None,
     lambda c: "a name right after a town's fall ('fell to the Silla-Tang alliance'): its captor, not a place"),
]


def choose(p: Pending, gaz: Gazetteer, ctx: Context) -> tuple[Place | None, str]:
    """The place a pending name means here, or None, and why."""
    c = Choice(p, gaz, ctx)
    for _name, test, reason in VETOES:
        if test(c):
            return None, reason(c)
    if c.stated_country and c.in_stated_country and c.best.country != c.stated_country:
        best = c.in_stated_country[0]  # "Palma, Mozambique": the one there, whatever the scores say
    else:
        best = c.fallback if c.unsupported_small else c.best
        if c.one_of_many and c.fallback is not None and c.big_namesake(c.fallback):
            best = c.fallback  # "San Antonio" in a story of Texas and Mexicans: the city of a million of the name
    assert best is not None
    reason = f"name {p.cand.key!r}; chose {best.key} ({best.kind}, score {c.scores[best.key]:.0f})"
    if p.cue:
        reason += f"; cue {p.cue!r}"
    others = ", ".join(f"{pl.key} {c.scores[pl.key]:.0f}" for pl in c.ranked[1:4])
    if others:
        reason += f"; other candidates: {others}"
    return best, reason
