"""The timeline builder: merges off the GUI thread, prepares what the views need, and keeps
the garbage collector from walking the merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.core.extract import DocumentResult, extract
from timeline_app.core.ingest import read_articles
from timeline_app.core.timeline import Timeline
from timeline_app.ui import long_lived, timeline_builder
from timeline_app.ui.timeline_builder import TimelineBuilder

DATA = Path(__file__).resolve().parents[1] / "data" / "same_story"


@pytest.fixture(scope="module")
def results() -> list[DocumentResult]:
    return [extract(a) for p in sorted(DATA.iterdir()) for a in read_articles(p)]


def test_a_build_brings_what_prepare_made_of_it_on_the_worker_thread(
        qtbot, results: list[DocumentResult]) -> None:  # type: ignore[no-untyped-def]
    import threading

    threads: list[str] = []

    def prepare(timeline: Timeline) -> tuple[str, int]:
        threads.append(threading.current_thread().name)
        return "cards", len(timeline.events)

    builder = TimelineBuilder(prepare=prepare)
    with qtbot.waitSignal(builder.built, timeout=20000) as got:
        builder.request(results)
    timeline, generation, prepared = got.args
    assert generation == builder.generation and timeline.events
    assert prepared == ("cards", len(timeline.events))
    assert threads == ["timeline-builder"]


def test_a_failing_prepare_still_delivers_the_timeline(qtbot, results: list[DocumentResult]) -> None:  # type: ignore[no-untyped-def]
    def prepare(timeline: Timeline) -> object:
        raise RuntimeError("no cards")

    builder = TimelineBuilder(prepare=prepare)
    with qtbot.waitSignal(builder.built, timeout=20000) as got:
        builder.request(results)
    assert got.args[0].events and got.args[2] is None


def test_merging_freezes_what_it_built_every_few_articles(qtbot, monkeypatch: pytest.MonkeyPatch,
                                                          results: list[DocumentResult]) -> None:  # type: ignore[no-untyped-def]
    settled: list[int] = []
    monkeypatch.setattr(timeline_builder, "SETTLE_EVERY_S", 0.0)
    monkeypatch.setattr(long_lived, "settle", lambda: settled.append(1))
    builder = TimelineBuilder()
    with qtbot.waitSignal(builder.built, timeout=20000):
        builder.request(results)
    assert len(settled) >= len(results) + 3  # one per article, and around building and preparing
