"""Months, weekdays and number words: the one home of calendar vocabulary
(``data/lexicon/months.tsv``, ``weekdays.tsv``, ``numbers.tsv``)."""

from __future__ import annotations

import re

from .lexicon import alternation, rows, words

# "january" -> 1, and every abbreviation ("jan", "sept") too.
MONTHS: dict[str, int] = {}
for _n, (_name, _abbrevs) in enumerate(rows("months", 2), start=1):
    for _form in (_name, *filter(None, _abbrevs.split(","))):
        MONTHS[_form.lower()] = _n
MONTH_NAMES = tuple(r[0].lower() for r in rows("months", 2))
# A month as news text writes it, capitalised: "March", "Mar", "Mar.", "Sept."
MONTH_RE = f"(?:{alternation(f.capitalize() for f in MONTHS)})\\.?"
# "Jan|Feb|...|Sept|...": the abbreviations, for the sentence splitter ("Jan. 5" ends no sentence).
MONTH_ABBREVIATIONS = "|".join(f.capitalize() for f in MONTHS if f not in MONTH_NAMES)
WEEKDAYS = words("weekdays")
# A weekday as news text writes it, capitalised: "Monday" ... "Sunday"
WEEKDAY_RE = f"(?:{alternation(w.capitalize() for w in WEEKDAYS)})"
# A year a news date may have: 1700-2099 (historical reporting included: "December 31, 1775").
YEAR_RE = r"(?:1[789]|20)\d\d"
# ... and next to a month, where a number cannot be a count ("16 November 1632", "4 May 1471"): 1000-2099
DATE_YEAR_RE = r"(?:1\d|20)\d\d"
# ... or, right after a month or a day of one, a year of three figures ("10 August 955", "in May 878") when no word for
# what is counted, nor "BC", follows it ("on 5 May 600 soldiers", "in May 300 years later", "in 480 BC")
# (what a number before it counts, so that it is no year: "a force of 1500 men", "5 May 600 soldiers")
COUNTED_NOUNS = (*(w for w, _tags in rows("armed_nouns", 2)), "men", "people", "horses", "guns", "ships", "pieces")
COUNTED = alternation(COUNTED_NOUNS)
COUNTED_AFTER_YEAR = alternation([*COUNTED_NOUNS, "years", "months", "weeks", "days", "hours", "km", "kilometres",
                                  "kilometers", "miles", "metres", "meters", "feet", "yards", "leagues", "BC", "BCE", "B.C"])
OLD_DATE_YEAR_RE = rf"[1-9]\d\d(?!\d|,\d)(?!\s+(?:[\w-]+\s+)?(?:{COUNTED_AFTER_YEAR})\b)"
MONTH_YEAR_RE = rf"(?:{DATE_YEAR_RE}|{OLD_DATE_YEAR_RE})"
NUMBER_WORDS = {w: int(v) for w, v in rows("numbers", 2)}


def month_number(s: str) -> int:
    """'March', 'Mar', 'mar.', 'Sept' -> the month's number."""
    return MONTHS[s.lower().rstrip(".")]


# A number in words: "twelve", "seventy-nine", "forty five"
NUMBER_WORDS_RE = (rf"(?:(?:{alternation(w for w, v in NUMBER_WORDS.items() if v >= 20)})(?:[- ](?:{alternation(w for w, v in NUMBER_WORDS.items() if 0 < v < 10)}))?"
                   rf"|{alternation(NUMBER_WORDS)})")


def number(s: str) -> int:
    """'12', '1,200', 'twelve', 'seventy-nine', 'a'/'an' -> the number."""
    s = s.lower().replace(",", "")
    return int(s) if s.isdigit() else 1 if s in ("a", "an") else sum(NUMBER_WORDS[w] for w in re.split(r"[- ]", s))


YEAR_WORD = re.compile(rf"(?:mid-)?{DATE_YEAR_RE}")
WHEN_BEFORE_YEAR = frozenset({"in", "during", "since", "by", "early", "late", "mid", "-"})


def year_of_a_when(before: str, word: str) -> bool:
    """Is ``word`` a year that says when, after ``before`` ("in 1865", "May 1865", "mid-1864"), rather than a
    number that counts ("1500 rebels")?"""
    return YEAR_WORD.fullmatch(word) is not None and (
        before.lower() in WHEN_BEFORE_YEAR or re.fullmatch(MONTH_RE, before) is not None)


# "in 1572", "April 1572", "1 April 1572", "June 3, 1653": a year that says when, with the word before it
YEAR_WITH_BEFORE = re.compile(rf"(\S+)\s+((?:mid-)?{DATE_YEAR_RE})\b")
DAY_COMMA = re.compile(r"\d{1,2}(?:st|nd|rd|th)?,")


# a year of three figures that surely says when: after a month ("In July 711", "10 August 955"), or with its era
# ("in 722 AD", "AD 711", "1018 CE")
OLD_YEAR_TOLD = re.compile(rf"\b(?:{MONTH_RE})\s+({OLD_DATE_YEAR_RE})|\b([1-9]\d\d)\s*(?:AD|A\.D\.|CE|C\.E\.)(?!\w)"
                           r"|\b(?:AD|A\.D\.)\s*([1-9]\d\d)\b")


def latest_year_told(text: str) -> int | None:
    """The latest year ``text`` says something happened in ("On 1 April 1572 ...", "In July 711"), or None when it
    says none (a count, "1500 rebels", is no year)."""
    years = [int(m.group(2)[-4:]) for m in YEAR_WITH_BEFORE.finditer(text)
             if year_of_a_when(m.group(1).rstrip(","), m.group(2)) or DAY_COMMA.fullmatch(m.group(1))]
    years += [int(next(g for g in m.groups() if g)) for m in OLD_YEAR_TOLD.finditer(text)]
    return max(years, default=None)
