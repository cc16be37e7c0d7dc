"""The built site in headless Chromium: search finds method pages, and nothing is fetched off-site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest


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
    ("query", "expected"),
    [
        ("Lapset puheeksi", "menetelmat/lapset-puheeksi/"),
        ("Neuvokas perhe", "menetelmat/neuvokas-perhe/"),
        ("Vanhemmuussuunnitelma", "menetelmat/vanhemmuussuunnitelma/"),
        ("MARAK", "menetelmat/marak/"),
    ],
)
def test_search_finds_the_method_page(page, served_site, query, expected):
    page.goto(served_site + "menetelmat/")
    page.locator('label.md-header__button[for="__search"]').click()  # the magnifier a phone user taps
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="Kirjoita aloittaaksesi haun").wait_for()  # index loaded ("Aloitetaan hakua" before)
    page.keyboard.type(query)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=10_000)
    assert urlsplit(first.get_attribute("href")).path.endswith(expected)
    first.click()
    page.wait_for_url(f"**/{expected}*")
    assert page.locator("h1").first.inner_text().startswith(query.split()[0])


def test_pages_load_nothing_from_other_hosts(page, served_site):
    site_host = urlsplit(served_site).netloc
    for path in ("", "menetelmat/", "menetelmat/lapset-puheeksi/", "toimijat/mll/", "perheille/"):
        page.goto(served_site + path)
        page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).netloc for url in page.requests_seen if urlsplit(url).scheme in ("http", "https")}
    assert hosts == {site_host}


def test_phone_width_does_not_scroll_sideways(page, served_site):
    for path in ("", "menetelmat/", "menetelmat/lapset-puheeksi/"):
        page.goto(served_site + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, path
