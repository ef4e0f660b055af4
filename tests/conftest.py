"""Shared fixtures: a small test gazetteer, the world gazetteer (built once), and
one build of the seed articles into a temporary folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from geo.pipeline import Settings, build
from geo.places.gazetteer import GAZETTEER_DIR, Gazetteer
from geo.places.gazetteer import build as build_gazetteer
from geo.places.lists import CommonWords, TextList
from geo.places.sources import CitiesFile, CuratedRows, Package, load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
SEEDS = ROOT.parent / "shared" / "seeds"


def copy_articles(dst: Path) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for p in ARTICLES.iterdir():
        shutil.copy(p, dst / p.name)
    return dst


def read_layers(folder: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.geojson"))}


TEST_CITIES = Path(__file__).resolve().parent / "data" / "cities.json"


def small_sources() -> list:
    """The world's sources, but GeoNames cut to the places the unit tests name (tests/data/cities.json)
    and no US counties: about 14,000 places built in about a second, uncached."""
    return [
        CuratedRows(GAZETTEER_DIR),
        TextList(GAZETTEER_DIR / "demonyms.tsv", "demonyms"),
        TextList(GAZETTEER_DIR / "not_places.txt", "not_places"),
        Package("load_naturalearth"),
        Package("load_admin1_points"),
        Package("load_continents"),
        Package("load_airports"),
        CitiesFile(TEST_CITIES),
        TextList(GAZETTEER_DIR / "aliases.tsv", "aliases"),
        CommonWords(),
    ]


@pytest.fixture(scope="session")
def gazetteer():
    """The small test gazetteer, for tests of single sentences."""
    return Gazetteer.freeze(build_gazetteer(small_sources()))


@pytest.fixture(scope="session")
def world_gazetteer():
    """The world gazetteer (cached on disk), for the seeds, the devset and the benchmarks."""
    return load_gazetteer()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seeds built once: (result, layers folder, map path)."""
    tmp = tmp_path_factory.mktemp("seed")
    arts = copy_articles(tmp / "articles")
    settings = Settings(articles=arts, layers=tmp / "layers", map=tmp / "maps" / "index.html")
    return build(settings), settings.layers, settings.map


def feature(layers: dict, fid: str) -> dict:
    for feats in layers.values():
        for f in feats:
            if f["id"] == fid:
                return f
    raise AssertionError(f"no feature {fid!r}; have {[f['id'] for v in layers.values() for f in v]}")
