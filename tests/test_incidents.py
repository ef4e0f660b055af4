"""Incidents: from sentences to typed, dated, placed events."""

from __future__ import annotations

from geo.articles import split_sentences
from geo.evaluate import evaluate_incidents
from geo.incidents import casualties, extract, load_actors
from geo.mentions import find_mentions
from geo.model import Article, Section


def incidents_of(text, gaz, published="2024-01-20"):
    sec = Section("t.txt", "t", "Example", published, 0, len(text))
    art = Article("t.txt", text, [sec])
    art.sentences = split_sentences(text, sec, keep_short=True)
    return extract(art, find_mentions(art, gaz), gaz, load_actors())[0]


def test_a_rocket_attack_on_a_base_becomes_one_dated_incident(gazetteer):
    text = ("Three rockets hit Ain al-Asad air base in western Iraq on Saturday, wounding two U.S. service members, "
            "officials said. The rockets landed inside the perimeter of the base.")
    (inc,) = incidents_of(text, gazetteer)
    assert inc.event_type == "rocket_attack" and inc.place.key == "site/ain-al-asad-air-base"
    assert (inc.date_start, inc.date_end, inc.date_precision) == ("2024-01-20", "2024-01-20", "day")
    assert inc.injuries == 2 and "wounding two" in inc.sentences[0].text


def test_one_sentence_two_bases_gives_two_incidents(gazetteer):
    text = "Drones targeted Camp Taji and the Imam Ali base on Friday, causing no casualties."
    got = sorted(i.place.key for i in incidents_of(text, gazetteer))
    assert got == ["site/camp-taji", "site/imam-ali-air-base"]


def test_a_mention_alone_is_not_an_incident(gazetteer):
    assert incidents_of("Several thousand U.S. soldiers are stationed at Ain al-Asad air base.", gazetteer) == []


def test_a_base_that_only_locates_another_is_not_a_second_incident(gazetteer):
    text = "The Victory Base at Baghdad International Airport was targeted with three rockets on Monday."
    (inc,) = incidents_of(text, gazetteer)
    assert inc.place.key == "site/camp-victory" and inc.event_type == "rocket_attack"


def test_casualties_as_stated():
    assert casualties("The attack caused no casualties.") == (0, 0)
    assert casualties("Three soldiers were killed and 12 others were injured.") == (3, 12)
    assert casualties("Officials gave no figures.") == (None, None)


def test_devset_incidents_stay_found_and_dated(gazetteer):
    m = evaluate_incidents(gazetteer)
    assert m.gold >= 40
    assert m.matched / m.gold >= 0.75 and m.predicted_matched / m.predicted >= 0.9
    assert m.date_contains / m.matched >= 0.7  # a regression floor; the figures are in the README


def test_attacker_and_target_as_named(gazetteer):
    actors = load_actors()
    from geo.incidents import sides

    text = "Iran fired several ballistic missiles at U.S. forces in Qatar on Monday."
    at = text.index("fired")
    assert sides(text, at, len("fired several ballistic missiles"), actors) == (["Iran"], ["U.S. forces"])
    text = "Ain al-Asad was hit by rockets fired by Kataib Hezbollah, officials said."
    at = text.index("rockets")
    assert sides(text, at, len("rockets"), actors) == (["Kataib Hezbollah"], [])
    text = "Unidentified drones struck Camp Taji overnight."
    assert sides(text, text.index("drones"), len("drones struck"), actors) == (["unidentified"], [])
