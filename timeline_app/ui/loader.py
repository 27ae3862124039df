"""Background loading: extraction runs on a worker thread; results stream to the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from timeline_app.core.extract import extract
from timeline_app.core.ingest import ArticleError, iter_files, read_articles
from timeline_app.core.tagger import default_tagger


class _Worker(QObject):
    result = Signal(object)  # DocumentResult
    problem = Signal(str, str)  # path, reason
    progress = Signal(int, int)  # done, total
    done = Signal(bool)  # finished without cancel

    def __init__(self, paths: list[Path], cancel: threading.Event) -> None:
        super().__init__()
        self._paths = paths
        self._cancel = cancel

    def run(self) -> None:
        files = list(iter_files(self._paths))
        total = len(files)
        self.progress.emit(0, total)
        tagger = default_tagger()
        for number, (path, issue) in enumerate(files, 1):
            if self._cancel.is_set():
                self.done.emit(False)
                return
            if issue:
                self.problem.emit(str(path), issue)
            else:
                try:
                    for article in read_articles(path):
                        self.result.emit(extract(article, tagger=tagger))
                except ArticleError as exc:
                    self.problem.emit(str(path), str(exc))
                except Exception as exc:  # a bug must not take the app down: report it
                    self.problem.emit(str(path), f"internal error: {type(exc).__name__}: {exc}")
            self.progress.emit(number, total)
        self.done.emit(True)


class Loader(QObject):
    """Loads article paths off the GUI thread. Signals mirror the worker's."""

    result = Signal(object)
    problem = Signal(str, str)
    progress = Signal(int, int)
    finished = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._cancel = threading.Event()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self, paths: list[Path]) -> None:
        """Start loading ``paths`` (cancelling a load in progress)."""
        self.cancel(wait=True)
        self._cancel = threading.Event()
        thread = QThread()
        worker = _Worker(paths, self._cancel)
        worker.moveToThread(thread)
        worker.result.connect(self.result)
        worker.problem.connect(self.problem)
        worker.progress.connect(self.progress)
        worker.done.connect(self._on_done)
        thread.started.connect(worker.run)
        self._thread, self._worker = thread, worker
        thread.start()

    def _on_done(self, completed: bool) -> None:
        if self.sender() is not self._worker:
            return  # a cancelled, replaced load finishing late
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread = self._worker = None
        self.finished.emit(completed)

    def cancel(self, wait: bool = False) -> None:
        """Ask the worker to stop after the current file."""
        self._cancel.set()
        if wait and self._thread is not None:
            self._thread.quit()
            self._thread.wait(5000)
            self._thread = self._worker = None
