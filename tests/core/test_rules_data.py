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


_RULE = "rules:\n  - id: {id}\n    type: {type}\n    pattern: '{pattern}'\n    norm: calendar\n"


@pytest.mark.parametrize(("rules_yaml", "message"), [
    (_RULE.format(id="broken", type="DATE", pattern="{{nosuch}}"),
     "rules.yaml: rule 'broken': unknown fragment"),
    (_RULE.format(id="x", type="WHEN", pattern="x"), "type must be one of"),
    # two rules run together (a lost "- id:" line) must not silently become one
    (_RULE.format(id="a", type="DATE", pattern="x") + "    type: DATE\n    pattern: 'y'\n",
     "given twice"),
    (_RULE.format(id="a", type="DATE", pattern="x") + "    exmples: []\n", "unknown field"),
])
def test_bad_rule_data_is_refused_with_its_reason(tmp_path: Path, rules_yaml: str,
                                                  message: str) -> None:
    _write_rules(tmp_path, rules_yaml)
    with pytest.raises(RuleError, match=message):
        load_rules(tmp_path)


def test_every_rule_compiles_and_a_bad_regex_names_its_rule(tmp_path: Path) -> None:
    """Rules are compiled when the scanner first needs them (a new process starts sooner), so
    each is compiled here once; a pattern that cannot compile says which rule it is."""
    for rule in default_rules().rules:
        assert rule.regex.compiled().pattern == rule.regex.pattern
    _write_rules(tmp_path, _RULE.format(id="unclosed", type="DATE", pattern="(x"))
    rules = load_rules(tmp_path)
    with pytest.raises(RuleError, match="rule 'unclosed': bad pattern"):
        rules.rules[0].regex.compiled()


def test_generated_calendars_are_well_formed() -> None:
    """Every lunar or lunisolar holiday day in calendars.yaml is a real day ("MM-DD", "MM-DD/MM-DD"
    for a festival of several days, "MM-DD,MM-DD" for both Eids), in the years around now (most
    from 1950 to 2050, Holi from 2001 to 2035)."""
    table = TAGGER.rules.tables["holiday_lunar"]
    assert {"ramadan", "eid al-fitr", "eid", "passover", "hanukkah", "diwali", "lunar new year"} <= set(table)
    for name, years in table.items():
        assert 2001 in years and 2026 in years and 2035 in years, name
        for year, written in years.items():
            for one in str(written).split(","):
                first, *last = (date(year, *map(int, part.split("-"))) for part in one.split("/"))
                assert not last or last[0] != first, (name, year)
