"""What the words around a name say of it: a fort's opening word, an owner's possessive, a longer name it heads,
the country or the place a text puts it in or measures it from, a particle or a unit word; and an epithet after a
ruler's name ("Constantine the Great"). Patterns the vetoes of :mod:`geo.places.resolve` read."""

from __future__ import annotations

import re

from ..text.lexicon import alternation, rows, words
from .offsets import DIRECTION, DISTANCE

# "Fort", "Camp": the one-word openings of installation names (data/lexicon/installation_prefixes.tsv)
FORT_WORDS = frozenset(w.lower() for w in words("installation_prefixes") if " " not in w)
# "'s infantry", "'s main army": a possessive before the forces it owns
FORCES_AFTER = re.compile(rf"(?:'s|’s)\s+(?:\w+\s+)?(?:{alternation(words('owned_forces'))})\b")
# "Amy ", "Mitchell-": a capitalised word right before a name, of which it may be the end
NAME_BEFORE = re.compile(r"[A-Z][\w'’]*(?:\s+|-)$")
# " of Pigs", " of the Pines": a name that goes on with "of" and a capitalised word ("Bay of Pigs")
OF_NAME_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# " de France", " del Ene": a name that goes on with a Romance particle ("Stade de France", "San Miguel del Ene")
PARTICLE_NAME_AFTER = re.compile(r"\s+(?:de|del|de la|des|du|di|do|da|dos|das)\s+(?:la\s+|los\s+|las\s+)?[A-Z]")
# ", Ethiopia", " in northern Mozambique", " in the Central African Republic" right after a name.
IN_COUNTRY = re.compile(
    r"^(?:\s*,\s*|\s+in\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central|northern|southern|eastern|western"
    r"|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?)((?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,3})")

# (", Bhutan and India": a list of countries, not where the name lies)
COUNTRY_ENDS = re.compile(r"\s*(?:$|[,.;:)—–]|\s(?:on|in|at|and(?!\s+(?:the\s+)?[A-Z])|said|says|late|early|this|last|overnight)\b)")

# ", north of Minsk", ", 20 km south-east of Kharkiv": the place the text measures a name from, right after it
RELATIVE_AFTER = re.compile(r"\s*,\s*(?:(?:some|about|around|roughly|(?P<just>just|immediately)|located|situated)\s+)?"
                            rf"(?:{DISTANCE}\s+)?{DIRECTION}\s+of\s+(?:the\s+)?(?:(?:city|town|capital|port|village) of\s+)?"
                            r"(?P<ref>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
REFERENCE_KM = 300  # how far beyond the distance the text gives a place may lie from the one it is measured from
JUST_KM = 50  # ... when the text says it is "just" (or "immediately") north of it

# "Plaza de ", "Stade de ", "Alcaldía de ": a capitalised word and a particle right before a name
AFTER_PARTICLE = re.compile(rf"[A-Z][\w'’-]+\s+(?:{alternation(words('name_particles'))})\s+$")

# The rest of a hyphenated name, and the unit word that makes the whole a unit's name.
HYPHENATED = re.compile(r"(?:-[A-Z][\w'’]*)*")
NEIGHBOUR_BEFORE = re.compile(r"\b([A-Za-z][\w'’]*)-$")
NEIGHBOUR_AFTER = re.compile(r"-([A-Z][\w'’]*)")
UNIT_AFTER = re.compile(rf"\s+(?:{alternation(words('unit_words'))})\b", re.I)
# " the Great", " the Bear": an epithet right after a name, which is a ruler's or a saint's ("the birthplace of
# Constantine the Great", "Albert the Bear"), not the town of that name
EPITHET_AFTER = re.compile(rf"\s+the\s+(?:{alternation(words('epithets'))})\b")
# "fell to the Silla-Tang alliance", "fell into the hands of the Dutch": right after a town's fall, its captor, not a place
# (the verbs of data/lexicon/yield_verbs.tsv, in every form it gives)
CAPTOR_BEFORE = re.compile(rf"\b(?:{alternation(f for _lemma, forms in rows('yield_verbs', 2) for f in forms.split(','))})\s+"
                           r"(?:without\s+a\s+(?:fight|struggle)\s+)?(?:to|into\s+the\s+hands\s+of)\s+(?:the\s+)?$", re.I)
