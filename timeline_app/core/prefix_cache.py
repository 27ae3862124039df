"""A disk cache for the scanner's prefix trie, so that a new process starts tagging fast.

Reading the prefixes each rule can begin with out of the regex parser's tree takes about 0.3 s
for the English rules; the trie they make loads from a pickle in 30 ms. Entries live in the user
cache folder (platformdirs), keyed by a hash of the rules' patterns and the scanner's settings:
a changed rule is a new key. A cache that cannot be read or written is ignored, never fatal.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FORMAT = "1"  # bump when what is cached changes shape


def cache_dir() -> Path:
    """The folder for scanner tables (beside the extraction cache)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("timeline_app", appauthor=False)) / "scanner"


def key_of(parts: Iterable[str]) -> str:
    """A hex key for these strings (rule patterns and settings), in order."""
    digest = hashlib.sha256(FORMAT.encode())
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def load(key: str, folder: Path | None = None) -> Any | None:
    """The value stored under ``key``, or None (absent, unreadable or damaged)."""
    try:
        data = ((folder or cache_dir()) / f"{key}.pickle").read_bytes()
        return pickle.loads(data)  # our own cache folder, written by ``store``
    except Exception:  # missing, unreadable, truncated or from an incompatible version
        return None


def store(key: str, value: Any, folder: Path | None = None) -> None:
    """Write ``value`` under ``key`` atomically; errors (read-only disk, ...) are ignored."""
    folder = folder or cache_dir()
    written: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as out:
            written = out.name
            out.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(written, folder / f"{key}.pickle")
    except Exception:  # a read-only or full disk: the next process builds the trie again
        if written is not None:
            with contextlib.suppress(OSError):
                os.unlink(written)
