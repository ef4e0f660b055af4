"""Names in a sentence that may be places: gazetteer matches that survive the
person and organisation filters, with the cues around them.

Matching is longest-first over word n-grams of each sentence, after the same
normalisation as the gazetteer (see :mod:`geo.text.normalize`).  A candidate
span is dropped when it is part of an organisation or a person's name:

* it is listed in ``data/gazetteer/not_places.txt`` (Kataib Hezbollah, ...);
* it is followed by a word that makes it part of another name ("Chatham House", "the Heian period");
* it is glued to another capitalised name ("Vahid Salemi", "Muqtada al-Sadr").

The vocabulary is in ``data/lexicon/`` (org_words, place_cues, place_suffixes,
function_words, never_alone, verbs, person_titles, locatives).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..model import Place, Sentence
from ..text.calendar import MONTH_RE, MONTHS, NUMBER_WORDS
from ..text.lexicon import alternation, rows, tagged, words
from ..text.normalize import norm
from ..text.tokens import Token, gap, sentence_initial, title_case, tokenize
from .gazetteer import Gazetteer
from .name_keys import joined_syllables

ORG_WORDS = frozenset(words("org_words"))
# Words after (or one word before) a name that tell what kind of place it is; they join the span.
CUE_AFTER = {w: cue for w, where, cue in rows("place_cues", 3) if where == "after"}
CUE_BEFORE = {w: cue for w, where, cue in rows("place_cues", 3) if where == "before"}
# "the town of Kupiansk", "the port city of Kismayo": the cue stays outside the span.
CUE_OF = re.compile(r"\b(" + alternation(w for w, where, _ in rows("place_cues", 3) if where == "of") + r")\s+of\s+(?:the\s+)?$", re.I)
CUE_OF_WORDS = {w: cue for w, where, cue in rows("place_cues", 3) if where == "of"}
# "the Donetsk and Luhansk regions", "Kherson, Zaporizhzhia and Donetsk oblasts": a unit word in the plural after
# a list of names is each one's cue (it stays outside every span).
CUE_PLURAL = {w: cue for w, where, cue in rows("place_cues", 3) if where == "plural"}
_LISTED = r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?"
PLURAL_AFTER_LIST = re.compile(rf"(?:\s*,\s*{_LISTED})*\s*,?\s+(?:and|or|&)\s+{_LISTED}\s+(?i:({alternation(CUE_PLURAL)}))\b")
PLURAL_LAST = re.compile(rf"\s+(?i:({alternation(CUE_PLURAL)}))\b")
LISTED_BEFORE = re.compile(rf"{_LISTED}\s*,?\s+(?:and|or|&)\s+$")
# "Chiapas, Mexico's southernmost state,", "Kismayo, a port city in": the head of an appositive after the name,
# ending its phrase (not "Jackson, the city's mayor", "Aden, a town councillor", "Miller, a lobbyist for the city of").
CUE_APPOSITION = {w: cue for w, where, cue in rows("place_cues", 3) if where == "apposition"}
APPOSITION = re.compile(r",\s+(?:(?:a|an|the)\s+|[A-Z][\w'’-]*['’]s\s+)(?:(?!(?:for|of|in|on|at|to|with|from|by|and|or|the|a|an)\s)[\w-]+\s+){0,3}?(" + alternation(CUE_APPOSITION)
                        + r")(?=\s*[,.;:)—–]|\s+(?:of|in|on|at|near|that|which|where|with|held|controlled|bordering|some|about|\d))")
PLACE_SUFFIX = re.compile(f"(?i:{alternation(words('place_suffixes'))})\\b")
SUFFIX_WORDS = frozenset(w for w in words("place_suffixes") if " " not in w)  # "base" of "UN base", "Fiord" of "Narvik Fiord"
FUNCTION_WORDS = frozenset(words("function_words"))
NOT_NAMES = frozenset(words("not_names"))
NEVER_ALONE = frozenset(words("never_alone"))
NAME_PARTICLES = frozenset(words("name_particles"))
VESSEL_WORDS = frozenset(words("vessel_words"))  # "the cruiser Charleston": a ship
CODE_NAME_WORDS = frozenset(words("code_name_words"))
NEWS_AGENCIES = frozenset(words("news_agencies"))  # "NZPA-Reuter Peking": a credit before a dateline
OFFICE_TITLES = frozenset(words("office_titles"))  # "Malanville Mayor": the office of the place
NAMED_EVENTS = frozenset(words("named_events"))
POSSESSIVE_EVENTS = frozenset(words("possessive_events"))  # "Pontiac's War": a leader's
PLURALS = frozenset(words("plural_nouns"))  # "Seventy-nine ... men": counted nouns with no plural s
UNIT_WORDS = frozenset(words("unit_words")) | {"governorate", "province"}
LOCATIVE = frozenset(words("locatives"))
LOCATIVE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(LOCATIVE)) + r")\s+(?:the\s+)?"
                             rf"(?:(?:{alternation(words('present_day'))})\s+)?$", re.I)  # ("near present-day Shorter")
# "occupied Cabourg", "shelled the town of": a verb of war whose object is a place
CAPTURE_VERBS = frozenset(tagged("capture_verbs", "object"))


def after_capture_verb(before: str) -> bool:
    """Does ``before`` (the text just before a name) end with a verb of war, and perhaps "the"?"""
    last = before.rsplit(None, 2)[-2:]
    if last and last[-1].lower() == "the":
        last = last[:-1]
    return bool(last) and before[-1:].isspace() and last[-1].lower() in CAPTURE_VERBS
# "Arochukwu was captured on December 28": the passive subject of a verb of war, as much a place as its object
PASSIVE_CAPTURE_AFTER = re.compile(
    r"\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+|soon\s+|then\s+)?(?:"
    + alternation(sorted({w for w in CAPTURE_VERBS if w.endswith("ed")} | {"taken", "retaken", "re-taken", "overrun"})) + r")\b", re.I)
METONYM_VERB = re.compile(
    r"(?:'s|’s)?\s+(?:has\s+|have\s+|had\s+|also\s+|quickly\s+|later\s+)?(" + alternation(tagged("verbs", "metonym")) + r")\b"
)
# "the Duke of Cumberland", "Prince George of Hesse-Darmstadt": a person's title, not the place
PEERAGE = re.compile(r"\b(?:(?:" + alternation(tagged("peerage_titles", "alone")) + r")|(?:"
                     + alternation(tagged("peerage_titles", "named")) + r")\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
                     # ... or after the person's name and a comma: "Adolph, Landgrave of Hesse-Philippsthal"
                     + r"|[A-Z][\w'’-]+,\s+(?:" + alternation(set(tagged("peerage_titles", "named")) - set(tagged("peerage_titles", "ruler")))
                     + r"))\s+of\s+(?:[A-Z][\w'’]*-)?$")
# "Prince George of Hesse", "Prince Rupert of the Rhine": the title and name of a person, not the town so called
TITLED_OF = re.compile(r"(?:" + alternation(tagged("peerage_titles", "named")) + r")\s")
OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# "St. Sebastian's Church", "St Mary's College": a saint a building is named after, not the town of that name
SAINTS_BUILDING = re.compile(r"['’]s\s+(?:Church|Cathedral|Basilica|Chapel|Abbey|Priory|Hospital|College|School|"
                             r"University|Academy|Convent|Monastery|Parish)\b")
# "revolutionaries led by General Emilio Aguinaldo", "under the command of Prince Eugene": who leads is a person
# (not "an offensive led by Moscow": a country or capital leading is its government)
LED_BY_BEFORE = re.compile(r"\b(?:(?:led|commanded|headed)\s+by|under\s+the\s+command\s+of)\s+$")
# How many words the cues after a name have, longest first (a cue is then one look-up per length).
CUE_LENGTHS = sorted({len(w.split()) for w in CUE_AFTER}, reverse=True)
CUE_MAX_WORDS = CUE_LENGTHS[0]
NOT_AFTER_NAME = {"the", "western", "eastern", "northern", "southern", "central"}
WATER = {"river", "lake", "canal"}  # "the Niger river" is not the country, written in lower case too


@dataclass
class Candidate:
    start_tok: int
    end_tok: int  # exclusive
    key: str
    places: list[Place]

    @cached_property
    def namesakes(self) -> frozenset[str]:
        """The keys of its readings, when none is a country's (a name that may be a country's is left to the
        rules for countries: "El Salvador", "Benin"); else none."""
        if any(pl.kind in ("country", "continent") for pl in self.places):
            return frozenset()
        return frozenset(pl.key for pl in self.places)


@dataclass
class Pending:
    """A gazetteer match that survived the person/organisation filters."""

    sent: Sentence
    cand: Candidate
    start: int
    end: int
    cue: str
    locative: bool  # after in/at/near/from ...
    initial: bool  # first word of the sentence
    followed_by_admin: bool  # "Alexandria, La." / "Springfield, Illinois"
    metonym: str = ""  # "Washington said", "Tehran denied": the verb that makes it one
    # (country, admin1 code) of the units named right after it ("Amambai, Mato Grosso do Sul"); "" for a country
    units_after: frozenset[tuple[str, str]] = frozenset()
    dateline: bool = False  # "GENEVA (Reuters) –": where the report was filed
    war_object: bool = False  # "occupied Cabourg", "shelled the town": the object of a verb of war


SYLLABLES = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)+")  # "Kiang-su", "Che-kiang" (not "Dar-es-Salaam" written so: found as is)


def find_candidates(tokens: list[Token], gaz: Gazetteer) -> list[Candidate]:
    """Longest-first matches of gazetteer names and not-place phrases."""
    out: list[Candidate] = []
    i = 0
    n = len(tokens)
    while i < n:
        hit = None
        starts = tokens[i].capitalised and (tokens[i].norm or (i + 1 < n and tokens[i + 1].norm))
        if starts:  # a capitalised word, or a capitalised article before one ("Al Udeid")
            parts: list[str] = []
            for j in range(i, min(n, i + gaz.max_tokens + 2)):
                if tokens[j].norm:
                    parts.append(tokens[j].norm)
                key = " ".join(parts)
                if j > i and tokens[j - 1].end < tokens[j].start - 2 and not (
                        tokens[j - 1].possessive and tokens[j - 1].end + 3 >= tokens[j].start
                        and (gaz.has(key) or gaz.has_prefix(key + " "))):
                    break  # punctuation between words ends a name (a possessive only one no name goes on past: "Cox’s Bazar")
                if not tokens[j].norm and j > i:
                    pass  # an article after a name starts the next one ("SAN SALVADOR, El Salvador"), it ends none
                elif key in gaz.not_places:
                    hit = Candidate(i, j + 1, key, [])
                elif gaz.has(key) or gaz.may_vary(key) and gaz.variant(key):
                    # as written, then its spelling variants ("Khmeimim", "Odesa" for Odessa oblast)
                    found = gaz.lookup_all(key)
                    if j > i and tokens[j].text in ("city", "town", "village"):
                        # a lower-case "city" names the place only when the words before it do ("Gaza city",
                        # "Ganja city"); "this Wisconsin city" is a description, not Port Washington
                        head = key.rsplit(" ", 1)[0]
                        alone = {p.key for p in gaz.lookup_all(head)} if gaz.has(head) else set()
                        found = [p for p in found if p.key in alone or norm(p.name).startswith(head)]
                    if found:
                        hit = Candidate(i, j + 1, key, found)
                elif j == i and SYLLABLES.fullmatch(tokens[i].text) and gaz.has(joined := tokens[i].norm.replace(" ", "")):
                    # "Kiang-su", "Che-kiang": an old romanisation's syllables joined by hyphens, written as one word
                    hit = Candidate(i, j + 1, joined, gaz.lookup_all(joined))
                if tokens[j].norm and not gaz.has_prefix(key + " ") and not gaz.has_variant_prefix(key):
                    break  # no longer name starts with these words
        hit = _split_syllables(tokens, i, hit, gaz) if starts else hit
        hit = _river_valley(tokens, i, hit, gaz) if starts else hit
        hit = _river_after_the(tokens, i, hit, gaz) if starts else hit
        if hit:
            out.append(hit)
            i = hit.end_tok
        else:
            i += 1
    return out


def _split_syllables(tokens: list[Token], i: int, hit: Candidate | None, gaz: Gazetteer) -> Candidate | None:
    """"The Foo Chow arsenal", "from Tien Tsin" (not the village Tien): a city written as one, its syllables apart
    (:func:`.name_keys.joined_syllables`)."""
    if hit is not None and hit.end_tok > i + 1 or i + 1 >= len(tokens) or tokens[i + 1].start != tokens[i].end + 1:
        return hit
    key, cities = joined_syllables(tokens[i].text, tokens[i + 1].text, gaz)
    return Candidate(i, i + 2, key, cities) if cities else hit


def _rivers(gaz: Gazetteer, names: list[str]) -> tuple[str, list[Place]]:
    """The gazetteer's rivers called "<names> River", and that key."""
    key = " ".join(names) + " river"
    return key, [pl for pl in gaz.lookup_all(key) if pl.kind == "river"] if gaz.has(key) else []


def _river_valley(tokens: list[Token], i: int, hit: Candidate | None, gaz: Gazetteer) -> Candidate | None:
    """"the Dniester Valley", "the Kurram valley": the valley of a river the gazetteer knows as "<name> River",
    and no valley of that name ("the Bekaa Valley" is one), is placed as that river, as exactly as it is."""
    for n in (2, 1):
        if i + n >= len(tokens) or tokens[i + n].norm != "valley" or tokens[i + n].start != tokens[i + n - 1].end + 1:
            continue
        names = [t.norm for t in tokens[i : i + n] if t.norm]
        if len(names) < n or not all(t.capitalised for t in tokens[i : i + n]) or (hit and hit.end_tok > i + n):
            continue
        key, rivers = _rivers(gaz, names)
        if rivers:
            return Candidate(i, i + n + 1, key, rivers)
    return hit


def _river_after_the(tokens: list[Token], i: int, hit: Candidate | None, gaz: Gazetteer) -> Candidate | None:
    """"on the Volga", "across the Sutlej": a river the gazetteer knows as "<name> River", after "the" (not a
    town Volga; not a country: "the Congo", "the Niger" are left to the rules for countries)."""
    if i == 0 or tokens[i - 1].text.lower() != "the":
        return hit
    if i < 2 or not tokens[i - 2].text.islower():
        return hit  # "The Iroquois attacked": a sentence's subject, a people more often than the river of that name
    for n in (2, 1):
        names = [t.norm for t in tokens[i : i + n] if t.norm]
        if len(names) < n or not all(t.capitalised for t in tokens[i : i + n]) or (hit and hit.end_tok > i + n):
            continue
        if n == 2 and tokens[i].end + 1 != tokens[i + 1].start:
            continue
        if (i + n < len(tokens) and tokens[i + n].capitalised and tokens[i + n].start == tokens[i + n - 1].end + 1
                or " ".join(names) in gaz.demonyms):
            continue  # "the Juba Massacre", "the Missouri State University", "the Canadian city": no river
        if i + n + 1 < len(tokens) and tokens[i + n].text.lower() == "of" and tokens[i + n + 1].capitalised:
            continue  # "the Massacre of Zutphen": a named event, no river
        key, rivers = _rivers(gaz, names)
        if rivers and not (hit and any(pl.kind in ("country", "continent") for pl in hit.places)):
            return Candidate(i, i + n, key, rivers)
    return hit


OF_NAME = re.compile(r"\s+of\s+[A-Z]")  # "... city of Arish"


def _cue_after(text: str, tokens: list[Token], j: int) -> tuple[str, int]:
    """A cue word right after token j-1: returns (cue, tokens consumed)."""
    lows = [t.text.lower() for t in tokens[j : j + CUE_MAX_WORDS]]
    for k in CUE_LENGTHS:  # longest first
        seg = tokens[j : j + k]
        words_ = " ".join(lows[:k]) if len(seg) == k else ""
        cue = CUE_AFTER.get(words_)
        if cue is not None:
            if all(gap(text, seg[x - 1] if x else tokens[j - 1], seg[x]).strip() in ("", "-") for x in range(k)):
                if cue in ("city", "town") and OF_NAME.match(text, seg[-1].end):
                    return "", 0  # "the North Sinai city of Arish": the cue word belongs to the name after it
                return cue, k
    return "", 0


def _plural_cue(text: str, start: int, end: int, sent: Sentence) -> str:
    """The cue of a unit word in the plural after the list a name is in ("the Donetsk and Luhansk regions"): the
    name before the list's last ("Donetsk") or the last ("Luhansk", after "and" and a name); else ''."""
    m = PLURAL_AFTER_LIST.match(text, end, sent.end)
    if m is None and LISTED_BEFORE.search(text, max(sent.start, start - 60), start):
        m = PLURAL_LAST.match(text, end, sent.end)
    return CUE_PLURAL[m.group(1).lower()] if m else ""


ORG_NAME = "part of a longer name before"  # the reason a name inside a person's or body's name is no place


def reject_reason(text: str, tokens: list[Token], c: Candidate, title_line: bool, gaz_demonyms=frozenset()) -> str:
    """Why a gazetteer match is not a place here ('' when it is one)."""
    if not c.places:
        return f"listed in not_places.txt as {c.key!r}"
    nxt = tokens[c.end_tok] if c.end_tok < len(tokens) else None
    prv = tokens[c.start_tok - 1] if c.start_tok > 0 else None
    if c.end_tok - c.start_tok == 1 and tokens[c.start_tok].norm in FUNCTION_WORDS and (
            c.start_tok == 0 or sentence_initial(text, tokens[c.start_tok])):
        return f"a function word opening a sentence ({tokens[c.start_tok].text!r} in 'On area taken over ...')"
    if nxt and nxt.text.lower() in ORG_WORDS and gap(text, tokens[c.end_tok - 1], nxt) == " " and not (
            nxt.text.lower() in ("center", "centre") and tokens[c.end_tok - 1].norm in ("city", "town")):  # "Kiev city center"
        return f"followed by {nxt.text!r}, part of another name (an organisation's or a time's)"
    if (
        nxt
        and (nxt.capitalised or nxt.text.lower() in WATER)
        and PLACE_SUFFIX.fullmatch(nxt.text)
        and nxt.text.lower() not in CUE_AFTER
        and gap(text, tokens[c.end_tok - 1], nxt) == " "
    ):
        return f"names a different place, {c.key} {nxt.text}"
    if (c.end_tok - c.start_tok == 2 and tokens[c.start_tok].norm in gaz_demonyms
            and tokens[c.end_tok - 1].norm in CUE_OF_WORDS and OF_NAME.match(text, tokens[c.end_tok - 1].end)):
        # "the Indian town of Khem Karan" (not the town a gazetteer calls "Indian Town")
        return f"a demonym and a cue word before the name ('the {tokens[c.start_tok].text} {tokens[c.end_tok - 1].text} of ...')"
    if c.key in gaz_demonyms and nxt and nxt.text[:1].islower() and gap(text, tokens[c.end_tok - 1], nxt) == " ":
        return f"the demonym {c.key!r} used as an adjective ({nxt.text!r} follows)"
    if nxt and nxt.text == "time" and gap(text, tokens[c.end_tok - 1], nxt) == " ":
        return "a time zone ('Moscow time'), not a place of the story"
    if text[tokens[c.end_tok - 1].end : tokens[c.end_tok - 1].end + 1] == "-" and c.key.endswith(" river") \
            and tokens[c.end_tok - 1].norm != "river":
        return "the head of a compound ('the Columbia-based firm'), not the river after 'the'"
    if re.match(r"-bound\b", text[tokens[c.end_tok - 1].end : tokens[c.end_tok - 1].end + 16]):
        return "the destination of a train or convoy ('Rawalpindi-bound'), not where the event is"
    if prv and prv.norm in CODE_NAME_WORDS and prv.capitalised and gap(text, prv, tokens[c.start_tok]) == " ":
        return f"a code name after {prv.text!r} ('Operation Rosario'), not a place"
    if prv and prv.text.lower() in VESSEL_WORDS and gap(text, prv, tokens[c.start_tok]).rstrip("“\"‘'") == " ":  # (USS “Philadelphia”)
        return f"a ship's name after {prv.text!r} ('the cruiser Charleston', 'HMS Ardent'), not a place"
    if title_line:
        return ""
    if (nxt and nxt.text.islower() and (nxt.text.endswith("s") and nxt.norm not in FUNCTION_WORDS or nxt.text in PLURALS)
            and all(w in NUMBER_WORDS for w in c.key.split())):
        return f"a number of {nxt.text} ('Seventy-nine officers'), not the town of that name"
    last = tokens[c.end_tok - 1]
    if (last.possessive and nxt and nxt.capitalised and nxt.norm in POSSESSIVE_EVENTS
            and not any(p.kind == "country" for p in c.places)):
        return f"a leader a war is named after ('{last.text} {nxt.text}'), not a town"
    if prv and _initial(text, tokens, c.start_tok - 1):
        return f"a surname after the initial {prv.text}. ('Nelson A. Miles', 'Fort C. F. Smith')"
    if (
        prv
        and prv.capitalised
        and prv.norm
        and prv.norm not in FUNCTION_WORDS
        and prv.norm not in gaz_demonyms  # "the Russian Saki air base": an adjective, not a first name
        and gap(text, prv, tokens[c.start_tok]) == " "
        and not CUE_BEFORE.get(prv.text.lower())
        and prv.text.lower() not in NOT_AFTER_NAME
        and not text[max(0, prv.start - 2) : prv.start].strip() in {".", "?", "!"}
        and not sentence_initial(text, prv)
        and prv.text not in NEWS_AGENCIES
        # "30th April Plymouth", "In February Spain sent more troops", "since March Kyiv": a date before the name
        and not (prv.norm in MONTHS and c.start_tok > 1 and (tokens[c.start_tok - 2].text[:1].isdigit()
                                                             or tokens[c.start_tok - 2].text[:1].islower()
                                                             or tokens[c.start_tok - 2].norm in FUNCTION_WORDS))
    ):
        return f"part of a longer name after {prv.text!r} (a person or organisation)"
    # "Minister Francisco de Vargas", "Luiz Inacio Lula da Silva": two capitalised words before the particle
    # (not "the central Plaza de Mayo", "the Stade de France")
    first, before = (tokens[c.start_tok - 3], tokens[c.start_tok - 2]) if c.start_tok > 2 else (None, None)
    if (prv and before and prv.text in NAME_PARTICLES and before.capitalised and first.capitalised
            and gap(text, prv, tokens[c.start_tok]) == " " and gap(text, before, prv) == " " and gap(text, first, before) == " "):
        return f"the end of a person's name after {first.text} {before.text} {prv.text!r}"
    if (
        nxt
        and nxt.capitalised
        and gap(text, tokens[c.end_tok - 1], nxt) == " "
        and nxt.norm not in FUNCTION_WORDS
        and nxt.norm not in NEVER_ALONE  # "Hodeida Saturday", "Baghdad March 3"
        and not (nxt.norm in MONTHS and c.end_tok + 1 < len(tokens) and tokens[c.end_tok + 1].text[:1].isdigit())  # "Kazakhstan Dec 19"
        and not (prv and prv.text in NEWS_AGENCIES)  # "NZPA-Reuter Peking Many of China's cities ...": a dateline
        and not PLACE_SUFFIX.fullmatch(nxt.text)
        and nxt.text.lower() not in UNIT_WORDS  # "Saravan County", "Dagestan Republic"
        and nxt.text not in OFFICE_TITLES
        and nxt.norm not in NAMED_EVENTS  # "the Juba Massacre": an event named after the place
    ):
        return f"{ORG_NAME} {nxt.text!r} (a person or organisation)"
    return ""


def _initial(text: str, tokens: list[Token], i: int) -> bool:
    """Token i is a person's initial: one capital and a full stop, after a space and a capitalised word or
    another initial ("Nelson A. Miles", "C. F. Smith"; not "U.S." or a sentence's last letter)."""
    t = tokens[i]
    if len(t.text) != 1 or not t.text.isupper() or text[t.end : t.end + 1] != "." or i == 0:
        return False
    p = tokens[i - 1]
    return text[p.end : t.start] in (" ", ". ") and p.capitalised and (text[p.end : t.start] == " " or len(p.text) == 1)


def pending_in_sentence(text: str, sent: Sentence, gaz: Gazetteer, rejected: list | None = None) -> list[Pending]:
    """The candidates of one sentence that may be places.  With ``rejected``,
    every match that is not one is appended to it as (start, end, key, places, reason)."""
    tokens = tokenize(text, sent.start, sent.end)
    title_line = title_case(tokens)
    out: list[Pending] = []
    for c in find_candidates(tokens, gaz):
        why = reject_reason(text, tokens, c, title_line, gaz.demonyms)
        if not why and PEERAGE.search(text, max(sent.start, tokens[c.start_tok].start - 40), tokens[c.start_tok].start):
            why = "a title of nobility ('the Duke of Cumberland') names a person"
        if not why and LED_BY_BEFORE.search(text, max(sent.start, tokens[c.start_tok].start - 30), tokens[c.start_tok].start) \
                and not any(p.kind == "country" or p.key in gaz.capital_keys for p in c.places):
            why = "who leads or commands ('led by General Emilio Aguinaldo') is a person"
        if not why and TITLED_OF.match(text, tokens[c.start_tok].start) and OF_AFTER.match(text, tokens[c.end_tok - 1].end):
            why = "a title and a name before 'of' ('Prince George of Hesse') name a person"
        if not why and c.key.split()[0] in ("st", "saint") and SAINTS_BUILDING.match(text, tokens[c.end_tok - 1].end):
            why = "a saint a building is named after ('St. Sebastian's Church'), not a town"
        if why:
            if rejected is not None:
                rejected.append((tokens[c.start_tok].start, tokens[c.end_tok - 1].end, c.key, c.places, f"not a place: {why}"))
            continue
        start_tok = c.start_tok
        cue, k = _cue_after(text, tokens, c.end_tok)
        prv = tokens[c.start_tok - 1] if c.start_tok > 0 else None
        if not cue and prv and prv.text.lower() in CUE_BEFORE and gap(text, prv, tokens[c.start_tok]) == " ":  # not "Camp-Est"
            cue = CUE_BEFORE[prv.text.lower()]
            start_tok -= 1
        before = text[max(sent.start, tokens[c.start_tok].start - 30) : tokens[c.start_tok].start]
        locative = bool(LOCATIVE_BEFORE.search(before)) or bool(
            SITE_OF.match(text, tokens[c.end_tok - 1].end, min(sent.end, tokens[c.end_tok - 1].end + 60)))
        if not locative and out and LIST_GAP.match(text[out[-1].end : tokens[c.start_tok].start]):
            # "in Osh, Jalalabad and Batken", "cities including Thessaloniki, Patra, Ioannina and Crete":
            # a name listed with places marked as such, or after two listed names, is one too.
            run = _list_run(text, out, tokens[c.start_tok].start)
            locative = out[-1].locative or run >= 2
        of = CUE_OF.search(before)
        if not cue and of:
            cue = CUE_OF_WORDS[of.group(1).lower()]
        if not cue:
            cue = _plural_cue(text, tokens[c.start_tok].start, tokens[c.end_tok - 1].end, sent)
        app = None if cue else APPOSITION.match(text, tokens[c.end_tok - 1].end, min(sent.end, tokens[c.end_tok - 1].end + 70))
        if app:
            cue = CUE_APPOSITION[app.group(1)]
        rule = gaz.rules.get(c.key)
        end_tok = c.end_tok - 1 + k
        after = text[tokens[end_tok].end : min(sent.end, tokens[end_tok].end + 40)]
        if rule == "locative" and not (
            re.search(r"\b(?:in|at|near|to|from|across|into|throughout|outside|within|inside|visit|visited|visiting)\s+(?:the\s+)?$", before, re.I)
            or re.match(r"\.?\s*(?:[,;:)]|$)|\.\s+[A-Z\"“]|\.?\s+(?:and|or|but|is|was|has|have|had|will|would|are|were|remains)\b", after)
        ) or rule == "after_comma" and not before.endswith(", ") or rule == "unit" and cue != "province" or rule == "code" and not text[
                tokens[c.start_tok].start : tokens[c.end_tok - 1].end].isupper():
            if rejected is not None:
                rejected.append((tokens[c.start_tok].start, tokens[c.end_tok - 1].end, c.key, c.places,
                                 "not a place: the alias needs a context it lacks (see aliases.tsv rules; 'unit': a unit word, geo.places.subdivisions)"))
            continue
        word = text[tokens[c.start_tok].start : tokens[c.end_tok - 1].end]
        dateline = False
        if not cue and (word.isupper() and len(word) > 3 and re.match(r"\s*(?:\(|,|—|–|-)", after)
                        or DASH_DATELINE.match(after)) and (
            c.start_tok == 0 or "\n" in text[max(sent.start, tokens[c.start_tok].start - 2) : tokens[c.start_tok].start]
        ):
            cue, dateline = "city", True  # a dateline: "WASHINGTON (AP) —", "Bentiu — "
        inside = IN_UNIT_AFTER.match(after)
        units = []
        if re.match(r",\s+[A-Z]", after):
            units = [p for p in _next_places(tokens, end_tok + 1, gaz) if p.kind in ("province", "governorate", "country")]
        elif inside:  # "stormed Damasak, in Borno state": the province it is in
            units = [p for p in _next_places(tokens, end_tok + 2 + bool(inside.group(1)) + bool(inside.group(2)), gaz) if p.kind in ("province", "governorate")]
        elif re.match(r"\s+of\s+[A-Z]", after):  # "the city of Barcelona of Venezuela": the country it is in
            units = [p for p in _next_places(tokens, end_tok + 2, gaz) if p.kind == "country"]
        if not units and c.start_tok > 0 and tokens[c.start_tok - 1].possessive:
            # "Nigeria's Damasak", "Borno state's Dikwa": the country or province whose it is
            for k in (3, 2, 1):
                if c.start_tok - k < 0 or (k > 1 and any(t.possessive for t in tokens[c.start_tok - k : c.start_tok - 1])):
                    continue
                owner = " ".join(t.norm for t in tokens[c.start_tok - k : c.start_tok])
                units = [p for p in gaz.lookup(owner) if p.kind in ("province", "governorate", "country") and norm(p.name) == owner]
                if units:
                    break
        followed = bool(units)
        mv = METONYM_VERB.match(after)
        out.append(
            Pending(sent, c, tokens[start_tok].start, tokens[end_tok].end, cue, locative,
                    c.start_tok == 0 or sentence_initial(text, tokens[c.start_tok]), followed,
                    mv.group(1) if mv and not locative else "",
                    frozenset((p.country, p.admin1 if p.kind != "country" else "") for p in units), dateline,
                    not locative and (after_capture_verb(before) or PASSIVE_CAPTURE_AFTER.match(after) is not None))
        )
    return out


# "Saigon's Tan Son Nhut air base", "Yerevan's Freedom Square": the owner of a named site is a place
SITE_OF = re.compile(rf"['’]s\s+(?:[A-Z][\w'’-]*\s+){{1,4}}(?i:{alternation(words('place_suffixes'))})\b")
# after a name that opens the text: "Bentiu — ", "Bentiu (Reuters) – ": the dateline's dash
DASH_DATELINE = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:—|–|--)\s"
                           # "Kilmallock, 29 May 1920 - ", "Asuncion, Paraguay, August 3: ": a dated one
                           rf"|(?:,\s+[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)?,\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RE}|{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
                           r"(?:,?\s+\d{4})?\.?\s*(?:\([^()]{1,40}\)\s*)?(?:—|–|--|-|:)\s")
IN_UNIT_AFTER = re.compile(r",?\s+in\s+(the\s+)?((?:(?:north|south)(?:east|west)?|east|west)(?:ern)?\s+|central\s+)?[A-Z]")  # "in northwest Guanacaste"
LIST_GAP = re.compile(r"^(?:,\s+|,?\s+(?:and|or)\s+)$")  # between the names of a list


def _list_run(text: str, out: list[Pending], start: int) -> int:
    """How many names of the sentence so far form one list ending right before ``start``."""
    n, at = 0, start
    for q in reversed(out):
        if not LIST_GAP.match(text[q.end : at]):
            break
        n, at = n + 1, q.start
    return n


def _next_places(tokens: list[Token], i: int, gaz: Gazetteer) -> list[Place]:
    for c in find_candidates(tokens[i : i + gaz.max_tokens], gaz):
        if c.start_tok == 0:
            return c.places
        break
    return []


def not_a_name(phrase: str, gaz: Gazetteer) -> bool:
    """A capitalised phrase the gazetteer did not match whose words name no place: a word of not_names.tsv alone or
    first, a not-place phrase, or a demonym first ("Iraqi troops")."""
    low = norm(phrase)
    first = low.split()[0] if low else ""
    return not low or low in NOT_NAMES or first in NOT_NAMES or low in gaz.not_places or first in gaz.demonyms
