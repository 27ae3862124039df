"""A cache of extraction results in SQLite, so an unchanged folder reopens without re-tagging.

Entries are keyed by the file's path, the SHA-256 of its bytes and the extractor version (a
hash of the rule data and of :data:`CODE_VERSION`), so a changed file or new rules miss the
cache. Each file's size and modification time are recorded with its hash (as git's index does),
so an unchanged file is answered without being read again, many files per query. Values are
pickled lists of :class:`DocumentResult` (the cache is a private, local file: pickle is fast and
keeps the dataclasses exact). sqlite3 is chosen because it is in the standard
library, atomic and safe for one writer. A corrupt cache file is deleted and rebuilt; a locked or
unwritable one is skipped (the app then works without a cache). Nothing here is ever fatal.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import pickle
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from timeline_app.core.extract import DocumentResult
from timeline_app.resources import rules_dir

CODE_VERSION = "273"  # bump when extraction code changes what it produces


@functools.cache
def extractor_version() -> str:
    """Changes whenever the rules or the extraction code version change."""
    digest = hashlib.sha256(CODE_VERSION.encode())
    for path in sorted(rules_dir().glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def default_cache_path() -> Path:
    """``extraction.sqlite3`` in the user cache folder (platformdirs)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("timeline_app", appauthor=False)) / "extraction.sqlite3"


class ExtractionCache:
    """Get and put extraction results by (path, content hash, extractor version)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.problem: str | None = None  # why the cache is off, if it is
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if path is not None:
            self._open(path)

    def _open(self, path: Path, retry: bool = True) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(str(path), timeout=1.0, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS results (path TEXT, hash TEXT, version TEXT, "
                       "data BLOB, PRIMARY KEY (path, hash, version))")
            db.execute("CREATE TABLE IF NOT EXISTS timelines (key TEXT PRIMARY KEY, data BLOB)")
            db.execute("CREATE TABLE IF NOT EXISTS stamps (path TEXT PRIMARY KEY, size INTEGER, "
                       "mtime_ns INTEGER, hash TEXT)")
            db.execute("SELECT count(*) FROM results").fetchone()
            self._db = db
            self._purge_other_versions()
        except sqlite3.DatabaseError as exc:
            if retry and "locked" not in str(exc).lower() and path.exists():
                self._discard(path)  # corrupt: start a new cache
                self._open(path, retry=False)
            else:
                self.problem = f"cache unavailable ({exc}); extracting without it"
        except OSError as exc:
            self.problem = f"cache unavailable ({exc.strerror or exc}); extracting without it"

    def _purge_other_versions(self) -> None:
        """Results of other extractor versions will never be read again (best effort: another
        instance of the app may hold the write lock)."""
        assert self._db is not None
        try:
            self._db.execute("DELETE FROM results WHERE substr(version, 1, ?) != ?",
                             (len(extractor_version()), extractor_version()))
            self._db.commit()
        except sqlite3.Error:
            pass

    @staticmethod
    def _discard(path: Path) -> None:
        for extra in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(str(path) + extra).unlink()

    def get(self, path: str, digest: str, kind: str = "") -> list[DocumentResult] | str | None:
        """The results stored for this file's content, of this ``kind`` (see :meth:`put`), or
        the reason it is no article (see :meth:`put_problem`)."""
        if self._db is None:
            return None
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT data FROM results WHERE path=? AND hash=? AND version=?",
                    (path, digest, extractor_version() + kind)).fetchone()
            return pickle.loads(row[0]) if row else None  # our own local cache file
        except (sqlite3.Error, pickle.PickleError, EOFError, AttributeError, TypeError) as exc:
            self.problem = f"cache read failed ({exc})"
            return None

    def get_by_stamps(self, stamps: dict[str, tuple[int, int]],
                      kind: str = "") -> dict[str, list[DocumentResult] | str]:
        """:meth:`get` for files whose (size, modification time) are those recorded with their
        content hash by :meth:`put_stamp`: they need not be read again. One query for all."""
        found: dict[str, list[DocumentResult] | str] = {}
        if self._db is None or not stamps:
            return found
        paths = list(stamps)
        try:
            for first in range(0, len(paths), self.PATHS_PER_QUERY):
                chunk = paths[first:first + self.PATHS_PER_QUERY]
                with self._lock:
                    rows = self._db.execute(
                        "SELECT s.path, s.size, s.mtime_ns, r.data FROM stamps s JOIN results r "
                        "ON r.path = s.path AND r.hash = s.hash AND r.version = ? "
                        f"WHERE s.path IN ({','.join('?' * len(chunk))})",
                        (extractor_version() + kind, *chunk)).fetchall()
                for path, size, mtime_ns, data in rows:
                    if stamps[path] == (size, mtime_ns):
                        found[path] = pickle.loads(data)  # our own local cache file
        except (sqlite3.Error, pickle.PickleError, EOFError, AttributeError, TypeError) as exc:
            self.problem = f"cache read failed ({exc})"
        return found

    PATHS_PER_QUERY = 256

    STABLE_NS = 2_000_000_000  # a file untouched this long before it was read is settled

    def put_stamp(self, path: str, size: int, mtime_ns: int, digest: str) -> None:
        """Record that the file with this size and modification time has this content hash,
        if it had not changed for :attr:`STABLE_NS` when it was read: a file rewritten within
        its file system's timestamp resolution keeps its stamp, and must be hashed again."""
        if self._db is None or mtime_ns > time.time_ns() - self.STABLE_NS:
            return
        try:
            with self._lock:
                self._db.execute("INSERT OR REPLACE INTO stamps VALUES (?, ?, ?, ?)",
                                 (path, size, mtime_ns, digest))
        except sqlite3.Error as exc:
            self.problem = f"cache write failed ({exc})"

    def put(self, path: str, digest: str, results: list[DocumentResult], kind: str = "") -> None:
        """Store a file's results; ``kind`` tells variants apart (results without their
        temporal expressions, for the window, are stored as another kind)."""
        try:
            blob = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
        except pickle.PickleError as exc:
            self.problem = f"cache write failed ({exc})"
            return
        self.put_pickled(path, digest, blob, kind)

    def put_problem(self, path: str, digest: str, reason: str, kind: str = "") -> None:
        """Remember why this content cannot be read as an article (malformed JSON, binary...),
        so an unchanged bad file is reported again without being extracted again."""
        self.put_pickled(path, digest, pickle.dumps(reason, protocol=pickle.HIGHEST_PROTOCOL), kind)

    def put_pickled(self, path: str, digest: str, blob: bytes, kind: str = "") -> None:
        """:meth:`put` for results already pickled (by a worker process)."""
        if self._db is None:
            return
        try:
            with self._lock:
                self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)",
                                 (path, digest, extractor_version() + kind, blob))
        except sqlite3.Error as exc:
            self.problem = f"cache write failed ({exc})"

    TIMELINES_KEPT = 8

    def get_grouping(self, key: str) -> Any:
        """A merged timeline's grouping stored under ``key`` (see core.timeline), or None."""
        if self._db is None:
            return None
        try:
            with self._lock:
                row = self._db.execute("SELECT data FROM timelines WHERE key=?", (key,)).fetchone()
            return pickle.loads(row[0]) if row else None  # our own local cache file
        except (sqlite3.Error, pickle.PickleError, EOFError, AttributeError, TypeError) as exc:
            self.problem = f"cache read failed ({exc})"
            return None

    def put_grouping(self, key: str, grouping: Any) -> None:
        """Remember a merged timeline's grouping (the few most recent ones are kept)."""
        if self._db is None:
            return
        try:
            blob = pickle.dumps(grouping, protocol=pickle.HIGHEST_PROTOCOL)
            with self._lock:
                self._db.execute("INSERT OR REPLACE INTO timelines VALUES (?, ?)", (key, blob))
                self._db.execute("DELETE FROM timelines WHERE rowid NOT IN (SELECT rowid FROM "
                                 "timelines ORDER BY rowid DESC LIMIT ?)", (self.TIMELINES_KEPT,))
                self._db.commit()
        except (sqlite3.Error, pickle.PickleError) as exc:
            self.problem = f"cache write failed ({exc})"

    def commit(self) -> None:
        if self._db is None:
            return
        try:
            with self._lock:
                self._db.commit()
        except sqlite3.Error as exc:
            self.problem = f"cache write failed ({exc})"

    def close(self) -> None:
        if self._db is not None:
            self.commit()
            with self._lock:
                self._db.close()
            self._db = None
