"""A fast single-pass scanner over many rules: dispatch on how the text continues.

Trying ~100 rule alternatives at every position of a text costs about 50 µs per word. But a
rule can only begin with a few character sequences ("sept", "the ea" of "the early", a digit),
so the scanner reads, from Python's regex parser, the set of up-to-eight-character prefixes each
rule's regex can begin with (case-folded, digits as 0, whitespace runs as one space; anything
it cannot bound is a wildcard) and stores them in a trie. One compiled regex built from that
trie finds the positions where some rule may start; there, only the rules whose prefixes
agree with the text are tried, in rule order. The result is exactly what one alternation of
all rules would give: the leftmost match, and the first rule in order that matches there.
The trie is cached on disk (:mod:`~timeline_app.core.prefix_cache`): reading the prefixes out
of the parser's trees takes longer than a new process should wait for its first document.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import regex

from timeline_app.core import prefix_cache

# The standard library's regex parser (private modules, stable since Python 3.11).
sre_parse: Any = importlib.import_module("re._parser")
sre_constants: Any = importlib.import_module("re._constants")

ANY = "*"  # stands for any character in a prefix
MEMO_SIZE = 100_000  # remembered dispatch keys (a few MB), then forgotten at once
_NAMED_GROUP = re.compile(r"\(\?P<[A-Za-z_][A-Za-z_0-9]*>")


def _fold(ch: str) -> str:
    """The dispatch key of one character: case-folded, digits as 0, whitespace as a space."""
    if ch.isspace():
        return " "
    if ch.isdigit():
        return "0"
    return ch.casefold()[:1]


def _literal_keys(ch: str) -> set[str]:
    return {_fold(ch), _fold(ch.swapcase()[:1] or ch)}


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Keys of a character class, or None when it is too wide to enumerate."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre_constants.NEGATE:
            return None
        if op is sre_constants.LITERAL:
            chars |= _literal_keys(chr(av))
        elif op is sre_constants.RANGE:
            lo, hi = av
            if hi - lo > 64:
                return None
            for code in range(lo, hi + 1):
                chars |= _literal_keys(chr(code))
        elif op is sre_constants.CATEGORY:
            if av in (sre_constants.CATEGORY_DIGIT, sre_constants.CATEGORY_UNI_DIGIT):
                chars.add("0")
            elif av in (sre_constants.CATEGORY_SPACE, sre_constants.CATEGORY_UNI_SPACE):
                chars.add(" ")
            else:
                return None
        else:
            return None
    return chars


# A prefix set: tuples of at most DEPTH keys. ANY as the last key means "anything from here on";
# a tuple shorter than DEPTH without ANY means the match may end there. Runs of whitespace are
# one space on both sides (the text's key collapses them too).
Prefix = tuple[str, ...]
Prefixes = set[Prefix]
DEPTH = 8
PREFILTER_DEPTH = 7  # keys the C prefilter checks: deeper, its regex takes long to compile
# How far past its start a rule may look. ``regex`` scans to ``endpos`` on every match() call
# (a call at the start of a 1 MB text cost 0.8 ms, not 1 us), so the window is given; the
# longest phrase and its lookaround are far shorter.
MATCH_REACH = 500
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _join(prefix: Prefix, more: Prefix) -> Prefix:
    out = list(prefix)
    for key in more:
        if len(out) == DEPTH or (out and out[-1] == ANY):
            break
        if key == " " and out and out[-1] == " ":
            continue
        out.append(key)
    return tuple(out)


def _closed(prefix: Prefix) -> bool:
    return len(prefix) == DEPTH or (bool(prefix) and prefix[-1] == ANY)


def _seq(items: Sequence[tuple[Any, Any]], open_: Prefixes | None = None) -> Prefixes:
    """Prefixes of a parsed sequence, continuing the given open prefixes."""
    done: Prefixes = set()
    current: Prefixes = {()} if open_ is None else open_
    for item in items:
        if not current:
            break
        still: Prefixes = set()
        for prefix in current:
            for joined in _item(item, prefix):
                (done if _closed(joined) else still).add(joined)
        current = still
    return done | current


def _item(item: tuple[Any, Any], prefix: Prefix) -> Prefixes:
    """The given prefix continued by one parsed item."""
    op, av = item
    if op is sre_constants.LITERAL:
        return {_join(prefix, (key,)) for key in _literal_keys(chr(av))}
    if op is sre_constants.IN:
        chars = _class_chars(av)
        if chars is None:
            return {_join(prefix, (ANY,))}
        return {_join(prefix, (c,)) for c in chars}
    if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return {prefix}
    if op is sre_constants.SUBPATTERN:
        return _seq(av[-1], {prefix})
    if op is getattr(sre_constants, "ATOMIC_GROUP", object()):
        return _seq(av, {prefix})
    if op is sre_constants.BRANCH:
        out: Prefixes = set()
        for branch in av[1]:
            out |= _seq(branch, {prefix})
        return out
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT,
              getattr(sre_constants, "POSSESSIVE_REPEAT", object())):
        low, high, body = av
        out = {prefix} if low == 0 else set()
        current = {prefix}
        for count in range(1, min(high, DEPTH) + 1):
            previous = current
            current = _seq(body, current)
            closed = {p for p in current if _closed(p)}
            out |= current if count >= low else closed  # a full prefix needs no more repeats
            current -= closed
            if not current or (current == previous and count >= low):
                break  # closed, or a fixed point (a whitespace run collapses to one space)
        else:
            if high > DEPTH:
                out |= {_join(p, (ANY,)) for p in current}
        return out
    return {_join(prefix, (ANY,))}


def first_keys(pattern: str, flags: int = 0) -> frozenset[Prefix] | None:
    """Folded prefixes (up to DEPTH keys) that a match of ``pattern`` can begin with.

    None means "could begin anywhere" (a pattern the parser cannot read, or a leading wildcard).
    """
    try:
        parsed = sre_parse.parse(_NAMED_GROUP.sub("(?:", pattern), flags & re.VERBOSE)
        prefixes = _seq(list(parsed))
    except (re.error, ValueError, TypeError, OverflowError, RecursionError):
        return None
    if not prefixes or any(not p or p[0] == ANY for p in prefixes):
        return None
    return frozenset(prefixes)


class LazyPattern:
    """A rule's regex, compiled the first time the scanner needs it: a new process tags its
    first document without compiling the rules that text never reaches (most, for a short
    one). ``pattern`` and ``flags`` are those of the compiled regex; ``on_error`` turns a
    compile error into the caller's own."""

    __slots__ = ("_compiled", "_on_error", "flags", "pattern")

    def __init__(self, pattern: str, flags: int,
                 on_error: Callable[[regex.error], Exception] | None = None) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: regex.Pattern[str] | None = None
        self._on_error = on_error

    def compiled(self) -> regex.Pattern[str]:
        if self._compiled is None:
            try:
                self._compiled = regex.compile(self.pattern, self.flags)
            except regex.error as exc:
                if self._on_error is None:
                    raise
                raise self._on_error(exc) from exc
        return self._compiled

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        return self.compiled().match(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        return self.compiled().search(text, pos, len(text) if endpos is None else endpos)


def compiled(pattern: regex.Pattern[str] | LazyPattern) -> regex.Pattern[str]:
    """The compiled regex of a pattern, lazy or not."""
    return pattern.compiled() if isinstance(pattern, LazyPattern) else pattern


class DispatchScanner:
    """Finds rule matches left to right, trying at each position only the rules that can start there.

    ``patterns`` are the rules' compiled regexes in priority order (each already carrying
    the right-edge condition); ``left_edge`` (fixed-width lookbehinds) says where a candidate may begin.
    The first rule in order that matches at the leftmost position wins, as in one alternation.
    """

    def __init__(self, patterns: Sequence[regex.Pattern[str] | LazyPattern], left_edge: str,
                 cache_folder: Path | None = None) -> None:
        """``cache_folder``: where the prefix trie is cached (default: the user cache folder,
        see :mod:`~timeline_app.core.prefix_cache`)."""
        self._patterns = list(patterns)
        self._trie, self._always = _prefix_trie(self._patterns, cache_folder)
        self._ordered: dict[frozenset[int], tuple[tuple[int, regex.Pattern[str]], ...]] = {}
        self._memo: dict[str, frozenset[int]] = {}  # see _rules_at
        # Positions where some rule's prefix matches, found in C: Python only looks at those.
        prefilter = "" if self._always else f"(?={_trie_regex(self._trie, PREFILTER_DEPTH)})"
        # The standard library's engine finds these about 3x faster than ``regex``; the
        # lookbehinds of ``left_edge`` must therefore be fixed-width.
        self._start = re.compile(f"{left_edge}(?=\\S){prefilter}", re.IGNORECASE)

    def _rules_at(self, folded: str, s: int) -> frozenset[int]:
        """Rules whose prefixes agree with the (folded) text at ``s``: the answer depends on
        the next DEPTH keys only, which repeat a lot (digits fold to one key), so it is
        remembered per key string, unless a run of spaces makes the walk read further."""
        key = folded[s:s + DEPTH]
        found = self._memo.get(key)
        if found is None:
            found = self._walk(folded, s)
            if "  " not in key:
                if len(self._memo) >= MEMO_SIZE:
                    self._memo.clear()
                self._memo[key] = found
        return found

    def _walk(self, folded: str, s: int) -> frozenset[int]:
        found = self._always
        node: dict[str, Any] | None = self._trie
        n = len(folded)
        i = s
        for _ in range(DEPTH):
            assert node is not None
            if "" in node:
                found = found | node[""]
            if i >= n:
                return frozenset(found)
            key = folded[i]
            i += 1
            if key == " ":
                while i < n and folded[i] == " ":
                    i += 1
            node = node.get(key)
            if node is None:
                return frozenset(found)
        if node is not None and "" in node:
            found = found | node[""]
        return frozenset(found)

    def finditer(self, text: str) -> Iterator[tuple[int, regex.Match[str]]]:
        """``(rule index, match)`` in text order, as one alternation of all rules would give."""
        folded = fold_text(text)
        end = 0
        root = self._trie
        ordered = self._ordered
        # no expression runs over a blank line ("On this day: November 24" / "1963 – ...")
        blanks = [m.start() for m in _BLANK_LINE.finditer(text)] if "\n" in text else []
        blank = 0
        for position in self._start.finditer(text):
            s = position.start()
            if s < end or (folded[s] not in root and not self._always):
                continue
            subset = self._rules_at(folded, s)
            if not subset:
                continue
            tries = ordered.get(subset)
            if tries is None:
                # (a lazy rule is compiled here, the first time text reaches it)
                tries = ordered[subset] = tuple((i, compiled(self._patterns[i])) for i in sorted(subset))
            stop = s + MATCH_REACH  # past ``len(text)`` is fine
            while blank < len(blanks) and blanks[blank] < s:
                blank += 1
            if blank < len(blanks) and blanks[blank] < stop:
                stop = blanks[blank]
            for index, pattern in tries:
                match = pattern.match(text, s, stop)
                if match is not None and match.end() > s:
                    end = match.end()
                    yield index, match
                    break


def _build_trie(patterns: Sequence[regex.Pattern[str] | LazyPattern],
                ) -> tuple[dict[str, Any], frozenset[int]]:
    """The prefix trie of these rules (key -> child; "" -> indices of the rules whose prefix
    ends there), and the rules that could begin anywhere."""
    keys = [first_keys(p.pattern, p.flags) for p in patterns]
    trie: dict[str, Any] = {}
    for index, prefixes in enumerate(keys):
        for prefix in prefixes or ():
            node = trie
            for key in prefix:
                if key == ANY:
                    break
                node = node.setdefault(key, {})
            node.setdefault("", set()).add(index)
    return trie, frozenset(i for i, k in enumerate(keys) if k is None)


def _prefix_trie(patterns: Sequence[regex.Pattern[str] | LazyPattern],
                 folder: Path | None) -> tuple[dict[str, Any], frozenset[int]]:
    """:func:`_build_trie`, from the disk cache when these rules were seen before."""
    key = prefix_cache.key_of([str(DEPTH), *(f"{p.flags}:{p.pattern}" for p in patterns)])
    cached = prefix_cache.load(key, folder)
    if (isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], dict)
            and isinstance(cached[1], frozenset)
            and all(isinstance(i, int) and 0 <= i < len(patterns) for i in cached[1])):
        return cached
    built = _build_trie(patterns)
    prefix_cache.store(key, built, folder)
    return built


def _trie_regex(node: dict[str, Any], depth: int) -> str:
    """A regex matching any text whose folded keys follow a path of the prefix trie, for
    its first ``depth`` keys (the rest is left to the trie walk)."""
    if depth == 0:
        return ""
    branches = []
    for key in sorted(k for k in node if k):
        if key == " ":
            atom = r"\s+"
        elif key == "0":
            atom = r"\d"
        elif key.isascii():
            atom = re.escape(key)
        else:
            atom = "."
        branches.append(atom + _trie_regex(node[key], depth - 1))
    if not branches or "" in node:
        return ""  # a prefix may end here: nothing more is required
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_ASCII_FOLD = {code: _fold(chr(code)) for code in range(128)}
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold_text(text: str) -> str:
    """The text as dispatch keys, one per character (see ``_fold``): ASCII stretches are
    translated in C, the (few) other characters one by one."""
    if text.isascii():
        return text.translate(_ASCII_FOLD)
    parts = []
    done = 0
    for run in _NON_ASCII.finditer(text):
        parts.append(text[done:run.start()].translate(_ASCII_FOLD))
        parts.extend(_fold(ch) for ch in run.group())
        done = run.end()
    parts.append(text[done:].translate(_ASCII_FOLD))
    return "".join(parts)
