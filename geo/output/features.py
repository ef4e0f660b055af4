"""Turn mentions and incidents into typed layer features.

One real-world place gives at most one feature per layer; every sentence
that names it adds an entry to that feature's ``sources``.

* ``bases``: installations (air bases, military and militia bases), and
  "X operates bases in <region>" statements placed at the region;
* ``incidents``: see :mod:`geo.events.extract`; reports of one event from
  several articles are merged by the same rule as within one
  (:mod:`geo.events.same_event`);
* ``areas``: governorates and provinces as polygons, and approximate zones
  an article sizes ("spanning approximately 100 square miles");
* ``mentions``: every other place named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..events.actors import find_actors
from ..events.same_event import event_key, group_events, merged_type
from ..events.triggers import EVENT_TYPES
from ..model import ADMIN1_KINDS, BASE_KINDS, NEAR_KM, Article, Feature, Incident, Mention, Place, Precision, Sentence, Source
from ..places.gazetteer import Gazetteer
from ..places.geometry import circle
from ..places.mentions import hosted_site

LAYERS = ("bases", "incidents", "areas", "mentions")
# Incidents only a country places: in the layer set and the events tables, never drawn on the map.
COUNTRY_EVENTS = "events_country"
SQ_KM = {"mile": 2.589988, "miles": 2.589988, "kilometers": 1.0, "kilometres": 1.0, "km": 1.0}
SIZE_RE = re.compile(
    r"\b(?:spanning|covering|covers|spans|measuring|an area of|extends over)\s+(?:approximately|about|around|roughly|some|nearly|almost|over|more than)?\s*"
    r"(?P<n>\d[\d,.]*)\s+square\s+(?P<u>miles|kilometers|kilometres|km)\b",
    re.I,
)
OPERATOR_RES = [
    re.compile(r"\bheadquarters\s+(?:for|of)\s+(?P<op>[^.;]{3,120})", re.I),
    re.compile(r"\bwhere\s+(?P<op>[^.;,]{2,60}?)\s+(?:are|is|were|was)\s+(?:stationed|based|deployed)", re.I),
    re.compile(r"(?P<op>[^.;,]{2,60}?)\s+(?:also\s+)?(?:operates|maintains|runs|controls)\s+(?:several\s+|a\s+)?(?:military\s+)?bases?\b", re.I),
    re.compile(r"\b(?:operated|controlled|held|run|used)\s+by\s+(?P<op>[^.;,]{2,80})", re.I),
    re.compile(r"\bhome to\s+(?P<op>[^.;,]{2,80})", re.I),
    re.compile(r"\bhosts?\s+(?P<op>[^.;,]{2,60}?\b(?:forces|troops))", re.I),
]
NEGATED = re.compile(r"\b(?:no|not|never|none)\b", re.I)
REGION_BASES = re.compile(r"\b(?:operates|maintains|runs|has|established|set up)\s+(?:several\s+|a number of\s+|many\s+)?(?:military\s+)?bases\s+in\b", re.I)


@dataclass
class Draft:
    id: str
    layer: str
    place: Place
    name: str
    kind: str
    geometry: Any = None  # shapely geometry for areas; else the place point
    sources: dict[tuple[str, int], Source] = field(default_factory=dict)
    props: dict[str, Any] = field(default_factory=dict)
    operators: list[str] = field(default_factory=list)
    precision: str | None = None  # when not the place's own
    uncertainty_km: float | None = None

    def cite(self, article: Article, sent: Sentence, mention: Mention | None = None) -> None:
        key = (sent.section.article, sent.start)
        src = self.sources.get(key)
        if src is None:
            sec = sent.section
            src = Source(sec.article, sec.title, sec.publisher, sec.published, article.text[sent.start : sent.end],
                         sec.url, sent.start, sent.end)
            self.sources[key] = src
        if mention is not None:
            span = [mention.start, mention.end]
            if span not in src.names:
                src.names.append(span)
                src.names.sort()


def _operators(article: Article, sent: Sentence, next_sent: Sentence | None, actors) -> list[str]:
    found: list[str] = []
    for s in (sent, next_sent):
        if s is None:
            continue
        for rx in OPERATOR_RES:
            for m in rx.finditer(s.text):
                clause = m.group("op")
                if NEGATED.search(clause):
                    continue
                for a in find_actors(clause, actors):
                    if a not in found and a != "unidentified":
                        found.append(a)
    return found


class Builder:
    """Accumulates drafts across articles; ids depend only on the place."""

    def __init__(self, gaz: Gazetteer, actors) -> None:
        self.gaz = gaz
        self.actors = actors
        self.drafts: dict[str, Draft] = {}
        self.incidents: list[tuple[Article, Incident]] = []

    def _draft(self, layer: str, place: Place, suffix: str = "", **kw) -> Draft:
        fid = f"{layer}:{place.key}{suffix}"
        d = self.drafts.get(fid)
        if d is None:
            d = Draft(fid, layer, place, kw.pop("name", place.name), kw.pop("kind", place.kind), **kw)
            self.drafts[fid] = d
        return d

    def add_article(self, article: Article, mentions: list[Mention], incidents: list[Incident]) -> None:
        sent_index = {s.start: i for i, s in enumerate(article.sentences)}
        for m in mentions:
            p = m.place or hosted_site(m)  # a site the gazetteer lacks: near the place the text puts it
            if p is None:
                continue
            i = sent_index[m.sentence.start]
            nxt = article.sentences[i + 1] if i + 1 < len(article.sentences) else None
            if nxt is not None and nxt.section != m.sentence.section:
                nxt = None
            if p.kind in BASE_KINDS:
                d = self._draft("bases", p)
                d.cite(article, m.sentence, m)
                for op in _operators(article, m.sentence, nxt, self.actors):
                    if op not in d.operators:
                        d.operators.append(op)
            elif p.geometry is not None and p.kind in ADMIN1_KINDS:
                d = self._draft("areas", p, geometry=p.geometry)
                d.cite(article, m.sentence, m)
            else:
                self._draft("mentions", p).cite(article, m.sentence, m)
            if m.place is None:
                continue
            if p.precision in ("region", "district", "town") and REGION_BASES.search(
                article.text[m.sentence.start : m.start]
            ):
                self._region_bases(article, m)
            self._zone(article, m, nxt)
        for inc in incidents:
            self.incidents.append((article, inc))

    def _region_bases(self, article: Article, m: Mention) -> None:
        ops = [a for a in find_actors(article.text[m.sentence.start : m.start], self.actors)]
        name = f"{' and '.join(ops) + ' b' if ops else 'B'}ases in {m.place.name}"
        d = self._draft("bases", m.place, "/bases", name=name, kind="bases_in_area")
        d.cite(article, m.sentence, m)
        for op in ops:
            if op not in d.operators:
                d.operators.append(op)

    def _zone(self, article: Article, m: Mention, nxt: Sentence | None) -> None:
        """An approximate area an article sizes around a site it names."""
        if m.place.precision not in ("site", "district"):
            return
        for s in (m.sentence, nxt):
            if s is None:
                continue
            size = SIZE_RE.search(s.text)
            if not size:
                continue
            n = float(size["n"].replace(",", ""))
            km2 = round(n * SQ_KM[size["u"].lower()], 1)
            name = f"{m.place.name} zone (approximate, about {size['n']} sq {size['u'].lower()})"
            d = self._draft("areas", m.place, "/zone", name=name, kind="approximate_zone",
                            geometry=circle(m.place.point, km2))
            d.props.update({"approximate": True, "area_km2": km2})
            d.precision = Precision.DISTRICT
            d.cite(article, m.sentence, m)
            if s is not m.sentence:
                d.cite(article, s)
            return

    def _merge_incidents(self, grouper=group_events) -> None:
        """Reports of one event across articles become one incident.  ``grouper`` groups the reports'
        keys (:func:`geo.events.same_event.group_events`; the Dask engine passes its group-by)."""
        reports = sorted(self.incidents, key=lambda ai: (ai[1].date_start is None, ai[1].date_start or "", ai[0].name))
        keys = [(i, event_key(inc, art.name)) for i, (art, inc) in enumerate(reports)]
        groups = [[reports[i] for i in g] for g in grouper(keys)]
        for g in groups:
            head = g[0][1]
            event_type = head.event_type
            for _, inc in g[1:]:
                event_type = merged_type(event_type, inc.event_type)
            dated = [i for _, i in g if i.date_start]
            start = max((i.date_start for i in dated), default=None)
            end = min((i.date_end for i in dated if i.date_end), default=None)
            if start and end and start > end:  # reports disagree: keep the union
                start, end = min(i.date_start for i in dated), max(i.date_end for i in dated)
            precs = {i.date_precision for i in dated}
            if not dated:
                ends = [i.date_end for _, i in g if i.date_end]
                end = min(ends) if ends else None
                prec = "unknown"
            elif start == end:
                prec = "day"
            else:
                prec = precs.pop() if len(precs) == 1 else "range"
            # The id of the report published first (then by article and offset): the same whatever order the
            # articles come in, and not changed by an article that does not join this incident.
            own = sorted(((_first_source(a, i), _own_id(i)) for a, i in g))
            suffix = own[0][1]
            layer = COUNTRY_EVENTS if head.place.precision == "country" else "incidents"
            aliases = sorted({f"{layer}:{head.place.key}{x}" for _, x in own[1:]} - {f"{layer}:{head.place.key}{suffix}"})
            label = EVENT_TYPES[event_type][0]
            near = any(i.near for _, i in g)
            d = self._draft(layer, head.place, suffix, name=f"{label}: {'near ' if near else ''}{head.place.name}",
                            kind=event_type)
            actors: list[str] = []
            fats = [x for _, i in g for x in i.fatalities]
            injs = [x for _, i in g for x in i.injuries]
            country = self.gaz.places.get(f"iso/{head.place.country}")
            sides: dict[str, list[str]] = {"attacker": [], "target": []}
            for art, inc in g:
                for s in inc.sentences:
                    d.cite(art, s, next((m for m in inc.mentions if m.sentence == s), None))
                for key, names in (("actors", inc.actors), ("attacker", inc.attacker), ("target", inc.target)):
                    bucket = actors if key == "actors" else sides[key]
                    for a in names:
                        # The country the event happens in is its place, not an actor.
                        if a not in bucket and not (country and a == country.name):
                            bucket.append(a)
            d.precision = Precision(head.place.precision).widened() if near else head.place.precision
            d.uncertainty_km = round(head.place.uncertainty_km + (NEAR_KM if near else 0.0), 1)
            d.props.update(
                {
                    "event_type": event_type,
                    "aliases": aliases or None,
                    "event_label": label,
                    "date_start": start,
                    "date_end": end,
                    "date_precision": prec,
                    "near": near,
                    "actors": "; ".join(actors) or None,
                    "attacker": "; ".join(sides["attacker"]) or None,
                    "target": "; ".join(sides["target"]) or None,
                    "fatalities": min(fats) if fats else None,
                    "fatalities_high": max(fats) if fats else None,
                    "injuries": min(injs) if injs else None,
                    "injuries_high": max(injs) if injs else None,
                    "reason": "; ".join(sorted({i.trigger for _, i in g})),
                }
            )

    def features(self, grouper=group_events) -> dict[str, list[Feature]]:
        self._merge_incidents(grouper)
        layers: dict[str, list[Feature]] = {name: [] for name in (*LAYERS, COUNTRY_EVENTS)}
        for d in sorted(self.drafts.values(), key=lambda d: d.id):
            f = to_feature(d)
            f.admin1 = self.gaz.admin1_of(d.place)
            layers[d.layer].append(f)
        return layers


def _own_id(inc: Incident) -> str:
    """An incident's id suffix from its own report alone: type and first day ("undated" when none)."""
    return f"/{inc.event_type}/{inc.date_start or 'undated'}"


def _first_source(art: Article, inc: Incident) -> tuple[str, str, int]:
    s = min(inc.sentences, key=lambda x: x.start)
    return ((s.section.published or "9999").split("/")[0], s.section.article, s.start)


def to_feature(d: Draft) -> Feature:
    p = d.place
    props = dict(d.props)
    if d.layer == "bases":
        props["operator"] = "; ".join(d.operators) or None
    from shapely.geometry import mapping

    geom = mapping(d.geometry) if d.geometry is not None else {"type": "Point", "coordinates": [p.point.lon, p.point.lat]}
    return Feature(
        id=d.id, layer=d.layer, name=d.name, kind=d.kind, place=p,
        sources=[d.sources[k] for k in sorted(d.sources)], geometry=geom,
        precision=d.precision or p.precision,
        uncertainty_km=d.uncertainty_km if d.uncertainty_km is not None else p.uncertainty_km,
        properties=props,
    )
