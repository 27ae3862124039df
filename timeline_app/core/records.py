"""Fast pickling for the frozen, slotted dataclasses that extraction results are made of.

Cached results are unpickled by the ten thousand when a big folder reopens: some 400,000
records for 10,000 articles. By default a slotted dataclass restores its state field by field
through Python code, and a frozen dataclass's constructor sets each field through
``object.__setattr__`` (1.5 µs for ten fields). :func:`pickled_by_fields` pickles a record as
a call of a restorer with its field values; the restorer builds a mutable twin of the class (the
same slots, set by plain attribute stores: 0.2 µs) and gives it the frozen class, which
``__class__`` assignment allows because the two layouts are identical. The record that comes
out is exactly the one that went in.
"""

from __future__ import annotations

import dataclasses
import operator
import sys
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def _restorer(cls: type[T], names: list[str]) -> Callable[..., T]:
    """A function of the field values that makes a ``cls`` record (see the module doc)."""
    twin = dataclasses.make_dataclass(f"_{cls.__name__}Fields", names, slots=True, eq=False,
                                      repr=False)
    try:
        twin(*([None] * len(names))).__class__ = cls  # the layouts match
    except TypeError:  # they do not (a base class with slots of its own): use the constructor
        return cls

    def restore(*values: Any) -> Any:  # a T (no typing.cast: 400,000 calls on a reopen)
        record = twin(*values)
        record.__class__ = cls
        return record

    return restore


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Class decorator: pickle instances of a frozen, slotted dataclass by their field values,
    restored without the frozen constructor's per-field ``object.__setattr__`` calls."""
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    restore = _restorer(cls, names)
    if restore is not cls:  # pickle finds it by name: a global beside the class, so that
        name = f"_restore_{cls.__name__}"  # importing the class's module defines it
        module = sys.modules[cls.__module__]
        restore.__name__ = restore.__qualname__ = name
        restore.__module__ = cls.__module__
        setattr(module, name, restore)
    get = operator.attrgetter(*names)
    one = len(names) == 1

    def __reduce__(self: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        values = get(self)
        return restore, ((values,) if one else values)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls
