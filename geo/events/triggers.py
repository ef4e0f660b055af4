"""Event words: which type of event a sentence reports, and where its trigger is.

The triggers are rows of ``data/lexicon/triggers.tsv`` (strongest first); the
types and their ACLED mapping are ``data/lexicon/event_types.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import INSTALLATION_KINDS, REMOTE_EVENTS, EventType, Mention, Sentence
from ..text.dates import CLAUSE_BREAK
from ..text.lexicon import LazyPattern, Narrowed, RowScreen, alternation, rows, words

# slug: (label, ACLED event_type, ACLED sub_event_type)
EVENT_TYPES = {EventType(slug): (label, acled, sub) for slug, label, acled, sub in rows("event_types", 4)}
TRIGGERS: list[tuple[str, LazyPattern]] = [(EventType(slug), LazyPattern(rx)) for slug, rx in rows("triggers", 2)]
# Rows of last resort, tried only when no trigger matches (data/lexicon/fallback_triggers.tsv).
FALLBACKS: list[tuple[str, LazyPattern]] = [(EventType(slug), LazyPattern(rx)) for slug, rx in rows("fallback_triggers", 2)]
# Deeds that are events of their own in another clause (data/lexicon/clause_deeds.tsv; geo.events.clauses).
CLAUSE_DEEDS: list[tuple[str, LazyPattern]] = [(EventType(slug), LazyPattern(rx)) for slug, rx in rows("clause_deeds", 2)]
# Most sentences hold no event word: one pass over the lower-cased sentence finds the literal words one of
# which each row needs (worked out from the rows: geo.text.lexicon.RowScreen), and only the rows whose word
# is there are searched, in their order.
_SCREEN = RowScreen([rx for _, rx in TRIGGERS + FALLBACKS + CLAUSE_DEEDS])
_FALLBACK_AT, _DEEDS_AT = len(TRIGGERS), len(TRIGGERS) + len(FALLBACKS)
_SLUGS = [slug for slug, _ in TRIGGERS + FALLBACKS + CLAUSE_DEEDS]


@lru_cache(maxsize=4096)
def _rows(text: str) -> tuple[tuple[tuple[str, re.Pattern[str] | Narrowed], ...], ...]:
    """The trigger, fallback and clause-deed rows that may match ``text``, each family in its order."""
    at = _SCREEN.narrowed(text.lower())  # (each row cut to the ways of matching the sentence may hold)
    return (tuple((_SLUGS[i], rx) for i, rx in at if i < _FALLBACK_AT),
            tuple((_SLUGS[i], rx) for i, rx in at if _FALLBACK_AT <= i < _DEEDS_AT),
            tuple((_SLUGS[i], rx) for i, rx in at if i >= _DEEDS_AT))


# A verb of attack with nothing more specific: an attack on an installation, when
# the sentence names one ("Iran targeted Al Udeid Air Base").
GENERIC_ATTACK = re.compile(rf"\b(?:{alternation(words('attack_verbs'))})\b", re.I)
WEAPON_WORDS = "|".join(f"{re.escape(w)}s?" for w in words("weapons"))
WEAPON = re.compile(rf"\b({WEAPON_WORDS})\b", re.I)
SEPARATE = re.compile(
    r"\b(?:separate(?:ly)?|elsewhere|another (?:\w+ )?(?:attack|strike|raid|incident|drone|rocket|missile)s?"
    r"|also (?:hit|struck|targeted|attacked|reported))\b", re.I)
# A word (or a semicolon) that begins another clause: data/lexicon/clause_joins.tsv
CLAUSE_JOIN = re.compile(rf"(?:,\s*|\s)(?:{alternation(words('clause_joins'))})\s|;", re.I)
# "the Battle of Landskrona", "the Siege of Candia": a fight named by its place (data/lexicon/fight_names.tsv)
NAMED_FIGHT = re.compile(rf"\b(?i:{alternation(words('fight_names'))})\s+of\s+(?:the\s+)?(?=[A-Z])")
# "overnight"; "an attack which ended early today": it began the evening before
OVERNIGHT = re.compile(r"\bovernight\b|\bended (?:early )?(?:today|this morning)\b", re.I)
FOREIGN_CLOCK = re.compile(rf"\b(?:{alternation(words('time_zones'))})\b")
BACKGROUND = re.compile(
    r"\b(?:(?:just |shortly |only )?(?:\w+ )?(?:days?|hours?|weeks?|months?) (?:after|before)"
    # (not "a skirmish four days before at Four Lakes": "before" with no event after it is "earlier")
    r"(?!\s*(?:[,.;:)]|(?:at|in|near|on|along|outside|with|when|and|but)\b))|in (?:response|retaliation) (?:to|for)"
    r"|responded with|to avenge)\b", re.I)
SAME_EVENT = re.compile(r"\bthe same (?:drone |air |missile |rocket )?(?:strike|attack|raid|bombing)\b", re.I)
# The next sentence refers back to the event: "the attack", "The rockets landed ...".
EVENT_ANAPHOR = re.compile(rf"\b(?:the|this|that) (?:[\w-]+ ){{0,2}}(?:{alternation(words('event_nouns'))})\b", re.I)
# ... or to where it happened ("Three rockets attacked the base on Sunday").
ANAPHOR = re.compile(EVENT_ANAPHOR.pattern + r"|\bthe (?:base|camp|airport|compound)\b", re.I)


@lru_cache(maxsize=1024)
def triggers(text: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """Every trigger in ``text``, in priority order, none overlapping a stronger one (an event sentence's
    are asked for by its main trigger and by its other clauses: found once)."""
    out: list[tuple[str, re.Match[str]]] = []
    for slug, rx in _rows(text)[0]:
        for m in rx.finditer(text):
            if not any(m.start() < o.end() and o.start() < m.end() for _, o in out):
                out.append((slug, m))
    return tuple(out)


@lru_cache(maxsize=1024)
def clause_triggers(text: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """:func:`triggers`, then the deeds of data/lexicon/clause_deeds.tsv where none of those is ("... captured
    Baturyn and massacred all its defenders": the capture is a clause of its own beside the massacre)."""
    out = list(triggers(text))
    for slug, rx in _rows(text)[2]:
        for m in rx.finditer(text):
            if not any(m.start() < o.end() and o.start() < m.end() for _, o in out):
                out.append((slug, m))
    return tuple(out)


def _first(rows: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> tuple[str, re.Match[str]] | None:
    """The first row that matches ``text``."""
    for slug, rx in rows:
        m = rx.search(text)
        if m:
            return slug, m
    return None


@lru_cache(maxsize=4096)
def trigger(text: str) -> tuple[str, re.Match[str]] | None:
    """The first trigger row (the strongest) that matches ``text``."""
    return _first(_rows(text)[0], text)


def fallback(text: str) -> tuple[str, re.Match[str]] | None:
    """A bare attack, shooting or gunfire with no more specific trigger: the first fallback row that matches."""
    return _first(_rows(text)[1], text)


def weapon_kinds(text: str) -> set[str]:
    """The kinds of weapon a sentence names ("rockets and drones": two)."""
    return {w.lower().rstrip("s") for w in WEAPON.findall(text)}


def trigger_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of the trigger at ``text[start:end]``: from just past the clause join before it (or the
    start) to the join after it (or the end)."""
    a = max((m.end() for m in CLAUSE_JOIN.finditer(text, 0, start)), default=0)
    after = CLAUSE_JOIN.search(text, end)
    return a, after.start() if after else len(text)


def clause_end(text: str, start: int, end: int) -> int | None:
    """Just past the first clause break in ``text[start:end]``, if there is one."""
    brk = CLAUSE_BREAK.search(text, start, end)
    return brk.end() if brk else None




_MODALS = alternation(w for w, kind in rows("unreal_words", 2) if kind == "modal")
_INTENTS = alternation(w for w, kind in rows("unreal_words", 2) if kind == "intent")
UNREAL = re.compile(rf"\b(?:(?:{_MODALS})\s+(?:not\s+)?(?:\w+ly\s+)?(?:be\s+|have\s+been\s+)?|(?:{_INTENTS})\s+to\s+)$", re.I)


def unreal(text: str, start: int) -> bool:
    """The trigger at ``start`` is of an event that has not happened: "or Budapest will be bombed",
    "threatened to bomb Kyiv" (data/lexicon/unreal_words.tsv)."""
    return bool(UNREAL.search(text, max(0, start - 40), start))


def weak(slug: str, tm: re.Match[str]) -> bool:
    """'killed' alone is a weak trigger: only places close to it count."""
    return slug == "targeted_killing" and not tm.group(0).lower().startswith("assassinat")


def main_trigger(sent: Sentence, hit: tuple[str, re.Match[str]], ms: list[Mention]) -> tuple[str, re.Match[str]]:
    """The trigger of the event the sentence reports.

    The strongest trigger, unless it sits in a clause about an earlier event:
    "Iran fired missiles at ... in Qatar ..., just days after the United States
    launched airstrikes" (the last trigger before that clause), "Days after
    Israeli airstrikes on Tehran, drones struck Camp Taji" (the first after
    it); or it comes after every place the sentence names ("killed in a rocket
    attack ... at K-1 ... Washington responded with air strikes": the last one
    before the places).  A bare "killed" never takes over from a weapon.
    """
    slug, tm = hit
    others = [(s2, m2) for s2, m2 in triggers(sent.text) if s2 != "other" and not (weak(s2, m2) and slug in REMOTE_EVENTS)]
    bg = BACKGROUND.search(sent.text, 0, tm.start())
    if bg:
        before = [h for h in others if h[1].end() <= bg.start()]
        if before:
            return max(before, key=lambda h: h[1].start())
        cut = clause_end(sent.text, bg.end(), len(sent.text))
        if cut is not None:
            after = [h for h in others if h[1].start() >= cut]
            if after:
                return min(after, key=lambda h: h[1].start())
    placed = [m.start - sent.start for m in ms if m.place]
    # "... bombarded El Fasher with a barrage of missiles": the instrument names the weapon of the verb before.
    instrument = tm.group(0).lower().startswith("with ")
    if placed and tm.start() > max(placed) and not instrument:
        before = [h for h in others if h[1].end() <= min(placed)]
        if before:
            return max(before, key=lambda h: h[1].start())
    return slug, tm


UNDERGONE = re.compile(r"(?:came|comes|come|coming)\s+under\b", re.I)
OF_A_PLACE = re.compile(r"\b(?:in|at|near|of|outside|inside)\s+(?:the\s+)?$", re.I)  # "a base in Djibo": where the subject is


def undergone(slug: str, tm: re.Match[str], places, at: int, text: str) -> str:
    """"Urfa came under attack": a town, the subject right before it (``at``: the offset of the trigger in
    ``text``), underwent fighting; an installation, or a noun for one ("An army base in Djibo came under attack"),
    an attack on it (the rows of data/lexicon/triggers.tsv give that)."""
    if slug == EventType.ATTACK_ON_INSTALLATION and UNDERGONE.match(tm.group(0)) and any(
            m is not None and p.precision in ("town", "district") and p.kind not in INSTALLATION_KINDS
            and 0 <= at - m.end <= 2 and not OF_A_PLACE.search(text, max(0, m.start - 12), m.start) for m, p, _ in places):
        return EventType.ARMED_CLASH
    return slug
