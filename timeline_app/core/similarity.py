"""How alike two reports of a happening read: the words around their date phrase, stemmed and
mapped to a canonical synonym, compared with rapidfuzz's token-set ratio (chosen because it
ignores word order and extra words, which is how two outlets retell one fact). Word lists are
data: ``resources/merge/synonyms.yaml`` and ``resources/merge/stopwords.yaml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from timeline_app.core import yaml_safe
from timeline_app.core.events import Event
from timeline_app.resources import merge_opposites_path, merge_stopwords_path, merge_synonyms_path

_WORD = re.compile(r"[A-Za-z0-9']+")


def _word_list(path: Path) -> Any:
    """A merge word list's data, None when it is missing or unreadable (merging then goes on
    without it)."""
    try:
        return yaml_safe.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml_safe.YAMLError):
        return None


@functools.cache
def _stop_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _word_list(merge_stopwords_path()) or [])


@functools.cache
def _synonyms() -> dict[str, str]:
    """Stemmed word -> canonical word, from ``resources/merge/synonyms.yaml``."""
    data = _word_list(merge_synonyms_path()) or {}
    table: dict[str, str] = {}
    for canonical, words in data.items():
        for word in [canonical, *(words or [])]:
            word = str(word).lower()
            table.setdefault(_stem(word), str(canonical))
            if word.endswith("e") and len(word) > 4:  # "resumed" stems to "resum"
                table.setdefault(word[:-1], str(canonical))
    return table


@functools.cache
def _opposites() -> dict[str, str]:
    """Canonical word -> its opposite, both ways, from ``resources/merge/opposites.yaml``."""
    table: dict[str, str] = {}
    for a, b in (_word_list(merge_opposites_path()) or {}).items():
        table[str(a)] = str(b)
        table[str(b)] = str(a)
    return table


def contrary_words(words: frozenset[str]) -> frozenset[str]:
    """The opposites of a description's words that it does not say itself ("suspended" ->
    "reopen"): a description holding one of them, and not the word it opposes, is about
    the opposite happening."""
    table = _opposites()
    return frozenset(other for word in words if (other := table.get(word)) is not None
                     and other not in words)


def opposed(contrary: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether a description (its :func:`contrary_words`) says the opposite of ``theirs``."""
    if contrary.isdisjoint(theirs):
        return False  # the usual case, found in C
    table = _opposites()
    return any(table[other] not in theirs for other in contrary & theirs)


def _stem(word: str) -> str:
    """A crude English stem, enough to meet 'closed', 'closes' and 'closing' in one word."""
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            return stem + "y" if suffix in ("ied", "ies") else stem
    return word


def terms(text: str) -> frozenset[str]:
    """Content words of a description, stemmed and mapped to their canonical synonym."""
    out = set()
    for word in _WORD.findall(text.lower()):
        term = _TERM_OF.get(word)
        if term is None:
            term = _TERM_OF[word] = _term(word)
        if term:
            out.add(term)
    return frozenset(out)


_TERM_OF: dict[str, str] = {}  # word -> its term ("" for none): words repeat a lot


def _term(word: str) -> str:
    """A lower-case word's term: its canonical stem, or "" for a stop word, number or short word."""
    if word in _stop_words() or word.isdigit() or len(word) < 3:
        return ""
    synonyms = _synonyms()
    stem = _stem(word)
    return synonyms.get(stem, synonyms.get(word, stem))


def _window(event: Event, words: int = 8) -> str:
    """The words right around the date phrase in its sentence, plus the event title."""
    sentence = event.snippet
    offset = event.date.start - event.start
    if 0 <= offset <= len(sentence):
        before = sentence[:offset].split()[-words:]
        after = sentence[offset + (event.date.end - event.date.start):].split()[:words]
        return " ".join([event.title, *before, *after])
    return event.title


@dataclass(slots=True)
class Terms:
    """A description's terms, and the same as one sorted string (for rapidfuzz)."""

    words: frozenset[str]
    text: str

    @classmethod
    def of(cls, event: Event, known: dict[str, Terms] | None = None) -> Terms:
        """The terms of an event's description; ``known`` (window text -> terms), when given,
        is looked up and filled: reports of one story often repeat a sentence word for word,
        and they then share one object."""
        window = _window(event)
        if known is not None:
            found = known.get(window)
            if found is not None:
                return found
        words = terms(window)
        made = cls(words, " ".join(sorted(words)))
        if known is not None:
            known[window] = made
        return made


def similarities(query: str, choices: list[str], cutoff: float) -> list[tuple[str, float, int]]:
    """``(choice, score, index)`` of the choices whose token-set similarity to ``query`` reaches
    ``cutoff``: one call into rapidfuzz for many choices (the query is prepared once)."""
    return process.extract(query, choices, scorer=fuzz.token_set_ratio, limit=None,
                           score_cutoff=cutoff)
