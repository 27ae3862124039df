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
