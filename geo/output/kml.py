"""KML for Google Earth, written to the OGC KML 2.2 schema.

A folder per layer; each placemark has a style by kind or event type (the web map's colours,
:mod:`geo.output.symbols`), a TimeSpan from its dates, its attributes as typed ExtendedData
(a ``Schema`` per layer), and a plain-text description of its quotes and their sources.
Points are 2D; ids are valid XML ids.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import OutputError
from .features import LAYERS
from .fields import BOOL_FIELDS, INT_FIELDS, REAL_FIELDS
from .files import atomic_file

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


