"""Builds the merged timeline off the GUI thread, so a large folder never freezes the window.

``request(results)`` asks for a timeline of these results; builds run one at a time on a worker
thread, and a request made while one runs is coalesced into one more build with the latest
results. ``built(timeline, generation, prepared)`` arrives on the GUI thread; ``generation``
grows with every request, so a view applies only the newest; ``prepared`` is what the
``prepare`` function given to the builder made of the timeline on the worker thread (what the
views would otherwise compute on the GUI thread), or None. While a folder loads, each request usually
extends the last one (results arrive in merge order): the builder keeps its
:class:`~timeline_app.core.timeline.Merger` and merges only the new articles.
"""

from __future__ import annotations

import contextlib
import itertools
import operator
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from timeline_app.core.cache import ExtractionCache
from timeline_app.core.extract import DocumentResult
from timeline_app.core.timeline import (
    BuildCancelled,
    Merger,
    Timeline,
    build_timeline,
    canonical_order,
    grouping_of,
    timeline_from_grouping,
    timeline_key,
)
from timeline_app.ui import long_lived

HOLD_AT_MOST_S = 0.2  # the longest a busy GUI thread pauses merging at a time
# how often (seconds) a build freezes what it made so far: merging 10,000 articles, or
# rebuilding a cached merge, makes millions of objects, and full collections walking them held
# the interpreter lock (and so the window) for up to 300 ms
SETTLE_EVERY_S = 0.02


class TimelineBuilder(QObject):
    built = Signal(object, int, object)  # Timeline, generation, prepared

    def __init__(self, cache: ExtractionCache | None = None, parent: QObject | None = None, *,
                 prepare: Callable[[Timeline], object] | None = None) -> None:
        super().__init__(parent)
        self.cache = cache  # merged timelines of whole loads are kept there
        self.prepare = prepare  # called on the worker thread with each timeline built
        self._lock = threading.Lock()
        self._pending: tuple[list[DocumentResult], int, bool] | None = None
        self._ahead: list[DocumentResult] | None = None  # results to merge when no build is pending
        self._running = False
        self._building = False  # running a requested build (not merging ahead)
        self._stop_current = False  # a newer request makes the running build pointless
        self.generation = 0
        self.last_seconds = 0.0  # how long the last build took
        self._merger = Merger()  # used by the build thread (replaced by invalidate between builds)
        self._settled_at = 0.0  # when the build last froze what it made (see _should_stop)
        self._may_run = threading.Event()  # cleared while the GUI thread is busy (see hold)
        self._may_run.set()

    def hold(self) -> None:
        """The GUI thread has heavy work: pause merging between articles until :meth:`resume`.
        Merging holds the interpreter lock most of the time; every Python call the GUI
        thread makes (a model reset calls Python once per row) would wait for it."""
        self._may_run.clear()

    def resume(self) -> None:
        self._may_run.set()

    def _should_stop(self) -> bool:
        """Polled between articles (and every few hundred events of a cached merge): freeze
        what the build made lately, wait while the GUI thread is busy (a little at most, so
        merging never starves), then say whether a newer request made this build pointless."""
        now = time.perf_counter()
        if now - self._settled_at >= SETTLE_EVERY_S:
            self._settled_at = now
            long_lived.settle()  # the build so far stays: the collector need not walk it
        self._pause_while_held()
        return self._stop_current

    def _pause_while_held(self) -> None:
        """Called between events too: an article's merge can take milliseconds, and every
        Python call the GUI thread makes meanwhile waits for the interpreter lock."""
        if not self._may_run.is_set():
            self._may_run.wait(HOLD_AT_MOST_S)

    def busy(self) -> bool:
        """A requested build is running or pending (merging ahead does not count)."""
        with self._lock:
            return self._building or self._pending is not None

    def merge_ahead(self, results: list[DocumentResult]) -> None:
        """Merge these results (a snapshot is taken) when no build is pending, without
        building or delivering a timeline: a later request for them only has the rest to do.
        Only a merge that extends the last one is done ahead; a request interrupts it."""
        with self._lock:
            self._ahead = list(results)
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._run, name="timeline-builder", daemon=True).start()

    def invalidate(self) -> None:
        """Builds requested so far are stale (a new folder was opened): never deliver them,
        and let go of the last merge (unless a build is using it; the next one replaces it)."""
        with self._lock:
            self.generation += 1
            self._pending = None
            self._ahead = None
            self._stop_current = True
            if not self._running and self._merger.results:
                long_lived.release_later(*self._merger.parts())
                self._merger = Merger()

    def request(self, results: list[DocumentResult], remember: bool = False) -> int:
        """Schedule a build of ``results`` (a snapshot is taken); returns its generation.
        ``remember``: a complete load, whose merge is worth keeping in the cache."""
        with self._lock:
            self.generation += 1
            self._pending = (list(results), self.generation, remember)
            if self._running:
                self._stop_current = True  # merge the newest results instead
                return self.generation
            self._running = True
        threading.Thread(target=self._run, name="timeline-builder", daemon=True).start()
        return self.generation

    def _build(self, results: list[DocumentResult], remember: bool) -> Timeline:
        """Merge, or reuse the merge of the same results from the cache."""
        stop = self._should_stop
        if self.cache is None or not remember:
            return self._merge(results, stop)
        key = timeline_key(results)
        grouping = self.cache.get_grouping(key)
        if grouping is not None:
            try:
                return timeline_from_grouping(results, grouping, stop)
            except (IndexError, TypeError, ValueError):
                pass  # stale or damaged entry: merge again
        timeline = self._merge(results, stop)
        with long_lived.no_collections():
            grouping = grouping_of(timeline)
        self.cache.put_grouping(key, grouping)
        return timeline

    def _merge(self, results: list[DocumentResult], stop: Callable[[], bool]) -> Timeline:
        """Extend the last merge when ``results`` only adds articles after it in merge order
        (a folder loading); otherwise merge from scratch. Same timeline either way."""
        merger = self._merger
        todo = self._extension(results)
        if todo is None:
            long_lived.release_later(*merger.parts())  # freed bit by bit, off this thread
            merger = self._merger = Merger()
            todo = sorted(results, key=canonical_order)
        merger.add_all(todo, stop, self._pause_while_held)  # cancelled: a prefix stays
        with long_lived.no_collections():  # tens of thousands of events at once
            return merger.timeline()

    def _extension(self, results: list[DocumentResult]) -> list[DocumentResult] | None:
        """What ``results`` adds to the last merge, or None if it does not extend it."""
        done = self._merger.results
        if (len(done) <= len(results) and all(map(operator.is_, done, results))
                and _in_order(done[-1:] + results[len(done):])):
            return results[len(done):]
        return None

    def _merge_ahead(self, results: list[DocumentResult]) -> None:
        todo = self._extension(results)
        if not todo:
            return  # nothing new, or a merge from scratch: left to the build that needs it
        long_lived.settle()
        with contextlib.suppress(BuildCancelled):  # a request came: it goes on from here
            self._merger.add_all(todo, self._should_stop, self._pause_while_held)

    def _run(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                ahead = None
                if job is None:
                    ahead, self._ahead = self._ahead, None
                    if ahead is None:
                        self._running = self._building = False
                        return
                self._building = job is not None
                self._stop_current = False
            if job is None:
                try:
                    self._merge_ahead(ahead or [])
                except Exception:  # a merge bug: the build that needs these merges them again
                    self._merger = Merger()
                continue
            results, generation, remember = job
            started = time.perf_counter()
            long_lived.settle()  # the results stay: building must not make the collector walk them
            try:
                timeline = self._build(results, remember)
            except BuildCancelled:
                continue  # a newer request is pending
            except Exception:  # never lose the window to a merge bug: show nothing merged
                timeline = build_timeline([])
            prepared = None
            with long_lived.no_collections():  # all of it stays while shown
                timeline.spans  # noqa: B018  computed here, off the GUI thread
                timeline.facts  # noqa: B018
                if self.prepare is not None and generation == self.generation:  # not stale
                    try:
                        prepared = self.prepare(timeline)
                    except Exception:  # the views can do it themselves
                        prepared = None
            self.last_seconds = time.perf_counter() - started
            self.built.emit(timeline, generation, prepared)


def _in_order(results: list[DocumentResult]) -> bool:
    keys = [canonical_order(r) for r in results]
    return all(a < b for a, b in itertools.pairwise(keys))
