"""Builds of many distinct articles: one job, all jobs, and one article added (a benchmark, not a test).

    python benchmarks/corpus_scale.py [N ...]      (default: 1000 5000)

The articles are pieces of about three sentences of the three benchmark corpora (read in place from
../shared/benchmarks, never copied), each written with a sidecar giving a date.  For each N it
times, as whole processes, ``geo build --no-map --clean -j 1``, the same with ``-j 2`` and with
``--engine dask -j 2`` (a local cluster of two workers), and then
``geo build --no-map -j 2`` after one article is added (the per-article cache warm; once a corpus
piece, once an event report that needs the parser), and checks
that the layers are byte-identical.  It prints seconds, articles per second, peak RSS and the
bytes of the layers.  The gazetteer comes from its cache.
"""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# ``geo build`` as the ``geo`` command runs it (geo.cli.run: out at once after main), and its peak RSS
RUN = ("import logging, os, resource, sys\nfrom geo.cli import main\ncode = main(sys.argv[1:])\n"
       "peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
       "print('PEAK', peak, file=sys.stderr)\nlogging.shutdown()\nsys.stdout.flush()\nsys.stderr.flush()\nos._exit(code)\n")


def pieces(n: int) -> list[str]:
    from geo.evaluate import CORPORA, load_corpus

    out: list[str] = []
    for name in CORPORA:
        for doc in load_corpus(name):
            sents = [s.strip() for s in doc.text.replace("\n", " ").split(". ") if s.strip()]
            for i in range(0, len(sents), 3):
                piece = ". ".join(sents[i : i + 3]).strip()
                if len(piece) > 80:
                    out.append(piece + ("" if piece.endswith(".") else "."))
    seen: dict[str, None] = dict.fromkeys(out)
    out = list(seen)
    if len(out) < n:
        raise SystemExit(f"only {len(out)} distinct pieces in the corpora; ask for fewer")
    return out[:n]


def write(folder: Path, texts: list[str], start: int = 0, stamp: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts, start):
        (folder / f"a{i:06d}.txt").write_text(f"Article {i}{stamp}\n\n{text}\n", encoding="utf-8")
        (folder / f"a{i:06d}.meta.json").write_text(json.dumps({"title": f"Article {i}", "publisher": "Benchmark",
                                                                 "published": f"2025-06-{1 + i % 28:02d}"}), encoding="utf-8")


def build(arts: Path, layers: Path, *extra: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", RUN, "-q", "build", "--articles", str(arts), "--layers", str(layers),
                        "--no-map", *extra], capture_output=True, text=True, cwd=ROOT)
    dt = time.perf_counter() - t0
    if r.returncode not in (0, 1):
        raise SystemExit(r.stderr[-2000:])
    peak = int(next(line.split()[1] for line in r.stderr.splitlines() if line.startswith("PEAK")))
    return dt, peak // 1024


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def same(a: Path, b: Path) -> bool:
    """The same layer files (the Dask engine's extra events/ folder aside)."""
    names = sorted(p.name for p in a.iterdir() if p.is_file())
    return names == sorted(p.name for p in b.iterdir() if p.is_file()) and all(
        filecmp.cmp(a / n, b / n, shallow=False) for n in names)


def main() -> None:
    sizes = [int(x) for x in sys.argv[1:]] or [1000, 5000]
    texts = pieces(max(sizes) + 1)
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            t = Path(tmp)
            arts = t / "articles"
            write(arts, texts[:n])
            one, peak1 = build(arts, t / "l1", "--clean", "-j", "1")
            two, peak2 = build(arts, t / "l2", "--clean", "-j", "2")
            print(f"{n} articles: -j 1 {one:.1f} s ({n / one:.0f}/s, {peak1} MB peak); "
                  f"-j 2 {two:.1f} s ({n / two:.0f}/s, {peak2} MB peak); identical: {same(t / 'l1', t / 'l2')}; "
                  f"layers {size(t / 'l1') / 1e6:.1f} MB")
            dk, peakd = build(arts, t / "ld", "--clean", "--engine", "dask", "-j", "2")
            dk1, _ = build(arts, t / "ld1", "--clean", "--engine", "dask", "-j", "1")
            print(f"  Dask, a local cluster of 2 workers: {dk:.1f} s ({n / dk:.0f}/s, {one / dk:.2f}x -j 1, "
                  f"{dk1 / dk:.2f}x a cluster of 1 worker: {dk1:.1f} s); identical: {same(t / 'l1', t / 'ld')}")
            # (a title no earlier run has written: the per-article cache, shared by every run, cannot hold it)
            stamp = f" ({time.time_ns()})"
            write(arts, texts[n : n + 1], start=n, stamp=stamp)
            inc, peak3 = build(arts, t / "l3", "-j", "2")
            full, _ = build(arts, t / "l4", "--clean", "-j", "2")
            print(f"  one article added: {inc:.1f} s ({peak3} MB peak) with the cache, {full:.1f} s clean; "
                  f"identical: {same(t / 'l3', t / 'l4')}")
            # an article whose event sentence needs the parser (the spaCy model loads: the slow case)
            (arts / "b000000.txt").write_text(f"Article B{stamp}\n\nRockets struck a base near Kirkuk on Monday, killing "
                                              "four soldiers, officials said.\n", encoding="utf-8")
            inc2, peak4 = build(arts, t / "l3", "-j", "2")
            print(f"  one event article added (the parser loads): {inc2:.1f} s ({peak4} MB peak) with the cache")


if __name__ == "__main__":
    main()
