"""The one table of map symbols: colours and labels by layer, operator and event type.

The web map (``GEO_COLORS`` in webmap.js and its legend) and the KML styles are both made from it.
"""

from __future__ import annotations

from typing import Any

from ..events.actors import actor_groups

# key: (colour, legend label, legend swatch style)
SYMBOLS = {
    "base_coalition": ("#1f6feb", "Base: U.S. / coalition", "square"),
    "base_iran_aligned": ("#d1242f", "Base: Iran-aligned", "square"),
    "base_other": ("#6e7781", "Base: other or unknown operator", "square"),
    "inc_air": ("#fb8500", "Incident: air or drone strike", ""),
    "inc_missile": ("#bc4c00", "Incident: missile or rocket", ""),
    "inc_shelling": ("#8a4baf", "Incident: shelling or explosion", ""),
    "inc_clash": ("#cf222e", "Incident: clash, attack, killing", ""),
    "inc_riot": ("#1a7f37", "Incident: riot or protest", ""),
    "inc_other": ("#57606a", "Incident: other, shoot-down", ""),
    "area": ("#8250df", "Area (governorate, province)", "sq"),
    "zone": ("#d1242f", "Approximate zone", "zone"),
    "mention": ("#8c959f", "Other place mentioned", "small"),
    "vague": ("#57606a", "Hollow, dashed: placed only to a region or country", "hollow"),
}
# Event type -> its symbol ("inc_<group>"): one table for the page and the legend.
EVENT_GROUPS = {"air_strike": "air", "drone_attack": "air", "missile_attack": "missile", "rocket_attack": "missile",
                "shelling": "shelling", "explosion": "shelling", "armed_clash": "clash", "attack_on_installation": "clash",
                "attack_on_civilians": "clash", "targeted_killing": "clash", "riot": "riot", "protest_siege": "riot",
                "shoot_down": "other", "other": "other"}


def operator_group(operator: str | None) -> str | None:
    """The colour group of a base's operators ("coalition" first, then "iran_aligned"), from data/lexicon/actors.tsv."""
    if not operator:
        return None
    groups = {actor_groups().get(name) for name in operator.split("; ")}
    return next((g for g in ("coalition", "iran_aligned") if g in groups), None)


def symbol_key(layer: str, props: dict[str, Any]) -> str:
    """The ``SYMBOLS`` key a feature is drawn with."""
    if layer == "bases":
        return f"base_{operator_group(props.get('operator')) or 'other'}"
    if layer in ("incidents", "events_country"):
        return f"inc_{EVENT_GROUPS.get(props.get('event_type') or 'other', 'other')}"
    return {"areas": "area", "mentions": "mention"}.get(layer, "mention")
