"""Saved pages, geo add, the related articles of a page and untrustworthy dates, without sidecars."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from geo.cli import main
from geo.errors import ArticleError
from geo.places.mentions import find_mentions
from geo.text.add import add_article
from geo.text.articles import load_articles

from ..conftest import ARTICLES

SAVED = Path(__file__).resolve().parent.parent / "data" / "saved"


def places_and_quotes(arts, gaz) -> set[tuple[str, str]]:
    return {(m.place.key, m.sentence.text) for a in arts for m in find_mentions(a, gaz) if m.place}


@pytest.mark.parametrize("layout", ["article_meta", "div_jsonld", "amp"])
def test_a_saved_page_gives_the_places_and_quotes_of_its_pasted_text(tmp_path, gazetteer, layout):
    pages, pasted = tmp_path / "pages", tmp_path / "pasted"
    pages.mkdir(), pasted.mkdir()
    shutil.copy(SAVED / f"{layout}.html", pages / "story.html")
    shutil.copy(SAVED / "pasted.txt", pasted / "story.txt")
    got, errors = load_articles(pages)
    want, _ = load_articles(pasted)
    assert errors == [] and (pages / "story.txt").exists() and (pages / "story.meta.json").exists()
    assert places_and_quotes(got, gazetteer) == places_and_quotes(want, gazetteer) != set()
    art = got[0]
    assert art.sections[0].published == "2024-03-05" and art.meta["extracted_from"].startswith("story.html sha256:")
    assert all(art.text[s.start : s.end] == s.text for s in art.sentences)
    # unchanged page, not extracted again: the text file stays as it was
    stamp = (pages / "story.txt").stat().st_mtime_ns
    load_articles(pages)
    assert (pages / "story.txt").stat().st_mtime_ns == stamp


def test_geo_add_a_file_and_a_url_that_cannot_be_reached(tmp_path, capsys):
    txt, meta, missing = add_article(str(SAVED / "article_meta.html"), tmp_path / "a")
    assert txt.read_text(encoding="utf-8").startswith("Drones hit Izmail port") and meta["author"] == "Olena Test"
    assert missing == [] and txt.with_suffix("").with_suffix(".meta.json").exists()
    with pytest.raises(ArticleError, match="cannot fetch the page .* save the page in your browser"):
        add_article("http://127.0.0.1:9/story", tmp_path / "a", timeout=2)
    assert main(["add", "http://127.0.0.1:9/story", "--articles", str(tmp_path / "a")]) == 1


def test_the_seed_page_without_its_sidecar_attributes_its_related_articles(tmp_path):
    shutil.copy(ARTICLES / "000_67de8b56e7d4d147.txt", tmp_path / "page.txt")
    (art,), _ = load_articles(tmp_path)
    assert [(s.article, s.publisher) for s in art.sections] == [
        ("page.txt", None), ("page.txt#related-1", "New York Times"), ("page.txt#related-2", "CBS News"),
        ("page.txt#related-3", "New York Times")]
    funeral = [s for s in art.sentences if "mourners" in s.text.lower()]
    assert {s.section.publisher for s in funeral} == {"New York Times", "CBS News"}
    assert art.title == "Why powerful pro-Tehran militias in Iraq stayed quiet amid Iran conflict"


def test_the_second_seed_without_its_sidecar_warns_that_its_date_may_be_the_page_s(tmp_path, caplog):
    shutil.copy(ARTICLES / "001_896631608ec76700.txt", tmp_path / "page.txt")
    with caplog.at_level(logging.WARNING):
        (art,), _ = load_articles(tmp_path)
    assert art.sections[0].published == "2025-10-08" and art.meta["author"] == "Hudhaifa Ebrahim"
    assert "page.txt: the writing date 2025-10-08 comes from the page's banner" in caplog.text
    assert "published: in page.meta.json" in caplog.text


def test_an_article_in_another_language_is_named_and_gives_no_incident(tmp_path, caplog):
    (tmp_path / "fr.txt").write_text(
        "Les frappes de drones russes ont touché Kharkiv et Odessa lundi soir, faisant au moins trois morts et une "
        "dizaine de blessés, selon les autorités régionales. Le gouverneur a indiqué que plusieurs immeubles avaient "
        "été endommagés dans le centre-ville.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        (art,), _ = load_articles(tmp_path)
    assert art.language == "fr" and "written in French (fr)" in caplog.text
