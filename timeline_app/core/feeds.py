"""Articles from news feeds: RSS 2.0 and Atom files (``.rss``, ``.atom``, ``.xml``).

A saved feed holds many stories, each with a title, a link, a date and a summary (often HTML).
Each item becomes one article, as the objects of a JSON list do. The standard library's
ElementTree parses the XML (its expat refuses entity expansion bombs); summaries in HTML lose
their markup (a paragraph or a line break becomes a new line).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6])\s*/?\s*>", re.IGNORECASE)


class FeedError(ValueError):
    """XML that cannot be read as a feed; ``str()`` says why."""


@dataclass(frozen=True)
class FeedItem:
    """One story of a feed, its fields as written (the date as text)."""

    title: str
    text: str
    date: str | None
    link: str | None
    source: str | None


def read_feed(text: str) -> list[FeedItem]:
    """The stories of an RSS or Atom document. Raises FeedError."""
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise FeedError(f"malformed XML: {exc}") from exc
    if root.tag == "rss" or root.tag.endswith("}RDF") or root.tag == "RDF":
        channel = root.find("channel")
        site = _text(channel.find("title")) if channel is not None else None
        items = root.iter("item")
        return [_rss_item(item, site) for item in items]
    if root.tag == f"{_ATOM}feed":
        site = _text(root.find(f"{_ATOM}title"))
        return [_atom_entry(entry, site) for entry in root.iter(f"{_ATOM}entry")]
    raise FeedError("XML that is no RSS or Atom feed")


def _rss_item(item: ElementTree.Element, site: str | None) -> FeedItem:
    body = _text(item.find(_CONTENT)) or _text(item.find("description")) or ""
    return FeedItem(title=_text(item.find("title")) or "", text=_plain(body),
                    date=_text(item.find("pubDate")) or _text(item.find(_DC_DATE)),
                    link=_text(item.find("link")),
                    source=site or _text(item.find(_DC_CREATOR)) or _text(item.find("author")))


def _atom_entry(entry: ElementTree.Element, site: str | None) -> FeedItem:
    body = _text(entry.find(f"{_ATOM}content")) or _text(entry.find(f"{_ATOM}summary")) or ""
    link = entry.find(f"{_ATOM}link")
    author = entry.find(f"{_ATOM}author/{_ATOM}name")
    return FeedItem(title=_text(entry.find(f"{_ATOM}title")) or "", text=_plain(body),
                    date=_text(entry.find(f"{_ATOM}published")) or _text(entry.find(f"{_ATOM}updated")),
                    link=link.get("href") if link is not None else None,
                    source=site or _text(author))


def _text(element: ElementTree.Element | None) -> str | None:
    if element is None:
        return None
    value = "".join(element.itertext()).strip()
    return value or None


def _plain(body: str) -> str:
    """A summary as text: an HTML one without its tags, its paragraphs and breaks as lines."""
    if "<" not in body:
        return html.unescape(body).strip()
    body = _BREAK.sub("\n", body)
    lines = (" ".join(html.unescape(_TAG.sub(" ", line)).split()) for line in body.split("\n"))
    return "\n".join(line for line in lines if line)
