"""What the site shows: the generated pages and the data-driven fragments of written pages.

Plain functions from a Catalog to page text. The MkDocs adapter only hands their output
to MkDocs, so another generator could call the same functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import groupby
from pathlib import Path
from typing import Callable

from markupsafe import Markup, escape

from macros.data.catalog import Catalog
from macros.data.drafts import waiting
from macros.data.freshness import stale_records
from macros.data.levels import LEVELS
from macros.data.parallel import split_map
from macros.data.records import Area, LifeSituation, Method, Observation, Organisation, Service, title_of
from macros.data.schema import FILES, RecordSpec
from macros.pages import structured_data, urls
from macros.pages.method_facets import FACETS, Facet, facet_groups, facet_terms, selector_choices, used_regions
from macros.pages.output import GeneratedPage, SiteSettings, article
from macros.pages.render import render
from macros.pages.sharing import share


@dataclass(frozen=True)
class Row:
    """A row heading of an adoption table: an area or a method."""

    kind: str  # "area" or "method"
    id: str
    name: str


def adoption_table(observations: list[Observation], row_of) -> tuple[list[int], list[tuple[Row, dict[int, Observation]]]]:
    """Figures of use in municipalities as rows × years, so change over time reads across a row."""
    in_use = [o for o in observations if o.topic == "kaytossa"]
    rows: dict[Row, dict[int, Observation]] = {}
    for o in in_use:
        rows.setdefault(row_of(o), {})[o.year] = o
    return sorted({o.year for o in in_use}), sorted(rows.items(), key=lambda item: item[0].name)


def generated_pages(catalog: Catalog, settings: SiteSettings) -> list[GeneratedPage]:
    """Every page made from the data; half of them are rendered on a second core."""
    return split_map(_render_page, page_jobs(catalog, settings, cards={}))


def page_jobs(catalog: Catalog, settings: SiteSettings, cards: dict | None = None) -> list[Callable[[], GeneratedPage]]:
    """One job per generated page: `partial(function, catalog, settings, *what the page is about)`.
    `cards`, if given, keeps each service's card for every area page that lists it (a service is on
    its municipality's page and its region's): the preview leaves it out, as each of its pages
    records what it reads of the catalogue (macros/pages/incremental.py)."""
    jobs = [partial(_method_page, catalog, settings, m) for m in catalog.methods.values()]
    jobs += [partial(_organisation_page, catalog, settings, o) for o in catalog.organisations.values()]
    jobs += [partial(_facet_page, catalog, settings, facet, term_id) for facet, term_id in facet_terms(catalog)]
    jobs += [partial(_service_page, catalog, settings, s) for s in catalog.services.values()]
    jobs += [partial(_area_page, catalog, settings, a, catalog.services_for(a.id), cards=cards) for a in catalog.areas.values() if catalog.services_in(a.id)]
    jobs += [partial(_life_situation_page, catalog, settings, s) for s in catalog.life_situations]
    return jobs


def _render_page(job: Callable[[], GeneratedPage]) -> GeneratedPage:
    return job()


@dataclass(frozen=True)
class About:
    """The record a page is about, for its schema.org data and sitemap date."""

    record: object  # any record with `updated` and `checked` dates
    entity: dict | None = None  # the schema.org main entity, if the record has a type of its own


# What a search result says it is (a Pagefind filter, printed by overrides/main.html); other pages are "Sivu".
SEARCH_KINDS = {LifeSituation: "Perheille", Method: "Menetelmä", Service: "Palvelu", Organisation: "Toimija", Area: "Alue"}


def gathering_pages(catalog: Catalog, record: object) -> list[str]:
    """The pages that gather a record with others: the life situations that list it, a service's
    methods and provider, a method's owner. When a search finds such a page beside the pages it
    gathers, it is the better place to start (haku.js ranks it up)."""
    found = [urls.life_situation(s.id) for s in catalog.life_situations if record.id in (s.services if isinstance(record, Service) else s.methods)]
    if isinstance(record, Service):
        found += [urls.method(m) for m in record.methods]
        found += [urls.organisation(record.provider)] if record.provider else []
    if isinstance(record, Method) and record.owner:
        found.append(urls.organisation(record.owner))
    return found


def _page(settings: SiteSettings, url: str, title: str, description: str, template: str, keywords: tuple[str, ...] = (), about: About | None = None, gathered_by: list[str] | None = None, **context: object) -> GeneratedPage:
    # Material prints page.meta title and description without escaping: escape them here.
    meta: dict = {"title": str(escape(title)), "description": str(escape(description))}
    if keywords:
        meta["avainsanat"] = list(keywords)  # weighted for search by overrides/main.html
    if about:
        meta["paivitetty"] = about.record.updated.isoformat()  # sitemap lastmod (overrides/sitemap.xml)
        meta["hakutyyppi"] = SEARCH_KINDS[type(about.record)]
        if isinstance(about.record, Service):
            meta["taso"] = about.record.level  # the result shows the traffic light
        if gathered_by:
            meta["kokoavat"] = " ".join(gathered_by)  # a Pagefind meta for haku.js
        preview = structured_data.web_page(settings, url, title, description, about.record, about.entity)
        meta["jsonld"] = structured_data.script_text(preview)  # printed by overrides/main.html
    html, headings = article(render(template, links=urls.Links(url), title=title, **context), settings.heading_link_title)
    return GeneratedPage(urls.source_file(url), meta, html, headings)


def _method_page(catalog: Catalog, settings: SiteSettings, method: Method) -> GeneratedPage:
    observations = catalog.observations_for(method.id)
    cited = [*method.sources, *(o.source for o in observations), *([method.evidence.source] if method.evidence else [])]
    url = urls.method(method.id)
    return _page(
        settings,
        url,
        method.display_name,
        method.summary,
        "method_page.md.j2",
        about=About(method, structured_data.method(catalog, settings, method)),
        gathered_by=gathering_pages(catalog, method),
        share=share(settings, url, method.display_name),
        keywords=(*((method.abbreviation,) if method.abbreviation else ()), *method.other_names, *method.keywords),
        catalog=catalog,
        method=method,
        facets=FACETS,
        observations=observations,
        adoption=adoption_table(observations, lambda o: Row("area", o.area, catalog.areas[o.area].name)),
        services=catalog.services_where("methods", method.id),
        sources=list(dict.fromkeys(cited)),
        record=_record_context(settings, "menetelmat", method),
    )


def _organisation_page(catalog: Catalog, settings: SiteSettings, organisation: Organisation) -> GeneratedPage:
    url = urls.organisation(organisation.id)
    return _page(
        settings,
        url,
        organisation.name,
        organisation.description.split("\n")[0],
        "organisation_page.md.j2",
        about=About(organisation, structured_data.organisation(settings, organisation, url)),
        keywords=(organisation.short_name,) if organisation.short_name else (),
        catalog=catalog,
        organisation=organisation,
        owned=catalog.methods_where("owner", organisation.id),
        trains=catalog.methods_where("trainers", organisation.id),
        partner_in=catalog.methods_where("partners", organisation.id),
        services=catalog.services_where("provider", organisation.id),
        record=_record_context(settings, "toimijat", organisation),
    )


def _facet_page(catalog: Catalog, settings: SiteSettings, facet: Facet, term_id: str) -> GeneratedPage:
    term = catalog.term(facet.vocabulary, term_id)
    return _page(
        settings,
        urls.facet(facet.slug, term_id),
        f"{facet.label}: {term.name}",
        f"Menetelmät, joiden {facet.label.lower()} on {term.name}.",
        "facet_page.md.j2",
        catalog=catalog,
        facet=facet,
        term=term,
        methods=catalog.methods_where(facet.attr, term_id),
    )


def _service_page(catalog: Catalog, settings: SiteSettings, service: Service) -> GeneratedPage:
    url = urls.service(service.id)
    return _page(
        settings,
        url,
        service.name,
        service.summary,
        "service_page.md.j2",
        about=About(service, structured_data.service(catalog, settings, service)),
        gathered_by=gathering_pages(catalog, service),
        share=share(settings, url, service.name),
        keywords=service.keywords,
        catalog=catalog,
        service=service,
        record=_record_context(settings, "palvelut", service),
    )


def _area_page(catalog: Catalog, settings: SiteSettings, area: Area, services: list[Service], cards: dict | None = None) -> GeneratedPage:
    own = catalog.observations_in(area.id)
    url = urls.area(area.id)
    return _page(
        settings,
        url,
        area.name,
        f"Lapsiperheiden palvelut alueella {area.name} liikennevalomallin mukaan.",
        "area_page.md.j2",
        about=About(area),
        catalog=catalog,
        area=area,
        levels=by_level(services),
        cards=_service_cards(catalog, urls.Links(url), services, {} if cards is None else cards),
        subareas=[a for a in catalog.subareas(area.id) if catalog.services_in(a.id)],
        adoption=adoption_table(own, lambda o: Row("method", o.method, catalog.methods[o.method].display_name)),
        matrix=stage_matrix(catalog, area.id),
    )


def _service_cards(catalog: Catalog, links: urls.Links, services: list[Service], kept: dict) -> dict[str, Markup]:
    """Each service's card on an area page, by id. Every area page is at alueet/<id>/, so a card's
    links are the same on each of them: one made for an earlier page is kept and used again."""
    for service in services:
        if service.id not in kept:
            kept[service.id] = Markup(render("service_card.html.j2", s=service, links=links, catalog=catalog))
    return kept


def by_level(services: list[Service]) -> list[tuple[str, list[Service]]]:
    """Services grouped in the traffic-light order: green, yellow, red."""
    return [(level, [s for s in services if s.level == level]) for level in LEVELS]


def stage_matrix(catalog: Catalog, region_id: str):
    """Municipalities × methods with the latest known stage; methods with no stage known anywhere are left out.
    A municipality's own page gets a one-row matrix."""
    municipalities = catalog.subareas(region_id) or [catalog.areas[region_id]]
    inside = {m.id for m in municipalities}
    staged = sorted((o for o in catalog.observations if o.stage and o.area in inside), key=lambda o: o.year)
    latest = {(o.area, o.method): o for o in staged}  # later years overwrite earlier ones
    methods = sorted({catalog.methods[o.method] for o in staged}, key=lambda m: m.name.casefold())
    return municipalities, methods, latest


def _life_situation_page(catalog: Catalog, settings: SiteSettings, situation: LifeSituation) -> GeneratedPage:
    services = sorted((catalog.services[i] for i in situation.services), key=lambda s: s.name.casefold())
    return _page(
        settings,
        urls.life_situation(situation.id),
        situation.name,
        situation.description,
        "life_situation_page.md.j2",
        about=About(situation),
        keywords=situation.words,
        catalog=catalog,
        situation=situation,
        services=services,
        levels=by_level(services),
        regions=_regions(catalog),
        record=_record_context(settings, "elamantilanteet", situation),
    )


def _regions(catalog: Catalog) -> list[tuple[Area, list[Area]]]:
    """Regions with their municipalities, for area choices."""
    return [(region, catalog.subareas(region.id)) for region in catalog.subareas(None)]


def _record_context(settings: SiteSettings, collection: str, record) -> dict:
    """Where a record's data is and how to change it: its file, and its place in the editors'
    form when the site has a repository to save to."""
    data_file = record.origin.position.file
    return {
        "data_file": data_file,
        "edit_url": settings.edit_url(data_file),
        "form": urls.editor_entry(collection, record.id) if settings.github_repository else None,
        "feedback_url": settings.feedback_url(title_of(record)),
    }


# Fragments for hand-written pages; the adapter exposes them as macros.

CATALOGUE_CARD_LIMIT = 150  # more methods than this: the catalogue lists names by initial, facet pages show cards


def method_catalogue(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    methods = catalog.methods_sorted()
    by_initial = [(initial, list(group)) for initial, group in groupby(methods, key=lambda m: m.display_name[:1].upper())]
    return render(
        "method_catalogue.html.j2",
        links=urls.Links(here),
        catalog=catalog,
        methods=methods,
        facets=facet_groups(catalog),
        choices=selector_choices(catalog),
        regions=used_regions(catalog),
        by_initial=by_initial if len(methods) > CATALOGUE_CARD_LIMIT else None,
    )


def organisation_list(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    organisations = sorted(catalog.organisations.values(), key=lambda o: o.name.casefold())
    return render("organisation_list.html.j2", links=urls.Links(here), catalog=catalog, organisations=organisations)


FAMILY_THEME_LIMIT = 12  # methods shown per theme for families; the theme's page lists them all


def methods_for_families(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    themes = [(term, catalog.methods_where("themes", term.id)) for term in catalog.vocabulary("teemat").values()]
    return render("methods_for_families.html.j2", links=urls.Links(here), themes=[(t, ms) for t, ms in themes if ms], shown=FAMILY_THEME_LIMIT)


def source_list(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    return render("source_list.html.j2", links=urls.Links(here), catalog=catalog, sources=list(catalog.sources))


def evidence_scale(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    return render("evidence_scale.html.j2", links=urls.Links(here), catalog=catalog, levels=list(catalog.vocabulary("nayttoasteikko").values()))


def implementation_path(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    actions = list(catalog.vocabulary("tukitoimet").values())
    return render("implementation_path.html.j2", links=urls.Links(here), catalog=catalog, stages=catalog.stages, actions=actions)


MAP_PAGE_LIMIT = 300  # more services than this: the map lists areas, and each area page its services


def service_map(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    """All services with filters while they fit one page; beyond that, the regions and
    municipalities, each linking to its own page of services by level."""
    if len(catalog.services) > MAP_PAGE_LIMIT:
        areas = [(region, len(catalog.services_for(region.id)), municipalities) for region, municipalities in _regions(catalog)]
        return render("service_map_areas.html.j2", links=urls.Links(here), areas=areas, levels=LEVELS, catalog=catalog)
    return render(
        "service_map.html.j2",
        links=urls.Links(here),
        catalog=catalog,
        services=catalog.services_sorted(),
        levels=LEVELS,
        regions=_regions(catalog),
        age_groups=[t for t in catalog.vocabulary("ikaryhmat").values() if t.minimum_age is not None],
        themes=[t for t in catalog.vocabulary("teemat").values() if catalog.services_where("themes", t.id)],
        built=date.today(),
    )


def counts(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    return render("counts.html.j2", links=urls.Links(here), catalog=catalog)


def life_situations(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    return render("life_situations.html.j2", links=urls.Links(here), situations=catalog.life_situations)


# Record kinds a written page may link by id: (Finnish name for messages, collection, URL).
RECORD_KINDS = {
    "menetelma": ("menetelmään", "menetelmat", urls.method),
    "palvelu": ("palveluun", "palvelut", urls.service),
    "toimija": ("toimijaan", "toimijat", urls.organisation),
    "alue": ("alueeseen", "alueet", urls.area),
    "elamantilanne": ("elämäntilanteeseen", "elamantilanteet", urls.life_situation),
}


class MissingRecord(LookupError):
    """A written page links a record the data does not have: the message says which, and
    `record_id` lets the caller find the macro's line in the page."""

    def __init__(self, message: str, record_id: str = ""):
        super().__init__(message)
        self.record_id = record_id


def at_macro(error: MissingRecord, source: Path, root: Path) -> MissingRecord:
    """The error again, led by the page and line (as editors count) of the first macro call in
    `source` that names the record: `docs/perheille.md:31: sivu viittaa …`."""
    lines = source.read_text(encoding="utf-8").splitlines()
    line = next((n for n, content in enumerate(lines, 1) if "{{" in content and error.record_id in content), 1)
    shown = source.relative_to(root) if source.is_relative_to(root) else source
    return MissingRecord(f"{shown}:{line}: {error}", error.record_id)


def tietue(catalog: Catalog, here: str, settings: SiteSettings, laji: str, tunniste: str, ennen: str = "", jalkeen: str = "", valinnainen: bool = False) -> str:
    """The written pages' macro: {{ tietue("menetelma", "lapset-puheeksi", ennen="Lue lisää: ", jalkeen=".", valinnainen=true) }}"""
    return record_link(catalog, here, laji, tunniste, ennen, jalkeen, valinnainen)


def record_link(catalog: Catalog, here: str, kind: str, record_id: str, lead: str = "", tail: str = "", optional: bool = False) -> str:
    """A written page's link to a record, checked against the catalogue: another county's data
    may lack the record, so an optional link renders nothing and a required one stops the build."""
    if kind not in RECORD_KINDS:
        raise MissingRecord(f"tuntematon tietuelaji '{kind}' (sallitut: {', '.join(RECORD_KINDS)})", kind)
    noun, collection, url = RECORD_KINDS[kind]
    record = catalog.collections.get(collection, {}).get(record_id)
    if record is None:
        if optional:
            return ""
        raise MissingRecord(f"sivu viittaa {noun} '{record_id}', jota ei ole tiedoissa", record_id)
    return render("record_link.html.j2", href=urls.Links(here).to(url(record_id)), name=title_of(record), lead=lead, tail=tail)


def urgent_help(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    return render("urgent_help.html.j2", links=urls.Links(here), catalog=catalog)


def stale_list(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    stale = stale_records(catalog, date.today(), settings.freshness_months)
    return render("stale_list.html.j2", links=urls.Links(here), stale=stale, months=settings.freshness_months)


def drafts_list(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    """Imported records waiting for an editor, each with what it still needs and a link into the form."""
    return render("drafts_list.html.j2", links=urls.Links(here), drafts=waiting(catalog), form=bool(settings.github_repository), editor_entry=urls.editor_entry)


def field_guide(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    """Every data file and field, from the same definitions the validator uses."""
    return render("field_guide.html.j2", links=urls.Links(here), files=FILES, describe=describe_format)


def describe_format(field) -> str:
    """What a field's value looks like, in Finnish, for the field guide."""
    if isinstance(field.kind, RecordSpec):
        keys = ", ".join(f.key for f in field.kind.fields)
        return f"luettelo, jonka jokaisella rivillä on kentät {keys}" if field.many else f"kentät {keys}"
    parts = [("luettelo: " if field.many else "") + field.kind.value]
    if field.choices:
        parts.append("sallitut arvot: " + ", ".join(field.choices))
    if field.max_length:
        parts.append(f"enintään {field.max_length} merkkiä")
    if field.ref:
        parts.append(f"viittaa kokoelmaan {field.ref}")
    return "; ".join(parts)


def publisher(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    """Who publishes the site and for which areas, from mkdocs.yml (macros.pages.output.Publisher)."""
    regions = [_configured_area(catalog, area_id) for area_id in settings.publisher.regions]
    return render("publisher.html.j2", publisher=settings.publisher, regions=regions)


def feedback_link(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    """The publisher's own feedback channel, when mkdocs.yml names one."""
    if not settings.publisher.feedback:
        return ""
    return render("feedback_channel.html.j2", href=_contact(here, settings.publisher.feedback), publisher=settings.publisher.name)


def accessibility_contact(catalog: Catalog, here: str, settings: SiteSettings) -> str:
    return render("contact_link.html.j2", href=_contact(here, settings.publisher.accessibility))


def _contact(here: str, target: str) -> str:
    """A configured contact: a web or mail address as it is, else a page of this site."""
    return target if target.startswith(("https://", "http://", "mailto:")) else urls.Links(here).to(target)


class PublisherError(ValueError):
    """mkdocs.yml's publisher settings do not match the data."""


def _configured_area(catalog: Catalog, area_id: str):
    if area_id not in catalog.areas:
        raise PublisherError(f"mkdocs.yml: julkaisijan alue '{area_id}' ei ole alueiden kansiossa data/alueet")
    return catalog.areas[area_id]


FRAGMENTS = {
    "menetelmaluettelo": method_catalogue,
    "toimijaluettelo": organisation_list,
    "menetelmat_perheille": methods_for_families,
    "lahdeluettelo": source_list,
    "nayttoasteikko": evidence_scale,
    "luvut": counts,
    "palvelukartta": service_map,
    "kayttoonoton_polku": implementation_path,
    "vanhentuneet": stale_list,
    "luonnokset": drafts_list,
    "elamantilanteet": life_situations,
    "apua_heti": urgent_help,
    "tietue": tietue,
    "kenttaopas": field_guide,
    "julkaisija": publisher,
    "palautekanava": feedback_link,
    "saavutettavuuspalaute": accessibility_contact,
}
