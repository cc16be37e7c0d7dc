"""The ways to narrow the method catalogue: a page per facet value, and the selector on
menetelmat/ that combines them all (its choices here, each method's values in the JSON file
that macros.publish.method_choice writes from `method_values`)."""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.catalog import Catalog
from macros.data.records import Method, Term


@dataclass(frozen=True)
class Facet:
    """A way to filter methods, with its URL segment and the vocabulary it draws on."""

    slug: str
    attr: str
    vocabulary: str
    label: str


# How many methods the comparison holds: the tray on every method list and the vertaa/ page say it.
MAX_COMPARED = 4

FACETS = (
    Facet("teema", "themes", "teemat", "Teema"),
    Facet("ika", "age_groups", "ikaryhmat", "Kohderyhmä"),
    Facet("muoto", "formats", "toteutusmuodot", "Toteutusmuoto"),
    Facet("paikka", "settings", "toteutuspaikat", "Toteutuspaikka"),
)

# Evidence values of the selector: every rated method is also "arvioitu", so that one box
# picks any published rating; an unrated one is "ei-arvioitu".
RATED, UNRATED = "arvioitu", "ei-arvioitu"


@dataclass(frozen=True)
class Option:
    value: str
    name: str


@dataclass(frozen=True)
class Choice:
    """One group of the selector: its address parameter, label and options (only values some method has)."""

    param: str
    label: str
    options: tuple[Option, ...]


def facet_terms(catalog: Catalog) -> list[tuple[Facet, str]]:
    """Every facet value that at least one method has; only these get a page."""
    used = []
    for facet in FACETS:
        for term_id in catalog.vocabulary(facet.vocabulary):
            if catalog.methods_where(facet.attr, term_id):
                used.append((facet, term_id))
    return used


def facet_groups(catalog: Catalog) -> list[tuple[Facet, list[Term]]]:
    """Each facet with the terms some method has, in vocabulary order: the catalogue's facet
    links and the selector's first groups."""
    used = facet_terms(catalog)
    return [(facet, [catalog.term(facet.vocabulary, t) for f, t in used if f is facet]) for facet in FACETS]


def method_values(catalog: Catalog, method: Method) -> dict[str, list[str]]:
    """A method's value in each checkbox group of the selector, keyed by address parameter."""
    values = {facet.slug: list(getattr(method, facet.attr)) for facet in FACETS}
    values["naytto"] = [RATED, method.evidence.level] if method.evidence else [UNRATED]
    values["omistaja"] = [method.owner] if method.owner else []
    return values


def selector_choices(catalog: Catalog) -> list[Choice]:
    """The checkbox groups, in the order of the form."""
    choices = [
        Choice(facet.slug, facet.label, tuple(Option(term.id, term.name) for term in terms))
        for facet, terms in facet_groups(catalog)
    ]
    rated = {m.evidence.level for m in catalog.methods.values() if m.evidence}
    levels = [Option(t.id, t.name) for t in catalog.vocabulary("nayttoasteikko").values() if t.id in rated]
    choices.append(Choice("naytto", "Näytön aste", (Option(RATED, "Arvioitu (mikä tahansa aste)"), *levels, Option(UNRATED, "Ei arvioitu"))))
    owners = sorted({m.owner for m in catalog.methods.values() if m.owner}, key=lambda o: catalog.organisations[o].name.casefold())
    choices.append(Choice("omistaja", "Omistaja", tuple(Option(o, catalog.organisations[o].name) for o in owners)))
    return choices


def used_regions(catalog: Catalog) -> list[tuple]:
    """Regions and municipalities where some method is in use, for the selector's area choice."""
    used = frozenset().union(*(catalog.method_areas(m) for m in catalog.methods))
    return [
        (region, [m for m in catalog.subareas(region.id) if m.id in used])
        for region in catalog.subareas(None)
        if region.id in used
    ]
