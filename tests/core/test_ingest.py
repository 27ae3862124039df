"""Reading articles: header lines, front matter, JSON, HTML, file-name dates, bad files."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.ingest import (
    ArticleError,
    PartlyRead,
    file_stamps,
    iter_files,
    read_articles,
)


def test_seed_header_line_is_the_publication_date(seeds: Path) -> None:
    [article] = read_articles(seeds / "003_0db983b70f3f1a4d.txt")
    assert article.published == date(2021, 2, 5)
    assert article.published_source == "header"
    assert article.text[article.body_start:].startswith("Chrissy Teigen says")


def test_seed_without_date_says_so(seeds: Path) -> None:
    [article] = read_articles(seeds / "000_ec34dd9c0ad227e2.txt")
    assert article.published is None
    assert article.title.startswith("Chrissy Teigen wanted John Legend")
    assert article.source == "BANG Showbiz"  # the "Author:" line at its end


def test_front_matter(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: Flood hits town\ndate: 2020-05-09\nsource: Daily Post\n---\n"
                 "The river burst its banks on Tuesday.\n")
    [a] = read_articles(f)
    assert (a.title, a.published, a.published_source, a.source) == (
        "Flood hits town", date(2020, 5, 9), "front-matter", "Daily Post")
    assert a.text[a.body_start:].startswith("The river")


def test_filename_date(tmp_path: Path) -> None:
    f = tmp_path / "2021-02-05-storm.txt"
    f.write_text("A storm hit the coast on Tuesday.")
    [a] = read_articles(f)
    assert (a.published, a.published_source) == (date(2021, 2, 5), "filename")


def test_json_list(tmp_path: Path) -> None:
    f = tmp_path / "dump.json"
    f.write_text(json.dumps([
        {"headline": "One", "body": "It rained on Monday.", "publishedAt": "2020-05-12T10:00Z"},
        {"title": "Two", "content": "It snowed last week.", "date": "2020-05-13"},
    ]))
    articles = read_articles(f)
    assert [a.title for a in articles] == ["One", "Two"]
    assert articles[0].published == date(2020, 5, 12)
    assert articles[1].published_source == "json"


def test_json_lines_of_tweets_take_twitters_date_layout(tmp_path: Path) -> None:
    f = tmp_path / "tweets.jsonl"
    f.write_text(json.dumps({"created_at": "Wed Oct 10 20:19:24 +0000 2018",
                             "text": "Big storm hitting the coast tonight."}) + "\n")
    [article] = read_articles(f)
    assert article.published == date(2018, 10, 10)


def test_html_uses_metadata(tmp_path: Path) -> None:
    body = " ".join(["The council approved the new budget on Tuesday after a long debate."] * 8)
    f = tmp_path / "page.html"
    f.write_text(f"<html><head><title>Budget approved</title>"
                 f"<meta property='article:published_time' content='2020-03-04'></head>"
                 f"<body><nav>Home | News</nav><article><h1>Budget approved</h1><p>{body}</p>"
                 f"<script>alert(1)</script></article></body></html>")
    [a] = read_articles(f)
    assert a.published == date(2020, 3, 4)
    assert "alert(1)" not in a.text and "council approved" in a.text


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\n", "empty"),
    ("bin.txt", b"\x00\x01\x02binary\x00" * 50, "binary"),
    ("bad.json", b"{not json", "malformed JSON"),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ("zeros.txt", b"\x00\xff" * 100, "binary"),
    ("nobody.json", b'{"title": "x"}', "no article"),
])
def test_bad_files_are_reported(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(ArticleError, match=reason):
        read_articles(f)


def test_too_large(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("word " * 1000)
    with pytest.raises(ArticleError, match="too large"):
        read_articles(f, max_bytes=100)


def test_latin1_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Le café a ouvert en janvier 2020, à Zürich, près de la gare.".encode("latin-1"))
    [a] = read_articles(f)
    assert "café" in a.text


def test_iter_files_skips_hidden_and_reports_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("x")
    (tmp_path / "dead").symlink_to(tmp_path / "nowhere")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a link to itself
    found = {p.name: problem for p, problem in iter_files([tmp_path])}
    assert found["a.txt"] is None and found["b.md"] is None
    assert ".hidden.txt" not in found
    assert found["dead"] == "broken link"
    assert "loop" in (found["loop"] or "")
    assert found["self.txt"] == "link loop"
    assert [problem for _, problem in iter_files([tmp_path / "self.txt"])] == ["link loop"]


def test_file_stamps_list_article_files_with_size_and_mtime(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Plan\ndate 2021-02-05\n\nText.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.md").write_text("# B\n", encoding="utf-8")
    stamps = file_stamps([tmp_path, tmp_path / "missing"])
    assert set(stamps) == {tmp_path / "a.txt", sub / "b.md"}
    size, mtime_ns = stamps[sub / "b.md"]
    assert size == 4 and mtime_ns == (sub / "b.md").stat().st_mtime_ns


def test_an_impossible_front_matter_date_keeps_the_rest_of_the_front_matter(tmp_path: Path) -> None:
    f = tmp_path / "note.md"
    f.write_text('---\ntitle: "Bridge opens"\ndate: 2019-13-45\nsource: Gazette\n---\n'
                 "The bridge opened on 4 April 2019.\n")
    [a] = read_articles(f)
    assert (a.title, a.source, a.published) == ("Bridge opens", "Gazette", None)


def test_a_title_key_before_the_header_line_is_not_part_of_the_title(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("title: Council meets\ndate 2021-02-05\n\nThe council met on Monday.\n")
    [a] = read_articles(f)
    assert (a.title, a.published) == ("Council meets", date(2021, 2, 5))


def test_json_lines_with_a_broken_line_keep_the_good_lines(tmp_path: Path) -> None:
    f = tmp_path / "dump.jsonl"
    f.write_text(json.dumps({"title": "One", "text": "Elections were held on March 3, 2020."})
                 + '\n{"title": "cut off", "te\n'
                 + json.dumps({"title": "Two", "text": "On 4 July 1999 it rained."}) + "\n")
    with pytest.raises(PartlyRead, match="1 line.*line 2") as caught:
        read_articles(f)
    assert [a.title for a in caught.value.articles] == ["One", "Two"]


def test_json_fields_one_level_down_epoch_dates_and_objects_without_text(tmp_path: Path) -> None:
    f = tmp_path / "api.json"
    f.write_text(json.dumps([
        {"title": "Millis", "timestamp": 1763600000000, "text": "Officials met on Monday."},
        {"title": "Seconds", "published_at": 1763600000, "text": "Officials met on Monday."},
        {"title": "Nested", "meta": {"date": "2026-11-19T10:00:00+01:00"},
         "article": {"body": "It rained yesterday."}},
        {"name": "Created", "created": "2026-11-19", "description": "Markets fell."},
        {"title": "No text at all", "date": "2026-11-19"},
    ]))
    with pytest.raises(PartlyRead, match="1 JSON object.*skipped; 4 article") as caught:
        read_articles(f)
    assert [(a.title, a.published, a.text) for a in caught.value.articles] == [
        ("Millis", date(2025, 11, 20), "Officials met on Monday."),
        ("Seconds", date(2025, 11, 20), "Officials met on Monday."),
        ("Nested", date(2026, 11, 19), "It rained yesterday."),
        ("Created", date(2026, 11, 19), "Markets fell.")]


def test_utf16_without_a_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "windows.txt"
    f.write_bytes("The vote was held on 5 May 2019 in the city.".encode("utf-16-le"))
    [a] = read_articles(f)
    assert a.text.startswith("The vote was held")


def test_a_bare_year_on_a_page_is_not_its_publication_date(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text("<html><body><p>The fire started on Aug. 3, 2017 near the lake and spread "
                 "fast through the dry forest.</p></body></html>")
    [a] = read_articles(f)
    assert a.published is None  # htmldate alone would say 2017-01-01


def test_a_date_written_on_the_page_is_its_publication_date(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text("<html><head><title>Summit</title></head><body><article><p>Posted on June 5, "
                 "2021</p><p>The summit happened on 3 March 2019 in Paris and many leaders came "
                 "to it.</p></article></body></html>")
    [a] = read_articles(f)
    assert a.published == date(2021, 6, 5)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_pipes_and_devices_are_reported_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would wait for a writer forever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    found = {p.name: problem for p, problem in iter_files([tmp_path])}
    assert "not a regular file" in (found["pipe.txt"] or "")
    assert "not a regular file" in (found["zero.txt"] or "")
    assert [problem for _, problem in iter_files([tmp_path / "pipe.txt"])] == [
        "not a regular file (a pipe, socket or device): not read"]


@pytest.mark.parametrize(("text", "encoding"), [
    ("Le \u201cbudget\u201d a été voté le 3 mars 2020 pour 5€. The café opened – officials said.",
     "cp1252"),
    ("Ärger über Öl: die Straße wurde am 3. März gesperrt.", "cp1252"),
    ("Встреча состоялась 5 мая 2019 года в Москве, сообщили в мэрии города.", "cp1251"),
    ("Spotkanie odbyło się w Warszawie. Prezydent powiedział, że rząd przyjął nowy budżet "
     "na rok 2020 i że to dobra decyzja dla kraju oraz obywateli. " * 3, "cp1250"),
])
def test_legacy_code_pages_are_decoded(tmp_path: Path, text: str, encoding: str) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes(text.encode(encoding))
    [a] = read_articles(f)
    assert a.text.strip() == text.strip()


@pytest.mark.parametrize(("text", "published", "source", "body"), [
    ("Storm batters coast\nBy Jane Doe | November 19, 2024\n\nA storm hit on Monday.\n",
     date(2024, 11, 19), "Jane Doe", "A storm hit"),
    ("Council votes\nPublished: 19 November 2024 14:02 GMT\nUpdated: 20 November 2024\n\n"
     "The council voted.\n", date(2024, 11, 19), None, "The council voted"),
    ("# Rail strike ends\n\n*Posted on 2024-11-18 by admin*\n\nThe strike ended.\n",
     date(2024, 11, 18), "admin", "The strike ended"),
    ("Mill fire\nBy Ann Lee\nUpdated 3:45 PM EST, Tue November 19, 2024\n\nA fire broke out.\n",
     date(2024, 11, 19), "Ann Lee", "A fire broke out"),
])
def test_a_byline_under_the_headline_gives_date_and_author(
        tmp_path: Path, text: str, published: date, source: str | None, body: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(text)
    [a] = read_articles(f)
    assert (a.published, a.published_source, a.source) == (published, "header", source)
    assert a.text[a.body_start:].startswith(body)


@pytest.mark.parametrize("text", [
    "Chapter One\n1914\n\nThe war began in August.\n",  # a year is no publication day
    "Heat wave\n\n2024-07-04 - The heat wave peaked today.\n",  # a sentence, not a byline
    "Heat wave\nThe heat wave peaked today.\nMarch 3, 2024\n",  # a date after the body began
])
def test_dates_that_are_not_bylines_are_no_publication_date(tmp_path: Path, text: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(text)
    [a] = read_articles(f)
    assert a.published is None


def test_a_byline_is_a_name_and_never_the_title(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("By Jane Doe\n\nThe council met on Monday.\n")
    [a] = read_articles(f)
    assert (a.source, a.title) == ("Jane Doe", "The council met on Monday")
    f.write_text("Short story\nBy the end of 2020, things had changed.\n")
    [a] = read_articles(f)
    assert (a.source, a.title, a.body_start) == (None, "Short story", 0)


def test_a_byline_under_a_date_header_names_the_author_and_leaves_the_body(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Orbit unveils its first foldable phone\nPublished: 2026-11-19 09:00\n"
                 "By Dana Whitfield\n\nOrbit on Thursday unveiled the Fold X.\n")
    [a] = read_articles(f)
    assert (a.title, a.published, a.source) == ("Orbit unveils its first foldable phone",
                                                date(2026, 11, 19), "Dana Whitfield")
    assert a.text[a.body_start:].startswith("Orbit on Thursday")


def test_a_wire_dateline_names_the_agency_and_is_not_the_title(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("LONDON, Nov 20 (Reuters) - Britain said on Wednesday it would raise taxes.\n")
    [a] = read_articles(f)
    assert a.source == "Reuters"
    assert a.title == "Britain said on Wednesday it would raise taxes"


def test_a_news_api_dump_loses_its_truncation_marker(tmp_path: Path) -> None:
    f = tmp_path / "api.json"
    f.write_text(json.dumps({"status": "ok", "articles": [
        {"source": {"id": None, "name": "Example News"}, "title": "Port strike ends",
         "publishedAt": "2024-10-08T14:03:00Z",
         "content": "Dockworkers returned on Monday. A vote will take place next week… [+1200 chars]"}]}))
    [a] = read_articles(f)
    assert a.text == "Dockworkers returned on Monday. A vote will take place next week"
    assert (a.source, a.published) == ("Example News", date(2024, 10, 8))


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be-bom", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(tmp_path: Path, codec: str) -> None:
    text = "Café vote: it was held on 5 May 2019 in the city."
    data = ("\ufeff" + text).encode("utf-16-be") if codec == "utf-16-be-bom" else text.encode(codec)
    f = tmp_path / "notepad.txt"
    f.write_bytes(data)
    [a] = read_articles(f)
    assert a.text == text


@pytest.mark.parametrize(("text", "title", "source", "body"), [
    # Hugo's TOML front matter
    ('+++\ntitle = "Hugo post"\ndate = 2024-03-12T10:00:00Z\nsource = "Blog"\n+++\n\n'
     "The site launched yesterday.\n", "Hugo post", "Blog", "The site launched"),
    # a "Source:" line under a headline, beside its date line
    ("# Harbour reopens\n\nDate: 12 March 2024\nSource: Coastal Times\n\n"
     "The harbour reopened on Monday.\n", "Harbour reopens", "Coastal Times", "The harbour"),
])
def test_markdown_metadata_gives_title_date_and_source(tmp_path: Path, text: str, title: str,
                                                       source: str, body: str) -> None:
    f = tmp_path / "note.md"
    f.write_text(text, encoding="utf-8")
    [a] = read_articles(f)
    assert (a.title, a.published, a.source) == (title, date(2024, 3, 12), source)
    assert a.text[a.body_start:].startswith(body)


def test_json_body_given_as_paragraphs_is_joined(tmp_path: Path) -> None:
    f = tmp_path / "story.json"
    f.write_text(json.dumps({"headline": "Rail strike", "published_at": "2024-03-11",
                             "body": ["Workers walked out on Monday.", "Talks resume next week."]}))
    [a] = read_articles(f)
    assert a.text == "Workers walked out on Monday.\n\nTalks resume next week."
    assert a.published == date(2024, 3, 11)


def test_key_lines_without_colons_make_a_header_when_a_date_line_confirms_them(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("title Former treasurer jailed\nsource Riverside Gazette\ndate 2026-03-12\n\n"
                 "A former treasurer was jailed on Wednesday.\n")
    [a] = read_articles(f)
    assert (a.title, a.source, a.published) == ("Former treasurer jailed", "Riverside Gazette",
                                                date(2026, 3, 12))
    assert a.text[a.body_start:].startswith("A former treasurer")
    lone = tmp_path / "c.txt"
    lone.write_text("title The winter of the great flood\n\nIn the autumn of 1861 the rains began.\n")
    [c] = read_articles(lone)
    assert (c.title, c.published) == ("The winter of the great flood", None)
    prose = tmp_path / "b.txt"
    prose.write_text("Source of the leak found\nBy the river, officials said on Monday.\n")
    [b] = read_articles(prose)
    assert (b.title, b.source, b.published) == ("Source of the leak found", None, None)


def test_a_post_export_names_its_account_as_the_source(tmp_path: Path) -> None:
    f = tmp_path / "tweets.jsonl"
    f.write_text(json.dumps({"created_at": "Wed Oct 10 20:19:24 +0000 2018", "text": "Polls close at 8pm.",
                             "user": {"screen_name": "cityclerk", "name": "City Clerk"}}) + "\n")
    [a] = read_articles(f)
    assert (a.source, a.published) == ("City Clerk", date(2018, 10, 10))


def test_a_lead_sentence_standing_for_a_headline_is_cut_to_its_first_clause(tmp_path: Path) -> None:
    f = tmp_path / "wire.txt"
    f.write_text("BERLIN, March 4 (Reuters) - German factory orders fell more than expected in January, "
                 "data showed on Wednesday, the third monthly decline in a row.\n\nOrders dropped 2.1%.\n")
    [a] = read_articles(f)
    assert (a.title, a.source) == ("German factory orders fell more than expected in January", "Reuters")


def test_key_lines_in_any_order_with_windows_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "mill.txt"
    path.write_bytes(b"Title: Mill fire: what we know\r\nDate: 2026-11-20\r\nSource: Valley Echo\r\n\r\n"
                     b"Fire crews were called at 3.10am on Thursday.\r\n")
    [article] = read_articles(path)
    assert (article.title, article.published, article.source) == (
        "Mill fire: what we know", date(2026, 11, 20), "Valley Echo")
    assert article.text[article.body_start:].startswith("Fire crews")


def test_schema_org_news_articles_and_json_ld_graphs(tmp_path: Path) -> None:
    article = {"@context": "https://schema.org", "@type": "NewsArticle",
               "headline": "River Tay bursts its banks", "datePublished": "2026-11-18T06:30:00+00:00",
               "author": [{"@type": "Person", "name": "Fiona Grant"}, {"@type": "Person", "name": "Ian Roy"}],
               "articleBody": "The river burst its banks on Tuesday night."}
    path = tmp_path / "one.json"
    path.write_text(json.dumps(article), encoding="utf-8")
    [read] = read_articles(path)
    assert (read.title, read.published, read.source) == (
        "River Tay bursts its banks", date(2026, 11, 18), "Fiona Grant, Ian Roy")
    graph = {"@context": "https://schema.org",
             "@graph": [{"@type": "WebPage", "name": "Home"},
                        {**article, "publisher": {"@type": "Organization", "name": "Tayside Courier"}}]}
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(graph), encoding="utf-8")
    [read] = read_articles(path)  # the page node is no article, and no problem
    assert (read.path, read.source) == (str(path), "Tayside Courier")


def test_a_press_release_gives_its_embargo_date_issuer_and_headline(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text("EMBARGOED UNTIL 00:01 TUESDAY 24 NOVEMBER 2026\n\nDepartment for Transport\n"
                    "Press release\n\nNew rules for e-scooters to take effect next spring\n\n"
                    "E-scooters will be legal on public roads from 1 April 2027.\n", encoding="utf-8")
    [article] = read_articles(path)
    assert (article.title, article.source, article.published, article.published_source) == (
        "New rules for e-scooters to take effect next spring", "Department for Transport",
        date(2026, 11, 24), "embargo line")
    assert article.text[article.body_start:].lstrip().startswith("E-scooters will be legal")


def test_a_dateline_with_its_year_is_the_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text("FOR IMMEDIATE RELEASE\n\nAcme Robotics Unveils Warehouse Arm\n\n"
                    "SAN JOSE, Calif., Nov. 24, 2026 /PRNewswire/ -- Acme Robotics today unveiled its "
                    "new arm.\n", encoding="utf-8")
    [article] = read_articles(path)
    assert (article.title, article.source, article.published, article.published_source) == (
        "Acme Robotics Unveils Warehouse Arm", "PRNewswire", date(2026, 11, 24), "dateline")
    path.write_text("LONDON, 20 November 2026 (Reuters) - Shares fell on Friday.\n", encoding="utf-8")
    [article] = read_articles(path)
    assert (article.title, article.source, article.published) == (
        "Shares fell on Friday", "Reuters", date(2026, 11, 20))


def test_a_stamp_line_under_the_header_is_no_part_of_the_story(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title: Waiting list falls\nDate: 2026-11-20\nSource: Northern Post\n\n"
                    "Updated 21 November 2026, 14:30 GMT\n\nThe list fell in September.\n", encoding="utf-8")
    [article] = read_articles(path)
    assert article.published == date(2026, 11, 20)  # the header's, not the update's
    assert article.text[article.body_start:] == "The list fell in September.\n"
