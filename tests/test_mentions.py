from __future__ import annotations

import pytest

from geo.articles import split_sentences
from geo.mentions import find_mentions
from geo.model import Article, Section


def mentions(text, gaz):
    sec = Section("t.txt", "t", None, None, 0, len(text))
    art = Article("t.txt", text, [sec])
    art.sentences = split_sentences(text, sec)
    return find_mentions(art, gaz)


def resolved(text, gaz):
    return [(m.text, m.place.key) for m in mentions(text, gaz) if m.place]


@pytest.mark.parametrize(
    "text",
    [
        "The top Iraqi militia leader, Abu Mahdi al-Muhandis, was killed in the same drone strike.",
        "Kataib Hezbollah, an Iraqi militia that has previously targeted U.S. troops, issued only a muted statement.",
        "according to researchers at the Chatham House international affairs think tank, the money moved.",
        "asked Lahib Higel, Crisis Group's senior analyst, in an interview that day.",
        "Vahid Salemi / AP Iranian Foreign Minister Abbas Araghchi was on hand.",
        "Shiite politician Safaa al-Asadi told The Media Line that the militias would stay out.",
        "An official with the pro-Iran Asaib al-Haq group, which has a role in the government, said so.",
    ],
)
def test_people_and_organisations_are_not_places(gazetteer, text):
    assert resolved(text, gazetteer) == []


def test_governorate_cue_picks_the_admin1_area(gazetteer):
    got = dict(resolved("The IRGC also operates bases in Iraq's western Anbar province, near the Syrian border.", gazetteer))
    assert got["Anbar province"].startswith("ne1/IQ-")
    assert got["Iraq"] == "iso/IQ"


def test_alias_in_running_text_resolves_to_the_base(gazetteer):
    got = resolved("Several drones were shot down near the Ain al-Asad base, where US forces are stationed.", gazetteer)
    assert got == [("Ain al-Asad base", "site/ain-al-asad-air-base")]


def test_common_words_are_not_places(gazetteer):
    assert resolved("The war is not our war. Most of them said so. But we cannot.", gazetteer) == []


def test_place_like_names_without_an_entry_are_reported_not_dropped(gazetteer):
    ms = mentions("Mourners gathered at Enghelab Square and near Camp Zulu before the procession.", gazetteer)
    unresolved = sorted(m.text for m in ms if m.place is None)
    assert unresolved == ["Camp Zulu", "Enghelab Square"]
