"""Everything published beside the pages: the files no page links to by path, and the
Avoin data and Haku pages' fragments, which describe what is published."""

from __future__ import annotations

from itertools import chain
from typing import Iterable, Iterator

from macros.data import json_schema
from macros.data.catalog import Catalog, schema_collection
from macros.data.schema import FILES
from macros.pages import urls
from macros.pages.output import PublishedFile, SiteSettings
from macros.pages.render import render
from macros.pages.site import FRAGMENTS as PAGE_FRAGMENTS, SEARCH_KINDS, describe_format
from macros.publish import feed, hsds, method_choice, open_data
from macros.publish.editor_form import editor_files
from macros.publish.embeds import embed_cards
from macros.publish.finnish import fold
from macros.publish.redirects import redirect_pages


def linked_files(catalog: Catalog, settings: SiteSettings) -> list[PublishedFile]:
    """Files that written pages link to by path: the JSON Schemas of the data files, for editors'
    tools, and the editors' form (the Toimittajille page links to both)."""
    schemas = [PublishedFile(f"schemas/{json_schema.file_name(spec)}", json_schema.rendered(spec)) for spec in FILES]
    return schemas + editor_files(catalog, settings)


def published_files(catalog: Catalog, settings: SiteSettings, page_urls: Iterable[str]) -> Iterator[PublishedFile]:
    """Files no page links to by path: embed cards, the method selector's data and the
    comparison's columns, redirects from earlier ids, open data exports and the feed of changes.
    Made one by one, so that a writer holds one at a time (the exports alone are tens of megabytes)."""
    published = set(page_urls)  # the generated pages' (a redirect or export links to those only)
    for file in chain(embed_cards(catalog, settings), [method_choice.selector_data(catalog)], method_choice.comparison_columns(catalog)):
        published.add(file.url)
        yield file
    yield from redirect_pages(catalog, settings, published)
    yield from open_data.exports(catalog, settings, published)
    yield feed.atom(catalog, settings)


def open_data_page(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    """The Avoin data page: every export with its count, formats, licence and fields."""
    exports = [(e, len(open_data.records_of(catalog, e))) for e in open_data.EXPORTS]
    return render(
        "open_data.html.j2",
        links=urls.Links(here),
        exports=exports,
        fields={e.name: schema_collection(e.collection).spec.fields for e in open_data.EXPORTS},
        describe=describe_format,
        directory=open_data.DIRECTORY,
        licence=open_data.LICENCE,
        publisher=settings.publisher.name,
        hsds_counts=[f"{len(catalog.organisations)} toimijaa", f"{len(catalog.services)} palvelua"],
        hsds_mapping=hsds.MAPPING,
        feed=urls.FEED,
    )


# The search page's kind filter, in this order, with the ASCII value the address keeps (?tyyppi=palvelu).
SEARCH_KIND_SLUGS = tuple((fold(kind), kind) for kind in (*SEARCH_KINDS.values(), "Sivu"))


def search_page(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    return render("search_page.html.j2", links=urls.Links(here), kinds=SEARCH_KIND_SLUGS)


# Every macro of the written pages: the pages' fragments and the publishing ones.
FRAGMENTS = {**PAGE_FRAGMENTS, "avoin_data": open_data_page, "hakusivu": search_page, "vertailu": method_choice.comparison_page}
