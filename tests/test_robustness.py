"""Nothing a user drops in breaks the build or loses the layers: each case ends in a clear error
naming the input, or a correct build; never a traceback, never a half-written layer set."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.cli import main
from geo.errors import ArticleError, OutputError
from geo.output.files import build_lock, write_set
from geo.text.articles import load_article, load_articles

ARTICLE = "Drones struck Camp Taji on Monday, officials said. The attack caused no casualties at the base.\n"
ROOT = Path(__file__).resolve().parent.parent


def folder(tmp_path, meta=None, name="a.txt", text=ARTICLE) -> Path:
    arts = tmp_path / "articles"
    arts.mkdir(exist_ok=True)
    (arts / name).write_text(text, encoding="utf-8")
    if meta is not None:
        (arts / (name[:-4] + ".meta.json")).write_text(meta if isinstance(meta, str) else json.dumps(meta), encoding="utf-8")
    return arts


@pytest.mark.parametrize("meta, key", [
    ({"body_end": 7}, "'body_end'"),
    ({"embedded": 5}, "'embedded'"),
    ({"published": 20250622}, "'published'"),
    ({"embedded": [{"fragment": "x", "title_line": 42}]}, "'title_line'"),
    ({"title": 123, "publisher": ["x"]}, "'title'"),
    ({"published": "not a date"}, "'published'"),
    ({"published": "2025-02-30"}, "'published'"),
    ({"published": "2025-06-24/2025-06-01"}, "'published'"),
    ({"embedded": [{"fragment": "../../x", "title_line": "Drones"}]}, "'fragment'"),
    ({"colour": "red"}, "unknown metadata key"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("{not json", "not valid UTF-8 JSON"),
])
def test_a_bad_sidecar_is_one_error_naming_file_and_key(tmp_path, meta, key):
    arts = folder(tmp_path, meta)
    (arts / "b.txt").write_text(ARTICLE, encoding="utf-8")
    good, errors = load_articles(arts)
    assert [a.name for a in good] == ["b.txt"]  # the other article is still read
    assert len(errors) == 1 and "a.meta.json" in errors[0] and key in errors[0]


@given(value=st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                          max_leaves=8),
       key=st.sampled_from(["title", "publisher", "author", "published", "page_date", "url", "notes", "body_end",
                            "embedded", "via", "other"]))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_sidecar_value_gives_an_article_or_a_clear_error(tmp_path, key, value):
    arts = folder(tmp_path, {key: value})
    try:
        art = load_article(arts / "a.txt", arts)
    except ArticleError as err:
        assert "a.meta.json" in str(err)
    else:
        assert art.text == ARTICLE


@given(block=st.lists(st.tuples(st.sampled_from(["title", "published", "publisher", "embedded", "x y", ""]),
                                st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
                                        max_size=20)), max_size=5))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_front_matter_gives_an_article_or_a_clear_error(tmp_path, block):
    text = "---\n" + "".join(f"{k}: {v}\n" for k, v in block) + "---\n" + ARTICLE
    arts = folder(tmp_path, None, text=text)
    try:
        art = load_article(arts / "a.txt", arts)
    except ArticleError as err:
        assert "a.txt" in str(err)
    else:
        assert art.text == text


def test_files_that_cannot_be_articles_are_named(tmp_path):
    arts = folder(tmp_path)
    (arts / "link.txt").symlink_to("/etc/hostname")
    (arts / "broken.txt").symlink_to(arts / "nowhere.txt")
    os.close(os.open(os.path.join(os.fsencode(arts), b"bad\xff.txt"), os.O_CREAT | os.O_WRONLY, 0o644))
    (arts / "empty.txt").write_text("", encoding="utf-8")
    good, errors = load_articles(arts)
    assert [a.name for a in good] == ["a.txt"]
    text = "\n".join(errors)
    assert "out of the articles folder" in text and "does not exist" in text and "not valid UTF-8" in text
    assert "empty.txt: the file is empty" in text


def test_a_bom_is_read_and_offsets_index_the_text_after_it(tmp_path):
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "a.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    art = load_article(arts / "a.txt", arts)
    assert art.text == ARTICLE and art.sentences[0].text.startswith("Drones")


def test_a_page_on_one_line_gives_short_quotes_and_a_short_title(tmp_path):
    text = ("Drones struck Camp Taji on Monday and the base burned " * 4000).strip()  # 200 kB, no full stop
    arts = folder(tmp_path, None, text=text)
    art = load_article(arts / "a.txt", arts)
    assert len(art.title) <= 301 and max(len(s.text) for s in art.sentences) <= 1000
    assert all(art.text[s.start : s.end] == s.text for s in art.sentences)


def test_nothing_to_build_changes_nothing_and_exits_1(tmp_path, caplog):
    layers = tmp_path / "layers"
    layers.mkdir()
    (layers / "bases.geojson").write_text("old", encoding="utf-8")
    arts = folder(tmp_path, {"published": "soon"})
    assert main(["build", "--articles", str(arts), "--layers", str(layers), "--no-map"]) == 1
    assert (layers / "bases.geojson").read_text(encoding="utf-8") == "old"
    assert "nothing to build" in caplog.text and "a.meta.json: key 'published'" in caplog.text
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["build", "--articles", str(empty), "--layers", str(layers), "--no-map"]) == 1


def test_the_layer_set_never_swallows_other_files(tmp_path):
    (tmp_path / "notes.md").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="holds files the build does not write"):
        write_set(tmp_path, {"bases.geojson": "{}"})
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "mine"


def test_a_second_build_at_the_same_time_fails_clearly(tmp_path):
    layers = tmp_path / "layers"
    with build_lock(layers):
        with pytest.raises(OutputError, match="another build is writing it"):
            with build_lock(layers):
                pass
    with build_lock(layers):  # released
        pass


WRITER = """
import sys
from pathlib import Path
from geo.output.files import build_lock, write_set
folder, tag = Path(sys.argv[1]), sys.argv[2]
big = (tag * 200_000) + "\\n"
with build_lock(folder):
    write_set(folder, {f"{n}.geojson": f"{tag}\\n" + big for n in ("bases", "incidents", "areas", "mentions")})
"""


def test_a_killed_writer_leaves_the_old_set_or_the_new_one(tmp_path):
    """Kill the layer writer at 20 random points: the folder is always one complete set."""
    layers = tmp_path / "layers"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", WRITER, str(layers), "old"], check=True, env=env)
    rng = random.Random(7)
    outcomes = set()
    for i in range(20):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(layers), f"new{i}"], env=env)
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        heads = {p.name: p.read_text(encoding="utf-8").split("\n", 1)[0] for p in layers.glob("*.geojson")}
        assert len(heads) == 4 and len(set(heads.values())) == 1, heads  # one whole set, never a mix
        outcomes.add(heads["bases.geojson"] != "old")
    subprocess.run([sys.executable, "-c", WRITER, str(layers), "last"], check=True, env=env)
    assert not list(tmp_path.glob(".layers.new-*")) and not list(tmp_path.glob(".layers.old-*"))  # stale ones removed
