"""Regenerate data/naturalearth/*.geojson from Natural Earth (public domain).

No PyPI package ships Natural Earth admin-1, so this script takes it from
Debian's ``qgis-common`` package, which ships Natural Earth as
``/usr/share/qgis/resources/data/world_map.gpkg`` (layers ``countries`` and
``states_provinces``).  It does not install QGIS::

    python scripts/extract_naturalearth.py            # apt-get download + dpkg-deb -x
    python scripts/extract_naturalearth.py --gpkg PATH  # an already extracted file

Outputs (written with fixed precision, sorted, so a re-run is byte-identical):

* ``data/naturalearth/admin0.geojson`` - every country, simplified, used to
  check that a point lies in the country it claims;
* ``data/naturalearth/admin1_mideast.geojson`` - first-level divisions of Iraq
  and its region, used for governorate / province areas;
* ``data/naturalearth/admin1_points.csv`` - every first-level division in the
  world as a representative point with an equal-area radius, for names.
"""

from __future__ import annotations

import argparse
import csv
import math
import glob
import json
import subprocess
import tempfile
from pathlib import Path

import geopandas as gpd
from shapely.geometry import mapping
from shapely.geometry.polygon import orient

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "naturalearth"
GPKG_IN_DEB = "usr/share/qgis/resources/data/world_map.gpkg"

# Iraq, its neighbours and the wider region the reporting covers.
MIDEAST = sorted(
    "IQ IR SY JO SA KW TR LB IL PS YE AE QA BH OM EG CY".split()
)


def fetch_gpkg(workdir: Path) -> Path:
    subprocess.run(["apt-get", "download", "qgis-common"], cwd=workdir, check=True)
    (deb,) = glob.glob(str(workdir / "qgis-common_*.deb"))
    subprocess.run(["dpkg-deb", "-x", deb, str(workdir / "x")], check=True)
    return workdir / "x" / GPKG_IN_DEB


def _round(obj, nd=4):
    if isinstance(obj, float):
        return round(obj, nd)
    if isinstance(obj, (list, tuple)):
        return [_round(x, nd) for x in obj]
    return obj


def _feature(geom, props, nd=4):
    geom = geom.buffer(0) if not geom.is_valid else geom
    if geom.geom_type == "Polygon":
        geom = orient(geom, 1.0)
    else:
        geom = type(geom)([orient(p, 1.0) for p in geom.geoms])
    g = mapping(geom)
    return {
        "type": "Feature",
        "properties": props,
        "geometry": {"type": g["type"], "coordinates": _round(g["coordinates"], nd)},
    }


def write(path: Path, features) -> None:
    fc = {"type": "FeatureCollection", "features": features}
    text = json.dumps(fc, allow_nan=False, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(features)} features, {path.stat().st_size:,} bytes")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gpkg", type=Path, help="world_map.gpkg already on disk")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        gpkg = args.gpkg or fetch_gpkg(Path(tmp))
        countries = gpd.read_file(gpkg, layer="countries")
        provinces = gpd.read_file(gpkg, layer="states_provinces")

    OUT.mkdir(parents=True, exist_ok=True)
    feats = []
    for row in countries.itertuples():
        if not row.iso_a2 or row.iso_a2 == "-99" or row.geometry is None:
            continue
        geom = row.geometry.simplify(0.05, preserve_topology=True)
        props = {
            k: (v if isinstance(v, str) else "")
            for k, v in {"iso_a2": row.iso_a2, "iso_a3": row.ISO_A3, "name": row.NAME}.items()
        }
        feats.append(_feature(geom, props, nd=3))
    feats.sort(key=lambda f: (f["properties"]["iso_a2"], f["properties"]["name"]))
    write(OUT / "admin0.geojson", feats)

    feats = []
    for row in provinces[provinces.iso_a2.isin(MIDEAST)].itertuples():
        geom = row.geometry.simplify(0.005, preserve_topology=True)
        props = {
            k: (v if isinstance(v, str) else "")
            for k, v in {
                "iso_a2": row.iso_a2,
                "name": row.name,
                "woe_name": row.woe_name,
                "gn_name": row.gn_name,
                "fips": row.fips,
                "admin": row.admin,
            }.items()
        }
        feats.append(_feature(geom, props))
    feats.sort(key=lambda f: (f["properties"]["iso_a2"], f["properties"]["fips"], f["properties"]["name"]))
    write(OUT / "admin1_mideast.geojson", feats)

    # Every first-level division in the world as a point (no polygon), for names.
    rows = []
    for row in provinces.itertuples():
        if row.geometry is None or not isinstance(row.iso_a2, str) or row.iso_a2 == "-99":
            continue
        geom = row.geometry if row.geometry.is_valid else row.geometry.buffer(0)
        rp = geom.representative_point()
        lat = rp.y
        km2 = geom.area * 111.32 * 111.32 * math.cos(math.radians(lat))
        rows.append(
            [
                row.iso_a2,
                row.fips if isinstance(row.fips, str) else "",
                row.name if isinstance(row.name, str) else "",
                row.woe_name if isinstance(row.woe_name, str) else "",
                row.gn_name if isinstance(row.gn_name, str) else "",
                f"{rp.x:.4f}",
                f"{rp.y:.4f}",
                f"{math.sqrt(max(km2, 0) / math.pi):.1f}",
            ]
        )
    rows.sort()
    path = OUT / "admin1_points.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["iso_a2", "fips", "name", "woe_name", "gn_name", "lon", "lat", "radius_km"])
        w.writerows(rows)
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows, {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
