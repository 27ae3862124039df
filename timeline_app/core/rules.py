"""Load, expand, validate and compile the temporal rule data in ``resources/rules/<lang>/``.

The data has three files: ``vocabulary.yaml`` (word tables, e.g. month name -> number),
``patterns.yaml`` (named regex fragments) and ``rules.yaml`` (ordered rules). A rule's pattern
refers to a fragment or table as ``{name}`` (captured as group ``name``) or ``{name@group}``.
A generated fourth file, ``calendars.yaml``, adds the tables of lunar and lunisolar holidays.
A literal space in a pattern, outside a character class, matches any run of whitespace.
All rules form one scanner so the text is read in a single pass (see ``scanner.py``: at each
position only the rules that can start with the next two characters are tried).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from timeline_app.core import yaml_safe
from timeline_app.core.scanner import DispatchScanner, LazyPattern
from timeline_app.resources import rules_dir

_MACRO = re.compile(r"\{([a-z_][a-z_0-9]*)(?:@([a-z_][a-z_0-9]*))?\}")
_NAMED_GROUP = re.compile(r"\(\?P<[a-z_][a-z_0-9]*>")
KNOWN_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
FLAGS = regex.IGNORECASE | regex.MULTILINE | regex.VERSION0  # "$": the end of a line too
# A candidate never starts inside a word or a number, nor right after a currency sign.
_LEFT_EDGE = r"(?<![\w$€£¥#@&+\-/.,:]|[\w][.,:'’])"
_LEFT_EDGE_FIXED = r"(?<![\w$€£¥#@&+\-/.,:])(?<![\w][.,:'’])"  # the same, for ``re``
_RIGHT_EDGE = r"(?![\w]|[.,:/][0-9]|-[a-z0-9])"


class RuleError(ValueError):
    """Rule data that cannot be loaded, with the file and rule it comes from."""

    def __init__(self, file: str, rule_id: str | None, message: str) -> None:
        where = f"{file}: rule {rule_id!r}" if rule_id else file
        super().__init__(f"{where}: {message}")
        self.file, self.rule_id = file, rule_id


@dataclass(frozen=True)
class Rule:
    """One compiled rule: its pattern finds a phrase, its normaliser gives the value."""

    id: str
    type: str
    norm: str
    pattern: str
    regex: LazyPattern  # compiled when the scanner first needs it
    args: Mapping[str, Any] = field(default_factory=dict)
    examples: tuple[tuple[str, ...], ...] = ()
    case_sensitive: bool = False
    case_sensitive_first: bool = False
    lowercase_midsentence: bool = False


@dataclass(frozen=True)
class RuleSet:
    """All rules of a language, their tables, and the single-pass scanner."""

    rules: tuple[Rule, ...]
    tables: Mapping[str, Any]
    scanner: DispatchScanner

    def full_scanner(self) -> regex.Pattern[str]:
        """All rules as one alternation (group ``r<index>``): what the dispatch scanner must equal."""
        body = "|".join(f"(?P<r{i}>{_scanner_body(r)})" for i, r in enumerate(self.rules))
        return regex.compile(f"{_LEFT_EDGE}(?:{body}){_RIGHT_EDGE}", FLAGS)

    def compile_all(self) -> None:
        """Compile every rule's regex now (a worker fork server does, so that the workers it
        forks never compile one; a process of its own compiles only the rules its texts reach)."""
        for rule in self.rules:
            rule.regex.compiled()

    def table(self, name: str) -> Mapping[str, Any]:
        """A vocabulary table, keys lower-cased."""
        value = self.tables[name]
        if not isinstance(value, Mapping):
            raise KeyError(name)
        return value

    def words(self, name: str) -> tuple[str, ...]:
        """A vocabulary word list."""
        value = self.tables[name]
        return tuple(value)


def _load_yaml(path: Path) -> Any:
    try:
        return yaml_safe.strict_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml_safe.YAMLError) as exc:
        raise RuleError(path.name, None, f"cannot read: {exc}") from exc


def _alternation(keys: list[str]) -> str:
    """Regex for a set of literal keys, as a trie (fast to reject), longer keys tried first.

    "sep", "sept", "september" becomes ``sep(?:t(?:ember)?)?``: the engine rejects a word on
    its first differing character instead of trying every key. Spaces match whitespace runs, a
    hyphen also a space ("twenty-four", "twenty four").
    """
    trie: dict[str, Any] = {}
    for key in {k.lower() for k in keys if k}:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    ends_here = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        atom = {" ": r"\s+", "-": r"[-\s]", "'": "['’]"}.get(ch) or re.escape(ch)
        branches.append(atom + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body


def _spaces_to_whitespace(pattern: str) -> str:
    """Replace literal spaces outside character classes with ``\\s+`` (``" ?"`` with ``\\s*``)."""
    out: list[str] = []
    in_class = escaped = skip = False
    for i, ch in enumerate(pattern):
        if skip:
            skip = False
        elif escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
            out.append(ch)
        elif ch == "]" and in_class:
            in_class = False
            out.append(ch)
        elif ch == " " and not in_class:
            optional = pattern[i + 1:i + 2] in ("?", "*")
            out.append(r"\s*" if optional else r"\s+")
            skip = optional
        else:
            out.append(ch)
    return "".join(out)


def _expand(pattern: str, fragments: Mapping[str, str], rule_file: str, rule_id: str) -> str:
    def repl(match: re.Match[str]) -> str:
        name, group = match.group(1), match.group(2) or match.group(1)
        if name not in fragments:
            raise RuleError(rule_file, rule_id, f"unknown fragment {{{name}}}")
        return f"(?P<{group}>{fragments[name]})"

    return _spaces_to_whitespace(_MACRO.sub(repl, pattern))


def _lower_keys(table: Any) -> Any:
    if isinstance(table, dict):
        return {str(k).lower(): v for k, v in table.items()}
    return table


_RULE_FIELDS = frozenset({"id", "type", "pattern", "norm", "args", "examples", "case_sensitive",
                          "case_sensitive_first", "lowercase_midsentence"})


def load_rules(directory: Path | None = None) -> RuleSet:
    """Read and compile a language's rule data; raises RuleError naming the bad rule."""
    directory = directory or rules_dir("en")
    vocabulary = _load_yaml(directory / "vocabulary.yaml") or {}
    if (calendars := directory / "calendars.yaml").exists():  # generated holiday tables
        vocabulary.update(_load_yaml(calendars) or {})
    patterns = _load_yaml(directory / "patterns.yaml") or {}
    data = _load_yaml(directory / "rules.yaml") or {}
    tables = {name: _lower_keys(table) for name, table in vocabulary.items()}
    fragments: dict[str, str] = {}
    for name, table in tables.items():
        if isinstance(table, dict):
            fragments[name] = _alternation(list(table))
    for name, fragment in patterns.items():
        if not isinstance(fragment, str):
            raise RuleError("patterns.yaml", name, "a fragment must be a string")
        fragments[name] = _spaces_to_whitespace(str(fragment))

    rules: list[Rule] = []
    seen: set[str] = set()
    for raw in data.get("rules", []):
        rule_id = str(raw.get("id", ""))
        if not rule_id or rule_id in seen:
            raise RuleError("rules.yaml", rule_id or None, "missing or duplicate id")
        seen.add(rule_id)
        rtype = raw.get("type")
        if rtype not in KNOWN_TYPES:
            raise RuleError("rules.yaml", rule_id, f"type must be one of {sorted(KNOWN_TYPES)}")
        unknown = set(raw) - _RULE_FIELDS
        if unknown:
            raise RuleError("rules.yaml", rule_id, f"unknown field(s): {', '.join(sorted(unknown))}")
        if "pattern" not in raw or "norm" not in raw:
            raise RuleError("rules.yaml", rule_id, "needs a pattern and a norm")
        expanded = _expand(str(raw["pattern"]), fragments, "rules.yaml", rule_id)
        flags = FLAGS & ~regex.IGNORECASE if raw.get("case_sensitive") else FLAGS
        compiled = LazyPattern(f"(?:{expanded}){_RIGHT_EDGE}", flags,
                               functools.partial(_bad_pattern, rule_id))
        examples = tuple(tuple(str(x) for x in ex) for ex in raw.get("examples", []))
        rules.append(
            Rule(
                id=rule_id,
                type=str(rtype),
                norm=str(raw["norm"]),
                pattern=expanded,
                regex=compiled,
                args=dict(raw.get("args") or {}),
                examples=examples,
                case_sensitive=bool(raw.get("case_sensitive")),
                case_sensitive_first=bool(raw.get("case_sensitive_first")),
                lowercase_midsentence=bool(raw.get("lowercase_midsentence")),
            )
        )
    if not rules:
        raise RuleError("rules.yaml", None, "no rules")
    scanner = DispatchScanner([rule.regex for rule in rules], _LEFT_EDGE_FIXED)
    return RuleSet(rules=tuple(rules), tables=tables, scanner=scanner)


def _bad_pattern(rule_id: str, exc: regex.error) -> RuleError:
    return RuleError("rules.yaml", rule_id, f"bad pattern: {exc}")


def _scanner_body(rule: Rule) -> str:
    body = _NAMED_GROUP.sub("(?:", rule.pattern)
    return f"(?-i:{body})" if rule.case_sensitive else body


@functools.cache
def default_rules() -> RuleSet:
    """The English rule set, loaded once per process."""
    return load_rules()
