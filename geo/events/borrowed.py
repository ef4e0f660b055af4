"""Where an event is when its own sentence names no place, or only a country: the places of the
sentences around it.  "... Israeli airstrikes in Hama province. The Israeli attacks on the Masyaf
countryside ..." (a finer place inside the one named before), "... overran a base in Nasir. The army
recaptured the town" (the town named before), "... near the city of Relizane ... the attackers killed
412 people" (the sentence before)."""

from __future__ import annotations

import re

from ..model import CROWD_EVENTS, INSTALLATION_KINDS, Article, Mention, Sentence
from ..places.gazetteer import Gazetteer
from ..places.geometry import within
from ..places.mentions import WAR_WORDS
from ..text.lexicon import alternation, words
from .report import Report
from .triggers import weapon_kinds
from .unrest import UNREST_GENERIC
from .where import PRECISION_ORDER, country_only, dateline, event_places, rank


def finer_places(text: str, sent: Sentence, ms: list[Mention], gaz: Gazetteer, prev: Report):
    """Places of ``sent`` as fine as a town or finer that lie inside a province the previous report named,
    or in the country it named when it named nothing finer ("... an attack in southeastern Iran. The attack
    took place in Mirjaveh")."""
    areas = [p for _, p, _ in prev.places if p.precision == "region"]
    # (not when it named several kinds of weapon: "with rockets and drones over 100 times" is many events)
    several = len(weapon_kinds(prev.sentence.text)) > 1
    countries = {p.country for _, p, _ in prev.places} if country_only(prev.places) and not several else set()
    if not areas and not countries:
        return []
    places = event_places(text, sent, ms, gaz, sent.start)
    # inside a province: a town or finer; in a country: a province too ("This attack occurred in the Alibori department")
    return [c for c in places if (any(within(a, c[1]) for a in areas) and rank(c[1]) <= PRECISION_ORDER.index("town"))
            or (c[1].country in countries and rank(c[1]) < PRECISION_ORDER.index("country"))]


# "the town", "the besieged city", "the air base": a place of that kind named before
PLACE_ANAPHOR = re.compile(r"\bthe (?:[\w-]+ ){0,2}(?P<noun>town|city|village|base|camp|airport|garrison|airfield|aerodrome|port|stronghold|fortress|citadel"
                           r"|(?P<many>towns|cities|villages))\b(?! of\b)", re.I)
# ... or anywhere in the sentence after a locative: "on April 1 in the city, two armored vehicles ... opened fire"
AT_PLACE_ANAPHOR = re.compile(r"\b(?:in|at|near|inside|outside|around|into) " + PLACE_ANAPHOR.pattern[2:], re.I)
SETTLEMENT_NOUNS = {"town", "city", "village"}
# a town or an installation: "anchored off Wusong. Bombardment of the port began", "Strasburg is holding out bravely
# ... the right side of the citadel has been burnt down"
TOWN_OR_SITE_NOUNS = {"port", "garrison", "stronghold", "fortress", "citadel"}
# "El-Obeid was founded in 1821. It was attacked by ...", "... In 1736, it was captured and destroyed"
IT_PASSIVE = re.compile(r"(?:(?:In|On|By) [^,]{1,30}, )?(?:It|it) (?:was|had been|has been) (?:\w+ly )?$")
# what a sentence says before the place it opens with: "The Turkish fortress of Kinburn was built ..."
OPENING = re.compile(r"(?:The |the )?(?:[\w-]+ ){0,2}(?P<noun>town|city|village|port|stronghold|fortress|citadel|fort|castle) of $")


def named_before(article: Article, i: int, sent: Sentence, tm: re.Match[str], places, by_sentence):
    """The place a definite noun of its kind ("the town", "the base") names again: the last town (or
    installation) the two sentences before name, in the countries the sentence names if it names any.
    Only the trigger's own: right after it ("recaptured the town", "an attack on the besieged city")."""
    m = PLACE_ANAPHOR.search(sent.text, max(0, tm.start() - 60), tm.end() + 60) or AT_PLACE_ANAPHOR.search(sent.text)
    if m is None:
        before = article.sentences[i - 1] if i else None
        if before is None or before.section != sent.section or not IT_PASSIVE.fullmatch(sent.text[: tm.start()]):
            return []
        # "El-Obeid was founded in 1821. It was attacked by ...": the town the sentence before opens with
        opening = [x for x in by_sentence.get(before.start, []) if x.start == before.start
                   or OPENING.fullmatch(article.text[before.start : x.start])]
        return [(x, x.place, False) for x in opening[:1] if x.place is not None and (
            x.place.precision == "town" or x.start > before.start and x.place.precision != "country")]
    settlement = m.group("noun").lower() in SETTLEMENT_NOUNS or bool(m.group("many"))
    either = m.group("noun").lower() in TOWN_OR_SITE_NOUNS
    countries = {p.country for _, p, _ in places}
    for j in (i - 1, i - 2):
        if j < 0 or article.sentences[j].section != sent.section:
            break
        kin = [x for x in by_sentence.get(article.sentences[j].start, []) if x.place is not None
               and (x.place.precision == "town" if settlement else x.place.kind in INSTALLATION_KINDS
                    or either and x.place.precision == "town")
               and (not countries or x.place.country in countries)]
        if m.group("many"):
            # ("Dessie and Kombolcha are now the front lines ... have taken the key towns": each of them, when
            # that sentence names several)
            if len({x.place.key for x in kin}) >= 2:
                return [(x, x.place, False) for x in kin]
        elif kin:
            return [(kin[-1], kin[-1].place, False)]
    if m.group("noun").lower() == "camp" and i and article.sentences[i - 1].section == sent.section:
        # "The Moorish camp lay over against Tetuan. ... attacked the camp": near the camp the sentence before
        # draws near its town, else near that sentence's town
        before = by_sentence.get(article.sentences[i - 1].start, [])
        near = [x for x in before if x.place is None and x.near is not None] or [
            x for x in before if x.place is not None and x.place.precision == "town"
            and (not countries or x.place.country in countries)]
        if near:
            return [(near[-1], near[-1].near or near[-1].place, True)]
    return []


def previous_places(article: Article, i: int, places, by_sentence, far: bool = False):
    if i == 0 or article.sentences[i - 1].section != article.sentences[i].section:
        return []
    countries = {p.country for _, p, _ in places} if places is not None else None
    back = i - 1
    if far and back > 0 and not by_sentence.get(article.sentences[back].start) and (
            article.sentences[back - 1].section == article.sentences[i].section):
        back -= 1  # "... defended Chateaudun. A force of 12,000 Prussians showed up in the east. Seven cannons fired at ..."
    prior = [(m, m.place, True) for m in by_sentence.get(article.sentences[back].start, [])
             if m.place is not None and m.place.precision != "country" and (countries is None or m.place.country in countries)]
    s = article.sentences[back]
    if back < i - 1 and (dl := dateline(article.text, s, s.end + 2)) is not None:
        # "Kismayo, March 3. ... the militia entered Xqwerty. Nine people were killed": not where the report was
        # filed, two sentences up (the dateline's own rule, :func:`.where.dateline_places`, says when it is)
        prior = [x for x in prior if x[0].start >= dl.end()]
    if not prior:
        return []
    best = min(rank(p) for _, p, _ in prior)
    return list({p.key: (m, p, n) for m, p, n in prior if rank(p) == best}.values())


def scene_place(article: Article, i: int, slug: str, trigger: str, trigger_at: int, by_sentence, far: bool = True):
    """The one place the sentence before event sentence ``i`` names, as the scene of a fight, siege, crowd or strike
    that names none ("... gathered at the market in Kassala. Fighting broke out on Tuesday"). A one-word trigger of
    unrest that is often said in a figure ("fighting", "battle": data/lexicon/unrest_words.tsv, 'generic') needs a text
    about war, by a word of its own besides the trigger ("She has been fighting leukaemia" after "a teenager from
    Bicester" is none); a crowd's ("protesters"), a phrase ("lay siege") or a verb of its own ("besieged") does not,
    and looks past a sentence between that names no place ("In Trzin ... tanks were stopped by the barricades. ...
    helicopters suddenly appeared ... A fierce battle broke out"), unless not ``far`` (the event reported two
    sentences up, named again: "... a drone attacked Harir Airport ... The attack resulted in a fire")."""
    sure = slug in CROWD_EVENTS or " " in trigger.strip() or not UNREST_GENERIC.fullmatch(trigger.strip())
    if not sure and not any(w.start() != trigger_at for w in WAR_WORDS.finditer(article.text)):
        return []
    prior = previous_places(article, i, None, by_sentence, far=far and sure)
    if len(prior) > 1:
        # "At Frastanz, a few kilometers south-east of Feldkirch, the Habsburg troops had blocked the entry to the
        # Montafon valley ... The Swiss ... after a hard battle routed Maximilian's army": the place the sentence
        # opens with ("At X, ...") sets the scene of what follows
        prior = [x for x in prior if fronted(article, x[0])]
    return prior if len(prior) == 1 else []


# "At Frastanz, ...", "In the Entlebuch, ...": a sentence that opens with where it is
SCENE_OPENING = re.compile(rf"\s*(?:{alternation(w for w in words('locative_prepositions') if ' ' not in w)})\s+(?:the\s+)?$", re.I)


def fronted(article: Article, m: Mention) -> bool:
    """Does the sentence of mention ``m`` open with it, after a locative preposition and before a comma?"""
    return article.text[m.end : m.end + 1] == "," and SCENE_OPENING.fullmatch(article.text, m.sentence.start, m.start) is not None
