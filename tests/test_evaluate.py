"""The evaluation harness, on the public corpora (read in place) and the devset."""

from __future__ import annotations

import json

import pytest

from geo.evaluate import DEFAULT_DIR, DEVSET, HELDOUT, evaluate, evaluate_devset, load_corpus

needs_corpora = pytest.mark.skipif(
    not (DEFAULT_DIR / "GWN.xml").exists(), reason=f"benchmark corpora not found in {DEFAULT_DIR} (../shared/benchmarks)"
)


@needs_corpora
def test_gwn_gold_spans_match_the_text():
    docs = load_corpus("gwn")
    assert len(docs) == 200
    spans = [(d.text[g.start : g.end], g.name) for d in docs for g in d.gold]
    assert sum(a == b for a, b in spans) / len(spans) > 0.99


@needs_corpora
def test_trnews_drifting_offsets_are_realigned():
    docs = load_corpus("trnews")
    ok = sum(d.text[g.start : g.end] == g.name for d in docs for g in d.gold)
    assert ok / sum(len(d.gold) for d in docs) > 0.99


@needs_corpora
def test_geowebnews_sample_stays_accurate(world_gazetteer):
    gazetteer = world_gazetteer
    m = evaluate("gwn", gazetteer, limit=40)
    assert m.gold > 200
    assert m.recall >= 0.5 and m.precision >= 0.85
    assert m.acc(161) >= 0.85  # a regression floor; the full-corpus figures are in the README


def test_devset_and_held_out_annotations_are_well_formed():
    from datetime import date

    ids = set()
    for path in [DEVSET, *HELDOUT.values()]:
        for line in path.read_text(encoding="utf-8").splitlines():
            p = json.loads(line)
            assert p["id"] not in ids
            ids.add(p["id"])
            for m in p["mentions"]:
                assert p["text"][m["start"] : m["end"]] == m["name"], (p["id"], m["name"])
                assert m["coord_source"] and (m["lon"] is None) == (m["kind"] == "country"), (p["id"], m["name"])
            names = {m["name"] for m in p["mentions"]}
            for g in p["incidents"]:
                assert g["place"] in names, (p["id"], g["place"])
                days = [date.fromisoformat(d) for d in (g["date_start"], g["date_end"]) if d]
                assert days == sorted(days) and g["date_end"], (p["id"], g)
    assert len(ids) >= 29 + 36


def test_devset_installations_resolve_within_10_km(world_gazetteer):
    gazetteer = world_gazetteer
    m = evaluate_devset(gazetteer)
    assert m.installations >= 20 and m.gold >= 40
    assert m.installations_10km / m.installations >= 0.95


@pytest.mark.parametrize("gold, predicted, agrees", [
    ("Pakistani border forces", ["Military Forces of Pakistan"], True),
    ("Suspected militants", ["militants"], True),
    ("jihadists", ["jihadist"], True),
    ("Suspected militants", ["Military Forces of Pakistan"], False),
    ("Pakistani border forces", ["Military Forces of India"], False),
    # an article is no word of the name
    ("a group of armed militants", ["armed militants"], True),
    ("a group of armed militants", ["Military Forces of India"], False),
])
def test_the_attacker_score_reads_the_annotation_as_analysts_would(gold, predicted, agrees):
    from geo.evaluate import same_actor
    from geo.events.actors import load_actors
    assert same_actor(gold, predicted, load_actors()) is agrees


def test_the_places_score_says_which_annotated_names_the_gazetteer_holds_where_they_are(world_gazetteer, tmp_path):
    import json
    text = "Rebels attacked Mosul and Qaraqosh Castle, then Ohrenstadt, on Monday."
    spans = [("Mosul", "city", 43.11889, 36.335), ("Qaraqosh Castle", "installation", 43.38, 36.27),
             ("Ohrenstadt", "town", 43.2, 36.2)]  # the second and third: names no gazetteer holds
    mentions = [{"name": n, "start": text.index(n), "end": text.index(n) + len(n), "kind": k, "lon": lon, "lat": lat}
                for n, k, lon, lat in spans]
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "p1", "text": text, "mentions": mentions}) + "\n", encoding="utf-8")
    m = evaluate_devset(world_gazetteer, path)
    assert (m.pointed, m.listed_25km, m.found_25km) == (3, 1, 1)
    row = m.row()
    assert row["named in the gazetteer within 25 km"] == row["found within 25 km"] == 0.333


def test_the_incidents_score_says_how_many_are_at_a_place_the_gazetteer_names(world_gazetteer, tmp_path):
    import json
    from geo.evaluate import evaluate_incidents
    text = "Rebels attacked Mosul on 3 March 2024. Gunmen attacked Ohrenstadt on 4 March 2024."
    mentions = [{"name": n, "start": text.index(n), "end": text.index(n) + len(n), "kind": "city", "lon": lon, "lat": lat}
                for n, lon, lat in [("Mosul", 43.11889, 36.335), ("Ohrenstadt", 43.9, 35.5)]]  # (the second: no such town)
    incidents = [{"event_type": "armed_clash", "place": n, "date_start": d, "date_end": d, "true_date": d,
                  "fatalities": None, "injuries": None, "attacker": None}
                 for n, d in [("Mosul", "2024-03-03"), ("Ohrenstadt", "2024-03-04")]]
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "p1", "text": text, "published": "2024-03-05", "mentions": mentions,
                                "incidents": incidents}) + "\n", encoding="utf-8")
    m = evaluate_incidents(world_gazetteer, path)
    assert (m.gold, m.place_listed, m.listed_matched) == (2, 1, 1)
    row = m.row()
    assert row["place named in the gazetteer within 25 km"] == 0.5 and row["recall where it is"] == 1.0
