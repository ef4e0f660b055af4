"""Incremental and parallel builds: the same bytes from a clean build, the cache and any number of jobs."""

from __future__ import annotations

import os
import shutil

from geo.pipeline import Settings, build
from geo.places.sources import load_gazetteer
from geo.runner import run_articles

from .conftest import copy_articles


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_cache_and_jobs_give_the_bytes_of_a_clean_build(tmp_path):
    arts = copy_articles(tmp_path / "articles")
    cache = tmp_path / "cache"
    runs = {}
    for name, jobs, clean in (("clean1", 1, True), ("clean2", 2, True), ("cached", 1, False), ("cached2", 2, False)):
        build(Settings(articles=arts, layers=tmp_path / name, map=None, jobs=jobs, clean=clean, cache_dir=cache))
        runs[name] = _files(tmp_path / name)
    assert runs["clean1"] and all(r == runs["clean1"] for r in runs.values())


def test_a_new_article_is_the_only_one_extracted_and_the_output_is_a_clean_builds(tmp_path):
    arts = copy_articles(tmp_path / "articles")
    cache = tmp_path / "cache"
    gaz = load_gazetteer()
    _, _, counts = run_articles(arts, gaz, cache_dir=cache)
    assert counts["extracted"] == counts["articles"] >= 2
    (arts / "zzz_new.txt").write_text("Drones struck Camp Taji, north of Baghdad, on Monday.\n", encoding="utf-8")
    results, _, counts = run_articles(arts, gaz, cache_dir=cache)
    assert (counts["extracted"], counts["from_cache"]) == (1, counts["articles"] - 1)
    assert [r.article.name for r in results][-1] == "zzz_new.txt"
    build(Settings(articles=arts, layers=tmp_path / "inc", map=None, cache_dir=cache))
    build(Settings(articles=arts, layers=tmp_path / "full", map=None, clean=True, cache_dir=tmp_path / "other"))
    assert _files(tmp_path / "inc") == _files(tmp_path / "full")
    # an edited sidecar is a new article too
    (arts / "zzz_new.meta.json").write_text('{"published": "2025-06-23"}', encoding="utf-8")
    _, _, counts = run_articles(arts, gaz, cache_dir=cache)
    assert counts["extracted"] == 1


def test_a_damaged_cache_entry_is_extracted_again(tmp_path):
    arts = copy_articles(tmp_path / "articles")
    cache = tmp_path / "cache"
    gaz = load_gazetteer()
    run_articles(arts, gaz, cache_dir=cache)
    packs = list((cache / "articles").glob("*/*.pack"))
    assert len(packs) == 1
    packs[0].write_bytes(b"not a pickle" * 100_000)  # the index finds garbage where each result was
    results, errors, counts = run_articles(arts, gaz, cache_dir=cache)
    assert counts["extracted"] == counts["articles"] and len(results) == counts["articles"] and errors == []
    _, _, counts = run_articles(arts, gaz, cache_dir=cache)  # made again, and cached again
    assert counts["extracted"] == 0
    for index in (cache / "articles").glob("*/*.index"):
        index.write_bytes(b"not a pickle")
    results, errors, counts = run_articles(arts, gaz, cache_dir=cache)
    assert counts["extracted"] == counts["articles"] and len(results) == counts["articles"] and errors == []
    shutil.rmtree(cache)


def test_the_cache_keeps_few_packs_and_no_dead_one(tmp_path, monkeypatch):
    """Each build that extracts writes one pack; a clean build's pack leaves the one before dead (removed),
    and past MAX_PACKS the packs are merged into one, from which every result is read again."""
    import geo.cache as cache_mod

    monkeypatch.setattr(cache_mod, "MAX_PACKS", 3)
    arts = copy_articles(tmp_path / "articles")
    cache = tmp_path / "cache"
    gaz = load_gazetteer()
    run_articles(arts, gaz, cache_dir=cache)
    run_articles(arts, gaz, cache_dir=cache, clean=True)
    assert len(list((cache / "articles").glob("*/*.pack"))) == 1
    counts_of = []
    for n in range(5):
        (arts / f"zz_{n}.txt").write_text(f"Rockets hit Baghdad on day {n}.\n", encoding="utf-8")
        _, _, counts = run_articles(arts, gaz, cache_dir=cache)
        counts_of.append(counts["extracted"])
        assert len(list((cache / "articles").glob("*/*.pack"))) <= 3
    assert counts_of == [1] * 5
    assert len(list((cache / "articles").glob("*/*.index"))) == len(list((cache / "articles").glob("*/*.pack")))
    results, _, counts = run_articles(arts, gaz, cache_dir=cache)
    assert counts["extracted"] == 0 and len(results) == counts["articles"]
    packs = list((cache / "articles").glob("*/*.pack"))
    for pack in packs:  # gone, their indexes left (another build merged them away mid-way)
        pack.unlink()
    _, errors, counts = run_articles(arts, gaz, cache_dir=cache)
    assert counts["extracted"] == counts["articles"] and errors == []


def test_a_clean_build_on_workers_keys_each_result_by_the_digest_its_worker_read(tmp_path, monkeypatch):
    """Many articles and no cached result to look up: the workers read each file's digest, and the
    results are cached under the keys a build that reads every file itself finds again."""
    import pickle

    import geo.runner as runner

    monkeypatch.setattr(runner, "FEW", 1)
    monkeypatch.setattr(runner, "item_key", _counting(runner.item_key, calls := []))
    arts = copy_articles(tmp_path / "articles")
    cache = tmp_path / "cache"
    gaz = load_gazetteer()
    _, _, counts = run_articles(arts, gaz, cache_dir=cache, jobs=2, clean=True)
    assert counts["extracted"] == counts["articles"] > 1
    assert len(calls) == counts["articles"] and all(calls)  # each key made with the digest a worker read
    with (cache / "articles" / "digests.pickle").open("rb") as fh:
        digests = pickle.load(fh)
    assert sorted(digests) == sorted(str(p) for p in arts.glob("*.txt"))
    _, _, counts = run_articles(arts, gaz, cache_dir=tmp_path / "cache", jobs=1)
    assert counts["extracted"] == 0
    (cache / "articles" / "digests.pickle").unlink()  # every file read again here: the same keys
    _, _, counts = run_articles(arts, gaz, cache_dir=tmp_path / "cache", jobs=1)
    assert counts["extracted"] == 0


def test_a_file_gone_after_it_was_listed_is_reported_and_the_others_built(tmp_path, monkeypatch):
    import geo.runner as runner

    monkeypatch.setattr(runner, "FEW", 1)  # (with two jobs: the workers read the digests)
    arts = copy_articles(tmp_path / "articles")
    (arts / "zz_gone.txt").write_text("Rockets hit Baghdad on Monday.\n", encoding="utf-8")
    gaz = load_gazetteer()
    for jobs in (1, 2):
        items, _ = runner.discover(arts)
        (arts / "zz_gone.txt").unlink()
        results, errors, counts = run_articles(arts, gaz, jobs=jobs, clean=True, items=items, cache_dir=tmp_path / "c")
        assert [e.split(":")[0] for e in errors] == [str(arts / "zz_gone.txt")] and "cannot read" in errors[0]
        assert len(results) == counts["articles"] - 1 >= 2
        (arts / "zz_gone.txt").write_text("Rockets hit Baghdad on Monday.\n", encoding="utf-8")


def _counting(fn, calls):
    def wrapped(item, version, seen=None, now=None, read=None):
        calls.append(read)
        return fn(item, version, seen, now, read)

    return wrapped


def test_packs_another_build_removed_or_cut_mid_merge_cost_a_warning_only(tmp_path, monkeypatch, caplog):
    import geo.cache as cache_mod

    monkeypatch.setattr(cache_mod, "MAX_PACKS", 1)
    for how in ("removed", "cut"):
        vdir = tmp_path / how
        for n in range(2):
            store = cache_mod.ResultStore(vdir, None)
            store.add(f"key{n}", None, f"result {n}".encode())
            store.close()
        assert sorted(p.suffix for p in vdir.iterdir()) == [".index", ".pack"]  # (two packs were merged)
        store = cache_mod.ResultStore(vdir, None)
        assert bytes(store._bytes("key0")) == b"result 0" and bytes(store._bytes("key1")) == b"result 1"
        store = cache_mod.ResultStore(vdir, None)
        store.add("key2", None, b"result 2")
        for pack in vdir.glob("*.pack"):  # (what another build may do to it meanwhile)
            pack.unlink() if how == "removed" else pack.write_bytes(b"res")
        caplog.clear()
        store.close()
        assert "could not cache or tidy" in caplog.text and not list(vdir.glob(".tmp-*"))


def test_the_cache_keeps_the_results_of_the_newest_versions_only(tmp_path, monkeypatch):
    """Each code and gazetteer version caches in a folder of its own; a new one removes all but the
    newest three, and the entries of the flat layout before (dead since their version changed)."""
    import geo.runner as runner

    arts = copy_articles(tmp_path / "articles")
    cache = tmp_path / "cache"
    legacy = cache / "articles" / ("0" * 64)
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(b"an entry of the flat layout")
    gaz = load_gazetteer()
    folders = []
    for n in range(4):
        monkeypatch.setattr(runner, "code_version", lambda n=n: f"code version {n}")
        _, _, counts = run_articles(arts, gaz, cache_dir=cache)
        assert counts["extracted"] == counts["articles"]
        made = sorted(set(p.parent for p in (cache / "articles").glob("*/*")) - set(folders))
        assert len(made) == 1
        folders += made
        os.utime(made[0], (n * 1000, n * 1000))  # (the order they were made in, whatever the clock's grain)
    assert sorted(p for p in (cache / "articles").iterdir() if p.is_dir()) == sorted(folders[1:])
    assert not legacy.exists() and (cache / "articles" / "digests.pickle").exists()
    _, _, counts = run_articles(arts, gaz, cache_dir=cache)  # the newest version's results: all from the cache
    assert counts["extracted"] == 0


def test_dask_on_a_local_cluster_gives_the_same_layers(tmp_path):
    from dask.distributed import LocalCluster

    arts = copy_articles(tmp_path / "articles")
    (arts / "zzz_more.txt").write_text("Rockets hit Ain al-Asad air base in western Iraq on Sunday.\n", encoding="utf-8")
    build(Settings(articles=arts, layers=tmp_path / "local", map=None, clean=True, cache_dir=tmp_path / "c1"))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        build(Settings(articles=arts, layers=tmp_path / "dask", map=None, clean=True, cache_dir=tmp_path / "c2",
                       engine="dask", scheduler=cluster.scheduler_address, jobs=2))
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")
    # besides the layers: the events as GeoParquet partitioned by month and country
    import json

    import geoparquet_validator as gpv
    import pyarrow.parquet as pq

    parts = sorted((tmp_path / "dask" / "events").rglob("*.parquet"))
    assert parts and all(p.parent.name.startswith("country=") and p.parent.parent.name.startswith("month=") for p in parts)
    assert all(gpv.failed(gpv.check(str(p))) == [] for p in parts)
    rows = sum(pq.read_metadata(p).num_rows for p in parts)
    layers = [json.loads((tmp_path / "dask" / f"{n}.geojson").read_text())["features"] for n in ("incidents", "events_country")]
    assert rows == sum(len(x) for x in layers)
    assert any(p.parent.parent.name == "month=2025-06" and p.parent.name == "country=IQ" for p in parts)


def test_dask_says_only_its_warnings_and_with_quiet_nothing(monkeypatch):
    """Dask's loggers tell of every worker started and stopped at INFO: not at -v, and not even a warning at -q."""
    import logging

    from geo.runner import dask_client

    root = logging.getLogger()
    for level, want in ((logging.INFO, logging.WARNING), (logging.ERROR, logging.ERROR)):
        monkeypatch.setattr(root, "level", level)
        with dask_client(1, None):
            assert logging.getLogger("distributed").getEffectiveLevel() == want


def test_what_an_article_logged_is_said_again_when_its_result_comes_from_the_cache(tmp_path, caplog):
    import logging

    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "a.txt").write_text(
        "Attaque contre une base\n\nDes roquettes ont frappé lundi soir la base militaire de Taji, au nord de la "
        "capitale, ont indiqué des responsables de la sécurité. Aucune victime n'a été signalée dans l'immédiat, "
        "selon un communiqué de l'armée, qui a ouvert une enquête. Les tirs seraient partis d'un champ voisin, où "
        "les forces de sécurité ont retrouvé le lanceur utilisé par les assaillants.\n", encoding="utf-8")
    gaz = load_gazetteer()
    with caplog.at_level(logging.INFO, logger="geo"):
        run_articles(arts, gaz, cache_dir=tmp_path / "cache")
        first = [r.getMessage() for r in caplog.records if "a.txt" in r.getMessage()]
        caplog.clear()
        _, _, counts = run_articles(arts, gaz, cache_dir=tmp_path / "cache")
        again = [r.getMessage() for r in caplog.records if "a.txt" in r.getMessage()]
    assert counts["from_cache"] == 1 and first and again == first


def test_the_dask_group_by_groups_as_the_local_merge():
    from dask.distributed import Client, LocalCluster

    from geo.events.same_event import EventKey, group_events
    from geo.events.dask_groupby import dask_grouper

    keys = list(enumerate(EventKey(f"gn/{i % 7}", "shelling" if i % 3 else "drone_attack", f"2024-03-{1 + i % 9:02d}",
                                   f"2024-03-{2 + i % 9:02d}", i % 5 != 0, f"a{i % 4}") for i in range(300)))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        assert dask_grouper(client)(keys) == group_events(keys)


def test_an_edited_article_is_extracted_again_though_its_digest_is_remembered(tmp_path):
    """The digests of unchanged files are remembered by size, time and inode; an edit changes them."""
    import os

    arts = copy_articles(tmp_path / "articles")
    cache = tmp_path / "cache"
    gaz = load_gazetteer()
    run_articles(arts, gaz, cache_dir=cache)
    assert (cache / "articles" / "digests.pickle").exists()
    _, _, counts = run_articles(arts, gaz, cache_dir=cache)
    assert counts["extracted"] == 0
    first = sorted(arts.glob("*.txt"))[0]
    st = first.stat()
    first.write_text(first.read_text(encoding="utf-8") + "\nRockets hit Balad Air Base on Friday.\n", encoding="utf-8")
    os.utime(first, ns=(st.st_atime_ns, st.st_mtime_ns))  # even with its old modification time: the size differs
    results, _, counts = run_articles(arts, gaz, cache_dir=cache)
    assert counts["extracted"] == 1
    # a removed article's digest is not kept
    first.unlink()
    run_articles(arts, gaz, cache_dir=cache)
    import pickle

    with (cache / "articles" / "digests.pickle").open("rb") as fh:
        assert str(first) not in pickle.load(fh)


def test_a_cached_result_names_gazetteer_places_by_key(tmp_path):
    """A result read back from the cache holds the gazetteer's own place records, not copies."""
    arts = copy_articles(tmp_path / "articles")
    gaz = load_gazetteer()
    first, _, _ = run_articles(arts, gaz, cache_dir=tmp_path / "cache")
    again, _, counts = run_articles(arts, gaz, cache_dir=tmp_path / "cache")
    assert counts["from_cache"] == counts["articles"]
    placed = [m for r in again for m in r.mentions if m.place is not None]
    assert placed and all(m.place is gaz.places[m.place.key] for m in placed)
    assert [(m.text, m.place.key) for r in first for m in r.mentions if m.place] == [(m.text, m.place.key) for m in placed]


def test_a_few_new_articles_with_jobs_are_extracted_beside_the_cache_and_give_a_clean_builds_bytes(tmp_path):
    arts = copy_articles(tmp_path / "articles")
    cache = tmp_path / "cache"
    gaz = load_gazetteer()
    run_articles(arts, gaz, cache_dir=cache, jobs=2)
    (arts / "zzz_new.txt").write_text("Drones struck Camp Taji, north of Baghdad, on Monday.\n", encoding="utf-8")
    (arts / "zzz_new2.txt").write_text("Rockets hit Balad Air Base on Friday, officials said.\n", encoding="utf-8")
    results, errors, counts = run_articles(arts, gaz, cache_dir=cache, jobs=2)
    assert (counts["extracted"], counts["from_cache"]) == (2, counts["articles"] - 2) and errors == []
    assert {r.article.name for r in results} >= {"zzz_new.txt", "zzz_new2.txt"}
    _, _, counts = run_articles(arts, gaz, cache_dir=cache, jobs=2)
    assert counts["extracted"] == 0  # the child's results were cached
    build(Settings(articles=arts, layers=tmp_path / "inc", map=None, cache_dir=cache, jobs=2))
    build(Settings(articles=arts, layers=tmp_path / "full", map=None, clean=True, cache_dir=tmp_path / "other"))
    assert _files(tmp_path / "inc") == _files(tmp_path / "full")


def test_a_child_that_dies_says_so_and_its_articles_are_left_to_the_build(monkeypatch):
    """The child's death gives None, never a partial list: the build then extracts the articles itself."""
    import os

    import geo.runner as runner

    import threading

    monkeypatch.setattr(runner, "_extract", lambda item: os._exit(3))
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # (earlier tests' Dask threads, idle: safe to fork here)
    send = runner._extract_beside()
    assert send is not None
    wait = send([("file", None, None)])
    assert wait is not None and wait() is None


def test_a_warm_child_told_of_no_new_article_is_stopped(monkeypatch):
    """The child forked before the keys are known loads the parser; with nothing to do it is killed and reaped."""
    import threading

    import geo.runner as runner

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    send = runner._extract_beside(warm=True)
    assert send is not None and send([]) is None


def test_a_workers_results_name_places_by_key_only_for_the_same_gazetteer(tmp_path):
    import geo.runner as runner

    arts = copy_articles(tmp_path / "articles")
    gaz = load_gazetteer()
    results, _, _ = run_articles(arts, gaz, cache_dir=tmp_path / "cache")
    how, data = runner._pack(results, gaz.version)
    assert how == "keys"
    back = [r for r, blob in runner._unpack((how, data), gaz)]
    assert [blob for _, blob in runner._unpack((how, data), gaz)] == data  # the bytes the cache keeps
    placed = [m for r in back for m in r.mentions if m.place is not None]
    assert placed and all(m.place is gaz.places[m.place.key] for m in placed)
    other = runner._pack(results, "another-version")  # a worker with another gazetteer: whole records
    assert other[0] == "whole" and len(other[1]) > sum(map(len, data))
    assert [(m.text, m.place.key) for r, _ in runner._unpack(other, gaz) for m in r.mentions if m.place] == \
        [(m.text, m.place.key) for m in placed]



def test_a_cached_result_keeps_a_place_the_extraction_made_wider():
    """A gazetteer record the extraction copied with another radius ("900 km east of Kharkiv") reads back
    from the cache as that copy, not as the record: a cached build equals a clean one."""
    import dataclasses
    import io

    import geo.cache as cache

    gaz = load_gazetteer()
    kharkiv = gaz.places["gn/706483"]
    wider = dataclasses.replace(kharkiv, uncertainty_km=900.0)
    buf = io.BytesIO()
    cache.CachePickler(buf, gaz).dump([kharkiv, wider])
    buf.seek(0)
    same, back = cache.CacheUnpickler(buf, gaz).load()
    assert same is kharkiv and back == wider and back.uncertainty_km == 900.0


def test_a_child_forked_before_the_gazetteer_loads_it_itself_and_gives_a_clean_builds_bytes(tmp_path, monkeypatch):
    """A folder a file was added to since the build before: the child is forked before the articles are listed and the gazetteer is
    loaded, loads the parser and the gazetteer (from its cache only), and extracts the new article."""
    import threading

    import geo.pipeline as pipeline
    import geo.runner as runner

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(runner, "FEW", 1)  # the seeds are few: count them as many
    arts = copy_articles(tmp_path / "articles")
    cache = tmp_path / "cache"
    build(Settings(articles=arts, layers=tmp_path / "first", map=None, cache_dir=cache, jobs=2))
    (arts / "zzz_new.txt").write_text("Rockets hit Balad Air Base on Friday, officials said.\n", encoding="utf-8")
    forked = []

    def spy(*a, **k):
        forked.append(runner.early_child(*a, **k))
        return forked[-1]

    monkeypatch.setattr(pipeline, "early_child", spy)
    build(Settings(articles=arts, layers=tmp_path / "inc", map=None, cache_dir=cache, jobs=2))
    assert len(forked) == 1 and forked[0] is not None
    build(Settings(articles=arts, layers=tmp_path / "full", map=None, clean=True, cache_dir=tmp_path / "other"))
    assert _files(tmp_path / "inc") == _files(tmp_path / "full")
    # an unchanged folder forks nothing
    build(Settings(articles=arts, layers=tmp_path / "again", map=None, cache_dir=cache, jobs=2))
    assert forked[-1] is None


def test_a_child_without_a_gazetteer_cache_leaves_its_articles_to_the_build(tmp_path, monkeypatch):
    import threading

    import geo.runner as runner

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    arts = copy_articles(tmp_path / "articles")
    gaz = load_gazetteer()
    items, _ = runner.discover(arts)

    def no_cache():
        raise FileNotFoundError("gazetteer-x/places.pickle")

    send = runner._extract_beside(no_cache, warm=False)
    results, errors, counts = run_articles(arts, gaz, jobs=2, cache_dir=tmp_path / "cache", items=items, early=send)
    assert errors == [] and counts["extracted"] == len(items) and len(results) == len(items)


def test_a_folder_changed_since_a_build_is_one_a_file_was_added_to(tmp_path):
    """What forks the warm child before the articles are listed: a file added or removed (in a subfolder too),
    not a file rewritten in place."""
    import os

    from geo.cache import changed_since

    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    old = 10**9  # one second after the epoch, in nanoseconds: long before this test
    for folder in (tmp_path, tmp_path / "sub"):
        os.utime(folder, ns=(old, old))
    assert not changed_since(tmp_path, old)
    (tmp_path / "a.txt").write_text("two", encoding="utf-8")
    assert not changed_since(tmp_path, old)
    (tmp_path / "sub" / "b.txt").write_text("new", encoding="utf-8")
    assert changed_since(tmp_path, old)
