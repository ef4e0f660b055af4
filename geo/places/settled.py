"""Readings a story's years rule out: a place of a country that Europeans settled after the latest year the
text tells of bears no European name yet ("On 1 April 1572 ... decided to capture Brielle": not Brielle,
New Jersey). The years are data/lexicon/settled_after.tsv; the names of earlier peoples are other readings
and are never set aside (only a reading with a namesake outside such countries is)."""

from __future__ import annotations

from ..model import Place
from ..text.lexicon import rows

SETTLED: dict[str, int] = {country: int(year) for country, year, _source in rows("settled_after", 3)}


def named_after_the_story(places: list[Place], latest_year: int | None) -> set[str]:
    """The keys of those of ``places`` (the readings of one name) that lie in a country settled after
    ``latest_year``, when another reading lies elsewhere."""
    if latest_year is None:
        return set()
    late = {pl.key for pl in places if settled_after(pl, latest_year)}
    return late if len(late) < len(places) else set()


def settled_after(place: Place, latest_year: int | None) -> bool:
    """Does ``place`` lie in a country settled after ``latest_year``?"""
    return latest_year is not None and latest_year < SETTLED.get(f"{place.country}.{place.admin1}", SETTLED.get(place.country, 0))
