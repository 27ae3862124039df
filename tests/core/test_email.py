"""Articles from e-mail: saved .eml messages and plain texts that open with mail headers."""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest

from timeline_app.core.extract import extract
from timeline_app.core.ingest import ArticleError, iter_files, read_articles

_TEXT_MAIL = """From: Priya Shah <priya.shah@example.org>
To: Finance Committee <finance@example.org>
Date: Mon, 16 Nov 2026 09:42:17 +0000
Subject: Re: Budget timetable - please read before Thursday

Draft proposals go to cabinet on 1 December. The final budget is due on 24 February.
"""


def test_a_message_saved_as_text_gives_subject_sender_and_date(tmp_path: Path) -> None:
    path = tmp_path / "budget.txt"
    path.write_text(_TEXT_MAIL, encoding="utf-8")
    [article] = read_articles(path)
    assert article.title == "Budget timetable - please read before Thursday"  # no "Re:"
    assert article.source == "Priya Shah"
    assert article.published == date(2026, 11, 16)
    assert article.published_source == "e-mail header"
    assert article.text[article.body_start:].startswith("Draft proposals")
    values = {e.date.text: e.date.value for e in extract(article).events}
    assert values == {"1 December": "2026-12-01", "24 February": "2027-02-24"}


def _eml(tmp_path: Path, html: bool = False, body: str = "The lights go on on Saturday 28 November.") -> Path:
    message = EmailMessage()
    message["From"] = '"Ashby Village News" <news@example.org>'
    message["To"] = "reader@example.org"
    message["Date"] = "Tue, 24 Nov 2026 23:30:00 -0500"  # the sender's day, not UTC's
    message["Subject"] = "=?utf-8?q?Caf=C3=A9_reopens_=E2=80=93_and_the_lights_go_on?="
    if html:
        message.set_content("<html><body><h1>News</h1><p>" + body + "</p><p>" + body.replace(
            "lights", "tree") + "</p></body></html>", subtype="html")
    else:
        message.set_content(body)
    path = tmp_path / "news.eml"
    path.write_bytes(bytes(message))
    return path


def test_an_eml_file_is_read_with_its_encoded_subject(tmp_path: Path) -> None:
    path = _eml(tmp_path)
    assert [p for p, _ in iter_files([tmp_path])] == [path]  # .eml files are picked up
    [article] = read_articles(path)
    assert article.title == "Café reopens – and the lights go on"
    assert article.source == "Ashby Village News"
    assert article.published == date(2026, 11, 24)
    assert article.text.startswith("From: ")  # the header block a mail client shows
    assert article.text[article.body_start:].strip() == "The lights go on on Saturday 28 November."
    [event] = extract(article).events
    assert (event.date.value, event.snippet) == ("2026-11-28", "The lights go on on Saturday 28 November.")


def test_an_html_only_message_is_read_as_text(tmp_path: Path) -> None:
    [article] = read_articles(_eml(tmp_path, html=True))
    body = article.text[article.body_start:]
    assert "<p>" not in body and "Saturday 28 November" in body


def test_a_message_without_text_is_a_problem(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="without readable text"):
        read_articles(_eml(tmp_path, body=""))
    path = tmp_path / "junk.eml"
    path.write_bytes(b"\x00\x01\x02 not a message at all")
    with pytest.raises(ArticleError, match="binary"):
        read_articles(path)


def test_an_eml_file_without_mail_headers_is_read_as_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "note.eml"
    path.write_text("Notes from the walk\n\nWe set off on 3 May 2026 from the harbour.\n", encoding="utf-8")
    [article] = read_articles(path)
    assert article.title == "Notes from the walk"
    assert [e.date.value for e in extract(article).events] == ["2026-05-03"]


def test_key_lines_that_are_not_mail_headers_stay_a_header_of_their_own(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title: Budget day\nDate: 2026-11-16\nSource: Gazette\n\nIt rained on Monday.\n",
                    encoding="utf-8")
    [article] = read_articles(path)
    assert (article.title, article.source, article.published) == ("Budget day", "Gazette", date(2026, 11, 16))
