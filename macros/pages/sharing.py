"""Share and embed, as a record page offers them: the page's address and the iframe snippet
that shows its embed card (macros.publish.embeds writes the cards)."""

from __future__ import annotations

from dataclasses import dataclass

from macros.pages import urls
from macros.pages.output import SiteSettings
from macros.pages.render import render

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
