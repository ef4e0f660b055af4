"""Who did it, and to whom, for one event report: the parse's subject or agent and object of its trigger
(:func:`.roles.roles`), else of another trigger of its sentence, else the window rule (:func:`.actors.sides`)."""

from __future__ import annotations

import re

from ..text.lexicon import alternation, words
from .actors import sides
from .report import Report
from .roles import roles
from .triggers import fallback, triggers

# A named event, not a side: "the Alma Massacre", "Battle of Jena-Auerstedt", "the Northern War"
EVENT_NAME = re.compile(rf"\b(?:{alternation(set(words('event_nouns')) | set(words('named_events')) | {'war', 'wars'})})\b", re.I)


def first_side(sentence: str, main_at: int, actors, event_type: str) -> list[str]:
    """The attacker of the first of the sentence's triggers but its main one (at ``main_at``) whose parse names one
    (not a named event)."""
    spans = [m.span() for _, m in [*triggers(sentence), *filter(None, [fallback(sentence)])] if m.start() != main_at]
    for start, end in spans:
        found = [a for a in roles(sentence, start, end, actors, event_type)[0] if not EVENT_NAME.search(a)]
        if found:
            return found
    return []


def report_sides(c: Report, actors, not_attackers: set[str] = frozenset()) -> tuple[list[str], list[str]]:
    """(attacker, target) the report's own sentence names: the parse's subject or agent and object, else the
    window rule; none for a sentence that goes on about the event before (no trigger of its own)."""
    if not c.trigger:
        return [], []
    at = c.trigger_at - c.sentence.start
    attacker, target = sides(c.sentence.text, at, len(c.trigger), actors)
    by_parse, hit = roles(c.sentence.text, at, at + len(c.trigger), actors, c.event_type)
    by_parse = [a for a in by_parse or ([] if attacker else first_side(c.sentence.text, at, actors, c.event_type))
                if a not in not_attackers]  # (else another trigger's: "after a siege, Barcelona fell into the hands of ...")
    if by_parse:
        attacker = by_parse
    if c.event_type == "shoot_down":
        attacker = [a for a in attacker if a not in hit]  # "Two Italian planes were shot down": whose was downed
    if hit:
        target = [t for t in hit if t not in attacker]
    return attacker, target
