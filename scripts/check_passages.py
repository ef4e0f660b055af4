"""Check the form of annotated passage files (data/devset/*.jsonl).

    python scripts/check_passages.py FILE [FILE ...]

Reports every row that breaks the conventions of data/devset/ANNOTATION.md:
missing fields, offsets where ``text[start:end] != name``, unknown kinds or
event types, an incident place that is no mention's name, coordinates
missing outside countries, bad dates, duplicate ids.  Prints nothing about
what the project's code would make of the rows.  Exit status 1 on any error.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

FIELDS = ("id", "theatre", "text", "source", "url", "publisher", "published", "published_source",
          "mentions", "incidents")
KINDS = {"installation", "district", "town", "city", "region", "country"}
TYPES = {"air_strike", "drone_attack", "missile_attack", "rocket_attack", "shelling", "armed_clash",
         "explosion", "shoot_down", "targeted_killing", "attack_on_civilians",
         "attack_on_installation", "riot", "protest_siege", "other"}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(value, nullable=True) -> bool:
    if value is None:
        return nullable
    return isinstance(value, str) and all(DAY.match(p) for p in value.split("/")) and value.count("/") <= 1


def check_row(row: dict, where: str) -> list[str]:
    errors = [f"{where}: missing field {f!r}" for f in FIELDS if f not in row]
    if errors:
        return errors
    text = row["text"]
    if not _date(row["published"]):
        errors.append(f"{where}: published {row['published']!r} is not YYYY-MM-DD or an interval")
    names = set()
    for i, m in enumerate(row["mentions"]):
        at = f"{where} mention {i} ({m.get('name')!r})"
        if not isinstance(m.get("start"), int) or not isinstance(m.get("end"), int):
            errors.append(f"{at}: start/end must be integers")
            continue
        if text[m["start"]:m["end"]] != m.get("name"):
            found = text.find(m.get("name") or "\0")
            errors.append(f"{at}: text[{m['start']}:{m['end']}] is {text[m['start']:m['end']]!r};"
                          f" the name first occurs at {found}")
        if m.get("kind") not in KINDS:
            errors.append(f"{at}: kind {m.get('kind')!r} is not one of {sorted(KINDS)}")
        if m.get("kind") == "country":
            if m.get("lon") is not None or m.get("lat") is not None:
                errors.append(f"{at}: a country has lon/lat null")
        else:
            lon, lat = m.get("lon"), m.get("lat")
            if not isinstance(lon, (int, float)) or not isinstance(lat, (int, float)) \
                    or not (-180 <= lon <= 180 and -90 <= lat <= 90):
                errors.append(f"{at}: lon/lat {lon!r}/{lat!r} are not decimal degrees")
            if not str(m.get("coord_source") or "").strip():
                errors.append(f"{at}: coord_source is empty")
        names.add(m.get("name"))
    starts = [m["start"] for m in row["mentions"] if isinstance(m.get("start"), int)]
    if starts != sorted(starts):
        errors.append(f"{where}: mentions are not in text order")
    for i, inc in enumerate(row["incidents"]):
        at = f"{where} incident {i}"
        if inc.get("event_type") not in TYPES:
            errors.append(f"{at}: event_type {inc.get('event_type')!r} is not one of {sorted(TYPES)}")
        if inc.get("place") not in names:
            errors.append(f"{at}: place {inc.get('place')!r} is not the name of a mention")
        for key in ("date_start", "date_end", "true_date"):
            if not _date(inc.get(key)) or (inc.get(key) or "").count("/"):
                errors.append(f"{at}: {key} {inc.get(key)!r} is not YYYY-MM-DD or null")
        if inc.get("date_start") and inc.get("date_end") and inc["date_start"] > inc["date_end"]:
            errors.append(f"{at}: date_start is after date_end")
        for key in ("fatalities", "injuries"):
            if inc.get(key) is not None and not isinstance(inc.get(key), int):
                errors.append(f"{at}: {key} must be an integer or null")
        for key in ("attacker", "target", "date_source"):
            if key not in inc:
                errors.append(f"{at}: missing {key!r}")
    return errors


def check_file(path: Path) -> list[str]:
    errors, ids = [], set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: not JSON ({exc})")
            continue
        if row.get("id") in ids:
            errors.append(f"{where}: id {row.get('id')!r} repeated")
        ids.add(row.get("id"))
        errors += check_row(row, f"{where} [{row.get('id')}]")
    return errors


def main(argv: list[str]) -> int:
    errors = [e for name in argv for e in check_file(Path(name))]
    for e in errors:
        print(e)
    print(f"{len(errors)} problem(s) in {len(argv)} file(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
