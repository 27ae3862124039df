"""Articles from RSS and Atom feeds: one article per story, with its title, date, link and site."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.extract import extract
from timeline_app.core.ingest import ArticleError, iter_files, read_articles

_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Hartwell Gazette</title>
<item><title>Bridge to reopen in spring</title><link>https://example.org/bridge</link>
<pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate>
<description>&lt;p&gt;The bridge, closed since March 2020, will reopen next
spring.&lt;/p&gt;</description></item>
<item><title>Christmas market opens on Thursday</title><pubDate>Mon, 23 Nov 2026 17:30:00 GMT</pubDate>
<description>Stalls open at 10am on Thursday and the market runs until 23 December.</description></item>
</channel></rss>
"""

_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Slow Kitchen</title>
<entry><title>Stir-up Sunday</title><link href="https://example.org/pudding"/>
<published>2026-11-20T07:00:00Z</published>
<summary type="html">&lt;p&gt;This year Stir-up Sunday falls on 22 November.&lt;/p&gt;</summary></entry>
</feed>
"""


def test_each_story_of_an_rss_feed_is_an_article(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(_RSS, encoding="utf-8")
    assert [p for p, _ in iter_files([tmp_path])] == [path]
    bridge, market = read_articles(path)
    assert (bridge.title, bridge.published, bridge.source, bridge.url) == (
        "Bridge to reopen in spring", date(2026, 11, 24), "Hartwell Gazette", "https://example.org/bridge")
    assert bridge.text == "The bridge, closed since March 2020, will reopen next\nspring."  # no markup
    assert [e.date.value for e in extract(bridge).events] == ["2020-03", "2027-SP"]
    assert [e.date.value for e in extract(market).events] == ["2026-11-26T10:00", "2026-12-23"]


def test_an_atom_entry_is_an_article_and_a_day_it_falls_on_dates_it(tmp_path: Path) -> None:
    path = tmp_path / "blog.atom"
    path.write_text(_ATOM, encoding="utf-8")
    [entry] = read_articles(path)
    assert (entry.title, entry.published, entry.source) == (
        "Stir-up Sunday", date(2026, 11, 20), "Slow Kitchen")
    assert [(e.date.value, e.title) for e in extract(entry).events] == [
        ("2026-11-22", "This year Stir-up Sunday falls")]


@pytest.mark.parametrize(("content", "reason"), [
    ("<rss><channel><item><title>cut off", "malformed XML"),
    ("<?xml version='1.0'?><urlset><url>x</url></urlset>", "no RSS or Atom feed"),
    ("<rss version='2.0'><channel><title>Empty</title></channel></rss>", "feed without stories"),
])
def test_xml_that_is_no_readable_feed_is_a_problem(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ArticleError, match=reason):
        read_articles(path)
