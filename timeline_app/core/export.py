"""Timelines written out for other tools: CSV (a spreadsheet), JSON (this app's own) and
TimelineJS (Knight Lab's publishing format, to put the timeline on a web page).

Qt-free: the window's File > Export and the ``timeline-app timeline --format`` option both
write through :func:`write_timeline`.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TextIO

from timeline_app.core.ingest import outlet_of
from timeline_app.core.labels import date_label
from timeline_app.core.timeline import Timeline, TimelineEvent

FORMATS = ("csv", "json", "timelinejs")
CSV_COLUMNS = ("date", "earliest", "latest", "granularity", "approximate", "title", "date_phrase",
               "snippet", "sources", "outlets", "articles", "paths", "conflict")
SNIPPET_LIMIT = 600  # characters of a snippet in a TimelineJS slide


def format_for(path: Path, default: str = "json") -> str:
    """The export format a file name asks for: ``.csv``, ``.timelinejs.json`` (or a name
    with "timelinejs" in it), else ``.json``."""
    name = path.name.lower()
    if name.endswith(".csv"):
        return "csv"
    if "timelinejs" in name:
        return "timelinejs"
    return "json" if name.endswith(".json") else default


def write_timeline(timeline: Timeline, out: TextIO, fmt: str,
                   events: Iterable[TimelineEvent] | None = None, title: str = "Timeline") -> int:
    """Write ``events`` (default: all of the timeline's, in timeline order) in ``fmt``;
    returns how many were written."""
    chosen = list(timeline.events if events is None else events)
    if fmt == "csv":
        _write_csv(chosen, out)
    elif fmt == "timelinejs":
        json.dump(timelinejs(chosen, title), out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "json":
        whole = timeline.as_json()
        if events is not None:
            whole["events"] = [e.as_json() for e in chosen]
        json.dump(whole, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    return len(chosen)


def export_text(timeline: Timeline, fmt: str, events: Iterable[TimelineEvent] | None = None) -> str:
    """:func:`write_timeline` into a string."""
    buffer = io.StringIO()
    write_timeline(timeline, buffer, fmt, events)
    return buffer.getvalue()


def _write_csv(events: list[TimelineEvent], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for event in events:
        d = event.primary.event.date
        articles = [s.article for s in event.sources]
        writer.writerow([
            date_label(d), d.earliest.isoformat(), d.latest.isoformat(), d.granularity,
            "yes" if d.approximate else "no", event.title, d.text,
            " ".join(event.primary.event.snippet.split()), len(event.sources),
            "; ".join(dict.fromkeys(outlet_of(a) for a in articles)),
            "; ".join(dict.fromkeys(a.title for a in articles)),
            "; ".join(dict.fromkeys(a.path for a in articles)),
            "yes" if event.conflict else "no"])


def _tjs_date(day: date, granularity: str, display: str | None = None) -> dict[str, object]:
    """A TimelineJS date object, as precise as the event's date."""
    out: dict[str, object] = {"year": day.year}
    if granularity not in ("year", "decade", "century", "millennium"):
        out["month"] = day.month
        if granularity in ("day", "partofday", "minute", "hour"):
            out["day"] = day.day
    if display:
        out["display_date"] = display
    return out


def timelinejs(events: list[TimelineEvent], title: str = "Timeline") -> dict[str, object]:
    """The events as a TimelineJS 3 document (``{"title": ..., "events": [...]}``): one slide
    each, its text the snippet (HTML-escaped) and the articles that reported it; a period
    gets an end date; an outlet is the slide's group."""
    slides = []
    for event in events:
        primary = event.primary
        d = primary.event.date
        snippet = " ".join(primary.event.snippet.split())
        if len(snippet) > SNIPPET_LIMIT:
            snippet = snippet[:SNIPPET_LIMIT].rsplit(" ", 1)[0] + "…"
        sources = "".join(f"<li>{html.escape(s.article.title)}"
                          + (f" ({html.escape(s.article.source)})" if s.article.source else "")
                          + "</li>" for s in event.sources)
        slide: dict[str, object] = {
            "start_date": _tjs_date(d.earliest, d.granularity, date_label(d)),
            "text": {"headline": html.escape(event.title),
                     "text": f"<p>{html.escape(snippet)}</p><ul>{sources}</ul>"},
            "unique_id": event.id,
        }
        end = _tjs_date(d.latest, d.granularity)
        if end != _tjs_date(d.earliest, d.granularity):  # a period ("1946–1948"), not one unit
            slide["end_date"] = end
        if primary.article.source:
            slide["group"] = primary.article.source
        slides.append(slide)
    return {"title": {"text": {"headline": html.escape(title),
                               "text": f"<p>{len(slides)} events</p>"}},
            "events": slides}
