"""Start the Qt application: ``timeline-app [FOLDER ...]`` (the bundled seeds by default)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from timeline_app import __version__
from timeline_app.core.cache import ExtractionCache, default_cache_path
from timeline_app.core.pipeline import Pipeline
from timeline_app.resources import seeds_dir, style_path


def load_style() -> str:
    """The application style sheet, fragments of resources/styles in name order."""
    folder = style_path("")
    if not folder.is_dir():
        return ""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.qss")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="timeline-app",
                                     description="Open a folder of news articles as a timeline. "
                                     "Headless: timeline-app extract|timeline --help")
    parser.add_argument("folders", nargs="*", type=Path,
                        help="folders or files to open (default: the bundled sample articles)")
    parser.add_argument("--version", action="version", version=f"timeline-app {__version__}")
    args, qt_args = parser.parse_known_args(argv)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("timeline-app")
    app.setApplicationDisplayName("Timeline")
    app.setStyleSheet(load_style())
    from timeline_app.ui.main_window import MainWindow

    window = MainWindow(Pipeline(cache=ExtractionCache(default_cache_path()), timexes=False))
    if window.loader.pipeline.cache and window.loader.pipeline.cache.problem:
        window.statusBar().showMessage(window.loader.pipeline.cache.problem, 10000)
    window.show()
    window.open_paths(args.folders or [seeds_dir()])
    return app.exec()
