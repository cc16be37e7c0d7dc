"""Links that last and data that travels: renames with redirects, link previews, embed cards,
open data exports, the feed of changes and the sitemap."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

from conftest import SITE_URL, at, build_site, record_file, replace_in, serve_directory
from macros.data.catalog import load_catalog
from macros.publish.open_data import EXPORTS

CATALOG = load_catalog("data")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEW_ID = "lapset-puheeksi-keskustelu"


def json_ld(html: str) -> dict:
    return json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])


def meta(html: str, name: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
    assert found, name
    return found.group(1)


# --- Durable URLs ----------------------------------------------------------------------------

def rename(data: Path, folder: str, old: str, new: str) -> None:
    """Rename a record's id everywhere, as an editor would: its file, and every reference, keeping
    the old id as an alias."""
    record_file(data, folder, old).rename(data / folder / f"{new}.yml")
    for path in data.rglob("*.yml"):
        path.write_text(re.sub(rf"(?<![\w-]){old}(?![\w-])", new, path.read_text(encoding="utf-8")), encoding="utf-8")  # the id, not ids it is part of
    _add_aliases(record_file(data, folder, new), old)


def _add_aliases(path: Path, *aliases: str) -> None:
    """Earlier ids last in the file, where the form writes them."""
    listed = "".join(f"  - {alias}\n" for alias in aliases)
    path.write_text(path.read_text(encoding="utf-8") + f"aiemmat_osoitteet:\n{listed}", encoding="utf-8")


def test_blog_link_and_embed_card_keep_working_after_a_rename(site, data_copy, tmp_path, browser):
    """A blogger pasted the link and the embed card from today's site; an editor then renames
    the method. Both still lead to the method, on another host's page."""
    method_page = site.html("menetelmat/lapset-puheeksi")
    snippet = re.search(r"<pre><code>(&lt;iframe .*?)</code></pre>", method_page).group(1)
    snippet = snippet.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"')

    rename(data_copy, "menetelmat", "lapset-puheeksi", NEW_ID)
    renamed = build_site(data_copy, tmp_path / "site", SITE_URL=SITE_URL)
    assert renamed.result.returncode == 0, renamed.output
    assert (renamed.site / "menetelmat" / NEW_ID / "index.html").exists()
    address, _ = serve_directory(renamed.site)  # both servers stop with the test process

    blog = tmp_path / "blog"
    blog.mkdir()
    post = f'<!doctype html><html lang="fi"><title>Blogi</title><p><a id="linkki" href="{SITE_URL}menetelmat/lapset-puheeksi/#koulutus">Lapset puheeksi</a></p>{snippet}</html>'
    (blog / "index.html").write_text(post.replace(SITE_URL, address), encoding="utf-8")
    blog_address, _ = serve_directory(blog)  # another origin than the site

    page = browser.new_page()
    page.goto(blog_address)
    card = page.frame_locator("iframe")
    card.locator("h1").wait_for()
    assert card.locator("h1").inner_text() == "Lapset puheeksi (LP)"
    assert any(f.url == f"{address}upota/menetelmat/{NEW_ID}/" for f in page.frames)

    page.click("#linkki")
    page.wait_for_url(f"{address}menetelmat/{NEW_ID}/#koulutus")
    assert page.locator("h1").first.inner_text() == "Lapset puheeksi (LP)"

    page.goto(blog_address)
    page.frame_locator("iframe").locator("h1 a").click()  # the card's link opens the page in the whole window
    page.wait_for_url(f"{address}menetelmat/{NEW_ID}/")
    page.close()

    redirect = (renamed.site / "menetelmat" / "lapset-puheeksi" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}menetelmat/{NEW_ID}/">' in redirect
    assert f'<meta http-equiv="refresh" content="0; url=../{NEW_ID}/">' in redirect
    assert '<meta name="robots" content="noindex">' in redirect


@pytest.mark.parametrize(("alias", "problem"), [
    ("vanhemmuussuunnitelma", "'vanhemmuussuunnitelma' on nykyinen tunniste"),
    ("vanha-lp", "'vanha-lp' on jo aiempi osoite tietueelle 'lapset-puheeksi'"),
])
def test_an_earlier_id_leads_to_one_page_only(data_copy, tmp_path, alias, problem):
    _add_aliases(record_file(data_copy, "menetelmat", "lapset-puheeksi"), "vanha-lp")
    path = record_file(data_copy, "menetelmat", "vanhemmuussuunnitelma")
    _add_aliases(path, "suunnitelma", alias)
    built = build_site(data_copy, tmp_path / "site")
    assert built.result.returncode != 0
    where = at(path, f"- {alias}", alias)
    assert f"{where}: menetelmä 'vanhemmuussuunnitelma': kenttä 'aiemmat_osoitteet': {problem}" in built.output


def test_record_page_headings_keep_their_anchors(site):
    method_ids = set(re.findall(r'<h2 id="([^"]+)"', site.html("menetelmat/lapset-puheeksi")))
    assert {"perheille", "ammattilaisille", "kenelle", "koulutus", "kaytossa", "lahteet", "jaa"} <= method_ids
    service_ids = set(re.findall(r'<h2 id="([^"]+)"', site.html("palvelut/neuvola-pohjois-savo")))
    assert {"mita-tarjoaa", "lahteet", "jaa"} <= service_ids


# --- Link previews ---------------------------------------------------------------------------

@pytest.mark.parametrize("url", [f"menetelmat/{i}" for i in sorted(CATALOG.methods)] + [f"palvelut/{i}" for i in sorted(CATALOG.services)] + [f"toimijat/{i}" for i in sorted(CATALOG.organisations)])
def test_record_pages_have_a_finnish_preview(site, url):
    html = site.html(url)
    canonical = f"{SITE_URL}{url}/"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert meta(html, "og:url") == canonical
    assert meta(html, "og:locale") == "fi_FI"
    assert meta(html, "og:title") and meta(html, "og:description") == meta(html, "description")
    assert meta(html, "og:image") == f"{SITE_URL}assets/images/jakokuva.png"
    assert (site.site / "assets" / "images" / "jakokuva.png").stat().st_size > 10_000
    assert meta(html, "twitter:card") == "summary_large_image"
    data = json_ld(html)
    assert data["@type"] == "WebPage" and data["url"] == canonical and data["inLanguage"] == "fi"


def test_method_json_ld_names_owner_audience_and_both_dates(site):
    method = CATALOG.methods["lapset-puheeksi"]
    data = json_ld(site.html("menetelmat/lapset-puheeksi"))
    assert (data["dateModified"], data["lastReviewed"]) == (method.updated.isoformat(), method.checked.isoformat())
    entity = data["mainEntity"]
    assert entity["@type"] == "Service" and entity["name"] == "Lapset puheeksi"
    assert entity["provider"] == {"@type": "Organization", "name": "MIELI Suomen Mielenterveys ry", "alternateName": "MIELI ry",
                                  "description": entity["provider"]["description"], "url": "https://mieli.fi/"}
    assert entity["audience"]["@type"] == "PeopleAudience" and entity["audience"]["suggestedMinAge"] == 0
    assert "MedicalWebPage" not in json.dumps(data)


def test_service_json_ld_is_government_service_only_when_a_public_body_provides_it(site):
    public = json_ld(site.html("palvelut/meidan-vauva-tampere"))["mainEntity"]
    assert CATALOG.organisations[CATALOG.services["meidan-vauva-tampere"].provider].kind == "kunta"
    assert public["@type"] == "GovernmentService"
    assert public["provider"]["name"] == "Tampereen kaupunki"
    assert public["areaServed"] == [{"@type": "AdministrativeArea", "name": "Tampere"}]

    association = json_ld(site.html("palvelut/mll-vauvakerho-tampere"))["mainEntity"]
    assert association["@type"] == "Service" and association["provider"]["name"] == "Mannerheimin Lastensuojeluliitto"

    neuvola = json_ld(site.html("palvelut/neuvola-pohjois-savo"))["mainEntity"]
    assert neuvola["audience"] == {"@type": "PeopleAudience", "suggestedMinAge": 0, "suggestedMaxAge": 6}
    channels = [CATALOG.term("asiointikanavat", c).name for c in CATALOG.services["neuvola-pohjois-savo"].channels]
    assert [c["name"] for c in neuvola["availableChannel"]] == channels and len(channels) == 2
    assert neuvola["offers"] == {"@type": "Offer", "price": 0, "priceCurrency": "EUR"}  # maksu: maksuton
    assert "offers" not in association  # no charge given: nothing said


def test_organisation_json_ld(site):
    data = json_ld(site.html("toimijat/mll"))
    assert data["mainEntity"]["@type"] == "Organization"
    assert data["mainEntity"]["name"] == "Mannerheimin Lastensuojeluliitto"


# --- Embed -----------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["menetelmat/lapset-puheeksi", "palvelut/perheneuvo-etela-savo"])
def test_share_section_offers_the_link_and_a_self_contained_card(site, served_site, browser, url):
    html = site.html(url)
    assert f"<div class=\"copy\"><pre><code>{SITE_URL}{url}/</code></pre></div>" in html
    assert f"&lt;iframe src=&#34;{SITE_URL}upota/{url}/&#34;" in html

    card = site.html(f"upota/{url}")
    assert "<script" not in card and "<link rel=\"stylesheet\"" not in card and " src=" not in card
    assert '<meta name="robots" content="noindex">' in card
    record = CATALOG.methods.get(url.split("/")[1]) or CATALOG.services[url.split("/")[1]]
    assert record.summary in card

    page = browser.new_page(viewport={"width": 320, "height": 240})  # the iframe a blogger pastes, on a phone
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{served_site}upota/{url}/")
    assert page.evaluate("document.documentElement.scrollHeight") <= 240, "the card must fit the iframe height"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.locator("h1 a").get_attribute("target") == "_top"
    assert requests == [f"{served_site}upota/{url}/"]
    page.close()


def test_embed_snippet_is_copied_with_the_keyboard(browser, served_site):
    """Material's copy button on the snippet: reached and pressed without a mouse."""
    origin = served_site.rstrip("/")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page = context.new_page()
    page.goto(f"{served_site}menetelmat/lapset-puheeksi/#jaa")
    buttons = page.locator(".pk-share button.md-code__button")
    assert buttons.count() == 2 and buttons.nth(1).get_attribute("title") == "Kopioi leikepöydälle"
    buttons.nth(1).focus()
    page.keyboard.press("Enter")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f'<iframe src="{SITE_URL}upota/menetelmat/lapset-puheeksi/" title="Lapset puheeksi (LP) – ')
    assert copied.endswith("></iframe>")
    context.close()


def test_service_card_tells_the_level_by_word_and_shape(site):
    card = site.html("upota/palvelut/perheneuvo-etela-savo")
    level = CATALOG.services["perheneuvo-etela-savo"].level
    word = {"vihreä": "Vihreä", "keltainen": "Keltainen", "punainen": "Punainen"}[level]
    assert re.search(rf'<span class="taso taso--\w+"><svg [^>]*aria-hidden="true"[^>]*>.*?</svg>{word}</span>', card)


# --- Open data -------------------------------------------------------------------------------

def records_count(name: str) -> int:
    return len(CATALOG.observations) if name == "kayttotilanne" else len(CATALOG.collections[name])


@pytest.mark.parametrize("export", EXPORTS, ids=lambda e: e.name)
def test_json_export_validates_against_its_schema_and_has_every_record(site, export):
    document = json.loads((site.site / "data" / f"{export.name}.json").read_text(encoding="utf-8"))
    schema = json.loads((site.site / "data" / f"{export.name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    assert len(document[export.name]) == records_count(export.collection)
    assert document["lisenssi"]["nimi"] == "CC BY 4.0"


@pytest.mark.parametrize("name", [*(f"{e.name}.json" for e in EXPORTS), "hsds/services.json", "hsds/organizations.json"])
def test_json_export_has_each_record_on_a_line_of_its_own(site, name):
    # A diff of two versions then shows the records that changed (the Avoin data page says so).
    text = (site.site / "data" / name).read_text(encoding="utf-8")
    document = json.loads(text)
    records = document if isinstance(document, list) else next(v for v in document.values() if isinstance(v, list))
    lines = [line.removesuffix(",") for line in text.splitlines()]
    assert [json.loads(line) for line in lines if line.startswith("{\"") and line.endswith("}")] == records


@pytest.mark.parametrize("export", EXPORTS, ids=lambda e: e.name)
def test_csv_export_opens_in_a_finnish_spreadsheet_with_every_record(site, export):
    raw = (site.site / "data" / f"{export.name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == records_count(export.collection)
    document = json.loads((site.site / "data" / f"{export.name}.json").read_text(encoding="utf-8"))
    for row, record in zip(rows, document[export.name]):
        assert row.get("id") == record.get("id")
        assert row.get("osoite") == record.get("osoite")


def test_csv_keeps_finnish_letters_lists_and_nested_entries(site):
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((site.site / "data" / "menetelmat.csv").read_text(encoding="utf-8-sig")), delimiter=";")}
    lp = rows["lapset-puheeksi"]
    assert lp["nimi"] == "Lapset puheeksi" and lp["osoite"] == f"{SITE_URL}menetelmat/lapset-puheeksi/"
    assert lp["muut_nimet"] == " | ".join(CATALOG.methods["lapset-puheeksi"].other_names)
    with_path = next(m for m in CATALOG.methods.values() if m.client_path)
    assert [step["nimi"] for step in json.loads(rows[with_path.id]["asiakaspolku"])] == [s.name for s in with_path.client_path]


def test_csv_text_cannot_run_as_a_spreadsheet_formula(data_copy, tmp_path):
    replace_in(record_file(data_copy, "menetelmat", "lapset-puheeksi"), "nimi: Lapset puheeksi\n", "nimi: '=HYPERLINK(\"http://x\")'\n")
    built = build_site(data_copy, tmp_path / "site")
    assert built.result.returncode == 0, built.output
    rows = csv.DictReader(io.StringIO((built.site / "data" / "menetelmat.csv").read_text(encoding="utf-8-sig")), delimiter=";")
    assert {r["id"]: r["nimi"] for r in rows}["lapset-puheeksi"] == "'=HYPERLINK(\"http://x\")"


# Open Referral's own schema files check each object: tests/test_official_schemas.py.
def test_hsds_export_round_trips(site):
    organizations = json.loads((site.site / "data" / "hsds" / "organizations.json").read_text(encoding="utf-8"))
    services = json.loads((site.site / "data" / "hsds" / "services.json").read_text(encoding="utf-8"))
    assert len(organizations) == len(CATALOG.organisations) and len(services) == len(CATALOG.services)
    ids = [o["id"] for o in organizations] + [s["id"] for s in services]
    assert len(ids) == len(set(ids))
    known = {o["id"] for o in organizations}
    assert all(s["organization_id"] in known for s in services if "organization_id" in s)
    assert sum("organization_id" in s for s in services) == sum(bool(s.provider) for s in CATALOG.services.values())

    neuvola = next(s for s in services if s["name"] == "Neuvola")
    level = next(a for a in neuvola["attributes"] if a["link_type"] == "liikennevalomalli")
    assert (level["taxonomy_term"]["code"], level["value"]) == ("vihrea", "Vihreä")
    assert [a["name"] for a in neuvola["service_areas"]] == ["Pohjois-Savo"]


def test_hsds_ids_survive_a_rename(data_copy, tmp_path, site):
    before = {s["name"]: s["id"] for s in json.loads((site.site / "data" / "hsds" / "services.json").read_text(encoding="utf-8"))}
    rename(data_copy, "palvelut", "neuvola-pohjois-savo", "neuvola-ps")
    built = build_site(data_copy, tmp_path / "site")
    assert built.result.returncode == 0, built.output
    after = {s["name"]: s["id"] for s in json.loads((built.site / "data" / "hsds" / "services.json").read_text(encoding="utf-8"))}
    assert after["Neuvola"] == before["Neuvola"]


def test_open_data_page_lists_every_export_with_licence(site):
    html = site.html("avoin-data")
    for export in EXPORTS:
        for suffix in (".json", ".csv", ".schema.json"):
            assert f'href="../data/{export.name}{suffix}"' in html
    assert 'href="../data/hsds/services.json"' in html and 'href="../paivitykset.xml"' in html
    assert "CC BY 4.0" in html and "puolipisteellä" in html
    assert "<code>tason_peruste</code>" in html  # field descriptions


# --- Feed and sitemap ------------------------------------------------------------------------

def test_feed_lists_records_newest_first_with_working_links(site):
    feed = ElementTree.parse(site.site / "paivitykset.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = list(feed.iter(f"{ATOM}entry"))
    records = len(CATALOG.methods) + len(CATALOG.services) + len(CATALOG.organisations) + len(CATALOG.life_situations)
    assert len(entries) == min(100, records)
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries)
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith(SITE_URL)
        assert (site.site / href.removeprefix(SITE_URL) / "index.html").exists(), href
    assert '<link rel="alternate" type="application/atom+xml" title="Päivitetyt tiedot" href="paivitykset.xml">' in site.html(".")


def test_sitemap_gives_each_record_page_its_change_date(site):
    urls = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in ElementTree.parse(site.site / "sitemap.xml").getroot()}
    method = CATALOG.methods["lapset-puheeksi"]
    assert urls[f"{SITE_URL}menetelmat/lapset-puheeksi/"] == method.updated.isoformat()
    assert urls[f"{SITE_URL}palvelut/neuvola-pohjois-savo/"] == CATALOG.services["neuvola-pohjois-savo"].updated.isoformat()
    assert urls[f"{SITE_URL}avoin-data/"] == date.today().isoformat()
    assert not any("upota/" in u for u in urls)
