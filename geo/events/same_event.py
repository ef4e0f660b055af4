"""The one same-event rule: when two reports are one incident.

Two reports are one event when they are at the same place, of the same type
(or one says only that an installation was attacked and the other how: "Iran
targeted Al Udeid Air Base" and "Iranian missiles were fired at Al Udeid Air
Base"), and their date ranges overlap (an undated report is on or before the
day its text was written; across articles it joins only another undated one). Within an article,
a report of a place taken back ("recaptured", "re-taken": data/lexicon/again_words.tsv) is never one with a
report that tells of no taking back.
The rule is the same within an article (:func:`merge_within`) and across
articles (:mod:`geo.output.features`); the merged type is the more specific.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import REMOTE_EVENTS, DateRange, EventType, Incident
from ..places.geometry import within
from ..text.lexicon import alternation, words
from .where import city_state

AGAIN = re.compile(rf"(?<![\w-])(?:{alternation(words('again_words'))})(?![\w-])", re.I)  # a place taken back
FOLLOW_CHARS = 400  # how far after a report's sentence another of the same event may begin


def compatible_types(a: str, b: str) -> bool:
    return a == b or ({a, b} <= REMOTE_EVENTS and EventType.ATTACK_ON_INSTALLATION in {a, b})


def merged_type(a: str, b: str) -> str:
    """The more specific of two compatible types."""
    return b if a == EventType.ATTACK_ON_INSTALLATION else a


def dates_overlap(a: DateRange | None, b: DateRange | None) -> bool:
    return a is None or b is None or a.overlaps(b)


def _bounds(inc: Incident) -> tuple[str, str]:
    """The days an incident can be on, as ISO strings: an undated one is on or before its upper bound."""
    if inc.date is not None:
        return inc.date.iso()
    return "0000-01-01", inc.date_end or "9999-12-31"


@dataclass(frozen=True)
class EventKey:
    """What the same-event rule looks at in a report: small enough to send to another process."""

    place: str
    event_type: str
    first: str  # the first and last day the report can be on (ISO)
    last: str
    dated: bool
    article: str
    again: bool = False  # the report's sentence tells of a place taken back ("recaptured", "re-taken")


def event_key(inc: Incident, article: str = "") -> EventKey:
    first, last = _bounds(inc)
    return EventKey(inc.place.key, str(inc.event_type), first, last, inc.date is not None, article,
                    taken_back(inc.sentences[0].text) if inc.sentences else False)


@lru_cache(maxsize=4096)
def taken_back(sentence: str) -> bool:
    """Does the sentence tell of a place taken back?  (Asked of each pair of reports an article merges.)"""
    return AGAIN.search(sentence) is not None


def same_key(a: EventKey, b: EventKey) -> bool:
    """One event?  Across articles an undated report joins only another undated one: that it is the
    dated event of another article would be a guess (and would rename the incident when that article comes)."""
    if a.article != b.article and a.dated != b.dated:
        return False
    if a.article == b.article and a.again != b.again:
        return False  # ("... seized the town of Pirot ... the Servians recaptured Pirot"): told apart by the page
    return a.place == b.place and compatible_types(a.event_type, b.event_type) and a.first <= b.last and b.first <= a.last


def same_event(a: Incident, b: Incident, same_article: bool = True) -> bool:
    return same_key(event_key(a), event_key(b, "" if same_article else "another"))


def group_events(keys: list[tuple[int, EventKey]]) -> list[list[int]]:
    """Reports of one event, as lists of the positions given with the keys: each report joins the first
    group (in the order the groups began) whose first report it is one event with.  Only reports at one
    place can be one event, so each place is grouped on its own; the groups come in the order they began."""
    by_place: dict[str, list[tuple[int, EventKey]]] = {}
    for i, k in keys:
        by_place.setdefault(k.place, []).append((i, k))
    groups: list[list[int]] = []
    for reports in by_place.values():
        groups.extend(group_place(reports))
    return sorted(groups, key=lambda g: g[0])


def group_place(reports: list[tuple[int, EventKey]]) -> list[list[int]]:
    """:func:`group_events` for the reports of one place, in order."""
    heads: list[tuple[EventKey, list[int]]] = []
    for i, k in sorted(reports, key=lambda r: r[0]):
        for head, members in heads:
            if same_key(head, k):
                members.append(i)
                break
        else:
            heads.append((k, [i]))
    return [members for _, members in heads]


def merge_into_finer(incidents: list[Incident]) -> list[Incident]:
    """A report at a province and one of the same event at a place inside it, in the next sentences of
    the page ("Israeli strikes in Homs province ... the strikes hit the Tadmur and Tiyas airbases"),
    are one incident at the finer place; so too a report at a country as small as a town's surroundings and one
    at a place in it ("Bahrain ... confirmed the attack" and "the Juffair neighbourhood ... was targeted").
    (Reports only a larger country places never reach here.)"""
    out = list(incidents)
    for inc in incidents:
        if inc.place.precision != "region" and not (inc.place.precision == "country" and city_state(inc.place)):
            continue
        first = inc.sentences[0]
        finer = [o for o in out if o is not inc and o.place.precision != "region"
                 and compatible_types(o.event_type, inc.event_type) and dates_overlap(o.date, inc.date)
                 and o.sentences[0].section == first.section and 0 <= o.sentences[0].start - first.start
                 and o.sentences[0].start - first.end <= FOLLOW_CHARS
                 and (within(inc.place, o.place) or inc.place.precision == "country" and o.place.country == inc.place.country)]
        if not finer:
            continue
        out.remove(inc)
        for o in finer:
            _join(o, inc)
    return out


def merge_within(incidents: list[Incident]) -> list[Incident]:
    """Reports of one article about one event are one incident (sources, dates, actors, figures joined)."""
    out: list[Incident] = []
    for inc in incidents:
        twin = next((o for o in out if same_event(o, inc)), None)
        if twin is None:
            out.append(inc)
            continue
        _join(twin, inc)
    return out


def _join(twin: Incident, inc: Incident) -> None:
    """``inc``'s sources, dates, actors and figures added to ``twin``'s."""
    for s in inc.sentences:
        if s not in twin.sentences:
            twin.sentences.append(s)
    twin.sentences.sort(key=lambda s: s.start)
    twin.mentions.extend(m for m in inc.mentions if m not in twin.mentions)
    if twin.date is None and inc.date is not None or twin.date is not None and twin.date.precision == "year" \
            and inc.date is not None and inc.date.precision == "day" and twin.date.start <= inc.date.start <= twin.date.end:
        # (a day the text gives for an event it put only in the story's year: "capturing Messina ... Messina fell on
        # July 27, 1860")
        twin.date, twin.date_end = inc.date, inc.date_end
    twin.event_type = merged_type(twin.event_type, inc.event_type)
    for a in inc.actors:
        if a not in twin.actors:
            twin.actors.append(a)
    for a in inc.attacker:
        if a not in twin.attacker:
            twin.attacker.append(a)
    twin.fatalities = sorted(set(twin.fatalities) | set(inc.fatalities))
    twin.injuries = sorted(set(twin.injuries) | set(inc.injuries))
