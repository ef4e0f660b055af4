"""A build of many short articles, with and without per-article maps (a benchmark, not a test).

    python benchmarks/many_articles.py [N]

Writes N (default 1,000) short dated reports of attacks on a handful of
Iraqi and Syrian places into a temporary folder, then times ``geo build``
(the main map only, the default) and ``geo build --article-maps``, and prints
seconds and the bytes of HTML each writes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACES = ("Camp Taji", "Ain al-Asad Air Base", "Baghdad", "Erbil", "Kirkuk", "Mosul", "Basra", "Deir ez-Zor", "Al-Qaim",
          "Jurf al-Sakhar")
WEAPONS = ("Rockets", "Drones", "Mortar shells")


def articles(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        place, weapon = PLACES[i % len(PLACES)], WEAPONS[i % len(WEAPONS)]
        day = 1 + i % 28
        text = (f"Report {i}\n\n{weapon} hit {place} on June {day}, 2025, killing {i % 4} people, officials said.\n\n"
                f"Security sources in {PLACES[(i + 3) % len(PLACES)]} said the attack was the {i % 9 + 1}th this month.\n")
        (folder / f"r{i:05d}.txt").write_text(text, encoding="utf-8")
        (folder / f"r{i:05d}.meta.json").write_text(
            '{"title": "Report %d", "publisher": "Benchmark", "published": "2025-06-%02d"}' % (i, day), encoding="utf-8")


def run(tmp: Path, arts: Path, name: str, extra: list[str]) -> tuple[float, int, int]:
    maps = tmp / name
    cmd = [sys.executable, "-m", "geo", "-q", "build", "--articles", str(arts), "--layers", str(tmp / f"{name}-layers"),
           "--map", str(maps / "index.html"), *extra]
    t = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    secs = time.perf_counter() - t
    files = list(maps.glob("*.html"))
    return secs, len(files), sum(f.stat().st_size for f in files)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        articles(tmp / "articles", n)
        for name, extra in (("default", []), ("article-maps", ["--article-maps"])):
            secs, count, size = run(tmp, tmp / "articles", name, extra)
            print(f"{n} articles, {name:13s}: {secs:6.1f} s, {count} HTML file(s), {size / 1e6:7.1f} MB")


if __name__ == "__main__":
    main()
