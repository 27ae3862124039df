"""Big data is freed off the GUI thread: release_later lets a background thread drop it."""

from __future__ import annotations

import threading
from typing import ClassVar

from timeline_app.ui import long_lived


class _Tracked:
    freed_on: ClassVar[list[str]] = []

    def __del__(self) -> None:
        _Tracked.freed_on.append(threading.current_thread().name)


def test_released_items_are_freed_on_the_releaser_thread_not_by_the_caller() -> None:
    _Tracked.freed_on.clear()
    items = [_Tracked() for _ in range(2500)]
    long_lived.release_later(items, [_Tracked()])
    del items  # the caller drops its last reference: only the list is freed here
    assert _Tracked.freed_on == []  # not at once: the window paints what replaces them first
    assert long_lived.wait_released(timeout=10)
    assert len(_Tracked.freed_on) == 2501
    assert set(_Tracked.freed_on) == {"releaser"}


def test_releasing_nothing_is_a_no_op() -> None:
    long_lived.release_later([], ())
    assert long_lived.wait_released(timeout=1)
