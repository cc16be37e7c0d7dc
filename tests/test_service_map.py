"""The service map in headless Chromium: filters, the URL, reloads, no JavaScript, print."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from playwright.sync_api import expect

from macros.data.catalog import load_catalog

CATALOG = load_catalog("data")
ALL = set(CATALOG.services)


@pytest.fixture
def context(browser):
    opened = browser.new_context(viewport={"width": 1280, "height": 900})
    opened.set_default_timeout(10_000)
    yield opened
    opened.close()


@pytest.fixture
def page(context, served_site):
    opened = context.new_page()
    opened.goto(served_site + "palvelukartta/")
    opened.locator("#rajaukset").wait_for()  # the script reveals the form
    return opened


def visible(page) -> set[str]:
    ids = page.locator(".pk-service:visible").evaluate_all("cards => cards.map(c => c.id)")
    return {card_id.removeprefix("palvelu-") for card_id in ids}


def query(page) -> dict[str, list[str]]:
    # The page's own location: Playwright learns of replaceState asynchronously.
    return parse_qs(page.evaluate("location.search").lstrip("?"))


def test_all_services_show_before_any_filter(page):
    assert visible(page) == ALL
    assert page.locator("#rajaus-tulos").inner_text() == f"Näytetään kaikki {len(ALL)} palvelua."


def test_area_filter_keeps_regional_services_and_drops_other_towns(page):
    page.select_option("#rajaus-alue", "iisalmi")
    expected = {s.id for s in CATALOG.services_in("iisalmi")}
    assert visible(page) == expected
    assert "pelotta" not in expected and "neuvola-pohjois-savo" in expected
    assert query(page) == {"alue": ["iisalmi"]}
    assert page.locator("#rajaus-tulos").inner_text() == f"Näytetään {len(expected)} / {len(ALL)} palvelua."


def test_age_filter_keeps_services_whose_ages_overlap(page):
    page.select_option("#rajaus-ika", "vauvaikaiset")
    shown = visible(page)
    assert {"meidan-vauva-tampere", "neuvola-pohjois-savo", "perhekeskustiimi-pohjois-savo"} <= shown  # last: no ages given
    assert not {"oppilashuolto-pohjois-savo", "evaita-realityyn-yseille-tampere"} & shown


def test_theme_filter(page):
    page.select_option("#rajaus-teema", "ero")
    assert visible(page) == {s.id for s in CATALOG.services_where("themes", "ero")} == {"erokahvila-etela-savo"}


def test_level_filter_hides_the_whole_column(page):
    page.get_by_role("checkbox", name="Vihreä").uncheck()
    page.get_by_role("checkbox", name="Keltainen").uncheck()
    assert visible(page) == {s.id for s in CATALOG.services.values() if s.level == "punainen"}
    assert page.locator('[data-taso-sarake="vihreä"]').is_hidden()
    assert query(page) == {"taso": ["punainen"]}


def test_text_filter(page):
    page.fill("#rajaus-haku", "kohtaamispaikka")
    assert visible(page) == {
        "avoimet-kohtaamispaikat-etela-savo", "perhetupa-kangasniemi", "tikantanssi-savonlinna", "perheiden-talo-pieksamaki"
    }
    page.fill("#rajaus-haku", "ei tällaista palvelua")
    assert visible(page) == set()
    assert page.locator("#rajaus-tulos").inner_text() == "Ei palveluja tällä rajauksella. Kokeile väljempää rajausta."


def test_filtered_url_round_trips_through_a_reload(page):
    page.select_option("#rajaus-alue", "pohjois-savo")
    page.get_by_role("checkbox", name="Vihreä").uncheck()
    page.get_by_role("checkbox", name="Punainen").uncheck()
    shown = visible(page)
    assert query(page) == {"alue": ["pohjois-savo"], "taso": ["keltainen"]}
    page.reload()
    page.locator("#rajaukset").wait_for()
    assert visible(page) == shown
    assert page.locator("#rajaus-alue").input_value() == "pohjois-savo"
    assert not page.get_by_role("checkbox", name="Vihreä").is_checked()


def test_a_shared_link_opens_the_same_view(context, served_site):
    receiver = context.new_page()
    receiver.goto(served_site + "palvelukartta/?alue=pohjois-savo&taso=keltainen")
    receiver.locator("#rajaukset").wait_for()
    expected = {s.id for s in CATALOG.services_in("pohjois-savo") if s.level == "keltainen"}
    assert visible(receiver) == expected and len(expected) == 4
    receiver.get_by_role("button", name="Näytä kaikki palvelut").click()
    # The form's reset event fires before the fields are reset: the script applies them a moment later.
    expect(receiver.locator(".pk-service:visible")).to_have_count(len(ALL))
    assert visible(receiver) == ALL
    assert receiver.evaluate("location.search") == ""


def test_without_javascript_every_service_is_listed(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "palvelukartta/?alue=iisalmi")
    assert visible(page) == ALL
    assert page.locator("#rajaukset").is_hidden()
    context.close()


def test_print_hides_navigation_and_shows_every_card(page):
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator("#rajaukset").is_hidden()
    assert visible(page) == ALL
    meta = page.locator(".pk-print-meta")
    assert meta.is_visible() and "Osoite: " in meta.inner_text() and "palvelukartta" in meta.inner_text()


def test_every_card_carries_its_level_in_words(page):
    for service in CATALOG.services.values():
        card = page.locator(f"#palvelu-{service.id}")
        assert service.level.capitalize() in card.inner_text()
