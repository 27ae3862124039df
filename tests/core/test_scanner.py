"""The dispatch scanner must find exactly what one alternation of all rules finds."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.rules import default_rules
from timeline_app.core.scanner import ANY, DispatchScanner, first_keys

RULES = default_rules()
FULL = RULES.full_scanner()


def _full(text: str) -> list[tuple[int, int, int]]:
    """One alternation of all rules, each match ending before a blank line, as the scanner's."""
    cuts = [m.start() for m in re.finditer(r"\n[^\S\n]*\n", text)] + [len(text)]
    found, start = [], 0
    for cut in cuts:
        found += [(m.start(), m.end(), int((m.lastgroup or "r-1")[1:]))
                  for m in FULL.finditer(text, start, cut)]
        start = cut
    return found


def _dispatch(text: str) -> list[tuple[int, int, int]]:
    return [(m.start(), m.end(), i) for i, m in RULES.scanner.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "prefix", "expected"),
    [
        ("sept(?:ember)?", ("s", "e", "p", "t"), True),
        ("(?:the )?year", ("y", "e", "a", "r"), True),
        ("(?:the )?year", ("t", "h", "e", " ", "y", "e"), True),
        ("[0-9]{4}", ("0", "0", "0", "0"), True),
        ("[0-9]{4}", ("a",), False),
        # a prefix full before a repeat's minimum is reached still counts ("H1 2022")
        (r"H[12](?:\s*[0-9]{4}|-[0-9])", ("h", "0", " ", "0", "0", "0"), True),
    ],
)
def test_first_keys_lists_what_a_match_can_begin_with(pattern: str, prefix: tuple[str, ...],
                                                      expected: bool) -> None:
    keys = first_keys(pattern, re.IGNORECASE)
    assert keys is not None
    assert any(k[:len(prefix)] == prefix for k in keys) is expected


def test_whitespace_runs_are_one_space_and_a_leading_wildcard_means_anywhere() -> None:
    keys = first_keys(r"last\s+year")
    assert keys == frozenset({("l", "a", "s", "t", " ", "y", "e", "a")})  # DEPTH keys
    assert first_keys(r"\w+day") is None
    assert first_keys(r"(?P<x>") is None  # unreadable: tried everywhere
    assert all(ANY not in k[:1] for k in first_keys(r"a.b") or ())


def test_rule_examples_scan_the_same_both_ways() -> None:
    for rule in RULES.rules:
        for example in rule.examples:
            text = f"It was {example[0]}, they said."
            assert _dispatch(text) == _full(text), (rule.id, example[0])


WORDS = ["the", "The", "last", "next", "this", "year", "years", "week", "May", "may", "March",
         "Sept.", "27", "1998", "'80s", "1990s", "early", "late", "mid-", "ago", "later", "a", "few",
         "days", "Tuesday", "night", "3:30", "p.m.", "EST", "fiscal", "quarter", "third", "now",
         "today", "Christmas", "Eve", "of", ",", ".", "-", "–", "$", "12", "%", "old", "since",
         "İstanbul", "ſeptember", "٣", "K", "\u00a0", "\n", "  ", "é", "ß", "Ⅻ"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.lists(st.sampled_from([" ", "", "\n", "-"]),
                                                               min_size=30, max_size=30))
def test_random_word_salad_scans_the_same_both_ways(words: list[str], seps: list[str]) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    assert _dispatch(text) == _full(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_scans_the_same_both_ways(text: str) -> None:
    assert _dispatch(text) == _full(text)


def test_a_rule_that_can_begin_anywhere_is_tried_everywhere() -> None:
    patterns = [regex.compile(r"\w+day", regex.IGNORECASE), regex.compile(r"[0-9]{4}")]
    scanner = DispatchScanner(patterns, r"(?<!\w)")
    found = [(i, m.group(0)) for i, m in scanner.finditer("on Someday in 1998")]
    assert found == [(0, "Someday"), (1, "1998")]


SAMPLE = "On Sept. 27, 2020, about three weeks later, the first week of June 1998 was hot."


def test_the_cached_prefix_trie_scans_as_a_fresh_one(tmp_path: Path) -> None:
    patterns = [rule.regex for rule in RULES.rules]
    fresh = DispatchScanner(patterns, r"(?<!\w)", cache_folder=tmp_path)
    assert list(tmp_path.glob("*.pickle")), "the trie was not cached"
    cached = DispatchScanner(patterns, r"(?<!\w)", cache_folder=tmp_path)
    assert cached._trie == fresh._trie and cached._always == fresh._always

    def spans(scanner: DispatchScanner) -> list[tuple[int, int, int]]:
        return [(m.start(), m.end(), i) for i, m in scanner.finditer(SAMPLE)]

    assert spans(cached) == spans(fresh) == _dispatch(SAMPLE)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(("wrong", "shape"))])
def test_a_damaged_trie_cache_is_rebuilt(tmp_path: Path, damage: bytes) -> None:
    patterns = [rule.regex for rule in RULES.rules]
    DispatchScanner(patterns, r"(?<!\w)", cache_folder=tmp_path)
    (entry,) = tmp_path.glob("*.pickle")
    entry.write_bytes(damage)
    scanner = DispatchScanner(patterns, r"(?<!\w)", cache_folder=tmp_path)
    assert [(m.start(), m.end(), i) for i, m in scanner.finditer(SAMPLE)] == _dispatch(SAMPLE)
    assert entry.read_bytes() != damage  # written again


def test_an_unwritable_trie_cache_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    patterns = [rule.regex for rule in RULES.rules]
    scanner = DispatchScanner(patterns, r"(?<!\w)", cache_folder=blocker / "scanner")
    assert [(m.start(), m.end(), i) for i, m in scanner.finditer(SAMPLE)] == _dispatch(SAMPLE)
