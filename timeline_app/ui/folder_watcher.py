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
# paths (un)watched at a time: each costs the GUI thread 7-10 us (inotify), 3,000 files 50 ms;
# the rest follow in later turns of the event loop
WATCH_CHUNK = 500

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
        self._unwatch: list[str] = []  # paths still to be (un)watched, a chunk at a time
        self._to_watch: list[str] = []
        self._chunk_timer = QTimer(self)
        self._chunk_timer.setSingleShot(True)
        self._chunk_timer.setInterval(0)
        self._chunk_timer.timeout.connect(self._watch_chunk)

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
        folders = {str(r) for r in self._roots if r.is_dir()}
        if known_folders is None:
            known_folders = {os.path.dirname(p) for p in map(str, known)}
        folders |= known_folders
        files = sorted(map(str, known)) if len(known) <= MAX_WATCHED_FILES else []
        watched = set(self._watcher.directories()) | set(self._watcher.files())
        wanted = sorted(folders) + files  # folders first: they tell of new files
        self._unwatch = sorted(watched.difference(wanted))
        self._to_watch = [p for p in wanted if p not in watched]  # a reopen: nothing to do
        self._watch_chunk()

    def pending(self) -> int:
        """Paths still to be watched or unwatched (a snapshot's are, a chunk at a time)."""
        return len(self._unwatch) + len(self._to_watch)

    def _watch_chunk(self) -> None:
        budget = WATCH_CHUNK
        if self._unwatch:
            chunk, self._unwatch = self._unwatch[:budget], self._unwatch[budget:]
            self._watcher.removePaths(chunk)
            budget -= len(chunk)
        if budget and self._to_watch:
            chunk, self._to_watch = self._to_watch[:budget], self._to_watch[budget:]
            self._watcher.addPaths(chunk)
        if self.pending():
            self._chunk_timer.start()

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
