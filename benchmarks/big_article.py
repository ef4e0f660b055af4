"""Time and memory of one build of a single very large article (a benchmark, not a test).

    python benchmarks/big_article.py [MB ...]      (default: 1 2 5 20)

The article is the text of the three benchmark corpora (../shared/benchmarks,
read in place) repeated to the size asked for, in one file.  Each size is
built in a fresh process (``geo build --no-map``, then with the map) and the
wall time and peak RSS are printed: time should grow linearly with size, and
20 MB should build in under 60 s and 1 GB.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from geo.evaluate import CORPORA, load_corpus

    sizes = [float(a) for a in sys.argv[1:]] or [1, 2, 5, 20]
    base = "\n\n".join(d.text for name in CORPORA for d in load_corpus(name))
    for mb in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            arts = Path(tmp) / "articles"
            arts.mkdir()
            n = int(mb * 1e6)
            text = (base * (n // len(base) + 1))[:n]
            (arts / "big.txt").write_text(text, encoding="utf-8")
            for extra in (["--no-map"], []):
                t = time.perf_counter()
                subprocess.run([sys.executable, "-m", "geo", "-q", "build", "--articles", str(arts), "--layers",
                                str(Path(tmp) / "layers"), "--map", str(Path(tmp) / "maps" / "index.html"), *extra],
                               check=False, cwd=ROOT, stdout=subprocess.DEVNULL)
                secs = time.perf_counter() - t
                rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
                size = sum(p.stat().st_size for p in (Path(tmp) / "layers").glob("*")) / 1e6
                print(f"{mb:5.1f} MB article, {'layers only' if extra else 'layers + map'}: {secs:6.1f} s, "
                      f"peak RSS so far {rss:.0f} MB, layers {size:.1f} MB", flush=True)


if __name__ == "__main__":
    main()
