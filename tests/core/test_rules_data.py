"""Every rule loads, and every rule's examples come out as declared (the rules' own tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.rules import RuleError, default_rules, load_rules
from timeline_app.core.tagger import Tagger

TAGGER = Tagger()
EXAMPLES = [(rule.id, ex) for rule in default_rules().rules for ex in rule.examples]


def test_every_rule_has_an_example() -> None:
    missing = [r.id for r in default_rules().rules if not r.examples]
    assert missing == []


@pytest.mark.parametrize(("rule_id", "example"), EXAMPLES, ids=[f"{r}:{e[0]}" for r, e in EXAMPLES])
def test_rule_example(rule_id: str, example: tuple[str, ...]) -> None:
    text, expected = example[0], example[1]
    reference = date.fromisoformat(example[2]) if len(example) > 2 else None
    phrase = text
    if "[" in text:  # "context [phrase] context": only the bracketed part is the expression
        phrase = text[text.index("[") + 1:text.index("]")]
        text = text.replace("[", "").replace("]", "")
    if expected == "None":  # `null`: a phrase that is no temporal expression at all
        assert TAGGER.tag(text, reference) == []
        return
    found = [t for t in TAGGER.tag(text, reference) if t.text == phrase]
    assert [t.value for t in found] == [expected], TAGGER.tag(text, reference)


def _write_rules(folder: Path, rules_yaml: str) -> None:
    """A rule folder with empty tables and fragments and the given rules.yaml."""
    for name in ("vocabulary.yaml", "patterns.yaml"):
        (folder / name).write_text("{}\n")
    (folder / "rules.yaml").write_text(rules_yaml)


def test_bad_rule_names_file_and_rule(tmp_path: Path) -> None:
    _write_rules(tmp_path, "rules:\n  - id: broken\n    type: DATE\n    pattern: '{nosuch}'\n"
                           "    norm: calendar\n")
    with pytest.raises(RuleError, match="rules.yaml: rule 'broken': unknown fragment"):
        load_rules(tmp_path)


def test_bad_type_is_rejected(tmp_path: Path) -> None:
    _write_rules(tmp_path, "rules:\n  - id: x\n    type: WHEN\n    pattern: 'x'\n    norm: calendar\n")
    with pytest.raises(RuleError, match="type must be one of"):
        load_rules(tmp_path)


def test_a_key_given_twice_is_an_error(tmp_path: Path) -> None:
    """Two rules run together (a lost "- id:" line) must not silently become one."""
    _write_rules(tmp_path, "rules:\n  - id: a\n    type: DATE\n    pattern: 'x'\n    norm: calendar\n"
                           "    type: DATE\n    pattern: 'y'\n    norm: calendar\n")
    with pytest.raises(RuleError, match="given twice"):
        load_rules(tmp_path)


def test_an_unknown_rule_field_is_an_error(tmp_path: Path) -> None:
    _write_rules(tmp_path, "rules:\n  - id: a\n    type: DATE\n    pattern: 'x'\n    norm: calendar\n"
                           "    exmples: []\n")
    with pytest.raises(RuleError, match="unknown field"):
        load_rules(tmp_path)
