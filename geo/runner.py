"""The per-article stage over a folder: from a cache of earlier results, and on every core.

Each article's result (:class:`ArticleResult`: its places, incidents, what could not be placed
and what it logged) is cached (:mod:`geo.cache`) under a digest of the article's file and sidecar bytes, its name, the
code and data the extraction reads (``geo/``, ``data/lexicon``, ``data/models``) and the
gazetteer's version.  A build extracts only the articles whose digest is new, with ``jobs``
processes (each loads the gazetteer from its cache once), then hands every result,
in article order, to the cross-article stages: the output is the same whatever the cache and the
number of jobs (tested).  ``clean`` ignores the cache (and refills it).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import pickle
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .beside import fork_beside
from .cache import (SEEN_FILE, CacheUnpickler, ResultStore, changed_since, code_version, dumps, file_digest, item_key,
                    load_seen, save_seen, version_dir, version_path)
from .errors import ArticleError
from .events.actors import load_actors
from .events.extract import country_incidents, extract
from .events.triggers import EVENT_TYPES
from .model import Article, Incident, Mention, Sentence
from .places.mentions import find_mentions
from .places.spelling import similar_names
from .paths import default_cache_dir
from .places.gazetteer import Gazetteer
from .progress import bar
from .text.archive import is_archive, read_archive
from .text.articles import article_from_text, find_articles, load_article
from .text.pages import prepare_pages

log = logging.getLogger(__name__)
_WORKER: dict = {}


@dataclass
class ArticleResult:
    """What the per-article stage makes of one article: all the cross-article stages need of it."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)  # placed, and placed only at a country
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    # unresolved names, their sentence's places, the gazetteer names nearest to them
    queue: list[tuple[Mention, list[Mention], list[dict[str, Any]]]] = field(default_factory=list)
    error: str | None = None
    # what reading and extracting it logged (level, message): said again whenever the result is used,
    # from the cache too, in article order whatever the number of jobs
    log: list[tuple[int, str]] = field(default_factory=list)


def extract_article(art: Article, gaz: Gazetteer, actors) -> ArticleResult:
    """The per-article stage: places, incidents and what could not be placed.  A failure is kept as
    the result's ``error`` (a bug must not cost the other articles)."""
    try:
        mentions = find_mentions(art, gaz)
        # the triggers, dates and parser are English: another language gets its places only
        incidents, unplaced = extract(art, mentions, gaz, actors) if art.language == "en" else ([], [])
    except Exception as err:
        log.debug("extraction of %s failed", art.name, exc_info=True)
        return ArticleResult(art, error=f"{art.name}: left out: extraction failed ({type(err).__name__}: {err}); "
                                        "please report it with the article")
    result = ArticleResult(art, mentions, incidents + country_incidents(unplaced, actors))
    placed: dict[int, list] = {}
    for n in mentions:
        if n.place is not None:
            placed.setdefault(n.sentence.start, []).append(n)
    similar: dict[str, list[dict[str, Any]]] = {}  # a name the article repeats is looked up once
    for m in mentions:
        if m.place is None:
            result.unresolved.append(_report(art, m.sentence, m.text, "place", m.reason, m.start, m.end))
            if m.text not in similar:
                similar[m.text] = similar_names(gaz, m.text)
            result.queue.append((m, placed.get(m.sentence.start, []), similar[m.text]))
    for c in unplaced:
        where = ", ".join(p.name for _, p, _ in c.places) or "no place named"
        result.unresolved.append(
            _report(art, c.sentence, c.trigger, "incident",
                    f"{EVENT_TYPES[c.event_type][0]} placed only at country level ({where}); not mapped",
                    c.sentence.start, c.sentence.end)
        )
    return result


def _report(art: Article, sent: Sentence, name: str, what: str, reason: str, start: int, end: int) -> dict[str, Any]:
    return {
        "what": what,
        "name": name,
        "article": sent.section.article,
        "title": sent.section.title,
        "quote": art.text[sent.start : sent.end],
        "start": sent.start,
        "end": sent.end,
        "name_start": start,
        "name_end": end,
        "reason": reason,
    }


def discover(articles: Path, prepare: bool = True) -> tuple[list[tuple], list[str]]:
    """The articles to build, as items (``("file", path, folder)`` or ``("row", Row)``), and an error
    line for each that cannot be one: a folder of files (saved pages made text first when
    ``prepare``), or a JSONL/Parquet archive of one article per row."""
    if is_archive(articles):
        rows, errors = read_archive(articles)
        return [("row", r) for r in rows], errors
    errors = prepare_pages(articles) if prepare and articles.is_dir() else []
    paths, found = find_articles(articles)
    return [("file", p, articles) for p in paths], errors + found


def _load(item: tuple) -> Article:
    if item[0] == "row":
        row = item[1]
        return article_from_text(row.name, row.text, 0, row.meta, Path(f"{row.archive}#{row.name.split('#', 1)[1]}"))
    return load_article(item[1], item[2])


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


def _extract(item: tuple) -> ArticleResult | str:
    """One article, loaded and extracted, with what it logged; an error line when it cannot be read."""
    geo_log = logging.getLogger("geo")
    collect, propagate, level = _Collect(), geo_log.propagate, geo_log.level
    geo_log.addHandler(collect)
    geo_log.propagate = False
    geo_log.setLevel(logging.INFO)
    try:
        result = _extract_quietly(item)
    finally:
        geo_log.removeHandler(collect)
        geo_log.propagate = propagate
        geo_log.setLevel(level)
    if isinstance(result, ArticleResult):
        result.log = collect.records
    return result


def _extract_quietly(item: tuple) -> ArticleResult | str:
    where = item[1].name if item[0] == "row" else item[1]
    try:
        art = _load(item)
    except ArticleError as err:
        return str(err)
    except OSError as err:
        return f"{where}: cannot read ({err.strerror})"
    except Exception as err:  # nothing a file holds may stop the others
        return (f"{where}: cannot be read as an article ({type(err).__name__}: {err}); check the file, and report it "
                "if the file is an ordinary article")
    return extract_article(art, _WORKER["gaz"], _WORKER["actors"])


# A build keeps hundreds of thousands of small objects alive to its end (the gazetteer's places read, the
# articles' results): at the default thresholds the cycle collector walks them again and again, about a
# sixth of an incremental build of 5,000 articles.  Collections are made rarer, never stopped.
GC_THRESHOLDS = (100_000, 50, 100)


def fewer_collections() -> None:
    """Rarer cycle collections for the rest of this process (a build, or one of its workers)."""
    gc.freeze()  # what is alive now (the modules, the parser's tables) is never walked again
    gc.set_threshold(*GC_THRESHOLDS)


def _init(gazetteer_dir: Path | None, places: tuple[Path, ...]) -> None:
    """A worker's start: the gazetteer from its cache (the parent has just made or checked it)."""
    from .places.sources import load_gazetteer

    fewer_collections()
    _WORKER.update(gaz=load_gazetteer(gazetteer_dir, places=places), actors=load_actors())


FEW = 20  # new articles a build extracts in one child process beside reading the cache (more: a pool)


def _extract_beside(load: Callable[[], Gazetteer] | None = None, warm: bool = False):
    """A forked child (:func:`geo.beside.fork_beside`) that extracts a few items while this process goes
    on: with ``warm`` it loads the parser at once, before it is told which (the slow part of a few new
    articles, overlapping this process's reading of the cache), and with ``load`` the gazetteer too (forked
    before this process has one).  Returns ``send(items)`` (none: the child is stopped), which gives a
    function that waits for their results (None when the child failed: the caller extracts them itself)."""

    def prepare() -> None:
        if warm:
            from .text.parse import parser

            parser()
        if load is not None:
            _WORKER.update(gaz=load(), actors=load_actors())

    send = fork_beside(prepare, lambda todo: _pack([_extract(it) for it in todo], _WORKER["gaz"].version))
    if send is None:
        return None

    def send_items(todo: list[tuple]):
        wait = send(list(todo))
        if wait is None:
            return None

        def results():
            try:
                got = wait()
                got = _unpack(got, _WORKER["gaz"]) if got is not None else None
            except Exception:  # made with another gazetteer, or damaged: its articles are extracted here
                got = None
            return got if isinstance(got, list) and len(got) == len(todo) else None

        return results

    return send_items


def early_child(articles: Path, load: Callable[[], Gazetteer] | None, jobs: int, clean: bool = False,
                cache_dir: Path | None = None):
    """Before the articles are listed and the gazetteer is loaded: a warm child (:func:`_extract_beside`)
    when a folder built before has changed since (a file added or removed: probably a few new articles
    among many cached), which loads the parser and the gazetteer beside this process; None otherwise (an
    unchanged folder forks nothing).  Only a hint for speed: a build that finds no new article stops it."""
    if jobs <= 1 or clean or is_archive(articles) or not articles.is_dir():
        return None
    try:
        built = ((cache_dir or default_cache_dir()) / "articles" / SEEN_FILE).stat().st_mtime_ns
    except OSError:
        return None  # never built: every article is new (a pool, not one child)
    if not changed_since(articles, built):
        return None
    return _extract_beside(load, warm=True)


def _pack(results: list, version: str) -> tuple[str, Any]:
    """A worker's results for the parent: each pickled on its own with the gazetteer places named by
    key when the parent's gazetteer is this worker's (the same version), so that the parent makes no
    place again and caches the very bytes; else the records whole."""
    gaz = _WORKER["gaz"]
    if gaz.version and gaz.version == version:
        return "keys", [dumps(r, gaz) for r in results]
    return "whole", pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(packed: tuple[str, Any], gaz: Gazetteer) -> list[tuple[Any, bytes | None]]:
    """(result, its cacheable bytes or None) for each result a worker packed."""
    import io

    how, data = packed
    if how == "keys":
        return [(CacheUnpickler(io.BytesIO(b), gaz).load(), b) for b in data]
    return [(r, None) for r in pickle.loads(data)]


def _digest(item: tuple) -> tuple | None:
    """A file item's (signature, content digest); None for an archive's row, or a file gone."""
    if item[0] != "file":
        return None
    try:
        return file_digest(item[1])
    except OSError:
        return None


def _extract_batch(batch: list[tuple], version: str, digests: bool = False) -> tuple[tuple[str, Any], list | None]:
    """A pool worker's task: a batch of articles, packed, and with ``digests`` each file's content
    digest (read where the file is read: the build need not read every file of a clean build first)."""
    return _pack([_extract(item) for item in batch], version), [_digest(it) for it in batch] if digests else None


def _dask_batch(batch: list[tuple], gazetteer_dir: Path | None, places: tuple[Path, ...],
                version: str = "", digests: bool = False) -> tuple[tuple[str, Any], list | None]:
    """A Dask task: :func:`_extract_batch`; the worker loads the gazetteer once, on its first batch."""
    if "gaz" not in _WORKER:
        _init(gazetteer_dir, places)
    return _extract_batch(batch, version, digests)


def _unpack_batches(done, gaz: Gazetteer):
    """(result, its cacheable bytes, its file's digest or None) of each item of the batches ``done``."""
    for packed, digests in done:
        got = _unpack(packed, gaz)
        yield from ((r, blob, d) for (r, blob), d in zip(got, digests or [None] * len(got)))


@contextmanager
def dask_client(jobs: int, scheduler: str | None):
    """A Dask client: of the cluster at ``scheduler``, else of a local cluster of ``jobs`` worker processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise ArticleError("--engine dask needs Dask: pip install 'geo-news-map[dask]'") from err
    # Dask's own loggers say INFO of every worker started and stopped: only its warnings, and none with -q
    logging.getLogger("distributed").setLevel(max(logging.getLogger().getEffectiveLevel(), logging.WARNING))
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run_dask(todo_items: list[tuple], jobs: int, client, gazetteer_dir: Path | None,
              places: tuple[Path, ...], digests: bool = False):
    """The per-article stage as Dask tasks: (result, its cacheable bytes, its digest) of each item in
    order, as the batches finish.  Workers need the articles' files (or the archive) and the gazetteer
    cache at the same paths; a worker without the cache builds it once."""
    size = max(1, len(todo_items) // (max(jobs, 1) * 16))
    batches = [todo_items[i : i + size] for i in range(0, len(todo_items), size)]
    gaz = _WORKER["gaz"]
    futures = client.map(_dask_batch, batches, gazetteer_dir=gazetteer_dir, places=tuple(places),
                         version=gaz.version, digests=digests, pure=False)
    yield from _unpack_batches((future.result() for future in futures), gaz)


def _run_pool(todo_items: list[tuple], jobs: int, gazetteer_dir: Path | None, places: tuple[Path, ...],
              digests: bool = False):
    """The per-article stage in a pool of ``jobs`` processes: as :func:`_run_dask`."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Fresh processes (a fork of this one could inherit a browser's or a server's threads mid-lock):
    # each loads the gazetteer from the cache the parent has just made or checked.
    with ProcessPoolExecutor(max_workers=min(jobs, len(todo_items)), mp_context=multiprocessing.get_context("forkserver"),
                             initializer=_init, initargs=(gazetteer_dir, tuple(places))) as pool:
        size = max(1, len(todo_items) // (jobs * 16))
        batches = [todo_items[k : k + size] for k in range(0, len(todo_items), size)]
        gaz = _WORKER["gaz"]
        yield from _unpack_batches(pool.map(_extract_batch, batches, [gaz.version] * len(batches),
                                            [digests] * len(batches)), gaz)


def _key(item: tuple, version: str, seen: dict, now: dict, read: tuple | None = None) -> str | None:
    """:func:`geo.cache.item_key`, or None for a file gone since it was listed (its extraction says so;
    nothing is cached for it)."""
    try:
        return item_key(item, version, seen, now, read)
    except OSError:
        return None


def run_articles(folder: Path, gaz: Gazetteer, jobs: int = 1, clean: bool = False, cache_dir: Path | None = None,
                 prepare: bool = True, gazetteer_dir: Path | None = None, places: tuple[Path, ...] = (),
                 items: list[tuple] | None = None, engine: str = "local",
                 scheduler: str | None = None, client=None, early=None) -> tuple[list[ArticleResult], list[str], dict[str, int]]:
    """(the results in article order, the error lines of articles that could not be read, counts).
    ``folder`` is a folder of articles or an archive; ``items`` what :func:`discover` found in it
    already (the build has looked); ``early`` the child :func:`early_child` forked for them."""
    errors: list[str] = []
    if items is None:
        items, errors = discover(folder, prepare)
    _WORKER.update(gaz=gaz, actors=load_actors())
    version = hashlib.sha256(f"{code_version()}:{gaz.version}".encode()).hexdigest()
    cdir = (cache_dir or default_cache_dir()) / "articles"
    kept = ResultStore(version_path(cdir, version), gaz) if gaz.version else None
    seen = load_seen(cdir) if not clean else {}
    now: dict = {}
    out: dict[int, ArticleResult | str] = {}
    # A few new articles among many cached ones: a child extracts them while this process reads the
    # cached results.  It is forked before the keys are made and loads the parser at once (most of its
    # time); told of no new article, or of too many for one process, it is stopped.  (Only when a file was
    # added to the folder or removed since the build before: an unchanged folder forks nothing.)
    local_jobs = engine == "local" and jobs > 1
    send = early
    lookup = not clean and kept is not None and not kept.empty
    # A clean build (or a first) of many articles on workers: each file's digest is read by the worker
    # that reads the file, and its key made as its result comes back, not every file read here first.
    # (Up to FEW go to one forked child, which reads no digest: their keys are made here.)
    later = not lookup and len(items) > FEW and (engine == "dask" or local_jobs)
    keys: list[str | None] = [None if later else _key(it, version, seen, now) for it in items]
    new = [i for i, key in enumerate(keys) if not (lookup and key in kept)]
    few = new if 0 < len(new) <= FEW else []
    if send is None and few and local_jobs:
        send = _extract_beside()
    child = send([items[i] for i in few]) if send is not None else None
    if lookup:
        for i, key in enumerate(keys):
            if key not in kept:
                continue
            try:
                out[i] = kept.load(key)
            except Exception as err:  # a damaged entry (or a pack another build merged away) is made again
                log.warning("cached result %s in %s unreadable (%s); extracting again", key, kept.vdir, err)
    fresh: set[int] = set()  # extracted by this build (to be cached)
    blobs: dict[int, bytes | None] = {}  # their cacheable bytes, as a worker pickled them
    if child is not None:
        for i, (r, blob) in zip(new, child() or []):
            if i not in out:
                out[i], blobs[i] = r, blob
                fresh.add(i)
    todo = [i for i in range(len(items)) if i not in out]
    fresh.update(todo)
    if fresh and kept is not None:
        version_dir(cdir, version)  # (made anew, it prunes the older versions' folders)
    stored: set[int] = set()  # cached as the workers' results came in, while they went on

    def take(i: int, r, blob: bytes | None, digest: tuple | None) -> None:
        out[i] = r
        if kept is None or isinstance(r, str):  # (an error is never cached, nor is anything without a cache)
            return
        if keys[i] is None and (digest is not None or items[i][0] == "row"):
            keys[i] = _key(items[i], version, {}, now, read=digest)
        if keys[i] is not None:
            kept.add(keys[i], r, blob)
            stored.add(i)

    todo_items = [items[i] for i in todo]
    if engine == "dask" and todo:
        with (nullcontext(client) if client is not None else dask_client(jobs, scheduler)) as c:
            for i, got in zip(todo, _run_dask(todo_items, jobs, c, gazetteer_dir, places, digests=later)):
                take(i, *got)
    elif jobs > 1 and len(todo) > 1:
        for i, got in zip(todo, bar(_run_pool(todo_items, jobs, gazetteer_dir, places, digests=later), "articles",
                                    total=len(todo))):
            take(i, *got)
    else:
        for i in bar(todo, "articles"):
            out[i] = _extract(items[i])
    results: list[ArticleResult] = []
    for i in range(len(items)):
        r = out[i]
        if isinstance(r, str):
            errors.append(r)
            continue
        for level, message in r.log:
            log.log(level, "%s", message)
        if kept is not None and i in fresh and i not in stored and keys[i] is not None:
            kept.add(keys[i], r, blobs.get(i))
        results.append(r)
    if kept is not None:
        kept.close()
    if now != seen:
        save_seen(cdir, now)
    return results, errors, {"articles": len(items), "from_cache": len(items) - len(fresh), "extracted": len(fresh)}
