"""Background loading: the core pipeline runs on a worker thread (and its process pool);
results stream to the GUI thread in small batches, so the window stays responsive."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from timeline_app.core.ingest import Stamp, file_stamps
from timeline_app.core.pipeline import Loaded, Pipeline, Problem
from timeline_app.ui import long_lived

BATCH_SECONDS = 0.1  # results are handed to the GUI at most this often
HOLD_AT_MOST_S = 0.2  # the longest the GUI thread pauses the loading at a time (see hold)
PREPARE_WHEN_IDLE_MS = 1500  # idle time after start or a load before the workers are prepared


class _Worker(QObject):
    results = Signal(object)  # list[DocumentResult]
    problem = Signal(str, str)  # path, reason
    progress = Signal(int, int)  # done, total
    done = Signal(bool)  # finished without cancel

    def __init__(self, pipeline: Pipeline, paths: list[Path], cancel: threading.Event,
                 scan: list[Path] | None, may_run: threading.Event) -> None:
        super().__init__()
        self._may_run = may_run
        self.from_cache = 0
        self.scanned: dict[Path, Stamp] | None = None
        self.scanned_folders: set[str] = set()  # the folders holding the scanned files
        self._scan = scan
        self._pipeline = pipeline
        self._paths = paths
        self._cancel = cancel

    def run(self) -> None:
        total = 0

        def on_total(count: int) -> None:
            nonlocal total
            total = count
            self.progress.emit(0, total)

        batch: list[object] = []
        last = time.monotonic()
        done = 0
        same_scan = self._scan is not None and sorted(self._scan) == sorted(self._paths)
        stamps: dict[Path, Stamp] | None = {} if same_scan else None  # the load scans them
        try:
            for outcome in self._pipeline.load(self._paths, self._cancel, on_total, stamps):
                if not self._may_run.is_set():  # the GUI thread is busy: see Loader.hold
                    self._may_run.wait(HOLD_AT_MOST_S)
                done += 1
                if isinstance(outcome, Problem):
                    self.problem.emit(outcome.path, outcome.reason)
                elif isinstance(outcome, Loaded):
                    if outcome.problem:
                        self.problem.emit(outcome.path, outcome.problem)
                    batch.extend(outcome.results)
                    self.from_cache += outcome.cached
                now = time.monotonic()
                if now - last >= BATCH_SECONDS:
                    if batch:
                        self.results.emit(batch)
                        batch = []
                    self.progress.emit(done, total)
                    last = now
        except Exception as exc:  # never take the app down: say what happened
            stamps = None  # not every file was seen
            self.problem.emit(", ".join(map(str, self._paths)), f"loading stopped: {exc}")
        if batch:
            self.results.emit(batch)
        self.progress.emit(done, total)
        if self._scan is not None and not self._cancel.is_set():
            self.scanned = stamps if stamps is not None else file_stamps(self._scan)
            self.scanned_folders = {os.path.dirname(p) for p in map(str, self.scanned)}
        self.done.emit(not self._cancel.is_set())


class Loader(QObject):
    """Loads article paths off the GUI thread. ``results`` carries lists of DocumentResult."""

    results = Signal(object)
    problem = Signal(str, str)
    progress = Signal(int, int)
    finished = Signal(bool)

    def __init__(self, pipeline: Pipeline | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pipeline = pipeline or Pipeline(timexes=False)  # a timeline shows no timexes
        # the workers' fork server is started when the window idles: a big load then finds it
        # ready, and it does not compete with a load from the cache for the processor
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(PREPARE_WHEN_IDLE_MS)
        self._prepare_timer.timeout.connect(self._prepare_workers)
        self._prepare_timer.start()
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._cancel = threading.Event()
        self._may_run = threading.Event()
        self._may_run.set()
        self.from_cache = 0  # files of the last finished load answered by the cache
        self.scanned: dict[Path, Stamp] | None = None  # file stamps under the last load's scan
        self.scanned_folders: set[str] = set()  # ... and the folders that hold those files

    def _prepare_workers(self) -> None:
        """Prepare the workers of big loads (:meth:`Pipeline.prepare`), unless a load runs
        (its end comes back here)."""
        if not self.is_running():
            self.pipeline.prepare()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def hold(self) -> None:
        """The GUI thread has heavy work (showing a new timeline): take outcomes no further
        until :meth:`resume` (a little at most): the loading thread's Python (unpickling
        results, the cache) would have every Python call of the GUI thread wait for the
        interpreter lock. The worker processes go on extracting meanwhile."""
        self._may_run.clear()

    def resume(self) -> None:
        self._may_run.set()

    def cached_so_far(self) -> int:
        """Files of the running load answered by the cache so far."""
        worker = self._worker
        return worker.from_cache if worker is not None else 0

    def start(self, paths: list[Path], scan: list[Path] | None = None) -> None:
        """Start loading ``paths`` (cancelling a load in progress); when it completes, the
        :func:`~timeline_app.core.ingest.file_stamps` of ``scan`` are in :attr:`scanned`."""
        self.cancel(wait=True)
        self._cancel = threading.Event()
        self.scanned = None
        self.scanned_folders = set()
        thread = QThread()
        worker = _Worker(self.pipeline, paths, self._cancel, scan, self._may_run)
        worker.moveToThread(thread)
        worker.results.connect(self.results)
        worker.problem.connect(self.problem)
        worker.progress.connect(self.progress)
        worker.done.connect(self._on_done)
        thread.started.connect(worker.run)
        self._thread, self._worker = thread, worker
        long_lived.settle()  # what the app made so far stays: the load's collections skip it
        thread.start()

    def _on_done(self, completed: bool) -> None:
        if self.sender() is not self._worker:
            return  # a cancelled, replaced load finishing late
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self.from_cache = self._worker.from_cache if self._worker is not None else 0
        self.scanned = self._worker.scanned if self._worker is not None else None
        self.scanned_folders = self._worker.scanned_folders if self._worker is not None else set()
        self._thread = self._worker = None
        self._prepare_timer.start()
        self.finished.emit(completed)

    def cancel(self, wait: bool = False) -> None:
        """Ask the worker to stop after the current file."""
        self._cancel.set()
        if wait and self._thread is not None:
            self._thread.quit()
            self._thread.wait(10000)
            self._thread = self._worker = None

    def shutdown(self) -> None:
        """Cancel and release the process pool (on quit)."""
        self.cancel(wait=True)
        self.pipeline.close()
