"""Validate features and write the GeoJSON layers.

Files are RFC 7946 FeatureCollections: lon/lat WGS84, no ``crs`` member,
6 decimals, exterior rings counter-clockwise, keys sorted, one feature a
line (so ``git diff data/layers/`` reads feature by feature), written
atomically (temp file + rename).
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import ValidationError
from ..model import Feature



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


def validate(layers: dict[str, list[Feature]], countries: dict[str, Any]) -> tuple[dict[str, list[Feature]], list[str]]:
    """The features that pass every check, and one line for each that does not (the rule and the fix):
    a feature that fails is dropped, every other one is still written.  ``countries``: ISO code -> the
    outline a point of that country may lie in (``geo.places.checks.claimable_shapes``)."""
    seen: set[str] = set()
    kept: dict[str, list[Feature]] = {}
    problems: list[str] = []
    for layer, feats in layers.items():
        kept[layer] = []
        for f in feats:
            try:
                check_feature(layer, f, countries, seen)
            except ValidationError as err:
                problems.append(f"{err}; the feature is left out")
                continue
            seen.add(f.id)
            kept[layer].append(f)
    return kept, problems


def check_feature(layer: str, f: Feature, countries: dict[str, Any], seen: set[str]) -> None:
    """Raise ValidationError naming the feature and the rule it breaks."""
    from shapely.geometry import Point, shape

    fid = f.id
    if fid in seen:
        raise ValidationError(f"{layer}: feature {fid!r}: id is not unique")
    g = f.geometry
    pts = [g["coordinates"]] if g["type"] == "Point" else [c for ring in _rings(g) for c in ring]
    for lon, lat in pts:
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise ValidationError(f"{layer}: feature {fid!r}: coordinate ({lon}, {lat}) out of range")
    if g["type"] not in ("Point", "Polygon", "MultiPolygon"):
        raise ValidationError(f"{layer}: feature {fid!r}: geometry {g['type']} is not a point or a polygon")
    if g["type"] != "Point":
        if not shape(g).is_valid:
            raise ValidationError(f"{layer}: feature {fid!r}: polygon is not valid")
        return  # winding: normalise_geometry makes it counter-clockwise when it writes
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


def layer_texts(layers: dict[str, list[Feature]]) -> dict[str, str]:
    """File name -> GeoJSON text of each layer."""
    return {f"{name}.geojson": dumps_collection([f.as_geojson() for f in feats]) for name, feats in layers.items()}


def json_text(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"




def cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1", "@SUM") gets a leading
    apostrophe, as OWASP recommends against CSV injection; numbers stay numbers."""
    return "'" + value if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


REVIEW_COLUMNS = ["name", "aliases", "kind", "lon", "lat", "source", "precision", "count", "enclosing", "similar",
                  "article", "quote"]


def review_csv_text(ranked: list[dict[str, Any]]) -> str:
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
        w.writerow([cell(v) for v in (e["name"], "", "", "", "", "", "site", e["count"], "; ".join(e["enclosing"]),
                                      similar, q["article"], q["quote"])])
    return buf.getvalue()
