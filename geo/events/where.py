"""Where an event happened: the incident places of a sentence.

The most specific place the sentence names; places that only locate another
("north of Baghdad", "in Dhi Qar governorate" after a base), datelines
("Riyadh: ") and places of a clause about another matter ("in response to
... in the Gaza Strip") are not incident places.
"""

from __future__ import annotations

import re

from ..model import INSTALLATION_KINDS, Article, Mention, Place, Precision, Sentence
from ..places.gazetteer import Gazetteer
from ..places.candidates import OFFICE_TITLES
from ..places.geometry import covers, km, within
from ..places.offsets import WITHIN_BEFORE, offset_place
from ..text.lexicon import alternation, rows, tagged, words
from ..text.calendar import MONTH_RE as MONTHS, NUMBER_WORDS, WEEKDAY_RE as WEEKDAY_NAME
from .casualties import casualties
from .triggers import ANAPHOR, BACKGROUND, GENERIC_ATTACK, UNDERGONE, clause_end, trigger

# "Malanville Mayor", "Kharkiv Governor": the office of the place named right before (the titles the places
# stage keeps such a name by)
OFFICE_AFTER = re.compile(rf"\s+(?:{alternation(OFFICE_TITLES)})\b")
# "the serasker Hussein, pasha of Silistria", "the Duke of York": a title's domain, not where anything happened
TITLE_OF_BEFORE = re.compile(rf"\b(?:{alternation(w for w, _ in rows('peerage_titles', 2))})\s+of\s+(?:the\s+)?$", re.I)
# ("300km east of the capital Bangui", "south of the provincial capital of Idlib": the town named after its noun)
HINT_BEFORE = re.compile(r"\b(?:(?:north|south)(?:-?(?:east|west))?|east|west|outside)\s+of\s+(?:the\s+(?:(?:[\w-]+\s+)?"
                         r"(?:capital|city|town|village|port)\s+(?:of\s+)?)?)?$", re.I)
# "captured the island of Failaka, which commands sea approaches to Kuwait City": a clause that describes
# the place before it; the places it names only locate that one
DESCRIBES_BEFORE = re.compile(r",\s+which\s+(?!(?:was|were|had|has|is|are)\s+(?:\w+\s+)?(?:attacked|hit|struck|shelled|bombed|captured|seized|taken|targeted)\b)[^,;.()\[\]]*$", re.I)
# The verbs that report an event ("said", "announced", ...): who says it is no actor or place of it.
REPORTING_VERBS = alternation(tagged("verbs", "reporting"))
# "said Monday that", "reported on Tuesday that": the clause after is the report, what comes before its source
REPORTED_THAT = re.compile(rf"\b(?:{REPORTING_VERBS})\b(?:\s+[\w,]+){{0,3}}?\s+that\b", re.I)
# the end of a sentence that names who reported the event: "..., officials in Baghdad said."
REPORTED_BY = re.compile(rf"(?:['’]s)?[^,;()]{{0,40}}?\b(?:{REPORTING_VERBS})\b[^,;]{{0,30}}[.!?\"”’]*\s*$", re.I)
# "the town of", "the bustling southern port of": the kind of place the name after is
UNIT_OF = r"(?:(?:[a-z][\w-]*\s+){0,3}(?:city|town|village|port|province|region|district|area|state)\s+of\s+)"
# A country name used as a modifier: "US military installations", "Iraqi army".
ADJECTIVAL = re.compile(r"\s+(?!(?:on|in|at|and|or|to|for|from|with|by|as|late|early|last|this|that|which|who|was|were|is|are|has|have|had|said|says|overnight)\b)[a-z]")
# "in", "at the", "into the town of": a preposition that puts something at the place after it
LOCATIVE_BEFORE = re.compile(rf"\b(?:in|at|near|into|on)\s+(?:the\s+)?{UNIT_OF}?$")
# "five were killed in Caracas, two in the state of Zulia and one in Aragua": a toll shared out among places
SHARED_OUT = re.compile(rf"(?:,|\band)\s+(?:\d+|{alternation(NUMBER_WORDS)})\s+(?:[a-z]+\s+){{0,2}}?(?:in|at)\s+(?:the\s+)?{UNIT_OF}?$")
# "Greece's northern city of": a place that owns the one after it, and a list that goes on past it
OWNED = re.compile(rf"['’]s\s+{UNIT_OF}")
JOINED_OWNED = re.compile(rf"\s*(?:,|and|, and)\s*(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,2}}['’]s\s+{UNIT_OF}")
# a road or railway named after a town: the town only says where it leads
# "in the 1967 Mideast war", "the Iran-Iraq war", "Syria's civil war": a place in the name of a war says which
# war, not where
WAR_AFTER = re.compile(r"(?:[-–][A-Z][\w'’]+)*(?:['’]s)?(?:\s+(?:civil|Civil|border|Border|\d{4}))?\s+(?:[Ww]ars?|War)\b")
# (the first town of a route between two: "the Brest-Warsaw road")
ROUTE_AFTER = re.compile(r"(?:[-–—][A-Z][\w'’]*(?:\s[A-Z][\w'’]*)?)?\s+(?:road|highway|railway|railroad|motorway|expressway)\b", re.I)
# "were also bombed", "was taken": the place it befell is its subject, before it
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+\s+){0,2}(?:and\s+)?$")
# "Iraq began launching", "Israel says": a country's name before a verb (or an adverb) is its subject, no modifier
# (nor before a word for a part of it: "the Taiwan capital", "the Ukrainian side of the border")
VERB_AFTER = re.compile(r"\s+(?:[a-z]+ed|began|begins|says|said|will|would|can|could|may|might|must|should|did|does|do|also|still"
                        r"|then|now|today|tonight|yesterday|since|after|before|when|while|where|because|but|so|if"
                        r"|capital|city|coast|border|side|mainland|countryside|interior|province|region|territory|island)\b")
# "a U.S. helicopter", "the US airlift": a country's name after an article, before what is its
ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.I)
# "Garibaldi's bands": a name that owns what follows it
POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# "U.S. Marine", "Russian Army": a country's forces after its name
FORCES_AFTER = re.compile(rf"\s+(?:{alternation(w for (w,) in rows('state_force_words', 1))}|marines?)\b", re.I)
# "has now been occupied by"; "Urfa came under attack ..., followed by Hadjin": what undergoes it is its subject
PASSIVE_TRIGGER = re.compile(r"(?:was|were|is|are|has|have|had)\s+(?:\w+\s+)?been\b|(?:was|were)\s|" + UNDERGONE.pattern, re.I)
ASIDE_BEFORE = re.compile(r"\s*\([^()]{1,70}\)\s*$")
NEAR_BEFORE = re.compile(r"\bnear\s+(?:the\s+)?$", re.I)
TARGET_NOUNS = rf"(?:nuclear\s+)?(?:{alternation(words('target_nouns'))})"
PRECISION_ORDER = [str(p) for p in Precision]
VAGUE_KM = 1500.0  # a place below a country this uncertain is no place of an incident
# Between two places of one event: "A and B", "A, B", "in A and in the coastal city of B".
# Also past a parenthesis ("Bignona (South), Saint-Louis") and into an example list ("Dakar, but also
# in some towns such as Ziguinchor", "Kabul as well as Herat").
JOINED = re.compile(r"(?:\s*(?:\([^()]{1,25}\)|\[[^\[\]]{1,25}\]))?(?:\s+(?:to|in)\s+the\s+(?:north|south)?(?:-?(?:east|west))?(?:ern)?)?"  # "A to the south and B"
                    r"(?:\s*,\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?){0,2}"  # past names the gazetteer lacks: "at Stavanger, Fornebu, and Aalborg"
                    r"\s*(?:,|and|, and|or|,?\s*as well as)\s*(?:(?:in|at|on|near)\s+)?(?:the\s+)?"
                    rf"{UNIT_OF}?"
                    r"|\s*,?\s*(?:but\s+)?(?:also\s+)?(?:in\s+)?(?:[a-z]+\s+){0,3}(?:towns|cities|villages|provinces|regions|districts|areas)\s+(?:such\s+as|including|like)\s+")
# A dateline opening a sentence: "Riyadh: ", "ERBIL, Kurdistan Region — ", "ERBIL (Kurdistan 24) – ".
DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.'’-]{2,}(?:\s[A-Z][\w.'’-]*){0,3}(?:,\s+[A-Z][\w.'’-]*(?:\s[\w.'’-]+){0,3})?\s*(?:\([^)]{0,40}\)\s*)?(?:--|[:—–_-])"
    r"|[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}:"
    r"|[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2}\s*\([A-Z][\w .'’-]{1,30}\)\s*(?:--|[:—–_-])"  # "Quito (AFP) – "
    rf"|[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,2}},\s+(?i:{MONTHS})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?(?:\.\s*,?|,)?(?:\s*(?:--|[—–]))?(?=\s+[A-Z])"  # "Karachi, March 26 Armed ...", "London, August 25. — A", "ELISABETHVILLE, September 15. , The", "SINGAPORE, MARCH 13 Four", "Barcelona, May 30, Seventy-one"
    rf"|[A-Z][A-Z.'’/-]{{2,}}(?:\s[A-Z][A-Z.'’/-]*){{0,3}},\s+\d{{1,2}}\s+(?:{MONTHS})\s*(?:--|[:—–_-]))\s"  # "JAMMU/SRINAGAR, 7 May: "
    # "SAIGON, Feb. 15, 1968 (UPI) - ", "DHARHAN, Saudi Arabia, Feb. 24—Allied"
    rf"|\s*[A-Z][A-Z.'’-]{{2,}}(?:\s[A-Z][A-Z.'’-]*){{0,3}}(?:,\s+[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,2}})?,\s+(?:{MONTHS})\.?\s+\d{{1,2}}"
    rf"(?:,\s+\d{{4}})?\.?\s*(?:\([^)]{{0,40}}\)\s*)?(?:--|[:—–_-])\s*"  # ("JERUSALEM, April 22.-Haifa")
    # "SOFIA, Thursday, Oct. 31.— ", "Tokyo, Wednesday, (UP) ", "LONDON, Monday, July 21.— ": a weekday, maybe a date
    rf"|[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,2}},\s+{WEEKDAY_NAME},?\s*(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS}))?(?:,?\s+\d{{4}})?\.?\s*(?:\([^)]{{0,40}}\)\s*)?(?:--|[:—–_-])?\s*(?=[A-Z])"
    # "Muar, 28th February 2020 - "
    rf"|[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,2}},\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})(?:,?\s+\d{{4}})?\s*(?:--|[:—–_-])\s"
)
# "Maputo — The ...": a title-case dateline with a dash, only where a text or section opens (inside one,
# "Kharkiv — Ukraine's second city — was shelled" names the place of the event)
OPENING_DATELINE = re.compile(r"\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2}\s+(?:--|[—–])(?=\s+[A-Z])")


def dateline(text: str, sent: Sentence, end: int | None = None) -> re.Match[str] | None:
    """The dateline opening a sentence ("Riyadh: ", "ERBIL, Kurdistan Region — ", looking up to ``end``;
    "Maputo — " only at the opening of its section)."""
    return DATELINE.match(text, sent.start, sent.end if end is None else end) or (
        OPENING_DATELINE.match(text, sent.start, sent.end) if not text[sent.section.start : sent.start].strip() else None)


# "Kingston, May 27 (IANS/EFE) Four days ...", "June 17, 2014 (JUBA) – ...", "Budapest, 24 October (2am)One ...":
# a date that opens the text after at most a place (and a weekday), then an agency, a place or a clock in
# brackets, or a dash
DATED_OPENING = re.compile(r"\s*(?:[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3},\s*(?:[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2},\s*)?)?"
                           rf"(?:{WEEKDAY_NAME},?\s*)?$")
AFTER_DATED_OPENING = re.compile(r"\.?\s*(?:\([^()]{1,40}\)|--|[:—–_-])")


def in_dateline(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` (a date) part of the dateline that opens ``text``?"""
    dl = DATELINE.match(text)
    if dl and start < dl.end():
        return True
    return bool(DATED_OPENING.match(text[:start])) and bool(AFTER_DATED_OPENING.match(text, end))


# Where a place is only the origin: "a flight from Tel Aviv", "launched from Yemen", "took off from the
# small airport of Puerto Cabezas" (not a distance: "a few hundred yards from the camp").
CAME_FROM = re.compile(
    r"(?<!yards )(?<!metres )(?<!meters )(?<!km )(?<!miles )(?<!kilometres )(?<!kilometers )\bfrom\s+(?:the\s+)?$"
    r"|\bfrom\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+to\s+$"  # "the train from Quetta to Peshawar"
    r"|\bfrom\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}(?:airport|airfield|air\s+base|base|port|harbou?r)\s+(?:of|at)\s+$",
    re.I)
# ... or where someone went after it: "captured and carried to Louisburg a small English garrison", "fled to
# Jalalabad", "driving the imperial troops nearly back to Pressburg"; never the event's place (but "carried to Nantes
# where ...")
WHERE_AFTER = re.compile(r"\s*,?\s*where\b")  # ("carried to Nantes where he stood before the firing squad": the scene)
WENT_TO = re.compile(r"\b(?:carried|fled|retreated|withdrew|escaped|driven\s+back|back)\s+(?:[\w'’-]+\s+){0,3}?to\s+(?:the\s+)?$"
                     # ... or where it was bound and did not get to: "reinforcements were stopped from reaching Antrim"
                     r"|\b(?:(?:stopped|prevented|kept)\s+from\s+reaching|failed\s+to\s+reach|en\s+route\s+to"
                     r"|on\s+(?:its|their|his|her|the)\s+way\s+to|(?:heading|bound)\s+(?:for|to|towards?)"
                     # ... or whom it was meant to warn: "laid waste to the towns of Dorset, as a warning to Exeter"
                     r"|as\s+an?\s+(?:warning|lesson|message|example)\s+to)\s+(?:the\s+)?$", re.I)
# ... or where they went on to after it: "Judar sacked Gao and then moved on to the trading centers of Djenné and Timbuktu"
MOVED_ON = re.compile(r"\b(?:moved|went|marched|pressed|proceeded|continued|sailed)\s+on\s+(?:to|towards?)\s+(?:the\s+)?"
                      r"(?:[\w'’-]+\s+){0,3}?(?:of\s+)?(?:(?-i:[A-Z])[\w'’-]+\s+(?:and|or)\s+|(?-i:[A-Z])[\w'’-]+,\s+)*$", re.I)
# ... or only where it was reported: "said at a press conference in Phnom Penh that ...", "a broadcast
# monitored in Nairobi", a person's post ("the UN Humanitarian Coordinator in Brazzaville", "a correspondent in Nairobi").
REPORTED_AT = re.compile(
    r"\b(?:press conference|news conference|briefing|told reporters|told journalists|statement)\s+(?:[\w-]+\s+){0,2}(?:in|at)\s+(?:the\s+)?$"
    r"|\bmonitored\s+(?:[\w-]+\s+){0,2}in\s+(?:the\s+)?$"
    # "Russia's Foreign Ministry said in Moscow", "it was authoritatively stated in Ahmedabad"
    r"|\b(?:said|announced|declared|stated)\s+(?:\w+ly\s+)?(?:(?:on\s+)?\w+day\s+)?in\s+(?:the\s+)?$"
    r"|\b(?:report|message|dispatch|despatch|telegram|cable|news|advices)\s+(?:received\s+)?from\s+$"  # "A report from Asmara states ..."
    r"|\b(?:reports?|messages?|dispatch(?:es)?|despatch(?:es)?|telegrams?|cables?|news|advices)\s+(?:(?:was|were|has been|have been)\s+)?received\s+(?:at|in)\s+$"  # "Advices received at Madrid say ..."
    r"|\b(?:[Cc]oordinator|[Rr]epresentative|correspondent|[Aa]mbassador|envoy|spokes(?:man|woman|person))\s+(?:[\w-]+\s+){0,2}in\s+$",
    re.I)

# ... or where the one who reported it sits: "The Daily Telegraph's Paris correspondent says ...", "the Nairobi bureau"
REPORTER_AFTER = re.compile(r"\s+(?:correspondents?|bureau|newspapers?|(?:despatch|dispatch)(?:es)?|telegrams?|cables?|messages?|advices)\b", re.I)


# "Jijiga ... had fallen to Somali-backed guerrillas Sept. 14, according to sources in Addis Ababa": the place
# that fell is the subject, before the trigger (data/lexicon/yield_verbs.tsv)
YIELDED = re.compile(r"(?:" + alternation(f for _lemma, forms in rows("yield_verbs", 2) for f in forms.split(",")) + r")\s+to\b", re.I)


SITE_IN_TOWN_KM = 25.0  # a site this near a town, named "site, town", is that town's


def rank(p: Place) -> int:
    """How specific a place is; a named installation counts as a site even when
    its coordinate is only known to district precision."""
    return 0 if p.kind in INSTALLATION_KINDS else PRECISION_ORDER.index(p.precision)


def contains(area: Place, place: Place) -> bool:
    """"al-Qaim, Anbar province": the province only says where the town is."""
    return covers(area, place.point)


# A name before an armed noun says whose fighters they are ("Seminole warriors", "Gaza militants"), not where
# "..., and Santa Cruz exiled himself in Guayaquil", "and Osman settled on Pleven": another subject's deed
NEW_SUBJECT = re.compile(r"\band\s+(?:then\s+)?(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:de|da|del|von|van|[A-Z][\w'’.-]*))*\s+"
                         r"(?:[a-z]+ly\s+)?(?!(?:of|in|at|and|on|near|the)\b)[a-z]+(?:ed|s)\b")
RELATION_AFTER = re.compile(rf"-(?:{alternation(tagged('hyphen_suffixes', 'relation'))})\b", re.I)
BAND_AFTER = re.compile(rf"\s+(?:{alternation(tagged('armed_nouns', 'band'))})\b", re.I)
ARMED_AFTER = re.compile(rf"\s+(?:{alternation({w for w, tags in rows('armed_nouns', 2) if 'people' not in tags} - {'police', 'policeman', 'policemen'})})\b", re.I)


def event_places(text: str, sent: Sentence, mentions: list[Mention], gaz: Gazetteer, trig_at: int, weak: bool = False):
    """The incident places of a sentence: the most specific, hints removed."""
    cands = []
    dl = dateline(text, sent)
    # "... in response to American support for Israel in its war against Hamas in the
    # Gaza Strip": places of another, earlier matter are not this event's.
    bg = BACKGROUND.search(text, trig_at, sent.end)
    # ... nor those of an opening clause about an earlier one ("Two days after the
    # attack on Camp Taji, rockets hit Balad Air Base").
    opening = BACKGROUND.search(text, sent.start, trig_at)
    cut = clause_end(text, opening.end(), trig_at) if opening else None
    hints = []  # places that only locate another ("20 km south of Kharkiv")
    origins = []  # where it came from or who reported it ("from Yemen"): the event's place only when there is no other
    reported = []  # where it was reported ("a press conference in Maputo"): its country only, when there is no other
    offices = []  # the place whose mayor or governor reports it: near there, when the text names only its country
    # "A resistance group in Peshawar said Monday that Soviet troops ...": who said it, and where, is the report's
    said = REPORTED_THAT.search(text, sent.start, trig_at)
    for m in mentions:
        if (dl and m.end <= dl.end()) or (bg and m.start >= bg.end()):
            continue  # "Riyadh: Drones struck ...": where the report was filed
        if opening and cut and opening.start() <= m.start < cut:
            continue
        if m.place is None:
            if m.near is not None:  # "Dantewada prison": near the town it is named after
                cands.append((m, m.near, True))
            continue
        before = text[max(sent.start, m.start - 30) : m.start]
        if RELATION_AFTER.match(text, m.end):
            continue  # "Washington-based", "the Moscow-backed administration": describes
        if WAR_AFTER.match(text, m.end):
            continue  # "captured ... in the 1967 Mideast war": which war
        if ROUTE_AFTER.match(text, m.end):
            # "on the main Ipoh road", "the Kabul-Jalalabad highway": a route named after the town
            hints.append((m, m.place, True))
            continue
        described = DESCRIBES_BEFORE.search(text, max(sent.start, m.start - 80), m.start)
        if described and any(o.end == described.start() for o, _, _ in cands if o is not None):
            hints.append((m, m.place, True))
            continue
        if HINT_BEFORE.search(before) or WITHIN_BEFORE.search(text, max(sent.start, m.start - 60), m.start) or (
                text[m.start - 1 : m.start] + text[m.end : m.end + 1] in ("()", "[]")
                                          and any(o.end < m.start for o, _, _ in cands)):
            # "north of Baghdad", "Nakuru (Rift Valley)": locate another
            hints.append((m, offset_place(text, m, gaz), True))
            continue
        if TITLE_OF_BEFORE.search(before):
            origins.append((m, m.place, False))
            continue
        if BAND_AFTER.match(text, m.end):
            continue  # "Sioux and Cheyenne warriors attacked": whose band, not even where it came from
        if ARMED_AFTER.match(text, m.end):
            origins.append((m, m.place, False))  # "ambushed by Seminole warriors": whose fighters, not where
            continue
        if REPORTED_AT.search(before) or REPORTER_AFTER.match(text, m.end):
            reported.append((m, m.place, False))
            continue  # "said at a press conference in Maputo that ...": where it was reported
        office = OFFICE_AFTER.match(text, m.end) and m.place.precision != "country"
        if WENT_TO.search(before) and not WHERE_AFTER.match(text, m.end) or (
                m.start > trig_at and MOVED_ON.search(text, max(sent.start, m.start - 80), m.start)):
            continue  # "captured and carried to Louisburg a small garrison at Canseau": where they went after it
        if CAME_FROM.search(before) or (said and m.end <= said.start()) or (
                m.start > trig_at and REPORTED_BY.match(text, m.end, sent.end) and "," in text[trig_at : m.start]) or (
                office and "," not in m.text):
            # "a flight from Tel Aviv": where it came from; "..., setting two supertankers ablaze, shipping
            # insurer Lloyd's of London said": who reported it; "stormed Mysore ruler Tipu Sultan's fort in
            # Bangalore": whose ruler, not where (not "... and Croydon, London Mayor Boris Johnson said": the name
            # "Croydon, London" ends with the mayor's city)
            origins.append((m, m.place, False))
            if office:
                offices.append((m, m.place, True))
            continue
        after = m.end + (text[m.end : m.end + 1] == ".")  # ("U.S." whose mention ends before its full stop)
        if not LOCATIVE_BEFORE.search(before) and (m.place.precision == "country" and (
                ARTICLE_BEFORE.search(before) and ADJECTIVAL.match(text, after) and not VERB_AFTER.match(text, after)
                or FORCES_AFTER.match(text, after)) or m.place.key in gaz.capital_keys and FORCES_AFTER.match(text, after)):
            # "a U.S. Marine Cobra helicopter", "US warplanes": a country that only says whose; so does a capital
            # before its state's forces ("Moscow troops ... captured Baturyn")
            origins.append((m, m.place, False))
            continue
        cands.append((m, m.place, bool(NEAR_BEFORE.search(before))))
    # a continent, an ocean or "the Middle East" places nothing on a map
    cands = [c for c in cands if c[1].precision == "country" or c[1].uncertainty_km < VAGUE_KM]
    if not cands:
        # where it came from, or the country where it was reported, when nothing else is named (a town where
        # it was reported, "a broadcast monitored in Nairobi", says nothing of where it happened)
        # (a place the text locates it by comes first: "The Shanghai revolutionaries captured The Purple Mountain,
        # east of Nanking": near Nanking, not at Shanghai)
        cands = ([] if hints and origins and not any(o[1].precision == "country" for o in origins) else origins) \
            + [r for r in reported if r[1].precision == "country"]
    if offices and cands and country_only(cands) and all(any(within(c[1], o[1]) for c in cands) for o in offices):
        # "Gunmen attacked a border crossing in northern Benin ..., Malanville Mayor Gado Guidami said": a local
        # official reports what happened where he holds office, so near his town rather than anywhere in the country
        cands = offices
    if hints and country_only(cands):
        # The event is at a place the gazetteer lacks, or one the text does not name ("a security operation
        # south of Bwiam", "a battle 14 miles south of Kuala Lumpur"): near the place the text gives.
        cands = [c for c in cands if c[1].precision != "country"] + hints
    # "struck three Iranian nuclear facilities": the demonym names the target country.
    after = text[trig_at : min(sent.end, trig_at + 60)]
    dm = re.search(rf"\b([A-Z][a-z]+)\s+{TARGET_NOUNS}", after)
    iso = gaz.demonyms.get(dm.group(1).lower()) if dm else None
    if iso and f"iso/{iso}" in gaz.places and country_only(cands):
        return [(None, gaz.places[f"iso/{iso}"], False)]
    shared = [c for c in cands if c[0] and c[0].start > trig_at and c[1].precision != "country"
              and SHARED_OUT.search(text, max(sent.start, c[0].start - 50), c[0].start)]
    if weak:
        near = [c for c in cands if abs(c[0].start - trig_at) <= 80]
        if not near:
            after = [c for c in cands if c[0] and trig_at < c[0].start <= trig_at + 200 and c[1].precision != "country"]
            if after and LOCATIVE_BEFORE.search(text, max(sent.start, after[0][0].start - 40), after[0][0].start):
                near = after[:1]
        cands = near
    if not cands:
        return cands
    # "Victory Base at Baghdad Airport": the second only locates the first.
    # (never a finer place after a coarser one: "the University of Nicaragua in Managua")
    located = {id(b): a for a, b in zip(cands, cands[1:])
               if a[0] and b[0] and rank(b[1]) >= rank(a[1])
               and (re.fullmatch(r"\s*(?:at|in|near|inside|of)\s+(?:the\s+)?", text[a[0].end : b[0].start])
                    # "Mountjoy Jail, Dublin": the town after a comma only says where the named site is
                    or rank(a[1]) == 0 < rank(b[1]) and re.fullmatch(r",\s*", text[a[0].end : b[0].start])
                    and km(a[1].point, b[1].point) <= b[1].uncertainty_km + SITE_IN_TOWN_KM)}
    # where each place's own locator ends ("Dyagilevo in the Ryazan Region and Engels": the list goes on after it)
    located_end = {id(a): b[0].end for b in cands if id(b) in located for a in [located[id(b)]]}
    cands = [c for c in cands if id(c) not in located]
    best = min(rank(p) for _, p, _ in cands)
    finest = [c for c in cands if rank(c[1]) == best]
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
        if YIELDED.match(text, trig_at):
            after = [c for c in finest if c[0] and c[0].start < trig_at][-1:] or after
        # (none after a passive one: the place nearest before it, "Though Helsinki was the primary target, the
        # cities of Kotka, ... and Oulu were also bombed", the list it closes joined below)
        # (not one that owns something, "with Garibaldi's bands, which ... were repulsed")
        subject = [c for c in finest if c[0] and not POSSESSIVE_AFTER.match(text, c[0].end)]
        passive = PASSIVE_BEFORE.search(text, max(sent.start, trig_at - 40), trig_at)
        aux_at = passive.start() if passive else trig_at if PASSIVE_TRIGGER.match(text, trig_at) else None
        # "Port Said has now been occupied by the British force, and ... to occupy Ismailia": the passive subject
        if aux_at is not None and (aside := ASIDE_BEFORE.search(text, max(sent.start, aux_at - 80), aux_at)):
            aux_at = aside.start()  # "Randalstown (captured by James Dickey) were taken": past the aside
        right_before = [c for c in subject if aux_at is not None and aux_at - 2 <= c[0].end <= trig_at]
        # "Nanking was abandoned; ... and Hangchow was in a state of siege": the place of the trigger's own clause
        semi = text.rfind(";", sent.start, trig_at)
        own = [c for c in subject if c[0] and semi >= 0 and semi < c[0].start < trig_at]
        first = right_before[-1:] or after[:1] or (subject[-1:] if passive else []) or own[:1] or finest[:1]
        # "... seized strongholds in and around Amman, ... destroyed a redoubt at Zerka": each place a
        # preposition after the trigger puts something in is a place of the event (not "authorities in")
        finest = first + [c for c in after[1:] if c not in first and LOCATIVE_BEFORE.search(text, max(sent.start, c[0].start - 40), c[0].start)
                          and not (first[0][0] and NEW_SUBJECT.search(text, first[0][0].end, c[0].start))
                          and not re.search(r"\baccording to\b", text[max(sent.start, c[0].start - 60) : c[0].start])]
    # "near Al Anbar and Jurf al-Saqr", "at Al-Assad and Irbil": places joined to a
    # chosen one by "and" or a comma are places of the event too (not countries).
    # ("Athens and Greece's northern city of Thessaloniki": past the country that owns the next)
    pairs = [*zip(cands, cands[1:]), *((a, c) for a, b, c in zip(cands, cands[1:], cands[2:])
                                      if b[0] and b[1].precision == "country" and OWNED.match(text, b[0].end))]
    changed = True
    while changed:
        changed = False
        for a, b in pairs:
            between = text[located_end.get(id(a), a[0].end) : b[0].start] if a[0] and b[0] else ""
            if not (a[0] and b[0]) or not (JOINED.fullmatch(between) or JOINED_OWNED.fullmatch(between)):
                continue
            for x, y in ((a, b), (b, a)):
                if x in finest and y not in finest and y[1].precision != "country" and not contains(y[1], x[1]):
                    finest.append(y)
                    changed = True
    if shared and set(map(id, finest)) & {id(c) for c in cands if c[0] and c[0].start < shared[0][0].start}:
        finest += [c for c in shared if c not in finest]  # each share's place, after the first's
    uniq, seen = [], set()
    for c in finest:
        if c[1].key not in seen:
            seen.add(c[1].key)
            uniq.append(c)
    return uniq



CITY_STATE_DEGREES = 0.75  # a country whose outline spans less than this (Gibraltar, Monaco, Macau; Malta, Guam, Bahrain) is as exact as a town
CITY_STATE_KM = 15.0  # ... and whose equal-area radius is at most this (so big countries' outlines are never walked)


def city_state(p: Place) -> bool:
    if p.geometry is None or p.uncertainty_km > CITY_STATE_KM:
        return False
    x0, y0, x1, y1 = p.geometry.bounds
    return max(x1 - x0, y1 - y0) < CITY_STATE_DEGREES


def country_only(places) -> bool:
    return all(p.precision == "country" and not city_state(p) for _, p, _ in places)




def places_next_door(article: Article, i: int, tm: re.Match[str], places, by_sentence, gaz: Gazetteer):
    """Places of the next sentence, when it reports no event of its own but
    speaks of what this one hit ("Drones struck two Saudi Aramco oil facilities
    early Saturday. ... fires at two of its facilities in Abqaiq and Khurais")."""
    if i + 1 >= len(article.sentences):
        return []
    sent, nxt = article.sentences[i], article.sentences[i + 1]
    if nxt.section != sent.section or trigger(nxt.text) or GENERIC_ATTACK.search(nxt.text):
        return []
    if not same_target(sent.text[tm.end() :], nxt.text) and not same_toll(sent.text, nxt.text):
        return []
    countries = {p.country for _, p, _ in places}
    return [p for p in event_places(article.text, nxt, by_sentence.get(nxt.start, []), gaz, nxt.start)
            if rank(p[1]) <= PRECISION_ORDER.index("town") and (not countries or p[1].country in countries)]


def same_toll(text: str, nxt: str) -> bool:
    """"A raid left at least two people dead in Nicaragua" ... "There are two dead reported in Diriambo":
    the next sentence gives the same death toll."""
    dead = casualties(text)[0]
    return bool(dead) and casualties(nxt)[0] == dead


TARGET_WORD = re.compile(
    r"\b(facilit|base|site|compound|airport|airfield|field|plant|refiner|depot|port|camp|position|installation|headquarter|building|outpost)"
    r"(?:y|ies|s|es)?\b", re.I)


def same_target(after_trigger: str, nxt: str) -> bool:
    """Does the next sentence speak of what the trigger's sentence hit ("two oil
    facilities" ... "two of its facilities in Abqaiq"), or of the event itself?"""
    hit = {m.group(1).lower() for m in TARGET_WORD.finditer(after_trigger)}
    return bool(ANAPHOR.search(nxt)) or any(m.group(1).lower() in hit for m in TARGET_WORD.finditer(nxt))


# "here", "in this southeastern Wisconsin city", "dive-bombed this ancient industrial city": the place of the dateline.
HERE = re.compile(r"\bhere\b(?!\s+(?:is|are|was|were)\b)|\bthis\s+(?:[\w-]+\s+){0,3}(?:city|town|village|capital)\b", re.I)


# (a capitalised direction before a capitalised word is part of a name: "South African troops", "North Korean";
# not "northern Benin")
_DIRECTION = r"(?:ern|-?east(?:ern)?|-?west(?:ern)?)?\b"
ELSEWHERE = re.compile(rf"\b(?:north|south|east|west){_DIRECTION}|\b(?:North|South|East|West){_DIRECTION}(?!\s+[A-Z])|\b[Bb]orders?\b"
                       r"|\bon the island\b|\bin the (?:countryside|provinces?|region|interior|mountains|jungle|desert)\b")


# a capitalised name a locative puts the event in: a place the gazetteer lacks
UNKNOWN_PLACE = re.compile(r"\b(?:in|at|near|into|entered|occupied|captured|seized|stormed|shelled|bombed|raided|toward|towards)"
                           r"\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z][a-z]")  # "shelled the embattled Citadel"


def dateline_places(article: Article, sent: Sentence, places, mentions: list[Mention]):
    """The place of the article's dateline ("MASERU, Lesotho (AP) --"), for an event sentence that says
    it happened "here" or "in this city", or (near it) for one that names only the dateline's country
    when the article names no other place in that country but ones that hold the dateline's."""
    first = next((s for s in article.sentences if s.section == sent.section), None)
    # (the dateline may be a sentence of its own, "Tripoli, November 8.", its pattern looking past the end)
    dl = dateline(article.text, first, first.end + 2) if first is not None else None
    if dl is None:
        return []
    own = [m for m in mentions if first.start <= m.start < dl.end() and m.place is not None and m.place.precision in ("site", "town")]
    if not own:
        return []
    m = own[0]
    if HERE.search(sent.text):
        return [(m, m.place, False)]
    if ELSEWHERE.search(sent.text):
        return []  # "in northern Benin", "near the border": somewhere else than where it was filed
    line = article.text[first.start : dl.end()]
    lead = sent.start == first.start  # (the lead may name the dateline's place again later: "... above Bangkok's skyline")
    if not places and not any(x.start >= dl.end() and (x.place is None or x.place.key != m.place.key or not lead)
                              for x in mentions) and not (
            any(ch.isdigit() or ch == "(" for ch in line) and UNKNOWN_PLACE.search(article.text, dl.end(), sent.end)):
        # "GUWAHATI: ... were injured in a grenade blast", "Tripoli, November 8. ... Arabs attacked them": the
        # article names no other place (but, for its lead, the dateline's own again), not even a country, so
        # nothing but its dateline says where (not
        # when a wire's, dated or credited, "MADRID, October 3. ... the Spaniards entered Ajdir", names a
        # place the gazetteer lacks, here or before: filed from a hub about somewhere else)
        return [(m, m.place, True)]
    # the countries of the sentence, or (a sentence naming no place) those the article names
    countries = {p.country for _, p, _ in places} or {x.place.country for x in mentions if x.start >= dl.end()
                                                       and x.place is not None and x.place.precision == "country"}
    if m.place.country not in countries:
        return []
    # any name after the dateline that the gazetteer lacks, or another place in its country but one holding it
    others = [x for x in mentions if (x.start >= dl.end() and x.place is None) or (
              x.place is not None and x.place.country == m.place.country and x.place.precision != "country"
              and x.place.key != m.place.key and not within(x.place, m.place))]
    return [] if others else [(m, m.place, True)]
