"""What the professionals' method tools read, written beside the pages: each method's values
for the selector on menetelmat/ (one JSON file) and each method's column of the comparison
on vertaa/ (one HTML fragment per method), so neither page carries a copy of every card."""

from __future__ import annotations

import json

from macros.data.catalog import Catalog
from macros.data.records import Method, Observation
from macros.pages import urls
from macros.pages.method_facets import FACETS, method_values
from macros.pages.output import PublishedFile, SiteSettings
from macros.pages.render import render

# The comparison's rows, in order: (id, heading). The page prints the headings, each
# method's fragment one cell per row.
ROWS = (
    ("tiivistelma", "Mitä menetelmä on"),
    ("kenelle", "Kenelle"),
    ("teemat", "Teemat"),
    ("toteutusmuoto", "Toteutusmuoto"),
    ("toteutuspaikka", "Toteutuspaikka"),
    ("naytto", "Näyttö"),
    ("omistaja", "Omistaja"),
    ("kouluttajat", "Kouluttajat"),
    ("koulutus", "Mitä koulutus vaatii"),
    ("tukitoimet", "Käyttöönoton tuki"),
    ("kaytossa", "Käytössä alueilla (uusin luku)"),
    ("palvelut", "Palvelut, joissa käytössä"),
)

def selector_data(catalog: Catalog) -> PublishedFile:
    """Every method's selector values and areas of use, in catalogue order. Areas are numbers into
    the list "alueet": a region-wide service puts every municipality on the list, and at national
    scale the names would be most of the file."""
    reach = {m.id: catalog.method_areas(m.id) for m in catalog.methods.values()}
    areas = sorted(frozenset().union(*reach.values()))
    number = {area: i for i, area in enumerate(areas)}
    methods = [
        {"id": m.id, **method_values(catalog, m), "alue": sorted(number[a] for a in reach[m.id])}
        for m in catalog.methods_sorted()
    ]
    data = {"alueet": areas, "menetelmat": methods}
    return PublishedFile(urls.SELECTOR_DATA, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def comparison_columns(catalog: Catalog) -> list[PublishedFile]:
    return [_column(catalog, m) for m in catalog.methods.values()]


def _column(catalog: Catalog, method: Method) -> PublishedFile:
    url = urls.comparison_column(method.id)
    html = render(
        "comparison_column.html.j2",
        links=urls.Links(url.rsplit("/", 1)[0] + "/"),
        catalog=catalog,
        method=method,
        facets={f.slug: f for f in FACETS},
        rows=ROWS,
        latest=latest_figures(catalog.observations_for(method.id)),
        services=catalog.services_where("methods", method.id),
    )
    return PublishedFile(url, html)


def latest_figures(observations: list[Observation]) -> list[Observation]:
    """The newest figure of each kind per area (observations come sorted by area, kind, year)."""
    newest: dict[tuple[str, str], Observation] = {}
    for o in observations:
        newest[(o.area, o.topic)] = o
    return list(newest.values())


def comparison_page(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    """The vertaa/ page's table frame and its explanation without JavaScript."""
    return render(
        "comparison_page.html.j2",
        links=urls.Links(here),
        rows=ROWS,
        facets=FACETS,
    )
