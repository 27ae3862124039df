"""Behaviour of the tagger on phrases in context: precision, tense, story anchors."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.tagger import Tagger

TAGGER = Tagger()
REF = date(2021, 2, 5)  # a Friday

CASES = [
    # (text, phrase, value, reference)
    ("She lost the baby in late September 2020.", "late September 2020", "2020-09", REF),
    ("He was elected last year.", "last year", "2020", REF),
    ("The vote is next week.", "next week", "2021-W06", REF),
    ("It happened on Sept. 27, 2020, at dawn.", "Sept. 27, 2020", "2020-09-27", None),
    ("Profits fell in the third quarter.", "the third quarter", "2020-Q3", REF),
    ("He died two years ago.", "two years ago", "2019", REF),
    ("Prices rose in the 1990s.", "the 1990s", "199", REF),
    ("The law was passed in the '80s.", "the '80s", "198", REF),
    ("The meeting was held on Tuesday.", "Tuesday", "2021-02-02", REF),
    ("The meeting will be held on Tuesday.", "Tuesday", "2021-02-09", REF),
    ("They married on Friday.", "Friday", "2021-02-05", REF),
    # a clock before "on" and a day is a time of that day, in a story too
    ("Operation Barbarossa began at 03:15 on 22 June 1941.", "03:15 on 22 June 1941",
     "1941-06-22T03:15", None),
    # a participle that a modal or "to" governs is no past tense
    ("Schools will stay closed until Tuesday.", "Tuesday", "2021-02-09", REF),
    ("They plan to keep the bridge closed until Monday.", "Monday", "2021-02-08", REF),
    ("The store closed on Tuesday.", "Tuesday", "2021-02-02", REF),
    ("Shares closed higher yesterday.", "yesterday", "2021-02-04", REF),
    ("The plant has been closed since 2019.", "2019", "2019", REF),
    ("She was born in the 20th century.", "the 20th century", "19", REF),
    ("Sales were flat in fiscal 1989.", "fiscal 1989", "1989", REF),
    ("Polls opened on Christmas Eve.", "Christmas Eve", "2020-12-24", REF),
    ("The deal closed on 2021-01-15.", "2021-01-15", "2021-01-15", REF),
    ("The company reports results every quarter.", "every quarter", "P1Q", REF),
    ("The strike lasted three weeks.", "three weeks", "P3W", REF),
    ("Sales rose over the past three months.", "the past three months", "P3M", REF),
    ("He is now in charge.", "now", "PRESENT_REF", REF),
    ("She lived there for a year.", "a year", "P1Y", REF),
    ("It costs $5 a day.", "a day", "P1D", REF),
    ("See you tmrw at the game!", "tmrw", "2021-02-06", REF),
    # a day of the week in a sentence that names the week is a day of that week
    ("The talks resume next week, with a vote on Tuesday.", "Tuesday", "2021-02-09", REF),
    ("this wknd i'm free sat morning", "sat morning", "2021-02-06TMO", REF),
    # posts, one a line: a day told ahead on one line does not date the clock of the next
    ("see you tmrw\nbeen waiting since 6am lol", "6am", "2021-02-05T06:00", REF),
    # a day of the month without a tense: the nearer one
    ("back to work on the 1st smh", "the 1st", "2021-03-01", date(2021, 2, 20)),
    # a year that opens a sentence after one that ends with a number
    ("She became Earl in 1838.\n\nBetween 1842 and 1843 she wrote.", "1842", "1842", None),
    # "that November" is in the story's latest year, however coarse that date
    ("The notes came out in September 1843. She fell ill in the summer of 1852 and died that "
     "November.", "that November", "1852-11", None),
    ("It spent $4 billion, twice what it spent in the same period last year.",
     "the same period last year", "2020", REF),
    # "by" a date in the past perfect: done by then, not before the story's time
    ("She arrived in April 1932. By the end of May she had found work.", "the end of May", "1932-05",
     None),
    # a post a line: a long post line is still shorter than wrapped prose
    ("omg the concert is TOMORROW night and i still don't have a ride\njust landed in lisbon!! back "
     "home on the 28th\ncan't believe it's been 10 yrs since we graduated, class of 2016 reunion next "
     "sat??", "the 28th", "2021-02-28", date(2021, 2, 20)),
    # "around" or "about" a date: approximate, and part of the expression (as TimeML writes it)
    ("The plant will close around Nov. 1.", "around Nov. 1", "2021-11-01", REF),
    ("The mill was built about 1850.", "about 1850", "1850", REF),
    # the past perfect comes before the story's time, which "mid-December" holds to its end
    ("Napoleon entered Moscow on 14 September 1812. By mid-December the army had crossed the "
     "Niemen. Napoleon had left it on 5 December.", "5 December", "1812-12-05", None),
    # a post shouts in capitals; a name in capitals follows capitals
    ("omg the concert is TOMORROW night", "TOMORROW night", "2021-02-06TNI", REF),
    # a future "... later" counts from the date ahead, not from a past one told after it
    ("The probe will launch on Feb. 20. A first try, set for Feb. 1, was called off. It will "
     "reach orbit about five days later.", "about five days later", "2021-02-25", REF),
    ("Doors open at 11pm tonight.", "11pm tonight", "2021-02-05T23:00", REF),
    # a clock time right after a written day is on that day
    ("Posted Monday, March 4, 2024 at 10:00 AM EST", "10:00 AM EST", "2024-03-04T10:00", date(2024, 3, 1)),
    ("It closes Tuesday 5 March at 17:00.", "17:00", "2024-03-05T17:00", date(2024, 3, 1)),
    # a clock time followed by "on" and a day is a time of that day
    ("We reopen shortly after midnight on Boxing Day.", "midnight on Boxing Day", "2023-12-26T00:00",
     date(2023, 11, 20)),
    ("The shop closed at 2.30pm on 24 Dec.", "2.30pm on 24 Dec", "2022-12-24T14:30", date(2023, 3, 20)),
    ("The ceasefire took effect at 6 a.m. local time on Sunday.", "6 a.m. local time on Sunday",
     "2024-03-10T06:00", date(2024, 3, 15)),
    # a year that opens the sentence sets the year of a day without one
    ("In 2019, the plant closed on March 5.", "March 5", "2019-03-05", date(2024, 3, 15)),
    ("Last year, the shop closed on 24 Dec.", "24 Dec", "2023-12-24", date(2024, 3, 15)),
    ("In 2019 sales fell, the company said on March 5.", "March 5", "2024-03-05", date(2024, 3, 15)),
    ("It was the worst storm since 2005, when Katrina struck in late August.", "late August",
     "2005-08", date(2023, 9, 14)),
    ("Under a plan approved in 1987, it bought shares through Sept. 29.", "Sept. 29", "2023-09-29",
     date(2024, 3, 15)),
    # the text's own unambiguous numeric date decides the order of the others
    ("Filed 25/12/2023. Updated 04/03/2024.", "04/03/2024", "2024-03-04", date(2024, 3, 1)),
    ("Filed 12/25/2023. Updated 04/03/2024.", "04/03/2024", "2024-04-03", date(2024, 3, 1)),
    ("Updated 04/03/2024.", "04/03/2024", "2024-04-03", date(2024, 3, 1)),
    # a holiday in a past told in an earlier year is that year's; a month range takes its year
    ("In the summer of 2018 I baked for a stall, and by Christmas I had a waiting list.", "Christmas",
     "2018-12-25", date(2026, 11, 16)),
    ("We will be busy by Christmas.", "Christmas", "2026-12-25", date(2026, 11, 16)),
    ("Consultation ran June to August last year.", "June", "2025-06", date(2026, 11, 22)),
    ("He said the March deadline will be met.", "March", "2027-03", date(2026, 11, 23)),
    ("He was arrested and released on bail until 4 January.", "4 January", "2027-01-04", date(2026, 11, 20)),
    ("The road was closed until 3 November.", "3 November", "2026-11-03", date(2026, 11, 20)),
    ("Shoppers flocked to stores on Black Friday.", "Black Friday", "2025-11-28", date(2026, 11, 26)),
    ("The Christmas parade was called off.", "Christmas", "2026-12-25", date(2026, 11, 26)),
    ("Retailers were mixed ahead of Black Friday.", "Black Friday", "2026-11-27", date(2026, 11, 24)),
    ("The ceremony is at half past two on Friday.", "half past two on Friday", "2026-11-27T14:30",
     date(2026, 11, 23)),
    # a post's updates come after it: "UPDATE (19 Nov)" in a post of 2 November is that November
    ("Moved out.\n\nUPDATE (19 Nov): He offered £450 back.", "19 Nov", "2026-11-19", date(2026, 11, 2)),
    ("Moved out.\n\nFINAL UPDATE 3 December: full deposit back!", "3 December", "2026-12-03",
     date(2026, 11, 2)),
    # ... and "UPDATE 2 days later" counts from the post, not from the last day it told
    ("I emailed him on 14 October.\n\nUPDATE 2 days later: the scheme has contacted him.",
     "2 days later", "2026-11-04", date(2026, 11, 2)),
    # "since" a date is a state up to now, not a story's year that goes on
    ("He has had the deposit since September 2024.\n\nI emailed him on 14 October.", "14 October",
     "2026-10-14", date(2026, 11, 2)),
    # a quarter "of" a fiscal year's label is that quarter of the label's year
    ("Results for the third quarter of FY27 are due.", "the third quarter of FY27", "2027-Q3",
     date(2026, 11, 12)),
    # a range under way, and one whose end comes after its start
    ("The exhibition runs from October to January.", "October", "2026-10", date(2026, 11, 12)),
    ("The exhibition ran from October to January.", "October", "2025-10", date(2026, 11, 12)),
    # "the last night of" a festival is an ordinal, no past tense
    ("Music on the last night of Hanukkah.", "Hanukkah", "2026-12-05", date(2026, 11, 24)),
    # looking back in an undated changelog: before the story's time, not after it
    ("## [3.2.0] - 2026-11-18\n- Export to CSV (requested back in March).", "March", "2026-03", None),
    # a season that opens the sentence gives its year to a day inside it
    ("In the winter of 2019 it snowed on 5 January.", "5 January", "2020-01-05", date(2026, 11, 26)),
    # a day given ahead: "listed for the week of 8 February" (in November) is next year's
    ("A hearing is listed for the week of 8 February.", "the week of 8 February", "2027-W06",
     date(2026, 11, 20)),
    # a story's year goes on, but not to a day just gone: this October
    ("At a trial in June 2025, the judge found for the company.\n\nThe appeal was heard on 15 "
     "October.", "15 October", "2026-10-15", date(2026, 11, 20)),
    ("The first warning came on March 3, 2025.\n\nThe bank was closed on a Friday in June.", "June",
     "2025-06", date(2026, 11, 22)),
    # a weekday counted from a day told after it is one expression with it
    ("Voting is on the first Tuesday after the first Monday in November.",
     "the first Tuesday after the first Monday in November", "2026-11-03", date(2026, 11, 25)),
    ("He died on the Sunday after Easter 1952.", "the Sunday after Easter 1952", "1952-04-20",
     date(2026, 11, 25)),
    ("The party is on the Friday before Christmas.", "the Friday before Christmas", "2026-12-18",
     date(2026, 11, 25)),
    ("We met on the second Saturday before Christmas 2019.", "the second Saturday before Christmas 2019",
     "2019-12-14", date(2026, 11, 25)),
    # what a warning or a plan has been set for lies ahead, whatever the tense of setting it
    ("An amber warning has been issued for much of England from 6pm on Thursday.", "6pm on Thursday",
     "2026-11-26T18:00", date(2026, 11, 25)),
    ("A strike has been called for Monday.", "Monday", "2026-11-30", date(2026, 11, 25)),
    ("A man has been charged after a stabbing on Friday.", "Friday", "2026-11-20", date(2026, 11, 25)),
    # a phrase telling the occasion of the main clause takes its tense
    ("Speaking at the summit in Paris on Monday, Ms Ortiz said talks would resume.", "Monday",
     "2026-11-23", date(2026, 11, 25)),
]

NOT_DATES = [
    ("The 34-year-old model lost her son.", "34-year-old"),
    ("About 40% of PCs still ran Office 2021 as of September.", "2021"),  # a product's name
    ("Windows 2000 was popular.", "2000"),
    ("The helpline is open 24/7.", "24/7"),
    ("The 1975 played the first of three nights at the O2.", "1975"),
    ("The furnace reached 1500 degrees.", "1500"),
    ("Battery life was 11:40, up from 9:15 on the old model.", "9:15"),
    ("She has Luna, four, and Miles, two.", "Luna, four"),
    ("The house sold for $23.95 million (around R351m!).", "$23.95 million"),
    ("The firm earned $2020 last quarter.", "2020"),
    ("Unemployment reached 1998 people in the town.", "1998"),
    ("as USA TODAY reported", "TODAY"),
    ("You may go now that it is over.", "may"),
    ("Teigen, 35, shared photos.", "35"),
    ("She was 10 weeks along.", "10 weeks along"),
    ("Subscribe to our Free Daily Newsletter.", "Daily"),
    ("The score was 21-14 at half time.", "21-14"),
    ("He was arrested at this march in each of the last three years.", "this march"),
    ("She scored 3/4 of the goals.", "3/4"),
    ("I sat next to him on Sun Street.", "Sun"),
    ("We wed next sat on the porch.", "sat"),
    ("They met at the Mon 5 restaurant.", "Mon 5"),
    ("The Fed raised rates by a quarter percentage point.", "a quarter"),
    ("More than a quarter of voters agreed.", "a quarter"),
    ("It was a day of mourning.", "a day"),
    ("Two break-ins were reported, the most recent on 2 November.", "recent"),
    ("May I ask a question?", "May"),
    ("Patients in their 40s and 50s are eligible.", "50s"),
]


@pytest.mark.parametrize(("text", "phrase", "value", "ref"), CASES)
def test_phrase_in_context(text: str, phrase: str, value: str, ref: date | None) -> None:
    found = {t.text: t.value for t in TAGGER.tag(text, ref)}
    assert found.get(phrase) == value, found


@pytest.mark.parametrize(("text", "phrase"), NOT_DATES)
def test_not_a_date(text: str, phrase: str) -> None:
    start = text.index(phrase)
    span = (start, start + len(phrase))
    bad = [t for t in TAGGER.tag(text, REF) if t.type in ("DATE", "TIME")
           and t.start < span[1] and span[0] < t.end]
    assert bad == []


def test_story_anchor_uses_last_date_fine_enough() -> None:
    text = ("The couple lost their son in late September 2020. She revealed her pregnancy "
            "last year. This month is hard. About a month later, she wrote an essay.")
    found = {t.text: t for t in TAGGER.tag(text, REF)}
    later = found["About a month later"]
    assert later.value == "2020-10"
    assert later.anchor == "story"
    assert found["This month"].value == "2021-02"


NARRATIVE = ("In the spring of 1862, Hale enlisted. Three weeks later he saw his first battle. "
             "That summer the regiment marched east, and by September it reached Maryland. "
             "On September 14 the men climbed the mountain. Two days later they waited by the "
             "creek. He spent the winter in a hospital. In February he wrote that he hoped to be "
             "home by Easter. On Sunday he walked again. He moved to Kansas in 1871.")


@pytest.mark.parametrize(("phrase", "value"), [
    ("Three weeks later", "1862-SP"),  # the story's latest date, though coarser than weeks
    ("That summer", "1862-SU"),
    ("September", "1862-09"),
    ("September 14", "1862-09-14"),
    ("Two days later", "1862-09-16"),
    ("February", "1863-02"),  # well before September: the story moved into the next year
    ("Easter", "1863-04-05"),  # the next Easter after February 1863
    ("1871", "1871"),
])
def test_narrative_mode_places_dates_from_the_story(phrase: str, value: str) -> None:
    found = {t.text: t for t in TAGGER.tag(NARRATIVE, None)}
    assert found[phrase].value == value
    assert found[phrase].anchor in ("story", "absolute")


def test_narrative_weekday_and_deictic_follow_the_story_day() -> None:
    text = "On Friday, May 2, 1862 the order came. On Sunday they left. \"Yesterday we rested.\""
    found = {t.text: t.value for t in TAGGER.tag(text, None)}
    assert found["Sunday"] == "1862-05-04"
    assert found["Yesterday"] == "1862-05-03"


def test_narrative_month_after_the_end_of_a_year_is_of_the_next() -> None:
    text = ("The siege began on 7 September 1941. By the end of the year thousands were dying. "
            "In January the ice road opened. In 1943 it ended. Three years after that, they rebuilt.")
    found = {t.text: t.value for t in TAGGER.tag(text, None)}
    assert found["January"] == "1942-01"
    assert found["Three years after that"] == "1946"


def test_narrative_offset_prefers_a_finer_date_inside_the_latest() -> None:
    text = "On May 3, 1862 he left. That year was hard. Two days later he wrote home."
    found = {t.text: t.value for t in TAGGER.tag(text, None)}
    assert found["Two days later"] == "1862-05-05"


@pytest.mark.parametrize(("text", "phrase", "value", "mod"), [
    ("In 1898 they worked; by the end of that year they were done.", "the end of that year",
     "1898", "END"),
    ("In 1990 it began. By the end of the year it was over.", "the end of the year", "1990", "END"),
    ("In 1990 it began. Early the next year it ended.", "Early the next year", "1991", "START"),
    ("In 1934 she died. Sixty-one years afterwards, she was moved.", "Sixty-one years afterwards",
     "1995", None),
])
def test_narrative_anaphora_keep_their_modifier(text: str, phrase: str, value: str,
                                                 mod: str | None) -> None:
    found = {t.text: t for t in TAGGER.tag(text, None)}
    assert (found[phrase].value, found[phrase].mod) == (value, mod)


NOVEL = ("On a cold morning in February 1947, Elsa left Hamburg. The ship sailed at dawn. "
         "By the end of the week the ship "
         "had reached the Azores. That afternoon she wrote home. On the following Monday a storm "
         "broke. When it cleared, on the Thursday, the captain spoke. They reached Halifax on "
         "March 2. By Christmas she had saved enough. Years later, in an interview in 1988, she "
         "spoke of it.")


@pytest.mark.parametrize(("phrase", "value"), [
    ("dawn", "1947-02"),  # not the inferred reference's (1988's last) morning
    ("the end of the week", "1947-02"),  # some week of that February, not the one of Feb. 1
    ("That afternoon", "1947-02"),
    ("the following Monday", "1947-02"),  # not after the inferred reference (1988's end)
    ("Thursday", "1947-02"),
    ("March 2", "1947-03-02"),  # so the story stays in 1947
    ("Christmas", "1947-12-25"),
])
def test_narrative_days_without_a_known_day_stay_in_the_story(phrase: str, value: str) -> None:
    found = {t.text: t for t in TAGGER.tag(NOVEL, date(1988, 12, 31), narrative=True)}
    assert (found[phrase].value, found[phrase].anchor) == (value, "story")


def test_narrative_weekday_after_a_week_is_the_next_one() -> None:
    text = "In the week of 3 March 1947 the ship sailed. The following Monday it docked."
    found = {t.text: t.value for t in TAGGER.tag(text, date(1988, 12, 31), narrative=True)}
    assert found["The following Monday"] == "1947-03-10"


def test_news_mode_keeps_the_publication_date_for_months() -> None:
    text = "The plan was agreed in the spring of 1999. In September the council will vote."
    found = {t.text: t.value for t in TAGGER.tag(text, date(2021, 2, 5))}
    assert found["September"] == "2021-09"


def test_without_reference_relative_dates_stay_unresolved() -> None:
    found = {t.text: t for t in TAGGER.tag("It rained last year and on Friday.", None)}
    assert found["last year"].value == "PAST_REF"
    assert found["Friday"].value.startswith("XXXX")
    found = {t.text: t.value for t in TAGGER.tag("That summer Anna turned twelve. That night "
                                                  "she slept.", None)}
    assert found == {"That summer": "XXXX-SU", "That night": "XXXX-XX-XXTNI"}


def test_spans_do_not_overlap_and_match_text() -> None:
    text = "From March 3, 2001 to 2009, and again last week, every day at 9 a.m. Friday."
    timexes = TAGGER.tag(text, REF)
    for a, b in zip(timexes, timexes[1:], strict=False):
        assert a.end <= b.start
    for t in timexes:
        assert text[t.start:t.end] == t.text


_VALUE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF|\d{2,4}|BC\d{2,4}|[\dX]{4}(?:-(?:[HQ][1-4X]|SP|SU|FA|WI|W[\dX]{1,2}"
    r"(?:-WE|-\d(?:T\d{2}:\d{2})?)?|[\dX]{2}(?:-[\dX]{2}(?:T(?:MO|AF|EV|NI|\d{2}:\d{2}))?)?))?"
    r"|P(?:T?[\dX.]+[YMWDHSQ]|X[YMWDQ]|T?[\dX.]+(?:DE|CE)))$")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_input_is_safe(text: str) -> None:
    timexes = TAGGER.tag(text, REF)
    last_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= last_end
        assert text[t.start:t.end] == t.text
        assert _VALUE.match(t.value), t.value
        last_end = t.end


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["in", "May", "3", "1998", "last", "year", "the", "1990s", "ago",
                                 "two", "weeks", "Friday", "-", ",", "later", "every", "$",
                                 "Sept.", "27", "quarter", "third", "early", "now", ".", "BC",
                                 "AD", "century", "5th", "at", "noon", "of", "that"]),
                max_size=30))
def test_date_like_soup_is_safe(words: list[str]) -> None:
    text = " ".join(words)
    for t in TAGGER.tag(text, REF):
        assert text[t.start:t.end] == t.text
        assert _VALUE.match(t.value), (t.text, t.value)


@pytest.mark.parametrize("text", ["She was in her 30s then.", "He is in his early forties.",
                                  "a man in his mid-30s", "when they were in their twenties"])
def test_a_decade_after_a_possessive_is_an_age(text: str) -> None:
    from datetime import date

    from timeline_app.core.tagger import default_tagger

    assert default_tagger().tag(text, reference=date(2021, 4, 1)) == []


def test_a_four_digit_decade_after_a_possessive_stays_a_decade() -> None:
    from datetime import date

    from timeline_app.core.tagger import default_tagger

    assert [t.value for t in default_tagger().tag("his 1990s albums", reference=date(2021, 4, 1))] == ["199"]


def test_the_reporting_quarter_is_one_that_has_ended() -> None:
    """An expected charge in a quarter still running reports no results: "a year ago" and
    "the latest quarter" stay on the quarter reported before it; a fiscal quarter "ended" a
    month ago has ended, whatever its number."""
    text = ("Net income rose in the third quarter, from $85 million a year ago. The company "
            "expects a fourth-quarter charge. Sales fell in the latest quarter, compared with "
            "$6 million a year ago.")
    values = [(t.text, t.value) for t in TAGGER.tag(text, date(1989, 11, 2))]
    assert values == [("the third quarter", "1989-Q3"), ("a year ago", "1988-Q3"),
                      ("fourth-quarter", "1989-Q4"), ("the latest quarter", "1989-Q3"),
                      ("a year ago", "1988-Q3")]
    fiscal = "Profit fell in its fourth quarter ended Sept. 30, from $4 million a year ago."
    assert [t.value for t in TAGGER.tag(fiscal, date(1989, 11, 2)) if t.text == "a year ago"] == [
        "1988-Q4"]
    fiscal = ("Revenue for its third quarter of fiscal 2026, which ended October 26, rose 62% "
              "from a year earlier.")
    assert [t.value for t in TAGGER.tag(fiscal, date(2025, 11, 20)) if t.text == "a year earlier"] == [
        "2025-Q3"]


@pytest.mark.parametrize("text", [
    'James Baker said on ABC-TV\'s "This Week With David Brinkley" that talks failed.',
    "a picture of Gary Cooper from the film ``High Noon.'' It helped",
])
def test_quoted_titles_are_no_dates(text: str) -> None:
    assert TAGGER.tag(text, date(1998, 8, 11)) == []


def test_a_quoted_sentence_keeps_its_dates() -> None:
    found = [t.text for t in TAGGER.tag('"On Friday, we left," he said. "This week we go." '
                                        "``Today, I'm here,'' she said.", date(1998, 8, 11))]
    assert found == ["Friday", "This week", "Today"]


def test_the_tense_of_a_date_comes_from_its_own_clause_first() -> None:
    text = "Inflation hit 5.5% in January, the highest in 30 years, and is expected to peak in April."
    values = {t.text: t.value for t in TAGGER.tag(text, date(2022, 3, 3))}
    assert values["January"] == "2022-01" and values["April"] == "2022-04"


def test_a_duration_after_a_date_and_a_comma_is_kept() -> None:
    text = "Russian forces entered Ukraine on Feb. 24, a week after talks in Munich collapsed."
    assert [(t.text, t.value) for t in TAGGER.tag(text, date(2022, 3, 3))] == [
        ("Feb. 24", "2022-02-24"), ("a week", "P1W")]


def test_clock_times_before_their_day_take_that_day() -> None:
    text = "The attack happened at about 2:15 p.m. local time (1115 GMT) on Wednesday."
    found = {t.text: t.value for t in TAGGER.tag(text, date(2025, 6, 12))}
    assert found == {"about 2:15 p.m.": "2025-06-11T14:15", "1115 GMT": "2025-06-11T11:15",
                     "Wednesday": "2025-06-11"}


def test_a_clock_time_in_a_past_sentence_takes_the_day_of_the_time_before() -> None:
    text = ("Police were called at around 1.40am on Sunday. The victim was pronounced dead "
            "at 2.15am.")
    found = {t.text: t.value for t in TAGGER.tag(text, date(2025, 7, 21))}
    assert found["2.15am"] == "2025-07-20T02:15"


def test_around_a_date_makes_it_approximate_but_a_topic_is_not() -> None:
    def mods(text: str) -> list[tuple[str, str | None]]:
        return [(t.text, t.mod) for t in TAGGER.tag(text, REF)]
    assert mods("The mill was built around 1850.") == [("around 1850", "APPROX")]
    assert mods("They talked about 2020 plans.") == [("2020", None)]
    assert mods("Lawyers will get around Wednesday's ruling.") == [("Wednesday", None)]


def test_a_news_story_told_in_an_earlier_year_keeps_that_year() -> None:
    text = ("The first warning came on March 3, 2025. Two days later the chairman spoke. The bank "
            "was closed on a Friday in June. Its chief was arrested the next morning. The August "
            "1988 cease-fire held, and Iraq invaded Kuwait on Aug. 2.")
    values = {t.text: t.value for t in TAGGER.tag(text, date(2026, 11, 22))}
    assert values["June"] == "2025-06"  # the story's year, not the reference's
    assert values["the next morning"] == "2025-06"  # a day of that June, not 6 March
    assert values["Aug. 2"] == "2026-08-02"  # a year named as an attribute is not the story's


def test_relative_seasons_at_the_calendars_first_year_neither_hang_nor_raise() -> None:
    tagger = TAGGER
    for text in ("In AD 1 it rained. Last winter was cold.", "In AD 1 it rained. Next spring came.",
                 "In AD 1 it rained. This past summer was dry. Last November too."):
        for timex in tagger.tag(text, None):
            assert text[timex.start:timex.end] == timex.text


def test_a_day_under_a_heading_of_plans_is_ahead_and_one_of_a_counted_day_is_unknown() -> None:
    tagger = TAGGER
    written = date(2026, 11, 20)  # a Friday
    [day] = tagger.tag("# Status\n\n## Next steps\n- Load test on Tuesday.\n", written)
    assert day.value == "2026-11-24"
    [day] = tagger.tag("# Status\n\n## Done\n- Load test on Tuesday.\n", written)
    assert day.value == "2026-11-17"
    [clock] = tagger.tag("Liftoff is targeted for 14:32 UTC on the first day of the window.", written)
    assert clock.value == "XXXX-XX-XXT14:32"


def test_a_month_just_gone_told_ahead_is_next_years_but_not_after_an_opening_date() -> None:
    written = date(2026, 11, 24)
    [month] = TAGGER.tag("The opening will be in October.", written)
    assert month.value == "2027-10"
    [month] = TAGGER.tag("In October, it announced plans to expand.", written)
    assert month.value == "2026-10"


def test_a_schedule_ahead_keeps_its_year_for_the_days_after_it() -> None:
    values = [t.value for t in TAGGER.tag(
        "The calendar puts Nevada first, on Feb. 12, 2028, followed by South Carolina a week later "
        "and Super Tuesday on March 7.", date(2026, 11, 24))]
    assert values == ["2028-02-12", "2028-W07", "2028-03-07"]
    values = [t.value for t in TAGGER.tag(
        "Lin will take over on 1 January from Park, who announced his retirement in June.",
        date(2025, 11, 3))]
    assert values == ["2026-01-01", "2025-06"]


def test_a_story_goes_on_from_its_own_time_after_a_date_reached_back_to() -> None:
    values = [t.value for t in TAGGER.tag(
        "Ellen arrived in the spring of 1952. He showed her the logbook, which went back to 1871. "
        "By the following spring she was alone. Tomas had died in the winter.", None)]
    assert values == ["1952-SP", "1871", "1953-SP", "1952-WI"]


def test_a_sports_season_is_a_year_and_a_seasons_timetable_no_date() -> None:
    [season, month] = TAGGER.tag("The Hawks reached the conference finals in the playoffs. Opening night "
                                 "of next season is expected in late October.", date(2026, 11, 24))
    assert (season.value, season.mod, month.value) == ("2027", "APPROX", "2027-10")
    assert [t.text for t in TAGGER.tag("During the winter timetable, which started on 1 November, "
                                       "there are six sailings.", date(2026, 11, 20))] == ["1 November"]


def test_office_and_post_shorthand() -> None:
    written = date(2026, 11, 23)
    assert [t.value for t in TAGGER.tag("Accruals: EOD 4 Dec", written)] == ["2026-12-04"]
    values = [t.value for t in TAGGER.tag("My tenancy started back in Sept 2023.\n\nEDIT (11/23): he has "
                                          "now replied.", written)]
    assert values[:2] == ["2023-09", "2026-11-23"]
    assert [t.value for t in TAGGER.tag("We will be back in the New Year.", written)] == ["2027"]
    [after] = [t for t in TAGGER.tag("September was the second warmest on record, after September 2023, "
                                     "and a heatwave in early October broke records.", written)
               if t.text == "early October"]
    assert after.value == "2026-10"


def test_each_chat_message_is_read_against_its_own_stamp() -> None:
    text = ("10/11/2026, 09:15 - Priya: yes! last week was brutal though\n"
            "14/11/2026, 11:02 - Sam: great quiz on Thursday, we came second!\n"
            "14/11/2026, 11:05 - Priya: rematch next week?\n")
    values = {t.text: t.value for t in TAGGER.tag(text, date(2026, 11, 20))}
    assert values["last week"] == "2026-W45"
    assert values["Thursday"] == "2026-11-12"
    assert values["next week"] == "2026-W47"


def test_a_story_goes_on_after_a_flash_forward_and_an_age_beside_its_day() -> None:
    values = {t.text: t.value for t in TAGGER.tag(
        "In 1833 she met Babbage. Their correspondence lasted until his death in the 1870s. Two years "
        "later she married. She died on 27 November 1852, at the age of 36. A century later her notes "
        "were found.", None)}
    assert values["Two years later"] == "1835"
    assert values["A century later"] == "1952"


def test_the_day_a_plan_was_moved_to_is_ahead_but_a_move_to_a_place_is_not() -> None:
    written = date(2026, 11, 24)
    assert [t.value for t in TAGGER.tag("The meeting was moved up a day to Wednesday.", written)] == [
        "2026-11-25"]
    assert [t.value for t in TAGGER.tag("The hearing was moved to 3 March.", written)] == ["2027-03-03"]
    assert [t.value for t in TAGGER.tag("He moved to Leeds on Friday.", written)] == ["2026-11-20"]


def test_a_forecasts_weekday_subjects_are_ahead_and_an_appeals_clock_is_the_incidents_day() -> None:
    written = date(2026, 11, 23)  # a Monday
    values = [t.value for t in TAGGER.tag("Tuesday brings rain to the west. Wednesday and Thursday stay "
                                          "cold.", written)]
    assert values == ["2026-11-24", "2026-11-25", "2026-11-26"]
    [_, clock] = TAGGER.tag("A cyclist was injured on Friday evening. Anyone with footage from 6.15pm is "
                            "asked to call 101.", written)
    assert clock.value == "2026-11-20T18:15"


def test_a_day_a_present_is_sets_is_ahead() -> None:
    written = date(2026, 11, 24)  # a Tuesday
    assert [t.value for t in TAGGER.tag("The deadline is 1 October.", written)] == ["2027-10-01"]
    assert [t.value for t in TAGGER.tag("The deadline was 1 October.", written)] == ["2026-10-01"]
    # (one expression: the range is of that Saturday)
    assert [t.value for t in TAGGER.tag("The event is 2-4pm Saturday.", written)] == ["2026-11-28T14:00"]
    assert [t.value for t in TAGGER.tag("Her birthday is in March.", written)] == ["2027-03"]


def test_lunar_festivals_are_spans_from_the_generated_calendar() -> None:
    """Ramadan, Passover and Hanukkah last several days; Eid and Diwali are one day."""
    ref = date(2026, 11, 25)
    found = {t.text: t for t in TAGGER.tag("Shops stayed open late during Ramadan, and Diwali was "
                                           "quiet. Hanukkah begins next month; Eid al-Adha comes "
                                           "in May.", ref)}
    ramadan = found["Ramadan"]
    assert ramadan.value == "2026-02-18" and ramadan.until is not None
    assert ramadan.until.start == date(2026, 3, 19)
    assert found["Diwali"].value == "2026-11-08" and found["Diwali"].until is None
    hanukkah = found["Hanukkah"]
    assert hanukkah.value == "2026-12-05" and hanukkah.until is not None
    assert hanukkah.until.start == date(2026, 12, 12)
    assert found["Eid al-Adha"].value == "2027-05-16"


def test_an_ordinal_last_is_no_relative_date() -> None:
    assert [t.text for t in TAGGER.tag("Music on the last night of the festival, and in the last week "
                                       "of the campaign.", date(2026, 11, 24))] == []


def test_a_possessive_day_told_ahead_is_the_coming_one() -> None:
    friday = date(2026, 11, 27)
    found = {t.text: t.value for t in TAGGER.tag("Sunday's Antiques Roadshow comes from Kew Gardens and "
                                                 "was filmed in June.", friday)}
    assert found["Sunday"] == "2026-11-29"
    found = {t.text: t.value for t in TAGGER.tag("Wednesday's ruling was a blow.", friday)}
    assert found["Wednesday"] == "2026-11-25"


def test_eid_alone_is_the_eid_the_text_named() -> None:
    text = ("Millions began the journey home for Eid al-Fitr. Last year, the peak came three days "
            "before Eid.")
    found = {t.text: t.value for t in TAGGER.tag(text, date(2026, 3, 14))}
    assert found["Eid"] == "2025-03-30", found  # (al-Fitr 2025, not al-Adha on 6 June)
    found = {t.text: t.value for t in TAGGER.tag("Markets were busy before Eid.", date(2026, 6, 10))}
    assert found["Eid"] == "2026-05-27", found  # (no Eid named: the last one, al-Adha)


def test_deadlines_and_days_ahead_of_an_event() -> None:
    found = {t.text: t.value for t in TAGGER.tag(
        "Items bought in December can be returned until 31 January.", date(2026, 11, 26))}
    assert found["31 January"] == "2027-01-31"
    found = {t.text: t.value for t in TAGGER.tag(
        "Security has been tightened ahead of the Republic Day parade on Monday.", date(2026, 1, 24))}
    assert found["Monday"] == "2026-01-26"
    found = {t.text: t.value for t in TAGGER.tag(
        "Shops reported a rush, with Passover beginning at sundown on Wednesday.", date(2027, 4, 12))}
    assert found["Wednesday"] == "2027-04-14"


def test_a_week_in_review_and_a_promise() -> None:
    text = ("Monday: The chancellor set out spending plans for schools, promising an extra £2bn from "
            "April.\n\nTuesday: MPs voted to approve the planning bill.")
    found = {t.text: t.value for t in TAGGER.tag(text, date(2026, 11, 21))}
    assert found == {"Monday": "2026-11-16", "April": "2027-04", "Tuesday": "2026-11-17"}
    assert [t.value for t in TAGGER.tag("It was a promising start in March.", date(2026, 11, 21))] == [
        "2026-03"]
