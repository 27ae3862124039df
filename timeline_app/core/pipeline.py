"""Loading folders of articles: files, cache, and extraction on all cores, streamed as it goes.

:func:`load` walks the given paths, reads each file (I/O in the calling thread), answers from
the :class:`~timeline_app.core.cache.ExtractionCache` when the file is unchanged, and sends the
rest to a process pool (tagging is CPU-bound; one process per core). A file whose size and modification
time the cache recorded with its hash is answered without being read. Outcomes stream back in
path order (the order the timeline merges them in) as :class:`Loaded` or :class:`Problem`,
with enough files in flight to keep every worker busy; a cancel event stops it between files.
Small batches are extracted in the calling process: a pool costs about a second to start
unless its fork server is ready (:func:`start_fork_server`).
Qt-free: the UI runs this on a worker thread, the benchmarks and tests call it directly.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
import pickle
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline_app.core.cache import ExtractionCache, content_hash
from timeline_app.core.extract import DocumentResult, extract
from timeline_app.core.ingest import (
    MAX_BYTES,
    ArticleError,
    PartlyRead,
    Stamp,
    articles_from_bytes,
    iter_files,
    too_large,
)
from timeline_app.core.priority import lower_priority

POOL_THRESHOLD = 48  # files; below this a pool's start-up costs more than it saves
STAMPS_AHEAD = 128  # files stat'ed and looked up in the cache at a time
BATCH_FILES = 8  # files per task sent to the pool, once the first events are out


@dataclass(frozen=True)
class Loaded:
    """The articles of one file, extracted (or taken from the cache)."""

    path: str
    results: list[DocumentResult]
    cached: bool = False
    problem: str | None = None  # what of the file could not be read (see PartlyRead)


@dataclass(frozen=True)
class Problem:
    """A file that could not be loaded, and why."""

    path: str
    reason: str


Outcome = Loaded | Problem
_Work = tuple[str, bytes | None, str | None, bool]  # path, pickled results, problem, lasting


@dataclass
class _Job:
    """Files sent to the pool together (one task: a task costs the loading process about
    0.2 ms, as much as unpickling a file's results), in path order; ``future`` is None until
    the batch is full, or must go because something waits for it."""

    files: list[tuple[str, bytes]] = field(default_factory=list)
    future: Future[list[_Work]] | None = None


def extract_bytes(path: str, data: bytes,
                  reference: date | None = None) -> tuple[list[DocumentResult], str | None]:
    """Decode and extract one file's articles (runs in a worker process), with what of the
    file could not be read (:class:`~timeline_app.core.ingest.PartlyRead`), if anything.
    Raises ArticleError when nothing could be read."""
    problem = None
    try:
        articles = articles_from_bytes(Path(path), data)
    except PartlyRead as exc:  # the good part loads, the rest is reported
        articles, problem = exc.articles, str(exc)
    return [extract(a, reference=reference) for a in articles], problem


def _work(path: str, data: bytes, timexes: bool = True) -> _Work:
    """Runs in a worker: the results come back pickled once, in the form the cache stores, so
    the loading process unpickles them and never pickles them again. Without ``timexes``, the
    results leave out their temporal expressions (events keep their dates)."""
    try:
        results, problem = extract_bytes(path, data)
        if not timexes:
            results = [dataclasses.replace(r, timexes=[]) for r in results]
        return path, pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL), problem, True
    except ArticleError as exc:  # the content's fault: the same content always gets it
        return path, None, str(exc), True
    except Exception as exc:  # a bug must not stop the load: report it as the file's problem
        return path, None, f"internal error: {type(exc).__name__}: {exc}", False


def _work_batch(files: list[tuple[str, bytes]], timexes: bool = True) -> list[_Work]:
    """:func:`_work` for each file of a batch, in order."""
    return [_work(path, data, timexes) for path, data in files]


def _warm_up() -> None:
    """Worker start: a lower priority, then the tagger (already there in a worker forked
    from the fork server)."""
    lower_priority()
    from timeline_app.core.tagger import default_tagger

    default_tagger()


def prepare_fork_server() -> None:
    """What the worker fork server does once, before it forks any worker (see
    ``worker_preload``): import and build everything extraction needs, the tagger with all its
    rules compiled, the HTML extractor, and dateparser's data, so that every worker of every
    load starts ready (a spawned one spends about a second of CPU on this, each, every load),
    then move it all out of the garbage collector's reach, so that the workers' collections
    do not copy the pages they share with the server."""
    import gc

    from timeline_app.core.tagger import default_tagger

    default_tagger().rules.compile_all()
    with contextlib.suppress(ImportError):
        import htmldate  # noqa: F401
        import trafilatura  # noqa: F401
    gc.collect()
    gc.freeze()


FORK_SERVER_PRELOAD = "timeline_app.core.worker_preload"


def _pool_context() -> multiprocessing.context.BaseContext:
    """How workers start: forked from a fork server that has prepared everything once (see
    :func:`prepare_fork_server`); spawned where there is none (Windows). Never forked from
    the loading process itself: Qt's threads make that unsafe."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([FORK_SERVER_PRELOAD])
        return context
    return multiprocessing.get_context("spawn")


def start_fork_server(wait: bool = False) -> None:
    """Start the worker fork server now (it prepares itself in the background, at low
    priority), so that the first big load finds it ready; with ``wait``, return once it is
    (it forks a process only then). A no-op where there is none."""
    context = _pool_context()
    if isinstance(context, multiprocessing.context.ForkServerContext):
        from multiprocessing import forkserver

        forkserver.ensure_running()
        if wait:
            probe = context.Process(target=os.getpid)
            probe.start()
            probe.join()


class Pipeline:
    """Loads article files with a cache and a process pool started when a load needs it and
    shut down when that load ends: idle workers would hold a tagger each (about 70 MB) for as
    long as the window stays open. The workers are forked from a fork server that holds one
    prepared tagger (about 70 MB, see :meth:`prepare`), so a load's workers start in
    milliseconds, not a second of CPU each."""

    def __init__(self, cache: ExtractionCache | None = None, workers: int | None = None,
                 max_bytes: int = MAX_BYTES, timexes: bool = True) -> None:
        """``timexes=False``: results without their temporal expressions, which a timeline
        does not show (a third less to store, load and keep in memory)."""
        self.cache = cache
        self.timexes = timexes
        self._kind = "" if timexes else ":events"
        self.workers = workers or max(os.cpu_count() or 1, 1)
        self.max_bytes = max_bytes
        self._pool: ProcessPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        self._loads = 0  # loads running (a cancelled one may still be ending as the next starts)

    def prepare(self) -> None:
        """Get ready for a big load: start the workers' fork server (see
        :func:`start_fork_server`) when loads use more than one process."""
        if self.workers > 1:
            start_fork_server()

    def _executor(self) -> ProcessPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(self.workers, mp_context=_pool_context(),
                                                 initializer=_warm_up)
            return self._pool

    def _release_pool(self) -> None:
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        self._release_pool()
        if self.cache is not None:
            self.cache.commit()

    def load(self, paths: list[Path], cancel: threading.Event | None = None,
             on_total: Callable[[int], None] | None = None,
             stamps: dict[Path, Stamp] | None = None) -> Iterator[Outcome]:
        """Outcomes for every file under ``paths``, in path order (so results arrive in the
        order they are merged in); ``on_total`` gets the file count first; ``stamps`` gets
        the size and modification time of every file found (as
        :func:`~timeline_app.core.ingest.file_stamps` would). The worker processes end with
        the last load running."""
        with self._pool_lock:
            self._loads += 1
        try:
            yield from self._load(paths, cancel, on_total, stamps)
        finally:
            with self._pool_lock:
                self._loads -= 1
                last = self._loads == 0
            if last:
                self._release_pool()

    def _load(self, paths: list[Path], cancel: threading.Event | None,
              on_total: Callable[[int], None] | None,
              stamps: dict[Path, Stamp] | None) -> Iterator[Outcome]:
        cancel = cancel or threading.Event()
        files = sorted(iter_files(paths), key=lambda item: str(item[0]))
        if on_total is not None:
            on_total(len(files))
        use_pool = self.workers > 1 and len(files) >= POOL_THRESHOLD
        ordered: deque[Outcome | _Job] = deque()  # outcomes and batches, in path order
        hashes: dict[str, str] = {}
        window = self.workers * 4  # batches in flight: enough to keep every worker busy
        in_flight = [0]  # batches sent and not yet taken from ``ordered`` (shared with _ready)
        sent = 0
        known: dict[str, list[DocumentResult] | str] = {}  # answered by the files' stamps
        for number, (path, issue) in enumerate(files):
            if cancel.is_set():
                break
            if number % STAMPS_AHEAD == 0:
                known = self._known_ahead(files[number:number + STAMPS_AHEAD], stamps)
            outcome = Problem(str(path), issue) if issue else \
                self._read(path, hashes, known.pop(str(path), None))
            if isinstance(outcome, (Loaded, Problem)):
                self._send(ordered, in_flight)  # an open batch goes before what follows it
                ordered.append(outcome)
            elif not use_pool:
                ordered.append(self._finish(*_work(str(path), outcome, self.timexes), hashes))
            else:
                tail = ordered[-1] if ordered else None
                if not isinstance(tail, _Job) or tail.future is not None:
                    tail = _Job()
                    ordered.append(tail)
                tail.files.append((str(path), outcome))
                # the first batches are small, so the first events come at once
                if len(tail.files) >= min(BATCH_FILES, 1 + sent // self.workers):
                    self._send(ordered, in_flight)
                    sent += 1
            yield from self._ready(ordered, in_flight, hashes, cancel, block=in_flight[0] >= window)
        self._send(ordered, in_flight)
        while ordered and not cancel.is_set():
            yield from self._ready(ordered, in_flight, hashes, cancel, block=True)
        for item in ordered:
            if isinstance(item, _Job) and item.future is not None:
                item.future.cancel()
        if self.cache is not None:
            self.cache.commit()

    def _send(self, ordered: deque[Outcome | _Job], in_flight: list[int]) -> None:
        """Send the batch being filled at the end of ``ordered``, if there is one."""
        tail = ordered[-1] if ordered else None
        if isinstance(tail, _Job) and tail.future is None:
            tail.future = self._executor().submit(_work_batch, tail.files, self.timexes)
            in_flight[0] += 1

    def _ready(self, ordered: deque[Outcome | _Job], in_flight: list[int], hashes: dict[str, str],
               cancel: threading.Event, block: bool) -> Iterator[Outcome]:
        """Outcomes at the head of ``ordered`` that are done; with ``block``, wait for the head."""
        while ordered:
            head = ordered[0]
            if isinstance(head, _Job):
                if head.future is None:
                    if not block:
                        return
                    self._send(ordered, in_flight)  # the batch being filled is all there is
                assert head.future is not None
                while block and not head.future.done() and not cancel.is_set():
                    wait([head.future], timeout=0.1)
                if not head.future.done():
                    return
                ordered.popleft()
                in_flight[0] -= 1
                try:
                    done = head.future.result()
                except Exception as exc:  # a worker died: report the files, keep going
                    for path, _ in head.files:
                        hashes.pop(path, None)
                        yield Problem(path, f"internal error: {type(exc).__name__}: {exc}")
                    continue
                for result in done:
                    yield self._finish(*result, hashes)
            else:
                ordered.popleft()
                yield head
            block = False  # waited for one: take the rest only if they are done

    def _known_ahead(self, files: list[tuple[Path, str | None]],
                     stamps: dict[Path, Stamp] | None) -> dict[str, list[DocumentResult] | str]:
        """Stat the next files (their stamps go to ``stamps``) and get, in one cache query,
        the outcomes of those whose size and modification time the cache knows."""
        found: dict[str, tuple[int, int]] = {}
        for path, issue in files:
            if issue:
                continue
            try:
                st = path.stat()
            except OSError:
                continue  # reported when the file is read
            if stamps is not None:
                stamps[path] = (st.st_size, st.st_mtime_ns)
            if st.st_size <= self.max_bytes:
                found[str(path)] = (st.st_size, st.st_mtime_ns)
        return self.cache.get_by_stamps(found, self._kind) if self.cache is not None else {}

    def _read(self, path: Path, hashes: dict[str, str],
              known: list[DocumentResult] | str | None) -> bytes | Outcome:
        """The file's outcome if ``known`` (by its stamp) or cached, else its bytes."""
        if isinstance(known, str):
            return Problem(str(path), known)
        if known is not None:
            return Loaded(str(path), known, cached=True)
        try:
            st = path.stat()
            if st.st_size > self.max_bytes:
                return Problem(str(path), too_large(st.st_size, self.max_bytes))
            data = path.read_bytes()
        except OSError as exc:
            return Problem(str(path), f"cannot read: {exc.strerror or exc}")
        digest = content_hash(data)
        if self.cache is not None:
            self.cache.put_stamp(str(path), st.st_size, st.st_mtime_ns, digest)
            cached = self.cache.get(str(path), digest, self._kind)
            if isinstance(cached, str):
                return Problem(str(path), cached)  # known bad content: no worker needed
            if cached is not None:
                return Loaded(str(path), cached, cached=True)
        hashes[str(path)] = digest
        return data

    def _finish(self, path: str, blob: bytes | None, error: str | None, lasting: bool,
                hashes: dict[str, str]) -> Outcome:
        digest = hashes.pop(path, None)
        if blob is None:
            if self.cache is not None and digest is not None and lasting and error:
                self.cache.put_problem(path, digest, error, self._kind)
            return Problem(path, error or "unknown error")
        if error is not None:  # read in part: extracted again next time, to say so again
            return Loaded(path, pickle.loads(blob), problem=error)
        if self.cache is not None and digest is not None:
            self.cache.put_pickled(path, digest, blob, self._kind)
        return Loaded(path, pickle.loads(blob))  # made by our own worker just now
