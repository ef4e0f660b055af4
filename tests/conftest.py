"""Shared fixtures: one build of the seed articles into a temporary folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from geo.places.sources import load_gazetteer
from geo.pipeline import Settings, build

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


@pytest.fixture(scope="session")
def gazetteer():
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
