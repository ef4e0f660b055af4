"""What QGIS users expect of the GeoPackage, added after the tables are written (stdlib sqlite3).

* ``layer_styles``: a default style per layer (QGIS's own table and QML), categorized on the
  ``symbol`` column with the web map's colours and labels (:mod:`geo.output.symbols`); QGIS
  applies it when the layer is opened.  The incidents' style also sets the temporal properties
  (start ``date_start``, end ``date_end``), so QGIS's temporal controller animates them.
* The quotes' relation, declared by the GeoPackage Related Tables Extension (OGC 18-000):
  a mapping table per layer from the layer's ``fid`` to the ``sources`` table's ``fid``, listed
  in ``gpkgext_relations``.  GDAL (3.6 and later) reads it as a relationship; QGIS 3.28 and
  later as a Relation.
* A QGIS project (``qgis_projects``) holding the layers with their styles, the temporal
  settings switched on, and a Relation from each layer to its quotes, for QGIS versions that
  read neither of the above on their own (3.22 reads the styles only).
"""

from __future__ import annotations

import sqlite3
from html import escape
from pathlib import Path

from .symbols import SYMBOLS

RTE = "http://docs.opengeospatial.org/is/18-000/18-000.html"
STYLE_TIME = "2025-01-01T00:00:00.000Z"  # fixed, so the same layers give the same file
# Which symbols each layer uses, in legend order.
LAYER_SYMBOLS = {
    "bases": ["base_coalition", "base_iran_aligned", "base_other"],
    "incidents": ["inc_air", "inc_missile", "inc_shelling", "inc_clash", "inc_riot", "inc_other"],
    "areas": ["area"],
    "mentions": ["mention"],
}
LAYER_SYMBOLS["events_country"] = LAYER_SYMBOLS["incidents"]


def _rgb(hex_colour: str, alpha: int = 255) -> str:
    return f"{int(hex_colour[1:3], 16)},{int(hex_colour[3:5], 16)},{int(hex_colour[5:7], 16)},{alpha}"


def _marker(n: int, colour: str, shape: str, size: float) -> str:
    return (f'<symbol name="{n}" type="marker" alpha="1" clip_to_extent="1" force_rhr="0">'
            f'<layer class="SimpleMarker" enabled="1" locked="0" pass="0"><Option type="Map">'
            f'<Option name="color" type="QString" value="{_rgb(colour)}"/>'
            f'<Option name="name" type="QString" value="{shape}"/>'
            f'<Option name="outline_color" type="QString" value="35,35,35,255"/>'
            f'<Option name="outline_width" type="QString" value="0.2"/>'
            f'<Option name="size" type="QString" value="{size}"/>'
            f'<Option name="size_unit" type="QString" value="MM"/></Option></layer></symbol>')


def _fill(n: int, colour: str) -> str:
    return (f'<symbol name="{n}" type="fill" alpha="1" clip_to_extent="1" force_rhr="0">'
            f'<layer class="SimpleFill" enabled="1" locked="0" pass="0"><Option type="Map">'
            f'<Option name="color" type="QString" value="{_rgb(colour, 77)}"/>'
            f'<Option name="outline_color" type="QString" value="{_rgb(colour)}"/>'
            f'<Option name="outline_width" type="QString" value="0.5"/>'
            f'<Option name="style" type="QString" value="solid"/></Option></layer></symbol>')


def qml(layer: str) -> str:
    """The layer's default QGIS style: categories on ``symbol``; temporal settings for incidents."""
    keys = LAYER_SYMBOLS[layer]
    cats, syms = [], []
    for n, key in enumerate(keys):
        colour, label, swatch = SYMBOLS[key]
        cats.append(f'<category render="true" symbol="{n}" value="{key}" label="{escape(label)}"/>')
        if layer == "areas":
            syms.append(_fill(n, colour))
        else:
            syms.append(_marker(n, colour, "square" if swatch == "square" else "circle", 2.0 if swatch == "small" else 3.2))
    temporal = ""
    if layer in ("incidents", "events_country"):
        temporal = ('<temporal enabled="1" mode="2" startField="date_start" endField="date_end" durationField="" '
                    'durationUnit="min" limitMode="0" startExpression="" endExpression="" accumulate="0" fixedDuration="0">'
                    "<fixedRange><start></start><end></end></fixedRange></temporal>")
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"
            f'<qgis version="3.22.0" styleCategories="Symbology|Temporal">{temporal}'
            '<renderer-v2 type="categorizedSymbol" attr="symbol" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">'
            f'<categories>{"".join(cats)}</categories><symbols>{"".join(syms)}</symbols>'
            "</renderer-v2></qgis>")


GEOMETRY = {"areas": ("Polygon", "MultiPolygon")}


def project_qgs(gpkg_name: str, layers: tuple[str, ...]) -> str:
    """A QGIS project of the layers and the ``sources`` table, with their styles, the incidents'
    temporal settings and a "quotes" relation from each layer to ``sources`` (``feature_id`` =
    ``id``). Stored in the GeoPackage, it opens with *Project ▸ Open From ▸ GeoPackage*; its layers
    point to the file by the name it is written under (``./<name>``).  (Layer ids are not the
    layer names, and are "<name>_layer": QGIS 3.22 replaces some other forms on reading, which loses the
    relations.)"""
    def src(table: str) -> str:
        return escape(f"./{gpkg_name}|layername={table}")

    srs = "<srs><spatialrefsys><authid>EPSG:4326</authid></spatialrefsys></srs>"
    maplayers, tree = [], []
    for name in layers:
        kind = "Polygon" if name == "areas" else "Point"
        style = qml(name).split("'SYSTEM'>", 1)[1]
        inner = style[style.index(">") + 1 : style.rindex("</qgis>")]
        maplayers.append(f'<maplayer type="vector" geometry="{kind}"><id>{name}_layer</id><datasource>{src(name)}</datasource>'
                         f"<layername>{name}</layername>{srs}<provider encoding=\"UTF-8\">ogr</provider>{inner}</maplayer>")
        tree.append(f'<layer-tree-layer id="{name}_layer" name="{name}" source="{src(name)}" providerKey="ogr" checked="Qt::Checked" expanded="0"/>')
    maplayers.append(f'<maplayer type="vector" geometry="No geometry"><id>sources_layer</id><datasource>{src("sources")}</datasource>'
                     '<layername>sources</layername><provider encoding="UTF-8">ogr</provider></maplayer>')
    tree.append(f'<layer-tree-layer id="sources_layer" name="sources" source="{src("sources")}" providerKey="ogr" checked="Qt::Checked" expanded="0"/>')
    relations = "".join(f'<relation id="{name}_quotes" name="Quotes ({name})" referencingLayer="sources_layer" referencedLayer="{name}_layer" '
                        f'strength="Association"><fieldRef referencingField="feature_id" referencedField="id"/></relation>'
                        for name in layers)
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"
            '<qgis projectname="geo layers" version="3.22.0"><title>geo layers</title>'
            f"<projectCrs>{srs[5:-6]}</projectCrs>"
            f'<layer-tree-group>{"".join(tree)}</layer-tree-group>'
            f"<relations>{relations}</relations>"
            f'<projectlayers>{"".join(maplayers)}</projectlayers></qgis>\n')


def _qgz(qgs: str) -> bytes:
    """The project as QGIS stores it: a zip holding the .qgs (fixed timestamps: the same input, the same bytes)."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("geo-layers.qgs", date_time=(2025, 1, 1, 0, 0, 0)), qgs)
    return buf.getvalue()


def add_qgis_extras(path: Path, layers: tuple[str, ...], gpkg_name: str | None = None) -> None:
    """Default styles, and the quotes' relation, for the layer tables already in ``path``."""
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute(
                "CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), "
                "f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), "
                "styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), "
                "update_time DATETIME)")
            con.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change) "
                        "VALUES ('layer_styles', 'attributes', 'layer_styles', ?)", (STYLE_TIME,))
            for name in layers:
                con.execute("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                            "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) "
                            "VALUES ('', '', ?, 'geom', ?, ?, '', 1, ?, '', NULL, ?)",
                            (name, f"geo {name}", qml(name), "the web map's symbols (geo export)", STYLE_TIME))
            con.execute(
                "CREATE TABLE gpkgext_relations (id INTEGER PRIMARY KEY AUTOINCREMENT, base_table_name TEXT NOT NULL, "
                "base_primary_column TEXT NOT NULL DEFAULT 'id', related_table_name TEXT NOT NULL, "
                "related_primary_column TEXT NOT NULL DEFAULT 'id', relation_name TEXT NOT NULL, "
                "mapping_table_name TEXT NOT NULL UNIQUE)")
            con.execute("INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
                        "VALUES ('gpkgext_relations', NULL, 'gpkg_related_tables', ?, 'read-write')", (RTE,))
            for name in layers:
                mapping = f"{name}_sources"
                con.execute(f'CREATE TABLE "{mapping}" (base_id INTEGER NOT NULL, related_id INTEGER NOT NULL)')
                con.execute(f'INSERT INTO "{mapping}" (base_id, related_id) SELECT f.fid, s.fid FROM "{name}" f '
                            "JOIN sources s ON s.feature_id = f.id ORDER BY f.fid, s.fid")
                con.execute("INSERT INTO gpkgext_relations (base_table_name, base_primary_column, related_table_name, "
                            "related_primary_column, relation_name, mapping_table_name) VALUES (?, 'fid', 'sources', 'fid', "
                            "'attributes', ?)", (name, mapping))
                con.execute("INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
                            "VALUES (?, NULL, 'gpkg_related_tables', ?, 'read-write')", (mapping, RTE))
                con.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change) "
                            "VALUES (?, 'attributes', ?, ?)", (mapping, mapping, STYLE_TIME))
            # A QGIS project in the file (QGIS's qgis_projects table: the .qgz as hex text)
            con.execute("CREATE TABLE qgis_projects(name TEXT PRIMARY KEY, metadata BLOB, content BLOB)")
            con.execute("INSERT INTO qgis_projects VALUES ('geo', ?, ?)",
                        ('{"last_modified_time": "2025-01-01T00:00:00", "last_modified_user": "geo" }',
                         _qgz(project_qgs(gpkg_name or path.name, layers)).hex()))
    finally:
        con.close()
