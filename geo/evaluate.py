"""Measure the geoparser on public toponym-resolution corpora.

The corpora are read from ``../shared/benchmarks/`` (never copied into the
repository): GeoWebNews (``GWN.xml``), LGL (``lgl.xml``) and TR-News
(``TR-News.xml``).  For each gold toponym with coordinates:

* recall: the share found (a predicted place span overlaps it);
* accuracy within 5, 25 and 161 km, and the median error, over the gold
  toponyms found *and* resolved (the convention of the published figures);
* precision: the share of predicted places that overlap any gold toponym.

GeoWebNews annotates non-places too; only the locational types (Literal,
Literal_Modifier, Embedded_Literal, Mixed, Coercion) count as gold there,
while every annotated span counts when judging precision.
"""

from __future__ import annotations

import json
import re
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from .model import Article, LngLat, Section
from .places.gazetteer import Gazetteer
from .places.geometry import km
from .places.mentions import find_mentions, hosted_site
from .text.articles import split_sentences
from .text.lexicon import alternation, words
from .text.normalize import norm

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"
CORPORA = {"gwn": "GWN.xml", "lgl": "lgl.xml", "trnews": "TR-News.xml"}
GWN_LOCATIONAL = {"Literal", "Literal_Modifier", "Embedded_Literal", "Mixed", "Coercion"}


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    name: str
    lon: float | None
    lat: float | None
    scored: bool  # a locational toponym with coordinates


@dataclass
class Doc:
    id: str
    text: str
    gold: list[Gold]


@dataclass
class Metrics:
    corpus: str
    docs: int = 0
    gold: int = 0
    found: int = 0
    predicted: int = 0
    predicted_correct: int = 0
    errors_km: list[float] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.predicted_correct / self.predicted if self.predicted else 0.0

    def acc(self, km: float) -> float:
        return sum(e <= km for e in self.errors_km) / len(self.errors_km) if self.errors_km else 0.0

    @property
    def median_km(self) -> float:
        return statistics.median(self.errors_km) if self.errors_km else float("nan")

    def row(self) -> dict[str, float | int | str]:
        return {
            "corpus": self.corpus,
            "docs": self.docs,
            "gold": self.gold,
            "recall": round(self.recall, 3),
            "precision": round(self.precision, 3),
            "acc@5km": round(self.acc(5), 3),
            "acc@25km": round(self.acc(25), 3),
            "acc@161km": round(self.acc(161), 3),
            "median_km": round(self.median_km, 1),
            "docs/s": round(self.docs / self.seconds, 1) if self.seconds else 0.0,
        }


def error_km(place, lon: float, lat: float) -> float:
    """Distance from the gold point to the predicted place.

    A point prediction (site, town) is scored by its distance.  An area
    (district, region, country) holds every point in it: 0 inside its
    polygon when the gazetteer has one, else the distance to its
    equal-area circle (``uncertainty_km`` around its representative point).
    """
    if place.geometry is not None:
        from shapely.geometry import Point

        if place.geometry.contains(Point(lon, lat)):
            return 0.0
    d = km(place.point, LngLat(lon, lat))
    if place.precision in ("district", "region", "country"):
        return max(0.0, d - place.uncertainty_km)
    return d


def listed_near(gaz: Gazetteer, gold: dict, within_km: float = 25.0) -> bool:
    """Does the gazetteer hold the annotated name, as written, within ``within_km`` of its point?"""
    return any(error_km(pl, gold["lon"], gold["lat"]) <= within_km for pl in gaz.lookup_all(norm(gold["name"])))


def _float(el) -> float | None:
    try:
        return float(el.text) if el is not None and el.text else None
    except ValueError:
        return None


def _align(text: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    """TR-News offsets drift: move the span to the nearest occurrence of its phrase."""
    if text[start:end] == phrase or not phrase:
        return start, end
    best = None
    pos = text.find(phrase)
    while pos >= 0:
        if best is None or abs(pos - start) < abs(best - start):
            best = pos
        pos = text.find(phrase, pos + 1)
    return (best, best + len(phrase)) if best is not None else (start, end)


def load_corpus(name: str, folder: Path = DEFAULT_DIR) -> list[Doc]:
    path = folder / CORPORA[name]
    if not path.exists():
        raise FileNotFoundError(f"{path}: benchmark corpus not found; it is read from ../shared/benchmarks/")
    root = ET.parse(path).getroot()
    docs = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            if name == "gwn":
                phrase = t.findtext("extractedName") or ""
                lat, lon = _float(t.find("latitude")), _float(t.find("longitude"))
                scored = t.findtext("type") in GWN_LOCATIONAL and lat is not None
            else:
                phrase = t.findtext("phrase") or ""
                g = t.find("gaztag")
                lat = _float(g.find("lat")) if g is not None else None
                lon = _float(g.find("lon")) if g is not None else None
                scored = lat is not None
                s, e = _align(text, s, e, phrase)
            gold.append(Gold(s, e, phrase, lon, lat, scored))
        docs.append(Doc(art.get("docid") or art.get("file") or str(i), text, gold))
    return docs


def geoparse_text(text: str, gaz: Gazetteer, name: str = "doc", resolved: bool = True):
    """Resolved mentions of a plain text (one section, no metadata); with ``resolved=False``, every one."""
    sec = Section(name, None, None, None, 0, len(text))
    art = Article(name, text, [sec])
    art.sentences = split_sentences(text, sec, keep_short=True)
    return [m for m in find_mentions(art, gaz) if m.place is not None or not resolved]


def evaluate(name: str, gaz: Gazetteer, folder: Path = DEFAULT_DIR, limit: int | None = None) -> Metrics:
    docs = load_corpus(name, folder)[:limit]
    m = Metrics(name)
    t0 = time.perf_counter()
    predictions = [geoparse_text(d.text, gaz, d.id) for d in docs]
    m.seconds = time.perf_counter() - t0
    for doc, preds in zip(docs, predictions):
        m.docs += 1
        m.predicted += len(preds)
        m.predicted_correct += sum(any(p.start < g.end and g.start < p.end for g in doc.gold) for p in preds)
        for g in doc.gold:
            if not g.scored:
                continue
            m.gold += 1
            hit = next((p for p in preds if p.start < g.end and g.start < p.end), None)
            if hit is None:
                continue
            m.found += 1
            m.errors_km.append(error_km(hit.place, g.lon, g.lat))
    return m


def markdown(rows: list[dict]) -> str:
    keys = list(dict.fromkeys(k for r in rows for k in r))
    out = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    out += ["| " + " | ".join(str(r.get(k, "")) for k in keys) + " |" for r in rows]
    return "\n".join(out)


DEVSET = Path(__file__).resolve().parent.parent / "data" / "devset" / "passages.jsonl"
# Passages annotated by annotators who saw neither the code nor the devset, in two batches:
# the first was measured once and then used to fix rules; the second has never been used.
HELDOUT = {
    "held-out 1 (h01-h18, then used for fixes)": DEVSET.with_name("heldout1.jsonl"),
    "held-out 2 (h19-h36, then used for a decision)": DEVSET.with_name("heldout2.jsonl"),
    "held-out 3 (h37-h54, untouched)": DEVSET.with_name("heldout3.jsonl"),
}
# Passages from theatres outside the Iraq set (data/devset/ANNOTATION.md, README.md): development data. The world
# held-out sets were each scored once, at the end of a session's rule round, and only then read for fixes (when and
# with which figures: data/devset/README.md).
WORLD = DEVSET.with_name("world.jsonl")
WORLD_SETS = 68  # world_heldout.jsonl (set 1), world_heldout2.jsonl ... world_heldout68.jsonl
WORLD_DEV = {"world devset": WORLD} | {
    f"world held-out {n} (scored once, then development)": DEVSET.with_name(f"world_heldout{n if n > 1 else ''}.jsonl")
    for n in range(1, WORLD_SETS + 1)}
# Passages from more theatres, annotated blind and never yet scored: to score once, to report (while it is not made
# yet, `geo eval --heldout` says so).
WORLD_HELDOUT = DEVSET.with_name(f"world_heldout{WORLD_SETS + 1}.jsonl")


@dataclass
class DevMetrics(Metrics):
    installations: int = 0
    installations_10km: int = 0
    installations_near_10km: int = 0  # not in the gazetteer, but drawn near the place the text puts them in
    pointed: int = 0  # annotated places with a point (not countries)
    listed_25km: int = 0  # ... whose name as written has a reading in the gazetteer within 25 km of it
    found_25km: int = 0  # ... found and placed within 25 km of it

    def row(self) -> dict[str, float | int | str]:
        r = super().row()
        r["installations@10km"] = f"{self.installations_10km}/{self.installations}"
        r["+ drawn near their town@10km"] = self.installations_near_10km
        # the most a reader of names could place: the rest are names the gazetteer does not hold there
        r["named in the gazetteer within 25 km"] = round(self.listed_25km / self.pointed, 3) if self.pointed else 0.0
        r["found within 25 km"] = round(self.found_25km / self.pointed, 3) if self.pointed else 0.0
        return r


def evaluate_devset(gaz: Gazetteer, path: Path = DEVSET, label: str = "devset") -> DevMetrics:
    """The project's own passages from regional reporting (``data/devset``).

    Countries carry no coordinate there; a country found counts for recall,
    and is correct when the prediction is a country too.  Installations must
    resolve within 10 km; one not found counts as a miss.
    """
    m = DevMetrics(label)
    passages = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    every = [geoparse_text(p["text"], gaz, p["id"], resolved=False) for p in passages]
    m.seconds = time.perf_counter() - t0
    for p, ms in zip(passages, every):
        pr = [x for x in ms if x.place is not None]
        hosted = [(x, site) for x in ms for site in [hosted_site(x)] if site is not None]
        m.docs += 1
        m.predicted += len(pr)
        m.predicted_correct += sum(any(x.start < g["end"] and g["start"] < x.end for g in p["mentions"]) for x in pr)
        for g in p["mentions"]:
            m.gold += 1
            hit = next((x for x in pr if x.start < g["end"] and g["start"] < x.end), None)
            inst = g["kind"] == "installation"
            if g["lon"] is not None:
                m.pointed += 1
                m.listed_25km += listed_near(gaz, g)
                m.found_25km += hit is not None and error_km(hit.place, g["lon"], g["lat"]) <= 25
            m.installations += inst
            if hit is None:
                near = next((site for x, site in hosted if x.start < g["end"] and g["start"] < x.end), None)
                if inst and near is not None and g["lon"] is not None and error_km(near, g["lon"], g["lat"]) <= 10:
                    m.installations_near_10km += 1
                continue
            m.found += 1
            if g["lon"] is None:
                m.errors_km.append(0.0 if hit.place.kind == "country" else 20000.0)
                continue
            err = error_km(hit.place, g["lon"], g["lat"])
            m.errors_km.append(err)
            if inst and err <= 10:
                m.installations_10km += 1
    return m


@dataclass
class IncidentMetrics:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    predicted_matched: int = 0
    type_agree: int = 0
    date_contains: int = 0
    date_scored: int = 0  # found incidents with a known true (or annotated) date
    open_start: int = 0  # undated: only "on or before the writing date" is known
    date_widths: list[int] = field(default_factory=list)
    place_10km: int = 0
    place_right: int = 0  # within 10 km, or the annotated point inside the predicted unit
    attacker_named: int = 0  # found incidents whose text names an attacker
    attacker_right: int = 0
    label: str = "devset incidents"
    country_level: int = 0  # annotated at a country only: the map does not place those
    casualties_agree: int = 0  # lowest stated fatalities and injuries both as annotated (none = none)
    place_listed: int = 0  # scored ones whose place's name as written the gazetteer holds within 25 km of it ...
    listed_matched: int = 0  # ... and of those, the ones found

    def row(self) -> dict[str, float | int | str]:
        return {
            "corpus": self.label,
            "gold": self.gold,
            "predicted": self.predicted,
            "recall": round(self.matched / self.gold, 3) if self.gold else 0.0,
            "precision": round(self.predicted_matched / self.predicted, 3) if self.predicted else 0.0,
            "type agrees": round(self.type_agree / self.matched, 3) if self.matched else 0.0,
            "date range holds true date": round(self.date_contains / self.date_scored, 3) if self.date_scored else 0.0,
            "median range (days)": statistics.median(self.date_widths) if self.date_widths else 0,
            "open-ended": self.open_start,
            "place within 10 km": round(self.place_10km / self.matched, 3) if self.matched else 0.0,
            "place right (10 km or in the unit)": round(self.place_right / self.matched, 3) if self.matched else 0.0,
            "attacker right": f"{self.attacker_right}/{self.attacker_named}",
            "casualties as annotated": round(self.casualties_agree / self.matched, 3) if self.matched else 0.0,
            "country-level, not scored": self.country_level,
            "place named in the gazetteer within 25 km": round(self.place_listed / self.gold, 3) if self.gold else 0.0,
            "recall where it is": round(self.listed_matched / self.place_listed, 3) if self.place_listed else 0.0,
        }


STATE_ARMS = {"forces", "force", "troops", "army", "military", "soldiers", "police", "policemen", "security", "navy",
              "jets", "fighters", "artillery", "paratroopers", "marines", "gunners", "warplanes", "planes", "units", "guards"}


def same_actor(gold: str, predicted: list[str], actors) -> bool:
    """Does a predicted attacker name the annotated one?  By canonical name when the
    lexicon knows the annotation ("Russian forces" = "Russia"), else by a shared word."""
    from .events.actors import find_actors, people_at_war
    from .events.roles import state_forces
    from .text.normalize import norm

    gold = gold.replace('"', "").replace("“", "").replace("”", "")
    canon = set(find_actors(gold, actors)) | ({state_forces(gold)} - {""}) | ({people_at_war(gold.strip())} - {gold.strip()})
    # "Pakistani border forces", "Ethiopian Soviet-built MiG fighters": a demonym and the state's armed men
    first, _, rest = re.sub(r"^(?:the|a|an)\s+", "", gold.strip(), flags=re.I).partition(" ")  # ("the Bulgarian Army")
    if state_forces(first) and STATE_ARMS & set(norm(rest).split()):
        canon.add(state_forces(first))
    if canon & set(predicted):
        return True
    stop = {"the", "a", "an", "forces", "force", "army", "military", "troops", "militants", "fighters", "rebels", "group", "of"}
    # "Suspected militants" is "militants"; "jihadists" is "jihadist"
    hedges = {"suspected", "unidentified", "alleged", "armed", "some", "about", "least", "at"}

    def bag(text: str, drop: set[str]) -> set[str]:
        return {w.rstrip("s") for w in norm(text).split() if w not in drop and w not in hedges and not w.isdigit()}

    words = bag(gold, stop) or bag(gold, {"the", "a", "an", "of"})
    return any(words & bag(p, stop if bag(gold, stop) else {"the", "a", "an", "of"}) for p in predicted)


def evaluate_incidents(gaz: Gazetteer, path: Path = DEVSET, match_km: float = 25.0, label: str = "devset incidents") -> IncidentMetrics:
    """Incidents of the devset passages against their annotations.

    A gold incident is found when a predicted incident lies within
    ``match_km`` of the annotated place (each prediction matches once).
    For found ones: the type, whether the predicted date range holds the
    true date (or the annotated one; an undated incident's open range, "on or
    before the writing date", holds it when it is not later), the width of the
    closed ranges, the place within 10 km, and whether the (lowest) stated
    fatalities and injuries are the annotated ones.  An incident with neither date
    (no date in the text, no writing date) never holds it.
    """
    from datetime import date

    from .events.actors import load_actors
    from .events.extract import extract
    from .text.language import language

    actors = load_actors()
    m = IncidentMetrics(label=label)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        p = json.loads(line)
        sec = Section(p["id"], p.get("source"), p.get("publisher"), p.get("published"), 0, len(p["text"]))
        art = Article(p["id"], p["text"], [sec])
        art.sentences = split_sentences(p["text"], sec, keep_short=True)
        # as the build does (geo/runner.py): incidents from English text only
        incidents, _ = extract(art, find_mentions(art, gaz), gaz, actors) if language(p["text"]) == "en" else ([], [])
        m.predicted += len(incidents)
        used: set[int] = set()
        places = {g["name"]: g for g in p["mentions"]}
        for g in p["incidents"]:
            where = places.get(g["place"])
            if where and where["lon"] is None:
                m.country_level += 1  # reported with its quote, never mapped: not scored
                continue
            m.gold += 1
            if not where:
                continue
            m.place_listed += (listed := listed_near(gaz, where))
            best = None
            for i, inc in enumerate(incidents):
                if i in used:
                    continue
                d = km(inc.place.point, LngLat(where["lon"], where["lat"]))
                if d <= match_km + inc.place.uncertainty_km and (best is None or d < best[1]):
                    best = (i, d)
            if best is None:
                continue
            used.add(best[0])
            inc = incidents[best[0]]
            m.matched += 1
            m.listed_matched += listed
            m.type_agree += inc.event_type == g["event_type"]
            m.place_10km += best[1] <= 10
            m.place_right += best[1] <= 10 or error_km(inc.place, where["lon"], where["lat"]) == 0.0
            if g.get("attacker"):
                m.attacker_named += 1
                m.attacker_right += same_actor(g["attacker"], inc.attacker, actors)
            low = (min(inc.fatalities, default=None), min(inc.injuries, default=None))
            m.casualties_agree += low == (g["fatalities"], g["injuries"])
            truth = g.get("true_date") or g["date_start"]
            if truth is None:
                continue  # neither the text nor the reporting dates it: nothing to check
            m.date_scored += 1
            if inc.date_start and inc.date_end:
                m.date_contains += inc.date_start <= truth <= inc.date_end
                m.date_widths.append((date.fromisoformat(inc.date_end) - date.fromisoformat(inc.date_start)).days + 1)
            elif inc.date_end:  # "on or before the writing date": holds the truth when it is not later
                m.open_start += 1
                m.date_contains += truth <= inc.date_end
        m.predicted_matched += len(used)
    return m


EVENT_LOCATION = "event_location.json"
# a unit, settlement or site word closing a place's span ("Khanasir town", "Heathrow airport", "the Ghat area"):
# the records' LOCATION spans leave it out
CUE_AFTER_NAME = re.compile(rf"\s+(?:{alternation(words('unit_words'))}|town|city|area|airport|neighbou?rhood)$")


@dataclass
class LinkMetrics:
    label: str
    records: int = 0
    gold_tokens: int = 0
    predicted_tokens: int = 0
    correct_tokens: int = 0

    def row(self) -> dict[str, float | int | str]:
        p = self.correct_tokens / self.predicted_tokens if self.predicted_tokens else 0.0
        r = self.correct_tokens / self.gold_tokens if self.gold_tokens else 0.0
        return {"corpus": self.label, "records": self.records, "gold tokens": self.gold_tokens,
                "predicted tokens": self.predicted_tokens, "token precision": round(p, 3), "token recall": round(r, 3),
                "token F1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def evaluate_event_location(gaz: Gazetteer, folder: Path = DEFAULT_DIR, use_parse: bool = True,
                            limit: int | None = None) -> LinkMetrics:
    """Token precision and recall of the place linked to each event verb, on the 496 gold
    (``RELABEL``) records of Halterman's event_location data (read in place, never copied).

    The candidate places are the spans the geoparser finds (resolved or not); ``use_parse``
    links the verb to them through its locative argument (:func:`geo.events.roles.locate`),
    otherwise the incident-place rule without a parse (:func:`geo.events.where.event_places`)."""
    from .events.locate import locate
    from .events.where import event_places
    from .places.candidates import LOCATIVE_BEFORE

    path = folder / EVENT_LOCATION
    if not path.exists():
        raise FileNotFoundError(f"{path}: event_location.json not found (../shared/benchmarks)")
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("source") == "RELABEL"][:limit]
    m = LinkMetrics("event_location (gold records)" + (", parse" if use_parse else ", rules only"))
    for r in records:
        text, toks = r["text"], r["tokens"]
        verb = next((s for s in r.get("spans") or [] if s["label"] == "VERB"), None)
        if verb is None:
            continue
        m.records += 1
        gold = {i for s in r["spans"] if s["label"] == "LOCATION" for i in range(s["token_start"], s["token_end"] + 1)}
        vs, ve = toks[verb["token_start"]]["start"], toks[verb["token_end"]]["end"]
        sec = Section("r", None, None, None, 0, len(text))
        art = Article("r", text, [sec])
        art.sentences = split_sentences(text, sec, keep_short=True)
        mentions = find_mentions(art, gaz)
        chosen = locate(text, vs, ve, [(x.start, x.end) for x in mentions]) if use_parse else []
        if not chosen:  # the rule without a parse (and the fallback when the parse links no place)
            for sent in art.sentences:
                if sent.start <= vs < sent.end:
                    ms = [x for x in mentions if x.sentence is sent]
                    chosen = [(x.start, x.end) for x, _p, _n in event_places(text, sent, ms, gaz, vs) if x is not None
                              and (not use_parse or LOCATIVE_BEFORE.search(text[max(0, x.start - 30) : x.start]))]
        chosen = [(s, e - len(cue.group(0)) if (cue := CUE_AFTER_NAME.search(text, s, e)) else e) for s, e in chosen]
        pred = {t["id"] for t in toks for s, e in chosen if t["start"] < e and s < t["end"]}
        m.gold_tokens += len(gold)
        m.predicted_tokens += len(pred)
        m.correct_tokens += len(gold & pred)
    return m
