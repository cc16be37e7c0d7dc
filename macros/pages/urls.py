"""The site's URL scheme, in one place, and relative links between pages.

Links are relative so the site works under any base path (for example a GitHub Pages
project site). Bloggers link to these URLs: change a scheme here only with redirects.
"""

from __future__ import annotations

from dataclasses import dataclass

METHODS = "menetelmat/"
ORGANISATIONS = "toimijat/"
SERVICES = "palvelut/"
AREAS = "alueet/"
FAMILIES = "perheille/"
EMBEDS = "upota/"  # minimal cards for other sites' iframes: upota/<page URL>
FEED = "paivitykset.xml"
COMPARE = "vertaa/"  # the comparison: vertaa/?menetelmat=id1,id2,id3
SELECTOR_DATA = f"{METHODS}valitsin.json"  # each method's values for the selector on menetelmat/
EDITOR = "muokkaa/"  # the editors' form (Sveltia CMS); not in the navigation, search or sitemap


def method(method_id: str) -> str:
    return f"{METHODS}{method_id}/"


def organisation(organisation_id: str) -> str:
    return f"{ORGANISATIONS}{organisation_id}/"


def service(service_id: str) -> str:
    return f"{SERVICES}{service_id}/"


def area(area_id: str) -> str:
    return f"{AREAS}{area_id}/"


def life_situation(situation_id: str) -> str:
    return f"{FAMILIES}{situation_id}/"


def facet(facet_slug: str, term_id: str) -> str:
    return f"{METHODS}{facet_slug}/{term_id}/"


def comparison_column(method_id: str) -> str:
    """A method's column of the comparison table, fetched by the vertaa/ page."""
    return f"{COMPARE}sarakkeet/{method_id}.html"


def editor_entry(collection: str, record_id: str) -> str:
    """The form's own address of a record (after the #): muokkaa/#/collections/menetelmat/entries/lp."""
    return f"/collections/{collection}/entries/{record_id}"


def embed(page_url: str) -> str:
    """The embeddable card of a record page, e.g. upota/menetelmat/lp/."""
    return f"{EMBEDS}{page_url}"


# Pages of records by collection: the URLs that earlier ids (aiemmat_osoitteet) redirect from.
RECORD_PAGES = {
    "menetelmat": method,
    "toimijat": organisation,
    "palvelut": service,
    "alueet": area,
    "elamantilanteet": life_situation,
}


def source_file(url: str) -> str:
    """Source path of the Markdown page MkDocs renders at `url` (directory URLs)."""
    return f"{url.rstrip('/')}.md"


@dataclass(frozen=True)
class Links:
    """Relative hrefs from the page at `here` (a site URL such as 'menetelmat/lp/')."""

    here: str

    def to(self, target: str, anchor: str = "") -> str:
        # Plain string work, not posixpath.relpath: that resolves both paths against the
        # working directory, and every page makes hundreds of links.
        here = [part for part in self.here.split("/") if part]
        there = [part for part in target.split("/") if part]
        common = 0
        while common < min(len(here), len(there)) and here[common] == there[common]:
            common += 1
        relative = "/".join([".."] * (len(here) - common) + there[common:])
        relative = relative + "/" if relative and target.endswith("/") else relative or "./"
        return relative + (f"#{anchor}" if anchor else "")

    def method(self, method_id: str) -> str:
        return self.to(method(method_id))

    def organisation(self, organisation_id: str) -> str:
        return self.to(organisation(organisation_id))

    def facet(self, facet_slug: str, term_id: str) -> str:
        return self.to(facet(facet_slug, term_id))

    def service(self, service_id: str) -> str:
        return self.to(service(service_id))

    def area(self, area_id: str) -> str:
        return self.to(area(area_id))
