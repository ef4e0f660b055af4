"""The whole pipeline, wiring only: text -> places -> events -> output.

articles (:mod:`geo.text.articles`) -> mentions (:mod:`geo.places.mentions`)
-> incidents (:mod:`geo.events.extract`) -> features (:mod:`geo.output.features`)
-> validated layers (:mod:`geo.output.layers`) -> map (:mod:`geo.output.webmap`).
"""

from __future__ import annotations

import importlib
import logging
import threading
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .events.actors import load_actors
from .events.same_event import group_events
from .progress import bar
from .model import Article, Feature
from .output.features import Builder
from .errors import ArticleError
from .output.files import build_lock, write_set
from .output.layers import json_text, layer_texts, review_csv_text, validate
from .places.checks import claimable_shapes
from .places.gazetteer import Gazetteer
from .places.review import review_queue
from .places.sources import load_gazetteer
from .events.dask_groupby import dask_grouper
from .runner import ArticleResult, dask_client, discover, early_child, extract_article, run_articles

log = logging.getLogger(__name__)


@dataclass
class Settings:
    articles: Path = Path("data/articles")
    layers: Path = Path("data/layers")
    map: Path | None = Path("maps/index.html")
    per_article_maps: bool = False
    gazetteer_dir: Path | None = None
    places: tuple[Path, ...] = ()  # the user's places files (CSV, GeoJSON, GeoPackage); they win
    jobs: int = 1  # processes for the per-article stage
    clean: bool = False  # ignore the per-article cache (geo/runner.py)
    cache_dir: Path | None = None  # default: the gazetteer's cache folder
    engine: str = "local"  # "dask": the per-article stage as Dask tasks
    scheduler: str | None = None  # a Dask scheduler's address (default: a local cluster of `jobs` workers)


@dataclass
class BuildResult:
    layers: dict[str, list[Feature]]
    articles: list[Article]
    errors: list[str] = field(default_factory=list)
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def combine(results: list[ArticleResult], gaz: Gazetteer, actors, queue: list | None = None,
            errors: list[str] | None = None, grouper=group_events) -> tuple[dict[str, list[Feature]], list[dict[str, Any]]]:
    """The cross-article stages over the per-article results, in article order: features of every
    layer (one incident per event across articles, the reports grouped by ``grouper``), and what could
    not be placed."""
    builder = Builder(gaz, actors)
    unresolved: list[dict[str, Any]] = []
    for r in results:
        if r.error is not None:
            if errors is None:
                raise RuntimeError(r.error)
            errors.append(r.error)
            continue
        builder.add_article(r.article, r.mentions, r.incidents)
        unresolved.extend(r.unresolved)
        if queue is not None:
            queue.extend((m, r.article.text, places, similar) for m, places, similar in r.queue)
    return builder.features(grouper), unresolved


def geoparse(arts: list[Article], gaz: Gazetteer, queue: list | None = None,
             errors: list[str] | None = None) -> tuple[dict[str, list[Feature]], list[dict[str, Any]]]:
    """Features for every layer, and what could not be placed (with quotes).  With ``queue``, each
    unresolved place mention is appended to it with its article text and its sentence's places.
    An article whose extraction fails is left out with a line in ``errors``; the others go on."""
    actors = load_actors()
    return combine([extract_article(a, gaz, actors) for a in bar(arts, "articles")], gaz, actors, queue, errors)


def _nothing(folder: Path, why: str, errors: list[str]) -> ArticleError:
    return ArticleError(f"{folder}: nothing to build ({why}); the previous layers and map are left as they were"
                        + "".join(f"\n  {e}" for e in errors))


def build(settings: Settings) -> BuildResult:
    """Every stage, then the layer set switched in whole (or, when no article could be read, nothing
    written at all: the previous outputs stay as they were)."""
    with build_lock(settings.layers):
        def load(cached_only: bool = False) -> Gazetteer:
            return load_gazetteer(settings.gazetteer_dir, places=settings.places, cached_only=cached_only)

        # a folder built before that has changed (probably a few new articles among many cached): a child
        # loads the parser and the gazetteer for them meanwhile, from its cache only (never a second build of it)
        early = (early_child(settings.articles, lambda: load(cached_only=True), settings.jobs, settings.clean,
                             settings.cache_dir) if settings.engine == "local" else None)
        items, found = discover(settings.articles)  # saved pages are made text first
        if not items:
            if early is not None:
                early([])
            raise _nothing(settings.articles, "every article failed" if found else "it holds no .txt article", found)
        gaz = load()
        if settings.engine == "dask":  # the GeoParquet writer's imports (a second) while the workers run
            threading.Thread(target=importlib.import_module, args=("geopandas",), daemon=True).start()
        with (dask_client(settings.jobs, settings.scheduler) if settings.engine == "dask" else nullcontext()) as client:
            results, errors, counts = run_articles(settings.articles, gaz, settings.jobs, settings.clean,
                                                   settings.cache_dir, gazetteer_dir=settings.gazetteer_dir,
                                                   places=settings.places, items=items, engine=settings.engine,
                                                   scheduler=settings.scheduler, client=client, early=early)
            arts = [r.article for r in results]
            if not arts:
                raise _nothing(settings.articles, "every article failed", found + errors)
            queue: list = []
            # the merge across articles: with Dask, as a group-by on its workers
            layers, unresolved = combine(results, gaz, load_actors(), queue, errors,
                                         grouper=dask_grouper(client) if client is not None else group_events)
        errors = found + errors
        log.info("articles: %(articles)d, %(from_cache)d from the cache, %(extracted)d extracted", counts)
        layers, problems = validate(layers, claimable_shapes(gaz, {f.place.country for fs in layers.values() for f in fs}))
        errors += problems
        unresolved.sort(key=lambda u: (u["article"], u["name_start"], u["what"]))
        ranked = review_queue(queue)
        texts = layer_texts(layers)
        texts["unresolved.json"] = json_text({"places": ranked, "incidents": [u for u in unresolved if u["what"] == "incident"]})
        texts["unresolved.csv"] = review_csv_text(ranked)
        if settings.engine == "dask":  # for the engines that read a partitioned dataset
            from .output.export import partitioned_events

            texts.update(partitioned_events({k: [f.as_geojson() for f in v] for k, v in layers.items()}))
        files = write_set(settings.layers, texts)
        result = BuildResult(layers, arts, errors, unresolved, files)
        if settings.map is not None:
            from .output.webmap import write_maps

            files.extend(write_maps(layers, arts, settings.map, per_article=settings.per_article_maps, errors=errors,
                                    unresolved=[u for u in unresolved if u["what"] == "incident"]))
    return result
