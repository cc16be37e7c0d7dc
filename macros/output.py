"""What the generator hands to a site builder, and the settings that shape it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from macros.freshness import DEFAULT_MONTHS


@dataclass(frozen=True)
class GeneratedPage:
    """A file of the site: a Markdown page (path ends .md) or a file published as written."""

    path: str  # source path as MkDocs sees it, e.g. menetelmat/lapset-puheeksi.md
    content: str
    # schema.org JSON-LD for the page's <head>; kept out of the front matter, which MkDocs
    # parses with a slow pure-Python YAML loader
    structured_data: str | None = None
    # HTML put in place of the markers in the page's Markdown after conversion (see split_html)
    fragments: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        """The site URL the file is served at: 'menetelmat/lp.md' and 'upota/x/index.html' are directories."""
        if self.path.endswith(".md"):
            return self.path[: -len(".md")] + "/"
        return self.path.removesuffix("index.html")


_HEADING = re.compile(r"^#{1,6} .*\{#[a-z0-9-]+\}$")  # template headings always carry an id
_MARKER = "pk-html-fragment-{}"
_MARKER_PARAGRAPH = re.compile(r"<p>pk-html-fragment-(\d+)</p>")


def split_html(rendered: str) -> tuple[str, tuple[str, ...]]:
    """Markdown headings stay Markdown (for the table of contents); everything between them is
    HTML and becomes a marker paragraph. Markdown then never parses our HTML: at national scale
    that parsing (twice: Python-Markdown and MkDocs' raw-HTML scan) was the largest cost.
    Data text cannot form a heading: its braces are character references, so no `{#id}`."""
    markdown: list[str] = []
    fragments: list[str] = []
    block: list[str] = []

    def close_block() -> None:
        if "".join(block).strip():
            markdown.append("\n" + _MARKER.format(len(fragments)) + "\n")
            fragments.append("\n".join(block))
        block.clear()

    for line in rendered.split("\n"):
        if _HEADING.match(line):
            close_block()
            markdown.append(line)
        else:
            block.append(line)
    close_block()
    return "\n".join(markdown) + "\n", tuple(fragments)


def join_html(html: str, fragments: tuple[str, ...]) -> str:
    """The converted page with each marker paragraph replaced by its HTML (one pass, so HTML
    that happens to contain a marker is not replaced again)."""
    return _MARKER_PARAGRAPH.sub(lambda found: fragments[int(found.group(1))], html)


@dataclass(frozen=True)
class SiteSettings:
    repo_url: str = ""  # e.g. https://github.com/org/repo; empty: no edit links to a repository
    branch: str = "main"
    freshness_months: int = DEFAULT_MONTHS  # records checked longer ago are listed for editors
    site_url: str = ""  # where the site is published, e.g. https://example.fi/perhekeskus/; empty: unknown

    def edit_url(self, data_file: str) -> str | None:
        return f"{self.repo_url.rstrip('/')}/edit/{self.branch}/{data_file}" if self.repo_url else None

    def feedback_url(self, title: str) -> str | None:
        if not self.repo_url:
            return None
        return f"{self.repo_url.rstrip('/')}/issues/new?title={quote('Palaute: ' + title)}"

    def absolute(self, url: str) -> str | None:
        """The full address of a site URL such as 'menetelmat/lp/'; None while the site's address is unknown."""
        return f"{self.site_url.rstrip('/')}/{url}" if self.site_url else None
