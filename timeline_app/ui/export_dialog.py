"""File > Export Timeline…: the events shown (the filter applied) to a CSV, JSON or TimelineJS
file (the writing is :mod:`timeline_app.core.export`'s)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from timeline_app.core.export import format_for, write_timeline
from timeline_app.core.timeline import Timeline, TimelineEvent

# the save dialog's file types, and the format each writes
FILE_TYPES = {
    "CSV, for a spreadsheet (*.csv)": "csv",
    "TimelineJS, for a web page (*.timelinejs.json)": "timelinejs",
    "JSON, every field (*.json)": "json",
}
SUFFIXES = {"csv": ".csv", "timelinejs": ".timelinejs.json", "json": ".json"}


def save_events(path: Path, fmt: str, timeline: Timeline, events: Sequence[TimelineEvent],
                title: str) -> int:
    """Write ``events`` to ``path`` in ``fmt`` (UTF-8); returns how many. Raises OSError."""
    with path.open("w", encoding="utf-8", newline="") as out:  # csv writes its own line ends
        return write_timeline(timeline, out, fmt, events, title)


def export_events(parent: QWidget, timeline: Timeline, events: Sequence[TimelineEvent],
                  title: str, folder: Path | None = None) -> tuple[Path, int] | None:
    """Ask where to save ``events`` and in which format, then save them; returns the file and
    the number written, or None if the user cancelled or writing failed (said in a box)."""
    start = str((folder or Path.home()) / f"{title or 'timeline'}.csv")
    chosen, file_type = QFileDialog.getSaveFileName(parent, "Export Timeline", start,
                                                    ";;".join(FILE_TYPES))
    if not chosen:
        return None
    path = Path(chosen)
    fmt = FILE_TYPES.get(file_type) or format_for(path)
    if not path.name.lower().endswith(SUFFIXES[fmt]) and format_for(path, "") != fmt:
        path = path.with_name(path.name + SUFFIXES[fmt])
    try:
        count = save_events(path, fmt, timeline, events, title)
    except OSError as exc:
        QMessageBox.warning(parent, "Export failed", f"Could not write {path}:\n{exc.strerror or exc}")
        return None
    return path, count
