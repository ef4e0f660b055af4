"""Stage 2b: find the places an article names and resolve each to one entry.

Matching is longest-first over word n-grams of each sentence, after the same
normalisation as the gazetteer (see :mod:`geo.normalize`).  A candidate span
is dropped when it is part of an organisation or a person's name:

* it is listed in ``data/gazetteer/not_places.txt`` (Kataib Hezbollah, ...);
* it is followed by an organisation word ("Chatham House", "New York Times");
* it is glued to another capitalised name ("Vahid Salemi", "Muqtada al-Sadr").

Resolution scores each candidate: curated sites first, then cues in the text
("province", "air base", "camp"), the countries the article is about, and
population.  Every decision keeps a human-readable ``reason``.

Names that look like places but match nothing ("Evin prison", "Camp X",
"Azadi Street") are returned as unresolved mentions (``place=None``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .gazetteer import BASE_KINDS, Gazetteer
from .model import Article, Mention, Place, Sentence
from .normalize import TOKEN_RE, norm, norm_token

ORG_WORDS = {
    "house", "group", "times", "post", "news", "radio", "international", "institute", "university",
    "forces", "force", "corps", "brigades", "brigade", "party", "movement", "council", "ministry",
    "agency", "company", "media", "press", "network", "television", "tv", "airlines", "airways",
    "daily", "herald", "journal", "tribune", "gazette", "club", "fc", "bank", "foundation", "center",
    "centre", "committee", "declaration", "accord", "accords", "agreement", "summit", "conference",
    "protocol", "process", "format", "doctrine", "talks", "pact", "treaty", "college", "school",
    "hospital", "hotel", "stadium", "review", "magazine", "observer", "telegraph", "guardian", "star",
    "sun", "mail", "express", "chronicle", "standard", "monitor", "watch", "fund", "trust", "authority",
}
# Words after a name that tell what kind of place it is; they join the span.
CUE_AFTER = {
    "air base": "air base", "airbase": "air base", "base": "base", "military base": "base",
    "army base": "base", "airfield": "air base", "air field": "air base", "airport": "airport",
    "camp": "camp", "province": "province", "governorate": "province", "region": "province",
    "district": "district", "city": "city", "town": "town", "village": "town",
    "border crossing": "crossing", "crossing": "crossing", "nuclear site": "nuclear",
    "nuclear facility": "nuclear", "nuclear plant": "nuclear", "area": "area",
}
CUE_BEFORE = {"camp": "camp", "fort": "base", "city of": "city", "town of": "town", "province of": "province"}
PLACE_SUFFIX = re.compile(
    r"(?i:air ?base|base|camp|province|governorate|district|square|street|prison|cemetery|"
    r"neighbou?rhood|border crossing|crossing|airport|airfield|refinery|port|barracks|compound|"
    r"palace|bridge|dam|oil field|gas field|strip|valley|mountains?)\b"
)
NAME = r"[A-Z][\w'’ʿ-]+(?:\s+(?:al-|al |el-|as-|ash-|ad-|an-|ar-|at-|az-|e-|bin |ibn |of |de )?[A-Z][\w'’ʿ-]+){0,3}"
UNRESOLVED_PATTERNS = [
    re.compile(rf"\b(?P<name>(?:Camp|Fort|Forward Operating Base|FOB)\s+{NAME})"),
    re.compile(rf"\b(?P<name>{NAME}\s+{PLACE_SUFFIX.pattern})"),
    re.compile(rf"\b(?:in|near|at|outside|into|toward|towards) (?P<name>{NAME})"),
]
NOT_NAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "an", "a",
    "parliament", "congress", "government", "washington said", "islam", "god", "christmas", "ramadan",
    "middle east", "west", "east", "north", "south", "gulf", "arab", "arabs", "europe", "africa", "asia",
    "western", "eastern", "northern", "southern", "president", "prime minister", "state", "states",
}
FUNCTION_WORDS = {
    "in", "on", "at", "of", "to", "for", "from", "by", "with", "and", "or", "the", "a", "an", "near",
    "into", "across", "over", "under", "between", "against", "toward", "towards", "outside", "inside",
    "around", "north", "south", "east", "west", "western", "eastern", "northern", "southern", "central",
    "downtown", "said", "says", "told", "as", "than", "like", "via", "both", "but", "while", "when",
}


@dataclass(frozen=True)
class Token:
    start: int
    end: int  # excludes a trailing possessive 's
    text: str
    norm: str

    @property
    def capitalised(self) -> bool:
        body = re.sub(r"^(?:al|el|ar|as|ash|ad|an|at|az)-", "", self.text, flags=re.I)
        return body[:1].isupper()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    out = []
    for m in TOKEN_RE.finditer(text, start, end):
        tok = m.group(0)
        stop = m.end()
        pm = re.search(r"[’'‘]s$", tok)
        if pm:
            stop -= len(pm.group(0))
        out.append(Token(m.start(), stop, text[m.start() : stop], norm_token(tok)))
    return out


def _title_case(tokens: list[Token]) -> bool:
    long = [t for t in tokens if len(t.text) > 3]
    return len(long) >= 3 and sum(t.capitalised for t in long) / len(long) > 0.75


@dataclass
class Candidate:
    start_tok: int
    end_tok: int  # exclusive
    key: str
    places: list[Place]
    cue: str = ""


def find_candidates(tokens: list[Token], gaz: Gazetteer) -> list[Candidate]:
    """Longest-first matches of gazetteer names and not-place phrases."""
    out: list[Candidate] = []
    i = 0
    n = len(tokens)
    while i < n:
        hit = None
        if tokens[i].norm and tokens[i].capitalised:
            parts: list[str] = []
            for j in range(i, min(n, i + gaz.max_tokens + 2)):
                if tokens[j].norm:
                    parts.append(tokens[j].norm)
                key = " ".join(parts)
                if j > i and tokens[j - 1].end < tokens[j].start - 2:
                    break  # punctuation between words ends a name
                if key in gaz.not_places:
                    hit = Candidate(i, j + 1, key, [])
                elif key in gaz.index:
                    hit = Candidate(i, j + 1, key, gaz.lookup(key))
        if hit:
            out.append(hit)
            i = hit.end_tok
        else:
            i += 1
    return out


def _gap(text: str, a: Token, b: Token) -> str:
    return text[a.end : b.start]


def _cue_after(text: str, tokens: list[Token], j: int) -> tuple[str, int]:
    """A cue word right after token j-1: returns (cue, tokens consumed)."""
    for words, cue in sorted(CUE_AFTER.items(), key=lambda kv: -len(kv[0].split())):
        k = len(words.split())
        seg = tokens[j : j + k]
        if len(seg) == k and " ".join(t.text.lower() for t in seg) == words:
            if all(_gap(text, seg[x - 1] if x else tokens[j - 1], seg[x]).strip() in ("", "-") for x in range(k)):
                return cue, k
    return "", 0


def _reject_reason(text: str, tokens: list[Token], c: Candidate, title_line: bool) -> str:
    """Why a gazetteer match is not a place here ('' when it is one)."""
    if not c.places:
        return f"listed in not_places.txt as {c.key!r}"
    nxt = tokens[c.end_tok] if c.end_tok < len(tokens) else None
    prv = tokens[c.start_tok - 1] if c.start_tok > 0 else None
    if nxt and nxt.text.lower() in ORG_WORDS and _gap(text, tokens[c.end_tok - 1], nxt) == " ":
        return f"followed by organisation word {nxt.text!r}"
    if (
        nxt
        and nxt.capitalised
        and PLACE_SUFFIX.fullmatch(nxt.text)
        and nxt.text.lower() not in CUE_AFTER
        and _gap(text, tokens[c.end_tok - 1], nxt) == " "
    ):
        return f"names a different place, {c.key} {nxt.text}"
    if title_line:
        return ""
    if (
        prv
        and prv.capitalised
        and prv.norm not in FUNCTION_WORDS
        and _gap(text, prv, tokens[c.start_tok]) == " "
        and not CUE_BEFORE.get(prv.text.lower())
        and prv.text.lower() not in {"the", "western", "eastern", "northern", "southern", "central"}
        and not text[max(0, prv.start - 2) : prv.start].strip() in {".", "?", "!"}
        and not _sentence_initial(text, prv)
    ):
        return f"part of a longer name after {prv.text!r} (a person or organisation)"
    if (
        nxt
        and nxt.capitalised
        and _gap(text, tokens[c.end_tok - 1], nxt) == " "
        and nxt.norm not in FUNCTION_WORDS
        and not PLACE_SUFFIX.fullmatch(nxt.text)
        and nxt.text.lower() not in {"governorate", "province"}
    ):
        return f"part of a longer name before {nxt.text!r} (a person or organisation)"
    return ""


def _sentence_initial(text: str, tok: Token) -> bool:
    before = text[max(0, tok.start - 3) : tok.start]
    return tok.start == 0 or before.strip() == "" and "\n" in before or before.rstrip()[-1:] in {".", "?", "!", "“", '"', "'", "‘"}


def score(place: Place, cue: str, focus: Counter) -> float:
    s = 0.0
    if place.key.startswith("site/"):
        s += 60
    if place.kind == "country":
        s += 45
    if cue in ("province",) and place.kind in ("governorate", "province"):
        s += 80
    if cue in ("base", "air base", "camp") and (place.kind in BASE_KINDS or place.key.startswith("site/")):
        s += 80
    if cue == "nuclear" and place.kind == "nuclear_site":
        s += 80
    if cue in ("city", "town") and place.key.startswith("gn/"):
        s += 40
    if place.kind in ("governorate", "province") and cue != "province":
        s += 5
    s += 4 * math.log10(place.population + 1)
    if place.country and focus:
        s += 25 * focus[place.country] / max(focus.values())
    return s


def article_focus(article: Article, gaz: Gazetteer) -> Counter:
    """How often each country is named, to favour candidates in those countries."""
    focus: Counter = Counter()
    for sent in article.sentences:
        for c in find_candidates(tokenize(article.text, sent.start, sent.end), gaz):
            for p in c.places:
                if p.kind == "country":
                    focus[p.country] += 1
    return focus


def mentions_in_sentence(text: str, sent: Sentence, gaz: Gazetteer, focus: Counter, name: str) -> list[Mention]:
    tokens = tokenize(text, sent.start, sent.end)
    title_line = _title_case(tokens)
    out: list[Mention] = []
    for c in find_candidates(tokens, gaz):
        start_tok = c.start_tok
        why_not = _reject_reason(text, tokens, c, title_line)
        if why_not:
            continue
        cue, k = _cue_after(text, tokens, c.end_tok)
        prv = tokens[c.start_tok - 1] if c.start_tok > 0 else None
        if not cue and prv and prv.text.lower() in CUE_BEFORE:
            cue = CUE_BEFORE[prv.text.lower()]
            start_tok -= 1
        ranked = sorted(c.places, key=lambda p: (-score(p, cue, focus), p.key))
        best = ranked[0]
        if c.key in gaz.common and not cue and not (
            best.kind in ("country", "governorate", "province") or best.key.startswith("site/")
            or (best.population >= 100000 and not _sentence_initial(text, tokens[c.start_tok]))
        ):
            continue  # a common English word ("The", "Most", "Hit") with nothing saying it is a place
        end = tokens[c.end_tok - 1 + k].end
        start = tokens[start_tok].start
        others = ", ".join(f"{p.key} {score(p, cue, focus):.0f}" for p in ranked[1:4])
        reason = f"name {c.key!r}; chose {best.key} ({best.kind}, score {score(best, cue, focus):.0f})"
        if cue:
            reason += f"; cue {cue!r}"
        if others:
            reason += f"; other candidates: {others}"
        out.append(Mention(name, start, end, text[start:end], sent, best, reason, cue))
    out.extend(_unresolved(text, sent, out, gaz, name))
    return out


def _unresolved(text: str, sent: Sentence, found: list[Mention], gaz: Gazetteer, name: str) -> list[Mention]:
    """Place-like names that matched nothing: reported, never guessed."""
    spans = [(m.start, m.end) for m in found]
    out: list[Mention] = []
    for rx in UNRESOLVED_PATTERNS:
        for m in rx.finditer(text, sent.start, sent.end):
            s, e = m.span("name")
            phrase = m.group("name")
            if any(s < fe and fs < e for fs, fe in spans):
                continue
            words = norm(phrase)
            first = words.split()[0] if words else ""
            if not words or words in NOT_NAMES or first in NOT_NAMES or words in gaz.not_places or first in gaz.demonyms:
                continue
            if phrase.isupper() and len(phrase) <= 4:
                continue
            if any(words.startswith(np) or np in words for np in gaz.not_places if len(np) > 6):
                continue
            spans.append((s, e))
            out.append(Mention(name, s, e, phrase, sent, None, "looks like a place name; no gazetteer entry"))
    return out


def find_mentions(article: Article, gaz: Gazetteer) -> list[Mention]:
    focus = article_focus(article, gaz)
    out: list[Mention] = []
    for sent in article.sentences:
        out.extend(mentions_in_sentence(article.text, sent, gaz, focus, article.name))
    return sorted(out, key=lambda m: (m.start, m.end))
