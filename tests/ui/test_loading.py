"""Loading in the window: progress and cancel, the cache, watched folders, adding folders."""

from __future__ import annotations

from pathlib import Path

from timeline_app.core.cache import ExtractionCache
from timeline_app.core.pipeline import Pipeline
from timeline_app.ui.main_window import MainWindow

ARTICLE = "{title}\ndate 2022-06-0{day}\n\nThe {title} was announced on Monday, officials said.\n"


def _article(folder: Path, name: str, title: str, day: int = 8) -> Path:
    path = folder / name
    path.write_text(ARTICLE.format(title=title, day=day), encoding="utf-8")
    return path


def _window(qtbot, pipeline: Pipeline | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(pipeline or Pipeline(None, workers=1))
    qtbot.addWidget(win)
    win.show()
    return win


def _titles(win: MainWindow) -> set[str]:
    return {r.article.title for r in win.results}


def test_cancel_stops_a_long_load(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for i in range(300):
        _article(tmp_path, f"{i:03d}.txt", f"plan {i}")
    win = _window(qtbot)
    with qtbot.waitSignal(win.loaded, timeout=30000) as finished:
        win.open_paths([tmp_path])
        assert win.progress.isVisible() and win.cancel_button.isVisible()
        win.cancel_button.click()
    assert finished.args == [False]
    assert "cancelled" in win.status_label.text()
    assert len(win.results) < 300
    assert not win.progress.isVisible()


def test_reopening_an_unchanged_folder_uses_the_cache(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(3):
        _article(folder, f"{i}.txt", f"bridge {i}")
    win = _window(qtbot, Pipeline(ExtractionCache(tmp_path / "cache.sqlite3"), workers=1))
    with qtbot.waitSignal(win.loaded, timeout=30000):
        win.open_paths([folder])
    assert win.loader.from_cache == 0
    with qtbot.waitSignal(win.loaded, timeout=30000):
        win.open_paths([folder])
    assert win.loader.from_cache == 3
    assert "3 files from cache" in win.status_label.text()
    assert len(win.results) == 3


def test_a_file_added_to_a_watched_folder_appears_and_a_deleted_one_goes(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _article(tmp_path, "first.txt", "first plan")
    win = _window(qtbot)
    with qtbot.waitSignal(win.loaded, timeout=30000):
        win.open_paths([tmp_path])
    assert _titles(win) == {"first plan"}
    added = _article(tmp_path, "second.txt", "second plan", day=9)
    qtbot.waitUntil(lambda: "second plan" in _titles(win), timeout=10000)
    qtbot.waitUntil(lambda: not win.is_loading(), timeout=10000)
    assert any(s.article.path == str(added) for e in win.model.events() for s in e.sources)
    added.unlink()
    qtbot.waitUntil(lambda: _titles(win) == {"first plan"}, timeout=10000)


def test_add_folder_keeps_what_is_loaded(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    _article(one, "a.txt", "alpha plan")
    _article(two, "b.txt", "beta plan")
    win = _window(qtbot)
    with qtbot.waitSignal(win.loaded, timeout=30000):
        win.open_paths([one])
    with qtbot.waitSignal(win.loaded, timeout=30000):
        win.add_paths([two])
    assert _titles(win) == {"alpha plan", "beta plan"}
    assert win.folders == [one, two]
    from timeline_app.ui.settings import recent_folders

    assert recent_folders()[:2] == [str(two), str(one)]


def test_the_watch_baseline_comes_from_the_load_and_loaded_data_is_frozen(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import gc

    _article(tmp_path, "first.txt", "first plan")
    win = _window(qtbot)
    with qtbot.waitSignal(win.loaded, timeout=30000):
        win.open_paths([tmp_path])
    # the loader scanned the folder on its thread; the watcher took that as its baseline
    assert win.loader.scanned is not None
    assert set(win.loader.scanned) == {tmp_path / "first.txt"}
    # loaded results are moved out of the garbage collector's way (no full-collection stalls)
    assert gc.get_freeze_count() > 0
    # and the watcher still reports an edit to a loaded file
    (tmp_path / "first.txt").write_text(ARTICLE.format(title="first plan revised", day=8), encoding="utf-8")
    qtbot.waitUntil(lambda: _titles(win) == {"first plan revised"}, timeout=10000)


def test_the_problems_panel_lists_only_the_open_folders_problems(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken, clean = tmp_path / "broken", tmp_path / "clean"
    broken.mkdir()
    clean.mkdir()
    _article(broken, "good.txt", "bridge")
    (broken / "empty.txt").write_bytes(b"")
    _article(clean, "good.txt", "tunnel")
    win = _window(qtbot)
    with qtbot.waitSignal(win.loaded, timeout=30000):
        win.open_paths([broken])
    assert win.problems.count() == 1 and "empty.txt" in win.problems.item(0).text()
    assert win.problems_dock.isVisible()
    with qtbot.waitSignal(win.loaded, timeout=30000):
        win.open_paths([clean])
        assert win.problems.count() == 0  # cleared at once; the dock goes when the load ends
    assert not win.problems_dock.isVisible() and _titles(win) == {"tunnel"}


def test_the_watcher_takes_on_thousands_of_files_a_chunk_at_a_time(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                   monkeypatch) -> None:
    from timeline_app.core.ingest import file_stamps
    from timeline_app.ui import folder_watcher
    from timeline_app.ui.folder_watcher import FolderWatcher

    monkeypatch.setattr(folder_watcher, "WATCH_CHUNK", 10)
    for i in range(35):
        _article(tmp_path, f"{i:02d}.txt", f"plan {i}")
    watcher = FolderWatcher()
    watcher.watch([tmp_path])
    watcher.snapshot(file_stamps([tmp_path]))
    assert watcher.pending() == 36 - 10  # the folder and the first files at once
    qtbot.waitUntil(lambda: watcher.pending() == 0, timeout=5000)
    assert len(watcher._watcher.files()) == 35 and watcher._watcher.directories() == [str(tmp_path)]
    (tmp_path / "00.txt").unlink()
    watcher.snapshot(file_stamps([tmp_path]))  # only the difference is (un)watched
    assert watcher.pending() == 0 and len(watcher._watcher.files()) == 34


def test_a_held_loader_takes_no_outcomes_until_resumed(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import time

    from timeline_app.ui import loader as loader_module
    from timeline_app.ui.loader import Loader

    monkeypatch.setattr(loader_module, "HOLD_AT_MOST_S", 10.0)
    for i in range(4):
        (tmp_path / f"a{i}.txt").write_text(f"date 2021-02-0{i + 1}\n\nThe port reopened on Monday.\n")
    loader = Loader(Pipeline(None, workers=1))
    got: list[object] = []
    loader.results.connect(got.append)
    loader.hold()
    loader.start([tmp_path])
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline:
        qtbot.wait(20)
    assert not got and loader.is_running()  # held: the first outcome waits
    with qtbot.waitSignal(loader.finished, timeout=20000):
        loader.resume()
    assert sum(len(batch) for batch in got) == 4  # type: ignore[arg-type]


def test_a_partly_read_file_shows_its_articles_and_its_problem(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "dump.jsonl").write_text(
        '{"title": "bridge", "text": "The bridge opened on March 3, 2020."}\n{"title": \n',
        encoding="utf-8")
    win = _window(qtbot)
    with qtbot.waitSignal(win.loaded, timeout=30000):
        win.open_paths([tmp_path])
    assert _titles(win) == {"bridge"}
    assert win.problems.count() == 1
    assert "dump.jsonl" in win.problems.item(0).text()
    assert "line 2" in win.problems.item(0).text()


def test_the_loader_prepares_big_loads_workers_when_idle_not_during_a_load(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                          monkeypatch) -> None:
    from timeline_app.ui import loader as loader_module
    from timeline_app.ui.loader import Loader

    monkeypatch.setattr(loader_module, "PREPARE_WHEN_IDLE_MS", 50)
    monkeypatch.setattr(loader_module, "HOLD_AT_MOST_S", 10.0)
    prepared: list[bool] = []
    pipeline = Pipeline(None, workers=1)
    monkeypatch.setattr(pipeline, "prepare", lambda: prepared.append(loader.is_running()))
    loader = Loader(pipeline)
    qtbot.waitUntil(lambda: prepared == [False], timeout=5000)  # after start, once idle
    _article(tmp_path, "a.txt", "Bridge")
    loader.hold()  # the load waits at its first file ...
    loader.start([tmp_path])
    loader._prepare_timer.start()  # ... while the idle timer fires
    qtbot.wait(300)
    assert prepared == [False] and loader.is_running()  # not while a load runs
    with qtbot.waitSignal(loader.finished, timeout=20000):
        loader.resume()
    qtbot.waitUntil(lambda: len(prepared) == 2, timeout=5000)  # but once it has ended
    assert prepared == [False, False]
