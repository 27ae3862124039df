"""Loading benchmark: a folder of N synthetic articles through the real window's loading path.

Generates N articles (benchmarks/generate_articles.py) in a temporary folder, opens them in the
MainWindow offscreen with an empty cache (cold: extraction on all cores) twice: in a new process
the moment its window shows (``cold_at_start_articles_per_s``: as ``timeline-app FOLDER``), and
in a window that has idled a few seconds, as while a user picks a folder, by when the workers'
fork server has prepared itself (``cold_articles_per_s``); then again in the same
window (which first frees the folder it shows), then in a new window of a new process, as when
the app is started again (warm: every file answered by the SQLite cache: ``warm_reopen_s``). It
prints articles/second, both reopen times, the peak memory in use at once by this process and
all its descendants (workers, their fork server; resident, and counting shared pages once),
and the longest stall of the GUI thread
(the largest gap between ticks of a 5 ms timer while loading). For comparison it also times
the same extraction serially in one process (no pool, no cache).

    python benchmarks/load.py --articles 1000 [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


IDLE_BEFORE_OPEN_S = 3.0  # the time a user takes to pick a folder, at the least


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def _pss_mb(pid: int) -> float:
    """A process's proportional share of memory: pages shared with others (workers forked
    from one server share its tagger) count once over all of them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def _descendants(pid: int) -> list[int]:
    """Every process under ``pid`` (workers, the workers' fork server and its forks)."""
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children") as children:
                    kids = [int(k) for k in children.read().split()]
            except (OSError, ValueError):
                continue
            found.extend(kids)
            todo.extend(kids)
    return found


class MemorySampler:
    """The peak of this process's resident memory plus all its descendants' (the workers and
    their fork server), sampled together (every 0.1 s, on a thread) so the figure is what was
    in use at one moment; also the peak of their proportional set sizes (shared pages once)."""

    def __init__(self) -> None:
        import threading

        self.peak_mb = 0.0
        self.peak_pss_mb = 0.0
        self.peak_parts = (0.0, 0.0)  # this process, the others, at the peak
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            others = _descendants(os.getpid())
            own = _rss_mb(os.getpid())
            workers = sum(_rss_mb(pid) for pid in others)
            if own + workers > self.peak_mb:
                self.peak_mb, self.peak_parts = own + workers, (own, workers)
            pss = sum(_pss_mb(pid) for pid in [os.getpid(), *others])
            self.peak_pss_mb = max(self.peak_pss_mb, pss)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_mb


class StallMeter:
    """Records the longest gap between ticks of a fast timer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.longest_ms


def _open(app: object, window: object, folder: Path, meter: StallMeter) -> float:
    """Open ``folder`` in the window and run its event loop (as the app does) until loaded."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    done: list[bool] = []
    loop = QEventLoop()

    def on_loaded(ok: bool) -> None:
        done.append(ok)
        loop.quit()

    window.loaded.connect(on_loaded)  # type: ignore[attr-defined]
    meter.start()
    t0 = time.perf_counter()
    window.open_paths([folder])  # type: ignore[attr-defined]
    if not done:
        loop.exec()
    elapsed = time.perf_counter() - t0
    # the window shows the finished timeline just before it says "loaded": let the meter tick
    # once more, so that a stall in showing it is counted too
    settle_until = time.perf_counter() + 0.05
    while time.perf_counter() < settle_until:
        app.processEvents()
        time.sleep(0.002)
    meter.stop()
    window.loaded.disconnect(on_loaded)  # type: ignore[attr-defined]
    return elapsed


def serial_baseline(folder: Path, limit: int) -> float:
    """Articles/second extracting the first ``limit`` files in one process, no cache."""
    from timeline_app.core.pipeline import Loaded, Pipeline

    files = sorted(p for p in folder.rglob("*") if p.is_file())[:limit]
    t0 = time.perf_counter()
    count = sum(len(o.results) for o in Pipeline(None, workers=1).load(files) if isinstance(o, Loaded))
    return count / (time.perf_counter() - t0)


def open_in_new_window(folder: Path, cache: Path) -> dict[str, float]:
    """Open ``folder`` with ``cache`` in a new window the moment it appears, as the app does
    when started with a folder (``timeline-app FOLDER``): a warm reopen with a filled cache, a
    cold load at start with an empty one (the workers' fork server prepares itself meanwhile)."""
    from PySide6.QtWidgets import QApplication

    from timeline_app.core.cache import ExtractionCache
    from timeline_app.core.pipeline import Pipeline
    from timeline_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = MainWindow(Pipeline(ExtractionCache(cache), timexes=False))
    window.resize(1600, 900)
    window.show()
    meter = StallMeter()
    seconds = _open(app, window, folder, meter)
    figures = {"seconds": seconds, "stall_ms": meter.longest_ms, "articles": float(len(window.results)),
               "from_cache": float(window.loader.from_cache)}
    window.loader.shutdown()
    return figures


def in_new_process(folder: Path, cache: Path) -> dict[str, float]:
    """:func:`open_in_new_window` in a new process, as when the app is started."""
    out = subprocess.run([sys.executable, __file__, "--open", str(folder), "--cache", str(cache)],
                         capture_output=True, text=True, check=True).stdout
    figures: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--json", action="store_true", help="end with one JSON line of the figures")
    ap.add_argument("--keep", type=Path, default=None, help="generate into this folder and keep it")
    ap.add_argument("--open", type=Path, default=None, help=argparse.SUPPRESS)  # internal
    ap.add_argument("--cache", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.open is not None and args.cache is not None:
        print(json.dumps(open_in_new_window(args.open, args.cache)))
        return 0

    from generate_articles import write_folder
    from PySide6.QtWidgets import QApplication

    from timeline_app.core.cache import ExtractionCache
    from timeline_app.core.pipeline import Pipeline, start_fork_server
    from timeline_app.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "articles"
        t0 = time.perf_counter()
        kinds = write_folder(folder, args.articles)
        print(f"generated {args.articles} files in {time.perf_counter() - t0:.1f} s: {kinds}")
        at_start = in_new_process(folder, Path(tmp) / "at-start.sqlite3")
        print(f"cold load the moment the app starts (timeline-app FOLDER): "
              f"{at_start['articles']:.0f} articles in {at_start['seconds']:.2f} s = "
              f"{at_start['articles'] / at_start['seconds']:.0f} articles/s; "
              f"longest GUI stall {at_start['stall_ms']:.0f} ms")
        app = QApplication.instance() or QApplication([sys.argv[0]])
        pipeline = Pipeline(ExtractionCache(Path(tmp) / "cache.sqlite3"), timexes=False)  # as the app
        window = MainWindow(pipeline)
        window.resize(1600, 900)
        window.show()
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < IDLE_BEFORE_OPEN_S:  # a user picks a folder
            app.processEvents()
            time.sleep(0.01)
        start_fork_server(wait=True)  # (a no-op: the window started it while idle)
        print(f"a folder opened {time.perf_counter() - t0:.2f} s after the window showed: "
              "the workers' fork server was ready")
        meter = StallMeter()
        memory = MemorySampler()
        memory.start()
        cold_s = _open(app, window, folder, meter)
        cold_stall = meter.longest_ms
        articles = len(window.results)
        events = window.model.rowCount()
        print(f"cold load: {articles} articles, {events} timeline events in {cold_s:.2f} s = "
              f"{articles / cold_s:.0f} articles/s on {pipeline.workers} workers; "
              f"longest GUI stall {cold_stall:.0f} ms; problems listed: {window.problems.count()}")
        same_s = _open(app, window, folder, meter)
        same_stall = meter.longest_ms
        print(f"reopen in the same window (the last folder freed meanwhile): {same_s:.2f} s "
              f"({window.loader.from_cache} files from cache); longest GUI stall {same_stall:.0f} ms")
        peak = memory.stop()
        window.loader.shutdown()
        fresh = in_new_process(folder, Path(tmp) / "cache.sqlite3")
        warm_s, warm_stall = fresh["seconds"], fresh["stall_ms"]
        print(f"warm reopen from the cache, app started again: {warm_s:.2f} s "
              f"({fresh['from_cache']:.0f} files from cache); longest GUI stall {warm_stall:.0f} ms")
        own, workers = memory.peak_parts
        print(f"peak memory in use at once: {peak:.0f} MB = this process {own:.0f} MB + "
              f"{pipeline.workers} workers and their fork server {workers:.0f} MB (resident, "
              f"sampled every 0.1 s); {memory.peak_pss_mb:.0f} MB counting shared pages once (PSS)")
        baseline = serial_baseline(folder, min(args.articles, 300))
        print(f"baseline: serial extraction in one process, no cache: {baseline:.0f} articles/s")
        if args.json:
            print(json.dumps({"articles": args.articles, "cold_articles_per_s": round(articles / cold_s, 1),
                              "cold_at_start_articles_per_s":
                                  round(at_start["articles"] / at_start["seconds"], 1),
                              "warm_reopen_s": round(warm_s, 3), "peak_rss_mb": round(peak, 1),
                              "peak_pss_mb": round(memory.peak_pss_mb, 1),
                              "max_gui_stall_ms": round(max(cold_stall, warm_stall, same_stall,
                                                            at_start["stall_ms"]), 1),
                              "reopen_same_window_s": round(same_s, 3)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
