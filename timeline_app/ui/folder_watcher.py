"""Watch loaded folders: report new, changed and deleted article files (debounced).

QFileSystemWatcher tells that a folder changed, not what changed; after a short quiet period the
watcher compares the folder's files (size and modification time) with its last snapshot and
emits ``changed`` (new or modified files) and ``removed`` (deleted files). The baseline is taken
when a load finishes (the loader scans the folders on its own thread, see :meth:`snapshot`);
until then changes are not reported: the load reads every file anyway.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from timeline_app.core.ingest import Stamp, file_stamps

DEBOUNCE_MS = 400
MAX_WATCHED_FILES = 4000  # beyond this only folders are watched (file edits are seen on reload)

class FolderWatcher(QObject):
    changed = Signal(object)  # list[Path]
    removed = Signal(object)  # list[Path]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._schedule)
        self._watcher.fileChanged.connect(self._schedule)
        self._roots: list[Path] = []
        self._known: dict[Path, Stamp] | None = None  # the baseline, once a load finished
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._rescan)

    @property
    def roots(self) -> list[Path]:
        return list(self._roots)

    def watch(self, roots: list[Path]) -> None:
        """Watch these folders (and files); changes are reported after :meth:`snapshot`,
        which a finished load calls."""
        self._roots = [r for r in roots if r.exists()]
        self._known = None

    def snapshot(self, known: dict[Path, Stamp] | None = None,
                 known_folders: set[str] | None = None) -> None:
        """Take the current state of the watched folders as the baseline: ``known``, from
        :func:`~timeline_app.core.ingest.file_stamps` of :attr:`roots` (scanned off the GUI
        thread), or scanned now; ``known_folders``: the folders holding those files, if known
        (10,000 paths cost 40 ms on the GUI thread)."""
        if known is None:
            known, known_folders = self._scan(), None
        self._known = known
        old = self._watcher.directories() + self._watcher.files()
        if old:
            self._watcher.removePaths(old)
        folders = {str(r) for r in self._roots if r.is_dir()}
        if known_folders is None:
            known_folders = {os.path.dirname(p) for p in map(str, known)}
        folders |= known_folders
        if folders:
            self._watcher.addPaths(sorted(folders))
        if len(self._known) <= MAX_WATCHED_FILES and self._known:
            self._watcher.addPaths(sorted(str(p) for p in self._known))

    def _scan(self) -> dict[Path, Stamp]:
        return file_stamps(self._roots)

    def _schedule(self, _path: str = "") -> None:
        self._timer.start()

    def _rescan(self) -> None:
        if self._known is None:
            return  # a load is reading the folders now
        now = self._scan()
        changed = [p for p, stamp in now.items() if self._known.get(p) != stamp]
        removed = [p for p in self._known if p not in now]
        self._known = now
        if changed:
            for path in changed:
                if str(path) not in self._watcher.files() and len(now) <= MAX_WATCHED_FILES:
                    self._watcher.addPath(str(path))
            self.changed.emit(changed)
        if removed:
            self.removed.emit(removed)
