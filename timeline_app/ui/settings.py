"""Small persistent preferences (QSettings): the recently opened folders."""

from __future__ import annotations

from PySide6.QtCore import QSettings

RECENT_KEY = "recentFolders"
RECENT_LIMIT = 10


def _settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     "timeline_app", "timeline_app")


def recent_folders() -> list[str]:
    """Most recent first."""
    value = _settings().value(RECENT_KEY, [])
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value]
    return []


def remember_recent_folders(folders: list[str]) -> None:
    recent = [f for f in folders if f] + [f for f in recent_folders() if f not in folders]
    _settings().setValue(RECENT_KEY, recent[:RECENT_LIMIT])
