"""Keeping the garbage collector off the loaded data, so it never freezes the window.

A loaded folder is hundreds of thousands of long-lived objects (articles, events, merge
groups). Python's full collections walk every one of them, holding the interpreter lock for
100-250 ms at 1,000 articles, and a loader or builder thread triggers them while it allocates:
the GUI thread then stalls. :func:`settle` moves every object alive now into the collector's
permanent generation (``gc.freeze``): later collections only look at newer objects. The data
is tree-shaped (no reference cycles), so what is dropped later is still freed by reference
counting; only cyclic garbage already alive at a freeze would be kept.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Exempt every object alive now from future cyclic collections (cheap: O(1))."""
    gc.freeze()
