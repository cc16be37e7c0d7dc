"""Organisations and services as Open Referral HSDS 3 objects (organization, service,
service_area, phone, attribute with taxonomy_term), for directories that read HSDS.

HSDS ids are UUIDs: each is derived (UUID 5) from the record's first id, so it stays the
same across builds and after a rename (the first id is then the first of aiemmat_osoitteet).
README.md has the field mapping.
"""

from __future__ import annotations

from macros.data.catalog import Catalog
from macros.data.levels import LEVEL_INFO
from macros.data.records import Organisation, Service, first_id, record_uuid as _record_uuid, stable_uuid as _uuid
from macros.pages import urls
from macros.pages.output import SiteSettings

STATUS = {"aktiivinen": "active", "tauolla": "temporarily closed", "lakkautettu": "defunct"}
DEFAULT_STATUS = "active"  # a service without `tila` is listed as current by its source
LEVEL_TAXONOMY = "Liikennevalomalli (Perhekeskuksen menetelmät ja palvelut)"
THEME_TAXONOMY = "Teemat (Perhekeskuksen menetelmät ja palvelut)"


# How our fields become HSDS fields: shown on the Avoin data page and in README.md.
MAPPING = (
    ("id (ja aiemmat_osoitteet)", "service.id: UUID 5 tietueen ensimmäisestä tunnisteesta"),
    ("nimi, kuvaus", "service.name, service.description"),
    ("tila: aktiivinen, tauolla, lakkautettu (puuttuu: aktiivinen)", "service.status: active, temporarily closed, defunct"),
    ("tuottaja", "service.organization_id → organization (organizations.json)"),
    ("verkkosivu, muuten palvelun sivu tällä sivustolla", "service.url"),
    ("kenelle", "service.eligibility_description"),
    ("ika_alkaen, ika_asti", "service.minimum_age, service.maximum_age"),
    ("maksu", "service.fees_description"),
    ("tarkistettu", "service.assured_date"),
    ("alueet", "service.service_areas[]: service_area.name, .description (aluetyyppi), .uri (alueen sivu)"),
    ("puhelin", "service.phones[]: phone.number"),
    ("taso (liikennevalo)", "service.attributes[]: link_type liikennevalomalli, taxonomy_term (code, name, description)"),
    ("teemat", "service.attributes[]: link_type teema, taxonomy_term"),
    ("toimijan nimi, lyhenne, kuvaus, verkkosivu", "organization.name, .alternate_name, .description, .website"),
)


def record_uuid(kind: str, record: Organisation | Service) -> str:
    """Stable across renames: from the record's first id."""
    return _record_uuid(kind, first_id(record))


def documents(catalog: Catalog, settings: SiteSettings, published: set[str]) -> dict[str, list[dict]]:
    return {
        "hsds/organizations.json": [organization(o) for o in sorted(catalog.organisations.values(), key=lambda o: o.id)],
        "hsds/services.json": [service(catalog, settings, published, s) for s in sorted(catalog.services.values(), key=lambda s: s.id)],
    }


def organization(org: Organisation) -> dict:
    data = {"id": record_uuid("organization", org), "name": org.name, "description": org.description}
    if org.short_name:
        data["alternate_name"] = org.short_name
    if org.website:
        data["website"] = org.website
    return data


def service(catalog: Catalog, settings: SiteSettings, published: set[str], s: Service) -> dict:
    service_id = record_uuid("service", s)
    data: dict = {
        "id": service_id,
        "name": s.name,
        "description": s.description,
        "status": STATUS.get(s.status or "", DEFAULT_STATUS),
        "assured_date": s.checked.isoformat(),
    }
    if s.provider:
        data["organization_id"] = record_uuid("organization", catalog.organisations[s.provider])
    page = settings.absolute(urls.service(s.id))
    if s.website or page:
        data["url"] = s.website or page
    optional = {"eligibility_description": s.for_whom, "minimum_age": s.minimum_age, "maximum_age": s.maximum_age, "fees_description": s.charge}
    data.update({key: value for key, value in optional.items() if value is not None})
    data["service_areas"] = [_area(catalog, settings, published, service_id, a) for a in s.areas]
    if s.phone:
        data["phones"] = [{"id": _uuid("phone", service_id), "service_id": service_id, "number": s.phone, "type": "voice"}]
    data["attributes"] = [_level(service_id, s)] + [_theme(catalog, service_id, t) for t in s.themes]
    return data


def _area(catalog: Catalog, settings: SiteSettings, published: set[str], service_id: str, area_id: str) -> dict:
    area = catalog.areas[area_id]
    data = {
        "id": _uuid("service_area", service_id, area_id),
        "service_id": service_id,
        "name": area.name,
        "description": catalog.term("aluetyypit", area.kind).name,
    }
    if urls.area(area_id) in published and settings.absolute(urls.area(area_id)):
        data["uri"] = settings.absolute(urls.area(area_id))
    return data


def _level(service_id: str, s: Service) -> dict:
    level = LEVEL_INFO[s.level]
    term = {"id": _uuid("taxonomy_term", "taso", level.key), "code": level.key, "name": level.title, "description": level.meaning, "taxonomy": LEVEL_TAXONOMY}
    return _attribute(service_id, "liikennevalomalli", term, level.title)


def _theme(catalog: Catalog, service_id: str, theme_id: str) -> dict:
    theme = catalog.term("teemat", theme_id)
    term = {"id": _uuid("taxonomy_term", "teema", theme_id), "code": theme_id, "name": theme.name, "description": theme.description or theme.name, "taxonomy": THEME_TAXONOMY}
    return _attribute(service_id, "teema", term, theme.name)


def _attribute(service_id: str, link_type: str, term: dict, value: str) -> dict:
    return {
        "id": _uuid("attribute", service_id, term["id"]),
        "link_id": service_id,
        "link_type": link_type,
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
        "value": value,
    }
