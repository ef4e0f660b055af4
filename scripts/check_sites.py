"""Check every curated row of data/gazetteer: a source, a point inside its country
(either claimant of a disputed territory, data/gazetteer/disputed.tsv), and within
50 km of its named host town (resolved with GeoNames in the world gazetteer).

    python scripts/check_sites.py        # prints each row that fails, exit 1 if any
"""

from __future__ import annotations

import sys

from geo.places.checks import check_curated_rows
from geo.places.sources import load_gazetteer


def main() -> int:
    problems = check_curated_rows(load_gazetteer())
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
