"""What the generator hands to a site builder, and the settings that shape it."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from macros.freshness import DEFAULT_MONTHS


@dataclass(frozen=True)
class GeneratedPage:
    """A file of the site: a Markdown page (path ends .md) or a file published as written."""

    path: str  # source path as MkDocs sees it, e.g. menetelmat/lapset-puheeksi.md
    content: str

    @property
    def url(self) -> str:
        """The site URL the file is served at: 'menetelmat/lp.md' and 'upota/x/index.html' are directories."""
        if self.path.endswith(".md"):
            return self.path[: -len(".md")] + "/"
        return self.path.removesuffix("index.html")


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
