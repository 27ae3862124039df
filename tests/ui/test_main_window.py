"""The real window on the seeds: click an event, read its source; list and timeline in sync."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt

from timeline_app.core.lanes import zoom_level
from timeline_app.ui import export_dialog
from timeline_app.ui.event_model import EVENT_ROLE
from timeline_app.ui.main_window import MainWindow


def open_window(qtbot, folder: Path, width: int = 1280, height: int = 820) -> MainWindow:  # type: ignore[no-untyped-def]
    """A shown window that has loaded ``folder``."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(width, height)
    win.show()
    with qtbot.waitSignal(win.loaded, timeout=30000):
        win.open_paths([folder])
    qtbot.waitUntil(lambda: win.model.rowCount() > 0)
    return win


@pytest.fixture
def window(qtbot, seeds: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    return open_window(qtbot, seeds)


def _row_of(win: MainWindow, phrase: str) -> int:
    for row, event in enumerate(win.model.events()):
        if event.primary.event.date.text == phrase:
            return row
    raise AssertionError(phrase)


def test_seeds_load_into_list_and_timeline(window: MainWindow) -> None:
    assert window.model.rowCount() >= 5
    assert window.problems.count() == 0
    assert "events from 2 articles" in window.status_label.text()


def test_the_status_counts_one_article_and_one_event_in_the_singular(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "one.txt").write_text("Storm\ndate 2026-11-20\n\nThe bridge closed on 3 March 2024.\n",
                                      encoding="utf-8")
    win = open_window(qtbot, tmp_path)
    assert win.status_label.text().startswith("1 event from 1 article")


def test_click_on_timeline_shows_source_with_highlight(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    row = _row_of(window, "late September 2020")
    center = window.timeline.card_center(row)
    assert center is not None
    with qtbot.waitSignal(window.timeline.event_selected):
        qtbot.mouseClick(window.timeline.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(int(center.x()) + 5, int(center.y())))
    panel = window.source
    assert panel.highlighted_text() == "late September 2020"
    assert "pregnancy loss" in panel.snippet.toPlainText()
    assert "2021-02-05" in panel.meta.text()
    cursor = panel.article.textCursor()
    event = window.model.event_at(row)
    assert event is not None
    assert cursor.position() == event.primary.event.date.start
    assert window.list.currentIndex().row() == window.proxy.mapFromSource(
        window.model.index(row, 0)).row()


def test_list_selection_moves_timeline_selection(window: MainWindow) -> None:
    row = _row_of(window, "September 2020")
    index = window.proxy.mapFromSource(window.model.index(row, 1))
    window.list.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert window.timeline.selected_row() == row
    assert "date unknown" in window.source.meta.text()
    assert window.source.highlighted_text() == "September 2020"


def test_right_arrow_selects_next_event_in_time_order(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.select_row(0)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert window.timeline.selected_row() == 1
    first, second = window.model.event_at(0), window.model.event_at(1)
    assert first is not None and second is not None
    assert first.earliest <= second.earliest


def test_zoom_keeps_date_under_cursor(window: MainWindow) -> None:
    view = window.timeline
    before = view.scale().day(300.0)
    view.zoom(2.0, 300.0)
    assert abs(view.scale().day(300.0) - before) < 1e-6


def test_ctrl_wheel_and_trackpad_pinch_zoom_at_the_cursor(window: MainWindow) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice, QWheelEvent
    from PySide6.QtWidgets import QApplication

    view = window.timeline
    at = QPointF(250.0, 60.0)
    before_day, before_ppd = view.scale().day(at.x()), view.scale().px_per_day
    pinch = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture,
                                QPointingDevice.primaryPointingDevice(), 2, at, at, at, 0.5, QPointF())
    QApplication.sendEvent(view.viewport(), pinch)
    assert view.scale().px_per_day == pytest.approx(before_ppd * 1.5)
    assert view.scale().day(at.x()) == pytest.approx(before_day)
    wheel = QWheelEvent(at, at, QPoint(), QPoint(0, -240), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.scale().px_per_day < before_ppd * 1.5  # Ctrl+wheel down zooms out
    assert view.scale().day(at.x()) == pytest.approx(before_day)


def test_search_filters_list_and_timeline(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.search, "Beverly")
    assert window.proxy.rowCount() == 1
    assert len(window.timeline._cards) == 1


def test_problems_panel_lists_bad_files(qtbot, tmp_path: Path, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text((seeds / "003_0db983b70f3f1a4d.txt").read_text())
    win = MainWindow()
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded, timeout=30000):
        win.open_paths([tmp_path])
    assert win.problems.count() == 1
    assert "empty file" in win.problems.item(0).text()
    assert win.model.rowCount() >= 3


def test_setting_an_article_date_resolves_its_relative_dates_again(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    undated = next(r for r in window.results if r.article.published is None)
    path = undated.article.path
    assert undated.reference.source == "inferred"
    row = next(i for i, e in enumerate(window.model.events()) if e.sources[0].article.path == path)
    window.select_row(row)
    assert "inferred" in window.source.meta.text()
    assert window.source.set_date_button.isVisible()
    window.set_article_date(path, date(2019, 3, 15))
    qtbot.waitUntil(lambda: any(s.article.path == path and s.event.date.earliest.year in (2018, 2019)
                                for e in window.model.events() for s in e.sources), timeout=10000)
    result = next(r for r in window.results if r.article.path == path)
    assert result.reference.date == date(2019, 3, 15) and result.reference.source == "user"
    relative = [s.event for e in window.model.events() for s in e.sources
                if s.article.path == path and s.event.date.anchor != "absolute"]
    assert relative and all(e.date.earliest.year in (2018, 2019) for e in relative)
    assert path in window.date_overrides  # kept for a reload


def test_article_publications_are_drawn_as_coverage(window: MainWindow) -> None:
    dated = [r for r in window.results if r.reference.source not in (None, "inferred")]
    assert dated
    published = dated[0].reference.date
    window.timeline.fit_all()
    x = window.timeline.scale().x(published.toordinal() + 0.5)
    assert dated[0].article.title in window.timeline.coverage_at(x)


def test_clicking_a_cluster_zooms_into_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, Path(__file__).resolve().parents[1] / "data" / "same_story", 1200, 700)
    view = win.timeline
    view.fit_all()
    assert view.clusters(), "fit-all over 1968..2023 must gather the crowded May 2023 events"
    hidden = view.clusters()[0]
    before = view.scale().px_per_day
    centre = view.cluster_rect(0).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))
    assert view.scale().px_per_day > before * 10
    shown = [row for row in hidden if view.card_center(row) is not None]
    assert shown  # zooming in expands the cluster: some of its events now have cards
    assert sum(len(c) for c in view.clusters()) < len(hidden)


def test_go_to_date_centres_the_day_and_escape_clears_search(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from timeline_app.ui.main_window import parse_go_to

    assert parse_go_to("2020-09") == date(2020, 9, 1) and parse_go_to("soon") is None
    view = window.timeline
    window.timeline.go_to(date(2020, 9, 27))
    centre = view.scale().day(view.viewport().width() / 2)
    assert abs(centre - date(2020, 9, 27).toordinal()) < 3
    window.search.setText("Legend")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.search.text() == ""


def test_the_legend_names_the_outlets(qtbot) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, Path(__file__).resolve().parents[1] / "data" / "same_story")
    qtbot.waitUntil(lambda: "Riverton Post" in win.legend.entries())
    assert {"Riverton Daily News", "Channel 7 Riverton"} <= set(win.legend.entries())
    colors = win.timeline.article_colors()
    assert colors["Riverton Post"] != colors["Channel 7 Riverton"]


def test_markup_in_an_article_is_shown_as_text(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "markup.txt").write_text(
        "Title <b>bold</b>\ndate 2021-02-05\n\n"
        "The <img src='http://example.org/x.png'> vote on <i>Monday</i> passed <script>x()</script>.\n",
        encoding="utf-8")
    win = open_window(qtbot, tmp_path)
    win.select_row(0)
    snippet = win.source.snippet.toPlainText()
    assert "<img src='http://example.org/x.png'>" in snippet and "<script>x()</script>" in snippet
    assert "<b>bold</b>" in win.source.heading.text().replace("&lt;", "<").replace("&gt;", ">")
    assert "<i>Monday</i>" in win.source.article.toPlainText()


def _shown_ids(win: MainWindow) -> tuple[set[str], set[str]]:
    """Event ids in the filtered list and on the timeline."""
    listed = {win.proxy.index(r, 0).data(EVENT_ROLE).id for r in range(win.proxy.rowCount())}
    drawn = {win.model.event_at(card.row).id for card in win.timeline._cards}
    return listed, drawn


def test_outlet_and_date_filters_filter_list_and_timeline_together(qtbot) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, Path(__file__).resolve().parents[1] / "data" / "same_story")
    total = win.model.rowCount()
    bar = win.filters
    assert bar.outlet.count() == 1  # outlets are listed when the chooser opens, not on updates
    bar.outlet.showPopup()
    bar.outlet.hidePopup()
    index = bar.outlet.findData("Channel 7 Riverton")
    assert index > 0 and "(" in bar.outlet.itemText(index)  # the count of its events
    bar.outlet.setCurrentIndex(index)
    listed, drawn = _shown_ids(win)
    assert 0 < len(listed) < total and listed == drawn
    assert all(any(s.article.source == "Channel 7 Riverton" for s in win.model.event_at(row).sources)
               for row in (card.row for card in win.timeline._cards))
    assert "Channel 7 Riverton" in win.status_label.text()
    # a date range narrows further; a bad date is marked and ignored
    qtbot.keyClicks(bar.date_to, "2023-05-11")
    narrowed, drawn = _shown_ids(win)
    assert narrowed == drawn and narrowed <= listed
    assert all(win.model.event_at(card.row).earliest <= date(2023, 5, 11) for card in win.timeline._cards)
    bar.date_from.setText("2023-13")
    assert bar.date_from.property("invalid") is True
    assert _shown_ids(win)[0] == narrowed
    # Esc clears every filter
    win.timeline.setFocus()
    qtbot.keyClick(win.timeline, Qt.Key.Key_Escape)
    assert win.proxy.rowCount() == total and len(win.timeline._cards) == total
    assert bar.date_to.text() == "" and bar.outlet.currentIndex() == 0


def test_clicking_a_legend_name_filters_by_that_outlet(qtbot) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, Path(__file__).resolve().parents[1] / "data" / "same_story")
    qtbot.waitUntil(lambda: "Riverton Post" in win.legend.entries())
    win.legend.repaint()
    point = next(QPoint(int(x), win.legend.height() // 2) for x in range(win.legend.width())
                 if win.legend.name_at(x, win.legend.height() / 2) == "Riverton Post")
    qtbot.mouseClick(win.legend, Qt.MouseButton.LeftButton, pos=point)
    assert win.filters.event_filter().outlets == frozenset({"Riverton Post"})
    assert 0 < win.proxy.rowCount() < win.model.rowCount()
    qtbot.mouseClick(win.legend, Qt.MouseButton.LeftButton, pos=point)  # again: all outlets
    assert win.filters.event_filter().outlets is None


def test_the_next_zoom_levels_are_packed_while_idle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.timeline
    view.zoom(1.5)
    level = zoom_level(view.scale().px_per_day)
    qtbot.waitUntil(lambda: not view._prefetching)
    levels = {key[0] for key in view._packings}
    assert level in levels
    assert any(other > level for other in levels) and any(other < level for other in levels)


def test_card_labels_are_plain_text_never_markup(qtbot) -> None:  # type: ignore[no-untyped-def]
    from timeline_app.ui.timeline_view import TimelineView

    view = TimelineView()
    qtbot.addWidget(view)
    static = view._static_text("<b>Council</b> <img src='http://example.com/x.png'> votes")
    assert static.textFormat() == Qt.TextFormat.PlainText
    assert static.text().startswith("<b>Council</b>")
    assert view._static_text("<b>Council</b> <img src='http://example.com/x.png'> votes") is static


def test_card_fills_are_opaque_so_stems_never_cross_a_label() -> None:
    from PySide6.QtGui import QColor

    from timeline_app.ui.timeline_view import _tint

    fill = _tint(QColor(0, 0, 255), QColor(255, 255, 255), 40)
    assert fill.alpha() == 255
    assert (fill.red(), fill.green(), fill.blue()) == (215, 215, 255)


def test_a_slow_new_zoom_level_shows_a_coarser_packing_until_idle_time_packs_it(
        qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from timeline_app.core.events import Event, EventDate
    from timeline_app.core.ingest import Article
    from timeline_app.core.timeline import Source, TimelineEvent
    from timeline_app.ui import timeline_view
    from timeline_app.ui.timeline_view import TimelineView

    article = Article("/a.txt", "x", "A", date(2020, 1, 1), "header", None, None, 0)
    events = []
    for i in range(6000):  # several packing slices
        day = date(2020, 1, 1) + timedelta(days=i % 700)
        when = EventDate("x", 0, 1, day.isoformat(), day, day, "day", False)
        event = Event(f"Event {i}", f"Event {i}", 0, 1, when, article.path)
        events.append(TimelineEvent(f"e{i}", [Source(event, article, (0, i))]))
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    view.set_events(events)
    qtbot.waitUntil(lambda: not view.packing_pending())
    monkeypatch.setattr(timeline_view, "SYNC_PACK_S", 0.0)
    while view.scale().px_per_day < 300:  # to levels where every card is placed: slow packs
        view.zoom(1.25)
    level = zoom_level(view.scale().px_per_day)
    assert view.packing_pending()
    assert view._packing.px_per_day < level  # a stand-in: overlap-free at this larger scale
    qtbot.waitUntil(lambda: not view.packing_pending(), timeout=10000)
    assert view._packing.px_per_day == level


def test_thousands_of_coverage_marks_draw_one_per_pixel_column(window: MainWindow,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QPainter

    view = window.timeline
    day = date.fromordinal(int(view.scale().day(view.viewport().width() / 2)))  # in view
    view.set_coverage([(day.toordinal() + 0.5, f"a{i}.txt", f"Article {i}") for i in range(5000)])
    drawn: list[int] = []
    original = QPainter.drawRects

    def counting(painter: QPainter, rects: list[object]) -> None:
        drawn.extend(1 for _ in rects)
        original(painter, rects)  # type: ignore[arg-type]

    monkeypatch.setattr(QPainter, "drawRects", counting)
    view.viewport().grab()
    assert 1 <= len(drawn) <= 10  # all on one day: one mark, not 5,000
    x = view.scale().x(day.toordinal() + 0.5)
    assert len(view.coverage_at(x)) == 5000  # the tooltip still names them all


def test_selecting_an_event_of_a_crowded_day_zooms_in_only_as_far_as_helps(qtbot) -> None:  # type: ignore[no-untyped-def]
    from timeline_app.core.events import Event, EventDate
    from timeline_app.core.ingest import Article
    from timeline_app.core.timeline import Source, TimelineEvent
    from timeline_app.ui.cards import CARD_MAX_W
    from timeline_app.ui.timeline_view import TimelineView

    article = Article("/a.txt", "x", "A", date(2021, 1, 1), "header", None, None, 0)
    events = []
    for i in range(40):  # 30 events on one busy day, among others spread over years
        day = date(2021, 3, 21) if i < 30 else date(2015 + i - 30, 6, 1)
        when = EventDate("x", 0, 1, day.isoformat(), day, day, "day", False)
        event = Event(f"Event {i}", f"Event {i}", 0, 1, when, article.path)
        events.append(TimelineEvent(f"e{i}", [Source(event, article, (0, i))]))
    events.sort(key=lambda e: e.earliest)
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 400)
    view.show()
    view.set_events(events)
    # the busy day's last event: more than the lanes start before it that day, at any zoom
    hidden = max(row for row, event in enumerate(events) if event.earliest == date(2021, 3, 21))
    assert view.card_center(hidden) is None
    view.select_row(hidden)
    # a day is one card wide at most: zooming further would not separate that day's events
    assert CARD_MAX_W / 2 <= view.scale().px_per_day <= CARD_MAX_W
    assert view.card_center(hidden) is None  # still gathered: its cluster shows the selection
    marked = [i for i in view._visible_cluster_range()
              if view._holds_selection(view._packing.clusters[i])]
    assert len(marked) == 1
    rect = view.cluster_rect(marked[0])
    assert rect.left() >= 0 and rect.right() <= view.viewport().width()  # in sight
    view.pan(rect.left() + 50)  # the marker's place scrolls off, the day does not: it stays
    assert view.cluster_rect(marked[0]).left() == 4.0


def test_the_source_panel_opens_an_event_on_the_source_it_is_dated_by(qtbot) -> None:  # type: ignore[no-untyped-def]
    from timeline_app.core.events import Event, EventDate
    from timeline_app.core.ingest import Article
    from timeline_app.core.timeline import Source, TimelineEvent
    from timeline_app.ui.source_panel import SourcePanel

    vague_text = "The bridge closed in March 2021."
    exact_text = "The bridge closed on March 21, 2021."
    vague = Article("/a.txt", vague_text, "Early report", date(2021, 3, 1), "header", None, None, 0)
    exact = Article("/b.txt", exact_text, "Later report", date(2021, 3, 25), "header", None, None, 0)
    month = EventDate("March 2021", 20, 30, "2021-03", date(2021, 3, 1), date(2021, 3, 31), "month", False)
    day = EventDate("March 21, 2021", 22, 35, "2021-03-21", date(2021, 3, 21), date(2021, 3, 21),
                    "day", False)
    event = TimelineEvent("e1", [
        Source(Event("The bridge closed", vague_text, 0, len(vague_text), month, vague.path), vague, (0, 20)),
        Source(Event("The bridge closed", exact_text, 0, len(exact_text), day, exact.path), exact, (1, 22)),
    ])
    panel = SourcePanel()
    qtbot.addWidget(panel)
    panel.show_event(event)
    assert event.primary is event.sources[1]
    assert panel.sources.currentIndex() == 1 and panel.sources.count() == 2
    assert "Later report" in panel.heading.text()
    assert "March 21, 2021" in panel.snippet.toPlainText()


def test_a_new_timeline_reaches_the_view_just_after_the_list(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """While loading, the timeline view follows the list a turn of the event loop later; a
    selection made meanwhile first brings the view up to date, so rows always agree."""
    from timeline_app.core.timeline import build_timeline

    fewer = build_timeline(window.results[:1])
    monkeypatch.setattr(window, "is_loading", lambda: True)
    window._show_timeline(fewer)
    assert window.model.rowCount() == len(fewer.events)
    assert window._pending_view is not None  # the view still shows the old events
    window.select_row(0)
    assert window._pending_view is None
    assert window.timeline.selected_row() == 0
    assert window.timeline._card_of(len(fewer.events)) is None  # no card past the new rows
    everything = build_timeline(window.results)
    window._show_timeline(everything)
    qtbot.waitUntil(lambda: window._pending_view is None, timeout=2000)  # on its own, too
    assert window.timeline._card_of(len(everything.events) - 1) is not None


def test_a_window_deleted_as_its_load_finishes_is_not_called_back(qtbot, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    """The end of a load is announced a turn of the event loop after the last timeline: a
    window closed and deleted meanwhile must not be called (it raised in the Qt event loop)."""
    win = MainWindow()
    win.show()
    with qtbot.waitSignal(win.loaded, timeout=30000):
        win.open_paths([seeds])
    generation = win.builder.generation
    win._finish_generation, win._finish_completed = generation, True
    win._on_built(win.model.timeline, generation)  # schedules the announcement
    win.loader.shutdown()
    win.deleteLater()
    qtbot.wait(50)  # pytest-qt fails the test on an exception raised in the event loop


def test_export_writes_the_events_the_filter_shows(qtbot, window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "shown"
    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName",
                        lambda *args: (str(target), "CSV, for a spreadsheet (*.csv)"))
    qtbot.keyClicks(window.search, "Beverly")
    window.export_timeline()
    rows = list(csv.DictReader((tmp_path / "shown.csv").open(encoding="utf-8")))
    assert len(rows) == window.proxy.rowCount() == 1
    assert "Exported 1 event to" in window.status_label.text()
    window.search.clear()
    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName",
                        lambda *args: (str(tmp_path / "all.timelinejs.json"), ""))
    window.export_timeline()
    slides = json.loads((tmp_path / "all.timelinejs.json").read_text(encoding="utf-8"))["events"]
    assert len(slides) == window.model.rowCount()
