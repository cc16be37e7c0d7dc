"""schema.org JSON-LD for record pages, built from the same records as the page.

Each record page is a WebPage whose dateModified and lastReviewed are the record's two
dates, about one main entity: an Organization, a Service (a method, as its owner offers it)
or, for services, a GovernmentService when a public body provides it. Not MedicalWebPage:
these methods are psychosocial support, not medicine.
"""

from __future__ import annotations

import json

from macros.data.catalog import Catalog
from macros.data.records import Method, Organisation, Service
from macros.pages.output import SiteSettings

PUBLIC_BODIES = {"kunta", "kuntayhtyma", "valtion-laitos", "ministerio"}  # toimijatyypit of public providers


def web_page(settings: SiteSettings, page_url: str, title: str, description: str, record, entity: dict | None) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": title,
        "description": description,
        "inLanguage": "fi",
        "dateModified": record.updated.isoformat(),
        "lastReviewed": record.checked.isoformat(),
        # Without the site's address, "./": a relative IRI that JSON-LD resolves to the page itself.
        "url": settings.absolute(page_url) or "./",
    }
    if entity:
        data["mainEntity"] = entity
    return data


def organisation(settings: SiteSettings, org: Organisation, page_url: str | None = None) -> dict:
    data = {"@type": "Organization", "name": org.name, "description": org.description.split("\n")[0]}
    if org.short_name:
        data["alternateName"] = org.short_name
    if org.website:
        data["url"] = org.website
    elif page_url and settings.absolute(page_url):
        data["url"] = settings.absolute(page_url)
    return data


def method(catalog: Catalog, settings: SiteSettings, m: Method) -> dict:
    ages = [catalog.term("ikaryhmat", g) for g in m.age_groups]
    data = {
        "@type": "Service",
        "name": m.name,
        "description": m.summary,
        "serviceType": "Perhekeskuksen menetelmä",
        "category": [catalog.term("teemat", t).name for t in m.themes],
        **_audience([a.minimum_age for a in ages], [a.maximum_age for a in ages]),
    }
    if m.abbreviation or m.other_names:
        data["alternateName"] = [*([m.abbreviation] if m.abbreviation else []), *m.other_names]
    if m.owner:
        data["provider"] = organisation(settings, catalog.organisations[m.owner])
    return data


def service(catalog: Catalog, settings: SiteSettings, s: Service) -> dict:
    provider = catalog.organisations[s.provider] if s.provider else None
    data = {
        "@type": "GovernmentService" if provider and provider.kind in PUBLIC_BODIES else "Service",
        "name": s.name,
        "description": s.summary,
        "areaServed": [{"@type": "AdministrativeArea", "name": catalog.areas[a].name} for a in s.areas],
        **_audience([s.minimum_age], [s.maximum_age]),
    }
    if provider:
        data["provider"] = organisation(settings, provider)
    if s.channels or s.phone:
        data["availableChannel"] = _channels(catalog, s)
    if s.charge == "maksuton":
        # schema.org has no isAccessibleForFree on a Service; a free service offers itself at price 0.
        data["offers"] = {"@type": "Offer", "price": 0, "priceCurrency": "EUR"}
    if s.website:
        data["url"] = s.website
    return data


def _channels(catalog: Catalog, s: Service) -> list[dict]:
    channels = [{"@type": "ServiceChannel", "name": catalog.term("asiointikanavat", c).name} for c in s.channels]
    if s.phone:
        channels.append({"@type": "ServiceChannel", "name": "Puhelin", "servicePhone": {"@type": "ContactPoint", "telephone": s.phone}})
    return channels


def _audience(minimums: list[int | None], maximums: list[int | None]) -> dict:
    """PeopleAudience with suggested ages, when the ages are known."""
    audience: dict = {"@type": "PeopleAudience"}
    if minimums and None not in minimums:
        audience["suggestedMinAge"] = min(minimums)
    if maximums and None not in maximums:
        audience["suggestedMaxAge"] = max(maximums)
    return {"audience": audience} if len(audience) > 1 else {}


def script_text(data: dict) -> str:
    """JSON for a <script type="application/ld+json">: `<`, `>` and `&` escaped, so no text can end the script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
