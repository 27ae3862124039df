"""Read article files into :class:`Article` objects: text, title, source and publication date.

Formats: plain text (an optional header line such as ``Author: X date 2021-02-05``, mail
headers, a press release's embargo line, a dated wire dateline), Markdown with YAML front
matter, HTML (main text and metadata through trafilatura), JSON (an article object, a list of
them, JSON Lines, schema.org ``NewsArticle``), e-mail (``.eml``, see :mod:`email_message`) and
RSS or Atom feeds (see :mod:`feeds`). The publication date comes, in this order, from a header
line, HTML metadata, front matter, JSON fields, or a date in the file name; never from the file's
modification time. Files that cannot be read raise :class:`ArticleError` with a reason a person
can act on.
"""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from timeline_app.core import email_message, feeds, yaml_safe
from timeline_app.core.records import pickled_by_fields

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json",
                 ".jsonl", ".ndjson", ".eml", ".rss", ".atom", ".xml"}
MAX_BYTES = int(float(os.environ.get("TIMELINE_MAX_FILE_MB", "20")) * 1_000_000)  # files over it are skipped


def too_large(size: int, limit: int) -> str:
    """The problem message for a file over the size limit."""
    return f"too large ({size / 1e6:.1f} MB > {limit / 1e6:g} MB limit)"

_HEADER = re.compile(
    r"\s*(?:(?:author|by|source)\s*:\s*(?P<author>[^\n]*?)\s+)?"
    r"(?:date|published|dated)\s*:?\s*(?P<date>\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?[ \t]*\n?",
    re.IGNORECASE,
)  # used with .match(): at the start of the text, or right after a title line
_TITLE_THEN_HEADER = re.compile(
    r"\A\s*(?:title\s*:\s*|(?-i:title)\s+)?(?P<title>[^\n]{1,200})\n\s*(?=(?:(?:author|by|source)\s*:[^\n]*?\s+)?"
    r"(?:date|published|dated)\s*:?\s*\d{4}-\d{2}-\d{2})", re.IGNORECASE)
# "title: X", "source: Y" lines; without the colon ("source Riverside Gazette") only in a block
# that a "date 2026-03-12" line confirms: a headline may well begin "Source of ..."
_HEADER_LINE = re.compile(
    r"^(?P<key>title|author|by|source|date|published|url)(?:\s*(?P<colon>:)\s*|\s+)(?P<value>.+)$",
    re.IGNORECASE)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\b")
# a byline or date line under a headline: "By Jane Doe | November 19, 2024",
# "Published: 19 November 2024 14:02 GMT", "*Posted on 2024-11-18 by admin*", "Updated ..."
_BYLINE = re.compile(
    r"^(?:by\s+(?P<author>[^|•·\n]{2,60}?)\s*(?:[|•·,]|\s[—–-])\s*)?"
    r"(?P<key>published|posted|updated|last updated|first published|date|dated)?(?:\s+on)?\s*:?\s*"
    r"(?P<date>[^|•·\n]{6,60}?)(?:\s+by\s+(?P<author2>[^|•·\n]{2,60}))?$", re.IGNORECASE)
# "By Jane Doe", "BY JANE DOE AND JOHN ROE, Reuters": names, not "By 2030 the city ..."
_NAME = r"[A-Z][\w.'’-]*"
_BYLINE_AUTHOR = re.compile(rf"^[Bb][Yy]\s+(?P<author>{_NAME}(?:\s+(?:{_NAME}|and|de|van|von|der|la|le|"
                            rf"da|du|bin|al))*(?:\s*,\s*{_NAME}(?:\s+{_NAME})*)?)$")
# a diary's entry headings: a line that is a weekday, perhaps with its date ("Tuesday",
# "Thursday 5 September")
_WEEKDAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WEEKDAY_START = re.compile(_WEEKDAYS + r"\b")
_WEEKDAY_LINE = re.compile(r"\n[ \t]*(?:\*\*|#+[ \t]*)?" + _WEEKDAYS + r"(?:,?[ \t]+\d{1,2}(?:st|nd|rd|th)?"
                           r"(?:[ \t]+[A-Z][a-z]+\.?)?(?:,?[ \t]+\d{4})?)?[ \t.:]*(?:\*\*)?[ \t]*\n")
# a wire dateline naming its agency: "LONDON, Nov 20 (Reuters) - ", "BEIJING (AP) — "
_DATELINE_AGENCY = re.compile(r"\s*[A-Z][A-Z.'’ ]{1,40}(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)?"
                              r"\s*\((?P<agency>[A-Z][\w.&'’ -]{1,30})\)\s*(?:-{1,2}|[–—])\s")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")
_TRAILER = re.compile(r"\n\s*(?:author|by|source)\s*:\s*(?P<author>[^\n]{1,80})\s*\Z", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<yaml>.*?)\n(?:---|\.\.\.)\s*\n", re.DOTALL)
_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+\s*\n(?P<toml>.*?)\n\+\+\+\s*\n", re.DOTALL)  # Hugo's
# "Source: Coastal Times" under a headline, beside its date line
_SOURCE_LINE = re.compile(r"^(?:source|author|outlet|publisher)\s*:\s*(?P<author>\S.{0,79})$",
                          re.IGNORECASE)
_FILENAME_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_.]?(?P<m>0[1-9]|1[0-2])[-_.]?"
                            r"(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
_ISO_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# news APIs cut their free "content" with a marker: "... will take place next week… [+1200 chars]"
_NEWS_API_CUT = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")
_JSON_TEXT = ("text", "body", "content", "article", "articleBody", "article_body", "maintext",
              "description", "summary")
_JSON_TITLE = ("title", "headline", "name")
_JSON_DATE = ("date", "published", "publishedAt", "published_at", "pubDate", "pub_date",
              "datePublished", "date_published", "published_date", "publishDate",
              "publication_date", "created_at", "created", "dateCreated", "date_created", "time",
              "timestamp", "updated_at", "updated", "dateModified", "modified")
_JSON_SOURCE = ("source", "outlet", "site", "site_name", "publisher", "author", "byline",
                # posts: a Twitter/Mastodon export's account ({"user": {"name": ...}}), a channel
                "user", "account", "username", "screen_name", "channel")


class ArticleError(Exception):
    """A file that cannot be read as an article; ``str()`` says why."""


class PartlyRead(ArticleError):
    """A file of which only some articles could be read (JSON Lines with broken lines):
    ``articles`` holds the good ones, ``str()`` says what was skipped."""

    def __init__(self, reason: str, articles: list[Article]) -> None:
        super().__init__(reason)
        self.articles = articles


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    """One article: its decoded text and what we know about it.

    Offsets elsewhere index ``text``. ``body_start`` is where the article proper begins (after
    a header line or front matter); ``published_source`` says where ``published`` came from.
    """

    path: str
    text: str
    title: str
    published: date | None = None
    published_source: str | None = None
    source: str | None = None
    url: str | None = None
    body_start: int = 0
    index: int = 0  # position in a multi-article JSON file
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def outlet_of(article: Article) -> str:
    """The name an article is grouped and coloured by: its outlet, else its own title."""
    return article.source or article.title


# Twitter's API: "Wed Oct 10 20:19:24 +0000 2018"
_METADATA_LAYOUTS = ("%a %b %d %H:%M:%S %z %Y",)
_EPOCH = re.compile(r"[1-9][0-9]{8,9}(?:\.[0-9]+)?|[1-9][0-9]{11,12}")  # 1973-2286, s or ms


def parse_date(value: Any) -> date | None:
    """A date from a metadata field (ISO prefix first, dateparser for the rest)."""
    if value is None:
        return None
    text = str(value).strip()
    if _EPOCH.fullmatch(text):  # seconds (or milliseconds) since 1970, as APIs write them
        seconds = float(text) / (1000 if len(text.split(".")[0]) > 11 else 1)
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    m = _ISO_PREFIX.match(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if not text or len(text) > 60:
        return None
    for layout in _METADATA_LAYOUTS:  # what dateparser does not read
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            pass
    from timeline_app.core import dateparsing

    parsed = dateparsing.parse(text, None)
    return parsed[0] if parsed else None


def _wide_by_bom(data: bytes) -> str | None:
    """UTF-32 or UTF-16 by its byte order mark (Notepad's "Unicode" is UTF-16 with one); the
    codec reads the mark and drops it."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


def decode(data: bytes, name: str = "") -> str:
    """Bytes to text: UTF-8 (with or without BOM), else charset-normalizer's best guess.

    Line endings are normalised to ``\\n`` so offsets agree with what the UI shows.
    """
    if not data.strip():
        raise ArticleError("empty file")
    wide = _wide_by_bom(data)
    if wide is None and b"\x00" in data[:8192]:
        wide = _utf16_without_bom(data)
        if wide is None:
            raise ArticleError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode(wide or "utf-8-sig")
    except UnicodeDecodeError:
        if wide:
            raise ArticleError("binary file (contains NUL bytes), not text") from None
        legacy = _western_legacy(data)
        if legacy is not None:
            text = legacy
        else:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            if best is None:
                raise ArticleError("undecodable bytes: no text encoding fits") from None
            text = str(best)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if _looks_binary(text):
        raise ArticleError("binary file (mostly control characters), not text")
    if not text.strip():
        raise ArticleError("empty file (only whitespace)")
    return text


_WESTERN = re.compile("[\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u2122"
                      "\u0152\u0153\u0160\u0161\u0178\u017d\u017e]")


_SIGN_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f](?=[^\W\d_])")


def _western_legacy(data: bytes) -> str | None:
    """The text of Windows-1252 (Latin-1's superset that Western word processors and web pages
    wrote for decades), when the bytes read as mostly English or Western European text in it:
    a few accented letters, curly quotes, dashes, the euro sign. charset-normalizer, asked
    first, read such a short French paragraph as Baltic cp775 ("votķ" for "voté")."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # a byte cp1252 leaves undefined: some other code page
        return None
    high = [c for c in text if c > "\x7f"]
    letters = sum(c.isalpha() for c in text)
    accented = sum(c.isalpha() for c in high)
    if not high or accented > 0.2 * letters:  # mostly non-ASCII letters: Cyrillic, Greek...
        return None
    if not all(_WESTERN.match(c) for c in high):
        return None
    for m in _SIGN_IN_WORD.finditer(text):  # "Za¿ó³æ": Central European cp1250 letters
        if m[0] not in "’\u00b7":
            return None
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "-be" when the NUL bytes are the high bytes of mostly Latin text
    (Windows tools write UTF-16 without a byte order mark), else None."""
    sample = data[:8192]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, letters, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and letters.count(0) <= 0.02 * len(letters):
            ascii_text = sum(32 <= b < 127 or b in (9, 10, 13) for b in letters)
            return codec if ascii_text >= 0.8 * len(letters) else None
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0d-\x1f]")  # control characters but \t \n \v \f


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 20)


_LEAD_TITLE = 90  # characters of a lead sentence that make a headline


def _first_line_title(body: str, limit: int = 140) -> str:
    for line in body.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            if len(line) <= limit and not (len(line) > _LEAD_TITLE and line.endswith(".")):
                return line.rstrip(".…")
            sentence = re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0].rstrip(".")
            if len(sentence) > _LEAD_TITLE:  # a paragraph's lead: its first clause is the headline
                cut = sentence.find(", ", 40, _LEAD_TITLE)  # its first clause of some length
                if cut > 0:
                    return sentence[:cut]
            if len(sentence) <= limit:
                return sentence
            return line[:limit].rsplit(" ", 1)[0] + "…"
    return ""


def _filename_date(path: Path) -> date | None:
    m = _FILENAME_DATE.search(path.stem)
    if not m:
        return None
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def _byline(text: str) -> tuple[date | None, str | None, int, str]:
    """The publication date and author in the lines right under a headline (or opening the
    text), where the body starts after them (0 when there are none), and the headline."""
    published: date | None = None
    updated: date | None = None
    author: str | None = None
    pos = end = 0
    headline = ""
    for line in text.splitlines(keepends=True)[:8]:
        pos += len(line)
        bare = line.strip().strip("*_").strip()
        if not bare:
            continue
        if ((by := _BYLINE_AUTHOR.match(bare)) and len(bare) <= 60) or (
                (by := _SOURCE_LINE.match(bare)) and (headline or end)):
            author, end = author or by["author"].strip(), pos  # "By Jane Doe" alone
            continue
        m = _BYLINE.match(bare) if len(bare) <= 120 else None
        day = _byline_date(m["date"]) if m else None
        if (day is not None and m is not None and not m["key"] and not m["author"] and not m["author2"]
                and _WEEKDAY_START.match(bare) and _WEEKDAY_LINE.search(text, pos)):
            day = None  # a diary's first entry ("Monday 2 September 2024" ... "Tuesday"): the story's
        if m is None or day is None:
            if end or headline:
                break  # the body begins
            headline = bare
            continue
        if (m["key"] or "").lower() in ("updated", "last updated"):
            updated = updated or day
        else:
            published = published or day
        author = author or (m["author"] or m["author2"] or "").strip() or None
        end = pos
    return published or updated, author, end, headline


def _author_line(text: str, pos: int) -> tuple[int, str] | None:
    """Where the body goes on after a byline at ``pos`` (blank lines first skipped) that only
    names the author ("By Dana Whitfield, Tech Editor"), and the author; else None."""
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    line = text[pos:end].strip().strip("*_").strip()
    if len(line) > 60 or (by := _BYLINE_AUTHOR.match(line)) is None:
        return None
    return end, by["author"].strip()


def _stamp_line(text: str, pos: int) -> tuple[int, date] | None:
    """Where the body goes on after a line at ``pos`` that only stamps the page ("Updated 21
    November 2026, 14:30 GMT", "Published: 19 November 2024"), and its date; else None."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    line = text[pos:end].strip().strip("*_").strip()
    m = _BYLINE.match(line) if len(line) <= 80 else None
    if m is None or not m["key"] or (day := _byline_date(m["date"])) is None:
        return None
    while end < len(text) and text[end] in " \t\n":
        end += 1
    return end, day


def _byline_date(phrase: str) -> date | None:
    """The date of a byline's date phrase, which must name its year."""
    if not _YEAR.search(phrase):
        return None
    from timeline_app.core import dateparsing

    parsed = dateparsing.parse(phrase.strip(" ,.;"), None)
    return parsed[0] if parsed and parsed[1] == "day" else None  # not a chapter's "1914"


# a press release's first line: "EMBARGOED UNTIL 00:01 TUESDAY 24 NOVEMBER 2026", "FOR IMMEDIATE RELEASE"
_RELEASE_LINE = re.compile(r"\A\s*[*_]*\s*(?:(?:under\s+)?embargo(?:ed)?\s*(?:until|till|to|:)?\s*:?\s*"
                           r"(?P<when>[^\n]{4,80}?)|for\s+immediate\s+release)\s*[*_]*\s*$",
                           re.IGNORECASE | re.MULTILINE)
_RELEASE_LABEL = re.compile(r"(?:press|news|media)\s+(?:release|statement|notice)", re.IGNORECASE)
_CLOCK_FIRST = re.compile(r"^\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|BST|UTC|CET|EST|EDT|ET))?\s*"
                          r"(?:(?:on|hrs|hours)\s+)?", re.IGNORECASE)


# "SAN JOSE, Calif., Nov. 24, 2026 /PRNewswire/ --", "LONDON, 24 November 2026 (Reuters) -": a
# dateline with its full date, and the wire that carried it
_DATED_DATELINE = re.compile(r"\s*[A-Z][A-Z.'’ -]{1,40},(?:\s*[A-Z][A-Za-z.]{1,12},)?\s*"
                             r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?)\s+\d{4})"
                             r"\s*(?:/(?P<wire>[\w .-]{2,30})/|\((?P<agency>[A-Z][\w.&'’ -]{1,30})\))?"
                             r"\s*(?:-{1,2}|[–—])\s")


def _dated_dateline(text: str, pos: int) -> tuple[date | None, str | None, int]:
    """The date and the wire of a dateline opening the body at ``pos`` (if it has a date
    with its year and the dash after it), and where the story after it starts."""
    m = _DATED_DATELINE.match(text, pos)
    if m is None:
        return None, None, pos
    return _byline_date(m["date"]), m["wire"] or m["agency"], m.end()


def _press_release(text: str) -> tuple[date | None, str | None, str, int] | None:
    """The embargo's date, the issuing body, the headline and where the body starts, for a
    text opening as a press release does ("EMBARGOED UNTIL 00:01 TUESDAY 24 NOVEMBER 2026",
    then "Department for Transport", "Press release" and the headline); None otherwise."""
    first = _RELEASE_LINE.match(text)
    if first is None:
        return None
    published = _byline_date(_CLOCK_FIRST.sub("", first["when"].strip())) if first["when"] else None
    pos = first.end()
    lines: list[str] = []  # the short lines before the body: the issuer, labels, the headline
    for line in text[pos:].splitlines(keepends=True)[:8]:
        bare = line.strip().strip("*_#").strip()
        if bare and (len(bare) > 120 or bare.endswith((".", ":")) or len(lines) == 4):
            break
        pos += len(line)
        if bare and not _RELEASE_LABEL.fullmatch(bare):
            lines.append(bare)
    if not lines:
        return None
    return published, lines[0] if len(lines) > 1 else None, lines[-1], pos


def _header_lines(text: str) -> tuple[str | None, str | None, date | None, int]:
    """Title, source and date from key lines opening the text ("title: X", "source Y",
    "date 2026-03-12"), and where they end (0 when there are none)."""
    title = source = None
    published = None
    pos = 0
    loose = False  # a key without its colon: the block needs a date line to count
    for line in text.splitlines(keepends=True)[:8]:
        hm = _HEADER_LINE.match(line.strip())
        if not hm:
            break
        key, value = hm["key"].lower(), hm["value"].strip()
        if hm["colon"] is None:
            if key in ("date", "published") and not _ISO_DAY.match(value):
                break  # "Published weekly ...": prose
            # "title The winter of the great flood": a key in lower case before a capital is
            # one even without a date line ("Title fight ..." is a headline)
            loose = loose or not (hm["key"].islower() and value[:1].isupper())
        if key == "title":
            title = value
        elif key in ("author", "by", "source"):
            source = value
        elif key in ("date", "published") and published is None:
            published = parse_date(value)
        pos += len(line)
    if loose and published is None:
        return None, None, None, 0
    return title, source, published, pos


def _mail(path: Path, text: str, headers: dict[str, str], body_start: int) -> Article:
    """An article from a message's headers: Subject, From and Date."""
    published = email_message.sent_day(headers.get("date", ""))
    pub_source = "e-mail header" if published else None
    if published is None and (fn := _filename_date(path)):
        published, pub_source = fn, "filename"
    title = email_message.subject_title(headers.get("subject", "")) or _first_line_title(text[body_start:])
    source = email_message.sender_name(headers.get("from", ""))
    return Article(str(path), text, title or path.stem, published, pub_source, source, None, body_start)


def _eml(path: Path, data: bytes) -> Article:
    """A saved e-mail message (``.eml``); one without mail headers is read as plain text."""
    plain = decode(data, path.name)  # (raises for an empty or a binary file)
    try:
        text, body_start, headers = email_message.read_eml(data, _html_text)
    except email_message.MailError as exc:
        raise ArticleError(str(exc)) from exc
    if not headers:
        return _plain(path, plain)
    return _mail(path, text, headers, body_start)


def _feed(path: Path, text: str) -> list[Article]:
    """The stories of an RSS or Atom feed, one article each."""
    try:
        items = feeds.read_feed(text)
    except feeds.FeedError as exc:
        raise ArticleError(str(exc)) from exc
    articles = []
    for index, item in enumerate(items):
        body = item.text or item.title
        if not body.strip():
            continue
        published = email_message.sent_day(item.date or "") or parse_date(item.date)
        name = f"{path}#{index}" if len(items) > 1 else str(path)
        articles.append(Article(name, body, item.title or _first_line_title(body) or path.stem, published,
                                "feed" if published else None, item.source, item.link, 0, index))
    if not articles:
        raise ArticleError("feed without stories")
    return articles


def _html_text(raw: str) -> str:
    """The readable text of an HTML mail part."""
    import trafilatura

    try:
        return trafilatura.extract(raw, include_comments=False, favor_recall=True) or ""
    except Exception:  # trafilatura raises on some malformed markup
        return ""


def _plain(path: Path, text: str) -> Article:
    if (mail := email_message.header_block(text)) is not None:  # a message saved as text
        return _mail(path, text, *mail)
    if (release := _press_release(text)) is not None:
        published, issuer, headline, body_start = release
        pub_source = "embargo line" if published else None
        lead = len(text) - len(text[body_start:].lstrip())
        if published is None and (dated := _dated_dateline(text, lead))[0] is not None:
            published, pub_source, issuer = dated[0], "dateline", issuer or dated[1]
        if published is None and (fn := _filename_date(path)):
            published, pub_source = fn, "filename"
        return Article(str(path), text, headline, published, pub_source, issuer, None, body_start)
    title = source = None
    published = None
    pub_source = None
    body_start = 0
    m = _HEADER.match(text)
    # key lines in any order ("Title: ...", "Date: ...", "Source: ...") are read as such
    lines: tuple[str | None, str | None, date | None, int] = (
        (None, None, None, 0) if m else _header_lines(text))
    titled = _TITLE_THEN_HEADER.match(text) if lines[2] is None else None
    if titled is not None:  # "Headline\ndate 2023-05-10\n": a title line, then the header
        m = _HEADER.match(text, titled.end())
        title = titled["title"].strip()
    if m:
        published = parse_date(m["date"])
        pub_source = "header" if published else None
        source = (m["author"] or "").strip() or None
        body_start = m.end()
    else:
        title, source, published, pos = lines
        pub_source = "header" if published else None
        body_start = pos if (published or title or source) else 0
        if published is None and not title and not source:
            published, source, body_start, headline = _byline(text)
            if body_start:
                pub_source = "header" if published else None
                title = _first_line_title(headline) if headline else None
    if body_start and (by := _author_line(text, body_start)) is not None:
        body_start, source = by[0], source or by[1]  # "By Dana Whitfield, Tech Editor" under the header
    if (wire := _DATELINE_AGENCY.match(text, body_start)) is not None:
        source = source or wire["agency"]
        title = title or _first_line_title(text[wire.end():])  # not "LONDON, Nov 20 (Reuters) -"
    while body_start < len(text) and text[body_start] in " \t\n":
        body_start += 1
    if body_start and (stamp := _stamp_line(text, body_start)) is not None:
        # "Updated 21 November 2026, 14:30 GMT" under the header: the page's, not the story's
        body_start, stamped = stamp
        published = published or stamped
        pub_source = pub_source or "byline"
    if published is None and (dated := _dated_dateline(text, body_start))[0] is not None:
        published, pub_source = dated[0], "dateline"  # "SAN JOSE, Calif., Nov. 24, 2026 /PRNewswire/ --"
        source = source or dated[1]
        title = title or _first_line_title(text[dated[2]:])
    elif published is None and body_start == 0 and 0 < (first_end := text.find("\n")) <= 200 \
            and (dated := _dated_dateline(text, len(text) - len(text[first_end:].lstrip())))[0] is not None:
        # the headline, then the dateline: "Greenfield Foods Opens ...", "COLUMBUS, Ohio, Nov. 24,
        # 2026 /PRNewswire/ --": the story starts after the dateline
        published, pub_source = dated[0], "dateline"
        source = source or dated[1]
        title = title or _first_line_title(text[:first_end])
        body_start = dated[2]
    if published is None and (fn := _filename_date(path)):
        published, pub_source = fn, "filename"
    if source is None and (trailer := _TRAILER.search(text[-300:])):
        source = trailer["author"].strip()
    return Article(str(path), text, title or _first_line_title(text[body_start:]) or path.stem,
                   published, pub_source, source, None, body_start)


def _markdown(path: Path, text: str) -> Article:
    m = _FRONT_MATTER.match(text)
    toml = None if m else _TOML_FRONT_MATTER.match(text)
    if m:
        meta = yaml_safe.load_user_mapping(m["yaml"])
        body_start = m.end()
    elif toml:
        meta = _toml_mapping(toml["toml"])
        body_start = toml.end()
    else:
        return _plain(path, text)
    published = parse_date(_pick(meta, _JSON_DATE))
    pub_source = "front-matter" if published else None
    if published is None and (fn := _filename_date(path)):
        published, pub_source = fn, "filename"
    title = str(_pick(meta, _JSON_TITLE) or _first_line_title(text[body_start:]) or path.stem)
    source = _pick(meta, _JSON_SOURCE)
    return Article(str(path), text, title, published, pub_source,
                   str(source) if source else None, _str_or_none(meta.get("url")), body_start)


def _toml_mapping(text: str) -> dict[str, Any]:
    """TOML front matter as a mapping (dates as ISO text, as YAML's stay), ``{}`` when broken."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return {}
    return {key: value.isoformat() if isinstance(value, (date, datetime)) else value
            for key, value in data.items()}


def _pick(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in obj.items()}
    for key in keys:
        value = lowered.get(key.lower())
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            # schema.org's "author": [{"@type": "Person", "name": ...}, ...]
            value = ", ".join(str(n) for v in value if (n := _named(v))) or None
        if isinstance(value, dict):
            value = _named(value)
        if value not in (None, ""):
            return value
    return None


def _named(value: dict[str, Any]) -> Any:
    return (value.get("name") or value.get("title") or value.get("display_name")
            or value.get("screen_name") or value.get("username"))


def _str_or_none(value: Any) -> str | None:
    return str(value) if value else None


def _html(path: Path, raw: str) -> Article:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                          favor_precision=True,
                                          date_extraction_params=_HTML_DATE_FROM_MARKUP)
    except Exception as exc:  # trafilatura raises on some malformed markup
        raise ArticleError(f"malformed HTML: {exc}") from exc
    if doc is None:
        raise ArticleError("HTML without readable article text")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    if not body:
        raise ArticleError("HTML without readable article text")
    title = str(data.get("title") or _first_line_title(body) or path.stem)
    published = parse_date(data.get("date")) or _html_page_date(raw)
    pub_source = "html" if published else None
    if published is None and (fn := _filename_date(path)):
        published, pub_source = fn, "filename"
    source = data.get("sitename") or data.get("hostname") or data.get("author")
    return Article(str(path), body, title, published, pub_source, _str_or_none(source),
                   _str_or_none(data.get("url")), 0)


_HTML_DATE_FROM_MARKUP = {"extensive_search": False, "original_date": True}


def _html_page_date(raw: str) -> date | None:
    """A publication date written on the page ("Posted on June 5, 2021") when the markup
    has none; htmldate's guess from a bare year (its January 1st) is no date."""
    import htmldate

    try:
        found = htmldate.find_date(raw, extensive_search=True, original_date=True)
    except Exception:  # htmldate raises on some malformed markup: no date, not no article
        return None
    if not found or found.endswith("-01-01"):
        return None
    return parse_date(found)


def _json_objects(text: str) -> tuple[list[Any], list[str]]:
    """The objects of a JSON document or of JSON Lines, and what was wrong with each JSON
    Lines line that could not be read (a truncated last line loses that line, not the file)."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise ArticleError("malformed JSON (nested too deeply)") from None
    except json.JSONDecodeError as whole:
        items: list[Any] = []
        broken: list[str] = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    item = json.loads(line)
                except (json.JSONDecodeError, RecursionError) as exc:
                    reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                    broken.append(f"line {number}: {reason}")
                    continue
                if isinstance(item, dict):
                    items.append(item)
                else:
                    broken.append(f"line {number}: not an object")
        if not items:  # not JSON Lines: one broken document
            raise ArticleError(f"malformed JSON (line {whole.lineno}: {whole.msg})") from None
        return items, broken
    if isinstance(data, dict):
        for key in ("articles", "items", "results", "data", "docs"):
            if isinstance(data.get(key), list):
                return list(data[key]), []
        return [data], []
    if isinstance(data, list):
        return data, []
    raise ArticleError("JSON holds no article object")


def _json(path: Path, text: str) -> list[Article]:
    objects, broken = _json_objects(text)
    textless: list[int] = []
    articles = list(_json_articles(path, objects, textless))
    if textless and textless[0] and not broken:  # say so: the user may wonder where they went
        raise PartlyRead(f"{textless[0]} JSON object(s) without a text/body/content field skipped; "
                         f"{len(articles)} article(s) read", articles)
    if broken:
        skipped = "; ".join(broken[:3]) + (f"; and {len(broken) - 3} more" if len(broken) > 3 else "")
        raise PartlyRead(f"malformed JSON Lines, {len(broken)} line(s) skipped ({skipped}); "
                         f"{len(articles)} article(s) read", articles)
    return articles


def _nested_pick(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """:func:`_pick` one level down ({"meta": {"date": ...}})."""
    for inner in obj.values():
        if isinstance(inner, dict) and (value := _pick(inner, keys)) is not None:
            return value
    return None


def _json_articles(path: Path, objects: list[Any], skipped_out: list[int] | None = None
                   ) -> Iterator[Article]:
    """The articles among ``objects``; ``skipped_out`` gets the number of objects that hold
    no text."""
    found = skipped = 0
    if any(isinstance(obj, dict) and isinstance(obj.get("@graph"), list) for obj in objects):
        # JSON-LD: {"@context": ..., "@graph": [{"@type": "NewsArticle", ...}, ...]}
        # (its other nodes, a WebPage or an Organization, are no articles left out)
        objects = [inner for obj in objects
                   for inner in ([node for node in obj["@graph"]
                                  if isinstance(node, dict) and _pick(node, _JSON_TEXT) is not None]
                                 if isinstance(obj, dict) and isinstance(obj.get("@graph"), list) else [obj])]
    for index, obj in enumerate(objects):
        if not isinstance(obj, dict):
            continue
        body = _pick(obj, _JSON_TEXT)
        holder = obj
        if body is None:  # {"article": {"body": ...}}: the text one level down
            for inner in obj.values():
                if isinstance(inner, dict) and (body := _pick(inner, _JSON_TEXT)) is not None:
                    holder = inner
                    break
        if isinstance(body, list) and body and all(isinstance(p, str) for p in body):
            body = "\n\n".join(p.strip() for p in body)  # paragraphs as a list
        if not isinstance(body, str) or not body.strip():
            skipped += 1
            continue
        title = _pick(obj, _JSON_TITLE) or _pick(holder, _JSON_TITLE)
        body_text = _NEWS_API_CUT.sub("", body.replace("\r\n", "\n"))
        published = parse_date(_pick(obj, _JSON_DATE) or _pick(holder, _JSON_DATE)
                               or _nested_pick(obj, _JSON_DATE))
        pub_source = "json" if published else None
        if published is None and (fn := _filename_date(path)):
            published, pub_source = fn, "filename"
        source = _pick(obj, _JSON_SOURCE)
        name = f"{path}#{index}" if len(objects) > 1 else str(path)
        found += 1
        yield Article(name, body_text, str(title or _first_line_title(body_text) or path.stem),
                      published, pub_source, _str_or_none(source), _str_or_none(obj.get("url")),
                      0, index)
    if skipped_out is not None:
        skipped_out.append(skipped)
    if not found:
        raise ArticleError("JSON holds no article with a text/body/content field")


def read_articles(path: Path, max_bytes: int = MAX_BYTES) -> list[Article]:
    """The articles in one file (a JSON file may hold several). Raises ArticleError."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise ArticleError(too_large(size, max_bytes))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}") from exc
    return articles_from_bytes(path, data)


def articles_from_bytes(path: Path, data: bytes) -> list[Article]:
    """The articles in a file's bytes, read by the file's type. Raises ArticleError."""
    suffix = path.suffix.lower()
    if suffix == ".eml":
        return [_eml(path, data)]
    text = decode(data, path.name)
    if suffix in (".html", ".htm", ".xhtml") or (suffix == ".txt" and _is_html(text)):
        return [_html(path, text)]
    if suffix in (".json", ".jsonl", ".ndjson"):
        return _json(path, text)
    if suffix in (".rss", ".atom", ".xml"):
        return _feed(path, text)
    if suffix in (".md", ".markdown"):
        return [_markdown(path, text)]
    if _FRONT_MATTER.match(text):
        return [_markdown(path, text)]
    return [_plain(path, text)]


def _is_html(text: str) -> bool:
    head = text[:512].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _dangling(link: str) -> str:
    """Why a link leads nowhere: a loop of links ("a -> b -> a") or a missing target."""
    try:
        os.stat(link)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "link loop"
    return "broken link"


def iter_files(paths: list[Path]) -> Iterator[tuple[Path, str | None]]:
    """Article files under ``paths`` (folders recursively, sorted), with a problem if any.

    Hidden files and folders are skipped; links are followed once (a loop is reported, not
    followed); a path that does not exist is reported.
    """
    seen: set[Path] = set()
    for root in paths:
        if not root.exists() and not root.is_symlink():
            yield root, "no such file or folder"
            continue
        if root.is_symlink() and not root.exists():
            yield root, _dangling(str(root))
        elif root.is_file():
            yield root, None
        elif root.is_dir():
            yield from _walk(root, seen)
        else:
            yield root, "not a regular file (a pipe, socket or device): not read"


Stamp = tuple[int, int]  # size, mtime_ns


def file_stamps(paths: list[Path]) -> dict[Path, Stamp]:
    """Size and modification time of every article file under ``paths`` (what a folder
    watcher compares to tell new, changed and deleted files)."""
    found: dict[Path, Stamp] = {}
    for path, problem in iter_files(paths):
        if problem:
            continue
        try:
            st = os.stat(path)
        except OSError:
            continue
        found[path] = (st.st_size, st.st_mtime_ns)
    return found


def _article_name(name: str) -> bool:
    """Whether a file of this name may hold articles (by its suffix; none is plain text)."""
    suffix = os.path.splitext(name)[1]
    return suffix.lower() in TEXT_SUFFIXES or suffix == ""


def _walk(folder: Path, seen: set[Path]) -> Iterator[tuple[Path, str | None]]:
    try:
        real = folder.resolve()
    except (OSError, RuntimeError):
        yield folder, "link loop"
        return
    if real in seen:
        yield folder, "link loop (folder already visited)"
        return
    seen.add(real)
    try:
        with os.scandir(folder) as listing:  # types come with the listing: no stat per file
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        yield folder, f"cannot list folder: {exc.strerror or exc}"
        return
    for entry in entries:
        name = entry.name
        if name.startswith((".", "~")) or name in ("Thumbs.db", "desktop.ini"):
            continue
        path = folder / name
        try:
            if entry.is_symlink() and not os.path.exists(entry.path):
                yield path, _dangling(entry.path)
            elif entry.is_dir():
                yield from _walk(path, seen)
            elif _article_name(name):
                if entry.is_file():
                    yield path, None
                elif os.path.exists(entry.path):
                    yield path, "not a regular file (a pipe, socket or device): not read"
        except OSError as exc:
            yield path, f"cannot read: {exc.strerror or exc}"
