"""The headless commands, run as a user would."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from timeline_app import cli


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(list(args), out=out)
    return code, out.getvalue()


def test_extract_jsonl_one_line_per_document(seeds: Path) -> None:
    code, out = run("extract", str(seeds), "--format", "jsonl")
    docs = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(docs) == 2
    for doc in docs:
        assert set(doc) >= {"path", "title", "published", "reference", "timexes", "events"}
        text = Path(doc["path"]).read_text(encoding="utf-8")
        for t in doc["timexes"]:
            assert text[t["start"]:t["end"]] == t["text"]


def test_extract_json_with_dct(seeds: Path) -> None:
    code, out = run("extract", "--dct", "2020-10-28", "--format", "json",
                    str(seeds / "000_ec34dd9c0ad227e2.txt"))
    [doc] = json.loads(out)
    assert doc["reference"] == {"date": "2020-10-28", "source": "dct-option"}
    assert doc["published"] is None


def test_timeline_json(seeds: Path) -> None:
    code, out = run("timeline", str(seeds), "--format", "json")
    data = json.loads(out)
    assert code == 0 and len(data["articles"]) == 2
    starts = [e["date"]["earliest"] for e in data["events"]]
    assert starts == sorted(starts)
    for event in data["events"]:
        assert event["sources"] and event["id"]


def test_bad_file_reported_others_processed(tmp_path: Path, seeds: Path,
                                            capsys: object) -> None:
    (tmp_path / "good.txt").write_text((seeds / "003_0db983b70f3f1a4d.txt").read_text())
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\xff" * 100)
    result = subprocess.run([sys.executable, "-m", "timeline_app", "extract", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    assert "empty.txt: empty file" in result.stderr
    assert "bin.txt: binary" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_path_is_an_error() -> None:
    code, out = run("extract", "/no/such/folder")
    assert code == 1 and out == ""


def test_the_size_limit_is_configurable(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text("The vote was held on May 3, 2021. " * 100, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "timeline_app", "extract", "--max-file-mb", "0.001",
                           str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "too large (0.0 MB > 0.001 MB limit)" in proc.stderr


def test_a_partly_broken_json_lines_file_gives_its_good_articles(tmp_path: Path) -> None:
    (tmp_path / "dump.jsonl").write_text(
        json.dumps({"title": "One", "text": "Elections were held on March 3, 2020."})
        + '\n{"title": "cut off\n'
        + json.dumps({"title": "Two", "text": "On 4 July 1999 it rained."}) + "\n")
    result = subprocess.run([sys.executable, "-m", "timeline_app", "extract", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert [json.loads(line)["title"] for line in result.stdout.splitlines()] == ["One", "Two"]
    assert "dump.jsonl: malformed JSON Lines, 1 line(s) skipped (line 2:" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unexpected_error_in_one_file_is_reported_and_the_run_goes_on(
        tmp_path: Path, seeds: Path, monkeypatch: object, capsys: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    (tmp_path / "a.txt").write_text((seeds / "003_0db983b70f3f1a4d.txt").read_text())
    (tmp_path / "b.txt").write_text((seeds / "003_0db983b70f3f1a4d.txt").read_text())
    real = cli.read_articles

    def flaky(path: Path, max_bytes: int) -> list[object]:
        if path.name == "a.txt":
            raise RuntimeError("a bug")
        return real(path, max_bytes)

    monkeypatch.setattr(cli, "read_articles", flaky)
    code, out = run("extract", str(tmp_path))
    assert code == 1 and len(out.splitlines()) == 1
    assert "a.txt: internal error: RuntimeError: a bug" in capsys.readouterr().err  # type: ignore[attr-defined]


def test_a_news_api_dump_gives_each_articles_title_source_date_and_url(tmp_path: Path) -> None:
    dump = {"status": "ok", "articles": [
        {"source": {"name": "Reuters"}, "title": "Rates held", "url": "https://example.com/a",
         "publishedAt": "2026-11-19T14:05:00Z",
         "content": "The bank may cut in the first quarter of next year."}]}
    (tmp_path / "news.json").write_text(json.dumps(dump), encoding="utf-8")
    code, out = run("extract", "--format", "jsonl", str(tmp_path))
    article = json.loads(out.splitlines()[0])
    assert code == 0
    assert (article["title"], article["source"], article["published"], article["url"]) == (
        "Rates held", "Reuters", "2026-11-19", "https://example.com/a")
    assert [(t["text"], t["value"]) for t in article["timexes"]] == [
        ("the first quarter of next year", "2027-Q1")]
