"""Every machine-readable file a consumer reads, checked against the official schema it claims:
HSDS 3.0 (Open Referral's schema files, also in the strict form of its CI), Atom (RFC 4287's
RELAX NG), the sitemap (sitemaps.org 0.9 XSD) and JSON-LD (the schema.org 30.0 vocabulary).
Each validator also gets a broken copy, to show it bites."""

from __future__ import annotations

import copy
import functools
import json

import jsonschema
import pytest
from lxml import etree

from conftest import ROOT, SITE_URL
from macros.importers import hsds as hsds_schema
from test_sharing import CATALOG, json_ld

SCHEMAS = ROOT / "tests" / "schemas"  # vendored at pinned commits: tests/schemas/README.md
# HSDS is read by the importer too (macros/importers/hsds.py), so its schemas live beside it.
RECORD_PAGES = [f"menetelmat/{i}" for i in sorted(CATALOG.methods)] + [f"palvelut/{i}" for i in sorted(CATALOG.services)] + [f"toimijat/{i}" for i in sorted(CATALOG.organisations)]


# --- Validators: each returns the validator's own messages, none when the file is valid -------

def _strict(schema):
    """additionalProperties: false on every object, as Open Referral's CI checks its examples
    (compiletojsonschema --set-additional-properties-false-everywhere)."""
    if isinstance(schema, dict):
        schema = {key: _strict(value) for key, value in schema.items()}
        if "properties" in schema:
            schema["additionalProperties"] = False
    elif isinstance(schema, list):
        schema = [_strict(item) for item in schema]
    return schema


@functools.cache
def hsds_validator(name: str, strict: bool) -> jsonschema.Draft202012Validator:
    """HSDS 3.0 schema files are draft 2020-12 and refer to each other by file name."""
    return hsds_schema.validator(name, _strict if strict else None)


def hsds_errors(name: str, item: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for strict in (False, True) for e in hsds_validator(name, strict).iter_errors(item)]


def _lxml_errors(schema, document: etree._ElementTree) -> list[str]:
    return [] if schema.validate(document) else [str(e) for e in schema.error_log]


@functools.cache
def _atom_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(SCHEMAS / "atom" / "atom.rng"))


@functools.cache
def _sitemap_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(SCHEMAS / "sitemap" / "sitemap.xsd"))


def atom_errors(document: etree._ElementTree) -> list[str]:
    return _lxml_errors(_atom_schema(), document)


def sitemap_errors(document: etree._ElementTree) -> list[str]:
    return _lxml_errors(_sitemap_schema(), document)


@functools.cache
def schemaorg() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    """Types with all their superclasses, and properties with (domainIncludes, rangeIncludes)."""
    graph = json.loads((SCHEMAS / "schemaorg" / "schemaorg-current-https.jsonld").read_text(encoding="utf-8"))["@graph"]

    def ids(node: dict, key: str) -> set[str]:
        value = node.get(key, [])
        return {v["@id"].removeprefix("schema:") for v in (value if isinstance(value, list) else [value])}

    parents = {n["@id"].removeprefix("schema:"): ids(n, "rdfs:subClassOf") for n in graph if "rdfs:Class" in n["@type"]}
    properties = {n["@id"].removeprefix("schema:"): (ids(n, "schema:domainIncludes"), ids(n, "schema:rangeIncludes")) for n in graph if n["@type"] == "rdf:Property"}

    def ancestors(name: str) -> set[str]:
        return {name}.union(*(ancestors(p) for p in parents[name] if p in parents))

    return {name: ancestors(name) for name in parents}, properties


def json_ld_errors(node: dict, path: str = "") -> list[str]:
    """Every type known to schema.org 30.0, every property defined on the node's type (or a
    supertype), every nested node of a type the property's range allows."""
    types, properties = schemaorg()
    kind = node.get("@type")
    if kind not in types:
        return [f"{path or '/'}: schema.org 30.0 has no type {kind!r}"]
    errors = []
    for key, value in node.items():
        if key.startswith("@"):
            continue
        where = f"{path}/{key}"
        if key not in properties:
            errors.append(f"{where}: schema.org 30.0 has no property {key!r}")
            continue
        domain, range_ = properties[key]
        if not domain & types[kind]:
            errors.append(f"{where}: schema.org 30.0 does not define {key!r} on {kind} (domainIncludes: {', '.join(sorted(domain))})")
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for i, item in items:
            if isinstance(item, dict):
                at = where if i is None else f"{where}[{i}]"
                nested = json_ld_errors(item, at)
                if not nested and not range_ & types[item["@type"]]:
                    nested = [f"{at}: a {item['@type']} is not in the range of {key!r} ({', '.join(sorted(range_))})"]
                errors += nested
    return errors


# --- Today's published files pass --------------------------------------------------------------

def _hsds(site, name: str) -> list[dict]:
    return json.loads((site.site / "data" / "hsds" / name).read_text(encoding="utf-8"))


def test_hsds_services_and_organizations_follow_open_referral_schemas(site):
    services, organizations = _hsds(site, "services.json"), _hsds(site, "organizations.json")
    assert len(services) == len(CATALOG.services) and len(organizations) == len(CATALOG.organisations)
    for item in services:
        assert hsds_errors("service.json", item) == [], item["name"]
    for item in organizations:
        assert hsds_errors("organization.json", item) == [], item["name"]


def test_feed_follows_rfc_4287(site):
    feed = etree.parse(site.site / "paivitykset.xml")
    assert atom_errors(feed) == []
    assert feed.getroot().find("{http://www.w3.org/2005/Atom}entry") is not None


def test_sitemap_follows_sitemaps_org_and_lists_every_page_with_its_date(site):
    sitemap = etree.parse(site.site / "sitemap.xml")
    assert sitemap_errors(sitemap) == []
    urls = sitemap.getroot().findall("{http://www.sitemaps.org/schemas/sitemap/0.9}url")
    pages = {str(p.parent.relative_to(site.site)) for p in site.site.rglob("index.html")}
    listed = {u.findtext("{*}loc").removeprefix(SITE_URL).rstrip("/") or "." for u in urls}
    assert {p for p in pages if not p.startswith(("upota/", "haku", "muokkaa"))} <= listed  # embed cards and redirects stay out
    assert "muokkaa" in pages and "muokkaa" not in listed  # the editors' form is no page for search engines
    assert all(u.findtext("{*}lastmod") for u in urls)


@pytest.mark.parametrize("url", RECORD_PAGES)
def test_json_ld_uses_schema_org_as_defined(site, url):
    data = json_ld(site.html(url))
    assert json_ld_errors(data) == []
    assert data["url"] == f"{SITE_URL}{url}/"


# --- Each validator bites ----------------------------------------------------------------------

def _broken(item: dict, path: list, value=None, drop: bool = False) -> dict:
    item = copy.deepcopy(item)
    parent = functools.reduce(lambda node, key: node[key], path[:-1], item)
    if drop:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return item


@pytest.mark.parametrize(("schema", "path", "value", "drop", "expected"), [
    ("service.json", ["id"], "neuvola-1", False, "id: 'neuvola-1' is not a 'uuid'"),
    ("service.json", ["status"], None, True, ": 'status' is a required property"),
    ("service.json", ["minimum_age"], "0", False, "minimum_age: '0' is not of type 'number'"),  # HSDS leaves dates' format open
    ("service.json", ["attributes", 0, "taxonomy_term", "id"], "vihrea", False, "attributes/0/taxonomy_term/id: 'vihrea' is not a 'uuid'"),
    ("service.json", ["liikennevalo"], "vihrea", False, "Additional properties are not allowed ('liikennevalo' was unexpected)"),
    ("organization.json", ["name"], None, True, ": 'name' is a required property"),
])
def test_hsds_validator_rejects_a_broken_object(site, schema, path, value, drop, expected):
    item = _hsds(site, "services.json" if schema == "service.json" else "organizations.json")[0]
    assert hsds_errors(schema, item) == []
    assert any(expected in error for error in hsds_errors(schema, _broken(item, path, value, drop))), hsds_errors(schema, _broken(item, path, value, drop))


def test_atom_validator_rejects_a_bad_date_and_a_missing_id(site):
    feed = etree.parse(site.site / "paivitykset.xml")
    entry = feed.getroot().find("{http://www.w3.org/2005/Atom}entry")
    entry.find("{http://www.w3.org/2005/Atom}updated").text = "23.11.2026"
    assert any("Type dateTime doesn't allow value '23.11.2026'" in e for e in atom_errors(feed))
    entry.find("{http://www.w3.org/2005/Atom}updated").text = "2026-11-23T00:00:00Z"
    entry.remove(entry.find("{http://www.w3.org/2005/Atom}id"))
    assert any("Element entry failed to validate content" in e for e in atom_errors(feed))


def test_sitemap_validator_rejects_an_empty_urlset_and_a_bad_date():
    empty = etree.ElementTree(etree.fromstring(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>'))
    assert any("Missing child element(s)" in e for e in sitemap_errors(empty))
    bad_date = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://perhekeskus.example/</loc><lastmod>23.11.2026</lastmod></url></urlset>'
    assert any("'23.11.2026' is not a valid value" in e for e in sitemap_errors(etree.ElementTree(etree.fromstring(bad_date))))


def test_json_ld_validator_rejects_undefined_types_and_properties(site):
    data = json_ld(site.html("palvelut/meidan-vauva-tampere"))
    assert data["mainEntity"]["@type"] == "GovernmentService"
    data["mainEntity"]["isAccessibleForFree"] = True  # what the page said before: on CreativeWork, Event, Place only
    data["mainEntity"]["hinta"] = 0
    data["mainEntity"]["audience"]["@type"] = "Yleisö"
    data["mainEntity"]["provider"]["@type"] = "Place"
    assert json_ld_errors(data) == [
        "/mainEntity/audience: schema.org 30.0 has no type 'Yleisö'",
        "/mainEntity/provider: a Place is not in the range of 'provider' (Organization, Person)",
        "/mainEntity/isAccessibleForFree: schema.org 30.0 does not define 'isAccessibleForFree' on GovernmentService (domainIncludes: CreativeWork, Event, Place)",
        "/mainEntity/hinta: schema.org 30.0 has no property 'hinta'",
    ]
