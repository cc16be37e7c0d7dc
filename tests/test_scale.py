"""The site at a size beyond the seed data: synthetic data (bench/synthetic.py) stays valid, and
listing pages are grouped so that no page grows with the whole country."""

from __future__ import annotations

import json

import pytest

from bench import synthetic
from bench.search_eval import RESULT_LINKS, SETTLED
from conftest import build_site, serve_directory
from test_accessibility import AXE, RUN_AXE
from macros.pages.site import CATALOGUE_CARD_LIMIT, MAP_PAGE_LIMIT

SCALE = synthetic.Scale(methods=CATALOGUE_CARD_LIMIT + 10, services=MAP_PAGE_LIMIT + 100, municipalities=30, regions=3, organisations=10, life_situations=2)


GROUPED_PAGES = ["palvelukartta/", "menetelmat/", "alueet/alue-0/", "alueet/kunta-0/"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("scale")
    data = synthetic.write(tmp_path / "data", SCALE)
    built = build_site(data, tmp_path / "site")  # --strict: written pages must not break on other data
    assert built.result.returncode == 0, built.output
    return built


def test_more_services_and_methods_than_a_page_holds_are_grouped(built):
    service_map = built.html("palvelukartta")
    assert 'class="pk-service"' not in service_map  # no card on the map page itself
    assert 'href="../alueet/alue-0/"' in service_map and 'href="../alueet/kunta-0/"' in service_map

    municipality = built.html("alueet/kunta-0")
    region = built.html("alueet/alue-0")
    own = [s for s in built.site.joinpath("palvelut").iterdir()]
    assert len(own) == SCALE.services
    assert municipality.count('class="pk-service"') > region.count('class="pk-service"') > 0

    catalogue = built.html("menetelmat")
    assert 'class="pk-card__title"' not in catalogue  # names by initial, not cards
    method_ids = [p.name for p in built.site.joinpath("menetelmat").iterdir() if p.name.startswith("menetelma-")]
    assert len(method_ids) == SCALE.methods
    assert all(f'<li id="{m}" data-menetelma="{m}"><a href="{m}/">' in catalogue for m in method_ids)
    assert 'href="#kirjain-' in catalogue
    # The selector filters these names from the build's data file, one entry per method.
    assert 'data-pk-valitsin data-tiedot="valitsin.json"' in catalogue
    selector = json.loads(built.site.joinpath("menetelmat", "valitsin.json").read_text(encoding="utf-8"))
    assert sorted(m["id"] for m in selector["menetelmat"]) == sorted(method_ids)

    pages = [p for p in built.site.rglob("*.html") if "pagefind" not in p.parts]
    largest = max(pages, key=lambda p: p.stat().st_size)
    assert largest.stat().st_size < 200_000, largest


def test_grouped_pages_pass_axe_on_a_phone(built, browser):
    address, server = serve_directory(built.site)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        for path in GROUPED_PAGES:
            page.goto(address + path)
            page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
            assert page.evaluate(RUN_AXE) == [], path
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    finally:
        page.close()
        server.shutdown()


def test_search_knows_how_many_parts_the_index_has_and_answers_a_sentence(built, browser):
    """The search page shares its forms among a sentence's words only when the index has many
    parts (each one more download); the vocabulary tells it how many Pagefind wrote."""
    index = json.loads(built.site.joinpath("hakusanasto", "index.json").read_text(encoding="utf-8"))
    assert index["osat"] == len(list(built.site.joinpath("pagefind", "index").glob("*.pf_index"))) > 1
    address, server = serve_directory(built.site)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    parts: list[str] = []
    page.on("request", lambda request: parts.append(request.url) if request.url.endswith(".pf_index") else None)
    try:
        page.goto(address + "haku/?q=" + "miten tukea perhettä jolla on vaikeaa")
        page.wait_for_selector(SETTLED)
        assert page.locator(RESULT_LINKS).count() > 0
        assert len(set(parts)) < index["osat"]  # a part of the index, never all of it
    finally:
        page.close()
        server.shutdown()
