"""The priority extraction runs at outside the window's process."""

import contextlib
import os

WORKER_NICENESS = 10  # workers yield the processor to the window's process when it needs it


def lower_priority() -> None:
    """Run at :data:`WORKER_NICENESS` (the window stays responsive while every core extracts;
    the work is done as fast, at the moments the window is idle); once, however often called."""
    with contextlib.suppress(AttributeError, OSError):  # os.nice: POSIX only
        current = os.nice(0)
        if current < WORKER_NICENESS:
            os.nice(WORKER_NICENESS - current)
