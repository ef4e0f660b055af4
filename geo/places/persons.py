"""Words that name people in a text: a name after a title ("Gen. Nelson Miles"), in a titled list, after "led
by", before a verb said only of people ("Garibaldi said", "Joyeuse was killed"), or in a "Firstname
Lastname" pair.  A gazetteer match made only of such words is a person, not a place
(:mod:`geo.places.resolve`, rule ``person_word``)."""

from __future__ import annotations

import re

from ..model import Article
from ..text.lexicon import alternation, rows, tagged, words
from ..text.normalize import norm
from .candidates import FUNCTION_WORDS, NAME_PARTICLES, NAMED_EVENTS, NEVER_ALONE, OFFICE_TITLES, SUFFIX_WORDS
from .gazetteer import Gazetteer

PARTICLES = alternation(NAME_PARTICLES)
# "Gen. Nelson Miles", "governor Pedro de Valdivia": the name after a title, particles and all
PERSON_CUE = re.compile(
    r"\b(?:" + alternation(words("person_titles")) + rf")\.?\s+((?:[A-Z][\w'’-]+\s+(?:(?:{PARTICLES})\s+)?){{0,2}}[A-Z][\w'’-]+)"
)
# "The Huguenot rearguard which was led by Conde", "under the personal leadership of Garibaldi": who leads is a person
LED_BY = re.compile(r"\b(?:(?:led|commanded|headed)\s+by|(?:leadership|command|orders)\s+of)\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)")
# "Colonels Queirós, Nepomuceno and Vasconcelos": a title in the plural names every person of its list
TITLED_LIST = re.compile(r"\b(?:" + alternation(words("plural_titles")) + r")\.?\s+((?:[A-Z][\w'’-]+(?:,\s+(?:and\s+)?|\s+and\s+))+[A-Z][\w'’-]+)")
# (not "the Mahlers of Bellmore appeared": the place they are from)
SPEECH = re.compile(r"\b(?=[A-Z][a-z])(?<!\bof )(?<!\bfrom )(?<!\bin )([A-Z][a-z]{2,})\s+(?:" + alternation(tagged("verbs", "person")) + r")\b")
FATE = re.compile(r"\b(?=[A-Z][a-z])(?<!\bof )(?<!\bfrom )(?<!\bin )([A-Z][a-z]{2,})\s+(?:" + alternation(tagged("verbs", "fate")) + r")\b(?!\s+(?:down|away|out)\b)")  # (not "... against Valencia died down")
# "In 1670 Razin captured Cherkassk": a small place conquers nothing (not "Kumba captured by rebels")
DEED = re.compile(r"\b(?=[A-Z][a-z])(?<!\bof )(?<!\bfrom )(?<!\bin )(?<!\bat )([A-Z][a-z]{2,})\s+(?:" + alternation(tagged("verbs", "deed")) + r")\b(?!\s+by\b)")
# "attacked Kutuzov's 15,000-strong army": whose army, a commander (the towns the gazetteer knows by such a name
# are kept only when major: "Pakistan's army" is its state's); not a town's people or crowds ("Gwoza's villagers")
COMMANDER = re.compile(r"\b(?=[A-Z][a-z])(?<!\bof )(?<!\bin )(?<!\bat )([A-Z][a-z]{2,})['’]s\s+(?:[\w,.-]+\s+){0,2}?(?:"
                       + alternation({w for w, tags in rows("armed_nouns", 2) if "people" not in tags} - set(words("crowd_nouns")))
                       + r")\b")
# (each of the four above first asks for a capital at a word's start: the look-behinds are then tried only
# there, not at every character)
FULL_NAME = re.compile(r"\b([A-Z][a-z]{2,})\s+([A-Z][a-z]{2,})\b(?!\s+(?:County|City|Province|State|Street|Road|River))")


def major(gaz: Gazetteer, key: str) -> bool:
    """A country, province or city big enough that its name before "said" or after "led by" is its government."""
    return any(
        p.kind in ("country", "province", "governorate", "continent", "county") or p.population >= 50000
        for p in gaz.lookup(key)
        if norm(p.name) == key or p.kind == "county"
    )


def person_words(article: Article, gaz: Gazetteer) -> set[str]:
    """Words that name people in this text: after a title, before 'said', and
    both halves of "Firstname Lastname" pairs that are not places themselves."""
    found: set[str] = set()
    for sent in article.sentences:
        for m in PERSON_CUE.finditer(sent.text):
            found.update(norm(w) for w in m.group(1).split() if w not in NAME_PARTICLES)
        for m in TITLED_LIST.finditer(sent.text):
            found.update(norm(w) for w in re.split(r",\s+(?:and\s+)?|\s+and\s+", m.group(1)))
        for m in LED_BY.finditer(sent.text):
            if not major(gaz, norm(m.group(1))):  # ("an offensive led by Moscow" is its government)
                ws = m.group(1).split()  # (not the place of an office: "commanded by Smolensk Voivode Filip Obuchowicz")
                found.update(norm(w) for w, nxt in zip(ws, [*ws[1:], ""]) if nxt not in OFFICE_TITLES)
        for m in SPEECH.finditer(sent.text):
            if not major(gaz, norm(m.group(1))):  # "Washington said" is a metonym, not a person
                found.add(norm(m.group(1)))
        for m in DEED.finditer(sent.text):
            if not major(gaz, norm(m.group(1))):
                found.add(norm(m.group(1)))
        for m in COMMANDER.finditer(sent.text):
            if not major(gaz, norm(m.group(1))):
                found.add(norm(m.group(1)))
        for m in FATE.finditer(sent.text):
            found.add(norm(m.group(1)))  # "Saya San was hanged": no town is hanged, however big
        for m in FULL_NAME.finditer(sent.text):
            pair = norm(m.group(0))
            a, b = norm(m.group(1)), norm(m.group(2))
            if gaz.has(pair) or a in FUNCTION_WORDS or b in FUNCTION_WORDS or a in NEVER_ALONE or b in NEVER_ALONE \
                    or b in SUFFIX_WORDS or b in NAMED_EVENTS or m.group(2) in OFFICE_TITLES:
                continue  # (nor "Narvik Fiord": a name and the kind of place it names; nor "Smolensk Voivode", its office)
            if major(gaz, a) or major(gaz, b):
                continue  # "Paris Police", "Texas Rangers": a place and a word
            found.update((a, b))
    return found


def a_people(word: str, gaz: Gazetteer) -> bool:
    """"croats", "serbs", "kurds": the plural of a people whose adjective is a demonym ("Croatian")."""
    stem = word[:-1] if word.endswith("s") else ""
    return len(stem) >= 4 and any(d.startswith(stem) and " " not in d for d in gaz.demonyms)
