/* The map's behaviour: one copy per page, shared by every layer.
 *
 * Article text only ever reaches the page through textContent and
 * createTextNode, never innerHTML, so hostile text displays as text.
 */
/* byId and names are Maps: a feature named "__proto__" or "constructor" is a key like any other. */
var GEO = {clusterOffAt: 9, map: null, layers: {}, byId: new Map(), search: null, order: [], state: {}, storyHead: null, onFilter: null, syncControls: null, playing: null, fillFeed: null, circle: null, current: null, tip: null, popup: null};
/* GEO_COLORS comes from the page (geo.output.webmap.SYMBOLS, the same table as the legend). */

/* The one conversion from a GeoJSON [lon, lat] position to Leaflet's LatLng. */
function geoLatLng(coords) {
  return L.latLng(coords[1], coords[0]);
}

function geoOperatorColor(group) {
  return GEO_COLORS['base_' + (group || 'other')] || GEO_COLORS.base_other;
}

/* Placed only to a region or a country (or "near"): drawn hollow and dashed, so precision shows without a click. */
function geoVague(p) {
  return p.precision === 'region' || p.precision === 'country' || p.near === true;
}

function geoColor(p) {
  if (p.layer === 'bases') return geoOperatorColor(p.operator_group);
  if (p.layer === 'incidents') return GEO_COLORS['inc_' + (GEO_EVENT_GROUPS[p.kind] || 'other')];
  return GEO_COLORS.mention;
}

function geoStyle(f) {
  var p = f.properties, vague = geoVague(p);
  if (p.layer === 'areas') {
    if (p.kind === 'approximate_zone') return {color: GEO_COLORS.zone, weight: 2, dashArray: '6 4', fillOpacity: 0.08};
    return {color: GEO_COLORS.area, weight: 1.5, fillOpacity: 0.1};
  }
  var color = geoColor(p);
  var radius = p.layer === 'incidents' ? 7 : p.layer === 'bases' ? 8 : 4;
  return {radius: radius, color: vague ? color : '#222', weight: vague ? 2 : 1.2, dashArray: vague ? '3 3' : null,
          fillColor: color, fillOpacity: vague ? 0.1 : 0.9};
}

/* A base is a square, an incident or a place a circle: what a thing is shows by its shape. */
function geoMarker(f, latlng) {
  var p = f.properties;
  if (p.layer !== 'bases') return L.circleMarker(latlng, geoStyle(f));
  var color = geoColor(p), vague = geoVague(p);
  var css = vague ? 'background:transparent;border:2px dashed ' + color : 'background:' + color + ';border:1.5px solid #222';
  /* the icon's markup is built from the page's own colour table only, never from article text */
  var m = L.marker(latlng, {icon: L.divIcon({className: 'geo-base', iconSize: [14, 14], html: '<i style="' + css + '"></i>'}),
                            keyboard: false, riseOnHover: false});
  m.feature = f;
  return m;
}

/* The offline base map: Natural Earth outlines and their names, in panes below every data layer, so
 * switching base layers never covers the data. */
function geoBaseLayer(data, group, map) {
  if (!map.getPane('geoBase')) {
    map.createPane('geoBase').style.zIndex = 250;
    map.createPane('geoLabels').style.zIndex = 350;
    map.getPane('geoLabels').style.pointerEvents = 'none';
  }
  L.geoJSON(data, {pane: 'geoBase', renderer: L.canvas({pane: 'geoBase'}), interactive: false,
                   style: function () { return {color: '#7a7a7a', weight: 0.8, fill: true, fillColor: '#f4f1ea', fillOpacity: 1}; }
  }).addTo(group);
  data.features.forEach(function (f) {
    var p = f.properties;
    if (!p.name || !p.label) return;
    L.tooltip({permanent: true, direction: 'center', pane: 'geoLabels',
               className: p.admin1 ? 'geo-label geo-label-admin1' : 'geo-label'})
      .setLatLng(geoLatLng(p.label)).setContent(geoEl('span', p.name)).addTo(group);
  });
  (data.waters || []).forEach(function (w) {  /* [name, lon, lat]: seas and straits, from zoom 3 */
    L.tooltip({permanent: true, direction: 'center', pane: 'geoLabels', className: 'geo-label geo-water'})
      .setLatLng(geoLatLng([w[1], w[2]])).setContent(geoEl('span', w[0])).addTo(group);
  });
  /* City labels, [name, lon, lat, tier]: made only for the view (tier 1 from zoom 6, tier 2 from zoom 8),
   * so hundreds of cities cost nothing until they are on screen. */
  var cities = L.layerGroup().addTo(group), pts = (data.cities || []).map(function (c) { return [c, geoLatLng([c[1], c[2]])]; });
  var drawCities = function () {
    cities.clearLayers();
    var z = map.getZoom(), tier = z >= 8 ? 2 : z >= 6 ? 1 : 0, view = map.getBounds().pad(0.1);
    pts.forEach(function (q) {
      var c = q[0];
      if (c[3] > tier || !view.contains(q[1])) return;
      L.marker(q[1], {pane: 'geoLabels', interactive: false, keyboard: false,
                      icon: L.divIcon({className: 'geo-city-dot', iconSize: [5, 5]})}).addTo(cities);
      L.tooltip({permanent: true, direction: 'right', offset: L.point(3, 0), pane: 'geoLabels',
                 className: 'geo-label geo-city'}).setLatLng(q[1]).setContent(geoEl('span', c[0])).addTo(cities);
    });
  };
  map.on('moveend', drawCities);
  map.whenReady(drawCities);
  var zoomed = function () {
    var z = map.getZoom(), el = map.getContainer();
    el.classList.toggle('geo-z-country', z >= 3);
    el.classList.toggle('geo-z-admin1', z >= 6);
  };
  map.on('zoomend', zoomed);
  zoomed();
}

function geoEl(tag, text, cls) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

/* Compact layer data (see geo.webmap.compact) -> GeoJSON features.
 * Sources stay compact until a popup needs them. */
function geoExpand(data) {
  var enums = {};
  data.enums.forEach(function (k) { enums[k] = true; });
  return data.features.map(function (f) {
    var id = data.layer + ':' + f[0];
    var props = {id: id, layer: data.layer, _s: f[3], _a: data.articles};
    var vals = f[2];
    for (var i = 0; i < vals.length; i++) {
      var k = data.keys[i], v = vals[i];
      if (v === null) continue;
      props[k] = enums[k] && typeof v === 'number' ? data.strings[v] : v;
    }
    var geom = Array.isArray(f[1]) ? {type: 'Point', coordinates: f[1]} : f[1];
    return {type: 'Feature', id: id, geometry: geom, properties: props};
  });
}

function geoSources(p) {
  return (p._s || []).map(function (s) {
    var a = p._a[s[0]];
    return {article: a[0], title: a[1], publisher: a[2], published: a[3], url: a[4],
            start: s[1], end: s[2], quote: s[3], names: s[4] || []};
  });
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

// A stated count, or a low–high range where reports differ; "not stated" when none is.
function geoCount(low, high) {
  if (low === null || low === undefined) return 'not stated';
  return (high === null || high === undefined || high === low) ? String(low) : low + '–' + high;
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
    if (p.attacker || p.target) {
      d.appendChild(geoEl('div', 'Attacker: ' + (p.attacker || 'not named') + ' · target: ' + (p.target || 'not named')));
    } else if (p.actors) d.appendChild(geoEl('div', 'Actors: ' + p.actors));
    d.appendChild(geoEl('div', 'Fatalities: ' + geoCount(p.fatalities, p.fatalities_high) +
                               ' · injuries: ' + geoCount(p.injuries, p.injuries_high)));
  }
  if (p.operator) d.appendChild(geoEl('div', 'Operator: ' + p.operator));
  if (p.approximate) d.appendChild(geoEl('div', 'Approximate area: ' + p.area_km2 + ' km² (size as the article states it)'));
  var sources = geoSources(p);
  d.appendChild(geoEl('div', sources.length + ' source(s):', 'cite'));
  var ol = geoEl('ol');
  sources.forEach(function (s) {
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
  d.appendChild(ol);
  if (p.coord_source) d.appendChild(geoEl('div', 'Coordinates: ' + p.coord_source, 'coord'));
  var link = geoEl('a', 'Link to this feature', 'permalink');
  link.href = '#' + encodeURIComponent(p.id);
  d.appendChild(link);
  return d;
}

/* One popup and one tooltip for the whole page, filled on demand: 100,000
 * features would otherwise mean 100,000 popup objects. */
function geoAnchor(layer) {
  return layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter();
}

/* The one popup; when it pans into view it keeps clear of the controls on
 * the right (the layer list and feed) where the map is wide enough. */
function geoPopupReady() {
  GEO.popup = GEO.popup || L.popup({maxWidth: 420});
  var right = GEO.map.getContainer().querySelector('.leaflet-top.leaflet-right');
  var w = right ? right.getBoundingClientRect().width : 0, size = GEO.map.getSize();
  GEO.popup.options.autoPanPaddingTopLeft = L.point(20, 60);
  GEO.popup.options.autoPanPaddingBottomRight = L.point(size.x - w - 20 >= 460 ? w + 20 : 20, 20);
}

function geoOpen(layer, latlng) {
  GEO.current = layer;
  geoShowPopup(latlng || geoAnchor(layer), geoPopup(layer.feature.properties));
}

/* Show the one popup with new content (an open popup is reused: 'popupopen' still fires). */
function geoShowPopup(latlng, content) {
  geoPopupReady();
  GEO.popup.setLatLng(latlng).setContent(content);
  if (GEO.map.hasLayer(GEO.popup)) GEO.map.fire('popupopen', {popup: GEO.popup});
  else GEO.popup.openOn(GEO.map);
}

/* Every shown point feature within a few pixels of latlng, in draw order
 * from the top (incidents first), so stacked markers can all be reached. */
function geoAt(latlng) {
  var map = GEO.map, p = map.latLngToLayerPoint(latlng), out = [];
  GEO.order.slice().reverse().forEach(function (k) {
    var e = GEO.layers[k];
    if (!e || !map.hasLayer(e.group)) return;
    e.shown.forEach(function (f) {
      if (f.geometry.type !== 'Point') return;
      var q = map.latLngToLayerPoint(geoLatLng(f.geometry.coordinates));
      if (Math.abs(q.x - p.x) <= 6 && Math.abs(q.y - p.y) <= 6) out.push(f);
    });
  });
  return out;
}

/* A popup listing the features stacked at one point; each entry opens its own popup. */
function geoChooser(feats, latlng) {
  var div = geoEl('div', '', 'geo-chooser');
  div.appendChild(geoEl('h4', feats.length + ' features at this point'));
  var list = geoEl('ul');
  feats.forEach(function (f) {
    var p = f.properties, li = geoEl('li'), a = geoEl('a', p.name);
    a.href = '#' + encodeURIComponent(p.id);
    a.dataset.id = p.id;
    a.addEventListener('click', function (ev) { ev.preventDefault(); geoFocus(p.id); });
    li.appendChild(geoEl('span', (GEO_LAYER_TITLES[p.layer] || p.layer) + ': ', 'geo-chooser-layer'));
    li.appendChild(a);
    list.appendChild(li);
  });
  div.appendChild(list);
  GEO.current = null;
  geoShowPopup(latlng, div);
}

function geoEvents(holder) {
  holder.on('click', function (e) {
    if (e.layer && e.layer.cluster) { GEO.map.fitBounds(e.layer.cluster.bounds.pad(0.1), {maxZoom: GEO.clusterOffAt}); return; }
    if (!e.layer || !e.layer.feature) return;
    if (e.layer.getLatLng) {
      var here = geoAt(e.layer.getLatLng());
      if (here.length > 1) { geoChooser(here, e.layer.getLatLng()); return; }
    }
    geoOpen(e.layer, e.layer.getLatLng ? null : e.latlng);
  });
  holder.on('mouseover', function (e) {
    if (!e.layer || !(e.layer.feature || e.layer.cluster)) return;
    var text = e.layer.cluster ? e.layer.cluster.n + ' ' + (GEO_LAYER_TITLES[e.layer.cluster.layer] || '').toLowerCase() + ' here: click to zoom in'
        : e.layer.feature.properties.name;
    GEO.tip = GEO.tip || L.tooltip({direction: 'top', offset: L.point(0, -6)});
    GEO.tip.setLatLng(e.latlng || geoAnchor(e.layer)).setContent(geoEl('span', text));
    GEO.map.openTooltip(GEO.tip);
  });
  holder.on('mouseout', function () { if (GEO.tip) GEO.map.closeTooltip(GEO.tip); });
}

/* Add one layer's compact data to its overlay group.  A dense point layer
 * is drawn through geoGrid: clusters computed in one pass over the points at
 * each view, markers made only for what is on screen. */
function geoAddLayer(data, group, cluster) {
  var feats = geoExpand(data);
  var entry = {feats: feats, shown: feats, group: group, grid: null, layer: null};
  GEO.order.push(data.layer);
  GEO.layers[data.layer] = entry;
  if (cluster) {
    entry.grid = geoGrid(group);
    entry.grid.name = data.layer;
    entry.layer = entry.grid.layer;
  } else {
    entry.layer = L.geoJSON(null, {
      pointToLayer: function (f, latlng) { return geoMarker(f, latlng); },
      style: geoStyle,
      onEachFeature: function (f, layer) { GEO.byId.set(f.properties.id, layer); }
    }).addTo(group);
  }
  if (cluster) feats.forEach(function (f) { GEO.byId.set(f.properties.id, geoPseudo(f)); });
  GEO.search = null;
  geoEvents(entry.layer);
  geoShow(data.layer, feats);
}

/* A stand-in for a marker that is not drawn at the moment. */
function geoPseudo(f) {
  var ll = geoLatLng(f.geometry.coordinates);
  return {feature: f, getLatLng: function () { return ll; }};
}

function geoGrid(group) {
  var grid = {layer: L.featureGroup().addTo(group), pts: [], cell: 60};
  grid.setFeatures = function (feats) {
    grid.pts = feats.map(function (f) {
      var ll = geoLatLng(f.geometry.coordinates);
      return {f: f, ll: ll, p: L.CRS.EPSG3857.latLngToPoint(ll, 0)};
    });
    grid.draw();
  };
  grid.draw = function () {
    var map = GEO.map || group._map;
    grid.layer.clearLayers();
    if (!map) return;
    var z = map.getZoom(), scale = Math.pow(2, z), b = map.getPixelBounds().pad(0.2);
    var single = z >= GEO.clusterOffAt, cells = {};
    for (var i = 0; i < grid.pts.length; i++) {
      var q = grid.pts[i], x = q.p.x * scale, y = q.p.y * scale;
      if (x < b.min.x || x > b.max.x || y < b.min.y || y > b.max.y) continue;
      var key = single ? i : Math.floor(x / grid.cell) + ':' + Math.floor(y / grid.cell);
      var c = cells[key] || (cells[key] = {n: 0, lat: 0, lng: 0, first: q, bounds: L.latLngBounds(q.ll, q.ll)});
      c.n++; c.lat += q.ll.lat; c.lng += q.ll.lng; c.bounds.extend(q.ll);
    }
    for (var k in cells) {
      var c = cells[k], m;
      if (c.n === 1) {
        m = geoMarker(c.first.f, c.first.ll); m.feature = c.first.f;
      } else {
        var size = Math.round(Math.min(56, 22 + 4 * Math.log(c.n) / Math.LN2));
        /* the label is a number, never article text */
        m = L.marker([c.lat / c.n, c.lng / c.n], {icon: L.divIcon({className: 'geo-cluster', iconSize: [size, size],
            html: '<span>' + Number(c.n) + '</span>'}), keyboard: false});
        m.cluster = {n: c.n, bounds: c.bounds, layer: grid.name};
      }
      grid.layer.addLayer(m);
    }
    grid.drawn = grid.layer.getLayers().length;
  };
  return grid;
}

function geoShow(name, feats) {
  var entry = GEO.layers[name];
  entry.shown = feats;
  if (entry.grid) { entry.grid.setFeatures(feats); return; }
  entry.layer.clearLayers();
  entry.layer.addData(feats);
}

/* Open a feature by id: used by the permalink and the search box. */
function geoFocus(id) {
  var layer = GEO.byId.get(id);
  if (!layer) return false;
  var name = layer.feature.properties.layer, entry = GEO.layers[name];
  if (entry && !GEO.map.hasLayer(entry.group)) GEO.map.addLayer(entry.group);
  var open = function () { geoOpen(layer); };
  if (entry && entry.grid) {
    /* clustered: zoom to where clustering stops */
    GEO.map.setView(layer.getLatLng(), Math.max(GEO.map.getZoom(), GEO.clusterOffAt)); open();
  } else if (layer.getBounds) {
    GEO.map.fitBounds(layer.getBounds(), {maxZoom: 9}); open();
  } else {
    GEO.map.setView(layer.getLatLng(), Math.max(GEO.map.getZoom(), 8)); open();
  }
  return true;
}

/* The view's state lives in the address, so a filtered view is a link:
 * #article=NAME&type=air&actor=Israel&publisher=CBS+News&from=2025-06-01&to=2025-06-30&undated=0.
 * Any other fragment is a feature id (the permalink). */
var GEO_STATE_KEYS = ['article', 'publisher', 'type', 'actor', 'from', 'to', 'undated'];

function geoStateFromHash(hash) {
  var raw = String(hash).slice(1);
  if (raw.indexOf('=') < 0) return null;
  var params = new URLSearchParams(raw), st = {}, ok = true;
  params.forEach(function (v, k) { if (GEO_STATE_KEYS.indexOf(k) < 0) ok = false; else if (v) st[k] = v; });
  return ok ? st : null;
}

function geoStateEmpty() {
  return !GEO_STATE_KEYS.some(function (k) { return GEO.state[k]; });
}

/* Put the state in the address (replacing it: filtering is not navigation). */
function geoWriteState() {
  var params = new URLSearchParams();
  GEO_STATE_KEYS.forEach(function (k) { if (GEO.state[k]) params.set(k, GEO.state[k]); });
  var text = params.toString();
  if (history.replaceState) history.replaceState(null, '', text ? '#' + text : location.pathname + location.search);
}

function geoSetState(st, fit) {
  GEO.state = {};
  GEO_STATE_KEYS.forEach(function (k) { if (st[k]) GEO.state[k] = String(st[k]); });
  if (GEO.syncControls) GEO.syncControls();
  geoStory(fit);
}

function geoFromHash() {
  var st = geoStateFromHash(location.hash);
  if (st) { geoSetState(st, true); return; }
  var id;
  try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }  /* "#%": not a feature */
  if (!id && !geoStateEmpty()) geoSetState({}, false);
  if (id) geoFocus(id);
}

/* The articles a feature's sources come from: [name, title, publisher, published, url]. */
function geoArticlesOf(f) {
  var p = f.properties;
  return (p._s || []).map(function (s) { return p._a[s[0]]; });
}

/* Story view (article=NAME) and the publisher filter: only the features
 * those articles support; a story gets a heading with its title, publisher and date. */
function geoStory(fit) {
  var name = GEO.state.article || null, publisher = GEO.state.publisher || null;
  var meta = null, bounds = L.latLngBounds([]), loose = L.latLngBounds([]);
  for (var k in GEO.layers) {
    var e = GEO.layers[k];
    e.base = name === null && publisher === null ? e.feats : e.feats.filter(function (f) {
      return geoArticlesOf(f).some(function (a) {
        var file = String(a[0]).split('#')[0];
        if (name !== null && file !== name && file !== name + '.txt') return false;
        if (publisher !== null && a[2] !== publisher) return false;
        if (name !== null) meta = meta || a;
        return true;
      });
    });
    /* the view fits what the article reports (bases, incidents, areas); its passing mentions only when that is all */
    if (name !== null && fit) e.base.forEach(function (f) { (k === 'mentions' ? loose : bounds).extend(L.geoJSON(f).getBounds()); });
  }
  geoApplyFilters();
  var head = GEO.storyHead;
  if (!head) return;
  while (head.firstChild) head.removeChild(head.firstChild);
  head.style.display = name === null ? 'none' : '';
  if (name === null) return;
  if (!meta) {
    head.appendChild(geoEl('b', 'No features from an article named “' + name + '”'));
  } else {
    head.appendChild(geoEl('h2', meta[1] || meta[0]));
    head.appendChild(geoEl('div', [meta[2], meta[3]].filter(Boolean).join(' · ') || meta[0], 'geo-story-meta'));
  }
  var all = geoEl('a', 'Show every article'); all.href = '#';
  all.addEventListener('click', function (ev) { ev.preventDefault(); delete GEO.state.article; geoWriteState(); geoStory(false); });
  head.appendChild(all);
  if (fit && !bounds.isValid()) bounds = loose;
  if (fit && bounds.isValid()) GEO.map.fitBounds(bounds.pad(0.2), {maxZoom: 9});
}

function geoStoryControl() {
  var ctl = L.control({position: 'topleft'});
  ctl.onAdd = function () {
    var div = L.DomUtil.create('div', 'geo-story');
    div.style.display = 'none';
    if (typeof GEO_HEADING !== 'undefined' && GEO_HEADING) {  /* a standalone one-article map: a fixed heading */
      var fixed = L.DomUtil.create('div', 'geo-story geo-heading');
      fixed.appendChild(geoEl('h2', GEO_HEADING[0]));
      fixed.appendChild(geoEl('div', GEO_HEADING.slice(1).filter(Boolean).join(' · '), 'geo-story-meta'));
      var wrap = L.DomUtil.create('div');
      wrap.appendChild(fixed); wrap.appendChild(div);
      GEO.storyHead = div;
      L.DomEvent.disableClickPropagation(wrap);
      return wrap;
    }
    GEO.storyHead = div;
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  return ctl;
}

/* Does an incident pass the type, actor and date filters? */
function geoIncidentPasses(f, st, dates) {
  var p = f.properties;
  if (st.type && (GEO_EVENT_GROUPS[p.kind] || 'other') !== st.type) return false;
  if (st.actor && String(p.actors || '').split('; ').indexOf(st.actor) < 0) return false;
  if (!dates) return true;
  if (!p.date_start) return st.undated !== '0';
  return (!st.from || p.date_end >= st.from) && (!st.to || p.date_start <= st.to);
}

/* Show each layer's features that pass the story view and the filters. */
function geoApplyFilters() {
  for (var k in GEO.layers) {
    var e = GEO.layers[k], feats = e.base || e.feats;
    if (k === 'incidents') feats = feats.filter(function (f) { return geoIncidentPasses(f, GEO.state, true); });
    geoShow(k, feats);
  }
  geoAfterFilter();
}

/* What follows the shown features: the panel's counts and histogram, the feed, the layer list. */
function geoAfterFilter() {
  if (GEO.onFilter) GEO.onFilter();
  if (GEO.fillFeed) GEO.fillFeed();
  geoLayerCounts();
}

/* The layer list's counts follow the story view and filters: "Incidents (3 of 8)". */
function geoLayerCounts() {
  var labels = document.querySelectorAll('.leaflet-control-layers-overlays label span span');
  GEO.order.forEach(function (k, i) {
    var e = GEO.layers[k], el = labels[i];
    if (!e || !el) return;
    var n = e.shown.length, all = e.feats.length;
    el.textContent = ' ' + (GEO_LAYER_TITLES[k] || k) + ' (' + (n === all ? all : n + ' of ' + all) + ')';
  });
}

/* Fold a name for search: case, diacritics, apostrophes and the Arabic
 * article ("al-", "el-", ...: GEO_FOLD_WORDS, from data/lexicon/arabic_articles.tsv)
 * are ignored, so "ain al asad" finds "Ain al-Asad Air Base". */
function geoFold(s) {
  var fold = GEO.foldWords || (GEO.foldWords = new Set(typeof GEO_FOLD_WORDS === 'undefined' ? [] : GEO_FOLD_WORDS));
  var words = String(s).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/['\u2018\u2019\u02bb\u02bc\u02be\u02bf`]/g, '').split(/[^0-9a-z\u00c0-\uffff]+/);
  return words.filter(function (w) { return w && !fold.has(w); }).join(' ');
}

/* The search index: every feature's name and every name its quotes mark
 * (the article's own spellings: its aliases), folded. */
function geoSearchIndex() {
  if (GEO.search) return GEO.search;
  var index = new Map();
  var add = function (label, id) {
    var key = geoFold(label);
    if (!key) return;
    var e = index.get(key) || {label: label, ids: []};
    if (e.ids.indexOf(id) < 0) e.ids.push(id);
    index.set(key, e);
  };
  for (var k in GEO.layers) GEO.layers[k].feats.forEach(function (f) {
    var p = f.properties;
    add(p.name, p.id);
    (p._s || []).forEach(function (s) {
      (s[4] || []).forEach(function (n) { add(String(s[3]).slice(n[0] - s[1], n[1] - s[1]), p.id); });
    });
  });
  GEO.search = {index: index, keys: Array.from(index.keys()).sort()};
  return GEO.search;
}

/* Ids whose folded name or alias matches: exact first, then whole words, then any part. */
function geoFind(text) {
  var q = geoFold(text), s = geoSearchIndex();
  if (!q) return [];
  var exact = s.index.get(q);
  if (exact) return exact.ids.slice();
  var ranks = [[], [], []];  /* the name starts with the words; holds them as words; holds them anywhere */
  s.keys.forEach(function (k) {
    var i = k.indexOf(q);
    if (i < 0) return;
    var whole = (i === 0 || k[i - 1] === ' ') && (i + q.length === k.length || k[i + q.length] === ' ');
    var r = ranks[whole ? (i === 0 ? 0 : 1) : 2];
    r.push.apply(r, s.index.get(k).ids);
  });
  var seen = new Set();
  return ranks[0].concat(ranks[1], ranks[2]).filter(function (id) { if (seen.has(id)) return false; seen.add(id); return true; });
}

/* Search by place name: a text box over every name and alias, with a
 * "no match" message when nothing is found. */
function geoSearchControl() {
  var ctl = L.control({position: 'topleft'});
  ctl.onAdd = function () {
    var div = L.DomUtil.create('div', 'geo-search leaflet-bar');
    var input = geoEl('input'); input.type = 'search'; input.placeholder = 'Find a place…';
    input.setAttribute('list', 'geo-names'); input.setAttribute('aria-label', 'Find a place by name');
    var list = geoEl('datalist'); list.id = 'geo-names';
    var status = geoEl('div', '', 'geo-search-status'); status.setAttribute('role', 'status');
    var suggest = function () {  /* at most 30 suggestions: 100,000 options would stall the page */
      var s = geoSearchIndex(), q = geoFold(input.value), n = 0, seen = new Set();
      while (list.firstChild) list.removeChild(list.firstChild);
      for (var i = 0; i < s.keys.length && n < 30; i++) {
        if (q && s.keys[i].indexOf(q) < 0) continue;
        var label = s.index.get(s.keys[i]).label;
        if (seen.has(label)) continue;
        seen.add(label); var o = geoEl('option'); o.value = label; list.appendChild(o); n++;
      }
    };
    input.addEventListener('focus', suggest);
    input.addEventListener('input', function () { status.textContent = ''; suggest(); });
    var go = function () {
      if (!geoFold(input.value)) { status.textContent = ''; return; }
      var ids = geoFind(input.value);
      if (!ids.length) { status.textContent = 'No match for “' + input.value + '”'; return; }
      status.textContent = ids.length > 1 ? ids.length + ' matches; showing the first' : '';
      geoFocus(ids[0]);
    };
    input.addEventListener('change', go);
    input.addEventListener('keydown', function (e) { if (e.key === 'Enter') go(); });
    div.appendChild(input); div.appendChild(list); div.appendChild(status);
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  return ctl;
}

var GEO_DAY = 86400000;
function geoDay(date) { return Math.floor(Date.parse(date + 'T00:00:00Z') / GEO_DAY); }
function geoDate(day) { return new Date(day * GEO_DAY).toISOString().slice(0, 10); }

function geoSelect(cls, label, options) {
  var sel = geoEl('select', null, cls);
  sel.setAttribute('aria-label', label);
  var any = geoEl('option', 'Any ' + label.toLowerCase()); any.value = ''; sel.appendChild(any);
  options.forEach(function (o) { var e = geoEl('option', o[1]); e.value = o[0]; sel.appendChild(e); });
  return sel;
}

/* The incident panel: filters by event type, actor and publisher, a timeline
 * (a histogram by day, week or month with a brush and play/step), a date
 * range, undated incidents counted apart, and the count shown. */
function geoTimeControl() {
  var inc = GEO.layers.incidents;
  if (!inc || !inc.feats.length) return null;
  var last = null, days = [], types = {}, actors = {}, publishers = {};
  inc.feats.forEach(function (f) {
    var p = f.properties;
    types[GEO_EVENT_GROUPS[p.kind] || 'other'] = true;
    String(p.actors || '').split('; ').forEach(function (a) { if (a) actors[a] = true; });
    if (!p.date_start) return;
    days.push(geoDay(p.date_start));
    var d1 = geoDay(p.date_end || p.date_start);
    if (last === null || d1 > last) last = d1;
  });
  days.sort(function (a, b) { return a - b; });
  var first = days.length ? days[0] : null;
  for (var k in GEO.layers) GEO.layers[k].feats.forEach(function (f) {
    geoArticlesOf(f).forEach(function (a) { if (a[2]) publishers[a[2]] = true; });
  });
  /* A few reports far before the rest (a 2020 killing recalled in 2025 news) would squeeze every other bar
   * into a few pixels: when the largest gap between report days is over half the span, those earlier
   * reports get one "earlier" bar at the left and the axis starts after the gap. */
  var early = null, gap = 0, after = null;
  for (var i = 1; i < days.length; i++) if (days[i] - days[i - 1] > gap) { gap = days[i] - days[i - 1]; after = days[i]; }
  if (first !== null && after !== null && gap > (last - first) / 2) { early = first; first = after; }
  var EARLY_PX = early === null ? 0 : 14;
  var span = first === null ? 1 : last - first + 1;
  var unit = span <= 120 ? 1 : span <= 730 ? 7 : 30, bins = Math.ceil(span / unit);
  var unitName = unit === 1 ? 'day' : unit === 7 ? 'week' : '30 days';
  var ctl = L.control({position: 'bottomright'});
  ctl.onAdd = function () {
    var div = L.DomUtil.create('div', 'geo-time');
    div.appendChild(geoEl('b', 'Incidents'));
    var sorted = function (o) { return Object.keys(o).sort(); };
    var type = geoSelect('geo-type', 'Event type', sorted(types).map(function (g) {
      return [g, (GEO_SYMBOL_LABELS['inc_' + g] || g).replace(/^Incident: /, '')]; }));
    var actor = geoSelect('geo-actor', 'Actor', sorted(actors).map(function (a) { return [a, a]; }));
    var publisher = geoSelect('geo-publisher', 'Publisher', sorted(publishers).map(function (a) { return [a, a]; }));
    var row = geoEl('div', null, 'geo-filters'); [type, actor, publisher].forEach(function (e) { row.appendChild(e); });
    div.appendChild(row);
    var canvas = geoEl('canvas', null, 'geo-histogram'); canvas.width = 260; canvas.height = 48;
    canvas.setAttribute('aria-label', 'Incidents per ' + unitName + '; drag to select dates, double-click to clear');
    canvas.title = 'Incidents per ' + unitName + ' from ' + (first === null ? '–' : geoDate(first)) + ' to '
        + (last === null ? '–' : geoDate(last)) + (early === null ? '' : ' (the grey bar at the left: earlier, from ' + geoDate(early) + ')')
        + '. Drag to select a range; double-click for all dates.';
    div.appendChild(canvas);
    /* the axis: the first and last day, and the tallest bar's count */
    var axis = geoEl('div', null, 'geo-axis'), peak = geoEl('span', '', 'geo-peak');
    axis.appendChild(geoEl('span', first === null ? '' : geoDate(early === null ? first : early), 'geo-axis-from'));
    axis.appendChild(peak);
    axis.appendChild(geoEl('span', last === null ? '' : geoDate(last), 'geo-axis-to'));
    div.appendChild(axis);
    var all = geoEl('input'); all.type = 'checkbox'; all.id = 'geo-all-dates';
    var lab = geoEl('label', ' all dates'); lab.prepend(all);
    var undated = geoEl('input'); undated.type = 'checkbox'; undated.id = 'geo-undated';
    var ulab = geoEl('label', '', 'geo-undated-label'), utext = geoEl('span');
    ulab.appendChild(undated); ulab.appendChild(utext);
    var play = geoEl('button', '▶'), step = geoEl('button', '»');
    play.type = step.type = 'button'; play.className = 'geo-play'; step.className = 'geo-step';
    play.title = 'Play: step the selected range through time'; step.title = 'Step the selected range forward';
    var line = geoEl('div'); [lab, document.createTextNode(' '), ulab, document.createTextNode(' '), play, step]
        .forEach(function (e) { line.appendChild(e); });
    div.appendChild(line);
    var from = geoEl('input'), to = geoEl('input');
    from.type = to.type = 'date'; from.className = 'geo-from'; to.className = 'geo-to';
    div.appendChild(from); div.appendChild(document.createTextNode(' to ')); div.appendChild(to);
    var count = geoEl('div', '', 'geo-count');
    div.appendChild(count);

    var drag = null, matching = inc.feats;
    var dayAt = function (x) {
      var r = canvas.getBoundingClientRect(), left = EARLY_PX * r.width / canvas.width;
      if (early !== null && x - r.left < left) return early;
      return first + Math.max(0, Math.min(span - 1, Math.floor((x - r.left - left) / (r.width - left) * span)));
    };
    var draw = function () {
      var ctx = canvas.getContext('2d'), h = canvas.height, w = canvas.width - EARLY_PX, counts = [], max = 1, before = 0;
      for (var i = 0; i < bins; i++) counts.push(0);
      matching.forEach(function (f) {
        if (!f.properties.date_start || first === null) return;
        var b = Math.floor((geoDay(f.properties.date_start) - first) / unit);
        if (b < 0) before++;
        else if (b < bins) { counts[b]++; if (counts[b] > max) max = counts[b]; }
      });
      if (before > max) max = before;
      peak.textContent = first === null ? '' : 'tallest bar: ' + max + ' per ' + unitName;
      ctx.clearRect(0, 0, canvas.width, h);
      var xOf = function (day) { return day < first ? 0 : EARLY_PX + (day - first) / span * w; };
      var lo = drag ? Math.min(drag[0], drag[1]) : GEO.state.from ? geoDay(GEO.state.from) : null;
      var hi = drag ? Math.max(drag[0], drag[1]) : GEO.state.to ? geoDay(GEO.state.to) : null;
      if (lo !== null || hi !== null) {
        var x0 = xOf(lo === null ? (early === null ? first : early) : lo);
        var x1 = hi !== null && hi < first ? EARLY_PX : xOf((hi === null ? last : hi) + 1);
        ctx.fillStyle = 'rgba(9,105,218,0.15)'; ctx.fillRect(x0, 0, Math.max(2, x1 - x0), h);
      }
      if (early !== null) {  /* the "earlier" bar, set apart by a dashed line */
        ctx.fillStyle = '#8c959f';
        if (before) { var eh = Math.max(2, Math.round(before / max * (h - 4))); ctx.fillRect(2, h - eh, EARLY_PX - 6, eh); }
        ctx.strokeStyle = '#8c959f'; ctx.setLineDash([2, 2]); ctx.beginPath();
        ctx.moveTo(EARLY_PX - 2, 0); ctx.lineTo(EARLY_PX - 2, h); ctx.stroke(); ctx.setLineDash([]);
      }
      ctx.fillStyle = '#444';
      for (var j = 0; j < bins; j++) {
        if (!counts[j]) continue;
        var bh = Math.max(2, Math.round(counts[j] / max * (h - 4)));
        ctx.fillRect(EARLY_PX + j * unit / span * w, h - bh, Math.max(1, unit / span * w - 1), bh);
      }
    };
    GEO.syncControls = function () {
      var st = GEO.state;
      type.value = st.type || ''; actor.value = st.actor || ''; publisher.value = st.publisher || '';
      all.checked = !st.from && !st.to;
      from.value = st.from || (first === null ? '' : geoDate(early === null ? first : early));
      to.value = st.to || (last === null ? '' : geoDate(last));
      from.disabled = to.disabled = all.checked;
      undated.checked = st.undated !== '0';
    };
    GEO.onFilter = function () {  /* the incidents that pass every filter but the dates: the histogram and counts */
      matching = (inc.base || inc.feats).filter(function (f) { return geoIncidentPasses(f, GEO.state, false); });
      utext.textContent = ' undated (' + matching.filter(function (f) { return !f.properties.date_start; }).length + ')';
      count.textContent = inc.shown.length + ' of ' + matching.length + ' incidents';
      draw();
    };
    var apply = function () {
      var st = GEO.state;
      GEO_STATE_KEYS.forEach(function (k) { if (k !== 'article') delete st[k]; });
      if (type.value) st.type = type.value;
      if (actor.value) st.actor = actor.value;
      if (publisher.value) st.publisher = publisher.value;
      if (!all.checked) { if (from.value) st.from = from.value; if (to.value) st.to = to.value; }
      if (!undated.checked) st.undated = '0';
      from.disabled = to.disabled = all.checked;
      geoWriteState();
      geoStory(false);
    };
    [type, actor, publisher, all, undated, from, to].forEach(function (e) { e.addEventListener('change', apply); });
    var setRange = function (lo, hi) {
      all.checked = false; from.value = geoDate(lo); to.value = geoDate(hi); apply();
    };
    if (first !== null) {
      canvas.addEventListener('mousedown', function (e) { drag = [dayAt(e.clientX), dayAt(e.clientX)]; draw(); });
      window.addEventListener('mousemove', function (e) { if (drag) { drag[1] = dayAt(e.clientX); draw(); } });  /* past the ends: the first or last day */
      window.addEventListener('mouseup', function () {
        if (!drag) return;
        var lo = Math.min(drag[0], drag[1]), hi = Math.max(drag[0], drag[1]);
        drag = null; setRange(lo, hi);
      });
      canvas.addEventListener('dblclick', function () { all.checked = true; apply(); });
    }
    var stepOnce = function () {
      if (first === null) return false;
      var lo = GEO.state.from ? geoDay(GEO.state.from) : first, hi = GEO.state.to ? geoDay(GEO.state.to) : lo + 6;
      if (all.checked) { lo = first; hi = first + Math.max(unit, 7) - 1; setRange(lo, hi); return true; }
      var width = hi - lo + 1;
      if (lo + width > last) return false;
      setRange(lo + width, hi + width);
      return true;
    };
    step.addEventListener('click', stepOnce);
    play.addEventListener('click', function () {
      if (GEO.playing) { clearInterval(GEO.playing); GEO.playing = null; play.textContent = '▶'; return; }
      play.textContent = '⏸';
      GEO.playing = setInterval(function () {
        if (!stepOnce()) { clearInterval(GEO.playing); GEO.playing = null; play.textContent = '▶'; }
      }, 900);
    });
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    GEO.syncControls();
    return div;
  };
  return ctl;
}

/* The feed, like Liveuamap's: the incidents in view, newest first, each with
 * its date, type, place and first quote (a click flies to it and opens its
 * popup); and an "Unresolved" tab: the reports the map could not place. */
function geoFeedControl() {
  var inc = GEO.layers.incidents;
  var unresolved = typeof GEO_UNRESOLVED === 'undefined' ? [] : GEO_UNRESOLVED;
  if ((!inc || !inc.feats.length) && !unresolved.length) return null;
  var ctl = L.control({position: 'topright'});
  ctl.onAdd = function () {
    var div = L.DomUtil.create('div', 'geo-feed');
    var tabs = geoEl('div', null, 'geo-tabs'), list = geoEl('ol', null, 'geo-feed-list');
    var tInView = geoEl('button', '', 'geo-tab-inview'), tUnres = geoEl('button', '', 'geo-tab-unresolved');
    var hide = geoEl('button', '–', 'geo-feed-hide'); hide.title = 'Hide or show the feed';
    [tInView, tUnres, hide].forEach(function (b) { b.type = 'button'; tabs.appendChild(b); });
    div.appendChild(tabs); div.appendChild(list);
    var tab = 'inview', hidden = false;
    var item = function (title, sub, quote) {
      var li = geoEl('li');
      li.appendChild(geoEl('b', title));
      if (sub) li.appendChild(geoEl('div', sub, 'geo-feed-sub'));
      if (quote) li.appendChild(geoEl('q', quote.length > 220 ? quote.slice(0, 220) + '…' : quote));
      return li;
    };
    var fill = function () {
      while (list.firstChild) list.removeChild(list.firstChild);
      var story = GEO.state.article || null;
      var unres = unresolved.filter(function (u) {
        var file = String(u[0]).split('#')[0];
        return story === null || file === story || file === story + '.txt';
      });
      var bounds = GEO.map.getBounds();
      var inView = inc ? inc.shown.filter(function (f) { return bounds.contains(geoLatLng(f.geometry.coordinates)); }) : [];
      inView.sort(function (x, y) {
        var a = x.properties.date_start || '', b = y.properties.date_start || '';
        return a === b ? (x.properties.id < y.properties.id ? -1 : 1) : (a < b ? 1 : -1);
      });
      tInView.textContent = 'In view (' + inView.length + ')';
      tUnres.textContent = 'Unresolved (' + unres.length + ')';
      tInView.classList.toggle('on', tab === 'inview'); tUnres.classList.toggle('on', tab === 'unresolved');
      list.style.display = hidden ? 'none' : '';
      hide.textContent = hidden ? '+' : '–';
      if (hidden) return;
      if (tab === 'inview') {
        inView.slice(0, 200).forEach(function (f) {
          var p = f.properties, src = geoSources(p)[0];
          var li = item(p.name, [p.date_start ? p.date_start + (p.date_end && p.date_end !== p.date_start ? ' – ' + p.date_end : '') : 'undated',
                                 p.event_label].filter(Boolean).join(' · '), src ? src.quote : '');
          li.className = 'geo-feed-item'; li.dataset.id = p.id; li.tabIndex = 0;
          /* The focus pans the map, and the pan refills this list: the clicked item may leave the page
           * before its click reaches the map, which would then take it for a click on the map and close
           * the popup just opened. The click ends here. */
          var go = function (e) { if (e) L.DomEvent.stopPropagation(e); geoFocus(p.id); };
          li.addEventListener('click', go);
          li.addEventListener('keydown', function (e) { if (e.key === 'Enter') go(); });
          list.appendChild(li);
        });
        if (inView.length > 200) list.appendChild(geoEl('li', (inView.length - 200) + ' more: zoom in or filter'));
      } else {
        unres.forEach(function (u) {
          var li = item(u[3], u[1] || u[0], u[2]);
          li.className = 'geo-feed-unresolved';
          list.appendChild(li);
        });
      }
    };
    tInView.addEventListener('click', function () { tab = 'inview'; hidden = false; fill(); });
    tUnres.addEventListener('click', function () { tab = 'unresolved'; hidden = false; fill(); });
    hide.addEventListener('click', function () { hidden = !hidden; fill(); });
    GEO.fillFeed = fill;
    GEO.map.on('moveend', fill);
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  return ctl;
}

/* Uncertainty: a circle of uncertainty_km around a point while its popup is open. */
function geoUncertainty(map) {
  map.on('popupopen', function () {
    var layer = GEO.current;
    if (GEO.circle) { map.removeLayer(GEO.circle); GEO.circle = null; }
    if (!layer || !layer.feature) return;
    var p = layer.feature.properties;
    if (history.replaceState && geoStateEmpty()) history.replaceState(null, '', '#' + encodeURIComponent(p.id));
    if (layer.getLatLng && p.uncertainty_km) {
      GEO.circle = L.circle(layer.getLatLng(), {radius: p.uncertainty_km * 1000, color: '#444', weight: 1,
                                                dashArray: '4 4', fillOpacity: 0.05, interactive: false}).addTo(map);
    }
  });
  map.on('popupclose', function () { if (GEO.circle) { map.removeLayer(GEO.circle); GEO.circle = null; } });
}

function geoInit(map) {
  GEO.map = map;
  var redraw = function () { for (var k in GEO.layers) if (GEO.layers[k].grid) GEO.layers[k].grid.draw(); };
  map.on('zoomend moveend', redraw);
  redraw();
  geoUncertainty(map);
  geoStoryControl().addTo(map);
  geoSearchControl().addTo(map);
  var t = geoTimeControl(); if (t) t.addTo(map);
  var feed = geoFeedControl(); if (feed) feed.addTo(map);
  geoAfterFilter();
  window.addEventListener('hashchange', geoFromHash);
  geoFromHash();
  setTimeout(geoCompactLayers, 0);  /* the layer list is added after this script runs */
}

/* On a narrow screen the layer list folds behind a "Layers" button, so it covers no markers. */
function geoCompactLayers() {
  var c = document.querySelector('.leaflet-control-layers');
  if (!c || window.innerWidth >= 800 || c.querySelector('.geo-layers-toggle')) return;
  var list = c.querySelector('.leaflet-control-layers-list'), b = geoEl('button', 'Layers ▾', 'geo-layers-toggle');
  b.type = 'button'; b.setAttribute('aria-expanded', 'false'); list.style.display = 'none';
  b.onclick = function () {
    var open = list.style.display === 'none';
    list.style.display = open ? '' : 'none'; b.setAttribute('aria-expanded', String(open));
  };
  c.insertBefore(b, list);
}

/* How many features of a layer are loaded (tests and benchmarks wait on it). */
function geoLoaded(name) {
  var e = GEO.layers[name];
  if (!e) return 0;
  return e.grid ? e.grid.pts.length : e.layer.getLayers().length;
}
