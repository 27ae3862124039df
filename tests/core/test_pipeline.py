"""Loading folders through the pipeline: cache hits, changed files, bad files, the process pool."""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core import cache as cache_module
from timeline_app.core.cache import ExtractionCache
from timeline_app.core.pipeline import Loaded, Pipeline, Problem

ARTICLE = "Storm hits coast\ndate 2021-03-02\n\nThe storm made landfall on Monday, officials said.\n"


def _write(folder: Path, count: int) -> None:
    for i in range(count):
        (folder / f"a{i:03d}.txt").write_text(ARTICLE.replace("Storm", f"Storm {i}"), encoding="utf-8")


def _loaded(outcomes: list[object]) -> list[Loaded]:
    return [o for o in outcomes if isinstance(o, Loaded)]


def test_unchanged_files_come_from_the_cache_and_changed_ones_are_extracted(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder, 3)
    cache = ExtractionCache(tmp_path / "cache.sqlite3")
    first = _loaded(list(Pipeline(cache, workers=1).load([folder])))
    assert len(first) == 3 and not any(o.cached for o in first)
    (folder / "a001.txt").write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    second = {Path(o.path).name: o for o in _loaded(list(Pipeline(cache, workers=1).load([folder])))}
    assert second["a000.txt"].cached and second["a002.txt"].cached
    assert not second["a001.txt"].cached
    assert second["a001.txt"].results[0].events[0].date.text == "Tuesday"


def test_a_new_extractor_version_misses_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder, 1)
    cache = ExtractionCache(tmp_path / "cache.sqlite3")
    list(Pipeline(cache, workers=1).load([folder]))
    monkeypatch.setattr(cache_module, "extractor_version", lambda: "another-version")
    again = _loaded(list(Pipeline(cache, workers=1).load([folder])))
    assert not again[0].cached


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = ExtractionCache(path)
    assert cache.problem is None
    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder, 1)
    assert _loaded(list(Pipeline(cache, workers=1).load([folder])))
    cache.close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM results").fetchone()[0] == 1


def test_an_unusable_cache_location_only_turns_the_cache_off(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = ExtractionCache(blocker / "sub" / "cache.sqlite3")
    assert cache.problem and "cache unavailable" in cache.problem
    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder, 1)
    assert _loaded(list(Pipeline(cache, workers=1).load([folder])))


def test_the_process_pool_loads_everything_and_reports_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    _write(folder, 60)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "broken.json").write_text("{not json")
    pipeline = Pipeline(None, workers=2)
    try:
        outcomes = list(pipeline.load([folder]))
    finally:
        pipeline.close()
    problems = {Path(o.path).name: o.reason for o in outcomes if isinstance(o, Problem)}
    assert set(problems) == {"empty.txt", "binary.txt", "broken.json"}
    assert "empty" in problems["empty.txt"] and "binary" in problems["binary.txt"]
    assert len(_loaded(outcomes)) == 60
    # outcomes come in path order, the order the timeline merges them in
    assert [o.path for o in outcomes] == sorted(o.path for o in outcomes)


def _workers_end(timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while multiprocessing.active_children():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_the_worker_processes_end_with_each_load_and_start_again_for_the_next(tmp_path: Path) -> None:
    # idle workers would hold a tagger each for as long as the window stays open
    _write(tmp_path, 60)
    pipeline = Pipeline(None, workers=2)
    try:
        assert len(_loaded(list(pipeline.load([tmp_path])))) == 60
        assert _workers_end()
        stopped = pipeline.load([tmp_path])  # a load abandoned half way (cancelled)
        assert isinstance(next(stopped), Loaded) and multiprocessing.active_children()
        stopped.close()
        assert _workers_end()
        assert len(_loaded(list(pipeline.load([tmp_path])))) == 60
    finally:
        pipeline.close()
    assert _workers_end()


def test_the_pool_keeps_path_order_when_cached_and_extracted_files_alternate(tmp_path: Path) -> None:
    # extracted files go to the pool in batches; a cached file between them must not overtake
    _write(tmp_path, 70)
    cache = ExtractionCache(tmp_path / "cache.sqlite3")
    list(Pipeline(cache, workers=1).load([tmp_path]))
    changed = {f"a{i:03d}.txt" for i in range(0, 70, 3)} | {f"a{i:03d}.txt" for i in range(40, 55)}
    for name in changed:
        (tmp_path / name).write_text(ARTICLE.replace("Storm", f"Flood {name}"), encoding="utf-8")
    pipeline = Pipeline(cache, workers=2)
    try:
        outcomes = _loaded(list(pipeline.load([tmp_path])))
    finally:
        pipeline.close()
    assert [Path(o.path).name for o in outcomes] == [f"a{i:03d}.txt" for i in range(70)]
    assert {Path(o.path).name for o in outcomes if not o.cached} == changed
    assert all(o.results[0].article.title.startswith("Flood") for o in outcomes if not o.cached)


def test_oversized_files_are_reported_with_the_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 1000)
    outcomes = list(Pipeline(None, workers=1, max_bytes=1000).load([tmp_path]))
    assert isinstance(outcomes[0], Problem) and "too large" in outcomes[0].reason


def test_unreadable_and_vanished_files_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, 3)
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "a001.txt":
            raise PermissionError(13, "Permission denied")
        if self.name == "a002.txt":
            raise FileNotFoundError(2, "No such file or directory")  # deleted while loading
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    outcomes = list(Pipeline(None, workers=1).load([tmp_path]))
    problems = {Path(o.path).name: o.reason for o in outcomes if isinstance(o, Problem)}
    assert problems == {"a001.txt": "cannot read: Permission denied",
                        "a002.txt": "cannot read: No such file or directory"}
    assert len(_loaded(outcomes)) == 1


def test_results_survive_pickling_exactly() -> None:
    import pickle

    from timeline_app.core.extract import extract
    from timeline_app.core.ingest import Article

    article = Article("a.txt", "Title\n\nThe bridge closed on May 9, 2023, and reopened in "
                      "late June. A review is due next year.", "Title", date(2023, 5, 11),
                      "header", "Post", None, 7)
    result = extract(article)
    assert result.timexes and result.events
    copy = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == result
    assert copy.timexes[0].time == result.timexes[0].time
    assert copy.events[-1].date == result.events[-1].date
    assert type(copy.events[0]) is type(result.events[0])
    with pytest.raises(AttributeError):  # still frozen
        copy.events[0].title = "changed"  # type: ignore[misc]
    assert hash(copy.events[0]) == hash(result.events[0])


def test_pickled_results_load_in_a_fresh_interpreter(tmp_path: Path) -> None:
    """The cache is read by later runs: a pickle must name only what importing finds."""
    import pickle
    import subprocess
    import sys

    from timeline_app.core.extract import extract
    from timeline_app.core.ingest import Article

    result = extract(Article("a.txt", "The bridge closed on May 9, 2023.", "Title", date(2023, 5, 11)))
    (tmp_path / "r.pickle").write_bytes(pickle.dumps([result], protocol=pickle.HIGHEST_PROTOCOL))
    code = ("import pickle, sys; r = pickle.load(open(sys.argv[1], 'rb'))[0]; "
            "print(r.events[0].date.value, type(r.events[0]).__name__)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "r.pickle")],
                         capture_output=True, text=True, check=True).stdout
    assert out.split() == ["2023-05-09", "Event"]


def test_results_without_timexes_are_cached_apart(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Bridge\ndate 2023-05-11\n\nThe bridge closed on May 9.\n",
                                  encoding="utf-8")
    cache = ExtractionCache(tmp_path / "cache.sqlite3")
    slim = [o for o in Pipeline(cache, workers=1, timexes=False).load([folder])]
    assert isinstance(slim[0], Loaded) and not slim[0].cached
    assert slim[0].results[0].timexes == [] and slim[0].results[0].events
    full = [o for o in Pipeline(cache, workers=1).load([folder])]
    assert isinstance(full[0], Loaded) and not full[0].cached  # another kind: extracted again
    assert full[0].results[0].timexes
    again = [o for o in Pipeline(cache, workers=1, timexes=False).load([folder])]
    assert isinstance(again[0], Loaded) and again[0].cached and again[0].results[0].timexes == []


def test_an_unchanged_bad_file_is_reported_from_the_cache(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_app.core import pipeline as pipeline_module

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "broken.json").write_text('{"title": "x", ', encoding="utf-8")
    cache = ExtractionCache(tmp_path / "cache.sqlite3")
    first = list(Pipeline(cache, workers=1).load([folder]))
    assert isinstance(first[0], Problem)

    def no_extraction(*args: object) -> None:
        raise AssertionError("extracted again")

    monkeypatch.setattr(pipeline_module, "_work", no_extraction)
    again = list(Pipeline(cache, workers=1).load([folder]))
    assert again == first
    (folder / "broken.json").write_text('{"title": "x", "text": "Fixed on May 9, 2023."}',
                                        encoding="utf-8")
    monkeypatch.undo()
    fixed = list(Pipeline(cache, workers=1).load([folder]))
    assert isinstance(fixed[0], Loaded) and not fixed[0].cached


def test_a_settled_unchanged_file_is_answered_without_being_read(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    from timeline_app.core.ingest import file_stamps

    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder, 2)
    hour_ago = time.time() - 3600
    for path in folder.iterdir():
        os.utime(path, (hour_ago, hour_ago))
    cache = ExtractionCache(tmp_path / "cache.sqlite3")
    stamps: dict[Path, tuple[int, int]] = {}
    first = _loaded(list(Pipeline(cache, workers=1).load([folder], stamps=stamps)))
    assert not any(o.cached for o in first)
    assert stamps == file_stamps([folder])  # what the folder watcher needs, from the same pass

    read = Path.read_bytes

    def no_reading(self: Path) -> bytes:
        if self.parent == folder:
            raise AssertionError(f"{self.name} read again")
        return read(self)

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    again = _loaded(list(Pipeline(cache, workers=1).load([folder])))
    assert all(o.cached for o in again) and [o.results for o in again] == [o.results for o in first]
    monkeypatch.undo()

    (folder / "a001.txt").write_text(ARTICLE.replace("Monday", "Friday"), encoding="utf-8")
    changed = {Path(o.path).name: o for o in _loaded(list(Pipeline(cache, workers=1).load([folder])))}
    assert changed["a000.txt"].cached and not changed["a001.txt"].cached
    assert changed["a001.txt"].results[0].events[0].date.text == "Friday"


def test_a_file_changed_just_before_reading_is_not_trusted_by_its_stamp(tmp_path: Path) -> None:
    """Within a file system's timestamp resolution, a rewrite may keep size and mtime: a file
    that had not settled when it was read is hashed again next time."""
    import time

    cache = ExtractionCache(tmp_path / "cache.sqlite3")
    cache.put("a.txt", "hash-1", [])
    now = time.time_ns()
    cache.put_stamp("a.txt", 10, now, "hash-1")
    assert cache.get_by_stamps({"a.txt": (10, now)}) == {}
    settled = now - 10 * ExtractionCache.STABLE_NS
    cache.put_stamp("a.txt", 10, settled, "hash-1")
    assert cache.get_by_stamps({"a.txt": (10, settled)}) == {"a.txt": []}
    assert cache.get_by_stamps({"a.txt": (11, settled)}) == {}  # another size
    assert cache.get_by_stamps({"a.txt": (10, settled + 1)}) == {}  # another time
    assert cache.get_by_stamps({"a.txt": (10, settled)}, kind=":events") == {}  # another kind


def test_a_partly_broken_json_lines_file_loads_its_good_articles_and_says_what_was_skipped(
        tmp_path: Path) -> None:
    (tmp_path / "dump.jsonl").write_text(
        '{"title": "One", "text": "Elections were held on March 3, 2020."}\n{"title": \n')
    for _ in range(2):  # not cached: the second load says it again
        pipeline = Pipeline(ExtractionCache(tmp_path / "c.sqlite3"), workers=1)
        [outcome] = list(pipeline.load([tmp_path / "dump.jsonl"]))
        assert isinstance(outcome, Loaded) and not outcome.cached
        assert [r.article.title for r in outcome.results] == ["One"]
        assert "1 line(s) skipped (line 2:" in (outcome.problem or "")


def _worker_state() -> tuple[bool, int]:
    """In a worker: whether every rule's regex is compiled already, and the worker's niceness."""
    import os

    from timeline_app.core.tagger import default_tagger

    compiled = all(rule.regex._compiled is not None for rule in default_tagger().rules.rules)
    return compiled, os.nice(0)


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(),
                    reason="no fork server here: workers are spawned")
def test_workers_are_forked_ready_from_a_fork_server_at_a_lower_priority() -> None:
    import os
    from concurrent.futures import ProcessPoolExecutor

    from timeline_app.core import pipeline as pipeline_module
    from timeline_app.core.priority import WORKER_NICENESS

    own_niceness = os.nice(0)
    pipeline_module.start_fork_server(wait=True)
    with ProcessPoolExecutor(1, mp_context=pipeline_module._pool_context(),
                             initializer=pipeline_module._warm_up) as pool:
        compiled, niceness = pool.submit(_worker_state).result(timeout=60)
    assert compiled  # compiled once in the server, not in each worker of each load
    assert niceness == max(WORKER_NICENESS, own_niceness)  # lowered once, not twice
    assert os.nice(0) == own_niceness  # the loading process keeps its own


def test_only_a_pipeline_of_several_workers_starts_the_fork_server(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from timeline_app.core import pipeline as pipeline_module

    started: list[bool] = []
    monkeypatch.setattr(pipeline_module, "start_fork_server", lambda wait=False: started.append(wait))
    Pipeline(None, workers=1).prepare()
    assert not started
    Pipeline(None, workers=2).prepare()
    assert started == [False]  # in the background: the caller does not wait
