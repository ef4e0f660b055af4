"""Stage 3: incidents - an event of a known type at a place on a date.

A sentence is an incident candidate when it holds an event trigger (see
``TRIGGERS``, checked in priority order) and a place.  The place is the most
specific one the sentence names; a sentence naming several installations
("... at Camp Taji ... and the Imam Ali base") gives one incident for each.
Places that only locate another ("north of Baghdad", "in Dhi Qar
governorate" after a base), datelines ("Riyadh: ") and places of a clause
about another matter ("in response to ... in the Gaza Strip") are not
incident places.  A trigger in such a clause ("just days after the United
States launched airstrikes") does not type the sentence.  A sentence with a
trigger and no place takes the places of the next sentence when that one
reports no event of its own ("Drones struck two oil facilities ... fires at
... Abqaiq and Khurais"); a next sentence about the same event ("no
casualties in the attack late on Wednesday") is a source too, and gives
the date and casualty figures when the first has none (differing figures
give a low and a high).

Dates, per page, in this order:

1. absolute and deictic expressions, against the section's writing date;
2. an undated incident takes the date of the one dated incident of the same
   type in the same country on the page ("U.S. forces struck three Iranian
   nuclear facilities over the weekend" dates "bombs ... Iran's Fordo
   nuclear site");
3. "the following day" / "N days later" count from the previous incident
   ("came a day after <this event>" counts back from it; with no dated
   previous incident, it only moves the upper bound back);
4. an undated sentence right after a dated incident sentence inherits it.

What is still undated has ``date_precision == "unknown"`` and only an upper
bound (the writing date).  Incidents that only a country can place are not
mapped; they are reported with their quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from . import dates
from .articles import MONTH_RE
from .dates import CLAUSE_BREAK, NUMBER_WORDS, DateRange, number
from .gazetteer import DATA, Gazetteer
from .model import Article, Incident, Mention, Place, Sentence

# slug: (label, ACLED event_type, ACLED sub_event_type)
EVENT_TYPES = {
    "air_strike": ("Air/drone strike", "Explosions/Remote violence", "Air/drone strike"),
    "drone_attack": ("Drone attack", "Explosions/Remote violence", "Air/drone strike"),
    "missile_attack": ("Missile attack", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "rocket_attack": ("Rocket attack", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "shoot_down": ("Shoot-down or interception", "Strategic developments", "Disrupted weapons use"),
    "targeted_killing": ("Targeted killing", "Violence against civilians", "Attack"),
    "attack_on_installation": ("Attack on an installation", "Battles", "Armed clash"),
    "protest_siege": ("Protest, siege or storming", "Protests", "Protest with intervention"),
    "other": ("Other", "Strategic developments", "Other"),
}
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("other", re.compile(r"\bfunerals?\b|\bmourners\b", re.I)),
    ("air_strike", re.compile(r"\bdrone strikes?\b|\bair ?strikes?\b", re.I)),
    ("drone_attack", re.compile(r"\bdrones?\b[^.]{0,80}?\b(?:targeted|targeting|target|hit|struck|attacked|attack|damag\w*|exploded|crashed|fell|slammed)\b|\bdrone attacks?\b|\b(?:hit|struck|targeted|attacked)\s+by\s+(?:an?\s+)?[\w -]{0,30}\bdrones?\b", re.I)),
    ("rocket_attack", re.compile(r"\brockets?\b[^.]{0,60}?\b(?:fired|launched|hit|struck|landed|targeted|attacked|slammed|fell)\b|\b(?:targeted|struck|hit)\b[^.]{0,40}?\brockets?\b|\brocket (?:attacks?|barrages?)\b|\bkatyusha", re.I)),
    ("missile_attack", re.compile(r"\bmissiles?\b[^.]{0,60}?\b(?:fired|launched|hit|struck|targeted)\b|\b(?:fired|launched)\b[^.]{0,60}?\bmissiles?\b|\bmissile (?:attacks?|barrages?)\b", re.I)),
    ("shoot_down", re.compile(r"\bshot down\b|\bintercept(?:ed|ion)\b|\bdowned\b", re.I)),
    ("air_strike", re.compile(r"\bstruck\b|\bstrikes? (?:on|against|targeted|hit)\b|\bbomb(?:ed|ing|s)?\b|\bbombers?\b|\bshell(?:ed|ing)\b", re.I)),
    ("targeted_killing", re.compile(r"\bassassinat\w+|\bkilled\b", re.I)),
    ("protest_siege", re.compile(r"\bstorm(?:ed|ing)\b|\bsiege\b|\bprotesters?\b|\bstormed\b", re.I)),
    ("attack_on_installation", re.compile(r"\battack(?:ed|s)? (?:on|against) (?:the |a |an )?[\w -]{0,40}\b(?:base|embassy|camp|airport|compound|consulate)\b", re.I)),
]
# A verb of attack with nothing more specific: an attack on an installation, when
# the sentence names one ("Iran targeted Al Udeid Air Base").
GENERIC_ATTACK = re.compile(r"\b(?:targeted|attacked|struck|hit)\b", re.I)
WEAPON_WORDS = r"rockets?|missiles?|drones?|shells?|bombs?"
WEAPON = re.compile(rf"\b({WEAPON_WORDS})\b", re.I)
SEPARATE = re.compile(
    r"\b(?:separate(?:ly)?|elsewhere|another (?:\w+ )?(?:attack|strike|raid|incident|drone|rocket|missile)s?"
    r"|also (?:hit|struck|targeted|attacked|reported))\b", re.I)
OVERNIGHT = re.compile(r"\bovernight\b", re.I)
FOREIGN_CLOCK = re.compile(r"\b(?:EST|EDT|ET|PST|PDT|CST|GMT|UTC|CET)\b")
BACKGROUND = re.compile(
    r"\b(?:(?:just |shortly |only )?(?:\w+ )?(?:days?|hours?|weeks?|months?) (?:after|before)|in (?:response|retaliation) (?:to|for)"
    r"|responded with|to avenge)\b", re.I)
SAME_EVENT = re.compile(r"\bthe same (?:drone |air |missile |rocket )?(?:strike|attack|raid|bombing)\b", re.I)
HINT_BEFORE = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|outside)\s+of\s+(?:the\s+)?$", re.I)
# A country name used as a modifier: "US military installations", "Iraqi army".
ADJECTIVAL = re.compile(r"\s+(?!(?:on|in|at|and|or|to|for|from|with|by|as|late|early|last|this|that|which|who|was|were|is|are|has|have|had|said|says|overnight)\b)[a-z]")
NEAR_BEFORE = re.compile(r"\bnear\s+(?:the\s+)?$", re.I)
TARGET_NOUNS = r"(?:nuclear\s+)?(?:facilities|sites|bases|positions|targets|territory|soil|cities|installations)"
NUM = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + "|".join(NUMBER_WORDS) + r")"
# Words between a number and "killed": "Six Lebanese, including a local official, were killed",
# never a unit of time ("two days after 14 soldiers were killed").
BETWEEN = (r"(?:(?!(?:days?|weeks?|months?|years?|hours?|after|before|since|and|or|killed|wounded|injured|"
           + WEAPON_WORDS + r"|hit|struck|fired|launched|targeted|attacked|slammed|"
           + "|".join(NUMBER_WORDS) + r")\b|\d)[\w’'-]+,?\s+){0,6}?")
KILLED = [
    re.compile(rf"\b{NUM}\s+{BETWEEN}(?:were|was|have been|had been|been)?\s*(?:\w+ly\s+|reported\s+)?killed\b", re.I),
    re.compile(rf"\bkill(?:ed|ing)\s+(?:at least\s+|about\s+|around\s+)?{NUM}\b", re.I),
    re.compile(r"\bkill(?:ed|ing)\s+(?P<n>an?)\s+(?!dozen|number|few|handful|score|total|estimated|further)[a-z]", re.I),
]
INJURED = [
    re.compile(rf"\b{NUM}\s+{BETWEEN}(?:were|was|have been|had been|been)?\s*(?:wounded|injured|hurt|(?:received|sustained|suffered)\s+injuries)\b", re.I),
    re.compile(rf"\b(?:wound|injur)(?:ed|ing)\s+(?:at least\s+|about\s+)?{NUM}\b", re.I),
]
NO_CASUALTIES = re.compile(
    r"\bno (?:reports? of )?(?:human |civilian )?(?:casualties|injuries|deaths|fatalities)\b|\bno one was (?:hurt|killed|injured)\b"
    r"|\bwithout (?:causing )?(?:any )?casualties\b", re.I)
# The next sentence refers back to the event: "the attack", "The rockets landed ...".
EVENT_ANAPHOR = re.compile(r"\b(?:the|this|that) (?:[\w-]+ ){0,2}(?:attacks?|strikes?|raids?|bombings?|rockets?|missiles?|drones?|incident|explosions?|blasts?|barrages?)\b", re.I)
# ... or to where it happened ("Three rockets attacked the base on Sunday").
ANAPHOR = re.compile(EVENT_ANAPHOR.pattern + r"|\bthe (?:base|camp|airport|compound)\b", re.I)
# Remote-violence types one report can mix ("missiles and drones were launched ... drones were shot down").
REMOTE = {"air_strike", "drone_attack", "missile_attack", "rocket_attack", "shoot_down", "attack_on_installation"}
# ... of which these say how an installation was attacked (a shoot-down does not).
WEAPON_TYPES = {"air_strike", "drone_attack", "missile_attack", "rocket_attack"}
ACTOR_WINDOW = 100  # characters either side of the trigger in which actors count
SIDE_WINDOW = 60  # ... and in which they count as attacker (before) or target (after)
PRECISION_ORDER = ["site", "town", "district", "region", "country"]
INSTALLATIONS = {"air_base", "military_base", "militia_base", "naval_base", "nuclear_site", "embassy", "oil_facility"}
# A dateline opening a sentence: "Riyadh: ", "ERBIL, Kurdistan Region — ", "ERBIL (Kurdistan 24) – ".
DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.'’-]{2,}(?:\s[A-Z][\w.'’-]*){0,3}(?:,\s+[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})?\s*(?:\([^)]{0,40}\)\s*)?[:—–-]"
    r"|[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}:)\s"
)


@dataclass
class Candidate:
    sentence: Sentence
    index: int  # sentence number within the page
    event_type: str
    trigger: str
    trigger_at: int  # offset of the trigger in the article text
    places: list[tuple[Mention | None, Place, bool]]  # (mention, place, near)
    date: DateRange | None = None
    date_text: str = ""
    relative: bool = False
    same_as_previous: bool = False
    extra: list[Sentence] = field(default_factory=list)  # sentences it borrowed its date from
    context: list[Sentence] = field(default_factory=list)  # the sentence before or after that completes it
    days_before: int = 0  # undated, but at least this many days before the writing date
    follow: list[Sentence] = field(default_factory=list)  # next sentences about the same event

    @property
    def own_date(self) -> bool:
        """Dated by an expression in its own sentence, not borrowed."""
        return self.date is not None and not self.date_text.startswith("as ")

    @property
    def country_only(self) -> bool:
        return _country_only(self.places)

    @property
    def countries(self) -> set[str]:
        return {p.country for _, p, _ in self.places}


def load_actors(path: Path | None = None) -> list[tuple[str, str]]:
    path = path or DATA / "actors.tsv"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            alias, canon = line.split("\t")
            out.append((alias.strip(), canon.strip()))
    return sorted(out, key=lambda ac: -len(ac[0]))


SPEECH_AFTER = re.compile(r"^(?:\s+\w+){0,2}\s+(?:said|says|told|reported|announced|stated|confirmed|claimed)\b", re.I)


def find_actors(text: str, actors: list[tuple[str, str]], window: tuple[int, int] | None = None) -> list[str]:
    """Canonical actor names in order of appearance, longest alias first.

    With ``window`` (start, end), only names inside it count.  A name that
    is the subject of a speech verb ("Iraq's military said") reports the
    event; it is not an actor in it.
    """
    taken: list[tuple[int, int, str]] = []
    for alias, canon in actors:
        for m in re.finditer(rf"(?<![\w.]){re.escape(alias)}(?![\w])", text, re.I if alias.islower() else 0):
            if window and not (window[0] <= m.start() and m.end() <= window[1]):
                continue
            if SPEECH_AFTER.match(text[m.end() : m.end() + 40]):
                continue
            if not any(s < m.end() and m.start() < e for s, e, _ in taken):
                taken.append((m.start(), m.end(), canon))
    seen: list[str] = []
    for _, _, canon in sorted(taken):
        if canon not in seen:
            seen.append(canon)
    return seen


UNIDENTIFIED = re.compile(r"\b(?:unidentified|unknown (?:assailants|gunmen|attackers|drones?)|unclaimed|no group (?:has )?claimed)\b", re.I)


def sides(text: str, at: int, length: int, actors: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """(attacker, target) as the sentence names them around its trigger at ``at``.

    Before the trigger is the attacker ("Iran fired missiles at ..."), after it
    the target ("... at U.S. forces"), except after "by" ("hit by rockets
    fired by Kataib Hezbollah").  "Unidentified" when the text says so.
    """
    end = at + length
    before = find_actors(text, actors, (max(0, at - SIDE_WINDOW), at))
    after_text = text[end : end + SIDE_WINDOW]
    attacker, target = list(before), []
    for a in find_actors(after_text, actors):
        by = re.search(rf"\bby\s+(?:the\s+|a\s+|an\s+)?[^.]{{0,20}}?$", after_text[: _find(after_text, a, actors)])
        (attacker if by else target).append(a)
    if not attacker and UNIDENTIFIED.search(text):
        attacker = ["unidentified"]
    return _unique(attacker), _unique([t for t in target if t not in attacker])


def _find(text: str, canon: str, actors: list[tuple[str, str]]) -> int:
    for alias, c in actors:
        if c == canon:
            m = re.search(rf"(?<![\w.]){re.escape(alias)}(?![\w])", text, re.I if alias.islower() else 0)
            if m:
                return m.start()
    return 0


def _unique(xs: list[str]) -> list[str]:
    return list(dict.fromkeys(xs))


def _states_casualties(text: str) -> bool:
    return casualties(text) != (None, None)


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


def _triggers(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every trigger in ``text``, in priority order, none overlapping a stronger one."""
    out: list[tuple[str, re.Match[str]]] = []
    for slug, rx in TRIGGERS:
        for m in rx.finditer(text):
            if not any(m.start() < o.end() and o.start() < m.end() for _, o in out):
                out.append((slug, m))
    return out


def _trigger(text: str) -> tuple[str, re.Match[str]] | None:
    for slug, rx in TRIGGERS:
        m = rx.search(text)
        if m:
            return slug, m
    return None


def _rank(p: Place) -> int:
    """How specific a place is; a named installation counts as a site even when
    its coordinate is only known to district precision."""
    return 0 if p.kind in INSTALLATIONS else PRECISION_ORDER.index(p.precision)


def _contains(area: Place, place: Place) -> bool:
    """"al-Qaim, Anbar province": the province only says where the town is."""
    if area.geometry is None:
        return False
    from shapely.geometry import Point

    return bool(area.geometry.covers(Point(place.point.lon, place.point.lat)))


def _places(text: str, sent: Sentence, mentions: list[Mention], gaz: Gazetteer, trig_at: int, weak: bool = False):
    """The incident places of a sentence: the most specific, hints removed."""
    cands = []
    dl = DATELINE.match(text, sent.start, sent.end)
    # "... in response to American support for Israel in its war against Hamas in the
    # Gaza Strip": places of another, earlier matter are not this event's.
    bg = BACKGROUND.search(text, trig_at, sent.end)
    # ... nor those of an opening clause about an earlier one ("Two days after the
    # attack on Camp Taji, rockets hit Balad Air Base").
    opening = BACKGROUND.search(text, sent.start, trig_at)
    clause_end = _clause_end(text, opening.end(), trig_at) if opening else None
    for m in mentions:
        if m.place is None or (dl and m.end <= dl.end()) or (bg and m.start >= bg.end()):
            continue  # "Riyadh: Drones struck ...": where the report was filed
        if opening and clause_end and opening.start() <= m.start < clause_end:
            continue
        before = text[max(sent.start, m.start - 30) : m.start]
        if HINT_BEFORE.search(before) or re.match(r"-(?:based|born|headquartered)\b", text[m.end : m.end + 16]):
            continue  # "north of Baghdad" locates; "Washington-based" describes
        cands.append((m, m.place, bool(NEAR_BEFORE.search(before))))
    # "struck three Iranian nuclear facilities": the demonym names the target country.
    after = text[trig_at : min(sent.end, trig_at + 60)]
    dm = re.search(rf"\b([A-Z][a-z]+)\s+{TARGET_NOUNS}", after)
    iso = gaz.demonyms.get(dm.group(1).lower()) if dm else None
    if iso and f"iso/{iso}" in gaz.places and _country_only(cands):
        return [(None, gaz.places[f"iso/{iso}"], False)]
    if weak:
        cands = [c for c in cands if abs(c[0].start - trig_at) <= 80]
    if not cands:
        return cands
    # "Victory Base at Baghdad Airport": the second only locates the first.
    located = {id(b) for a, b in zip(cands, cands[1:])
               if a[0] and b[0] and re.fullmatch(r"\s*(?:at|in|near|inside|of)\s+(?:the\s+)?", text[a[0].end : b[0].start])}
    cands = [c for c in cands if id(c) not in located]
    best = min(_rank(p) for _, p, _ in cands)
    finest = [c for c in cands if _rank(c[1]) == best]
    # Several places of the same coarse precision: the first after the trigger
    # (a town or province named before it usually says where the attacker was).
    if PRECISION_ORDER[best] == "country" and len(finest) > 1:
        after_t = [c for c in finest if c[0] and c[0].start >= trig_at]
        # "... at US military installations in Qatar": the country after "in" is where.
        located_in = [c for c in after_t if re.search(r"\b(?:in|at|into|inside|across)\s+(?:the\s+)?$", text[max(sent.start, c[0].start - 12) : c[0].start])
                      and not ADJECTIVAL.match(text, c[0].end)]  # not "at US military ..."
        finest = located_in[:1] or after_t[:1] or finest[:1]
    elif PRECISION_ORDER[best] != "site" and len(finest) > 1:
        after = [c for c in finest if c[0] and c[0].start >= trig_at]
        finest = after[:1] or finest[:1]
    # "near Al Anbar and Jurf al-Saqr", "at Al-Assad and Irbil": places joined to a
    # chosen one by "and" or a comma are places of the event too (not countries).
    changed = True
    while changed:
        changed = False
        for a, b in zip(cands, cands[1:]):
            if not (a[0] and b[0]) or not re.fullmatch(r"\s*(?:,|and|, and|or)\s*(?:the\s+)?", text[a[0].end : b[0].start]):
                continue
            for x, y in ((a, b), (b, a)):
                if x in finest and y not in finest and y[1].precision != "country" and not _contains(y[1], x[1]):
                    finest.append(y)
                    changed = True
    uniq, seen = [], set()
    for c in finest:
        if c[1].key not in seen:
            seen.add(c[1].key)
            uniq.append(c)
    return uniq


def candidates(article: Article, mentions: list[Mention], gaz: Gazetteer) -> list[Candidate]:
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence.start, []).append(m)
    out: list[Candidate] = []
    placeless: tuple[int, str] | None = None  # (index, type) of the last event sentence that named no place
    for i, sent in enumerate(article.sentences):
        ms = by_sentence.get(sent.start, [])
        hit = _trigger(sent.text)
        generic = hit is None
        if generic:
            gm = GENERIC_ATTACK.search(sent.text)
            if not (gm and any(m.place and m.place.precision == "site" for m in ms)):
                continue
            hit = ("attack_on_installation", gm)
        slug, tm = _main_trigger(sent, hit, ms)
        places = _places(article.text, sent, ms, gaz, sent.start + tm.start(), _weak(slug, tm))
        same = bool(SAME_EVENT.search(sent.text))
        context: list[Sentence] = []
        if generic and placeless and placeless[0] == i - 1 and EVENT_ANAPHOR.search(sent.text) and (
                article.sentences[i - 1].section == sent.section):
            # "... killed in airstrikes on a Syrian airbase. The Tuesday night attack targeted
            # the T4 airbase": the sentence before says what kind of attack it was.
            slug, context = placeless[1], [article.sentences[i - 1]]
        if _country_only(places) and not same and slug in REMOTE:
            there = _places_next_door(article, i, tm, places, by_sentence, gaz)
            if there:
                places, context = there, [*context, article.sentences[i + 1]]
        # An event sentence no place below a country holds may type the next one; not when
        # it names several kinds of weapon ("with rockets and drones over 100 times").
        kinds = {w.lower().rstrip("s") for w in WEAPON.findall(sent.text)}
        placeless = (i, slug) if slug in REMOTE and len(kinds) <= 1 and _country_only(places) else None
        if not places and not same:
            continue
        c = Candidate(sent, i, slug, tm.group(0), sent.start + tm.start(), places, same_as_previous=same, context=context)
        anchor = dates.parse_anchor(sent.section.published)
        for x in [sent, *context]:
            c.date, words = dates.resolve(x.text, anchor)
            if c.date:
                c.date_text = words if x is sent else f"'{words}' in the sentence {'before' if x.start < sent.start else 'after'}"
                break
        if c.date and OVERNIGHT.search(sent.text) and c.date.start == c.date.end:
            # "struck ... overnight, ... said on Sunday": the night may have begun the day before.
            c.date = DateRange(c.date.start - timedelta(1), c.date.end, "range")
            c.date_text += " (overnight: from the evening before)"
        if c.date and FOREIGN_CLOCK.search(sent.text):
            # "5:30 p.m. (EST) on January 7": another time zone's day may be the next or previous day here.
            c.date = DateRange(c.date.start - timedelta(1), c.date.end + timedelta(1), "range")
            c.date_text += " (± 1 day: the text gives another time zone's clock)"
        c.relative = c.date is None and dates.has_relative(sent.text)
        out.append(c)
    _follow_ups(article, out)
    return out


def _clause_end(text: str, start: int, end: int) -> int | None:
    """Just past the first clause break in ``text[start:end]``, if there is one."""
    brk = CLAUSE_BREAK.search(text, start, end)
    return brk.end() if brk else None


def _country_only(places) -> bool:
    return all(p.precision == "country" for _, p, _ in places)


def _weak(slug: str, tm: re.Match[str]) -> bool:
    """'killed' alone is a weak trigger: only places close to it count."""
    return slug == "targeted_killing" and not tm.group(0).lower().startswith("assassinat")


def _main_trigger(sent: Sentence, hit: tuple[str, re.Match[str]], ms: list[Mention]) -> tuple[str, re.Match[str]]:
    """The trigger of the event the sentence reports.

    The strongest trigger, unless it sits in a clause about an earlier event:
    "Iran fired missiles at ... in Qatar ..., just days after the United States
    launched airstrikes" (the last trigger before that clause), "Days after
    Israeli airstrikes on Tehran, drones struck Camp Taji" (the first after
    it); or it comes after every place the sentence names ("killed in a rocket
    attack ... at K-1 ... Washington responded with air strikes": the last one
    before the places).  A bare "killed" never takes over from a weapon.
    """
    slug, tm = hit
    others = [(s2, m2) for s2, m2 in _triggers(sent.text) if s2 != "other" and not (_weak(s2, m2) and slug in REMOTE)]
    bg = BACKGROUND.search(sent.text, 0, tm.start())
    if bg:
        before = [h for h in others if h[1].end() <= bg.start()]
        if before:
            return max(before, key=lambda h: h[1].start())
        clause_end = _clause_end(sent.text, bg.end(), len(sent.text))
        if clause_end is not None:
            after = [h for h in others if h[1].start() >= clause_end]
            if after:
                return min(after, key=lambda h: h[1].start())
    placed = [m.start - sent.start for m in ms if m.place]
    if placed and tm.start() > max(placed):
        before = [h for h in others if h[1].end() <= min(placed)]
        if before:
            return max(before, key=lambda h: h[1].start())
    return slug, tm


def _places_next_door(article: Article, i: int, tm: re.Match[str], places, by_sentence, gaz: Gazetteer):
    """Places of the next sentence, when it reports no event of its own but
    speaks of what this one hit ("Drones struck two Saudi Aramco oil facilities
    early Saturday. ... fires at two of its facilities in Abqaiq and Khurais")."""
    if i + 1 >= len(article.sentences):
        return []
    sent, nxt = article.sentences[i], article.sentences[i + 1]
    if nxt.section != sent.section or _trigger(nxt.text) or GENERIC_ATTACK.search(nxt.text):
        return []
    if not _same_target(sent.text[tm.end() :], nxt.text):
        return []
    countries = {p.country for _, p, _ in places}
    return [p for p in _places(article.text, nxt, by_sentence.get(nxt.start, []), gaz, nxt.start)
            if _rank(p[1]) <= PRECISION_ORDER.index("town") and (not countries or p[1].country in countries)]


TARGET_WORD = re.compile(
    r"\b(facilit|base|site|compound|airport|airfield|field|plant|refiner|depot|port|camp|position|installation|headquarter|building|outpost)"
    r"(?:y|ies|s|es)?\b", re.I)


def _same_target(after_trigger: str, nxt: str) -> bool:
    """Does the next sentence speak of what the trigger's sentence hit ("two oil
    facilities" ... "two of its facilities in Abqaiq"), or of the event itself?"""
    hit = {m.group(1).lower() for m in TARGET_WORD.finditer(after_trigger)}
    return bool(ANAPHOR.search(nxt)) or any(m.group(1).lower() in hit for m in TARGET_WORD.finditer(nxt))


def _follow_ups(article: Article, cands: list[Candidate]) -> None:
    """The next sentence, when it is about the same event and no event of its own:
    "There were no reports of casualties in the attack late on Wednesday."  It
    becomes a source; it dates an undated incident and gives casualty figures."""
    taken = {c.sentence.start for c in cands} | {s.start for c in cands for s in c.context}
    for c in cands:
        j = _last(c) + 1
        if j >= len(article.sentences) or article.sentences[j].start in taken or c.same_as_previous:
            continue
        nxt = article.sentences[j]
        if nxt.section != c.sentence.section or not (ANAPHOR.search(nxt.text) or _states_casualties(nxt.text)):
            continue
        kinds = {k for k, m in _triggers(nxt.text) if not _weak(k, m)}
        if kinds - {c.event_type} or SEPARATE.search(nxt.text):
            continue  # another event ("A separate drone attack killed two soldiers")
        c.follow.append(nxt)
        # Only a sentence about the event itself dates it: one about the place may
        # give its history ("the airport ... had been vacated on October 20"), and
        # a date after "since"/"after"/"than" is another event's.
        if c.date is None and not c.relative and (EVENT_ANAPHOR.search(nxt.text) or c.event_type in kinds):
            own = re.split(r"\b(?:since|after|before|than|following)\b", nxt.text, maxsplit=1)[0]
            d, words = dates.resolve(own, dates.parse_anchor(nxt.section.published))
            if d:
                c.date, c.date_text = d, f"'{words}' in the next sentence"


def _date_passes(cands: list[Candidate]) -> None:
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
    prev: Candidate | None = None
    for c in cands:
        at = c.trigger_at - c.sentence.start
        if c.relative and prev and prev.date:
            c.date, c.date_text = dates.relative(c.sentence.text, prev.date, at)
        elif c.relative:
            # "The attack came six days after <this event>": with the attack
            # undated, this event is still at least six days before the writing.
            n, words, inside = dates.offset(c.sentence.text, at)
            if n is not None and n < 0 and inside:
                c.days_before, c.date_text = -n, f"'{words}' an undated event (so at least {-n} days before writing)"
        anchor = dates.parse_anchor(c.sentence.section.published)
        if c.date and anchor and c.date.start > anchor.end:
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


def _last(c: Candidate) -> int:
    """Index of the last sentence of its report (follow-ups included)."""
    return c.index + sum(s.start > c.sentence.start for s in [*c.context, *c.follow])


def _next_door(dated: Candidate, undated: Candidate, step: int) -> bool:
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
        and (same or {dated.event_type, undated.event_type} <= REMOTE)
        and bool(dated.countries & undated.countries)  # not "airstrikes on Syria ... Iran targeted Al Udeid"
    )


def extract(article: Article, mentions: list[Mention], gaz: Gazetteer, actors: list[tuple[str, str]]):
    """Incidents of one article, and the candidates no place below a country holds."""
    cands = candidates(article, mentions, gaz)
    _date_passes(cands)
    incidents: list[Incident] = []
    unplaced: list[Candidate] = []
    last: list[Incident] = []
    for c in cands:
        if c.same_as_previous and last:
            for inc in last:
                inc.sentences.append(c.sentence)
            continue
        if not c.places or c.country_only:
            unplaced.append(c)
            continue
        last = []
        own = sorted({s.start: s for s in [c.sentence, *c.context, *c.follow]}.values(), key=lambda s: s.start)
        sents = [*own, *[s for s in c.extra if s not in own]]
        for m, place, near in c.places:
            inc = _incident(c, m, place, near, sents, actors)
            incidents.append(inc)
            last.append(inc)
    incidents = _merge_same(incidents)
    # Country-level reports of an event placed elsewhere on the page join it as sources.
    rest = []
    for u in unplaced:
        # "Iran fired several ballistic missiles at US military installations in Qatar on
        # Monday ... Iran targeted Al Udeid Air Base": the country-level report says
        # what kind of attack the installation's was.
        match = [i for i in incidents if (i.event_type == u.event_type or i.event_type == "attack_on_installation" and u.event_type in WEAPON_TYPES)
                 and i.place.country in u.countries and u.own_date and i.date_start and _compatible(i, u.date)]
        if len(match) == 1 and u.places:
            if u.sentence not in match[0].sentences:
                match[0].sentences.append(u.sentence)
                match[0].sentences.sort(key=lambda s: s.start)
            if match[0].event_type == "attack_on_installation":
                match[0].event_type = u.event_type
        else:
            rest.append(u)
    return incidents, rest


def _merge_same(incidents: list[Incident]) -> list[Incident]:
    """Two sentences of one article about one event at one place are one incident."""
    out: list[Incident] = []
    for inc in incidents:
        twin = next((o for o in out if o.place.key == inc.place.key and (
            o.event_type == inc.event_type or {o.event_type, inc.event_type} <= REMOTE and "attack_on_installation" in {o.event_type, inc.event_type})
            and (o.date_start is None or inc.date_start is None or (o.date_start <= (inc.date_end or "9999") and inc.date_start <= (o.date_end or "9999")))), None)
        if twin is None:
            out.append(inc)
            continue
        for s in inc.sentences:
            if s not in twin.sentences:
                twin.sentences.append(s)
        twin.mentions.extend(m for m in inc.mentions if m not in twin.mentions)
        if twin.date_start is None and inc.date_start is not None:
            twin.date_start, twin.date_end, twin.date_precision = inc.date_start, inc.date_end, inc.date_precision
        if twin.event_type == "attack_on_installation":
            twin.event_type = inc.event_type
        for a in inc.actors:
            if a not in twin.actors:
                twin.actors.append(a)
        twin.fatalities = sorted(set(twin.fatalities) | set(inc.fatalities))
        twin.injuries = sorted(set(twin.injuries) | set(inc.injuries))
    return out


def _compatible(inc: Incident, d: DateRange | None) -> bool:
    if d is None or inc.date_start is None:
        return True
    return inc.date_start <= d.end.isoformat() and d.start.isoformat() <= (inc.date_end or "9999")


def _incident(c: Candidate, m: Mention | None, place: Place, near: bool, sents, actors) -> Incident:
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
    attacker, target = sides(c.sentence.text, c.trigger_at - c.sentence.start, len(c.trigger), actors)
    anchor = dates.parse_anchor(c.sentence.section.published)
    if c.date:
        ds, de = c.date.iso()
        prec = c.date.precision
    else:
        ds, de, prec = None, ((anchor.end - timedelta(c.days_before)).isoformat() if anchor else None), "unknown"
    return Incident(
        event_type=c.event_type,
        place=place,
        sentences=list(sents),
        mentions=[m] if m else [],
        date_start=ds,
        date_end=de,
        date_precision=prec,
        near=near,
        actors=names,
        attacker=attacker,
        target=target,
        fatalities=sorted(fats),
        injuries=sorted(injs),
        trigger=f"{c.trigger!r}; date: {c.date_text or 'none in text'}",
    )
