"""The GeoPackage in QGIS itself (Debian's python3-qgis, headless) and GDAL's Python bindings."""

from __future__ import annotations

import json
import os
import subprocess

from geo.cli import main

from ..system_tools import need

QGIS_CHECK = r"""
import json, sys
from qgis.core import QgsApplication, QgsVectorLayer
from osgeo import gdal
app = QgsApplication([], False)
app.initQgis()
out = {}
for name in ("bases", "incidents", "areas", "mentions"):
    lyr = QgsVectorLayer(sys.argv[1] + "|layername=" + name, name, "ogr")
    r = lyr.renderer()
    on_open = {"valid": lyr.isValid(), "renderer": r.type(), "attr": getattr(r, "classAttribute", lambda: "")(),
               "categories": [c.value() for c in getattr(r, "categories", lambda: [])()]}
    lyr.loadDefaultStyle()
    t = lyr.temporalProperties()
    out[name] = {**on_open, "temporal": [t.isActive(), int(t.mode()), t.startField(), t.endField()],
                 "date_start": lyr.fields().field("date_start").typeName() if lyr.fields().indexOf("date_start") >= 0 else None}
src = QgsVectorLayer(sys.argv[1] + "|layername=sources", "sources", "ogr")
out["sources"] = {"count": src.featureCount(), "published": src.fields().field("published").typeName()}
from qgis.core import QgsProject
pr = QgsProject.instance()
out["project_read"] = pr.read("geopackage:" + sys.argv[1] + "?projectName=geo")
rels = pr.relationManager().relations()
inc = pr.mapLayer("incidents_layer")
first = next(inc.getFeatures())
out["project"] = {"layers": sorted(l.name() for l in pr.mapLayers().values()),
                  "relations": sorted(k for k, r in rels.items() if r.isValid()),
                  "temporal": inc.temporalProperties().isActive(), "renderer": inc.renderer().type(),
                  "quotes": [g["quote"] for g in rels["incidents_quotes"].getRelatedFeatures(first)],
                  "first_id": first["id"]}
ds = gdal.OpenEx(sys.argv[1])
out["relationships"] = sorted((r.GetLeftTableName(), r.GetRightTableName(), r.GetMappingTableName())
                              for r in (ds.GetRelationship(n) for n in ds.GetRelationshipNames() or []))
app.exitQgis()
print("RESULT " + json.dumps(out))
"""


def test_qgis_opens_the_geopackage_styled_with_dates_temporal_settings_and_the_quotes_relation(seed_build, tmp_path):
    need("/usr/lib/python3/dist-packages/qgis/core/__init__.py", "python3-qgis")
    _, layers, _ = seed_build
    gpkg = tmp_path / "layers.gpkg"
    assert main(["export", str(gpkg), "--layers", str(layers), "-q"]) == 0
    r = subprocess.run(["/usr/bin/python3", "-c", QGIS_CHECK, str(gpkg)], capture_output=True, text=True, timeout=300,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    line = next((l for l in r.stdout.splitlines() if l.startswith("RESULT ")), None)
    assert line, r.stderr[-2000:]
    res = json.loads(line[7:])
    # The web map's symbols, applied when the layer is opened
    assert res["incidents"]["renderer"] == "categorizedSymbol" and res["incidents"]["attr"] == "symbol"
    assert res["incidents"]["categories"][:2] == ["inc_air", "inc_missile"]
    assert res["bases"]["categories"] == ["base_coalition", "base_iran_aligned", "base_other"]
    assert all(res[n]["valid"] and res[n]["renderer"] == "categorizedSymbol" for n in ("bases", "incidents", "areas", "mentions"))
    # Temporal: start and end from the date fields (set by the default style), and dates typed as dates
    assert res["incidents"]["temporal"] == [True, 2, "date_start", "date_end"]
    assert res["incidents"]["date_start"] == "Date" and res["sources"]["published"] == "Date"
    # The project stored in the file: layers styled, temporal settings on, a relation to the quotes
    assert res["project_read"] and res["project"]["layers"] == ["areas", "bases", "incidents", "mentions", "sources"]
    assert res["project"]["relations"] == ["areas_quotes", "bases_quotes", "incidents_quotes", "mentions_quotes"]
    assert res["project"]["temporal"] is True and res["project"]["renderer"] == "categorizedSymbol"
    fc = json.loads((layers / "incidents.geojson").read_text(encoding="utf-8"))
    expected = next(f for f in fc["features"] if f["id"] == res["project"]["first_id"])
    assert sorted(res["project"]["quotes"]) == sorted(q["quote"] for q in expected["properties"]["sources"])
    # The quotes' relation, as GDAL reads the Related Tables Extension
    assert [tuple(x) for x in res["relationships"]] == [(n, "sources", f"{n}_sources")
                                                         for n in ("areas", "bases", "incidents", "mentions")]
