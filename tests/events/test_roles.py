"""Who attacked, from the parse of the event sentence (geo.events.roles; the small English model)."""

from __future__ import annotations

import pytest

from geo.events.actors import load_actors
from geo.events.roles import roles


def attacker(text: str, trigger: str, event_type: str = "armed_clash") -> list[str]:
    at = text.index(trigger)
    return roles(text, at, at + len(trigger), load_actors(), event_type)[0]


@pytest.mark.parametrize("text, trigger, who", [
    # a quantity counts the attackers: the "of" phrase names them
    ("Dozens of illegal settlers attacked the village of Burin on Friday, setting fire to homes.", "attacked", "illegal settlers"),
    # the event verb is passive with no agent: the subject of another verb of violence names them
    ("Two people were killed after police opened fire in Itahari during the protest.", "killed", "police"),
    # a purpose clause: the subject of the verb it completes, named by the parse alone
    ("Katiba Macina used two cars packed with explosives to target the Kati camp.", "target", "Katiba Macina"),
    # the subject of the verb that carries out an event noun, with its bracketed acronym whole
    ("Seven people were killed on Wednesday when the Sudan People’s Liberation Movement-North (SPLM-N) launched heavy shelling on Dilling.",
     "shelling", "Sudan People’s Liberation Movement-North (SPLM-N)"),
    # a day and month the parse hangs on the subject is not part of its name (a number that counts them is)
    ("On 5 August German units attacked Ochota and Wola in the west of the city.", "attacked", "Military Forces of Germany"),
    ("On Monday 30 rebels attacked the town of Gwoza, the governor said.", "attacked", "30 rebels"),
    ("Officials said that several thousand Moslems attacked a refugee train at Kamoke.", "attacked", "several thousand Moslems"),
    ("Twelve Peruvian parachutists took Machala on Sunday.", "took", "Military Forces of Peru"),
    # the agent of an event noun ("by" hangs from the noun itself)
    ("The capture of Koritza by the Greek Army was announced yesterday.", "capture of", "Greek Army"),
    # done "by bombing": the subject of the verb it was done by
    ("The Austrians responded to the declaration of war by bombing the city of Venice.", "bombing", "Military Forces of Austria"),
    # a pronoun in a relative clause: the subject of the clause it hangs from
    ("Saigo's army made it as far as Kumamoto where they besieged Kumamoto Castle on Feb. 23, 1877.", "besieged", "Saigo's army"),
    # a participle's doer is its clause's subject, "approximately" part of the count ("opposed by" names no attacker)
    ("In July 1940, approximately 8,000 Italians and Eritreans invaded eastern Sudan, opposed by 500 men of the "
     "Sudan Defense Force (SDF), capturing the frontier posts of Kassala and Gallabat.", "capturing", "approximately 8,000 Italians"),
])
def test_attacker_from_the_parse(text, trigger, who):
    assert who in attacker(text, trigger)


def test_opening_a_road_is_no_violence():
    """'open' is a verb of violence only with 'fire' as its object."""
    assert attacker("Two people were killed on the road after soldiers opened the checkpoint at dawn.", "killed") == []


def test_who_fends_off_an_attack_is_its_target():
    text = "The Sudanese army thwarted another assault by the Rapid Support Forces on the division headquarters in Babanusa."
    at = text.index("thwarted")
    attacker, target = roles(text, at, at + len("thwarted another assault"), load_actors(), "armed_clash")
    assert "Military Forces of Sudan" not in attacker and "Military Forces of Sudan" in target


@pytest.mark.parametrize("text, trigger, who", [
    ("Unrest spread for a sixth night as police clashed with angry youths and vehicles were torched.", "torched", "angry youths"),
    ("Cars were torched overnight in the city centre, the police said.", "torched", "Rioters"),
])
def test_the_crowd_of_a_riot_is_named_when_the_sentence_names_it(text, trigger, who):
    at = text.index(trigger)
    assert roles(text, at, at + len(trigger), load_actors(), "riot")[0] == [who]


@pytest.mark.parametrize("text, trigger, who", [
    # the other party of a clash noun, counted by "members of"
    ("Four soldiers were killed during a clash with members of the Abu Sayyaf Group in Patikul on Friday.", "killed",
     "Abu Sayyaf"),
    # whom the attack is blamed on
    ("Administrative buildings in the Kodori Gorge were bombed, but he blamed the attack on Russia.", "bombed",
     "Military Forces of Russia"),
    # an armed-actor adjective of the event noun
    ("A rebel attack on the highland city of Kuito killed dozens of people on Thursday.", "killed", "rebel"),
    # ... of the phrase the event word is part of; of the weapon that did it
    ("The cause was a Japanese bombing attack on Nichols Field.", "bombing", "Military Forces of Japan"),
    ("One Croatian shell killed 71 people in the square of Tuzla.", "killed", "Military Forces of Croatia"),
])
def test_attacker_from_the_other_side_blame_and_modifiers(text, trigger, who):
    assert any(who in a for a in attacker(text, trigger))


@pytest.mark.parametrize("text, trigger, who", [
    # a number that counts the named subject is part of its name
    ("As 200 Reds attacked the mill town, which was held by the local guard, the fighting spread.", "attacked", ["200 Reds"]),
    # who held the place a passive relative clause describes is not who attacked it
    ("Two villagers were killed in the hamlet, which was held by the local guard.", "killed", []),
    # a locative the parse takes for a subject's name is not part of it
    ("Near Bauska, the Third Riflemen Battalion attacked at dawn.", "attacked", ["Third Riflemen Battalion"]),
    # a capitalised name the tagger takes for a common noun, after "by"; not a dateline's first word
    ("The town was attacked by the Mahdists in September.", "attacked", ["Mahdists"]),
    # a year the parse hangs on the subject is when, not how many ("1500 Boers attacked" counts them)
    ("In 1865 Nian rebels attacked the walled town.", "attacked", ["Nian rebels"]),
    ("In November 1745 Mohawk raiders attacked the settlement.", "attacked", ["Mohawk raiders"]),
    ("On 25 October, 1856 Persian forces attacked the city.", "attacked", ["Persian forces"]),
    # a formation or a flight counts the attackers; a single craft or man is one
    ("A small formation of bombers attacked an oil refinery near the port.", "attacked", ["bombers"]),
    ("A zeppelin dropped bombs on the sleeping city.", "dropped bombs", ["zeppelin"]),
])
def test_named_subjects_and_passive_relative_clauses(text, trigger, who):
    assert attacker(text, trigger) == who


def test_a_dateline_in_capitals_is_no_part_of_the_attacker():
    assert attacker("OUAGADOUGOU (Reuters) - Burkina Faso soldiers seized control of a military camp on Tuesday.",
                    "seized control") == ["Burkina Faso soldiers"]


def located(text: str, verb: str, names: list[str]) -> list[str]:
    """The names ``locate`` links to the event word ``verb``, given each name's first span as a place."""
    from geo.events.locate import locate

    at = text.index(verb)
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return [text[s:e] for s, e in locate(text, at, at + len(verb), spans)]


@pytest.mark.parametrize("text, verb, names, where", [
    # the place the locative names, not those that only say where it is
    ("Nine fighters were killed in the village of Ashmi in the countryside of Kobane, in northern Syria, on Tuesday.",
     "killed", ["Ashmi", "Kobane", "Syria"], ["Ashmi"]),
    ("A bomb killed two men in Iraq's northern city of Mosul on Friday.", "killed", ["Iraq", "Mosul"], ["Mosul"]),
    # ... but every place of a list
    ("Government forces liberated the towns of Palmyra and Quaryatayn in Homs province.", "liberated",
     ["Palmyra", "Quaryatayn", "Homs province"], ["Palmyra", "Quaryatayn"]),
    # who did it is not where: no locative, no place
    ("Canada captured the silver medal and Australia took the bronze.", "captured", ["Canada", "Australia"], []),
    # ... but a subject that is the event or its weapon was where it says: "A car bomb in Hama province killed 34"
    ("A roadside bomb in Kandahar province killed six policemen on Sunday.", "killed", ["Kandahar province"],
     ["Kandahar province"]),
    # ... and so was the weapon or event it was done by ("killed ... by a roadside bomb in Khaldiyah")
    ("A US soldier was killed and four others were wounded Friday by a roadside bomb in Ramadi, 100 kilometers west "
     "of the capital.", "killed", ["Ramadi"], ["Ramadi"]),
    # a place a distance is counted from only says where another is, even when the parse hangs the other elsewhere
    ("Catron was shot in the head shortly after he finished a speech at a rally Saturday in Shopville, 70 miles "
     "(113 kilometers) south of Lexington.", "shot", ["Shopville", "Lexington"], []),
    # the object of a verb of war whose object is a place, not the unit its locative names (capture_verbs.tsv)
    ("The rebels captured Kisangani in Orientale province last week.", "captured", ["Kisangani", "Orientale province"],
     ["Kisangani"]),
    ("Soldiers patrolled Freedom Square in nearby Yerevan on Monday.", "patrolled", ["Freedom Square", "Yerevan"],
     ["Freedom Square"]),
    # a second locative or a distance that only says where the first place is
    ("Six rebels were killed near Sirrin town in the southern countryside of Kobane.", "killed", ["Sirrin", "Kobane"],
     ["Sirrin"]),
    ("Gunmen killed three policemen in Haditha, about 200 km from Baghdad, and in Hit west of Ramadi.", "killed",
     ["Haditha", "Baghdad", "Hit", "Ramadi"], ["Haditha", "Hit"]),
    # ... and so was the event of a "when" clause that says how
    ("Three soldiers were killed when a mine exploded near their truck in Zabul province.", "killed",
     ["Zabul province"], ["Zabul province"]),
])
def test_the_place_of_an_event_from_the_parse(text, verb, names, where):
    assert located(text, verb, names) == where


def test_an_acronym_the_text_spells_out_is_not_the_lexicons_other_one():
    text = "Men of the Sudan Defense Force (SDF) opened fire on the raiders."
    assert "Syrian Democratic Forces" not in attacker(text, "opened fire")
    # ... the lexicon's own spelled out, or the acronym alone, is still the lexicon's
    assert "Syrian Democratic Forces" in attacker("Fighters of the Syrian Democratic Forces (SDF) attacked the town.", "attacked")
    assert "Syrian Democratic Forces" in attacker("SDF fighters attacked the town of Manbij.", "attacked")


def test_a_town_that_fell_into_the_hands_of_a_force_names_that_force():
    assert attacker("Barcelona fell into the hands of French-Castilian troops.", "fell") == ["French-Castilian troops"]


def test_when_the_main_trigger_names_no_side_another_trigger_of_the_sentence_may():
    """The siege (the main trigger) names nobody; "fell into the hands of" does (geo.events.attribution.first_side);
    a named event is never a side."""
    from geo.events.attribution import first_side

    text = "After a thirteen-month siege, the city of Barcelona fell into the hands of French-Castilian troops."
    assert first_side(text, text.index("siege"), load_actors(), "armed_clash") == ["French-Castilian troops"]
    text = "The Battle of Jena was fought near the town, and the Prussians were routed."
    assert all("Battle" not in a for a in first_side(text, text.index("fought"), load_actors(), "armed_clash"))


def test_coordinated_subjects_are_each_an_attacker():
    assert attacker("British and Canadians had landed and occupied Cabourg.", "occupied") == [
        "Military Forces of United Kingdom", "Military Forces of Canada"]



def test_the_agent_of_a_destruction_is_its_attacker():
    """"by a Japanese squadron" hangs from "destruction", an event head (data/lexicon/event_heads.tsv): an agent
    found anywhere in the sentence when the event's own phrase names nobody."""
    text = ('A second blow was the destruction of the cruiser "Variag," the Russian guardship at Chemulpo, '
            'by a Japanese squadron.')
    from geo.events.roles import by_agents
    from geo.text.parse import parse

    assert by_agents(parse(text), load_actors()) == ["Military Forces of Japan"]


def test_who_fights_off_an_assault_is_not_its_attacker():
    """A verb of defence with its particle ("fought off") is one, as "repelled" is: the assault's owner attacked."""
    text = "Militiamen on Sunday fought off a Syrian assault on a stronghold near the capital."
    at = text.index("fought")
    attacker, target = roles(text, at, at + len("fought"), load_actors(), "armed_clash")
    assert attacker == ["Military Forces of Syria"]


@pytest.mark.parametrize("text, trigger", [
    ("The government accused the RSF of the attack on a market in the city.", "attack on"),
    ("Officials accused the RSF for an attack at the market, in which 20 people died.", "attack at"),
])
def test_whom_an_attack_is_charged_to_is_its_attacker_not_who_charges(text, trigger):
    at = text.index(trigger)
    attacker, _ = roles(text, at, at + len(trigger), load_actors(), "armed_clash")
    assert attacker == ["Rapid Support Forces"]


@pytest.mark.parametrize("text, who", [
    ("Then some Indians attacked the dilapidated fort at dawn, but were repulsed.", "Indians"),
    ("Indian troops attacked the post at dawn.", "Military Forces of India"),
    ("The Bulgarians attacked the fort at dawn.", "Military Forces of Bulgaria"),
])
def test_the_indians_of_the_frontier_are_a_people_not_indias_army(text, who):
    at = text.index("attacked")
    assert roles(text, at, at + len("attacked"), load_actors(), "armed_clash")[0] == [who]


@pytest.mark.parametrize("text, trigger, who", [
    # the agent of a noun of killing, and the subject of a verb of capture elsewhere in the sentence
    ("The massacre was the mass murder of hundreds of men in Kragujevac by German soldiers in October 1941.",
     "massacre", ["Military Forces of Germany"]),
    ("In 1708 Moscow troops led by Menshikov executed a punitive operation: they captured Baturyn and massacred all "
     "its defenders.", "massacred", ["Moscow troops"]),
])
def test_the_agent_of_a_killing_noun_and_the_subject_of_a_capture(text, trigger, who):
    assert attacker(text, trigger, "attack_on_civilians") == who


@pytest.mark.parametrize("text, trigger, who", [
    # an agent the lexicon lacks is kept by its own name: a people counted, people a capitalised word qualifies
    ("Two policemen were killed by a group of Zulus near Richmond, following resistance to the poll tax.", "killed",
     ["group of Zulus"]),
    ("On the evening of 29 March 1947, coordinated attacks were launched by Malagasy nationalists, armed mainly with "
     "spears, against military bases around Moramanga.", "attacks", ["Malagasy nationalists"]),
    # an expedition (data/lexicon/armed_nouns.tsv)
    ("Saratoga was hit in November 1745 by powerful expeditions from Canada.", "was hit", ["powerful expeditions from Canada"]),
])
def test_an_agent_the_lexicon_lacks_is_kept_by_its_own_name(text, trigger, who):
    assert attacker(text, trigger) == who


@pytest.mark.parametrize("text, trigger", [
    ("Sergeant Labalaba died in the Battle of Mirbat on 19 July 1972.", "Battle of"),
    ("The Prime Minister survived a drone attack on his home on Sunday.", "drone attack"),
])
def test_who_died_in_or_survived_an_event_is_not_its_attacker(text, trigger):
    """The subject of a verb of undergoing (data/lexicon/undergo_verbs.tsv) that governs the event noun."""
    assert attacker(text, trigger) == []


def test_after_fighting_with_a_side_the_attacker_is_who_did_what_it_led_to():
    """"after fierce fighting with the insurgents, the German units had seized Ochota": the insurgents were fought,
    the units that seized the district attacked."""
    assert attacker("After fierce fighting with the insurgents, the German units had seized Ochota.", "fighting") == [
        "Military Forces of Germany"]


@pytest.mark.parametrize("text, trigger, who", [
    # a place defended against a side: that side attacked; who defended it (the "by" phrase) did not
    ("The fort at Oswego was defended for six weeks against 4,000 troops of the Iroquois confederacy by a small garrison.",
     "was defended", ["4,000 troops of the Iroquois confederacy"]),
    # a siege or battle that began "when" a side did something: that side
    ("The 1645 siege of Bristol began when Fairfax's New Model Army crossed the Avon.", "siege", ["Fairfax's New Model Army"]),
    # a participle the parse hangs on the noun the sentence opens with: that noun did it
    ("The Panthay Muslims, long subjected to heavy taxes, revolted in 1856, seizing key towns like Dali and Chuxiong.",
     "seizing", ["Panthay Muslims"]),
])
def test_defended_against_began_when_and_a_participle_hung_on_the_opening_noun(text, trigger, who):
    assert attacker(text, trigger) == who


@pytest.mark.parametrize("text, trigger, who", [
    # the verb an event noun hangs from is hung, as a participle, on a name: the noun the sentence opens with
    ("On 24 July 1848, the Austrian army, led by Field Marshal Joseph Radetzky, decisively defeated the Piedmontese "
     "forces at the Battle of Custoza near Verona.", "Battle of", ["Military Forces of Austria"]),
    # ... a passive verb with no subject: its agent
    ("In the Battle of Lissa, an Italian fleet was badly beaten by Austrian ironclads.", "Battle of", ["Austrian ironclads"]),
])
def test_the_verb_a_battle_hangs_from_has_its_doer_in_a_misparsed_opening_noun_or_its_agent(text, trigger, who):
    assert attacker(text, trigger) == who


def test_a_name_an_event_is_also_known_as_is_no_side():
    assert attacker("The Red Fury, also known as the Sack of Mechelen, occurred in October 1572.", "Sack of",
                    "attack_on_civilians") == []


@pytest.mark.parametrize("text, trigger, who", [
    # conquistadors are an armed band (data/lexicon/armed_nouns.tsv)
    ("Spanish conquistadors under Francisco Pizarro attacked the Inca camp at Cajamarca in November 1532.", "attacked",
     ["Spanish conquistadors under Francisco Pizarro"]),
    # a finite verb the parse hangs on the noun the sentence opens with, as a participle
    ("In an attempt to join hands with the Thuringian peasants, a contingent of the Hessian army commanded by Philip "
     "attacked Frankenhausen, a town not far from Erfurt.", "attacked", ["Hessian army"]),
    # what a side began by doing: that side, by its own name when the lexicon lacks it
    ("Mahmud of Ghazni began his campaign by first capturing Peshawar in 1001 and then raiding Multan.", "capturing",
     ["Mahmud of Ghazni"]),
    # a siege a place endured from a side: that side (data/lexicon/undergo_verbs.tsv)
    ("Malta is famous in history for the Siege which it endured from the Turks under Mustafa Pasha in 1565.", "Siege",
     ["Turks"]),
])
def test_conquistadors_a_misparsed_finite_verb_what_a_side_began_by_and_a_siege_endured_from(text, trigger, who):
    assert attacker(text, trigger) == who


def test_the_place_that_endured_a_siege_is_not_its_attacker():
    assert "Rhodes" not in attacker("For three long months, from June to September 1480, Rhodes endured the siege from "
                                    "the Ottoman fleet.", "siege")


def test_a_battle_fought_between_a_state_and_another_names_the_first_state():
    """The parse hangs the rest of the sentence on the first side ("between Russia and the Ottoman Empire, just outside
    the city"): the state's name alone names its forces."""
    assert attacker("The Battle of Kars was fought on 29 September 1855, between Russia and the Ottoman Empire, just "
                    "outside the city of Kars in eastern Anatolia.", "Battle of") == ["Military Forces of Russia"]
