"""Sentence boundaries, shared by the tagger (the tense of a clause) and events (snippets).

A full stop ends a sentence unless it closes an abbreviation that usually goes on ("Mr.",
"Sept. 30", "Gen. Lee") or an initial ("Daniel P. Davison", "the U.S. Army"). The
abbreviations are data: ``not_sentence_end`` in ``resources/rules/en/vocabulary.yaml``.
Candidate boundaries are found by one standard-library regex; only those after a full stop
are checked against the list (a few dozen per article).
"""

from __future__ import annotations

import functools
import itertools
import re
import string

from timeline_app.core.rules import default_rules

# quotes, brackets, Markdown emphasis ("**Playground.** The"), footnote marks ("in 1952.[2] In")
_CLOSERS = r"(?:[\"'”’)\]*_]|\[[0-9]{1,3}\])*"
_OPENERS = r"[\"'“‘(\[`*_]{0,2}"
# Each pattern begins with one character class, so the engine skips ahead in C to the next
# stop or line break (three times faster than an alternation of the two): a match starts at
# the stop or at the first line break.
_STOP_CHARS = "[.!?…。！？]"
# posts run on in lower case after "!!" or "?!" ("just landed in lisbon!! back home on the 28th")
_POST_BREAK = r"(?<=[!?][!?])\s+(?=[a-z])"
_STARTS = re.compile(
    rf"[.!?…。！？\n](?:(?<={_STOP_CHARS}){_CLOSERS}\s+(?={_OPENERS}[A-Z0-9])|{_POST_BREAK}"
    # (a line opening with a stamp, a chat's "12/11/2026, 18:04 - Sam:" or a log's "14:05", too)
    rf"|(?<=\n)(?:\s*\n|(?=[A-Z\"“]|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}}\b|[0-9]{{1,2}}:[0-9]{{2}}\b)))")
_ENDS = re.compile(
    rf"[.!?…。！？\n](?:(?<={_STOP_CHARS}){_CLOSERS}\s+(?={_OPENERS}[A-Z0-9])|{_POST_BREAK}"
    rf"|(?<=\n)\n*)")
_TOKEN_CHARS = string.ascii_letters + string.digits + "."


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(default_rules().words("not_sentence_end"))


@functools.cache
def _date_words() -> frozenset[str]:
    """Month and weekday abbreviations, which go on only into more of a date, and month names."""
    return frozenset(default_rules().words("date_abbreviations"))


@functools.cache
def _zones() -> frozenset[str]:
    return frozenset(default_rules().words("zones_after_clock"))


def _goes_on(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation or an initial (or the "p.m."
    of "8 p.m. ET")."""
    if text[stop] != ".":
        return False
    if "\n" in text[stop + 1:stop + 3]:
        after = text[stop + 1:stop + 12]
        if after[:len(after) - len(after.lstrip())].count("\n") >= 2:
            return False  # a blank line after it: "fines start from 4 Jan." / "3/ Until then ..."
    chunk = text[max(0, stop - 12):stop]
    token = chunk[len(chunk.rstrip(_TOKEN_CHARS)):]  # "Sept", "U.S": the word before it
    last = token.rsplit(".", 1)[-1]  # "U.S" -> "S"
    if token.lower() in ("a.m", "p.m"):  # "8 p.m. ET", "4 to 7 p.m. Friday at the funeral home"
        following = text[stop + 1:stop + 12].split(None, 1)
        return bool(following) and (following[0].rstrip(".,;:!?)") in _zones()
                                    or following[0].rstrip(".,;:!?)") in _WEEKDAY_NAMES)
    if token in _COMPANY_SUFFIXES and text.startswith(" (", stop + 1):
        return True  # "Greenfield Foods, Inc. (NASDAQ: GRNF) today announced"
    if not ((len(last) == 1 and last.isupper()) or token in _abbreviations()):
        return False
    # ... unless a pronoun or an article opens a sentence after it ("in Falmouth, Mass. She was 91")
    following = text[stop + 1:stop + 12].split(None, 1)
    if not following:
        return True
    word = following[0].strip("\"“'‘(")
    dated = _date_words()
    if token in dated:  # "Sept. 30", "Mon. Nov. 3" go on; "as of 5am Mon. Thanks" ends
        return word[:1].isdigit() or word.rstrip(".,") in dated
    return word not in _SENTENCE_OPENERS


_COMPANY_SUFFIXES = frozenset("Inc Corp Co Ltd Plc plc LLC Bhd Pty AG SA NV".split())
_WEEKDAY_NAMES = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_SENTENCE_OPENERS = frozenset(
    "She He It We They The This That These Those There His Her Its Our Their But".split())
SHORT_LINE = 40  # characters: a line this short always ends its sentence (a post, a list item)
_ENDS_A_POST = re.compile(r"[.!?…\u2000-\U0010ffff]$")


def _lines_of_their_own(text: str) -> list[int]:
    """Starts of lines in lower case that begin a sentence of their own: after a short line
    (shorter than the text's wrapped lines by a quarter), or one that ends in a stop or emoji."""
    lines = text.split("\n")
    short = max(SHORT_LINE, 3 * max(map(len, lines)) // 4)
    found = []
    at = 0
    for line, following in itertools.pairwise(lines):
        at += len(line) + 1
        if (following[:1].islower() and line.strip()
                and (len(line) <= short or _ENDS_A_POST.search(line))):
            found.append(at)
    return found


_STOPS = re.compile(rf"[.]{_CLOSERS}\s+(?={_OPENERS}[A-Z0-9])")
_LOWER_LINE_START = re.compile(r"\n[ \t]*[a-z]")
_LOWER_STOPS = re.compile(rf"\.(?<=[A-Za-z0-9)]\.){_CLOSERS}[ \t]+(?=[a-z])")


POST_LENGTH = 600  # characters: a text of one line up to this long may be a post


@functools.lru_cache(maxsize=4)
def _lower_case_breaks(text: str) -> tuple[tuple[int, int], ...]:
    """(stop, next start) of full stops before a lower-case word in a text written in lower
    case (most of its lines start so: posts), where they end sentences too ("last week was
    rough. mon and tue i was sick"); abbreviations still go on."""
    if not _LOWER_STOPS.search(text):
        return ()
    if "\n" not in text:  # a post of one line, written in lower case from its first word
        if len(text) > POST_LENGTH or not text.lstrip("\"'“‘(@#")[:1].islower():
            return ()
    else:
        lower = len(_LOWER_LINE_START.findall(text))  # (the first line aside)
        if lower < 2 or 2 * lower < text.count("\n") - text.count("\n\n"):
            return ()
    return tuple((m.start(), m.end()) for m in _LOWER_STOPS.finditer(text)
                 if not _goes_on(text, m.start())
                 and "." not in text[max(0, m.start() - 4):m.start()])  # "e.g."


@functools.lru_cache(maxsize=4)
def _continuing_stops(text: str) -> frozenset[int]:
    """The full stops of ``text`` before a capital that do not end a sentence: worked out
    once per text for both the tagger's and the events' sentences."""
    return frozenset(m.start() for m in _STOPS.finditer(text) if _goes_on(text, m.start()))


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin (the first is 0); blank lines also separate them, and a
    short line, or one that ends in a stop or an emoji, does from the next in lower case
    ("see you tmrw" / "been waiting since 6am": posts, one a line; wrapped prose goes on)."""
    starts = [0]
    going_on = _continuing_stops(text)
    for m in _STARTS.finditer(text):
        if m.start() not in going_on:  # a line break is never in it
            starts.append(m.end())
    if "\n" in text and (short := _lines_of_their_own(text)):
        starts = sorted(set(starts).union(short))
    if lower := _lower_case_breaks(text):
        starts = sorted(set(starts).union(after for _, after in lower))
    return starts


def sentence_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets of ``text`` from ``start`` on, whitespace trimmed; every
    line break ends a sentence (headlines, list items)."""
    spans = []
    pos = start
    going_on = _continuing_stops(text)
    for m in _ENDS.finditer(text, start):
        stop = m.start()
        if text[stop] == "\n":
            end = stop
        elif stop in going_on:
            continue
        else:
            end = stop + 1  # the stop stays in its sentence
        if end > pos:
            spans.append((pos, end))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    for stop, after in _lower_case_breaks(text):
        at = next((i for i, (s, e) in enumerate(spans) if s <= stop < e), None)
        if at is not None and stop + 1 < spans[at][1]:
            s, e = spans[at]
            spans[at:at + 1] = [(s, stop + 1), (after, e)]
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
