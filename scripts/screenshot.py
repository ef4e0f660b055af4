"""Take the README screenshots of maps/index.html in headless Chromium: the
map with a popup open (docs/screenshot.png), and the story view of the first
seed article (docs/story.png), and the incident panel filtered to air and
drone strikes in June 2025 (docs/timeline.png).

Every request that is not ``file:`` is blocked, as in the browser tests, so
the picture shows what an offline analyst sees.  Needs Debian's chromium
(``apt-get install chromium``) and the ``playwright`` package.

    python scripts/screenshot.py [maps/index.html] [docs/screenshot.png]
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def main() -> None:
    page_path = Path(sys.argv[1] if len(sys.argv) > 1 else "maps/index.html").resolve()
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshot.png")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(page_path.as_uri())
        page.wait_for_selector(".leaflet-control-layers")
        page.wait_for_timeout(500)
        # Open the popup of the Camp Taji drone attack so the picture shows a quote.
        page.evaluate("() => geoFocus('incidents:site/camp-taji/drone_attack/2025-06-22')")
        page.wait_for_timeout(500)
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        story = out.with_name("story.png")
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        page.goto(page_path.as_uri() + "#article=001_896631608ec76700")
        page.wait_for_selector(".geo-story h2")
        page.wait_for_timeout(500)
        page.screenshot(path=str(story))
        print(f"{story}: written")
        timeline = out.with_name("timeline.png")
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        page.goto(page_path.as_uri() + "#type=air&from=2025-06-01&to=2025-06-30")
        page.wait_for_selector(".geo-histogram")
        page.evaluate("() => { GEO.map.setView([33.5, 46.5], 5); }")
        page.wait_for_timeout(500)
        page.screenshot(path=str(timeline))
        print(f"{timeline}: written")
        browser.close()
    print(f"{out}: written; console errors: {errors or 'none'}")


if __name__ == "__main__":
    main()
