"""Perheille: life situations, the urgent-help box, and the area choice kept in the address."""

from __future__ import annotations

import pytest

from conftest import at, record_file, replace_in
from macros.data.catalog import load_catalog
from test_services import map_columns
from test_site import article
from test_validation import problems

CATALOG = load_catalog("data")
SITUATIONS = sorted(s.id for s in CATALOG.life_situations)


def urgent_box_is_complete(html: str) -> bool:
    return all(f'href="tel:{line.phone.replace(" ", "")}">{line.phone}</a>' in html for line in CATALOG.helplines)


@pytest.mark.parametrize("situation_id", SITUATIONS)
def test_life_situation_page_lists_its_services_by_level_after_the_urgent_box(site, situation_id):
    situation = next(s for s in CATALOG.life_situations if s.id == situation_id)
    body = article(site.html(f"perheille/{situation_id}"))
    assert f"<h1>{situation.name}</h1>" in body
    assert urgent_box_is_complete(body)
    sections = {}
    for level in ("vihreä", "keltainen", "punainen"):
        start = body.index(f'data-taso-sarake="{level}"')
        sections[level] = body[start: body.index("</section>", start)]
    assert body.index('class="pk-urgent"') < body.index('data-taso-sarake="vihreä"')
    for service_id in situation.services:
        level = CATALOG.services[service_id].level
        assert f'id="palvelu-{service_id}"' in sections[level], (service_id, level)
    for method_id in situation.methods:
        assert f'href="../../menetelmat/{method_id}/"' in body


def test_family_index_offers_every_situation_and_the_urgent_box(site):
    body = article(site.html("perheille"))
    assert urgent_box_is_complete(body)
    for situation in CATALOG.life_situations:
        assert f'<a href="{situation.id}/"><span class="pk-situations__name">{situation.name}</span></a>' in body


def test_red_level_of_the_map_has_the_urgent_box(site):
    assert urgent_box_is_complete(map_columns(site.html("palvelukartta"))["punainen"])


def test_life_situation_references_are_checked(data_copy):
    baby, divorce = record_file(data_copy, "elamantilanteet", "vauvaperhe"), record_file(data_copy, "elamantilanteet", "ero")
    replace_in(divorce, "  - vanhemmuussuunnitelma\n", "  - vanhemmuus-suunnitelma\n")
    replace_in(baby, "palvelut:\n  - neuvola-pohjois-savo\n", "palvelut:\n  - neuvola\n")
    found = problems(data_copy)
    assert found == [
        f"{at(divorce, '- vanhemmuus-suunnitelma', 'vanhemmuus-')}: elämäntilanne 'ero': kenttä 'menetelmat' viittaa tuntemattomaan "
        "menetelmään 'vanhemmuus-suunnitelma' (tarkoititko 'vanhemmuussuunnitelma'?)",
        f"{at(baby, '- neuvola', 'neuvola')}: elämäntilanne 'vauvaperhe': kenttä 'palvelut' viittaa tuntemattomaan palveluun 'neuvola' "
        "(tarkoititko 'neuvola-pohjois-savo'?)",
    ]


def test_helpline_needs_a_source_and_a_real_number(data_copy):
    path = data_copy / "apua_heti.yml"
    replace_in(path, "  puhelin: 116 111", "  puhelin: soita MLL:ään")
    found = problems(data_copy)
    assert len(found) == 1 and "puhelinnumero 'soita MLL:ään' ei kelpaa" in found[0]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", ["perheille/", "perheille/ero/", "perheille/lahisuhdevakivalta/"])
def test_urgent_help_is_visible_without_scrolling_on_a_phone(phone, served_site, path):
    phone.goto(served_site + path)
    box = phone.locator(".pk-urgent").first.bounding_box()
    assert box is not None and box["y"] + 40 < 844  # at least its title and first number on the first screen
    number = phone.locator(".pk-urgent a[href='tel:112']").first.bounding_box()
    assert number["y"] + number["height"] <= 844


def test_area_choice_narrows_services_and_round_trips_in_the_address(phone, served_site):
    phone.goto(served_site + "perheille/ero/")
    phone.locator("#rajaukset").wait_for()
    phone.select_option("#rajaus-alue", "etela-savo")
    assert phone.evaluate("location.search") == "?alue=etela-savo"
    situation = next(s for s in CATALOG.life_situations if s.id == "ero")
    expected = {i for i in situation.services if "etela-savo" in CATALOG.service_reach(CATALOG.services[i])}
    shown = {i.removeprefix("palvelu-") for i in phone.locator(".pk-service:visible").evaluate_all("cs => cs.map(c => c.id)")}
    assert shown == expected == {"perheneuvo-etela-savo", "erokahvila-etela-savo"}
    phone.reload()
    phone.locator("#rajaukset").wait_for()
    assert phone.locator("#rajaus-alue").input_value() == "etela-savo"
    assert {i.removeprefix("palvelu-") for i in phone.locator(".pk-service:visible").evaluate_all("cs => cs.map(c => c.id)")} == expected


def test_without_javascript_every_service_of_the_situation_is_listed(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "perheille/ero/?alue=etela-savo")
    situation = next(s for s in CATALOG.life_situations if s.id == "ero")
    assert page.locator(".pk-service:visible").count() == len(situation.services)
    assert page.locator("#rajaukset").is_hidden()
    context.close()
