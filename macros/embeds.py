"""Share and embed: the card other sites show in an iframe, and the snippet they paste.

A card is a small self-contained HTML page (inline styles, no scripts, no requests to
other hosts) under upota/, so a blogger's page needs nothing but the iframe tag.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros import urls
from macros.catalog import Catalog
from macros.output import PublishedFile, SiteSettings
from macros.records import Method, Service, title_of
from macros.render import render

SITE_NAME = "Perhekeskuksen menetelmät ja palvelut"
CARD_HEIGHT = 240  # px: fits a card's name, one line, owner and link on a 320 px wide phone


@dataclass(frozen=True)
class Share:
    """What a record page's "Jaa ja upota" section offers."""

    page_address: str  # the page's full address, or its path from the site root while the address is unknown
    card_url: str  # site URL of the embed card
    snippet: str  # the iframe tag to paste
    address_known: bool
    height: int = CARD_HEIGHT  # the same in the snippet and in the page's own preview


def share(settings: SiteSettings, page_url: str, title: str) -> Share:
    card_url = urls.embed(page_url)
    card_address = settings.absolute(card_url) or "/" + card_url
    snippet = render("embed_snippet.html.j2", src=card_address, title=f"{title} – {SITE_NAME}", height=CARD_HEIGHT).strip()
    return Share(settings.absolute(page_url) or "/" + page_url, card_url, snippet, bool(settings.site_url))


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
