"""Services from an Open Referral HSDS 3.0 feed: ours (data/hsds/ of a built site) or any other.

Input: a folder holding services.json (and organizations.json), or one JSON file that is a list of
services, an HSDS API page ({"contents": [...]}) or one service. Every service and organisation is
first checked against the official HSDS 3.0 schemas, vendored in hsds_schema/ (Open Referral,
github.com/openreferral/specification, branch 3.0; see tests/schemas/README.md).

The traffic-light level is never read from a feed: it is the editor's call, so a new service is
a draft until an editor sets it. A feed's own classes (our themes, if the feed is ours) are
suggestions for editors.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Callable

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from macros.data.parallel import split_map
from macros.importers import text
from macros.importers.imported import AreaRef, ImportedOrganisation, ImportedService, ImportFailure
from macros.importers.reading import read_json

SCHEMA_DIR = Path(__file__).parent / "hsds_schema"
STATUS = {"active": "aktiivinen", "temporarily closed": "tauolla", "defunct": "lakkautettu"}
CHARGES = ("maksuton", "maksullinen")


@functools.cache
def validator(name: str, adjust: Callable[[dict], dict] | None = None) -> jsonschema.Draft202012Validator:
    """The official schema `name` (service.json …); its files refer to each other by file name.
    `adjust` may change every schema first (the tests make them stricter)."""
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCHEMA_DIR.glob("*.json"))}
    if adjust:
        schemas = {n: adjust(s) for n, s in schemas.items()}
    registry = Registry().with_resources((n, Resource.from_contents(s, default_specification=DRAFT202012)) for n, s in schemas.items())
    return jsonschema.Draft202012Validator(schemas[name], registry=registry, format_checker=jsonschema.FormatChecker())


def read(path: Path) -> list[ImportedService]:
    services, organizations = _documents(Path(path))
    checks = [("organization.json", item, f"HSDS-toimija {i}" + _named(item)) for i, item in enumerate(organizations, start=1)]
    checks += [("service.json", item, f"HSDS-palvelu {i}" + _named(item)) for i, item in enumerate(services, start=1)]
    failed = next((problem for problem in split_map(_problem, checks) if problem), None)  # both cores: 10 000 services take seconds
    if failed:
        raise ImportFailure(failed)
    by_id = {o["id"]: o for o in organizations}
    return [_service(service, label, by_id) for (_, service, label) in checks[len(organizations):]]


def _documents(path: Path) -> tuple[list, list]:
    if path.is_dir():
        services = read_json(path / "services.json")
        organizations = read_json(path / "organizations.json") if (path / "organizations.json").exists() else []
    else:
        services, organizations = read_json(path), []
    if isinstance(services, dict):
        services = services.get("contents", [services])
    if not isinstance(services, list) or not isinstance(organizations, list):
        raise ImportFailure(f"{path}: HSDS-syötteessä pitää olla palvelujen luettelo (services.json tai sivun contents)")
    embedded = [s["organization"] for s in services if isinstance(s, dict) and isinstance(s.get("organization"), dict)]
    return services, organizations + [o for o in embedded if o.get("id") not in {x.get("id") for x in organizations if isinstance(x, dict)}]


def _named(item) -> str:
    return f" ('{item['name']}')" if isinstance(item, dict) and isinstance(item.get("name"), str) else ""


def _problem(check: tuple[str, object, str]) -> str | None:
    """The first way an item fails its schema, as a Finnish line naming the item and field; None if valid."""
    schema, item, label = check
    error = min(validator(schema).iter_errors(item), key=lambda e: [str(p) for p in e.absolute_path], default=None)
    if error is None:
        return None
    where = "/".join(map(str, error.absolute_path)) or "(koko kohde)"
    return f"{label}: kenttä '{where}' ei vastaa Open Referral HSDS 3.0 -skeemaa ({error.message})"


def _service(item: dict, label: str, organizations: dict) -> ImportedService:
    name = text.read(label, "name", text.one_line, item["name"])
    if not name:
        raise ImportFailure(f"{label}: kenttä 'name': nimi puuttuu")
    fields = {"nimi": name, "tila": STATUS.get(item["status"], "aktiivinen")}
    for ours, theirs, convert in (("kuvaus", "description", text.plain), ("kenelle", "eligibility_description", text.one_line)):
        value = text.read(label, theirs, convert, item.get(theirs))
        if value:
            fields[ours] = value
    for ours, theirs in (("ika_alkaen", "minimum_age"), ("ika_asti", "maximum_age")):
        age = item.get(theirs)
        if isinstance(age, (int, float)) and 0 <= age <= 29 and float(age).is_integer():
            fields[ours] = int(age)
    if item.get("fees_description") in CHARGES:
        fields["maksu"] = item["fees_description"]
    url = item.get("url")
    if isinstance(url, str) and url.startswith(("https://", "http://")):
        text.refuse_active(url)
        fields["verkkosivu"] = url
    phone = next((p["number"] for p in item.get("phones") or [] if p.get("type") in (None, "voice", "text")), None)
    if phone:
        fields["puhelin"] = " ".join(phone.split())
    organization = organizations.get(item.get("organization_id"))
    provider = _organisation(organization, label) if organization else None
    return ImportedService(
        system="hsds",
        origin_id=item["id"],
        label=label,
        fields=fields,
        source={
            "nimi": f"Open Referral -palveluhakemisto: {name}",
            "julkaisija": provider.name if provider else "Open Referral HSDS -syöte",
            **({"url": url} if "verkkosivu" in fields else {}),
            "kuvaus": "Palvelun tiedot Open Referral HSDS 3.0 -syötteessä.",
        },
        url=fields.get("verkkosivu"),
        modified=(item.get("last_modified") or item.get("assured_date") or "")[:10] or None,
        areas=tuple(AreaRef(name=a.get("name"), uri=a.get("uri")) for a in item.get("service_areas") or []),
        provider=provider,
        suggestions=tuple(f"{a['link_type']}: {a['taxonomy_term']['name']}" for a in item.get("attributes") or []
                          if isinstance(a.get("taxonomy_term"), dict) and a.get("link_type") != "liikennevalomalli"),
    )


def _organisation(item: dict, label: str) -> ImportedOrganisation:
    fields = {"nimi": text.read(label, "organization/name", text.one_line, item["name"])}
    optional = {"lyhenne": ("alternate_name", text.one_line), "kuvaus": ("description", text.plain), "verkkosivu": ("website", text.one_line)}
    for ours, (theirs, convert) in optional.items():
        value = text.read(label, f"organization/{theirs}", convert, item.get(theirs))
        if value and (ours != "verkkosivu" or value.startswith(("https://", "http://"))):
            fields[ours] = value
    return ImportedOrganisation(item["id"], fields["nimi"], fields)
