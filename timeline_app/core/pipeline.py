"""Loading folders of articles: files, cache, and extraction on all cores, streamed as it goes.

:func:`load` walks the given paths, reads each file (I/O in the calling thread), answers from
the :class:`~timeline_app.core.cache.ExtractionCache` when the file is unchanged, and sends the
rest to a process pool (tagging is CPU-bound; one process per core). Outcomes stream back in
completion order as :class:`Loaded` or :class:`Problem`; a cancel event stops it between files.
Small batches are extracted in the calling process: a pool costs about a second to start.
Qt-free: the UI runs this on a worker thread, the benchmarks and tests call it directly.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline_app.core.cache import ExtractionCache, content_hash
from timeline_app.core.extract import DocumentResult, extract
from timeline_app.core.ingest import (
    MAX_BYTES,
    ArticleError,
    articles_from_bytes,
    iter_files,
    too_large,
)

POOL_THRESHOLD = 48  # files; below this a pool's start-up costs more than it saves


@dataclass(frozen=True)
class Loaded:
    """The articles of one file, extracted (or taken from the cache)."""

    path: str
    results: list[DocumentResult]
    cached: bool = False


@dataclass(frozen=True)
class Problem:
    """A file that could not be loaded, and why."""

    path: str
    reason: str


Outcome = Loaded | Problem


def extract_bytes(path: str, data: bytes, reference: date | None = None) -> list[DocumentResult]:
    """Decode and extract one file's articles (runs in a worker process). Raises ArticleError."""
    return [extract(a, reference=reference) for a in articles_from_bytes(Path(path), data)]


def _work(path: str, data: bytes) -> tuple[str, list[DocumentResult] | None, str | None]:
    try:
        return path, extract_bytes(path, data), None
    except ArticleError as exc:
        return path, None, str(exc)
    except Exception as exc:  # a bug must not stop the load: report it as the file's problem
        return path, None, f"internal error: {type(exc).__name__}: {exc}"


def _warm_up() -> None:
    from timeline_app.core.tagger import default_tagger

    default_tagger()


class Pipeline:
    """Loads article files with a cache and a lazily started process pool (reused across loads)."""

    def __init__(self, cache: ExtractionCache | None = None, workers: int | None = None,
                 max_bytes: int = MAX_BYTES) -> None:
        self.cache = cache
        self.workers = workers or max(os.cpu_count() or 1, 1)
        self.max_bytes = max_bytes
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")  # safe beside Qt's threads
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_warm_up)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        if self.cache is not None:
            self.cache.commit()

    def load(self, paths: list[Path], cancel: threading.Event | None = None,
             on_total: Callable[[int], None] | None = None) -> Iterator[Outcome]:
        """Outcomes for every file under ``paths``; ``on_total`` gets the file count first."""
        cancel = cancel or threading.Event()
        files = list(iter_files(paths))
        if on_total is not None:
            on_total(len(files))
        use_pool = self.workers > 1 and len(files) >= POOL_THRESHOLD
        pending: dict[Future[tuple[str, list[DocumentResult] | None, str | None]], str] = {}
        hashes: dict[str, str] = {}
        window = self.workers * 8
        for path, issue in files:
            if cancel.is_set():
                break
            if issue:
                yield Problem(str(path), issue)
                continue
            outcome = self._read(path, hashes)
            if isinstance(outcome, (Loaded, Problem)):
                yield outcome
                continue
            data = outcome
            if not use_pool:
                yield self._finish(*_work(str(path), data), hashes)
                continue
            pending[self._executor().submit(_work, str(path), data)] = str(path)
            while len(pending) >= window and not cancel.is_set():
                yield from self._drain(pending, hashes, block_for_one=True)
        while pending and not cancel.is_set():
            yield from self._drain(pending, hashes, block_for_one=True)
        for future in pending:
            future.cancel()
        if self.cache is not None:
            self.cache.commit()

    def _read(self, path: Path, hashes: dict[str, str]) -> bytes | Outcome:
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                return Problem(str(path), too_large(size, self.max_bytes))
            data = path.read_bytes()
        except OSError as exc:
            return Problem(str(path), f"cannot read: {exc.strerror or exc}")
        digest = content_hash(data)
        if self.cache is not None:
            cached = self.cache.get(str(path), digest)
            if cached is not None:
                return Loaded(str(path), cached, cached=True)
        hashes[str(path)] = digest
        return data

    def _drain(self, pending: dict[Future[tuple[str, list[DocumentResult] | None, str | None]], str],
               hashes: dict[str, str], block_for_one: bool) -> Iterator[Outcome]:
        done, _ = wait(list(pending), timeout=None if block_for_one else 0,
                       return_when=FIRST_COMPLETED)
        for future in done:
            path = pending.pop(future)
            try:
                result = future.result()
            except Exception as exc:  # a worker died: report the file, keep going
                yield Problem(path, f"internal error: {type(exc).__name__}: {exc}")
                continue
            yield self._finish(*result, hashes)

    def _finish(self, path: str, results: list[DocumentResult] | None, error: str | None,
                hashes: dict[str, str]) -> Outcome:
        if results is None:
            return Problem(path, error or "unknown error")
        digest = hashes.pop(path, None)
        if self.cache is not None and digest is not None:
            self.cache.put(path, digest, results)
        return Loaded(path, results)
