"""Kill a real build at random points and check the layer set each time (a benchmark, not a test).

    python benchmarks/kill_build.py [N]      (default 20)

Builds the seed articles once, then N times starts ``geo build`` again and
kills it (SIGKILL) after a random delay within the build's own duration.
After each kill the layers folder must hold one complete set: every file of
the first build, each byte-identical to it (the rebuilt set is the same).
Prints the tally.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with tempfile.TemporaryDirectory() as tmp:
        arts, layers = Path(tmp) / "articles", Path(tmp) / "layers"
        shutil.copytree(ROOT / "data" / "articles", arts)
        cmd = [sys.executable, "-m", "geo", "-q", "build", "--articles", str(arts), "--layers", str(layers), "--no-map"]
        t = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        duration = time.perf_counter() - t
        first = {p.name: p.read_bytes() for p in layers.iterdir()}
        # a second set to switch between: the same articles plus one more
        (arts / "extra.txt").write_text("Drones struck Camp Taji on Friday, officials said on Saturday.\n", encoding="utf-8")
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        second = {p.name: p.read_bytes() for p in layers.iterdir()}
        rng = random.Random(1)
        intact = 0
        for i in range(n):
            if i % 2:
                (arts / "extra.txt").unlink(missing_ok=True)
            else:
                (arts / "extra.txt").write_text("Drones struck Camp Taji on Friday, officials said on Saturday.\n",
                                                encoding="utf-8")
            proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.0, duration))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            now = {p.name: p.read_bytes() for p in layers.iterdir()}
            ok = now in (first, second)
            intact += ok
            print(f"kill {i + 1:2d}: {'one whole set' if ok else 'MIXED OR BROKEN'}", flush=True)
        print(f"{intact} of {n} kills left one whole layer set (a build takes {duration:.1f} s)")


if __name__ == "__main__":
    main()
