"""Sentence boundaries: abbreviations and initials do not end a sentence."""

from __future__ import annotations

from datetime import date

from timeline_app.core.sentences import sentence_spans, sentence_starts
from timeline_app.core.tagger import Tagger


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = ("The deal closed on Sept. 30 after Gen. Smith and Daniel P. Davison met at the "
            "U.S. Army base. Then it ended.")
    assert _sentences(text) == [text[:text.index(" Then")], "Then it ended."]


def test_sentences_still_end_at_full_stops_questions_and_line_breaks() -> None:
    text = 'It was Plan B. Then?\nHeadline\nShe said "Yes." OK.'
    assert _sentences(text) == ["It was Plan B. Then?", "Headline", 'She said "Yes.', "OK."]
    assert sentence_starts("One. Two.\n\nThree") == [0, 5, 11]


def test_the_tense_of_a_clause_reaches_past_an_initial() -> None:
    # "will" is in the same sentence as "Feb. 1", so it is next year's
    timexes = Tagger().tag("He will succeed Daniel P. Davison Feb. 1, the company said.",
                           date(1989, 10, 26))
    assert [t.value for t in timexes if t.text == "Feb. 1"] == ["1990-02-01"]


def test_a_time_zone_after_a_clock_time_does_not_start_a_sentence() -> None:
    text = "Polls close at 8 p.m. ET; results come later. Dinner at 7 p.m. Local bands played."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Polls close at 8 p.m. ET; results come later.", "Dinner at 7 p.m.", "Local bands played."]


def test_a_post_runs_on_in_lower_case_after_two_marks() -> None:
    text = 'just landed in lisbon!! back home on the 28th. What?! no way. "Help!" he said. Yahoo! said so.'
    assert _sentences(text) == ["just landed in lisbon!!", "back home on the 28th.", "What?!", "no way.",
                                '"Help!" he said.', "Yahoo! said so."]


def test_posts_in_lower_case_end_sentences_at_full_stops() -> None:
    posts = ("gym at 6:30 tmrw\nlast week was rough. mon and tue i was sick\n"
             "flight got cancelled AGAIN. rebooked for sunday e.g. the 15th\nsee u there")
    assert _sentences(posts) == ["gym at 6:30 tmrw", "last week was rough.", "mon and tue i was sick",
                                 "flight got cancelled AGAIN.", "rebooked for sunday e.g. the 15th",
                                 "see u there"]
    # prose in sentence case keeps its lower-case runs ("approx. ten", "vs. rivals")
    prose = "It cost approx. ten pounds.\nThe team won vs. rivals.\nIt rained."
    assert _sentences(prose) == ["It cost approx. ten pounds.", "The team won vs. rivals.", "It rained."]
    values = {t.text: t.value for t in Tagger().tag(posts, date(2026, 3, 12))}
    assert values["sunday"] == "2026-03-15"  # rebooked for: ahead


def test_a_wire_quote_in_backticks_opens_a_sentence() -> None:
    text = "He met Clinton last week. ``We are back,'' Adams said Sunday."
    assert _sentences(text) == ["He met Clinton last week.", "``We are back,'' Adams said Sunday."]


def test_a_weekday_after_a_week_in_its_sentence_is_a_day_of_it() -> None:
    values = [(t.text, t.value) for t in Tagger().tag("last week, mon and tue i was sick", date(2026, 3, 12))]
    assert values == [("last week", "2026-W10"), ("mon", "2026-03-02"), ("tue", "2026-03-03")]


def test_a_weekday_or_month_abbreviation_goes_on_only_into_more_of_a_date() -> None:
    text = "Line 2 back to normal as of 5:40am Mon. Thanks for your patience. It closed Mon. Nov. 3."
    assert _sentences(text) == ["Line 2 back to normal as of 5:40am Mon.", "Thanks for your patience.",
                                "It closed Mon. Nov. 3."]


def test_a_blank_line_after_an_abbreviation_ends_its_sentence() -> None:
    text = "Cameras start issuing fines from 4 Jan.\n\n3/ Until then it is warning letters only."
    assert _sentences(text) == ["Cameras start issuing fines from 4 Jan.",
                                "3/ Until then it is warning letters only."]


def test_markdown_emphasis_closes_and_opens_sentences() -> None:
    text = "2. **Playground.** The new swings were installed on 2 November."
    assert _sentences(text)[-1] == "The new swings were installed on 2 November."
    assert len(_sentences(text)) == 3
