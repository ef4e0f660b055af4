"""Speed and memory of the geoparser (a benchmark, not a test).

    python benchmarks/speed.py [--quick]

Prints, single core, with the full gazetteer loaded:

* throughput in MB of article text per second over the three benchmark
  corpora (../shared/benchmarks, read in place), concatenated;
* the same text through ``grep -F -w -o -f names.txt`` with every name of the
  gazetteer (normalised, as the matcher sees them; the text lower-cased the
  same way): plain multi-pattern matching, the reference point;
* gazetteer load time, cold (built from the packages) and warm (from the
  on-disk cache), and peak RSS of each.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOAD = """
import resource, sys, time
t = time.perf_counter()
from geo.places.sources import load_gazetteer
g = load_gazetteer()
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(g.places),
      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def load_run(env: dict[str, str]) -> tuple[float, float, int, float]:
    """Seconds, peak RSS (MB), places, and the peak RSS of the child that parses a package (0: none ran)."""
    out = subprocess.run([sys.executable, "-c", LOAD], env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    secs, rss, n, child = out.stdout.split()
    return float(secs), float(rss), int(n), float(child)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the cold gazetteer build")
    args = ap.parse_args()

    from geo.evaluate import CORPORA, geoparse_text, load_corpus
    from geo.places.sources import load_gazetteer
    from geo.text.normalize import fold

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not args.quick:
        cache = tempfile.mkdtemp(prefix="geo-cache-")
        try:
            secs, rss, n, child = load_run({**env, "GEO_CACHE_DIR": cache})
            print(f"gazetteer cold build: {secs:.1f} s, peak RSS {rss:.0f} MB (the child parsing GeoNames: "
                  f"{child:.0f} MB, before the build grows), {n:,} places")
            stale = next(Path(cache, "geo").glob("gazetteer-*"))
            shutil.rmtree(stale)  # as after a curated or user row changed: the package segments are kept
            secs, rss, n, child = load_run({**env, "GEO_CACHE_DIR": cache})
            print(f"gazetteer rebuild after a curated row changed: {secs:.1f} s, peak RSS {rss:.0f} MB "
                  f"(GeoNames not parsed again: child {child:.0f} MB)")
            secs, rss, n, _ = load_run({**env, "GEO_CACHE_DIR": cache})
            print(f"gazetteer warm load:  {secs:.2f} s, peak RSS {rss:.0f} MB")
        finally:
            shutil.rmtree(cache, ignore_errors=True)
    else:
        secs, rss, n, _ = load_run(env)
        print(f"gazetteer warm load:  {secs:.2f} s, peak RSS {rss:.0f} MB, {n:,} places")

    docs = [d.text for name in CORPORA for d in load_corpus(name)]
    text = "\n\n".join(docs)
    mb = len(text.encode("utf-8")) / 1e6
    gaz = load_gazetteer()
    t = time.perf_counter()
    found = sum(len(geoparse_text(d, gaz)) for d in docs)
    secs = time.perf_counter() - t
    ours = mb / secs
    print(f"geoparser: {mb:.2f} MB in {secs:.2f} s = {ours:.2f} MB/s ({found:,} places resolved, {len(docs)} documents)")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    grep = shutil.which("grep")
    folded = fold(text)
    with tempfile.TemporaryDirectory() as tmp:
        names = Path(tmp) / "names.txt"
        keys = [k for k in gaz.names.keys() if k]
        names.write_text("\n".join(keys) + "\n", encoding="utf-8")
        # GNU grep -F -w with this many names is slow, so it runs on two slices of
        # the text; the difference removes its fixed cost (reading the names).
        timing = {}
        for size in (10_000, 50_000):
            part = Path(tmp) / f"text{size}.txt"
            part.write_text(folded[:size], encoding="utf-8")
            t = time.perf_counter()
            subprocess.run([grep, "-F", "-w", "-o", "-f", str(names), str(part)], capture_output=True,
                           env={"LC_ALL": "C"}, timeout=1800)
            timing[size] = time.perf_counter() - t
    per_mb = (timing[50_000] - timing[10_000]) / ((50_000 - 10_000) / 1e6)
    gmb = 1 / per_mb if per_mb > 0 else float("inf")
    print(f"grep -F -w -o -f names.txt ({len(keys):,} names): {timing[10_000]:.1f} s on 10 kB, "
          f"{timing[50_000]:.1f} s on 50 kB = {gmb:.4f} MB/s beyond its start-up")
    print(f"geoparser / grep throughput: {ours / gmb:.1f} (target >= 0.33)")


if __name__ == "__main__":
    main()
