"""Services from the Suomi.fi Palvelutietovaranto (PTV) open API, version 11.

The shapes are those of PTV's published v11 OpenAPI description, read through public sources
(no network here):
- the client generated from it, github.com/Tampere/ptv-php-client-v11 (docs/Model/V11VmOpenApiService.md,
  V11VmOpenApiServicesWithPaging.md, the channel models and docs/Api/ServiceApi.md);
- PTV's own source, github.com/vrk-kpa/ptv-releases, branch ptv-release-3_4 (the view models that are
  serialised, and TextManager.ConvertToMarkDown, which makes descriptions plain text with "* " lists);
- a real v11 response kept as a test fixture in github.com/vrk-kpa/auroraai-core-components.

Input: a JSON file that is one of
- {"services": <page or list>, "serviceChannels": [<channel>, …]}: what `--ptv-organisaatio` fetches,
- a page {"pageNumber", "pageCount", "itemList": [<service>, …]} (GET Service/list/organization),
- a list of services (GET Service/list?guids=…).
Channels give the phone number, the web page and how the service is reached; without them those
fields stay empty. Life events, target groups and service classes are suggestions for editors.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from datetime import date

from macros.importers import text
from macros.importers.imported import AreaRef, ImportedOrganisation, ImportedService, ImportFailure
from macros.importers.reading import read_json

API = "https://api.palvelutietovaranto.suomi.fi/api/v11/"
PUBLIC_PAGE = "https://www.suomi.fi/palvelut/{id}"  # a service's page on Suomi.fi; the address without the name part
CHARGE = {"FreeOfCharge": "maksuton", "Chargeable": "maksullinen"}
CHANNELS = {"EChannel": "verkkoasiointi", "Phone": "puhelin", "ServiceLocation": "palvelupiste"}  # sanasto.yml: asiointikanavat


def read(path) -> list[ImportedService]:
    document = read_json(path)
    services, channels = _parts(document)
    by_id = {c.get("id"): c for c in channels if isinstance(c, dict)}
    return [_service(item, index, by_id) for index, item in enumerate(services, start=1)]


def _parts(document) -> tuple[list, list]:
    if isinstance(document, dict) and "services" in document:
        services, channels = document["services"], document.get("serviceChannels") or []
    else:
        services, channels = document, []
    if isinstance(services, dict):
        services = services.get("itemList") or []
    if not isinstance(services, list) or not isinstance(channels, list):
        raise ImportFailure("PTV: syötteessä pitää olla palvelujen luettelo (itemList) ja halutessa kanavien luettelo (serviceChannels)")
    return services, channels


def _service(item, index: int, channels: dict) -> ImportedService:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        raise ImportFailure(f"PTV-palvelu {index}: kenttä 'id' puuttuu")
    service_id = item["id"]
    name = _text_of(item.get("serviceNames"), "Name")
    label = f"PTV-palvelu {service_id}" + (f" ('{name}')" if name else "")
    if not name:
        raise ImportFailure(f"{label}: kenttä 'serviceNames': suomenkielinen nimi puuttuu")
    fields = {"nimi": text.read(label, "serviceNames", text.one_line, name)}
    summary = text.read(label, "serviceDescriptions", text.one_line, _text_of(item.get("serviceDescriptions"), "Summary"))
    description = text.read(label, "serviceDescriptions", text.plain, _text_of(item.get("serviceDescriptions"), "Description"))
    fields.update({key: value for key, value in (("tiivistelma", summary), ("kuvaus", description)) if value})
    fields["tila"] = "aktiivinen"  # the open API returns published services only
    if item.get("serviceChargeType") in CHARGE:
        fields["maksu"] = CHARGE[item["serviceChargeType"]]
    linked = [channels[c["serviceChannel"]["id"]] for c in item.get("serviceChannels") or []
              if isinstance(c, dict) and isinstance(c.get("serviceChannel"), dict) and c["serviceChannel"].get("id") in channels]
    fields.update(_from_channels(label, linked))
    provider = _responsible(item)
    modified = _day(item.get("modified"))
    return ImportedService(
        system="ptv",
        origin_id=service_id,
        label=label,
        fields=fields,
        source={
            "nimi": f"Suomi.fi-palvelutietovaranto: {fields['nimi']}",
            "julkaisija": f"{provider.name} (Suomi.fi-palvelutietovaranto)" if provider else "Suomi.fi-palvelutietovaranto",
            "url": PUBLIC_PAGE.format(id=service_id),
            "kuvaus": "Palvelun kuvaus Suomi.fi-palvelutietovarannossa" + (f", muokattu lähteessä {modified}." if modified else "."),
        },
        url=PUBLIC_PAGE.format(id=service_id),
        modified=modified,
        areas=tuple(_areas(item.get("areas") or [])),
        nationwide=item.get("areaType") in ("Nationwide", "NationwideExceptAlandIslands"),
        provider=provider,
        suggestions=tuple(_suggestions(item)),
    )


def _text_of(items, kind: str | None = None, language: str = "fi") -> str | None:
    """The Finnish value of PTV's language-tagged texts; of the given type when the texts have types."""
    for entry in items or []:
        if isinstance(entry, dict) and entry.get("language") == language and (kind is None or entry.get("type") == kind) and isinstance(entry.get("value"), str):
            return entry["value"]
    return None


def _day(stamp) -> str | None:
    """PTV's `modified` ("2023-11-30T07:05:00", UTC without a zone) as a date, never in the future."""
    try:
        day = date.fromisoformat(str(stamp)[:10])
    except ValueError:
        return None
    return min(day, date.today()).isoformat()


def _responsible(item) -> ImportedOrganisation | None:
    """The organisation responsible for the service (roleType Responsible): an organisation, never a person."""
    for link in item.get("organizations") or []:
        organisation = link.get("organization") if isinstance(link, dict) else None
        if link.get("roleType") == "Responsible" and isinstance(organisation, dict) and organisation.get("id") and organisation.get("name"):
            name = text.one_line(organisation["name"])
            return ImportedOrganisation(organisation["id"], name, {"nimi": name})
    return None


def _areas(areas) -> list[AreaRef]:
    """Municipalities by their official codes; a region by its own code (its municipalities are in it)."""
    found: list[AreaRef] = []
    for area in areas:
        if not isinstance(area, dict):
            continue
        if area.get("type") == "Municipality":
            found += [AreaRef(code=m["code"], name=_text_of(m.get("name"))) for m in area.get("municipalities") or [] if isinstance(m, dict) and m.get("code")]
        elif area.get("code"):
            found.append(AreaRef(code=str(area["code"]), name=_text_of(area.get("name"))))
    return list(dict.fromkeys(found))


def _from_channels(label: str, channels: list[dict]) -> dict:
    """How the service is reached, its organisation-level phone number and its web page. A channel's
    connection-specific contact details can name a person and are never read."""
    fields: dict = {}
    kinds = [CHANNELS[c["serviceChannelType"]] for c in channels if c.get("serviceChannelType") in CHANNELS]
    if kinds:
        fields["asiointikanavat"] = list(dict.fromkeys(kinds))
    for channel in channels:
        if channel.get("serviceChannelType") == "Phone" and "puhelin" not in fields:
            number = next((_number(p) for p in channel.get("phoneNumbers") or [] if isinstance(p, dict) and p.get("type", "Phone") == "Phone" and p.get("language") == "fi"), None)
            if number:
                fields["puhelin"] = number
        if channel.get("serviceChannelType") == "WebPage" and "verkkosivu" not in fields:
            page = next((p.get("url") for p in channel.get("webPages") or [] if isinstance(p, dict) and p.get("language") == "fi"), None)
            if isinstance(page, str) and page.startswith(("https://", "http://")):
                text.refuse_active(page)
                fields["verkkosivu"] = page
    return fields


def _number(phone: dict) -> str | None:
    number = " ".join(str(phone.get("number") or "").split())
    if not number:
        return None
    if phone.get("isFinnishServiceNumber") or number.startswith(("0", "+")):
        return number
    prefix = str(phone.get("prefixNumber") or "").strip()
    return f"{prefix} {number}" if prefix else number


def _suggestions(item) -> list[str]:
    found = []
    for key, kind in (("targetGroups", "kohderyhmä"), ("lifeEvents", "elämäntapahtuma"), ("serviceClasses", "palveluluokka")):
        for term in item.get(key) or []:
            name = _text_of(term.get("name")) if isinstance(term, dict) else None
            if name:
                found.append(f"{kind}: {text.one_line(name)}" + (f" ({term['code']})" if term.get("code") else ""))
    return found


def fetch(organisation_id: str, timeout: float = 60) -> dict:
    """One organisation's published services and their channels from the open API (no key needed for
    v11 reads), as the envelope read() takes. Pages of 100 services, channels 100 ids at a time."""
    services: list = []
    page, pages = 1, 1
    while page <= pages:
        query = urllib.parse.urlencode({"organizationId": organisation_id, "page": page})
        body = _get(f"{API}Service/list/organization?{query}", timeout)
        services += body.get("itemList") or []
        pages = int(body.get("pageCount") or 1)
        page += 1
    ids = sorted({c["serviceChannel"]["id"] for s in services for c in s.get("serviceChannels") or [] if c.get("serviceChannel")})
    channels: list = []
    for start in range(0, len(ids), 100):
        channels += _get(f"{API}ServiceChannel/list?guids={','.join(ids[start:start + 100])}", timeout)
    return {"services": {"pageNumber": 1, "pageCount": 1, "itemList": services}, "serviceChannels": channels}


def _get(url: str, timeout: float):
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)
