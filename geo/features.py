"""Stage 4: turn mentions and incidents into layer features.

One real-world place gives at most one feature per layer; every sentence
that names it adds an entry to that feature's ``sources``.

* ``bases``: installations (air bases, military and militia bases), and
  "X operates bases in <region>" statements placed at the region;
* ``incidents``: see :mod:`geo.incidents`; reports of one event (same type,
  same place, overlapping dates) from several articles are merged;
* ``areas``: governorates and provinces as polygons, and approximate zones
  an article sizes ("spanning approximately 100 square miles");
* ``mentions``: every other place named.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from .gazetteer import BASE_KINDS, Gazetteer
from .incidents import EVENT_TYPES, find_actors
from .model import Article, Incident, LngLat, Mention, Place, Sentence

LAYERS = ("bases", "incidents", "areas", "mentions")
AREA_KINDS = {"governorate", "province"}
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
PRECISION_STEP = {"site": "town", "town": "district", "district": "region", "region": "region", "country": "country"}


@dataclass
class Draft:
    id: str
    layer: str
    place: Place
    name: str
    kind: str
    geometry: Any = None  # shapely geometry for areas; else the place point
    sources: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)
    props: dict[str, Any] = field(default_factory=dict)
    operators: list[str] = field(default_factory=list)

    def cite(self, article: Article, sent: Sentence, mention: Mention | None = None) -> None:
        key = (sent.section.article, sent.start)
        src = self.sources.get(key)
        if src is None:
            sec = sent.section
            src = {
                "article": sec.article,
                "title": sec.title,
                "publisher": sec.publisher,
                "published": sec.published,
                "quote": article.text[sent.start : sent.end],
                "url": sec.url,
                "start": sent.start,
                "end": sent.end,
                "names": [],
            }
            self.sources[key] = src
        if mention is not None:
            span = [mention.start, mention.end]
            if span not in src["names"]:
                src["names"].append(span)
                src["names"].sort()


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


def circle(center: LngLat, area_km2: float, n: int = 64):
    """A polygon of the given area around ``center`` (local equirectangular)."""
    from shapely.geometry import Polygon

    r = math.sqrt(area_km2 / math.pi)
    dlat = r / 111.32
    dlon = r / (111.32 * math.cos(math.radians(center.lat)))
    pts = [
        (center.lon + dlon * math.cos(2 * math.pi * i / n), center.lat + dlat * math.sin(2 * math.pi * i / n))
        for i in range(n)
    ]
    return Polygon(pts)


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
            if m.place is None:
                continue
            p = m.place
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
            elif p.geometry is not None and p.kind in AREA_KINDS:
                d = self._draft("areas", p, geometry=p.geometry)
                d.cite(article, m.sentence, m)
            else:
                self._draft("mentions", p).cite(article, m.sentence, m)
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
            d.props.update({"approximate": True, "area_km2": km2, "precision": "district"})
            d.cite(article, m.sentence, m)
            if s is not m.sentence:
                d.cite(article, s)
            return

    def _merge_incidents(self) -> None:
        groups: list[list[tuple[Article, Incident]]] = []
        for art, inc in sorted(self.incidents, key=lambda ai: (ai[1].date_start is None, ai[1].date_start or "", ai[0].name)):
            for g in groups:
                head = g[0][1]
                if head.event_type == inc.event_type and head.place.key == inc.place.key and _overlap(head, inc):
                    g.append((art, inc))
                    break
            else:
                groups.append([(art, inc)])
        for g in groups:
            head = g[0][1]
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
            suffix = f"/{head.event_type}/{start or 'undated'}"
            label = EVENT_TYPES[head.event_type][0]
            near = any(i.near for _, i in g)
            d = self._draft("incidents", head.place, suffix, name=f"{label}: {'near ' if near else ''}{head.place.name}",
                            kind=head.event_type)
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
            prec_place = PRECISION_STEP[head.place.precision] if near else head.place.precision
            d.props.update(
                {
                    "event_type": head.event_type,
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
                    "precision": prec_place,
                    "uncertainty_km": round(head.place.uncertainty_km + (10.0 if near else 0.0), 1),
                    "reason": "; ".join(sorted({i.trigger for _, i in g})),
                }
            )

    def features(self) -> dict[str, list[dict[str, Any]]]:
        self._merge_incidents()
        layers: dict[str, list[dict[str, Any]]] = {name: [] for name in LAYERS}
        for d in sorted(self.drafts.values(), key=lambda d: d.id):
            layers[d.layer].append(to_feature(d))
        return layers


def _overlap(a: Incident, b: Incident) -> bool:
    if a.date_start is None or b.date_start is None:
        return True
    return a.date_start <= (b.date_end or "9999") and b.date_start <= (a.date_end or "9999")


def to_feature(d: Draft) -> dict[str, Any]:
    from shapely.geometry import mapping

    p = d.place
    sources = [d.sources[k] for k in sorted(d.sources)]
    props: dict[str, Any] = {
        "id": d.id,
        "name": d.name,
        "layer": d.layer,
        "kind": d.kind,
        "country": p.country or None,
        "precision": p.precision,
        "uncertainty_km": p.uncertainty_km,
        "place_id": p.key,
        "place_name": p.name,
        "coord_source": p.source,
        "source_count": len(sources),
        # Typed dates for GIS filters: an interval "start/end" counts by its bounds.
        "first_published": min((s["published"].split("/")[0] for s in sources if s["published"]), default=None),
        "last_published": max((s["published"].split("/")[-1] for s in sources if s["published"]), default=None),
        "sources": sources,
    }
    if d.layer == "bases":
        props["operator"] = "; ".join(d.operators) or None
    props.update(d.props)
    if d.geometry is not None:
        geom = mapping(d.geometry)
    else:
        geom = {"type": "Point", "coordinates": [p.point.lon, p.point.lat]}
    return {"type": "Feature", "id": d.id, "properties": props, "geometry": geom}
