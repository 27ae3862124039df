"""Loading folders through the pipeline: cache hits, changed files, bad files, the process pool."""

from __future__ import annotations

import sqlite3
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
