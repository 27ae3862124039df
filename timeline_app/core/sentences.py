"""Sentence boundaries, shared by the tagger (the tense of a clause) and events (snippets).

A full stop ends a sentence unless it closes an abbreviation that usually goes on ("Mr.",
"Sept. 30", "Gen. Lee") or an initial ("Daniel P. Davison", "the U.S. Army"). The
abbreviations are data: ``not_sentence_end`` in ``resources/rules/en/vocabulary.yaml``.
"""

from __future__ import annotations

import functools

import regex

from timeline_app.core.rules import default_rules

_CLOSERS = r"[\"'”’)\]]*"
_OPENERS = r"[\"'“‘(\[]?"


@functools.cache
def _terminal() -> str:
    """Regex for sentence-final punctuation: '!', '?', '…', or a '.' that ends no abbreviation."""
    words = sorted(default_rules().words("not_sentence_end"), key=len, reverse=True)
    abbreviations = "|".join(regex.escape(w) for w in words)
    return rf"(?:(?<!(?<![\w.])(?:{abbreviations})|(?<!\w)[A-Z])\.|[!?…])"


@functools.cache
def _starts_pattern() -> regex.Pattern[str]:
    return regex.compile(
        rf"{_terminal()}{_CLOSERS}\s+(?={_OPENERS}[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“])")


@functools.cache
def _ends_pattern() -> regex.Pattern[str]:
    return regex.compile(rf"(?<={_terminal()}){_CLOSERS}\s+(?={_OPENERS}[A-Z0-9])|\n+")


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin (the first is 0); blank lines also separate them."""
    return [0] + [m.end() for m in _starts_pattern().finditer(text)]


def sentence_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets of ``text`` from ``start`` on, whitespace trimmed; every
    line break ends a sentence (headlines, list items)."""
    spans = []
    pos = start
    for m in _ends_pattern().finditer(text, start):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
