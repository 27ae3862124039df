"""Keeping the garbage collector and big deallocations off the GUI thread.

A loaded folder is hundreds of thousands of long-lived objects (articles, events, merge
groups). Python's full collections walk every one of them, holding the interpreter lock for
100-250 ms at 1,000 articles, and a loader or builder thread triggers them while it allocates:
the GUI thread then stalls. :func:`settle` moves every object alive now into the collector's
permanent generation (``gc.freeze``): later collections only look at newer objects. The data
is tree-shaped (no reference cycles), so what is dropped later is still freed by reference
counting; only cyclic garbage already alive at a freeze would be kept.

Freeing is the other cost: dropping the last reference to 10,000 results frees two million
objects in one uninterruptible cascade (0.3 s at 10,000 articles). :func:`release_later` hands
the items of a big collection to a background thread that lets go of them one at a time, so the
interpreter lock changes hands between items and the GUI thread never waits for all of them.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import queue
import threading
import time
from collections.abc import Iterable, Iterator

RELEASE_BATCH = 1000  # items let go of between pauses
RELEASE_PAUSE_S = 0.0  # a pause lets the threads waiting for the lock have it
# what is handed over when the window shows new data is let go of only after the window has
# painted it: the releasing loop would otherwise compete for the lock with every Python call
# of those paints
RELEASE_DELAY_S = 0.05

_doomed: queue.SimpleQueue[tuple[float, list[object]]] = queue.SimpleQueue()
_releaser: threading.Thread | None = None
_state = threading.Condition()
_outstanding = 0  # batches handed over and not yet released


def settle() -> None:
    """Exempt every object alive now from future cyclic collections (cheap: O(1))."""
    gc.freeze()


@contextlib.contextmanager
def no_collections() -> Iterator[None]:
    """Make something big (a timeline, its cards) with no collection walking it half-made,
    then :func:`settle` it: it stays. Garbage collection is off for the whole process
    meanwhile, which suits work of tens of milliseconds; reference counting still frees."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        settle()
        if enabled:
            gc.enable()


def release_later(*collections: Iterable[object], after_s: float = RELEASE_DELAY_S) -> None:
    """Hold a reference to every item of these collections, then drop them one by one on a
    background thread, from ``after_s`` on: whoever drops its own last reference to a
    collection afterwards frees only the collection, not what is in it. Call it before
    letting go of big data."""
    items = list(itertools.chain.from_iterable(collections))
    if not items:
        return
    global _releaser, _outstanding
    with _state:
        if _releaser is None:
            _releaser = threading.Thread(target=_release_forever, name="releaser", daemon=True)
            _releaser.start()
        _outstanding += 1
    _doomed.put((time.monotonic() + after_s, items))


def _release_forever() -> None:
    global _outstanding
    while True:
        due, items = _doomed.get()
        time.sleep(max(0.0, due - time.monotonic()))  # batches queued together wait once
        while items:
            for _ in range(min(RELEASE_BATCH, len(items))):
                items.pop()  # one item's objects at a time: the lock can change hands between
            time.sleep(RELEASE_PAUSE_S)  # and the threads with real work get it first
        with _state:
            _outstanding -= 1
            _state.notify_all()


def wait_released(timeout: float | None = None) -> bool:
    """Wait until everything handed to :func:`release_later` has been let go of."""
    with _state:
        return _state.wait_for(lambda: _outstanding == 0, timeout)
