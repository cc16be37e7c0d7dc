"""The Atom feed "Päivitetyt tiedot": record pages, newest change or check first.

Professionals follow it in a feed reader to see which methods and services were changed
or checked. Entry ids are UUIDs derived from the record, so a reader sees a re-check of
the same record as an update, not as a new entry.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from macros.data.catalog import Catalog
from macros.data.records import first_id, title_of
from macros.pages import urls
from macros.pages.output import PublishedFile, SiteSettings
from macros.pages.render import render

LIMIT = 100  # newest entries; the feed does not grow with the whole country
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "perhekeskuksen-menetelmat-ja-palvelut/syote")
KINDS = {"menetelmat": "Menetelmä", "palvelut": "Palvelu", "toimijat": "Toimija", "elamantilanteet": "Perheille"}


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    title: str
    summary: str
    href: str
    updated: date  # the later of the two dates
    changed: date
    checked: date


def atom(catalog: Catalog, settings: SiteSettings) -> PublishedFile:
    entries = sorted(_entries(catalog, settings), key=lambda e: (e.updated, e.title), reverse=True)[:LIMIT]
    xml = render(
        "feed.xml.j2",
        entries=entries,
        feed_id=f"urn:uuid:{_NAMESPACE}",
        updated=max((e.updated for e in entries), default=date.today()),
        self_href=settings.absolute(urls.FEED) or urls.FEED,
        publisher=settings.publisher.name,
        site_href=settings.absolute("") or "./",
    )
    return PublishedFile(urls.FEED, xml)


def _entries(catalog: Catalog, settings: SiteSettings):
    for collection, kind in KINDS.items():
        page_url = urls.RECORD_PAGES[collection]
        for record in catalog.collections[collection].values():
            url = page_url(record.id)
            yield Entry(
                id=f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{collection}/{first_id(record)}')}",
                kind=kind,
                title=title_of(record),
                summary=getattr(record, "summary", None) or record.description.split("\n")[0],
                href=settings.absolute(url) or url,
                updated=max(record.updated, record.checked),
                changed=record.updated,
                checked=record.checked,
            )
