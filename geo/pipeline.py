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
from .events.extract import extract
from .events.triggers import EVENT_TYPES
from .model import Article, Feature, Sentence
from .output.features import Builder
from .output.layers import validate, write_json, write_layers, write_review_csv
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
    per_article_maps: bool = True
    gazetteer_dir: Path | None = None
    places: tuple[Path, ...] = ()  # the user's places files (CSV, GeoJSON, GeoPackage); they win


@dataclass
class BuildResult:
    layers: dict[str, list[Feature]]
    articles: list[Article]
    errors: list[str] = field(default_factory=list)
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def geoparse(arts: list[Article], gaz: Gazetteer, queue: list | None = None) -> tuple[dict[str, list[Feature]], list[dict[str, Any]]]:
    """Features for every layer, and what could not be placed (with quotes).  With ``queue``, each
    unresolved place mention is appended to it with its article text and its sentence's places."""
    actors = load_actors()
    builder = Builder(gaz, actors)
    unresolved: list[dict[str, Any]] = []
    for art in arts:
        mentions = find_mentions(art, gaz)
        incidents, unplaced = extract(art, mentions, gaz, actors)
        builder.add_article(art, mentions, incidents)
        for m in mentions:
            if m.place is None:
                unresolved.append(_report(art, m.sentence, m.text, "place", m.reason, m.start, m.end))
                if queue is not None:
                    queue.append((m, art.text, [n for n in mentions if n.sentence is m.sentence and n.place]))
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
    arts, errors = load_articles(settings.articles)
    for err in errors:
        log.error("%s", err)
    gaz = load_gazetteer(settings.gazetteer_dir, places=settings.places)
    queue: list = []
    layers, unresolved = geoparse(arts, gaz, queue)
    validate(layers, claimable_shapes(gaz, {f.place.country for fs in layers.values() for f in fs}))
    files = list(write_layers(settings.layers, layers).values())
    unresolved.sort(key=lambda u: (u["article"], u["name_start"], u["what"]))
    ranked = review_queue(queue, gaz)
    report = settings.layers / "unresolved.json"
    write_json(report, {"places": ranked, "incidents": [u for u in unresolved if u["what"] == "incident"]})
    files += [report, write_review_csv(settings.layers / "unresolved.csv", ranked)]
    result = BuildResult(layers, arts, errors, unresolved, files)
    if settings.map is not None:
        from .output.webmap import write_maps

        files.extend(write_maps(layers, arts, settings.map, per_article=settings.per_article_maps))
    return result
