"""The layers in the formats GIS users load: GeoPackage, KML, CSV, GeoParquet.

Everything is written with geopandas and pyogrio from the GeoJSON layers the
build wrote, with typed columns: dates as dates, counts as integers.

* GeoPackage: one table per layer, plus a ``sources`` table (one row per
  quote) related to them by ``feature_id``.  Written as GeoPackage 1.2, which
  QGIS LTR builds on GDAL 3.6 open without a warning.
* KML: one folder per layer; each placemark's description holds its quotes
  and their sources.
* CSV: one row per feature in ACLED-like columns (see ``ACLED_COLUMNS`` and
  docs/schema.md for the mapping), for spreadsheets and ACLED comparisons.
* GeoParquet: one table, every layer, ``sources`` as JSON text.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..events.triggers import EVENT_TYPES
from .features import LAYERS
from .files import atomic_file
from .layers import cell

DATE_FIELDS = ("date_start", "date_end", "first_published", "last_published")
INT_FIELDS = ("source_count", "fatalities", "fatalities_high", "injuries", "injuries_high")
REAL_FIELDS = ("uncertainty_km", "area_km2")
BOOL_FIELDS = ("near", "approximate")
SOURCE_FIELDS = ("article", "title", "publisher", "published", "quote", "start", "end", "url")
# Our precision -> ACLED geo_precision (1 = the place itself, 2 = near it or a
# district, 3 = a larger region) and date precision -> ACLED time_precision.
GEO_PRECISION = {"site": 1, "town": 1, "district": 2, "region": 3, "country": 3}
TIME_PRECISION = {"day": 1, "week": 2, "range": 2, "month": 3, "unknown": 3}
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "event_date_end", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities", "layer", "kind", "precision", "uncertainty_km", "source_count", "first_published",
    "last_published",
]


def read_layers(folder: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for name in LAYERS:
        path = folder / f"{name}.geojson"
        if not path.exists():
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
            props = [dict(f["properties"]) for f in feats]
            fields = field_names(props) or ["id"]
            arrays, masks = columns(props, fields)
            geoms = np.array([shapely.geometry.shape(f["geometry"]) for f in feats], dtype=object)
            gtype = "Polygon" if name == "areas" else "Point"
            if any(g.geom_type == "MultiPolygon" for g in geoms):
                gtype = "MultiPolygon"
                geoms = np.array([shapely.MultiPolygon([g]) if g.geom_type == "Polygon" else g for g in geoms], dtype=object)
            raw_write(path, shapely.to_wkb(geoms) if len(geoms) else np.array([], dtype=object), arrays, fields,
                      field_mask=masks, layer=name, driver="GPKG", geometry_type=gtype, crs="EPSG:4326",
                      dataset_options={"VERSION": "1.2"} if i == 0 else None, append=i > 0)
        rows = [{"feature_id": f["id"], "layer": n, **{k: s.get(k) for k in SOURCE_FIELDS}}
                for n in names for f in layers[n]["features"] for s in f["properties"]["sources"]]
        fields = ["feature_id", "layer", *SOURCE_FIELDS]
        arrays, masks = columns(rows, fields)
        raw_write(path, None, arrays, fields, field_mask=masks, layer="sources", driver="GPKG", geometry_type=None,
                  append=True)

    return atomic_file(out, write)


KML_NS = "http://www.opengis.net/kml/2.2"
# Google Earth's own icons (fetched by Google Earth, never by the build).
KML_ICONS = {"square": "http://maps.google.com/mapfiles/kml/shapes/placemark_square.png",
             "": "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png",
             "small": "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"}
KML_TYPES = {**{k: "int" for k in INT_FIELDS}, **{k: "double" for k in REAL_FIELDS}, **{k: "bool" for k in BOOL_FIELDS}}


def _description(p: dict[str, Any]) -> str:
    """Plain text (Google Earth shows it as it is and links the addresses): what it is, the quotes
    with their sources, and where the coordinates come from."""
    parts = [f"{p['kind']} · precision {p['precision']} (±{p['uncertainty_km']} km)"]
    if p.get("event_label"):
        parts.append(f"{p['event_label']}, {p.get('date_start') or 'date unknown'} to {p.get('date_end') or ''}")
    if p.get("operator"):
        parts.append(f"Operator: {p['operator']}")
    for s in p["sources"]:
        line = (f"“{s['quote']}” — {s['title'] or s['article']}, {s['publisher'] or 'publisher unknown'}, "
                f"{s['published'] or 'date unknown'}")
        parts.append(line + (f"\n{s['url']}" if s.get("url") else ""))
    parts.append(f"Coordinates: {p['coord_source']}")
    return "\n\n".join(parts)


def _abgr(hex_rgb: str, alpha: str = "ff") -> str:
    """'#1f6feb' -> KML's aabbggrr."""
    r, g, b = hex_rgb[1:3], hex_rgb[3:5], hex_rgb[5:7]
    return f"{alpha}{b}{g}{r}"


def _kml_id(raw: str, seen: set[str]) -> str:
    """A valid, unique XML id (an NCName) for a feature id such as 'incidents:gn/112931/air_strike/undated'."""
    import hashlib
    import re

    out = re.sub(r"[^A-Za-z0-9_.-]", "_", raw)
    if not re.match(r"[A-Za-z_]", out):
        out = f"f_{out}"
    if out in seen:
        out = f"{out}-{hashlib.sha1(raw.encode()).hexdigest()[:8]}"
    seen.add(out)
    return out


def _kml_coords(ring: list[list[float]]) -> str:
    return " ".join(f"{x},{y}" for x, y, *_ in ring)


def _kml_geometry(parent, geom: dict[str, Any]) -> None:
    from xml.etree.ElementTree import SubElement

    def el(p, tag, text=None):
        e = SubElement(p, f"{{{KML_NS}}}{tag}")
        if text is not None:
            e.text = text
        return e

    def polygon(p, rings):
        poly = el(p, "Polygon")
        outer = el(el(poly, "outerBoundaryIs"), "LinearRing")
        el(outer, "coordinates", _kml_coords(rings[0]))
        for hole in rings[1:]:
            el(el(el(poly, "innerBoundaryIs"), "LinearRing"), "coordinates", _kml_coords(hole))

    if geom["type"] == "Point":
        x, y = geom["coordinates"][:2]
        el(el(parent, "Point"), "coordinates", f"{x},{y}")  # 2D: no altitude
    elif geom["type"] == "Polygon":
        polygon(parent, geom["coordinates"])
    elif geom["type"] == "MultiPolygon":
        multi = el(parent, "MultiGeometry")
        for rings in geom["coordinates"]:
            polygon(multi, rings)
    else:
        raise OutputError(f"KML: geometry type {geom['type']!r} is not written; report it")


def kml_text(layers: dict[str, dict[str, Any]], names: tuple[str, ...] = LAYERS) -> bytes:
    """OGC KML 2.2: a folder per layer; each placemark with a style by kind or event type (the web
    map's colours), a TimeSpan from its dates, its attributes as typed ExtendedData, and a plain-text
    description of its quotes and their sources."""
    import io
    from xml.etree.ElementTree import Element, ElementTree, SubElement, indent, register_namespace

    from .symbols import SYMBOLS, symbol_key

    register_namespace("", KML_NS)

    def el(p, tag, text=None, **attrs):
        e = SubElement(p, f"{{{KML_NS}}}{tag}", attrs)
        if text is not None:
            e.text = text
        return e

    root = Element(f"{{{KML_NS}}}kml")
    doc = el(root, "Document", id="geo-layers")
    el(doc, "name", "geo layers")
    el(doc, "description", "Military bases and incidents mapped from news articles; every point quotes its sources.")
    for key, (colour, label, swatch) in SYMBOLS.items():
        style = el(doc, "Style", id=f"s-{key}")
        if key in ("area", "zone"):
            line = el(style, "LineStyle")
            el(line, "color", _abgr(colour))
            el(line, "width", "2")
            poly = el(style, "PolyStyle")
            el(poly, "color", _abgr(colour, "4d"))
        else:
            icon = el(style, "IconStyle")
            el(icon, "color", _abgr(colour))
            el(icon, "scale", "0.7" if swatch == "small" else "1.0")
            el(el(icon, "Icon"), "href", KML_ICONS.get(swatch, KML_ICONS[""]))
            el(el(style, "LabelStyle"), "scale", "0.8")
    fields: dict[str, list[str]] = {}
    for name in names:
        keys: dict[str, None] = {}
        for f in layers[name]["features"]:
            keys.update((k, None) for k in f["properties"] if k != "sources")
        fields[name] = list(keys)
        schema = el(doc, "Schema", name=name, id=f"schema-{name}")
        for k in fields[name]:
            el(schema, "SimpleField", type=KML_TYPES.get(k, "string"), name=k)
    seen: set[str] = set()
    for name in names:
        folder = el(doc, "Folder", id=f"folder-{name}")
        el(folder, "name", name)
        for f in layers[name]["features"]:
            p = f["properties"]
            pm = el(folder, "Placemark", id=_kml_id(p["id"], seen))
            el(pm, "name", p["name"])
            el(pm, "description", _description(p))
            if p.get("date_start") or p.get("date_end"):
                span = el(pm, "TimeSpan")
                if p.get("date_start"):
                    el(span, "begin", p["date_start"])
                if p.get("date_end"):
                    el(span, "end", p["date_end"])
            el(pm, "styleUrl", f"#s-{symbol_key(name, p)}")
            data = el(el(pm, "ExtendedData"), "SchemaData", schemaUrl=f"#schema-{name}")
            for k in fields[name]:
                v = p.get(k)
                if v is None:
                    continue
                text = ("true" if v else "false") if isinstance(v, bool) else (
                    v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True))
                el(data, "SimpleData", str(text), name=k)
            _kml_geometry(pm, f["geometry"])
    indent(root, space=" ")
    buf = io.BytesIO()
    ElementTree(root).write(buf, encoding="UTF-8", xml_declaration=True)
    return buf.getvalue() + b"\n"


def export_kml(layers: dict[str, dict[str, Any]], out: Path, names: tuple[str, ...] = LAYERS) -> Path:
    def write(path: Path) -> None:
        path.write_bytes(kml_text(layers, names))

    return atomic_file(out, write)


def _names(v: str | None) -> list[str]:
    """'Iran; IRGC' -> ['Iran', 'IRGC']."""
    return [a.strip() for a in (v or "").split(";") if a.strip()]


def acled_rows(layers: dict[str, dict[str, Any]], names: tuple[str, ...] = LAYERS) -> list[dict[str, Any]]:
    rows = []
    for name in names:
        for f in layers[name]["features"]:
            p = f["properties"]
            lon, lat = _anchor(f["geometry"])
            et = p.get("event_type")
            attacker, target = _names(p.get("attacker")), _names(p.get("target"))
            if attacker or target:  # as named around the trigger
                actor1, actor2 = (attacker or [None])[0], (target or [None])[0]
            else:
                actor1, actor2 = (_names(p.get("actors") or p.get("operator")) + [None, None])[:2]
            date = p.get("date_start")
            rows.append(
                {
                    "event_id_cnty": p["id"],
                    "event_date": date,
                    "event_date_end": p.get("date_end"),
                    "year": int(date[:4]) if date else None,
                    "time_precision": TIME_PRECISION.get(p.get("date_precision", ""), None) if et else None,
                    "event_type": EVENT_TYPES[et][1] if et else None,
                    "sub_event_type": EVENT_TYPES[et][2] if et else None,
                    "actor1": actor1,
                    "actor2": actor2,
                    "country": p.get("country"),
                    "location": p.get("place_name") or p["name"],
                    "latitude": round(lat, 6),
                    "longitude": round(lon, 6),
                    "geo_precision": GEO_PRECISION.get(p["precision"]),
                    "source": "; ".join(dict.fromkeys(s["publisher"] or s["article"] for s in p["sources"])),
                    "notes": p["sources"][0]["quote"] if p["sources"] else None,
                    "fatalities": p.get("fatalities"),
                    "layer": name,
                    "kind": p["kind"],
                    "precision": p["precision"],
                    "uncertainty_km": p["uncertainty_km"],
                    "source_count": p["source_count"],
                    "first_published": p.get("first_published"),
                    "last_published": p.get("last_published"),
                }
            )
    return rows


def _anchor(geom: dict[str, Any]) -> tuple[float, float]:
    if geom["type"] == "Point":
        return geom["coordinates"][0], geom["coordinates"][1]
    from shapely.geometry import shape

    pt = shape(geom).representative_point()
    return pt.x, pt.y


def _csv(layers: dict[str, dict[str, Any]], names: tuple[str, ...], fh) -> None:
    import csv

    w = csv.DictWriter(fh, ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    for row in acled_rows(layers, names):
        w.writerow({k: ("" if v is None else cell(v)) for k, v in row.items()})


def export_csv(layers: dict[str, dict[str, Any]], out: Path | None, names: tuple[str, ...] = LAYERS) -> Path | None:
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

    try:
        import pyarrow  # noqa: F401
    except ImportError as err:
        raise OutputError("GeoParquet needs pyarrow: pip install 'geo-news-map[parquet]' (or pip install pyarrow)") from err

    def write(path: Path) -> None:
        gdf = gpd.GeoDataFrame(pd.concat([frame(layers[n]) for n in names], ignore_index=True), crs="EPSG:4326")
        gdf.to_parquet(path, index=False, compression="zstd", write_covering_bbox=True, schema_version="1.1.0")

    return atomic_file(out, write)


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
    if layer is not None and layer not in LAYERS:
        raise OutputError(f"unknown layer {layer!r}; choose one of {', '.join(LAYERS)}")
    layers = read_layers(layers_dir)
    names = (layer,) if layer else tuple(LAYERS)
    try:
        return WRITERS[fmt](layers, out, names)
    except BrokenPipeError:
        raise  # "geo export - | head": the reader has what it wanted
    except OSError as err:
        raise OutputError(f"{out}: cannot write ({err}); check the folder exists and is writable") from err
