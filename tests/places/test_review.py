"""The review queue ranks unresolved names and becomes a places file once filled in."""

from __future__ import annotations

import csv

from geo.model import Article, Section
from geo.output.layers import review_csv_text
from geo.places.gazetteer import Gazetteer, build
from geo.places.mentions import find_mentions
from geo.places.review import review_queue
from geo.places.spelling import similar_names
from geo.places.user import UserPlaces
from geo.text.articles import split_sentences

TEXT = ("Mourners gathered in Tehran at Enghelab Square on Saturday. "
        "Later the crowd moved from Enghelab Square along Azadi Street to the cemetery.")


def queue_of(gaz):
    sec = Section("t.txt", "t", None, None, 0, len(TEXT))
    art = Article("t.txt", TEXT, [sec])
    art.sentences = split_sentences(TEXT, sec)
    ms = find_mentions(art, gaz)
    return review_queue([(m, TEXT, [n for n in ms if n.sentence is m.sentence and n.place], similar_names(gaz, m.text))
                         for m in ms if m.place is None])


def test_names_ranked_by_count_with_quotes_where_they_are_and_similar_names(gazetteer):
    q = queue_of(gazetteer)
    assert [(e["name"], e["count"]) for e in q] == [("Enghelab Square", 2), ("Azadi Street", 1)]
    assert q[0]["enclosing"] == ["Tehran"] and len(q[0]["quotes"]) == 2
    assert q[1]["similar"][0]["place_id"] == "site/azadi-square"


def test_the_csv_becomes_a_places_file_once_a_coordinate_is_filled_in(gazetteer, tmp_path):
    path = tmp_path / "unresolved.csv"
    path.write_text(review_csv_text(queue_of(gazetteer)), encoding="utf-8")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[0].update(lon="51.39", lat="35.70", source="digitised in QGIS", kind="landmark")
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    gaz = Gazetteer.freeze(build([UserPlaces(path)]))
    assert [p.name for p in gaz.places.values()] == ["Enghelab Square"]  # the row left empty is skipped
