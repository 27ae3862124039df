"""The source panel: an event's article, its snippet with the date phrase highlighted, and the
full article text scrolled to the same place. Article text is always shown as plain text."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.extract import Reference
from timeline_app.core.timeline import Source, TimelineEvent
from timeline_app.ui.event_model import date_label

HIGHLIGHT = "#ffd54f"


class SourcePanel(QWidget):
    """Shows one event's sources; a selector switches between them.

    Signal ``date_change_requested(path)``: the user asked to set the shown article's date.
    """

    date_change_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Source")
        self.heading = QLabel("Select an event to read its source")
        self.heading.setWordWrap(True)
        self.heading.setObjectName("sourceHeading")
        self.meta = QLabel("")
        self.meta.setWordWrap(True)
        self.meta.setObjectName("sourceMeta")
        self.set_date_button = QPushButton("Set article date…")
        self.set_date_button.setToolTip("Give this article's publication date; its relative dates "
                                        "(\u201clast week\u201d, \u201cTuesday\u201d) are resolved again")
        self.set_date_button.setVisible(False)
        self.set_date_button.clicked.connect(self._request_date_change)
        self._references: dict[str, Reference] = {}
        self._article_path: str | None = None
        self.sources = QComboBox()
        self.sources.setAccessibleName("Sources of this event")
        self.sources.setVisible(False)
        self.snippet = QTextBrowser()
        self.snippet.setOpenLinks(False)
        self.snippet.setMaximumHeight(130)
        self.snippet.setAccessibleName("Snippet")
        self.article = QPlainTextEdit()
        self.article.setReadOnly(True)
        self.article.setAccessibleName("Full article")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.heading)
        meta_row = QHBoxLayout()
        meta_row.addWidget(self.meta, 1)
        meta_row.addWidget(self.set_date_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(meta_row)
        layout.addWidget(self.sources)
        layout.addWidget(QLabel("Snippet"))
        layout.addWidget(self.snippet)
        layout.addWidget(QLabel("Full article"))
        layout.addWidget(self.article, 1)
        self._event: TimelineEvent | None = None
        self._highlighted = ""
        self.sources.currentIndexChanged.connect(self._show_source_index)

    def set_references(self, references: dict[str, Reference]) -> None:
        """The reference date each article's relative dates were resolved against, by path."""
        self._references = references

    def _request_date_change(self) -> None:
        if self._article_path is not None:
            self.date_change_requested.emit(self._article_path)

    def _reference_text(self, path: str) -> str:
        ref = self._references.get(path)
        if ref is None or ref.date is None:
            return "relative dates unresolved (no date stated or inferred)"
        if ref.source == "inferred":
            return f"relative dates resolved against {ref.date} (inferred from the {ref.how})"
        if ref.source == "user":
            return f"relative dates resolved against {ref.date} (set by you)"
        return f"relative dates resolved against {ref.date} ({ref.source})"

    def show_event(self, event: TimelineEvent | None) -> None:
        """Display ``event`` (its primary source: the one it is dated and titled by), or clear
        the panel for None."""
        self._event = event
        self.sources.blockSignals(True)
        self.sources.clear()
        if event is None:
            self.heading.setText("Select an event to read its source")
            self.meta.setText("")
            self.snippet.clear()
            self.article.clear()
            self.sources.setVisible(False)
            self.sources.blockSignals(False)
            self._highlighted = ""
            self._article_path = None
            self.set_date_button.setVisible(False)
            return
        self.sources.addItems([source.article.title for source in event.sources])
        # the source the event is dated and titled by comes first
        self.sources.setCurrentIndex(event.sources.index(event.primary))
        self.sources.setVisible(len(event.sources) > 1)
        self.sources.blockSignals(False)
        self._show_source(event.primary)

    def _show_source_index(self, index: int) -> None:
        if self._event is not None and 0 <= index < len(self._event.sources):
            self._show_source(self._event.sources[index])

    def _show_source(self, source: Source) -> None:
        article, ev = source.article, source.event
        self.heading.setText(f"<b>{html.escape(article.title)}</b>")
        published = article.published.isoformat() if article.published else "date unknown"
        extra = ""
        if self._event is not None and self._event.conflict:
            extra = "<br><span style='color:#c0392b'>⚠ Sources disagree on the date</span>"
        self._article_path = article.path
        self.set_date_button.setVisible(True)
        self.meta.setText(
            f"Published: {html.escape(published)} · {html.escape(self._reference_text(article.path))}"
            f"<br>File: {html.escape(article.path)}<br>"
            f"When: {html.escape(date_label(self._event) if self._event else '')} "
            f"(“{html.escape(ev.date.text)}”: {ev.date.earliest} … {ev.date.latest}){extra}")
        snippet = article.text[ev.start:ev.end]
        s, e = ev.date.start - ev.start, ev.date.end - ev.start
        if not (0 <= s <= e <= len(snippet)):
            s = e = 0
        self._highlighted = snippet[s:e]
        self.snippet.setHtml(
            html.escape(snippet[:s]) + f"<span style='background:{HIGHLIGHT};color:black'>"
            f"<b>{html.escape(snippet[s:e])}</b></span>" + html.escape(snippet[e:]))
        self.article.setPlainText(article.text)
        self._highlight(ev.date.start, ev.date.end)

    def _highlight(self, start: int, end: int) -> None:
        doc_len = len(self.article.toPlainText())
        start, end = max(0, min(start, doc_len)), max(0, min(end, doc_len))
        cursor = QTextCursor(self.article.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(HIGHLIGHT))
        fmt.setForeground(QColor("black"))
        fmt.setFontWeight(700)
        cursor.mergeCharFormat(fmt)
        view_cursor = QTextCursor(self.article.document())
        view_cursor.setPosition(start)
        self.article.setTextCursor(view_cursor)
        self.article.centerCursor()

    def highlighted_text(self) -> str:
        """The date phrase highlighted in the snippet and the article ('' when none)."""
        return self._highlighted
