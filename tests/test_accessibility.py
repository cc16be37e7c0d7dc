"""Every built page in headless Chromium: axe-core (WCAG 2.0/2.1 A and AA) finds nothing, no request
leaves the site, and the main pages work by keyboard alone and fit a phone screen."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => {
    const options = {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']};
    const result = await axe.run(document, options);
    return result.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}));
}"""
MAIN_PAGES = ["", "perheille/", "ammattilaisille/", "palvelukartta/", "menetelmat/", "menetelmat/lapset-puheeksi/",
              "kayttoonotto/", "toimijat/", "alueet/pohjois-savo/", "palvelut/neuvola-pohjois-savo/", "saavutettavuus/"]


@pytest.fixture(scope="module")
def every_page(browser, site, served_site):
    """Visit every page once; keep axe's violations and the hosts each page requested."""
    assert AXE.exists(), "axe-core puuttuu: aja scripts/test (npm ci)"
    axe = AXE.read_text(encoding="utf-8")
    # The editors' form (muokkaa/) is Sveltia CMS's own UI: tests/test_editor_form.py reports it apart.
    folders = sorted(p.parent.relative_to(site.site).as_posix() for p in site.site.rglob("index.html") if p.parent.name != "muokkaa")
    urls = [served_site if folder == "." else f"{served_site}{folder}/" for folder in folders]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    hosts: dict[str, set[str]] = {}
    violations: dict[str, list] = {}
    page.on("request", lambda request: hosts.setdefault(page.url, set()).add(urlsplit(request.url).netloc))
    for url in urls:
        page.goto(url, wait_until="load")
        page.add_script_tag(content=axe)
        violations[url] = page.evaluate(RUN_AXE)
    context.close()
    return urls, violations, hosts


def test_axe_finds_no_violation_on_any_page(every_page, capsys):
    urls, violations, _ = every_page
    per_rule = Counter()
    for found in violations.values():
        for violation in found:
            per_rule[violation["id"]] += len(violation["nodes"])
    with capsys.disabled():
        print(f"\naxe-core {len(urls)} sivulla: " + (", ".join(f"{rule} {n}" for rule, n in per_rule.most_common()) or "0 rikkomusta"))
    assert len(urls) > 100
    assert {url: found for url, found in violations.items() if found} == {}


def test_no_page_requests_another_host(every_page, served_site):
    _, _, hosts = every_page
    own = urlsplit(served_site).netloc
    assert {url: seen - {own} for url, seen in hosts.items() if seen - {own}} == {}


def _focus_is_visible(page) -> bool:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return false;
            const s = getComputedStyle(el);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            return outline || s.boxShadow !== 'none';
        }"""
    )


def _tab_to(page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            assert _focus_is_visible(page), selector
            return
    raise AssertionError(f"{selector} ei saavutettavissa sarkaimella")


def test_keyboard_only_skip_link_search_and_result(browser, served_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(urlsplit(r.url).netloc))
    page.goto(served_site)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Hyppää sisältöön"
    assert _focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#[\w-]+$"))  # the jump is asynchronous: a busy machine reports it later
    _tab_to(page, "#pk-haku-kentta")
    page.keyboard.type("Lapset puheeksi")
    page.keyboard.press("Enter")
    page.wait_for_url("**/haku/?q=*")
    expect(page.locator("a[data-pk-link]").first).to_have_attribute("href", re.compile(r"/menetelmat/lapset-puheeksi/$"))
    _tab_to(page, "a[data-pk-link]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/menetelmat/lapset-puheeksi/*")
    assert set(requests) == {urlsplit(served_site).netloc}
    context.close()


def _address_has(page, text: str) -> None:
    """Wait until the address bar's query holds `text` (replaceState is reported asynchronously)."""
    page.wait_for_function("t => decodeURIComponent(location.search).includes(t)", arg=text, timeout=5_000)


def test_keyboard_only_service_map_filters(browser, served_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served_site + "palvelukartta/")
    page.locator("#rajaukset").wait_for()
    _tab_to(page, "#rajaus-alue")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    _address_has(page, "alue=")
    _tab_to(page, "#rajaus-ika")
    page.keyboard.press("ArrowDown")
    _address_has(page, "ika=")
    _tab_to(page, "#rajaus-teema")
    page.keyboard.press("ArrowDown")
    _address_has(page, "teema=")
    _tab_to(page, "#rajaus-haku")
    page.keyboard.type("neuvola")
    _address_has(page, "haku=neuvola")
    _tab_to(page, "input[name=taso][value=vihreä]")
    page.keyboard.press("Space")
    _address_has(page, "taso=keltainen")
    _tab_to(page, "button[type=reset]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search === ''", timeout=5_000)
    status = page.locator("#rajaus-tulos").inner_text()
    assert status.startswith("Näytetään kaikki")
    context.close()


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_nothing_scrolls_sideways_on_a_phone(browser, served_site, path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(served_site + path)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    context.close()
