from __future__ import annotations

import json
import subprocess
import sys

import pytest

from geo.cli import main

from .conftest import ROOT, copy_articles


def test_build_exits_0_and_writes_layers_and_maps(tmp_path, capsys):
    arts = copy_articles(tmp_path / "articles")
    code = main(["build", "--articles", str(arts), "--layers", str(tmp_path / "layers"), "--map", str(tmp_path / "m" / "index.html"),
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


def test_quiet_prints_nothing_but_errors_on_every_command(tmp_path, capsys, caplog):
    arts = copy_articles(tmp_path / "articles")
    layers = tmp_path / "layers"
    assert main(["build", "-q", "--articles", str(arts), "--layers", str(layers), "--no-map"]) == 0
    assert main(["export", str(tmp_path / "x.csv"), "--layers", str(layers), "-q"]) == 0
    assert main(["-q", "export", str(tmp_path / "x.gpkg"), "--layers", str(layers)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert main(["export", str(tmp_path / "x.csv"), "--layers", str(layers), "-q"]) == 1  # exists: an error still shows
    assert "--overwrite" in caplog.text
    r = subprocess.run([sys.executable, "-m", "geo", "export", str(tmp_path / "y.kml"), "--layers", str(layers), "-q"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and r.stdout == "" and r.stderr == ""


def test_an_unknown_flag_is_named_even_without_a_command():
    r = subprocess.run([sys.executable, "-m", "geo", "--bogus"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "unrecognised argument: --bogus" in r.stderr
    r = subprocess.run([sys.executable, "-m", "geo"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "choose a command" in r.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli")
    arts = copy_articles(tmp / "articles")
    assert main(["-q", "build", "--articles", str(arts), "--layers", str(tmp / "layers"), "--no-map"]) == 0
    return tmp / "layers"


@pytest.mark.parametrize("name, fmt, magic", [
    ("x.gpkg", None, b"SQLite format 3"),
    ("x.kml", None, b"<?xml"),
    ("x.csv", None, b"event_id_cnty,"),
    ("x.parquet", None, b"PAR1"),
    ("x.geojson", None, b"{"),
    ("x.dat", "csv", b"event_id_cnty,"),  # an extension that says nothing: -f decides
])
def test_export_infers_the_format_from_the_extension(built, tmp_path, name, fmt, magic):
    args = ["export", str(tmp_path / name), "--layers", str(built), "-q"] + (["-f", fmt] if fmt else [])
    assert main(args) == 0
    assert (tmp_path / name).read_bytes().startswith(magic)


@pytest.mark.parametrize("args, code, message", [
    (["x.gpkg", "-f", "kml"], 2, "the extension says gpkg but the format is kml"),
    (["x.dat"], 2, "the extension says no format"),
    (["-"], 2, "'-' (standard output) needs -f geojson or -f csv"),
    (["-", "-f", "gpkg"], 2, "takes geojson or csv, not gpkg"),
    ([], 2, "name the file to write"),
])
def test_export_refuses_what_it_cannot_do_and_writes_nothing(built, tmp_path, caplog, monkeypatch, args, code, message):
    monkeypatch.chdir(tmp_path)
    assert main(["export", *args, "--layers", str(built)]) == code
    assert message in caplog.text
    assert [p.name for p in tmp_path.iterdir()] == []


def test_export_to_stdout_one_layer(built, capsys):
    assert main(["export", "-", "-f", "geojson", "--layer", "bases", "--layers", str(built)]) == 0
    fc = json.loads(capsys.readouterr().out)
    assert fc["features"] and {f["properties"]["layer"] for f in fc["features"]} == {"bases"}
    import csv
    import io

    assert main(["export", "-", "-f", "csv", "--layer", "incidents", "--layers", str(built)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all(r["event_id_cnty"].startswith("incidents:") for r in rows)
    assert main(["export", "-", "-f", "csv", "--layers", str(built)]) == 0  # the events: both event layers
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["event_id_cnty"].split(":")[0] for r in rows} == {"incidents", "events_country"}


def test_export_overwrites_only_when_asked(built, tmp_path, capsys):
    out = tmp_path / "x.kml"
    out.write_text("mine")
    assert main(["export", str(out), "--layers", str(built)]) == 1
    assert out.read_text() == "mine"
    assert main(["export", str(out), "--layers", str(built), "--overwrite", "-q"]) == 0
    assert out.read_bytes().startswith(b"<?xml")


def test_export_of_empty_layers_is_no_traceback(tmp_path):
    layers = tmp_path / "layers"
    layers.mkdir()
    for name in ("bases", "incidents", "areas", "mentions"):
        (layers / f"{name}.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    for name in ("x.gpkg", "x.kml", "x.csv", "x.parquet", "x.geojson"):
        assert main(["export", str(tmp_path / name), "--layers", str(layers), "-q"]) == 0, name


def test_geoparquet_passes_the_validator_core_and_covering(built, tmp_path):
    import geoparquet_validator as gpv

    out = tmp_path / "layers.parquet"
    assert main(["export", str(out), "--layers", str(built), "-q"]) == 0
    report = gpv.check(str(out))
    assert gpv.failed(report) == []
    covering = [o for o in report["outcomes"] if o["id"].startswith("/conf/covering/")]
    assert covering and all(o["status"] == "pass" for o in covering), covering


def test_eval_of_a_world_held_out_set_not_made_yet_says_so_before_scoring(tmp_path, monkeypatch, caplog):
    """`geo eval --corpus world --heldout` when the next set's file is not there: a clear error naming the file
    and the fix, before any development set is scored."""
    import geo.evaluate as ev

    monkeypatch.setattr(ev, "WORLD_HELDOUT", tmp_path / "world_heldout99.jsonl")
    monkeypatch.setattr(ev, "WORLD_DEV", {})
    assert main(["eval", "--corpus", "world", "--heldout"]) == 1
    assert "world_heldout99.jsonl" in caplog.text and "run without --heldout" in caplog.text
