from __future__ import annotations

import json
import subprocess
import sys

import pytest

from geo.cli import main

from .conftest import ROOT, copy_articles


def test_build_exits_0_and_writes_layers_and_maps(tmp_path, capsys):
    arts = copy_articles(tmp_path / "articles")
    code = main(["-q", "build", "--articles", str(arts), "--layers", str(tmp_path / "layers"), "--map", str(tmp_path / "m" / "index.html"),
                 "--article-maps"])
    assert code == 0
    for layer in ("bases", "incidents", "areas", "mentions"):
        assert json.loads((tmp_path / "layers" / f"{layer}.geojson").read_text())["features"]
    assert (tmp_path / "m" / "index.html").stat().st_size > 10000
    assert (tmp_path / "m" / "article-000_67de8b56e7d4d147.html").exists()
    out = capsys.readouterr().out
    assert "Enghelab Square" in out  # unresolved places are reported with quotes


def test_bad_flags_exit_2():
    r = subprocess.run([sys.executable, "-m", "geo", "build", "--no-such-flag"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "--no-such-flag" in r.stderr


def test_version_and_help():
    r = subprocess.run([sys.executable, "-m", "geo", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and r.stdout.startswith("geo ")
    r = subprocess.run([sys.executable, "-m", "geo", "build", "--help"], capture_output=True, text=True, cwd=ROOT)
    for flag in ("--articles", "--layers", "--map"):
        assert flag in r.stdout


def test_a_broken_article_fails_the_run_but_the_others_are_built(tmp_path, capsys):
    arts = copy_articles(tmp_path / "articles")
    (arts / "zzz_broken.txt").write_bytes(b"\xff\xfe\x00broken")
    code = main(["build", "--articles", str(arts), "--layers", str(tmp_path / "layers"), "--no-map"])
    assert code == 1
    err = capsys.readouterr().err
    assert "zzz_broken.txt" in err
    bases = json.loads((tmp_path / "layers" / "bases.geojson").read_text())
    assert len(bases["features"]) >= 4


def test_missing_articles_folder_exits_1_with_the_fix(tmp_path):
    r = subprocess.run([sys.executable, "-m", "geo", "build", "--articles", str(tmp_path / "nope"), "--layers",
                        str(tmp_path / "l"), "--no-map"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1
    assert "nope" in r.stderr and "--articles" in r.stderr
