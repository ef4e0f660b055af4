"""The user's own places, the way a GIS user keeps them: a CSV, GeoJSON or
GeoPackage of points or polygons (``geo build --places FILE``).

Fields (case-insensitive): ``name`` (required), ``aliases`` (``|``-separated),
``kind`` (a :class:`~geo.model.Kind`), ``source`` (required: where the
coordinate comes from), ``precision`` (site, town, district, region; default
site for points, district for polygons), ``uncertainty_km``, ``country``
(ISO alpha-2), and for a CSV ``lon``/``lat`` columns.  The rows are added to
the project's lists and win over them; a bad row is an error naming the file,
the row, the field and the fix.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import GazetteerError
from ..model import Kind, LngLat, Place
from ..text.normalize import norm
from .gazetteer import PRECISIONS, GazetteerBuilder
from .geometry import area_radius_km, valid

KINDS = frozenset(k.value for k in Kind)
DEFAULT_UNCERTAINTY = {"site": 1.0, "town": 5.0, "district": 10.0, "region": 50.0, "country": 500.0}
FORMATS = {".csv": "CSV", ".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GeoPackage"}


@dataclass(frozen=True)
class UserPlaces:
    """A places file of the user's: its rows are curated places (key ``user/<file>/<name>``)."""

    path: Path

    def load(self, gaz: GazetteerBuilder) -> None:
        rows: dict[str, int] = {}
        for n, (props, geom) in enumerate(read_rows(self.path), start=1):
            if geom is None and "count" in props and not props.get("lon") and not props.get("lat"):
                continue  # a row of the review queue (unresolved.csv) not filled in yet
            place, names = to_place(self.path, n, props, geom)
            if place.key in rows or place.key in gaz.places:
                where = f"row {rows[place.key]}" if place.key in rows else "another places file of that name"
                raise GazetteerError(f"{self.path}: row {n}: field 'name' = {place.name!r}: {where} has the same name; "
                                     "give each place its own name (and list the other spellings as aliases)")
            rows[place.key] = n
            gaz.add(place, names)

    def inputs(self) -> list[Path]:
        return [self.path]

    def packages(self) -> list[str]:
        return ["pyogrio"] if self.path.suffix.lower() == ".gpkg" else []


def read_rows(path: Path):
    """(properties with lower-case keys, shapely geometry or None) for each row or feature."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise GazetteerError(f"{path}: places file must be one of {', '.join(sorted(FORMATS))} (CSV, GeoJSON, GeoPackage)")
    if not path.is_file():
        raise GazetteerError(f"{path}: places file not found; pass an existing CSV, GeoJSON or GeoPackage to --places")
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                yield {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}, None
        return
    if suffix in (".geojson", ".json"):
        from shapely.geometry import shape

        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise GazetteerError(f"{path}: not valid UTF-8 GeoJSON ({err}); export it again from your GIS") from err
        for f in data.get("features", []) if isinstance(data, dict) else []:
            props = {str(k).lower(): v for k, v in (f.get("properties") or {}).items()}
            yield props, shape(f["geometry"]) if f.get("geometry") else None
        return
    import pyogrio

    df = pyogrio.read_dataframe(path)
    if df.crs is not None and df.crs.to_epsg() != 4326:
        df = df.to_crs(4326)
    for _, row in df.iterrows():
        props = {str(k).lower(): (None if v != v else v) for k, v in row.items() if k != "geometry"}  # NaN -> None
        yield props, row.geometry


def to_place(path: Path, n: int, props: dict, geom) -> tuple[Place, list[str]]:
    def bad(field: str, why: str) -> GazetteerError:
        return GazetteerError(f"{path}: row {n}: field {field!r} = {props.get(field)!r}: {why}")

    name = str(props.get("name") or "").strip()
    if not name:
        raise bad("name", "every place needs a name")
    source = str(props.get("source") or "").strip()
    if not source:
        raise bad("source", "say where the coordinate comes from (a reference, or 'digitised in QGIS from <imagery>')")
    kind = str(props.get("kind") or "landmark").strip()
    if kind not in KINDS:
        raise bad("kind", f"must be one of {', '.join(sorted(KINDS))}")
    polygon = geom is not None and geom.geom_type in ("Polygon", "MultiPolygon")
    if geom is None:
        try:
            lon, lat = float(props.get("lon")), float(props.get("lat"))
        except (TypeError, ValueError) as err:
            raise bad("lon", "a CSV row needs numeric lon and lat columns (decimal degrees, WGS84)") from err
    else:
        pt = geom if geom.geom_type == "Point" else valid(geom).representative_point()
        lon, lat = pt.x, pt.y
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise bad("lon", f"({lon}, {lat}) is not a lon/lat position (is it projected, or lon/lat swapped?)")
    precision = str(props.get("precision") or ("district" if polygon else "site")).strip()
    if precision not in PRECISIONS:
        raise bad("precision", f"must be one of {', '.join(PRECISIONS)}")
    try:
        unc = float(props.get("uncertainty_km") or (area_radius_km(geom) if polygon else DEFAULT_UNCERTAINTY[precision]))
    except ValueError as err:
        raise bad("uncertainty_km", "not a number") from err
    country = str(props.get("country") or "").strip().upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise bad("country", "use an ISO 3166-1 alpha-2 code such as SD")
    aliases = tuple(a.strip() for a in str(props.get("aliases") or "").split("|") if a.strip())
    slug = norm(name).replace(" ", "-") or f"row-{n}"
    place = Place(key=f"user/{path.stem}/{slug}", name=name, kind=kind, country=country,
                  point=LngLat(round(lon, 6), round(lat, 6)), precision=precision, uncertainty_km=unc,
                  source=f"{source} ({path.name})", aliases=aliases, geometry=valid(geom) if polygon else None,
                  curated=True)
    return place, [name, *aliases]
