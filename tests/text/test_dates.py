from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.model import DateRange
from geo.text.dates import ORDINAL_DAY, nearest_day, parse_anchor, relative, resolve


def r(text, anchor):
    got, _ = resolve(text, parse_anchor(anchor))
    return (got.start.isoformat(), got.end.isoformat(), got.precision) if got else None


def test_weekend_before_a_wednesday():
    assert r("struck three Iranian nuclear facilities over the weekend", "2025-06-25") == ("2025-06-21", "2025-06-22", "range")


def test_last_week_with_an_uncertain_writing_date_is_the_union():
    # Written between Sunday 22 and Tuesday 24 June: "last week" may be 9-15 or 16-22 June.
    assert r("drones were launched toward US bases in Iraq last week", "2025-06-22/2025-06-24") == ("2025-06-09", "2025-06-22", "range")


def test_weekday_is_the_latest_such_day_on_or_before_the_anchor():
    assert r("thronged the streets of Tehran on Saturday", "2025-06-28") == ("2025-06-28", "2025-06-28", "day")
    assert r("killed in an Israeli strike on Monday", "2025-06-28") == ("2025-06-23", "2025-06-23", "day")


def test_month_and_year():
    assert r("assassinated in January 2020 in Baghdad", None) == ("2020-01-01", "2020-01-31", "month")
    # a year of the nineteenth century, as a full date has
    assert r("the fleet bombarded the port in May 1898", None) == ("1898-05-01", "1898-05-31", "month")
    # ... with a comma between
    assert r("an explosion killed eleven people in August, 1977", "1979-04-26") == ("1977-08-01", "1977-08-31", "month")
    # a year of the seventeenth century beside a month, as a history gives it (a bare "1632" may count men)
    assert r("It took place on 16 November 1632, between two armies.", None) == ("1632-11-16", "1632-11-16", "day")
    assert r("Magdeburg was stormed in May 1631.", None) == ("1631-05-01", "1631-05-31", "month")


@pytest.mark.parametrize("text, anchor, want", [
    ("26th and 28th October: Ugandan aircraft again bombed Bukoba.", "1978-11-15", ("1978-10-26", "1978-10-28", "range")),
    ("fighting raged between 12 and 14 March near the town", "2024-03-20", ("2024-03-12", "2024-03-14", "range")),
    ("the offensive of October 26-28 took the ridge", "1978-11-15", ("1978-10-26", "1978-10-28", "range")),
    ("shelled from 3 to 5 June 1982, the town fell", None, ("1982-06-03", "1982-06-05", "range")),
    ("raids on December 30 and 31, officials said", "2025-01-02", ("2024-12-30", "2024-12-31", "range")),
    # a full date with an ordinal, of the nineteenth century too
    ("LONDON, December 31st 1899. - The Boers attacked the town", None, ("1899-12-31", "1899-12-31", "day")),
    ("the docks burned on the 3rd of May 1941, the report said", None, ("1941-05-03", "1941-05-03", "day")),
    # ... and of the eighteenth
    ("A blizzard raged on December 31, 1775, as the army charged the walls", None, ("1775-12-31", "1775-12-31", "day")),
    # a night written with a slash
    ("bombers came over on the night of 14/15 March 1941", None, ("1941-03-14", "1941-03-15", "range")),
    ("On the 20th/21st March the docks burned again", "1941-04-02", ("1941-03-20", "1941-03-21", "range")),
    # a day, month and year with dots, as European pages write them (not a version number)
    ("the lighthouse was stormed on 27.7.1941, the report said", None, ("1941-07-27", "1941-07-27", "day")),
    ("Shelling hit the town on 05.03.2024 at noon", "2024-03-07", ("2024-03-05", "2024-03-05", "day")),
    # a night with its weekdays
    ("clashes on the night of Monday 13 to Tuesday 14 May 2024 in the town", None, ("2024-05-13", "2024-05-14", "range")),
    # not a span: "13 people", and a single day
    ("on June 12 and 13 people were killed", "2024-07-01", ("2024-06-12", "2024-06-12", "day")),
    ("on October 26 gunmen killed four", "1978-11-15", ("1978-10-26", "1978-10-26", "day")),
])
def test_a_span_of_days_of_one_month_is_its_range(text, anchor, want):
    assert r(text, anchor) == want


@pytest.mark.parametrize("text, want", [
    ("the siege, fought from 11 May to 23 June 1854 between the armies", ("1854-05-11", "1854-06-23", "range")),
    ("from June 20th to July 16th, 1900 the legations were attacked", ("1900-06-20", "1900-07-16", "range")),
    # its first day in the year before
    ("shelled from December 28 to January 3, 1990, the town held", ("1989-12-28", "1990-01-03", "range")),
    # two dates joined by "and" are no span: the first
    ("on 12 May 1854 and 23 June 1854 the fort was shelled", ("1854-05-12", "1854-05-12", "day")),
    # a span within one month written out twice, weekdays and all
    ("Paris was recaptured from Sunday, May 21 to Sunday, May 28, 1871.", ("1871-05-21", "1871-05-28", "range")),
    # two months of one year: both, and none outside them
    ("In February and March 1890, troops were sent to attack Cotonou.", ("1890-02-01", "1890-03-31", "range")),
    ("from June to August 1944 the city was shelled", ("1944-06-01", "1944-08-31", "range")),
])
def test_a_span_across_months_is_its_range(text, want):
    assert r(text, None) == want


def test_no_anchor_means_no_deictic_date():
    assert r("over the weekend", None) is None


def test_following_day_counts_from_the_previous_event():
    prev = DateRange(date(2025, 6, 21), date(2025, 6, 22), "range")
    got, _ = relative("Iraq's military said the following day that drones hit", prev)
    assert (got.start, got.end) == (date(2025, 6, 22), date(2025, 6, 23))


def test_an_interval_that_ends_before_it_starts_is_no_anchor():
    assert parse_anchor("2024-01-20/2024-01-10") is None
    assert r("on Monday", "2024-01-20/2024-01-10") is None


def test_since_a_day_is_the_period_up_to_the_writing_date():
    assert r("attacked over 100 times since October 17", "2024-01-05") == ("2023-10-17", "2024-01-05", "range")


def test_n_days_after_an_event_named_later_in_the_sentence_is_before_the_other():
    prev = DateRange(date(2024, 7, 20), date(2024, 7, 20), "day")
    text = "The strikes came a day after a drone attack penetrated air defences."
    got, _ = relative(text, prev, text.index("drone attack"))
    assert got.start == got.end == date(2024, 7, 19)
    text = "Drones attacked the base a day after the strikes."
    got, _ = relative(text, prev, text.index("Drones"))
    assert got.start == date(2024, 7, 21)


def test_number_words_past_ten_count_days_from_the_previous_event():
    prev = DateRange(date(1854, 10, 25), date(1854, 10, 25), "day")
    got, words = relative("Eleven days later, the Battle of Inkerman was fought.", prev)
    assert got.start == got.end == date(1854, 11, 5) and words == "Eleven days later"


@pytest.mark.parametrize("text, prev, expected", [
    ("They took Gradsko, a communication hub, on the 24th as cavalry reached Prilep.", date(1918, 9, 15), date(1918, 9, 24)),
    ("They advanced on the 15th and attacked the posts.", date(1815, 6, 19), date(1815, 6, 15)),  # a letter's date: before it
    ("The island was occupied by our troops on the 4th instant.", date(1856, 12, 31), date(1856, 12, 4)),
    ("The fort fell on the 28th ult.", date(1900, 3, 2), date(1900, 2, 28)),
    ("The Alamo fell on the 13th day of a siege.", date(1836, 3, 6), None),  # a day of the siege, not of a month
])
def test_a_day_of_the_month_alone_is_the_one_nearest_the_previous_day(text, prev, expected):
    m = ORDINAL_DAY.search(text)
    got = nearest_day(DateRange(prev, prev, "day"), int(m["day"]), m["which"]) if m else None
    assert (got.start if got else None) == expected
    if got:
        assert got.start == got.end and got.precision == "day"


def test_nearest_day_skips_days_a_month_lacks():
    feb = DateRange(date(2023, 2, 27), date(2023, 2, 27), "day")
    assert nearest_day(feb, 31).start == date(2023, 1, 31)  # February has none; January 31 is nearer than March 31


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)), st.integers(0, 6),
       st.sampled_from(["on Monday", "last week", "over the weekend", "yesterday", "earlier this month", "two days ago"]))
def test_deictic_ranges_are_ordered_and_never_after_the_writing_date(day, extra, phrase):
    anchor = f"{day.isoformat()}/{(day + timedelta(extra)).isoformat()}"
    got, _ = resolve(phrase, parse_anchor(anchor))
    assert got is not None and got.start <= got.end <= day + timedelta(extra)


@pytest.mark.parametrize("text, expected", [
    ("Today marks 16 years since a bomb detonated in Omagh.", (date(1998, 8, 15), date(1998, 8, 15))),
    ("Rockets struck the base, which US troops first used 20 years ago, on Friday.", None),  # not the event's years
    ("The 39th anniversary of the offensive was marked.", (date(1975, 8, 15), date(1975, 8, 15))),
    ("Troops entered Famagusta, the same day in 1974.", (date(1974, 8, 15), date(1974, 8, 15))),
    ("Today in 1704, the Spanish governor surrendered Gibraltar to an Anglo-Dutch fleet.",
     (date(1704, 8, 15), date(1704, 8, 15))),
    ("After twenty years of war the city is in ruins.", None),  # years of a war: no anniversary
    ("134 years ago today, a group of 28 buffalo hunters repulsed a much larger force.",
     (date(1880, 8, 15), date(1880, 8, 15))),
])
def test_an_anniversary_moves_the_day_back_by_its_years(text, expected):
    from geo.text.dates import anniversary

    got = anniversary(DateRange(date(2014, 8, 15), date(2014, 8, 15), "day"), text)
    assert (got[0].start, got[0].end) == expected if expected else got is None


def test_last_night_and_the_earliest_deictic_date():
    """"continued into last night ... last month's ouster": the night before the writing day, not last month."""
    d, words = resolve("Fighting continued into last night in the capital, reversing last month's ouster.",
                       parse_anchor("1992-10-25"))
    assert words == "last night" and d.iso() == ("1992-10-24", "1992-10-25")


@pytest.mark.parametrize("text, want", [
    # the day the event is named by, not the report's "today"
    ("The toll of Saturday's fighting on the river rose to a dozen today.", ("1969-03-15", "1969-03-15", "day")),
    # ... unless another weekday is named: that one
    ("One man was killed on Wednesday as soldiers fired on crowds disputing Monday's vote.", ("1969-03-19", "1969-03-19", "day")),
])
def test_a_weekday_that_owns_the_event(text, want):
    assert r(text, "1969-03-20") == want


def test_a_version_number_is_no_dotted_date():
    from geo.text import dates

    assert dates.resolve("the firmware 1.2.2024.5 was installed", None) == (None, "")


@pytest.mark.parametrize("text, want", [
    ("In early 1865, the Nian leader led his forces into Dengzhou.", ("1865-01-01", "1865-04-30")),
    ("The town was raided in mid-1864.", ("1864-05-01", "1864-08-31")),
    ("Saratoga was hit again in the summer of 1746.", ("1746-06-01", "1746-08-31")),
    # a winter may be its year's first months or its last: both
    ("The fort fell during the winter of 1746.", ("1746-01-01", "1747-02-28")),
    ("Rebels attacked the town in the first half of 1990.", ("1990-01-01", "1990-06-30")),
])
def test_a_part_of_a_year_is_its_months(text, want):
    assert r(text, None) == (*want, "range")


def test_a_bare_year_is_no_date():
    assert r("The ceasefire of 2003 held until the attack.", None) is None


@pytest.mark.parametrize("text, start, end", [
    # a year before 1500 next to its month
    ("The Battle of Tewkesbury, which took place on 4 May 1471, ended the war.", date(1471, 5, 4), date(1471, 5, 4)),
    # a Julian day and, in brackets, its Gregorian day: both, and the days between
    ("On June 14 (25), 1771, Russian troops captured Perekop.", date(1771, 6, 14), date(1771, 6, 25)),
    ("On 26 December (6 January), 1770, the garrison surrendered.", date(1770, 12, 26), date(1771, 1, 6)),
])
def test_an_old_year_and_a_day_of_two_calendars(text, start, end):
    assert resolve(text, parse_anchor("2020-01-01"))[0] == DateRange(start, end, "day" if start == end else "range")


def test_a_bracketed_number_that_is_no_other_calendar_s_day_leaves_the_date_alone():
    """"June 3 (the day after)", "June 3 (30)": not 10 to 13 days later, no second calendar."""
    found = resolve("On June 3 (30) they left.", parse_anchor("1771-12-31"))[0]
    assert found == DateRange(date(1771, 6, 3), date(1771, 6, 3), "day")


@pytest.mark.parametrize("text, year", [
    ("In July 711, the Umayyad forces started blocking the city.", 711),
    ("In 722 AD, Iberian Christians won a battle.", 722),
    ("On 5 May 600 soldiers attacked the town.", None),
    ("In 1877, on 5 May 600 men marched.", 1877),
])
def test_the_latest_year_a_story_tells_reads_three_figure_years_that_surely_say_when(text, year):
    from geo.text.calendar import latest_year_told
    assert latest_year_told(text) == year


@pytest.mark.parametrize("text, want, words", [
    ("The battle was fought on the thirtieth of May 1378.", ("1378-05-30", "1378-05-30"), "thirtieth of May 1378"),
    ("Lippens was killed in Kasongo, on the first of December, 1892.", ("1892-12-01", "1892-12-01"), "first of December, 1892"),
])
def test_a_day_written_as_an_ordinal_word_is_that_day_and_the_words_are_the_text_s(text, want, words):
    got, said = resolve(text, None)
    assert got is not None and (got.start.isoformat(), got.end.isoformat()) == want
    assert said == words and said in text
