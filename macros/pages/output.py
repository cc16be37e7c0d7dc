"""What the generator hands to a site builder, and the settings that shape it."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from macros.data.freshness import DEFAULT_MONTHS
from macros.pages.render import render


@dataclass(frozen=True)
class Heading:
    """A section heading of a generated page, for its table of contents."""

    level: int
    id: str
    title: str  # HTML


@dataclass(frozen=True)
class GeneratedPage:
    """A page made by the generator: its metadata and its finished article HTML. A site
    builder only wraps it in the theme; nothing in it is parsed as Markdown again."""

    path: str  # source path as MkDocs sees it, e.g. menetelmat/lapset-puheeksi.md
    meta: dict  # title and description (escaped for HTML), keywords, dates, JSON-LD
    html: str
    headings: tuple[Heading, ...] = ()

    @property
    def url(self) -> str:
        """The site URL the page is served at: 'menetelmat/lp.md' -> 'menetelmat/lp/'."""
        return self.path[: -len(".md")] + "/"


@dataclass(frozen=True)
class PublishedFile:
    """A file published as written: an embed card, a redirect, an export, the feed, the search bundle."""

    path: str  # e.g. upota/menetelmat/lp/index.html
    content: str | bytes  # text is written as UTF-8

    @property
    def url(self) -> str:
        """The site URL the file is served at: 'upota/x/index.html' -> 'upota/x/'."""
        return self.path.removesuffix("index.html")


def write_files(files: Iterable[PublishedFile], directory: Path) -> None:
    for file in files:
        target = directory / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content if isinstance(file.content, bytes) else file.content.encode("utf-8"))


_HEADING = re.compile(r"^(#{1,6}) (.+) \{#([a-z0-9-]+)\}$")


def article(rendered: str, link_title: str) -> tuple[str, tuple[Heading, ...]]:
    """A page template's output as article HTML and its headings.

    Templates write section headings as Markdown lines, `## Koulutus {#koulutus}`, so each
    anchor is stable and visible where it is written. Each becomes an <hN> with a permalink,
    the same HTML Python-Markdown's toc extension gives the written pages. Everything else is
    HTML already and passes through untouched: at national scale, running Markdown over it
    cost more than all of our own rendering. Data text cannot form a heading: its braces are
    character references, so it has no `{#id}`."""
    parts: list[str] = []
    headings: list[Heading] = []
    block: list[str] = []

    def close_block() -> None:
        if "".join(block).strip():
            parts.append("\n".join(block))
        block.clear()

    for line in rendered.split("\n"):
        found = _HEADING.match(line)
        if found:
            close_block()
            heading = Heading(len(found[1]), found[3], found[2])
            headings.append(heading)
            parts.append(_heading_html(heading, link_title))
        else:
            block.append(line)
    close_block()
    return "\n".join(parts), tuple(headings)


@functools.lru_cache(maxsize=None)  # a few dozen distinct headings across the whole site
def _heading_html(heading: Heading, link_title: str) -> str:
    return render("heading.html.j2", heading=heading, title=Markup(heading.title), link_title=link_title).strip()


@dataclass(frozen=True)
class Publisher:
    """Who publishes the site (mkdocs.yml `extra.perhekeskus.julkaisija`): a county running its own
    site changes these, and the written pages, the feed and the open-data terms follow."""

    name: str = "Perhekeskuksen menetelmät ja palvelut"
    regions: tuple[str, ...] = ()  # area ids (data/alueet/<id>.yml) that the site covers; () for all
    feedback: str = ""  # the publisher's own feedback channel (http(s)/mailto or a site URL); "": only this site's pages
    accessibility: str = "palaute/"  # where to report an accessibility problem (the same kinds of address)


@dataclass(frozen=True)
class SiteSettings:
    repo_url: str = ""  # e.g. https://github.com/org/repo; empty: no edit links to a repository
    branch: str = "main"
    freshness_months: int = DEFAULT_MONTHS  # records checked longer ago are listed for editors
    site_url: str = ""  # where the site is published, e.g. https://example.fi/perhekeskus/; empty: unknown
    heading_link_title: str = "Linkki tähän kohtaan"  # the permalink's title; the adapter takes mkdocs.yml's
    publisher: Publisher = Publisher()

    @property
    def github_repository(self) -> str | None:
        """'owner/name' when repo_url is a GitHub repository: the editors' form saves there."""
        parts = urlsplit(self.repo_url)
        path = parts.path.strip("/").removesuffix(".git").split("/")
        if parts.netloc.lower() != "github.com" or len(path) != 2 or not all(path):
            return None
        return "/".join(path)

    def edit_url(self, data_file: str) -> str | None:
        return f"{self.repo_url.rstrip('/')}/edit/{self.branch}/{data_file}" if self.repo_url else None

    def feedback_url(self, title: str) -> str | None:
        if not self.repo_url:
            return None
        return f"{self.repo_url.rstrip('/')}/issues/new?title={quote('Palaute: ' + title)}"

    def absolute(self, url: str) -> str | None:
        """The full address of a site URL such as 'menetelmat/lp/'; None while the site's address is unknown."""
        return f"{self.site_url.rstrip('/')}/{url}" if self.site_url else None
