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
CUE_BEFORE = {"camp": "camp", "fort": "base"}  # one word before the name
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


ARTICLE_PREFIX = re.compile(r"^(?:al|el|ar|as|ash|ad|an|at|az)-", re.I)


@dataclass(frozen=True)
class Token:
    start: int
    end: int  # excludes a trailing possessive 's
    text: str
    norm: str
    capitalised: bool  # first letter upper case, after an Arabic article ("al-Qaim")


def _capitalised(text: str) -> bool:
    if text[:1].isupper():
        return True
    m = ARTICLE_PREFIX.match(text)
    return bool(m) and text[m.end() : m.end() + 1].isupper()


HYPHEN_SUFFIX = {"based", "born", "bound", "area", "headquartered", "linked", "backed", "aligned", "allied", "run",
                 "controlled", "held", "led", "era", "style", "made", "grown", "raised", "born", "wide"}


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Words with offsets.  "London-based" and "Amsterdam-London" split at the
    hyphen; "al-Asad" and "Behesht-e-Zahra" stay whole."""
    out = []
    for m in TOKEN_RE.finditer(text, start, end):
        tok = m.group(0)
        parts = tok.split("-")
        if len(parts) > 1 and (
            all(p[:1].isupper() for p in parts) and not ARTICLE_PREFIX.match(tok) or parts[-1].lower() in HYPHEN_SUFFIX
        ):
            pos = m.start()
            for part in parts:
                if part and part.lower() not in HYPHEN_SUFFIX:
                    out.append(_token(text, pos, pos + len(part)))
                pos += len(part) + 1
            continue
        out.append(_token(text, m.start(), m.end()))
    return out


POSSESSIVE = re.compile(r"[’'‘]s$")


def _token(text: str, start: int, stop: int) -> Token:
    tok = text[start:stop]
    pm = POSSESSIVE.search(tok)
    end = stop - (len(pm.group(0)) if pm else 0)
    word = text[start:end]
    return Token(start, end, word, norm_token(tok), _capitalised(word))


def _title_case(tokens: list[Token]) -> bool:
    long = [t for t in tokens if len(t.text) > 3]
    return len(long) >= 3 and sum(t.capitalised for t in long) / len(long) > 0.75


@dataclass
class Candidate:
    start_tok: int
    end_tok: int  # exclusive
    key: str
    places: list[Place]


def find_candidates(tokens: list[Token], gaz: Gazetteer) -> list[Candidate]:
    """Longest-first matches of gazetteer names and not-place phrases."""
    out: list[Candidate] = []
    i = 0
    n = len(tokens)
    while i < n:
        hit = None
        starts = tokens[i].capitalised and (tokens[i].norm or (i + 1 < n and tokens[i + 1].norm))
        if starts:  # a capitalised word, or a capitalised article before one ("Al Udeid")
            parts: list[str] = []
            for j in range(i, min(n, i + gaz.max_tokens + 2)):
                if tokens[j].norm:
                    parts.append(tokens[j].norm)
                key = " ".join(parts)
                if j > i and tokens[j - 1].end < tokens[j].start - 2:
                    break  # punctuation between words ends a name
                if key in gaz.not_places:
                    hit = Candidate(i, j + 1, key, [])
                elif gaz.has(key):
                    hit = Candidate(i, j + 1, key, gaz.lookup(key))
                if tokens[j].norm and not gaz.has_prefix(key + " "):
                    break  # no longer name starts with these words
        if hit:
            out.append(hit)
            i = hit.end_tok
        else:
            i += 1
    return out


def _gap(text: str, a: Token, b: Token) -> str:
    return text[a.end : b.start]


# (words, cue, number of words), longest first: sorted once, not per candidate.
CUES_LONGEST_FIRST = [(w, cue, len(w.split())) for w, cue in sorted(CUE_AFTER.items(), key=lambda kv: -len(kv[0].split()))]


def _cue_after(text: str, tokens: list[Token], j: int) -> tuple[str, int]:
    """A cue word right after token j-1: returns (cue, tokens consumed)."""
    for words, cue, k in CUES_LONGEST_FIRST:
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
        and prv.norm
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
        and nxt.norm not in NEVER_ALONE  # "Hodeida Saturday", "Baghdad March 3"
        and not PLACE_SUFFIX.fullmatch(nxt.text)
        and nxt.text.lower() not in {"governorate", "province"}
    ):
        return f"part of a longer name before {nxt.text!r} (a person or organisation)"
    return ""


def _sentence_initial(text: str, tok: Token) -> bool:
    before = text[max(0, tok.start - 3) : tok.start]
    return tok.start == 0 or before.strip() == "" and "\n" in before or before.rstrip()[-1:] in {".", "?", "!", "“", '"', "'", "‘"}


METONYM_VERB = re.compile(
    r"(?:'s|’s)?\s+(?:has\s+|have\s+|had\s+|also\s+|quickly\s+|later\s+)?(said|says|denied|denies|announced|warned|"
    r"accused|insisted|responded|rejected|condemned|claimed|vowed|threatened|demanded|urged|blamed|agreed|"
    r"signed|imposed|sanctioned|welcomed|criticized|criticised|retaliated|recognized|recognised|refused)\b"
)
NEVER_ALONE = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter",
    "god", "man", "university", "commerce", "arab", "bush", "college", "city", "central", "state", "union", "liberty",
}
LOCATIVE = {"in", "to", "from", "across", "into", "throughout", "outside", "within", "inside", "near", "at", "toward", "towards", "around", "over", "of"}
LOCATIVE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(LOCATIVE)) + r")\s+(?:the\s+)?$", re.I)
AREA_KINDS = {"governorate", "province", "country", "continent"}


@dataclass
class Pending:
    """A gazetteer match that survived the person/organisation filters."""

    sent: Sentence
    cand: Candidate
    start: int
    end: int
    cue: str
    locative: bool  # after in/at/near/from ...
    initial: bool  # first word of the sentence
    followed_by_admin: bool  # "Alexandria, La." / "Springfield, Illinois"
    metonym: str = ""  # "Washington said", "Tehran denied": the verb that makes it one


@dataclass
class Context:
    focus: Counter  # country -> mentions
    admin1: Counter  # (country, admin1 code) -> mentions
    anchors: list[Place]  # places the text is surely about
    person_words: set[str]  # words seen in "Firstname Lastname" pairs


def score(place: Place, c: Pending | str, focus, ctx: Context | None = None) -> float:
    cue = c.cue if isinstance(c, Pending) else c
    key = c.cand.key if isinstance(c, Pending) else ""
    s = 0.0
    if place.key.startswith("site/"):
        s += 60
    if place.kind == "country":
        s += 32
    if place.kind == "continent":
        s += 40
    if place.kind in ("governorate", "province"):
        s += 16 + (5 if cue != "province" else 0)
    if cue in ("province",) and place.kind in ("governorate", "province"):
        s += 80
    if cue in ("base", "air base", "camp") and (place.kind in BASE_KINDS or place.key.startswith("site/")):
        s += 80
    if cue == "nuclear" and place.kind == "nuclear_site":
        s += 80
    if cue in ("city", "town") and place.key.startswith("gn/"):
        s += 40
    if key and norm(place.name) == key:
        s += 8  # the place's own name, not one of its alternates
    s += 4 * math.log10(place.population + 1)
    if place.country and focus:
        s += 25 * focus[place.country] / max(focus.values())
    if ctx is not None:
        if place.admin1 and ctx.admin1:
            s += 15 * ctx.admin1[(place.country, place.admin1)] / max(ctx.admin1.values())
        if place.kind not in AREA_KINDS and any(
            a.key != place.key and a.kind not in AREA_KINDS and _near(a, place) for a in ctx.anchors
        ):
            s += 20
    return s


def _near(a: Place, b: Place, km: float = 150.0) -> bool:
    dlat = (a.point.lat - b.point.lat) * 111.32
    dlon = (a.point.lon - b.point.lon) * 111.32 * math.cos(math.radians(a.point.lat))
    return dlat * dlat + dlon * dlon <= km * km


def pending_in_sentence(text: str, sent: Sentence, gaz: Gazetteer) -> list[Pending]:
    tokens = tokenize(text, sent.start, sent.end)
    title_line = _title_case(tokens)
    out: list[Pending] = []
    for c in find_candidates(tokens, gaz):
        if _reject_reason(text, tokens, c, title_line):
            continue
        start_tok = c.start_tok
        cue, k = _cue_after(text, tokens, c.end_tok)
        prv = tokens[c.start_tok - 1] if c.start_tok > 0 else None
        if not cue and prv and prv.text.lower() in CUE_BEFORE:
            cue = CUE_BEFORE[prv.text.lower()]
            start_tok -= 1
        before = text[max(sent.start, tokens[c.start_tok].start - 30) : tokens[c.start_tok].start]
        locative = bool(LOCATIVE_BEFORE.search(before))
        rule = gaz.rules.get(c.key)
        end_tok = c.end_tok - 1 + k
        after = text[tokens[end_tok].end : min(sent.end, tokens[end_tok].end + 40)]
        if rule == "locative" and not (
            re.search(r"\b(?:in|at|near|to|from|across|into|throughout|outside|within|inside|visit|visited|visiting)\s+(?:the\s+)?$", before, re.I)
            or re.match(r"\.?\s*(?:[,;:)]|$)|\.\s+[A-Z\"“]|\.?\s+(?:and|or|but|is|was|has|have|had|will|would|are|were|remains)\b", after)
        ):
            continue
        word = text[tokens[c.start_tok].start : tokens[c.end_tok - 1].end]
        if not cue and word.isupper() and len(word) > 3 and re.match(r"\s*(?:\(|,|—|–|-)", after) and (
            c.start_tok == 0 or "\n" in text[max(sent.start, tokens[c.start_tok].start - 2) : tokens[c.start_tok].start]
        ):
            cue = "city"  # a dateline: "WASHINGTON (AP) —"
        if rule == "after_comma" and not before.endswith(", "):
            continue
        followed = bool(re.match(r",\s+[A-Z]", after)) and any(
            p.kind in ("province", "governorate", "country") for p in _next_places(text, tokens, end_tok + 1, gaz)
        )
        mv = METONYM_VERB.match(after)
        out.append(
            Pending(sent, c, tokens[start_tok].start, tokens[end_tok].end, cue, locative,
                    c.start_tok == 0 or _sentence_initial(text, tokens[c.start_tok]), followed,
                    mv.group(1) if mv and not locative else "")
        )
    return out


def _next_places(text: str, tokens: list[Token], i: int, gaz: Gazetteer) -> list[Place]:
    for c in find_candidates(tokens[i : i + gaz.max_tokens], gaz):
        if c.start_tok == 0:
            return c.places
        break
    return []


def _strong(best: Place, p: Pending) -> bool:
    """A reading that needs no support from context: an area, a curated site, a
    cue in the text, or an airport or air base named in full ("Aleppo
    International Airport")."""
    return bool(
        best.kind in ("country", "governorate", "province", "continent", "county") or best.key.startswith("site/") or p.cue
        or (best.kind in ("airport", "air_base") and " " in p.cand.key)
    )


def _unsupported_small(best: Place, p: Pending, ctx: "Context", single: bool, strong: bool) -> bool:
    small = best.population < (15000 if single else 1000)
    if not small or strong or p.locative or p.followed_by_admin:
        return False
    return not any(a.key != best.key and _near(a, best, 100) for a in ctx.anchors if a.kind not in AREA_KINDS)


def _choose(p: Pending, gaz: Gazetteer, ctx: Context) -> tuple[Place | None, str]:
    if p.cand.key in NEVER_ALONE:
        return None, "a month, weekday or word that names no place on its own"
    scores = {pl.key: score(pl, p, ctx.focus, ctx) for pl in p.cand.places}  # each place scored once
    ranked = sorted(p.cand.places, key=lambda pl: (-scores[pl.key], pl.key))
    best = ranked[0]
    strong = _strong(best, p)
    significant = best.population >= 100000 or best.kind in ("country", "governorate", "province", "county")
    if p.cand.key in gaz.common and not p.cue and not best.key.startswith("site/") and not (
        p.locative and not p.initial and significant
    ):
        return None, "a common English word with nothing saying it is a place"
    word = p.sent.text[p.start - p.sent.start : p.end - p.sent.start]
    if word.isupper() and len(word) <= 3 and not best.key.startswith("site/") and p.cand.key not in gaz.rules:
        return None, "a short all-capitals word (an acronym), not a place name"
    if p.metonym and best.kind in ("country", "city", "town") and not p.cue:
        return None, f"a metonym: the government acting ({p.metonym!r}), not the place"
    if best.kind == "country" and p.cue in ("base", "air base", "camp"):
        return None, "a country before 'base' describes whose base it is"
    if p.cand.key.startswith("the ") and norm(best.name) != p.cand.key:
        return None, "'the' + a word is an alternate name here, not a place"
    single = " " not in p.cand.key
    if single and not strong and p.cand.key in ctx.person_words:
        return None, f"{p.cand.key!r} is part of a person's name elsewhere in the text"
    if _unsupported_small(best, p, ctx, single, strong):
        # The best-scored reading is a small place nothing supports; a city of a
        # million or more of the same name is what is meant ("eastern Baghdad"
        # in a text about Iran-backed militias is not Baghdādeh in Iran).
        fallback = next((pl for pl in ranked[1:] if pl.population >= 1_000_000 and norm(pl.name) == p.cand.key), None)
        if fallback is None:
            return None, "a small place named without a locative cue or a nearby place"
        best = fallback
    sc = scores[best.key]
    reason = f"name {p.cand.key!r}; chose {best.key} ({best.kind}, score {sc:.0f})"
    if p.cue:
        reason += f"; cue {p.cue!r}"
    others = ", ".join(f"{pl.key} {scores[pl.key]:.0f}" for pl in ranked[1:4])
    if others:
        reason += f"; other candidates: {others}"
    return best, reason


PERSON_CUE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|President|Minister|Judge|Officer|Detective|Coach|"
    r"Pastor|Father|Sister|Rabbi|Imam|Sheikh|Ayatollah|Prince|King|Queen)\.?\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
)
SPEECH = re.compile(r"\b([A-Z][a-z]{2,})\s+(?:said|says|told|added|wrote|explained|noted|asked|replied)\b")
FULL_NAME = re.compile(r"\b([A-Z][a-z]{2,})\s+([A-Z][a-z]{2,})\b(?!\s+(?:County|City|Province|State|Street|Road|River))")


def _major(gaz: Gazetteer, key: str) -> bool:
    return any(
        p.kind in ("country", "province", "governorate", "continent", "county") or p.population >= 50000
        for p in gaz.lookup(key)
        if norm(p.name) == key or p.kind == "county"
    )


def person_words(article: Article, gaz: Gazetteer) -> set[str]:
    """Words that name people in this text: after a title, before 'said', and
    both halves of "Firstname Lastname" pairs that are not places themselves."""
    words: set[str] = set()
    for sent in article.sentences:
        for m in PERSON_CUE.finditer(sent.text):
            words.update(norm(w) for w in m.group(1).split())
        for m in SPEECH.finditer(sent.text):
            if not _major(gaz, norm(m.group(1))):  # "Washington said" is a metonym, not a person
                words.add(norm(m.group(1)))
        for m in FULL_NAME.finditer(sent.text):
            pair = norm(m.group(0))
            a, b = norm(m.group(1)), norm(m.group(2))
            if gaz.has(pair) or a in FUNCTION_WORDS or b in FUNCTION_WORDS or a in NEVER_ALONE or b in NEVER_ALONE:
                continue
            if _major(gaz, a) or _major(gaz, b):
                continue  # "Paris Police", "Texas Rangers": a place and a word
            words.update((a, b))
    return words


def find_mentions(article: Article, gaz: Gazetteer) -> list[Mention]:
    pend: list[Pending] = []
    for sent in article.sentences:
        pend.extend(pending_in_sentence(article.text, sent, gaz))
    focus: Counter = Counter()
    for p in pend:
        for pl in p.cand.places:
            if pl.kind == "country":
                focus[pl.country] += 1
    # Anchors: places the text is surely about (one candidate, a curated site, a cue, or a
    # clear winner) among the names that pass every filter without help from anchors.
    ctx = Context(focus, Counter(), [], person_words(article, gaz))
    first_pass = Context(Counter(focus), Counter(), [], ctx.person_words)
    for p in pend:
        best, _ = _choose(p, gaz, first_pass)
        if best is None:
            continue
        ranked = sorted(p.cand.places, key=lambda pl: (-score(pl, p, focus), pl.key))
        if len(ranked) == 1 or best.key.startswith("site/") or p.cue or (
            score(ranked[0], p, focus) - score(ranked[1], p, focus) >= 15
        ):
            if best.kind in ("governorate", "province") and best.admin1:
                ctx.admin1[(best.country, best.admin1)] += 2
            elif best.kind not in AREA_KINDS:
                ctx.anchors.append(best)
                if best.admin1:
                    ctx.admin1[(best.country, best.admin1)] += 1
                if best.country:
                    ctx.focus[best.country] += 0.5
    out: list[Mention] = []
    for p in pend:
        place, reason = _choose(p, gaz, ctx)
        if place is not None:
            out.append(Mention(article.name, p.start, p.end, article.text[p.start : p.end], p.sent, place, reason, p.cue))
    for sent in article.sentences:
        found = [m for m in out if m.sentence is sent]
        out.extend(_unresolved(article.text, sent, found, gaz, article.name))
    return sorted(out, key=lambda m: (m.start, m.end))


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


@dataclass
class Decision:
    """Why one name in one sentence was, or was not, mapped (``geo explain``)."""

    text: str
    start: int
    end: int
    sentence: Sentence
    place: Place | None
    reason: str
    candidates: list[tuple[str, str, str, float]]  # (key, name, kind, score)


def explain(article: Article, gaz: Gazetteer, name: str) -> list[Decision]:
    """Every decision about spans whose normalised text contains ``name``."""
    target = norm(name)
    mapped = {(m.start, m.end): m for m in find_mentions(article, gaz)}
    out: list[Decision] = []
    pend: list[Pending] = []
    for sent in article.sentences:
        tokens = tokenize(article.text, sent.start, sent.end)
        title_line = _title_case(tokens)
        ok = {(p.start, p.end): p for p in pending_in_sentence(article.text, sent, gaz)}
        pend.extend(ok.values())
        for c in find_candidates(tokens, gaz):
            s, e = tokens[c.start_tok].start, tokens[c.end_tok - 1].end
            if target not in c.key:
                continue
            why = _reject_reason(article.text, tokens, c, title_line)
            p = next((p for (ps, pe), p in ok.items() if ps <= s and e <= pe), None)
            m = mapped.get((p.start, p.end)) if p else None
            if why:
                reason = f"not a place: {why}"
            elif p is None:
                reason = "not a place: the alias needs a context it lacks (see aliases.tsv rules)"
            elif m is None:
                reason = "not mapped: " + _choose(p, gaz, _context(article, gaz, pend))[1]
            else:
                reason = m.reason
            cands = [(pl.key, pl.name, pl.kind, round(score(pl, p or c.key, Counter()), 1)) for pl in c.places]
            out.append(Decision(article.text[s:e], s, e, sent, m.place if m else None, reason, cands))
    for m in mapped.values():
        if m.place is None and target in norm(m.text):
            out.append(Decision(m.text, m.start, m.end, m.sentence, None, f"unresolved: {m.reason}", []))
    return sorted(out, key=lambda d: d.start)


def _context(article: Article, gaz: Gazetteer, pend: list[Pending]) -> Context:
    focus: Counter = Counter(pl.country for p in pend for pl in p.cand.places if pl.kind == "country")
    return Context(focus, Counter(), [], person_words(article, gaz))
