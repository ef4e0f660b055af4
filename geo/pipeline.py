"""The whole pipeline, wiring only: text -> places -> events -> output.

articles (:mod:`geo.text.articles`) -> mentions (:mod:`geo.places.mentions`)
-> incidents (:mod:`geo.events.extract`) -> features (:mod:`geo.output.features`)
-> validated layers (:mod:`geo.output.layers`) -> map (:mod:`geo.output.webmap`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .events.actors import load_actors
from .events.extract import country_incidents, extract
from .events.triggers import EVENT_TYPES
from .progress import bar
from .model import Article, Feature, Sentence
from .output.features import Builder
from .errors import ArticleError
from .output.files import build_lock, write_set
from .output.layers import json_text, layer_texts, review_csv_text, validate
from .places.checks import claimable_shapes
from .places.gazetteer import Gazetteer
from .places.mentions import find_mentions
from .places.review import review_queue
from .places.sources import load_gazetteer
from .text.articles import load_articles

log = logging.getLogger(__name__)


@dataclass
class Settings:
    articles: Path = Path("data/articles")
    layers: Path = Path("data/layers")
    map: Path | None = Path("maps/index.html")
    per_article_maps: bool = False
    gazetteer_dir: Path | None = None
    places: tuple[Path, ...] = ()  # the user's places files (CSV, GeoJSON, GeoPackage); they win


@dataclass
class BuildResult:
    layers: dict[str, list[Feature]]
    articles: list[Article]
    errors: list[str] = field(default_factory=list)
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def geoparse(arts: list[Article], gaz: Gazetteer, queue: list | None = None,
             errors: list[str] | None = None) -> tuple[dict[str, list[Feature]], list[dict[str, Any]]]:
    """Features for every layer, and what could not be placed (with quotes).  With ``queue``, each
    unresolved place mention is appended to it with its article text and its sentence's places.
    An article whose extraction fails is left out with a line in ``errors``; the others go on."""
    actors = load_actors()
    builder = Builder(gaz, actors)
    unresolved: list[dict[str, Any]] = []
    for art in bar(arts, "articles"):
        try:
            mentions = find_mentions(art, gaz)
            # the triggers, dates and parser are English: another language gets its places only
            incidents, unplaced = extract(art, mentions, gaz, actors) if art.language == "en" else ([], [])
        except Exception as err:  # a bug must not cost the other articles
            log.debug("extraction of %s failed", art.name, exc_info=True)
            if errors is None:
                raise
            errors.append(f"{art.name}: left out: extraction failed ({type(err).__name__}: {err}); please report it "
                          "with the article")
            continue
        builder.add_article(art, mentions, incidents + country_incidents(unplaced, actors))
        placed: dict[int, list] = {}
        for n in mentions:
            if n.place is not None:
                placed.setdefault(n.sentence.start, []).append(n)
        for m in mentions:
            if m.place is None:
                unresolved.append(_report(art, m.sentence, m.text, "place", m.reason, m.start, m.end))
                if queue is not None:
                    queue.append((m, art.text, placed.get(m.sentence.start, [])))
        for c in unplaced:
            where = ", ".join(p.name for _, p, _ in c.places) or "no place named"
            unresolved.append(
                _report(art, c.sentence, c.trigger, "incident",
                        f"{EVENT_TYPES[c.event_type][0]} placed only at country level ({where}); not mapped",
                        c.sentence.start, c.sentence.end)
            )
    return builder.features(), unresolved


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


def build(settings: Settings) -> BuildResult:
    """Every stage, then the layer set switched in whole (or, when no article could be read, nothing
    written at all: the previous outputs stay as they were)."""
    with build_lock(settings.layers):
        arts, errors = load_articles(settings.articles)
        if not arts:
            why = "every article failed" if errors else "it holds no .txt article"
            raise ArticleError(f"{settings.articles}: nothing to build ({why}); the previous layers and map are left "
                               "as they were" + ("".join(f"\n  {e}" for e in errors)))
        gaz = load_gazetteer(settings.gazetteer_dir, places=settings.places)
        queue: list = []
        layers, unresolved = geoparse(arts, gaz, queue, errors)
        layers, problems = validate(layers, claimable_shapes(gaz, {f.place.country for fs in layers.values() for f in fs}))
        errors += problems
        unresolved.sort(key=lambda u: (u["article"], u["name_start"], u["what"]))
        ranked = review_queue(queue, gaz)
        texts = layer_texts(layers)
        texts["unresolved.json"] = json_text({"places": ranked, "incidents": [u for u in unresolved if u["what"] == "incident"]})
        texts["unresolved.csv"] = review_csv_text(ranked)
        files = write_set(settings.layers, texts)
        result = BuildResult(layers, arts, errors, unresolved, files)
        if settings.map is not None:
            from .output.webmap import write_maps

            files.extend(write_maps(layers, arts, settings.map, per_article=settings.per_article_maps, errors=errors,
                                    unresolved=[u for u in unresolved if u["what"] == "incident"]))
    return result
