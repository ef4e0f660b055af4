"""What the layers hold for a site the gazetteer lacks (world gazetteer)."""

from __future__ import annotations

from geo.model import Article, Section
from geo.pipeline import geoparse
from geo.text.articles import split_sentences


def test_a_base_the_gazetteer_lacks_is_drawn_near_its_town_and_still_reported(world_gazetteer):
    text = "Two soldiers were killed in an attack at Massereene army base in Antrim late on Saturday, police said."
    sec = Section("a.txt", "t", "p", "2009-03-09", 0, len(text))
    art = Article("a.txt", text, [sec])
    art.sentences = split_sentences(text, sec)
    layers, unresolved = geoparse([art], world_gazetteer)
    (base,) = layers["bases"]
    antrim = next(f for fs in layers.values() for f in fs if f.name == "Antrim")
    assert (base.name, base.kind, base.geometry["coordinates"]) == (
        "Massereene army base", "military_base", [antrim.place.point.lon, antrim.place.point.lat])
    assert base.uncertainty_km == antrim.place.uncertainty_km + 10 and "placed near Antrim" in base.place.source
    assert base.sources[0].quote == text and base.id == f"bases:{antrim.place.key}/near/massereene-army-base"
    assert [u["name"] for u in unresolved if u["what"] == "place"] == ["Massereene army base"]
