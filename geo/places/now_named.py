"""A place named by an old name and, in a parenthesis, its present one: "at Kef (now Feodosia)".

The text says the two names are one place, so the old name takes the place the present name is read as
(whatever the gazetteer would make of the old name alone: "Kef" is also a town in Tunisia), and an old name
the gazetteer lacks is no longer unresolved.  The words that say "present name" are data
(data/lexicon/now_named.tsv).
"""

from __future__ import annotations

import re

from ..model import Mention
from ..text.lexicon import alternation, words

LONGER_NAME = re.compile(r"[A-Z][\w'’-]*\s+$")  # "German South West Africa (modern day Namibia)": not "Africa" alone
# (after a comma, only "now ...": "Clashes in Gaza, today Israel said" names no present name)
NOW = re.compile(rf"\s*(?:\((?:{alternation(words('now_named'))})|,\s*now(?:\s+called|\s+known\s+as)?)\s+", re.I)


def now_named(text: str, out: list[Mention]) -> list[Mention]:
    """``out`` (sorted by start) with each old name followed by "(now <a mapped name>" placed there."""
    at = {m.start: m for m in out if m.place is not None}
    result = []
    for m in out:
        now = NOW.match(text, m.end, m.sentence.end)
        new = at.get(now.end()) if now else None
        if new is not None and new is not m and not LONGER_NAME.search(text, max(m.sentence.start, m.start - 30), m.start) and (m.place is None or m.place.key != new.place.key):
            m = Mention(m.article, m.start, m.end, m.text, m.sentence, new.place,
                        f"{text[m.start:new.end]!r}: the old name of {new.place.name} ({new.place.key}), as the text says",
                        m.cue)
        result.append(m)
    return result
