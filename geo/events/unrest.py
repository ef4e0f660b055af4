"""A crowd's violence or an armed side's: the words of unrest (``data/lexicon/unrest_words.tsv``) decide
between a riot and fighting or an attack, for the trigger a sentence's event was found by; and what bombing was
before there were aircraft (:func:`before_aircraft`)."""

from __future__ import annotations

import re

from ..text.lexicon import alternation, tagged, words

# "clashes on Friday" between a crowd and the police, no armed side named: a riot
UNREST_GENERIC = re.compile(rf"\b(?:{alternation(tagged('unrest_words', 'generic'))})\b", re.I)
CROWDS = re.compile(rf"\b(?:{alternation(words('crowd_nouns') + tagged('unrest_words', 'crowd'))})\b", re.I)
WAR_PARTIES = re.compile(rf"\b(?:{alternation(tagged('unrest_words', 'party'))})\b", re.I)
SIEGE_WORDS = re.compile(rf"\b(?:{alternation(tagged('unrest_words', 'siege'))})\b", re.I)
MASSACRE = re.compile(rf"\b(?:{alternation(tagged('unrest_words', 'massacre'))})\b", re.I)
# who the massacre was done to, in the words after it
VICTIMS = re.compile(rf"\b(?:{alternation(words('crowd_nouns') + words('civilian_words'))})\b", re.I)
FIGHTERS = re.compile(rf"\b(?:{alternation(words('combatant_words'))})\b", re.I)
WRECKING = re.compile(rf"\b(?:{alternation(tagged('unrest_words', 'wrecking') + tagged('unrest_words', 'arson'))})\b", re.I)
PLUNDER = re.compile(rf"\b(?:{alternation(tagged('unrest_words', 'plunder'))})\b", re.I)
CONQUEST = re.compile(rf"\b(?:{alternation(tagged('unrest_words', 'conquest'))})\b", re.I)
ARSON = re.compile(rf"\b(?:{alternation(tagged('unrest_words', 'arson'))})\b", re.I)
# "stormed two large prisons", "torched a police outpost": what was attacked is an installation
INSTALLATION_TARGETS = re.compile(rf"^(?:[\w'’,-]+ ){{0,5}}?(?:{alternation(words('installation_targets'))})\b", re.I)


def crowd_or_armed(slug: str, tm: re.Match[str], text: str) -> str:
    """The event type once who did it is weighed: ``tm`` is the trigger's match in the sentence ``text``."""
    if slug == "armed_clash" and UNREST_GENERIC.search(tm.group(0)) and CROWDS.search(text) and not WAR_PARTIES.search(text):
        return "riot"  # "clashes on Friday and Saturday" between a crowd and the police, no armed side named
    if slug == "protest_siege" and SIEGE_WORDS.fullmatch(tm.group(0).strip()) and not CROWDS.search(text):
        return "armed_clash"  # "the siege of Badajoz", "the fortress was stormed": no crowd in the sentence: fighting
    if slug == "protest_siege" and CROWDS.search(text) and WRECKING.search(text) and not WAR_PARTIES.search(text):
        return "riot"  # "protested in downtown Timisoara ... breaking windows and smashing furniture": a riot
    if slug == "riot" and ARSON.search(tm.group(0)) and WAR_PARTIES.search(text[: tm.start()]) and not CROWDS.search(text):
        # "Suspected militants ... torched a police outpost", "guerrillas set fire to the police station, town
        # hall, and several houses": an armed side's arson is an attack on what burned
        return "attack_on_installation" if INSTALLATION_TARGETS.match(text[tm.end():].lstrip()) else "attack_on_civilians"
    if slug == "riot" and PLUNDER.search(tm.group(0)) and not CROWDS.search(text) and CONQUEST.search(text):
        return "attack_on_civilians"  # "Tulamba and Multan quickly fell, ... subjected to widespread looting"
    if slug == "armed_clash":
        for m in MASSACRE.finditer(text):
            done_to = text[m.end() : m.end() + 60]
            if VICTIMS.search(done_to) and not FIGHTERS.search(done_to):
                # "raided his home town ..., massacred some 100 men, women & children", "opened fire on tens of
                # thousands of opposition supporters": what was done to them makes it an attack on civilians
                return "attack_on_civilians"
    return slug


FIRST_AIR_RAID_YEAR = 1911  # the first bombs dropped from an aircraft in war (Libya, November 1911)


# words that say the bombs came from the air, whatever the year the text seems to give
AIRBORNE = re.compile(rf"\b(?:{alternation(words('airborne_words'))})\b", re.I)


def before_aircraft(slug: str, when, sentence: str) -> str:
    """"The Swedes ... went in by bombing the fortress port" in 1611: before there were aircraft, bombing was done
    with guns (a shelling), unless the sentence speaks of aircraft."""
    if slug == "air_strike" and when is not None and when.end.year < FIRST_AIR_RAID_YEAR and not AIRBORNE.search(sentence):
        return "shelling"
    return slug
