"""Incidents: an event of a known type at a place on a date.

A sentence is an event report when it holds an event trigger
(:mod:`geo.events.triggers`) and a place (:mod:`geo.events.where`); a
sentence naming several installations ("... at Camp Taji ... and the Imam
Ali base") gives one incident for each.  A sentence with a trigger and no
place takes the places of the next sentence when that one reports no event
of its own ("Drones struck two oil facilities ... fires at ... Abqaiq and
Khurais"); a next sentence about the same event ("no casualties in the
attack late on Wednesday") is a source too, and gives the date and
casualty figures when the first has none (differing figures give a low and
a high).  Dates: :mod:`geo.events.dating`.  Reports of one event are merged
by the one same-event rule (:mod:`geo.events.same_event`).

What is still undated has ``date_precision == "unknown"`` and only an upper
bound (the writing date).  Incidents that only a country can place are not
mapped; they are reported with their quotes.
"""

from __future__ import annotations

import re
from datetime import timedelta

from ..model import REMOTE_EVENTS, SCENE_EVENTS, WEAPON_EVENTS, Article, DateRange, Incident, Mention, Place, Sentence
from ..places.gazetteer import Gazetteer
from ..text import dates
from ..text.lexicon import alternation, words
from ..text.parse import parse_ahead
from .actors import ACTOR_WINDOW, capitals_as_forces, find_actors
from .casualties import casualties, vague_toll
from .dating import MONTH_WORD, date_of_the_town_before, next_stage, own_date, date_passes, past_the_report, reported_on, day_of_month, follow_ups, resolve as resolve_date, widened, writing_day, year_told
from .borrowed import finer_places, named_before, previous_places, scene_place
from .arguments import argument_reports, pronoun_reports
from .clauses import other_clauses
from .report import Report
from .attribution import PRONOUN_BEFORE, PRONOUN_SUBJECT, fuller_side, report_sides, subject_before
from .roles import roles
from .same_event import dates_overlap, merge_into_finer, merge_within
from .triggers import undergone, unreal, BACKGROUND, EVENT_ANAPHOR, clause_end, GENERIC_ATTACK, SAME_EVENT, SEPARATE, fallback, main_trigger, trigger, trigger_clause, weak, weapon_kinds
from .unrest import INSTALLATION_TARGETS, before_aircraft, crowd_or_armed
from .referents import THERE, locates_previous, there_places
from .where import in_dateline, PASSIVE_BEFORE, REPORTING_VERBS, country_only, dateline_places, event_places, places_next_door, rank

METONYM_POPULATION = 1_000_000  # a city this big may stand for its government ("Kiev attempted strikes")
ATTACK_WORD = re.compile(r"\b(?:attack(?:s|ed|ers)?|assault(?:s|ed)?|opened fire)\b", re.I)
CIVILIANS = re.compile(rf"\b(?:{alternation(words('civilian_words'))})\b", re.I)
COMBATANTS = re.compile(rf"\b(?:{alternation(words('combatant_words'))})\b", re.I)
CIVILIAN_TARGETS = re.compile(rf"\b(?:{alternation(words('civilian_words') + words('civilian_targets'))})\b", re.I)
ARMED_TARGETS = re.compile(rf"\b(?:{alternation(words('military_targets'))})\b", re.I)
ASSAULT = re.compile(r"\b(?:attack(?:ed|ing)|stormed|raided|opened fire|fired on)\b", re.I)
FOLLOW_UP = re.compile(rf"^(?:{alternation(words('follow_ups'))})\b", re.I)
SAME_FATE = re.compile(rf"\b(?:{alternation(words('same_fate'))})\b", re.I)  # "... Grodno and Lyda met the same fate"
REPORTED_AFTER = re.compile(rf"\s+(?:{REPORTING_VERBS})\b", re.I)
LOSSES = re.compile(r"\b(?:lost|losing)\s+(?:[\w,-]+\s+){0,4}?killed\b", re.I)  # "have lost 2,000 killed and 4,000 wounded"
TOOK_PLACE = re.compile(r"(?:It|The (?:battle|siege|fighting|engagement|attack|massacre)) (?:took place|was fought|began|started)\b")

def takes_side(event_type: str, other: str) -> bool:
    """May an event take its attacker from an event of type ``other`` the text tells beside it?  Not a shoot-down from
    another kind of event: the raiders the raid names are whose planes fell ("Three of the bombers were shot down")."""
    return event_type != "shoot_down" or other == "shoot_down"


def candidates(article: Article, mentions: list[Mention], gaz: Gazetteer) -> list[Report]:
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence.start, []).append(m)
    out: list[Report] = []
    placeless: tuple[int, str] | None = None  # (index, type) of the last event sentence that named no place
    for i, sent in enumerate(article.sentences):
        ms = by_sentence.get(sent.start, [])
        prev = out[-1] if out and out[-1].index == i - 1 and out[-1].sentence.section == sent.section else None
        fu = FOLLOW_UP.match(sent.text) or SAME_FATE.search(sent.text)
        if fu and REPORTED_AFTER.match(sent.text, fu.end()):
            fu = None  # "They also said the base in Taji was safe": what was said, not what was done
        if fu and fu.re is SAME_FATE and prev is None and out and i - 3 <= out[-1].index < i - 1 \
                and out[-1].sentence.section == sent.section \
                and not any(by_sentence.get(article.sentences[k].start) for k in range(out[-1].index + 1, i)):
            # "... broke into Hawarden Castle ... Once inside they killed many ... The next day, the castles at Flint
            # and Rhuddlan received the same treatment": past one or two sentences that name no place
            prev = out[-1]
        own = trigger(sent.text)
        if fu and prev is not None and any(m.place for m in ms) and (own is None or own[0] == "shoot_down") \
                and own_date(sent)[0] is None:
            # "A second drone was downed over Izmail", "The rest fell near Reni": the event before, elsewhere.
            places = event_places(article.text, sent, ms, gaz, sent.start)
            if places and not country_only(places):
                later, later_words = dates.relative(sent.text, prev.date)  # ("The next day, ... the same treatment")
                c = Report(sent, i, prev.event_type, fu.group(0), sent.start, places, date=later or prev.date,
                           date_text=f"'{later_words}' after '{prev.date_text}'" if later else
                           f"as '{prev.date_text}' in the previous sentence" if prev.date else "")
                out.append(c)
                continue
        hit = trigger(sent.text)
        # "The Battle of Lützen was ... It took place on 16 November 1632": the undated event before, dated
        took = TOOK_PLACE.match(sent.text) if hit is None and prev is not None and prev.date is None else None
        hit = (prev.event_type, took) if took else hit
        if hit is None and prev is not None and (EVENT_ANAPHOR.search(sent.text) or GENERIC_ATTACK.search(sent.text)
                                                 or locates_previous(sent, prev)):
            # "... Israeli airstrikes in Hama province. The Israeli attacks on the Masyaf countryside ...":
            # the event before, at a place inside the one it named.
            finer = finer_places(article.text, sent, ms, gaz, prev)
            if finer:
                gm = GENERIC_ATTACK.search(sent.text)  # "Iran targeted Al Udeid Air Base": its subject is the attacker
                out.append(Report(sent, i, prev.event_type, gm.group(0) if gm else "", sent.start + (gm.start() if gm else 0), finer, date=prev.date,
                                  date_text=f"as '{prev.date_text}' in the previous sentence" if prev.date else ""))
                continue
        generic = hit is None
        if generic:
            gm = GENERIC_ATTACK.search(sent.text)
            if gm and any(m.place and m.place.precision == "site" for m in ms):
                hit = ("attack_on_installation", gm)
            elif prev is None or not EVENT_ANAPHOR.search(sent.text):
                # "There was an attack this morning in the town of Adre": the last-resort rows
                hit = fallback(sent.text)
            if hit is None:
                continue
        slug, tm = main_trigger(sent, hit, ms)
        if unreal(sent.text, tm.start()):
            continue  # "or Budapest will be bombed", "threatened to bomb Kyiv": nothing happened
        if weak(slug, tm) and ATTACK_WORD.search(sent.text):
            # "An extremist attack on a hotel ... has killed 18 people": an attack, not a targeted killing
            slug = ("attack_on_installation" if any(m.place and m.place.precision == "site" for m in ms)
                    else "attack_on_civilians" if CIVILIANS.search(sent.text) else "armed_clash")
        if weak(slug, tm) and prev is not None and prev.event_type not in ("targeted_killing", "other") \
                and (EVENT_ANAPHOR.search(sent.text) or prev.country_only):
            # "Nine people were killed by the strikes in Kharkiv city": the event before, named again.
            slug = prev.event_type
        slug = crowd_or_armed(slug, tm, sent.text)
        bare_kill = weak(slug, tm)
        if bare_kill and out and out[-1].sentence.section == sent.section and LOSSES.search(sent.text):
            continue  # "The enemy were reported to have lost seven officers killed": the toll of the event before
        if bare_kill:
            # "Jihadists killed four Chadian troops", "37 civilians were killed": who died says what it was
            dead = _the_dead(sent.text, tm)
            slug = "attack_on_civilians" if CIVILIANS.search(dead) else "armed_clash" if COMBATANTS.search(dead) else slug
        verb = ASSAULT.search(tm.group(0)) if slug == "armed_clash" else None
        if verb:
            # "terrorists in a car attacked a cafe", "attacked their homes": who or what was attacked says what it was
            hit_what = sent.text[tm.start() + verb.end() : tm.start() + verb.end() + 50]
            if CIVILIAN_TARGETS.search(hit_what) and not (COMBATANTS.search(hit_what) or ARMED_TARGETS.search(hit_what)):
                slug = "attack_on_civilians"
            elif INSTALLATION_TARGETS.match(hit_what.lstrip()):  # "stormed two large prisons": an installation
                slug = "attack_on_installation"
        places = event_places(article.text, sent, ms, gaz, sent.start + tm.start(), bare_kill)
        slug = undergone(slug, tm, places, sent.start + tm.start(), article.text)
        same = bool(SAME_EVENT.search(sent.text))
        context: list[Sentence] = []
        bare = slug == "air_strike" and tm.group(0).lower().startswith("strike")
        if (generic or bare) and placeless and placeless[0] == i - 1 and (bare or EVENT_ANAPHOR.search(sent.text)) and (
                article.sentences[i - 1].section == sent.section):
            # "... killed in airstrikes on a Syrian airbase. The Tuesday night attack targeted
            # the T4 airbase": the sentence before says what kind of attack it was.
            slug, context = placeless[1], [article.sentences[i - 1]]
        if country_only(places) and not same and (slug in REMOTE_EVENTS or casualties(sent.text)[0] or vague_toll(sent.text)):
            there = places_next_door(article, i, tm, places, by_sentence, gaz)
            if there:
                places, context = there, [*context, article.sentences[i + 1]]
        if places and country_only(places) and not same and not (out and out[-1].index == i - 1):
            # Never dropped to country level when the sentence before (not an event report of its own)
            # names a town or province there: the event is placed near it.
            places = previous_places(article, i, places, by_sentence) or places
        if (not places or country_only(places)) and THERE.match(sent.text) and i and article.sentences[i - 1].section == sent.section:
            places = there_places(article.sentences[i - 1], by_sentence) or places  # "... the plain of Junin. There, on August 6, ..."
        if not places and not same and slug != "other" and not (out and out[-1].index == i - 1):
            # "... four villages near the city of Relizane ... In violence that lasted for hours, the attackers killed
            # 412 people": the sentence before (no event report of its own) says where. A report with a toll, or a
            # weapon named in a phrase, looks past one sentence naming no place ("... in Morant Bay. Some carried
            # sticks and stones. Seven men were shot dead"); a fight, siege, crowd or strike takes the one place
            # the sentence right before names ("Marischal was absent when ... they were surprised and routed"), and so
            # does a bare attack ("... appeared off the shores of Corrientes. ... they attacked the Argentine ships").
            if not generic and (any(x is not None for x in casualties(sent.text)) or vague_toll(sent.text) or (
                    slug in WEAPON_EVENTS and " " in tm.group(0).strip())):
                places = previous_places(article, i, None, by_sentence, far=True)
            elif slug in SCENE_EVENTS and not bare_kill:
                places = scene_place(article, i, slug, tm.group(0), sent.start + tm.start(), by_sentence,
                                     far=not (out and out[-1].index == i - 2 and EVENT_ANAPHOR.match(sent.text)))
        if (not places or country_only(places)) and not same and not generic and prev is not None \
                and slug not in ("other", prev.event_type) and not prev.country_only and (slug == "shoot_down" and not places or (
                    hit[0] != "targeted_killing" and not SEPARATE.search(sent.text) and not EVENT_ANAPHOR.search(sent.text)
                    and (any(x is not None for x in casualties(sent.text)) or vague_toll(sent.text)))):
            # Another kind of event in the wake of the one the sentence before reports, at its place: a shoot-down
            # ("Seventeen Japanese bombers raided the Hankow area ... One of the attacking planes was shot down."), or
            # a report with its own toll ("... a firefight in downtown Sukhumi. The building ... was hit by an
            # Abkhazian shell, killing three people"); not a bare killing, nor one said to be separate ("Elsewhere,
            # ..."), nor the event before named again ("two were seriously injured in the blast").
            places = list(prev.places)
        elif not places and not same and slug == "shoot_down" and prev is None and out and out[-1].index == i - 2 \
                and out[-1].sentence.section == sent.section and not by_sentence.get(article.sentences[i - 1].start) \
                and out[-1].event_type != "shoot_down" and not out[-1].country_only:
            # "... aircraft raided Salonika ... Fifteen were killed and fifty injured. Two Italian planes were shot
            # down.": past a sentence that only goes on about it, at the place of the raid
            places = list(out[-1].places)
        named_again = EVENT_ANAPHOR.match(sent.text)
        if not places and not same and prev is not None and (named_again and tm.start() < named_again.end() or took):
            # "The Battle of Anqing was a prolonged siege of ... Anqing .... The siege began in September 1860 and
            # ended on September 5, 1861": the event before, its trigger named again (its date joins it)
            slug, places = prev.event_type, list(prev.places)
        again: list = []
        if (not places or country_only(places)) and not same:
            # "... overran a base in Nasir on March 4. The army recaptured the town on Sunday": the town named before.
            again = named_before(article, i, sent, tm, places, by_sentence)
            places = again or places
        if (not places or country_only(places)) and not same:
            # "KIBEHO, RWANDA — ... opened fire on a camp here": where the report was filed
            places = dateline_places(article, sent, places, mentions) or places
        if not places and not same and not generic and prev is not None and prev.places and not prev.country_only \
                and not (BACKGROUND.search(sent.text) or EVENT_ANAPHOR.search(sent.text)) and next_stage(sent, prev, slug):
            # "... he besieged Fort St David ... On 16 May began an artillery bombardment": a later day of
            # the event before, at its place
            places = list(prev.places)
        # An event sentence no place below a country holds may type the next one; not when
        # it names several kinds of weapon ("with rockets and drones over 100 times").
        placeless = (i, slug) if slug in REMOTE_EVENTS and len(weapon_kinds(sent.text)) <= 1 and country_only(places) else None
        c = Report(sent, i, slug, tm.group(0), sent.start + tm.start(), places, same_as_previous=same, context=context)
        earlier = _earlier_event(article, sent, i, c, ms)
        if not places and not same:
            if earlier is not None:
                out.append(earlier)
            continue
        anchor = c.written = writing_day(article, sent.section)
        told = year_told(article, i, anchor)
        for x in [sent, *context]:
            c.date, words = resolve_date(x.text, anchor, told)
            at = x.text.find(words) if c.date else -1
            if at >= 0 and in_dateline(x.text, at, at + len(words)):
                # "RUGBY, April 1, Questioned ... about the bombing of Harrar on March 29": the event's own date
                later, later_words = resolve_date(x.text[at + len(words) :], anchor, told)
                nth = dates.ORDINAL_DAY.search(x.text, at + len(words)) if later is None else None
                if nth is not None and nth["which"] and c.date.precision == "day":
                    # "LONDON, December 31st 1899. - ... a daring sortie ... on the 24th instant": that day of the
                    # dateline's month (or, "ult.", of the month before)
                    later, later_words = dates.nearest_day(c.date, int(nth["day"]), nth["which"]), nth.group(0)
                if later is not None:
                    c.date, words = later, later_words
            elif at >= 0 and x is sent:
                # "The bombardment, which lasted ... on Monday afternoon, killed hundreds ..., and yesterday only a
                # few of the buildings remained standing": the date of the trigger's own clause, when it has one
                a, b = trigger_clause(sent.text, tm.start(), tm.end())
                if not a <= at < b:
                    own, own_words = resolve_date(sent.text[a:b], anchor, told)
                    inside = at <= a + sent.text[a:b].find(own_words) < at + len(words)  # ("February and| March 1890")
                    # (a weekday does not undo a day of a month: "... on Monday ..., who liberated ... on August 5")
                    if own is not None and not inside and (MONTH_WORD.search(own_words) or not MONTH_WORD.search(words)):
                        c.date, words = own, own_words
                tail = sent.text[max(tm.end(), at + len(words)) : b] if at < tm.start() else ""
                tail = tail.split(",")[0]  # (its own words: not "blasted Bizerte for hours, 2) two days later when ...")
                if sent.text.find(words) == at and dates.has_relative(tail):
                    # "After taking Danyang on May 19, they seized Changzhou a week later": counted from that day
                    later, later_words = dates.relative(tail, c.date)
                    c.date, words = (later, later_words) if later is not None else (c.date, words)
                if c.date is not None and (at := sent.text.find(words)) >= 0:
                    c.date, words = past_the_report(sent.text, at, words, c.date, anchor, told)
            if c.date:
                c.date_text = words if x is sent else f"'{words}' in the sentence {'before' if x.start < sent.start else 'after'}"
                break
        if c.date is None and again and not dates.has_relative(sent.text):
            # "Berwick attacked Athlone on May 3. He burned the town": the day of the report of that town before
            # (not "Two weeks earlier, the British had captured ... the city": counted from it, later)
            c.date, c.date_text = date_of_the_town_before(out, i, sent, again[0][1])
        if c.date is None:
            c.date, c.date_text = day_of_month(article, i, anchor, told)
        c.story_year = told if anchor is None else None
        back = dates.anniversary(c.date, sent.text, c.trigger_at - sent.start) if c.date and not (anchor and c.date.end.year < anchor.start.year - 1) else None
        if back is not None:
            # "Today marks 16 years since a bomb detonated in Omagh": that day, 16 years before
            c.date, why = back
            c.date_text += f" ('{why}')"
        elif c.date and c.date.start == c.date.end and c.date_text and reported_on(sent.text, c.date_text):
            # "... killed at least 11 people, local authorities said Thursday": the day it was reported;
            # the event may have been the day before.
            c.date = DateRange(c.date.start - timedelta(1), c.date.end, "range")
            c.date_text += " (the day it was reported: from the day before)"
        c.date, c.date_text = widened(c.date, c.date_text, sent.text)
        c.relative = c.date is None and dates.has_relative(sent.text)
        out.append(c)
        if not same:
            others = other_clauses(article, sent, i, c, tm, ms, gaz)
            _share_places([c, *others])
            out.extend(others)
        if earlier is not None:
            out.append(earlier)
    follow_ups(article, out)
    return out


# "killed four soldiers", "killed on Sunday night at least 18 people": the object of an active killing
KILLED_WHOM = re.compile(r"\s+(?!(?:in|at|on|near|when|after|by|during|while|as|since|and|or|but)\b)"
                         r"|\s+on\s+\w+(?:\s+(?:night|morning|evening|afternoon))?\s+(?=(?:at\s+least|about|some|more\s+than|\d))")


def _the_dead(text: str, tm: re.Match[str]) -> str:
    """The words that say who died in a bare killing: after the verb when it is active and has an object
    ("Jihadists killed four Chadian troops"), else before it ("Five extremists were killed")."""
    if not PASSIVE_BEFORE.search(text, max(0, tm.start() - 40), tm.start()) and KILLED_WHOM.match(text, tm.end()):
        return text[tm.end() : tm.end() + 60]
    return text[max(0, tm.start() - 60) : tm.start()]


def _earlier_event(article: Article, sent: Sentence, i: int, c: Report, ms: list[Mention]) -> Report | None:
    """The earlier event of a clause the sentence names as background ("... hours after a bomb killed
    seven in Oslo", "One day after a suicide bomber attacked the gendarmerie headquarters in
    Tamanrasset, ..."): an event of its own when the clause has a trigger and a place below a country.
    Dated only by that clause's own words; otherwise undated."""
    text, at = article.text, c.trigger_at
    regions = []
    bg = BACKGROUND.search(text, at, sent.end)
    if bg:
        regions.append((bg.end(), clause_end(text, bg.end(), sent.end) or sent.end))
    opening = BACKGROUND.search(text, sent.start, at)
    if opening:
        regions.append((opening.end(), clause_end(text, opening.end(), at) or at))
    for start, end in regions:
        hit = trigger(text[start:end])
        if hit is None or weak(*hit) or hit[0] == "other":
            continue
        places = [(m, m.place, False) for m in ms if start <= m.start < end and m.place is not None
                  and m.place.precision != "country"]
        if not places:
            continue
        best = min(rank(p) for _, p, _ in places)
        places = list({p.key: (m, p, n) for m, p, n in places if rank(p) == best}.values())
        slug, tm = hit
        r = Report(sent, i, slug, tm.group(0), start + tm.start(), places)
        r.date, words = dates.resolve(text[start:end], writing_day(article, sent.section))
        r.date_text = words if r.date else ""
        return r
    return None


def extract(article: Article, mentions: list[Mention], gaz: Gazetteer, actors: list[tuple[str, str]]):
    """Incidents of one article, and the candidates no place below a country holds."""
    cands = candidates(article, mentions, gaz)
    extra = argument_reports(article, mentions, cands)
    extra += pronoun_reports(article, mentions, [*cands, *extra])
    if extra:
        cands = sorted([*cands, *extra], key=lambda c: c.index)  # (stable: each sentence's own reports first)
    date_passes(cands, article.sentences)
    # the names of towns, mapped or not (not a country, nor a city of a million that may stand for its government:
    # "Kiev attempted strikes"): never an attacker ("On the same day Maratha, Santalar and Tochni massacres ...")
    towns = {x.text for x in mentions if x.place is None or (x.place.precision != "country"
                                                             and x.place.population < METONYM_POPULATION)}
    for c in cands:
        if c.date is None and c.story_year is not None:
            # no writing date, and no date of its own or of the sentences around: the year the story is telling
            # ("In 1877 the war began ... The Russians took Plevna")
            c.date, c.date_text = DateRange.year(c.story_year), f"the year {c.story_year} the story tells"
    incidents: list[Incident] = []
    unplaced: list[Report] = []
    last: list[Incident] = []
    named: Incident | None = None  # the last incident that names its attacker
    first_report: dict[int, Report] = {}  # the first report of each sentence, by its number
    for c in cands:
        first_report.setdefault(c.index, c)
    # (the sentences whose attacker and target the parse gives, below: parsed in one batch)
    parse_ahead(c.sentence.text for c in cands if c.trigger and c.places and not c.country_only)
    for c in cands:
        if c.same_as_previous and last:
            for inc in last:
                inc.sentences.append(c.sentence)
            continue
        if not c.places or c.country_only:
            unplaced.append(c)
            continue
        last = []
        sents = _sentences(c)
        for m, place, near in c.places:
            inc = _incident(c, m, place, near, sents, actors, towns)
            if not inc.attacker and named is not None and named.sentences[0].section == c.sentence.section \
                    and 0 <= c.sentence.start - named.sentences[-1].end <= 2 \
                    and inc.event_type not in ("riot", "protest_siege") and takes_side(inc.event_type, named.event_type):
                # "... the rebels overran Bentiu. Fighting went on near the airport": the side the sentence before named
                inc.attacker = list(named.attacker)
            if not inc.attacker and inc.event_type not in ("riot", "protest_siege") and (EVENT_ANAPHOR.search(c.sentence.text)
                                                                                     or PRONOUN_BEFORE.search(c.sentence.text[: c.trigger_at - c.sentence.start])):
                # "Islamic militants have reportedly killed at least 54 soldiers. This attack occurred in the Alibori department",
                # "... On May 15, they captured Alexandrapol": the side the report of the sentence before (placed or not) names
                before = first_report.get(c.index - 1)
                if before is not None and before.sentence.section == c.sentence.section:
                    inc.attacker = report_sides(before, actors)[0]
            if not inc.attacker and PRONOUN_SUBJECT.search(c.sentence.text[: c.trigger_at - c.sentence.start]):
                inc.attacker = subject_before(article.sentences, c, actors, towns)  # "... he laid siege to Safed"
            if inc.attacker:
                named = inc
            incidents.append(inc)
            last.append(inc)
    capitals_as_forces(incidents, mentions, gaz)  # "Kiev attempted strikes": Ukraine's forces
    incidents = merge_into_finer(merge_within(incidents))
    # Country-level reports of an event placed elsewhere on the page join it as sources.
    rest = []
    for u in unplaced:
        # "Iran fired several ballistic missiles at US military installations in Qatar on
        # Monday ... Iran targeted Al Udeid Air Base": the country-level report says
        # what kind of attack the installation's was.
        match = [i for i in incidents if (i.event_type == u.event_type or i.event_type == "attack_on_installation" and u.event_type in WEAPON_EVENTS)
                 and i.place.country in u.countries and u.own_date and i.date is not None and dates_overlap(i.date, u.date)]
        if len(match) == 1 and u.places:
            if u.sentence not in match[0].sentences:
                match[0].sentences.append(u.sentence)
                match[0].sentences.sort(key=lambda s: s.start)
            if match[0].event_type == "attack_on_installation":
                match[0].event_type = u.event_type
        else:
            rest.append(u)
    return incidents, rest


def country_incidents(unplaced: list[Report], actors) -> list[Incident]:
    """The reports only a country places, as incidents at that country (UCDP's where_prec 6): kept
    for the events tables, never drawn on the map."""
    out: list[Incident] = []
    for c in unplaced:
        for _m, place, _near in c.places:
            if place.precision == "country":
                out.append(_incident(c, None, place, False, _sentences(c), actors))
    return out


def _sentences(c: Report) -> list[Sentence]:
    """A report's sources: its sentence and those that complete or follow it, in page order, then those
    it borrowed its date from."""
    own = sorted({s.start: s for s in [c.sentence, *c.context, *c.follow]}.values(), key=lambda s: s.start)
    return [*own, *[s for s in c.extra if s not in own]]


def _incident(c: Report, m: Mention | None, place: Place, near: bool, sents, actors,
              towns: frozenset[str] | set[str] = frozenset()) -> Incident:
    fats: list[int] = []
    injs: list[int] = []
    if c.event_type != "other":
        # Each sentence's figures; a follow-up counts when the event's own sentence has none
        # of that kind, or states others ("three killed" ... "two killed"): a low and a high.
        for s in [c.sentence, *c.context, *c.follow]:
            f, i = casualties(s.text)
            if f is not None and (f not in fats):
                fats.append(f)
            if i is not None and (i not in injs):
                injs.append(i)
        if len(fats) > 1 and 0 in fats:
            fats.remove(0)  # "no casualties" beside a figure is a general statement, not a count
        if len(injs) > 1 and 0 in injs:
            injs.remove(0)
    names: list[str] = []
    for s in sents:
        at = c.trigger_at - s.start if s == c.sentence else None
        window = (max(0, at - ACTOR_WINDOW), at + len(c.trigger) + ACTOR_WINDOW) if at is not None else None
        for a in find_actors(s.text, actors, window):
            if a not in names:
                names.append(a)
    # (the place itself is no attacker: "Seoul changes hands", "Alexandria had its first big air raid")
    attacker, target = report_sides(c, actors, {x.text for x, _, _ in c.places if x is not None} | {place.name} | towns)
    attacker = fuller_side(attacker, c.sentence.text)
    if not attacker:
        # "... Regime air strikes killed 18 civilians. Air strikes on the city of Idlib killed seven":
        # the other sentences of the same incident may name who did it.
        for s in sents:
            other = trigger(s.text) if s is not c.sentence else None
            if other and takes_side(c.event_type, other[0]):
                named, _ = roles(s.text, other[1].start(), other[1].end(), actors, c.event_type)
                if named:
                    attacker = named
                    break
    # The day the report was filed: its dated dateline's ("HELSINKI, December 1." in a paper of December 2),
    # else the writing date; with no writing date given, the dateline's ("Kilmallock, 29 May 1920 - ...").
    anchor = c.written or dates.parse_anchor(c.sentence.section.published)
    if c.date:
        de = c.date.end.isoformat()
    else:
        de = (anchor.end - timedelta(c.days_before)).isoformat() if anchor else None
    return Incident(
        event_type=before_aircraft(c.event_type, c.date, c.sentence.text),
        place=place,
        sentences=list(sents),
        mentions=[m] if m else [],
        date=c.date,
        date_end=de,
        near=near,
        actors=names,
        attacker=attacker,
        target=target,
        fatalities=sorted(fats),
        injuries=sorted(injs),
        trigger=f"{c.trigger!r}; date: {c.date_text or 'none in text'}",
    )


def _share_places(reports: list[Report]) -> None:
    """Events of one sentence that claim the same place ("shelled Kharkiv and launched drones at Kyiv"): the
    place is the event's whose word comes nearest before it (else nearest after), as long as each keeps one."""
    for r in reports:
        for x in list(r.places):
            if x[0] is None or len(r.places) == 1:
                continue
            rivals = [o for o in reports if any(y[1].key == x[1].key for y in o.places)]
            if len(rivals) < 2:
                continue
            at = x[0].start
            best = min(rivals, key=lambda o: (o.trigger_at > at, abs(at - o.trigger_at)))
            if best is not r:
                r.places = [y for y in r.places if y[1].key != x[1].key]
