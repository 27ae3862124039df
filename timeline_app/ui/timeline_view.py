"""The horizontal, zoomable, scrollable timeline canvas.

It paints the events of an :class:`EventTableModel` (through its filter proxy) as labelled cards
in lanes above a time axis; an event with a month- or year-wide date shows a faint band of its
interval. Ctrl+wheel, ``+``/``-`` zoom at the cursor; drag, wheel and the scroll bar pan;
Left/Right select the previous/next event. Geometry comes from :mod:`timeline_app.core.layout`
and :mod:`timeline_app.core.lanes`.
"""

from __future__ import annotations

import bisect
import itertools
import math
import time
from collections import OrderedDict
from collections.abc import Collection, Generator, Iterable, Sequence
from datetime import date

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QStaticText,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QGestureEvent, QPinchGesture, QSizePolicy, QWidget

from timeline_app.core.lanes import LEVELS_PER_DOUBLING, Cluster, LanePacker, Packing, zoom_level
from timeline_app.core.layout import Scale, ticks
from timeline_app.core.timeline import EventSpans, TimelineEvent
from timeline_app.ui import long_lived
from timeline_app.ui.cards import CARD_MAX_W, Card, CardMaker, CardSet
from timeline_app.ui.event_model import date_label, source_lines

CARD_H = 40
LANE_GAP = 8
AXIS_H = 46
CLUSTER_W = 96
PACKINGS_KEPT = 16  # zoom levels whose lane packing is kept for going back
STATIC_TEXTS_KEPT = 4000  # card labels kept laid out (a screenful is a few hundred)
PREFETCH_SLICE_S = 0.004  # idle time spent at once packing the next zoom levels
# A zoom step packs a new level for at most this long; if that is not enough, it shows the
# nearest coarser packing (overlap-free at any larger scale) until idle time finishes the level.
# A frame at 60 Hz is 16.7 ms and painting one takes 5-9 ms: 4 ms of packing keeps a step
# within a frame (8 ms did not, at 10,000 events and more).
SYNC_PACK_S = 0.004
COVERAGE_MARK_W, COVERAGE_MARK_H = 2.5, 8.0  # a publication date's tick under the axis
PALETTE = ("#3b7dd8", "#d8643b", "#3ba55c", "#9b59b6", "#c9a227", "#1abc9c", "#e84393")


class TimelineView(QAbstractScrollArea):
    """Custom-painted timeline. Signals: ``event_selected(row)`` with the model row."""

    event_selected = Signal(int)
    colors_changed = Signal()  # the legend (key -> colour) changed
    open_requested = Signal(int)  # Enter on the selected event: read its source
    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription("Events on a time axis; Left/Right move between events")
        self.viewport().setMouseTracking(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)  # touch screens
        self._cards: list[Card] = []
        self._colors: dict[str, QColor] = {}  # colour key (outlet, else article) -> colour
        self._palette = tuple(map(QColor, PALETTE))  # shared by the keys: do not change them
        self._path_keys: dict[str, str] = {}  # article path -> colour key
        self._coverage: list[tuple[float, str, str]] = []  # (day, article path, title)
        self._coverage_days: list[float] = []  # their days, for bisection
        self._card_maker = CardMaker(self.font())
        self._all_cards: CardSet | None = None  # the cards of all events (shown or filtered)
        self._last_day1 = 0.0  # the latest end of a card
        self._new_colors = False  # colours handed out that the legend has not heard of
        self._static_texts: OrderedDict[str, QStaticText] = OrderedDict()  # labels laid out
        self._row_index: dict[int, int] = {}  # model row -> position in self._cards
        self._all_day0s: list[float] = []
        self._packer = LanePacker([], [], [])
        self._packings: OrderedDict[tuple[float, int], Packing] = OrderedDict()
        self._packing = self._packer.pack(1.0, 1)
        # neighbouring zoom levels packed a slice at a time while idle (see _prefetch_slice)
        self._prefetching: OrderedDict[tuple[float, int], Generator[None, None, Packing]] = OrderedDict()
        self._prefetch_timer = QTimer(self)
        self._prefetch_timer.setInterval(0)
        self._prefetch_timer.timeout.connect(self._prefetch_slice)
        self._zoom_direction = 1
        self._wanted: tuple[float, int] | None = None  # the level being shown, packed or not
        self._cluster_anchors: list[float] = []
        self._cluster_day1s: list[float] = []
        self._cluster_lane = 0
        self._selected: int | None = None
        self._scale = Scale(0.0, 1.0)
        self._bounds = (0.0, 1.0)
        self._drag_x: float | None = None
        self._dragged = False
        self._layout_dirty = True
        self.horizontalScrollBar().valueChanged.connect(self._on_scroll)

    # ------------------------------------------------------------------ data
    def set_events(self, events: Sequence[TimelineEvent], rows: Collection[int] | None = None, *,
                   spans: EventSpans | None = None, keep_view: bool = False,
                   prepared: CardSet | None = None) -> None:
        """Show ``events`` (the model's, row = position), or only the ``rows`` among them;
        ``spans``: the events' precomputed :class:`EventSpans`; ``prepared``: the cards of all
        of them made by :meth:`prepare` (used when they fit). Fits them all into view unless
        ``keep_view`` (results streaming in while the user looks around) and something was
        shown already."""
        had_cards = bool(self._cards)
        # what the old events left (cards, packings: a million objects at 100,000 events) is
        # freed off the GUI thread, piece by piece
        long_lived.release_later(self._cards, self._packings.values(),
                                 [self._packer, self._row_index, self._all_day0s])
        spans = spans if spans is not None else EventSpans.of(events)
        if self._all_cards is not None and self._all_cards.spans is not spans:
            self._all_cards = None  # of other events
        if rows is not None:
            prepared = self._card_maker.card_set(events, spans, rows)
        else:  # all of them: cards made ahead of time, or kept from before a filter was set
            if prepared is None or prepared.spans is not spans:
                prepared = self._all_cards or self._card_maker.card_set(events, spans)
            self._all_cards = prepared
        self._hand_out_colors(prepared.paths)  # colours are handed out in row order
        self._cards = cards = prepared.cards
        self._row_index = prepared.row_index
        self._all_day0s = prepared.day0s
        self._last_day1 = prepared.last_day1
        self._packer = prepared.packer
        self._packings.clear()
        self._prefetching.clear()
        if self._selected not in self._row_index:
            self._selected = None
        if keep_view and had_cards:
            if cards:
                lo, hi = self._bounds
                first, last = self._extent()
                span = max(last - first, 30.0)
                self._bounds = (min(lo, first - span), max(hi, last + span))
            self._relayout()
        else:
            self.fit_all()

    def prepare(self, events: Sequence[TimelineEvent], spans: EventSpans) -> CardSet:
        """The cards for showing all ``events`` (whose spans are ``spans``), made on any thread
        (the timeline builder's), for :meth:`set_events`."""
        return self._card_maker.card_set(events, spans)

    def _extent(self) -> tuple[float, float]:
        """First start and last end of the cards (which are sorted by start)."""
        return self._cards[0].day0, self._last_day1

    def set_coverage(self, coverage: list[tuple[float, str, str]],
                     days: list[float] | None = None, keys: Sequence[str] | None = None) -> None:
        """Publication dates of the loaded articles, drawn as coverage marks on the axis (the
        reporting, not an event of the story): ``(day + 0.5, path, title)`` sorted, as
        :class:`~timeline_app.core.timeline.ArticleFacts` has them, with its ``days`` and
        colour ``keys`` (computed here if not given)."""
        self._coverage = coverage
        self._coverage_days = days if days is not None else [day for day, _, _ in coverage]
        if keys is None:
            get = self._path_keys.get
            keys = list(dict.fromkeys(get(path, path) for _, path, _ in coverage))
        self._hand_out_keys(keys)
        self.viewport().update()

    def set_color_keys(self, keys: dict[str, str]) -> None:
        """What each article is coloured by (article path -> outlet name or article title);
        the view keeps ``keys`` (it is not copied: do not change it afterwards)."""
        self._path_keys = keys
        self._colors = {}

    def _color_of(self, path: str) -> QColor:
        key = self._path_keys.get(path, path)
        if key not in self._colors:
            self._colors[key] = self._palette[len(self._colors) % len(self._palette)]
            self._new_colors = True
        return self._colors[key]

    def _hand_out_colors(self, paths: Sequence[str]) -> None:
        """Give each new colour key of ``paths`` its colour, in order of first appearance, and
        tell the legend (one Python step per key, not per path: 10,000 articles have a few
        dozen outlets)."""
        self._hand_out_keys(dict.fromkeys(map(self._path_keys.get, paths, paths)))

    def _hand_out_keys(self, keys: Iterable[str]) -> None:
        """Give each new colour key its colour, in this order, and tell the legend (in C
        loops: articles without an outlet are coloured by title, thousands of keys)."""
        colors = self._colors
        new = [key for key in dict.fromkeys(keys) if key not in colors] if colors else list(keys)
        if new:
            start = len(colors) % len(self._palette)
            palette = itertools.islice(itertools.cycle(self._palette), start, None)
            colors.update(zip(dict.fromkeys(new), palette, strict=False))  # (palette: endless)
            self._new_colors = True
        self._announce_colors()

    def _announce_colors(self) -> None:
        """Tell the legend once about the colours handed out since the last time."""
        if self._new_colors:
            self._new_colors = False
            self.colors_changed.emit()

    def coverage_at(self, x: float, tolerance: float = 5.0) -> list[str]:
        """Titles of the articles published at view position ``x``."""
        return [title for day, _, title in self._coverage
                if abs(self._scale.x(day) - x) <= tolerance]

    def article_colors(self) -> dict[str, QColor]:
        """Colour of each outlet (or article, when it names none), for the legend."""
        return dict(self._colors)

    # ------------------------------------------------------------------ scale
    def fit_all(self) -> None:
        """Zoom so that every event is visible."""
        if self._cards:
            lo, hi = self._extent()
        else:
            lo = float(date.today().toordinal() - 365)
            hi = float(date.today().toordinal())
        span = max(hi - lo, 30.0)
        pad = span * 0.08
        self._bounds = (lo - pad - span, hi + pad + span)
        width = max(self.viewport().width() - 40 - CARD_MAX_W, 100)  # room for the last card
        ppd = width / (span + 2 * pad)
        self._scale = Scale(lo - pad - 40 / ppd, ppd)
        self._relayout()

    def scale(self) -> Scale:
        return self._scale

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by ``factor`` keeping the date under ``anchor_x`` (default: centre) fixed."""
        if anchor_x is None:
            anchor_x = self.viewport().width() / 2
        self._scale = self._scale.zoomed(factor, anchor_x)
        self._zoom_direction = 1 if factor >= 1 else -1
        self._relayout()

    def pan(self, dx_px: float) -> None:
        """Move the view by ``dx_px`` pixels (positive: later dates)."""
        self._scale = Scale(self._scale.origin + dx_px / self._scale.px_per_day,
                            self._scale.px_per_day)
        self._sync_scrollbar()
        self.viewport().update()

    def _sync_scrollbar(self) -> None:
        bar = self.horizontalScrollBar()
        lo, hi = self._bounds
        lo = min(lo, self._scale.origin)
        hi = max(hi, self._scale.day(self.viewport().width()))
        self._bounds = (lo, hi)
        ppd = self._scale.px_per_day
        bar.blockSignals(True)
        bar.setRange(0, max(0, int((hi - lo) * ppd - self.viewport().width())))
        bar.setPageStep(self.viewport().width())
        bar.setSingleStep(40)
        bar.setValue(int((self._scale.origin - lo) * ppd))
        bar.blockSignals(False)

    def _on_scroll(self, value: int) -> None:
        self._scale = Scale(self._bounds[0] + value / self._scale.px_per_day,
                            self._scale.px_per_day)
        self.viewport().update()

    # ------------------------------------------------------------------ layout
    def _relayout(self) -> None:
        """Lanes and clusters for the current zoom level (packed once per level, then cached)."""
        max_lanes = max(int((self.viewport().height() - AXIS_H - 14) // (CARD_H + LANE_GAP)), 1)
        level = zoom_level(self._scale.px_per_day)
        key = self._wanted = (level, max_lanes)
        pending, self._prefetching = self._prefetching, OrderedDict()  # older levels: dropped
        packing = self._packings.get(key)
        if packing is None:
            steps = pending.pop(key) if key in pending else self._pack_steps(key)
            packing = self._pack_now(key, steps)
        else:
            self._packings.move_to_end(key)
        self._packing = packing
        # the next levels the user is likely to zoom to: the way they zoom first
        step = 2.0 ** (1 / LEVELS_PER_DOUBLING)
        ahead = [level * step ** self._zoom_direction, level * step ** -self._zoom_direction]
        for next_level in ahead:
            next_key = (zoom_level(next_level * 1.0001), max_lanes)
            if next_key not in self._packings and next_key not in self._prefetching:
                old = pending.get(next_key)
                self._prefetching[next_key] = old if old is not None else self._pack_steps(next_key)
        if self._prefetching:
            self._prefetch_timer.start()
        self._cluster_lane = max_lanes - 1
        self._cluster_anchors = [c.anchor for c in packing.clusters]
        self._cluster_day1s = list(itertools.accumulate((c.day1 for c in packing.clusters), max))
        self._sync_scrollbar()
        self.viewport().update()

    def _pack_steps(self, key: tuple[float, int]) -> Generator[None, None, Packing]:
        return self._packer.pack_steps(key[0], key[1], long_after=CARD_MAX_W,
                                       cluster_width=2 * CLUSTER_W, marker_width=CLUSTER_W)

    def packing_pending(self) -> bool:
        """Whether the level on screen, or one next to it, is still being packed in idle time."""
        return bool(self._prefetching)

    def _pack_now(self, key: tuple[float, int],
                  steps: Generator[None, None, Packing]) -> Packing:
        """Pack ``key``'s level; past SYNC_PACK_S, return the nearest coarser packing instead
        and leave the rest to idle time (first in line), so no zoom step waits on a big pack."""
        fallback = max((k for k in self._packings if k[1] == key[1] and k[0] < key[0]),
                       default=None)
        deadline = time.perf_counter() + SYNC_PACK_S
        while True:
            try:
                next(steps)
            except StopIteration as done:
                packing: Packing = done.value
                self._keep_packing(key, packing)
                return packing
            if fallback is not None and time.perf_counter() > deadline:
                self._prefetching[key] = steps
                return self._packings[fallback]

    def _keep_packing(self, key: tuple[float, int], packing: Packing) -> None:
        self._packings[key] = packing
        while len(self._packings) > PACKINGS_KEPT:
            self._packings.popitem(last=False)

    def _prefetch_slice(self) -> None:
        """Advance the first pending prefetch for about PREFETCH_SLICE_S, then yield to events."""
        deadline = time.perf_counter() + PREFETCH_SLICE_S
        while self._prefetching and time.perf_counter() < deadline:
            key, steps = next(iter(self._prefetching.items()))
            try:
                next(steps)
            except StopIteration as done:
                del self._prefetching[key]
                self._keep_packing(key, done.value)
                if key == self._wanted:  # shown meanwhile with a coarser packing
                    self._relayout()
                    return
        if not self._prefetching:
            self._prefetch_timer.stop()

    def _lane(self, card: Card) -> int:
        """The card's lane at the current zoom; -1 when it is gathered in a cluster."""
        return self._packing.lanes[card.index]

    def card_rect(self, card: Card) -> QRectF:
        """A card at its start; a period wider than its label is a bar over its whole span."""
        x0 = self._scale.x(card.day0)
        axis_y = self.viewport().height() - AXIS_H
        y = axis_y - 14 - (self._lane(card) + 1) * (CARD_H + LANE_GAP)
        width = max(card.width, (card.day1 - card.day0) * self._scale.px_per_day)
        return QRectF(x0, y, width, CARD_H)

    # ------------------------------------------------------------------ selection
    def select_row(self, row: int | None, *, emit: bool = False) -> None:
        """Select the event of model ``row`` and scroll it into view."""
        self._selected = row
        card = self._card_of(row)
        if card is not None:
            # a card hidden in a cluster: zoom in around it until it shows, but no further
            # than a card's width per day of its date: beyond that, events of the same day
            # overlap however far one zooms (their cluster is marked as holding the selection)
            useful = CARD_MAX_W / max(card.day1 - card.day0, 1.0)
            for _ in range(12):
                ppd = self._scale.px_per_day
                if self._lane(card) >= 0 or ppd >= useful:
                    break
                self.zoom(min(2.0, useful / ppd), self._scale.x((card.day0 + card.day1) / 2))
        if card is not None:
            x = self._scale.x(card.day0)
            width = self.viewport().width()
            if x < 20 or x > width - 120:
                self.pan(x - width / 3)
        self.viewport().update()
        if emit and row is not None:
            self.event_selected.emit(row)

    def selected_row(self) -> int | None:
        return self._selected

    def _card_of(self, row: int | None) -> Card | None:
        index = self._row_index.get(row) if row is not None else None
        return self._cards[index] if index is not None else None

    def row_at(self, pos: QPointF) -> int | None:
        """Model row of the card under ``pos`` (viewport coordinates)."""
        for card in self._visible_cards(self.viewport().width()):
            if self.card_rect(card).contains(pos):
                return card.row
        return None

    def cluster_rect(self, index: int) -> QRectF:
        """Where the ``index``-th cluster marker is drawn (viewport coordinates): at its anchor,
        or kept at the left edge while what it gathers is still in view (zoomed in on a busy
        day, the day's start is off screen)."""
        cluster = self._packing.clusters[index]
        axis_y = self.viewport().height() - AXIS_H
        y = axis_y - 14 - (self._cluster_lane + 1) * (CARD_H + LANE_GAP)
        x = self._scale.x(cluster.anchor)
        if x < 4:
            x = min(4.0, max(x, self._scale.x(cluster.day1) - CLUSTER_W))
        return QRectF(x, y, CLUSTER_W, CARD_H)

    def _holds_selection(self, cluster: Cluster) -> bool:
        """Whether the selected event is one of those ``cluster`` gathers."""
        card = self._card_of(self._selected)
        if card is None or self._lane(card) >= 0:
            return False
        index = card.index
        return index in cluster.extra or any(a <= index < b for a, b in cluster.ranges)

    def clusters(self) -> list[list[int]]:
        """Model rows gathered in each cluster marker, left to right."""
        return [[self._cards[i].row for i in self._packing.members(c)]
                for c in self._packing.clusters]

    def _visible_cluster_range(self) -> range:
        first = bisect.bisect_left(self._cluster_day1s, self._scale.day(0))
        last = bisect.bisect_right(self._cluster_anchors, self._scale.day(self.viewport().width()))
        return range(first, last)

    def cluster_at(self, pos: QPointF) -> int | None:
        for index in self._visible_cluster_range():
            if self.cluster_rect(index).contains(pos):
                return index
        return None

    def zoom_to_cluster(self, index: int) -> None:
        """Zoom so that the cluster's events spread out over the view."""
        cluster = self._packing.clusters[index]
        self.show_days(cluster.day0, cluster.day1)

    def show_days(self, day0: float, day1: float) -> None:
        """Zoom and pan so that days ``day0`` .. ``day1`` fill the view (with room for cards)."""
        span = max(day1 - day0, 1.0)
        width = max(self.viewport().width() - 40 - CARD_MAX_W, 100)
        ppd = width / (span * 1.2)
        self._scale = Scale(day0 - span * 0.1 - 20 / ppd, ppd)
        lo, hi = self._bounds
        self._bounds = (min(lo, day0 - span), max(hi, day1 + span))
        self._relayout()

    def card_center(self, row: int) -> QPointF | None:
        """Centre of a card in viewport coordinates (for tests and tooltips)."""
        card = self._card_of(row)
        return self.card_rect(card).center() if card and self._lane(card) >= 0 else None

    def _step(self, delta: int) -> None:
        if not self._cards:
            return
        index = self._row_index.get(self._selected) if self._selected is not None else None
        if index is None:
            target = self._cards[0 if delta > 0 else -1]
        else:
            target = self._cards[max(0, min(index + delta, len(self._cards) - 1))]
        self.select_row(target.row, emit=True)

    # ------------------------------------------------------------------ events
    def sizeHint(self) -> QSize:
        return QSize(900, 320)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() <= 0 and self._cards:
            self.fit_all()
        elif event.oldSize().height() != event.size().height():
            self._relayout()  # the number of lanes that fit changed
        else:
            self._sync_scrollbar()

    def viewportEvent(self, event: QEvent) -> bool:
        """Pinch to zoom: trackpad zoom gestures (native) and touch-screen pinches."""
        if isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom(max(1.0 + event.value(), 0.1), event.position().x())
                event.accept()
                return True
        elif isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                if pinch.changeFlags() & QPinchGesture.ChangeFlag.ScaleFactorChanged:
                    centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                    self.zoom(max(pinch.scaleFactor(), 0.1), centre.x())
                event.accept(pinch)
                return True
        return super().viewportEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.0015 ** delta.y(), event.position().x())
        else:
            step = delta.x() if delta.x() else delta.y()
            self.pan(-step)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_x = event.position().x()
            self._dragged = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_x is not None and event.buttons() & Qt.MouseButton.LeftButton:
            dx = event.position().x() - self._drag_x
            if abs(dx) > 3 or self._dragged:
                self._dragged = True
                self._drag_x = event.position().x()
                self.pan(-dx)
            return
        row = self.row_at(event.position())
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if row is not None
                                  else Qt.CursorShape.OpenHandCursor)
        tip = self._tooltip(row) if row is not None else ""
        axis_y = self.viewport().height() - AXIS_H
        if row is None and abs(event.position().y() - axis_y - 4) <= 8:
            published = self.coverage_at(event.position().x())
            if published:
                tip = "Published:\n" + "\n".join(f"• {t}" for t in published)
        self.viewport().setToolTip(tip)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._dragged:
            row = self.row_at(event.position())
            cluster = self.cluster_at(event.position()) if row is None else None
            if row is not None:
                self.select_row(row, emit=True)
            elif cluster is not None:
                self.zoom_to_cluster(cluster)
        self._drag_x = None
        self._dragged = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Right:
            self._step(1)
        elif key == Qt.Key.Key_Left:
            self._step(-1)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.5)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / 1.5)
        elif key == Qt.Key.Key_Home and self._cards:
            self.select_row(self._cards[0].row, emit=True)
        elif key == Qt.Key.Key_End and self._cards:
            self.select_row(self._cards[-1].row, emit=True)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected is not None:
            self.open_requested.emit(self._selected)
        elif key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
        else:
            super().keyPressEvent(event)

    def go_to(self, day: date) -> None:
        """Centre the view on ``day`` at day zoom (about three weeks across)."""
        width = max(self.viewport().width(), 100)
        ppd = width / 21
        centre = float(day.toordinal()) + 0.5
        self._scale = Scale(centre - width / 2 / ppd, ppd)
        lo, hi = self._bounds
        self._bounds = (min(lo, centre - 30), max(hi, centre + 30))
        self._relayout()

    def _tooltip(self, row: int) -> str:
        card = self._cards[self._row_index[row]]
        d = card.event.primary.event.date
        return f"{date_label(card.event)} (“{d.text}”)\n{card.event.title}\n{source_lines(card.event)}"

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        # shapes are axis-aligned: crisp and several times faster without antialiasing
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        pal = self.palette()
        width, height = self.viewport().width(), self.viewport().height()
        base = pal.base().color()
        text_color = pal.text().color()
        painter.fillRect(0, 0, width, height, base)
        axis_y = height - AXIS_H
        first, last = self._scale.day(0), self._scale.day(width)
        minor, major = ticks(first, last, width)
        grid = QColor(text_color)
        grid.setAlpha(28)
        painter.setPen(QPen(grid, 1))
        for tick in minor:
            x = self._scale.x(tick.day)
            painter.drawLine(QPointF(x, 0), QPointF(x, axis_y))
        self._paint_cards(painter, axis_y, width, text_color)
        # axis
        painter.fillRect(QRectF(0, axis_y, width, AXIS_H), pal.window().color())
        painter.setPen(QPen(text_color, 1))
        painter.drawLine(QPointF(0, axis_y), QPointF(width, axis_y))
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        painter.setFont(small)
        for tick in minor:
            x = self._scale.x(tick.day)
            painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 5))
            painter.drawText(QRectF(x + 3, axis_y + 4, 80, 16), Qt.AlignmentFlag.AlignLeft,
                             tick.label)
        self._paint_density(painter, axis_y, width)
        self._paint_coverage(painter, axis_y, width)
        bold = QFont(small)
        bold.setBold(True)
        painter.setFont(bold)
        metrics = QFontMetricsF(bold)
        last_end = -1e9
        for tick in major:
            x = max(self._scale.x(tick.day), 0.0)
            if x < last_end:
                continue
            painter.drawText(QRectF(x + 3, axis_y + 22, 160, 18), Qt.AlignmentFlag.AlignLeft,
                             tick.label)
            last_end = x + metrics.horizontalAdvance(tick.label) + 12
        painter.end()
        self._announce_colors()

    def _paint_density(self, painter: QPainter, axis_y: float, width: float) -> None:
        """A strip just above the axis: how many events each stretch of the view holds, all of
        them, clustered or not (bisection on sorted start days: cost per column, not per event)."""
        if not self._all_day0s:
            return
        column = 4
        day = self._scale.day
        starts = self._all_day0s
        edges = [bisect.bisect_left(starts, day(x)) for x in range(0, int(width) + 2 * column, column)]
        counts = [b - a for a, b in itertools.pairwise(edges)]
        peak = max(counts) or 1
        # columns in 8 shades, one drawRects call per shade
        shades: dict[int, list[QRectF]] = {}
        for i, count in enumerate(counts):
            if count:
                level = min(int(8 * count / peak), 7)
                height = 2 + 4 * (level + 1) / 8
                shades.setdefault(level, []).append(QRectF(i * column, axis_y - height, column, height))
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        color = QColor(self.palette().highlight().color())
        for level, rects in shades.items():
            color.setAlphaF(0.25 + 0.75 * (level + 1) / 8)
            painter.setBrush(color)
            painter.drawRects(rects)
        painter.restore()

    def _paint_coverage(self, painter: QPainter, axis_y: float, width: float) -> None:
        """A short tick under the axis for each article's publication date, in its colour."""
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        days, scale = self._coverage_days, self._scale
        index = bisect.bisect_left(days, scale.day(-6))
        last = bisect.bisect_right(days, scale.day(width + 6))
        # one mark per pixel column, the next found by bisection: thousands of articles cost
        # what the screen shows; the marks of a colour are filled in one call (a call per
        # mark, 600 of them, took 20 ms, and each lets the other threads have the interpreter)
        by_color: dict[int, tuple[QColor, list[QRectF]]] = {}
        top, height = axis_y + 1, COVERAGE_MARK_H
        while index < last:
            day, path, _ = self._coverage[index]
            x = scale.x(day)
            color = self._color_of(path)
            entry = by_color.get(id(color))
            if entry is None:
                entry = by_color[id(color)] = (color, [])
            entry[1].append(QRectF(x - COVERAGE_MARK_W / 2, top, COVERAGE_MARK_W, height))
            index = bisect.bisect_left(days, scale.day(math.floor(x) + 1), index + 1, last)
        for color, rects in by_color.values():
            painter.setBrush(color)
            painter.drawRects(rects)
        painter.restore()

    def _paint_clusters(self, painter: QPainter, axis_y: float, width: float,
                        text_color: QColor) -> None:
        """A "+N events" marker for each group of cards that do not fit; click to zoom in."""
        painter.save()
        for index in self._visible_cluster_range():
            cluster = self._packing.clusters[index]
            day1 = cluster.day1
            rect = self.cluster_rect(index)
            if rect.left() > width or self._scale.x(day1) < 0:
                continue
            band = QColor(text_color)
            band.setAlpha(30)
            painter.fillRect(QRectF(rect.left(), axis_y - 10,
                                    max(self._scale.x(day1) - rect.left(), 3.0), 8), band)
            highlight = self.palette().highlight().color()
            holds_selection = self._holds_selection(cluster)
            painter.setBrush(_tint(highlight, self.palette().base().color(),
                                   110 if holds_selection else 45))
            painter.setPen(QPen(highlight, 2) if holds_selection
                           else QPen(highlight, 1, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(rect, CARD_H / 2, CARD_H / 2)
            painter.setPen(text_color)
            label = f"+{cluster.count:,} event{'s' * (cluster.count != 1)}"
            if holds_selection:
                label += "\nselected inside"
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()

    def _static_text(self, text: str) -> QStaticText:
        """``text`` laid out once as plain text (never markup), kept for the next frames:
        drawing it again costs a third of ``drawText``."""
        static = self._static_texts.get(text)
        if static is None:
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            self._static_texts[text] = static
            if len(self._static_texts) > STATIC_TEXTS_KEPT:
                self._static_texts.popitem(last=False)
        else:
            self._static_texts.move_to_end(text)
        return static

    def _visible_cards(self, width: float) -> list[Card]:
        """Placed cards that may show in the view, found by bisection in each lane (a lane's
        cards never overlap, so their ends are sorted too): a frame costs what is on screen."""
        cards = self._cards
        found = self._packing.visible(self._scale.day(0) - 1, self._scale.day(width) + 1)
        return [cards[i] for i in found]

    def _paint_cards(self, painter: QPainter, axis_y: float, width: float,
                     text_color: QColor) -> None:
        painter.setFont(self.font())
        metrics = QFontMetricsF(self.font())
        self._paint_clusters(painter, axis_y, width, text_color)
        line_height = metrics.height()
        faded_text = QColor(text_color)
        faded_text.setAlpha(150)
        shown = []
        # per colour: interval bands on the axis (how uncertain a date is) and stems from card
        # to axis, drawn first in one call per colour, so cards lie on top of every stem
        bands: dict[int, tuple[QColor, list[QRectF], list[QLineF]]] = {}
        for card in self._visible_cards(width):
            rect = self.card_rect(card)
            band_x1 = self._scale.x(card.day1)
            if band_x1 < 0 or rect.left() > width:
                continue
            color = self._color_of(card.event.sources[0].article.path)
            shown.append((card, rect, color))
            _, rects, stems = bands.setdefault(color.rgba(), (color, [], []))
            if rect.width() <= card.width + 0.5:  # a period drawn as a bar shows its span itself
                rects.append(QRectF(rect.left(), axis_y - 10, max(band_x1 - rect.left(), 3.0), 8))
            stems.append(QLineF(rect.left(), rect.bottom(), rect.left(), axis_y - 2))
        for color, rects, stems in bands.values():
            band = QColor(color)
            band.setAlpha(60)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(band)
            painter.drawRects(rects)
            painter.setPen(QPen(color, 1))
            painter.drawLines(stems)
        base = self.palette().base().color()
        for card, rect, color in shown:
            selected = card.row == self._selected
            # opaque: a stem or grid line behind a card never shows through its label
            painter.setBrush(_tint(color, base, 235 if selected else 40))
            painter.setPen(QPen(color.darker(130) if selected else color, 2 if selected else 1))
            painter.drawRoundedRect(rect, 5, 5)
            inner = rect.adjusted(8, 3, -6, -3)
            if inner.left() < 8 < inner.right():  # a period begun left of the view: keep its label in sight
                inner.setLeft(8)
            inner.setWidth(min(inner.width(), card.width - 14))
            if card.label is None:
                title = metrics.elidedText(card.event.title, Qt.TextElideMode.ElideRight,
                                           card.width - 14)
                sub = date_label(card.event)
                if len(card.event.sources) > 1:
                    sub += f" · {len(card.event.sources)} sources"
                card.label = (title, metrics.elidedText(sub, Qt.TextElideMode.ElideRight,
                                                        card.width - 14))
            title, sub = card.label
            painter.setPen(QColor("white") if selected else text_color)
            painter.drawStaticText(inner.topLeft(), self._static_text(title))
            if selected:
                faded = QColor("white")
                faded.setAlpha(220)
            else:
                faded = faded_text
            painter.setPen(faded)
            painter.drawStaticText(QPointF(inner.left(), inner.bottom() - line_height),
                                   self._static_text(sub))


def _tint(color: QColor, base: QColor, alpha: int) -> QColor:
    """``color`` at ``alpha`` (0-255) over ``base``, as one opaque colour."""
    a = alpha / 255
    return QColor(round(base.red() + (color.red() - base.red()) * a),
                  round(base.green() + (color.green() - base.green()) * a),
                  round(base.blue() + (color.blue() - base.blue()) * a))
