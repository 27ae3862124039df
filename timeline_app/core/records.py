"""Fast pickling for the frozen, slotted dataclasses that extraction results are made of.

Cached results are unpickled by the ten thousand when a big folder reopens. By default a
slotted dataclass restores its state field by field through Python code; pickling it instead
as a call of its constructor with its field values is about a third faster to load.
"""

from __future__ import annotations

import dataclasses
import operator
from typing import Any, TypeVar

T = TypeVar("T")


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Class decorator: pickle instances of a dataclass as ``cls(*field_values)``."""
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    get = operator.attrgetter(*names)
    one = len(names) == 1

    def __reduce__(self: Any) -> tuple[type[T], tuple[Any, ...]]:
        values = get(self)
        return type(self), ((values,) if one else values)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls
