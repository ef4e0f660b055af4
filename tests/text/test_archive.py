"""News archives as input: JSONL and Parquet, one article per row."""

from __future__ import annotations

import json

from geo.pipeline import Settings, build
from geo.places.sources import load_gazetteer
from geo.runner import run_articles
from geo.text.archive import read_archive

ROWS = [
    {"id": "a1", "text": "Drones struck Camp Taji, north of Baghdad, on Monday, killing two soldiers.",
     "title": "Taji hit", "publisher": "Wire", "published": "2025-06-24"},
    {"id": "a2", "text": "Rockets hit Ain al-Asad air base in western Iraq on Sunday.", "publisher": "Wire",
     "published": "2025-06-23", "extra": "ignored"},
]


def test_a_jsonl_archive_builds_with_quotes_indexing_each_rows_text_and_bad_rows_named(tmp_path):
    bad = [{"id": "a3", "title": "no text"}, {"id": "a1", "text": "again"}, {"id": "a4", "text": "x", "published": "soon"}]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS + bad) + "\n{broken\n", encoding="utf-8")
    rows, errors = read_archive(path)
    assert [r.name for r in rows] == ["news.jsonl#a1", "news.jsonl#a2"] and rows[0].meta["title"] == "Taji hit"
    assert [e.split(": ", 1)[0] for e in errors] == [f"{path}:{n}" for n in (3, 4, 5, 6)]
    assert "'text'" in errors[0] and "repeats" in errors[1] and "published" in errors[2] and "JSON" in errors[3]
    result = build(Settings(articles=path, layers=tmp_path / "layers", map=None, cache_dir=tmp_path / "cache"))
    texts = {r["id"]: r["text"] for r in ROWS}
    incidents = {f.id: f for f in result.layers["incidents"]}
    assert set(incidents) == {"incidents:site/camp-taji/drone_attack/2025-06-23",
                              "incidents:site/ain-al-asad-air-base/rocket_attack/2025-06-22"}
    for f in incidents.values():
        for s in f.sources:
            assert s.quote == texts[s.article.split("#")[1]][s.start : s.end]
    assert len(result.errors) == 4
    _, _, counts = run_articles(path, load_gazetteer(), cache_dir=tmp_path / "cache")
    assert counts == {"articles": 2, "from_cache": 2, "extracted": 0}


def test_a_parquet_archive_reads_like_the_jsonl(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist([{k: r.get(k) for k in ("id", "text", "publisher", "published")} for r in ROWS]), path)
    rows, errors = read_archive(path)
    assert errors == [] and [(r.name, r.meta["published"]) for r in rows] == [("news.parquet#a1", "2025-06-24"),
                                                                               ("news.parquet#a2", "2025-06-23")]
