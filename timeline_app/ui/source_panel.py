"""The source panel: an event's article, its snippet with the date phrase highlighted, and the
full article text scrolled to the same place. Article text is always shown as plain text."""

from __future__ import annotations

import html

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.timeline import Source, TimelineEvent
from timeline_app.ui.event_model import date_label

HIGHLIGHT = "#ffd54f"


class SourcePanel(QWidget):
    """Shows one event's sources; a selector switches between them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Source")
        self.heading = QLabel("Select an event to read its source")
        self.heading.setWordWrap(True)
        self.heading.setObjectName("sourceHeading")
        self.meta = QLabel("")
        self.meta.setWordWrap(True)
        self.meta.setObjectName("sourceMeta")
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
        layout.addWidget(self.meta)
        layout.addWidget(self.sources)
        layout.addWidget(QLabel("Snippet"))
        layout.addWidget(self.snippet)
        layout.addWidget(QLabel("Full article"))
        layout.addWidget(self.article, 1)
        self._event: TimelineEvent | None = None
        self._highlighted = ""
        self.sources.currentIndexChanged.connect(self._show_source_index)

    def show_event(self, event: TimelineEvent | None) -> None:
        """Display ``event`` (its first source), or clear the panel for None."""
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
            return
        for source in event.sources:
            self.sources.addItem(source.article.title)
        self.sources.setVisible(len(event.sources) > 1)
        self.sources.blockSignals(False)
        self._show_source(event.sources[0])

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
        self.meta.setText(
            f"Published: {html.escape(published)} · File: {html.escape(article.path)}<br>"
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
