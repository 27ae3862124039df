"""Regression: PySide6 6.12.0 on CPython < 3.12 drops None's refcount on void Qt calls."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter


def test_void_qt_calls_keep_none_refcount(qapp) -> None:  # type: ignore[no-untyped-def]
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        painter.drawRect(QRect(1, 1, 10, 10))
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 50, f"None refcount fell by {before - after}"
