"""The core is Qt-free: importing it never loads PySide6 (checked in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "timeline_app" / "core"


def test_core_does_not_import_qt() -> None:
    modules = [f"timeline_app.core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__"]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "import timeline_app.cli\n"
            + "bad = [m for m in sys.modules if m.startswith(('PySide6', 'timeline_app.ui'))]\n"
            + "assert not bad, bad\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_core_sources_never_mention_qt() -> None:
    for path in CORE.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "timeline_app.ui" not in text, path
