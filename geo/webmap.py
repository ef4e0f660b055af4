"""Stage 6: the layered Folium map.

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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import OutputError
from .layers import atomic_write, normalise_geometry
from .model import LngLat

if TYPE_CHECKING:
    from .pipeline import BuildResult

LAYER_TITLES = {
    "bases": "Bases",
    "incidents": "Incidents",
    "areas": "Areas",
    "mentions": "Other places mentioned",
}
# Assets the page needs.  folium links them from CDNs; we inline them.
KEEP_ASSETS = ("leaflet.js", "leaflet.css", "jquery")

CSS = """
.geo-popup{font:13px/1.4 system-ui,sans-serif;max-width:400px}
.geo-popup h4{margin:0 0 4px;font-size:15px}
.geo-popup .meta{color:#555;margin-bottom:4px}
.geo-popup ol{margin:6px 0 0;padding-left:18px;max-height:240px;overflow:auto}
.geo-popup li{margin-bottom:6px}
.geo-popup blockquote{margin:0;padding-left:6px;border-left:3px solid #ccc}
.geo-popup mark{background:#ffe066;padding:0 1px}
.geo-popup .cite{color:#555;font-size:12px}
.geo-popup .coord{color:#777;font-size:11px;margin-top:4px}
.geo-legend{position:absolute;z-index:1000;bottom:60px;left:10px;background:#fff;padding:6px 10px;
 border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);font:12px/1.5 system-ui,sans-serif}
.geo-legend i{display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:6px;
 vertical-align:-2px;border:1px solid #333}
.geo-legend i.sq{border-radius:0}
"""

JS = r"""
var GEO_COLORS = {us: '#1f6feb', iran: '#d1242f', other_base: '#6e7781', incident: '#fb8500',
                  mention: '#8c959f', area: '#8250df', zone: '#d1242f'};
function geoOperatorColor(op) {
  if (!op) return GEO_COLORS.other_base;
  if (/U\.S\.|United States|Coalition/.test(op)) return GEO_COLORS.us;
  if (/IRGC|Quds|Hezbollah|PMF|Iran|Asaib|Houthi/.test(op)) return GEO_COLORS.iran;
  return GEO_COLORS.other_base;
}
function geoStyle(f) {
  var p = f.properties;
  if (p.layer === 'bases') return {radius: 8, color: '#222', weight: 1.5, fillColor: geoOperatorColor(p.operator), fillOpacity: 0.9};
  if (p.layer === 'incidents') return {radius: 7, color: '#000', weight: 1.5, fillColor: GEO_COLORS.incident, fillOpacity: 0.9};
  if (p.layer === 'areas') {
    if (p.kind === 'approximate_zone') return {color: GEO_COLORS.zone, weight: 2, dashArray: '6 4', fillOpacity: 0.08};
    return {color: GEO_COLORS.area, weight: 1.5, fillOpacity: 0.1};
  }
  return {radius: 4, color: '#444', weight: 1, fillColor: GEO_COLORS.mention, fillOpacity: 0.8};
}
function geoEl(tag, text, cls) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}
function geoQuote(s) {
  var q = geoEl('blockquote'), text = String(s.quote), pos = 0;
  var names = (s.names || []).map(function (n) { return [n[0] - s.start, n[1] - s.start]; })
      .filter(function (n) { return n[0] >= 0 && n[1] <= text.length && n[0] < n[1]; });
  names.forEach(function (n) {
    if (n[0] < pos) return;
    q.appendChild(document.createTextNode(text.slice(pos, n[0])));
    q.appendChild(geoEl('mark', text.slice(n[0], n[1])));
    pos = n[1];
  });
  q.appendChild(document.createTextNode(text.slice(pos)));
  return q;
}
function geoPopup(p) {
  var d = geoEl('div', null, 'geo-popup');
  d.appendChild(geoEl('h4', p.name));
  var meta = [p.kind, 'precision: ' + p.precision + (p.uncertainty_km ? ' (±' + p.uncertainty_km + ' km)' : '')];
  if (p.country) meta.push(p.country);
  d.appendChild(geoEl('div', meta.join(' · '), 'meta'));
  if (p.layer === 'incidents') {
    var when = p.date_start ? (p.date_start === p.date_end ? p.date_start : p.date_start + ' to ' + p.date_end)
                            : 'date unknown' + (p.date_end ? ' (on or before ' + p.date_end + ')' : '');
    d.appendChild(geoEl('div', 'Date: ' + when + ' (' + p.date_precision + ')'));
    d.appendChild(geoEl('div', 'Type: ' + p.event_label + (p.near ? ' (near)' : '')));
    if (p.actors) d.appendChild(geoEl('div', 'Actors: ' + p.actors));
    if (p.fatalities !== null && p.fatalities !== undefined) {
      var fat = p.fatalities === p.fatalities_high ? p.fatalities : p.fatalities + '–' + p.fatalities_high;
      d.appendChild(geoEl('div', 'Fatalities: ' + fat + (p.injuries !== null && p.injuries !== undefined ? ' · injuries: ' + p.injuries : '')));
    }
  }
  if (p.operator) d.appendChild(geoEl('div', 'Operator: ' + p.operator));
  if (p.approximate) d.appendChild(geoEl('div', 'Approximate area: ' + p.area_km2 + ' km² (size as the article states it)'));
  var ol = geoEl('ol');
  (p.sources || []).forEach(function (s) {
    var li = geoEl('li');
    li.appendChild(geoQuote(s));
    var cite = geoEl('div', null, 'cite');
    var title = s.title || s.article;
    if (s.url && /^https?:\/\//i.test(s.url)) {
      var a = geoEl('a', title); a.href = s.url; a.target = '_blank'; a.rel = 'noopener noreferrer';
      cite.appendChild(a);
    } else {
      cite.appendChild(document.createTextNode(title));
    }
    cite.appendChild(document.createTextNode(' — ' + (s.publisher || 'publisher unknown') + ', ' + (s.published || 'date unknown')));
    li.appendChild(cite);
    ol.appendChild(li);
  });
  d.appendChild(geoEl('div', (p.sources || []).length + ' source(s):', 'cite'));
  d.appendChild(ol);
  d.appendChild(geoEl('div', 'Coordinates: ' + p.coord_source, 'coord'));
  return d;
}
function geoTooltip(f) { return function () { return geoEl('span', f.properties.name); }; }
"""

LEGEND = """
<div class="geo-legend">
<b>Layers</b><br>
<i style="background:#1f6feb"></i>Base: U.S. / coalition<br>
<i style="background:#d1242f"></i>Base: Iran-aligned<br>
<i style="background:#6e7781"></i>Base: other or unknown operator<br>
<i style="background:#fb8500"></i>Incident<br>
<i class="sq" style="background:rgba(130,80,223,.3);border-color:#8250df"></i>Area (governorate, province)<br>
<i class="sq" style="background:#fff;border:2px dashed #d1242f"></i>Approximate zone<br>
<i style="background:#8c959f;width:8px;height:8px"></i>Other place mentioned
</div>
"""


def folium_location(p: LngLat) -> list[float]:
    """The one conversion from (lon, lat) to Folium's [lat, lon]."""
    return [p.lat, p.lon]


def _geojson_layer(fc: dict[str, Any], kind: str):
    from branca.element import MacroElement
    from jinja2 import Template

    class GeoLayer(MacroElement):
        _template = Template(
            """
            {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.geoJSON({{ this.data|tojson }}, {
              {% if this.kind == 'data' %}
              pointToLayer: function (f, latlng) { return L.circleMarker(latlng, geoStyle(f)); },
              style: geoStyle,
              onEachFeature: function (f, layer) {
                layer.bindPopup(function () { return geoPopup(f.properties); }, {maxWidth: 420});
                layer.bindTooltip(geoTooltip(f));
              }
              {% else %}
              style: function () { return {color: '#7a7a7a', weight: 0.8, fill: true, fillColor: '#f4f1ea', fillOpacity: 1}; },
              interactive: false
              {% endif %}
            }).addTo({{ this._parent.get_name() }});
            {% endmacro %}
            """
        )

        def __init__(self, data: dict[str, Any], kind: str) -> None:
            super().__init__()
            self._name = "GeoLayer"
            self.data = data
            self.kind = kind

    return GeoLayer(fc, kind)


def _outline_data(bounds: tuple[float, float, float, float]) -> dict[str, Any]:
    """Natural Earth country and Middle East province outlines near the data."""
    from shapely.geometry import box, mapping, shape

    from .gazetteer import NE_DIR

    minx, miny, maxx, maxy = bounds
    clip = box(max(-180, minx - 25), max(-85, miny - 15), min(180, maxx + 25), min(85, maxy + 15))
    feats = []
    for fname in ("admin0.geojson", "admin1_mideast.geojson"):
        fc = json.loads((NE_DIR / fname).read_text(encoding="utf-8"))
        for f in fc["features"]:
            g = shape(f["geometry"])
            g = g if g.is_valid else g.buffer(0)
            if g.intersects(clip):
                feats.append({"type": "Feature", "properties": {}, "geometry": normalise_geometry(mapping(g.intersection(clip)))})
    return {"type": "FeatureCollection", "features": feats}


def _bounds(layers: dict[str, list[dict[str, Any]]]) -> tuple[float, float, float, float] | None:
    from shapely.geometry import shape

    xs, ys = [], []
    for feats in layers.values():
        for f in feats:
            if f["properties"].get("precision") == "country":
                continue  # country points would zoom the view out to the world
            b = shape(f["geometry"]).bounds
            xs += [b[0], b[2]]
            ys += [b[1], b[3]]
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


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


def render_map(layers: dict[str, list[dict[str, Any]]], title: str) -> str:
    import folium
    from branca.element import Element

    m = folium.Map(tiles=None, control_scale=True, prefer_canvas=True)
    m.default_js = [(n, u) for n, u in m.default_js if any(k in u for k in KEEP_ASSETS)]
    m.default_css = [(n, u) for n, u in m.default_css if any(k in u for k in KEEP_ASSETS)]
    root = m.get_root()
    root.header.add_child(Element(f"<title>{_escape(title)}</title>"), name="title")
    root.header.add_child(Element(f"<style>{CSS}</style>"), name="geo_css")
    root.header.add_child(Element(f"<script>{JS}</script>"), name="geo_js")
    root.html.add_child(Element(LEGEND), name="legend")

    bounds = _bounds(layers) or (38.0, 29.0, 49.0, 38.0)
    base = folium.FeatureGroup(name="Natural Earth outlines (offline)", overlay=False, control=True)
    base.add_child(_geojson_layer(_outline_data(bounds), "outline"))
    base.add_to(m)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", show=False, overlay=False).add_to(m)
    folium.TileLayer("OpenTopoMap", name="OpenTopoMap (online)", show=False, overlay=False).add_to(m)

    for layer in ("areas", "mentions", "incidents", "bases"):
        feats = layers.get(layer, [])
        fc = {
            "type": "FeatureCollection",
            "features": [{**f, "geometry": normalise_geometry(f["geometry"])} for f in feats],
        }
        group = folium.FeatureGroup(name=f"{LAYER_TITLES[layer]} ({len(feats)})", overlay=True, show=True)
        group.add_child(_geojson_layer(fc, "data"))
        group.add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    sw, ne = folium_location(LngLat(bounds[0], bounds[1])), folium_location(LngLat(bounds[2], bounds[3]))
    m.fit_bounds([sw, ne], padding=(20, 20))
    return inline_assets(m.get_root().render())


def _escape(s: str) -> str:
    import html

    return html.escape(s, quote=True)


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


def write_maps(result: "BuildResult", path: Path, per_article: bool = True) -> list[Path]:
    written = []
    atomic_write(path, render_map(result.layers, "Bases and incidents from the news"))
    written.append(path)
    if per_article:
        for art in result.articles:
            stem = Path(art.name).with_suffix("").as_posix().replace("/", "_")
            out = path.with_name(f"{stem}.html")
            atomic_write(out, render_map(article_layers(result.layers, art.name), art.title or art.name))
            written.append(out)
    return written
