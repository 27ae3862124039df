"""Tagger speed: documents per second for our tagger and for dateparser's search_dates.

Reads the TimeML documents of a folder (default: ../shared/data/tempeval3-train, read in
place, never copied), tags every document's text with its document creation time, and prints
documents/second for ``Tagger.tag`` (one core, cold first pass and warm passes) and for
``dateparser.search.search_dates(text, languages=['en'])`` on the same texts, in the same run.
It also times a fresh ``timeline-app extract`` process on one document (start-up included).

    python benchmarks/tagger.py [--data DIR] [--passes 3] [--baseline-docs N] [--json]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "tempeval3-train"
_TAG = re.compile(r"<[^>]+>")


def load_documents(folder: Path) -> list[tuple[str, date | None]]:
    """(plain text, creation date) of every .tml file under ``folder``."""
    docs = []
    for path in sorted(folder.rglob("*.tml")):
        markup = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*?)</TEXT>", markup, re.S)
        dct = re.search(r'<DCT>.*?value="(\d{4}-\d\d-\d\d)', markup, re.S)
        if body:
            text = html.unescape(_TAG.sub("", body.group(1)))
            docs.append((text, date.fromisoformat(dct.group(1)) if dct else None))
    return docs


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def time_tagger(docs: list[tuple[str, date | None]], passes: int) -> dict[str, float]:
    from timeline_app.core.tagger import Tagger

    t0 = time.perf_counter()
    tagger = Tagger()
    load_s = time.perf_counter() - t0
    timings = []
    found = 0
    for _ in range(passes):
        t0 = time.perf_counter()
        found = sum(len(tagger.tag(text, dct)) for text, dct in docs)
        timings.append(time.perf_counter() - t0)
    return {"rules_load_s": load_s, "cold_docs_per_s": rate(len(docs), timings[0]),
            "warm_docs_per_s": rate(len(docs), statistics.median(timings[1:] or timings)),
            "timexes": found}


def time_search_dates(docs: list[tuple[str, date | None]]) -> dict[str, float]:
    from dateparser.search import search_dates

    search_dates("warm up on Monday", languages=["en"])
    t0 = time.perf_counter()
    found = 0
    for text, dct in docs:
        settings = {"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)} if dct else {}
        found += len(search_dates(text, languages=["en"], settings=settings) or [])
    return {"docs_per_s": rate(len(docs), time.perf_counter() - t0), "dates": found}


def time_fresh_process(text: str, dct: date | None) -> float:
    """Seconds from starting ``timeline-app extract`` to its output of one tagged document."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.txt"
        path.write_text(text, encoding="utf-8")
        args = [sys.executable, "-m", "timeline_app", "extract", "--format", "json", str(path)]
        if dct:
            args[4:4] = ["--dct", dct.isoformat()]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        t0 = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env=env)
        return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--passes", type=int, default=3, help="passes over the documents (first is cold)")
    ap.add_argument("--baseline-docs", type=int, default=0,
                    help="time search_dates on the first N documents only (0 = all)")
    ap.add_argument("--json", action="store_true", help="end with one JSON line of the figures")
    args = ap.parse_args()
    docs = load_documents(args.data)
    if not docs:
        print(f"no .tml documents under {args.data}", file=sys.stderr)
        return 2
    chars = sum(len(t) for t, _ in docs)
    print(f"{len(docs)} documents, {chars} characters, from {args.data}")
    ours = time_tagger(docs, max(1, args.passes))
    print(f"timeline_app tagger: rules loaded in {ours['rules_load_s']:.2f} s; "
          f"{ours['cold_docs_per_s']:.0f} docs/s cold (first pass), "
          f"{ours['warm_docs_per_s']:.0f} docs/s warm; {ours['timexes']} expressions")
    baseline_docs = docs[:args.baseline_docs] if args.baseline_docs else docs
    base = time_search_dates(baseline_docs)
    print(f"dateparser search_dates: {base['docs_per_s']:.1f} docs/s on {len(baseline_docs)} "
          f"documents; {base['dates']} dates")
    ratio = ours["warm_docs_per_s"] / base["docs_per_s"]
    print(f"speed-up: {ratio:.1f}x (warm), {ours['cold_docs_per_s'] / base['docs_per_s']:.1f}x (cold)")
    fresh = time_fresh_process(*docs[0])
    print(f"fresh process to first tagged document: {fresh:.2f} s")
    if args.json:
        print(json.dumps({"docs": len(docs), "tagger_docs_per_s": round(ours["warm_docs_per_s"], 1),
                          "tagger_cold_docs_per_s": round(ours["cold_docs_per_s"], 1),
                          "search_dates_docs_per_s": round(base["docs_per_s"], 2),
                          "speedup": round(ratio, 1), "first_document_s": round(fresh, 3)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
