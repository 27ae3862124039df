"""Articles from e-mail: saved messages (``.eml``) and plain texts that open with mail headers.

A newsletter or a press office's message arrives by mail. Its ``Subject:`` is the title, the
sender's name the source and its ``Date:`` header the publication date (the day the sender
wrote, in the sender's time zone). Python's :mod:`email` package does the parsing: header
folding, encoded words (``=?utf-8?q?...?=``), MIME parts, transfer encodings and charsets.
For a ``.eml`` file the article's text is a short header block (what a mail client shows) and
the body: its plain-text part, else the text of its HTML part.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime

# "From: Jane <jane@x.org>" ... up to the first blank line; a folded line starts with a blank
_HEADER_BLOCK = re.compile(r"\A(?:[A-Za-z][A-Za-z0-9-]{0,40}:[^\n]*\n(?:[ \t][^\n]*\n)*){2,40}")
_FIELD = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9-]{0,40}):[ \t]*(?P<value>.*(?:\n[ \t].*)*)",
                    re.MULTILINE)
_REPLY_PREFIX = re.compile(r"^(?:\s*(?:re|fwd?|fw|aw|wg)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_SHOWN = ("From", "To", "Date", "Subject")


class MailError(ValueError):
    """A message with nothing to read (no body, or one that cannot be decoded)."""


def header_block(text: str) -> tuple[dict[str, str], int] | None:
    """The mail headers opening ``text`` (lower-cased names to values) and where the body
    starts, when they name a sender and a date or a subject; else None."""
    block = _HEADER_BLOCK.match(text)
    if block is None:
        return None
    rest = text[block.end():block.end() + 2]
    if rest[:1] not in ("\n", "") and rest[:2] != "\r\n":
        return None  # no blank line after the headers: key lines of some other header
    fields = {m["name"].lower(): " ".join(m["value"].split()) for m in _FIELD.finditer(block.group())}
    if "from" not in fields or not ("date" in fields or "subject" in fields):
        return None
    body = block.end()
    while body < len(text) and text[body] in "\r\n":
        body += 1
    return fields, body


def subject_title(subject: str) -> str:
    """A subject without its "Re:" and "Fwd:" prefixes."""
    return _REPLY_PREFIX.sub("", subject).strip()


def sender_name(sender: str) -> str | None:
    """The display name of a From header, else its address."""
    for name, address in getaddresses([sender]):
        if name.strip() or address.strip():
            return (name or address).strip()
    return None


def sent_day(value: str) -> date | None:
    """The day of a Date header ("Mon, 16 Nov 2026 09:42:17 +0000"), as the sender wrote it."""
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def read_eml(data: bytes, html_text: Callable[[str], str]) -> tuple[str, int, dict[str, str]]:
    """A saved message's text (a header block, then the body), where its body starts, and
    its headers. ``html_text`` turns an HTML part into text. Raises MailError."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(message, EmailMessage):  # pragma: no cover - policy.default gives one
        raise MailError("not an e-mail message")
    headers = {name.lower(): " ".join(str(message.get(name, "")).split()) for name in _SHOWN}
    headers = {name: value for name, value in headers.items() if value}
    body = _body(message, html_text).strip()
    if not body:
        raise MailError("e-mail without readable text")
    shown = "".join(f"{name}: {headers[name.lower()]}\n" for name in _SHOWN if name.lower() in headers)
    text = f"{shown}\n{body}\n" if shown else f"{body}\n"
    return text, len(shown) + 1 if shown else 0, headers


def _body(message: EmailMessage, html_text: Callable[[str], str]) -> str:
    try:
        part = message.get_body(preferencelist=("plain", "html"))
        if part is None:
            return ""
        content = part.get_content()
    except (LookupError, ValueError, AttributeError) as exc:  # an unknown charset or a broken part
        raise MailError(f"e-mail body cannot be decoded: {exc}") from exc
    if not isinstance(content, str):
        return ""
    return html_text(content) if part.get_content_subtype() == "html" else content.replace("\r\n", "\n")
