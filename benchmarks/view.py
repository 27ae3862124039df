"""Timeline view benchmark: paint, zoom and layout times with 1,000 to 100,000 events.

Generated events (random days over ten years, some month- and year-wide dates, titles of varied
length) are shown in the real TimelineView, 1600x900, offscreen. A frame is a real paint of the
widget into an image (QWidget.render). For each size it prints the median paint time at "fit all"
and at day zoom, the median time of a zoom step (layout + paint), of a pan step, of a wheel zoom
step with 50 ms of idle time between notches, and the layout time (all of it, and the part on
the GUI thread: the window makes the cards on its timeline builder's thread); for 1,000
and 10,000 events also a naive baseline, one QGraphicsItem (rect + text) per event in a
QGraphicsView, painted the same way, and the ratio. Then the time from a new process to the
first painted frame of the window on the seeds, and the memory of a process holding 100,000.

    python benchmarks/view.py [--sizes 1000 10000 100000] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WIDTH, HEIGHT = 1600, 900
WORDS = ("council approves budget storm floods coast minister resigns after inquiry police arrest "
         "suspect markets fall sharply bridge reopens strike ends talks collapse court rules").split()


def make_events(count: int, seed: int = 3) -> list[object]:
    """``count`` TimelineEvents with one source each, spread over ten years."""
    from timeline_app.core.events import Event, EventDate
    from timeline_app.core.ingest import Article
    from timeline_app.core.timeline import Source, TimelineEvent

    rng = random.Random(seed)
    start = date(2015, 1, 1)
    articles = [Article(f"/bench/a{i}.txt", "x", f"Article {i}", start, "header", None, None, 0)
                for i in range(50)]
    events = []
    for i in range(count):
        first = start + timedelta(days=rng.randint(0, 3650))
        kind = rng.random()
        last = first if kind < 0.8 else (first + timedelta(days=30) if kind < 0.95
                                         else first + timedelta(days=364))
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))).capitalize()
        granularity = "day" if first == last else ("month" if kind < 0.95 else "year")
        when = EventDate("x", 0, 1, first.isoformat(), first, last, granularity, False)
        event = Event(title, title, 0, 1, when, articles[i % 50].path)
        events.append(TimelineEvent(f"e{i}", [Source(event, articles[i % 50], (i % 50, i))]))
    events.sort(key=lambda e: (e.earliest, e.id))  # type: ignore[attr-defined]
    return events


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def paint_ms(widget: object, image: object, repeats: int) -> float:
    from PySide6.QtWidgets import QWidget

    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        QWidget.render(widget, image)  # type: ignore[arg-type,call-overload]
        samples.append(time.perf_counter() - t0)
    return _median_ms(samples)


def measure_view(events: list[object], repeats: int) -> dict[str, float]:
    from PySide6.QtGui import QImage

    from timeline_app.ui.timeline_view import TimelineView

    view = TimelineView()
    view.resize(WIDTH, HEIGHT)
    view.show()
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    from timeline_app.core.timeline import EventSpans

    # as the window does it: spans and cards are made on the builder thread, then shown
    t0 = time.perf_counter()
    spans = EventSpans.of(events)  # type: ignore[arg-type]
    cards = view.prepare(events, spans)  # type: ignore[arg-type]
    t1 = time.perf_counter()
    view.set_events(events, spans=spans, prepared=cards)  # type: ignore[arg-type]
    t2 = time.perf_counter()
    layout_s, gui_layout_s = t2 - t0, t2 - t1
    fit = paint_ms(view, image, repeats)
    # zoom in step by step from "fit all", then back out (each step: layout + a real paint)
    zoom_steps = [zoom_step(view, image, 1.25) for _ in range(repeats)]
    zoom_steps += [zoom_step(view, image, 0.8) for _ in range(repeats)]
    mid = events[len(events) // 2].earliest.toordinal()  # type: ignore[attr-defined]
    view.show_days(mid - 3, mid + 3)  # about a week across the view: day zoom
    while view.packing_pending():  # paint the level's own packing, not a stand-in
        idle(0.01)
    day = paint_ms(view, image, repeats)
    # at day zoom: zoom out and in again, and pan by a third of the view
    day_steps = [zoom_step(view, image, 0.8) for _ in range(repeats)]
    day_steps += [zoom_step(view, image, 1.25) for _ in range(repeats)]
    pan_steps = [pan_step(view, image, WIDTH / 3) for _ in range(repeats)]
    # as a mouse wheel does: zoom in to levels not seen yet, with 50 ms of event processing
    # between notches (the view packs the next zoom levels in idle time)
    wheel_steps = []
    for _ in range(repeats):
        wheel_steps.append(zoom_step(view, image, 1.25))
        idle(0.05)
    view.close()
    return {"fit_ms": fit, "day_ms": day, "zoom_step_ms": _median_ms(zoom_steps + day_steps),
            "fit_zoom_step_ms": _median_ms(zoom_steps), "day_zoom_step_ms": _median_ms(day_steps),
            "pan_step_ms": _median_ms(pan_steps), "wheel_step_ms": _median_ms(wheel_steps),
            "worst_zoom_step_ms": round(max(zoom_steps + day_steps) * 1000, 1),
            "layout_ms": round(layout_s * 1000, 1),
            "gui_layout_ms": round(gui_layout_s * 1000, 1)}


def idle(seconds: float) -> None:
    """Let the event loop run for ``seconds``, as between a user's inputs."""
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.001)


def zoom_step(view: object, image: object, factor: float) -> float:
    t0 = time.perf_counter()
    view.zoom(factor, WIDTH / 2)  # type: ignore[attr-defined]
    view.render(image)  # type: ignore[attr-defined]
    return time.perf_counter() - t0


def pan_step(view: object, image: object, dx: float) -> float:
    t0 = time.perf_counter()
    view.pan(dx)  # type: ignore[attr-defined]
    view.render(image)  # type: ignore[attr-defined]
    return time.perf_counter() - t0


def measure_baseline(events: list[object], repeats: int) -> float:
    """One QGraphicsRectItem + QGraphicsSimpleTextItem per event, naive lanes by index."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

    scene = QGraphicsScene()
    first = events[0].earliest.toordinal()  # type: ignore[attr-defined]
    span = max(events[-1].earliest.toordinal() - first, 1)  # type: ignore[attr-defined]
    for i, event in enumerate(events):
        x = (event.earliest.toordinal() - first) / span * (WIDTH - 200)  # type: ignore[attr-defined]
        y = (i % 16) * 48
        scene.addRect(x, y, 180, 40)
        text = scene.addSimpleText(event.title)  # type: ignore[attr-defined]
        text.setPos(x + 6, y + 10)
    view = QGraphicsView(scene)
    view.resize(WIDTH, HEIGHT)
    view.show()
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    ms = paint_ms(view, image, repeats)
    view.close()
    return ms


def first_frame_s() -> float:
    """A new process: start, open the window on the seeds, first painted frame after loading."""
    code = ("import time; t0=time.perf_counter(); import sys; "
            "from PySide6.QtWidgets import QApplication; app=QApplication([]); "
            "from timeline_app.ui.main_window import MainWindow; "
            "from timeline_app.resources import seeds_dir; "
            "w=MainWindow(); w.resize(1600,900); w.show(); done=[]; w.loaded.connect(done.append); "
            "w.open_paths([seeds_dir()])\n"
            "while not done: app.processEvents(); time.sleep(0.002)\n"
            "w.grab(); print(time.perf_counter()-t0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    return round(float(out.stdout.strip().splitlines()[-1]), 3)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--repeats", type=int, default=9)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    figures: dict[str, dict[str, float]] = {"paint_ms_median": {}, "zoom_step_ms_median": {},
                                            "baseline_paint_ms_median": {}, "layout_ms": {},
                                            "day_paint_ms_median": {}, "pan_step_ms_median": {},
                                            "worst_zoom_step_ms": {}, "wheel_step_ms_median": {},
                                            "gui_layout_ms": {}}
    rss_100k = 0.0
    for size in args.sizes:
        events = make_events(size)
        result = measure_view(events, args.repeats)
        key = str(size)
        figures["paint_ms_median"][key] = result["fit_ms"]
        figures["day_paint_ms_median"][key] = result["day_ms"]
        figures["zoom_step_ms_median"][key] = result["zoom_step_ms"]
        figures["pan_step_ms_median"][key] = result["pan_step_ms"]
        figures["worst_zoom_step_ms"][key] = result["worst_zoom_step_ms"]
        figures["wheel_step_ms_median"][key] = result["wheel_step_ms"]
        figures["layout_ms"][key] = result["layout_ms"]
        figures["gui_layout_ms"][key] = result["gui_layout_ms"]
        line = (f"{size:>7} events: paint {result['fit_ms']} ms (fit all), {result['day_ms']} ms "
                f"(day zoom); zoom step {result['zoom_step_ms']} ms "
                f"({result['fit_zoom_step_ms']} from fit all, "
                f"{result['day_zoom_step_ms']} at day zoom, worst {result['worst_zoom_step_ms']}); "
                f"pan step {result['pan_step_ms']} ms; "
                f"wheel step deeper than day zoom, 50 ms apart {result['wheel_step_ms']} ms; "
                f"layout {result['layout_ms']} ms (on the GUI thread {result['gui_layout_ms']}, "
                f"the rest on the builder thread)")
        if size <= 10000:
            base = measure_baseline(events, max(3, args.repeats // 3))
            figures["baseline_paint_ms_median"][key] = base
            line += f"; QGraphicsItem baseline paint {base} ms ({base / max(result['fit_ms'], 0.01):.1f}x)"
        print(line)
        if size == 100000:
            rss_100k = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        app.processEvents()
    first = first_frame_s()
    print(f"first painted frame of the window on the seeds, new process: {first:.2f} s")
    if rss_100k:
        print(f"memory (max RSS) of this process after 100,000 events: {rss_100k:.0f} MB")
    if args.json:
        out = {k: v for k, v in figures.items() if k != "day_paint_ms_median"}
        out["first_frame_s"] = first  # type: ignore[assignment]
        out["rss_mb_100k"] = round(rss_100k, 1)  # type: ignore[assignment]
        out["day_paint_ms_median"] = figures["day_paint_ms_median"]
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
