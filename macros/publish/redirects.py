"""Redirect pages for earlier ids, so links bloggers made keep working after a rename.

An editor who renames a record's id keeps the old one in `aiemmat_osoitteet`. Its old page
(and old embed card) becomes a small HTML page that sends the reader on: meta refresh for
every browser, a one-line script that keeps the #anchor, a canonical link for search
engines and a plain link for everyone else. No plugin needed: these are generated files.
"""

from __future__ import annotations

from macros.data.catalog import Catalog
from macros.data.records import title_of
from macros.pages import urls
from macros.pages.output import PublishedFile, SiteSettings
from macros.pages.render import render


def redirect_pages(catalog: Catalog, settings: SiteSettings, published: set[str]) -> list[PublishedFile]:
    """A redirect for every earlier id of a record whose page (or embed card) is `published`."""
    pages = []
    for collection, page_url in urls.RECORD_PAGES.items():
        for record in catalog.collections[collection].values():
            for alias in getattr(record, "aliases", ()):
                old_page, new_page = page_url(alias), page_url(record.id)
                moves = [(old_page, new_page), (urls.embed(old_page), urls.embed(new_page))]
                pages += [_redirect(old, new, title_of(record), settings) for old, new in moves if new in published]
    return pages


def _redirect(old: str, new: str, title: str, settings: SiteSettings) -> PublishedFile:
    target = urls.Links(old).to(new)
    html = render("redirect.html.j2", title=title, target=target, canonical=settings.absolute(new) or target)
    return PublishedFile(f"{old}index.html", html)
