"""Find the places an article names and resolve each to one gazetteer entry.

:func:`find_mentions` runs the stages in order: candidates in each sentence
(:mod:`geo.places.candidates`), the article's context (the countries it talks
about, the places it is surely about), then the choice for each name
(:mod:`geo.places.resolve`).  Names that look like places but match nothing
("Evin prison", "Camp X", "Azadi Street") are returned as unresolved
mentions (``place=None``): reported, never guessed.

With a ``decisions`` list, every decision is recorded as the build made it;
``geo explain`` prints those records.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import AREA_KINDS, NEAR_KM, Article, Decision, Mention, Place, Precision, Sentence
from ..text.calendar import MONTH_ABBREVIATIONS, MONTH_RE, latest_year_told
from ..text.lexicon import RowScreen, alternation, rows, tagged, weights, words
from ..text.normalize import ARABIC_ARTICLES, norm
from .capitals import bare_capitals, demonym_capitals, named_capitals
from .candidates import ORG_NAME, PLACE_SUFFIX, Pending, not_a_name, pending_in_sentence
from .persons import a_people, person_words
from .gazetteer import Gazetteer
from .offsets import OFFSET, offset_place
from .geometry import Anchors, km
from .list_mates import list_mates
from .lists import FORMER, today_states
from .now_named import now_named
from .same_name import same_name_near, short_forms
from .around import FORT_WORDS, OF_NAME_AFTER
from .resolve import MEASURED_FROM, TIED, Choice, Context, choose, score
from .spelling import LOCATIVE_SIMILARITY, unit_of, variant_of
from .support import name_support

_CONNECTORS = [f"{a}-" for a in ARABIC_ARTICLES] + ["al ", "e-", "bin ", "ibn ", "of ", "de ", "do ", "da ", "dos ", "das ", "del "]
# (a person's initials inside: "Fort C. F. Smith")
NAME = rf"[A-Z][\w'’ʿ-]+(?:\s+(?:{alternation(_CONNECTORS)})?(?:[A-Z]\.\s){{0,2}}[A-Z][\w'’ʿ-]+){{0,3}}"
_AFTER = {w: cue for w, where, cue in rows("place_cues", 3) if where == "after"}
_OF = {w: cue for w, where, cue in rows("place_cues", 3) if where == "of"}
# A cue after a name, written in lower case ("Oromiya region", "Pazigyi village") or, for the words of
# units, capitalised ("Oromiya Region"); never "Islamic State" or "New York City".
_AFTER_CUE = alternation([*_AFTER, *(w.title() for w in words("unit_words"))])
UNRESOLVED_PATTERNS = [
    re.compile(rf"\b(?P<name>(?:{alternation(words('installation_prefixes'))})\s+{NAME})"),
    re.compile(rf"\b(?P<name>(?P<core>{NAME})\s+{PLACE_SUFFIX.pattern})"),
    re.compile(rf"\b(?P<name>(?P<core>{NAME})\s+(?P<after>{_AFTER_CUE}))\b"),
    re.compile(rf"\b(?i:{alternation(words('locative_prepositions'))}) (?P<name>{NAME})"),  # also "In Damak, ..."
    # "the army had retaken Zalambesa", "bombarded Vammelsuu": the object of a verb that takes places in war
    re.compile(rf"\b(?:{alternation(tagged('capture_verbs', 'unknown'))}) (?:the )?(?P<name>{NAME})"),
    re.compile(rf"\b(?P<of>{alternation(_OF)}) of (?P<name>(?P<core>{NAME}))"),
    # "Cettinje, October 11. After fourteen hours' fighting ...": a dateline (only where a sentence starts)
    re.compile(rf"(?P<dateline>)(?P<name>{NAME})(?:, {MONTH_RE} \d| \((?:{alternation(words('news_agencies'))})\))"),
]
_UNRESOLVED_SCREEN = RowScreen(UNRESOLVED_PATTERNS)  # (only the patterns whose words a sentence holds are searched)
MONTH_SHORT = re.compile(MONTH_ABBREVIATIONS)  # "Nov", "Sept"
NAMESAKE_SITES = frozenset(words("namesake_sites"))
NAMESAKE_FEATURES = frozenset(words("namesake_features"))
# "Massereene army base in Antrim": the words between a site the gazetteer lacks and the place it is in
# (data/lexicon/site_hosts.tsv); a comma, "which is" or a short apposition may come first ("Paitilla Airport,
# a small airfield in Panama City"); the place is the next one found, named as a town, unit or region.
SIDE = r"(?:[a-z-]*(?:north|south|east|west)[a-z-]*|central) "  # "western ", "south-eastern ", "central "
HOST_BETWEEN = re.compile(
    r"\s*,?\s*(?:(?:which|that) (?:is|was) |(?:located|situated|lying|based) |(?:an?|the) (?:[a-z-]+ ){0,4}?)?"
    # (a side of the place may come inside a host phrase too: "on the western outskirts of")
    rf"(?:{alternation(words('site_hosts')).replace(re.escape(' the '), rf' the (?:{SIDE})?')}) (?:the )?(?:{SIDE})?"
    # (and a demonym before the unit: "in the northern Mozambican province of")
    r"(?:(?:[A-Z][\w-]+ )?(?:city|town|village|port city|port|capital|suburb|district|province|region|state|department) of )?")
HOST_PRECISIONS = ("town", "district", "region")
COMMA = re.compile(r",\s*")
LIST_GOES_ON = re.compile(r"\s*(?:,\s*[A-Z]|,?\s+(?:and|or)\b)")
# ", 12 miles northwest of (the)": a site that far and in that direction from the place named next
OFFSET_AFTER = re.compile(r"\s*,?\s*(?:(?:which is|located|situated|lying|some|about|around|roughly|nearly|just)\s+){0,2}"
                          + OFFSET, re.I)
# The last words of a site's name and the kind they make it (data/lexicon/site_kinds.tsv), longest first.
SITE_KINDS = sorted(rows("site_kinds", 2), key=lambda r: -len(r[0]))
# The cue words of a unit written after its name ("Hama province"), taken off to name the unit.
PLACE_CUE_WORDS = re.compile(rf"\s+(?:{alternation(w for w, cue in _AFTER.items() if cue == 'province')})$", re.I)
POSSESSIVE = re.compile(r"^[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}[’']s\s+")
OWNER_BEFORE = re.compile(r"[’']s\s+(?:[a-z][\w-]*\s+){0,2}$")  # "Saigon's huge ": a possessive, an adjective or two
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
WAR_WORDS = re.compile(rf"\b(?:{alternation(words('war_words'))})\b", re.I)
SEAT_AFTER = re.compile(rf"-(?:{alternation(words('seat_suffixes'))})\b", re.I)  # "Britain-based": an organisation's seat
DEMONYM_FOCUS = weights()["demonym_as_a_country_mention"]
SAME_SPOT_KM = 100  # readings of a name this close to one another all say the text is about that spot
ANCHOR_MARGIN = 15  # a reading this far ahead of the next is clear enough to anchor others


def find_mentions(article: Article, gaz: Gazetteer, decisions: list[Decision] | None = None) -> list[Mention]:
    rejected: list = []
    pend: list[Pending] = []
    for sent in article.sentences:
        pend.extend(pending_in_sentence(article.text, sent, gaz, rejected))
    focus: Counter = Counter()
    for p in pend:
        for pl in p.cand.places:
            if pl.kind == "country":
                focus[pl.country] += 1
    # Anchors: places the text is surely about (one candidate, a curated site, a cue, or a
    # clear winner) among the names that pass every filter without help from anchors.
    # (a people in the plural too: "the Montenegrins captured the fort")
    demonyms = frozenset(gaz.demonyms[k] for w in CAPITALISED.findall(article.text)
                         for k in [norm(w), norm(w)[:-1] if w.endswith("s") else ""] if k in gaz.demonyms)
    for iso in demonyms:  # "Angolan Armed Forces": the text is about Angola as much as if it named it once
        focus[iso] += DEMONYM_FOCUS
    warlike = WAR_WORDS.search(article.text) is not None
    ctx = Context(focus, Counter(), Anchors(), person_words(article, gaz), demonyms, gaz.capital_keys, warlike=warlike)
    first_pass = Context(Counter(focus), Counter(), Anchors(), ctx.person_words, demonyms, gaz.capital_keys, warlike=warlike)
    ctx.support = first_pass.support = name_support(pend)
    ctx.latest_year = first_pass.latest_year = latest_year_told(article.text)
    # the countries the text names (by name, or by a province of theirs: "Cabo Delgado"; not by a demonym, which
    # often names an actor from elsewhere: "Portuguese peacekeepers"), and every place a first reading gives
    named: set[str] = set()
    by_name: set[str] = set()  # countries named by their own name
    by_units: dict[str, set[str]] = {}  # ... by a province of theirs: the provinces' keys
    for p in pend:
        best, _ = choose(p, gaz, first_pass)
        if best is None:
            continue
        if best.country and (best.kind == "country" or best.kind in ("province", "governorate") and not any(
                pl.kind in ("city", "town") and pl.population >= 100_000 for pl in p.cand.places)) \
                and not SEAT_AFTER.match(p.sent.text, p.end - p.sent.start):
            named.add(best.country)  # (a province that is also a city's name, "New York", says little)
            if best.kind == "country":
                by_name.add(best.country)
            else:
                by_units.setdefault(best.country, set()).add(best.key)
        if best.key.startswith(FORMER):  # "Vukovar, Yugoslavia": the text names Croatia too
            today = today_states(best, gaz)
            named |= today
            by_name |= today
        if best.kind not in ("country", "continent"):
            ctx.seen.append(best)
        if best.precision == "region":
            ctx.areas.setdefault(best.key, (norm(best.name), best))
        plain = {pl.key: score(pl, p, focus) for pl in p.cand.places}  # (without the context: each scored once)
        ranked = sorted(p.cand.places, key=lambda pl: (-plain[pl.key], pl.key))
        # the best reading of another spot (not "Benghazi" the province, which holds the city)
        rival = next((pl for pl in ranked[1:] if km(pl.point, ranked[0].point) > SAME_SPOT_KM), None)
        # (a curated site is sure, unless another curated site has its name: "Tahrir Square" of Cairo or Baghdad)
        if rival is None or best.curated and not rival.curated or p.cue \
                or plain[ranked[0].key] - plain[rival.key] >= ANCHOR_MARGIN:
            if best.kind in ("governorate", "province") and best.admin1:
                ctx.admin1[(best.country, best.admin1)] += 2
                if not any(pl.kind in ("governorate", "province") and pl.country != best.country for pl in p.cand.places):
                    ctx.focus[best.country] += 0.5  # ("the Valencia province": about Spain; not "Eastern Province")
            elif best.kind not in AREA_KINDS:
                ctx.anchors.append(best)
                if best.admin1:
                    ctx.admin1[(best.country, best.admin1)] += 1
                if best.country:
                    ctx.focus[best.country] += 0.5
    # ... or by the name of one of its bodies ("a South Sudan People's Defense Forces base")
    by_name |= {places[0].country for _, _, _, places, why in rejected
                if len(places) == 1 and places[0].kind == "country" and ORG_NAME in why}
    named |= by_name
    ctx.named, ctx.read_once = frozenset(named), True
    ctx.named_by_units = {c: frozenset(keys) for c, keys in by_units.items() if c not in by_name}
    out: list[Mention] = []
    tied: dict[tuple[int, int], str] = {}  # names several curated places have, the text saying which by nothing
    vetoed: dict[tuple[int, int], frozenset[str]] = {}  # readings far from where the text measures them from
    for p in pend:
        place, reason = choose(p, gaz, ctx)
        if place is not None:
            out.append(Mention(article.name, p.start, p.end, article.text[p.start : p.end], p.sent, place, reason, p.cue))
        elif reason.startswith(TIED):
            tied[(p.start, p.end)] = reason
        elif reason.startswith(MEASURED_FROM):
            vetoed[(p.start, p.end)] = frozenset(pl.key for pl in p.cand.places)
        if decisions is not None:
            c = Choice(p, gaz, ctx)
            cands = [(pl.key, pl.name, pl.kind, round(c.scores[pl.key], 1)) for pl in c.ranked]
            decisions.append(Decision(article.text[p.start : p.end], p.start, p.end, p.sent, place,
                                      reason if place is not None else f"not mapped: {reason}", cands))
    out = _units(_airports(article, named_capitals(article, out, gaz), gaz), gaz)
    out = short_forms(bare_capitals(article, demonym_capitals(article, out, gaz), gaz, ctx.latest_year))
    by_sentence: dict[int, list[Mention]] = {}
    for m in out:
        by_sentence.setdefault(m.sentence.start, []).append(m)
    # the countries of the places mapped, named or named by a demonym (not those of a reading a veto dropped)
    countries = {m.place.country for m in out if m.place is not None and m.place.country} | ctx.named | ctx.demonym_countries
    for sent in article.sentences:
        mapped = by_sentence.get(sent.start, [])
        unresolved = _unresolved(article.text, sent, mapped, gaz, article.name, countries, tied, vetoed)
        out.extend(unresolved + list_mates(article.text, sent, mapped + unresolved, gaz, article.name))
    out = now_named(article.text, same_name_near(sorted(out, key=lambda m: (m.start, m.end))))
    if decisions is not None:
        sents = {s.start: s for s in article.sentences}
        for s, e, key, places, why in rejected:
            sent = next(x for x in sents.values() if x.start <= s < x.end)
            cands = [(pl.key, pl.name, pl.kind, round(score(pl, "", Counter()), 1)) for pl in places]
            decisions.append(Decision(article.text[s:e], s, e, sent, None, why, cands))
        decisions.extend(Decision(m.text, m.start, m.end, m.sentence, None, f"unresolved: {m.reason}")
                         for m in out if m.place is None)
        decisions.sort(key=lambda d: (d.start, d.end))
    return sorted(out, key=lambda m: (m.start, m.end))


# "Makhachkala's airport", "Grozny’s main airport"
AIRPORT_AFTER = re.compile(r"(?:'s|’s)\s+(?:main\s+|international\s+)?airport\b", re.I)


def _airports(article: Article, out: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """"Makhachkala's airport": the airport the gazetteer names after that city, within 50 km of it."""
    result = []
    for m in out:
        after = AIRPORT_AFTER.match(article.text, m.end) if m.place is not None and m.place.precision == "town" else None
        ports = [p for p in gaz.lookup(norm(f"{m.text} airport")) if p.kind in ("airport", "air_base")] if after else []
        near = sorted(x for x in ((km(p.point, m.place.point), p.key, p) for p in ports) if x[0] <= 50)
        if near:
            port = near[0][2]
            reason = f"{m.text!r} + 'airport': {port.name} ({port.key}), {near[0][0]:.0f} km from {m.place.name}"
            m = Mention(m.article, m.start, after.end(), article.text[m.start : after.end()], m.sentence, port, reason, "base")
        result.append(m)
    return result


def _units(out: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """"Hama province" is the province, never the city of Hama (:func:`geo.places.spelling.unit_of`)."""
    result = []
    for m in out:
        if m.cue == "province" and m.place is not None and m.place.precision == "town":
            core = PLACE_CUE_WORDS.sub("", m.text).strip() or m.text
            unit, why = unit_of(gaz, core, m.place)
            if unit is not None:
                m = Mention(m.article, m.start, m.end, m.text, m.sentence, unit, why, m.cue)
        result.append(m)
    return result


def _unresolved(text: str, sent: Sentence, found: list[Mention], gaz: Gazetteer, name: str,
                countries: set[str] = frozenset(), tied: dict[tuple[int, int], str] | None = None,
                vetoed: dict[tuple[int, int], frozenset[str]] | None = None) -> list[Mention]:
    """Place-like names that matched nothing: reported, never guessed; a name a cue marks as a
    town, city or province that is a spelling variant of one such place in the article's
    countries is that place (:mod:`geo.places.spelling`), unless it is a reading the text measures away
    ("at Tasuj, north of Lake Urmia": not the Ţasūj far from the lake)."""
    spans = [(m.start, m.end) for m in found]
    out: list[Mention] = []
    for k in _UNRESOLVED_SCREEN.rows(sent.text.lower()):
        for m in UNRESOLVED_PATTERNS[k].finditer(text, sent.start, sent.end):
            s, e = m.span("name")
            phrase = m.group("name")
            groups = m.groupdict()
            if groups.pop("dateline", None) is not None and s != sent.start:
                continue
            if phrase.endswith(("'s", "’s")):
                continue  # "the last battle of Napoleon's campaign": whose, not where
            owner = None
            # "in Kolofata of Cameroon's Far North": a name, then "of" and the region or country it is in
            cut = next((i for i in (m.start() for m in re.finditer(" of ", phrase)) if any(
                f.start == s + i + 4 and f.place is not None and f.place.precision in ("region", "country") for f in found)), None)
            if cut is not None and not any(s < fe and fs < s + cut for fs, fe in spans):
                e, phrase = s + cut, phrase[:cut]
                if groups.get("core"):
                    groups["core"] = phrase
            if any(s < fe and fs < e for fs, fe in spans):
                # "Tajikistan's Sughd province": the name after a place's possessive
                own = POSSESSIVE.search(phrase)
                if own is None or any(s + own.end() < fe and fs < e for fs, fe in spans):
                    continue
                # "Saigon's Tan Son Nhut air base", "Yerevan's Freedom Square": in or near that town
                owner = next((f.place for f in found if f.start == s and f.place is not None
                              and f.place.precision in ("town", "district")), None)
                s, phrase = s + own.end(), phrase[own.end():]
                if groups.get("core"):
                    groups["core"] = groups["core"][own.end():] if len(groups["core"]) > own.end() else ""
                    if not groups["core"]:
                        continue
            if owner is None:
                # "Saigon's huge Tan Son Nhut air base": the town whose it is, a word or two before
                before = OWNER_BEFORE.search(text, max(sent.start, s - 40), s)
                owner = next((f.place for f in found if before and f.end == before.start() and f.place is not None
                              and f.place.precision in ("town", "district")), None)
            wds = norm(phrase)
            if not_a_name(phrase, gaz):
                continue
            if wds in ("st", "saint"):
                continue  # the abbreviation left of a saint's name ("St. Sebastian's Church"), no name of its own
            if " " not in wds and a_people(wds, gaz):
                continue  # "shooting at Croats and Muslims": a people, not a place
            if phrase.isupper() and len(phrase) <= 4:
                continue
            if MONTH_SHORT.fullmatch(phrase) and re.match(r"\.|\s+\d", text[e : e + 2]):
                continue  # "In Nov. 2014", "Sept 11": a month
            if gaz.holds_a_not_place(wds):
                continue
            of_name = OF_NAME_AFTER.match(text, e) if groups.get("after") else None
            if of_name and any(f.start == of_name.end() - 1 and f.place is not None and f.place.precision in ("town", "district", "site")
                               for f in found):
                continue  # "the Venetian city of Padua": what the town after "of" was ("the Lower Shabelle region of Somalia" is one)
            spans.append((s, e))
            cue = _AFTER.get((groups.get("after") or "").lower()) or _OF.get(groups.get("of") or "")
            if groups.get("after") is None and groups.get("of") is None and groups.get("core"):
                suffix = phrase[len(groups["core"]):].strip().lower()
                cue = "province" if _AFTER.get(suffix) == "province" else ""  # "X camp" is no town; "X province" a unit
            if cue in ("province", "town", "city") or set(groups) == {"name"}:
                # a cue, or only a locative ("in Ben Guerdane"): then the spelling must be closer
                place, why = (variant_of(gaz, groups["core"], cue, countries) if cue else
                              variant_of(gaz, phrase, "town", countries, LOCATIVE_SIMILARITY))
                if place is not None and place.key not in (vetoed or {}).get((s, e), ()):
                    out.append(Mention(name, s, e, phrase, sent, place, why, cue))
                    continue
            town, why = _namesake(gaz, groups.get("core"), phrase, countries)
            if town is None and owner is not None:
                town, why = owner, f"; placed near {owner.name} ({owner.key}), the town whose it is"
            if town is None:
                town, why = _host(text, e, sent, found, gaz)
            unknown = (tied or {}).get((s, e)) or "looks like a place name; no gazetteer entry"
            out.append(Mention(name, s, e, phrase, sent, None, unknown + why, near=town))
    return out


def _host(text: str, end: int, sent: Sentence, found: list[Mention], gaz: Gazetteer) -> tuple[Place | None, str]:
    """"Massereene army base in Antrim": the town, unit or region the text puts a site in, named right after it;
    "Batajnica military base 12 miles northwest of Belgrade": the point that distance and direction give."""
    for f in sorted(found, key=lambda f: f.start):
        if f.start < end or f.place is None:
            continue
        if f.place.precision not in HOST_PRECISIONS or f.start > sent.end:
            return None, ""
        if HOST_BETWEEN.fullmatch(text, end, f.start) or (
                COMMA.fullmatch(text, end, f.start) and f.place.precision == "town" and not LIST_GOES_ON.match(text, f.end)):
            # ("Pentonville Prison, London, at nine o'clock": the town after a comma, when no list goes on past it)
            return f.place, f"; placed near {f.place.name} ({f.place.key}), where the text puts it"
        if OFFSET_AFTER.fullmatch(text, end, f.start):
            there = offset_place(text, f, gaz)
            return there, f"; placed near {there.name} ({there.key}), where the text puts it"
        return None, ""
    return None, ""


def hosted_site(m: Mention) -> Place | None:
    """A site the gazetteer lacks, drawn near the place it is at or named after ("Massereene army base in
    Antrim"): the name's kind of installation, at that place's point, one step less exact and 10 km more
    uncertain.  None for a name that is no site, or one placed nowhere."""
    if m.place is not None or m.near is None:
        return None
    low = norm(m.text)
    kind = next((k for end, k in SITE_KINDS if low == end or low.endswith(" " + end)), None)
    if kind is None:
        return None
    host = m.near
    return Place(f"{host.key}/near/{'-'.join(low.split())}", m.text, kind, host.country, host.point,
                 Precision(host.precision).widened(), round(host.uncertainty_km + NEAR_KM, 1),
                 f"not in the gazetteer; placed near {host.name}, as the text says ({host.source})", admin1=host.admin1)


def _namesake(gaz: Gazetteer, core: str | None, phrase: str, countries: set[str]) -> tuple[Place | None, str]:
    """"Dantewada prison", "Inates military camp": a site the gazetteer lacks, named after a town of a
    country the article names (or after a great city, :func:`_towns`); the town (or the one spelt alike) it is at or near."""
    if not core:
        return _fort_of_a_city(gaz, phrase, countries) or _namesake_in_longer_name(gaz, phrase, countries)
    site = phrase[len(core):].strip().lower()
    if not countries and site not in NAMESAKE_SITES:
        return _namesake_in_longer_name(gaz, phrase, countries)
    if norm(core) in gaz.common:
        return None, ""  # "Grand Harbour", "Central Prison": a common word, not the town Grand
    if site in NAMESAKE_FEATURES:
        # "Logar Valley": the province (or else the town) of that name, in a country the article names
        units = {p.key: p for p in gaz.lookup(norm(core)) if p.precision in ("region", "town") and p.country in countries}
        best = sorted(units.values(), key=lambda p: (p.precision != "region", p.key))
        if len(best) == 1 or (best and best[0].precision == "region" and best[1].precision != "region"):
            return best[0], f"; placed near {best[0].name} ({best[0].key}), the unit of {best[0].country} it is named after"
        return None, ""
    if site not in NAMESAKE_SITES:
        return _namesake_in_longer_name(gaz, phrase, countries)
    # (in an article that names no country, only a great city: "the Gwalior Fort", :func:`_towns`)
    towns = _towns(gaz, core, countries)
    town = towns[0] if len(towns) == 1 else None if towns or not countries else variant_of(gaz, core, "town", countries)[0]
    return (town, _named_after(town)) if town is not None else _namesake_in_longer_name(gaz, phrase, countries)


FORT_CITY_POPULATION = 100_000  # "Fort Kumasi": named after a city this big, in a country the text names, it is there


def _fort_of_a_city(gaz: Gazetteer, phrase: str, countries: set[str]) -> tuple[Place, str] | None:
    """"Fort Kumasi": a fort or camp named after the one city of 100,000 people or more of that name in a country
    the article names is near it (not one named after a person who shares a small town's name: Fort Dearborn is
    no fort of Dearborn, Michigan)."""
    head, _, rest = phrase.partition(" ")
    if head.lower() not in FORT_WORDS or not rest:
        return None
    towns = [p for p in _towns(gaz, rest, countries) if p.population >= FORT_CITY_POPULATION and p.country in countries]
    return (towns[0], _named_after(towns[0])) if len(towns) == 1 else None


def _towns(gaz: Gazetteer, name: str, countries: set[str]) -> list[Place]:
    """The towns of that name in the article's countries; in an article that names none, or none of whose
    countries has one, a city of a million or more that has no namesake a tenth its size ("Brussels Zaventem
    airport")."""
    towns = list({p.key: p for p in gaz.lookup(norm(name)) if p.precision == "town"}.values())
    if countries and (there := [p for p in towns if p.country in countries]):
        return there
    # (none there: "the British ... captured the Gwalior Fort")
    big = max(towns, key=lambda p: p.population, default=None)
    return [big] if big is not None and big.population >= 1_000_000 and all(
        p is big or p.population * 10 < big.population for p in towns) else []


def _named_after(town: Place) -> str:
    return f"; placed near {town.name} ({town.key}), the town of {town.country} it is named after"


def _namesake_in_longer_name(gaz: Gazetteer, phrase: str, countries: set[str]) -> tuple[Place | None, str]:
    """"Chikurubi Maximum Security Prison", "Minsk Tractor Plant", "Brussels Zaventem airport": a site word
    ends the name and its first words are the one town of that name in a country the article names."""
    names = phrase.split()
    if len(names) < 3 or not (names[-1].lower() in NAMESAKE_SITES or " ".join(names[-2:]).lower() in NAMESAKE_SITES):
        return None, ""
    for n in range(len(names) - 2, 0, -1):
        head = " ".join(names[:n])
        if not head[:1].isupper():
            return None, ""
        towns = _towns(gaz, head, countries)
        if towns:
            return (towns[0], _named_after(towns[0])) if len(towns) == 1 else (None, "")
    return None, ""


def explain(article: Article, gaz: Gazetteer, name: str) -> list[Decision]:
    """The build's decisions about every span whose normalised text contains ``name``."""
    target = norm(name)
    decisions: list[Decision] = []
    find_mentions(article, gaz, decisions)
    return [d for d in decisions if target in norm(d.text)]
