from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo.model import Section
from geo.text.articles import load_article, load_articles, parse_dateline, split_sentences
from geo.errors import ArticleError

from ..conftest import ARTICLES, SEEDS


def test_seed_articles_are_verbatim_copies():
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds, f"no seed articles in {SEEDS}: the project expects ../shared beside the checkout"
    for seed in seeds:
        assert (ARTICLES / seed.name).read_bytes() == seed.read_bytes()


def test_embedded_related_articles_are_their_own_sections():
    art = load_article(ARTICLES / "000_67de8b56e7d4d147.txt", ARTICLES)
    by_fragment = {s.article.partition("#")[2]: s for s in art.sections}
    assert by_fragment[""].publisher == "The Washington Post"
    assert by_fragment["nyt-state-funeral"].publisher == "New York Times"
    assert by_fragment["cbs-state-funerals"].publisher == "CBS News"
    funeral = by_fragment["nyt-state-funeral"]
    assert art.text[funeral.start :].startswith("Iran Holds State Funeral")
    # A sentence of the CBS text belongs to the CBS section, not the main article.
    sent = next(s for s in art.sentences if s.text.startswith("Hundreds of thousands of mourners"))
    assert sent.section.publisher == "CBS News"


def test_clutter_yields_no_sentences():
    for art in load_articles(ARTICLES)[0]:
        text = " ".join(s.text for s in art.sentences)
        for clutter in ("Carbonatix", "cookies", "Subscribe", "Try Our AI Features", "X CLOSE", "Salem Radio Network News", "25 minutes ago"):
            assert clutter not in text, clutter


def test_bare_file_takes_title_from_first_line_and_date_from_dateline(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Rockets hit base near Baghdad airport\nBAGHDAD, March 3, 2024 - Three rockets struck a base near Baghdad airport on Sunday.\n",
        encoding="utf-8",
    )
    art = load_article(tmp_path / "a.txt", tmp_path)
    assert art.title == "Rockets hit base near Baghdad airport"
    assert art.sections[0].published == "2024-03-03"


def test_bare_file_without_date_records_unknown(tmp_path):
    (tmp_path / "b.txt").write_text("Militias stay quiet\nThe militias in Iraq stayed quiet this week.\n", encoding="utf-8")
    art = load_article(tmp_path / "b.txt", tmp_path)
    assert art.sections[0].published is None
    assert art.sections[0].publisher is None


def test_front_matter_is_read_and_offsets_stay_file_relative(tmp_path):
    text = "---\ntitle: A title\npublisher: Example News\npublished: 2025-06-20\n---\nDrones hit Camp Taji on Friday.\n"
    (tmp_path / "c.txt").write_text(text, encoding="utf-8")
    art = load_article(tmp_path / "c.txt", tmp_path)
    assert (art.title, art.sections[0].publisher, art.sections[0].published) == ("A title", "Example News", "2025-06-20")
    s = art.sentences[0]
    assert text[s.start : s.end] == "Drones hit Camp Taji on Friday."


def test_front_matter_is_yaml(tmp_path):
    text = ("---\ntitle: >\n  Drones hit\n  Camp Taji\npublisher: 'Example: News'\npublished: 2025-06-20\n"
            "author: 1984\n---\nDrones hit Camp Taji on Friday.\n")
    (tmp_path / "c.txt").write_text(text, encoding="utf-8")
    art = load_article(tmp_path / "c.txt", tmp_path)
    sec = art.sections[0]
    assert (art.title, sec.publisher, sec.published) == ("Drones hit Camp Taji", "Example: News", "2025-06-20")
    assert text[art.sentences[0].start : art.sentences[0].end] == "Drones hit Camp Taji on Friday."


@pytest.mark.parametrize("block, message", [
    ("tags: [a, b]\n", "unknown metadata key(s) ['tags']"),  # the same key check as a sidecar
    ("title: [a, b]\n", "must be text"),
    ("title: x\n  bad: indent: here\n", "c.txt:3: front matter is not valid YAML"),
    ("a: &x long\ntitle: *x\n", "YAML alias"),
    ("- just\n- a list\n", "not a YAML list"),
    ("published: 2025-13-01\n", "no such day"),
])
def test_bad_front_matter_is_a_clear_error(tmp_path, block, message):
    (tmp_path / "c.txt").write_text(f"---\n{block}---\nDrones hit Camp Taji on Friday.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=re.escape(message)):
        load_article(tmp_path / "c.txt", tmp_path)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"Caf\xe9 in Baghdad\nSecond line here with words.", "not valid UTF-8"),
    ],
)
def test_broken_article_gets_an_error_naming_the_file_and_others_still_load(tmp_path, content, message):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("Good article\nDrones were shot down near the Ain al-Asad base in western Iraq.\n", encoding="utf-8")
    arts, errors = load_articles(tmp_path)
    assert [a.name for a in arts] == ["good.txt"]
    assert len(errors) == 1 and "bad.txt" in errors[0] and message in errors[0]


def test_bad_utf8_error_names_the_line(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"line one\nline two\nbad \xff byte\n")
    with pytest.raises(ArticleError, match=r"bad.txt:3:"):
        load_article(tmp_path / "bad.txt", tmp_path)


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Salem Radio Network News Wednesday, October 8, 2025", "2025-10-08"),
        ("Published 8 October 2025", "2025-10-08"),
        ("2025-06-25T10:00", "2025-06-25"),
        ("No date in this line", None),
        ("February 30, 2025", None),
    ],
)
def test_parse_dateline(line, iso):
    assert parse_dateline(line) == iso


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ArticleError, match="--articles"):
        load_articles(Path(tmp_path / "nope"))


def test_a_sentence_ends_at_a_double_prime_quote_mark():
    """Some archives' scans quote with ″ (U+2033): "... the ″war of the cities.″ Iran reported ..." is two sentences."""
    from geo.model import Section
    from geo.text.articles import split_sentences

    text = "Iraq fired three missiles, ending a lull in the ″war of the cities.″ Iran reported later it fired two."
    sents = split_sentences(text, Section("t", None, None, None, 0, len(text)))
    assert [s.text for s in sents] == ["Iraq fired three missiles, ending a lull in the ″war of the cities.″",
                                       "Iran reported later it fired two."]


@pytest.mark.parametrize("text, count", [
    # a clock time the sentence goes on after: its other zone's time, its weekday, its month
    ("Gunmen struck Kamwenge around 10 p.m. (1900 GMT) on Monday. Police said so.", 2),
    ("The raid began at 5 a.m. Monday in Gao. Police said so.", 2),
    ("Shelling resumed at 6 a.m. GMT near Kharkiv. Police said so.", 2),
    # ... and a clock time that ends its sentence
    ("Rebels attacked the post at 10 p.m. Police said so.", 2),
])
def test_a_clock_time_ends_a_sentence_only_when_nothing_of_it_follows(text, count):
    from geo.model import Section
    from geo.text.articles import split_sentences

    sents = split_sentences(text, Section("t", None, None, None, 0, len(text)))
    assert len(sents) == count and sents[-1].text == "Police said so."


def test_circa_in_a_parenthesis_ends_no_sentence():
    text = "Soldiers skirmished with warriors under Chief Kamiakin (ca. 1800-1877) at Union Gap, and the chief fled."
    sec = Section("t", "t", None, None, 0, len(text))
    assert [s.text for s in split_sentences(text, sec, keep_short=True)] == [text]


@pytest.mark.parametrize("text, first, second", [
    # a capital of any script begins a sentence
    ("Belgrade broke with Hungary. Šabac, Slankamen and Zemun were hence captured.", "Belgrade broke with Hungary.",
     "Šabac, Slankamen and Zemun were hence captured."),
    ("The army marched west. Łódź fell within a week.", "The army marched west.", "Łódź fell within a week."),
    # ... and after a sentence's citation marks
    ("A fleet landed in Piława.[3][4][5] The Swedes quickly captured Braniewo.", "A fleet landed in Piława.[3][4][5]",
     "The Swedes quickly captured Braniewo."),
])
def test_a_sentence_ends_before_any_capital_and_after_its_citation_marks(text, first, second):
    sec = Section("t", "t", None, None, 0, len(text))
    assert [s.text for s in split_sentences(text, sec, keep_short=True)] == [first, second]


def test_a_full_stop_before_a_small_letter_ends_no_sentence():
    text = "Troops entered the town at 5 p.m. and é was written on the wall in Gao."
    sec = Section("t", "t", None, None, 0, len(text))
    assert len(split_sentences(text, sec, keep_short=True)) == 1
