"""The literal screen of the lexicon's rows: exact, worked out from the rows themselves."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geo.text.lexicon import Narrowed, RowScreen, alternatives, pattern, required_literals

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
    screen = RowScreen([re.compile(r"\bbomb|\b\w+\b", re.I), re.compile(r"\bshell(?:ed|ing)\b", re.I)])
    assert screen.rows("the committee met") == (0,)  # always searched; the other needs "shell"


def test_the_screen_finds_words_inside_and_overlapping_others():
    """The rows whose word is anywhere in the text, also inside a longer word of another row's, or
    overlapping it ("shelled" holds "shell"; "airstrike" holds both "air" and "airstrike")."""
    screen = RowScreen([re.compile(p, re.I) for p in (r"\bairstrikes?\b", r"\bair (?:raid|attack)\b",
                                                         r"\bshell(?:ed|ing)\b", r"\bhelled\b")])
    assert screen.rows("an airstrike hit the town") == (0,)
    assert screen.rows("it was shelled") == (2, 3)
    assert screen.rows("an air raid") == (1,)
    assert screen.rows("nothing happened") == ()


def test_the_trigger_screen_loses_no_sentence_a_row_matches():
    """Over every devset passage, sentence by sentence: every trigger, fallback and clause-deed row that
    matches is among the rows the screen offers."""
    from geo.events.triggers import _SCREEN, CLAUSE_DEEDS, FALLBACKS, TRIGGERS
    from geo.model import Section
    from geo.text.articles import split_sentences

    texts = [json.loads(line)["text"] for f in sorted(DEVSET.glob("*.jsonl")) for line in f.open(encoding="utf-8")]
    sentences = [s.text for t in texts for s in split_sentences(t, Section("d", None, None, None, 0, len(t)))]
    family = [rx for _, rx in TRIGGERS + FALLBACKS + CLAUSE_DEEDS]
    matched = offered = narrowed = 0
    for s in sentences:
        rows = set(_SCREEN.rows(s.lower()))
        hits = {i for i, rx in enumerate(family) if rx.search(s)}
        assert hits <= rows, (s, hits - rows)
        matched, offered = matched + len(hits), offered + len(rows)
        # ... and each row cut to the ways the sentence may hold matches just where the whole row does
        for i, cut in _SCREEN.narrowed(s.lower()):
            assert [m.span() for m in cut.finditer(s)] == [m.span() for m in family[i].finditer(s)], (s, i)
            narrowed += cut is not family[i]
    assert matched > 1000 and narrowed > 1000
    # ... and it is a screen: a sentence about something else is offered no row
    assert _SCREEN.rows("the committee met on tuesday to discuss the new budget and the schools.") == ()


def test_a_rows_ascii_letter_classes_take_every_latin_letter_of_their_case():
    capital = pattern(r"\bof (?-i:[A-Z])[a-z]+\b")
    assert [capital.search(f"the siege of {n}") is not None for n in ("Šabac", "Ürümqi", "Łódź", "İzmir", "Ấp Bắc")] \
        == [True] * 5
    assert capital.search("the siege of ürümqi") is None  # a small letter is no capital
    assert pattern(r"(?-i:[a-z])").search("ŁÓDŹ") is None


def test_a_rows_ways_are_split_at_its_top_level_bars_only():
    assert alternatives(r"\bfoo|bar(?:baz|qux)|[|(]x\||y\)") == [r"\bfoo", "bar(?:baz|qux)", r"[|(]x\|", r"y\)"]
    assert alternatives(r"[]|]a|b") == ["[]|]a", "b"]


def test_a_row_cut_to_some_ways_matches_as_the_whole_row_would():
    """Leftmost first, and where two ways begin at one place the first of the row's order (not the longer):
    a way whose word the text lacks is left out, and nothing else changes."""
    row = re.compile(r"\bshell\b|\bshelling of the town\b|\bair ?strikes?\b|\btown\b", re.I)
    screen = RowScreen([row])
    for text in ("The shelling of the town went on; an airstrike hit the town.", "the town was shelled", "Airstrikes"):
        [(i, cut)] = screen.narrowed(text.lower())
        assert cut is not row
        assert [m.span() for m in cut.finditer(text)] == [m.span() for m in row.finditer(text)]
    [(_, cut)] = screen.narrowed("the town was shelled")
    assert isinstance(cut, Narrowed) and [w.pattern for w in cut._ways] == [r"\bshell\b", r"\btown\b"]
    [(_, cut)] = screen.narrowed("airstrikes")
    assert cut.pattern == r"\bair ?strikes?\b"  # (one way left: that way itself)
    assert screen.narrowed("nothing happened") == ()
    tie = re.compile(r"\bfire\b|\bfire at\b", re.I)  # both begin at "fire": the first way wins, as in the row
    [(_, cut)] = RowScreen([tie]).narrowed("they opened fire at dawn")
    assert cut.search("they opened fire at dawn").group(0) == tie.search("they opened fire at dawn").group(0) == "fire"

