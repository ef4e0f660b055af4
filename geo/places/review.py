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
from .gazetteer import Gazetteer
from .spelling import similar_names

MAX_QUOTES = 5


def review_queue(unresolved: list[tuple[Mention, str, list[Mention]]], gaz: Gazetteer) -> list[dict[str, Any]]:
    """``unresolved``: (the unresolved mention, the article text, the resolved mentions of its sentence).
    Entries ranked by count, then name."""
    groups: dict[str, list[tuple[Mention, str, list[Mention]]]] = defaultdict(list)
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
            # computed by the per-article stage when it could (cached and parallel), else here
            "similar": items[0][3] if len(items[0]) > 3 else similar_names(gaz, first.text),
        })
    return sorted(entries, key=lambda e: (-e["count"], norm(e["name"]), e["name"]))
