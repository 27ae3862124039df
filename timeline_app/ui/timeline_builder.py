"""Builds the merged timeline off the GUI thread, so a large folder never freezes the window.

``request(results)`` asks for a timeline of these results; builds run one at a time on a worker
thread, and a request made while one runs is coalesced into one more build with the latest
results. ``built(timeline, generation)`` arrives on the GUI thread; ``generation`` grows with
every request, so a view applies only the newest.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, Signal

from timeline_app.core.extract import DocumentResult
from timeline_app.core.timeline import build_timeline


class TimelineBuilder(QObject):
    built = Signal(object, int)  # Timeline, generation

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._pending: tuple[list[DocumentResult], int] | None = None
        self._running = False
        self.generation = 0
        self.last_seconds = 0.0  # how long the last build took

    def busy(self) -> bool:
        with self._lock:
            return self._running or self._pending is not None

    def request(self, results: list[DocumentResult]) -> int:
        """Schedule a build of ``results`` (a snapshot is taken); returns its generation."""
        with self._lock:
            self.generation += 1
            self._pending = (list(results), self.generation)
            if self._running:
                return self.generation
            self._running = True
        threading.Thread(target=self._run, name="timeline-builder", daemon=True).start()
        return self.generation

    def _run(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._running = False
                    return
            results, generation = job
            started = time.perf_counter()
            try:
                timeline = build_timeline(results)
            except Exception:  # never lose the window to a merge bug: show the unmerged
                timeline = build_timeline([])
            self.last_seconds = time.perf_counter() - started
            self.built.emit(timeline, generation)
