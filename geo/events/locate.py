"""Where an event happened, from the dependency parse of its sentence: which of the place spans the event
word's locative argument ("killed ... in Aziziyah") or, failing that, its own clause holds (scored on
``../shared/benchmarks/event_location.json`` by ``geo eval --corpus event_location``)."""

from __future__ import annotations

from ..places.candidates import CAPTURE_VERBS
from ..places.offsets import WITHIN_BEFORE
from ..text.parse import parse
from .heads import EVENT_NOUNS, WEAPONS, event_head
from .roles import LOCATIVE_PREPS
from .where import HINT_BEFORE, WAR_AFTER

CLAUSES = {"advcl", "ccomp", "relcl", "xcomp", "parataxis", "conj"}
# "in Ashmi in the western countryside of Kobane": a second locative that only says where the first place is
SURROUNDS = {"countryside", "outskirts", "suburbs", "suburb", "vicinity", "environs"}


def _counted_from(sentence: str, span: tuple[int, int]) -> bool:
    """Is the place a direction or a distance is counted from ("in Fallujah, 50 kilometers west of Baghdad"), which
    only says where another is (the incident rule's hints, geo.events.where)?"""
    return bool(HINT_BEFORE.search(sentence, max(0, span[0] - 30), span[0])
                or WITHIN_BEFORE.search(sentence, max(0, span[0] - 60), span[0]))


def _tokens(doc, span: tuple[int, int]):
    return [t for t in doc if t.idx < span[1] and t.idx + len(t.text) > span[0]]


def _top(doc, span: tuple[int, int]):
    """The token of a span that the rest of the sentence hangs it on."""
    toks = _tokens(doc, span)
    own = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in own or t.head.i == t.i), None)


def _innermost(doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The places of a locative that no other of them governs: "in the village of Ashmi in the countryside of
    Kobane, in northern Syria" is Ashmi (Kobane and Syria only say where Ashmi is)."""
    own = {s: {t.i for t in _tokens(doc, s)} for s in spans}
    tops = {s: _top(doc, s) for s in spans}
    for s, top in tops.items():
        if top is not None and top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ == "NOUN":
            own[s].add(top.head.head.i)  # "the village of Ashmi": the village is Ashmi
    out = []
    for s in spans:
        top = tops[s]
        governed = False
        peers = {s}  # the places listed with it ("the towns of Palmyra and Quaryatayn": both)
        t = top
        while t is not None and t.head.i != t.i:
            child, t = t, t.head
            if child.dep_ == "conj":
                peers |= {o for o in spans if t.i in own[o]}
            elif any(t.i in own[o] for o in spans if o not in peers):
                governed = True
                break
        if not governed and not (top is not None and top.dep_ == "poss" and len(spans) > 1):
            out.append(s)  # (nor the owner of another place: "in Iraq's northern city of Mosul")
    return out or spans


def locate(sentence: str, start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Which of the place spans (character offsets in ``sentence``) are where the event whose word is
    ``sentence[start:end]`` happened: those in its locative argument ("killed ... in Aziziyah"), else
    those in its own clause nearest to it; none when the parse gives it none."""
    spans = [s for s in spans if not WAR_AFTER.match(sentence, s[1])]  # "in the 1967 Mideast war": which war
    doc = parse(sentence)
    head = event_head(doc, start, end)
    if head is None or not spans:
        return []

    def inside(tok) -> list[tuple[int, int]]:
        lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
        return [s for s in spans if lo <= s[0] and s[1] <= hi]

    # The event word and what carries it: a verb, its auxiliary chain, or the noun it modifies.
    carriers = [head, *head.conjuncts]
    if head.dep_ in ("acl", "relcl", "amod") or head.pos_ != "VERB":
        carriers.append(head.head)
    if head.dep_ in ("xcomp", "conj") and head.head.pos_ == "VERB":
        carriers.append(head.head)
    found: list[tuple[int, int]] = []
    # the object of a verb of war whose object is a place (data/lexicon/capture_verbs.tsv): "captured Lubumbashi
    # in Shaba province" is at Lubumbashi, the locative only says where that is
    for c in carriers:
        if c.lower_ in CAPTURE_VERBS:
            for ch in c.children:
                if ch.dep_ == "dobj":
                    found += inside(ch)
    if found:
        return _innermost(doc, sorted(set(found)))
    for c in carriers:
        for ch in c.children:
            if ch.dep_ in ("prep", "agent") and ch.lower_ in LOCATIVE_PREPS or ch.dep_ == "npadvmod":
                if found and ch.i > 0 and doc[ch.i - 1].text == ",":
                    continue  # "killed in the village of Ashmi, in northern Syria": the second only says where the first is
                if found and any(g.dep_ == "pobj" and g.lower_ in SURROUNDS for g in ch.children):
                    continue  # "... in the western countryside of Kobane"
                found += inside(ch)
    if not found:
        # where the subject that is the event or its weapon was ("A car bomb in Hama province killed 34"), or the
        # event of a "when" clause that says how ("killed Sunday when a roadside bomb exploded near their patrol
        # in Diyala province")
        for c in carriers:
            for ch in c.children:
                if ch.dep_ in ("nsubj", "nsubjpass") and ch.lemma_.lower() in EVENT_NOUNS | WEAPONS or (
                        ch.dep_ == "advcl" and any(g.dep_ == "advmod" and g.lower_ == "when" for g in ch.children)):
                    for g in ch.children:
                        if g.dep_ == "prep" and g.lower_ in LOCATIVE_PREPS:
                            found += inside(g)
                elif ch.dep_ in ("agent", "prep") and ch.lower_ == "by":
                    # "killed ... by a roadside bomb in Khaldiyah": where the weapon or the event it was done by was
                    for o in ch.children:
                        if o.dep_ == "pobj" and o.lemma_.lower() in EVENT_NOUNS | WEAPONS:
                            found += [x for g in o.children if g.dep_ == "prep" and g.lower_ in LOCATIVE_PREPS
                                      for x in inside(g)]
    if not found:
        # a locative that opens the sentence frames it all ("In Vienna, some 200,000 people ... marched")
        root = next(t for t in doc if t.dep_ == "ROOT")
        for ch in root.children:
            if ch.dep_ == "prep" and ch.lower_ in LOCATIVE_PREPS and ch.i < root.i and ch.i <= 2:
                found += inside(ch)
    if len(found) > 1:
        found = [f for f in found if not _counted_from(sentence, f)] or found  # "in Fallujah, 50 km west of Baghdad"
    if found:
        return _innermost(doc, sorted(set(found)))
    # else: a place in the event word's own clause, nearest to it
    clause = {t.i for t in head.subtree} - {t.i for ch in head.children if ch.dep_ in CLAUSES for t in ch.subtree}
    # (not who did it or had it done: "Canada captured the silver", "Mexico's army has captured a man")
    clause -= {t.i for c in carriers for ch in c.children if ch.dep_ in ("nsubj", "nsubjpass") for t in ch.subtree}
    near = _innermost(doc, [s for s in spans if any(t.i in clause for t in _tokens(doc, s))])
    # (not a place a distance is counted from: "at a rally in Shopville, 70 miles south of Lexington")
    near = [f for f in near if not _counted_from(sentence, f)]
    if not near:
        return []
    first = min(near, key=lambda s: abs(s[0] - start))
    # ... with the places listed with it ("liberated the towns of Palmyra and Quaryatayn")
    tops = {s: _top(doc, s) for s in near}
    return sorted(s for s in near if s == first or tops[s] is not None and tops[first] is not None
                  and tops[first] in tops[s].conjuncts)
