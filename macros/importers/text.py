"""Text from a service directory as our records hold it: plain Finnish text, never markup.

PTV returns descriptions as plain text with a little list markup ("* kohta", "1. kohta"); an HSDS
feed may carry HTML. Both become lines of plain text (each line a paragraph on the site). A script,
an embedded frame or a javascript: link is not text an editor meant: the import refuses it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from macros.importers.imported import ImportFailure

_ACTIVE = re.compile(r"<\s*(?:script|iframe|object|embed)\b|javascript\s*:", re.IGNORECASE)
_LIST_MARK = re.compile(r"^\s*(?:[*•-]|\d+\.)\s+", re.MULTILINE)
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}


class TextRefused(ValueError):
    """A text holds something that is not text (a script, a frame, a javascript: link)."""


def read(label: str, key: str, convert, value):
    """`convert(value)` for an input item's field; a refused text stops the import with the item and field named."""
    try:
        return convert(value if isinstance(value, str) else None)
    except TextRefused as refused:
        raise ImportFailure(f"{label}: kenttä '{key}' {refused}") from None


def refuse_active(value: str) -> None:
    found = _ACTIVE.search(value)
    if found:
        raise TextRefused(f"sisältää ohjelmakoodia ({found.group(0).strip()}…), ei tekstiä")


def plain(value: str | None) -> str | None:
    """Paragraphs of plain text: tags out, entities read, list marks and extra blank lines gone."""
    if value is None:
        return None
    refuse_active(value)
    text = _Text.of(value) if "<" in value else html.unescape(value)
    lines = [" ".join(_LIST_MARK.sub("", line).split()) for line in text.splitlines()]
    joined = "\n".join(line for line in lines if line)
    return joined or None


def one_line(value: str | None) -> str | None:
    text = plain(value)
    return " ".join(text.split()) if text else None


def shortened(value: str, limit: int) -> tuple[str, bool]:
    """The text within `limit` characters, cut after the last whole sentence that fits (else the
    last whole word); True when it was cut."""
    if len(value) <= limit:
        return value, False
    head = value[:limit]
    sentence_end = max(head.rfind(". "), head.rfind(".\n"), head.rfind("! "), head.rfind("? "))
    cut = head[: sentence_end + 1] if sentence_end > limit // 2 else head.rsplit(" ", 1)[0] + " …"
    return cut.strip(), True


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    @classmethod
    def of(cls, markup: str) -> str:
        reader = cls()
        reader.feed(markup)
        reader.close()
        return "".join(reader.parts)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
