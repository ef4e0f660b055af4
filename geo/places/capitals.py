"""A capital the text names by its country: "Sudan's capital", "the capital of Somalia", "the Sudanese capital",
"protesters in the capital" (of the country most of the article's places lie in): the capital city GeoNames
gives, a mention of its own."""

from __future__ import annotations

import re
from collections import Counter

from ..model import Article, Mention
from ..text.lexicon import alternation, words
from .gazetteer import Gazetteer


# "Sudan's capital", but not "Iran's capital punishment", "Kenya's capital markets"
CAPITAL_AFTER = re.compile(rf"(?:'s|’s)\s+capital\b(?!\s+(?:{alternation(words('capital_not'))})\b)", re.I)
# (one word between: "the burned-out capital of Lesotho", but not "the commercial capital of Nigeria")
CAPITAL_BEFORE = re.compile(
    r"\bthe\s+(?!(?:economic|commercial|financial|cultural|religious|spiritual|provincial|regional|state|"
    r"administrative|former|old|ancient|de\s+facto|winter|summer)\b)(?:[\w-]+\s+)?capital\s+of\s+(?:the\s+)?$", re.I)


def named_capitals(article: Article, out: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """"Sudan's capital", "the capital of Somalia": the capital city (GeoNames), in place of the country."""
    text = article.text
    result = []
    for m in out:
        p = m.place
        cap = gaz.capitals.get(p.country) if p is not None and p.kind == "country" else None
        after = CAPITAL_AFTER.match(text, m.end)
        before = CAPITAL_BEFORE.search(text, max(m.sentence.start, m.start - 40), m.start)
        if cap and cap in gaz.places and (after or before):
            start, end = (m.start, after.end()) if after else (before.start(), m.end)
            reason = f"{m.text!r} + 'capital': {cap} (the capital GeoNames gives for {p.country})"
            result.append(Mention(m.article, start, end, text[start:end], m.sentence, gaz.places[cap], reason, "city"))
        else:
            result.append(m)
    return result


APPOSED = re.compile(r"\s*,\s*")  # between a place and "the capital" that names it ("Kaesong, the capital")


def apposed(text: str, out: list[Mention], start: int) -> bool:
    """Does a place and a comma come right before ``start`` ("Kaesong, the capital", "Magdala, the Abyssinian
    capital")? Then the capital is that place."""
    return any(m.place is not None and APPOSED.fullmatch(text, m.end, start) for m in out if m.end <= start)

# "the Sudanese capital", "the Ukrainian capital": the capital of the country of that demonym; not
# "the Tibetan capital, Lhasa" or "the Serbian capital Belgrade" (the city is named), "the Iraqi capital of Kurdistan".
# (what after "capital" says it is no national capital: "capital of Kurdistan", "capital punishment")
NOT_A_CAPITAL_AFTER = rf"(?!\s+(?:of\b|city\s+of\b|{alternation(words('capital_not'))}\b))"
DEMONYM_CAPITAL = re.compile(rf"\bthe\s+([A-Z][a-z]+)\s+capital\b{NOT_A_CAPITAL_AFTER}(?!,?\s+[A-Z])")
NOT_STATE_DEMONYMS = frozenset(words("demonym_not_capital"))


def demonym_capitals(article: Article, out: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """"the Sudanese capital": the capital (GeoNames) of the country the demonym names; not right after the place it
    names, the capital then ("Magdala, the Abyssinian capital", "Ayutthaya, the Siamese capital")."""
    hits = [h for h in DEMONYM_CAPITAL.finditer(article.text)
            if h.group(1).lower() not in NOT_STATE_DEMONYMS and gaz.demonyms.get(h.group(1).lower())]
    if not hits:
        return out
    spans = [(m.start, m.end) for m in out]
    added = []
    for h in hits:
        iso = gaz.demonyms[h.group(1).lower()]
        cap = gaz.capitals.get(iso)
        s, e = h.span()
        if not cap or cap not in gaz.places or any(a < e and s < b for a, b in spans):
            continue
        if apposed(article.text, out, s):
            continue
        sent = next((x for x in article.sentences if x.start <= s < x.end), None)
        if sent is None:
            continue
        why = f"{h.group(0)!r}: {cap} (the capital GeoNames gives for {iso}, the country of {h.group(1)!r})"
        added.append(Mention(article.name, s, e, article.text[s:e], sent, gaz.places[cap], why, "city"))
    return sorted(out + added, key=lambda m: (m.start, m.end)) if added else out


# A story only of years before this is not about today's capitals (GeoNames'): many were elsewhere then (Chang'an,
# Kyoto, St Petersburg, Constantinople before 1923; a bound, not a history: Brasília or Abuja came later still)
TODAYS_CAPITALS_SINCE = 1945

# "in the capital", "the country's capital": the capital of the country the article is about (not "its capital in Laguna")
BARE_CAPITAL = re.compile(
    rf"\b(?:the|its|the country['’]s|the nation['’]s)\s+capital\b{NOT_A_CAPITAL_AFTER}(?!(?:,?|\s+(?:in|at))\s+(?-i:[A-Z]))", re.I)


def bare_capitals(article: Article, out: list[Mention], gaz: Gazetteer, told: int | None = None) -> list[Mention]:
    """"protesters in the capital": the capital (GeoNames) of the one country most of the article's
    places lie in; nothing when two countries tie, or when the sentence names the capital itself
    ("the capital, Dushanbe"), or names another after it ("the capital Wad Madani": a state's); nothing either in a story
    ``told`` only of years before today's capitals."""
    if not BARE_CAPITAL.search(article.text):
        return out  # most articles: one search of the whole text, no sentence by sentence
    if told is not None and told < TODAYS_CAPITALS_SINCE:
        return out  # ("In June 756 ... the capital": Chang'an then, not today's Beijing)
    counts = Counter(m.place.country for m in out if m.place is not None and m.place.country)
    if not counts:
        return out
    (iso, n), *rest = counts.most_common(2)
    cap = gaz.capitals.get(iso)
    if (rest and rest[0][1] == n) or not cap or cap not in gaz.places:
        return out
    spans = [(m.start, m.end) for m in out]
    added = []
    for sent in article.sentences:
        if any(m.place is not None and m.place.key == cap and sent.start <= m.start < sent.end for m in out):
            continue
        for hit in BARE_CAPITAL.finditer(article.text, sent.start, sent.end):
            s, e = hit.start(), hit.end()
            if any(a < e and s < b for a, b in spans):
                continue
            if apposed(article.text, out, s):
                continue  # "approach Kaesong, the capital": the town before it is that capital
            why = f"{hit.group(0)!r}: {cap} (the capital GeoNames gives for {iso}, the country of most of the article's places)"
            added.append(Mention(article.name, s, e, article.text[s:e], sent, gaz.places[cap], why, "city"))
    return sorted(out + added, key=lambda m: (m.start, m.end)) if added else out
