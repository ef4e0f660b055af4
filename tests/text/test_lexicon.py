"""The literal screen of a big alternation: exact, worked out from the rows themselves."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geo.text.lexicon import literal_screen, required_literals

DEVSET = Path(__file__).resolve().parents[2] / "data" / "devset"


@pytest.mark.parametrize("pattern, expected", [
    (r"\b(?:clash(?:es|ed)?|gun ?battles?)\b", {"clash", "battle"}),
    (r"\b(?:insurgents|militants)\b[^.]{0,40}?\b(?:attacked|stormed)\b", {"insurgents", "militants"}),
    (r"\boverr[au]n\b(?<!cost overr[au]n)", {"overr"}),
    (r"\b(?:a|an|the) (?:[\w-]+ )?raid by\b", {"raid by"}),
    (r"\bIEDs?\b|\bexplosive devices?\b", {"ied", "explosive device"}),
])
def test_the_literals_every_match_needs(pattern, expected):
    assert required_literals(pattern, re.I) == expected


def test_a_pattern_one_of_whose_ways_needs_no_word_has_no_screen():
    assert required_literals(r"\bbomb|\b\w+\b", re.I) is None
    assert literal_screen(re.compile(r"\bbomb|\b\w+\b", re.I)) is None


def test_the_trigger_screens_lose_no_sentence_a_trigger_or_fallback_row_matches():
    """Over every devset passage, sentence by sentence: what a row matches, the screen lets through."""
    from geo.events.triggers import ANY_TRIGGER, FALLBACK_SCREEN, FALLBACKS, TRIGGER_SCREEN
    from geo.model import Section
    from geo.text.articles import split_sentences

    texts = [json.loads(line)["text"] for f in sorted(DEVSET.glob("*.jsonl")) for line in f.open(encoding="utf-8")]
    sentences = [s.text for t in texts for s in split_sentences(t, Section("d", None, None, None, 0, len(t)))]
    hits = [s for s in sentences if ANY_TRIGGER.search(s)]
    fallbacks = [s for s in sentences if any(rx.search(s) for _, rx in FALLBACKS)]
    assert len(hits) > 500 and len(fallbacks) > 100
    assert all(TRIGGER_SCREEN.search(s.lower()) for s in hits)
    assert all(FALLBACK_SCREEN.search(s.lower()) for s in fallbacks)
    # ... and it is a screen: a sentence about something else is not let through
    assert not TRIGGER_SCREEN.search("the committee met on tuesday to discuss the new budget and the schools.")
