"""The built site in headless Chromium: search finds method pages, and nothing is fetched off-site."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from macros.data.catalog import load_catalog

METHODS = load_catalog("data").methods


@pytest.fixture
def page(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    opened = context.new_page()
    opened.requests_seen = []
    opened.on("request", lambda request: opened.requests_seen.append(request.url))
    yield opened
    context.close()


@pytest.mark.parametrize(
    ("query", "method_id"),
    [
        ("Lapset puheeksi", "lapset-puheeksi"),
        ("Neuvokas perhe", "neuvokas-perhe"),
        ("Vanhemmuussuunnitelma", "vanhemmuussuunnitelma"),
        ("Hyvinvoinnin tähti", "hyvinvoinnin-tahti"),
    ],
)
def test_search_field_on_every_page_finds_the_method_page(page, served_site, query, method_id):
    expected = f"menetelmat/{method_id}/"
    page.goto(served_site + "menetelmat/")
    page.get_by_label("Hae sivustolta").fill(query)
    page.keyboard.press("Enter")
    page.wait_for_url("**/haku/?q=*")
    first = page.locator("a[data-pk-link]").first
    expect(first).to_have_attribute("href", re.compile(rf"/{re.escape(expected)}$"))
    first.click()
    page.wait_for_url(f"**/{expected}")
    assert page.locator("article h1").first.inner_text() == METHODS[method_id].display_name


def test_every_method_name_finds_its_page_in_the_top_three(page, served_site):
    page.goto(served_site)
    page.evaluate("async () => { window.pf = await import('./pagefind/pagefind.js'); await window.pf.init(); }")
    for method in METHODS.values():
        urls = page.evaluate("async (q) => { const r = await window.pf.search(q); return Promise.all(r.results.slice(0, 3).map(x => x.data().then(d => d.url))); }", method.name)
        assert any(url.endswith(f"/menetelmat/{method.id}/") for url in urls), (method.name, urls)


def test_pages_load_nothing_from_other_hosts(page, served_site):
    site_host = urlsplit(served_site).netloc
    for path in ("", "menetelmat/", "menetelmat/lapset-puheeksi/", "toimijat/mll/", "perheille/"):
        page.goto(served_site + path)
        page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).netloc for url in page.requests_seen if urlsplit(url).scheme in ("http", "https")}
    assert hosts == {site_host}
