"""GIS outputs, checked with the real tools (GDAL's ogrinfo/ogr2ogr) and an independent validator."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess

import pytest

from geo.cli import main
from geo.output.export import LAYERS

from ..conftest import ROOT
from ..system_tools import need

SCHEMA = ROOT / "docs" / "schema.md"


def documented() -> dict[str, dict[str, str]]:
    """{section: {field: type}} from docs/schema.md (the common table is 'common')."""
    out: dict[str, dict[str, str]] = {}
    section = "common"
    for line in SCHEMA.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^#{2,3} (\w+)", line)
        if m:
            section = m.group(1).lower()
        m = re.match(r"^\| ([a-z_0-9]+) \| (String|Integer|Real|Date|Boolean) \|", line)
        if m:
            out.setdefault(section, {})[m.group(1)] = m.group(2)
    return out


def ogr_fields(path, layer=None) -> tuple[dict[str, str], int]:
    args = ["ogrinfo", "-ro", "-so", "-al" if layer is None else "", str(path)] + ([layer] if layer else [])
    r = subprocess.run([a for a in args if a], capture_output=True, text=True, check=True)
    assert "Warning" not in r.stderr and "ERROR" not in r.stderr, r.stderr
    fields = {}
    for m in re.finditer(r"^(\w+): (\w+)(?:\((\w+)\))?", r.stdout, re.M):
        name, typ, sub = m.groups()
        if name in ("Layer", "Geometry", "Feature", "Extent", "FID", "INFO", "Data", "Count"):
            continue
        fields[name] = "Boolean" if sub == "Boolean" else typ
    count = int(re.search(r"Feature Count: (\d+)", r.stdout).group(1))
    return fields, count


@pytest.fixture(scope="module")
def exports(seed_build, tmp_path_factory):
    _, layers, _ = seed_build
    out = tmp_path_factory.mktemp("export")
    for fmt in ("gpkg", "kml", "csv", "parquet"):
        assert main(["export", str(out / f"layers.{fmt}"), "--layers", str(layers), "-q"]) == 0
    return layers, out


def test_schema_document_matches_the_geojson_and_geopackage(exports):
    need("ogrinfo", "gdal-bin")
    layers, out = exports
    doc = documented()
    for name in LAYERS:
        fc = json.loads((layers / f"{name}.geojson").read_text(encoding="utf-8"))
        expected = {**doc["common"], **doc.get(name, {})}
        keys = {k for f in fc["features"] for k in f["properties"]}
        assert keys == set(expected), (name, keys ^ set(expected))
        for path, layer in ((layers / f"{name}.geojson", None), (out / "layers.gpkg", name)):
            fields, count = ogr_fields(path, layer)
            assert count == len(fc["features"])
            for field, typ in expected.items():
                got = fields[field]
                if field == "sources" and path.suffix == ".geojson":
                    continue  # GDAL reads a JSON array as String(JSON)
                assert got == typ, (path.name, name, field, got, typ)
    fields, count = ogr_fields(out / "layers.gpkg", "sources")
    assert fields == doc["sources"]
    assert count == sum(len(f["properties"]["sources"]) for n in LAYERS
                        for f in json.loads((layers / f"{n}.geojson").read_text())["features"])


def test_geopackage_is_version_1_2(exports):
    _, out = exports
    assert sqlite3.connect(out / "layers.gpkg").execute("pragma user_version").fetchone()[0] == 10200


def test_kml_has_a_folder_per_layer_with_quotes(exports):
    need("ogrinfo", "gdal-bin")
    layers, out = exports
    r = subprocess.run(["ogrinfo", "-ro", "-so", str(out / "layers.kml")], capture_output=True, text=True, check=True)
    assert [l.split(": ", 1)[1].split(" ")[0] for l in r.stdout.splitlines() if re.match(r"^\d+: ", l)] == list(LAYERS)
    kml = (out / "layers.kml").read_text(encoding="utf-8")
    assert len(re.findall(r"<Folder[ >]", kml)) == 4
    assert "radar systems at Camp Taji" in kml and "The Washington Post" in kml


def test_kml_is_valid_ogc_kml_2_2(exports):
    """Against the OGC KML 2.2 schema that the fastkml package ships (its imports resolve offline)."""
    from pathlib import Path

    import fastkml
    from lxml import etree

    _, out = exports
    schema = etree.XMLSchema(etree.parse(str(Path(fastkml.__file__).parent / "schema" / "ogckml22.xsd")))
    doc = etree.parse(str(out / "layers.kml"))
    assert schema.validate(doc), schema.error_log.filter_from_errors()[:5]


def test_kml_has_typed_extended_data_timespans_styles_and_2d_points(exports):
    need("ogrinfo", "gdal-bin")
    layers, out = exports
    fields, count = ogr_fields(out / "layers.kml", "incidents")
    assert count == len(json.loads((layers / "incidents.geojson").read_text())["features"])
    assert (fields["fatalities"], fields["uncertainty_km"], fields["event_type"]) == ("Integer", "Real", "String")
    assert fields["begin"] == fields["end"] == "DateTime"
    r = subprocess.run(["ogrinfo", "-ro", "-q", str(out / "layers.kml"), "incidents"], capture_output=True, text=True, check=True)
    assert re.search(r"begin \(DateTime\) = 2025/06/2\d", r.stdout) and "POINT (" in r.stdout and "POINT Z" not in r.stdout
    kml = (out / "layers.kml").read_text(encoding="utf-8")
    assert "&#x27;" not in kml and "&amp;#" not in kml and "&amp;quot;" not in kml  # plain text, escaped once
    styles = set(re.findall(r'<Style id="([^"]+)"', kml))
    used = set(re.findall(r"<styleUrl>#([^<]+)</styleUrl>", kml))
    assert used and used <= styles and {"s-inc_air", "s-area"} <= used
    assert not re.search(r"<coordinates>[^<]*,[^<, ]*,[^<, ]*</coordinates>", kml.split("<Polygon>")[0])  # no altitude


def documented_columns(heading: str) -> list[str]:
    """The column names of the table under ``heading`` in docs/schema.md, in order."""
    text = SCHEMA.read_text(encoding="utf-8")
    block = text[text.index(heading) :].split("\n## ")[0]
    cells = [m.group(1) for m in re.finditer(r"^\| ([a-z_0-9, ]+) \|", block, re.M) if m.group(1) != "column"]
    return [name for cell in cells for name in cell.split(", ")]


def test_events_csv_has_exactly_the_documented_columns_and_incidents_only(exports):
    import csv

    from geo.output.export import EVENT_COLUMNS, FEATURE_COLUMNS

    layers, out = exports
    assert EVENT_COLUMNS == documented_columns("## Events CSV")
    assert FEATURE_COLUMNS == documented_columns("## Other layers as CSV")
    with (out / "layers.csv").open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == EVENT_COLUMNS
    incidents = json.loads((layers / "incidents.geojson").read_text())["features"]
    national = json.loads((layers / "events_country.geojson").read_text())["features"]
    assert national and len(rows) == len(incidents) + len(national)
    assert [r["event_id_cnty"].split(":")[0] for r in rows] == ["incidents"] * len(incidents) + ["events_country"] * len(national)
    # Incidents only a country places: UCDP where_prec 6, ACLED geo_precision 3
    assert {(r["where_prec"], r["geo_precision"]) for r in rows[len(incidents):]} == {("6", "3")}
    taji = next(r for r in rows if r["event_id_cnty"] == "incidents:site/camp-taji/drone_attack/2025-06-22")
    assert (taji["event_type"], taji["sub_event_type"], taji["disorder_type"]) == (
        "Explosions/Remote violence", "Air/drone strike", "Political violence")
    assert (taji["country"], taji["iso3"]) == ("Iraq", "IRQ") and taji["admin1"]  # from the governorate outlines
    assert (taji["event_date"], taji["fatalities"], taji["geo_precision"], taji["where_prec"]) == ("2025-06-22", "0", "1", "1")
    need("ogrinfo", "gdal-bin")
    r = subprocess.run(["ogrinfo", "-ro", "-al", "-so", "-oo", "X_POSSIBLE_NAMES=longitude", "-oo", "Y_POSSIBLE_NAMES=latitude",
                        str(out / "layers.csv")], capture_output=True, text=True, check=True)
    assert f"Feature Count: {len(rows)}" in r.stdout and "Warning" not in r.stderr


@pytest.mark.parametrize("precision, near, acled, ucdp", [
    ("site", False, 1, 1), ("town", False, 1, 1), ("town", True, 2, 2), ("district", False, 2, 3),
    ("region", False, 3, 4), ("country", False, 3, 6),
])
def test_place_precision_codes_follow_both_codebooks(precision, near, acled, ucdp):
    from geo.output.export import acled_geo_precision, ucdp_where_prec

    assert (acled_geo_precision(precision, near), ucdp_where_prec(precision, near)) == (acled, ucdp)


@pytest.mark.parametrize("start, end, acled, ucdp", [
    ("2025-06-22", "2025-06-22", 1, 1), ("2025-06-22", "2025-06-24", 2, 2), ("2025-06-22", "2025-06-28", 2, 3),
    ("2025-06-01", "2025-06-14", 3, 3), ("2025-06-01", "2025-08-01", 3, 4), ("2023-01-01", "2025-06-01", 3, 5),
    (None, "2025-06-24", 3, 5),
])
def test_date_precision_codes_follow_both_codebooks(start, end, acled, ucdp):
    from geo.output.export import acled_time_precision, ucdp_date_prec

    assert (acled_time_precision(start, end), ucdp_date_prec(start, end)) == (acled, ucdp)


def test_other_layers_export_as_their_own_csv(exports, tmp_path):
    import csv

    layers, _ = exports
    assert main(["export", str(tmp_path / "bases.csv"), "--layer", "bases", "--layers", str(layers), "-q"]) == 0
    rows = list(csv.DictReader((tmp_path / "bases.csv").open(encoding="utf-8")))
    assert rows and {r["layer"] for r in rows} == {"bases"} and all(r["quote"] for r in rows)
    asad = next(r for r in rows if r["id"] == "bases:site/ain-al-asad-air-base")
    assert (asad["iso3"], asad["admin1"]) == ("IRQ", "Al-Anbar")


def test_schema_sample_feature_is_a_real_feature(seed_build):
    doc = SCHEMA.read_text(encoding="utf-8")
    sample = json.loads(doc.split("```json", 1)[1].split("```", 1)[0])
    fc = json.loads((seed_build[1] / "bases.geojson").read_text(encoding="utf-8"))
    real = next(f for f in fc["features"] if f["id"] == sample["id"])
    assert set(real["properties"]) == set(sample["properties"]) and real["geometry"] == sample["geometry"]


def test_geoparquet_keeps_types(exports):
    import datetime

    import geopandas as gpd

    _, out = exports
    gdf = gpd.read_parquet(out / "layers.parquet")
    inc = gdf[gdf["layer"] == "incidents"]
    assert len(inc) > 0 and isinstance(inc["date_start"].dropna().iloc[0], datetime.date)
    assert str(gdf["source_count"].dtype) == "Int64" and gdf.crs.to_epsg() == 4326


def test_ogr2ogr_round_trip_loses_nothing(seed_build, tmp_path):
    need("ogr2ogr", "gdal-bin")
    layers = seed_build[1]
    for name in LAYERS:
        src = layers / f"{name}.geojson"
        gpkg, back = tmp_path / f"{name}.gpkg", tmp_path / f"{name}.geojson"
        subprocess.run(["ogr2ogr", "-f", "GPKG", str(gpkg), str(src)], check=True, capture_output=True)
        subprocess.run(["ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=YES", str(back), str(gpkg)], check=True, capture_output=True)
        a = json.loads(src.read_text(encoding="utf-8"))["features"]
        b = json.loads(back.read_text(encoding="utf-8"))["features"]
        assert [f["properties"]["id"] for f in a] == [f["properties"]["id"] for f in b]
        for fa, fb in zip(a, b):
            for k, v in fa["properties"].items():
                w = fb["properties"].get(k)
                if k == "sources":
                    w = json.loads(w) if isinstance(w, str) else w
                if isinstance(v, float):
                    assert w == pytest.approx(v), (name, k)
                else:
                    assert w == v, (name, fa["id"], k, v, w)
            ga, gb = fa["geometry"], fb["geometry"]
            assert ga["type"] == gb["type"]
            flat = lambda c: [x for x in json.dumps(c).replace("[", " ").replace("]", " ").replace(",", " ").split()]
            assert [float(x) for x in flat(ga["coordinates"])] == pytest.approx([float(x) for x in flat(gb["coordinates"])])

def test_layers_pass_an_independent_rfc7946_validator(seed_build):
    import geojson_validator

    for name in LAYERS:
        fc = json.loads((seed_build[1] / f"{name}.geojson").read_text(encoding="utf-8"))
        assert geojson_validator.validate_structure(fc) == {}, name
        geo = geojson_validator.validate_geometries(fc)
        assert geo["invalid"] == {} and geo["problematic"] == {}, (name, geo)


def test_incidents_only_a_country_places_are_kept_apart_and_not_drawn(seed_build):
    _, layers, map_path = seed_build
    fc = json.loads((layers / "events_country.geojson").read_text(encoding="utf-8"))
    assert fc["features"] and all(f["properties"]["precision"] == "country" and f["id"].startswith("events_country:iso/")
                                  for f in fc["features"])
    assert all(s["quote"] for f in fc["features"] for s in f["properties"]["sources"])
    page = map_path.read_text(encoding="utf-8")
    assert not any(f["id"].split(":", 1)[1] in page for f in fc["features"])  # the map does not draw them
