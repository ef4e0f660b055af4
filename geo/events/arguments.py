"""Events the parse finds and the trigger rows miss: a place that is the argument of a verb of war.

"Springfield was nearly destroyed, October 5th, and on the 19th he beset Hatfield": the place is the
verb's object (or its passive subject), or the object of a locative preposition on it ("the Moors were
defeated at Castillejos").  The verbs, their event types and the relations each allows are data
(data/lexicon/argument_verbs.tsv); a sentence is parsed only when it holds one of their forms and a place
no other report of the page holds.  An infinitive ("sent to occupy Ismailia") is a plan, not an event; a
place of the dateline is where the report was filed."""

from __future__ import annotations

import re

from ..model import Article, Mention, Precision, Sentence
from ..text.lexicon import RowScreen, alternation, mapping, rows, tagged, words
from ..text import dates
from ..text.parse import parse, parse_ahead
from .dating import resolve as resolve_date, writing_day, year_told
from .report import Report
from .triggers import BACKGROUND, clause_end, trigger_clause, unreal
from .where import contains, dateline

ARGUMENT_KM = 100.0  # a place vaguer than this (a big region, a sea) is no argument's place

_ROWS = rows("argument_verbs", 4)
# ... and those that make an event even on a page no trigger row reports one on ("Alfred defeated the Danes at Edington")
ALONE = frozenset(words("argument_verbs_alone"))
VERBS: dict[str, tuple[str, frozenset[str]]] = {}
for _lemma, _kind, _rel, _ in _ROWS:  # (a verb and its noun share a row's type: "capture")
    VERBS[_lemma] = (_kind, VERBS.get(_lemma, ("", frozenset()))[1] | frozenset(_rel.split(",")))
FORMS = re.compile(rf"\b(?:{alternation(f for *_, forms in _ROWS for f in forms.split(','))})\b", re.I)
# ... and any of them with armed men as its subject ("On this date German forces enter the Romanian capital of Bucharest")
ARMED = frozenset(words("combatant_words")) | frozenset(tagged("armed_nouns", "force"))
ARMED_RX = re.compile(rf"\b(?:{alternation(ARMED)})\b", re.I)
ALONE_FORMS = re.compile(rf"\b(?:{alternation(f for lemma, *_, forms in _ROWS if lemma in ALONE for f in forms.split(','))})\b", re.I)
LOCATES = re.compile(r"\s*(?:,\s*|(?:in|at|near|inside|outside|of)\s+(?:the\s+)?)")  # "the Moncada Barracks in Santiago"
HAPPENINGS = mapping("happening_nouns")
HAPPEN = {lemma: (beside, forms.split(",")) for lemma, beside, forms in rows("happening_verbs", 3)}
PARTICLES = {lemma: beside for lemma, (beside, _) in HAPPEN.items() if beside}
HAPPEN_FORMS = re.compile(rf"\b(?:{alternation(f for _, forms in HAPPEN.values() for f in forms)})\b", re.I)
LOCATIVES = frozenset(w for w in words("locative_prepositions") if " " not in w) | {"on", "inside"}
# "the town of Larne", "the outskirts of Kyiv": the word a name is "of", which the verb governs
HEADS = frozenset(w for w, where, _ in rows("place_cues", 3) if where == "of" and " " not in w) | frozenset(words("argument_heads"))
# "failed to take", "tried to storm": an attempt, an event (data/lexicon/unreal_words.tsv, tag attempt)
ATTEMPTS = frozenset(tagged("unreal_words", "attempt"))
# "could occupy", "would attack", "must capture": no event (the modals of data/lexicon/unreal_words.tsv)
MODALS = frozenset(tagged("unreal_words", "modal") + tagged("unreal_words", "ability"))


def _argument(tok):
    """The token a name stands for in its clause: the first of a list it is in, or the head it is "of" or "at"
    ("the castle at Píñar was taken")."""
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "at") and tok.head.head.lemma_.lower() in HEADS:
        tok = tok.head.head
        while tok.dep_ == "conj":
            tok = tok.head
    return tok


def _verb(tok):
    """(verb, relation) when the token is the object, passive subject or locative of a verb."""
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
        return tok.head, "object"
    if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.i and tok.doc[tok.head.i - 1].lower_ in ("along", "together"):
        # "took Hama, along with nearby Homs and Baalbek": more objects of the verb
        verb = tok.head.head.head if tok.head.head.lower_ == "along" else tok.head.head
        if verb.pos_ == "VERB" and any(c.dep_ == "dobj" for c in verb.children):
            return verb, "object"
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in LOCATIVES:
        head = tok.head.head
        if head.pos_ == "ADP" and head.dep_ == "prep" and head.head.pos_ == "VERB":
            head = head.head  # "On 20 July 1776 at Island Flats ..., the militia met": the verb of the phrase it is in
        if head.pos_ == "VERB":
            # ... or the verb of war coordinated with it ("... met and defeated the Indians")
            return next((c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB" and head.lemma_.lower() not in VERBS
                         and "at" in VERBS.get(c.lemma_.lower(), ("", frozenset()))[1]), head), "at"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return tok.head.head, "of"  # "ended with the fall of Sokhumi": the deed a noun names, and whom it befell
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
        return tok.head, "subject"  # "Reggio fell on the night of 20-21 August"
    return None, ""


def _armed_subject(verb) -> bool:
    """Are armed men the verb's subject ("German forces enter ...")?"""
    return any(c.dep_ == "nsubj" and c.lower_ in ARMED for c in verb.children)


def _happening(verb) -> str:
    """The type of the event a verb of happening has as its subject ("the incident took place", "there was
    heavy fighting"), or ""."""
    lemma = verb.lemma_.lower()
    if lemma not in HAPPEN or (lemma in PARTICLES and not any(c.lower_ == PARTICLES[lemma] for c in verb.children)):
        return ""  # ("took place", "broke out", "there was": only with the word that makes it a happening)
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") or (lemma == "be" and c.dep_ == "attr"):
            kind = HAPPENINGS.get(c.lemma_.lower(), "")
            if kind:
                return kind
    return ""


def _happened(verb) -> bool:
    """Not a plan, a possibility or a denial: no infinitive ("sent to occupy Ismailia", "expected to advance and
    capture Tainan"), modal ("could attack Kyiv") or negation ("did not take the town"), for the verb or the one it
    is coordinated with; nor a participle that only describes ("the provinces surrounding Manila")."""
    if verb.pos_ == "NOUN":
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return False
    while True:
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ATTEMPTS:
            return True  # "failed to take over its fortress", "tried to storm the town": an attempt is a fight
        if verb.dep_ == "xcomp" or any(c.dep_ == "neg" or c.dep_ in ("aux", "auxpass") and (c.lower_ == "to" or c.lower_ in MODALS)
                                       for c in verb.children):
            return False
        if verb.dep_ != "conj" or verb.head == verb:
            return True
        verb = verb.head


def _event_at(tok):
    """(noun, type) when the token is the place of an event noun ("The attack early on Monday in Boma", "the
    massacre at Goliad"), else None."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in LOCATIVES or prep.head.pos_ != "NOUN":
        return None
    kind = HAPPENINGS.get(prep.head.lemma_.lower(), "")
    return (prep.head, kind) if kind else None


def _date(article: Article, sent, i: int, r: Report, verb, same: Report | None) -> None:
    """The date of the verb's own clause ("Springfield was nearly destroyed, October 5th"); none when that clause
    counts from another day ("and a week later the raiders beset Worcester"); else the sentence's first report's
    (``same``), else the sentence's."""
    r.written = anchor = writing_day(article, sent.section)
    told = year_told(article, i, anchor)
    r.story_year = told if anchor is None else None
    a, b = trigger_clause(sent.text, verb.idx, verb.idx + len(verb.text))
    r.date, r.date_text = resolve_date(sent.text[a:b], anchor, told)
    if r.date is not None:
        return
    if dates.has_relative(sent.text[a:b]):
        r.relative = True
    elif same is not None:
        r.date, r.date_text, r.relative, r.story_year = same.date, same.date_text, same.relative, same.story_year
    else:
        r.date, r.date_text = resolve_date(sent.text, anchor, told)


# "... defended it on May 13": a verb of war whose object is a pronoun (data/lexicon/place_pronouns.tsv)
PRONOUNS = frozenset(words("place_pronouns"))
PRONOUN_OBJECT = re.compile(rf"\b(?:{alternation(f for *_, forms in _ROWS for f in forms.split(','))})\s+(?:{alternation(PRONOUNS)})\b", re.I)
_PRONOUN_SCREEN = RowScreen([PRONOUN_OBJECT])  # (the words every match of it needs, looked for first)


def pronoun_reports(article: Article, mentions: list[Mention], reports: list[Report]) -> list[Report]:
    """"William Eaton ... captured Derna on April 27, 1805, and successfully defended it on May 13", "the troops rampaged
    through the town and razed it": a verb of war whose object is a pronoun is an event of the verb's type, on the day
    of its own clause, at the last town or site named before the pronoun (in its sentence, or else in the one before)
    that a report of the page already holds; only on a page that reports events by their trigger words."""
    held = {p.key for r in reports for _, p, _ in r.places}
    out: list[Report] = []
    for i, sent in enumerate(article.sentences if held else ()):
        if not _PRONOUN_SCREEN.rows(sent.text.lower()) or not PRONOUN_OBJECT.search(sent.text):
            continue
        before = sent.start if i == 0 or article.sentences[i - 1].section != sent.section else article.sentences[i - 1].start
        named = [m for m in mentions if m.place is not None and before <= m.sentence.start <= sent.start]
        if not any(m.place.key in held for m in named):
            continue  # (no town a report holds to stand for: the sentence is not parsed)
        for tok in parse(sent.text):
            if tok.lower_ not in PRONOUNS or tok.dep_ != "dobj" or tok.head.pos_ != "VERB":
                continue
            verb = tok.head
            kind, allowed = VERBS.get(verb.lemma_.lower(), ("", frozenset()))
            if "object" not in allowed or not _happened(verb) or unreal(sent.text, verb.idx) or any(
                    r.index == i and r.trigger_at <= sent.start + verb.idx < r.trigger_at + len(r.trigger) for r in reports):
                continue  # ("when crowds stormed it": the verb of a report of its own)
            last = max((m for m in named if m.start < sent.start + tok.idx), key=lambda m: m.start, default=None)
            if last is None or last.place.key not in held or Precision(last.place.precision).rank > Precision.TOWN.rank:
                continue
            r = Report(sent, i, kind, verb.text, sent.start + verb.idx, [(last, last.place, False)])
            _date(article, sent, i, r, verb, None)
            out.append(r)
    return out


def argument_reports(article: Article, mentions: list[Mention], reports: list[Report]) -> list[Report]:
    """Reports of the places the parse makes arguments of a verb of war and no report holds (dated by
    :func:`_date`)."""
    # (on a page that reports no event by its trigger words, only a verb of war alone: "took" and "fire" say nothing)
    alone = not reports
    taken = {p.key for r in reports for _, p, _ in r.places}
    first: dict[int, Report] = {}
    for r in reports:
        first.setdefault(r.index, r)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        # (a site the gazetteer lacks counts at the place the text puts it in or names it after, "near")
        where = m.place or m.near
        if where is not None and where.precision != "country" and where.uncertainty_km < ARGUMENT_KM:
            by_sentence.setdefault(m.sentence.start, []).append(m)

    def worth(sent: Sentence) -> bool:
        """A place no report holds yet, and a verb of war (or of happening) for it."""
        return any((m.place or m.near).key not in taken for m in by_sentence.get(sent.start, ())) and bool(
            (ALONE_FORMS.search(sent.text) or FORMS.search(sent.text) and ARMED_RX.search(sent.text)) if alone
            else FORMS.search(sent.text) or HAPPEN_FORMS.search(sent.text))

    todo = [(i, sent) for i, sent in enumerate(article.sentences) if worth(sent)]
    parse_ahead(sent.text for _, sent in todo)  # (as the places are taken below, a few of them may go unasked)
    out: list[Report] = []
    for i, sent in todo:
        ms = [m for m in by_sentence.get(sent.start, []) if (m.place or m.near).key not in taken]
        if not ms:
            continue
        dl = dateline(article.text, sent)
        doc = parse(sent.text)
        for m in ms:
            where = m.place or m.near
            if where.key in taken or (dl and m.start < dl.end()):
                continue
            bg = BACKGROUND.search(article.text, sent.start, m.start)
            if bg and clause_end(article.text, bg.end(), m.start) is None:
                continue  # "Two days before the attack on Balad, rockets hit Camp Taji": an earlier matter
            if any(contains(where, p) or (o is not None and LOCATES.fullmatch(article.text, o.end, m.start))
                   for r in reports if r.index == i for o, p, _ in r.places):
                continue  # "attacked Harir Airport in Erbil Governorate": only says where the report's place is
            span = doc.char_span(m.start - sent.start, m.end - sent.start, alignment_mode="expand")
            if span is None:
                continue
            arg = _argument(span.root)
            verb, relation = _verb(arg)
            kind, allowed = VERBS.get(verb.lemma_.lower(), ("", frozenset())) if verb is not None else ("", frozenset())
            if relation == "at" and (what := _happening(verb)):
                kind, allowed = what, frozenset(("at",))  # "The battle occurred at a dam outside Calueque"
            elif verb is None and (what := _event_at(arg)):
                verb, relation, kind, allowed = what[0], "at", what[1], frozenset(("at",))  # "the attack on Monday in Boma"
            if relation not in allowed or not _happened(verb) or unreal(sent.text, verb.idx) or (
                    alone and verb.lemma_.lower() not in ALONE and not _armed_subject(verb)):
                continue  # ("sent to occupy Ismailia", "could attack Kyiv", "did not take the town": nothing happened)
            taken.add(where.key)
            r = Report(sent, i, kind, verb.text, sent.start + verb.idx, [(m, where, m.place is None)])
            _date(article, sent, i, r, verb, first.get(i))
            out.append(r)
    return out
