"""Who did what to whom, from the dependency parse of an event sentence.

The trigger's head word decides: a verb's subject (or its "by" agent in the
passive) is the attacker and its object (or passive subject) the target;
an event noun's attacker is its modifier or possessor ("Russian missile strikes", "Russia's drone attack")
or its "by" phrase, or the subject of the verb that carries it out ("US and UK forces carried out air
strikes").  The parse proposes a phrase; the actors lexicon names it when it can, and a phrase headed by an
armed-actor noun (``data/lexicon/armed_nouns.tsv``) is kept by its own name.
"""

from __future__ import annotations

import re

from ..text.calendar import MONTH_RE as MONTHS, NUMBER_WORDS, WEEKDAY_RE, WEEKDAYS, year_of_a_when
from ..text.lexicon import rows, tagged, words
from ..text.parse import parse
from .actors import a_people, country_forces, demonym_forces, find_actors, people_at_war
from .heads import EVENT_HEADS, EVENT_NOUNS, WEAPONS, event_head, governing_verb

ARMED_NOUNS = frozenset(w for w, _tags in rows("armed_nouns", 2))

DEFAULT_ACTOR = {"riot": "Rioters", "protest_siege": "Protesters"}  # an event with no attacker named: who ACLED names
SUBJECTS = {"nsubj", "csubj"}
PRONOUNS = {"they", "it", "he", "she", "we"}
RELATIVES = {"who", "that", "which"}  # the subject of a relative clause: the noun the clause is about
LEADING = {"the", "a", "an", "some", "suspected", "unidentified"}
QUANTITY_HEADS = frozenset(words("quantity_heads"))
COUNT_JOINS = frozenset(words("count_words"))  # "five to six thousand", "some 200", "several thousand"
VIOLENCE_VERBS = frozenset(words("violence_verbs"))
DEFENCE_VERBS = frozenset(words("defence_verbs"))
CHARGE_VERBS = frozenset(words("charge_verbs"))
PARTICIPLE_TIMES = frozenset(words("participle_times"))  # "After capturing Córdoba, Ferdinand ...": his deed
# verbs whose subject is never the attacker of the event noun they govern: who charges, who died in it or survived it
NOT_ATTACKING_VERBS = CHARGE_VERBS | frozenset(words("undergo_verbs"))
YIELD_VERBS = frozenset(lemma for lemma, _forms in rows("yield_verbs", 2))  # "X fell to Y": Y attacked, X was taken
CROWD_NOUNS = frozenset(words("crowd_nouns"))
MEANS_VERBS = frozenset(words("means_verbs"))
REPORTING = frozenset(tagged("verbs", "reporting"))  # "said", "told": their subject reports the event
COMBATANT_WORDS = frozenset(words("combatant_words"))
NONSTATE = frozenset(words("nonstate_modifiers"))
LOCATIVE_PREPS = frozenset(words("event_locatives"))  # "in", "at", "near": where an event (or a group) is
# A dateline's date the parse put into the subject ("Jun 02, 2025 Attackers targeted ...").
DATELINE_MARKS = {",", "-", "—", "–", "(", ":", "--"}
# ... or the dateline's place and date ("Bamako, June 2 (AFP)").
DATELINE_PLACE = re.compile(
    rf"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){{0,2}}, (?:(?:{MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?\b|{WEEKDAY_RE}\b)"
    # "KASSALA - Tanks took ...", "ANTANANARIVO (Reuters) - Tanks ...": a dateline in capitals before a dash
    r"|^[A-Z][A-Z'’.]{2,}(?:,? [A-Z][\w'’.]*){0,3}\s*(?:\([^)]{0,40}\)\s*)?(?:--|[-—–:])\s*(?=\S)")
DATELINE_DATE = re.compile(r"^(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})\s+")


def _span_text(tok) -> str:
    """The phrase a token heads, up to a relative clause, an appositive or a comma, without a leading article."""
    doc = tok.doc
    cut = {t.i for c in tok.children if c.i > tok.i and (c.dep_ in ("relcl", "appos", "acl", "conj", "cc")
                                                        or c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS and c.lower_ != "of")
           for t in c.subtree}
    cut |= {t.i for w in tok.subtree if w.i > tok.i and _when(w) for t in w.subtree}
    toks = [t for t in tok.subtree if t.i not in cut]
    start, end = min(t.i for t in toks), max(t.i for t in toks)
    # (not past a relative clause: "The islamist terrorists who attacked the town of Palma, in the north, murdered")
    end = min([end] + [c.left_edge.i - 1 for c in tok.children if c.i > tok.i and c.dep_ == "relcl"])
    while start < end:
        if _date_at(doc, start, tok.i):
            start += 2
        elif start and year_of_a_when(doc[start - 1 - (start > 1 and doc[start - 1].text == ",")].text, doc[start].text):
            start += 1  # "In 1865 rebels attacked", "On 25 October, 1856 Persian forces": the year, not "1500 rebels"
        elif doc[start].lower_ in LEADING or doc[start].is_punct:
            start += 1
        else:
            break
    while end > start and doc[end].is_punct:
        end -= 1
    if doc[start : end + 1].text.count("(") > doc[start : end + 1].text.count(")") and end + 1 < len(doc) and doc[end + 1].text == ")":
        end += 1  # "Movement-North (SPLM-N)": the bracket closes
    text = doc[start : end + 1].text.replace('"', "").replace("“", "").replace("”", "")
    text = DATELINE_DATE.sub("", text)
    opening = DATELINE_PLACE.match(text) if start == 0 else None
    # "MADRID, Nov. 17 Rebel airmen dropped ...": the dateline the parse put into the subject
    return text[opening.end() :].strip(" .-—–:") if opening and opening.end() < len(text) - 1 else text


WEEKDAY_SET = frozenset(WEEKDAYS)


def _when(tok) -> bool:
    """A weekday the parse hung on a name ("militants on Sunday", "militants Sunday"): when, not who."""
    if tok.dep_ == "prep" and tok.lower_ == "on":
        return any(c.lower_ in WEEKDAY_SET for c in tok.children)
    return tok.dep_ == "npadvmod" and tok.lower_ in WEEKDAY_SET


def _date_at(doc, i: int, head: int) -> bool:
    """A day and month the parse hung on a phrase before its head ("On 5 August first German units"), or a day
    named from another ("The following day rebels attacked")."""
    if i + 1 >= head:
        return False
    a, b = doc[i], doc[i + 1]
    return (a.like_num and re.fullmatch(MONTHS, b.text) is not None) or (re.fullmatch(MONTHS, a.text) is not None and b.like_num) \
        or a.lower_ in ("following", "next", "same", "previous") and b.lower_ in ("day", "morning", "evening", "night", "week")


def state_forces(word: str) -> str:
    """'Ethiopian' -> 'Military Forces of Ethiopia' ('' when it is not a demonym): an adjective of the
    attacker ("An Ethiopian air strike"), never a country named as the target (that is territory)."""
    return demonym_forces().get(word.lower(), "")


def phrase_actors(tok, actors, attacker: bool = True) -> list[str]:
    if tok.lemma_.lower() in QUANTITY_HEADS:
        # "Dozens of illegal Jewish settlers", "a group of gunmen": the people the quantity counts
        inner = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if inner:
            return phrase_actors(inner[0], actors, attacker)
    text = _span_text(tok)
    named = find_actors(text, actors)
    if named:
        return named
    if attacker and state_forces(text):
        return [state_forces(text)]
    if attacker and tok.pos_ == "PROPN" and text.lower() in country_forces():
        return [country_forces()[text.lower()]]  # "Azerbaijan mounted an offensive", "India hit ..."
    if attacker and tok.pos_ in ("PROPN", "NOUN") and a_people(text):
        return [text]  # "taken by the Bulgarians": a people at war, named as its state's forces below
    head = tok.lemma_.lower() if tok.pos_ == "NOUN" else tok.lower_
    if tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in ARMED_NOUNS or head in ARMED_NOUNS) and head not in WEAPONS:
        # (not "Two columns, advancing to the east ...": what they did; but "About 2,000 youths")
        at = text.lower().find(tok.lower_)
        cut = text.find(", ", at + len(tok.text)) if at >= 0 else -1
        return [text[:cut] if cut > 0 else text]
    return []


def _subject_actors(c, actors) -> list[str]:
    """The attacker a subject names: itself; for a pronoun, the subject of the verb reporting it ("Tigrayan forces said
    they had seized ...") or of the clause it hangs from ("... reached Kumamoto where they besieged ..."); for "its Air
    Component", the owner's subject; for an event noun ("An extremist attack ... killed"), that noun's modifiers."""
    if c.lower_ in PRONOUNS or any(g.dep_ == "poss" and g.lower_ in ("its", "their") for g in c.children):
        verb = c.head
        while verb.dep_ in ("ccomp", "conj", "xcomp", "advcl", "relcl") and verb.head != verb:
            verb = next((a for a in verb.ancestors if a.pos_ == "VERB"), verb.head) if verb.dep_ == "relcl" else verb.head
            for s in verb.children:
                if s.dep_ in SUBJECTS and s != c and s.lower_ not in PRONOUNS:
                    return phrase_actors(s, actors)
        return []
    if c.pos_ == "NOUN" and (c.lemma_.lower() in EVENT_NOUNS or c.lemma_.lower() == "fire"):
        # "Anti-aircraft fire from Abkhazian rebels hit ...": an armed group it came from (not a country:
        # "rocket fire from Lebanon" does not say who fired)
        came = [p for f in c.children if f.dep_ == "prep" and f.lower_ == "from" for p in f.children
                if p.dep_ == "pobj" and p.lemma_.lower() in ARMED_NOUNS]
        return _modifier_actors(c, actors) or [a for p in came for a in phrase_actors(p, actors)]
    return phrase_actors(c, actors)


def named_subject(c) -> list[str]:
    """A proper name the lexicon lacks as the subject of the attack verb ("the RUF attacked UN positions"):
    kept by its own name (a country's name is its state forces already, :func:`phrase_actors`)."""
    if c.lemma_.lower() in QUANTITY_HEADS:
        return _named_agent(c)  # "Members of the Red Brigades ambushed": the people counted, by their own name
    if not (c.pos_ == "PROPN" or c.pos_ == "NOUN" and c.text[:1].isupper() and c.i > 0 and c.doc[c.i - 1].is_alpha) \
            or c.lower_ in PRONOUNS:
        return []  # (a capitalised noun inside the sentence is a name the tagger missed: "the Mahdists")
    nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
    if c.text.isupper() and all(t.text.isupper() or t.is_punct for t in c.doc[: c.i]) and nxt is not None and nxt.text in DATELINE_MARKS:
        return []  # "ERBIL, Kurdistan Region - A Turkish drone targeted ...": a dateline, not the attacker
    text = re.split(r",\s+(?=[a-z])", _span_text(c))[0]  # ("Major Morris, after a rapid march, forced ...": the name)
    if c.i == 0 and (DATELINE_PLACE.match(text) or DATELINE_PLACE.match(c.doc[:8].text)):
        return []  # "Bamako, June 2 (AFP) Jun 02, 2025 Attackers targeted ...": likewise
    if text and text.split()[0].lower() in LOCATIVE_PREPS:
        return []  # "Near Riga, II Latvian Riflemen Battalion offered ...": the parse took the place for a subject
    if len(text.split()) > 1 and text.split()[0].lower().endswith("ing") and text.split()[1].lower() in LOCATIVE_PREPS | {"from"}:
        return []  # "Marching from Magdeburg, Albert the Bear recovered ...": an opening participle the parse took for a name
    # ("200 Reds attacked the town", "five to six thousand Boers took ...": a number that counts them is in the name)
    counted = text.split()
    while len(counted) > 1 and (not counted[0].strip("0123456789,.") or counted[0].lower() in NUMBER_WORDS
                                or counted[0].lower() in QUANTITY_HEADS or counted[0].lower() in COUNT_JOINS):
        counted = counted[1:]
    capital = text.lstrip("0123456789, ")[:1].isupper() or bool(counted) and counted[0][:1].isupper()
    tokens = text.split()
    if not capital and c.pos_ == "PROPN" and c.text[:1].isupper() and c.text in tokens:
        # "a furious Glyndwr burnt Ruthin": the name (and its compound words), without the words that describe him
        before = sum(1 for t in c.children if t.dep_ == "compound" and t.i < c.i)
        text, capital = " ".join(tokens[max(0, tokens.index(c.text) - before):]), True
    return [text] if text and capital and len(text) <= 60 else []


def _named_agent(tok) -> list[str]:
    """An agent of an attack the lexicon lacks, kept by its own name: a proper name ("attacked by the Mahdists"),
    a people counted ("killed by a group of Zulus") or people a capitalised word qualifies ("attacks were launched
    by Malagasy nationalists")."""
    if tok.lemma_.lower() in QUANTITY_HEADS:
        inner = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        text = _span_text(tok)
        return [text] if inner and _named_agent(inner[0]) and len(text.split()) <= 6 else []
    named = [a for a in named_subject(tok) if "(" not in a and len(a.split()) <= 5]
    if named or tok.pos_ == "PROPN":
        return named
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and any(
            c.dep_ in ("amod", "compound") and c.i < tok.i and c.text[:1].isupper() for c in tok.children):
        text = _span_text(tok)
        return [text] if len(text.split()) <= 5 else []
    return []


def _modifier_actors(noun, actors) -> list[str]:
    """"Russian missile strikes", "Russia's drone attack", "an al-Qaida-linked extremist attack"."""
    out: list[str] = []
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < noun.i]
    mods += [g for c in mods for g in c.children if g.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod")]
    mods = sorted(mods, key=lambda t: t.i)
    if any(c.lower_ in NONSTATE for c in mods) and any(state_forces(c.text) for c in mods):
        # "Sudanese paramilitary shelling": the paramilitary, by its own name, not Sudan's army
        return [noun.doc[mods[0].i : mods[-1].i + 1].text]
    for c in mods:
        out += phrase_actors(c, actors) or find_actors(c.text, actors) or (
            [state_forces(c.text)] if state_forces(c.text) else []) or (
            [country_forces()[c.lower_]] if c.dep_ == "poss" and c.lower_ in country_forces() else []) or (
            [c.text] if c.lower_ in COMBATANT_WORDS else [])  # "a rebel attack", "a militant attack" (not "military operations")
    return out


def _objects_actors(preps, actors) -> list[str]:
    """The actors the objects of these prepositions name ("by the RSF", "on Russia", "with members of ...")."""
    return [a for c in preps for p in c.children if p.dep_ == "pobj" for a in phrase_actors(p, actors)]


def _agent_actors(verb, actors) -> list[str]:
    """The agent of a passive verb ("attacked by the Mahdists"), by its own name when the lexicon lacks it."""
    agents = [c for c in verb.children if c.dep_ == "agent"]
    return _objects_actors(agents, actors) or _objects_named(agents)


def _objects_named(preps) -> list[str]:
    """The agents the lexicon lacks that the objects of these prepositions name by their own name (:func:`_named_agent`)."""
    return [a for c in preps for p in c.children if p.dep_ == "pobj" for a in _named_agent(p)]


def claimed_by(doc, actors) -> list[str]:
    """Who claimed the attack: "X claimed responsibility", "an assault claimed by X"; whom it was blamed
    on, or whose work it was."""
    out: list[str] = []
    for t in doc:
        if t.lemma_.lower() == "blame" and t.pos_ == "VERB":
            # "he blamed the attack on Russia", "an attack blamed on the separatist group ETA"
            out += _objects_actors([c for c in t.children if c.dep_ == "prep" and c.lower_ == "on"] + [
                g for c in t.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep" and g.lower_ == "on"], actors)
            continue
        if t.lemma_.lower() == "accuse" and t.pos_ == "VERB":
            # "officials accused Tuaregs of an attack at Menaka": whom, when the charge is an attack
            preps = [c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "for")]
            preps += [g for c in t.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep" and g.lower_ in ("of", "for")]
            if any(p.dep_ == "pobj" and p.lemma_.lower() in EVENT_HEADS for c in preps for p in c.children):
                out += [a for c in t.children if c.dep_ == "dobj" for a in phrase_actors(c, actors) or named_subject(c)]
            continue
        if t.lower_ == "work" and t.pos_ == "NOUN" and t.head.lemma_.lower() == "be":
            # "a car bomb attack ... suspected to have been the work of the New IRA"
            out += _objects_actors([c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"], actors)
            continue
        if t.lemma_.lower() != "claim" or t.pos_ != "VERB":
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children) or t.dep_ == "acl"
        for c in t.children:
            if c.dep_ in SUBJECTS and not passive:
                out += _subject_actors(c, actors)
            elif c.dep_ == "agent":
                out += _objects_actors([c], actors)
    return out


def by_agents(doc, actors) -> list[str]:
    """The armed actor after "by" that an attack word governs anywhere in the sentence
    ("killed in an attack by suspected leftist rebels", "was shot at by gangs")."""
    out: list[str] = []
    for t in doc:
        if t.lower_ not in ("by", "with") or t.dep_ not in ("agent", "prep"):
            continue
        gov = t.head
        for _ in range(2):
            # "the mass murder of hundreds of men ... by German soldiers": the parse may hang the agent on the
            # victims the event noun is "of"
            if gov.dep_ == "pobj" and gov.head.lower_ == "of" and gov.head.head.pos_ == "NOUN" \
                    and gov.lemma_.lower() not in EVENT_HEADS:
                gov = gov.head.head
        # "killed in an attack by suspected rebels"; "killed ... during a clash with members of the Abu Sayyaf Group"
        if not (t.lower_ == "by" and (gov.pos_ == "VERB" or gov.lemma_.lower() in EVENT_HEADS)
                or gov.pos_ == "NOUN" and gov.lemma_.lower() in EVENT_HEADS):
            continue
        if t.dep_ == "agent" and gov.pos_ == "VERB" and _defends(gov):
            continue  # "invaded the air base ... but were repelled by security forces": who defended
        if gov.dep_ == "relcl" and gov.head.lemma_.lower() not in EVENT_HEADS and any(c.dep_ == "auxpass" for c in gov.children):
            continue  # "attacked the community of Mänttä, which was held by the local White Guard": who held it
        out += _objects_actors([t], actors)
    return out


def violent_subjects(doc, actors) -> list[str]:
    """The armed actor that is the subject of a verb of violence anywhere in the sentence ("Two people
    were killed after police opened fire"): only actors the lexicon or an armed-actor noun names."""
    out: list[str] = []
    for t in doc:
        lemma = t.lemma_.lower()
        if t.pos_ != "VERB" or lemma not in VIOLENCE_VERBS or any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
            continue
        if lemma == "open" and not any(c.dep_ == "dobj" and c.lower_ == "fire" for c in t.children):
            continue
        out += [a for c in t.children if c.dep_ in SUBJECTS for a in _subject_actors(c, actors)]
    return out


def _defends(verb) -> bool:
    """A verb of defence ("repelled"), or one with its particle ("fought off", "beat back")."""
    lemma = verb.lemma_.lower()
    return lemma in DEFENCE_VERBS or any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in DEFENCE_VERBS for c in verb.children)


SIDE_NAME_CHARS = 60  # the longest name of a side taken from a phrase by its own name (a crowd, an opening noun)


def _opening_noun_actors(verb, actors) -> list[str]:
    """A verb with no subject hung as a participle ("The Hui Muslims, long subjected to ..., revolted"): the noun the
    sentence opens with did it, up through what describes it ("The Turkish government, led by ... İnönü, responded")."""
    if verb.dep_ != "acl" or any(c.dep_ in SUBJECTS or c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return []  # (nor a name: "The Spanish Fury, also known as the Sack of Antwerp, ...")
    noun = verb.head
    while noun.dep_ in ("pobj", "agent", "prep", "acl", "compound", "appos") and noun.head != noun:
        noun = noun.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("ROOT", "nsubj"):
        return []
    # (not a whole sentence the parse made one noun phrase of: "When Marmande fell to ..., the crusaders ...")
    return [a for a in _subject_actors(noun, actors) or named_subject(noun) if len(a) <= SIDE_NAME_CHARS]


def roles(sentence: str, start: int, end: int, actors, event_type: str = "") -> tuple[list[str], list[str]]:
    """(attacker, target) of the event whose trigger is ``sentence[start:end]``; empty when the parse says nothing."""
    doc = parse(sentence)
    head = event_head(doc, start, end)
    if head is None:
        return ([DEFAULT_ACTOR[event_type]] if event_type in DEFAULT_ACTOR else []), []
    attacker: list[str] = []
    target: list[str] = []
    if head.pos_ == "VERB" and _defends(head):
        # "The Sudanese army thwarted an assault by the RSF": the subject defended; the assault's owner attacked
        for c in head.children:
            if c.dep_ in SUBJECTS:
                target += _subject_actors(c, actors)
            elif c.dep_ == "dobj":
                attacker += _modifier_actors(c, actors) + _objects_actors(
                    [b for b in c.children if b.dep_ == "prep" and b.lower_ == "by"], actors)
            elif c.dep_ == "prep" and c.lower_ == "against":
                # "Tuyên Quang was defended for four months against 12,000 troops of the Yunnan Army"
                attacker += _objects_actors([c], actors) or _objects_named([c])
    elif head.pos_ == "VERB" and head.lemma_.lower() in YIELD_VERBS:
        for c in head.children:
            if c.dep_ in SUBJECTS:
                target += phrase_actors(c, actors, attacker=False)
            elif c.dep_ == "prep" and c.lower_ == "to":
                # (one the lexicon lacks, by its own name: "Szolnok fell to Rákóczi")
                attacker += _objects_actors([c], actors) or _objects_named([c])
            elif c.dep_ == "prep" and c.lower_ == "without":
                # "Nizwa fell without a fight to the triumvirate's forces": the parse hangs "to" on the fight
                to = [t for p in c.children if p.dep_ == "pobj" for t in p.children if t.dep_ == "prep" and t.lower_ == "to"]
                attacker += _objects_actors(to, actors) or _objects_named(to)
            elif c.dep_ == "prep" and c.lower_ == "into":
                # "Barcelona fell into the hands of French-Castilian troops", "... of the Affghans": whose hands
                hands = [o for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() == "hand"
                         for o in p.children if o.dep_ == "prep" and o.lower_ == "of"]
                attacker += _objects_actors(hands, actors) or _objects_named(hands)
    elif head.pos_ == "VERB":
        verb = head
        # a verb in a coordination without its own subject shares the first one's ("... and shelled the town")
        while not any(c.dep_ in SUBJECTS | {"nsubjpass"} for c in verb.children) and verb.dep_ == "conj":
            verb = verb.head
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
        for c in verb.children:
            if c.dep_ in SUBJECTS and not passive and c.lower_ in RELATIVES and verb.dep_ == "relcl":
                # "The Indians who had besieged Fort Pitt ...": whom the relative clause is about (not a day:
                # "sent out on 26 March 1873, which bombarded ...")
                if verb.head.ent_type_ not in ("DATE", "TIME") and not verb.head.like_num \
                        and not re.fullmatch(MONTHS, verb.head.text, re.I):
                    attacker += _subject_actors(verb.head, actors) or named_subject(verb.head)
            elif c.dep_ in SUBJECTS and not passive:
                attacker += _subject_actors(c, actors) or (
                    _modifier_actors(c, actors) if c.lemma_.lower() in WEAPONS else []) or named_subject(c)
                # ("A lone Serb shell killed 71 people": whose the weapon was; "British and Canadians had landed": both)
                attacker += [a for conj in c.conjuncts for a in phrase_actors(conj, actors)] if attacker else []
            elif c.dep_ == "nsubjpass":
                target += phrase_actors(c, actors, attacker=False)
        if not passive and verb.tag_ == "VBD" and not any(c.dep_ == "agent" for c in verb.children):
            # "a contingent of the Franconian army commanded by Metzler attacked Weinsberg", hung as a participle
            attacker += _opening_noun_actors(verb, actors)
        if not passive and not any(c.dep_ in SUBJECTS | {"nsubjpass"} for c in verb.children) and verb.dep_ in ("xcomp", "ccomp", "advcl"):
            # "Katiba Macina used car bombs to target the camp", "... invaded Sudan, capturing the posts": the subject
            # of the verb it completes; after "said" or "believed" ("Gunmen believed to be ... attacked"), only an armed actor
            purpose = verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            named = purpose or verb.dep_ == "advcl" and verb.tag_ == "VBG"
            reported = not purpose and verb.dep_ in ("ccomp", "xcomp") and verb.head.lower_ in REPORTING
            if (not purpose or verb.head.lemma_.lower() in MEANS_VERBS) and not reported:
                # (not "an attack ... that Israel said killed three of its soldiers": who said it)
                for c in verb.head.children:
                    if c.dep_ in SUBJECTS:
                        attacker += _subject_actors(c, actors) or (named_subject(c) if named else [])
                if named:
                    attacker += _opening_noun_actors(verb.head, actors)
        if not passive and verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.pos_ == "VERB":
            # "The Austrians responded to the declaration of war by bombing Venice": the subject of what it was done by
            attacker += [a for c in verb.head.head.children if c.dep_ in SUBJECTS
                         for a in _subject_actors(c, actors) or named_subject(c)]  # ("Muhammad Ghori began ... by capturing")
        elif not passive and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in PARTICIPLE_TIMES \
                and verb.head.head.pos_ == "VERB":
            # "After capturing Córdoba in 1236, Ferdinand III of Castile conquered ...": who did what came next
            attacker += [a for c in verb.head.head.children if c.dep_ in SUBJECTS
                         for a in _subject_actors(c, actors) or named_subject(c)]
        attacker += _agent_actors(head, actors)
        target += [t for c in head.children if c.dep_ == "dobj" for t in phrase_actors(c, actors, attacker=False)]
    else:
        noun = head
        attacker += _modifier_actors(noun, actors) or (
            _modifier_actors(noun.head, actors) if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else [])
        # ("a Japanese bombing attack": the adjective of the phrase the event word is part of)
        # "fighting between M23 and the army", "Fighting has been going on ... between militiamen and ..."
        carriers = [noun] + ([noun.head] if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB" else [])
        # ("The Battle of Dunbar was fought between ...", "... was a pitched battle fought between ...": the first side)
        named_by = [noun] + ([t for t in noun.head.children if t.dep_ == "attr"] if noun.dep_ == "nsubj" else [])
        carriers += [a for x in named_by for a in x.children if a.dep_ == "acl" and a.lemma_.lower() == "fight"]
        after = noun.head if noun.dep_ == "pobj" and noun.head.lower_ in ("after", "following") else None
        if not attacker and after is not None and after.head.pos_ == "VERB":
            # "after fierce fighting with the insurgents, the RONA units had seized Ochota": who did what it led to
            attacker += [a for c in after.head.children if c.dep_ in SUBJECTS for a in _subject_actors(c, actors) or named_subject(c)]
        # "Vienna endured the siege from the Ottoman Empire", "the siege which it endured from the Spaniards": whom from
        endured = [r for r in noun.children if r.dep_ == "relcl" and r.lemma_.lower() in NOT_ATTACKING_VERBS]
        undergone = noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in NOT_ATTACKING_VERBS
        for c in (c for x in carriers + endured for c in x.children):
            if c.dep_ == "prep" and c.lower_ == "from" and (undergone and c.head == noun or c.head in endured):
                attacker += [a for p in c.children if p.dep_ == "pobj" for a in phrase_actors(p, actors) or _named_agent(p)]
            if c.dep_ == "prep" and (c.lower_ == "between" or c.lower_ == "by" and c.head == noun
                                     or c.lower_ == "with" and c.head == noun and not attacker):
                for p in c.children:
                    if p.dep_ == "pobj":
                        # ("a series of savage thrusts by Haganah": an agent the lexicon lacks, by its own name; a state
                        # on its own: "between Egypt and the Ottoman Empire, just outside the city")
                        attacker += phrase_actors(p, actors) or (_named_agent(p) if c.lower_ == "by" else []) or (
                            [country_forces()[p.lower_]] if c.lower_ == "between" and p.lower_ in country_forces() else [])
                        if c.lower_ == "between":
                            # (the first side only, where the parse hung the second inside it: "between the army
                            # of the Fifth Crusade and Ayyubid Egypt")
                            # (not "between revolutionary and state forces": one noun for both)
                            attacker = [first if " " in first else a for a in attacker for first in [a.split(" and ")[0]]]
                            break
        # "a truck bomb driven by militants", "a drone launched by the Houthis": the agent of the participle
        attacker += _objects_actors([a for c in noun.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"],
                                    actors)
        # "US and UK forces carried out air strikes": the subject of the verb that does it;
        # "an attack on an army base ... was carried out by an al-Qaeda-linked group": its agent
        verb = governing_verb(noun) if not attacker else None
        if verb is not None and noun.dep_ in ("nsubjpass", "nsubj"):
            attacker += _agent_actors(verb, actors)
            # "The siege of Kandahar began when Nader Shah's army invaded ...": who did what it began with
            attacker += [a for w in verb.children if not attacker and w.dep_ == "advcl"
                         and any(m.dep_ == "advmod" and m.lower_ == "when" for m in w.children)
                         for c in w.children if c.dep_ in SUBJECTS
                         for a in _subject_actors(c, actors) or named_subject(c)]
        elif verb is not None and not _defends(verb) and verb.lower_ not in REPORTING \
                and verb.lemma_.lower() not in NOT_ATTACKING_VERBS:
            # "... rolled in ... and dislodged troops after a gun duel": the first verb's subject
            # (not the side that "ended an overnight terrorist attack", nor who "announced ... an armed attack")
            while verb.dep_ in ("conj", "advcl") and verb.head.pos_ == "VERB" and not any(c.dep_ in SUBJECTS for c in verb.children):
                verb = verb.head  # ("Backed by a dawn artillery barrage, Croatian troops marched into Knin": the troops)
            for c in verb.children:
                if c.dep_ in SUBJECTS:
                    attacker += _subject_actors(c, actors) or named_subject(c)
                    for conj in c.conjuncts:
                        attacker += phrase_actors(conj, actors)
            # ("the Austrian army, led by ..., defeated the Piedmontese forces at the Battle of Novara": hung as a participle)
            attacker += _opening_noun_actors(verb, actors) if not attacker else []
            if not attacker and any(c.dep_ == "auxpass" for c in verb.children):
                # "In the Battle of Navarino, a Turkish armada was destroyed by an allied naval force": its agent
                attacker += _agent_actors(verb, actors)
    if not attacker and head.pos_ == "VERB" and head.tag_ == "VBG":
        attacker += _modifier_actors(head, actors)  # a gerund used as a noun: "Russian shelling of homes"
    if not attacker:
        attacker += claimed_by(doc, actors)
    if not attacker:
        attacker += by_agents(doc, actors)
    if not attacker and event_type != "other":
        # "Six soldiers were killed in a militant attack", "killed in an Israeli strike": the attack's modifier
        # (only an attack the event's verb says it happened in: not a funeral's "killed in Israeli strikes")
        attacker += [a for t in doc if t.pos_ == "NOUN" and t.lemma_.lower() in EVENT_HEADS and t.dep_ == "pobj"
                     and t.head.head.i == head.i and head.pos_ == "VERB" for a in _modifier_actors(t, actors)]
    if not attacker:
        attacker += violent_subjects(doc, actors)
    if event_type in DEFAULT_ACTOR:
        attacker = [a for a in attacker if not a_people(a)]  # "Egyptians rioted": rioters, not Egypt's army
    if not attacker and event_type in DEFAULT_ACTOR:
        # "police clashed with angry youths": the crowd the sentence names, else ACLED's generic name
        crowd = next((_span_text(t) for t in doc if t.pos_ == "NOUN" and t.lower_ in CROWD_NOUNS), "")
        attacker = [crowd] if crowd and len(crowd) <= SIDE_NAME_CHARS else [DEFAULT_ACTOR[event_type]]
    if event_type not in DEFAULT_ACTOR:
        attacker = [a if a in DEFAULT_ACTOR.values() else people_at_war(a) for a in attacker]
    return list(dict.fromkeys(attacker)), list(dict.fromkeys(t for t in target if t not in attacker))
