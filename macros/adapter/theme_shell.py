"""Theme shells: Material's page template rendered once per kind of generated page, then filled.

Ten thousand service pages differ only in their title, description, article, table of contents,
address and a few search fields; the navigation, header, footer and scripts around them are the
same for every page in one folder. Rendering Material's whole template for each of them was two
thirds of a national build. So the template is rendered once per *shape* of page with stand-in
values (sentinels), cut at the sentinels into a shell, and each page's own values are put in
the gaps. Nothing in the output is written here: every byte comes from the theme's templates.

What keeps the copy exact:
- a page in the navigation, or with previous/next links, is rendered the full way;
- the shape is everything the template branches on: folder, metadata keys, whether the article
  has its own h1, the table of contents' shape;
- the table of contents is Material's own partial, rendered per page;
- a second stand-in render with `&<>"'` tells which values the template prints as they are; a
  page whose value it would escape or strip, and whose value has such a character, is rendered
  the full way;
- the first two pages of each shape are also rendered the full way and compared; a mismatch
  retires the shape (its pages are rendered the full way).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MARK = "pkKuori"  # mixed case: a template that changed a value's case would lose the sentinel
PROBE = "&<>\"'"
SPECIAL = re.compile(r"[&<>\"']")
TOC_PARTIAL = '{% import "partials/language.html" as lang with context %}{% include "partials/toc.html" %}'
GAP = "\x00"  # no template prints it: it marks the shell's gaps while the shell is cut
VERIFIED = 2  # pages per shape rendered both ways and compared


class _Standin:
    """The page as the shell sees it: the stand-ins given, everything else the page's own."""

    def __init__(self, page: Any, **values: Any) -> None:
        self._page = page
        self.__dict__.update(values)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


@dataclass(frozen=True)
class _TocItem:
    """What Material's toc partial reads of a heading."""

    title: str
    url: str
    level: int
    children: tuple = ()


@dataclass
class _Shell:
    parts: list[str]  # literal, field, literal, field, …, literal
    raw: frozenset[str]  # fields the template prints as they are
    separators: dict[str, str]  # list fields: what the template joins their items with
    checked: int = 0


class ShellCache:
    """Shells of one build, by shape."""

    def __init__(self, env: Any) -> None:
        self.toc = env.from_string(TOC_PARTIAL)
        self.shells: dict[tuple, _Shell | None] = {}
        self.tocs: dict[tuple, str] = {}

    def render(self, template: Any, context: dict, page: Any) -> str:
        """The page's HTML, exactly as `template.render(context)` would give it."""
        shape = _shape(page)
        if shape is None:
            return template.render(context)
        if shape not in self.shells:
            self.shells[shape] = self._shell(template, context, page)
        shell = self.shells[shape]
        if shell is None:
            return template.render(context)
        values = {**_fields(page), "toc": self._toc(context, page)}
        texts = {name: _text(shell, name, value) for name, value in values.items()}
        if not _fits(shell, texts):
            return template.render(context)
        filled = "".join(part if index % 2 == 0 else texts[part] for index, part in enumerate(shell.parts))
        if shell.checked < VERIFIED:
            shell.checked += 1
            full = template.render(context)
            if full != filled:
                self.shells[shape] = None
            return full
        return filled

    def _toc(self, context: dict, page: Any) -> str:
        """Material's toc partial reads only the headings: pages of one kind share their section
        headings, so each set of headings is rendered once."""
        key = _headings(page.toc)
        if key not in self.tocs:
            self.tocs[key] = self.toc.render({**context, "page": page})
        return self.tocs[key]

    def _shell(self, template: Any, context: dict, page: Any) -> _Shell | None:
        """The template rendered with stand-ins (twice: plain and probed), cut at them."""
        fields = _fields(page)
        standin = _standin(page, fields, "")
        plain = template.render({**context, "page": standin})
        probed = template.render({**context, "page": _standin(page, fields, PROBE)})
        toc = self._toc(context, standin)
        if plain.count(toc) != 1 or GAP in plain:
            return None
        plain = plain.replace(toc, f"{GAP}toc{GAP}")
        raw, separators = {"toc"}, {}
        for name, value in fields.items():
            printed = _standin_value(name, value, "")
            if isinstance(value, list):
                found = re.search(re.escape(printed[0]) + "(.*?)" + re.escape(printed[1]), plain)
                if found is None:
                    return None
                separators[name] = found.group(1)
                printed = found.group(0)
            mark = printed if isinstance(printed, str) else printed[-1]
            if probed.count(mark + PROBE) == plain.count(printed):
                raw.add(name)
            plain = plain.replace(printed, f"{GAP}{name}{GAP}")
        parts = plain.split(GAP)
        if any(MARK in literal for literal in parts[::2]):
            return None  # a stand-in the template changed on the way: this shape is rendered the full way
        return _Shell(parts, frozenset(raw), separators)


def _shape(page: Any) -> tuple | None:
    """What the template branches on; None for a page the shell cannot stand for."""
    if page.previous_page or page.next_page or page.parent is not None or page.is_homepage:
        return None
    first = next(iter(page.toc), None)
    toc = "none" if first is None else ("h1" if first.level == 1 else "flat")
    meta = tuple(sorted((key, type(value).__name__) for key, value in page.meta.items()))
    return _parent(page.url), meta, "<h1" in (page.content or ""), toc, bool(page.canonical_url)


def _fields(page: Any) -> dict[str, Any]:
    """Every value that differs between pages of one shape, by field name."""
    fields: dict[str, Any] = {"title": page.title, "content": page.content or "", "slug": page.url[len(_parent(page.url)):].rstrip("/")}
    for key, value in page.meta.items():
        if key != "template" and isinstance(value, (str, list)):
            fields["meta_" + key] = value
    first = next(iter(page.toc), None)
    if first is not None:
        fields["tocurl"] = first.url
    return fields


def _standin_value(name: str, value: Any, suffix: str) -> Any:
    """A field's stand-in: a sentinel (two for a list), shaped as the template needs it."""
    sentinel = f"{MARK}{name}~"
    if isinstance(value, list):
        return [f"{MARK}{name}@0", f"{MARK}{name}@1" + suffix]
    if name == "content" and "<h1" in value:
        return "<h1>" + sentinel + suffix
    if name == "tocurl":
        return "#" + sentinel
    return sentinel + ("" if name == "slug" else suffix)


def _standin(page: Any, fields: dict[str, Any], suffix: str) -> _Standin:
    values = {name: _standin_value(name, value, suffix) for name, value in fields.items()}
    meta = {**page.meta, **{name[len("meta_"):]: value for name, value in values.items() if name.startswith("meta_")}}
    url = _parent(page.url) + values["slug"] + "/"
    canonical = page.canonical_url[: -len(page.url)] + url if page.canonical_url and page.url else page.canonical_url
    return _Standin(page, title=values["title"], content=values["content"], meta=meta, url=url,
                    canonical_url=canonical, toc=_standin_toc(page.toc, values.get("tocurl", "")))


def _standin_toc(toc: Any, url: str) -> list:
    first = next(iter(toc), None)
    if first is None:
        return []
    heading = _TocItem(f"{MARK}tocitem~", url, 2)
    return [_TocItem(f"{MARK}tocitem~", url, 1, (heading,))] if first.level == 1 else [heading]


def _headings(toc: Any) -> tuple:
    return tuple((item.title, item.url, item.level, _headings(item.children)) for item in toc)


def _fits(shell: _Shell, texts: dict[str, str]) -> bool:
    """A value the template would escape or strip goes in as it is only when that changes nothing."""
    return all(name in shell.raw or not SPECIAL.search(text) for name, text in texts.items())


def _text(shell: _Shell, name: str, value: Any) -> str:
    if isinstance(value, list):
        return shell.separators[name].join(map(str, value))
    return str(value)


def _parent(url: str) -> str:
    """'palvelut/neuvola/' -> 'palvelut/'; a page at the top -> ''."""
    head, _, _ = url.rstrip("/").rpartition("/")
    return head + "/" if head else ""
