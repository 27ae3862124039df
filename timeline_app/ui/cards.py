"""The timeline view's cards: each event as the view places it, built off the GUI thread.

A :class:`CardSet` holds everything the view derives from a list of events before it can show
them: one :class:`Card` per event in start order, the lane packer over them, and their title
widths. For 30,000 events that is about 150 ms of Python, so the timeline builder makes the
card set of each timeline on its own thread (:meth:`CardMaker.card_set`), and the GUI thread only
swaps it in. :class:`CardMaker` is safe to use from any thread.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence

from PySide6.QtGui import QFont, QFontMetricsF

from timeline_app.core.lanes import LanePacker
from timeline_app.core.timeline import EventSpans, TimelineEvent

CARD_MAX_W = 260
CARD_PADDING_W = 22  # card margins around its title
CARD_MIN_W = 124  # room for the date line under a short title ("It rained": "12 Mar 2024 10:45")


class Card:
    """An event as the view places it (slotted: a view holds one per event)."""

    __slots__ = ("day0", "day1", "event", "index", "label", "row", "width")

    def __init__(self, row: int, event: TimelineEvent, day0: float, day1: float, width: float,
                 index: int) -> None:
        self.row = row  # model row
        self.event = event
        self.day0 = day0
        self.day1 = day1
        self.width = width  # of the card in pixels (its title's width, within bounds)
        self.index = index  # position in start order (the packer's item)
        # elided title and date line, computed when first shown
        self.label: tuple[str, str] | None = None


class CardSet:
    """Cards of (some of) a list of events: ``cards`` in start order, ``row_index`` (model row
    -> position in ``cards``), ``day0s`` (the cards' starts), ``last_day1`` (the latest end),
    ``paths`` (the shown events' first articles, each once, in row order: colours are handed
    out in that order), ``packer`` (lane packing over the cards) and the ``spans`` they were made from."""

    __slots__ = ("cards", "day0s", "last_day1", "packer", "paths", "row_index", "spans")

    def __init__(self, events: Sequence[TimelineEvent], spans: EventSpans,
                 rows: Collection[int] | None, widths: dict[str, float]) -> None:
        if rows is None:
            order = spans.by_start
            self.paths = list(dict.fromkeys(spans.paths))
        else:
            shown = set(rows)
            order = [i for i in spans.by_start if i in shown]
            self.paths = list(dict.fromkeys(spans.paths[i] for i in sorted(shown)))
        day0, day1, titles = spans.day0, spans.day1, spans.titles
        self.spans = spans
        self.cards = cards = [Card(i, events[i], day0[i], day1[i], widths[titles[i]], index)
                              for index, i in enumerate(order)]
        self.row_index = dict(zip(order, range(len(order)), strict=True))
        self.day0s = [c.day0 for c in cards]
        self.last_day1 = max((c.day1 for c in cards), default=0.0)
        self.packer = LanePacker(self.day0s, [c.day1 - c.day0 for c in cards],
                                 [c.width for c in cards])

    def parts(self) -> list[object]:
        """What a view lets go of when it shows other cards (see ``long_lived.release_later``)."""
        return [self.cards, [self.packer, self.row_index, self.day0s]]


class CardMaker:
    """Makes card sets in one font; memoises title widths. Thread-safe."""

    def __init__(self, font: QFont) -> None:
        self._lock = threading.Lock()
        self._font = QFont(font)
        self._advances: dict[str, float] = {}  # character -> advance in the font
        self._widths: dict[str, float] = {}  # title -> card width

    def card_set(self, events: Sequence[TimelineEvent], spans: EventSpans,
                 rows: Collection[int] | None = None) -> CardSet:
        """The cards of ``events`` (all, or only ``rows``) whose spans are ``spans``."""
        titles = spans.titles if rows is None else [spans.titles[i] for i in rows]
        with self._lock:
            self._measure(titles)
        # read unlocked: widths are only ever added, and these titles are in
        return CardSet(events, spans, rows, self._widths)

    def _measure(self, titles: Sequence[str]) -> None:
        """A card's width is its title's: the sum of the characters' advances, 7x faster than
        measuring each title, which matters for a big folder (the few pixels of kerning are in
        the card's margin). Font metrics work on any thread: Qt keeps a font cache per thread."""
        widths = self._widths
        missing = set(titles).difference(widths)
        if not missing:
            return
        metrics = QFontMetricsF(self._font)
        advance = self._advances
        for title in missing:
            for ch in set(title).difference(advance):
                advance[ch] = metrics.horizontalAdvance(ch)
            widths[title] = min(max(sum(map(advance.__getitem__, title)) + CARD_PADDING_W,
                                    CARD_MIN_W), CARD_MAX_W)
