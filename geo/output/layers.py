"""Validate features and write the GeoJSON layers.

Files are RFC 7946 FeatureCollections: lon/lat WGS84, no ``crs`` member,
6 decimals, exterior rings counter-clockwise, keys sorted, one feature a
line (so ``git diff data/layers/`` reads feature by feature), written
atomically (temp file + rename).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import ValidationError
from ..model import Feature
from .files import atomic_write



def _round(obj: Any, nd: int = 6) -> Any:
    if isinstance(obj, float):
        return round(obj, nd)
    if isinstance(obj, (list, tuple)):
        return [_round(x, nd) for x in obj]
    return obj


def normalise_geometry(geom: dict[str, Any]) -> dict[str, Any]:
    """Round to 6 decimals and wind polygons by the right-hand rule."""
    from shapely.geometry import mapping, shape
    from shapely.geometry.polygon import orient

    if geom["type"] in ("Polygon", "MultiPolygon"):
        g = shape(geom)
        g = orient(g, 1.0) if g.geom_type == "Polygon" else type(g)([orient(p, 1.0) for p in g.geoms])
        geom = mapping(g)
    return {"type": geom["type"], "coordinates": _round(geom["coordinates"])}


def validate(layers: dict[str, list[Feature]], countries: dict[str, Any]) -> None:
    """Raise ValidationError naming the feature and the rule it breaks.  ``countries``: ISO code ->
    the outline a point of that country may lie in (``geo.places.checks.claimable_shapes``)."""
    from shapely.geometry import Point, shape

    seen: set[str] = set()
    for layer, feats in layers.items():
        for f in feats:
            fid = f.id
            if fid in seen:
                raise ValidationError(f"{layer}: feature {fid!r}: id is not unique")
            seen.add(fid)
            g = f.geometry
            pts = [g["coordinates"]] if g["type"] == "Point" else [c for ring in _rings(g) for c in ring]
            for lon, lat in pts:
                if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                    raise ValidationError(f"{layer}: feature {fid!r}: coordinate ({lon}, {lat}) out of range")
            if g["type"] != "Point":
                geom = shape(g)
                if not geom.is_valid:
                    raise ValidationError(f"{layer}: feature {fid!r}: polygon is not valid")
                continue  # winding: normalise_geometry makes it counter-clockwise when it writes
            iso = f.place.country or None
            outline = countries.get(iso) if iso else None
            if outline is not None and not outline.contains(Point(*g["coordinates"])):
                raise ValidationError(
                    f"{layer}: feature {fid!r}: point {g['coordinates']} (lon, lat) is outside {iso}; "
                    f"check the coordinate source {f.place.source!r} (swapped lon/lat?)"
                )
            for s in f.sources:
                if s.end <= s.start:
                    raise ValidationError(f"{layer}: feature {fid!r}: source offsets {s.start}..{s.end} are empty")


def _rings(g: dict[str, Any]):
    if g["type"] == "Polygon":
        yield from g["coordinates"]
    elif g["type"] == "MultiPolygon":
        for poly in g["coordinates"]:
            yield from poly


def dumps_collection(features: list[dict[str, Any]]) -> str:
    feats = []
    for f in sorted(features, key=lambda f: f["id"]):
        f = {**f, "geometry": normalise_geometry(f["geometry"])}
        feats.append(json.dumps(f, sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(",", ":")))
    body = ",\n".join(feats)
    return '{"type":"FeatureCollection","features":[\n' + body + ("\n" if feats else "") + "]}\n"


def write_layers(folder: Path, layers: dict[str, list[Feature]]) -> dict[str, Path]:
    out = {}
    for name, feats in layers.items():
        path = folder / f"{name}.geojson"
        atomic_write(path, dumps_collection([f.as_geojson() for f in feats]))
        out[name] = path
    return out


def write_json(path: Path, data: Any) -> None:
    atomic_write(path, json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n")


REVIEW_COLUMNS = ["name", "aliases", "kind", "lon", "lat", "source", "precision", "count", "enclosing", "similar",
                  "article", "quote"]


def write_review_csv(path: Path, ranked: list[dict[str, Any]]) -> Path:
    """The review queue as a places file to fill in: give a row its lon, lat and source (and kind) and pass
    the file to ``geo build --places``; rows left without a coordinate are skipped."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(REVIEW_COLUMNS)
    for e in ranked:
        q = e["quotes"][0] if e["quotes"] else {"article": "", "quote": ""}
        similar = "; ".join(f"{s['name']} ({s['place_id']}, {s['similarity']})" for s in e["similar"])
        w.writerow([e["name"], "", "", "", "", "", "site", e["count"], "; ".join(e["enclosing"]), similar,
                    q["article"], q["quote"]])
    atomic_write(path, buf.getvalue())
    return path
