"""Headless commands: ``timeline-app extract`` and ``timeline-app timeline``.

``extract`` prints one JSON object per document (``--format jsonl`` streams a line as soon as a
document is done; ``json`` prints an array). ``timeline`` prints the merged, ordered timeline.
Problems with a file go to stderr with the reason; the others are still processed, and the exit
status is 1 when any file failed. Qt-free.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TextIO

from timeline_app.core.export import write_timeline
from timeline_app.core.extract import DocumentResult, extract
from timeline_app.core.ingest import (
    MAX_BYTES,
    ArticleError,
    PartlyRead,
    iter_files,
    read_articles,
)
from timeline_app.core.tagger import default_tagger
from timeline_app.core.timeline import build_timeline


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline-app",
                                     description="News articles to a timeline of what happened when.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("extract", "temporal expressions and events of each document"),
                            ("timeline", "the merged, ordered timeline of all documents")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                       help="article files or folders (read recursively)")
        p.add_argument("--dct", type=_date, default=None,
                       help="reference date (YYYY-MM-DD) for every input")
        p.add_argument("--format", choices=("json", "jsonl") if name == "extract" else
                       ("json", "jsonl", "csv", "timelinejs"),
                       default="jsonl" if name == "extract" else "json",
                       help=None if name == "extract" else
                       "csv: one row per event; timelinejs: a TimelineJS 3 document")
        p.add_argument("--max-file-mb", type=float, default=MAX_BYTES / 1e6, metavar="MB",
                       help="skip (and report) files larger than this (default %(default)g; "
                            "also TIMELINE_MAX_FILE_MB)")
    return parser


def iter_results(paths: list[Path], dct: date | None, errors: TextIO,
                 max_bytes: int = MAX_BYTES) -> Iterator[DocumentResult]:
    """Extract every article under ``paths``, reporting unreadable files on ``errors``."""
    tagger = default_tagger()
    for path, problem in iter_files(paths):
        if problem:
            print(f"timeline-app: {path}: {problem}", file=errors)
            raise_flag.failed = True
            continue
        try:
            articles = read_articles(path, max_bytes)
        except PartlyRead as exc:  # report what was skipped, extract what was read
            print(f"timeline-app: {path}: {exc}", file=errors)
            raise_flag.failed = True
            articles = exc.articles
        except ArticleError as exc:
            print(f"timeline-app: {path}: {exc}", file=errors)
            raise_flag.failed = True
            continue
        except Exception as exc:  # a bug must not stop the run: report it as the file's problem
            print(f"timeline-app: {path}: internal error: {type(exc).__name__}: {exc}",
                  file=errors)
            raise_flag.failed = True
            continue
        for article in articles:
            try:
                result = extract(article, tagger=tagger, reference=dct)
            except Exception as exc:  # as above, for one article
                print(f"timeline-app: {article.path}: internal error: "
                      f"{type(exc).__name__}: {exc}", file=errors)
                raise_flag.failed = True
                continue
            yield result


class _Flag:
    failed = False


raise_flag = _Flag()


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    """Run a headless command; returns the exit status."""
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    raise_flag.failed = False
    results = iter_results(args.paths, args.dct, sys.stderr, int(args.max_file_mb * 1e6))
    try:
        if args.command == "extract":
            if args.format == "jsonl":
                for result in results:
                    out.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
                    out.flush()
            else:
                json.dump([r.as_json() for r in results], out, ensure_ascii=False)
                out.write("\n")
        else:
            timeline = build_timeline(results)
            if args.format in ("csv", "timelinejs"):
                write_timeline(timeline, out, args.format)
            elif args.format == "jsonl":
                for event in timeline.events:
                    out.write(json.dumps(event.as_json(), ensure_ascii=False) + "\n")
            else:
                json.dump(timeline.as_json(), out, ensure_ascii=False)
                out.write("\n")
    except BrokenPipeError:
        return 1
    return 1 if raise_flag.failed else 0
