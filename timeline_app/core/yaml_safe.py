"""Safe YAML loading through libyaml's C parser when PyYAML has it (about 10x faster than the
pure-Python one, same results), for the rule tables and Markdown front matter."""

from __future__ import annotations

from typing import Any

import yaml

YAMLError = yaml.YAMLError
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDatesLoader(_LOADER):  # type: ignore[misc]
    """A safe loader that keeps timestamps as written: ``date: 2019-13-45`` in a user's front
    matter is a string for the date parser to judge, not a ValueError that loses the title."""


_TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                 _TextDatesLoader.construct_yaml_str)


class DuplicateKeyError(yaml.YAMLError):
    """A mapping names one key twice (YAML would silently keep the last)."""


class _StrictLoader(_LOADER):  # type: ignore[misc]
    """A safe loader that refuses a key given twice in one mapping: in hand-written rule data
    that is a mistake (two rules run together), not an override."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise DuplicateKeyError(f"key {key!r} given twice in one mapping "
                                        f"(line {key_node.start_mark.line + 1})")
            seen.add(key)
        return super().construct_mapping(node, deep)


def strict_load(text: str) -> Any:
    """``safe_load`` that raises :class:`DuplicateKeyError` for a key given twice."""
    return yaml.load(text, Loader=_StrictLoader)  # a safe loader


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with the fastest safe loader available."""
    return yaml.load(text, Loader=_LOADER)  # _LOADER is a safe loader


def load_user_mapping(text: str) -> dict[str, Any]:
    """A mapping from YAML a user wrote (front matter), ``{}`` for anything else: bad syntax,
    a list or scalar, nesting too deep. Timestamps stay strings; never raises."""
    try:
        data = yaml.load(text, Loader=_TextDatesLoader)  # a safe loader
    except (YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}
