"""The HTML map: structure, escaping, and a real browser with the network blocked."""

from __future__ import annotations

from contextlib import contextmanager

import json
import re
from urllib.parse import quote

import pytest

from geo.pipeline import Settings, build
from geo.output.webmap import folium_location
from geo.model import LngLat
from geo.output.features import LAYERS

from ..system_tools import CHROMIUM, CHROMIUM_ARGS, need

HOSTILE = """Kata'ib <script>window.__xss=1</script> `${window.__xss=2}` strike
BAGHDAD, June 20, 2025 - Drones struck Camp Taji on Friday, said a spokesman for Kata'ib "Hezbollah" <img src=x onerror="window.__xss=3"> </script><script>window.__xss=4</script> \\u003c and ${window.__xss=5} `tick` {{ 7*7 }} {% if x %}.
"""


HOSTILE_META = {
    "title": "<script>window.__xss=6</script> ‘Not Our War’ `${window.__xss=7}` {{ 6*7 }}",
    "publisher": "<img src=x onerror=\"window.__xss=8\"> الميادين",
    "published": "2025-06-20",
    "url": "javascript:window.__xss=9",
}
ARABIC = "Drones struck Camp Taji on Friday, said a statement headed «قاعدة التاجي» in Arabic."


@pytest.fixture(scope="module")
def hostile_map(tmp_path_factory):
    import json

    tmp = tmp_path_factory.mktemp("hostile")
    arts = tmp / "articles"
    arts.mkdir()
    (arts / "evil.txt").write_text(HOSTILE + ARABIC + "\n", encoding="utf-8")
    (arts / "evil.meta.json").write_text(json.dumps(HOSTILE_META), encoding="utf-8")
    settings = Settings(articles=arts, layers=tmp / "layers", map=tmp / "maps" / "index.html", per_article_maps=True)
    build(settings)
    return settings.map


def test_folium_location_is_lat_lon():
    assert folium_location(LngLat(44.4, 33.3)) == [33.3, 44.4]


def test_map_lists_every_layer_and_needs_no_network(seed_build):
    html = seed_build[2].read_text(encoding="utf-8")
    for title in ("Bases (", "Incidents (", "Areas (", "Other places mentioned ("):
        assert title in html
    assert not re.search(r'<script[^>]+src="https?:', html)
    assert not re.search(r'<link[^>]+href="https?:', html)


def test_article_text_is_never_raw_html_in_the_page(hostile_map):
    html = hostile_map.read_text(encoding="utf-8")
    assert "<script>window.__xss" not in html
    # The article's own map is titled with its (hostile) title, which is not a template either.
    assert re.search(r"<title>[^<]*\{\{ 6\*7 \}\}</title>", hostile_map.with_name("article-evil.html").read_text(encoding="utf-8"))
    assert "<img src=x" not in html
    assert "</script><script>window.__xss" not in html
    assert 'onerror="window.__xss' not in html


def _open_layers(page):
    """The layer list is always open; a popup over it is closed first."""
    page.evaluate("() => { GEO.map.closePopup(); }")


def _visible_ids(page):
    return page.evaluate("() => Array.from(GEO.byId.keys()).filter(id => GEO.map.hasLayer(GEO.byId.get(id)))")


def _popup_text(page, fid):
    return page.evaluate(
        """(fid) => { if (!geoFocus(fid)) return null;
             const el = document.querySelector('.leaflet-popup-content');
             return {text: el.innerText, marks: [...el.querySelectorAll('mark')].map(m => m.textContent),
                     links: [...el.querySelectorAll('a')].map(a => a.getAttribute('href')),
                     scripts: el.querySelectorAll('script,img,iframe').length}; }""",
        fid,
    )


@contextmanager
def browsing(path, fragment=""):
    """(page, console errors, blocked requests) for a map file, network blocked: a fresh page (and
    context) of one Chromium shared by the tests of this module."""
    page, errors, blocked, context = _page(path, fragment)
    try:
        yield page, errors, blocked
    finally:
        context.close()


_SHARED: dict = {}


def _chromium():
    """One headless Chromium for the whole run (starting one takes most of a browser test's time)."""
    if "browser" not in _SHARED:
        import atexit

        from playwright.sync_api import sync_playwright

        need(CHROMIUM, "chromium")
        pw = sync_playwright().start()
        _SHARED["pw"], _SHARED["browser"] = pw, pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def stop():
            _SHARED["browser"].close()
            _SHARED["pw"].stop()

        atexit.register(stop)
    return _SHARED["browser"]


def _page(path, fragment=""):
    context = _chromium().new_context()
    page = context.new_page()
    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.resolve().as_uri() + fragment)
    page.wait_for_selector(".leaflet-control-layers")
    return page, errors, blocked, context


def test_seed_map_renders_offline_with_quoted_popups(seed_build):
    with browsing(seed_build[2]) as (page, errors, blocked):
        ids = _visible_ids(page)
        assert "bases:site/camp-taji" in ids and any(i.startswith("incidents:") for i in ids)
        labels = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
        assert [l.split(" (")[0].strip() for l in labels] == ["Areas", "Other places mentioned", "Bases", "Incidents"]
        # Toggling a layer removes its features from the map.
        _open_layers(page)
        page.locator(".leaflet-control-layers-overlays input").nth(2).click()
        assert "bases:site/camp-taji" not in _visible_ids(page)
        page.locator(".leaflet-control-layers-overlays input").nth(3).click()
        pop = _popup_text(page, "incidents:site/camp-taji/drone_attack/2025-06-22")
        assert "causing damage to radar systems at Camp Taji" in pop["text"]
        assert "The Washington Post" in pop["text"] and "2025-06-22 to 2025-06-23" in pop["text"]
        assert "Camp Taji" in pop["marks"]
        assert "Fatalities: 0 · injuries: 0" in pop["text"]  # "no casualties" in the text
        assert any(link.startswith("https://www.daily8.com/") for link in pop["links"])  # the article URL
        # The uncertainty circle of the open feature is drawn, and goes with the popup.
        assert page.evaluate("() => GEO.circle !== null && Math.round(GEO.circle.getRadius()) === 3000")
        page.evaluate("() => { GEO.map.closePopup(); }")
        assert page.evaluate("() => GEO.circle === null")
        assert page.locator(".leaflet-control-scale").count() == 1
        assert page.locator(".leaflet-control-zoom-fullscreen, .leaflet-control-fullscreen").count() >= 1
        assert errors == [] and blocked == []


def test_hostile_text_displays_as_text_and_runs_nothing(hostile_map):
    with browsing(hostile_map) as (page, errors, blocked):
        ids = _visible_ids(page)
        fid = next(i for i in ids if i.startswith("bases:site/camp-taji"))
        pop = _popup_text(page, fid)
        assert "<script>window.__xss=4</script>" in pop["text"]
        assert '<img src=x onerror="window.__xss=3">' in pop["text"]
        assert "${window.__xss=5}" in pop["text"] and "Kata'ib" in pop["text"]
        assert "{{ 7*7 }} {% if x %}" in pop["text"]  # never evaluated as a template
        assert HOSTILE_META["title"] in pop["text"] and "الميادين" in pop["text"] and "قاعدة التاجي" in pop["text"]
        assert not any(l and l.lower().startswith("javascript:") for l in pop["links"])  # not a link at all
        assert pop["scripts"] == 0
        assert page.evaluate("() => window.__xss") is None
        assert errors == []
    # The standalone one-article map names its article in a heading, as text.
    with browsing(hostile_map.with_name("article-evil.html")) as (page, errors, blocked):
        assert page.locator(".geo-heading h2").inner_text() == HOSTILE_META["title"]
        assert page.evaluate("() => window.__xss") is None and errors == []


def test_permalink_opens_the_feature_with_its_popup(seed_build):
    fid = "bases:site/jurf-al-sakhar"
    from urllib.parse import quote

    with browsing(seed_build[2], "#" + quote(fid, safe="")) as (page, errors, blocked):
        page.wait_for_selector(".leaflet-popup-content")
        assert "Jurf Al Sakhar area" in page.locator(".leaflet-popup-content").inner_text()
        assert page.evaluate("() => GEO.map.getZoom()") >= 8
        # The whole popup is inside the map and clear of the layer list (it pans to fit).
        page.wait_for_timeout(400)
        pop = page.locator(".leaflet-popup").bounding_box()
        mapbox = page.locator(".leaflet-container").bounding_box()
        ctl = page.locator(".leaflet-control-layers").bounding_box()
        assert pop["y"] >= mapbox["y"] and pop["x"] >= mapbox["x"] and pop["x"] + pop["width"] <= mapbox["x"] + mapbox["width"]
        assert pop["x"] + pop["width"] <= ctl["x"] or pop["y"] >= ctl["y"] + ctl["height"]
        # So does a popup opened at the top right corner, under the layer list.
        page.evaluate("""() => { GEO.map.closePopup(); const m = GEO.map, s = m.getSize();
            const ll = m.containerPointToLatLng([s.x - 40, 40]);
            GEO.current = null; geoChooser([GEO.byId.get('bases:site/camp-taji').feature], ll); }""")
        page.wait_for_timeout(400)
        pop = page.locator(".leaflet-popup").bounding_box()
        ctl = page.locator(".leaflet-control-layers").bounding_box()
        assert pop["y"] >= mapbox["y"] and (pop["x"] + pop["width"] <= ctl["x"] or pop["y"] >= ctl["y"] + ctl["height"])
        # Opening another popup updates the address, so it can be copied and shared.
        page.evaluate("() => { geoFocus('bases:site/camp-taji'); }")
        assert page.evaluate("() => decodeURIComponent(location.hash.slice(1))") == "bases:site/camp-taji"
        assert errors == [] and blocked == []


def test_search_and_time_control(seed_build):
    with browsing(seed_build[2]) as (page, errors, blocked):
        box = page.locator(".geo-search input")
        box.fill("Imam Ali Air Base")
        box.press("Enter")
        page.wait_for_selector(".leaflet-popup-content")
        assert "Imam Ali" in page.locator(".leaflet-popup-content h4").inner_text()
        page.evaluate("() => { GEO.map.closePopup(); }")
        incidents = lambda: page.evaluate("() => geoLoaded('incidents')")
        total = incidents()
        assert page.locator(".geo-count").inner_text() == f"{total} of {total} incidents"
        page.locator("#geo-all-dates").uncheck()
        page.locator(".geo-from").fill("2025-06-20")
        page.locator(".geo-to").fill("2025-06-24")
        page.locator(".geo-to").dispatch_event("change")
        page.locator("#geo-undated").uncheck()  # undated incidents are counted apart, shown until unticked
        shown = page.evaluate("() => GEO.layers.incidents.layer.getLayers().map(l => l.feature.properties.date_start)")
        assert 0 < len(shown) < total and all(d and "2025-06-09" <= d <= "2025-06-24" for d in shown)
        page.locator("#geo-undated").check()
        page.locator("#geo-all-dates").check()
        assert incidents() == total
        assert errors == [] and blocked == []


def test_search_ignores_case_diacritics_and_the_arabic_article(seed_build):
    with browsing(seed_build[2]) as (page, errors, blocked):
        box, status = page.locator(".geo-search input"), page.locator(".geo-search-status")
        for query, expected in (("camp taji", "Taji"), ("ain al asad", "Asad"), ("AIN EL-ASAD", "Asad"),
                                ("Taji", "Taji"), ("imām ʿali", "Imam Ali")):
            page.evaluate("() => { GEO.map.closePopup(); }")
            box.fill(query)
            box.press("Enter")
            page.wait_for_selector(".leaflet-popup-content")
            assert expected in page.locator(".leaflet-popup-content h4").inner_text(), query
            assert "No match" not in status.inner_text()
        page.evaluate("() => { GEO.map.closePopup(); }")
        page.wait_for_selector(".leaflet-popup-content", state="detached")
        box.fill("Atlantis")
        box.press("Enter")
        assert status.inner_text() == "No match for “Atlantis”"
        assert page.locator(".leaflet-popup-content").count() == 0
        # A name the article wrote differently from the feature's name is an alias: the quote's marked names.
        names = page.evaluate("() => geoFind('fordo nuclear site').map(id => GEO.byId.get(id).feature.properties.name)")
        assert "Fordow Fuel Enrichment Plant" in names
        assert errors == [] and blocked == []


def test_story_view_shows_one_article_under_its_heading(seed_build):
    layers = {n: json.loads((seed_build[1] / f"{n}.geojson").read_text())["features"] for n in LAYERS}
    src = layers["incidents"][0]["properties"]["sources"][0]
    article = src["article"].split("#")[0]
    expected = sorted(f["id"] for feats in layers.values() for f in feats
                      if any(s["article"].split("#")[0] == article for s in f["properties"]["sources"]))
    everything = sum(len(feats) for feats in layers.values())
    assert 0 < len(expected) < everything
    with browsing(seed_build[2], "#article=" + quote(article.removesuffix(".txt"))) as (page, errors, blocked):
        shown = lambda: sorted(page.evaluate("() => Object.values(GEO.layers).flatMap(e => e.shown.map(f => f.properties.id))"))
        assert shown() == expected
        head = page.locator(".geo-story")
        assert head.locator("h2").inner_text() == src["title"]
        assert src["publisher"] in head.inner_text()
        # The incident count and the date filter follow the story.
        incidents = [i for i in expected if i.startswith("incidents:")]
        assert page.locator(".geo-count").inner_text() == f"{len(incidents)} of {len(incidents)} incidents"
        head.locator("a").click()
        assert len(shown()) == everything and not head.is_visible()
        page.evaluate("() => { location.hash = '#article=no-such-article'; }")
        page.wait_for_function("() => document.querySelector('.geo-story').innerText.includes('No features')")
        assert shown() == []
        assert errors == [] and blocked == []


def _shown_incidents(page):
    return sorted(page.evaluate("() => GEO.layers.incidents.shown.map(f => f.properties.id)"))


def test_timeline_brush_and_filters_change_the_view_and_survive_a_reload(seed_build):
    incidents = json.loads((seed_build[1] / "incidents.geojson").read_text())["features"]
    with browsing(seed_build[2]) as (page, errors, blocked):
        total = len(incidents)
        assert page.locator(".geo-count").inner_text() == f"{total} of {total} incidents"
        # Brush: drag from the middle of the histogram past its end. The axis covers the June 2025 war; the
        # one killing the seeds date to 2020 has its own "earlier" bar at the left.
        box = page.locator(".geo-histogram").bounding_box()
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + box["width"] * 0.5, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] + 20, y, steps=4)  # past the end: up to the last day
        page.mouse.up()
        state = page.evaluate("() => GEO.state")
        assert state["from"] >= "2024" and state["to"] == max(f["properties"]["date_end"] or "" for f in incidents)
        undated = sum(1 for f in incidents if not f["properties"]["date_start"])
        in_range = [f["id"] for f in incidents if f["properties"]["date_start"]
                    and f["properties"]["date_end"] >= state["from"] and f["properties"]["date_start"] <= state["to"]]
        assert 0 < len(in_range) + undated < total
        assert len(_shown_incidents(page)) == len(in_range) + undated
        # Event type, actor and publisher filters combine with the range.
        page.locator(".geo-type").select_option("air")
        page.locator(".geo-actor").select_option("Israel")
        page.locator("#geo-undated").uncheck()
        expected = sorted(f["id"] for f in incidents if f["id"] in in_range and f["properties"]["event_type"] in
                          ("air_strike", "drone_attack") and "Israel" in (f["properties"].get("actors") or "").split("; "))
        assert expected and _shown_incidents(page) == expected, (state, in_range)
        assert page.locator(".geo-count").inner_text().startswith(f"{len(expected)} of ")
        assert page.locator(".leaflet-control-layers-overlays label").nth(3).inner_text().strip() == \
            f"Incidents ({len(expected)} of {total})"  # the layer list's count follows the filters
        # The state is in the address: a reload gives the same view and the same controls.
        url = page.url
        assert "type=air" in url and "actor=Israel" in url and "undated=0" in url
        page.reload()
        page.wait_for_function("() => typeof GEO !== 'undefined' && GEO.layers.incidents && GEO.layers.incidents.shown")
        assert _shown_incidents(page) == expected
        assert page.locator(".geo-type").input_value() == "air" and not page.locator("#geo-undated").is_checked()
        # A double-click on the histogram clears the range; step starts at the first day and moves by the range's width.
        page.locator(".geo-histogram").dblclick()
        assert "from" not in page.evaluate("() => GEO.state") and page.locator("#geo-all-dates").is_checked()
        page.locator(".geo-step").click()
        first = page.evaluate("() => [GEO.state.from, GEO.state.to]")
        starts = sorted(f["properties"]["date_start"] for f in incidents if f["properties"]["date_start"])
        assert starts[0] < "2021" and first[0] == starts[1]  # the axis starts after the 2020 outlier
        page.locator(".geo-step").click()
        second = page.evaluate("() => [GEO.state.from, GEO.state.to]")
        assert second[0] > first[1]
        # The "earlier" bar selects the outlier.
        page.locator(".geo-type").select_option("")
        page.locator(".geo-actor").select_option("")
        page.mouse.move(box["x"] + 2, y)
        page.mouse.down()
        page.mouse.move(box["x"] + 5, y, steps=2)
        page.mouse.up()
        assert page.evaluate("() => GEO.state.from") == starts[0]
        assert [i for i in _shown_incidents(page)] == sorted(f["id"] for f in incidents if f["properties"]["date_start"] == starts[0])
        assert errors == [] and blocked == []


def test_feed_lists_incidents_in_view_newest_first_and_the_unresolved(seed_build):
    incidents = json.loads((seed_build[1] / "incidents.geojson").read_text())["features"]
    unresolved = json.loads((seed_build[1] / "unresolved.json").read_text())["incidents"]
    with browsing(seed_build[2]) as (page, errors, blocked):
        page.evaluate("() => { GEO.map.fitWorld(); }")
        page.wait_for_function("(n) => document.querySelectorAll('.geo-feed-item').length === n", arg=len(incidents))
        ids = page.locator(".geo-feed-item").evaluate_all("(li) => li.map(e => e.dataset.id)")
        dates = [next(f["properties"]["date_start"] or "" for f in incidents if f["id"] == i) for i in ids]
        assert dates == sorted(dates, reverse=True)  # newest first, undated last
        # Only what is in view: zoomed to Tehran, the Iraqi incidents leave the list.
        page.evaluate("() => { GEO.map.setView([35.7, 51.4], 9, {animate: false}); }")
        page.wait_for_function("(n) => document.querySelectorAll('.geo-feed-item').length < n", arg=len(incidents))
        shown = page.locator(".geo-feed-item").evaluate_all("(li) => li.map(e => e.dataset.id)")
        assert shown and all(next(f["properties"]["country"] for f in incidents if f["id"] == i) == "IR" for i in shown)
        page.locator(".geo-feed-item").first.click()
        page.wait_for_function("(id) => decodeURIComponent(location.hash.slice(1)) === id", arg=shown[0])
        assert page.locator(".leaflet-popup-content h4").inner_text() == \
            next(f["properties"]["name"] for f in incidents if f["id"] == shown[0])
        page.locator(".geo-tab-unresolved").click()
        assert page.locator(".geo-tab-unresolved").inner_text() == f"Unresolved ({len(unresolved)})"
        quotes = page.locator(".geo-feed-unresolved q").all_inner_texts()
        assert len(quotes) == len(unresolved) and unresolved[0]["quote"][:100] in "".join(quotes)
        assert errors == [] and blocked == []


def test_a_feed_item_whose_focus_refills_the_feed_at_once_keeps_its_popup(seed_build):
    """Focusing without animation moves the map at once, and the move refills the feed while the click
    is still on its way: the clicked item has left the page by then, and the map must not take the click
    for its own (which would close the popup just opened)."""
    incidents = json.loads((seed_build[1] / "incidents.geojson").read_text())["features"]
    with browsing(seed_build[2]) as (page, errors, blocked):
        # (Leaflet reads zoomAnimation once, at creation: its flag is what a map made without animation has)
        page.evaluate("() => { GEO.map._zoomAnimated = false; GEO.map.setView([35.7, 51.4], 5, {animate: false}); }")
        page.wait_for_function("() => document.querySelectorAll('.geo-feed-item').length > 0")
        first = page.locator(".geo-feed-item").first.get_attribute("data-id")
        page.locator(".geo-feed-item").first.click()
        page.wait_for_function("(id) => decodeURIComponent(location.hash.slice(1)) === id", arg=first)
        assert page.evaluate("() => GEO.map.getZoom()") >= 8  # the focus zoomed in, without animation
        assert page.evaluate("() => GEO.map.hasLayer(GEO.popup)")
        assert page.locator(".leaflet-popup-content h4").inner_text(timeout=5000) == \
            next(f["properties"]["name"] for f in incidents if f["id"] == first)
        assert errors == [] and blocked == []


def test_dense_layers_are_clustered_and_still_open_by_permalink(tmp_path):
    import sys

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "benchmarks"))
    from map_scale import incidents

    from geo.output.webmap import render_map

    path = tmp_path / "dense.html"
    feats = incidents(400)
    path.write_text(render_map({"bases": [], "incidents": feats, "areas": [], "mentions": []}, "dense"), encoding="utf-8")
    with browsing(path) as (page, errors, blocked):
        assert page.evaluate("() => geoLoaded('incidents')") == 400
        drawn = page.evaluate("() => GEO.layers.incidents.grid.drawn")
        assert 0 < drawn < 400  # clusters, not 400 markers
        clusters = page.evaluate("() => GEO.layers.incidents.layer.getLayers().filter(l => l.cluster).map(l => l.cluster.n)")
        assert clusters and sum(clusters) <= 400
        page.evaluate("() => { geoFocus(%r); }" % feats[123]["id"])
        page.wait_for_selector(".leaflet-popup-content")
        assert "town 123" in page.locator(".leaflet-popup-content h4").inner_text()
        assert page.evaluate("() => GEO.map.getZoom()") >= 9
        # The date filter works on a clustered layer too.
        page.locator("#geo-all-dates").uncheck()
        page.locator(".geo-from").fill("2025-01-01")
        page.locator(".geo-to").fill("2025-01-31")
        page.locator(".geo-to").dispatch_event("change")
        assert page.evaluate("() => geoLoaded('incidents')") == sum(f["properties"]["date_start"].startswith("2025-01") for f in feats)
        assert errors == [] and blocked == []


def test_hostile_gazetteer_and_feature_fields_stay_text(tmp_path):
    """Names, kinds, operators, actors and coordinate sources come from gazetteer rows and text too."""
    from geo.output.webmap import render_map

    evil = "</script><script>window.__xss=10</script>`${window.__xss=11}`<img src=x onerror=window.__xss=12>"
    feat = {
        "type": "Feature", "id": "bases:site/evil'\"<x>",
        "geometry": {"type": "Point", "coordinates": [44.2, 33.3]},
        "properties": {"id": "bases:site/evil'\"<x>", "name": evil, "layer": "bases", "kind": evil, "country": "IQ",
                       "precision": "site", "uncertainty_km": 1.0, "operator": evil, "coord_source": evil,
                       "sources": [{"article": evil, "title": evil, "publisher": evil, "published": evil, "url": None,
                                    "quote": evil, "start": 0, "end": len(evil), "names": [[0, 9]]}]},
    }
    path = tmp_path / "evil.html"
    path.write_text(render_map({"bases": [feat], "incidents": [], "areas": [], "mentions": []}, evil), encoding="utf-8")
    with browsing(path) as (page, errors, blocked):
        pop = _popup_text(page, feat["id"])
        assert pop["text"].count(evil) >= 4 and pop["scripts"] == 0
        assert page.evaluate("() => window.__xss") is None
        assert page.title() == evil
        assert errors == [] and blocked == []


def test_clicking_a_marker_opens_its_popup_and_every_layer_toggles(seed_build):
    with browsing(seed_build[2]) as (page, errors, blocked):
        fid = "bases:site/ain-al-asad-air-base"
        page.evaluate("() => { GEO.map.setView(GEO.byId.get('bases:site/ain-al-asad-air-base').getLatLng(), 9, {animate: false}); }")
        page.wait_for_timeout(300)
        x, y = page.evaluate(
            "() => { const p = GEO.map.latLngToContainerPoint(GEO.byId.get(%r).getLatLng()); "
            "const r = GEO.map.getContainer().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }" % fid
        )
        page.mouse.click(x, y)
        page.wait_for_selector(".geo-chooser")  # the base shares its point with an incident: a list of both
        page.locator(".geo-chooser a", has_text="Ain al-Asad Air Base").last.click()
        page.wait_for_selector(".leaflet-popup-content h4")
        text = page.locator(".leaflet-popup-content").inner_text()
        assert "Several drones were shot down near the Ain al-Asad base" in text and "U.S. forces" in text
        _open_layers(page)  # the layer list opens on hover
        boxes = page.locator(".leaflet-control-layers-overlays input")
        for i in range(boxes.count()):
            before = len(_visible_ids(page))
            _open_layers(page)
            boxes.nth(i).click()
            assert len(_visible_ids(page)) < before
            _open_layers(page)
            boxes.nth(i).click()
            assert len(_visible_ids(page)) == before
        assert errors == [] and blocked == []


def _click_at(page, lnglat):
    x, y = page.evaluate(
        "(c) => { const p = GEO.map.latLngToContainerPoint(L.latLng(c[1], c[0])); "
        "const r = GEO.map.getContainer().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }", lnglat)
    page.mouse.click(x, y)


def test_a_click_at_each_point_reaches_every_feature_there(seed_build):
    with browsing(seed_build[2]) as (page, errors, blocked):
        points = page.evaluate("""() => { const at = {};
            for (const k in GEO.layers) GEO.layers[k].feats.forEach(f => { if (f.geometry.type !== 'Point') return;
                const key = f.geometry.coordinates.join(','); (at[key] = at[key] || []).push(f.properties.id); });
            return Object.values(at); }""")
        stacked = [ids for ids in points if len(ids) > 1]
        assert stacked, "the seed map has co-located features (Tehran, Camp Taji, ...)"
        reached = set()
        for ids in points:
            coords = page.evaluate("(id) => GEO.byId.get(id).feature.geometry.coordinates", ids[0])
            page.evaluate("(c) => { GEO.map.closePopup(); GEO.map.setView(L.latLng(c[1], c[0]), 10, {animate: false}); }", coords)
            page.wait_for_selector(".leaflet-popup-content", state="detached")
            _click_at(page, coords)
            page.wait_for_selector(".leaflet-popup-content")
            if len(ids) == 1:
                name = page.evaluate("(id) => GEO.byId.get(id).feature.properties.name", ids[0])
                assert page.locator(".leaflet-popup-content h4").first.inner_text().startswith(name[:20])
                reached.update(ids)
                continue
            listed = page.locator(".geo-chooser a").evaluate_all("(as) => as.map(a => a.dataset.id)")
            assert sorted(listed) == sorted(ids)
            assert page.evaluate("(id) => GEO.byId.get(id).feature.properties.layer", listed[0]) == "incidents" or \
                not any(i.startswith("incidents:") for i in ids)  # incidents are listed first
            for i, fid in enumerate(listed):  # each entry opens that feature's own popup
                if i:
                    page.evaluate("() => { GEO.map.closePopup(); }")
                    page.wait_for_selector(".leaflet-popup-content", state="detached")
                    _click_at(page, coords)
                    page.wait_for_selector(".geo-chooser")
                page.locator(".geo-chooser a").nth(i).click()
                page.wait_for_function("(id) => decodeURIComponent(location.hash.slice(1)) === id", arg=fid)
                reached.add(fid)
        assert reached == {i for ids in points for i in ids}
        assert errors == [] and blocked == []


def test_labels_render_offline_and_switching_base_layers_twice_hides_nothing(seed_build):
    with browsing(seed_build[2]) as (page, errors, blocked):
        page.evaluate("() => { GEO.map.setView([33.3, 44.4], 6, {animate: false}); }")
        labels = page.locator(".geo-label:visible").all_inner_texts()
        assert "Iraq" in labels and "Babil" in labels  # country and province names, drawn from package data
        assert "Persian Gulf" in labels  # and the seas
        assert "Baghdad" in page.locator(".geo-city:visible").all_inner_texts()  # cities over a million from zoom 6
        assert "Al Hillah" not in page.locator(".geo-city:visible").all_inner_texts()
        page.evaluate("() => { GEO.map.setView([33.3, 44.4], 8, {animate: false}); }")
        assert "Al Hillah" in page.locator(".geo-city:visible").all_inner_texts()  # smaller cities from zoom 8
        fid = "bases:site/camp-taji"
        before = len(_visible_ids(page))
        for _ in range(2):
            _open_layers(page)
            page.locator(".leaflet-control-layers-base input").nth(1).check()  # OpenStreetMap (its tiles blocked here)
            page.locator(".leaflet-control-layers-base input").nth(0).check()  # back to the Natural Earth outlines
        assert len(_visible_ids(page)) == before
        page.evaluate("(id) => { GEO.map.setView(GEO.byId.get(id).getLatLng(), 10, {animate: false}); }", fid)
        coords = page.evaluate("(id) => GEO.byId.get(id).feature.geometry.coordinates", fid)
        # What is on top at the marker's point is a marker, not the outline layer's fill.
        top = page.evaluate("""(c) => { const p = GEO.map.latLngToContainerPoint(L.latLng(c[1], c[0]));
            const r = GEO.map.getContainer().getBoundingClientRect();
            const el = document.elementFromPoint(r.left + p.x, r.top + p.y); return el.closest('.leaflet-pane').className; }""", coords)
        assert "leaflet-marker-pane" in top or "leaflet-overlay-pane" in top
        _click_at(page, coords)
        page.wait_for_selector(".leaflet-popup-content")
        assert "Camp Taji" in page.locator(".leaflet-popup-content").inner_text()
        # The only requests off the machine were the online layer's tiles (blocked here); nothing else failed.
        assert blocked and all("tile.openstreetmap.org" in u for u in blocked)
        assert all(e.startswith("Failed to load resource") for e in errors)


def test_differing_casualty_reports_show_a_low_and_a_high(tmp_path):
    import json

    arts = tmp_path / "articles"
    arts.mkdir()
    meta = {"title": "Rockets hit Camp Taji", "publisher": "Example", "published": "2024-01-20"}
    (arts / "a.txt").write_text("Rockets hit Camp Taji on Friday, killing three soldiers and wounding two, officials said.\n",
                                encoding="utf-8")
    (arts / "b.txt").write_text("Rockets slammed into Camp Taji on Friday. Medics said five soldiers were killed and "
                                "seven were wounded in the attack.\n", encoding="utf-8")
    for name in ("a", "b"):
        (arts / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    settings = Settings(articles=arts, layers=tmp_path / "layers", map=tmp_path / "maps" / "index.html")
    build(settings)
    (feat,) = json.loads((settings.layers / "incidents.geojson").read_text())["features"]
    props = feat["properties"]
    assert (props["fatalities"], props["fatalities_high"], props["injuries"], props["injuries_high"]) == (3, 5, 2, 7)
    assert {s["article"] for s in props["sources"]} == {"a.txt", "b.txt"}
    with browsing(settings.map) as (page, errors, blocked):
        pop = _popup_text(page, feat["id"])
        assert "Fatalities: 3–5 · injuries: 2–7" in pop["text"]
        assert errors == [] and blocked == []


@pytest.mark.parametrize("fragment", ["#constructor", "#%", "#__proto__", "#%E0%A4%A", "#bases:site/__proto__"])
def test_proto_names_and_hostile_fragments_break_nothing(tmp_path, fragment):
    from geo.output.webmap import render_map

    def base(name):
        return {"type": "Feature", "id": f"bases:site/{name}", "geometry": {"type": "Point", "coordinates": [44.2, 33.3]},
                "properties": {"id": f"bases:site/{name}", "name": name, "layer": "bases", "kind": "air_base",
                               "country": "IQ", "precision": "site", "uncertainty_km": 1.0,
                               "sources": [{"article": "a.txt", "title": "t", "publisher": "p", "published": None,
                                            "url": None, "quote": f"Drones hit {name}.", "start": 0, "end": 9}]}}

    path = tmp_path / "proto.html"
    path.write_text(render_map({"bases": [base("__proto__"), base("constructor"), base("hasOwnProperty")],
                                "incidents": [], "areas": [], "mentions": []}, "t"), encoding="utf-8")
    with browsing(path, fragment) as (page, errors, blocked):
        assert page.evaluate("() => GEO.byId.size") == 3 and page.evaluate("() => geoLoaded('bases')") == 3
        assert page.evaluate("() => geoFocus('bases:site/__proto__')") is True
        assert "Drones hit __proto__." in page.locator(".leaflet-popup-content").inner_text()
        assert page.evaluate("() => geoFind('constructor')") == ["bases:site/constructor"]
        assert errors == [] and blocked == []


def test_on_a_narrow_screen_the_layer_list_folds_and_opens_and_the_histogram_has_an_axis(seed_build):
    context = _chromium().new_context(viewport={"width": 600, "height": 800})
    try:
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        page.goto(seed_build[2].resolve().as_uri())
        page.wait_for_selector(".geo-layers-toggle")
        overlays = page.locator(".leaflet-control-layers-overlays")
        assert not overlays.is_visible()
        page.click(".geo-layers-toggle")
        assert overlays.is_visible()
        box = page.locator(".geo-axis")
        assert box.locator(".geo-axis-from").inner_text() and box.locator(".geo-axis-to").inner_text()
        assert box.locator(".geo-peak").inner_text().startswith("tallest bar: ")
    finally:
        context.close()
    with browsing(seed_build[2]) as (page, errors, blocked):  # a wide screen keeps it open, as before
        assert page.locator(".leaflet-control-layers-overlays").is_visible() and page.locator(".geo-layers-toggle").count() == 0
        assert errors == [] and blocked == []
