"""Imported once by the worker fork server before it forks any worker: prepares what every
worker needs (see :func:`~timeline_app.core.pipeline.prepare_fork_server`)."""

import contextlib

from timeline_app.core.priority import lower_priority

lower_priority()  # first: the imports below take a moment, beside the window starting

from timeline_app.core.pipeline import prepare_fork_server  # noqa: E402

# should preparing fail, each worker prepares what it needs itself: the server must start
with contextlib.suppress(Exception):
    prepare_fork_server()
