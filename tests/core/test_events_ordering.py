"""Events from timexes, titles, ranges, the ordering rule, and merging across articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline_app.core.events import narrow
from timeline_app.core.extract import extract
from timeline_app.core.ingest import Article, read_articles
from timeline_app.core.ordering import in_timeline_order
from timeline_app.core.timeline import build_timeline
from timeline_app.core.titles import make_title


@dataclass
class Item:
    name: str
    earliest: date | None
    latest: date | None
    order: tuple[int, int] = (0, 0)


def test_order_container_before_contained() -> None:
    items = [Item("day", date(2020, 9, 30), date(2020, 9, 30)),
             Item("year", date(2020, 1, 1), date(2020, 12, 31)),
             Item("month", date(2020, 9, 1), date(2020, 9, 30)),
             Item("jan", date(2020, 1, 1), date(2020, 1, 31))]
    assert [i.name for i in in_timeline_order(items)] == ["year", "jan", "month", "day"]


def test_order_ties_by_reporting_order_and_undated_last() -> None:
    items = [Item("undated", None, None, (0, 0)),
             Item("b", date(2020, 1, 1), date(2020, 1, 1), (1, 5)),
             Item("a", date(2020, 1, 1), date(2020, 1, 1), (0, 9))]
    assert [i.name for i in in_timeline_order(items)] == ["a", "b", "undated"]


def test_narrow_late_month_is_last_third() -> None:
    assert narrow(date(2020, 9, 1), date(2020, 9, 30), "END") == (date(2020, 9, 21),
                                                                  date(2020, 9, 30))


def test_title_drops_date_phrase_and_preposition() -> None:
    sentence = "The company filed for bankruptcy in late September 2020."
    start = sentence.index("in late")
    title = make_title(sentence, start + 3, start + 22)
    assert title == "The company filed for bankruptcy"


def test_a_date_that_is_the_subject_stays_in_the_title() -> None:
    sentence = "This month is a rough reminder, I thought the worst was over."
    assert make_title(sentence, 0, len("This month")).startswith("This month is a rough reminder")
    sentence = "Last year, the company filed for bankruptcy."
    assert make_title(sentence, 0, len("Last year")) == "The company filed for bankruptcy"


def test_seed_events(seeds: Path) -> None:
    [article] = read_articles(seeds / "003_0db983b70f3f1a4d.txt")
    result = extract(article)
    by_phrase = {e.date.text: e for e in result.events}
    loss = by_phrase["late September 2020"]
    assert (loss.date.earliest, loss.date.latest) == (date(2020, 9, 21), date(2020, 9, 30))
    assert loss.date.approximate and loss.date.granularity == "month"
    assert "pregnancy loss" in loss.snippet
    assert "now" not in by_phrase  # references to the present are not events
    assert by_phrase["About a month later"].date.anchor == "story"


def test_undated_article_gets_inferred_reference(seeds: Path) -> None:
    [article] = read_articles(seeds / "000_ec34dd9c0ad227e2.txt")
    result = extract(article)
    assert result.reference.source == "inferred"
    assert result.reference.date == date(2020, 9, 30)
    relative = [e for e in result.events if e.date.anchor == "reference"]
    assert relative and all(e.date.approximate for e in relative)


def test_undated_narrative_is_placed_from_its_own_dates() -> None:
    text = ("In the spring of 1862 he enlisted. Three weeks later he saw his first battle. "
            "By September the regiment reached Maryland. In February he wrote home. "
            "He died in January 1910.")
    result = extract(Article("story.txt", text, "story", None))
    assert result.reference.source == "inferred"  # January 1910, the latest date
    values = {t.text: t.value for t in result.timexes}
    assert values["Three weeks later"] == "1862-SP"
    assert values["September"] == "1862-09"
    assert values["February"] == "1863-02"


def test_dct_overrides_reference(seeds: Path) -> None:
    [article] = read_articles(seeds / "000_ec34dd9c0ad227e2.txt")
    result = extract(article, reference=date(2020, 10, 28))
    assert result.reference.source == "dct-option"
    assert any(e.date.text == "earlier this month" and e.date.earliest == date(2020, 10, 1)
               for e in result.events)


def test_range_is_one_period() -> None:
    text = "He led the company from 2001 to 2009 before retiring."
    result = extract(Article("x.txt", text, "x", date(2020, 1, 1)))
    assert len(result.events) == 1
    event = result.events[0]
    assert (event.date.earliest, event.date.latest) == (date(2001, 1, 1), date(2009, 12, 31))


def _article(path: str, text: str, published: date) -> Article:
    return Article(path, text, path, published, "header")


def test_same_event_in_two_articles_merges_and_distinct_ones_stay_apart() -> None:
    a = _article("a.txt", "The bridge over the Elm river was closed to traffic on Tuesday after "
                 "engineers found cracks. The mayor opened a new library on May 2.",
                 date(2023, 5, 11))
    b = _article("b.txt", "Engineers closed the Elm river bridge to traffic on May 9 after "
                 "discovering cracks in its supports.", date(2023, 5, 12))
    timeline = build_timeline([extract(a), extract(b)])
    bridge = [e for e in timeline.events if "bridge" in e.title.lower()]
    assert len(bridge) == 1
    assert {s.article.path for s in bridge[0].sources} == {"a.txt", "b.txt"}
    assert bridge[0].why_merged and not bridge[0].conflict
    assert any("library" in e.title.lower() and len(e.sources) == 1 for e in timeline.events)
    days = [e.earliest for e in timeline.events]
    assert days == sorted(days)


def _bridge_closure(path: str, day: str) -> Article:
    return _article(path, f"Engineers closed the Elm river bridge to traffic on {day} after "
                    "discovering cracks in its supports.", date(2023, 5, 20))


def test_the_same_report_dated_days_apart_is_one_event_in_conflict() -> None:
    timeline = build_timeline([extract(_bridge_closure("a.txt", "May 9")),
                               extract(_bridge_closure("b.txt", "May 12"))])
    assert len(timeline.events) == 1
    event = timeline.events[0]
    assert event.conflict and len(event.sources) == 2
    assert "disagreeing dates" in (event.why_merged or "")


def test_the_same_report_dated_weeks_apart_is_two_events() -> None:
    timeline = build_timeline([extract(_bridge_closure("a.txt", "May 1")),
                               extract(_bridge_closure("b.txt", "May 17"))])
    assert len(timeline.events) == 2
    assert not any(e.conflict for e in timeline.events)



def _dates_of(text: str) -> list[tuple[str, date, date]]:
    result = extract(Article("/x.txt", text, "x", date(2021, 4, 1), "header"))
    return [(e.date.text, e.date.earliest, e.date.latest) for e in result.events]


def test_a_range_start_without_a_year_takes_the_year_of_its_end() -> None:
    assert _dates_of("The meeting ran from June 9 to June 12, 2020.") == [
        ("June 9", date(2020, 6, 9), date(2020, 6, 12))]
    assert _dates_of("Talks were held between June 9 and June 12, 2020.")[0][1:] == (
        date(2020, 6, 9), date(2020, 6, 12))
    assert _dates_of("It ran from December 28 to January 3, 2021.")[0][1:] == (
        date(2020, 12, 28), date(2021, 1, 3))  # a start after the end's month: the year before
    assert _dates_of("It lasted from March to May 2020.")[0][1:] == (date(2020, 3, 1), date(2020, 5, 31))


def test_a_range_written_as_one_phrase_is_one_period() -> None:
    assert _dates_of("The show runs June 9-12, 2020.") == [
        ("June 9-12, 2020", date(2020, 6, 9), date(2020, 6, 12))]
    assert _dates_of("He served 2001-2009 as mayor.")[0][1:] == (date(2001, 1, 1), date(2009, 12, 31))


def test_a_text_without_full_stops_gives_each_event_the_words_around_its_date() -> None:
    # a transcript or a list without punctuation: one "sentence" of 120,000 characters
    chunk = "the council said on March 3 2020 it will vote again next Monday and then "
    text = chunk * 1600
    result = extract(Article("long.txt", text, "long", date(2020, 3, 10)))
    assert len(result.events) > 1000
    for event in result.events:
        assert event.snippet == text[event.start:event.end]
        assert event.start <= event.date.start and event.date.end <= event.end
        assert len(event.snippet) <= 2 * 300 + len(event.date.text)
    values = {t.value for t in result.timexes}
    assert values == {"2020-03-03", "2020-03-16"}  # the tense is read near each date


def test_a_wire_dateline_is_not_part_of_the_title() -> None:
    for sentence, title in [
        ("ANKARA (Reuters) - A quake struck southern Turkey on Wednesday.", "A quake struck southern Turkey"),
        ("WASHINGTON — The Senate voted on Tuesday to pass the bill.", "The Senate voted to pass the bill"),
        ("LONDON, March 3 (AP) -- Prices rose on Monday.", "Prices rose"),
        ("US - China talks resumed on Monday.", "US - China talks resumed"),
        ("BUDAPEST, Hungary (AP)_ Tired of waiting, he left on Monday.", "Tired of waiting, he left"),
    ]:
        start = sentence.index("on ")
        end = sentence.index("day", start) + 3
        assert make_title(sentence, start, end) == title


def _assert_titles(cases: list[tuple[str, str, str]]) -> None:
    """Each (sentence, date phrase, title): the title made for the phrase's event."""
    for sentence, phrase, title in cases:
        start = sentence.index(phrase)
        assert make_title(sentence, start, start + len(phrase)) == title


def test_a_date_in_an_aside_makes_the_aside_the_title() -> None:
    _assert_titles([
        ("Early voting, which began on Oct. 21, drew record turnout.", "on Oct. 21", "Early voting began"),
        ("The bridge, built in 1932, will close for repairs.", "in 1932", "The bridge was built"),
        ("Smith, who died on Friday, was 84.", "on Friday", "Smith died"),
        ("Chief executive Laura Kim, who took over in March 2023, said the cuts would end.",
         "in March 2023", "Chief executive Laura Kim took over"),
        ("Prices rose 5%, the most since 2008, the agency said.", "since 2008",
         "Prices rose 5%, the most"),  # a noun phrase is no aside; who said it is dropped
    ])


def test_a_title_keeps_to_the_dates_side_of_a_semicolon_and_drops_emptied_brackets() -> None:
    sentence = "In the 1970s, a language was named after her; since 2009, Ada Lovelace Day is held."
    first, second = sentence.index("In the 1970s"), sentence.index("since 2009")
    assert make_title(sentence, first + 3, first + 12) == "A language was named after her"
    assert make_title(sentence, second + 6, second + 10) == "Ada Lovelace Day is held"
    life = "Ada King (10 December 1815 – 27 November 1852) was a mathematician."
    assert make_title(life, life.index("10 D"), life.index(")")) == "Ada King was a mathematician"


def test_who_said_it_is_left_out_of_a_title() -> None:
    sentence = "A powerful storm made landfall on Wednesday night, officials said on Thursday."
    start = sentence.index("Wednesday night")
    assert make_title(sentence, start, start + len("Wednesday night")) == "A powerful storm made landfall"
    # the statement's own date titles the statement
    start = sentence.index("Thursday")
    assert make_title(sentence, start, start + 8).startswith("A powerful storm made landfall on")
    # "added" as a verb of the fact, after a number, is no attribution
    sentence = "Stocks rallied on Friday after 678,000 jobs were added in February."
    start = sentence.index("Friday")
    assert make_title(sentence, start, start + 6).endswith("678,000 jobs were added in February")


def test_a_year_that_only_places_a_day_is_no_event_of_its_own() -> None:
    text = ("In 2019, the plant closed on March 5. In 2020 sales rose, and on March 9 the firm "
            "moved. Last year, the shop closed at 2.30pm on 24 Dec.")
    article = Article("a.txt", text, "Plant", date(2024, 3, 15), "header", None, None, 0)
    events = extract(article).events
    assert [(e.date.text, e.date.value) for e in events] == [
        ("March 5", "2019-03-05"), ("2020", "2020"), ("March 9", "2020-03-09"),
        ("2.30pm on 24 Dec", "2023-12-24T14:30")]


def test_a_cleft_sentence_is_titled_by_what_happened() -> None:
    for sentence, phrase in [("It was the summer of 1952 when Mara first saw the sea.", "the summer of 1952"),
                             ("It was in 1952 that Mara first saw the sea.", "1952")]:
        start = sentence.index(phrase)
        assert make_title(sentence, start, start + len(phrase)) == "Mara first saw the sea"


def test_a_bracketed_birth_or_death_is_titled_by_whose_it_is() -> None:
    sentence = "Ada Lindqvist (born 12 March 1954 in Uppsala; died 3 January 2011) was a chemist."
    cases = [(sentence, "12 March 1954", "Ada Lindqvist was born in Uppsala"),
             (sentence, "3 January 2011", "Ada Lindqvist died"),
             ("Marie Curie (b. 7 November 1867, Warsaw – d. 4 July 1934) was a physicist.",
              "4 July 1934", "Marie Curie died"),
             ("The bridge (built in 1890) was torn down in 1990.", "1890", "The bridge was built")]
    _assert_titles(cases)


def test_a_sentence_that_names_its_date_twice_gives_one_event() -> None:
    text = "Heat wave\n\n2024-07-04 - The heat wave peaked today. Tomorrow it will rain."
    article = Article("a.txt", text, "Heat", None, None, None, None, 11)
    events = extract(article).events
    assert [(e.date.text, e.date.value) for e in events] == [
        ("2024-07-04", "2024-07-04"), ("Tomorrow", "2024-07-05")]


def test_a_title_stops_where_the_next_dated_clause_begins() -> None:
    text = ("Intro.\n\nThe council approved the repair contract last August, and crews began work "
            "in early September. Supply delays pushed the work into this spring.")
    article = Article("a.txt", text, "Bridge", date(2024, 6, 12), "header", None, None, 8)
    titles = [e.title for e in extract(article).events]
    assert titles == ["The council approved the repair contract", "Crews began work",
                      "Supply delays pushed the work"]


def test_a_narrative_keeps_its_clock_times_and_weeks_in_the_story() -> None:
    text = ("The Lighthouse\n\nOn a stormy night in November 1921, the keeper saw a light at sea. "
            "By noon he had rescued four sailors. The following week, the harbour master wrote "
            "to the board. That winter was hard. In the spring he resigned, and by the summer of "
            "1923 he had moved to Dover. Years later, in 1950, he told the story.")
    article = Article("a.txt", text, "Lighthouse", None, None, None, None, 16)
    events = [(e.date.value, e.title) for e in extract(article).events]
    assert events == [
        ("1921-11", "On a stormy night, the keeper saw a light at sea"),
        ("1921-11", "He had rescued four sailors"),  # the story's month, not the last date's
        ("1921-11", "The harbour master wrote to the board"),
        ("1921-WI", "That winter was hard"),
        ("1922-SP", "He resigned"),  # the spring after that winter
        ("1923-SU", "He had moved to Dover"),
        ("1950", "He told the story")]


def test_a_date_moved_by_a_duration_dates_the_event_on_the_moved_day() -> None:
    text = ("War\n\nOn 3 May 1945 the town was taken. A week before Christmas, the guns fell "
            "silent. Ten days before the vote, riots broke out.")
    article = Article("a.txt", text, "War", None, None, None, None, 5)
    result = extract(article)
    # TimeML keeps the duration and the date apart; the event is on neither
    assert [(t.text, t.value) for t in result.timexes][1:3] == [("A week", "P1W"),
                                                                 ("Christmas", "1945-12-25")]
    assert [(e.date.text, e.date.value, e.title) for e in result.events] == [
        ("3 May 1945", "1945-05-03", "The town was taken"),
        ("A week before Christmas", "1945-12-18", "The guns fell silent")]


def test_a_relative_clause_between_subject_and_verb_is_left_out_of_the_title() -> None:
    sentence = "The bridge, which opened in 1968, was last rehabilitated in the early 2000s."
    start = sentence.index("the early 2000s")
    assert make_title(sentence, start, start + 15) == "The bridge was last rehabilitated"
    sentence = "Teigen and her husband, John Legend, suffered a loss in late September 2020."
    start = sentence.index("late September")
    assert make_title(sentence, start, start + 19) == "Teigen and her husband suffered a loss"


def test_a_title_drops_a_dangling_article_and_keeps_a_reported_main_clause() -> None:
    _assert_titles([
        ("When it cleared, on the Thursday, the captain announced that they were late.", "Thursday",
         "When it cleared, the captain announced that they were late"),
        ("The storm made landfall on Wednesday, officials said on Thursday.", "on Wednesday",
         "The storm made landfall"),
        ("The plant closed in 2019, the company said in a statement on Monday.", "in 2019",
         "The plant closed"),
    ])


def test_a_possessive_date_leaves_its_noun_in_the_title() -> None:
    sentence = "Mayor-elect Ana Martinez, who won last Tuesday's election, named her team on Monday."
    start = sentence.index("last Tuesday")
    title = make_title(sentence, start, start + len("last Tuesday"))
    assert title == "Mayor-elect Ana Martinez won the election"
    sentence = "Friday's storm cut power to 200,000 homes."
    assert make_title(sentence, 0, len("Friday")) == "The storm cut power to 200,000 homes"


def test_an_appositive_or_an_opening_participle_does_not_crowd_out_the_verb() -> None:
    _assert_titles([
        ("Margaret Ellis, one of the first women to lead a cardiac unit in Britain, died on "
         "Sunday at her home in Bath.", "on Sunday", "Margaret Ellis died at her home in Bath"),
        ("Smith, a former banker, joined the board in 2019.", "in 2019", "Smith joined the board"),
        ("Born in Leeds on 2 May 1930, the daughter of a teacher, she qualified in 1954.",
         "on 2 May 1930", "Born in Leeds"),
        ("The company, founded in 1954 in Ohio, has struggled since a merger in 2021.",
         "in 1954", "The company was founded in Ohio"),
        ("The company, founded in 1954 in Ohio, has struggled since a merger in 2021.",
         "in 2021", "The company has struggled since a merger"),
        ("The incumbent, first elected in 2016, conceded in 2020.", "in 2016",
         "The incumbent was first elected"),
        ("The incumbent, first elected in 2016, conceded in 2020.", "in 2020",
         "The incumbent conceded"),
    ])


def test_a_title_is_the_clause_of_its_own_date() -> None:
    _assert_titles([
        ("Mourners gathered in Antakya at 4:17 a.m., the time the first quake hit.", "at 4:17 a.m.",
         "Mourners gathered in Antakya"),
        ("But Smith Barney's Mr. Doyle, who yesterday trimmed his projection, stayed calm.",
         "yesterday", "Smith Barney's Mr. Doyle trimmed his projection"),
        ("The last time turnout topped 65% was in 1908.", "in 1908", "The last time turnout topped 65%"),
        ("Acme will cut jobs, after third-quarter sales fell 12%.", "third-quarter",
         "Sales fell 12%"),
        ("Protesters prayed as Easter week began, waving palm fronds.", "Easter",
         "Protesters prayed as week began, waving palm fronds"),
    ])


def test_a_date_told_twice_is_one_event_and_a_list_of_dates_shares_its_clause() -> None:
    text = ("Bridge\n\nThe bridge opened in 1889. During the war it was damaged twice, in 1941 and "
            "again in the spring of 1944. It was closed from 1946 until 1948, and reopened on "
            "Easter Monday that year. Some three decades later, in the summer of 1979, it was "
            "listed as a monument.")
    result = extract(Article("b.txt", text, "Bridge", None, None, None, None, 8))
    assert [(e.date.value, e.title) for e in result.events] == [
        ("1889", "The bridge opened"),
        ("1941", "During the war it was damaged twice"),
        ("1944-SP", "During the war it was damaged twice"),
        ("1946/1948", "It was closed"),
        ("1948-03-29", "It reopened"),  # "that year" restates the year of Easter Monday
        ("1979-SU", "It was listed as a monument")]  # not also "some three decades later"


def test_another_date_of_the_sentence_is_left_out_of_the_title() -> None:
    cases = [  # sentence, the event's date, the date before it, title
        ("Acme said on Wednesday it would cut 1,200 jobs by the end of March.", "the end of March",
         "Wednesday", "Acme said it would cut 1,200 jobs"),
        ("Early voting, which began on Oct. 21, drew record turnout on Sunday.", "on Sunday",
         "Oct. 21", "Early voting drew record turnout"),
        ("Relatives said they would fight Wednesday's ruling in court next month.", "next month",
         "Wednesday", "Relatives said they would fight the ruling in court"),
        ("Sun reported a loss for the quarter ended June 30.", "June 30", "the quarter",
         "Sun reported a loss for the quarter ended"),  # a date bound to it stays
    ]
    for sentence, phrase, other, title in cases:
        start, at = sentence.index(phrase), sentence.index(other)
        assert make_title(sentence, start, start + len(phrase), previous=(at, at + len(other))) == title


def _event_titles(text: str) -> list[tuple[str, str]]:
    result = extract(_article("t.txt", text, date(2026, 11, 20)))
    return [(e.date.value, e.title) for e in result.events]


def test_dates_listed_with_their_own_items_each_get_theirs() -> None:
    assert _event_titles("The alliance expanded three times, adding Greece and Turkey in 1952, West "
                         "Germany in 1955 and Spain in 1982.") == [
        ("1952", "The alliance expanded three times, adding Greece and Turkey"),
        ("1955", "The alliance expanded three times, adding West Germany"),
        ("1982", "The alliance expanded three times, adding Spain")]
    assert _event_titles("She was born in 1950, married in 1975 and died in 2001.") == [
        ("1950", "She was born"), ("1975", "She married"), ("2001", "She died")]
    assert _event_titles("Prices rose 3% in 2019, 5% in 2020 and 9% in 2021.") == [
        ("2019", "Prices rose 3%"), ("2020", "Prices rose 5%"), ("2021", "Prices rose 9%")]
    assert _event_titles("The team won the cup in 1998, 2003 and 2011 under Smith.") == [
        (year, "The team won the cup under Smith") for year in ("1998", "2003", "2011")]
    # not a list: a date, then a clause of its own with another
    assert _event_titles("Launch is set for 3 a.m. on Dec. 5, NASA said on Tuesday.")[1] == (
        "2026-11-17", "Launch is set, NASA said")


def test_a_title_stops_before_the_next_dates_predicate_and_after_an_aside_closes() -> None:
    assert _event_titles("Moreau was indicted in March 2014 and convicted the following year.") == [
        ("2014-03", "Moreau was indicted"), ("2015", "Moreau was convicted")]
    assert _event_titles("Margaret Ellison, whose studies changed how we see reefs, died on Thursday "
                         "at her home in Falmouth, Mass.") == [
        ("2026-11-19", "Margaret Ellison died at her home in Falmouth, Mass")]
    assert _event_titles("Though she kept an office there until last spring, she left.")[0][1] == (
        "She kept an office there")
    assert _event_titles("omg the concert is TOMORROW night and i still don't have a ride")[0][1] == (
        "The concert")
    assert _event_titles("Wow Airlines folded in 2019.")[0][1] == "Wow Airlines folded"  # a name
    assert _event_titles("office closed thurs & fri for the holiday") == [
        ("2026-11-19", "Office closed for the holiday"), ("2026-11-20", "Office closed for the holiday")]


def test_a_press_release_dateline_and_an_opening_participle_leave_the_title() -> None:
    text = ("SAN JOSE, Calif., Nov. 20, 2026 /PRNewswire/ -- Acme Inc. today announced its roadmap "
            "for 2027.\n\nFounded in 2009, Acme employs 4,200 people.")
    assert _event_titles(text) == [
        ("2026-11-20", "Acme Inc. today announced its roadmap for 2027"),
        ("2027", "Acme Inc. announced its roadmap"),
        ("2009", "Acme was founded")]


def test_a_relative_clause_with_a_date_of_its_own_is_titled_by_its_antecedent() -> None:
    assert _event_titles("In 1835 she married William King, who became Earl of Lovelace in 1838.") == [
        ("1835", "She married William King"), ("1838", "William King became Earl of Lovelace")]
    assert _event_titles("A court upheld the conviction in 2018 but ordered a new hearing, which took "
                         "place in the fall of 2019.") == [
        ("2018", "A court upheld the conviction"), ("2019-FA", "A new hearing took place")]
    assert _event_titles("Profit for the first quarter of 2026, which ended Sept. 30, rose 14%.") == [
        ("2026-07-01/2026-09-30", "Profit rose 14%")]  # a fiscal quarter: the months it closed
    assert _event_titles("She fell ill in the summer of 1852 and died that November.") == [
        ("1852-SU", "She fell ill"), ("1852-11", "She died")]


def test_whom_a_relative_clause_tells_of_and_which_dates_a_list_holds() -> None:
    assert _event_titles("They were met by Joan Campbell of the National Council of Churches, who "
                         "travelled with Craig on Wednesday.") == [
        ("2026-11-18", "Joan Campbell travelled with Craig")]
    assert _event_titles("The dispute concerns a treaty on the border, which the two presidents signed "
                         "last May.") == [("2026-05", "The two presidents signed a treaty on the border")]
    cases = "The state recorded 48 cases last month, up from 31 in April and 12 in March."
    assert _event_titles(cases) == [("2026-10", "The state recorded 48 cases")]  # (the figures' bases)
    assert _event_titles('The envoy hoped to reach a deal "before the summer," when elections are due.') == [
        ("2027-SU", "The envoy hoped to reach a deal when elections are due")]


def test_a_participle_aside_of_publishing_or_passing_is_passive() -> None:
    assert _event_titles("The law, passed in 2019, took effect in 2021.") == [
        ("2019", "The law was passed"), ("2021", "The law took effect")]


def _titles_in(text: str) -> dict[str, str]:
    """Each event's date phrase and title, for ``text`` written on Thursday 13 November 2025."""
    article = Article("a.txt", text, "Story", date(2025, 11, 13), "header", None, None, 0)
    return {e.date.text: e.title for e in extract(article).events}


def test_the_date_of_a_statement_titles_what_was_said() -> None:
    titles = _titles_in("A storm will sweep across the region from Friday night into Saturday, "
                        "forecasters said on Thursday, bringing rain.")
    assert titles == {"Friday night": "A storm will sweep across the region",  # one period
                      "Thursday": "A storm will sweep across the region, forecasters said"}


def test_a_with_clause_and_a_second_predicate_have_their_own_titles() -> None:
    titles = _titles_in("Temperatures will drop overnight on Monday, with a widespread frost expected "
                        "by Tuesday morning. She left last Tuesday and will return on the 3rd.")
    assert titles["Monday"] == "Temperatures will drop overnight"
    assert titles["Tuesday morning"] == "A widespread frost expected"
    assert titles["last Tuesday"] == "She left"
    assert titles["the 3rd"] == "She will return"


def test_a_date_something_is_compared_with_is_no_event() -> None:
    titles = _titles_in("It was warmer than today. She said it was the hardest year since 2010. "
                        "Sales were 5% higher than in 2024. The guidance will be out no later than "
                        "15 December.")
    assert list(titles) == ["15 December"]
    # ... with the figure between: a figure's base, no event; a move from one place is
    titles = _titles_in("Gold sales rose to 41 tonnes, compared with 35 tonnes last year. Travellers "
                        "will number 146 million, up from 123 million last year. Profit rose 8% to "
                        "£41m, from £35m a year earlier. She moved from 3 Main Street in 2019.")
    assert list(titles) == ["2019"]


def test_a_quote_the_date_opened_is_not_left_hanging() -> None:
    titles = _titles_in('"Twenty years ago nobody believed it," said Dr Lee. He said that "the plan '
                        'worked last year" and left.')
    assert titles["Twenty years ago"] == "Nobody believed it, said Dr Lee"


def test_titles_keep_to_the_dates_own_clause() -> None:
    titles = _titles_in(
        "It was the summer of 1969, and the heat lay on the town like a blanket. "
        "Her aunt showed her the orchard, and on Sunday they went to church. "
        "He visited Rome in May, and in June moved to Paris. "
        "Windows 10 reached end of support on 14 October, and Microsoft's Copilot+ PCs arrive soon. "
        "The company will pay its dividend on December 26 to shareholders of record on December 4. "
        "Health officials warn this winter could be the worst in a decade.")
    assert titles["the summer of 1969"] == "The heat lay on the town like a blanket"
    assert titles["Sunday"] == "They went to church"
    assert titles["May"] == "He visited Rome"
    assert titles["June"] == "He moved to Paris"
    assert titles["14 October"] == "Windows 10 reached end of support"
    assert titles["December 26"] == "The company will pay its dividend to shareholders of record"
    assert titles["this winter"] == "Health officials warn this winter could be the worst in a decade"


def test_a_relative_clause_after_a_dated_noun_phrase_names_it() -> None:
    titles = _titles_in("Nvidia reported revenue of $57 billion for its third quarter of fiscal 2026, "
                        "which ended October 26.")
    # one event: the quarter, placed by the day that closed it
    assert titles == {"third quarter of fiscal 2026, which ended October 26":
                      "Nvidia reported revenue of $57 billion"}


def test_a_posts_marks_are_tidied_in_its_title() -> None:
    titles = _titles_in("omg the new season drops next fri!!! 🍿\n"
                        "who else is going to the gig on the 21st ??")
    assert titles == {"next fri": "The new season drops! 🍿", "the 21st": "Who else is going to the gig?"}


def test_a_date_heading_its_entry_is_titled_by_the_entry() -> None:
    text = ("Monday, 3 June 1872. Left Liverpool at noon in fine weather.\n\nTuesday. A heavy swell "
            "all day; half the passengers sick.\n\nThursday 6th. Fog.")
    events = extract(Article("d.txt", text, "Diary", None, None, None, None, 0)).events
    assert [(e.date.value, e.title) for e in events] == [
        ("1872-06-03T12:00", "Left Liverpool in fine weather"),  # the heading's day is the noon's
        ("1872-06-04", "A heavy swell all day"), ("1872-06-06", "Fog")]
    assert events[1].snippet.startswith("Tuesday. A heavy swell")


def test_a_date_that_names_what_follows_it_stays_in_the_title() -> None:
    titles = _titles_in("Meissner gave no reason for the Jan. 14 deadline. Detroit went 15-2 in the "
                        "2024 season.")
    assert titles["Jan. 14"] == "Meissner gave no reason for the Jan. 14 deadline"
    assert titles["2024"] == "Detroit went 15-2 in the 2024 season"


def test_a_second_predicate_with_its_own_date_gets_the_subject() -> None:
    titles = _titles_in("Detroit went 15-2 in the 2024 season and reached the NFC title game in "
                        "January 2024.")
    assert titles == {"2024": "Detroit went 15-2 in the 2024 season",
                      "January 2024": "Detroit reached the NFC title game"}


def test_opening_hours_make_no_event() -> None:
    titles = _titles_in("Opening hours: 9am-5pm Mon-Fri. Clinics are open 7 days a week, 8am to 8pm. "
                        "The shop is open Mon-Sat 9am to 6pm. Polls open at 7am on Thursday.")
    assert titles == {"7am on Thursday": "Polls open"}


def test_a_clause_after_and_with_its_own_subject_and_date_is_its_title() -> None:
    titles = _titles_in("Firefighters were called at 11.40pm and the blaze was under control by 3am. "
                        "He has scored 9 goals in 12 games this season, 3 more than in the whole of "
                        "last season.")
    assert titles["11.40pm"] == "Firefighters were called"
    assert titles["3am"] == "The blaze was under control"
    assert titles["this season"] == "He has scored 9 goals in 12 games"


def test_a_second_predicate_gets_a_common_noun_subject_and_asides_are_skipped() -> None:
    titles = _titles_in("Margaret Ellison, 61, of Oak Lane, admitted 14 counts of fraud at a hearing in "
                        "January. The thefts began in the spring of 2015 and continued until her "
                        "arrest in late 2023, the court heard.")
    assert titles["January"] == "Margaret Ellison admitted 14 counts of fraud at a hearing"
    assert titles["the spring of 2015"] == "The thefts began"
    assert titles["late 2023"] == "The thefts continued until her arrest, the court heard"


def test_time_spent_keeps_its_date_and_the_clause_its_subject() -> None:
    titles = _titles_in("She graduated from medical school in 1957, one of three women in her class, "
                        "and spent most of the 1960s at Massachusetts General Hospital.")
    assert titles["the 1960s"] == "She spent most of the 1960s at Massachusetts General Hospital"


def test_a_subordinate_clause_with_its_own_date_is_its_own_title() -> None:
    titles = _titles_in("The cold snap will last into early next week before milder air arrives from "
                        "the Atlantic by the middle of the month.")
    assert titles == {"early next week": "The cold snap will last",
                      "the middle of the month": "Milder air arrives from the Atlantic"}


def test_what_a_study_found_and_what_was_said_are_the_titles_of_their_dates() -> None:
    titles = _titles_in("Walkers were 25% less likely to develop dementia, according to a study "
                        "published on Monday. Harbour Energy said on Tuesday that Sarah Lin would "
                        "become chief executive with effect from 1 January.")
    assert titles["Monday"] == "Walkers were 25% less likely to develop dementia"
    assert titles["1 January"] == "Sarah Lin would become chief executive"


def test_markdown_marks_and_an_opening_with_are_left_out_of_titles() -> None:
    titles = _titles_in("- **2026-06-01**: public beta opened to 2,000 testers\n\nSnow and ice warnings "
                        "have been issued for much of Scotland, with temperatures expected to fall to "
                        "-12C overnight on Thursday.")
    assert titles["2026-06-01"] == "Public beta opened to 2,000 testers"
    assert titles["Thursday"] == "Temperatures expected to fall to -12C overnight"


def test_a_duration_after_in_that_looks_ahead_places_its_event() -> None:
    text = ("The store will reopen in three weeks. Prices rose 5% in three months. It could be the "
            "worst winter in a decade.")
    article = Article("a.txt", text, "Story", date(2026, 11, 24), "header", None, None, 0)
    assert [(e.title, e.date.value, e.date.approximate) for e in extract(article).events] == [
        ("The store will reopen", "2026-W51", True)]


def test_a_date_compared_with_is_no_event_and_a_modal_is_shared_by_a_second_verb() -> None:
    titles = _titles_in("The tomatoes went in on Saturday, a week later than last year. Work will start "
                        "in the spring and finish by the end of 2026. Bids are due no later than May 30.")
    assert titles == {"Saturday": "The tomatoes went in", "the spring": "Work will start",
                      "the end of 2026": "Work will finish", "May 30": "Bids are due"}


def test_an_opening_participle_names_its_subject_and_place() -> None:
    titles = _titles_in("Born on March 3, 1932, in Duluth, Minnesota, Dr. Abernathy was the youngest of "
                        "five children. Opened in 1990 in Leeds, the museum has 2 million visitors.")
    assert titles == {"March 3, 1932": "Dr. Abernathy was born in Duluth, Minnesota",
                      "1990": "The museum was opened in Leeds"}


def test_a_count_since_a_date_is_no_event_and_a_quarter_takes_its_sentences_year() -> None:
    assert _titles_in("It is the third raid on a jewellery shop in the city since March.") == {}
    assert _titles_in("The bank kept rates on hold on Thursday, but signalled it could cut as soon "
                      "as March.")["March"] == "The bank signalled it could cut"
    article = Article("a.txt", "Most economists expect two cuts next year, the first in the second "
                      "quarter.", "Story", date(2026, 12, 17), "header", None, None, 0)
    assert [e.date.value for e in extract(article).events] == ["2027", "2027-Q2"]


def test_a_listing_announces_what_is_ahead_and_its_hours_are_no_events() -> None:
    text = ("What's on\n\nChristmas market: Thursday to Sunday, 10am-8pm, Market Square. Free.\n\n"
            "Family film: Saturday at 2pm, Town Hall.\n\nTurnout appears to be up on 2022, officials say.")
    article = Article("a.txt", text, "What's on", date(2026, 11, 24), "header", None, None, 0)
    dates = [(e.date.value, e.date.earliest, e.date.latest) for e in extract(article).events]
    assert dates == [("2026-11-26/2026-11-29", date(2026, 11, 26), date(2026, 11, 29)),
                     ("2026-11-28T14:00", date(2026, 11, 28), date(2026, 11, 28))]


def test_a_live_blogs_time_stamps_run_on_past_midnight() -> None:
    text = "Election night live\n\n23:15 Turnout appears high.\n\n00:30 The incumbent has won.\n"
    article = Article("a.txt", text, "Live", date(2026, 11, 3), "header", None, None, 0)
    assert [(e.date.value, e.title) for e in extract(article).events] == [
        ("2026-11-03T23:15", "Turnout appears high"), ("2026-11-04T00:30", "The incumbent has won")]


def test_a_memoir_places_ages_from_the_birth_year_and_returns_from_a_flashback() -> None:
    text = ("I was born in the spring of 1952. My father had come home from the war six years "
            "earlier. When I was seven we moved inland, and I did not see the sea again until the "
            "summer I turned eighteen. That August I took a job on a fishing boat.")
    article = Article("memoir.txt", text, "Memoir", None, None, None, None, 0)
    assert [(e.date.value, e.title) for e in extract(article).events] == [
        ("1952-SP", "I was born"), ("1946", "My father had come home from the war"),
        ("1959", "We moved inland"), ("1970-SU", "I did not see the sea again"),
        ("1970-08", "I took a job on a fishing boat")]


def test_a_range_to_the_holidays_and_a_compared_same_period() -> None:
    text = ("There have been 412 cases since January, the highest number for the same period since "
            "2016. A catch-up campaign will run in schools from next Monday until the Easter holidays.")
    article = Article("a.txt", text, "Measles", date(2026, 3, 5), "header", None, None, 0)
    assert [(e.date.value, e.title) for e in extract(article).events] == [
        ("2026-01", "There have been 412 cases, the highest number for the same period since 2016"),
        ("2026-03-09/2026-04-05", "A catch-up campaign will run in schools")]


def test_lifespans_births_and_the_header_date_do_not_date_the_story() -> None:
    text = ("date 2026-12-28\n\nPainter Helen Marsh (1931–2026) died in February. Jazz pianist Tom "
            "Baker (b. 1940) gave his last concert in Paris in May and died two weeks later. Writer "
            "Ana Ortiz, who was born in Seville on 2 June 1936, died on 4 September.")
    article = Article("a.txt", text, "Obituaries", date(2026, 12, 28), "header", None, None, 17)
    assert [(e.date.value, e.title) for e in extract(article).events] == [
        ("2026-02", "Painter Helen Marsh died"), ("1940", "Jazz pianist Tom Baker was born"),
        ("2026-05", "Jazz pianist Tom Baker gave his last concert in Paris and died two weeks later"),
        ("1936-06-02", "Writer Ana Ortiz was born in Seville"), ("2026-09-04", "Writer Ana Ortiz died")]


def test_a_second_bare_verb_after_a_modal_has_its_own_date() -> None:
    titles = _titles_in("We will close over the Christmas break and reopen in January.")
    assert titles == {"Christmas": "We will close", "January": "We will reopen"}


def test_a_day_that_names_a_thing_is_not_the_clauses_date() -> None:
    titles = _titles_in("Tickets for the Boxing Day fixtures go on sale on Tuesday at 9am.")
    assert titles == {"Tuesday at 9am": "Tickets for the Boxing Day fixtures go on sale"}
    titles = _titles_in("The audit of the 2024/25 accounts was signed off on 30 September.")
    assert titles == {"30 September": "The audit of the 2024/25 accounts was signed off"}


def test_list_entries_are_no_range_and_a_clock_after_its_day_leaves_the_title() -> None:
    text = ("Dates for your diary:\n- Wednesday 9 December, 2pm: Nativity play\n"
            "- Friday 18 December: Term ends at 1.30pm\n- Tuesday 5 January: Spring term begins\n")
    article = Article("a.txt", text, "Newsletter", date(2026, 11, 20), "header", None, None, 0)
    assert [(e.date.value, e.title) for e in extract(article).events] == [
        ("2026-12-09T14:00", "Nativity play"), ("2026-12-18T13:30", "Term ends"),
        ("2027-01-05", "Spring term begins")]


def test_citations_and_the_years_of_laws_are_no_events() -> None:
    assert _titles_in("Earlier studies (Smith et al., 2019; Chen and Park, 2021) linked heat to deaths. "
                      "The bill amends Section 64 of the Online Safety Act 2023.") == {}


def test_years_naming_a_noun_together_and_what_was_done_ahead_of_a_date_keep_their_dates() -> None:
    titles = _titles_in("Turnout fell between the 2016 and 2020 elections. Retailers were mixed ahead "
                        "of Black Friday. Sales were down about 20% on last year.")
    assert titles == {"2016": "Turnout fell between the 2016 and 2020 elections",
                      "2020": "Turnout fell between the 2016 and 2020 elections",
                      "Black Friday": "Retailers were mixed ahead of Black Friday"}


def test_a_transcripts_time_stamps_and_speakers_are_left_out_of_titles() -> None:
    titles = _titles_in("[00:01:05] GUEST: In January the expansion came online.\n\n"
                        "[00:13:02] HOST: The auction is in February.")
    assert titles == {"January": "The expansion came online", "February": "The auction"}


def test_an_age_aside_is_skipped_and_a_relative_clause_tells_of_another() -> None:
    titles = _titles_in("Hart, now 49, was convicted in October 1999 of killing a shopkeeper during a "
                        "robbery. New tests found a profile matching another man, who died in 2011. "
                        "1/ The bus lanes go live on Monday 30 Nov.")
    assert titles == {"October 1999": "Hart was convicted of killing a shopkeeper during a robbery",
                      "2011": "Another man died", "Monday 30 Nov": "The bus lanes go live"}


def test_a_diary_day_heading_and_most_of_a_month_in_a_story() -> None:
    text = ("14 May 1940. The Germans are through at Sedan.\n\n27th. On the beach at Dunkirk.\n\n"
            "For most of June they drifted north.")
    article = Article("diary.txt", text, "Diary", None, None, None, None, 0)
    assert [(e.date.value, e.title) for e in extract(article).events] == [
        ("1940-05-14", "The Germans are through at Sedan"), ("1940-05-27", "On the beach at Dunkirk"),
        ("1940-06", "They drifted north")]


def test_a_post_in_lower_case_has_sentences_and_days_with_their_weekdays_make_a_range() -> None:
    article = Article("a.txt", "can't sleep. been up since 4 yesterday. gonna regret this at 9am meeting lol",
                      "Post", date(2026, 11, 24), "header", None, None, 0)
    assert [(e.date.value, e.title) for e in extract(article).events] == [
        ("2026-11-23", "Been up since 4"), ("2026-11-24T09:00", "Gonna regret this meeting lol")]
    article = Article("b.txt", "No trains between Euston and Watford on Sat 28 - Sun 29 Nov.", "Post",
                      date(2026, 11, 23), "header", None, None, 0)
    assert [e.date.value for e in extract(article).events] == ["2026-11-28/2026-11-29"]


def test_results_comparatives_and_reporting_periods_beside_the_news_are_no_events() -> None:
    titles = _titles_in("Northbank today announced a dividend for the six months to 30 September 2026. "
                        "Revenue rose to £1.92bn (H1 2025: £1.81bn). Results for the full year will be "
                        "published on 21 May 2027. Revenue for the six months to 30 September rose 5%.")
    assert list(titles) == ["today", "21 May 2027", "the six months to 30 September"]
    assert titles["21 May 2027"] == "Results will be published"


def test_titles_of_a_life_an_occasion_and_a_when_clause() -> None:
    titles = _titles_in(
        "Born in Lagos on 3 March 1941, she moved to London in 1956 and studied at the AA from 1960 "
        "to 1965. Her best-known building, the Brixton Library, opened in 1989 and was listed in 2015. "
        "Speaking on Monday, the minister said the plan had worked. Tom Reilly, who will step down in "
        "July 2027, said the group had added 42,000 customers since April. Arsenal have not lost to "
        "Chelsea since 2021, when a late goal settled the game in August. The weekend looks calmer, "
        "with sunny spells on Saturday, although rain is expected on Sunday night.\n\n"
        "Margaret Abiola Okafor, architect, born 3 March 1941; died 9 November 2026")
    assert titles["1960"] == "She studied at the AA"
    assert titles["2015"] == "Her best-known building was listed"
    assert titles["Monday"] == "The minister said the plan had worked"
    assert titles["April"] == "Tom Reilly said the group had added 42,000 customers"
    assert "2021" not in titles and titles["August"] == "A late goal settled the game"
    assert titles["Saturday"] == "Sunny spells"
    assert titles["9 November 2026"] == "Margaret Abiola Okafor died"


def test_titles_of_a_notice_a_launch_and_a_season() -> None:
    titles = _titles_in(
        "Representations must be made in writing, and in any event on or before 5pm on 9 December "
        "2026. It had launched on April 1, more than three years after the first test. The lunar "
        "lander, a version of SpaceX's Starship, must first complete an uncrewed landing demonstration, "
        "now planned for the second half of 2027. The mission is targeted for no earlier than "
        "September 2027. They have won just twice this season, and Saturday's 3-0 defeat proved the "
        "final straw. The transfer window opens on 1 January and closes on 2 February.\n\n"
        "Dated this 18th day of November 2026.")
    assert titles["5pm on 9 December 2026"] == "Representations must be made in writing"
    assert titles["April 1"] == "It had launched"
    assert titles["the second half of 2027"] == ("The lunar lander must first complete an uncrewed "
                                                 "landing demonstration")
    assert titles["September 2027"] == "The mission is targeted"
    assert titles["this season"] == "They have won just twice"
    assert titles["Saturday"] == "The 3-0 defeat proved the final straw"
    assert titles["2 February"] == "The transfer window closes"
    assert "this 18th day of November 2026" not in titles  # a notice's own date


def test_titles_of_a_newsletter_an_email_a_listing_and_a_habit() -> None:
    titles = _titles_in(
        "The play will be performed on Wednesday 9 December at 2pm and again on Thursday 10 December "
        "at 6pm. Monday 4 January is an INSET day, and the term starts on Tuesday 5 January. Thanks - "
        "I've confirmed the hall for 14-15 April. Built in the 1930s and extended in 2012, this house "
        "has been in one family for 40 years. Sophie's grandparents, Peter and Jean Turner, celebrated "
        "their anniversary in June. Tourists visit the coast each year, mostly between May and October. "
        "A loaf cost 9p in 1971; by the end of the decade it was 31p.")
    assert titles["Thursday 10 December at 6pm"] == "The play will be performed"
    assert titles["Monday 4 January"] == "Monday 4 January is an INSET day"
    assert titles["14-15 April"] == "I've confirmed the hall"
    assert titles["2012"] == "This house was extended"
    assert titles["June"] == "Sophie's grandparents Peter and Jean Turner celebrated their anniversary"
    assert "May" not in titles and "October" not in titles  # a habit
    events = extract(_article("a.txt", "Thanks - I've confirmed the hall for 14-15 April. A loaf cost 9p "
                             "in 1971; by the end of the decade it was 31p.", date(2025, 11, 24))).events
    assert [e.date.value for e in events] == ["2026-04-14/2026-04-15", "1971", "197"]


def test_an_anniversary_a_review_and_a_transfer() -> None:
    text = ("The blaze broke out shortly after 9pm on 17 November 1976. Power was restored on the "
            "afternoon of 20 November. Set in 1980s Belfast, the film follows two sisters. Director Aoife "
            "Kelly, whose debut won at Cannes in 2022, shot it last winter. He will be available from 1 "
            "January, when the window reopens, and could make his debut on 3 January. Bram is the second "
            "storm of the season, after Storm Amy brought disruption in early October.")
    events = extract(_article("a.txt", text, date(2026, 11, 20))).events
    titles = {e.date.text: (e.date.value, e.title) for e in events}
    assert titles["9pm on 17 November 1976"] == ("1976-11-17T21:00", "The blaze broke out")
    assert titles["the afternoon of 20 November"] == ("1976-11-20TAF", "Power was restored")  # days on
    assert "1980s" not in titles  # a story's setting
    assert titles["2022"][1] == "Director Aoife Kelly's debut won at Cannes"
    assert titles["3 January"][1] == "He could make his debut"
    assert titles["early October"][1] == "Storm Amy brought disruption"


def test_an_appeal_a_consultation_a_listing_and_an_undated_history() -> None:
    titles = _titles_in(
        "Anyone with information is asked to call 101 quoting incident 0412 of 22 November. The powers "
        "would come into force in autumn 2027, in time for the start of the 2027/28 school year. The "
        "Lathums - Fri 4 Dec, O2 Academy. Christmas Messiah - Sun 6 Dec, 3pm, St Mary's Church.\n\n"
        "Methods: We identified 4,210 patients who underwent surgery between January 2005 and December "
        "2010 and followed them until 31 March 2025.")
    assert "22 November" not in titles and "2027/28" not in titles and "Christmas" not in titles
    assert titles["Fri 4 Dec"] == "The Lathums, O2 Academy"
    assert titles["31 March 2025"] == "We followed them"
    assert titles["January 2005"].startswith("We identified")
    history = ("Hartley & Sons was founded in 1952.\n\nToday the business is run by Albert's granddaughter, "
               "Claire, who joined in 2004 and became managing director in 2015.")
    events = extract(Article("a.md", history, "About", None, None, None, None, 0)).events
    assert [(e.date.text, e.title) for e in events] == [
        ("1952", "Hartley & Sons was founded"), ("2004", "Claire joined"),
        ("2015", "Claire became managing director")]  # no "Today" on a page without a date


def test_a_schedule_and_a_notice_of_a_lost_cat() -> None:
    text = ("Skyway will operate daily flights from 29 March 2027, up from four a week this winter. The "
            "route, launched in May 2023, carried 140,000 passengers in the year to September. The airline "
            "said it would resume its Bristol-Faro service, suspended since January, from 2 April. Our cat "
            "has been missing since Thursday evening (19th).")
    events = extract(_article("a.txt", text, date(2026, 11, 18))).events
    assert [(e.date.value, e.title) for e in events] == [
        ("2027-03-29", "Skyway will operate daily flights"),
        ("2023-05", "The route was launched"),
        ("2025-10-01/2026-09-30", "The route carried 140,000 passengers"),
        ("2026-01", "The airline said it would resume its Bristol-Faro service, suspended"),
        ("2027-04-02", "The airline said it would resume its Bristol-Faro service"),
        ("2026-11-12TEV", "Our cat has been missing")]


def test_an_undated_diary_is_dated_by_the_month_its_weekdays_fit() -> None:
    from timeline_app.core.extract import weekday_fit_reference
    from timeline_app.core.tagger import Tagger

    text = "Sun 1st - Cleared the beans.\n\nTues 3rd - Hard frost.\n\nSat 21st - Spread manure."
    article = Article("diary.txt", text, "Allotment diary, November", None, None, None, None, 0)
    result = extract(article)
    assert result.reference.source == "inferred" and result.reference.date == date(2026, 11, 21)
    assert [e.date.value for e in result.events] == ["2026-11-01", "2026-11-03", "2026-11-21"]
    tagger = Tagger()
    days = tagger.tag(text, None)
    weekdays = {str(k).lower(): int(v) for k, v in tagger.rules.table("weekday").items()}
    # the latest fitting month not after today: November 2020 seen from 2025, none for one day alone
    fitted = weekday_fit_reference(tagger.tag("November", None), days, weekdays, date(2025, 6, 1))
    assert fitted is not None and fitted[0] == date(2020, 11, 21)
    assert weekday_fit_reference([], days[:1], weekdays, date(2025, 6, 1)) is None


def test_a_live_blog_and_minutes() -> None:
    text = ("11:48 - WICKET! Root is caught at slip for 63.\n\n16:05 - No further play today. Play will "
            "resume half an hour early tomorrow, at 10:30.\n\nActions: Clerk to circulate the draft by "
            "Friday 27 November.")
    events = extract(_article("a.txt", text, date(2026, 11, 22))).events
    titles = {e.date.text: (e.date.value, e.title) for e in events}
    assert titles["11:48"] == ("2026-11-22T11:48", "Wicket: Root is caught at slip for 63")
    assert titles["tomorrow, at 10:30"] == ("2026-11-23T10:30", "Play will resume half an hour early")
    assert titles["Friday 27 November"][1] == "Clerk to circulate the draft"


def test_a_long_subject_a_date_with_alone_and_a_product_year() -> None:
    titles = _titles_in("The autumn flu and Covid-19 vaccination programme began on 1 October and will "
                        "run until 31 January. October alone brought 165mm. Office 2021 was released on 5 "
                        "October 2021. The 1918 flu pandemic killed millions.")
    assert titles["31 January"] == "The autumn flu and Covid-19 vaccination programme will run"
    assert titles["October"] == "October alone brought 165mm"
    assert titles["5 October 2021"] == "Office 2021 was released"
    assert titles["1918"] == "The 1918 flu pandemic killed millions"


def test_a_clause_after_since_or_after_titles_its_own_date() -> None:
    titles = _titles_in("This autumn has been the wettest since records began in 1836. Train drivers will "
                        "strike on December 23 after talks broke down on Monday.")
    assert titles["1836"] == "Records began"
    said = _titles_in("The minister said the plan had worked on Monday and would be extended in 2027.")
    assert said["2027"] == "The plan would be extended"  # the reported clause's subject
    assert titles["Monday"] == "Talks broke down"
    assert titles["December 23"] == "Train drivers will strike"


def test_a_participle_after_being_and_an_antecedent_after_as() -> None:
    titles = _titles_in("The objects will go on display from 5 December until 28 February, before being "
                        "handed over in April. Growth will slow as mortgage rates, which peaked at 6.8% in "
                        "July 2023, stay high.")
    events = {e.date.text: e for e in extract(_article("a.txt", "The objects will go on display from 5 "
                                                        "December until 28 February, before being handed "
                                                        "over in April.", date(2026, 11, 19))).events}
    assert events["April"].date.value == "2027-04"  # "being handed" tells no past
    assert titles["July 2023"] == "Mortgage rates peaked at 6.8%"


def test_a_wire_press_release_under_its_headline() -> None:
    from timeline_app.core.ingest import articles_from_bytes

    text = ("Greenfield Foods Announces Opening of New Distribution Center\n\nCOLUMBUS, Ohio, Nov. 24, "
            "2026 /PRNewswire/ -- Greenfield Foods, Inc. (NASDAQ: GRNF) today announced the opening of its "
            "new center. Greenfield will report fourth-quarter and full-year 2026 results on February 18, "
            "2027.\n\n"
            "It is best made six weeks ahead, so Stir-up Sunday (this year on 22 November) is the day.")
    article = articles_from_bytes(Path("release.txt"), text.encode())[0]
    assert (article.published, article.source) == (date(2026, 11, 24), "PRNewswire")
    assert article.title == "Greenfield Foods Announces Opening of New Distribution Center"
    events = extract(article).events
    assert [(e.date.value, e.title) for e in events] == [
        ("2026-11-24", "Greenfield Foods, Inc. announced the opening of its new center"),
        ("2027-02-18", "Greenfield will report fourth-quarter and full-year 2026 results"),
        ("2026-11-22", "Stir-up Sunday is the day")]


def test_a_day_and_its_clock_range_are_one_period() -> None:
    article = Article("a.txt", "On 2026-11-18 between 14:32 and 15:41 UTC, customers could not pay. "
                      "Open house: Saturday 28 November, 10am-1pm. The bar is open 11pm-1am on Friday.",
                      "Post", date(2026, 11, 21), "header", None, None, 0)
    assert [(e.date.value, e.title) for e in extract(article).events] == [
        ("2026-11-18T14:32/2026-11-18T15:41", "Customers could not pay"),
        ("2026-11-28T10:00/2026-11-28T13:00", "Open house"),
        ("2026-11-27T23:00/2026-11-28T01:00", "The bar is open")]


def test_a_figure_compared_with_years_ago_is_no_event_and_a_band_is_no_year() -> None:
    assert _titles_in("Turnout was up on four years ago. The 1975 played the first of three nights.") == {}


def test_an_on_this_day_list_dates_each_year_on_its_day_and_no_date_runs_over_a_blank_line() -> None:
    text = ("On this day: November 24\n\n1963 – Jack Ruby shoots Lee Harvey Oswald in Dallas.\n"
            "1991 – Freddie Mercury dies in London.\n")
    article = Article("a.txt", text, "On this day", date(2026, 11, 24), "header", None, None, 26)
    assert [(e.date.value, e.title) for e in extract(article).events] == [
        ("1963-11-24", "Jack Ruby shoots Lee Harvey Oswald in Dallas"),
        ("1991-11-24", "Freddie Mercury dies in London")]


def test_a_second_predicate_gets_a_subject_that_an_aside_follows() -> None:
    titles = _titles_in("The mill, built in 1874, closed in 1982 and was due to be converted into flats "
                        "next year.")
    assert titles["next year"] == "The mill was due to be converted into flats"


def test_schedules_by_weekday_make_no_event_and_an_opening_phrase_belongs_to_its_date() -> None:
    assert _titles_in("Our clinics run on Saturdays in October, 9am to 1pm. Viewings by appointment, "
                      "Monday to Saturday.") == {}
    titles = _titles_in("Built c.1890, this three-bedroom terrace was fully renovated in 2021.")
    assert titles == {"c.1890": "This three-bedroom terrace was built",
                      "2021": "This three-bedroom terrace was fully renovated"}
    titles = _titles_in('Professor Osei will give the winter lecture, "Rivers and towns", on Saturday 12 '
                        'December at 7pm in the Assembly Rooms.')
    assert titles["Saturday 12 December at 7pm"].startswith("Professor Osei will give the winter lecture")


def test_a_bracket_the_date_emptied_leaves_the_title() -> None:
    assert _titles_in("The flat has an EPC rating of D (valid until 2031).") == {
        "2031": "The flat has an EPC rating of D"}


def test_a_fiscal_period_closed_by_a_day_is_the_months_up_to_that_day() -> None:
    assert _titles_in("Brightwave reported revenue of $4.2bn for its fiscal 2027 second quarter, ended "
                      "October 31, up 18%.") == {
        "fiscal 2027 second quarter, ended October 31": "Brightwave reported revenue of $4.2bn, up 18%"}
    article = Article("a.txt", "For the third quarter, which runs to January 31, it expects $4.4bn.",
                      "Story", date(2026, 11, 19), "header", None, None, 0)
    [event] = extract(article).events
    assert (event.date.earliest, event.date.latest) == (date(2026, 11, 1), date(2027, 1, 31))
    # an amount told again is no clause to cut the title at
    assert _titles_in("Shoney's Inc. said it will report a write-off of $2.5 million, or seven cents a "
                      "share, for its fourth quarter ended Oct. 29.") == {
        "fourth quarter ended Oct. 29":
            "Shoney's Inc. said it will report a write-off of $2.5 million, or seven cents a share"}
    assert "Q2" not in _titles_in("This was our best Q2 ever, Ruiz said on Wednesday.")  # no event


def test_a_day_heading_a_block_of_lines_dates_the_lines_under_it() -> None:
    text = ("RESULTS - Saturday 8 November\nCowdenbeath 0-0 Bo'ness United\n\n"
            "FIXTURES - Saturday 15 November\nBo'ness United v Spartans\n"
            "East Kilbride v Cowdenbeath (12.30pm, live on BBC Alba)\n\n"
            "Tuesday 18 November, 7.45pm\nCowdenbeath v Spartans\n")
    titles = {(e.date.value, e.title) for e in extract(_article("f.txt", text, date(2025, 11, 13))).events}
    assert titles == {("2025-11-08", "Cowdenbeath 0-0 Bo'ness United"),
                      ("2025-11-15", "Bo'ness United v Spartans"),
                      ("2025-11-15T12:30", "East Kilbride v Cowdenbeath (live on BBC Alba)"),
                      ("2025-11-18T19:45", "Cowdenbeath v Spartans")}


def test_a_title_naming_a_day_is_the_reference_of_an_undated_text(tmp_path: Path) -> None:
    path = tmp_path / "minutes.md"
    path.write_text("# Minutes of the parish council meeting, 10 November 2026\n\n"
                    "The inspection is booked for 1 December. Cllr Okafor to chase the contractor by "
                    "the end of the month.\n\nNext meeting: Tuesday 8 December 2026 at 7.30pm.\n\n"
                    "Meeting closed at 9.05pm.\n", encoding="utf-8")
    result = extract(read_articles(path)[0])
    assert (result.reference.date, result.reference.source) == (date(2026, 11, 10), "inferred")
    assert "title" in result.reference.how
    values = {e.title: e.date.value for e in result.events}
    assert values["Cllr Okafor to chase the contractor"] == "2026-11"  # not December's end
    assert values["Meeting closed"] == "2026-11-10T21:05"
    # a history titled by the day it tells of, going on for decades, keeps the latest date
    path.write_text("# How the Titanic sank on 14 April 1912\n\nIt struck an iceberg. The wreck was "
                    "found on 1 September 1985.\n", encoding="utf-8")
    result = extract(read_articles(path)[0])
    assert result.reference.date == date(1985, 9, 1)


def test_a_heading_year_dates_the_list_under_it_and_habits_make_no_event() -> None:
    text = ("## Summer term 2027\n- Term starts: Monday 12 April\n- Half term: 31 May – 4 June\n\n"
            "I get the boiler serviced in October every year.")
    article = Article("t.md", text, "Term dates", date(2026, 6, 15), "front-matter", None, None, 0)
    values = {e.title: e.date.value for e in extract(article).events}
    assert values == {"Summer term": "2027", "Term starts": "2027-04-12",
                      "Half term": "2027-05-31/2027-06-04"}


def test_narrative_and_post_details_from_a_memoir_and_a_ferry_feed() -> None:
    text = ("I was born in the winter of 1952, in a house with no electricity. When I was four we "
            "moved to Leeds, and in September of the year I turned five I started school. On Sundays "
            "he slept until noon. We stayed a fortnight. On the last night there was a storm.")
    article = Article("m.txt", text, "Chapter Three", None, None, None, None, 0)
    titles = {e.date.text: (e.date.value, e.title) for e in extract(article).events}
    assert titles["the winter of 1952"] == ("1952-WI", "I was born in a house with no electricity")
    assert titles["September of the year I turned five"] == ("1957-09", "I started school")
    assert "noon" not in titles and "last night" not in titles  # a habit; the stay's last night
    assert _titles_in("Sailings resume at 3pm. The 5.30pm from Cowes is running 20 mins late. Last "
                      "sailing 9pm Sun-Thu, 11pm Fri & Sat.") == {
        "3pm": "Sailings resume", "5.30pm": "The 5.30pm from Cowes is running 20 mins late"}


def test_citations_page_stamps_and_reference_lists_make_no_events() -> None:
    text = ("The bridge was widened in 1911 and listed at Grade II in 1952.[2] In January 2019 engineers "
            "found cracks.[3]\n\nThis article was amended on 24 November 2026 to correct a date.\n\n"
            "## References\n1. \"Hartwell Bridge\". Historic England. Retrieved 12 March 2021.\n"
            "2. Lee, A. (10 November 2026). \"Bridge repair costs double\". Civic Wire.\n")
    article = Article("w.md", text, "Hartwell Bridge", date(2026, 11, 24), "header", None, None, 0)
    assert [(e.date.value, e.title) for e in extract(article).events] == [
        ("1911", "The bridge was widened"), ("1952", "The bridge was listed at Grade II"),
        ("2019-01", "Engineers found cracks")]


def test_a_weekday_ending_a_range_comes_after_its_start() -> None:
    text = ("Snow is expected from Friday. The Met Office has issued a warning from 6pm on Friday until "
            "midday on Sunday.")
    titles = _titles_in(text)
    article = Article("s.txt", text, "Snow", date(2025, 11, 13), "header", None, None, 0)
    [_, warning] = extract(article).events
    assert warning.date.value == "2025-11-14T18:00/2025-11-16T12:00"
    assert titles["6pm on Friday"] == "The Met Office has issued a warning"


def test_a_chat_export_reads_its_stamps_day_first_and_each_message_after_its_own() -> None:
    text = ("12/11/2026, 18:04 - Sam: anyone free for the pub quiz tomorrow?\n"
            "13/11/2026, 22:47 - Priya: that was brilliant, same again next thursday?\n"
            "14/11/2026, 09:02 - Tom: can't, I'm away till the 23rd\n")
    result = extract(Article("chat.txt", text, text.split("\n")[0], None, None, None, None, 0))
    assert result.reference.date == date(2026, 11, 14)  # the latest stamp, not "12/11" read as 11 December
    values = {e.date.text: (e.date.value, e.title) for e in result.events}
    assert values["tomorrow"][0] == "2026-11-13"
    assert values["next thursday"][0] == "2026-11-19"
    assert values["the 23rd"] == ("2026-11-23", "Tom: can't, I'm away")


def test_a_date_answering_a_when_question_is_titled_by_the_question() -> None:
    assert _titles_in("When do the new rules start?\nFrom Monday 4 January.\n\nWhen will the bridge "
                      "reopen?\nIn spring 2027.") == {
        "Monday 4 January": "The new rules start", "spring 2027": "The bridge will reopen"}


def test_a_narrative_of_1944_clefts_topics_and_a_finer_clock() -> None:
    text = ("On the morning of 6 June 1944, the first landing craft reached Omaha Beach at 6.30am. It was "
            "not until 10 June that the beachheads were linked. In the spring of 1945 it crossed the Rhine, "
            "and on VE Day it was resting in Bavaria. He never spoke about June 1944 until the fiftieth "
            "anniversary, in 1994.")
    events = extract(Article("o.txt", text, "Omaha", None, None, None, None, 0)).events
    assert [(e.date.value, e.title) for e in events] == [
        ("1944-06-06T06:30", "The first landing craft reached Omaha Beach"),
        ("1944-06-10", "The beachheads were linked"),
        ("1945-SP", "It crossed the Rhine"),
        ("1945-05-08", "It was resting in Bavaria"),
        ("1994", "He never spoke about June 1944 until the fiftieth anniversary")]


def test_spans_up_to_a_day_and_weeks_of_a_day_are_periods() -> None:
    titles = _titles_in("Greggs raised its forecast on Tuesday after sales rose 9% in the six months to "
                        "30 September. Results for the full year to 31 March are due on 10 June.")
    assert titles == {"Tuesday": "Greggs raised its forecast",
                      "the six months to 30 September": "Sales rose 9%",  # the clause after "after"
                      "10 June": "Results are due"}  # (the full year: the period they are for)
    article = Article("p.txt", "There will be a winter break in the week of 18 January. The January window "
                      "opens on 1 January.", "Preview", date(2026, 8, 1), "header", None, None, 0)
    assert [(e.date.value, e.title) for e in extract(article).events] == [
        ("2027-W03", "There will be a winter break"), ("2027-01-01", "The January window opens")]


def test_titles_lose_a_dangling_but_not_and_a_cleft_after_a_conjunction() -> None:
    assert _titles_in("The tenant may give notice, but not before 30 June 2027. But it was not until "
                      "Tuesday that Castro revealed the plan.") == {
        "30 June 2027": "The tenant may give notice", "Tuesday": "Castro revealed the plan"}


def test_a_date_line_under_a_name_dates_an_undated_page_and_takes_the_name() -> None:
    text = ("Frost Fairs: London's Frozen River\n12 December 2026 – 5 April 2027\nThe last frost fair was "
            "held in February 1814. Closed 24–26 December and 1 January.\n")
    result = extract(Article("m.html", text, "Frost Fairs", None, None, None, None, 0))
    assert (result.reference.date, result.reference.source) == (date(2026, 12, 12), "inferred")
    assert [(e.date.value, e.title) for e in result.events] == [
        ("2026-12-12/2027-04-05", "Frost Fairs: London's Frozen River"),
        ("1814-02", "The last frost fair was held"),
        ("2026-12-24/2026-12-26", "Closed"), ("2027-01-01", "Closed")]


def test_a_possessive_left_by_a_removed_period_before_its_verb_goes() -> None:
    titles = _titles_in("Oshkosh estimated earnings for its fourth quarter ended Sept. 30 fell 50% below "
                        "the year-earlier $4.5 million.")
    assert titles == {"fourth quarter ended Sept. 30": "Oshkosh estimated earnings fell 50% below the "
                                                       "year-earlier $4.5 million",
                      "year-earlier": "Oshkosh estimated earnings fell 50% below the $4.5 million"}


def test_a_linking_adverb_opening_the_sentence_leaves_the_title() -> None:
    assert _titles_in("Separately, Citadel posted a net loss of $2.3 million on Tuesday.") == {
        "Tuesday": "Citadel posted a net loss of $2.3 million"}


def test_a_year_opening_a_sentence_with_an_age_in_that_year_makes_one_event() -> None:
    # not a scene setter for a finer date: the age restates the year
    titles = _titles_in("Mara Lindqvist was born on 3 March 1970 in Gothenburg. In 2011, at the age "
                        "of 41, she went back to music.")
    assert titles == {"3 March 1970": "Mara Lindqvist was born in Gothenburg",
                      "2011": "She went back to music"}


def test_a_removed_date_takes_its_to_along_but_not_a_possessive_dates_preposition() -> None:
    titles = _titles_in("There were 4,812 cases in the seven days to Sunday, up from 3,950 the week before.")
    assert titles["the seven days to Sunday"] == "There were 4,812 cases, up from 3,950"  # (a span of days)
    titles = _titles_in("The sequel to last year's surprise hit will open on March 12, 2027.")
    assert titles["March 12, 2027"] == "The sequel to the surprise hit will open"


def test_an_anniversary_day_in_a_year_takes_its_clock_time() -> None:
    article = Article("a.txt", "On this day in 1976, the water reached its highest point at 4am.",
                      "Story", date(2026, 11, 24), "header", None, None, 0)
    [event] = extract(article).events
    assert (event.date.value, event.title) == ("1976-11-24T04:00", "The water reached its highest point")


def test_a_timetable_by_the_minute_makes_no_event_and_an_aside_loses_its_preposition() -> None:
    titles = _titles_in("Ferries leave every 45 minutes between 07:00 and 21:00, and the last departure "
                        "is at 22:45. During the winter timetable, which started on 1 November, there "
                        "are six sailings.")
    assert titles == {"1 November": "The winter timetable started"}


def test_a_dated_aside_in_brackets_is_its_own_event_and_leaves_the_other_title() -> None:
    titles = _titles_in("I moved out of my flat three weeks ago (lease ended Oct 31).")
    assert titles == {"three weeks ago": "I moved out of my flat", "Oct 31": "Lease ended"}
    titles = _titles_in("Head of Data, Riverside Health (March 2018 – present) leads the team.")
    assert "March 2018" not in " ".join(titles.values())


def test_a_record_a_month_is_ranked_behind_and_a_baseline_make_no_event() -> None:
    titles = _titles_in("September was the second warmest on record, after September 2023, with 1.6C "
                        "above the 1991-2020 average.")
    assert list(titles) == ["September"]


def test_a_quarter_told_with_its_end_is_its_own_event_and_a_plan_to_be_presented_is_ahead() -> None:
    titles = _titles_in("Revenue rose 8% in Q3. The quarter ended on Oct. 31. Demand was strong.")
    assert titles["The quarter ended on Oct. 31"] == "The quarter ended on Oct. 31"
    article = Article("a.txt", "The company said its plan, to be presented on March 10, would include a "
                      "buyback.", "Story", date(2026, 11, 20), "header", None, None, 0)
    [event] = extract(article).events
    assert event.date.value == "2027-03-10"


def test_a_title_opening_with_a_quoted_name_loses_its_closing_quote_too() -> None:
    assert _titles_in("'The Long Winter' opens in cinemas on Friday.") == {
        "Friday": "The Long Winter opens in cinemas"}


def test_a_subject_put_back_keeps_its_job_title_and_loses_its_age() -> None:
    titles = _titles_in("Chief executive Maria Lopez said demand was strongest in the back half of the "
                        "quarter and guided to revenue of $4.3 billion for Q4.")
    assert titles["Q4"] == "Chief executive Maria Lopez guided to revenue of $4.3 billion"
    titles = _titles_in("Khan, 19, who signed in the summer, then struck in stoppage time.")
    assert titles["the summer"] == "Khan signed"


def test_an_offset_off_the_calendars_start_leaves_the_date_as_told() -> None:
    # "2024 days before AD 1" would be before year 1: no moved date, and no error
    titles = _titles_in("It returns 2024 days before AD 1 at Christmas.")
    assert "AD 1" in titles


def test_a_diarys_first_entry_is_no_publication_date_and_its_days_go_forward(tmp_path: Path) -> None:
    f = tmp_path / "diary.txt"
    f.write_text("Walking the Camino\n\nMonday 2 September 2024\nSet off at 7am.\n\nTuesday\nRain all "
                 "day.\n\nThursday 5 September\nRest day. The cathedral was closed until 4pm.\n",
                 encoding="utf-8")
    [article] = read_articles(f)
    assert article.published is None
    dates = [e.date.value for e in extract(article).events]
    assert dates == ["2024-09-02T07:00", "2024-09-03", "2024-09-05", "2024-09-05T16:00"]


def test_which_clause_after_a_bare_noun_takes_it_as_its_subject() -> None:
    titles = _titles_in("Plans for 120 homes on the old dairy site have gone out to public consultation, "
                        "which runs until 6 January.")
    assert titles["6 January"] == "Public consultation runs"


def test_the_clause_after_a_colon_is_the_title_of_its_date() -> None:
    titles = _titles_in("The Depression hit hard: in 1931 half the staff were laid off.")
    assert titles == {"1931": "Half the staff were laid off"}


def test_a_year_that_confirms_a_finer_relative_day_beside_it_makes_one_event() -> None:
    article = Article("a.txt", "A century ago today, in 1926, the town had suffered a smaller flood.",
                      "Story", date(2026, 11, 24), "header", None, None, 0)
    assert [(e.date.value, e.title) for e in extract(article).events] == [
        ("1926-11-24", "The town had suffered a smaller flood")]


def test_a_year_month_or_week_up_to_a_date_is_that_span() -> None:
    article = Article("a.txt", "In the year to March, inflation rose 3%. Sales rose 5% in the three "
                      "months to September. Sales in the week ending 15 November fell.", "Story",
                      date(2026, 11, 24), "header", None, None, 0)
    assert [e.date.value for e in extract(article).events] == [
        "2025-04-01/2026-03-31", "2026-07-01/2026-09-30", "2026-11-09/2026-11-15"]


def test_a_clock_time_kept_every_night_or_every_monday_is_a_habit_not_an_event() -> None:
    titles = _titles_in("The store will stay open until 10pm every night. I swim at 6am every Monday.")
    assert titles == {}


def test_festivals_name_things_set_dates_and_make_habits() -> None:
    # a festival that names the celebrations: the day after it dates them
    titles = _titles_in("Diwali celebrations begin on Sunday 8 November with fireworks.")
    assert titles == {"Sunday 8 November": "Diwali celebrations begin with fireworks"}
    # a festival whose start is given: that day dates it, one event
    titles = _titles_in("Ramadan is expected to begin on or around 8 February 2027, depending on the moon.")
    assert titles == {"around 8 February 2027": "Ramadan is expected to begin, depending on the moon"}
    # "every year on" a day is a habit, no event
    assert _titles_in("My grandmother made this pudding every year on Stir-up Sunday.") == {}
    # what something overlaps with stays in its title
    assert _titles_in("The season also overlaps with Hanukkah.") == {
        "Hanukkah": "The season also overlaps with Hanukkah"}


def test_a_festival_beside_a_day_in_its_sentence_makes_no_event_of_its_own() -> None:
    assert _titles_in("December 21: Last night of Hanukkah, music service at 7pm") == {
        "December 21": "Last night of Hanukkah, music service at 7pm"}  # (15-22 December 2025)
    assert _titles_in("We look ahead to Hanukkah, which begins this year at sundown on Sunday, "
                      "December 14.") == {"Sunday, December 14": "Hanukkah begins at sundown"}
    # (but a festival in a clause of its own keeps its event)
    assert _titles_in("We will close over the Christmas break and reopen in January.") == {
        "Christmas": "We will close", "January": "We will reopen"}


def test_a_changelog_heading_and_a_post_label_leave_the_title() -> None:
    article = Article("CHANGELOG.md", "# Changelog\n\n## [3.2.0] - 2026-11-18\n- Dark mode.\n\n"
                      "UPDATE: the release moved to 20 November.\n", "Log", None, "none", None, None, 0)
    titles = [e.title for e in extract(article).events]
    assert "3.2.0" in titles and "The release moved" in titles, titles


def test_a_history_before_christ_gets_no_invented_dates() -> None:
    """Days before AD 1 have a TimeML value but no place on the calendar; a text whose only
    later dates are "AD 14" and "the 20th century" is not dated by them."""
    text = ("Julius Caesar was stabbed on 15 March 44 BC, the Ides of March. A month earlier he had "
            "been made dictator. Augustus ruled until his death in AD 14. The calendar stayed in use "
            "until the 20th century.")
    article = Article("rome.txt", text, "History", None, "none", None, None, 0)
    result = extract(article)
    assert [t.value for t in result.timexes if t.text == "15 March 44 BC"] == ["BC0044-03-15"]
    assert sorted(e.date.value for e in result.events) == ["0014", "19"]


def test_spans_to_a_day_and_a_month_that_names_a_meeting() -> None:
    titles = _titles_in("Sales during the 10 days to 8 November were up 18%.")
    assert titles == {"the 10 days to 8 November": "Sales were up 18%"}
    titles = _titles_in("Wednesday's minutes from the Fed's October meeting showed officials wanted a cut.")
    assert list(titles) == ["Wednesday"]
    titles = _titles_in("Residents were told in a letter dated 3 November.")
    assert titles == {"3 November": "Residents were told in a letter"}


def test_asides_antecedents_and_baselines_in_titles() -> None:
    # a date inside a "who" aside: the aside's clause, not the main clause's predicate
    titles = _titles_in("Margaret Ellis, who ran the post office from 1962 until it closed in 2002, "
                        "died peacefully at home on Thursday.")
    assert titles["2002"] == "It closed" and titles["Thursday"] == "Margaret Ellis died peacefully at home"
    # "which" after a date: the noun before the date, or the clause's own subject
    titles = _titles_in("The firm bought a plant in 2019, which it sold in 2024.")
    assert titles["2024"] == "It sold a plant"
    titles = _titles_in("It had cash of $412 million at September 30, 2025, which it expects to fund "
                        "operations into 2029.")
    assert titles["2029"] == "It expects to fund operations"
    # a quarter a figure is compared with is no event; nor a clock naming a deadline of a month
    assert "the third quarter of fiscal 2024" not in _titles_in(
        "Revenue for the quarter was $1.2 billion, up 12% from the third quarter of fiscal 2024.")
    titles = _titles_in("Rovers tried to sign him on deadline day in September, but the deal collapsed an "
                        "hour before the 7pm cut-off.")
    assert list(titles) == ["September"]
    # "the 1998 New Year Honours": a year naming the honours list, no New Year's Day
    assert _titles_in("She was made an MBE in the 1998 New Year Honours.") == {
        "1998": "She was made an MBE in the 1998 New Year Honours"}


def test_a_viewing_on_a_written_day_is_no_timetable() -> None:
    titles = _titles_in("Viewings: Saturday 22 November, 10am-12pm, or by appointment.")
    assert list(titles) == ["Saturday 22 November, 10am-12pm"]
    assert _titles_in("Opening hours: 9am-5pm Mon-Fri, or by appointment.") == {}


def test_funeral_notices_and_flight_times() -> None:
    titles = _titles_in("Visitation will be from 4 to 7 p.m. Friday at Miller Funeral Home. Services "
                        "will be held at 11 a.m. Saturday.")
    assert titles == {"4 to 7 p.m. Friday": "Visitation will be at Miller Funeral Home",
                      "11 a.m. Saturday": "Services will be held"}
    article = Article("a.txt", "Flights resumed at 6am local time (0600 GMT) on Wednesday after snow forced "
                      "the airport to close at 9.40pm on Tuesday. Disruption was likely to last until at "
                      "least midday.", "Travel", date(2026, 12, 2), "header", None, None, 0)
    events = {e.date.text: (e.date.value, e.title) for e in extract(article).events}
    assert events["6am"] == ("2026-12-02T06:00", "Flights resumed")
    assert events["midday"][0] == "2026-12-02T12:00"  # (the midday after that 9.40pm)


def test_a_second_clause_with_a_present_verb_has_its_own_title() -> None:
    titles = _titles_in("The Act received Royal Assent on 27 October and its first measures take effect "
                        "on 1 May next year.")
    assert titles == {"27 October": "The Act received Royal Assent",
                      "1 May next year": "Its first measures take effect"}
    titles = _titles_in("Play starts at 10.30am local time (02:30 GMT) on Monday.")
    assert list(titles.values()) == ["Play starts"]


def test_which_it_said_would_takes_the_noun_as_subject() -> None:
    titles = _titles_in("Orbit unveiled the Fold 3, its first foldable phone in two years, which it said "
                        "would ship in the first quarter of 2026.")
    assert titles["the first quarter of 2026"] == "Its first foldable phone in two years would ship"


def test_an_undated_thread_is_dated_by_the_year_its_weekdays_fit_and_posts_take_their_text() -> None:
    from timeline_app.core.extract import weekday_fit_reference
    from timeline_app.core.tagger import Tagger

    text = ("CityMetro @CityMetroAlerts · Nov 23\nRed Line service is suspended due to a signal fault.\n\n"
            "CityMetro @CityMetroAlerts · 2h\nWeekend work: no Blue Line on Sat Nov 28 and Sun Nov 29.")
    tagger = Tagger()
    weekdays = {str(k).lower(): int(v) for k, v in tagger.rules.table("weekday").items()}
    timexes = tagger.tag(text, None)
    # Saturday 28 November: 2026 seen from late 2026, 2020 from 2023 (the nearer of 2020 and 2026)
    assert weekday_fit_reference([], timexes, weekdays, date(2026, 11, 25))[0] == date(2026, 11, 28)  # type: ignore[index]
    assert weekday_fit_reference([], timexes, weekdays, date(2023, 3, 1))[0] == date(2020, 11, 28)  # type: ignore[index]
    # one day with its weekday and month fits too: "Saturday 8 March" is 2025's, seen from 2026
    open_day = tagger.tag("Open day: Saturday 8 March", None)
    fitted = weekday_fit_reference([], open_day, weekdays, date(2026, 11, 25))
    assert fitted is not None and fitted[0] == date(2025, 3, 8)
    events = extract(_article("a.txt", text, date(2026, 11, 25))).events
    # a post's author and stamp head its text: the post is the event
    assert events[0].title == "Red Line service is suspended due to a signal fault"


def test_a_story_told_day_by_day_keeps_its_days() -> None:
    text = ("A man was jailed for life on Thursday. The court heard that at around 11.15pm on Saturday 8 "
            "March, Platt forced a rear window. In the early hours of Sunday, a neighbour called police. "
            "Mrs Walsh died nine days later. Platt was arrested on 12 March.")
    events = {e.date.text: e for e in extract(_article("a.txt", text, date(2026, 11, 20))).events}
    # 8 March 2026 is a Sunday: the Saturday 8 March is 2025's, and the story's days follow it
    assert events["around 11.15pm on Saturday 8 March"].date.value == "2025-03-08T23:15"
    assert events["around 11.15pm on Saturday 8 March"].title == "Platt forced a rear window"
    assert events["Sunday"].date.value == "2025-03-09"
    assert events["nine days later"].date.value == "2025-03-18"
    assert events["12 March"].date.value == "2025-03-12"  # a few days before the story's day
    assert events["Thursday"].date.value == "2026-11-19"  # the news stays the news
    # a weekday after a day whose weekday was not written is the news's: "arrested on 12 March.
    # On Tuesday, he was charged" may well be this week
    later = {e.date.text: e.date.value for e in extract(_article(
        "b.txt", "He was arrested on 12 March. On Tuesday, he was charged.", date(2026, 11, 20))).events}
    assert later["Tuesday"] == "2026-11-17"
    # a day close to the news is the news's year, whatever the story before it
    near = {e.date.text: e.date.value for e in extract(_article(
        "c.txt", "Stir-up Sunday fell on 23 November 2025. This year it is on 22 November.",
        date(2026, 11, 20))).events}
    assert near["22 November"] == "2026-11-22"
    # a month told: a day within two months before it is of its year
    fined = {e.date.text: e.date.value for e in extract(_article(
        "d.txt", "She was fined in June 2023. The signs were removed during roadworks that began on 2 May.",
        date(2026, 11, 18))).events}
    assert fined["2 May"] == "2023-05-02"


def test_titles_of_relative_clauses_asides_and_reported_openings() -> None:
    titles = _titles_in(
        "You must file a return for the 2025/26 tax year, which ran from 6 April 2025 to 5 April 2026. "
        "It is the last release to support Python 3.9, which reached end of life in October 2024. "
        "Version 5.0, due in the second half of 2027, drops the legacy API that was deprecated in 2023. "
        "Darren Platt, 37, of no fixed address, was jailed on Monday. "
        "Police said that on Tuesday, a man was arrested. "
        "Returns must be filed by 31 January 2027, which is also when any tax owed must be paid.")
    assert titles["6 April 2025"] == "The 2025/26 tax year ran"
    assert titles["October 2024"] == "Python 3.9 reached end of life"
    assert titles["the second half of 2027"] == "Version 5.0 is due"
    assert titles["2023"] == "The legacy API was deprecated"
    assert titles["Monday"] == "Darren Platt was jailed"
    assert titles["Tuesday"] == "A man was arrested"
    assert titles["31 January 2027"] == "Returns must be filed"  # what is said of the day is not


def test_a_since_date_with_its_when_clause_ranges_and_comparisons_in_a_sports_and_weather_report() -> None:
    text = ("It was Pools' first home win since August 30, when they beat Yeovil 3-0. Pools travel to "
            "Altrincham on Tuesday night. Last winter was mild in London, with no air frost between December "
            "and February. The phone costs $1,799, the same as last year's model, which launched in October "
            "2025. Google's new phone will be available from today and will go on sale on 4 December.")
    events = {e.date.text: e for e in extract(_article("a.txt", text, date(2026, 11, 22))).events}
    assert events["August 30"].title == "They beat Yeovil 3-0"  # a day the text tells of
    assert events["Tuesday night"].date.value == "2026-11-24TNI"  # a fixture ahead
    assert events["December"].date.value == "2025-12/2026-02"  # the span just gone, in order
    assert "last year" not in events  # a model compared with, not an event
    assert events["4 December"].title == "Google's new phone will go on sale"


def test_titles_of_object_relatives_rulings_and_bare_nouns() -> None:
    titles = _titles_in(
        "He is survived by his wife, Margaret, whom he married in 1962, and two daughters. "
        "The treaty, which the two presidents signed in 2019, expired. "
        "A judge has ruled that Northshire County Council issued fines unlawfully between 2021 and 2024. "
        "The signs had been removed during roadworks that began on 2 May.")
    assert titles["1962"] == "He married Margaret"
    assert titles["2019"] == "The two presidents signed the treaty"
    assert titles["2021"] == "Northshire County Council issued fines unlawfully"
    assert titles["2 May"] == "Roadworks began"


def test_a_travel_diary_counts_its_days_and_a_history_its_years() -> None:
    trip = ("We flew into Venice on Saturday 5 September.\n\n**Day 1 (Sun):** Drove to Cortina.\n\n"
            "**Day 2 (Mon):** Walked by the lake. It was busy.\n\n**Day 4 (Wed):** Rain all day.\n\n"
            "On our last day, Friday, we took the cable car. We were home by Saturday evening.")
    days = {e.date.text: e.date.value for e in extract(_article("a.md", trip, date(2026, 9, 20))).events}
    assert days == {"Saturday 5 September": "2026-09-05", "Sun": "2026-09-06", "Mon": "2026-09-07",
                    "Wed": "2026-09-09", "Friday": "2026-09-11", "Saturday evening": "2026-09-12TEV"}
    history = ("In the hot summer of 1858, the smell on the Thames became unbearable. For decades, the "
               "sewers had emptied into the river. Cholera outbreaks in 1832, 1849 and 1854 killed "
               "thousands. Within eighteen days of the stink peaking in June, Parliament passed a bill.")
    article = Article("h.txt", history, "The Great Stink", None, None, None, None, 0)
    events = {e.date.text: e for e in extract(article).events}
    assert events["June"].date.value == "1858-06"  # the years listed recall; the story stays in 1858
    assert events["summer of 1858"].title == "The smell on the Thames became unbearable"


def test_figures_compared_with_are_no_events() -> None:
    titles = _titles_in("Northwind made a profit of $412 million on Monday, compared with a loss of $38 "
                        "million a year earlier. Bookings were running 9% ahead of last year. Oil fell "
                        "to $61, down from a peak of $84 in mid-October.")
    assert set(titles) == {"Monday", "mid-October"}


def test_titles_across_a_dated_aside() -> None:
    titles = _titles_in("Comet K1, discovered by an amateur astronomer in Chile in May last year, will pass "
                        "closest to Earth next Tuesday. Garden waste collections will pause over winter, "
                        "from 7 December, and restart on 1 March.")
    assert titles["next Tuesday"] == "Comet K1 will pass closest to Earth"
    assert titles["May last year"] == "Comet K1 was discovered by an amateur astronomer in Chile"
    assert titles["1 March"] == "Garden waste collections will restart"


def test_a_forecast_by_day_labels_looks_ahead() -> None:
    text = ("Tonight: Clear spells and a widespread frost.\n\nThursday: A cold, bright start, then cloud "
            "thickening from the west.\n\nFriday: Rain spreading east.\n\nOutlook for Saturday to Monday: "
            "Unsettled, with gales, especially on Sunday.\n\nNext week: the Aberfan disaster, 60 years "
            "on.\n\nShares are up 14% so far this year.")
    days = {e.date.text: e.date.value for e in extract(_article("a.txt", text, date(2026, 11, 25))).events}
    assert days["Thursday"] == "2026-11-26"  # a day's own label, with no tense: ahead
    assert days["Saturday"] == "2026-11-28/2026-11-30"
    assert days["Sunday"] == "2026-11-29"
    assert days.get("60 years on") in (None, "2026")  # now, sixty years after it; not 2086
    assert "this year" not in days  # a running figure
    past = extract(_article("b.txt", "The forecast for Monday was wrong.", date(2026, 11, 25))).events
    assert past[0].date.value == "2026-11-23"  # (a forecast for a day gone)


def test_a_day_called_for_lies_ahead_and_an_out_aside() -> None:
    events = {e.date.text: e for e in extract(_article(
        "a.txt", "A by-election in Holbury was called for 15 January after the MP resigned. Her tenth "
        "novel, out this week, is her most personal yet.", date(2026, 11, 22))).events}
    assert events["15 January"].date.value == "2027-01-15"
    assert events["this week"].title == "Her tenth novel is out"


def test_clauses_of_their_own_and_a_weekend_still_to_come() -> None:
    events = {e.date.text: e for e in extract(_article(
        "a.txt", "The movers are booked for Friday 11 December, so please pack by Thursday 10 December. "
        "IT will set up the office over that weekend and we'll be in from Monday 14th. From there, Rovers "
        "lost twice before Christmas and went top on Boxing Day. Crews warned some might lack power until "
        "the weekend.", date(2026, 11, 24))).events}
    assert events["Friday 11 December"].title == "The movers are booked"
    assert events["Monday 14th"].title == "We'll be in"
    assert events["Boxing Day"].title == "Rovers went top"
    assert events["the weekend"].date.value == "2026-W48-WE"


def test_a_since_clause_a_festival_name_a_half_marathon_and_a_clock_on_a_told_day() -> None:
    events = {e.date.text: e for e in extract(_article(
        "a.txt", "It is the union's first walkout since the dispute over pay began in March. Edinburgh's "
        "Hogmanay will run from 29 December to 1 January. Last summer I ran my first half marathon. Two "
        "years ago today I had my last drink. I remember it: a glass of wine at about four in the afternoon.",
        date(2026, 11, 21))).events}
    assert events["March"].title == "The dispute over pay began"
    assert events["29 December"].title == "Edinburgh's Hogmanay will run"
    assert "first half" not in events  # a race, not a half-year
    assert events["about four in the afternoon"].date.value == "2024-11-21T16:00"  # that day's afternoon


def test_a_hyphenated_participle_and_a_possessive_day_after_will() -> None:
    days = {e.date.text: e.date.value for e in extract(_article(
        "a.txt", "The decision will be rubber-stamped on Thursday. Kerr will face Sinner in Sunday's final. "
        "Relatives said they would look for ways around Monday's ruling.", date(2026, 11, 18))).events}
    assert days["Thursday"] == "2026-11-19"  # "rubber-stamped" after "will be" tells no past
    assert days["Sunday"] == "2026-11-22"
    assert days["Monday"] == "2026-11-16"  # a reported plan ("would") around a ruling already made


def test_a_rescue_told_through_the_night() -> None:
    text = ("Two climbers were rescued on Sunday morning. The pair set off from the north face car park at "
            "about 7am on Saturday but became stuck. The rescue team was called out at 5.20pm. Rescuers "
            "reached them shortly after 2am. Voters in Westshire North will elect a new MP on Thursday.")
    days = {e.date.text: e.date.value for e in extract(_article("a.txt", text, date(2026, 11, 22))).events}
    assert days["about 7am on Saturday"] == "2026-11-21T07:00"  # "north face": a place, no future
    assert days["5.20pm"] == "2026-11-21T17:20"
    assert days["2am"] == "2026-11-22T02:00"  # the small hours after an evening: the next day
    assert days["Thursday"] == "2026-11-26"  # ("North will elect": a name, then the future)


def test_habits_long_when_clauses_named_days_and_last_nights_clock() -> None:
    events = {e.date.text: e for e in extract(_article(
        "a.txt", "Offers are usually made between November and May. When the Soviet Union blocked all "
        "road, rail and canal access to West Berlin on 24 June 1948, the Allies began an airlift. On 16 "
        "April, the so-called Easter Parade, nearly 13,000 tons were delivered. Firefighters were called "
        "at 10.15pm last night.", date(2026, 11, 25))).events}
    assert "November" not in events  # a habit
    assert events["24 June 1948"].title == ("The Soviet Union blocked all road, rail and canal access to "
                                            "West Berlin")
    assert events["16 April"].title == "Nearly 13,000 tons were delivered"
    assert events["10.15pm last night"].date.value == "2026-11-24T22:15"


def test_a_thread_of_posts_stamped_without_a_year() -> None:
    from datetime import timedelta

    from timeline_app.core.extract import post_stamp_reference
    from timeline_app.core.tagger import Tagger

    text = ("Maya Chen @mayachen · Nov 22\nRan the Leeds 10k this morning, a PB!\n\n"
            "Maya Chen @mayachen · Nov 20\nRest day tomorrow, race on Sunday.\n\n"
            "Maya Chen @mayachen · Nov 14\nSigned up for the Leeds 10k next weekend.")
    stamps = Tagger().tag(text, None)
    # the latest stamp, as the latest such day up to today (a saved thread is recent)
    assert post_stamp_reference(text, stamps, date(2026, 12, 1)) is not None
    assert post_stamp_reference(text, stamps, date(2026, 12, 1))[0] == date(2026, 11, 22)  # type: ignore[index]
    assert post_stamp_reference(text, stamps, date(2027, 3, 1))[0] == date(2026, 11, 22)  # type: ignore[index]
    result = extract(Article("t.txt", text, "Posts", None, None, None, None, 0))
    reference = result.reference.date
    assert result.reference.source == "inferred" and reference is not None
    assert (reference.month, reference.day) == (11, 22)
    days = {e.date.text: e.date for e in result.events}
    # each post is told on its own stamp's day: "next weekend" from 14 November, "Sunday" from the 20th
    fourteenth, twentieth = date(reference.year, 11, 14), date(reference.year, 11, 20)
    assert days["next weekend"].earliest == fourteenth - timedelta(days=fourteenth.weekday() - 12)
    assert days["Sunday"].earliest == twentieth + timedelta(days=(6 - twentieth.weekday()) % 7 or 7)
