"""Events of another type (or the same type again) that a sentence reports in clauses of their own:
"Attackers targeted a Malian army base on Monday and fired shells at the airport in ... Timbuktu"."""

from __future__ import annotations

import re

from ..model import Article, Mention, Sentence
from ..places.gazetteer import Gazetteer
from .dating import resolve as resolve_date
from .report import Report
from .heads import verb_clause
from .same_event import compatible_types
from ..text import dates
from ..text.lexicon import alternation, mapping
from .unrest import crowd_or_armed
from .triggers import BACKGROUND, CLAUSE_JOIN, NAMED_FIGHT, clause_triggers, weak
from .where import country_only, event_places

# "Beersheba was taken on Oct. 31, Gaza on Nov. 7, Jaffa on Nov. 19": the head of a list whose items leave the verb out
GAPPED = mapping("gapped_deeds")
GAP_HEAD = re.compile(rf"\b(?:was|were|had been|has been)\s+(?:\w+\s+)?(?P<verb>{alternation(GAPPED)})\s+(?=(?:on|in)\s)", re.I)
# "the town of Urfa": an item named with the kind of place it is
TOWN_OF = r"(?:the\s+(?:[\w-]+\s+)?(?:town|city|port|village|fort|fortress)\s+of\s+)?"
# ... or told actively, its first item after the verb ("the French occupied Kilis on 29 October 1919 and Antep on
# 5 November 1919")
GAP_ACTIVE = re.compile(rf"\b(?P<verb>{alternation(GAPPED)})\s+{TOWN_OF}(?=[A-Z])")
GAP_BEFORE = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+){TOWN_OF}")
GAP_WHEN = re.compile(r"\s+(?:on|in)\s+(?:(?!\s+and\s)[^,;])*(?:,\s*\d{4}\b)?")

# "captured Braniewo, afterwards doing the same with Frombork and Tolkmicko": the same deed at more places
SAME_DEED = re.compile(rf"\b(?:doing|did|does|do|done)\s+the\s+same\s+(?:with|to|at|in|for)\s+{TOWN_OF}", re.I)

# "at Ain Jalut in 1260 and Elbistan in 1277": a list item's own year
ITEM_YEAR = re.compile(r"\s+in\s+\d{4}\b(?!\s*[-–])")

# "... in 1713-21 and again in 1742": the deed done again, on a day of its own
AGAIN_WHEN = re.compile(r",?\s+and\s+(?:then\s+)?again\s+(?P<when>(?:in|on)\s+[^,;.]{1,40})", re.I)
# "the Battle of Landskrona (1677)": the day said right after a fight's name
NAMED_WHEN = re.compile(r"\s*(?:\(|,\s+)(?:fought\s+)?(?:on\s+|in\s+)?(?=[\dA-Z])[^,;()]{0,30}\d{4}\)?")

# what a riot's crowd does is the riot itself ("Protesters ... broke windows and overran a police station")
CROWD_DEEDS = {"armed_clash", "attack_on_installation", "protest_siege"}


def other_clauses(article: Article, sent: Sentence, i: int, c: Report, tm: re.Match[str], ms: list[Mention],
                   gaz: Gazetteer) -> list[Report]:
    """Events of another type the sentence reports in clauses of their own, each where its verb says:
    "Attackers targeted a Malian army base on Monday and fired shells at the airport in ... Timbuktu"
    (an armed clash and a shelling), "Croatian forces shot down a federal air force plane" after "The
    heaviest fighting was in and around Vukovar".  Only a verb (the parse says so) in another clause,
    never a bare killing, never one of a clause about an earlier event; the date is the sentence's, or the
    one the clause names."""
    out: list[Report] = []
    text = sent.text
    kinds = {c.event_type}
    bg = BACKGROUND.search(text)
    for slug, m in clause_triggers(text):
        if slug == "protest_siege":
            slug = crowd_or_armed(slug, m, text)  # ("... and by storming Zhenbao Island": no crowd, fighting)
        again = m.start() != tm.start() and any(compatible_types(slug, k) for k in kinds)
        if slug == "other" or weak(slug, m) or (again and slug != c.event_type) or (
                not again and any(compatible_types(slug, k) for k in kinds)):
            continue
        if c.event_type == "riot" and slug in CROWD_DEEDS:
            continue  # "Protesters ... broke windows and overran a police station": the riot itself
        (_, a), (b, _) = sorted([(tm.start(), tm.end()), (m.start(), m.end())])
        join = CLAUSE_JOIN.search(text, a, b)
        if not join or (bg and (m.start() > bg.start()) != (tm.start() > bg.start())):
            continue
        if not verb_clause(text, m.start(), m.end(), (tm.start(), tm.end())):
            continue
        # the same kind again: the places of its own clause ("targeted the Vaziani base ..., as well as bombed the
        # Kareli and Gori districts"); the most specific place of the whole sentence is the first event's
        own_clause = again and m.start() > tm.start()
        own = [x for x in ms if x.start >= sent.start + join.start()] if own_clause else ms
        places = event_places(article.text, sent, own, gaz, sent.start + m.start(), False)
        if again:
            # "... had bombed the town of Najran ..., and that the port of Jizan had been bombed": the same kind
            # of event in a clause of its own, at a place of its own
            taken = {p.key for r in (c, *out) for _, p, _ in r.places}
            places = [x for x in places if x[1].key not in taken]
        if places and not country_only(places):
            kinds.add(slug)
            when, words = (resolve_date(text[join.start():], c.written, c.story_year) if own_clause else (None, ""))
            if m.start() < join.start() and c.date is not None:
                # "In 1642, Li captured Xiangyang ..., and his rebels captured and sacked Beijing in April 1644":
                # a clause before the report's with a year of its own before the report's day
                first, first_words = resolve_date(text[: join.start()], c.written, c.story_year)
                if first is not None and first.end < c.date.start:
                    when, words = first, first_words
            if own_clause and when is None and c.date is not None and dates.has_relative(text[join.start():]):
                # "They took Danyang on May 19 and seized Changzhou a week later": counted from the first report's day
                when, words = dates.relative(text[join.start():], c.date, m.start() - join.start())
            # ... on a day of its own when its clause names one ("and on May 14 that the port of Jizan had been bombed")
            out.append(Report(sent, i, slug, m.group(0), sent.start + m.start(), places, date=when or c.date,
                              date_text=words if when else c.date_text, relative=c.relative, story_year=c.story_year))
    out.extend(gapped(sent, i, c, ms, {p.key for r in (c, *out) for _, p, _ in r.places}))
    out.extend(named_fights(sent, i, c, ms, {p.key for r in (c, *out) for _, p, _ in r.places}))
    out.extend(again_later(sent, i, c))
    out.extend(the_same(sent, i, c, ms, {p.key for r in (c, *out) for _, p, _ in r.places}))
    out.extend(dated_items(sent, i, c, ms, {p.key for r in (c, *out) for _, p, _ in r.places}))
    return out


def dated_items(sent: Sentence, i: int, c: Report, ms: list[Mention], taken: set[str]) -> list[Report]:
    """The items of a list that each carry a year of their own, the report's deed at each: "the Mamluk victories over
    Mongols at Ain Jalut in 1260 and Elbistan in 1277", "two defeats ..., at Jalandhar in 1298 and Kili in 1299"."""
    text = sent.text
    own = sorted((m for m in ms if m.place is not None and m.place.precision != "country" and sent.start <= m.start < sent.end),
                 key=lambda m: m.start)
    run: list = []
    for m in own:
        when = ITEM_YEAR.match(text, m.end - sent.start)
        if when and run and GAP_BEFORE.fullmatch(text, run[-1][1].end(), m.start - sent.start):
            run.append((m, when))
            continue
        if len(run) >= 2:
            break
        run = [(m, when)] if when else []
    out: list[Report] = []
    for m, when in run if len(run) >= 2 else []:
        day, words = resolve_date(when.group(0), c.written, c.story_year)
        if day is not None and [p.key for _, p, _ in c.places] == [m.place.key]:
            c.date, c.date_text = day, words  # (the report's own place: its item's year, not the sentence's last)
        if day is None or m.place.key in taken:
            continue
        taken.add(m.place.key)
        out.append(Report(sent, i, c.event_type, c.trigger, c.trigger_at, [(m, m.place, False)], date=day, date_text=words,
                          story_year=c.story_year))
    return out


def the_same(sent: Sentence, i: int, c: Report, ms: list[Mention], taken: set[str]) -> list[Report]:
    """The report's deed at each place of the list after "doing the same with": "The Swedes quickly captured
    Braniewo, afterwards doing the same with Frombork and Tolkmicko" (a capture at Frombork and one at Tolkmicko),
    on the report's day."""
    same = SAME_DEED.search(sent.text, max(0, c.trigger_at - sent.start))
    if same is None or not c.places:
        return []
    out, end = [], same.end()
    for m in sorted(ms, key=lambda m: m.start):
        at = m.start - sent.start
        if at < end or m.place is None:
            continue
        if at != end and not GAP_BEFORE.fullmatch(sent.text, end, at):
            break
        end = m.end - sent.start
        if m.place.precision != "country" and m.place.key not in taken:
            taken.add(m.place.key)
            out.append(Report(sent, i, c.event_type, same.group(0).strip(), sent.start + same.start(), [(m, m.place, False)],
                              date=c.date, date_text=c.date_text, relative=c.relative, story_year=c.story_year))
    return out


def again_later(sent: Sentence, i: int, c: Report) -> list[Report]:
    """The deed done again on a day of its own: "The Russians occupied Helsinki in 1713-21 and again in 1742" (a
    second occupation of Helsinki, in 1742)."""
    again = AGAIN_WHEN.search(sent.text, c.trigger_at - sent.start)
    if again is None or not c.places:
        return []
    day, words = resolve_date(again["when"], c.written, c.story_year)
    first, first_words = resolve_date(sent.text[c.trigger_at - sent.start : again.start()], c.written, c.story_year)
    if day is not None and first is not None and (c.date is None or day.overlaps(c.date)):
        # ("in 1713 and again in 1742": the sentence's year, its last, is the second deed's; the first's is its own)
        c.date, c.date_text = first, first_words
    if day is None or c.date is None or day.overlaps(c.date):
        return []
    return [Report(sent, i, c.event_type, c.trigger, c.trigger_at, list(c.places), date=day, date_text=words,
                   story_year=c.story_year)]


def named_fights(sent: Sentence, i: int, c: Report, ms: list[Mention], taken: set[str]) -> list[Report]:
    """Each fight a sentence names by its place besides the one its report is of, on the day said right after
    its name: "While the Battle of Lund on 4 December 1676 was of decisive importance ..., the Battle of
    Landskrona on 14 July 1677 played a significant part" (a fight at Landskrona on 14 July 1677)."""
    text, out = sent.text, []
    at = {m.start - sent.start: m for m in ms if m.place is not None and m.place.precision != "country"}
    for name in NAMED_FIGHT.finditer(text):
        m = at.get(name.end())
        if m is None or m.place.key in taken or name.start() <= c.trigger_at - sent.start < name.end():
            continue
        when = GAP_WHEN.match(text, m.end - sent.start) or NAMED_WHEN.match(text, m.end - sent.start)
        day, words = resolve_date(when.group(0), c.written, c.story_year) if when else (None, "")
        taken.add(m.place.key)
        out.append(Report(sent, i, "armed_clash", name.group(0), sent.start + name.start(), [(m, m.place, False)],
                          date=day or c.date, date_text=words if day else c.date_text, relative=c.relative and not day,
                          story_year=c.story_year))
    return out


def gapped(sent: Sentence, i: int, c: Report, ms: list[Mention], taken: set[str]) -> list[Report]:
    """The items of a list whose verb only its head says, each on its own day: "Beersheba was taken on Oct. 31,
    Gaza on Nov. 7, Jaffa on Nov. 19" (a capture at each, where no other report of the sentence has the place)."""
    text, out = sent.text, []
    head = GAP_HEAD.search(text)
    own = [m for m in ms if m.place is not None and m.place.precision != "country" and sent.start <= m.start < sent.end]
    before = [m for m in own if m.end - sent.start <= head.start()] if head else []
    first = GAP_WHEN.match(text, head.end() - 1) if before else None
    if first is not None:
        items = [(before[-1], first)]
    else:
        head = GAP_ACTIVE.search(text)
        after = [m for m in own if m.start - sent.start == head.end()] if head else []
        first = GAP_WHEN.match(text, after[0].end - sent.start) if after else None
        if first is None:
            return out
        items = [(after[0], first)]
    end = first.end()
    for m in own:
        if m.start - sent.start < end:
            continue
        gap, when = GAP_BEFORE.fullmatch(text, end, m.start - sent.start), GAP_WHEN.match(text, m.end - sent.start)
        if not (gap and when):
            break
        items.append((m, when))
        end = when.end()
    if len(items) < 2:
        return out
    dated, last = [], None
    for m, when in items:
        # (an item without its year is in the year of the one before: "on Oct. 31, 1917, Gaza on Nov. 7")
        day, words = resolve_date(when.group(0), c.written, last.end.year if last else c.story_year)
        if day is not None and last is not None and day.end < last.start:
            day, words = resolve_date(when.group(0), c.written, last.end.year + 1)
        last = day or last
        if day is not None:
            dated.append((m, day, words))
    keys = {m.place.key for m, _, _ in dated}
    if dated and {p.key for _, p, _ in c.places} <= keys:
        # the sentence's report is of the list itself: it becomes the head's, each other item one of its own
        m, c.date, c.date_text = dated[0]
        c.places = [(m, m.place, False)]
        taken = (taken - keys) | {m.place.key}
    for m, day, words in dated:
        if m.place.key not in taken:
            taken.add(m.place.key)
            out.append(Report(sent, i, GAPPED[head["verb"].lower()], head.group(0), sent.start + head.start(),
                              [(m, m.place, False)], date=day, date_text=words, story_year=c.story_year))
    return out
