"""Places a sentence points back to in the sentence before it: "There, on August 6, ..." after "... to the plain of
Junin"; "The sports hall is in the small town of Zubin Potok" after a report of the hall."""

from __future__ import annotations

import re

from ..model import Mention, Sentence
from .where import VAGUE_KM


# "The sports hall is in the small town of Zubin Potok": where a thing the sentence before named is.
LOCATING = re.compile(r"(?:The|This|That) (?:[\w'’-]+ ){0,3}?(?P<noun>[\w-]+) (?:is|was|lies|lay|are|were|is located|was located|is situated) (?:in|near|at|outside|on the outskirts of)\b")


def locates_previous(sent: Sentence, prev) -> bool:
    """Does the sentence say where a thing the report before (``prev``) named is?"""
    m = LOCATING.match(sent.text)
    return bool(m) and re.search(rf"\b{re.escape(m.group('noun'))}\b", prev.sentence.text, re.I) is not None


# "... marched over the Andes to the plain of Junin. There, on August 6, 1824, he repelled an onslaught": the place
# the sentence before ended at (not "There was an attack ...")
THERE = re.compile(r"There(?:,|\s+(?:on|in|at|during)\b)")


def there_places(before: Sentence, by_sentence: dict[int, list[Mention]]):
    """The last place below a country the sentence ``before`` names, as an event place."""
    named = [m for m in by_sentence.get(before.start, []) if m.place is not None and m.place.precision != "country"
             and m.place.uncertainty_km < VAGUE_KM]
    return [(named[-1], named[-1].place, False)] if named else []
