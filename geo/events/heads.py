"""The head word of an event's trigger in the dependency parse, and the clause it is the verb of: the words
:mod:`.roles` reads the sides from and :mod:`.locate` the place, and by which :mod:`.clauses` tells two events
of one sentence apart."""

from __future__ import annotations

from ..text.lexicon import words
from ..text.parse import parse

WEAPONS = frozenset(words("weapons"))  # "drone" in "drone attack" says how, not who
EVENT_NOUNS = frozenset(words("event_nouns"))
# Nouns that name the event itself: its head in a trigger phrase ("assault on a ... army base").
EVENT_HEADS = EVENT_NOUNS | frozenset(words("event_heads"))


def event_head(doc, start: int, end: int):
    """The verb of the trigger span, else its last noun."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    verbs = [t for t in toks if t.pos_ == "VERB"]
    if verbs:
        return verbs[0]
    nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
    # "attack on an army base": the event noun, not its target
    events = [t for t in nouns if t.lemma_.lower() in EVENT_HEADS and t.lemma_.lower() not in WEAPONS]
    if events:
        return events[0]
    return nouns[-1] if nouns else (toks[0] if toks else None)


def verb_clause(sentence: str, start: int, end: int, other: tuple[int, int]) -> bool:
    """Is the trigger ``sentence[start:end]`` (or the verb its noun hangs from: "fired mortar shells") a finite verb
    of its own clause, another than the trigger's at ``other`` ("targeted a base ... and fired shells at")?"""
    doc = parse(sentence)
    verb, main = (clause_verb(event_head(doc, a, b)) for a, b in ((start, end), other))
    if verb is None or verb.tag_ not in ("VBD", "VBN", "VBZ", "VBP") and not (  # ("are driving the Germans from Rees")
            verb.tag_ == "VBG" and (any(c.dep_ == "aux" for c in verb.children)
                                    # ("retaliated by bombarding ... and by storming Zhenbao Island")
                                    or verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.dep_ == "conj")):
        return False
    return main is None or main.i != verb.i and (verb.dep_ in ("conj", "advcl", "ccomp") or main.dep_ in ("conj", "advcl")
                                                 or verb not in main.children and main not in verb.children)


def clause_verb(head):
    """The verb itself, or the one a weapon is the object of ("fired mortar shells"); an event noun
    ("raids on", "the fighting") is no clause of its own."""
    if head is None or head.pos_ == "VERB":
        return head
    return head.head if head.dep_ == "dobj" and head.lemma_.lower() in WEAPONS and head.head.pos_ == "VERB" else None


def governing_verb(noun):
    """The verb a noun phrase hangs from, through prepositions and nouns ("bombarded ... with a barrage
    of missiles"), at most four steps up."""
    t = noun
    for _ in range(4):
        if t.dep_ not in ("dobj", "pobj", "prep", "agent", "compound", "nsubjpass", "nsubj", "appos", "conj") or t.head == t:
            return None
        t = t.head
        if t.pos_ == "VERB":
            return t
    return None
