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


def test_merging_ahead_delivers_nothing_and_a_later_build_only_merges_the_rest(
        qtbot, results: list[DocumentResult]) -> None:  # type: ignore[no-untyped-def]
    from timeline_app.core.timeline import build_timeline, canonical_order

    ordered = sorted(results, key=canonical_order)
    builder = TimelineBuilder()
    delivered: list[object] = []
    builder.built.connect(lambda *args: delivered.append(args))
    merged: list[int] = []
    real_add = builder._merger.add
    builder._merger.add = lambda result, between=None: (merged.append(1), real_add(result, between))  # type: ignore[method-assign]
    half = len(ordered) // 2
    builder.merge_ahead(ordered[:half])
    assert not builder.busy()  # merging ahead is not a build: previews may still be asked for
    qtbot.waitUntil(lambda: len(builder._merger.results) == half, timeout=20000)
    assert not delivered and len(merged) == half
    with qtbot.waitSignal(builder.built, timeout=20000) as got:
        builder.request(ordered)
    assert len(merged) == len(ordered)  # the first half was not merged again
    expected = build_timeline(results)
    assert [[s.order for s in e.sources] for e in got.args[0].events] == \
        [[s.order for s in e.sources] for e in expected.events]


def test_merging_ahead_out_of_merge_order_is_left_to_the_build(
        qtbot, results: list[DocumentResult]) -> None:  # type: ignore[no-untyped-def]
    import time

    from timeline_app.core.timeline import canonical_order

    ordered = sorted(results, key=canonical_order)
    builder = TimelineBuilder()
    builder.merge_ahead(ordered[1:])
    qtbot.waitUntil(lambda: len(builder._merger.results) == len(ordered) - 1, timeout=20000)
    builder.merge_ahead(ordered)  # an article before the merged ones: not an extension
    time.sleep(0.2)
    assert len(builder._merger.results) == len(ordered) - 1


def test_a_card_with_a_short_title_has_room_for_its_date_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFont

    from timeline_app.ui.cards import CARD_MIN_W, CardMaker

    maker = CardMaker(QFont())
    maker._measure(["It rained", "A much longer title that needs its own width to be read"])
    assert maker._widths["It rained"] == CARD_MIN_W
    assert maker._widths["A much longer title that needs its own width to be read"] > CARD_MIN_W
