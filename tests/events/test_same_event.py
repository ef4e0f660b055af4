"""One same-event rule, within an article and across articles."""

from __future__ import annotations

from geo.events.actors import load_actors
from geo.events.extract import extract
from geo.pipeline import geoparse
from geo.places.mentions import find_mentions
from geo.text.articles import split_sentences
from geo.model import Article, Section

TARGETED = "Iran targeted Al Udeid Air Base on Monday, officials said."
MISSILES = "Iranian missiles were fired at Al Udeid Air Base on Monday, the ministry said."


def article(name: str, text: str, published: str = "2025-06-24") -> Article:
    sec = Section(name, "t", "p", published, 0, len(text))
    art = Article(name, text, [sec])
    art.sentences = split_sentences(text, sec)
    return art


def test_within_one_article_the_two_reports_are_one_missile_attack(gazetteer):
    art = article("a.txt", TARGETED + " " + MISSILES)
    incidents, _ = extract(art, find_mentions(art, gazetteer), gazetteer, load_actors())
    assert [(i.place.key, i.event_type, i.date_start) for i in incidents] == [
        ("site/al-udeid-air-base", "missile_attack", "2025-06-23")]


def test_across_two_articles_the_same_reports_are_also_one_incident(gazetteer):
    for order in ([article("a.txt", TARGETED), article("b.txt", MISSILES)],
                  [article("b.txt", MISSILES), article("a.txt", TARGETED)]):
        layers, _ = geoparse(order, gazetteer)
        feats = [f.as_geojson() for f in layers["incidents"]]
        # one incident, of the more specific type; its id is that of the first report (a.txt), in either order
        assert [(f["id"], f["properties"]["event_type"], f["properties"]["source_count"], f["properties"]["aliases"])
                for f in feats] == [("incidents:site/al-udeid-air-base/attack_on_installation/2025-06-23", "missile_attack",
                                     2, ["incidents:site/al-udeid-air-base/missile_attack/2025-06-23"])]


def test_an_article_that_joins_no_incident_changes_no_id(gazetteer):
    undated = article("a.txt", "Drones struck Camp Taji, officials said.", "2025-06-24")
    other = article("b.txt", "Drones struck Camp Taji on June 2, officials said.", "2025-06-05")
    alone, _ = geoparse([undated], gazetteer)
    both, _ = geoparse([undated, other], gazetteer)
    assert {f.id for f in alone["incidents"]} <= {f.id for f in both["incidents"]}


def test_reports_on_other_days_stay_apart(gazetteer):
    later = MISSILES.replace("Monday", "June 2")  # a different day at the same base
    layers, _ = geoparse([article("a.txt", TARGETED), article("b.txt", later)], gazetteer)
    assert len(layers["incidents"]) == 2


def test_reports_join_the_first_group_whose_first_report_they_are_one_event_with():
    from geo.events.same_event import EventKey, group_events

    def k(place, first, last, article="a", event_type="air_strike", dated=True):
        return EventKey(place, event_type, first, last, dated, article)

    keys = list(enumerate([
        k("gn/1", "2024-03-01", "2024-03-02"),
        k("gn/2", "2024-03-01", "2024-03-01"),
        k("gn/1", "2024-03-02", "2024-03-03", "b"),  # overlaps the first: joins it
        k("gn/1", "2024-03-03", "2024-03-04", "c"),  # overlaps the third only: a new group (the first decides)
        k("gn/1", "0000-01-01", "2024-03-05", "d", dated=False),  # undated, another article: never a dated one's
        k("gn/2", "2024-03-01", "2024-03-01", "b", "attack_on_installation"),  # how unknown: joins the strike
    ]))
    assert group_events(keys) == [[0, 2], [1, 5], [3], [4]]
