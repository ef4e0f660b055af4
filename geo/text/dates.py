"""Resolve the date expressions of a sentence into a date range.

The anchor is when the text was written: one day ("2025-06-25") or an
interval ("2025-06-22/2025-06-24") when only bounds are known.  Deictic
expressions ("on Saturday", "last week", "over the weekend") are resolved
against every day of the anchor and the results joined, so the range is
never narrower than the text allows.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ..model import DateRange
from .calendar import DATE_YEAR_RE, MONTH_RE, MONTH_YEAR_RE, NUMBER_WORDS, WEEKDAYS, month_number, number
from .lexicon import alternation, rows

# The end of a clause: "Two days after the attack on Camp Taji, rockets hit ...".
CLAUSE_BREAK = re.compile(r"[,;:—–]")


@lru_cache(maxsize=256)
def parse_anchor(value: str | None) -> DateRange | None:
    """'2025-06-25' or '2025-06-22/2025-06-24' -> DateRange; None stays None."""
    if not value:
        return None
    parts = value.split("/")
    try:
        days = [date.fromisoformat(p.strip()) for p in parts]
    except ValueError:
        return None
    if days[-1] < days[0]:
        return None  # an interval that ends before it starts says nothing
    return DateRange.of(days[0], days[-1])


def _days(anchor: DateRange):
    d = anchor.start
    while d <= anchor.end:
        yield d
        d += timedelta(1)


def _over_anchor(anchor: DateRange, fn, precision: str) -> DateRange:
    out = None
    for d in _days(anchor):
        r = fn(d)
        out = r if out is None else DateRange(min(out.start, r.start), max(out.end, r.end), "range")
    assert out is not None
    if out.start == out.end:
        return DateRange(out.start, out.end, "day")
    return DateRange(out.start, out.end, precision if anchor.start == anchor.end else "range")


def _last_weekday(d: date, wd: int) -> DateRange:
    back = (d.weekday() - wd) % 7
    day = d - timedelta(back)
    return DateRange(day, day, "day")


def _weekend(d: date) -> DateRange:
    # The most recent Saturday-Sunday that has begun by d.
    sat = d - timedelta((d.weekday() - 5) % 7)
    return DateRange(sat, min(sat + timedelta(1), d), "range")


def _last_week(d: date) -> DateRange:
    monday = d - timedelta(d.weekday() + 7)
    return DateRange(monday, monday + timedelta(6), "week")


def _year_part(y: int, part: str) -> DateRange:
    """The months a part of year ``y`` spans; past December it runs into the next year (a winter)."""
    first, last = YEAR_PARTS[part]
    end_year, end_month = (y + 1, last - 12) if last > 12 else (y, last)
    return DateRange(date(y, first, 1), _month_range(end_year, end_month).end, "range")


def _month_range(y: int, m: int) -> DateRange:
    first = date(y, m, 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return DateRange(first, nxt - timedelta(1), "month")


FULL_DATE = re.compile(rf"\b(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>{MONTH_YEAR_RE})\b"
                       rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH_RE}),?\s+(?P<year2>{MONTH_YEAR_RE})\b")
MONTH_DAY = re.compile(rf"\b(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+{DATE_YEAR_RE})|\b(?:the\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH_RE})\b(?!,?\s+{DATE_YEAR_RE})")
# a span of days of one month: "October 26-28", "from 26 to 28 October 1978", "26th and 28th October",
# the night of "7/8 April 1941";
# after "and" without an ordinal, only where the number ends the phrase ("June 12 and 13 people" is no span)
_TO = r"\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b)\s*"
_AND = r"\s+and\s+"
_ORD = r"(?:st|nd|rd|th)"
_WEEKDAY = rf"(?i:{alternation(WEEKDAYS)}),?\s+"  # "Monday 13 to Tuesday 14 May"
DAY_SPAN = re.compile(
    rf"\b(?P<month>{MONTH_RE})\s+(?P<d1>\d{{1,2}}){_ORD}?(?:{_TO}(?P<d2>\d{{1,2}}){_ORD}?\b"
    rf"|{_AND}(?:(?P<d3>\d{{1,2}}){_ORD}\b|(?P<d4>\d{{1,2}})(?=\s*(?:[,.;:)]|$|(?:,?\s+{MONTH_YEAR_RE})))))"
    rf"(?:,?\s+(?P<year>{MONTH_YEAR_RE})\b)?"
    # ("the 2nd, 3rd and 4th of February, 1820": the first to the last of a list of days)
    rf"|\b(?P<d5>\d{{1,2}}){_ORD}?(?:,\s*\d{{1,2}}{_ORD}?)*,?(?:{_TO}|{_AND}|/)(?:{_WEEKDAY})?(?P<d6>\d{{1,2}}){_ORD}?\s+(?:of\s+)?(?P<month2>{MONTH_RE})\b"
    rf"(?:,?\s+(?P<year2>{MONTH_YEAR_RE})\b)?")


def _day_month(n: int) -> str:
    """"11 May", "20th of June": a day and its month, as groups d<n> and m<n>."""
    return rf"(?P<d{n}>\d{{1,2}}){_ORD}?\s+(?:of\s+)?(?P<m{n}>{MONTH_RE})"


def _month_day(n: int) -> str:
    """"June 20th": a month and its day, as groups m<n> and d<n>."""
    return rf"(?P<m{n}>{MONTH_RE})\s+(?P<d{n}>\d{{1,2}}){_ORD}?"


# a span across months, its year at its end: "from 11 May to 23 June 1854", "June 20th to July 16th, 1900"
MONTHS_SPAN = re.compile(rf"\b(?:{_WEEKDAY})?(?:{_day_month(1)}{_TO}(?:{_WEEKDAY})?{_day_month(2)}"
                         rf"|{_month_day(3)}{_TO}(?:{_WEEKDAY})?{_month_day(4)}),?\s+(?P<year>{MONTH_YEAR_RE})\b")
# "In February and March 1890", "from June to August 1944": two months of one year and those between
MONTH_PAIR = re.compile(rf"\b(?P<m1>{MONTH_RE})(?:{_AND}|{_TO})(?P<m2>{MONTH_RE}),?\s+(?P<year>{MONTH_YEAR_RE})\b")
# "27.7.1941", "05.03.2024": day, month and year with dots, as European pages write them
DOTTED_DATE = re.compile(rf"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>{DATE_YEAR_RE})\b(?!\.\d)")
MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH_RE}),?\s+(?P<year>{MONTH_YEAR_RE})\b")  # "in August 1977", "in August, 1977"
# "in early 1865", "during the summer of 1746", "in mid-1864": a part of a year (data/lexicon/year_parts.tsv)
YEAR_PARTS = {part: (int(a), int(b)) for part, a, b in rows("year_parts", 3)}
YEAR_PART = re.compile(rf"\b(?:in|during|by|from)\s+(?:the\s+)?(?P<part>{alternation(YEAR_PARTS)})(?:\s+of|-|\s)\s*"
                       rf"(?P<year>{DATE_YEAR_RE})\b(?!\s*[-–/]\s*\d)", re.I)
# "in September", "in mid-September", "in early May", "in the middle of June": that month (the whole of it)
IN_MONTH = re.compile(rf"\bin\s+(?:(?:early|mid|late)[- ]|the\s+(?:beginning|middle|end)\s+of\s+)?(?P<month>{MONTH_RE})\b(?!,?\s+\d)")
WEEKDAY = re.compile(r"\b(?:on\s+|last\s+|this\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
OWN_WEEKDAY = re.compile(r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?=(?:'s|’s)\s)", re.I)
WEEKEND = re.compile(r"\b(?:over|during|on)?\s*(?:the|this|last)\s+weekend\b", re.I)
LAST_WEEK = re.compile(r"\blast\s+week\b", re.I)
EARLIER_THIS_WEEK = re.compile(r"\bearlier\s+this\s+week\b", re.I)
EARLIER_THIS_MONTH = re.compile(r"\bearlier\s+this\s+month\b", re.I)
LAST_MONTH = re.compile(r"\blast\s+month\b", re.I)
YESTERDAY = re.compile(r"\byesterday\b", re.I)
# "last night", "late last night": the evening before the writing day, or the night into it
LAST_NIGHT = re.compile(r"\b(?:late\s+)?last\s+night\b", re.I)
TODAY = re.compile(r"\b(?:today|tonight|this morning|this evening)\b", re.I)
AGO = re.compile(rf"\b(?P<n>\d+|{alternation(NUMBER_WORDS)}|a)\s+(?P<unit>days?|weeks?)\s+ago\b", re.I)
FOLLOWING = re.compile(r"\b(?:the\s+following\s+day|the\s+next\s+day|a\s+day\s+later|the\s+day\s+after)\b", re.I)
# "on the 24th": a day of the month, nearest the last day the story named (geo.events.dating.day_of_month)
# ("on the 4th instant": of the month of the letter; "on the 28th ult.": of the month before; not "on the 13th day")
ORDINAL_DAY = re.compile(
    r"\bon\s+the\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th)"
    r"(?=\s*[,.;:)!?]|\s*$|\s+(?P<which>instant|inst\b|ult\b|ultimo)|\s+(?:as|and|but|when|while|after|before|at|in|on|by|with"
    r"|they|he|she|it|we|the|a|an|of\s+(?:the|that|this)\s+month)\b)", re.I)
LATER_EARLIER = re.compile(rf"\b(?P<n>\d+|{alternation(NUMBER_WORDS)}|a)\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|earlier|before|after)\b", re.I)


DATELINE_PREFIX = re.compile(
    rf"^\s*[A-Z][A-Za-z .'’-]{{1,40}},\s+(?:[A-Z][a-z]+,?\s+)?(?:{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RE},?\s+\d{{4}})"
    r"\s*(?:\([^)]*\)\s*)?[-–—:]\s*"
)


SINCE = re.compile(r"\b(?:since|starting|beginning)\s+(?:on\s+|in\s+)?(?:last\s+)?$", re.I)


DAY_ORDINALS = {w: int(n) for w, n in rows("day_ordinals", 2)}
# "the fifth of June", "the thirtieth of May": an ordinal word before a month
DAY_WORD = re.compile(rf"\b({alternation(DAY_ORDINALS)})\s+(?=of\s+{MONTH_RE}\b)", re.I)


def resolve(text: str, anchor: DateRange | None) -> tuple[DateRange | None, str]:
    """Resolve the first absolute or deictic date expression in ``text``.

    A leading dateline ("BAGHDAD, July 2, 2025 -") is when the text was
    filed, not when its event happened, so it is skipped.  "since October
    17" is a period: from that day to the writing date.  Returns (range,
    matched text); (None, "") when there is none or it cannot be resolved
    without an anchor.
    """
    text = DATELINE_PREFIX.sub("", text, count=1)
    # ("on the thirtieth of May 1378": the 30th, written as long as the word, so that the words matched are the text's)
    said, text = text, DAY_WORD.sub(lambda w: f"{DAY_ORDINALS[w.group(1).lower()]}th".ljust(len(w.group(0)) - 1) + " ", text)
    found, m = _resolve(text, anchor)
    if found is None or m is None:
        return None, ""
    if SINCE.search(text[: m.start()]):
        if anchor is None or anchor.end < found.start:
            return None, ""  # a period whose end the text does not give
        return DateRange(found.start, anchor.end, "range"), f"since {said[m.start() : m.end()]}"
    return found, said[m.start() : m.end()]


def _day_span(text: str, anchor: DateRange | None) -> tuple[DateRange | None, re.Match[str] | None]:
    """A span of days of one month, with its year or in the year the anchor puts its last day in."""
    m = DAY_SPAN.search(text)
    if not m:
        return None, None
    g = m.groupdict()
    mon = month_number(g["month"] or g["month2"])
    first, last = int(g["d1"] or g["d5"]), int(g["d2"] or g["d3"] or g["d4"] or g["d6"])
    year = g["year"] or g["year2"]
    if not first < last:
        return None, None
    try:
        if year:
            return DateRange(date(int(year), mon, first), date(int(year), mon, last), "range"), m
        if anchor is None:
            return None, None
        end = _over_anchor(anchor, _latest(mon, last), "day")  # its last day, on or before the writing day
        return DateRange(end.start.replace(day=first), end.end, "range"), m
    except ValueError:
        return None, None


def _months_span(text: str) -> tuple[DateRange | None, re.Match[str] | None]:
    """A span across two months with its year ("from 11 May to 23 June 1854"): the first day in the year
    before when its month comes after the last day's ("December 28 to January 3, 1990")."""
    m = MONTHS_SPAN.search(text)
    if not m:
        return None, None
    g = m.groupdict()
    m1, m2 = month_number(g["m1"] or g["m3"]), month_number(g["m2"] or g["m4"])
    year = int(g["year"])
    try:
        first = date(year - (m1 > m2), m1, int(g["d1"] or g["d3"]))
        last = date(year, m2, int(g["d2"] or g["d4"]))
    except ValueError:
        return None, None
    return (DateRange(first, last, "range"), m) if first < last else (None, None)  # ("from Sunday, May 21 to Sunday, May 28, 1871")


def _latest(mon: int, day: int):
    """For an anchor day: the latest ``day`` of month ``mon`` on or before it (a date without a year)."""

    def on(d: date) -> DateRange:
        x = date(d.year if (mon, day) <= (d.month, d.day) else d.year - 1, mon, day)
        return DateRange(x, x, "day")

    return on


# "On June 29 (July 10)", "On June 14 (25), 1771": a day of the Julian calendar, then the Gregorian one (10 to 13
# days later in 1582-1923): the text says either may be meant, so both and the days between
OLD_NEW_STYLE = re.compile(rf"\b(?P<m1>{MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?P<paren>\((?:(?P<m2>{MONTH_RE})\s+)?(?P<d2>\d{{1,2}})\))"
                           rf"(?:,?\s+{DATE_YEAR_RE}\b)?"
                           rf"|\b(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m3>{MONTH_RE})\s*(?P<paren2>\((?P<d4>\d{{1,2}})(?:\s+(?P<m4>{MONTH_RE}))?\))"
                           rf"(?:,?\s+{DATE_YEAR_RE}\b)?")
OLD_NEW_DAYS = (10, 13)


def _old_and_new_style(text: str, anchor: DateRange | None) -> tuple[DateRange | None, re.Match[str] | None]:
    m = OLD_NEW_STYLE.search(text)
    if m is None:
        return None, None
    g = m.groupdict()
    paren = "paren" if g["paren"] else "paren2"
    first, fm = _resolve(text[: m.start(paren)].rstrip() + text[m.end(paren) :], anchor)
    if first is None or fm is None or not fm.start() <= m.start() < fm.end():
        return None, None
    m1 = month_number(g["m1"] or g["m3"])
    m2 = month_number(g["m2"] or g["m4"]) if (g["m2"] or g["m4"]) else m1 if int(g["d2"] or g["d4"]) > int(g["d1"] or g["d3"]) else m1 % 12 + 1
    try:
        second = date(first.start.year + (m2 < m1), m2, int(g["d2"] or g["d4"]))
    except ValueError:
        return None, None
    if not OLD_NEW_DAYS[0] <= (second - first.start).days <= OLD_NEW_DAYS[1]:
        return None, None
    return DateRange(first.start, second, "range"), m


def _resolve(text: str, anchor: DateRange | None) -> tuple[DateRange | None, re.Match[str] | None]:
    both, bm = _old_and_new_style(text, anchor)
    if both is not None:
        return both, bm
    # a span of days before any single date ("October 26-28" holds the single date "October 26"; only
    # when a span is there are the single dates looked for twice)
    span, sm = _day_span(text, anchor)
    across, am = _months_span(text)
    if across is not None and (span is None or am.start() < sm.start()):
        span, sm = across, am
    if span is not None:
        others = [x.start() for x in (FULL_DATE.search(text), MONTH_DAY.search(text)) if x]
        if not others or sm.start() <= min(others):
            return span, sm
    m = FULL_DATE.search(text)
    dotted = DOTTED_DATE.search(text)
    if dotted and (m is None or dotted.start() < m.start()):
        try:
            d = date(int(dotted["year"]), int(dotted["month"]), int(dotted["day"]))
            return DateRange(d, d, "day"), dotted
        except ValueError:
            pass
    if m:
        g = m.groupdict()
        try:
            d = date(int(g["year"] or g["year2"]), month_number(g["month"] or g["month2"]), int(g["day"] or g["day2"]))
            return DateRange(d, d, "day"), m
        except ValueError:
            pass
    m = MONTH_PAIR.search(text)
    if m and month_number(m["m1"]) < month_number(m["m2"]):
        year = int(m["year"])
        return DateRange(_month_range(year, month_number(m["m1"])).start, _month_range(year, month_number(m["m2"])).end, "range"), m
    m = MONTH_YEAR.search(text)
    if m:
        return _month_range(int(m["year"]), month_number(m["month"])), m
    m = YEAR_PART.search(text)
    if m:
        return _year_part(int(m["year"]), m["part"].lower()), m
    if anchor is None:
        return None, None
    m = MONTH_DAY.search(text)
    if m:
        g = m.groupdict()
        mon, day = month_number(g["month"] or g["month2"]), int(g["day"] or g["day2"])
        try:
            return _over_anchor(anchor, _latest(mon, day), "day"), m
        except ValueError:
            pass
    first = None
    own = OWN_WEEKDAY.search(text)
    if own and all(OWN_WEEKDAY.match(text, w.start("wd")) for w in WEEKDAY.finditer(text)):
        # "Saturday's fighting ... rose to a dozen today": the day the event is named by, when no other
        # weekday is named ("killed on Wednesday ... Monday's election": Wednesday)
        wd = WEEKDAYS.index(own["wd"].lower())
        first = (lambda d: _last_weekday(d, wd), "day", own)
    for rx, fn, prec in (
        (WEEKEND, _weekend, "range"),
        (EARLIER_THIS_WEEK, lambda d: DateRange(d - timedelta(d.weekday()), d, "range"), "range"),
        (LAST_WEEK, _last_week, "week"),
        (EARLIER_THIS_MONTH, lambda d: DateRange(d.replace(day=1), d, "range"), "range"),
        (LAST_MONTH, lambda d: _month_range(d.year - (d.month == 1), (d.month - 2) % 12 + 1), "month"),
        (YESTERDAY, lambda d: DateRange(d - timedelta(1), d - timedelta(1), "day"), "day"),
        (LAST_NIGHT, lambda d: DateRange(d - timedelta(1), d, "range"), "range"),
        (TODAY, lambda d: DateRange(d, d, "day"), "day"),
    ):
        m = rx.search(text)
        if m and (first is None or m.start() < first[2].start()):
            first = (fn, prec, m)
    if first is not None:
        # the earliest of these in the text ("fighting continued into last night ... last month's ouster")
        fn, prec, m = first
        return _over_anchor(anchor, fn, prec), m
    m = AGO.search(text)
    if m:
        n = number(m["n"]) * (7 if m["unit"].lower().startswith("week") else 1)
        return anchor.shift(-n), m
    m = IN_MONTH.search(text)
    if m:
        mon = month_number(m["month"])
        return _over_anchor(
            anchor, lambda d: _month_range(d.year if mon <= d.month else d.year - 1, mon), "month"
        ), m
    m = WEEKDAY.search(text)
    if m:
        wd = WEEKDAYS.index(m["wd"].lower())
        return _over_anchor(anchor, lambda d: _last_weekday(d, wd), "day"), m
    return None, None


def offset(text: str, event_at: int | None = None) -> tuple[int | None, str, bool]:
    """Days from the event the text refers back to, to this one; the words; and
    whether this event is the one named inside the phrase.

    "the following day", "three days later": +1, +3.  "N days after <this
    event>" and "a day before <this event>" put this event *before* the other
    one: when the event's own words (at ``event_at``) follow the phrase in the
    same clause ("The strikes came a day after a Huthi drone attack ..."), the
    sign flips.  An opening clause ("Two days after the attack, rockets hit
    ...") dates the event of the main clause, so it does not.
    """
    m = FOLLOWING.search(text)
    if m:
        n, flips = 1, m.group(0).lower().endswith("after")
    else:
        m = LATER_EARLIER.search(text)
        if not m:
            return None, "", False
        n = number(m["n"]) * (7 if m["unit"].lower().startswith("week") else 1)
        word = m["dir"].lower()
        n = n if word in ("later", "after") else -n
        flips = word in ("after", "before")
    inside = flips and event_at is not None and event_at >= m.end() and not CLAUSE_BREAK.search(text, m.end(), event_at)
    return (-n if inside else n), m.group(0), inside


def relative(text: str, previous: DateRange | None, event_at: int | None = None) -> tuple[DateRange | None, str]:
    """'the following day', 'three days later' relative to the previous event."""
    if previous is None:
        return None, ""
    n, words, _ = offset(text, event_at)
    if n is None:
        return None, ""
    return previous.shift(n), words


def nearest_day(previous: DateRange, day: int, which: str | None = None) -> DateRange | None:
    """The ``day`` of a month nearest the previous day the text named ("on the 24th" after September 15:
    September 24; "advanced on the 15th" in a letter of June 19: June 15); "instant" is the same month,
    "ult." the month before."""
    d = previous.end
    months = [(d.year - (d.month == 1), (d.month - 2) % 12 + 1), (d.year, d.month), (d.year + (d.month == 12), d.month % 12 + 1)]
    if which:
        months = months[:1] if which.lower().startswith("ult") else months[1:2]
    found = []
    for year, month in months:
        try:
            found.append(date(year, month, day))
        except ValueError:
            continue
    if not found:
        return None
    x = min(found, key=lambda x: (abs((x - d).days), x < d))
    return DateRange(x, x, "day")


def has_relative(text: str) -> bool:
    return bool(FOLLOWING.search(text) or LATER_EARLIER.search(text))


# "Today marks 16 years since ...", "the 39th anniversary of ...", "134 years ago today", "the same day in 1974":
# the day of the text, so many years before.  (Not a bare "N years ago": "the base, first used 20 years ago, was
# hit on Monday".)
YEARS_BEFORE = re.compile(
    rf"\bmark(?:s|ed|ing)?\s+(?P<a>\d+|{alternation(NUMBER_WORDS)})\s+years?\s+(?:since|of|after)\b"
    rf"|\b(?P<b>\d+|{alternation(NUMBER_WORDS)})\s+years?\s+ago\s+today\b"
    r"|\b(?P<c>\d+)(?:st|nd|rd|th|t)\s+anniversary\b", re.I)
SAME_DAY_IN = re.compile(r"\bthe same (?:day|date) in (?P<year>\d{4})\b"
                         # "Today in 1704, ...", "On this day in history, 1704:": the day of the text, in that year
                         r"|\b(?:today|on this (?:day|date))(?: in history)?,? (?:in )?(?P<then>\d{4})\b", re.I)


def anniversary(found: DateRange, text: str, event_at: int | None = None) -> tuple[DateRange, str] | None:
    """The day of an anniversary's event: ``found`` (the day the text speaks of) in the year the text
    gives, or so many years before (None when the text says neither).  An event named before "the Nth
    anniversary" (``event_at``, its offset in ``text``) is not the anniversary's: "Wuchang ... finally fell on
    October 10, 1926, on the 15th anniversary of the Wuchang Uprising" fell that day."""
    same = SAME_DAY_IN.search(text)
    m = YEARS_BEFORE.search(text)
    if m and m.group("c") and event_at is not None and event_at < m.start():
        m = None
    if same:
        year, why = int(same.group("year") or same.group("then")), same.group(0)
    elif m:
        n = number(m.group("a") or m.group("b") or m.group("c"))
        year, why = found.start.year - n, m.group(0)
    else:
        return None
    if found.start.year != found.end.year or not 1 <= year <= 9999:
        return None

    def moved(d: date) -> date:
        return d.replace(year=year) if not (d.month == 2 and d.day == 29) else date(year, 2, 28)

    return DateRange(moved(found.start), moved(found.end), found.precision), why
