"""Casualty figures a sentence states: fatalities and injuries (0 for "no casualties")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.calendar import MONTH_RE, NUMBER_WORDS, NUMBER_WORDS_RE, number
from ..text.lexicon import alternation, words
from .triggers import WEAPON_WORDS

NUM = rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|{NUMBER_WORDS_RE})"
# Words between a number and "killed": "Six Lebanese, including a local official, were killed",
# never a unit of time ("two days after 14 soldiers were killed").
BETWEEN = (r"(?:(?!(?:days?|weeks?|months?|years?|hours?|after|before|since|and|or|killed|wounded|injured|"
           + WEAPON_WORDS + r"|hit|struck|fired|launched|targeted|attacked|slammed|"
           + "|".join(NUMBER_WORDS) + r")\b|\d)[\w’'-]+,?\s+){0,6}?")
DIED = alternation(words("death_words"))  # "killed", "died", "shot dead"
KILLED = [
    re.compile(rf"\b{NUM}\s+{BETWEEN}(?:were|was|have been|had been|been|have|had)?\s*(?:\w+ly\s+|reported\s+)?(?:{DIED})\b", re.I),
    re.compile(rf"\bkill(?:ed|ing)\s+(?:at least\s+|about\s+|around\s+)?{NUM}\b", re.I),
    re.compile(r"\bkill(?:ed|ing)\s+(?P<n>an?)\s+(?!dozen|number|few|handful|score|total|estimated|further)[a-z]", re.I),
    # "left at least two people dead", "There are two dead reported"
    re.compile(rf"\b(?:left|leaving)\s+(?:at least\s+|about\s+|around\s+)?{NUM}\s+(?:[\w-]+\s+){{0,2}}?dead\b", re.I),
    re.compile(rf"\b{NUM}\s+dead\b(?!\s+(?:bod|ends?))", re.I),
]
INJURED = [
    re.compile(rf"\b{NUM}\s+{BETWEEN}(?:were|was|have been|had been|been)?\s*(?:wounded|injured|hurt|(?:received|sustained|suffered)\s+injuries)\b", re.I),
    re.compile(rf"\b(?:wound|injur)(?:ed|ing)\s+(?:at least\s+|about\s+)?{NUM}\b", re.I),
]
NO_CASUALTIES = re.compile(
    r"\bno (?:reports? of )?(?:human |civilian )?(?:casualties|injuries|deaths|fatalities)\b|\bno one was (?:hurt|killed|injured)\b"
    r"|\bwithout (?:causing )?(?:any )?casualties\b", re.I)


VAGUE = alternation(words("vague_counts"))
# "killed hundreds of the 10,000 inhabitants", "dozens of people were wounded": a toll without a figure
VAGUE_TOLL = re.compile(rf"\b(?:kill|wound|injur)(?:ed|ing)\s+(?:{VAGUE})\b"
                        rf"|\b(?:{VAGUE})\s+{BETWEEN}(?:were|was|have been|had been|been)?\s*(?:{DIED}|wounded|injured)\b", re.I)


def states_casualties(text: str) -> bool:
    return casualties(text) != (None, None)


def vague_toll(text: str) -> bool:
    """Does the sentence say people died or were hurt by a count without a figure ("killed hundreds")?"""
    return bool(VAGUE_TOLL.search(text))


@lru_cache(maxsize=4096)  # (a sentence is asked up to four times: where, whether it borrows a place, its figures)
def casualties(text: str) -> tuple[int | None, int | None]:
    if NO_CASUALTIES.search(text):
        return 0, 0
    return _count(text, KILLED), _count(text, INJURED)


def _count(text: str, patterns: list[re.Pattern[str]]) -> int | None:
    """The first figure a pattern finds that is not a year ("Since 2014 militants
    have killed") or a day of a month ("On 12 January 2024 a drone killed")."""
    for rx in patterns:
        for m in rx.finditer(text):
            n = m["n"]
            if re.fullmatch(r"(?:19|20)\d\d", n) or re.search(rf"\b(?:{MONTH_RE})\.?\s*$", text[max(0, m.start("n") - 12) : m.start("n")]):
                continue
            return number(n)
    return None


