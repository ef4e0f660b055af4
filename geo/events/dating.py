"""Dating event reports across a page, and the follow-up sentences that complete them.

Dates, per page, in this order (the first, each sentence's own expression,
is read in :func:`geo.events.extract.reports`):

1. absolute and deictic expressions, against the section's writing date;
2. an undated incident takes the date of the one dated incident of the same
   type in the same country on the page ("U.S. forces struck three Iranian
   nuclear facilities over the weekend" dates "bombs ... Iran's Fordo
   nuclear site");
3. "the following day" / "N days later" count from the previous incident
   ("came a day after <this event>" counts back from it; with no dated
   previous incident, it only moves the upper bound back);
4. an undated sentence right after a dated incident sentence inherits it.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta
from functools import lru_cache

from ..model import REMOTE_EVENTS, Article, DateRange, Section, Sentence
from ..text import dates
from ..text.articles import parse_dateline
from ..text.calendar import COUNTED, DATE_YEAR_RE, MONTH_RE, MONTHS, OLD_DATE_YEAR_RE, YEAR_RE
from ..text.lexicon import alternation, rows, words
from .casualties import states_casualties
from .report import Report
from .triggers import ANAPHOR, EVENT_ANAPHOR, FOREIGN_CLOCK, OVERNIGHT, SEPARATE, triggers, weak
from .where import REPORTING_VERBS, in_dateline

log = logging.getLogger(__name__)

DATELINE_DAYS = 7  # how long before its paper's date a wire's dateline may be
# A year the story is told in ("In 1965 ...", "the Warsaw Uprising of 1944"), not the start or end of a
# period ("since 2014", "until 2019", "1992-93")
# (not a clock time: "around 10 p.m. (1900 GMT) on Monday", "at 0600 local time")
# (a year before 1700 only after a word that makes it one, not a count: "in early 1630", "the campaign of 1646", not
# "a force of 1500 men")
OLD_YEAR = rf"(?:{''.join(f'(?<={m.capitalize()} )|' for m in MONTHS)}(?<=\d, )|(?<=\bin )|(?<=\bIn )|(?<=\bof )|(?<=early )|(?<=\blate )|(?<=\bmid-)|(?<=summer )|(?<=spring )|(?<=autumn )|(?<=winter )|(?<=\byear ))1[0-6]\d\d(?!\s+(?:[\w-]+\s+)?(?:{COUNTED})\b)"
# ... and one of three figures only where it can be nothing else: after a month ("May 878"), "In 878," or "In 782 the"
# opening a clause, "the year 878", "AD 878", "878 AD" (not "in 106 Arab deaths", "a force of 600")
OLD_YEAR += (rf"|(?:{''.join(f'(?<={m.capitalize()} )|' for m in MONTHS)}(?<=\bIn )(?=\d{{3}}(?:,|\s+(?:the|he|she|they|it|his|her|their|a|an)\s))|(?<=\byear )|(?<=\bAD )|(?<=\bA\.D\. )"
             # ("Emesa fell in 613 to Shahrbaraz": a place's fall in that year)
             rf"|(?<=\bfell in )|(?<=\btaken in )|(?<=\bcaptured in )|(?<=\bsacked in )|(?<=\bbesieged in )|(?<=\bconquered in )"
             # ("In 536 Belisarius besieged the city": before a name and its verb; not "in 106 Arab deaths", a count)
             rf"|(?<=\b[Ii]n )(?=\d{{3}}\s+[A-Z][a-z]+\s+(?:[a-z]+ed|was|were|had|took|fell|won|led|made|sent|came|went|laid|began|drove|overran)\b)"
             # ("defeat of their forces in 955 at the battle of the Lechfeld", "The siege of Kiev ... in 968 (sub anno
             # 6476)", "in the spring of 968 near the town": a place or a bracket after it, or a season before it)
             rf"|(?<=\b[Ii]n )(?=\d{{3}}(?:\s*[;:(]|\s+(?:at|near|when|against|during|under)\s))"
             rf"|(?<=\bspring of )|(?<=\bsummer of )|(?<=\bautumn of )|(?<=\bwinter of )"
             rf"|{''.join(f'(?<={m.capitalize()} of )|' for m in MONTHS)[:-1]})"
             rf"{OLD_DATE_YEAR_RE}|{OLD_DATE_YEAR_RE}(?=\s*(?:AD|A\.D\.|CE)\b)")
# (every year begins with a figure: asked first, so that the look-behinds are tried only there)
STORY_YEAR = re.compile(rf"(?=\d)(?<![-–/\d])(?<!since )(?<!after )(?<!before )(?<!until )(?<!from )(?<!by )\b({YEAR_RE}|{OLD_YEAR})\b(?!\s*[-–/]\s*\d)"
                        rf"(?!\s*(?:{alternation(words('time_zones'))}|local time|hours|hrs)\b)")
PERIOD_BEFORE = re.compile(r"\b(?:since|until|till)\b[^.;]*$", re.I)  # "the most serious since the war of ... 1962"
YEAR_UNSURE_DAYS = 300  # a day or month with no year that would lie this far back, in the year before: its year is not known
MONTH_WORD = re.compile(rf"\b{MONTH_RE}", re.I)
HAS_YEAR = re.compile(rf"\b{DATE_YEAR_RE}\b")
OPENING_YEAR = re.compile(rf"\s*In (?P<year>{DATE_YEAR_RE}),")
# "seized Lanzhou in 1862": the year a sentence puts a deed in (not "in 1998-99", "in 1862's war")
IN_YEAR = re.compile(rf"\b[Ii]n (?P<year>{DATE_YEAR_RE})\b(?!\s*[-–/]\s*\d)(?!['’]s)")
# "fought from 1803 until 1837 in West Sumatra", "between 1568 and 1571", "in 1652–53": the years a deed spans
YEAR_SPAN = re.compile(rf"\b(?:[Ff]rom (?P<y1>{DATE_YEAR_RE}) (?:to|until|till|through)|[Bb]etween (?P<y2>{DATE_YEAR_RE}) and"
                       rf"|[Ii]n (?P<y3>{DATE_YEAR_RE})\s*[-–])\s*(?P<last>{DATE_YEAR_RE}|\d\d)\b(?!['’]s)")
LONG_AGO_YEARS = 20  # a story whose every year is this long before its writing date is a history told
ORDINALS = {w: int(n) for w, n in rows("ordinals", 2)}
DAYS_COUNT = rf"(?:{alternation(w for w, n in dates.NUMBER_WORDS.items() if 2 <= n <= 12)}|[2-9]|1[0-2])"  # "four", "12"
# "battled for a fourth day Sunday", "the third night of unrest": the days before it belong to the event too
ONGOING = re.compile(rf"\b(?:for|on|into) (?:a|the) (?P<n>{alternation(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th)) (?:straight |consecutive |successive )?"
                     r"(?:day|night)\b"
                     # "Four days of fighting ... have left 49 people dead", "violence broke out over three days"
                     rf"|\b(?P<days>{DAYS_COUNT}) days of "
                     rf"(?:{alternation([*words('event_nouns'), 'fighting', 'violence', 'unrest', 'protests', 'rioting'])})\b"
                     rf"|\bover (?:the (?:past|last) )?(?P<over>{DAYS_COUNT}) days\b",
                     re.I)


def widened(day: DateRange | None, why: str, text: str) -> tuple[DateRange | None, str]:
    """The sentence's date, made as wide as what else the sentence says of the event: it went on for days,
    began overnight, or is dated by another time zone's clock."""
    if day is None:
        return day, why
    going = ONGOING.search(text)
    if going and (day.end - day.start).days <= 1:
        n = (going["n"] or going["days"] or going["over"]).lower()
        back = ORDINALS.get(n) or dates.NUMBER_WORDS.get(n) or int(n.rstrip("stndrh"))
        if 1 < back <= 31:
            day, why = DateRange(min(day.start, day.end - timedelta(back - 1)), day.end, "range"), f"{why} ('{going.group(0)}': from {back - 1} days before)"
    if OVERNIGHT.search(text) and day.start == day.end:
        # "struck ... overnight, ... said on Sunday": the night may have begun the day before.
        day, why = DateRange(day.start - timedelta(1), day.end, "range"), f"{why} (overnight: from the evening before)"
    if FOREIGN_CLOCK.search(text):
        # "5:30 p.m. (EST) on January 7": another time zone's day may be the next or previous day here.
        day, why = DateRange(day.start - timedelta(1), day.end + timedelta(1), "range"), f"{why} (± 1 day: the text gives another time zone's clock)"
    return day, why


def told_years(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(end offset, year) of every year of a story told that ``text[start:end]`` names, in order."""
    return [(m.end(), int(m.group(1))) for m in STORY_YEAR.finditer(text, start, end)
            if not PERIOD_BEFORE.search(text, max(start, m.start() - 60), m.start())]


def dated_years(text: str, years: list[tuple[int, int]], start: int) -> list[tuple[int, int]]:
    """Those of ``years`` (:func:`told_years` of ``text`` from ``start``) that close a date with its month
    ("on 6 April 1941", "in September 1939"), not a bare year ("the ceasefire of 2003")."""
    return [(at, y) for at, y in years if MONTH_WORD.search(text, max(start, at - 20), at - 4)]


def story_year(text: str, start: int, end: int, written: DateRange | None) -> int | None:
    """The last year ``text[start:end]`` (the sentence and the one before) names, when it is at least two
    years before the writing date (or there is none): a history told, in which "on September 8" is of that year."""
    years = told_years(text, start, end)
    if not years or (written is not None and years[-1][1] >= written.start.year - 1):
        return None
    return years[-1][1]


@lru_cache(maxsize=16)
def _section_years(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """:func:`told_years` of a section, read once for every report of it (one article at a time)."""
    return tuple(told_years(text, start, end))


def year_told(article, i: int, anchor: DateRange | None) -> int | None:
    """The year of the story sentence ``i`` tells, for a day or month it names with none: the one the sentence or
    the one before names (:func:`story_year`), else
    the story's so far, its title's, or, in a story whose every year is a generation before the writing date and
    that has named none yet, the first date with a year it names after ("... the recapture of Cēsis on June 23.
    On July 3, 1919, the Estonian forces reached the city")."""
    sent = article.sentences[i]
    before = article.sentences[i - 1]
    section_years = _section_years(article.text, sent.section.start, sent.section.end)
    told = story_year(article.text, before.start if i and before.section == sent.section else sent.start, sent.end, anchor)
    if told is not None:
        return told
    so_far = [(at, y) for at, y in section_years if at <= sent.end]
    title = sent.section.title or ""
    titled = [] if so_far else told_years(title, 0, len(title))  # "The Warsaw Uprising of 1944"
    if anchor is None:
        # an undated page of history: the last year the story has named so far ("... in April 1877. ...
        # The Russians crossed the Danube in June. On 16 July the vanguard captured Nikopol"), or its title
        # or, naming none yet, the first date with a year it names after ("...on February 19, the stronghold of
        # Gray also falls to the French. ... arriving on February 24, 1668")
        if so_far or titled:
            return so_far[-1][1] if so_far else titled[-1][1]
        later = dated_years(article.text, section_years, sent.section.start)
        return later[0][1] if later else None
    long_ago = anchor.start.year - LONG_AGO_YEARS
    if so_far and max(y for _, y in so_far) <= long_ago:
        # a page of today about long ago: the year of the story's last date so far, every year it names a
        # generation before the writing date ("bombed Belgrade on 6 April 1941 ... on April 6 and 7", in 2013)
        dated = dated_years(article.text, so_far, sent.section.start)
        return dated[-1][1] if dated else None
    if titled and max(y for _, y in titled) <= long_ago:
        # ... whose text names no year but whose title does: "On 5 August first German units ..." under
        # "The Warsaw Uprising of 1944", written in 2015
        return titled[-1][1]
    if not so_far and section_years and max(y for _, y in section_years) <= long_ago:
        later = dated_years(article.text, section_years, sent.section.start)
        return later[0][1] if later else None
    return None


def resolve(text: str, anchor: DateRange | None, year: int | None) -> tuple[DateRange | None, str]:
    """The sentence's own date expression (:func:`geo.text.dates.resolve`); a day or month it names without
    a year is of the story's ``year`` when there is one ("In 1965 ... Two days later on September 8")."""
    found, words = dates.resolve(text, anchor)
    opening = OPENING_YEAR.match(text) if found is None else None
    if opening is not None:
        # "In 1708, Moscow troops ... captured Baturyn": a year that opens the sentence is the event's
        return DateRange.year(int(opening["year"])), opening.group(0)
    if year is None and found is not None and anchor is not None and MONTH_WORD.search(words) and not HAS_YEAR.search(words) \
            and (found.end.month, found.end.day) > (anchor.end.month, anchor.end.day) \
            and (anchor.end - found.end).days > YEAR_UNSURE_DAYS:
        # "On October 25, the Israelis renewed their attempt" in a page of October 24, no year in sight: not the
        # October 25 of the year before (taken only up to ten months back: "in September", in June), but a year
        # the text does not give
        return None, ""
    if year is None or (found is not None and not MONTH_WORD.search(words)) or HAS_YEAR.search(words):
        return (found, words) if found is not None else _in_year(text, anchor)
    last = date(year, 12, 31)
    told, told_words = dates.resolve(text, DateRange(last, last, "day"))
    if told is not None and MONTH_WORD.search(told_words) and not HAS_YEAR.search(told_words):
        return told, told_words
    return (found, words) if found is not None else _in_year(text, anchor)


def _in_year(text: str, anchor: DateRange | None) -> tuple[DateRange | None, str]:
    """"The Hui Muslims seized Lanzhou in 1862", on a page written a generation later (or undated): the one year
    the sentence puts a deed in (not "Russia, which annexed Crimea in 2014, struck Kharkiv" in a page of 2022)."""
    years = {int(m["year"]): m.group(0) for m in IN_YEAR.finditer(text)}
    spans = list(YEAR_SPAN.finditer(text))
    if not years and len(spans) == 1:
        m = spans[0]
        first = int(m["y1"] or m["y2"] or m["y3"])
        last = int(m["last"]) if len(m["last"]) == 4 else first // 100 * 100 + int(m["last"])
        if first < last and (anchor is None or last <= anchor.start.year - LONG_AGO_YEARS):
            return DateRange(date(first, 1, 1), date(last, 12, 31), "range"), m.group(0)
    if len(years) != 1 or (anchor is not None and min(years) > anchor.start.year - LONG_AGO_YEARS):
        return None, ""
    (y, words), = years.items()
    return DateRange.year(y), words


def day_of_month(article: Article, i: int, anchor: DateRange | None, year: int | None) -> tuple[DateRange | None, str]:
    """"They took Gradsko on the 24th": that day of the month nearest the last day the story has named in the
    sentences before (of its section, at most three back: "... on September 15, 1918 ..."); (None, "") else."""
    sent = article.sentences[i]
    m = dates.ORDINAL_DAY.search(sent.text)
    if m is None:
        return None, ""
    for back in article.sentences[max(0, i - 3):i][::-1]:
        if back.section != sent.section:
            break
        day, words = resolve(back.text, anchor, year)
        if day is not None and day.precision == "day":
            after = dates.nearest_day(day, int(m["day"]), m["which"])
            return (after, f"'{m.group(0)}' after '{words}'") if after is not None else (None, "")
    return None, ""


def writing_day(article: Article, section: Section) -> DateRange | None:
    """What "today", "yesterday" and "on Tuesday" count from: the day of the dated dateline that opens
    the section ("NEW YORK, December 6. United Nations jets today strafed ..." in a paper of December 7)
    when that is up to a week before the section's writing date; otherwise the writing date."""
    return _writing_day(article.text[section.start : min(section.end, section.start + 160)], section.published)


# "ADDIS ABABA, ETHIOPIA, MAY 28 --": a month in a dateline written in capitals
UPPER_MONTH = re.compile(rf"\b(?:{alternation(m.upper() for m in MONTHS)})\b")


@lru_cache(maxsize=4096)
def _writing_day(opening: str, published: str | None) -> DateRange | None:
    opening = UPPER_MONTH.sub(lambda m: m.group(0).title(), opening)
    anchor = dates.parse_anchor(published)
    if anchor is None:
        return _dateline_day(opening)
    d, words = dates.resolve(opening, anchor)
    at = opening.find(words) if d is not None else -1
    if at < 0 or d.precision != "day" or not in_dateline(opening, at, at + len(words)):
        return anchor
    if not anchor.start - timedelta(DATELINE_DAYS) <= d.start <= anchor.end:
        return anchor
    return d


def _dateline_day(opening: str) -> DateRange | None:
    """No writing date given: the full date of the dateline that opens the text, if any ("Kilmallock, 29 May
    1920 - Two policemen were killed ... last night": written on 29 May 1920)."""
    m = dates.FULL_DATE.search(opening, 0, 80)
    if m is None or not in_dateline(opening, m.start(), m.end()):
        return None
    day = parse_dateline(m.group(0))
    return dates.parse_anchor(day) if day else None


def follow_ups(article: Article, cands: list[Report]) -> None:
    """The next sentence, when it is about the same event and no event of its own:
    "There were no reports of casualties in the attack late on Wednesday."  It
    becomes a source; it dates an undated incident and gives casualty figures."""
    taken = {c.sentence.start for c in cands} | {s.start for c in cands for s in c.context}
    for c in cands:
        j = _last(c) + 1
        if j >= len(article.sentences) or article.sentences[j].start in taken or c.same_as_previous:
            continue
        nxt = article.sentences[j]
        if nxt.section != c.sentence.section or not (ANAPHOR.search(nxt.text) or states_casualties(nxt.text)):
            continue
        kinds = {k for k, m in triggers(nxt.text) if not weak(k, m)}
        if kinds - {c.event_type} or SEPARATE.search(nxt.text):
            continue  # another event ("A separate drone attack killed two soldiers")
        c.follow.append(nxt)
        # Only a sentence about the event itself dates it: one about the place may
        # give its history ("the airport ... had been vacated on October 20"), and
        # a date after "since"/"after"/"than" is another event's.
        if c.date is None and not c.relative and (EVENT_ANAPHOR.search(nxt.text) or c.event_type in kinds):
            own = re.split(r"\b(?:since|after|before|than|following)\b", nxt.text, maxsplit=1)[0]
            d, words = dates.resolve(own, writing_day(article, nxt.section))
            if d:
                c.date, c.date_text = d, f"'{words}' in the next sentence"


def date_passes(cands: list[Report], sentences: list[Sentence] = ()) -> None:
    # 2. undated -> the one dated incident of the same type and country on the page
    for c in cands:
        if c.date or c.relative or not c.places or c.same_as_previous:
            continue
        dated = [
            o for o in cands
            if o is not c and o.own_date and o.event_type == c.event_type and o.country_only and o.countries & c.countries
        ]
        ranges = {o.date for o in dated}
        if len(ranges) == 1:
            c.date = dated[0].date
            c.date_text = f"as '{dated[0].date_text}' in: {dated[0].sentence.text[:60]}…"
            c.extra.extend(o.sentence for o in dated)
    # 3. relative to the previous incident in the same section
    prev: Report | None = None
    for c in cands:
        at = c.trigger_at - c.sentence.start
        # (with no dated report before it, the day the sentence before gives: "... was overwhelmed at battle of
        # Bình Lệ Nguyên on 17 January 1258. Five days later they captured and sacked Thang Long")
        before = own_date(sentences[c.index - 1])[0] if c.relative and not (prev and prev.date) and 0 < c.index <= len(sentences) \
            and sentences[c.index - 1].section is c.sentence.section else None
        if c.relative and (prev and prev.date or before and before.precision == "day"):
            c.date, c.date_text = dates.relative(c.sentence.text, prev.date if prev and prev.date else before, at)
        elif c.relative:
            # "The attack came six days after <this event>": with the attack
            # undated, this event is still at least six days before the writing.
            n, words, inside = dates.offset(c.sentence.text, at)
            if n is not None and n < 0 and inside:
                c.days_before, c.date_text = -n, f"'{words}' an undated event (so at least {-n} days before writing)"
        anchor = dates.parse_anchor(c.sentence.section.published)
        if c.date and anchor and c.date.start > anchor.end:
            log.warning("%s: %r would put the event on %s, after the writing date %s; the event is left undated. "
                        "If the text was written later, give its date as published: in the sidecar",
                        c.sentence.section.article, c.date_text, c.date.start.isoformat(), anchor.end.isoformat())
            c.date, c.date_text = None, ""  # a relative date after the writing date is a misreading
        if c.date:
            prev = c
    # 4. an undated sentence next to a dated report of the same event inherits its date
    #    (the sentence before, else the one after: a lead often dates the event second)
    for a, b in zip(cands[1:], cands):
        if a.own_date and _next_door(a, b, +1):
            b.date, b.date_text = a.date, f"as '{a.date_text}' in the next sentence"
    for a, b in zip(cands, cands[1:]):
        if _next_door(a, b, -1):
            b.date, b.date_text = a.date, f"as '{a.date_text}' in the previous sentence"


def _last(c: Report) -> int:
    """Index of the last sentence of its report (follow-ups included)."""
    return c.index + sum(s.start > c.sentence.start for s in [*c.context, *c.follow])


def _next_door(dated: Report, undated: Report, step: int) -> bool:
    """Is ``dated`` the report ``step`` away from ``undated``, of the same kind of event?

    Next to it, or one sentence further when the type is the very same ("An
    Iranian missile attack on Thursday morning struck ... At least six people
    ... Tel Aviv, Ramat Gan, and Holon were among the cities impacted during the
    large-scale missile barrage").
    """
    gap = undated.index - _last(dated) - 1 if step < 0 else dated.index - _last(undated) - 1
    same = dated.event_type == undated.event_type
    # One sentence further only when the undated one points back to the event, and never
    # across "in a separate incident".
    bridged = gap == 1 and same and bool(EVENT_ANAPHOR.search(undated.sentence.text)) and not SEPARATE.search(undated.sentence.text)
    return (
        undated.date is None
        and not undated.relative
        and dated.date is not None
        and (gap == 0 or bridged)
        and dated.sentence.section == undated.sentence.section
        and (same or {dated.event_type, undated.event_type} <= REMOTE_EVENTS)
        and bool(dated.countries & undated.countries)  # not "airstrikes on Syria ... Iran targeted Al Udeid"
    )


# "officials said Thursday", "the ministry announced on Monday": a reporting verb right before the date
REPORTED = re.compile(rf"\b(?:{REPORTING_VERBS})\s+(?:on\s+|late\s+|early\s+)?$", re.I)


def reported_on(text: str, date_words: str) -> bool:
    """Is the sentence's date that of a reporting verb ("said on Thursday") or of the dateline
    ("KATHMANDU, Feb 17: ...", "Kingston, May 27 (IANS/EFE) ..."), not of the event?"""
    at = text.find(date_words)
    if at < 0:
        return False
    return (at > 0 and bool(REPORTED.search(text, max(0, at - 30), at))) or in_dateline(text, at, at + len(date_words))


# "Earlier on Monday, state television reported that ...", "... announced Monday that": a date of the report
REPORTS_AFTER = re.compile(rf",?\s+(?:[\w'’-]+\s+){{0,4}}?(?:{REPORTING_VERBS})\b", re.I)


def past_the_report(text: str, at: int, words: str, day: DateRange, anchor, told) -> tuple[DateRange, str]:
    """The sentence's date when the one found first (at ``at``) is the day of a report and the sentence names
    another after it, on or before that day ("state television reported on Monday that rebels killed ... in an
    attack Saturday"); else the one found."""
    end = at + len(words)
    if not (REPORTED.search(text, max(0, at - 30), at) or REPORTS_AFTER.match(text, end)):
        return day, words
    other, other_words = resolve(" " * end + text[end:], anchor, told)  # (what is reported comes after)
    if other is None or other.end > day.end:
        return day, words
    return other, other_words


def date_of_the_town_before(out: list[Report], i: int, sent, place) -> tuple[DateRange | None, str]:
    """The date of the report, one or two sentences before, whose place a definite noun names again."""
    for r in reversed(out):
        if r.index < i - 2 or r.sentence.section != sent.section:
            break
        if r.date is not None and any(p.key == place.key for _, p, _ in r.places):
            return r.date, f"as '{r.date_text}' in the report of {place.name} before"
    return None, ""


def own_date(sent: Sentence) -> tuple[DateRange | None, str]:
    """The date a sentence's own words give, counted from its page's writing date (no story year, no sentence
    around it), and those words."""
    return dates.resolve(sent.text, dates.parse_anchor(sent.section.published))


def next_stage(sent: Sentence, prev: Report, slug: str) -> bool:
    """Does the sentence give a day or month of its own (by the month's name), later than the report before's?
    (Not the next day of the same kind of event: "riots broke out ... on the night of May 21. Riots continued
    to escalate into May 22 morning" is one riot.)"""
    own, told = own_date(sent)
    if own is None or own.precision not in ("day", "month") or MONTH_WORD.search(told) is None:
        return False
    return prev.date is None or (own.start - prev.date.end).days > (1 if slug == prev.event_type else 0)
