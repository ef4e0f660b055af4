"""Actors: who the text names around an event, as attacker or target.

Aliases and canonical names are ``data/lexicon/actors.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..text.lexicon import LEXICON_DIR, rows

ACTOR_WINDOW = 100  # characters either side of the trigger in which actors count
SIDE_WINDOW = 60  # ... and in which they count as attacker (before) or target (after)


DEMONYMS = LEXICON_DIR.parent / "gazetteer" / "demonyms.tsv"
NOT_A_STATE = {"Kurdish"}  # a people, not a state's forces


@dataclass(frozen=True)
class Actor:
    alias: str
    name: str  # canonical
    group: str  # the map's colour group, or ""
    inter: str  # ACLED inter code, or ""
    source: str


@lru_cache(maxsize=4)
def actor_table(path: Path | None = None) -> tuple[Actor, ...]:
    """Every actor alias: the lexicon's rows, then each country's state forces made from its demonym."""
    folder = path.parent if path else LEXICON_DIR
    name = path.stem if path else "actors"
    listed = [Actor(*r) for r in rows(name, 5, folder)]
    taken = {a.alias.lower() for a in listed}
    words = [w for (w,) in rows("state_force_words", 1)]
    made: list[Actor] = []
    canon_of = {a.alias: a.name for a in listed}
    for demonym, country, table in _states():
        canon = state_forces_name(country, canon_of)
        src = f"state forces of {country} ({table}, data/lexicon/state_force_words.tsv)"
        for w in words:
            for alias in (f"{demonym} {w}", f"{country}'s {w}", f"{country}’s {w}"):
                if alias.lower() not in taken:
                    taken.add(alias.lower())
                    made.append(Actor(alias, canon, "", "1", src))
    return tuple(listed + made)


def state_forces_name(country: str, canon_of: dict[str, str] | None = None) -> str:
    """The canonical name of a country's state forces: the lexicon's own where it names the country as
    an actor ("Israel", "Iran", "United States"), else ACLED's "Military Forces of <country>"."""
    if canon_of is None:
        canon_of = {a.alias: a.name for a in actor_table()}
    return canon_of.get(country, f"Military Forces of {country}")


@lru_cache(maxsize=1)
def _forces() -> tuple[dict[str, str], dict[str, str]]:
    """(demonym -> its state's forces, country name -> the same), both lower case, from demonyms.tsv
    and former_states.tsv."""
    canon_of = {a.alias: a.name for a in actor_table()}
    by_demonym, by_country = {}, {}
    for d, c, _table in _states():
        by_demonym[d.lower()] = by_country[c.lower()] = state_forces_name(c, canon_of)
    return by_demonym, by_country


def _states() -> list[tuple[str, str, str]]:
    """(demonym, state, table) of today's countries (data/gazetteer/demonyms.tsv) and of former states
    (data/lexicon/former_states.tsv, whose demonyms make no country the text is about)."""
    today = [(d, c, "data/gazetteer/demonyms.tsv") for d, _iso, c in rows("demonyms", 3, DEMONYMS.parent)
             if d not in NOT_A_STATE and c]
    return today + [(d, c, "data/lexicon/former_states.tsv") for d, c, _source in rows("former_states", 3)]


def demonym_forces() -> dict[str, str]:
    """Demonym (lower case) -> its state's forces: "ethiopian" -> "Military Forces of Ethiopia"."""
    return _forces()[0]


def country_forces() -> dict[str, str]:
    """Country name as news writes it (lower case) -> its state's forces: the owner of an event
    ("Russia's drone attack")."""
    return _forces()[1]


def capitals_as_forces(incidents, mentions, gaz) -> None:
    """An attacker named by a capital the text names is its state's forces: the side a capital stands for when
    it acts ("Kiev attempted strikes with drones", "Moscow launched an offensive")."""
    forces: dict[str, str] = {}
    for m in mentions:
        if m.start == m.sentence.start and m.sentence.text[len(m.text) : len(m.text) + 2].strip()[:1] in (",", "(", "—", "–", "-"):
            continue  # "London, Jan. 3 — ...": the dateline, where the report was filed
        country = gaz.places.get(f"iso/{m.place.country}") if m.place is not None and m.place.key in gaz.capital_keys else None
        if country is not None and country.name.lower() in country_forces():
            forces[m.text] = country_forces()[country.name.lower()]
    for inc in incidents:
        inc.attacker = list(dict.fromkeys(forces.get(a, a) for a in inc.attacker))


def load_actors(path: Path | None = None) -> list[tuple[str, str]]:
    """(alias, canonical name), longest alias first."""
    return sorted(((a.alias, a.name) for a in actor_table(path)), key=lambda ac: -len(ac[0]))


@lru_cache(maxsize=4)
def actor_groups(path: Path | None = None) -> dict[str, str]:
    """Canonical name -> the map's colour group ("coalition", "iran_aligned"), where one is set."""
    return {a.name: a.group for a in actor_table(path) if a.group}


SPEECH_AFTER = re.compile(r"^(?:\s+\w+){0,2}\s+(?:said|says|told|reported|announced|stated|confirmed|claimed)\b", re.I)


WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=None)
def _first_word(alias: str) -> str:
    found = WORD.findall(alias.lower())
    return found[0] if found else ""


@lru_cache(maxsize=None)
def _alias_re(alias: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){re.escape(alias)}(?![\w])", re.I if alias.islower() else 0)


_INDEXES: dict[int, tuple[list, dict[str, list[int]]]] = {}


def _by_first_word(actors: list[tuple[str, str]]) -> dict[str, list[int]]:
    """The positions of the aliases in ``actors`` by their first word (built once per list)."""
    hit = _INDEXES.get(id(actors))
    if hit is None or hit[0] is not actors:
        index: dict[str, list[int]] = {}
        for i, (alias, _canon) in enumerate(actors):
            index.setdefault(_first_word(alias), []).append(i)
        hit = _INDEXES[id(actors)] = (actors, index)
    return hit[1]


def find_actors(text: str, actors: list[tuple[str, str]], window: tuple[int, int] | None = None) -> list[str]:
    """Canonical actor names in order of appearance, longest alias first.

    With ``window`` (start, end), only names inside it count.  A name that
    is the subject of a speech verb ("Iraq's military said") reports the
    event; it is not an actor in it.
    """
    inside = (lambda s, e: window[0] <= s and e <= window[1]) if window else None
    return _unique([canon for _, _, canon in actor_spans(text, actors, inside)])


SPELLED_OUT = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:of\s+(?:the\s+)?)?){2,6})\(([A-Z]{2,6})\)")


def actor_spans(text: str, actors: list[tuple[str, str]], keep=None) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of every actor named, in text order, longest alias first
    where names overlap, without those that report the event ("Iraq's military said").
    ``keep(start, end)`` chooses the spans that count before overlaps are settled."""
    taken: list[tuple[int, int, str]] = []
    low = text.lower()
    by_first = _by_first_word(actors)
    # "the Sudan Defense Force (SDF)": an acronym the text spells out itself is not the lexicon's other one
    spelled = {acronym: name.strip().lower() for name, acronym in SPELLED_OUT.findall(text)}
    # only the aliases whose first word is in the text, in the lexicon's order
    for i in sorted(i for w in set(WORD.findall(low)) for i in by_first.get(w, ())):
        alias, canon = actors[i]
        if alias.lower() not in low:
            continue
        for m in _alias_re(alias).finditer(text):
            if keep is not None and not keep(m.start(), m.end()):
                continue
            if SPEECH_AFTER.match(text[m.end() : m.end() + 40]):
                continue
            if alias in spelled and not any(a.lower() == spelled[alias] for a, c in actors if c == canon):
                continue
            if not any(s < m.end() and m.start() < e for s, e, _ in taken):
                taken.append((m.start(), m.end(), canon))
    return sorted(taken)


UNIDENTIFIED = re.compile(r"\b(?:unidentified|unknown (?:assailants|gunmen|attackers|drones?)|unclaimed|no group (?:has )?claimed)\b", re.I)


def sides(text: str, at: int, length: int, actors: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """(attacker, target) as the sentence names them around its trigger at ``at``.

    Before the trigger is the attacker ("Iran fired missiles at ..."), after it
    the target ("... at U.S. forces"), except after "by" ("hit by rockets
    fired by Kataib Hezbollah").  "Unidentified" when the text says so.
    """
    end = at + length
    # Before the trigger, or starting before it and running into it ("Russian missile strikes").
    before = _unique([c for _, _, c in actor_spans(text, actors, lambda s, e: max(0, at - SIDE_WINDOW) <= s < at and e <= end)])
    after_text = text[end : end + SIDE_WINDOW]
    attacker, target = list(before), []
    for a in find_actors(after_text, actors):
        by = re.search(r"\bby\s+(?:the\s+|a\s+|an\s+)?[^.]{0,20}?$", after_text[: _find(after_text, a, actors)])
        (attacker if by else target).append(a)
    if not attacker and UNIDENTIFIED.search(text):
        attacker = ["unidentified"]
    return _unique(attacker), _unique([t for t in target if t not in attacker])


def _find(text: str, canon: str, actors: list[tuple[str, str]]) -> int:
    low = text.lower()
    for alias, c in actors:
        if c == canon and alias.lower() in low:
            m = _alias_re(alias).search(text)
            if m:
                return m.start()
    return 0


def _unique(xs: list[str]) -> list[str]:
    return list(dict.fromkeys(xs))


PEOPLES_NOT_STATES = frozenset(w for (w,) in rows("peoples_not_states", 1))


def demonym_state(name: str) -> str:
    """The state's forces a people's name ("the Bulgarians", "the Japanese") goes with, else ''."""
    forces, w = demonym_forces(), name.lower().removeprefix("the ")
    # ("the Montenegrins", "the Israelis", "the Thais"; "the Frenchmen")
    return forces.get(w) or (w.endswith("s") and forces.get(w[:-1])) or (w.endswith("men") and forces.get(w[:-3])) or ""


def a_people(name: str) -> bool:
    """"the Croats", "the Indians": a people named as a side (a state's, or one of peoples_not_states.tsv)."""
    return bool(demonym_state(name)) or name.lower().removeprefix("the ") in PEOPLES_NOT_STATES


def people_at_war(name: str) -> str:
    """"the Bulgarians", "the Japanese" as the side of a fight, a raid or a siege: that state's forces (a
    crowd of them in a riot or a protest is kept by its own name; so are "the Indians" of the American frontier,
    data/lexicon/peoples_not_states.tsv)."""
    if name.lower().removeprefix("the ") in PEOPLES_NOT_STATES:
        return name
    return demonym_state(name) or name
