"""A small dialog to set an article's publication date by hand."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from timeline_app.core.extract import DocumentResult


class ArticleDateDialog(QDialog):
    """Shows what the article states (or what was inferred) and lets the user pick a date."""

    def __init__(self, result: DocumentResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Set article date")
        article, ref = result.article, result.reference
        stated = article.published.isoformat() if article.published else "date unknown"
        how = f"{ref.date} ({ref.source}: {ref.how})" if ref.date else "none"
        explanation = QLabel(
            f"<b>{html.escape(article.title)}</b><br>Published: {html.escape(stated)}<br>"
            f"Relative dates resolved against: {html.escape(how)}<br><br>Publication date to use:")
        explanation.setTextFormat(Qt.TextFormat.RichText)
        explanation.setWordWrap(True)
        self.editor = QDateEdit()
        self.editor.setCalendarPopup(True)
        self.editor.setDisplayFormat("yyyy-MM-dd")
        initial = ref.date or date.today()
        self.editor.setDate(QDate(initial.year, initial.month, initial.day))
        self.editor.setAccessibleName("Publication date")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)

    def chosen(self) -> date:
        d = self.editor.date()
        return date(d.year(), d.month(), d.day())
