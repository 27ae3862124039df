"""Timelines written out: CSV rows, TimelineJS slides, the app's JSON, and the CLI option."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from timeline_app.cli import main
from timeline_app.core.export import CSV_COLUMNS, export_text, format_for, timelinejs
from timeline_app.core.extract import extract
from timeline_app.core.ingest import Article
from timeline_app.core.timeline import Timeline, build_timeline

TEXT = ("Bridge\n\nThe bridge opened on 12 March 1889. It was closed for repairs from 1946 until "
        "1948. The <b>council</b> met last month & voted.")


def _timeline() -> Timeline:
    article = Article("b.txt", TEXT, "Bridge", None, None, "Harbour News", None, 8)
    return build_timeline([extract(article, reference=date(2026, 11, 18))])


def test_csv_has_one_row_per_event_in_timeline_order() -> None:
    rows = list(csv.DictReader(io.StringIO(export_text(_timeline(), "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["date"], r["earliest"], r["latest"], r["title"]) for r in rows] == [
        ("12 Mar 1889", "1889-03-12", "1889-03-12", "The bridge opened"),
        ("1946–1948", "1946-01-01", "1948-12-31", "It was closed for repairs"),
        ("Oct 2026", "2026-10-01", "2026-10-31", "The <b>council</b> met & voted")]
    assert {r["outlets"] for r in rows} == {"Harbour News"}
    assert rows[2]["date_phrase"] == "last month"


def test_timelinejs_slides_keep_precision_periods_and_escape_text() -> None:
    doc = timelinejs(_timeline().events, "Bridge <history>")
    assert doc["title"]["text"]["headline"] == "Bridge &lt;history&gt;"  # type: ignore[index]
    first, period, month = doc["events"]  # type: ignore[misc]
    assert first["start_date"] == {"year": 1889, "month": 3, "day": 12, "display_date": "12 Mar 1889"}
    assert "end_date" not in first and "end_date" not in month
    assert period["end_date"] == {"year": 1948}
    assert month["start_date"]["month"] == 10 and "day" not in month["start_date"]
    assert month["text"]["headline"] == "The &lt;b&gt;council&lt;/b&gt; met &amp; voted"
    assert "<li>Bridge (Harbour News)</li>" in month["text"]["text"]
    assert first["group"] == "Harbour News"


def test_json_export_is_the_timeline_and_a_subset_can_be_chosen() -> None:
    timeline = _timeline()
    whole = json.loads(export_text(timeline, "json"))
    assert len(whole["events"]) == 3 and whole["articles"][0]["path"] == "b.txt"
    one = json.loads(export_text(timeline, "json", timeline.events[1:2]))
    assert [e["title"] for e in one["events"]] == ["It was closed for repairs"]


def test_the_file_name_chooses_the_format() -> None:
    assert [format_for(Path(n)) for n in ("a.csv", "a.timelinejs.json", "a.json", "a.txt")] == [
        "csv", "timelinejs", "json", "json"]


def test_cli_timeline_writes_csv_and_timelinejs(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("date 2026-11-18\n\n" + TEXT)
    out = io.StringIO()
    assert main(["timeline", "--format", "csv", str(tmp_path)], out) == 0
    assert out.getvalue().splitlines()[0] == ",".join(CSV_COLUMNS)
    out = io.StringIO()
    assert main(["timeline", "--format", "timelinejs", str(tmp_path)], out) == 0
    assert len(json.loads(out.getvalue())["events"]) == 3
