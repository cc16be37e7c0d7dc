"""Embed cards: the card other sites show in an iframe (macros.pages.sharing makes the snippet).

A card is a small self-contained HTML page (inline styles, no scripts, no requests to
other hosts) under upota/, so a blogger's page needs nothing but the iframe tag.
"""

from __future__ import annotations

from macros.data.catalog import Catalog
from macros.data.records import Method, Service, title_of
from macros.pages import urls
from macros.pages.output import PublishedFile, SiteSettings
from macros.pages.render import render
from macros.pages.sharing import SITE_NAME

def embed_cards(catalog: Catalog, settings: SiteSettings) -> list[PublishedFile]:
    cards = [_card(catalog, settings, urls.method(m.id), m) for m in catalog.methods.values()]
    return cards + [_card(catalog, settings, urls.service(s.id), s) for s in catalog.services.values()]


def _card(catalog: Catalog, settings: SiteSettings, page_url: str, record: Method | Service) -> PublishedFile:
    card_url = urls.embed(page_url)
    links = urls.Links(card_url)
    html = render(
        "embed_card.html.j2",
        catalog=catalog,
        record=record,
        title=title_of(record),
        site_name=SITE_NAME,
        page_href=links.to(page_url),
        canonical=settings.absolute(page_url) or links.to(page_url),
    )
    return PublishedFile(f"{card_url}index.html", html)
