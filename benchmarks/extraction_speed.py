"""Throughput of the whole per-article extraction (a benchmark, not a test).

    python benchmarks/extraction_speed.py [--limit N]

Places and incidents (mentions, triggers, the dependency parse of event
sentences, dates, actors) over the three benchmark corpora
(../shared/benchmarks, read in place), one core, gazetteer from its cache.
Prints MB/s, the sentences parsed, and the time of the longest document.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents of each corpus")
    args = ap.parse_args()

    from geo.evaluate import CORPORA, load_corpus
    from geo.events.actors import load_actors
    from geo.events.extract import extract
    from geo.model import Article, Section
    from geo.places.mentions import find_mentions
    from geo.places.sources import load_gazetteer
    from geo.text.articles import split_sentences
    from geo.text.parse import forget, parsed, parser

    gaz, actors = load_gazetteer(), load_actors()
    parser()  # load (and audit) the model before timing
    docs = [d.text for name in CORPORA for d in load_corpus(name)[: args.limit]]
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    # (and the tables made on first use, the actors' and the demonyms': once per process, not per document)
    warm = "Russian forces shelled Kharkiv on Monday, killing two people, officials in Kyiv said."
    sec = Section("w", None, None, None, 0, len(warm))
    art = Article("w", warm, [sec])
    art.sentences = split_sentences(warm, sec, keep_short=True)
    extract(art, find_mentions(art, gaz), gaz, actors)
    forget()
    t0 = time.perf_counter()
    slowest = (0.0, 0)
    incidents = 0
    for d in docs:
        t = time.perf_counter()
        sec = Section("d", None, None, None, 0, len(d))
        art = Article("d", d, [sec])
        art.sentences = split_sentences(d, sec, keep_short=True)
        incs, _ = extract(art, find_mentions(art, gaz), gaz, actors)
        incidents += len(incs)
        slowest = max(slowest, (time.perf_counter() - t, len(d)))
    secs = time.perf_counter() - t0
    print(f"extraction: {mb:.2f} MB in {secs:.2f} s = {mb / secs:.2f} MB/s ({len(docs)} documents, {incidents} incidents, "
          f"{parsed()} sentences parsed)")
    print(f"slowest document: {slowest[1] / 1000:.1f} kB in {slowest[0] * 1000:.0f} ms")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
