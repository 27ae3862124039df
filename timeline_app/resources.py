"""The one place that knows where the bundled resources and sample articles live.

In a source checkout (an editable install included) they sit beside the package at the
repository root; a wheel carries copies under ``timeline_app/_data``. Qt-free.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[0]


def resources_dir() -> Path:
    """The ``resources/`` folder (rules, styles, icons)."""
    return _first_existing(_PACKAGE.parent / "resources", _PACKAGE / "_data" / "resources")


def seeds_dir() -> Path:
    """The bundled sample articles opened when the app starts without a folder."""
    return _first_existing(_PACKAGE.parent / "seeds", _PACKAGE / "_data" / "seeds")


def rules_dir(language: str = "en") -> Path:
    """Rule data for one language."""
    return resources_dir() / "rules" / language


def merge_synonyms_path() -> Path:
    """Word groups that mean one happening, used when merging reports of an event."""
    return resources_dir() / "merge" / "synonyms.yaml"


def merge_opposites_path() -> Path:
    """Pairs of words that make two reports opposite happenings."""
    return resources_dir() / "merge" / "opposites.yaml"


def merge_stopwords_path() -> Path:
    """Words too common to tell two reports apart."""
    return resources_dir() / "merge" / "stopwords.yaml"


def style_path(name: str) -> Path:
    """A Qt style sheet fragment under ``resources/styles``."""
    return resources_dir() / "styles" / name
