"""The main window: timeline on top, event list and source panel below, problems in a dock."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.extract import DocumentResult, extract
from timeline_app.core.filters import EventFilter, outlet_counts, parse_bound
from timeline_app.core.pipeline import Pipeline
from timeline_app.core.timeline import Timeline, TimelineEvent, build_timeline
from timeline_app.ui import long_lived
from timeline_app.ui.article_date_dialog import ArticleDateDialog
from timeline_app.ui.cards import CardSet
from timeline_app.ui.event_model import EVENT_ROLE, EventFilterModel, EventTableModel
from timeline_app.ui.export_dialog import export_events
from timeline_app.ui.filter_bar import FilterBar
from timeline_app.ui.folder_watcher import FolderWatcher
from timeline_app.ui.legend import Legend
from timeline_app.ui.loader import Loader
from timeline_app.ui.settings import recent_folders, remember_recent_folders
from timeline_app.ui.source_panel import SourcePanel
from timeline_app.ui.timeline_builder import TimelineBuilder
from timeline_app.ui.timeline_view import TimelineView


def parse_go_to(text: str) -> date | None:
    """'2021', '2021-02' or '2021-02-05' as the first day it names."""
    return parse_bound(text)


PREVIEW_AFTER_S = 1.0  # a load shorter than this shows its timeline once, when complete
PREVIEW_EVERY_S = 1.5  # the least time between two previews of a loading timeline ...
PREVIEW_COST_SHARE = 6  # ... and at least this many times what the last one took to build
# the longest a thread holds the interpreter lock while another waits for it (Python's default
# is 5 ms): with a builder, a loader and the process pool's feeder thread beside it, the GUI
# thread and the feeder (which keeps the workers busy) would otherwise wait 5 ms per turn
SWITCH_INTERVAL_S = 0.0005
RESUME_MERGING_AFTER_MS = 300  # see _apply_timeline
VIEW_AFTER_LIST_MS = 2  # see _show_timeline
DOCK_LAYOUT_MS = 40  # background work pauses this long when the Problems dock appears
RESUME_LOADING_AFTER_MS = 100  # ... and the paints that follow showing a timeline
PROBLEMS_HEIGHT = 110  # the Problems panel when it first opens: four lines or so


class MainWindow(QMainWindow):
    """Loads folders in the background and keeps timeline, list and source panel in sync.

    Signal ``loaded(completed)``: a load finished and its whole timeline is shown.
    """

    loaded = Signal(bool)

    def __init__(self, pipeline: Pipeline | None = None) -> None:
        super().__init__()
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.setWindowTitle("Timeline — news articles")
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self.results: list[DocumentResult] = []
        self._result_paths: set[str] = set()  # article paths in ``results`` (or removed since)
        self.folders: list[Path] = []
        self.date_overrides: dict[str, date] = {}  # article path -> publication date set by the user
        self.model = EventTableModel(self)
        self.proxy = EventFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.timeline = TimelineView()
        self.legend = Legend()
        self._legend_timer = QTimer(self)  # colours change in bursts: refresh the legend once
        self._legend_timer.setSingleShot(True)
        self._legend_timer.setInterval(50)
        self._legend_timer.timeout.connect(
            lambda: self.legend.set_entries(self.timeline.article_colors()))
        self.timeline.colors_changed.connect(self._legend_timer.start)
        self.filters = FilterBar()
        self.search = self.filters.search
        self.filters.set_outlet_source(lambda: outlet_counts(self.model.events()))
        self.list = QTableView()
        self.list.setModel(self.proxy)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        self.list.verticalHeader().setVisible(False)
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.setAccessibleName("Event list")
        header = self.list.horizontalHeader()
        # a fixed date column: resizing to contents would read a thousand rows on every update
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, self.list.fontMetrics().horizontalAdvance("≈ late Sep 2020 – 00") + 16)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 220)
        self.source = SourcePanel()
        self.problems = QListWidget()
        self.problems.setAccessibleName("Problems")
        self._build_layout()
        self._build_menus()
        self._build_status()
        self.loader = Loader(pipeline, self)
        self.loader.results.connect(self._on_results)
        self.loader.problem.connect(self._on_problem)
        self.loader.progress.connect(self._on_progress)
        self.loader.finished.connect(self._on_finished)
        # a timeline shown in the list whose timeline view follows (see _show_timeline)
        self._pending_view: tuple[Timeline, CardSet | None, str | None, float] | None = None
        self._rebuild = QTimer(self)
        self._rebuild.setSingleShot(True)
        self._rebuild.setInterval(150)
        self._rebuild.timeout.connect(self._request_build)
        self.builder = TimelineBuilder(  # makes the view's cards on its thread too
            self.loader.pipeline.cache, self,
            prepare=lambda timeline: self.timeline.prepare(timeline.events, timeline.spans))
        self.builder.built.connect(self._on_built)
        self._finish_generation: int | None = None  # the build that completes a load
        self._last_build_request = 0.0
        self._load_started = 0.0
        self._finish_completed = True
        self.watcher = FolderWatcher(self)
        self.watcher.changed.connect(self._on_files_changed)
        self.watcher.removed.connect(self._on_files_removed)
        self._queued: list[Path] = []  # changed files waiting for the current load to end
        self.timeline.event_selected.connect(self._on_timeline_selected)
        self.list.selectionModel().currentRowChanged.connect(self._on_list_current)
        self.filters.changed.connect(self._on_filter)
        self.legend.clicked.connect(self.filters.choose_outlet)
        self.source.date_change_requested.connect(self.ask_article_date)
        self.timeline.open_requested.connect(lambda _row: self.source.article.setFocus())
        self.timeline.escape_pressed.connect(self._on_escape)

    # ------------------------------------------------------------------ construction
    def _build_layout(self) -> None:
        lower = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 4)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.list)
        lower.addWidget(left)
        lower.addWidget(self.source)
        lower.setSizes([560, 720])
        main = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(0)
        top_layout.addWidget(self.legend)
        top_layout.addWidget(self.timeline, 1)
        main.addWidget(top)
        main.addWidget(lower)
        main.setSizes([360, 460])
        main.setChildrenCollapsible(False)
        self.setCentralWidget(main)
        dock = QDockWidget("Problems", self)
        dock.setObjectName("problemsDock")
        dock.setWidget(self.problems)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        self.problems_dock = dock
        self._problems_sized = False  # given its first height (later the user's)
        self.setTabOrder(self.timeline, self.search)
        self.setTabOrder(self.search, self.filters.outlet)
        self.setTabOrder(self.filters.outlet, self.filters.date_from)
        self.setTabOrder(self.filters.date_from, self.filters.date_to)
        self.setTabOrder(self.filters.date_to, self.list)
        self.setTabOrder(self.list, self.source.article)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        open_action = QAction("&Open Folder…", self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.choose_folder)
        file_menu.addAction(open_action)
        add_action = QAction("&Add Folder…", self)
        add_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        add_action.triggered.connect(self.choose_folder_to_add)
        file_menu.addAction(add_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        reload_action = QAction("&Reload", self)
        reload_action.setShortcut(QKeySequence("F5"))
        reload_action.triggered.connect(lambda: self.open_paths(self.folders))
        file_menu.addAction(reload_action)
        export_action = QAction("&Export Timeline…", self)
        export_action.setShortcut(QKeySequence("Ctrl+E"))
        export_action.triggered.connect(self.export_timeline)
        file_menu.addAction(export_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu("&View")
        for text, shortcut, slot in (
            ("Zoom &In", "+", lambda: self.timeline.zoom(1.5)),
            ("Zoom &Out", "-", lambda: self.timeline.zoom(1 / 1.5)),
            ("&Fit All", "Ctrl+0", self.timeline.fit_all),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            view_menu.addAction(action)
        go_to = QAction("&Go to Date…", self)
        go_to.setShortcut(QKeySequence("Ctrl+G"))
        go_to.triggered.connect(self.ask_go_to_date)
        view_menu.addAction(go_to)
        view_menu.addAction(self.problems_dock.toggleViewAction())
        find = QAction("Find", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        self.addAction(find)

    def shown_events(self) -> list[TimelineEvent]:
        """The events the filter lets through (all of them without a filter), in order."""
        if not self.proxy.is_filtering():
            return self.model.events()
        rows = (self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount()))
        return [e for row in rows if (e := self.model.event_at(row)) is not None]

    def export_timeline(self) -> None:
        """File > Export Timeline…: the events shown, to CSV, JSON or TimelineJS."""
        events = self.shown_events()
        if not events:
            self.status_label.setText("Nothing to export: no events are shown")
            return
        title = ", ".join(p.name for p in self.folders) or "Timeline"
        saved = export_events(self, self.model.timeline, events, title,
                              self.folders[0].parent if self.folders else None)
        if saved is not None:
            path, count = saved
            self.status_label.setText(f"Exported {count} event{'s' * (count != 1)} to {path}")

    def ask_go_to_date(self) -> None:
        """Ask for a date and centre the timeline on it."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(self, "Go to date", "Date (YYYY-MM-DD, YYYY-MM or YYYY):")
        if ok and text.strip():
            when = parse_go_to(text.strip())
            if when is None:
                self.status_label.setText(f"Not a date: {text.strip()!r}")
            else:
                self.timeline.go_to(when)

    def _on_escape(self) -> None:
        """Esc: clear the search and filters if there are any, else the selection."""
        if not self.filters.clear():
            self.timeline.select_row(None)
            self.source.show_event(None)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _build_status(self) -> None:
        self.status_label = QLabel("")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setFormat("%v / %m files")
        self.progress.setVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(lambda: self.loader.cancel())
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    # ------------------------------------------------------------------ loading
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of articles")
        if folder:
            self.open_paths([Path(folder)])

    def choose_folder_to_add(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of articles")
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, paths: list[Path]) -> None:
        """Add the articles under ``paths`` to the timeline (loaded in the background)."""
        new = [p for p in paths if p not in self.folders]
        if not new:
            return
        if self.is_loading():
            self.open_paths(self.folders + new)  # one load for everything
            return
        self.folders.extend(new)
        self._load_started = time.monotonic()
        self._remember_recent(new)
        self.watcher.watch(self.folders)
        self.status_label.setText(f"Adding {', '.join(p.name or str(p) for p in new)}…")
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.loader.start(new, scan=self.watcher.roots)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = recent_folders()
        if not recent:
            self.recent_menu.addAction("(none yet)").setEnabled(False)
        for folder in recent:
            action = self.recent_menu.addAction(folder)
            action.triggered.connect(lambda _=False, f=folder: self.open_paths([Path(f)]))

    def _remember_recent(self, paths: list[Path]) -> None:
        remember_recent_folders([str(p) for p in paths])

    # drag and drop of folders or files onto the window
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def open_paths(self, paths: list[Path]) -> None:
        """Replace the timeline with the articles under ``paths`` (loaded in the background)."""
        self.folders = list(paths)
        self._load_started = time.monotonic()
        self._remember_recent(self.folders)
        self.watcher.watch(self.folders)
        old_results, self.results = self.results, []
        self._result_paths = set()
        self.problems.clear()  # the dock stays until the load ends: a reload finds the same
        # problems again, and each show or hide lays out and repaints the whole window
        # freed off the GUI thread, at once: the new load soon needs the memory
        long_lived.release_later(old_results, after_s=0.0)
        self.builder.invalidate()
        self._finish_generation = None
        self._pending_view = None
        self.model.set_timeline(build_timeline([]))
        self.timeline.set_events([])
        self.source.show_event(None)
        names = ", ".join(p.name or str(p) for p in paths)
        self.setWindowTitle(f"Timeline — {names}")
        self.status_label.setText(f"Loading {names}…")
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.loader.start(self.folders, scan=self.watcher.roots)

    def _on_results(self, batch: list[DocumentResult]) -> None:
        fresh = {r.article.path for r in batch}
        if not fresh.isdisjoint(self._result_paths):
            self.results = [r for r in self.results if r.article.path not in fresh]  # reloaded
        self._result_paths |= fresh
        for result in batch:
            override = self.date_overrides.get(result.article.path)
            if override is not None:
                result = extract(result.article, reference=override, reference_source="user")
            self.results.append(result)
        long_lived.settle()  # the results stay: keep the collector from walking them again
        if not self._loading_from_cache():  # (a cached load's merge is cached too)
            self.builder.merge_ahead(self.results)  # the merge keeps up with the load
        if not self._rebuild.isActive():
            self._rebuild.start()

    def _loading_from_cache(self) -> bool:
        return self.loader.cached_so_far() >= 0.9 * max(self.progress.value(), 1)

    # ------------------------------------------------------------------ watching folders
    def _on_files_changed(self, paths: list[Path]) -> None:
        """New or changed article files in a watched folder: extract them again."""
        if self.is_loading():
            self._queued.extend(paths)
            return
        existing = [p for p in paths if p.exists()]
        if not existing:
            return
        self.status_label.setText(f"Updating {len(existing)} new or changed "
                                  f"file{'s' * (len(existing) != 1)}…")
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.loader.start(existing, scan=self.watcher.roots)

    def _on_files_removed(self, paths: list[Path]) -> None:
        gone = {str(p) for p in paths}
        before = len(self.results)
        self.results = [r for r in self.results if r.article.path not in gone]
        if len(self.results) != before:
            self.builder.request(self.results)
            self.status_label.setText(f"{before - len(self.results)} article(s) removed from the folder")

    def _on_problem(self, path: str, reason: str) -> None:
        self.problems.addItem(f"{path}: {reason}")
        if not self.problems_dock.isVisible():
            # the whole window is laid out again (a short pause: a reopen from the cache is
            # over in a few hundred milliseconds)
            self._hold_background(DOCK_LAYOUT_MS, DOCK_LAYOUT_MS)
            self.problems_dock.show()
            if not self._problems_sized:  # a few lines: the timeline keeps its lanes
                self._problems_sized = True
                self.resizeDocks([self.problems_dock], [PROBLEMS_HEIGHT], Qt.Orientation.Vertical)

    def _on_progress(self, done: int, total: int) -> None:
        total = max(total, 1)
        # QProgressBar repaints at once on every new value: show steps of a percent at most
        if (total != self.progress.maximum() or done in (0, total)
                or abs(done - self.progress.value()) * 100 >= total):
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _on_finished(self, completed: bool) -> None:
        self._rebuild.stop()
        self._finish_completed = completed
        self._finish_generation = self.builder.request(self.results, remember=completed)

    def _request_build(self) -> None:
        """A preview of the timeline while loading, no more often than merging allows: the
        builder must not take the processor from the loading itself."""
        wait = max(PREVIEW_EVERY_S, PREVIEW_COST_SHARE * self.builder.last_seconds)
        now = time.monotonic()
        quick_load = now - self._load_started < PREVIEW_AFTER_S
        # a reopen from the cache: its merged timeline is cached too, previews would only
        # slow the load down (they compete for the interpreter with it)
        from_cache = self._loading_from_cache()
        if quick_load or from_cache or self.builder.busy() or now - self._last_build_request < wait:
            self._rebuild.start(int(wait * 1000))
            return
        self._last_build_request = now
        self.builder.request(self.results)

    def _on_built(self, timeline: Timeline, generation: int, prepared: object = None) -> None:
        if generation != self.builder.generation:
            return  # a newer build is on its way
        long_lived.settle()  # the new timeline stays: showing it must not walk it again
        self._apply_timeline(timeline, prepared if isinstance(prepared, CardSet) else None)
        long_lived.settle()
        if self._finish_generation is not None and generation >= self._finish_generation:
            self._finish_generation = None
            # on the next turn, after the timeline view has caught up with the list
            completed, load = self._finish_completed, self._load_started
            # (the window as context: a window closed meanwhile is not called back)
            QTimer.singleShot(VIEW_AFTER_LIST_MS + 1, self,
                              lambda: self._finish_load(completed, load))

    def _finish_load(self, completed: bool, load: float) -> None:
        if load != self._load_started or self.is_loading():
            return  # another load began meanwhile
        self._flush_view()
        self._show_loaded(completed)

    def _show_loaded(self, completed: bool) -> None:
        if not self.problems.count():
            self.problems_dock.hide()
        self.watcher.snapshot(self.loader.scanned, self.loader.scanned_folders)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        count = self.model.rowCount()
        articles = len(self.results)
        state = "" if completed else " (cancelled)"
        problems = self.problems.count()
        self.status_label.setText(
            f"{count} event{'s' * (count != 1)} from {articles} article{'s' * (articles != 1)}{state}"
            + (f" · {problems} problem{'s' * (problems != 1)}" if problems else "")
            + (f" · {self.loader.from_cache} files from cache" if self.loader.from_cache else ""))
        if self._queued:
            queued, self._queued = list(dict.fromkeys(self._queued)), []
            QTimer.singleShot(0, self, lambda: self._on_files_changed(queued))
        self.loaded.emit(completed)

    # ------------------------------------------------------------------ article dates
    def ask_article_date(self, path: str) -> None:
        """Ask the user for the publication date of the article at ``path``."""
        result = next((r for r in self.results if r.article.path == path), None)
        if result is None:
            return
        dialog = ArticleDateDialog(result, self)
        if dialog.exec():
            self.set_article_date(path, dialog.chosen())

    def set_article_date(self, path: str, when: date) -> None:
        """Resolve the article's relative dates again against ``when`` (kept across reloads)."""
        self.date_overrides[path] = when
        for i, result in enumerate(self.results):
            if result.article.path == path:
                self.results[i] = extract(result.article, reference=when, reference_source="user")
        self.builder.request(self.results)  # merged off the GUI thread; the views follow
        self.status_label.setText(f"Dates of “{Path(path).name}” resolved against {when}")

    def is_loading(self) -> bool:
        return self.loader.is_running() or self._finish_generation is not None

    def _apply_timeline(self, timeline: Timeline, cards: CardSet | None = None) -> None:
        # the GUI thread comes first: background merging holds the interpreter lock, which
        # every Python call made here (a model reset makes one per row) and in the layouts
        # and paints that follow from the event loop would wait for, up to the switch
        # interval each time: merging (and taking loaded files in) pauses until they are done
        self._hold_background()
        self._show_timeline(timeline, cards)

    def _hold_background(self, loading_ms: int = RESUME_LOADING_AFTER_MS,
                         merging_ms: int = RESUME_MERGING_AFTER_MS) -> None:
        """Pause merging and the taking in of loaded files for a moment: the window is about
        to lay out or paint a lot, one Python call at a time (see :meth:`_apply_timeline`)."""
        self.builder.hold()
        self.loader.hold()
        QTimer.singleShot(loading_ms, self.loader.resume)
        QTimer.singleShot(merging_ms, self.builder.resume)

    def _show_timeline(self, timeline: Timeline, cards: CardSet | None = None) -> None:
        """Show ``timeline`` in the list now and in the timeline view on the next turn of the
        event loop: each view's update and repaint then holds the window for half as long
        (while a load goes on, other threads compete for the interpreter lock at every Python
        call a paint makes). Until then the view is flushed first by anything that maps its
        rows to the model's."""
        started = time.perf_counter()
        selected = self._selected_event_id()
        self._pending_view = None  # a timeline still on its way to the view: this one replaces it
        self.model.set_timeline(timeline)
        self.source.set_references(timeline.facts.references)
        self._pending_view = (timeline, cards, selected, started)
        if self.is_loading() and not self.proxy.is_filtering():
            # a timer, not a posted call: those run before the event loop's other timers
            QTimer.singleShot(VIEW_AFTER_LIST_MS, self._flush_view)
        else:
            self._flush_view()

    def _flush_view(self) -> None:
        """Bring the timeline view up to the model (see :meth:`_show_timeline`)."""
        if self._pending_view is None:
            return
        timeline, cards, selected, started = self._pending_view
        self._pending_view = None
        if timeline is not self.model.timeline:
            cards = None  # a newer timeline came meanwhile: its cards are made for it
        facts = self.model.timeline.facts  # computed on the builder thread
        self.timeline.set_color_keys(facts.outlets)
        self.timeline.set_coverage(facts.coverage, facts.coverage_days, facts.coverage_outlets)
        self._sync_timeline_events(cards)
        if selected is not None:
            for row, event in enumerate(self.model.events()):
                if event.id == selected:
                    self.select_row(row)
                    break
        # big timelines refresh less often while loading, so the window stays responsive
        cost_ms = (time.perf_counter() - started) * 1000
        self._rebuild.setInterval(int(min(max(150, cost_ms * 6), 3000)))

    def _selected_event_id(self) -> str | None:
        if self._pending_view is not None and self._pending_view[2] is not None:
            return self._pending_view[2]
        row = self.timeline.selected_row()
        event = self.model.event_at(row) if row is not None else None
        return event.id if event else None

    def _sync_timeline_events(self, cards: CardSet | None = None) -> None:
        """Show the model's events the filter accepts in the timeline view (``cards``: those
        of all of them, made on the builder thread)."""
        if self._pending_view is not None:
            self._flush_view()  # which comes back here
            return
        rows = None
        if self.proxy.is_filtering():
            rows = [self.proxy.mapToSource(self.proxy.index(r, 0)).row()
                    for r in range(self.proxy.rowCount())]
        # while a load streams in, keep the user's zoom and position
        self.timeline.set_events(self.model.events(), rows, spans=self.model.timeline.spans,
                                 keep_view=self.is_loading(), prepared=cards)

    def _on_filter(self, event_filter: EventFilter) -> None:
        self.proxy.set_filter(event_filter)
        self.legend.set_chosen(next(iter(event_filter.outlets)) if event_filter.outlets else None)
        self._sync_timeline_events()
        if event_filter.active():
            self.status_label.setText(f"Showing {self.proxy.rowCount()} of {self.model.rowCount()} "
                                      f"events · {event_filter.describe()}")

    # ------------------------------------------------------------------ selection
    def select_row(self, row: int) -> None:
        """Select model ``row`` in all three views."""
        self._flush_view()
        event = self.model.event_at(row)
        if event is None:
            return
        self.timeline.select_row(row)
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if proxy_index.isValid():
            selection = self.list.selectionModel()
            selection.blockSignals(True)
            selection.setCurrentIndex(
                proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            selection.blockSignals(False)
            self.list.viewport().update()
            self.list.scrollTo(proxy_index)
        self.source.show_event(event)

    def _on_timeline_selected(self, row: int) -> None:
        if self._pending_view is not None:
            return  # a row of the timeline the list no longer shows
        self.select_row(row)

    def _on_list_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        event = current.data(EVENT_ROLE)
        source_row = self.proxy.mapToSource(current).row()
        if event is not None:
            self._flush_view()
            self.timeline.select_row(source_row)
            self.source.show_event(event)

    def closeEvent(self, event: object) -> None:
        self.loader.shutdown()
        super().closeEvent(event)  # type: ignore[arg-type]
