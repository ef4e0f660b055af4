"""The review queue: unresolved place names, ranked by how often the articles use them.

Each entry gives the quotes, the places the text names around it (where it
is), and the nearest gazetteer names with their similarity, so that a user
can turn it into a row of a places file (``geo build --places``) by filling in
a coordinate and its source.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..model import Mention
from ..text.normalize import norm

MAX_QUOTES = 5


Item = tuple[Mention, str, list[Mention], list[dict[str, Any]]]


def review_queue(unresolved: list[Item]) -> list[dict[str, Any]]:
    """``unresolved``: (the unresolved mention, the article text, the resolved mentions of its sentence,
    the gazetteer names nearest to it: :func:`geo.places.spelling.similar_names`).  Entries ranked by
    count, then name."""
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in unresolved:
        groups[norm(item[0].text)].append(item)
    entries = []
    for key, items in groups.items():
        first = items[0][0]
        around: dict[str, int] = defaultdict(int)
        for m, _text, neighbours, *_ in items:
            for n in neighbours:
                if n.place is not None and n.place.precision != "country":
                    around[n.place.name] += 1
        entries.append({
            "name": first.text,
            "count": len(items),
            "articles": sorted({m.sentence.section.article for m, *_ in items}),
            "reason": first.reason,
            "quotes": [{"article": m.sentence.section.article, "quote": text[m.sentence.start : m.sentence.end],
                        "start": m.sentence.start, "end": m.sentence.end, "name_start": m.start, "name_end": m.end}
                       for m, text, *_ in items[:MAX_QUOTES]],
            "enclosing": sorted(around, key=lambda n: (-around[n], n)),
            "similar": items[0][3],  # the nearest gazetteer names, found in the per-article stage
        })
    return sorted(entries, key=lambda e: (-e["count"], norm(e["name"]), e["name"]))
