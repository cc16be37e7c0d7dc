"""The real site, built by MkDocs from the real data, inspected as HTML."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from markupsafe import escape

from conftest import ROOT
from macros.data.catalog import load_catalog

CATALOG = load_catalog("data")


# <link> types a browser fetches; canonical and alternate links only name an address.
_FETCHED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}


class _Page(HTMLParser):
    """Collects ids, links and resource URLs of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.anchors: list[str] = []
        self.resources: list[tuple[str, str]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.anchors.append(attrs["href"])
        for name in ("src", "href"):
            if attrs.get(name) and tag in ("script", "img", "link", "iframe", "source", "video", "audio"):
                if tag != "link" or set((attrs.get("rel") or "").split()) & _FETCHED_LINKS:
                    self.resources.append((tag, attrs[name]))
        self._in_title = tag == "title"

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        self._in_title = False


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def article(html: str) -> str:
    return html[html.index("<article"): html.index("</article>")]


@pytest.mark.parametrize("method_id", sorted(CATALOG.methods))
def test_every_method_has_its_page_with_owner_sources_and_dates(site, method_id):
    method = CATALOG.methods[method_id]
    html = site.html(f"menetelmat/{method_id}")
    body = article(html)
    name = escape(method.display_name)  # as the page prints it: Kids'Skills -> Kids&#39;Skills
    assert f"<h1>{name}</h1>" in body
    assert f"<title>{name} - Perhekeskuksen menetelmät ja palvelut</title>" in html
    if method.owner:
        assert f'<a href="../../toimijat/{method.owner}/">{CATALOG.organisations[method.owner].name}</a>' in body
    else:
        assert "Lähteissä ei ole nimetty omistajaa." in body
    for source_id in method.sources:
        assert f'id="lahde-{source_id}"' in body
    assert f'Sisältö päivitetty <time datetime="{method.updated.isoformat()}">' in body
    assert f'Tiedot tarkistettu <time datetime="{method.checked.isoformat()}">' in body
    for anchor in ("perheille", "ammattilaisille", "kenelle", "koulutus", "kaytossa", "lahteet"):
        assert f'<h2 id="{anchor}">' in body, anchor
    rating = method.evidence
    if rating:
        level = CATALOG.term("nayttoasteikko", rating.level)
        assert f'<span class="pk-evidence__level">{level.level}/5</span> {level.name}' in body
        assert f"arvioija: {rating.assessor}, arvioitu <time datetime=\"{rating.rated.isoformat()}\">" in body
        assert f'<a href="{rating.url}">{CATALOG.sources[rating.source].title}</a>' in body
    else:
        assert "Näytön aste: ei arvioitu / arvio ei tiedossa." in body


@pytest.mark.parametrize("organisation_id", sorted(CATALOG.organisations))
def test_every_organisation_has_its_page_listing_its_methods(site, organisation_id):
    organisation = CATALOG.organisations[organisation_id]
    body = article(site.html(f"toimijat/{organisation_id}"))
    assert f"<h1>{organisation.name}</h1>" in body
    for method in CATALOG.methods_where("owner", organisation_id):
        assert f'href="../../menetelmat/{method.id}/"' in body


def test_catalogue_lists_every_method_once_with_owner(site):
    body = article(site.html("menetelmat"))
    for method in CATALOG.methods.values():
        assert body.count(f'<a href="{method.id}/">{escape(method.display_name)}</a>') == 1, method.id
    assert f"{len(CATALOG.methods)} menetelmää aakkosjärjestyksessä." in body
    assert "MIELI ry" in body  # the owner's short name on the Lapset puheeksi card


def test_facet_pages_list_exactly_the_matching_methods(site):
    body = article(site.html("menetelmat/teema/ero"))
    assert "<h1 data-pagefind-ignore=\"all\">Teema: Ero</h1>" in body
    assert 'href="../../vanhemmuussuunnitelma/"' in body
    assert 'href="../../lapset-puheeksi/"' not in body


def test_adoption_history_is_shown_in_year_order_with_source(site):
    body = article(site.html("menetelmat/lapset-puheeksi"))
    first, second = body.index("7 kuntaa, 36,8 % kunnista"), body.index("13 kuntaa, 72 %")
    assert first < second
    assert '<td><a href="#lahde-posote20-toimintamallit">' in body


def test_search_index_is_built_for_finnish(site):
    entry = json.loads((site.site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["fi"]
    assert entry["languages"]["fi"]["page_count"] > 100


def test_every_internal_link_and_anchor_resolves(site):
    pages = {path: parse(path) for path in site.site.rglob("*.html")}
    broken = []
    for path, page in pages.items():
        base = "/" + path.relative_to(site.site).as_posix()
        for href in page.anchors:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            target = urlsplit(urljoin(base, href))
            file = site.site / unquote(target.path).lstrip("/")
            if target.path.endswith("/") or file.is_dir():
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{base}: {href}")
            elif target.fragment.startswith("/collections/"):  # a record's place in the editors' form, not an anchor
                if not _form_has(site.site, target.fragment):
                    broken.append(f"{base}: {href} (lomakkeessa ei ole tätä tietuetta)")
            elif target.fragment and target.fragment not in pages[file].ids:
                broken.append(f"{base}: {href} (ankkuri puuttuu)")
    assert broken == []


def _form_has(site_dir, route: str) -> bool:
    """Whether the editors' form knows the collection of a route /collections/<name>/entries/<id>,
    and the record has its own file in the collection's folder."""
    _, _, name, _, record_id = route.split("/")
    config = json.loads((site_dir / "muokkaa" / "config.json").read_text(encoding="utf-8"))
    folder = next((c["folder"] for c in config["collections"] if c["name"] == name and "folder" in c), None)
    return folder is not None and (ROOT / folder / f"{record_id}.yml").exists()


def test_no_resource_is_loaded_from_another_host(site):
    off_site = []
    for path in site.site.rglob("*.html"):
        for tag, url in parse(path).resources:
            if urlsplit(url).scheme or url.startswith("//"):
                off_site.append(f"{path.relative_to(site.site)}: <{tag}> {url}")
    for path in site.site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?(https?:)?//", path.read_text(encoding="utf-8")):
            off_site.append(f"{path.relative_to(site.site)}: url({url}//…)")
    assert off_site == []
    assert "fonts.googleapis" not in (site.site / "index.html").read_text(encoding="utf-8")


def test_home_page_has_both_entry_points(site):
    body = article(site.html(""))
    assert '<a href="perheille/">Perheille</a>' in body
    assert '<a href="ammattilaisille/">Ammattilaisille</a>' in body
    assert "Perhekeskus on lasten ja perheiden palvelujen verkosto." in body
    assert f"{len(CATALOG.methods)} menetelmää" in text_of(body)


def test_record_pages_stay_out_of_the_navigation(site):
    html = site.html("")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    assert "lapset-puheeksi" not in nav[: nav.index("</nav>")]


def test_search_field_is_on_every_page_and_labelled(site):
    for path in site.site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        if "md-content" in html:  # Material pages; embed cards and redirects are not
            assert '<label for="pk-haku-kentta" class="pk-searchbar__label">Hae sivustolta</label>' in html, path


def test_accessibility_statement_and_privacy_note(site):
    body = article(site.html("saavutettavuus"))
    for heading in ("Digipalvelun saavutettavuuden tila", "Miten saavutettavuus on tarkistettu", "Tiedossa olevat puutteet",
                    "Palaute ja yhteystiedot", "Valvontaviranomainen", "Tietosuoja"):
        assert heading in body
    assert "ei aseta evästeitä" in body
