"""A name listed among towns the gazetteer knows is a place too, even when the gazetteer lacks it.

"the Indian airports of Amritsar, Pathankot, Avantipur and Sringar were hit": Avantipur and Sringar
sit in a list whose other items are towns, so the text marks them as places as surely as a cue
would.  Such a name is tried as a spelling variant of one town of the listed towns' countries
(:func:`geo.places.spelling.variant_of`, as close as a name marked only by a locative must be);
otherwise it is reported unresolved, never guessed.  A list here is names joined by commas and
one "and"/"or", with at least two items the gazetteer placed as towns.
"""

from __future__ import annotations

import re

from ..model import Mention, Sentence
from ..text.normalize import norm
from .gazetteer import Gazetteer
from .candidates import ORG_WORDS, not_a_name
from .spelling import LOCATIVE_SIMILARITY, variant_of

NAME = re.compile(r"[A-Z][\w'’-]+(?:\s(?:[a-z]{1,2}['’])?[A-Z][\w'’-]+)?")  # ("Coeur d'Alene")
NAME_BEFORE = re.compile(r"(?<![\w'’-])(" + NAME.pattern + r"),\s+\Z")  # ("... Cherkassk, " before the first found)
NEXT_WORD = re.compile(r"\s+([\w'’-]+)")
COMMA = re.compile(r",\s+")
AND = re.compile(r",?\s+(?:and|or)\s+")
MIN_TOWNS = 2


def list_mates(text: str, sent: Sentence, found: list[Mention], gaz: Gazetteer, name: str) -> list[Mention]:
    """The names of ``sent`` listed with towns ``found`` placed that no mention covers yet."""
    at = {m.start: m for m in found}
    covered = [(m.start, m.end) for m in found]
    out: list[Mention] = []
    i = sent.start
    while i < sent.end:
        m = at.get(i)
        if m is None or m.place is None:
            i += 1
            continue
        items, j = _run(text, sent, m, at)
        i = max(j, i + 1)
        after = NEXT_WORD.match(text, j, sent.end)
        if after and after.group(1).lower() in ORG_WORDS:
            continue  # "the Spokane, Palouse, Yakama, and Coeur d'Alene tribes": names of peoples, not places
        towns = [x for x in items if isinstance(x, Mention) and x.place is not None and x.place.precision == "town"]
        if len(towns) < MIN_TOWNS:
            continue
        countries = {t.place.country for t in towns if t.place.country}
        for item in items:
            if isinstance(item, Mention):
                continue
            s, e = item
            phrase = text[s:e]
            if any(s < fe and fs < e for fs, fe in covered) or not _name_like(phrase, gaz):
                continue
            place, why = variant_of(gaz, phrase, "town", countries, LOCATIVE_SIMILARITY)
            listed = f"listed with {', '.join(t.text for t in towns)}"
            if place is not None:
                out.append(Mention(name, s, e, phrase, sent, place, f"{listed}: {why}", "town"))
            else:
                out.append(Mention(name, s, e, phrase, sent, None,
                                   f"looks like a place name ({listed}); no gazetteer entry"))
            covered.append((s, e))
    return out


def _run(text: str, sent: Sentence, first: Mention, at: dict[int, Mention]) -> tuple[list, int]:
    """The items of the list that begins with ``first`` (mentions, or spans of other names) and where it ends;
    no list (one item) unless the items are joined by commas and end with one "and"/"or"."""
    items: list = [first]
    start = first.start
    while (before := NAME_BEFORE.search(text, sent.start, start)) is not None and before.start() not in at:
        # "captured Cherkassk, Tsaritsyn and Samara": a name the gazetteer lacks may open the list
        items.insert(0, before.span(1))
        start = before.start()
    end, joined = first.end, False
    while end < sent.end and not joined:
        gap = AND.match(text, end, sent.end) or COMMA.match(text, end, sent.end)
        if gap is None:
            break
        nxt = at.get(gap.end())
        if nxt is not None:
            items.append(nxt)
            end = nxt.end
        else:
            word = NAME.match(text, gap.end(), sent.end)
            if word is None:
                break
            items.append(word.span())
            end = word.end()
        joined = gap.re is AND
    if not joined:
        return [first], first.end
    return items, end


def _name_like(phrase: str, gaz: Gazetteer) -> bool:
    low = norm(phrase)
    return len(low) >= 4 and not phrase.isupper() and not not_a_name(phrase, gaz) and low not in gaz.english
