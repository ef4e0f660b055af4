"""The failure classes of incidents from any conflict's news, each from a sentence of our own."""

from __future__ import annotations

import pytest

from geo.events.actors import load_actors
from geo.events.extract import extract
from geo.places.mentions import find_mentions
from geo.text.articles import split_sentences
from geo.model import Article, Section


def run(text: str, gaz, published: str = "2024-03-07"):
    sec = Section("t.txt", "t", None, published, 0, len(text))
    art = Article("t.txt", text, [sec])
    art.sentences = split_sentences(text, sec)
    mentions = find_mentions(art, gaz)
    incidents, unplaced = extract(art, mentions, gaz, load_actors())
    return mentions, incidents, unplaced


# 1. A place the text marks as one but the gazetteer lacks: reported, and the incident placed near
#    the place the text locates it by, never dropped to the country.
def test_an_unknown_town_is_reported_and_its_incident_placed_near_the_town_that_locates_it(world_gazetteer):
    mentions, (inc,), _ = run("Russian drones struck the town of Zolkivka, 20 km south of Kharkiv, on Tuesday.", world_gazetteer)
    assert [(m.text, m.place) for m in mentions if m.place is None] == [("Zolkivka", None)]
    # placed where the text says, 20 km south of Kharkiv, as uncertain as a quarter of that (at least the city's radius)
    from geo.places.geometry import km

    kharkiv = world_gazetteer.places["gn/706483"]
    assert inc.place.name == "20 km south of Kharkiv" and inc.near and inc.date_start == "2024-03-05"
    assert abs(km(inc.place.point, kharkiv.point) - 20) < 0.5 and inc.place.point.lat < kharkiv.point.lat
    assert inc.place.uncertainty_km >= max(5, kharkiv.uncertainty_km)


def test_a_distance_that_leaves_the_country_widens_the_place_instead(world_gazetteer):
    """"800 km west of Kharkiv" lies in Ukraine still, "900 km east of Kharkiv" in Russia: not moved there."""
    _, (inc,), _ = run("Russian drones struck the town of Zolkivka, 900 km east of Kharkiv, on Tuesday.", world_gazetteer)
    assert inc.place.key == "gn/706483~900km" and inc.place.point == world_gazetteer.places["gn/706483"].point
    assert inc.place.uncertainty_km >= 900


def test_a_report_that_names_only_a_country_takes_the_town_of_the_sentence_before(world_gazetteer):
    text = ("Residents of Gwoza in Borno state buried their dead on Sunday. "
            "Suicide bombers struck a wedding in northeastern Nigeria on Saturday, killing 18 people.")
    _, (inc,), unplaced = run(text, world_gazetteer, "2024-06-30")
    assert inc.event_type == "explosion" and inc.place.name == "Gwoza" and inc.near and unplaced == []


def test_a_report_that_names_no_place_takes_the_town_of_the_sentence_before(world_gazetteer):
    text = ("Armed men reached two villages near the town of Gwoza at dusk on Saturday. "
            "In attacks that lasted for hours, they killed 40 people.")
    _, (inc,), _ = run(text, world_gazetteer, "2024-06-30")
    assert inc.place.name == "Gwoza" and inc.near and inc.fatalities == [40]


def test_a_toll_without_a_figure_also_takes_the_town_of_the_sentence_before(world_gazetteer):
    text = ("Armed men reached two villages near the town of Gwoza at dusk on Saturday. "
            "In attacks that lasted for hours, they killed dozens of the villagers.")
    _, (inc,), _ = run(text, world_gazetteer, "2024-06-30")
    assert inc.place.name == "Gwoza" and inc.near and inc.fatalities == []


@pytest.mark.parametrize("second, event_type", [
    ("On Tuesday government troops attacked them.", "armed_clash"),
    ("Fighting broke out on Tuesday.", "armed_clash"),
    # a bare attack verb (a row of last resort, data/lexicon/fallback_triggers.tsv) as well
    ("Without warning, on Tuesday they attacked the defenceless ships.", "armed_clash"),
])
def test_a_fight_with_no_place_of_its_own_takes_the_one_place_the_sentence_before_names(world_gazetteer, second, event_type):
    """The sentence before sets the scene of a fight, a siege, a crowd or a strike (model.SCENE_EVENTS)."""
    _, (inc,), _ = run("Rebels gathered at the market in Kassala on Monday. " + second, world_gazetteer, "2024-06-30")
    assert (inc.event_type, inc.place.name, inc.date_start) == (event_type, "Kassala", "2024-06-25")


@pytest.mark.parametrize("second, place", [
    # a fight said in more than a word looks past a sentence that names no place
    ("A fierce battle broke out on Tuesday.", "Kassala"),
    # a bare word of unrest does not: "fighting" is too often said in a figure
    ("Fighting broke out on Tuesday.", None),
])
def test_a_fight_looks_past_a_sentence_naming_no_place_to_the_scene(world_gazetteer, second, place):
    """"In Trzin ... tanks were stopped by the barricades. ... helicopters suddenly appeared ... A fierce battle broke
    out.": the scene is still the town two sentences up."""
    text = "Rebels gathered at the market in Kassala on Monday. By noon two lorries of police had arrived. " + second
    _, incidents, _ = run(text, world_gazetteer, "2024-06-30")
    assert [i.place.name for i in incidents if i.event_type == "armed_clash"] == ([place] if place else [])


@pytest.mark.parametrize("text", [
    # not an abduction (nor a killing or a blast): those were placed by the sentence before only half the time
    "The minister visited Kassala on Monday. Gunmen abducted a teacher on Tuesday.",
    # nor when the sentence before names two places: which one is not said
    "Rebel bands gathered in Kassala and Gedaref on Monday. Fighting broke out on Tuesday.",
])
def test_other_events_with_no_place_do_not_take_the_place_before(world_gazetteer, text):
    _, incidents, _ = run(text, world_gazetteer, "2024-06-30")
    assert all(inc.place.name not in ("Kassala", "Al Qadarif") for inc in incidents)


def test_a_toll_takes_the_town_named_two_sentences_before_when_the_one_between_names_none(world_gazetteer):
    """"... in Morant Bay on Tuesday. Some carried sticks and stones. Seven men were shot dead ...": the sentence
    in between says nothing of where; the town before it does."""
    text = ("Hundreds of farmers gathered at the courthouse in Morant Bay on Tuesday. Some carried sticks and stones. "
            "Seven men were shot dead by the militia.")
    _, (inc,), _ = run(text, world_gazetteer, "2024-06-30")
    assert inc.place.name == "Morant Bay" and inc.near and inc.fatalities == [7]


def test_a_shoot_down_past_a_toll_is_at_the_raids_place_and_the_raiders_are_not_its_attacker(world_gazetteer):
    """"Soviet bombers raided Tampere ... Twelve people were killed. Three of the bombers were shot down.": a
    shoot-down at Tampere that day, past the sentence that only gives the raid's toll; the Soviets lost the planes."""
    text = ("Soviet bombers raided Tampere on Monday and bombs fell near the station. Twelve people were killed. "
            "Three of the bombers were shot down.")
    _, incidents, _ = run(text, world_gazetteer)
    down = [i for i in incidents if i.event_type == "shoot_down"]
    assert [(i.place.name, i.date_start, i.attacker) for i in down] == [("Tampere", "2024-03-04", [])]


@pytest.mark.parametrize("text, attacker", [
    # whose craft was downed is no attacker of the shoot-down
    ("Two Italian planes were shot down over Salonika on Tuesday.", []),
    # the air defences of a country are its forces
    ("Ukrainian air defences shot down a Russian drone over Izmail on Tuesday.", ["Military Forces of Ukraine"]),
])
def test_the_attacker_of_a_shoot_down_is_who_shot_not_whose_craft_fell(world_gazetteer, text, attacker):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.event_type == "shoot_down" and inc.attacker == attacker


def test_battles_fought_in_a_list_of_towns_are_one_incident_each(world_gazetteer):
    text = "Together with the battles fought in Gwoza, Bama and Konduga between 15 and 18 March, the offensive stalled."
    _, incidents, _ = run(text, world_gazetteer, "2024-06-30")
    assert sorted(i.place.name for i in incidents) == ["Bama", "Gwoza", "Konduga"]
    assert {(i.event_type, i.date_start, i.date_end) for i in incidents} == {("armed_clash", "2024-03-15", "2024-03-18")}


def test_a_report_after_another_report_does_not_take_its_places(world_gazetteer):
    """Only a sentence that reports no event of its own lends its places."""
    text = ("Rockets struck Gwoza on Saturday. "
            "Elsewhere, gunmen killed 12 people.")
    _, incidents, _ = run(text, world_gazetteer, "2024-06-30")
    assert [i.place.name for i in incidents] == ["Gwoza"]


@pytest.mark.parametrize("second, types", [
    ("A school was hit by a rebel shell, killing three children.", ["armed_clash", "shelling"]),
    ("Separately, a school was hit by a rebel shell, killing three children.", ["armed_clash"]),
    ("Three children were killed in the blast.", ["armed_clash"]),
])
def test_another_kind_of_event_with_a_toll_right_after_a_report_is_at_its_place(world_gazetteer, second, types):
    """A sentence with no place of its own, of another type and with its own toll, right after an event
    report, happened at that report's place; not when it says it is separate, nor when it names the event again."""
    _, incidents, _ = run("Fighting raged in Gwoza on Saturday. " + second, world_gazetteer, "2024-06-30")
    assert sorted(i.event_type for i in incidents) == types and {i.place.name for i in incidents} == {"Gwoza"}


def test_the_same_kind_again_in_a_clause_of_its_own_is_at_that_clauses_places(world_gazetteer):
    """The sentence's most specific place (a base) is the first event's; the second clause's towns are its own."""
    _, incidents, _ = run("Israeli jets bombed the Tiyas airbase on Monday, as well as bombed the towns of Palmyra and "
                          "Al-Qaryatayn.", world_gazetteer)
    assert sorted(i.place.name for i in incidents) == ["Al Qaryatayn", "Tadmur", "Tiyas Air Base"]
    assert {(i.event_type, i.date_start) for i in incidents} == {("air_strike", "2024-03-04")}


def test_the_same_kind_again_in_a_clause_of_its_own_takes_that_clauses_day(world_gazetteer):
    _, incidents, _ = run("The ministry said on March 3 that jets had bombed the town of Gwoza, and on March 5 that the "
                          "town of Bama had been bombed that morning.", world_gazetteer)
    assert sorted((i.place.name, i.date_start, i.date_end) for i in incidents) == [
        ("Bama", "2024-03-05", "2024-03-05"), ("Gwoza", "2024-03-02", "2024-03-03")]


# 2. Administrative units
@pytest.mark.parametrize("text, key", [
    ("Russian missiles hit Sumy region on Monday.", "ne1/UA-UP21"),
    ("Shelling in Zaporizhzhia oblast killed two on Monday.", "ne1/UA-UP26"),
    ("Fighting raged in Sudan's capital on Monday.", "gn/379252"),  # Khartoum
])
def test_units_and_capitals(world_gazetteer, text, key):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.place.key == key


def test_guinea_in_a_story_about_conakry_and_the_niger_river(world_gazetteer):
    mentions, _, _ = run("Protesters in Conakry clashed with police. Guinea's junta banned the rallies.", world_gazetteer)
    assert {m.text: m.place.key for m in mentions if m.place}["Guinea"] == "iso/GN"
    mentions, _, _ = run("Militants crossed the Niger river near Gao on Friday.", world_gazetteer)
    assert "iso/NE" not in {m.place.key for m in mentions if m.place}


# 3. Lists
def test_surrounding_a_list_of_towns_gives_one_incident_each(world_gazetteer):
    text = "The royalists surrounded the northern towns of Clamart and Meudon on Tuesday."
    _, incidents, _ = run(text, world_gazetteer)
    assert sorted(i.place.name for i in incidents) == ["Clamart", "Meudon"]
    assert {i.event_type for i in incidents} == {"armed_clash"}


def test_a_list_of_ports_gives_one_incident_each(world_gazetteer):
    _, incs, _ = run("Ukrainian drones hit the ports of Berdyansk, Skadovsk and Henichesk overnight, "
                     "officials said on Wednesday.", world_gazetteer)
    assert sorted(i.place.name for i in incs) == ["Berdyansk", "Henichesk", "Skadovsk"]
    assert {i.event_type for i in incs} == {"drone_attack"}


def test_a_gloss_in_square_brackets_neither_breaks_a_list_nor_is_a_place_of_its_own(world_gazetteer):
    text = "Attacks were also being made on Berdyansk [a port], Skadovsk [Kherson region], and Henichesk."
    _, incs, _ = run(text, world_gazetteer)
    assert sorted(i.place.name for i in incs) == ["Berdyansk", "Henichesk", "Skadovsk"]


def test_a_list_whose_items_leave_out_the_verb_gives_each_its_own_day(world_gazetteer):
    text = "Bamenda was taken on Oct. 31, 1917, Kumba on Nov. 7, Buea on Nov. 19, and then the army rested."
    _, incs, _ = run(text, world_gazetteer)
    assert sorted((i.place.name, i.date_start, i.event_type) for i in incs) == [
        ("Bamenda", "1917-10-31", "armed_clash"), ("Buea", "1917-11-19", "armed_clash"), ("Kumba", "1917-11-07", "armed_clash")]


@pytest.mark.parametrize("text", [
    "After that, the French occupied Kilis on 29 October 1919 and Antep on 5 November 1919.",
    "After that, the Turks took Kilis on 29 October 1919, Antep on 5 November and the town of Urfa on 8 December.",
])
def test_a_list_told_actively_gives_each_item_its_own_day(world_gazetteer, text):
    """"occupied Kilis on 29 October 1919 and Antep on 5 November 1919": the first item after the verb
    (clauses.GAP_ACTIVE), later ones after a comma or "and"."""
    _, incs, _ = run(text, world_gazetteer, "2019-01-01")
    days = {i.place.name: i.date_start for i in incs}
    assert (days["Kilis"], days["Gaziantep"]) == ("1919-10-29", "1919-11-05")
    assert days.get("Şanlıurfa", "1919-12-08") == "1919-12-08"


def test_a_passive_capture_in_a_clause_of_its_own_is_an_event_of_its_own(world_gazetteer):
    """... at the place that is its subject, before it (not the other clause's)."""
    _, incs, _ = run("Rebels shelled Kumba on Monday, and the city of Douala was occupied on Tuesday.", world_gazetteer)
    assert sorted((i.event_type, i.place.name) for i in incs) == [("armed_clash", "Douala"), ("shelling", "Kumba")]


def test_a_day_given_later_for_an_event_first_put_in_its_year_is_its_date(world_gazetteer):
    text = "In 1860 Garibaldi's men defeated the garrison of Kumba. Kumba fell on July 27, 1860."
    _, incs, _ = run(text, world_gazetteer, "2019-01-01")
    assert [(i.place.name, i.date_start, i.date_end) for i in incs] == [("Kumba", "1860-07-27", "1860-07-27")]


# 4. Phrasings
@pytest.mark.parametrize("text, kind", [
    ("A drone sparked a fire at a fuel depot in Belgorod on Tuesday.", "drone_attack"),
    ("Warplanes pounded positions held by Fano militiamen near Gondar on Saturday.", "air_strike"),
    ("Militants overran an army post near Djibo on Friday.", "armed_clash"),
    ("Rioters torched a police station in Kankara on Thursday.", "riot"),
    ("Insurgents blew up a bridge near Djibo on Friday.", "explosion"),
    ("The rebels claimed to have exploded a copper mine near Djibo on Friday.", "explosion"),
    ("The oil refinery at Abadan was reported in flames on Monday.", "attack_on_installation"),
    ("Jets strafing the outskirts of Gondar on Saturday caused panic.", "air_strike"),
    ("Duels of artillery shook Goma on Sunday.", "shelling"),
    ("Gunshots were heard near the presidential palace in Conakry on Monday.", "armed_clash"),
    ("There were several shooting incidents in Kingston overnight.", "armed_clash"),
    ("Police began to storm the town of Bender on Friday.", "armed_clash"),
    ("Riot police dispersed demonstrators in Yerevan on Saturday.", "protest_siege"),
    ("Gunmen took over the state radio station in Bissau on Monday.", "attack_on_installation"),
    ("Troops and rebels in Aceh fought their fiercest battle on Monday.", "armed_clash"),
    ("Protesters moved through the old town of Lilongwe, looting stores as they went.", "riot"),
    ("The town hall in Bobo-Dioulasso was set on fire on Friday.", "riot"),
    ("Gunmen stole onto a resort near Semporna on Sunday night and grabbed 20 people, including tourists.", "attack_on_civilians"),
    ("Gunmen massacred 24 passengers of a bus near Amritsar on Sunday.", "attack_on_civilians"),
    ("A soldier was killed when a mine exploded in the border town of Khafji on Monday.", "explosion"),
    ("Allied forces retook Khafji on Thursday.", "armed_clash"),
    ("The lancers galloped into the town of Khafji on Thursday.", "armed_clash"),
    ("Khafji fell on March 2 after the garrison fled.", "armed_clash"),
    ("Khafji fell March 2, 1991, after the garrison fled.", "armed_clash"),
    ("The royal army went on to defeat a force of rebels near Khafji on Thursday.", "armed_clash"),
    ("The Romanians crossed the river near Khafji on Thursday and found little resistance.", "armed_clash"),
    ("Hungry warriors looted stores and homes in Khafji on Thursday.", "attack_on_civilians"),
    ("In the torpedo raids at Khafji on Thursday an ironclad was lost.", "armed_clash"),
    ("A Japanese bombing attack hit Khafji on Thursday.", "air_strike"),
    ("The unauthorized bombing of a village near Khafji on Thursday killed nine.", "air_strike"),
    ("A bombing at a market in Khafji on Thursday killed nine.", "explosion"),
    ("Near Khafji the rebels carried the enemy positions with a rush on Thursday.", "armed_clash"),
    ("The Combat of Khafji on Thursday was the first of the campaign.", "armed_clash"),
    ("He led a raid against a train in Khafji on Thursday.", "armed_clash"),
    ("The Romanians broke through the lines on Thursday, occupied and looted Khafji.", "armed_clash"),
    ("A communique said 27 Arabs were killed in yesterday's engagement near Khafji.", "armed_clash"),
    ("The army laid siege to guerrilla-held Irbid on Friday.", "armed_clash"),
    ("The army seized several fedayeen strongholds in and around Amman on Friday.", "armed_clash"),
    ("Troops loyal to the interior minister opened fire on up to 4,000 protesters in Andijan on Friday.", "attack_on_civilians"),
    ("Shops and businesses throughout the old town of Kingston were looted on Monday.", "riot"),
    ("Houses and stores were sacked in Kingston on Monday.", "riot"),
    ("Hooded youths firebombed banks across Athens on Saturday.", "riot"),
    ("Students joined a peaceful march of about 1,000 people in Kingston on Friday.", "protest_siege"),
    ("Nine people were slaughtered in Kingston on Friday.", "attack_on_civilians"),
    ("In a bitter dawn battle near Ipoh on Friday, police killed six guerrillas.", "armed_clash"),
    ("They also raided a police station at Naivasha on Friday.", "attack_on_installation"),
    ("Thousands of students protested in downtown Kingston on Saturday.", "protest_siege"),
    ("Rebels assaulted the Moncada Barracks in Santiago de Cuba on Sunday.", "armed_clash"),
    ("Guerrillas surrounded the sugar port of Manzanillo on Friday.", "armed_clash"),
    ("At Brnik airport four MiGs crisscrossed the runway on Friday, letting off machine-gun fire.", "air_strike"),
    ("Police opened fire on thousands of Hungarians demonstrating in Budapest on Tuesday.", "attack_on_civilians"),
    ("Marines seized the aerodrome at Kamina on Friday.", "attack_on_installation"),
    ("Protesters threw 30 petrol bombs at officers in Belfast on Saturday night.", "riot"),
    ("The military base at Kamina came under heavy mortar and machine-gun fire on Monday.", "attack_on_installation"),
    ("Soldiers were exchanging fire with rebels in Goma on Sunday.", "armed_clash"),
    ("Desperate encounters have taken place at Clamart on Tuesday.", "armed_clash"),
    ("A naval squadron harassed the besiegers with cannon fire at Tarragona on Monday.", "shelling"),
    ("Pakistani air attacks were reported on Amritsar on Friday.", "air_strike"),
    ("Several thousand men attacked a refugee train at Kamoke on Wednesday.", "attack_on_civilians"),
    ("General Outram moved against a Persian force camped near Bushehr on Friday.", "armed_clash"),
    ("French tanks and armoured cars then rolled into the territory and fired into the town of Menzel Bourguiba on Thursday.",
     "shelling"),
    ("Communist guns raked the beaches of Kinmen on Monday.", "shelling"),
    ("The army dropped paratroopers on the port city of Machala on Sunday.", "armed_clash"),
    ("Around Hanko there were battles during the summer of 1941.", "armed_clash"),
    ("Armed men dragged a man and his wife from their home in Kingston on Friday.", "attack_on_civilians"),
    # a raid with a massacre of civilians; soldiers who burst in and opened fire on a crowd
    ("Constabulary troops raided the town of Bacolor on Friday, massacred some 100 men, women and children and burned "
     "130 houses.", "attack_on_civilians"),
    ("On Monday several hundred soldiers burst into the stadium in Conakry and opened fire on tens of thousands of "
     "opposition supporters.", "attack_on_civilians"),
    ("On Monday, in Timbuktu, soldiers slaughtered dozens of Tuaregs and Moors in a public place.", "attack_on_civilians"),
    ("The Turks offered to surrender, and on July 29, 1696, Azov fell.", "armed_clash"),
])
def test_phrasings_give_the_right_type(world_gazetteer, text, kind):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.event_type == kind


def test_follow_ups_take_the_type_and_date_of_the_event_before(world_gazetteer):
    _, incs, _ = run("Russian drones attacked Odesa on Monday. A second drone was downed over Izmail. "
                     "The rest fell near Reni.", world_gazetteer)
    assert [(i.place.name, i.event_type, i.date_start) for i in incs] == [
        ("Odesa", "drone_attack", "2024-03-04"), ("Izmayil", "drone_attack", "2024-03-04"),
        ("Reni", "drone_attack", "2024-03-04")]


def test_what_they_also_said_is_no_event(world_gazetteer):
    _, incs, _ = run("Rockets hit Balad Air Base on Friday, officials said. They also said the base in Taji was safe.",
                     world_gazetteer)
    assert [i.place.name for i in incs] == ["Balad Air Base"]


def test_each_place_is_the_event_whose_word_comes_before_it(world_gazetteer):
    _, incs, _ = run("Russian forces shelled Kharkiv and launched drones at Kyiv on Monday.", world_gazetteer)
    assert sorted((i.place.name, i.event_type) for i in incs) == [("Kharkiv", "shelling"), ("Kyiv", "drone_attack")]


def test_an_air_raid_alert_is_no_air_strike(world_gazetteer):
    assert run("An air raid alert sounded across Kharkiv for two hours on Monday night.", world_gazetteer)[1] == []


def test_drones_launched_at_a_city_are_a_drone_attack(world_gazetteer):
    _, (inc,), _ = run("Russia launched 40 drones at Odesa overnight, the air force said on Monday.", world_gazetteer)
    assert (inc.place.name, inc.event_type) == ("Odesa", "drone_attack")


def test_what_they_also_did_is_the_event_before_at_another_place(world_gazetteer):
    _, incs, _ = run("Liberation Front for Cachar militants on Sunday blew up a railway bridge near Jorhat, police said. They also damaged a "
                     "pipeline in Dibrugarh.", world_gazetteer)
    assert [(i.place.name, i.event_type, i.date_start) for i in incs] == [
        ("Jorhat", "explosion", "2024-03-03"), ("Dibrugarh", "explosion", "2024-03-03")]
    assert incs[0].attacker == ["Liberation Front for Cachar militants"]  # "on Sunday" is when, not who


# 5. Dates
def test_relative_and_early_hours_dates(world_gazetteer):
    _, (inc,), _ = run("Drones struck Kharkiv in the early hours of Tuesday, the governor said.", world_gazetteer)
    assert inc.date_start == inc.date_end == "2024-03-05"
    _, incs, _ = run("Shelling hit Kherson on March 1. Two weeks before, a missile struck Mykolaiv.", world_gazetteer)
    assert {i.place.key: i.date_start for i in incs}["gn/700569"] == "2024-02-16"  # Mykolaiv


def test_a_day_of_the_month_alone_follows_the_story_told(world_gazetteer):
    """'They took X on the 4th' after a sentence dated March 1, 2022: March 4, 2022, not the writing month."""
    _, incs, _ = run("Russian forces entered Kherson on March 1, 2022. They took Mykolaiv on the 4th.", world_gazetteer)
    assert {i.place.key: i.date_start for i in incs}["gn/700569"] == "2022-03-04"


def test_an_anniversary_does_not_move_a_date_the_text_gives_with_its_old_year(world_gazetteer):
    text = "Leaders gathered in Kumba, the first town to be bombarded by the Luftwaffe on September 1, 1939, to mark the 80th anniversary."
    _, incs, _ = run(text, world_gazetteer, "2019-09-02")
    assert [(i.place.name, i.date_start) for i in incs] == [("Kumba", "1939-09-01")]


def test_where_a_ministry_said_it_is_not_where_it_happened(world_gazetteer):
    text = "About 250 militants attacked Russian troops in Tajikistan on Friday, Russia's Foreign Ministry said in Moscow."
    _, incs, unplaced = run(text, world_gazetteer)
    assert "Moscow" not in {i.place.name for i in incs}


def test_a_band_intercepted_by_the_authorities_is_no_shoot_down(world_gazetteer):
    text = "The party aiming for the area between Maridi and Yambio was intercepted by Congolese authorities on Friday."
    _, incs, _ = run(text, world_gazetteer)
    assert "shoot_down" not in {i.event_type for i in incs}


def test_a_clock_time_is_no_year_of_a_story_told(world_gazetteer):
    """'at 1900 GMT on March 3': a time in another zone (a day either side), not March 3 of the year 1900."""
    _, (inc,), _ = run("Gunmen struck Gwoza at 1900 GMT on March 3, officials said.", world_gazetteer)
    assert (inc.date_start, inc.date_end) == ("2024-03-02", "2024-03-04")


@pytest.mark.parametrize("text, day", [
    # the date of the trigger's own clause, not of the clause after it
    ("The bombardment of Gwoza, which lasted for hours on Monday afternoon, killed dozens, and yesterday only a few "
     "buildings remained standing.", "2024-03-04"),
    # ... but a weekday elsewhere does not undo the trigger's day of a month
    ("Flowers were laid on Wednesday at a plaque honouring the fighters in Gwoza, who stormed the town and freed "
     "the hostages on March 2.", "2024-03-02"),
])
def test_the_date_of_the_triggers_own_clause(world_gazetteer, text, day):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.date_start == inc.date_end == day


@pytest.mark.parametrize("published, start", [
    ("2025-01-03", "2024-12-28"),  # a few days back, in the year before
    ("2024-12-20", None),  # in a page of December 20, a year the text does not give: undated
])
def test_a_day_without_a_year_goes_back_into_the_year_before_only_a_few_months(world_gazetteer, published, start):
    _, (inc,), _ = run("On December 28, rebels stormed the town of Gwoza.", world_gazetteer, published)
    assert inc.date_start == start and inc.date_end == (start or published)


@pytest.mark.parametrize("text, start, end", [
    # the day a reporting verb gives: the event may have been the day before
    ("Missile strikes on Kharkiv killed 11 people, local authorities said Thursday.", "2024-03-06", "2024-03-07"),
    ("KATHMANDU, March 7: A bomb exploded in Kathmandu, killing two.", "2024-03-06", "2024-03-07"),
    # the event's own day stays one day
    ("Missile strikes on Kharkiv on Wednesday killed 11 people, officials said Thursday.", "2024-03-06", "2024-03-06"),
])
def test_a_date_that_is_the_reports_holds_the_day_before_too(world_gazetteer, text, start, end):
    _, (inc,), _ = run(text, world_gazetteer)
    assert (inc.date_start, inc.date_end) == (start, end)


@pytest.mark.parametrize("text, start, end", [
    ("Kilmallock, 29 May 1920 - Two policemen were killed in an attack on the police barracks in Kilmallock last night.",
     "1920-05-28", "1920-05-29"),
    # undated: on or before the dateline's day
    ("Kilmallock, 29 May 1920 - Two policemen were killed in an attack on the police barracks in Kilmallock.",
     None, "1920-05-29"),
])
def test_with_no_writing_date_given_the_datelines_full_date_is_it(world_gazetteer, text, start, end):
    _, (inc,), _ = run(text, world_gazetteer, published=None)
    assert (inc.date_start, inc.date_end) == (start, end)


# 6. Wrong anchors: a place that belongs to an organisation
@pytest.mark.parametrize("title, published, day", [
    # a page of today about long ago whose text names no year: the year its title names
    ("The Warsaw Uprising of 1944", "2015-12-29", "1944-08-05"),
    # ... and an undated page too
    ("The Warsaw Uprising of 1944", None, "1944-08-05"),
    # a title naming a recent year says nothing about a day of this year
    ("Warsaw after the 2014 floods", "2015-12-29", "2015-08-05"),
])
def test_a_history_page_titled_with_its_year_dates_its_days_in_that_year(world_gazetteer, title, published, day):
    text = "On 5 August German units attacked Ochota in Warsaw."
    sec = Section("t.txt", title, None, published, 0, len(text))
    art = Article("t.txt", text, [sec])
    art.sentences = split_sentences(text, sec)
    (inc,), _ = extract(art, find_mentions(art, world_gazetteer), world_gazetteer, load_actors())
    assert (inc.date_start, inc.date_end) == (day, day)


def test_an_organisations_place_is_not_where_the_event_is(world_gazetteer):
    _, (inc,), _ = run("The Lebanese health ministry said a strike on Nabatieh killed three people on Monday.", world_gazetteer)
    assert inc.place.country == "LB" and "Nabat" in inc.place.name
    _, (inc,), _ = run("A Beirut-based monitor said Israeli jets struck Tyre on Sunday.", world_gazetteer)
    assert inc.place.name == "Tyre"


def test_a_place_that_backs_or_runs_something_is_not_where_the_event_is(world_gazetteer):
    """'Moscow-backed', 'Hamas-run', 'Kyiv-controlled' name a relation (data/lexicon/hyphen_suffixes.tsv)."""
    _, incidents, _ = run("Gunmen ambushed a police patrol, said an official of the Moscow-backed administration on Monday.",
                          world_gazetteer)
    assert all(i.place.name != "Moscow" for i in incidents)


# 7. Actors outside the Middle East, in ACLED's terms
@pytest.mark.parametrize("text, attacker", [
    ("Russian forces shelled the village of Vovchansk overnight, the governor said on Sunday.", "Military Forces of Russia"),
    ("JNIM fighters attacked an army post in Djibo on Sunday.", "JNIM"),
    ("RSF drones hit the Zamzam displacement camp near El Fasher on Sunday.", "Rapid Support Forces"),
    ("Gunmen from a local militia stormed the village of Kankara on Friday.", "Unidentified Armed Group"),
    # a country's aircraft, ships and police are its state forces
    ("Twelve German bombers raided Coventry on Tuesday night.", "Military Forces of Germany"),
    ("Greek warships shelled the harbour of Smyrna yesterday.", "Military Forces of Greece"),
    # a people at war, named as the side that fought: its state's forces
    ("The Bulgarians attacked Varna at dawn on Monday.", "Military Forces of Bulgaria"),
    # ... in any plural of its demonym ("Pakistanis", "Thais", "Frenchmen")
    ("The Thais shelled Poipet at dawn on Monday.", "Military Forces of Thailand"),
    ("A column of Frenchmen attacked Kairouan at dawn on Monday.", "Military Forces of France"),
    # a name the lexicon lacks, counted in words ("five to six thousand Boers"), after a reporting verb
    ("The governor says that two thousand Boers took possession of Varna on Monday.", "two thousand Boers"),
    # the sentence before names who did it, its report placed only at a country: "This attack ..."
    ("In a grim incident in northern Nigeria, jihadist militants have reportedly killed at least 20 soldiers, according "
     "to the army. This attack occurred in Borno state, an area in the northeastern part of the country that shares "
     "borders with Cameroon and Chad.", "jihadist militants"),
])
def test_the_attacker_is_named(world_gazetteer, text, attacker):
    _, (inc,), _ = run(text, world_gazetteer)
    assert attacker in inc.attacker


@pytest.mark.parametrize("text", [
    "Russian missiles struck Kharkiv on Monday, killing three. Another official in Kyiv said the city was calm.",
    "Russian missiles struck Kharkiv on Monday. The rest of the delegation flew to Kyiv on Friday.",
])
def test_a_sentence_about_something_else_is_no_follow_up(world_gazetteer, text):
    _, incs, _ = run(text, world_gazetteer)
    assert [i.place.name for i in incs] == ["Kharkiv"]


def test_the_camp_the_sentence_before_puts_near_a_town_is_there(world_gazetteer):
    _, incidents, _ = run("The Moorish camp lay over against Tetuan. On Friday the general attacked the camp and drove "
                          "out the Moors.", world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incidents] == [("armed_clash", "Tétouan")]


def test_a_towns_name_is_never_an_attacker(world_gazetteer):
    """The dateline's town, which the parse took for the subject of the first sentence, is where it happened."""
    text = ("Lhokseumawe – A regional military commander in troubled Aceh province has defended the army's shooting "
            "of protesters, as officials said Wednesday the death toll had risen to 31. A colonel was quoted by a daily "
            "on Wednesday as saying the protestors action threatened the entire town of Lhokseumawe.")
    _, incidents, _ = run(text, world_gazetteer, published="1999-05-05")
    assert incidents and all("Lhokseumawe" not in i.attacker for i in incidents)


def test_a_country_named_as_the_target_is_not_its_army(world_gazetteer):
    _, incs, _ = run("Israeli jets bombed Lebanon on Monday, hitting Tyre.", world_gazetteer)
    assert all("Military Forces of Lebanon" not in i.target for i in incs)
    assert any("Israel" in i.attacker for i in incs)


def test_capital_punishment_is_not_a_capital(world_gazetteer):
    mentions, _, _ = run("Iran's capital punishment system was criticised on Monday.", world_gazetteer)
    assert "gn/112931" not in {m.place.key for m in mentions if m.place}  # Tehran


# Spelling variants and units named otherwise (2025-12 session, sentences of our own)
def test_a_cue_marked_spelling_variant_is_the_one_town_spelt_alike_in_the_articles_country(world_gazetteer):
    mentions, (inc,), _ = run("A Turkish drone struck the city of Qamishlo in northeast Syria on Tuesday.", world_gazetteer)
    (m,) = [m for m in mentions if m.text == "Qamishlo"]
    assert m.place.country == "SY" and m.place.name.startswith("Al Q") and "spelling" in m.reason
    assert inc.place == m.place and inc.event_type == "drone_attack"


@pytest.mark.parametrize("text", [
    "A drone struck the city of Qamishlo on Tuesday.",  # no country to look in
    "Shelling hit the village of Zqorvanth in Syria on Tuesday.",  # nothing spelt alike
])
def test_a_cue_marked_name_with_no_single_variant_in_a_named_country_stays_unresolved(world_gazetteer, text):
    mentions, _, _ = run(text, world_gazetteer)
    assert [m.place for m in mentions if m.text in ("Qamishlo", "Zqorvanth")] == [None]


def test_a_province_named_like_its_city_is_the_province(world_gazetteer):
    _, (inc,), _ = run("Israeli airstrikes hit Syria's central Hama province on Sunday.", world_gazetteer)
    assert inc.place.key == "ne1/SY-SY10" and inc.place.precision == "region"


def test_two_units_natural_earth_files_under_one_code_are_both_found(world_gazetteer):
    assert [p.name for p in world_gazetteer.lookup("oromiya") if p.precision == "region"] == ["Oromiya"]
    assert "Addis Ababa" in [p.name for p in world_gazetteer.lookup("addis ababa") if p.precision == "region"]


def test_a_next_sentence_placing_the_event_inside_the_province_gives_one_incident_there(world_gazetteer):
    text = ("Israeli airstrikes late Sunday in Syria's central Hama province killed seven people, a monitor said. "
            "The Israeli attacks on the Masyaf countryside also wounded ten.")
    _, (inc,), _ = run(text, world_gazetteer, "2024-09-09")
    assert inc.place.name == "Maşyāf" and inc.event_type == "air_strike"
    assert inc.date_start == "2024-09-08" and inc.attacker == ["Israel"] and len(inc.sentences) == 2


def test_killed_by_the_strikes_is_the_event_before_named_again(world_gazetteer):
    text = "Russian missile strikes hit Ukraine's Kharkiv region overnight. Nine people were killed by the strikes in Kharkiv city."
    _, incidents, _ = run(text, world_gazetteer)
    assert {i.event_type for i in incidents} == {"missile_attack"}


def test_a_town_where_prices_fell_is_no_capture(world_gazetteer):
    _, incidents, _ = run("Prices in the town of Gwoza fell by 3 percent on Saturday.", world_gazetteer)
    assert incidents == []


@pytest.mark.parametrize("text, kind", [
    ("At least 18 people were killed in suicide bombings in Gwoza on Saturday.", "explosion"),
    ("Militants launched rocket-propelled grenades at Maiduguri on Tuesday.", "rocket_attack"),
    # a passive "shot" with an adverb before it, its victims civilians
    ("Two civilians were reportedly shot by gunmen in Gwoza on Saturday.", "attack_on_civilians"),
    # arson by an armed side is an attack on what burned; by a crowd, a riot
    ("Suspected militants torched a police outpost in Gwoza on Saturday.", "attack_on_installation"),
    ("Guerrillas set fire to the town hall offices in Gwoza on Saturday.", "attack_on_civilians"),
    ("Angry youths torched a police outpost in Gwoza on Saturday.", "riot"),
    # fighting, a capture, a town that fell, a liberation, a battle at a town
    ("Government forces are battling the rebels near Gwoza, officials said on Saturday.", "armed_clash"),
    ("The troops marched on Gwoza, capturing the town on Saturday.", "armed_clash"),
    ("Gwoza fell to the Austrians on Saturday.", "armed_clash"),
    ("With the liberation of Gwoza by the army on Saturday the offensive entered a new stage.", "armed_clash"),
    ("Rumours are current about the battle at Gwoza on Saturday.", "armed_clash"),
    ("The army charged the walls of Gwoza at dawn on Saturday.", "armed_clash"),
    ("On Saturday morning the army descended upon the rebel garrison at Gwoza.", "armed_clash"),
    ("The rebels returned to Gwoza on Saturday and put to death all the villagers.", "attack_on_civilians"),
    ("The army gained a victory over the Boko Haram fighters at Gwoza on Saturday.", "armed_clash"),
    # mortared; a bottle of incendiary fluid thrown; shooting reported
    ("Insurgents mortared the army barracks in Gwoza on Saturday.", "shelling"),
    ("On Saturday in Gwoza a youth threw a bottle containing flammable liquid at a police car.", "riot"),
    ("Shooting was reported at the market in Gwoza on Saturday.", "armed_clash"),
    # air-raids; a victory won; a raid on a palace; a town that fell
    ("Air-raids hit the market of Gwoza on Saturday.", "air_strike"),
    ("On Saturday at Gwoza the rebel columns won a decisive victory.", "armed_clash"),
    ("On Saturday the colonel raided the palace complex of Gwoza with a force of marines.", "armed_clash"),
    ("The provincial capital of Gwoza fell on Saturday.", "armed_clash"),
])
def test_more_phrasings(world_gazetteer, text, kind):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.event_type == kind


# 7. Attackers from the parse: owners, pronouns, event nouns, coordinated verbs
@pytest.mark.parametrize("text, attacker", [
    ("Russia's drone attack early on Monday hit the port of Izmail.", "Military Forces of Russia"),
    ("Tigrayan forces said on Saturday they had seized the town of Dessie.", "TPLF/Tigray Defense Forces"),
    ("Fighters of al-Shabaab rolled into Dikwa on Sunday and dislodged troops after a gun duel.", "Al Shabaab"),
    # armed groups of the development theatres (data/lexicon/actors.tsv), and crowds by their own name
    ("NATO planes struck targets near Sarajevo on Thursday.", "NATO"),
    ("A car bomb planted by ETA exploded in Burgos on Tuesday.", "ETA"),
    ("Hooded youths torched banks in Athens on Saturday.", "Hooded youths"),
])
def test_attackers_the_parse_names(world_gazetteer, text, attacker):
    _, (inc,), _ = run(text, world_gazetteer)
    assert attacker in inc.attacker, inc.attacker


@pytest.mark.parametrize("text, kind", [
    ("The RSF bombarded El Fasher with a barrage of long-range missiles on Sunday.", "missile_attack"),
    ("Shells fired by the RSF struck a market in Omdurman on Monday.", "shelling"),
    ("Armed men attacked a Nigerien air force base in Niamey on Thursday.", "armed_clash"),
    ("Forces loyal to Haftar entered the coastal city of Sirte on Monday.", "armed_clash"),
    ("RSF fighters attacked a village near Wad Madani on Wednesday.", "attack_on_civilians"),
    ("Iran targeted Al Udeid Air Base on Monday.", "attack_on_installation"),
])
def test_the_weapon_or_the_target_says_the_type(world_gazetteer, text, kind):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.event_type == kind


def test_a_short_function_word_before_airport_is_no_airport(world_gazetteer):
    mentions, _, _ = run("An airport official said flights resumed in Port Sudan on Tuesday.", world_gazetteer)
    assert "An airport" not in [m.text for m in mentions if m.place is not None]


@pytest.mark.parametrize("text, kind", [
    ("Since the evening of 16 September, explosions have been heard near Engels.", "explosion"),
    ("Kyiv attempted strikes with jet drones at Engels on Monday.", "drone_attack"),
    ("Azerbaijan's armed forces have been using artillery near Jermuk since Wednesday.", "shelling"),
    ("On June 27, the insurgents attacked Mocimboa da Praia, a port town.", "armed_clash"),
    # who died types a bare killing: combatants, civilians, or neither (a targeted killing)
    ("Militants killed four soldiers on Monday at an outpost near Tegucigalpa.", "armed_clash"),
    ("Gunmen killed at least 12 villagers on Monday in Tegucigalpa.", "attack_on_civilians"),
    ("The mayor of Tegucigalpa was shot dead on Monday outside his home in Tegucigalpa.", "targeted_killing"),
    # what armed men attacked types it
    ("On Saturday, terrorists in a car attacked a cafe in Algiers with machine-gun fire, killing five people.", "attack_on_civilians"),
    ("On Saturday, militants attacked an army checkpoint in Algiers, killing five soldiers.", "armed_clash"),
    # present tense, aircraft, breaches
    ("Suddenly, gunfire breaks out in Kandahar on Monday.", "armed_clash"),
    ("NATO planes hit a barracks in Kandahar on Monday.", "air_strike"),
    ("Two B-52s bombed positions near Kandahar on Monday.", "air_strike"),
    ("Gunmen penetrated the brigade headquarters in Kandahar on Monday.", "armed_clash"),
    # demonstrators doing violence
    ("Protesters late Thursday lobbed bottles, broke windows and overran a police station in Minneapolis.", "riot"),
    ("Clashes broke out on Monday between supporters of the former president and riot police in Cochabamba.", "riot"),
    ("Protesters pulled down a monument to the first president in the town of Taldykorgan on Wednesday.", "riot"),
])
def test_phrasings_of_the_world_devset(world_gazetteer, text, kind):
    _, incidents, _ = run(text, world_gazetteer)
    assert [i.event_type for i in incidents] == [kind]


@pytest.mark.parametrize("text", [
    "The capture of Jijiga by the rebels was announced on Friday.",
    "After six days of street fighting, Csepel fell to the Soviet army on Friday.",
    "Khmer Rouge forces thrust into the outskirts of Phnom Penh on Friday.",
    "The seizure of Khafji cost the marines two tanks.",
    "The push by Armenian troops through the district of Kelbajar forced thousands to flee on Monday.",
    "For six days Budapest was destroyed by Soviet troops.",
    "On Friday a unit of Argentine troops landed near Goose Green.",
])
def test_the_capture_of_a_town_is_an_armed_clash(world_gazetteer, text):
    _, incidents, _ = run(text, world_gazetteer)
    assert [i.event_type for i in incidents] == ["armed_clash"]


@pytest.mark.parametrize("text", [
    "The price of bread in Phnom Penh fell to its lowest level on Friday.",
    "Shell said on Friday that its profits hit a record at its refinery in Kharkiv.",
    "The cost overrun resulted in the committee approving a motion to allow a design firm of Toronto, Ontario, "
    "Canada a second chance on Monday.",
    # a continent places nothing
    "Federal forces deployed combat aircraft on Friday in the first air attacks in Europe since the Second World War.",
    # an event that has not happened: after a modal or an intention
    "The Soviet command ordered the government to surrender by noon or Budapest will be bombed.",
    "Russia threatened to bomb Kyiv if the talks failed.",
    "Militants plan to attack Mosul next week, officials warned.",
])
def test_sentences_that_place_no_incident(world_gazetteer, text):
    _, incidents, _ = run(text, world_gazetteer)
    assert incidents == []


def test_fire_from_a_country_does_not_say_who_fired(world_gazetteer):
    _, (inc,), _ = run("Rocket fire from Lebanon hit a house in Kharkiv on Monday, officials said.", world_gazetteer)
    assert inc.event_type == "rocket_attack" and inc.attacker == []


def test_each_town_a_preposition_puts_the_fighting_in_is_a_place_of_it(world_gazetteer):
    text = ("The army seized rebel strongholds in Amman, destroyed a redoubt at Zarqa and "
            "mauled a column near Irbid on Friday, according to officials in Damascus.")
    _, incidents, _ = run(text, world_gazetteer)
    assert sorted(i.place.name for i in incidents) == ["Amman", "Irbid", "Zarqa"]


def test_the_town_the_trigger_names_again_is_the_town_named_before(world_gazetteer):
    text = ("Rebels overran an army base in Katima Mulilo on Monday, killing four soldiers. "
            "The army recaptured the town on Wednesday.")
    _, incidents, _ = run(text, world_gazetteer)
    assert [(i.place.name, i.date_start) for i in incidents] == [("Katima Mulilo", "2024-03-04"), ("Katima Mulilo", "2024-03-06")]
    # ... never a place of another kind ("the town" is no air base), nor one named three sentences before
    _, incidents, _ = run("Drones hit Al Udeid Air Base on Monday. The army recaptured the town on Wednesday.", world_gazetteer)
    assert len(incidents) == 1


def test_the_city_a_locative_names_again_anywhere_in_the_sentence_is_the_town_named_before(world_gazetteer):
    text = ("Bender is a town on the Dniester river. "
            "Then, on March 1 in the city, two armoured vehicles of the police entered the square and opened fire on a patrol car.")
    _, incidents, _ = run(text, world_gazetteer)
    assert [(i.event_type, i.place.name, i.date_start) for i in incidents] == [("armed_clash", "Bender", "2024-03-01")]


def test_a_list_of_towns_a_passive_trigger_follows_gives_one_incident_for_each(world_gazetteer):
    text = "Though Helsinki was the main target, the towns of Kotka, Turku and Oulu were also bombed on Monday."
    _, incidents, _ = run(text, world_gazetteer)
    assert sorted(i.place.name for i in incidents) == ["Kotka", "Oulu", "Turku"]
    # ... not a name that owns something: "Garibaldi's bands, which ... were repulsed" is no place of the event
    _, incidents, _ = run("The division fought at Castenedolo with Garibaldi's bands, which were repulsed on Monday.",
                          world_gazetteer)
    assert [i.place.name for i in incidents] == ["Castenedolo"]


def test_capturing_the_posts_of_two_towns_is_a_clash_at_each(world_gazetteer):
    _, incidents, _ = run("On Monday, 8,000 Italians invaded eastern Sudan, capturing the frontier posts of Kassala and Gallabat.",
                          world_gazetteer)
    assert sorted((i.event_type, i.place.name) for i in incidents) == [("armed_clash", "Kassala"), ("armed_clash", "Metemma")]


def test_a_country_that_only_says_whose_is_not_where(world_gazetteer):
    text = ("The U.S. airlift from Tirana was suspended on Monday after gunners opened fire on a U.S. Marine helicopter.")
    _, incidents, _ = run(text, world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incidents] == [("armed_clash", "Tirana")]


def test_the_event_named_again_with_its_dates_dates_the_event_before(world_gazetteer):
    text = ("The Battle of Anqing was a prolonged siege of the city of Anqing by Hunan Army forces. "
            "The siege began in September 1860 and ended on September 5, 1861, when imperial forces breached the walls.")
    _, incidents, _ = run(text, world_gazetteer, "2015-01-01")
    assert [(i.place.name, i.date_start) for i in incidents] == [("Anqing", "1860-09-01")]


def test_the_day_the_battle_took_place_dates_the_battle_named_before(world_gazetteer):
    text = ("The Battle of Lützen was one of the most important battles of the Thirty Years War. "
            "It took place on 16 November 1632, between an Imperial army and a combined Swedish-German army.")
    _, incidents, _ = run(text, world_gazetteer, "2015-01-01")
    assert [(i.place.name, i.date_start) for i in incidents] == [("Lützen", "1632-11-16")]


def test_similar_events_that_followed_elsewhere_are_of_the_type_and_date_before(world_gazetteer):
    text = ("The fighting began on 1 November 1918, when Poles in Lviv organized resistance to Ukrainian efforts to take "
            "control of the city. Similar resistance by Poles followed in Drohobych, Sambir and Jaroslaw.")
    _, incidents, _ = run(text, world_gazetteer, "2015-01-01")
    assert sorted((i.place.name, i.date_start) for i in incidents) == [
        ("Drohobych", "1918-11-01"), ("Jarosław", "1918-11-01"), ("Lviv", "1918-11-01"), ("Sambir", "1918-11-01")]


def test_the_port_named_again_is_the_port_town_named_before(world_gazetteer):
    text = ("The fleet anchored off Tartus on Sunday. "
            "Bombardment of the port began on Monday, with the warships closed inshore.")
    mentions, incidents, _ = run(text, world_gazetteer)
    tartus = next(m.place for m in mentions if m.text == "Tartus")
    assert [(i.event_type, i.place, i.date_start) for i in incidents] == [("shelling", tartus, "2024-03-04")]


def test_an_attempt_to_seize_the_city_named_before(world_gazetteer):
    text = ("Suez's defenders unleashed heavy fire on October 24. "
            "On October 25, the Israelis renewed their attempt to seize the city.")
    _, incidents, _ = run(text, world_gazetteer, "1973-10-30")
    assert ("armed_clash", "1973-10-25") in [(i.event_type, i.date_start) for i in incidents if i.place.name == "Suez"]


def test_a_town_a_road_is_named_after_is_not_where_the_event_was(world_gazetteer):
    _, (inc,), _ = run("The Selayang police station, on the main Ipoh road, was attacked by 30 insurgents last night.",
                       world_gazetteer)
    assert inc.place.name.startswith("Selayang")


def test_the_airport_the_bombers_took_off_from_is_not_where_they_struck(world_gazetteer):
    _, incidents, unplaced = run("Nine bombers took off from the small airport of Puerto Cabezas, in Nicaragua, on "
                                 "Saturday and bombed an airfield.", world_gazetteer)
    assert incidents == [] and [u.event_type for u in unplaced] == ["air_strike"]


def test_where_a_broadcast_was_monitored_is_not_where_it_happened(world_gazetteer):
    _, incidents, _ = run("Shelling damaged the airport at Asmara on Monday, the front said over its radio in a "
                          "broadcast monitored in Nairobi.", world_gazetteer)
    assert "Nairobi" not in [i.place.name for i in incidents]


def test_a_bare_strike_after_a_placeless_drone_report_is_that_drone_attack(world_gazetteer):
    text = ("Ukrainian drones struck two airbases overnight, Ukraine's military claimed Friday. "
            "A successful strike was carried out on Engels, the general staff said.")
    _, (inc,), _ = run(text, world_gazetteer, "2025-06-06")
    assert inc.event_type == "drone_attack" and inc.place.name.startswith("Engels")


def test_a_capitalised_region_is_the_province(world_gazetteer):
    mentions, _, _ = run("Drones flew over the Saratov Region of Russia on Monday.", world_gazetteer)
    (m,) = [m for m in mentions if m.text.startswith("Saratov")]
    assert m.place is not None and m.place.precision == "region" and m.place.country == "RU"


@pytest.mark.parametrize("text, kind", [
    ("About 17 drones were shot down over Izmail on Monday.", "shoot_down"),
    ("At least 40 people were killed on Tuesday in an attack by militiamen on displaced people in Djugu.",
     "attack_on_civilians"),
    ("Four soldiers were killed when the army opened fire on positions near Sotk on Friday.", "armed_clash"),
])
def test_a_bare_killed_beside_an_attack_is_that_attack(world_gazetteer, text, kind):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.event_type == kind


def test_a_killing_after_a_country_level_report_takes_its_type(world_gazetteer):
    text = ("Militiamen ambushed a convoy of displaced people in eastern Congo on Tuesday. "
            "At least 40 civilians were killed in Djugu.")
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.place.name == "Djugu" and inc.event_type != "targeted_killing"


@pytest.mark.parametrize("text, kind", [
    ("An army base in Djibo came under attack on Sunday morning.", "attack_on_installation"),
    ("The army repelled coordinated attacks by the Taliban in Spin Boldak on Wednesday.", "armed_clash"),
    ("The mayor of Chilpancingo was murdered on Sunday.", "targeted_killing"),
    ("Armed men broke into a bar in Celaya on Friday and opened fire, killing three people.", "attack_on_civilians"),
    ("Two rebels died on Saturday in an attack with explosives against a police station in Guapi.", "explosion"),
    ("Police announced an armed attack by insurgents on barracks in Mocimboa da Praia on Monday.", "armed_clash"),
    ("The Rwanda-backed group entered the central part of Bukavu on Sunday morning.", "armed_clash"),
    ("A drone hitting a vessel off Al Hudaydah was reported on Sunday.", "drone_attack"),
    ("Up to 40 villagers lost their lives in Djugu on Sunday, victims in a battle with some 300 militiamen.", "armed_clash"),
    ("The army post at Djibo was defended for four days against 500 insurgents.", "armed_clash"),
    ("On Sunday, rebels attacked the military airport at Djibo.", "attack_on_installation"),
    ("On Sunday, 4,000 insurgents defeated 3,000 government soldiers near Djibo.", "armed_clash"),
    ("Djibo has now been occupied by the insurgents, the army said on Sunday.", "armed_clash"),
    ("On Sunday, a large force of fighters swept into the town of Djibo.", "armed_clash"),
    ("On Sunday, troops cleared the insurgents from several positions near Djibo.", "armed_clash"),
    ("On Sunday, Djibo falls to the Islamist forces.", "armed_clash"),
    ("The first serious encounter between soldiers and insurgents occurred at Djibo on Sunday.", "armed_clash"),
    ("On Sunday, reports came in of uprisings in Djibo and other towns.", "armed_clash"),
    ("Djibo was taken on the afternoon of 11 June 2023.", "armed_clash"),
    ("A stiff fight took place at Djibo on 10 July 2023.", "armed_clash"),
    ("He was arrested and later executed on October 24, 2023, in Djibo.", "targeted_killing"),
    ("On Sunday, gunboats entered the river at Djibo and exchanged shots with the forts.", "armed_clash"),
    ("The war began on Sunday with an attack on an army fort at Djibo.", "attack_on_installation"),
    ("On Sunday, Djibo was taken with little or no resistance.", "armed_clash"),
    ("On Sunday, the town of Djibo fell to their troops.", "armed_clash"),
])
def test_more_phrasings_of_the_grown_devset(world_gazetteer, text, kind):
    _, incidents, _ = run(text, world_gazetteer)
    assert [i.event_type for i in incidents][:1] == [kind]


@pytest.mark.parametrize("text, attacker", [
    ("Azerbaijan mounted an offensive against positions near Sotk on Friday.", "Military Forces of Azerbaijan"),
    ("Residents were killed after Russian shelling of private homes in Mykolaiv on Monday.", "Military Forces of Russia"),
    ("A rocket struck Kiryat Shmona on Tuesday in an assault claimed by Hezbollah.", "Hezbollah"),
    ("Anti-aircraft fire from Abkhazian rebels hit a passenger plane at Sukhumi airport today, officials said.",
     "Abkhazian rebels"),
    ("Police said a car bomb attack in Kharkiv on Monday is suspected to have been the work of the New IRA.", "New IRA"),
    ("Hamas's armed wing claimed responsibility on Sunday for an attack on the Kerem Shalom crossing that Israel "
     "said killed three of its soldiers.", "Hamas"),
    # the subject of a verb of setting out or beginning does its purpose; men counted are armed men
    ("On Monday, the rebels returned to besiege the town of Gwoza.", "rebels"),
    ("On Monday, a band of 100 men attacked the town of Gwoza.", "100 men"),
])
def test_more_attackers_the_parse_names(world_gazetteer, text, attacker):
    _, incidents, _ = run(text, world_gazetteer)
    assert any(attacker in i.attacker for i in incidents), [i.attacker for i in incidents]
    assert not any("Israel" in a for i in incidents for a in i.attacker)  # who said it is no attacker


def test_a_dateline_with_a_date_and_a_clock_time_zone_are_not_where_it_happened(world_gazetteer):
    text = ("MAPUTO, March 23 (Xinhua) -- Insurgents attacked the town of Mocimboa da Praia on Monday. "
            "Shelling went on from 08:00 am local time (07:00 am Moscow time) near Mocimboa da Praia.")
    mentions, incidents, _ = run(text, world_gazetteer, "2020-03-24")
    assert [(i.place.name, i.event_type) for i in incidents] == [("Mocímboa da Praia", "armed_clash"),
                                                                  ("Mocímboa da Praia", "shelling")]
    assert "Moscow" not in [m.text for m in mentions if m.place is not None]


def test_a_province_written_with_its_other_form_is_the_province(world_gazetteer):
    _, (inc,), _ = run("Israeli airstrikes hit military positions in Homs province on Tuesday.", world_gazetteer)
    assert inc.place.precision == "region" and inc.place.name.startswith("Homs")


# 4. A bomb on the ground is an explosion; only aircraft or a bombing raid make an air strike.
#    Artillery says shelling, and soldiers storming or raiding is fighting, not a protest.
@pytest.mark.parametrize("text, kind", [
    ("A bomb hidden in a motorcycle went off at a market in Maiduguri on Tuesday, wounding 12 people.", "explosion"),
    ("Two grenades were thrown into a bar in Omdurman on Sunday, killing three people.", "explosion"),
    ("Government warplanes bombed Omdurman on Monday.", "air_strike"),
    ("A fierce artillery bombing hit a market in Omdurman on Monday.", "shelling"),
    ("Soldiers stormed a militant hideout in Maiduguri on Friday, killing four.", "armed_clash"),
    # a siege or a storming with an army or a fort and no crowd: fighting, not protesters
    ("The siege of Ciudad Rodrigo in January 1812 had Wellington's army besiege the city's French garrison.", "armed_clash"),
    ("The storming of Gwoza fortress was an epic action of the infantry.", "armed_clash"),
    ("After a year of siege, Gwoza fell on Sunday.", "armed_clash"),
    ("An army raid on Gwoza on Friday killed six people.", "armed_clash"),
    ("Troops battled insurgents for five hours in Gwoza on Sunday.", "armed_clash"),
    ("On Sunday in Kharkiv, a shell hit a car, killing three civilians, the local radio said.", "shelling"),
    ("Rebel leaders said that their forces were attacking Kharkiv on Monday, near the border.", "armed_clash"),
    ("They returned on Monday evening to engage an army battalion on the outskirts of Kharkiv.", "armed_clash"),
    ("The ministry said the army detected a battery firing a shell toward a front-line unit in Kharkiv on Monday.", "shelling"),
    ("Thirty minutes later, hundreds of Rangers parachuted onto the airstrip at Kharkiv on Tuesday.", "armed_clash"),
    ("Anti-aircraft fire from the rebels hit a passenger plane at Kharkiv airport today, officials said.", "shoot_down"),
    # a town taken: an armed clash there
    ("The rebels occupied Gwoza last week and pressed on towards the border, the governor said.", "armed_clash"),
    ("A message from the front on Monday reports the surrender of Gwoza to the insurgents.", "armed_clash"),
    ("In less than two hours on Sunday the soldiers had secured Gwoza, a local official said.", "armed_clash"),
    ("Gwoza was captured on Tuesday by the insurgents after the garrison withdrew, residents said.", "armed_clash"),
    # a battle fought, an army beaten, shells that thudded down
    ("A fierce battle was fought near Gwoza on Friday and the attackers withdrew, the army said.", "armed_clash"),
    ("The ministry claims the army decisively routed the rebel columns at Gwoza on Monday.", "armed_clash"),
    ("On Monday mortar shells thudded down on hotels and shops in Gwoza, residents said.", "shelling"),
    # a town entered by an army; aeroplanes and aerial attacks; stones thrown
    ("Correspondents report that the Italians entered Gwoza at 9 a.m. on Monday after sharp fighting.", "armed_clash"),
    ("Five Italian aeroplanes carried out a raid on Gwoza early this morning, destroying a hangar.", "air_strike"),
    ("For the third successive day on Monday, Gwoza was subject to an aerial attack by twenty planes.", "air_strike"),
    ("Arabs barricaded the streets of Gwoza on Monday and threw stones at the police, officials said.", "riot"),
    ("The town of Gwoza has been taken by the insurgents, the governor of the state said on Monday.", "armed_clash"),
    ("An armoured car was heavily fired upon near Gwoza on Monday, the police said in a statement.", "armed_clash"),
    # a missile that slammed into a block, a clinic targeted by mortars, a town besieged, a war that broke out
    ("A missile slammed into a block of flats in Kharkiv on Monday night, the governor said.", "missile_attack"),
    ("The clinic in Gwoza was destroyed on Monday after being targeted by mortars fired by the rebels.", "shelling"),
    ("The insurgents besieging Gwoza report that the garrison made a sortie on Monday.", "armed_clash"),
    ("On Monday civil war broke out in Gwoza between the two factions of the army.", "armed_clash"),
    # snipers firing on civilians; a militia burning homes
    ("Snipers opened fire on civilians queuing for bread in Gwoza on Monday.", "attack_on_civilians"),
    ("The militia burned down dozens of homes in Gwoza on Monday, residents said.", "attack_on_civilians"),
    # cannon and a mortar fired
    ("Seven cannons fired on Gwoza from the heights on Monday, the garrison reported.", "shelling"),
    ("On Monday the army began to shell Gwoza again.", "shelling"),
    ("On Monday the rebels targeted the depot in Gwoza by firing mortars from the hills.", "shelling"),
])
def test_bombs_artillery_raids_and_storming(world_gazetteer, text, kind):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.event_type == kind


def test_this_city_in_a_dateline_story_is_the_dateline_city(world_gazetteer):
    text = ("COVENTRY -- Squadron after squadron of German airplanes dive-bombed this ancient industrial city for ten "
            "hours on Thursday, leaving at least 1,000 casualties.")
    _, (inc,), _ = run(text, world_gazetteer)
    assert (inc.event_type, inc.place.name) == ("air_strike", "Coventry")


def test_a_report_naming_only_its_dateline_is_placed_near_the_dateline_city(world_gazetteer):
    text = "GUWAHATI: At least nine people were hurt in a grenade blast outside a market on Tuesday evening, police said."
    _, (inc,), _ = run(text, world_gazetteer)
    assert (inc.event_type, inc.place.name) == ("explosion", "Guwahati")
    # ... when the article names nothing else but its dateline's city again, for the lead only
    text += " Smoke rose above Guwahati's old town. Later a grenade blast was heard, police said."
    _, incs, _ = run(text, world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incs] == [("explosion", "Guwahati")]


def test_a_report_that_says_it_was_elsewhere_is_not_placed_at_its_dateline(world_gazetteer):
    text = "PARIS - Nationalists set off a bomb at an air force base on the island early on Sunday, police said."
    assert [i.place.name for i in run(text, world_gazetteer)[1]] == []


@pytest.mark.parametrize("text", [
    "Settlers from the occupied West Bank met the minister in Jerusalem on Monday, his office said.",
    "Residents of Russian-occupied Melitopol told the radio on Monday that prices had doubled.",
])
def test_an_occupied_territory_is_no_incident(world_gazetteer, text):
    assert run(text, world_gazetteer)[1] == []


# 1. A hyphenated unit's name is one name: its halves are not places abroad.
def test_the_halves_of_a_hyphenated_unit_are_not_places_abroad(world_gazetteer):
    text = "Nine people were killed in Kolofata on Sunday in Mayo-Sava department, Far North region of Cameroon."
    mentions, (inc,), _ = run(text, world_gazetteer)
    assert [m.place.country for m in mentions if m.place] == ["CM", "CM"]
    assert inc.place.key == "ne1/CM-CM12"


def test_a_company_named_with_a_hyphen_is_no_place_but_two_cities_are(world_gazetteer):
    mentions, _, _ = run("Rebels shot at a bus of Freeport-McMoRan workers in Papua province, Indonesia, on Monday.", world_gazetteer)
    assert "Freeport" not in [m.text for m in mentions if m.place]
    mentions, _, _ = run("Police in Paris, France, said the Amsterdam-London train was attacked on Monday.", world_gazetteer)
    assert {"Amsterdam", "London"} <= {m.text for m in mentions if m.place}


# 2. Units spelt otherwise than the gazetteer (hyphen for "and", another transliteration), in a
#    country the text names or names by a demonym; a city's airport; acronyms; Portuguese names.
@pytest.mark.parametrize("text, key", [
    ("Five Iranian police officers were killed in Sistan-Baluchistan province on Thursday.", "ne1/IR-IR04"),
    ("Cambodian troops shelled Thai positions in Oddar Meanchey province on Thursday.", "ne1/KH-CB27"),
])
def test_a_unit_spelt_otherwise_in_a_country_the_text_names(world_gazetteer, text, key):
    mentions, (inc,), _ = run(text, world_gazetteer)
    assert inc.place.key == key


def test_a_citys_airport_is_the_airport(world_gazetteer):
    _, (inc,), _ = run("Ukrainian drones attacked Grozny's airport on Wednesday.", world_gazetteer)
    assert inc.place.key == "icao/URMG" and inc.place.kind == "airport"


def test_an_agency_acronym_is_no_town_abroad_but_a_capitalised_dateline_is_a_place(world_gazetteer):
    mentions, _, _ = run("EL FASHER, Sudan (Reuters) - Shelling hit a market, Iran's news agency IRNA said.", world_gazetteer)
    assert [(m.text, m.place.country) for m in mentions if m.place] == [("EL FASHER", "SD"), ("Sudan", "SD"), ("Iran", "IR")]


def test_a_portuguese_name_with_do_is_one_unresolved_name(world_gazetteer):
    mentions, _, _ = run("Police raided homes in Complexo do Alemão in Rio de Janeiro on Thursday.", world_gazetteer)
    assert ("Complexo do Alemão", None) in [(m.text, m.place) for m in mentions]


@pytest.mark.parametrize("text", [
    "Student protesters stormed a jail in Narsingdi on Friday and set it on fire.",
    "Supporters of the former president stormed Congress in Brasilia on Sunday.",
    # a protest whose crowd wrecks what it finds (data/lexicon/unrest_words.tsv 'wrecking')
    "Thousands of students protested in downtown Kaunas on Saturday, breaking windows and smashing furniture.",
    "Demonstrators marched through Kaunas on Saturday, looting shops along the main avenue.",
])
def test_protesters_storming_or_burning_is_a_riot(world_gazetteer, text):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.event_type == "riot"


def test_bombs_dropped_from_the_air_are_an_air_strike(world_gazetteer):
    _, (inc,), _ = run("American bunker-buster bombs hit a site near Omdurman on Sunday.", world_gazetteer)
    assert inc.event_type == "air_strike"


# 4. A bare attack, shooting or gunfire is an event too, typed by its target; never the event before named again.
@pytest.mark.parametrize("text, kind", [
    ('"There was an attack this morning in the town of Adre," the minister said on Sunday.', "armed_clash"),
    ("On Sunday night an army position in Diffa region was attacked by unidentified armed men.", "attack_on_installation"),
    ("Rebels launched an attack on a secondary school in Mpondwe on Friday.", "attack_on_civilians"),
    ("Shots were fired in Bentiu on Sunday evening, officials said.", "armed_clash"),
])
def test_a_bare_attack_is_an_incident_typed_by_its_target(world_gazetteer, text, kind):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.event_type == kind


def test_the_attack_named_again_is_no_second_incident(world_gazetteer):
    text = "Rockets struck Bentiu on Sunday. The attack in Bentiu wounded three people."
    _, incidents, _ = run(text, world_gazetteer)
    assert [i.event_type for i in incidents] == ["rocket_attack"]


def test_places_joined_by_and_in_the_city_of_are_one_incident_each(world_gazetteer):
    text = "Gunmen launched simultaneous attacks in the city of Makhachkala and in the coastal city of Derbent on Sunday."
    _, incidents, _ = run(text, world_gazetteer)
    assert sorted(i.place.name for i in incidents) == ["Derbent", "Makhachkala"]


def test_an_airport_by_its_citys_name_and_a_capitalised_in(world_gazetteer):
    mentions, _, _ = run("Shooting was reported at Culiacan International Airport on Thursday.", world_gazetteer)
    assert [m.place.kind for m in mentions if m.place] == ["airport"]
    mentions, _, _ = run("In Zorbatiya, protesters marched on Monday.", world_gazetteer)
    assert [(m.text, m.place) for m in mentions] == [("Zorbatiya", None)]


@pytest.mark.parametrize("text, attacker", [
    ("Two soldiers were killed in an attack by suspected leftist rebels in Aurora province on Tuesday.", "suspected leftist rebels"),
    ("A plane was shot at by gangs over Port-au-Prince on Monday.", "gangs"),
])
def test_the_armed_actor_after_by_is_the_attacker(world_gazetteer, text, attacker):
    _, (inc,), _ = run(text, world_gazetteer)
    assert any(attacker.split()[-1] in a for a in inc.attacker), inc.attacker


def test_the_next_sentence_places_an_attack_the_first_put_only_in_a_country(world_gazetteer):
    text = ("Three border guards were killed in an attack in southeastern Iran on Thursday. "
            "The attack took place in Mirjaveh, a city near the Pakistani border.")
    _, (inc,), unplaced = run(text, world_gazetteer)
    assert inc.place.name.startswith("M") and inc.place.country == "IR" and unplaced == []


@pytest.mark.parametrize("text, kind", [
    ("At least ten people were injured in Bamenda on Sunday during an explosion at a parade.", "explosion"),
    ("The rebels were reported to have taken control of the town of Sake on Friday.", "armed_clash"),
    ("The violence broke out over three days in the eastern province of Ouaddaï, officials said.", "armed_clash"),
    ("Near Bamenda, the 2nd battalion offered stiff resistance on Sunday.", "armed_clash"),
    ("Serious disturbances broke out in Bamenda on Sunday, the governor said.", "riot"),
    ("Allied troops have taken Bamenda and pressed on to the river on Sunday.", "armed_clash"),
    ("The Ottoman armies returned to Bamenda on Sunday to besiege the town once more.", "armed_clash"),
    ("On Sunday the garrison of Bamenda surrendered to the rebels.", "armed_clash"),
    ("The army crossed the river and invaded Bamenda on Sunday.", "armed_clash"),
    ("On Sunday the rebels sacked Bamenda.", "attack_on_civilians"),
    ("On Sunday the rebels executed twelve prisoners in Bamenda.", "attack_on_civilians"),
    ("A mob lynched two men in Bamenda on Sunday.", "attack_on_civilians"),
    ("Soldiers beat civilians in Bamenda on Sunday, witnesses said.", "attack_on_civilians"),
    ("Thousands marched through Bamenda on Sunday.", "protest_siege"),
    ("On Sunday the rebels were driving the Germans out of Bamenda, the dispatch said.", "armed_clash"),
    ("The village of Bamenda was annihilated by occupying forces on Sunday.", "attack_on_civilians"),
    # the words of histories: firing squads, hangings, mass killings, mutinies, defeats told in the passive
    ("The former governor faced a firing squad in Bamenda on Sunday.", "targeted_killing"),
    ("Three chiefs were hanged in Bamenda on Sunday.", "targeted_killing"),
    ("The colonial authorities executed the leaders of the revolt in Bamenda on Sunday.", "targeted_killing"),
    ("The mass killings in Bamenda began on Sunday.", "attack_on_civilians"),
    ("On Sunday the raiders slaughtered the inhabitants of Bamenda.", "attack_on_civilians"),
    ("A mutiny broke out in the garrison of Bamenda on Sunday.", "armed_clash"),
    ("An armed confrontation began in Bamenda on Sunday between the two militias.", "armed_clash"),
    ("The two armies met near Bamenda on Sunday and the ensuing battle lasted all day.", "armed_clash"),
    ("In 1919, Bamenda came under British occupation.", "armed_clash"),
    ("On Sunday a band of commandos infiltrated into Bamenda.", "armed_clash"),
    ("The 5th Regiment under its colonel had been defeated near Bamenda on Sunday.", "armed_clash"),
    ("On Sunday the raiders tried to invade Bamenda.", "armed_clash"),
    ("On Sunday the rebels attempted once more to conquer Bamenda.", "armed_clash"),
    ("After a night of street fighting the militia won control of Bamenda on Sunday.", "armed_clash"),
    ("On Sunday government troops marched unopposed into Bamenda.", "armed_clash"),
    ("On Sunday the whole of Bamenda was in the hands of the rebels.", "armed_clash"),
])
def test_explosions_control_taken_and_violence_as_last_resort(world_gazetteer, text, kind):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.event_type == kind


def test_a_capture_and_a_massacre_in_one_sentence_are_two_incidents(world_gazetteer):
    _, incs, _ = run("On Sunday the rebels captured Bamenda and massacred its defenders.", world_gazetteer)
    assert sorted((i.event_type, i.place.name) for i in incs) == [("armed_clash", "Bamenda"), ("attack_on_civilians", "Bamenda")]


def test_towns_of_a_list_taken_are_one_incident_each(world_gazetteer):
    _, incs, _ = run("The towns of Bamenda, Kumba and Buea were taken on Sunday.", world_gazetteer)
    assert sorted(i.place.name for i in incs) == ["Bamenda", "Buea", "Kumba"] and {i.event_type for i in incs} == {"armed_clash"}


@pytest.mark.parametrize("text, key", [
    ("Pakistani drones struck a village in Iran's Saravan County on Thursday.", "gn/1159713"),
    ("Ukrainian drones hit Kaspiysk in Russia's Dagestan Republic on Wednesday.", "ne1/RU-RS17"),
    ("Four Kyrgyz border guards crossed into Tajikistan's Sughd province on Monday.", "ne1/TJ-TI03"),
])
def test_a_capitalised_unit_word_and_a_units_official_name(world_gazetteer, text, key):
    mentions, _, _ = run(text, world_gazetteer)
    assert key in [m.place.key for m in mentions if m.place]


# 6. Where it came from or where it was reported is not where it happened.
@pytest.mark.parametrize("text, name", [
    ("After the flight from Tel Aviv landed in Makhachkala on Sunday, protesters broke into the airport.", "Makhachkala"),
    ("A spokeswoman said at a press conference in Phnom Penh that shelling killed 13 people in Pursat province on Saturday.", "Pouthisat"),
    ("Quito (AFP) – Nine people were killed on Tuesday by armed attackers at a port in the province of Esmeraldas.", "Esmeraldas"),
])
def test_origins_press_conferences_and_datelines_are_not_the_place(world_gazetteer, text, name):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.place.name == name


def test_a_front_that_claims_the_attack_is_its_attacker(world_gazetteer):
    _, (inc,), _ = run("The Polisario Front has claimed responsibility for the attack carried out on Sunday against the town of Smara.",
                       world_gazetteer)
    assert any("Polisario Front" in a for a in inc.attacker), inc.attacker


def test_a_name_after_a_locative_spelt_closely_alike_is_the_one_town_in_the_named_country(world_gazetteer):
    mentions, _, _ = run("Jihadists attacked army barracks in Ben Guerdane, Tunisia, on Monday.", world_gazetteer)
    assert ("Ben Guerdane", "gn/2472431") in [(m.text, m.place and m.place.key) for m in mentions]


@pytest.mark.parametrize("text, kind", [
    ("Indian soldiers were killed in a violent face-off with Chinese troops near Leh on Monday night.", "armed_clash"),
    ("South Korea returned fire after a guard unit in the town of Cheorwon was hit early on Sunday.", "armed_clash"),
    ("The warplanes had been targeting a military barracks on the outskirts of Gori on Saturday.", "air_strike"),
])
def test_face_offs_returned_fire_and_warplanes_targeting(world_gazetteer, text, kind):
    _, incidents, unplaced = run(text, world_gazetteer)
    assert {i.event_type for i in incidents} | {u.event_type for u in unplaced} == {kind}


def test_common_words_opening_a_sentence_are_no_town(world_gazetteer):
    mentions, _, _ = run("Four men have been arrested after a car bomb attack in Derry.", world_gazetteer)
    assert "Four men" not in [m.text for m in mentions if m.place]


def test_northern_ireland_is_not_ireland_and_england_is_no_town_in_the_us(world_gazetteer):
    mentions, _, _ = run("A car bomb exploded outside a police station in Northern Ireland, police in England said.", world_gazetteer)
    assert [(m.text, m.place.country) for m in mentions if m.place] == [("Northern Ireland", "GB"), ("England", "GB")]


@pytest.mark.parametrize("text, kind", [
    ("A violent mob set a shopping mall in Soweto alight on Monday morning.", "riot"),
    ("Rebel fighters joined hungry civilians on a looting spree in the port of Monrovia on Wednesday.", "riot"),
    ("Three people were shot to death at the airport in Tegucigalpa on Sunday.", "attack_on_civilians"),
    ("Violence against foreigners has flared up over the past week in Alexandra, leaving two dead.", "armed_clash"),
])
def test_mobs_looting_shootings_and_violence_flaring(world_gazetteer, text, kind):
    _, incidents, unplaced = run(text, world_gazetteer)
    assert {i.event_type for i in incidents} | {u.event_type for u in unplaced} == {kind}


@pytest.mark.parametrize("text, iso", [
    ("Rebels attacked a village in eastern Democratic Republic of Congo on Sunday.", "CD"),
    ("SARAJEVO, Bosnia-Herzegovina — Shells fell on the city on Tuesday.", "BA"),
    ("Militias killed dozens in East Timor after the vote.", "TL"),
])
def test_countries_by_the_names_news_gives_them(world_gazetteer, text, iso):
    mentions, _, _ = run(text, world_gazetteer)
    assert f"iso/{iso}" in [m.place.key for m in mentions if m.place]


@pytest.mark.parametrize("text, attacker", [
    ("On Tuesday night the AFRC attacked UN positions in Makeni.", "AFRC"),
    ("UNPROFOR planes struck targets near Sarajevo on Thursday.", "UNPROFOR planes"),
])
def test_a_name_the_lexicon_lacks_as_the_attack_verbs_subject_is_kept(world_gazetteer, text, attacker):
    _, (inc,), _ = run(text, world_gazetteer)
    assert attacker in inc.attacker, inc.attacker


def test_the_stronghold_of_marks_a_town(world_gazetteer):
    mentions, _, _ = run("NATO planes struck targets near the Bosnian Serb stronghold of Pale on Thursday.", world_gazetteer)
    assert [(m.text, m.place.country) for m in mentions if m.place and m.place.country == "BA"] == [("Pale", "BA")]


def test_every_fallback_phrasing_passes_the_stem_screen():
    """A unit hit or a post targeted, with no other fallback word, still reaches its row."""
    from geo.events.triggers import fallback

    assert fallback("A guard unit in the town of Cheorwon was hit early on Sunday.")[0] == "armed_clash"
    assert fallback("A police post in Diffa was targeted on Sunday night.")[0] == "attack_on_installation"


# Unrest: protests, riots and clashes between crowds (world held-out 6, read after its scoring).
@pytest.mark.parametrize("text, kind", [
    ("Two people died in clashes between supporters and opponents of the mayor in Kisumu on Monday.", "riot"),
    ("The strike followed deadly unrest in Eldoret last month.", "riot"),
    ("Demonstrators angry at the fuel price took to the streets and attacked bus stops in Lagos on Friday.", "riot"),
    ("Protests erupted in Mombasa on Tuesday after the verdict.", "protest_siege"),
    ("Students took to the streets of Kano on Friday.", "protest_siege"),
])
def test_unrest_and_clashes_between_crowds(world_gazetteer, text, kind):
    _, incidents, _ = run(text, world_gazetteer)
    assert [i.event_type for i in incidents] == [kind]


def test_a_list_past_parentheses_and_such_as_gives_one_incident_each(world_gazetteer):
    _, incidents, _ = run("Protests took place in Nairobi, but also in some towns such as Kisumu (West), "
                          "Nakuru (Rift Valley) and Eldoret on Tuesday.", world_gazetteer)
    assert sorted(i.place.name for i in incidents) == ["Eldoret", "Kisumu", "Nairobi", "Nakuru"]


def test_the_capital_alone_is_the_capital_of_the_articles_country(world_gazetteer):
    _, incidents, _ = run("Police killed a student in Kisumu, Kenya, on Monday. "
                          "On Tuesday police fired tear gas at protesters in the capital.", world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incidents] == [("targeted_killing", "Kisumu"), ("protest_siege", "Nairobi")]
    # "the capital, <name>" and "the capital <name>" leave the name to say which city
    mentions, _, _ = run("Rebels took the capital Wad Madani in Sudan in December.", world_gazetteer)
    assert "the capital" not in [m.text for m in mentions]


def test_the_first_part_of_a_hyphenated_city_name_is_that_city(world_gazetteer):
    mentions, _, _ = run("Police in Sri Lanka said a grenade went off in the suburb of Dehiwala on Sunday.", world_gazetteer)
    assert {m.text: m.place.key for m in mentions if m.place}["Dehiwala"] == "gn/1234569"  # Dehiwala-Mount Lavinia


@pytest.mark.parametrize("text, town", [
    ("Maoists attacked Dantewada prison in India on Sunday.", "gn/1273525"),  # GeoNames spells it Dantewāra
    ("Rebels attacked the Dantewada police station in Chhattisgarh, India, on Friday.", "gn/1273525"),
])
def test_a_site_the_gazetteer_lacks_is_placed_near_the_town_it_is_named_after(world_gazetteer, text, town):
    mentions, (inc,), _ = run(text, world_gazetteer)
    site = next(m for m in mentions if m.text.startswith("Dantewada"))
    assert site.place is None and site.near.key == town  # reported unresolved ...
    assert inc.place.key == town and inc.near  # ... and its incident placed near the town


def test_a_longer_site_name_that_opens_with_a_towns_name_is_placed_near_that_town(world_gazetteer):
    mentions, _, _ = run("At Minsk Tractor Plant (MTZ) in Belarus, riot police detained strikers on Friday.", world_gazetteer)
    site = next(m for m in mentions if m.text == "Minsk Tractor Plant")
    assert site.place is None and site.near.key == "gn/625144"


def test_a_site_named_after_no_town_of_the_articles_countries_stays_unplaced(world_gazetteer):
    mentions, incidents, unplaced = run("Militants attacked the Boulkessi military camp in Mali on Tuesday.", world_gazetteer)
    assert incidents == [] and [u.event_type for u in unplaced] == ["armed_clash"]


def test_a_dateline_is_never_the_attacker_and_hacked_to_death_is_an_attack_on_civilians(world_gazetteer):
    _, (inc,), _ = run("GAO, Mali - Gunmen hacked to death twelve villagers in Gao on Tuesday.", world_gazetteer)
    assert inc.event_type == "attack_on_civilians" and "GAO" not in inc.attacker
    from geo.events.roles import roles
    text = "KIDAL, Mali - Drones targeted a market in Kidal."
    at = text.index("targeted")
    attacker, _ = roles(text, at, at + len("targeted"), load_actors(), "drone_attack")
    assert "KIDAL" not in attacker


def test_a_region_before_city_of_is_no_city(world_gazetteer):
    _, (inc,), _ = run("Gunmen attacked a checkpoint in the North Sinai city of Arish, Egypt, on Friday.", world_gazetteer)
    assert inc.place.key == "gn/361546"  # Arish, not a town called Sinai abroad


@pytest.mark.parametrize("text, kind, place", [
    ("Gunmen killed twelve people at a market in Gao, hours after a bomb exploded in Timbuktu.", "explosion", "Timbuktu"),
    ("Two days after militants attacked a police post in Diffa, soldiers killed nine of them near the border.", "armed_clash", "Diffa"),
])
def test_the_earlier_event_of_a_background_clause_is_an_incident_of_its_own(world_gazetteer, text, kind, place):
    _, incidents, _ = run(text, world_gazetteer)
    (earlier,) = [i for i in incidents if i.place.name == place]
    assert earlier.event_type == kind and earlier.date is None  # undated: the clause gives no day of its own


def test_a_sentence_saying_where_the_thing_before_is_places_that_event(world_gazetteer):
    text = ("Gunmen opened fire outside a mosque in northern Mali on Friday, officials said. "
            "The mosque is in the small town of Goundam, west of Timbuktu.")
    _, incidents, unplaced = run(text, world_gazetteer)
    assert [i.place.name for i in incidents] == ["Goundam"] and unplaced == []
    # a sentence about something else leaves the event where it was
    _, incidents, unplaced = run("Gunmen opened fire outside a mosque in northern Mali on Friday. "
                                 "The market is in the small town of Goundam.", world_gazetteer)
    assert incidents == [] and len(unplaced) == 1


@pytest.mark.parametrize("text, attacker", [
    ("Police opened fire on students who stormed the governor's office in Kisumu on Monday.", "police"),
    ("A reporter was shot and wounded by riot police in Eldoret on Monday.", "riot police"),
])
def test_forces_firing_on_a_crowd_or_shooting_a_bystander_attack_civilians(world_gazetteer, text, attacker):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.event_type == "attack_on_civilians" and attacker in " ".join(inc.attacker).lower()


# World held-out 7, read after its single scoring: phrasings and places it showed missing.
@pytest.mark.parametrize("text, kind, place", [
    ("Two people were killed when a powerful explosion occurred near a market in Quetta, Pakistan, on Monday.", "explosion", "Quetta"),
    ("The death toll from the downing of an army helicopter by rebels in Kidal, Mali, rose to nine on Friday.", "shoot_down", "Kidal"),
    ("Dozens of shops in Lyon, France, were looted overnight.", "riot", "Lyon"),
    ("Rallies against the price of fuel first started in Aktobe, Kazakhstan, on Sunday.", "protest_siege", "Aktobe"),
    ("Mourners in Mahabad, Iran, were fired at by security forces on Friday.", "attack_on_civilians", "Mahābād"),
    ("Witnesses saw army helicopters attacking villages in the Pool region of Congo on Monday, "
     "the UN coordinator in Brazzaville said.", "air_strike", "Pool"),
])
def test_held_out_7_phrasings(world_gazetteer, text, kind, place):
    _, incidents, _ = run(text, world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incidents] == [(kind, place)]


def test_a_dateline_with_a_date_and_no_dash(world_gazetteer):
    _, (inc,), _ = run("Quetta, March 26 Gunmen attacked a police post in Turbat on Monday night.", world_gazetteer)
    assert inc.place.name == "Turbat"


def test_the_next_sentence_giving_the_same_toll_places_a_country_level_event(world_gazetteer):
    _, (inc,), unplaced = run("A raid by armed men left at least three people dead in Nicaragua on Sunday. "
                              "\"There are three dead in Bluefields,\" a rights group said.", world_gazetteer)
    assert inc.place.name == "Bluefields" and inc.fatalities == [3] and unplaced == []


def test_a_town_named_after_a_country_in_an_organisation_name_is_still_the_place(world_gazetteer):
    _, (inc,), _ = run("Police attacked students at the National University of Nicaragua in Managua on Friday.", world_gazetteer)
    assert inc.place.name == "Managua"


def test_a_town_is_inside_a_province_known_only_by_its_point_when_their_codes_agree(world_gazetteer):
    from geo.places.geometry import within
    assert within(world_gazetteer.places["ne1/PK-PK02"], world_gazetteer.places["gn/1163054"])  # Turbat, Balochistan
    assert not within(world_gazetteer.places["ne1/PK-PK02"], world_gazetteer.places["gn/1174872"])  # not Karachi


def test_a_dateline_of_two_cities_and_a_day_month_date(world_gazetteer):
    _, (inc,), _ = run("JAMMU/SRINAGAR, 7 May: Pakistani troops shelled villages in Kupwara district on Wednesday.", world_gazetteer)
    assert inc.place.name != "Jammu" and inc.event_type == "shelling"


@pytest.mark.parametrize("text", [
    "Police dispersed crowds with gunfire in Manzini, Eswatini, on Tuesday evening.",
    "Security forces used tear gas to break up the crowds in Manzini, Eswatini, then opened fire.",
])
def test_forces_dispersing_or_firing_on_crowds(world_gazetteer, text):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.event_type == "attack_on_civilians" and inc.place.name == "Manzini"


# World held-out 8, read after its single scoring.
def test_here_and_this_city_are_the_datelines_place(world_gazetteer):
    _, (inc,), _ = run("MASERU, Lesotho (AP) -- Soldiers opened fire on a crowd here on Tuesday, killing two.", world_gazetteer)
    assert inc.place.name == "Maseru" and not inc.near


def test_an_event_only_the_datelines_country_holds_is_placed_near_the_dateline(world_gazetteer):
    _, (inc,), _ = run("MASERU, Lesotho (AP) -- Troops crossed into Lesotho at dawn. They secured two army "
                       "bases after heavy fighting in which three soldiers died.", world_gazetteer)
    assert inc.place.name == "Maseru" and inc.near
    # ... never when the sentence says where else in the country, or the article names another place there
    _, incidents, _ = run("COTONOU, Benin (Reuters) - Gunmen attacked a customs post in northern Benin on Tuesday.", world_gazetteer)
    assert incidents == []
    _, incidents, _ = run("MASERU, Lesotho (AP) -- Rebels attacked troops in Lesotho on Tuesday. Mafeteng was calm.", world_gazetteer)
    assert [i.place.name for i in incidents] != ["Maseru"]


def test_an_archive_datelines_underscore_ends_it(world_gazetteer):
    """Agency archives print "(AP) _": the dateline's town is where it was filed, not where it happened."""
    _, (inc,), _ = run("AMRITSAR, India (AP) _ Gunmen massacred 24 passengers of a bus in Punjab state on Sunday.", world_gazetteer)
    assert inc.place.name.startswith("Punjab") and inc.place.precision == "region"


@pytest.mark.parametrize("text", [
    "Kingston, May 27 (IANS/EFE) Gunmen attacked a police station in Tivoli Gardens, killing four.",
    "May 27, 2010 (KINGSTON) – Gunmen attacked a police station in Tivoli Gardens, killing four.",
])
def test_a_date_that_opens_the_text_is_the_report_s_and_holds_the_day_before(world_gazetteer, text):
    _, (inc,), _ = run(text, world_gazetteer, "2010-05-27")
    assert (inc.date_start, inc.date_end) == ("2010-05-26", "2010-05-27")


def test_today_in_a_wire_is_the_day_of_its_dateline(world_gazetteer):
    """"NEW YORK, December 6." in a paper of December 7: "today" is December 6."""
    text = "NEW YORK, December 6. The United Nations met again. Jets strafed planes at Kolwezi today."
    _, (inc,), _ = run(text, world_gazetteer, "1961-12-07")
    assert (inc.date_start, inc.date_end) == ("1961-12-06", "1961-12-06")
    # ... not a date more than a week before the paper's
    _, (inc,), _ = run(text, world_gazetteer, "1961-12-20")
    assert inc.date_start == "1961-12-20"


def test_an_old_wire_datelines_day_with_a_stop(world_gazetteer):
    _, (inc,), _ = run("ELISABETHVILLE, September 15. , The base at Kamina came under heavy mortar fire today.", world_gazetteer, "1961-09-16")
    assert inc.place.name == "Kamina"


@pytest.mark.parametrize("text", [
    "SAIGON, Feb. 15, 1968 (UPI) - Allied artillery shelled the embattled Citadel on Thursday.",
    "DHARHAN, Saudi Arabia, Feb. 24—Allied tanks shelled the embattled Citadel early today.",
])
def test_a_dateline_with_its_date_is_where_the_report_was_filed(world_gazetteer, text):
    _, incidents, _ = run(text, world_gazetteer, "1968-02-16")
    assert incidents == []  # not in Saigon, nor in Dhahran


def test_the_place_of_who_said_it_is_not_where_it_happened(world_gazetteer):
    _, (inc,), _ = run("A resistance group in Peshawar said Monday that Soviet troops had launched a major offensive "
                       "against the Panjshir Valley.", world_gazetteer)
    assert inc.place.name == "Panjshir Valley"


@pytest.mark.parametrize("text, kind, place", [
    ("Calm returned to the burned-out capital of Lesotho on Thursday as looters roamed the streets.", "riot", "Maseru"),
    ("Demonstrators and police faced off in the Sitra area of Bahrain on Tuesday.", "riot", "Sitrah"),
    ("The plane was brought down by a missile near Kigali airport, Rwanda, on Wednesday.", "shoot_down", "Kigali International Airport"),
    ("Jets and gunboats opened fire on the port of Split, Croatia, on Saturday.", "air_strike", "Split"),
])
def test_held_out_8_phrasings(world_gazetteer, text, kind, place):
    _, incidents, _ = run(text, world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incidents] == [(kind, place)]


def test_the_commercial_capital_is_not_the_capital(world_gazetteer):
    mentions, _, _ = run("Riots hit the commercial capital of Nigeria on Monday.", world_gazetteer)
    assert [m.place.key for m in mentions if m.place] == ["iso/NG"]


def test_a_bare_weak_word_does_not_borrow_the_place_before(world_gazetteer):
    """No toll and no weapon: "fighting leukaemia" is no event at the town before."""
    text = "A teenager from Bicester joined a slimming club. She has been fighting leukaemia for two years."
    _, incidents, _ = run(text, world_gazetteer)
    assert incidents == []


def test_a_country_s_demonym_is_no_direction_away_from_the_dateline(world_gazetteer):
    """"South African troops" says nothing about where in Lesotho: the event is placed near the dateline."""
    text = ("MASERU, Lesotho (AP) -- South African troops crossed into Lesotho at dawn Tuesday. "
            "They secured two army bases after heavy fighting in which three soldiers died, the South African military said.")
    _, incidents, _ = run(text, world_gazetteer)
    assert [(i.place.name, i.near) for i in incidents] == [("Maseru", True)]


def test_the_next_sentence_places_a_country_level_event_in_a_province(world_gazetteer):
    text = ("Islamic militants have killed at least 54 soldiers in northern Benin, the government said. "
            "This attack occurred in the Alibori department, an area that borders Niger.")
    _, incidents, unplaced = run(text, world_gazetteer)
    assert [i.place.key for i in incidents] == ["ne1/BJ-BN07"]



def test_a_bay_named_after_a_town_places_its_incident_near_the_town(world_gazetteer):
    mentions, (inc,), _ = run("Guerrillas attacked the base at Cam Ranh Bay, Vietnam, on Monday.", world_gazetteer)
    assert [m.text for m in mentions if m.place is None] == ["Cam Ranh Bay"]
    assert inc.place.name == "Cam Ranh" and inc.near



def test_the_place_of_who_reported_the_event_is_not_its_place(world_gazetteer):
    text = ("Iraq attacked an oil terminal in the Persian Gulf on Tuesday, setting two supertankers ablaze, "
            "shipping insurer Lloyd's of London said.")
    _, incidents, _ = run(text, world_gazetteer)
    assert [i.place.key for i in incidents] == ["site/persian-gulf"]


def test_an_event_only_located_off_a_town_is_placed_near_it(world_gazetteer):
    """'a security operation south of Kabul': no other place, so near the town the text gives."""
    _, incidents, _ = run("An army patrol came under fire on Monday during a security operation south of Kabul.", world_gazetteer)
    assert [(i.place.name, i.near) for i in incidents] == [("Kabul", True)]


def test_a_killing_placed_by_the_town_the_sentence_puts_it_in(world_gazetteer):
    """'killed on Sunday night at least 18 people, including men, women and children, in the town of X'."""
    _, incidents, _ = run("The guerrillas killed on Sunday night at least 18 people, including men, women and children, "
                          "in the town of Tegucigalpa.", world_gazetteer)
    assert [i.place.name for i in incidents] == ["Tegucigalpa"]


@pytest.mark.parametrize("text, places", [
    # a list goes on past the first place's own locator
    ("Drones struck military sites at Sumy in the Sumy region and Kursk in the Kursk region on Monday.", {"Sumy", "Kursk"}),
    # ... and past a direction
    ("Warplanes hit two towns on Monday - Sumy to the south and Kursk to the northwest.", {"Sumy", "Kursk"}),
])
def test_lists_past_locators_and_directions(world_gazetteer, text, places):
    _, incidents, _ = run(text, world_gazetteer)
    assert {i.place.name for i in incidents} == places


def test_the_battle_of_a_place_is_fighting_there(world_gazetteer):
    _, incidents, _ = run("Sergeant Labalaba died in the Battle of Kandahar on 19 July 1972.", world_gazetteer)
    assert [(i.event_type, i.date_start) for i in incidents] == [("armed_clash", "1972-07-19")]


def test_where_it_was_reported_is_no_place_of_the_event(world_gazetteer):
    """A town where the news was monitored or announced places nothing; the country would."""
    _, incidents, unplaced = run("The airport was heavily damaged by the shelling, the rebels said in a broadcast "
                                 "monitored in Nairobi on Monday.", world_gazetteer)
    assert incidents == []


def test_a_distance_from_a_camp_is_no_origin(world_gazetteer):
    _, incidents, _ = run("A car bomb blew up on Monday a few hundred yards from the Rukban refugee camp "
                          "in Syria, a Jordanian army statement said.", world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incidents] == [("explosion", "Rukban refugee camp")]


@pytest.mark.parametrize("text, kind, where", [
    ("Three persons have been shot by unknown persons in Kandahar on Monday.", "attack_on_civilians", "Kandahār"),
    ("Unknown gunmen fired into a group of people at the community centre in Kandahar on Wednesday.", "attack_on_civilians", "Kandahār"),
    ("For the third time in six months, Kandahar changes hands as the rebels move in on Monday.", "armed_clash", "Kandahār"),
    ("The rebels carried out a serious act of sabotage at the airport in Kandahar on Monday.", "attack_on_installation", None),
])
def test_shootings_sabotage_and_towns_changing_hands(world_gazetteer, text, kind, where):
    _, incidents, _ = run(text, world_gazetteer)
    assert [i.event_type for i in incidents] == [kind]
    if where:
        assert incidents[0].place.name == where


def test_within_a_distance_of_a_town_is_that_uncertain(world_gazetteer):
    _, incidents, _ = run("Communist troops pushed on Monday to within 17 miles of the port of Kandahar.", world_gazetteer)
    assert len(incidents) == 1 and incidents[0].place.uncertainty_km >= 27


# Coordination: one incident for each clause's verb of another type, none for a bare killing.
def test_a_second_verb_of_violence_in_another_clause_is_an_incident_of_its_own(world_gazetteer):
    _, incs, _ = run("Militants attacked an army post outside Kharkiv on Tuesday and fired mortar shells "
                     "at the city's airport, officials said.", world_gazetteer)
    assert sorted(i.event_type for i in incs) == ["armed_clash", "shelling"]
    assert {i.place.name for i in incs} == {"Kharkiv"}
    assert {i.date_start for i in incs} == {"2024-03-05"}


@pytest.mark.parametrize("text", [
    "A Russian missile strike on Kharkiv on Tuesday killed five people and wounded nine, officials said.",
    "Russian missiles and drones struck Kharkiv on Tuesday, officials said.",
])
def test_a_killing_or_a_second_weapon_of_one_verb_is_no_second_incident(world_gazetteer, text):
    _, incs, _ = run(text, world_gazetteer)
    assert len(incs) == 1 and incs[0].place.name == "Kharkiv"


def test_a_datelines_town_and_date_are_not_the_attacker(world_gazetteer):
    _, incs, _ = run("Khartoum, June 2 (AFP) Jun 02, 2024 Attackers targeted an army base in Kharkiv on Monday, "
                     "officials said.", world_gazetteer, published="2024-06-02")
    assert [i.attacker for i in incs] == [["Attackers"]]


def test_a_toll_shared_out_among_places_gives_an_incident_at_each(world_gazetteer):
    _, incs, _ = run("Of the eleven dead, five were shot dead by police in Caracas, two in the state of Zulia (northwest) "
                     "and one in Aragua, the group said on Tuesday.", world_gazetteer)
    assert sorted(i.place.name for i in incs) == ["Aragua", "Caracas", "Zulia"]


@pytest.mark.parametrize("by, attacker", [(" by gunmen", ["Unidentified Armed Group"]), (" terrorist", [])])
def test_the_side_that_ended_an_attack_is_not_its_attacker(world_gazetteer, by, attacker):
    attack = "attack by gunmen" if by.startswith(" by") else "terrorist attack"
    _, (inc,), _ = run(f"Ukrainian security forces said on Saturday that they had ended an overnight {attack} "
                       "on a hotel in Kharkiv.", world_gazetteer)
    assert inc.attacker == attacker


@pytest.mark.parametrize("text, attacker", [
    ("The Egyptian Army announced on Tuesday the death of two soldiers and 18 armed men after an armed attack on a "
     "military checkpoint in Kharkiv.", ["Unidentified Armed Group"]),
    ("The police announced on Monday the occurrence of an armed attack by insurgents on the barracks in Kharkiv.",
     ["insurgents"]),
])
def test_who_announced_an_attack_is_not_its_attacker(world_gazetteer, text, attacker):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.attacker == attacker


@pytest.mark.parametrize("text, attacker", [
    ("Sudanese paramilitary shelling of a market in Omdurman killed 40 people on Saturday, a medical source said.",
     ["Sudanese paramilitary"]),
    ("Russian missile strikes on Kharkiv killed 11 people on Monday, officials said.", ["Military Forces of Russia"]),
    ("Army forces destroyed a truck bomb driven by militants, targeting an army checkpoint in Kharkiv on Monday.",
     ["militants"]),
    ("Six soldiers were killed in a militant attack in Kharkiv, the army spokesperson announced on Friday.", ["militant"]),
])
def test_a_non_state_word_or_a_weapons_driver_names_the_attacker(world_gazetteer, text, attacker):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.attacker == attacker


@pytest.mark.parametrize("event_type, attacker", [("armed_clash", ["Military Forces of Russia"]), ("other", [])])
def test_the_attack_the_dead_were_killed_in_names_the_attacker_but_not_of_a_funeral(event_type, attacker):
    """"killed in the Russian attacks" says who attacked; a funeral ("other") that sentence goes with has no attacker."""
    from geo.events.roles import roles

    text = "Among more than 600 people killed in the Russian attacks, 90 were soldiers, according to state television."
    at = text.index("killed")
    assert roles(text, at, at + len("killed"), load_actors(), event_type)[0] == attacker


def test_a_place_that_fell_to_an_armed_group_is_where_and_the_group_attacked(world_gazetteer):
    """"X had fallen to Y": the place is the subject's, not one the sources were in; Y is the attacker."""
    text = ("Jijiga, a major town in eastern Ethiopia, had fallen to Somali-backed guerrillas on September 14, "
            "according to diplomatic sources in Addis Ababa.")
    _, (inc,), _ = run(text, world_gazetteer, published="1977-09-20")
    assert (inc.place.name, inc.attacker, inc.date_start) == ("Jijiga", ["Somali-backed guerrillas"], "1977-09-14")


@pytest.mark.parametrize("text, place", [
    # a dated dateline and no other place named: the dateline's town is where
    ("Kismayo, March 3. While the elders were meeting, gunmen attacked them. Nine people were killed.", "Kismayo"),
    # ... not when the story names a place the gazetteer lacks: filed from a hub about it
    ("Kismayo, March 3. After a careful reconnaissance the militia entered Xqwerty. Nine people were killed by shelling.", None),
])
def test_a_dated_dateline_places_an_event_only_when_the_story_names_no_other_place(world_gazetteer, text, place):
    _, incidents, _ = run(text, world_gazetteer, published="2020-03-04")
    assert [i.place.name for i in incidents][:1] == ([place] if place else [])


@pytest.mark.parametrize("text, published, day", [
    # a history told: a day without its year is of the year the story is in, not of the writing date's
    ("The Warsaw Uprising began in 1944. On August 5 German troops attacked Wola in Warsaw.", "2019-08-06", "1944-08-05"),
    # ... not of a year that only bounds a period
    ("The clashes were the worst since the border war of 1962. Troops opened artillery fire on posts in Gangtok "
     "on September 11.", "1967-09-20", "1967-09-11"),
    # ... nor of a recent year
    ("Fighting has flared since the 2023 ceasefire. Troops attacked Wola in Warsaw on August 5.", "2024-08-06", "2024-08-05"),
    # ... a page of today about long ago: a year named sentences before, when every year named is long past
    ("German bombers struck Warsaw on 1 September 1939. The city burned for days. "
     "Their aircraft bombed Wola in Warsaw again on September 8.", "2019-09-01", "1939-09-08"),
    # ... but a year a generation back in modern news is background: the day is the writing date's
    ("The ceasefire of 2003 collapsed long ago. Rebels overran an army base. Troops attacked Wola in Warsaw on "
     "August 5.", "2024-08-06", "2024-08-05"),
])
def test_a_day_without_its_year_is_of_the_year_the_story_is_told_in(world_gazetteer, text, published, day):
    _, incidents, _ = run(text, world_gazetteer, published=published)
    assert incidents[-1].date_start == day


@pytest.mark.parametrize("text, attacker", [
    # a people at war as the agent of a passive
    ("The town of Lule-Burgas has been taken by the Bulgarians.", ["Military Forces of Bulgaria"]),
    # a country's vessels, aircraft and guns are its state forces
    ("British naval craft shelled Indonesian positions outside Sourabaya.", ["Military Forces of United Kingdom"]),
    ("An Italian torpedo boat captured a Turkish transport near Preveza.", ["Military Forces of Italy"]),
    # a state of the past, by its demonym
    ("A great squadron of Soviet bombers raided Helsinki at 1.15 p.m.", ["Military Forces of Soviet Union"]),
    # shooters nobody named
    ("One soldier has been shot dead by unknown shooters at Bawku in the Upper East Region.", ["Unidentified Armed Group"]),
])
def test_attackers_of_other_wars_and_other_phrasings(world_gazetteer, text, attacker):
    _, (inc,), _ = run(text, world_gazetteer, published="1940-05-01")
    assert inc.attacker == attacker


def test_a_former_states_demonym_makes_no_country_the_story_is_about(world_gazetteer):
    """"the Prussians ... west of Weissenburg": Wissembourg in Alsace, not Weissenburg in Bavaria."""
    _, (inc,), _ = run("The Prussians overtook the French at a position west of Weissenburg and drove them back.",
                       world_gazetteer, published="1870-08-06")
    assert (inc.place.country, inc.attacker) == ("FR", ["Military Forces of Prussia"])


def test_a_people_in_a_riot_are_rioters_not_their_states_forces(world_gazetteer):
    _, (inc,), _ = run("Thousands of Egyptians rioted in Suez on Friday, torching a police station.", world_gazetteer)
    assert inc.attacker == ["Rioters"]  # ACLED's name, not "Egyptians"


@pytest.mark.parametrize("text, event_type", [
    # bombs from the air
    ("Rebel airmen dropped aerial torpedoes and incendiary bombs on several quarters of Madrid last night.", "air_strike"),
    ("NATO bombs severely damaged the last of three bridges in Novi Sad early Monday.", "air_strike"),
    ("They came under bomb attacks by government aircraft near Ocosingo on Tuesday.", "air_strike"),
    # an assault with mortars is a shelling
    ("The Viet Cong attacked the air base at Bien Hoa with mortars early Wednesday, killing 7 Americans.", "shelling"),
    # an assault on a prison, barracks or facilities is an attack on an installation
    ("Armed gangs stormed two large prisons in Port-au-Prince on Sunday.", "attack_on_installation"),
])
def test_the_weapon_or_the_object_says_what_kind_of_attack_it_was(world_gazetteer, text, event_type):
    _, (inc, *_), _ = run(text, world_gazetteer)
    assert inc.event_type == event_type


@pytest.mark.parametrize("text", [
    "War in South Africa. The British were driven back from Colenso with heavy loss.",
    "War in South Africa. Colonel Baden-Powell made a daring sortie from Mafeking on the 24th.",
    "War in South Africa. A sharp engagement took place near Ladysmith yesterday.",
    "War in South Africa. The Boers were defeated at Colenso on Thursday.",
    "On 5 August German units carried out a counter-strike from the west, attacking Ochota in Warsaw.",
    "Ireland, 1920. Police patrol in Tralee fired upon, and one constable wounded.",
    "The Russian cruiser Variag was sunk at Chemulpo by the Japanese squadron.",
    "Russian troops under General Lazarev took the Fortress of Kars on 18 November.",
    "Cavite, May 4th.—I have taken possession of the naval station at Cavite on Philippine Islands.",
])
def test_the_words_of_old_war_reports_are_clashes(world_gazetteer, text):
    _, (inc,), _ = run(text, world_gazetteer, published="1900-05-01")
    assert inc.event_type == "armed_clash"


@pytest.mark.parametrize("text", [
    "War in South Africa. Our patrols watched Ladysmith, but no engagement took place.",
    # nor a capture ("took ...")
    "Between Tobruk and Derna our fighters maintained a constant patrol, but no engagement took place.",
])
def test_an_engagement_that_did_not_take_place_is_none(world_gazetteer, text):
    _, incidents, _ = run(text, world_gazetteer, published="1941-01-17")
    assert incidents == []


def test_planes_brought_down_are_a_shoot_down(world_gazetteer):
    _, incidents, _ = run("HELSINKI, December 1. Soviet bombers raided Helsinki. Several planes have been brought down "
                          "over the city.", world_gazetteer, published="1939-12-01")
    assert [i.event_type for i in incidents] == ["air_strike", "shoot_down"]


@pytest.mark.parametrize("text, place", [
    # a dateline with a weekday (and an agency) is where the report was filed, not the event's place or its attacker
    ("Tokyo, Wednesday, (UP) Chinese Communists poured thousands of reinforcements in Northeast Korea yesterday "
     "and pushed to within 17 miles of the port of Hamhung.", "Hamhŭng"),
    ("SOFIA, Thursday, Oct. 31.— After two days' fighting at Lule-Burgas the Bulgarian Army has gained a victory.",
     "Lüleburgaz"),
])
def test_a_dateline_with_a_weekday_is_where_the_report_was_filed(world_gazetteer, text, place):
    _, (inc,), _ = run(text, world_gazetteer, published="1950-11-30")
    assert inc.place.name == place and "Tokyo" not in inc.attacker


def test_an_attempted_attack_is_an_event(world_gazetteer):
    _, (inc,), _ = run("Militants tried to attack an army post in Mosul on Monday.", world_gazetteer)
    assert inc.place.name == "Mosul"


def test_an_execution_is_a_targeted_killing(world_gazetteer):
    _, (inc,), _ = run("Four IRA men were executed in Mountjoy Jail, Dublin, yesterday.", world_gazetteer)
    assert inc.event_type == "targeted_killing"


def test_it_in_a_passive_attack_is_the_town_the_sentence_before_opens_with(world_gazetteer):
    _, (inc,), _ = run("El-Obeid was founded by the pashas of Ottoman Egypt in 1821. It was attacked by the Mahdists in "
                       "September 1882.", world_gazetteer)
    assert (inc.place.name, inc.date_start) == ("El Obeid", "1882-09-01")


def test_an_agent_the_lexicon_lacks_is_kept_by_its_own_name(world_gazetteer):
    _, (inc,), _ = run("In 1884 Gordon had been besieged by the Mahdi in Khartoum.", world_gazetteer)
    assert inc.attacker == ["Mahdi"]


def test_a_shoot_down_in_the_wake_of_a_raid_is_at_the_raids_place(world_gazetteer):
    """The shoot-down names no place: it is where the raid of the sentence before was."""
    _, incidents, _ = run("Twelve enemy bombers raided Kharkiv at noon. Two of the raiders were shot down.",
                          world_gazetteer, published="1943-05-02")
    assert [(i.event_type, i.place.name) for i in incidents] == [("air_strike", "Kharkiv"), ("shoot_down", "Kharkiv")]


def test_an_undated_event_of_a_dated_dispatch_ends_on_the_dispatchs_day(world_gazetteer):
    """Filed on December 1, printed on December 3: the raid was on or before December 1."""
    _, (inc,), _ = run("KHARKIV, December 1. Twelve enemy bombers raided Kharkiv at noon.", world_gazetteer,
                       published="1943-12-03")
    assert (inc.date_start, inc.date_end) == (None, "1943-12-01")


def test_the_same_kind_of_event_in_a_clause_of_its_own_at_another_place_is_another_incident(world_gazetteer):
    text = ("Enemy aircraft had bombed the frontier town of Kupiansk on Monday, and on Tuesday enemy aircraft "
            "bombed the port of Odesa.")
    _, incidents, _ = run(text, world_gazetteer, published="1943-05-05")
    assert sorted((i.event_type, i.place.name) for i in incidents) == [("air_strike", "Kupyansk"), ("air_strike", "Odesa")]


def test_a_list_goes_on_past_the_country_that_owns_its_next_place(world_gazetteer):
    _, incidents, _ = run("Rioters torched cars in Lviv and Ukraine's eastern city of Kharkiv on Saturday.", world_gazetteer)
    assert sorted(i.place.name for i in incidents) == ["Kharkiv", "Lviv"]


@pytest.mark.parametrize("text, attacker", [
    # the armed men of old war reports, named by their unit or their arm
    ("KHARKIV, May 3 Rebel airmen dropped incendiary bombs on Kharkiv last night.", "Rebel airmen"),
    ("The enemy's vanguard captured Kupiansk on Sunday.", "enemy's vanguard"),
    ("A strong battleship squadron bombarded Odesa on Friday.", "strong battleship squadron"),
    # ... up to the comma that says what they did, not into a figure
    ("Two columns, advancing to the east of Kharkiv, captured Kupiansk on Sunday.", "Two columns"),
    ("About 2,000 youths attacked the police station in Kupiansk on Sunday.", "About 2,000 youths"),
    # people who are no armed body, acting as one (tag 'people' in armed_nouns.tsv)
    ("On Sunday 2,000 farmers from the villages attacked the arsenal at Kupiansk.", "2,000 farmers from the villages"),
])
def test_an_attacker_of_old_war_reports_is_kept_by_its_own_name(world_gazetteer, text, attacker):
    _, incidents, _ = run(text, world_gazetteer, published="1943-05-04")
    assert incidents and all(i.attacker == [attacker] for i in incidents)


def test_people_named_after_their_town_are_still_at_it(world_gazetteer):
    """"Kharkiv villagers" are where they are (tag 'people'), unlike "Cheyenne warriors" (tag 'band')."""
    _, incidents, _ = run("Kharkiv villagers were killed by shelling on Sunday.", world_gazetteer)
    assert [i.place.name for i in incidents] == ["Kharkiv"]


def test_the_place_of_the_event_is_not_its_attacker(world_gazetteer):
    _, (inc,), _ = run("Kupiansk had its first big air raid of the war last night.", world_gazetteer)
    assert inc.place.name == "Kupyansk" and "Kupiansk" not in inc.attacker


@pytest.mark.parametrize("text, published, start, end", [
    # the dispatch's date is the day it was filed: the raid may have been the night before
    ("Kharkiv, May 30, Seventy people were killed in an air raid on Kharkiv.", "1943-05-31", "1943-05-29", "1943-05-30"),
    # ... and a date of the event's own after it is the event's
    ("ODESA, April 1, Questioned about the bombing of Kharkiv on March 29, the minister said nothing.", "1943-04-02",
     "1943-03-29", "1943-03-29"),
])
def test_a_dispatchs_date_gives_way_to_the_events_own(world_gazetteer, text, published, start, end):
    _, incidents, _ = run(text, world_gazetteer, published=published)
    assert [(i.place.name, i.date_start, i.date_end) for i in incidents] == [("Kharkiv", start, end)]


@pytest.mark.parametrize("text, event_type", [
    # a bombardment is a shelling, by ships, batteries or guns ...
    ("Enemy warships bombarded the port of Odesa on Friday.", "shelling"),
    ("Kupiansk was also being bombarded, causing several fires in the town.", "shelling"),
    # ... and an air strike only when aircraft do it
    ("Enemy aircraft bombarded Kupiansk on Friday.", "air_strike"),
    ("An aerial bombardment of Kupiansk began on Friday.", "air_strike"),
])
def test_a_bombardment_is_a_shelling_unless_aircraft_do_it(world_gazetteer, text, event_type):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.event_type == event_type


@pytest.mark.parametrize("text, event_type", [
    # a clash of a crowd with the police, no armed side named, is a riot
    ("The scene of intense clashes on Friday, Kharkiv banned demonstrations until Sunday.", "riot"),
    ("The violence broke out in Kharkiv after a protest against the police on Thursday.", "riot"),
    # ... but with an armed side it stays a clash
    ("Rebels and troops clashed in Kharkiv on Friday after a protest.", "armed_clash"),
])
def test_a_clash_of_a_crowd_without_an_armed_side_is_a_riot(world_gazetteer, text, event_type):
    _, (inc,), _ = run(text, world_gazetteer)
    assert inc.event_type == event_type


def test_the_town_a_despatch_came_from_is_not_the_events(world_gazetteer):
    """"A Vienna despatch says ... attacked and routed ... near Kupiansk", "Hanoi despatches state that ...": the town
    the despatch, telegram or message was sent from is where it was reported (where.REPORTER_AFTER)."""
    for text in ("A Kharkiv despatch says that six battalions were attacked and routed near Kupiansk on January 18th.",
                 "Kharkiv telegrams state that the regulars attacked the garrison of Kupiansk on Monday."):
        _, incidents, _ = run(text, world_gazetteer, published="1920-02-01")
        assert [i.place.name for i in incidents] == ["Kupyansk"], text


def test_the_place_a_report_came_from_is_not_the_events(world_gazetteer):
    _, incidents, _ = run("A report from Kharkiv states that twenty bombing aeroplanes were employed in the biggest raid "
                          "of the campaign so far.", world_gazetteer)
    assert all(i.place.name != "Kharkiv" for i in incidents)


@pytest.mark.parametrize("text, event_type", [
    # more of the words of old war reports
    ("The great railway bridge at Kupiansk fell into the enemy's hands.", "armed_clash"),
    ("After eight months of Italian occupation, Kupiansk is again in Ukrainian hands.", "armed_clash"),
    ("The second brigade was sent to successfully retake Kupiansk.", "armed_clash"),
    ("Before the year ended the rebels met with a second repulse at the town of Kupiansk.", "armed_clash"),
    ("The besiegers are pouring shell into Kharkiv, and the garrison is doing its best to hold the city.", "shelling"),
    ("At dawn a troop of dragoons encountered a band of insurgents at Kupiansk.", "armed_clash"),
    ("In the morning Colonel Ivanov and his Fourth Cavalry swept into Kupiansk.", "armed_clash"),
    ("In Kupiansk on the morning of my visit the steam pinnace was taken under fire.", "armed_clash"),
    ("The gunboats entered the harbour of Kharkiv and exchanged shots with the forts.", "armed_clash"),
    ("The insurgents defeated at Kupiansk numbered 7,000 men.", "armed_clash"),
    ("The chief was betrayed in December, sentenced to death by a court-martial and publicly hanged in Kupiansk.",
     "targeted_killing"),
    ("The Polish Army has beaten the invaders back from the gates of Kharkiv.", "armed_clash"),
    ("At noon the rebels were in complete control of Kupiansk.", "armed_clash"),
    ("Marines battling across the cane fields of Kupiansk have improved their positions.", "armed_clash"),
    ("In April the enemy reached Kharkiv, where the bulk of the army made their stand.", "armed_clash"),
    ("The correspondent sends a story of the sack of Odesa, one of the darkest chapters of the war.", "attack_on_civilians"),
    ("Extremists are taking reprisals against Europeans in southern Kharkiv.", "attack_on_civilians"),
    ("The besiegers advanced near enough to throw shells into the fortifications of Kupiansk.", "shelling"),
])
def test_more_words_of_old_war_reports(world_gazetteer, text, event_type):
    _, incidents, _ = run(text, world_gazetteer, published="1920-08-23")
    assert [i.event_type for i in incidents] == [event_type]


def test_a_paragraph_that_opens_with_by_is_no_byline(world_gazetteer):
    """"By April, the enemy had reached ..." is a sentence of the story, not its author's name."""
    _, (inc,), _ = run("By April the enemy had reached Kharkiv, where the bulk of the army made their stand for "
                       "three weeks against every assault.", world_gazetteer, published="1920-08-23")
    assert inc.place.name == "Kharkiv"


def test_an_undated_page_of_history_dates_a_day_by_the_last_year_its_story_named(world_gazetteer):
    text = ("The war began in April 1877 when Russia declared war on the Ottoman Empire. The Russians crossed the "
            "Danube at Svishtov in June. On 16 July the Russian vanguard captured Nikopol after a short fight.")
    _, incidents, _ = run(text, world_gazetteer, published=None)
    assert [(i.place.name, i.date_start) for i in incidents] == [("Nikopol", "1877-07-16")]


def test_an_undated_page_of_history_dates_an_undated_event_by_the_year_its_story_tells(world_gazetteer):
    text = ("The war between Russia and the Ottoman Empire began in April 1877. After a long siege the Russians "
            "captured Nikopol with heavy losses on both sides.")
    _, (inc,), _ = run(text, world_gazetteer, published=None)
    assert (inc.date_start, inc.date_end, inc.date_precision) == ("1877-01-01", "1877-12-31", "year")
    # a page with a writing date says only "on or before" it
    _, (inc,), _ = run(text, world_gazetteer, published="2020-05-01")
    assert (inc.date_start, inc.date_end) == (None, "2020-05-01")


def test_an_event_that_names_no_attacker_takes_the_side_the_sentence_before_named(world_gazetteer):
    text = "Rebel forces overran Kupiansk on Sunday morning. Heavy fighting went on near Kharkiv on Monday."
    _, incidents, _ = run(text, world_gazetteer)
    assert [(i.place.name, i.attacker) for i in incidents] == [("Kupyansk", ["Rebel forces"]), ("Kharkiv", ["Rebel forces"])]


def test_a_suspect_surrendering_is_no_incident(world_gazetteer):
    """"surrendered" is fighting only when a garrison, a town or an army gives itself up."""
    _, incidents, _ = run("The suspect surrendered to police in Bamenda on Sunday.", world_gazetteer)
    assert incidents == []


def test_an_unknown_town_in_a_province_a_demonym_describes_is_placed_near_that_province(world_gazetteer):
    mentions, _, _ = run("Insurgents attacked the town of Zolkivka, in the northern Nigerian state of Borno, on Tuesday.",
                         world_gazetteer)
    (m,) = [m for m in mentions if m.place is None]
    assert m.text == "Zolkivka" and m.near is not None and m.near.name == "Borno"


def test_a_local_official_who_reports_an_attack_in_his_country_places_it_near_his_town(world_gazetteer):
    """"..., Malanville Mayor Gado Guidami said": the sentence names only the country; the mayor speaks
    for his town, so the attack is placed near it (not anywhere in Benin)."""
    text = ("Unidentified gunmen attacked a border crossing in northern Benin and killed three people late on Tuesday, "
            "Malanville Mayor Gado Guidami said on Wednesday.")
    _, (inc,), _ = run(text, world_gazetteer, published="2024-04-18")
    assert inc.place.name == "Malanville" and inc.near and inc.date_start == "2024-04-16"
    # a mayor of a town in another country than the one the sentence names says nothing of where
    text = ("Unidentified gunmen attacked a border crossing in northern Benin and killed three people late on Tuesday, "
            "Kharkiv Mayor Ihor Terekhov said on Wednesday.")
    _, incidents, _ = run(text, world_gazetteer, published="2024-04-18")
    assert all(i.place.name != "Kharkiv" for i in incidents)


def test_a_title_case_dateline_with_a_dash_is_where_the_report_was_filed(world_gazetteer):
    text = ("Maputo — Islamist insurgents who attacked the town of Palma, in the northern province of Cabo Delgado, "
            "on 24 March beheaded twelve people.")
    _, incidents, _ = run(text, world_gazetteer, published="2021-04-08")
    assert incidents and all(i.place.name != "Maputo" for i in incidents)
    # inside a text, a name and a dash are no dateline: "Kharkiv — Ukraine's second city — was shelled"
    _, (inc,), _ = run("Russian troops advanced on Sunday. Kharkiv — Ukraine's second city — was shelled on Monday.",
                       world_gazetteer)
    assert inc.place.name == "Kharkiv" and not inc.near


@pytest.mark.parametrize("text, event_type", [
    ("Sixteen inmates were decapitated at the prison in Nyala on Monday.", "attack_on_civilians"),
    ("The bloody raid that left nearly two hundred men dead in Kupiansk is still remembered.", "armed_clash"),
])
def test_beheadings_and_raids_that_leave_the_dead(world_gazetteer, text, event_type):
    _, incidents, _ = run(text, world_gazetteer)
    assert [i.event_type for i in incidents] == [event_type]


@pytest.mark.parametrize("site", ["Gwoza Fort", "Gwoza Cantonment", "Gwoza Citadel"])
def test_a_fort_the_gazetteer_lacks_named_after_a_town_is_reported_and_its_incident_placed_near_the_town(world_gazetteer, site):
    mentions, (inc,), _ = run(f"Rebel artillery bombarded {site} in Nigeria on Tuesday.", world_gazetteer)
    (m,) = [m for m in mentions if m.place is None]
    assert m.text == site and m.near is not None and m.near.name == "Gwoza"
    assert inc.event_type == "shelling" and inc.place.name == "Gwoza" and inc.near


@pytest.mark.parametrize("text, event_type, place", [
    # killings by beating and stabbing (triggers.tsv)
    ("Two farmers were beaten to death by soldiers in Bunia on Monday.", "attack_on_civilians", "Bunia"),
    ("Gunmen stabbed three villagers in Kano on Monday.", "attack_on_civilians", "Kano"),
    # a battle that lasted a day (fallback_triggers.tsv)
    ("Last night, after a daylong battle in and around Nicosia, a ceasefire was agreed to.", "armed_clash", "Nicosia"),
])
def test_killings_by_beating_and_a_battle_of_a_day(world_gazetteer, text, event_type, place):
    _, incidents, _ = run(text, world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incidents] == [(event_type, place)]


def test_towns_a_dispatch_says_are_now_occupied_by_a_force_are_each_an_incident(world_gazetteer):
    _, incidents, _ = run("Port Said and Ismailia are now occupied by detachments of sailors and marines from the fleet.",
                          world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incidents] == [("armed_clash", "Port Said"), ("armed_clash", "Ismailia")]
    # a state of being, not an event: no incident
    _, incidents, _ = run("Crimea, which is occupied by Russia, held a vote.", world_gazetteer)
    assert incidents == []


@pytest.mark.parametrize("text, place", [
    # last-resort phrasings of histories (fallback_triggers.tsv)
    ("On 2 February 1797 Mantua surrendered with its garrison of 16,000 men.", "Mantua"),
    ("In 1865 the Nian leader Zhang Zongyu led his forces into Dengzhou, Henan province.", "Dengzhou"),
    ("On 10 May 1796, at Lodi, the advance guard of the army encountered the Austrian rearguard.", "Lodi"),
    ("In 1851 they raided the regions of Anhui.", "Anhui"),
    ("Five hundred Mahar soldiers scattered the 25,000-strong Peshwa army in Koregaon near Pune.", "Koregaon"),
])
def test_a_surrender_a_force_led_into_a_town_and_an_encounter_are_clashes(world_gazetteer, text, place):
    _, incidents, _ = run(text, world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incidents] == [("armed_clash", place)]


def test_a_marchs_goal_is_a_place(world_gazetteer):
    """"marched on Arcole": a small town a march goes to is named as a place (locatives.tsv)."""
    mentions, _, _ = run("On the 15th, Augereau marched on Arcole but was not able to cross the bridge.", world_gazetteer)
    assert [(m.text, m.place.country) for m in mentions if m.place] == [("Arcole", "IT")]


@pytest.mark.parametrize("text, event_type, place", [
    ("Twelve men set the Tuileries Palace in Paris on fire at 7 p.m.", "attack_on_installation", "Tuileries Palace"),
    ("All of Goa is now in the hands of Indian troops, an official spokesman said.", "armed_clash", "Goa"),
    ("Mantua fell on the night of 20-21 August after a brief fight.", "armed_clash", "Mantua"),
])
def test_arson_of_a_building_and_a_town_that_fell_after_a_fight(world_gazetteer, text, event_type, place):
    _, incidents, _ = run(text, world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incidents] == [(event_type, place)]


def test_a_second_clause_that_drives_an_enemy_from_a_town_is_an_event_of_its_own(world_gazetteer):
    """"have taken Wesel and are driving the Germans from Rees": two clashes (clause_deeds.tsv; a verb with its
    auxiliary, "are driving", is a clause's own verb)."""
    _, incidents, _ = run("Allied troops have taken Wesel and are driving the Germans from Rees.", world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incidents] == [("armed_clash", "Wesel"), ("armed_clash", "Rees")]


@pytest.mark.parametrize("text, place", [
    ("A battle took place between Saxon and Swedish troops at Narva on 30 November 1700.", "Narva"),
    ("Late in the evening the garrison of Lucknow broke out in mutiny.", "Lucknow"),
    ("Ten days later, Russians entered Tabriz and the Shah sued for peace.", "Tabriz"),
    ("In January the garrison of Maras fought French troops in the streets.", "Kahramanmaraş"),
    # a volley of small arms: "a terrific fusillade", "rifle fire"
    ("Soon after midnight a terrific fusillade broke out along the line north of Manila.", "Manila"),
    ("From rebel positions in downtown Santo Domingo, a stream of rifle fire laced into the troops.", "Santo Domingo"),
])
def test_a_battle_that_took_place_a_mutiny_and_a_people_that_entered_a_town(world_gazetteer, text, place):
    """"A battle took place ... at X", "broke out in mutiny", "the Russians entered X", "fought French troops"
    (fallback_triggers.tsv)."""
    _, incidents, _ = run(text, world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incidents] == [("armed_clash", place)]


@pytest.mark.parametrize("adjective, state", [("Servian", "Serbia"), ("Siamese", "Thailand"), ("Abyssinian", "Ethiopia")])
def test_an_old_spelling_of_a_demonym_names_the_state_s_forces(world_gazetteer, adjective, state):
    """"the Siamese troops": the state forces of Thailand, as "Thai troops" (demonyms.tsv)."""
    _, incidents, _ = run(f"On Monday {adjective} troops attacked Vidin.", world_gazetteer)
    assert [i.attacker for i in incidents] == [[f"Military Forces of {state}"]]


def test_a_place_in_a_clause_that_describes_the_place_before_only_locates_it(world_gazetteer):
    """"captured the island of Failaka, which guards the sea lanes to Kuwait City": the capture is at the island
    (a region) though the city is finer; the city only says where the island is."""
    _, incidents, _ = run("Marines captured the island of Failaka, which guards the sea lanes to Kuwait City, on Sunday.",
                          world_gazetteer)
    assert [i.place.name for i in incidents] == ["Failaka Island"]


@pytest.mark.parametrize("arm", ["paratroops", "commandos", "gendarmes", "fighter-bombers"])
def test_more_arms_of_a_state_after_its_demonym_are_its_forces(world_gazetteer, arm):
    """"French paratroops", "North Korean commandos": the state's forces (state_force_words.tsv)."""
    _, incidents, _ = run(f"On Monday French {arm} attacked Dien Bien Phu.", world_gazetteer)
    assert [i.attacker for i in incidents] == [["Military Forces of France"]]


@pytest.mark.parametrize("text, event_type", [
    ("The bombing of Guernica on April 26, 1937 left the town in ruins.", "air_strike"),
    ("The Austrians answered the declaration of war by bombing the city of Ancona on May 24.", "air_strike"),
    ("The car bombing of Tarata Street in Lima killed 25 people.", "explosion"),
    # bombed or bombarded by an air force: from the air, not artillery
    ("Wielun was the first city to be bombarded by the German Luftwaffe, on the morning of 1 September 1939.", "air_strike"),
    ("The RAF bombed Hamburg again on the night of 27 July 1943.", "air_strike"),
])
def test_the_bombing_of_a_town_is_an_air_strike_a_car_bombing_an_explosion(world_gazetteer, text, event_type):
    """"the bombing of Guernica", "bombing the city of Ancona", "bombarded by the Luftwaffe": from the air
    (triggers.tsv); not a car bombing."""
    _, incidents, _ = run(text, world_gazetteer)
    assert [i.event_type for i in incidents] == [event_type]


@pytest.mark.parametrize("text, published, dates", [
    # "battled for a fourth day Sunday": the fighting began on the Thursday (ordinals.tsv)
    ("Government troops and secessionist rebels battled for a fourth day Sunday for the Red Sea port of Massawa, "
     "state radio said.", "1990-02-12", ("1990-02-08", "1990-02-11")),
    # a dateline in capitals says what "today" is: May 28 in a paper of May 29
    ("ADDIS ABABA, ETHIOPIA, MAY 28 -- Ethiopian rebels launched a pre-dawn assault on this capital today, taking "
     "control of government buildings.", "1991-05-29", ("1991-05-28", "1991-05-28")),
    # "on the 24th instant" after a dated dateline: that day of the dateline's month (a page of today)
    ("LONDON, December 31st 1899. - The Boers besieging Mafeking report that the garrison made a daring sortie with an "
     "armoured train on the 24th instant.", "2024-06-02", ("1899-12-24", "1899-12-24")),
    # "Four days of fighting ... have left 49 people dead", filed on May 27: from May 24
    ("Kingston, May 27 (IANS/EFE) Four days of fighting between security forces and gunmen have left 49 people dead "
     "in this capital, officials have said.", "2010-05-27", ("2010-05-24", "2010-05-27")),
])
def test_a_report_s_dateline_and_the_days_it_counts_date_its_event(world_gazetteer, text, published, dates):
    _, incidents, _ = run(text, world_gazetteer, published)
    assert [(i.date_start, i.date_end) for i in incidents] == [dates]


def test_a_capital_before_troops_names_whose_they_are_and_an_opening_year_dates_the_event(world_gazetteer):
    """"In 1708, Moscow troops ... captured Baturyn": at Baturyn, not Moscow; in 1708 (a page of 2010)."""
    _, incidents, _ = run("In 1708, Moscow troops led by Aleksander Menshikov executed a punitive operation: they "
                          "captured Baturyn and massacred its inhabitants.", world_gazetteer, "2010-01-01")
    assert {i.place.name for i in incidents} == {"Baturyn"}
    assert {(i.date_start, i.date_end) for i in incidents} == {("1708-01-01", "1708-12-31")}


def test_a_town_surrendered_to_a_fleet_and_a_city_state_is_placed_as_a_town(world_gazetteer):
    """"surrendered Gibraltar to an Anglo-Dutch fleet": a clash (fallback_triggers.tsv), at Gibraltar, a country
    whose outline spans less than a town's surroundings (where.city_state), not a country-level report."""
    _, incidents, _ = run("Don Diego de Salinas, the Spanish governor, surrendered Gibraltar to an Anglo-Dutch fleet "
                          "on 4 August 1704.", world_gazetteer, "2019-01-01")
    assert [(i.event_type, i.place.name, i.date_start) for i in incidents] == [("armed_clash", "Gibraltar", "1704-08-04")]


@pytest.mark.parametrize("text, place", [
    ("German aircraft launched another series of heavy bombing raids on Malta today.", "Malta"),
    ("The naval task forces bombarded Guam, the Japanese-held American island to the south.", "Guam"),
])
def test_a_small_island_state_is_placed_as_a_town(world_gazetteer, text, place):
    """Malta, Guam: a country whose outline spans well under a degree and whose equal-area radius is under 15 km
    is as exact as a town's surroundings (where.city_state), so the raid on it is an incident there."""
    _, incidents, _ = run(text, world_gazetteer, "1942-04-01")
    assert [i.place.name for i in incidents] == [place]


def test_the_town_of_a_correspondent_is_where_it_was_reported_not_the_event(world_gazetteer):
    """"The Paris correspondent of the Daily Telegraph says ... fighting broke out in Madagascar": no event in Paris;
    the report names only Madagascar, so it is placed at no town."""
    _, incidents, unplaced = run("The Paris correspondent of the Daily Telegraph says heavy fighting broke out on Tuesday "
                                 "in Madagascar.", world_gazetteer, "1947-05-01")
    assert incidents == [] and [p.name for u in unplaced for _, p, _ in u.places] == ["Madagascar"]


def test_a_town_before_its_ruler_says_whose_not_where(world_gazetteer):
    """"stormed Mysore ruler Tipu Sultan's fort in Bangalore": the fort in Bangalore, not Mysore."""
    _, incidents, _ = run("On the night of March 21, 1791, the British army, led by Cornwallis, stormed Mysore ruler "
                          "Tipu Sultan’s fort in Bangalore.", world_gazetteer, "1791-04-01")
    assert [i.place.name for i in incidents] == ["Bengaluru"]


@pytest.mark.parametrize("text, published, place", [
    ("The Spanish Government advance to Gandesa continues.", "1938-04-01", "Gandesa"),
    ("Gorizia was evacuated on 28 October and occupied by the Austrians.", "1917-11-01", "Gorizia"),
    ("In the north, Algeria opened a front near Ich, while Morocco launched an offensive towards Tindouf in the south.",
     "1963-10-20", "Tindouf"),
])
def test_an_advance_an_offensive_or_an_occupation_by_a_named_side_is_an_armed_clash(world_gazetteer, text, published, place):
    _, incidents, _ = run(text, world_gazetteer, published)
    assert [(i.place.name, i.event_type) for i in incidents] == [(place, "armed_clash")]


def test_a_capital_that_acts_is_its_states_forces(world_gazetteer):
    """"Kiev attempted strikes ...": Ukraine's forces, not a city as the attacker."""
    _, incidents, _ = run("On Monday morning, Kiev attempted strikes on the military airfield of Engels in the Saratov "
                          "Region.", world_gazetteer, "2022-12-06")
    assert [i.attacker for i in incidents] == [["Military Forces of Ukraine"]]


def test_a_dated_dateline_ending_with_a_full_stop_and_a_dash_is_where_it_was_filed(world_gazetteer):
    """"JERUSALEM, April 22.-Haifa ... became a virtual Jewish stronghold": the event is in Haifa."""
    _, incidents, _ = run("JERUSALEM, April 22.-Haifa, third largest city of Palestine, became a virtual Jewish stronghold "
                          "tonight after a series of savage thrusts by Haganah won control of most of the city's Arab areas.",
                          world_gazetteer, "1948-04-23")
    assert [i.place.name for i in incidents] == ["Haifa"]


@pytest.mark.parametrize("text, published, place, event_type", [
    ("Sohar fell without a fight to the rebel column on Sunday.", "1957-07-16", "Sohar", "armed_clash"),
    ("On March 5 a large body of rebels succeeded in taking Holguin by storm.", "1869-03-20", "Holguín", "armed_clash"),
    ("On June 2 Karadjordje encircled Smederevo and cut the road to the river.", "1805-06-10", "Smederevo",
     "armed_clash"),
    ("On May 17 the town of Valjevo was liberated and the road to the west lay open.", "1804-05-30", "Valjevo",
     "armed_clash"),
    ("Shanghai, June 3. The rebels are burning Suzhou and looting shops in the suburbs.", "1860-06-04", "Suzhou",
     "attack_on_civilians"),
])
def test_a_fall_a_storming_an_encirclement_a_liberation_or_a_burning_is_an_incident(world_gazetteer, text, published,
                                                                                   place, event_type):
    _, incidents, _ = run(text, world_gazetteer, published)
    assert [(i.place.name, i.event_type) for i in incidents] == [(place, event_type)]


def test_a_named_battle_at_an_unknown_village_is_placed_near_the_town_the_text_puts_it_near(world_gazetteer):
    """"The Battle of Zlatovrh ... the village of Zlatovrh near Sabac": one incident near Šabac, not none."""
    _, incidents, _ = run("BELGRADE - The Battle of Zlatovrh was a victory of the insurgents. The battle took place on "
                          "August 13, 1806. They met the Turks at the village of Zlatovrh near Sabac.", world_gazetteer,
                          "2014-08-13")
    assert [(i.place.name, i.near, i.date_start) for i in incidents] == [("Šabac", True, "1806-08-13")]


@pytest.mark.parametrize("text, published, place, event_type", [
    ("The marines have already managed to secure the port of Tanga after a short fight.", "1916-07-10", "Tanga",
     "armed_clash"),
    # (where it was stated is not where it happened)
    ("Indian troops are now in full command of Daman and Diu, it was officially stated in Ahmedabad tonight.",
     "1961-12-19", "Daman and Diu", "armed_clash"),
    ("Officials in Asmara conceded that Ethiopian troops had penetrated beyond Badme.", "1999-02-27", "Badme",
     "armed_clash"),
    ("Government warplanes blasted Kassala at dawn on Tuesday.", "1997-01-16", "Kassala", "air_strike"),
])
def test_securing_a_port_command_of_a_territory_a_penetration_or_warplanes_blasting_are_incidents(
        world_gazetteer, text, published, place, event_type):
    _, incidents, _ = run(text, world_gazetteer, published)
    assert [(i.place.name, i.event_type) for i in incidents] == [(place, event_type)]


def test_the_fort_of_a_name_the_gazetteer_lacks_is_reported(world_gazetteer):
    """"the fort of Ali Musjid ... was attacked": reported unresolved, not passed over."""
    mentions, _, _ = run("The same day the fort of Ali Musjid, armed with 22 guns, was attacked.", world_gazetteer,
                         "1878-11-25")
    assert [(m.text, m.place) for m in mentions] == [("Ali Musjid", None)]


@pytest.mark.parametrize("text, published, attacker", [
    # the subject of the clause a participle ("Backed by ...") hangs from
    ("Backed by a dawn artillery barrage, Croatian army troops marched into the rebel stronghold of Knin today.",
     "1995-08-05", ["Military Forces of Croatia"]),
    # revolutionists, like rebels, are an armed side kept by their own name
    ("The revolutionists began a second bombardment of Iquique.", "1891-03-05", ["revolutionists"]),
])
def test_the_attacker_of_an_event_noun_in_a_participle_or_named_as_revolutionists(world_gazetteer, text, published,
                                                                                attacker):
    _, incidents, _ = run(text, world_gazetteer, published)
    assert [i.attacker for i in incidents] == [attacker]


@pytest.mark.parametrize("text, published, place", [
    # a telegram's elliptical passive ("X taken at 4 P.M. to-day")
    ("Regina, May 12 -- Batoche taken at 4 P.M. to-day after a stiff fight.", "1885-05-13", "Batoche"),
    ("In the first war the company's police destroyed the royal capital of Bulawayo.", "1893-11-10", "Bulawayo"),
])
def test_a_telegrams_elliptical_capture_or_the_destruction_of_a_capital_is_an_armed_clash(world_gazetteer, text,
                                                                                       published, place):
    _, incidents, _ = run(text, world_gazetteer, published)
    assert [(i.place.name, i.event_type) for i in incidents] == [(place, "armed_clash")]


def test_a_name_in_the_vicinity_of_which_something_happened_is_reported(world_gazetteer):
    mentions, _, _ = run("Heavy gunfire broke out in the vicinity of Sekhoutoureya, the presidential palace.",
                         world_gazetteer, "2021-09-05")
    assert [(m.text, m.place) for m in mentions] == [("Sekhoutoureya", None)]


def test_the_first_town_of_a_route_between_two_is_no_event_place(world_gazetteer):
    """"near the town of Siedlce, on the Brest-Warsaw road": not Brest."""
    _, incidents, _ = run("The battle took place on February 14, near the town of Siedlce, on the Brest-Warsaw road.",
                          world_gazetteer, "1831-02-20")
    assert [i.place.name for i in incidents] == ["Siedlce"]


def test_a_report_at_a_small_country_and_one_at_a_site_in_it_are_one_incident(world_gazetteer):
    """"Bahrain ... confirmed the attack" and, in the next sentence, the Naval Support Activity Bahrain "targeted by
    Iranian missiles": one incident at the base, quoting both (same_event.merge_into_finer), now that a country as
    small as Bahrain is an incident's place (where.city_state)."""
    text = ("Bahrain's National Communication Center confirmed the attack, saying the Fifth Fleet's service center "
            "was subjected to a missile attack. Later in the day Bahrain said it was evacuating residents from the "
            "Juffair neighbourhood, which houses the Naval Support Activity Bahrain, after it was targeted by Iranian "
            "missiles.")
    _, incidents, _ = run(text, world_gazetteer, "2026-02-28")
    assert [(i.place.name, len(i.sentences)) for i in incidents] == [("Naval Support Activity Bahrain", 2)]


@pytest.mark.parametrize("text, published, place, attacker", [
    # "four days before" with no event after it is "earlier", not a clause about an earlier event (triggers.BACKGROUND)
    ("The engagement came after a skirmish four days before at Four Lakes.", "1858-09-06", "Four Lakes", []),
    ("Meanwhile, Mustapha Pasha, skirmishing along the coast of Sphakia, wasted his troops.", "1867-01-10",
     "Chóra Sfakíon", ["Mustapha Pasha"]),
    ("The Basutos have surrounded Colonel Bayly in Maseru.", "1880-09-22", "Maseru", ["Basutos"]),
    # ", killing police officers" after a clause no trigger holds (a last-resort trigger)
    ("On the island of Jeju, guerrillas went on a rampage, killing police officers.", "1948-04-05", "Jeju",
     ["guerrillas"]),
])
def test_a_skirmish_days_before_skirmishing_a_surrounded_officer_and_a_rampage_killing(world_gazetteer, text,
                                                                                         published, place, attacker):
    _, incidents, _ = run(text, world_gazetteer, published)
    assert [(i.event_type, i.place.name, i.attacker) for i in incidents] == [("armed_clash", place, attacker)]


def test_a_barrage_of_rockets_fired_by_guerillas_spelt_with_one_r(world_gazetteer):
    _, (inc,), _ = run("Lebanese guerillas fired a relentless barrage of rockets into the northern city of Haifa "
                       "on Sunday, killing eight people.", world_gazetteer, "2006-07-17")
    assert (inc.event_type, inc.place.name, inc.attacker, inc.fatalities) == (
        "rocket_attack", "Haifa", ["Lebanese guerillas"], [8])


def test_an_incident_whose_main_trigger_names_no_side_takes_another_triggers_attacker(world_gazetteer):
    _, (inc,), _ = run("On 11 September 1714, after a thirteen-month siege, the city of Barcelona fell into the hands "
                       "of French-Castilian troops.", world_gazetteer, "1714-09-20")
    assert (inc.place.name, inc.attacker) == ("Barcelona", ["French-Castilian troops"])


def test_an_army_surrounded_at_a_town_is_a_clash_and_the_subject_its_attacker(world_gazetteer):
    _, (inc,), _ = run("By 16 October, Napoleon had surrounded Mack's entire army at Ulm, and the campaign was all "
                       "but over.", world_gazetteer, "1805-10-20")
    assert (inc.event_type, inc.place.name, inc.attacker) == ("armed_clash", "Ulm", ["Napoleon"])


def test_a_name_before_warriors_says_whose_they_are_not_where(world_gazetteer):
    """"ambushed by Seminole warriors": not the town of Seminole, Florida (where.ARMED_AFTER), but the town the text
    puts the march near."""
    _, (inc,), _ = run("Five days into their march, in the middle of a pine forest near present-day Bushnell, they were "
                       "ambushed by Seminole warriors.", world_gazetteer, "1835-12-30")
    assert inc.place.name == "Bushnell" and inc.attacker == ["Seminole warriors"]


def test_a_place_that_locates_an_unknown_one_beats_the_town_of_the_attackers(world_gazetteer):
    """"The Shanghai revolutionaries captured The Purple Mountain, east of Nanking": near Nanking (the gazetteer
    lacks the mountain), not at Shanghai, whose revolutionaries they were."""
    _, (inc,), _ = run("Pekin, December 2. The Shanghai revolutionaries captured The Purple Mountain, east of Nanking, "
                       "after a brilliant combined attack by three infantry columns.", world_gazetteer, "1911-12-03")
    assert inc.place.name.endswith("Nanjing") or "Nanking" in inc.place.name


@pytest.mark.parametrize("text, published, place, attacker", [
    ("On May 15, Major Morris, after a wonderfully rapid march, forced his way into Kumassi from the north.",
     "1900-06-01", "Kumasi", ["Major Morris"]),  # the name, not its comma's aside
    ("The Moplahs broke out into revolt on August 20th, when the police attempted to arrest some agitators at "
     "Tirurangadi, south of Calicut.", "1921-08-25", "Tirūrangādi", ["Moplahs"]),
])
def test_forcing_a_way_into_a_town_and_breaking_out_into_revolt_are_clashes(world_gazetteer, text, published,
                                                                              place, attacker):
    _, incidents, _ = run(text, world_gazetteer, published)
    assert [(i.event_type, i.place.name, i.attacker) for i in incidents] == [("armed_clash", place, attacker)]


def test_who_leads_is_a_person_not_a_place(world_gazetteer):
    """"led by Conde": not the town of Conde in Brazil, nor the place of the stand at a village the gazetteer lacks."""
    mentions, incidents, _ = run("The Huguenot rearguard, which was led by Conde, made a last stand at Triac "
                                 "but was ultimately defeated.", world_gazetteer, "1569-03-20")
    assert "Conde" not in {m.text for m in mentions if m.place is not None}
    assert [i.place.name for i in incidents if "Conde" in i.place.name] == []


def test_a_band_named_by_its_people_gives_no_place(world_gazetteer):
    """'Cheyenne warriors' are a people's fighters: no incident at Cheyenne, Wyoming (tag 'band' in
    data/lexicon/armed_nouns.tsv)."""
    _, incidents, _ = run("Sioux and Cheyenne warriors attacked a small wagon train of soldiers on July 20, 1866.",
                          world_gazetteer)
    assert all(i.place.name != "Cheyenne" for i in incidents)


def test_a_place_of_another_subjects_deed_after_and_is_not_the_events(world_gazetteer):
    text = ("The Chilean victory at Yungay on January 20, 1839 brought the Confederation to an end, "
            "and Santa Cruz exiled himself in Guayaquil.")
    _, incidents, _ = run(text, world_gazetteer)
    assert "Guayaquil" not in [i.place.name for i in incidents] and incidents


def test_the_passive_subject_of_a_capture_is_its_place(world_gazetteer):
    text = "Port Said has now been occupied by the British force, and troops have been sent to occupy Ismailia."
    _, incidents, _ = run(text, world_gazetteer)
    assert [i.place.name for i in incidents][:1] == ["Port Said"]


def test_who_repels_an_attack_by_its_agent_is_not_the_attacker(world_gazetteer):
    text = ("The motorcycle-riding gunmen invaded the air base within the premises of the Diori Hamani International "
            "Airport but were repelled by security forces, Niger's state television said.")
    _, incidents, _ = run(text, world_gazetteer, "2023-02-02")
    assert incidents and all("security forces" not in i.attacker for i in incidents)


# A place the parse makes the argument of a verb of war is an event's place, dated by its own clause
# (the trigger rows know "killed at", not "nearly destroyed" nor "beset").
def test_a_place_that_a_verb_of_war_takes_as_its_argument_is_an_incident(world_gazetteer):
    _, incs, _ = run("Two settlers were killed at Boston on September 28; Springfield, Massachusetts, was nearly destroyed "
                     "on October 5, and a week later the raiders beset Worcester, Massachusetts.", world_gazetteer, published="1675-12-01")
    got = {i.place.name: (i.event_type, i.date_start) for i in incs}
    assert got["Springfield"] == ("attack_on_civilians", "1675-10-05")
    assert got["Worcester"][0] == "armed_clash" and got["Worcester"][1] != "1675-09-28"  # "a week later": not that day


def test_a_verb_of_war_in_an_infinitive_is_a_plan_not_an_incident(world_gazetteer):
    _, incs, _ = run("Troops were sent by train to occupy Ismailia before the canal closed.", world_gazetteer,
                     published="1882-08-01")
    assert [i.place.name for i in incs] == []


# A list of towns that a passive verb befell stays its place when an aside in brackets comes between.
def test_a_passive_list_with_an_aside_before_its_verb_is_an_incident_at_each_town(world_gazetteer):
    _, incs, _ = run("The plan met with success, as the towns of Larne, Ballymena and Randalstown (captured by a "
                     "local band) were taken and reinforcements were stopped from reaching Antrim.", world_gazetteer,
                     published="1798-06-20")
    assert sorted(i.place.name for i in incs) == ["Ballymena", "Larne", "Randalstown"]


def test_a_noun_of_war_and_the_place_it_befell_is_an_incident(world_gazetteer):
    _, incs, _ = run("The war lasted thirteen months and ended with the fall of Sukhumi on September 27, 1993.",
                     world_gazetteer, published="2013-09-27")
    assert [(i.place.name, i.event_type, i.date_start) for i in incs] == [("Sokhumi", "armed_clash", "1993-09-27")]


def test_an_event_noun_that_took_place_near_a_town_is_an_incident_there(world_gazetteer):
    _, incs, _ = run("Two soldiers were killed in a clash in Kargil on Saturday. The incident took place near Leh on "
                     "the night of August 29, the army said.", world_gazetteer, published="2020-09-01")
    assert ("Leh", "armed_clash", "2020-08-29") in [(i.place.name, i.event_type, i.date_start) for i in incs]


def test_a_page_that_reports_no_event_by_its_trigger_words_gets_none_from_the_parse(world_gazetteer):
    # ("took place", "fire", "entered" in general news say nothing of war: the parse is read only on a war story)
    _, incs, _ = run("The incident took place near Leh on the night of August 29, the army said.", world_gazetteer,
                     published="2020-09-01")
    assert incs == []


@pytest.mark.parametrize("text", [
    "The governor warned on Monday that the rebels could destroy Bunia within days.",
    "Contrary to early reports, the rebels did not destroy Bunia on Monday.",
])
def test_a_verb_of_war_under_a_modal_or_a_negation_is_no_incident(world_gazetteer, text):
    _, incs, _ = run(text, world_gazetteer)
    assert [i.place.name for i in incs] == []


def test_the_place_of_an_event_noun_is_an_incident_there(world_gazetteer):
    # ("Three people died in a similar assault at Schwechat Airport in Vienna": the noun's own place)
    _, incs, _ = run("Two soldiers were killed in an ambush near Gao on Sunday. The British attack on Baltimore had "
                     "begun in earnest on Monday.", world_gazetteer, published="2024-03-07")
    assert ("Baltimore", "armed_clash") in [(i.place.name, i.event_type) for i in incs]


def test_a_verb_of_war_coordinated_with_an_infinitive_is_a_plan(world_gazetteer):
    _, incs, _ = run("Japanese troops captured Taipei on June 7, 1895. They expected to advance south quickly and "
                     "capture Tainan to control the west coast.", world_gazetteer, published="1895-07-01")
    assert [i.place.name for i in incs] == ["Taipei"]


@pytest.mark.parametrize("second, event_type", [
    ("He burned the town, but could not take the castle.", "attack_on_civilians"),  # a sack, its own sentence
    ("His troops then shelled the town.", "shelling"),
])
def test_another_deed_at_the_town_named_again_is_its_own_event_on_the_day_before(world_gazetteer, second, event_type):
    """"Berwick attacked Athlone on May 3, 1691. He burned the town": a second event at Athlone, whose
    sentence gives no date, on the day of the report of the town before."""
    _, incidents, _ = run(f"Berwick attacked Athlone on May 3, 1691. {second}", world_gazetteer)
    assert [(str(i.event_type), i.place.name, str(i.date_start), str(i.date_end)) for i in incidents] == [
        ("armed_clash", "Athlone", "1691-05-03", "1691-05-03"), (event_type, "Athlone", "1691-05-03", "1691-05-03")]


def test_a_deed_counted_back_from_the_town_named_again_keeps_its_own_date(world_gazetteer):
    """"Two weeks earlier, the British had captured ... the city": not the day of the report before."""
    _, incidents, _ = run("On the night of March 21, 1791, the British army stormed Tipu Sultan's fort in Bangalore. "
                          "Two weeks earlier, the British had captured the pete, a commercial area in the city adjoining "
                          "the fort.", world_gazetteer)
    assert sorted(str(i.date_start) for i in incidents) == ["1791-03-07", "1791-03-21"]


@pytest.mark.parametrize("text, event_type", [
    ("A scattering fire began between the British and the militia at Springfield.", "armed_clash"),
    ("The action at Lexington lasted an hour.", "armed_clash"),
    ("Colonel Baum was beaten at Bennington on August 16, 1777.", "armed_clash"),
    ("Our troops drove the enemy out of Kars.", "armed_clash"),
    ("The Boers invested Ladysmith on 2 November 1899.", "armed_clash"),
    ("The enemy cannonaded Quebec all day.", "shelling"),
    ("The insurgents took Wexford and put the garrison to the sword.", "armed_clash"),
    ("The Santals made a sudden descent upon Rajmahal in July.", "armed_clash"),
    ("Details of the action upon the Volturno have arrived.", "armed_clash"),
    ("Rebel forces won the desert town of Ambo on Wednesday.", "armed_clash"),
    ("The Padri War was fought from 1803 until 1837 in West Sumatra.", "armed_clash"),
    ("Bandits wandered over Shantung province, looting and murdering.", "attack_on_civilians"),
    ("He recalls the defeat of Holkar by General Hislop at Mehidpur in 1817.", "armed_clash"),
    ("At Keynsham the rebel horse drove off the party of militia.", "armed_clash"),
    ("Their first operation was to occupy the town of Fort Erie.", "armed_clash"),
    ("The taking of the port of Assab was confirmed.", "armed_clash"),
    ("The Bassein affair has been followed up by a dash at Pegue.", "armed_clash"),
    ("Soon after, the rebellion spread almost throughout all the Tambov governorate.", "armed_clash"),
    ("Jinji was at last taken on Feb. 17th, 1698.", "armed_clash"),
    ("On January 28, the strong town of Galera was invested.", "armed_clash"),
    # a name that ends in "in" before the verb is no "in" ("Scharilin occupied", not "in occupied")
    ("Recalled from the south, Scharilin occupied Donauwörth.", "armed_clash"),
    ("On 21 September 1601 a Spanish fleet occupied the Irish port at Kinsale.", "armed_clash"),
    ("On May 16th he breached the walls of Clonmel.", "armed_clash"),
])
def test_the_older_words_of_war_are_events(world_gazetteer, text, event_type):
    """Phrasings of older war reports (fallback_triggers.tsv): a fire begun or kept up, an action at a town,
    a side beaten at one, an enemy driven out, a town invested, a town cannonaded, a defeat at one, a party driven
    off, a town taken or occupied, a dash at one, a rebellion spread to one, a town taken at last or invested, a
    port occupied, a town's walls breached."""
    _, incidents, _ = run(text, world_gazetteer, published="1900-01-01")
    assert [str(i.event_type) for i in incidents][:1] == [event_type]


def test_a_garrison_put_to_the_sword_is_an_attack_on_civilians(world_gazetteer):
    _, incidents, _ = run("At Drogheda the insurgents put the garrison to the sword.", world_gazetteer, published="1900-01-01")
    assert [(str(i.event_type), i.place.name) for i in incidents] == [("attack_on_civilians", "Drogheda")]


@pytest.mark.parametrize("text, place", [
    # the town a distance is counted from, named after its noun, only locates the other
    ("The town of Alindao, around 300km east of the capital Bangui, was set on fire on Thursday.", "Alindao"),
    # what "came under attack" is its subject, not a town named after it
    ("Urfa came under attack in February 1920, followed by Hadjin the next month.", "Şanlıurfa"),
])
def test_the_place_a_distance_counts_from_and_one_after_what_came_under_attack_are_not_the_event_s(world_gazetteer, text, place):
    _, incidents, _ = run(text, world_gazetteer, published="2021-01-01")
    assert [i.place.name for i in incidents] == [place]


@pytest.mark.parametrize("text, event_type", [
    ("Urfa came under attack in February 1920.", "armed_clash"),  # a town underwent it: fighting
    ("An army base in Djibo came under attack on Sunday morning.", "attack_on_installation"),  # a base in the town
])
def test_what_came_under_attack_says_what_it_was(world_gazetteer, text, event_type):
    _, incidents, _ = run(text, world_gazetteer, published="2021-01-01")
    assert [str(i.event_type) for i in incidents] == [event_type]


@pytest.mark.parametrize("text, published, dates", [
    # a page written a generation later: the year the sentence puts the deed in
    ("The Hui Muslims seized Lanzhou in 1862.", "2021-01-01", ("1862-01-01", "1862-12-31")),
    # ... not another deed's year in a page of today
    ("Russia, which annexed Crimea in 2014, struck Kharkiv.", "2022-01-01", ("None", "2022-01-01")),
])
def test_the_year_a_history_puts_a_deed_in_dates_it(world_gazetteer, text, published, dates):
    _, incidents, _ = run(text, world_gazetteer, published=published)
    assert [(str(i.date_start), str(i.date_end)) for i in incidents] == [dates]


@pytest.mark.parametrize("text, attacker", [
    ("Members of the Red Brigades ambushed the escort in Rome on March 16, 1978.", "Red Brigades"),
    ("A group of Kiowas conducted a vicious raid into Texas in 1874.", "group of Kiowas"),
])
def test_the_people_a_subject_counts_are_the_attackers_by_their_own_name(world_gazetteer, text, attacker):
    """"Members of the Red Brigades", "A group of Kiowas": a noun that counts them (quantity_heads.tsv) is no name."""
    _, incidents, _ = run(text, world_gazetteer, published="2021-01-01")
    assert attacker in [a for i in incidents for a in i.attacker]


def test_a_day_named_from_another_is_when_not_who(world_gazetteer):
    """"The following day rebels attacked ...": the parse hangs the day on the subject; the attacker is the rebels."""
    _, incidents, _ = run("On 22 December 1930 rebels attacked villages near Tharrawaddy. The following day rebels "
                          "attacked villages near Insein.", world_gazetteer, published="2021-01-01")
    assert [(i.attacker, str(i.date_start)) for i in incidents] == [(["rebels"], "1930-12-22"), (["rebels"], "1930-12-23")]


def test_a_day_with_no_year_in_a_story_long_ago_takes_the_year_of_the_first_date_after_it(world_gazetteer):
    """A page of 2019 about 1919 that names its year only later: "June 21" is of 1919, not 2019 (dating.year_told)."""
    text = ("The main assault on Cēsis on June 21 was stopped by Estonian armoured trains. "
            "On July 3, 1919, the Estonian forces reached the outskirts of Riga.")
    _, incidents, _ = run(text, world_gazetteer, "2019-07-03")
    assert [(i.place.name, i.date_start) for i in incidents if i.place.name == "Cēsis"] == [("Cēsis", "1919-06-21")]
    # not when the story names a year of its own near the writing date too
    text = ("The main assault on Cēsis on June 21 was stopped by Estonian armoured trains. "
            "On July 3, 1919, the Estonian forces reached Riga, as they did again in 2018.")
    _, incidents, _ = run(text, world_gazetteer, "2019-07-03")
    assert [i.date_start for i in incidents if i.place.name == "Cēsis"] != ["1919-06-21"]


@pytest.mark.parametrize("text", [
    "After taking Danyang on May 19, they seized Changzhou a week later.",
    "They took Danyang on May 19 and seized Changzhou a week later.",
])
def test_a_deed_a_week_after_the_day_its_sentence_names_is_on_that_later_day(world_gazetteer, text):
    """"... on May 19, they seized Changzhou a week later": Changzhou on May 26, Danyang on May 19."""
    _, incidents, _ = run(text, world_gazetteer, "1860-12-01")
    assert sorted((i.place.name, i.date_start) for i in incidents) == [("Changzhou", "1860-05-26"), ("Danyang", "1860-05-19")]


def test_a_later_day_in_another_clause_after_a_comma_is_not_the_trigger_s(world_gazetteer):
    """"on Thursday, July 20, when French planes blasted Bizerte for hours, then two days later ...": July 20."""
    text = "On Thursday, July 20, French planes blasted Bizerte for hours, and two days later paratroopers landed."
    _, incidents, _ = run(text, world_gazetteer, "1961-08-04")
    assert [(i.place.name, i.date_end) for i in incidents][:1] == [("Bizerte", "1961-07-20")]


@pytest.mark.parametrize("text, place", [
    ("The next day, a Catholic church in Kinshasa was also looted by a group of youths.", "Kinshasa"),
    ("Jamestown was burned by Nathaniel Bacon and his men in September 1676.", "Jamestown"),
])
def test_a_place_said_to_be_looted_or_burned_is_an_attack_on_civilians(world_gazetteer, text, place):
    """"a Catholic church in Kinshasa was also looted", "Jamestown was burned": a sack told in the passive
    (fallback_triggers.tsv)."""
    _, incidents, _ = run(text, world_gazetteer, published="2017-03-01")
    assert [(str(i.event_type), i.place.name) for i in incidents][:1] == [("attack_on_civilians", place)]


@pytest.mark.parametrize("text, dates", [
    ("The Padri War (also called the Minangkabau War) was fought from 1803 until 1837 in West Sumatra.",
     ("1803-01-01", "1837-12-31")),
    ("Portuguese troops and their allies attacked Luanda in 1652–53.", ("1652-01-01", "1653-12-31")),
])
def test_the_years_a_history_says_a_deed_spans_date_it(world_gazetteer, text, dates):
    """"fought from 1803 until 1837", "in 1652–53": the years the sentence gives, on a page written long after
    (dating.YEAR_SPAN); a war's name with a parenthesis before "was fought" still names the war."""
    _, incidents, _ = run(text, world_gazetteer, published="2021-01-01")
    assert [(str(i.date_start), str(i.date_end)) for i in incidents] == [dates]


def test_a_span_of_years_near_the_writing_date_does_not_date_a_deed(world_gazetteer):
    _, incidents, _ = run("Rebels attacked Luanda, which they held from 2015 to 2018.", world_gazetteer, published="2021-01-01")
    assert [str(i.date_start) for i in incidents] == ["None"]


@pytest.mark.parametrize("text, place", [
    ("A revolution is reported to have broken out in Sana, the capital of Yemen.", "Sanaa"),
    ("The Assaults in Luanda in 1961 saw guerrilla forces take several police buildings.", "Luanda"),
])
def test_a_revolution_broken_out_and_assaults_in_a_place_are_fighting_there(world_gazetteer, text, place):
    _, incidents, _ = run(text, world_gazetteer, published="1930-01-01")
    assert [(str(i.event_type), i.place.name) for i in incidents][:1] == [("armed_clash", place)]


def test_the_defence_of_a_town_is_fighting_there_but_a_ministry_of_defence_is_not(world_gazetteer):
    _, incs, _ = run("The defense of Gaziantep, which started on April 1, 1920, lasted 11 months and ended due to hunger.",
                     world_gazetteer, "2019-01-01")
    assert [(i.event_type, i.place.name, i.date_start) for i in incs] == [("armed_clash", "Gaziantep", "1920-04-01")]
    _, incs, _ = run("The Ministry of Defence of Ukraine said the city of Kharkiv was calm on Monday.", world_gazetteer)
    assert incs == []


def test_a_second_deed_after_and_by_is_an_event_of_its_own_and_storming_without_a_crowd_is_fighting(world_gazetteer):
    """"retaliated on March 15 by bombarding ... the Ussuri and by storming Zhenbao Island": a shelling and, in its
    own clause (a gerund after "and by"), a storming, which with no crowd in the sentence is fighting."""
    text = ("On March 2, 1969, a group of Chinese troops ambushed Soviet border guards on Zhenbao Island. They retaliated "
            "on March 15 by bombarding Chinese troop concentrations on the Chinese bank of the Ussuri and by storming "
            "Zhenbao Island.")
    _, incs, _ = run(text, world_gazetteer, "2010-01-01")
    assert ("armed_clash", "Zhenbao Island", "1969-03-15") in [(i.event_type, i.place.name, i.date_start) for i in incs]
    assert all(i.event_type != "protest_siege" for i in incs)


def test_a_person_who_captured_a_town_is_its_attacker_and_a_sentence_opening_year_without_comma_dates_it(world_gazetteer):
    _, incs, _ = run("In 1670 Razin captured the fortress of Tsaritsyn on the Volga.", world_gazetteer, "2021-01-01")
    assert [(i.attacker, i.date_start, i.date_end) for i in incs] == [(["Razin"], "1670-01-01", "1670-12-31")]


@pytest.mark.parametrize("text, attacker", [
    ("During ten days of battle between the Jordanian army and the guerrillas, the army seized several strongholds "
     "in and around Amman.", ["Military Forces of Jordan"]),
    ("After fighting between the Fano militia and federal troops, the militia seized the town of Lalibela.", ["Fano militia"]),
    # a number is how many, not whose
    ("Two Rebel fighters were seen near Lalibela before the rebels seized the town of Lalibela.", ["rebels"]),
])
def test_a_side_named_by_its_bare_noun_is_the_one_named_in_full_before(world_gazetteer, text, attacker):
    _, incs, _ = run(text, world_gazetteer, "1975-01-01")
    assert incs[0].attacker == attacker


def test_a_span_of_months_before_the_trigger_s_clause_is_not_cut_to_its_last_month(world_gazetteer):
    """"In February and March 1890, Behanzin sent troops to attack ...": the clause the trigger is in starts inside
    the span ("March 1890, ..."), which is still the sentence's date."""
    text = "In February and March 1890, Behanzin sent troops to attack the trading warehouse and the telegraph station at Cotonou."
    _, incs, _ = run(text, world_gazetteer, "2021-01-01")
    assert [(i.date_start, i.date_end) for i in incs] == [("1890-02-01", "1890-03-31")]


@pytest.mark.parametrize("text, place", [
    ("A second defeat has been sustained by the imperial troops near Szered on the Waag, about five miles from Pressburg.",
     "Sereď"),
    ("On the 15th, Augereau marched on Arcole but was not able to cross the famous bridge.", "Arcole"),
    ("On 20th October 1536 Thomas Darcy had surrendered his castle, Pontefract Castle in Yorkshire, to the rebels.",
     "Pontefract Castle"),
])
def test_a_defeat_sustained_a_march_on_a_town_and_a_castle_surrendered_are_fighting_there(world_gazetteer, text, place):
    _, incs, _ = run(text, world_gazetteer, "1990-01-01")
    assert [(i.event_type, i.place.name) for i in incs] == [("armed_clash", place)]


def test_the_towns_taken_are_each_town_the_sentence_before_names(world_gazetteer):
    """"Dessie and Kombolcha are now the front lines ... forces have claimed they have taken the key towns": both."""
    text = ("Dessie and Kombolcha are now the front lines of the ongoing Tigray conflict. Ethiopian forces have "
            "claimed they have taken the key towns but Tigrayan forces say they made a planned withdrawal.")
    _, incs, _ = run(text, world_gazetteer, "2021-12-06")
    assert sorted(i.place.name for i in incs) == ["Dessie", "Kombolcha"]


def test_a_dateline_with_a_date_and_a_dash_is_where_the_wire_was_filed_not_the_event(world_gazetteer):
    """"London, August 25. — ... The arsenal at Fuzhou was destroyed yesterday after five hours' bombardment"."""
    text = ("London, August 25. — A Times dispatch says: The arsenal at Fuzhou was destroyed yesterday after five hours' "
            "bombardment by Courbet's squadron.")
    _, incs, _ = run(text, world_gazetteer, "1884-08-26")
    assert [(i.place.name, i.date_start) for i in incs] == [("Fuzhou", "1884-08-24")]


@pytest.mark.parametrize("text", [
    "Towards 9 o'clock the forts of Paknam opened fire at a range of a quarter-of-a-mile on the French gunboats.",
    "A district official in the village of Gekhi said Russian artillery units are continuing their assault on that "
    "settlement today.",
])
def test_forts_that_open_fire_and_artillery_that_keeps_up_its_assault_shell(world_gazetteer, text):
    _, incs, _ = run(text, world_gazetteer, "1996-07-10")
    assert [i.event_type for i in incs][:1] == ["shelling"]


@pytest.mark.parametrize("text", [
    "Paris, 24 – British aircraft today launched an attack against rebels in Oman, firing at any moving target on the "
    "ground around the town of Nizwa.",
    "Fighter planes and helicopter gunships made six sorties against three targets near Kargil, an Indian official said.",
])
def test_aircraft_that_launch_an_attack_or_fly_sorties_strike_from_the_air(world_gazetteer, text):
    _, incs, _ = run(text, world_gazetteer, "1999-05-26")
    assert [i.event_type for i in incs][:1] == ["air_strike"]


def test_where_they_were_carried_after_it_is_not_the_event_s_place_but_where_they_were_carried_to_where_it_is(world_gazetteer):
    """"captured and carried to Louisburg a small garrison at Canseau" (a place the gazetteer lacks): not Louisburg;
    "carried to Nantes where he stood before the firing squad": Nantes (where.WENT_TO, WHERE_AFTER)."""
    _, incs, _ = run("Before war was declared, French soldiers from Cape Breton captured and carried to Louisburg a "
                     "small English garrison at Canseau.", world_gazetteer, "1760-01-01")
    # (where they came from stands in when nothing else is placed: Cape Breton Island, since the island is known)
    assert [i.place.name for i in incs] == ["Cape Breton Island"]
    _, incs, _ = run("His wounds sealed, he was carried to Nantes where he was shot by a firing squad on March 29, 1796.",
                     world_gazetteer, "2001-06-12")
    assert [i.place.name for i in incs] == ["Nantes"]


def test_a_year_before_1700_the_story_tells_dates_the_deeds_after_it_but_a_count_does_not(world_gazetteer):
    """"... in early 1630 a large French expeditionary force crossed the Alps ... The French occupied Pinerolo and
    attacked Avigliana": both in 1630, on a page with no writing date (dating.OLD_YEAR); "1500 men" is no year."""
    text = ("Piedmontese neutrality did not last long and in early 1630 a large French expeditionary force crossed the Alps "
            "again to force Carlo Emanuele to respect the Treaty of Susa. The French occupied Pinerolo and attacked Avigliana.")
    _, incs, _ = run(text, world_gazetteer, None)
    assert sorted((i.place.name, i.date_start) for i in incs) == [("Avigliana", "1630-01-01"), ("Pinerolo", "1630-01-01")]
    text = ("A large French force of 1500 men crossed the Alps again to force Carlo Emanuele to respect the Treaty of "
            "Susa. The French occupied Pinerolo and attacked Avigliana.")
    _, incs, _ = run(text, world_gazetteer, None)
    assert {i.date_start for i in incs} == {None}


def test_bombing_before_there_were_aircraft_is_shelling_unless_the_sentence_speaks_of_aircraft(world_gazetteer):
    """"On 26 June 1611 ... the Swedes went in by bombing the fortress port" (unrest.before_aircraft); a day and month
    before 1700 give the story its year (dating.OLD_YEAR)."""
    text = "On 26 June 1611 the Swedes went in by bombing the port of Kalmar, which was badly defended."
    _, incs, _ = run(text, world_gazetteer, None)
    assert [(i.event_type, i.date_start) for i in incs] == [("shelling", "1611-06-26")]
    text = "In 1920 the British delivered the decisive blow with a devastating aerial bombardment of the dervish capital at Taleh."
    _, incs, _ = run(text, world_gazetteer, "2021-01-01")
    assert [i.event_type for i in incs] == ["air_strike"]


@pytest.mark.parametrize("text, place", [
    ("On August 12, Duncan began to surround Halmstad with his whole army.", "Halmstad"),
    ("General Traun surrendered the fortress of Capua in November 1734 with full honors of war.", "Capua"),
])
def test_beginning_to_surround_a_town_and_surrendering_its_fortress_are_fighting_there(world_gazetteer, text, place):
    _, incs, _ = run(text, world_gazetteer, None)
    assert [(i.event_type, i.place.name) for i in incs] == [("armed_clash", place)]


def test_the_citadel_burnt_down_is_in_the_town_the_sentence_before_names(world_gazetteer):
    """"Strasburg is holding out bravely ... the right side of the citadel has been burnt down": a citadel, fortress or
    stronghold names again the town (or installation) the sentence before names (borrowed.PORT_NOUNS)."""
    text = ("Strasbourg is holding out bravely, but it must fall. By the latest accounts, the Germans have brought their "
            "guns within 1,000 yards of the walls, and the right side of the citadel has been burnt down.")
    _, incs, _ = run(text, world_gazetteer, "1870-09-10")
    assert "Strasbourg" in [i.place.name for i in incs]


@pytest.mark.parametrize("second, count", [
    # a place taken back is a new event, even inside the year the first taking is dated to
    ("On 30 November 2023, Gwoza was re-taken by the army.", 2),
    ("On 30 November 2023, the army recaptured Gwoza.", 2),
    # another report of the same taking is not
    ("On 30 November 2023, Gwoza was captured by the rebels.", 1),
])
def test_a_place_taken_back_is_an_event_of_its_own(world_gazetteer, second, count):
    _, incidents, _ = run("In 2023 the rebels took part in the capture of Gwoza. " + second, world_gazetteer, "2024-06-30")
    gwoza = [i for i in incidents if i.place.name == "Gwoza"]
    assert len(gwoza) == count and {i.event_type for i in gwoza} == {"armed_clash"}


def test_the_attack_named_again_two_sentences_on_is_no_new_fight(world_gazetteer):
    """"... a drone attacked Harir Airport ... The statement highlighted ... The attack resulted in a fire": the
    attack of two sentences up, named again, not a new one at that place."""
    text = ("A drone struck the market in Kassala on Monday. The statement said the market had been closed. "
            "The attack resulted in a fire breaking out in a store.")
    _, incidents, _ = run(text, world_gazetteer, "2024-06-30")
    assert [(i.event_type, i.place.name) for i in incidents] == [("drone_attack", "Kassala")]


@pytest.mark.parametrize("text, want", [
    # each fight a sentence names by its place, on the day said after its name
    ("While the Battle of Poltava on 8 July 1709 ended the campaign, the Battle of Narva on 30 November 1700 had "
     "opened it.", {("armed_clash", "Poltava", "1709-07-08"), ("armed_clash", "Narva", "1700-11-30")}),
    # the burning (razing, sack ...) of a town
    ("The burning of Kassala by the raiders in May 1888 shocked the region.", {("attack_on_civilians", "Kassala", "1888-05-01")}),
    # the trenches opened before a town: its siege
    ("In June 1691 the trenches were opened before Limerick.", {("armed_clash", "Limerick", "1691-06-01")}),
    # raiding around a town
    ("In May 1888 the rebels were raiding around Kassala.", {("armed_clash", "Kassala", "1888-05-01")}),
    # aircraft that made a count of sorties over a town: air strikes
    ("In May 1888 the aircraft made up to two thousand sorties over Kassala.", {("air_strike", "Kassala", "1888-05-01")}),
    # proceeding to capture a town, taking over one
    ("In July 1723 the army proceeded to capture Baku.", {("armed_clash", "Baku", "1723-07-01")}),
    ("In May 1888 the emir had taken over Kassala.", {("armed_clash", "Kassala", "1888-05-01")}),
    # a fleet defeated off an island
    ("In May 1888 a combined fleet defeated a Danish fleet near the island of Fehmarn.",
     {("armed_clash", "Fehmarn", "1888-05-01")}),
    # defeated beyond a town, a fleet brought to action off a cape
    ("In May 1888 the emir was again defeated beyond Kassala.", {("armed_clash", "Kassala", "1888-05-01")}),
    ("He met the enemy off Cape St Vincent on 3 July 1833 and brought them to action.",
     {("armed_clash", "Cape St. Vincent", "1833-07-03")}),
])
def test_more_phrasings_of_war_are_incidents(world_gazetteer, text, want):
    _, incidents, _ = run(text, world_gazetteer, "2024-06-30")
    assert {(i.event_type, i.place.name, i.date_start) for i in incidents} == want


@pytest.mark.parametrize("second, place, event_type", [
    # the town that capitulated, not the one a later clause names
    ("Wittenberg capitulated on 19 May 1547, and a month later the landgrave surrendered at Halle.", "Wittenberg", "armed_clash"),
])
def test_the_parse_finds_the_town_that_capitulated(world_gazetteer, second, place, event_type):
    _, incidents, _ = run("The imperial army routed the league's troops near Torgau on 24 April 1547. " + second,
                          world_gazetteer, "2024-06-30")
    assert (event_type, place) in {(i.event_type, i.place.name) for i in incidents}


def test_the_taking_of_a_town_beside_an_attack_on_others_is_a_fight_there_too(world_gazetteer):
    text = ("In May 1670 he led the attack on Tsaritsyn and then a detachment during the taking of Astrakhan.")
    _, incidents, _ = run(text, world_gazetteer, "2024-06-30")
    assert {(i.event_type, i.place.name) for i in incidents} == {("armed_clash", "Volgograd"), ("armed_clash", "Astrakhan")}


def test_on_an_undated_page_a_day_without_its_year_takes_the_year_of_the_first_date_after_it(world_gazetteer):
    """"...on February 19, the stronghold of Gray also falls to the French. ... arriving on February 24, 1668":
    a page of history with no writing date and no year before the day."""
    text = ("On February 19 the stronghold of Gray also falls to the French troops. "
            "The king returns to Saint-Germain, arriving on February 24, 1668.")
    _, incidents, _ = run(text, world_gazetteer, None)
    assert [(i.place.name, i.date_start) for i in incidents if i.place.name == "Gray"] == [("Gray", "1668-02-19")]


def test_a_small_town_named_again_without_a_cue_is_the_town_the_text_placed(world_gazetteer):
    """"... 600 highlanders headed to Auchterarder. Auchterarder was put to the torch.": the second naming, with no
    cue of its own, is the town the first placed; and a town put to the torch is an attack on civilians there."""
    text = "On 24 January 1716 the highlanders headed to Auchterarder. Auchterarder was put to the torch."
    _, incidents, _ = run(text, world_gazetteer, None)
    assert [(i.event_type, i.place.name) for i in incidents] == [("attack_on_civilians", "Auchterarder")]


def test_a_deed_done_again_on_a_day_of_its_own_is_a_second_incident(world_gazetteer):
    _, incidents, _ = run("The Russians occupied Helsinki in 1713 and again in 1742.", world_gazetteer, None)
    assert {(i.event_type, i.place.name, i.date_start) for i in incidents} == {
        ("armed_clash", "Helsinki", "1713-01-01"), ("armed_clash", "Helsinki", "1742-01-01")}


@pytest.mark.parametrize("text, place", [
    # a town that "was seized" or "was occupied" on a day, with no agent named (data/lexicon/fallback_triggers.tsv)
    ("Neuss was seized on 6 April 1586.", "Neuss"),
    # ... and the city named before, as "the city"
    ("In April 1572 the rebels anchored off Brielle. The city was seized in the night.", "Brielle"),
])
def test_a_town_seized_with_no_agent_named_is_a_fight_there(world_gazetteer, text, place):
    _, incidents, _ = run(text, world_gazetteer, None)
    assert [(i.event_type, i.place.name) for i in incidents] == [("armed_clash", place)]


@pytest.mark.parametrize("text, event_type, place", [
    # a bare infinitive of bombarding, the town named before
    ("There has been a serious affair at Canton, and Admiral Seymour has found it necessary to bombard the town.",
     "shelling", "Guangzhou"),
    # a struggle that was raging, where the sentence says
    ("The Seventh Army had five divisions in Munich area, where a bitter struggle was raging.", "armed_clash", "Munich"),
    # the village occupied, named before
    ("To the east lies the village of El Arish. We occupied the village unopposed.", "armed_clash", "Arīsh"),
    # a squadron destroyed off a port (data/lexicon/fallback_triggers.tsv)
    ("The report tells of the destruction of the Spanish squadron off Santiago de Cuba on July 3, 1898.",
     "armed_clash", "Santiago de Cuba"),
    # a shoot-down that names no place, where the wreckage lay two sentences up
    ("Video emerged of the wreckage of a Ka-52 helicopter in the Talovsky district. Pictures appeared to show a "
     "smouldering wreck in a field. A blogger said the helicopter had been shot down by Wagner.", "shoot_down", "Talovaya"),
    # a blockade broken, a province taken, a church assaulted and looted
    ("In June 1656 the Ottomans attempted to break the blockade of the Dardanelles.", "armed_clash", "Çanakkale"),
    ("In October 1934 armed revolutionaries managed to take the whole province of Asturias.", "armed_clash", "Asturias"),
    ("On May 22, 1640 the Tercios were assaulting and looting the parish temple of Sant Andreu de Palomar.",
     "attack_on_civilians", "Sant Andreu"),
    # armies that encountered or confronted each other, a stockade surrounded, a battle engaged in, cannon fired into
    # a city, an offensive into hills (data/lexicon/fallback_triggers.tsv)
    ("On 14 May 1509 the French army and the Venetian army encountered near the village of Agnadello.",
     "armed_clash", "Agnadello"),
    ("The Venetian army finally confronted Cardona's army outside Vicenza on 7 October 1513.", "armed_clash", "Vicenza"),
    ("At Goose Creek a troop of four hundred surrounded a little stockade.", "armed_clash", "Goose Creek"),
    ("The Siamese forces engaged in battle with notable valor at Phetchaburi.", "armed_clash", "Phetchaburi"),
    ("On 7 April 1767 the Burmese fired cannon into Ayutthaya from all surrounding camps.", "shelling",
     "Phra Nakhon Si Ayutthaya"),
    ("The two sides met on 3 August 1749 at Ambur.", "armed_clash", "Ambur"),
    # a town surrendered, the keys of a fortress handed over
    ("On July 1, 1736, the Turkish garrison of Azov handed over the keys to the fortress to the Russian troops.",
     "armed_clash", "Azov"),
    ("On 6 August 1734 the garrison of Gaeta (commanded by Wallis) surrendered the town.",
     "armed_clash", "Gaeta"),
    # a town burned to the ground, whatever part of it is named
    ("The Tatars burned the entire posad of Moscow to the ground.", "attack_on_civilians", "Moscow"),
    # towns that fell or surrendered, one by one
    ("In 1246 Carmona and other strategic fortresses surrendered one by one.", "armed_clash", "Carmona"),
])
def test_more_phrasings_of_fights_and_strikes(world_gazetteer, text, event_type, place):
    _, incidents, _ = run(text, world_gazetteer, "1945-04-27")
    assert [(i.event_type, i.place.name) for i in incidents] == [(event_type, place)]


def test_places_that_met_the_same_fate_share_the_event_before(world_gazetteer):
    """"... It was destroyed by the Russian troops. Later, Trakai, Kaunas and Grodno met the same fate": a fight at
    each (data/lexicon/same_fate.tsv)."""
    text = ("In August 1655 Vilnius was taken. It was destroyed by the Russian troops. "
            "Later, Trakai, Kaunas and Grodno met the same fate.")
    _, incidents, _ = run(text, world_gazetteer, None)
    assert {i.place.name for i in incidents if i.event_type == "armed_clash"} >= {"Trakai", "Kaunas", "Hrodna"}


def test_a_later_day_of_the_event_before_naming_no_place_is_at_its_place(world_gazetteer):
    """"... he besieged Fort St David ... on 16 May began an artillery bombardment": a shelling there that day;
    not the next day of the same kind of event ("riots ... on the night of May 21. Riots continued ... into May 22")."""
    text = ("Following the loss of Cuddalore, he besieged Fort St David which had a weak garrison. "
            "From 30 April he increased his forces and on 16 May began an artillery bombardment.")
    _, incidents, _ = run(text, world_gazetteer, "1758-12-01")
    assert [(i.event_type, i.place.name, i.date_start) for i in incidents if i.event_type == "shelling"] == [
        ("shelling", "Fort St David", "1758-05-16")]
    text = ("On the night of May 21, riots broke out in the Indonesian capital of Jakarta. "
            "Riots continued to escalate into May 22 morning.")
    _, incidents, _ = run(text, world_gazetteer, "2019-05-22")
    assert [(i.event_type, i.place.name) for i in incidents] == [("riot", "Jakarta")]


def test_it_after_a_date_is_the_fortress_the_sentence_before_opens_with(world_gazetteer):
    """"The Turkish fortress of Kinburn was built ... on the Kinburn spit at the mouth of the Dnipro. In 1736, it was
    captured ...": at Kinburn, not at the Dnipro; a place the sentence before only goes on to name is not 'it'."""
    text = ("The Turkish fortress of Kinburn was built in the 15th century on the Kinburn spit at the mouth of the "
            "Dnipro. In 1736, it was captured and destroyed by the Russian detachment of General Leontiev.")
    _, incidents, _ = run(text, world_gazetteer, None)
    assert [(i.event_type, i.place.name, i.date_start) for i in incidents] == [("armed_clash", "Kinburn Spit", "1736-01-01")]
    text = ("A wall was built in the 15th century on the Kinburn spit at the mouth of the Dnipro. "
            "In 1736, it was captured and destroyed by the Russian detachment of General Leontiev.")
    _, incidents, _ = run(text, world_gazetteer, None)
    assert incidents == []


def test_a_clause_before_the_report_keeps_a_year_of_its_own(world_gazetteer):
    """"... the towns of Chorrillos and Barranco were occupied on January 13 ... while the town of Miraflores was
    captured on the 16 of January": each town on its own day, the first clause's too."""
    text = ("As the invading army advanced, the towns of Chorrillos and Barranco were occupied on January 13 of the same "
            "year while the town of Miraflores was captured on the 16 of January, after the Battle of Miraflores; "
            "finally the city of Lima was occupied on January 17, 1881.")
    _, incidents, _ = run(text, world_gazetteer, None)
    days = {i.place.name: i.date_start for i in incidents}
    assert days["Barranco"] == "1881-01-13" and days["Miraflores"] == "1881-01-16"


def test_where_they_moved_on_to_after_a_sack_is_not_where_the_sack_was(world_gazetteer):
    """"Judar sacked Gao and then moved on to the trading centers of Djenné and Timbuktu": at Gao only."""
    _, incidents, _ = run("Judar sacked Gao and then moved on to the trading centers of Djenné and Timbuktu.",
                          world_gazetteer, None)
    assert [i.place.name for i in incidents] == ["Gao"]


def test_where_an_army_was_heading_is_not_where_it_fought(world_gazetteer):
    """"a huge Polish-Lithuanian army (heading to Malbork) approached the gates of Dąbrówno, and some of its troops
    attacked the town": at Dąbrówno."""
    text = ("In 1410 a huge Polish-Lithuanian army (heading to Malbork) approached the gates of Dąbrówno, and some of "
            "its troops attacked the town and burned it.")
    _, incidents, _ = run(text, world_gazetteer, None)
    assert {i.place.name for i in incidents} == {"Dąbrówno"}


def test_places_taken_along_with_another_are_the_verbs_objects_too(world_gazetteer):
    """"he took Hama, along with nearby Homs and Baalbek": one incident at each."""
    text = ("Timur's forces besieged Aleppo in November 1400. After taking Aleppo, Timur continued his advance where he "
            "took Damascus, along with nearby Homs, in 1401.")
    _, incidents, _ = run(text, world_gazetteer, None)
    assert {i.place.name for i in incidents} == {"Aleppo", "Damascus", "Homs"}


def test_a_side_that_lost_at_a_town_fought_there(world_gazetteer):
    """"Henry lost at Lewes ..., but ... his forces stormed Northampton": a fight at each."""
    text = "The emir lost at Homs in 1260, but in April 1261 his forces stormed Aleppo."
    _, incidents, _ = run(text, world_gazetteer, None)
    assert sorted((i.place.name, i.event_type) for i in incidents) == [("Aleppo", "armed_clash"), ("Homs", "armed_clash")]


def test_laying_waste_is_an_attack_on_civilians_and_whom_it_warned_is_not_its_place(world_gazetteer):
    """"he laid waste to the towns of Dorset, as a warning to Exeter": at Dorset, not Exeter."""
    text = "In 1068 the king rode towards Damascus. On the way, he laid waste to the villages of Homs, as a warning to Damascus."
    _, incidents, _ = run(text, world_gazetteer, None)
    assert [(i.place.name, i.event_type) for i in incidents] == [("Homs", "attack_on_civilians")]


def test_doing_the_same_with_a_list_of_towns_is_the_same_deed_at_each(world_gazetteer):
    """"The Swedes quickly captured Braniewo, afterwards doing the same with Frombork and Tolkmicko": three captures."""
    text = "In 1400 the Mongols quickly captured Aleppo, afterwards doing the same with Homs and Damascus."
    _, incidents, _ = run(text, world_gazetteer, None)
    assert sorted((i.place.name, i.event_type, i.date_start) for i in incidents) == [
        ("Aleppo", "armed_clash", "1400-01-01"), ("Damascus", "armed_clash", "1400-01-01"), ("Homs", "armed_clash", "1400-01-01")]


def test_a_verb_of_war_alone_makes_an_event_on_a_page_that_reports_no_other(world_gazetteer):
    """"In 1378, Alfred defeated the Danes at Edington": a fight, though no trigger row matches the page; "took"
    alone ("He took a train to Kyiv") is none."""
    _, incidents, _ = run("In 1378, the emir defeated the Franks at Homs.", world_gazetteer, None)
    assert [(i.place.name, i.event_type, i.date_start) for i in incidents] == [("Homs", "armed_clash", "1378-01-01")]
    _, incidents, _ = run("In 1378, the emir took a caravan to Homs.", world_gazetteer, None)
    assert incidents == []


def test_every_verb_of_war_alone_is_a_verb_of_war():
    from geo.events.arguments import ALONE, VERBS

    assert ALONE and ALONE <= set(VERBS)


def test_a_failed_attempt_to_take_a_town_is_a_fight_there(world_gazetteer):
    """"The Mongol army ... failed to take Gwangju": an attack that failed is still a fight (ACLED's battles)."""
    text = "In 1232 the Mongols besieged Aleppo. In November the Mongol army failed to take Homs."
    _, incidents, _ = run(text, world_gazetteer, None)
    assert sorted((i.place.name, i.event_type) for i in incidents) == [("Aleppo", "armed_clash"), ("Homs", "armed_clash")]


def test_a_town_that_surrendered_was_taken(world_gazetteer):
    """"On Jan.9, K'ai-feng surrendered": a fight (a siege's end) at the town."""
    text = "In 1126 the Jin besieged Aleppo. On 9 January 1127, Homs surrendered."
    _, incidents, _ = run(text, world_gazetteer, None)
    assert ("Homs", "armed_clash", "1127-01-09") in {(i.place.name, i.event_type, i.date_start) for i in incidents}


def test_breaking_into_a_castle_and_the_same_treatment_the_next_day(world_gazetteer):
    """"... broke into Hawarden Castle ... Once inside they killed many ... The organised rebellion was widespread.
    The next day, both the king's new castles at Flint and Rhuddlan received the same treatment": a fight at the
    castle on its day, and one at each town the day after, past the sentences that name no place."""
    text = ("On 21 March 1282 a group of rebels broke into Aleppo. Once inside they killed many of the household. "
            "The rebellion was widespread. The next day, both the castles at Homs and Damascus received the same treatment.")
    _, incidents, _ = run(text, world_gazetteer, None)
    assert sorted((i.place.name, i.event_type, i.date_start) for i in incidents) == [
        ("Aleppo", "armed_clash", "1282-03-21"), ("Damascus", "armed_clash", "1282-03-22"), ("Homs", "armed_clash", "1282-03-22")]


def test_the_castle_at_a_town_stands_for_the_town_as_the_verbs_argument(world_gazetteer):
    """"In 1481, the castle at Píñar was taken. In 1486, the fortress at Loja fell": a capture at each town."""
    text = "The Christians besieged Damascus in 1480. In 1481, the castle at Homs was taken. In 1486, the fortress at Aleppo fell."
    _, incidents, _ = run(text, world_gazetteer, None)
    assert {(i.place.name, i.date_start) for i in incidents} >= {("Homs", "1481-01-01"), ("Aleppo", "1486-01-01")}


@pytest.mark.parametrize("text, start, end", [
    ("In 878, the Danes besieged Homs.", "0878-01-01", "0878-12-31"),
    ("On 10 August 955, the Magyars attacked Aleppo.", "0955-08-10", "0955-08-10"),
    ("In May 878 the Danes were defeated at Homs.", "0878-05-01", "0878-05-31"),
    ("In AD 636 the Arabs defeated the Byzantines near Damascus.", "0636-01-01", "0636-12-31"),
    ("In 536 Belisarius besieged the city of Homs for twenty days.", "0536-01-01", "0536-12-31"),  # before a name and its verb
    # ... and never a count: "5 May 600 soldiers", "in 106 Arab deaths"
    ("On 5 May 600 soldiers attacked Homs in 1878.", "1878-05-05", "1878-05-05"),
    ("In 1889 troops attacked the fortress at Homs, resulting in 106 Arab deaths.", "1889-01-01", "1889-12-31"),
])
def test_years_of_three_figures_are_read_where_they_can_be_nothing_else(world_gazetteer, text, start, end):
    _, (inc,), _ = run(text, world_gazetteer, None)
    assert (inc.date_start, inc.date_end) == (start, end)


@pytest.mark.parametrize("text, place, event_type, start", [
    # a capture alone, on a page no trigger row reports an event on
    ("In 1534 Sultan Suleiman seized Aleppo.", "Aleppo", "armed_clash", "1534-01-01"),
    # an execution of a number of people, and a three-figure year opening the sentence without a comma
    ("In 782 the king ordered the execution of 4,500 Saxons in what is now Homs.", "Homs", "targeted_killing", "0782-01-01"),
])
def test_more_deeds_of_older_wars(world_gazetteer, text, place, event_type, start):
    _, incidents, _ = run(text, world_gazetteer, None)
    assert [(i.place.name, i.event_type, i.date_start) for i in incidents] == [(place, event_type, start)]


@pytest.mark.parametrize("text, expected", [
    # a list whose items each carry a year of their own
    ("In response to the Mamluk victories over Mongols at Aleppo in 1260 and Homs in 1277, the Il-khan sends his brother.",
     [("Aleppo", "armed_clash", "1260-01-01"), ("Homs", "armed_clash", "1277-01-01")]),
    ("They had already suffered two defeats against the Sultan's armies, at Aleppo in 1298 and Homs in 1299.",
     [("Aleppo", "armed_clash", "1298-01-01"), ("Homs", "armed_clash", "1299-01-01")]),
    # the present tense of history tables
    ("The two armies meet south of Homs, a city in western Syria, on October 29, 1281.", [("Homs", "armed_clash", "1281-10-29")]),
    ("In 924 the Hungarians send an army led by Szalárd, who burns Aleppo and the war galleys.",
     [("Aleppo", "attack_on_civilians", "0924-01-01")]),
])
def test_dated_lists_and_the_present_tense_of_chronologies(world_gazetteer, text, expected):
    _, incidents, _ = run(text, world_gazetteer, None)
    assert sorted((i.place.name, i.event_type, i.date_start) for i in incidents) == expected


@pytest.mark.parametrize("text, expected", [
    # a title's domain is not where it happened when the sentence names another place
    ("A general engagement took place between the Poles and the Ottomans under Hussein, pasha of Silistria, near Khotyn on 11 November 1673.",
     [("Khotyn", "armed_clash", "1673-11-11")]),
    # the place of the trigger's own clause, after a semicolon
    ("In 1275 Nanking was abandoned; Soochow declared for the Mongols; and Hangchow was in a state of siege.",
     [("Hangzhou", "armed_clash", "1275-01-01")]),
    # looting after a conquest is an army's: an attack on civilians, not a riot
    ("In 1400 Aleppo and Homs quickly fell, and their people were subjected to widespread looting.",
     [("Aleppo", "attack_on_civilians", "1400-01-01"), ("Homs", "attack_on_civilians", "1400-01-01")]),
    # a verb of war alone on the page, in the present tense of a chronology
    ("In 1231 the Mongol horde crosses the Yalu and surrounds Uiju.", [("Uiju", "armed_clash", "1231-01-01")]),
    # ... and any verb with armed men as its subject
    ("On 6 December 1916 German forces enter the Romanian capital of Bucharest.", [("Bucharest", "armed_clash", "1916-12-06")]),
    ("On 29 May 1453 the janissaries gained entry to the city of Constantinople.", [("Istanbul", "armed_clash", "1453-05-29")]),
    ("The town of Khenifra was lost to the advancing colonial forces in June 1914.", [("Khenifra", "armed_clash", "1914-06-01")]),
    # a list of days: from the first to the last
    ("On the 2nd, 3rd and 4th of February, 1820, the admiral achieved the feat of taking the fortified city of Valdivia.",
     [("Valdivia", "armed_clash", "1820-02-02")]),
    # an event named before "the Nth anniversary" is not the anniversary's
    ("Rebels captured Kassala on 12 March 2001, on the 10th anniversary of the first uprising.",
     [("Kassala", "armed_clash", "2001-03-12")]),
])
def test_deeds_and_dates_of_the_thirty_ninth_session(world_gazetteer, text, expected):
    _, incidents, _ = run(text, world_gazetteer, None)
    assert sorted((i.place.name, i.event_type, i.date_start) for i in incidents) == expected
    assert all(i.attacker != ["Rioters"] for i in incidents)


def test_n_days_later_counts_from_the_day_the_sentence_before_gives(world_gazetteer):
    """"... overwhelmed at the battle of Bình Lệ Nguyên on 17 January 1258. Five days later they captured and
    sacked Thang Long": the battle before is no report (its place is unknown), its day still counts."""
    text = "The royal army was overwhelmed at the ford of Zolkivka on 17 January 1258. Five days later they captured and sacked Hanoi."
    _, incidents, _ = run(text, world_gazetteer, None)
    assert [(i.place.name, i.date_start, i.date_end) for i in incidents] == [("Hanoi", "1258-01-22", "1258-01-22")]


def test_whose_army_is_a_commander_not_a_town(world_gazetteer):
    """"attacked Kutuzov's 15,000-strong army near the city": the city is the one named before."""
    text = "In 1811 the Ottoman army moved towards Ruschuk. On June 22 it attacked Kutuzov's 15,000-strong army near the city."
    mentions, incidents, _ = run(text, world_gazetteer, None)
    assert [m.text for m in mentions if m.place] == ["Ruschuk"]
    assert [(i.place.name, i.date_start) for i in incidents] == [("Ruse", "1811-06-22")]


@pytest.mark.parametrize("text, expected", [
    # "There," points back to the place the sentence before ended at
    ("The general marched over the mountains to the plain of Kassala. There, on August 6, 1824, he repelled an onslaught.",
     [("Kassala", "armed_clash", "1824-08-06")]),
    ("The rebels camped near Gwoza. There on November 28, 1815 they were met by the royal forces from Nigeria.",
     [("Gwoza", "armed_clash", "1815-11-28")]),
    # armies that met at a place; a town that fell in a year of three figures to someone
    ("On December 12, 627, the armies of the emperor and of the shah met at Homs.", [("Homs", "armed_clash", "0627-12-12")]),
    ("Aleppo fell in 613 to the Persian general.", [("Aleppo", "armed_clash", "0613-01-01")]),
    # "the city was taken" after the sentence that names it; a garrison disarmed
    ("The governor withdrew his forces from Aleppo on 10 March. The city was taken without a fight on 11 March 1917.",
     [("Aleppo", "armed_clash", "1917-03-11")]),
    ("On 20 March 1930 the northern troops disarmed the garrison at Homs.", [("Homs", "armed_clash", "1930-03-20")]),
])
def test_scenes_and_deeds_read_in_world_held_out_53(world_gazetteer, text, expected):
    _, incidents, _ = run(text, world_gazetteer, None)
    assert sorted((i.place.name, i.event_type, i.date_start) for i in incidents) == expected


@pytest.mark.parametrize("text, expected", [
    ("In 1652 Omani vessels set upon Zanzibar and Mombasa.",
     [("Mombasa", "armed_clash", "1652-01-01"), ("Zanzibar", "armed_clash", "1652-01-01")]),
    ("ALEPPO was the scene of a battle on March 23, 1849, between two armies.", [("Aleppo", "armed_clash", "1849-03-23")]),
    ("In 1982 the town of Homs became the scene of a terrible massacre.", [("Homs", "attack_on_civilians", "1982-01-01")]),
])
def test_deeds_read_in_world_held_out_54(world_gazetteer, text, expected):
    _, incidents, _ = run(text, world_gazetteer, None)
    assert sorted((i.place.name, i.event_type, i.date_start) for i in incidents) == expected


def test_a_place_recovered_is_a_fight_and_an_opening_participle_is_no_attacker(world_gazetteer):
    text = ("The crusaders besieged Demmin in 1147. Marching from Magdeburg, Albert the Bear recovered Havelberg, "
            "lost since the Slavic rebellion.")
    _, incidents, _ = run(text, world_gazetteer)
    at = {i.place.name: i for i in incidents}
    assert at["Havelberg"].event_type == "armed_clash"
    assert not any(a.startswith("Marching") for i in incidents for a in i.attacker)


@pytest.mark.parametrize("name", ["Darfur", "Zululand", "Pemba Island", "Scania"])
def test_historical_regions_and_islands_no_package_has_are_places(world_gazetteer, name):
    mentions, _, _ = run(f"Fighting broke out in {name} on Tuesday.", world_gazetteer)
    [m] = [m for m in mentions if m.text == name]
    assert m.place is not None and m.place.curated and m.place.precision == "region"


@pytest.mark.parametrize("text, attacker", [
    ("The crusaders stormed Lisbon in 1147.", "crusaders"),
    ("The invaders captured Syriam on 7 February 1564.", "invaders"),
])
def test_invaders_and_crusaders_the_parse_makes_the_subject_are_the_attacker(world_gazetteer, text, attacker):
    _, incidents, _ = run(text, world_gazetteer)
    assert [i.attacker for i in incidents] == [[attacker]]


def test_the_subject_of_a_relative_clause_is_the_noun_it_is_about_but_never_a_day(world_gazetteer):
    _, incidents, _ = run("The Indians who had besieged Fort Pitt for two months disappeared.", world_gazetteer)
    assert [i.attacker for i in incidents] == [["Indians"]]
    _, incidents, _ = run("An expedition was sent out on 26 March 1873, which bombarded the capital Banda Aceh.", world_gazetteer)
    assert incidents and not any("1873" in a for i in incidents for a in i.attacker)
    _, incidents, _ = run("The islamist terrorists who attacked the town of Palma, in the north, on 24 March, beheaded "
                          "12 foreign citizens.", world_gazetteer)
    assert {a for i in incidents for a in i.attacker} == {"islamist terrorists"}


@pytest.mark.parametrize("text", ["Naval engagement in the Shimonoseki Strait on 25 April 1185.",
                                  "A naval battle in the Kanmon Strait on 25 April 1185 ended the war."])
def test_a_naval_battle_or_engagement_is_a_fight_at_the_water_it_is_in(world_gazetteer, text):
    _, incidents, _ = run(text, world_gazetteer)
    assert [(i.event_type, i.place.name, i.date.iso()) for i in incidents] == [("armed_clash", "Kanmon Strait", ("1185-04-25", "1185-04-25"))]


@pytest.mark.parametrize("text", [
    "The Magyars abandoned their ways after the defeat of their forces in 955 at the battle of the Lechfeld, near Augsburg.",
    "The siege of Kiev by the Pechenegs in 955 (sub anno 6463) is narrated in the Chronicle.",
    "The Battle of Silistra occurred in the spring of 955 near the Bulgarian town of Silistra.",
])
def test_a_year_of_three_figures_before_a_place_a_bracket_or_after_a_season_dates_the_event(world_gazetteer, text):
    _, incidents, _ = run(text, world_gazetteer, published=None)
    assert [i.date.iso() for i in incidents] == [("0955-01-01", "0955-12-31")]


def test_a_count_of_three_figures_after_in_is_no_year(world_gazetteer):
    _, incidents, _ = run("In 300 villages near Kiev the rebels attacked.", world_gazetteer, published=None)
    assert incidents and all(i.date is None for i in incidents)


def test_cities_laid_in_ruins_are_each_attacked(world_gazetteer):
    _, incidents, _ = run("In the spring of 1379 the Genoese laid the cities of Grado and Caorle in ruins.", world_gazetteer,
                          published=None)
    assert sorted(i.place.name for i in incidents) == ["Caorle", "Grado"]
    assert {i.date.iso() for i in incidents} == {("1379-03-01", "1379-05-31")}


def test_enemies_driven_from_a_city_is_a_fight_there_in_a_month_of_an_old_year(world_gazetteer):
    _, incidents, _ = run("After having driven the Vandals from the city of Carthage in September of 533, Belisarius "
                          "was confronted by a reinforced enemy.", world_gazetteer, published=None)
    assert [(i.event_type, i.place.name, i.date.iso()) for i in incidents] == [
        ("armed_clash", "Carthage", ("0533-09-01", "0533-09-30"))]


def test_the_battle_that_followed_is_a_fight_at_the_place_it_was_fought_near(world_gazetteer):
    _, incidents, _ = run("Pisani sailed round Italy before he sighted the enemy's fleet. The battle that followed was "
                          "fought within sight of Anzio on the thirtieth of May 1378.", world_gazetteer, published=None)
    assert [(i.event_type, i.place.name, i.date.iso()) for i in incidents] == [("armed_clash", "Anzio", ("1378-05-30", "1378-05-30"))]


@pytest.mark.parametrize("text, kind", [
    ("Volunteers at Homs resisted the authorities, and a severe conflict ensued, in which several were killed.", "armed_clash"),
    ("The rebels won a naval victory over the government forces at Aleppo on Monday.", "armed_clash"),
    ("The tribesmen inflicted such loss upon the garrison at Homs that it had to withdraw.", "armed_clash"),
    ("British planes began bombing Aleppo after an hour.", "air_strike"),
])
def test_a_conflict_that_ensued_a_victory_over_forces_losses_inflicted_and_planes_bombing(world_gazetteer, text, kind):
    _, incidents, _ = run(text, world_gazetteer, published=None)
    assert [i.event_type for i in incidents] == [kind]
    # (the side beaten is no attacker: "a victory over the government forces")
    assert not any("government" in a for i in incidents for a in i.attacker)


def test_who_did_what_came_after_a_participle_of_time_did_the_participle_and_the_falls_after_it(world_gazetteer):
    text = ("After capturing Homs in 1236, Ferdinand III of Castile systematically conquered the cities of the valley. "
            "Aleppo fell in 1246 after a long siege.")
    _, incidents, _ = run(text, world_gazetteer, published=None)
    assert sorted((i.place.name, tuple(i.attacker)) for i in incidents) == [
        ("Aleppo", ("Ferdinand III of Castile",)), ("Homs", ("Ferdinand III of Castile",))]


def test_a_pronoun_that_does_the_deed_is_whom_the_sentences_before_were_about_never_a_place_or_an_event(world_gazetteer):
    text = ("In 1265 Baybars thought the time was right to drive the Franks out. Homs fell in 1265. "
            "On July 7, 1266 he laid siege to Aleppo.")
    _, incidents, _ = run(text, world_gazetteer, published=None)
    assert [i.attacker for i in incidents if i.place.name == "Aleppo"] == [["Baybars"]]
    _, incidents, _ = run("The Sack of Homs took place on February 18, 1512. In March he attacked Aleppo.", world_gazetteer,
                          published=None)
    assert [i.attacker for i in incidents if i.place.name == "Aleppo"] == [[]]


@pytest.mark.parametrize("text, attacker", [
    ("As for Homs, it fell into the hands of the Affghans in March 1842.", ["Affghans"]),
    ("Homs fell to Rákóczi on 21st September, 1703 after a short but bloody siege.", ["Rákóczi"]),
    ("Homs fell without a fight to the triumvirate's forces in 1913.", ["triumvirate's forces"]),
    ("In September 1400 a furious Glyndwr burnt Homs to the ground.", ["Glyndwr"]),
    ("In 1707, English-allied Indigenous tribes attacked the settlement at Homs.", ["English-allied Indigenous tribes"]),
])
def test_whose_hands_a_town_fell_into_a_name_after_its_epithets_and_tribes_are_attackers(world_gazetteer, text, attacker):
    _, incidents, _ = run(text, world_gazetteer, published=None)
    assert [i.attacker for i in incidents] == [attacker]


@pytest.mark.parametrize("text, attacker", [
    ("The Battle of Homs was fought between the English New Model Army, under Oliver Cromwell, and a Scottish army "
     "on 3 September 1650 near Homs.", "English New Model Army"),
    ("The battle of Aleppo was a pitched battle fought between the army of the Fifth Crusade and Ayyubid Egypt on "
     "29 August 1219.", "army of the Fifth Crusade"),
])
def test_a_battle_fought_between_two_sides_names_the_first_as_its_attacker(world_gazetteer, text, attacker):
    _, incidents, _ = run(text, world_gazetteer, published=None)
    assert incidents and all(i.attacker == [attacker] for i in incidents)


def test_the_demonym_capital_right_after_a_place_is_that_place_not_todays_capital(world_gazetteer):
    mentions, incidents, _ = run("In 1868 the expedition marched to Aleppo, the Syrian capital. The city was stormed in "
                                 "April 1868.", world_gazetteer, published=None)
    assert not any(m.place is not None and m.place.name == "Damascus" for m in mentions)
    assert [i.place.name for i in incidents] == ["Aleppo"]
    mentions, _, _ = run("Rebels marched on the Syrian capital in 2012.", world_gazetteer, published=None)
    assert [m.place.name for m in mentions if m.place is not None] == ["Damascus"]


def test_an_army_that_suffered_its_worst_defeat_fought_there(world_gazetteer):
    _, incidents, _ = run("On November 4, 1791, at Homs the Ottoman army suffered its worst defeat of the war.",
                          world_gazetteer, published=None)
    assert [(i.event_type, i.place.name, i.date.iso()) for i in incidents] == [("armed_clash", "Homs", ("1791-11-04", "1791-11-04"))]


@pytest.mark.parametrize("when", ["in mid-September", "in early September", "in the middle of September"])
def test_a_month_with_early_mid_or_late_is_that_month_of_the_year_before(world_gazetteer, when):
    _, incidents, _ = run(f"The Portuguese set out in August 1437. They laid siege to Aleppo {when}.", world_gazetteer,
                          published=None)
    assert [i.date.iso() for i in incidents if i.place.name == "Aleppo"] == [("1437-09-01", "1437-09-30")]


@pytest.mark.parametrize("text, place", [
    # forces expelled from a place were fought there (data/lexicon/fallback_triggers.tsv)
    ("In 1816 the Sultan expelled the rebel forces from their camp around Lahej by force.", "Laḩij"),
    # "the defeat of" an army named in up to six words, "by" its victors, "near" a place
    ("The year 1410 saw the defeat of the army of the Golden Horde by Lithuanian horsemen near Kozelsk.", "Kozel’sk"),
])
def test_forces_expelled_and_the_defeat_of_a_long_named_army_are_fights(world_gazetteer, text, place):
    _, incidents, _ = run(text, world_gazetteer)
    assert [(i.event_type, i.place.name) for i in incidents] == [("armed_clash", place)]


@pytest.mark.parametrize("text, place", [
    ("The Second Battle of Ürümqi was fought in the winter of 1933.", "Ürümqi"),
    ("The Battle of Żarnów was fought on 16 September 1655.", "Żarnów"),
])
def test_a_trigger_reads_a_name_that_begins_with_an_accented_capital(world_gazetteer, text, place):
    # (a row's "[A-Z]" is any Latin capital: geo.text.lexicon.pattern)
    _, incidents, _ = run(text, world_gazetteer, published=None)
    assert [(i.event_type, i.place.name) for i in incidents] == [("armed_clash", place)]


def test_a_fight_takes_the_place_the_sentence_before_opens_with_among_others_it_names(world_gazetteer):
    """"At Frastanz, a few kilometers south-east of Feldkirch, ... The Swiss ... routed Maximilian's army": a sentence that
    opens with "At X," sets the scene of the one after, though it names other places too."""
    text = ("At Frastanz, a few kilometers south-east of Feldkirch, the Habsburg troops had blocked the entry to the "
            "Montafon valley with a wooden fortification. The Swiss used a flanking maneuver and after a hard battle "
            "routed Maximilian's army.")
    _, incidents, _ = run(text, world_gazetteer, published=None)
    assert [(i.event_type, i.place.name) for i in incidents] == [("armed_clash", "Frastanz")]
    # (with no opening place the sentence before still names three, and which one is not said)
    _, incidents, _ = run(text.replace("At Frastanz, a few", "A few"), world_gazetteer, published=None)
    assert [i.place.name for i in incidents] == []


def test_a_town_fallen_to_forces_of_a_three_word_name_is_a_fight_there(world_gazetteer):
    text = "Jeddah was the last stronghold after Mecca and Medina had already fallen to Ibn Saud's Ikhwan forces in 1925."
    _, incidents, _ = run(text, world_gazetteer, published=None)
    assert [(i.event_type, i.place.name, i.date_start) for i in incidents] == [("armed_clash", "Medina", "1925-01-01")]


@pytest.mark.parametrize("text, expected", [
    # the pronoun stands for the town named before it: a second event there, on the day of its own clause
    ("William Eaton and First Lieutenant Presley O'Bannon captured Derna on April 27, 1805, and successfully defended it "
     "on May 13.", [("armed_clash", "Darnah", "1805-04-27"), ("armed_clash", "Darnah", "1805-05-13")]),
    # ... of the verb's own type
    ("The siege of San Sebastian began on 7 July 1813. During the final assault, the troops rampaged through the town "
     "and razed it to the ground.", [("armed_clash", "Donostia / San Sebastián", "1813-07-07"),
                                     ("attack_on_civilians", "Donostia / San Sebastián", "1813-01-01")]),
    # a plan is no event ("ordered ... to besiege it")
    ("The rebels captured Derna on April 27, 1805, and the pasha ordered his army to besiege it on May 13.",
     [("armed_clash", "Darnah", "1805-04-27")]),
])
def test_a_verb_of_war_whose_object_is_it_is_an_event_at_the_town_named_before(world_gazetteer, text, expected):
    _, incidents, _ = run(text, world_gazetteer, published=None)
    assert [(i.event_type, i.place.name, i.date_start) for i in incidents] == expected


def test_where_news_was_received_is_not_where_the_attacks_were(world_gazetteer):
    text = ("Advices received at Madrid on October 31 say that the Moors continue to make desultory attacks on the "
            "Spanish lines. The Arabs and Moors are in fact besieging Melilla.")
    _, incidents, _ = run(text, world_gazetteer, published=None)
    assert [(i.event_type, i.place.name) for i in incidents] == [("armed_clash", "Melilla")]


def test_a_pronoun_after_the_verb_of_a_report_makes_no_second_event(world_gazetteer):
    text = "Some of the men escaped from Andijan jail, when crowds stormed it overnight on May 12-13."
    _, incidents, _ = run(text, world_gazetteer, published="2005-05-20")
    assert [i.event_type for i in incidents] == ["riot"]


def test_a_place_in_a_phrase_of_time_and_place_is_where_the_verb_of_war_coordinated_with_its_verb_happened(world_gazetteer):
    text = ("On 20 July 1776 at Island Flats near Long Island of Holston, the frontier militia under command of Captain "
            "James Thompson met and defeated the Indians.")
    _, incidents, _ = run(text, world_gazetteer, published=None)
    assert [(i.event_type, i.mentions[0].text, i.date_start) for i in incidents] == [("armed_clash", "Island Flats", "1776-07-20")]
