"""Who did it, and to whom, for one event report: the parse's subject or agent and object of its trigger
(:func:`.roles.roles`), else of another trigger of its sentence, else the window rule (:func:`.actors.sides`)."""

from __future__ import annotations

import re

from ..text.lexicon import alternation, words
from ..text.calendar import NUMBER_WORDS
from ..text.parse import parse
from .actors import sides
from .report import Report
from .roles import ARMED_NOUNS, PRONOUNS, RELATIVES, SUBJECTS, named_subject, phrase_actors, roles, state_forces
from .triggers import NAMED_FIGHT, fallback, triggers

# A named event, not a side: "the Alma Massacre", "Battle of Jena-Auerstedt", "the Northern War"
TITLES = frozenset(w.lower() for w in words("person_titles"))  # "Chief": a title alone, no one named
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
    # (an event is no side: "The Battle of Lund (1676) and the Battle of Landskrona ...")
    attacker = [a for a in attacker if not NAMED_FIGHT.match(a.removeprefix("the ").removeprefix("The "))]
    if c.event_type == "shoot_down":
        attacker = [a for a in attacker if a not in hit]  # "Two Italian planes were shot down": whose was downed
    if hit:
        target = [t for t in hit if t not in attacker]
    return attacker, target


# "On May 15, they captured Alexandrapol": a pronoun right before the trigger, whose side the sentence before named
_PRONOUN = rf"(?:{alternation(PRONOUNS - {'it', 'we'})})\s+(?:(?:then|soon|finally|also|again|easily)\s+)?$"
PRONOUN_BEFORE = re.compile(rf"(?:^|[,;]\s*|\b(?:and|then|when|after)\s+){_PRONOUN}", re.I)
# ... or anywhere before it ("On July 7, 1266 he laid siege to Safed")
PRONOUN_SUBJECT = re.compile(rf"\b{_PRONOUN}", re.I)


# "the army", "the group": a side named by its bare noun
BARE_SIDE = re.compile(r"(?:[Tt]he |[Aa]n? )?(?P<noun>[a-z]+)")


def fuller_side(attacker: list[str], sentence: str) -> list[str]:
    """"... between the Jordanian army and the guerrillas ..., the army seized several strongholds": a side named by
    its bare noun is the one the sentence named in full before it."""
    bare = BARE_SIDE.fullmatch(attacker[0]) if len(attacker) == 1 else None
    if bare is None or bare["noun"] not in ARMED_NOUNS:
        return attacker
    before = sentence[: max(0, sentence.rfind(attacker[0]))]
    named = list(re.finditer(rf"\b(?:[Tt]he |[Aa]n? )?(?P<name>(?!(?:The|An?|This|That|These|Those) )(?:[A-Z][\w'’-]+ ){{1,3}}{bare['noun']})\b", before))
    if not named:
        return attacker
    phrase = named[-1]["name"]
    if phrase.split()[0].lower() in NUMBER_WORDS:
        return attacker  # ("Two rebel suicide bombers": how many, not whose)
    return [state_forces(phrase.split()[0]) or phrase]


def subject_before(sentences: list, c: Report, actors, not_attackers: set[str]) -> list[str]:
    """"In 1265 Baybars thought the time was right ... On July 7, 1266 he laid siege to Safed": for a pronoun that
    does the deed, the named subject of the nearest of the two sentences before (same section; never a place)."""
    for s in reversed(sentences[max(0, c.index - 2): c.index]):
        named = [a for a in main_subject(s.text, actors) if a not in not_attackers and not EVENT_NAME.search(a)
                 and a.lower() not in TITLES] if s.section == c.sentence.section else []
        if named:
            return named
    return []


def main_subject(sentence: str, actors) -> list[str]:
    """The side a sentence is about: the named subject of its main verb ("In 1265 Baybars thought the time was
    right ..."), for a pronoun after it ("On July 7, 1266 he laid siege to Safed"); none for a pronoun again."""
    doc = parse(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ in ("be", "occur", "happen") or root.lemma_ == "take" and any(
            c.lower_ == "place" for c in root.children):
        return []  # ("The Sack of Brescia took place ...", "The Drownings at Nantes were ...": what happened, not who)
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.lower_ in PRONOUNS | RELATIVES:
        return []
    return phrase_actors(subject, actors) or named_subject(subject)
