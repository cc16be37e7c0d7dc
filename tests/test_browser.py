"""The built site in headless Chromium: search finds method pages, and nothing is fetched off-site."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from macros.catalog import load_catalog

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
def test_search_finds_the_method_page(page, served_site, query, method_id):
    expected = f"menetelmat/{method_id}/"
    page.goto(served_site + "menetelmat/")
    page.locator('label.md-header__button[for="__search"]').click()  # the magnifier a phone user taps
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="Kirjoita aloittaaksesi haun").wait_for()  # index loaded ("Aloitetaan hakua" before)
    page.keyboard.type(query)  # keystrokes, as Material's search listens to them
    first = page.locator(".md-search-result__item a").first
    # Results update as the query is processed; wait until the first one is the expected page.
    expect(first).to_have_attribute("href", re.compile(rf"/{re.escape(expected)}\?h="))
    first.click()
    page.wait_for_url(f"**/{expected}*")
    assert page.locator("article h1").first.inner_text() == METHODS[method_id].display_name


def test_pages_load_nothing_from_other_hosts(page, served_site):
    site_host = urlsplit(served_site).netloc
    for path in ("", "menetelmat/", "menetelmat/lapset-puheeksi/", "toimijat/mll/", "perheille/"):
        page.goto(served_site + path)
        page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).netloc for url in page.requests_seen if urlsplit(url).scheme in ("http", "https")}
    assert hosts == {site_host}
