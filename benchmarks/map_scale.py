"""How the HTML map scales: 1k, 10k and 100k synthetic incidents (a benchmark, not a test).

    python benchmarks/map_scale.py [--sizes 1000 10000 100000]

For each size it prints the time to build the HTML, the HTML bytes per
feature beyond the fixed assets (the same page with no incidents), the time
until the map has rendered every incident in headless Chromium (Debian's
``chromium``; every non-``file:`` request blocked), and the time one pan of
300 pixels takes until the points are drawn again.

Synthetic incidents are spread over Iraq and Syria, one source each (one of
50 articles), with a one-line quote of about 60 characters; real quotes are
longer, so real pages weigh more per feature.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.output.webmap import render_map  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
TYPES = [("drone_attack", "Drone attack"), ("rocket_attack", "Rocket attack"), ("air_strike", "Air/drone strike")]


def incidents(n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        lon, lat = round(rnd.uniform(39.0, 47.5), 5), round(rnd.uniform(30.0, 37.0), 5)
        slug, label = TYPES[i % 3]
        day = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
        quote = f"Rockets hit a base near town {i} on the day, officials said."
        art = i % 50
        out.append(
            {
                "type": "Feature",
                "id": f"incidents:syn/{i}/{slug}/{day}",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "id": f"incidents:syn/{i}/{slug}/{day}", "name": f"{label}: town {i}", "layer": "incidents",
                    "kind": slug, "country": "IQ", "precision": "town", "uncertainty_km": 5.0,
                    "event_type": slug, "event_label": label, "date_start": day, "date_end": day,
                    "date_precision": "day", "coord_source": "synthetic",
                    "sources": [{"article": f"a{art}.txt", "title": f"Article {art}", "publisher": "Example News",
                                 "published": day, "url": None, "quote": quote, "start": 100, "end": 100 + len(quote),
                                 "names": [[128, 128 + len(str(i)) + 5]]}],
                },
            }
        )
    return out


def render_seconds(path: Path, n: int) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        t = time.perf_counter()
        page.goto(path.as_uri(), timeout=120_000)
        page.wait_for_function(
            f"() => window.GEO && GEO.map && geoLoaded('incidents') === {n}",
            timeout=120_000, polling=50,
        )
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        secs = time.perf_counter() - t
        # A pan of 300 pixels without animation, until the points are drawn again.
        pan = page.evaluate(
            """() => new Promise(r => { const t = performance.now();
                 GEO.map.once('moveend', () => requestAnimationFrame(() => requestAnimationFrame(
                     () => r(performance.now() - t))));
                 GEO.map.panBy([300, 0], {animate: false}); })"""
        )
        browser.close()
    return secs, pan / 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = ap.parse_args()
    empty = {"bases": [], "incidents": [], "areas": [], "mentions": []}
    base = len(render_map(empty, "empty").encode("utf-8"))
    print(f"fixed assets (page with no incidents): {base:,} bytes")
    print(f"{'incidents':>10} {'build s':>8} {'bytes/feature':>14} {'render s':>9} {'pan s':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            feats = incidents(n)
            t = time.perf_counter()
            html = render_map({**empty, "incidents": feats}, f"{n} incidents")
            build = time.perf_counter() - t
            path = Path(tmp) / f"map{n}.html"
            path.write_text(html, encoding="utf-8")
            per = (len(html.encode("utf-8")) - base) / n
            render, pan = render_seconds(path, n)
            print(f"{n:>10,} {build:>8.2f} {per:>14.0f} {render:>9.2f} {pan:>6.2f}", flush=True)


if __name__ == "__main__":
    main()
