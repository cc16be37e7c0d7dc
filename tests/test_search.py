"""Search in the real search page: quality floors on tests/search_queries.yml, and what a person
sees: whole sentences, typos with "Tarkoititko", queries without ä/ö, the kind filter in the address,
accessibility with results shown, and nothing fetched from another host."""

from __future__ import annotations

import json
import re
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

from bench.search_eval import RESULT_LINKS, SETTLED, load_queries, report, run_queries, scores, settled_results
from macros.data.catalog import load_catalog
from macros.publish.finnish import fold
from macros.publish.search_lexicon import chunk_path
from test_accessibility import AXE, RUN_AXE

# The goals are recall@5 0.97 and MRR 0.90 overall and 0.90 per category; these floors are
# what the engine reaches today (see the closing note), so a change that makes search worse fails.
FLOOR_RECALL, FLOOR_MRR, FLOOR_CATEGORY = 0.97, 0.89, 0.90


@pytest.fixture
def page(phone):
    return phone


def test_search_finds_the_expected_page_for_how_finns_type(browser, served_site, capsys):
    queries = load_queries()
    assert len(queries) >= 120
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outcomes = run_queries(context.new_page(), served_site, queries)
    context.close()
    table = scores(outcomes)
    with capsys.disabled():
        print("\n" + report(outcomes))
    recall, mrr, _ = table["kaikki"]
    assert recall >= FLOOR_RECALL and mrr >= FLOOR_MRR, report(outcomes)
    assert {name: r for name, (r, _, _) in table.items() if r < FLOOR_CATEGORY} == {}, report(outcomes)
    assert [o.query for o in outcomes if not o.results] == [], "kyselyjä ilman tuloksia"


def _search(page, served_site, query: str, kind: str = "") -> tuple[str, ...]:
    page.goto(f"{served_site}haku/?q={quote(query)}" + (f"&tyyppi={kind}" if kind else ""))
    return settled_results(page, served_site)


def test_a_six_word_sentence_finds_pages(page, served_site):
    results = _search(page, served_site, "miten tukea nuorta jolla on paha olo")
    assert "perheille/nuori/" in results[:5], results


def _search_here(page, query: str) -> list[str]:
    """The search page's own form, without loading the page again: two hundred words in under a minute, not four."""
    page.fill("#haku-kysely", query)
    page.locator("#haku-kysely").press("Enter")
    page.wait_for_function("q => { const r = document.querySelector('[data-pk-search]'); return r.pkSearch && r.pkSearch.query === q && !r.hasAttribute('aria-busy'); }", arg=query)
    return page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => new URL(a.href).pathname)")


def test_synonyms_the_site_never_writes_lead_to_their_groups_pages(page, served_site, site):
    """Pagefind returns partial matches for a word no page has (e.g. "kotiväkivalta" matched pages about
    home visits); such a word ranks by its synonyms and parts. Over every one-word synonym that no page
    writes, in a group some other word of which a page does write, the first result holds another word
    of its group for at least 80 % (before the fix 41 / 56)."""
    pages = {p: p.read_text(encoding="utf-8").lower() for p in site.site.rglob("index.html") if "pagefind" not in p.parts}
    text = " ".join(pages.values())
    groups = load_catalog("data").synonym_groups
    unwritten = [(w, g) for g in groups for w in g.words
                 if " " not in w and w.lower() not in text and any(o.lower() in text for o in g.words if o != w)]
    page.goto(f"{served_site}haku/")
    root = urlsplit(served_site).path
    led = 0
    for word, group in unwritten:
        results = _search_here(page, word)
        first = pages.get(site.site / results[0].removeprefix(root) / "index.html", "") if results else ""
        led += any(other.lower() in first for other in group.words if other != word)
    assert len(unwritten) >= 20 and led / len(unwritten) >= 0.8, f"{led} / {len(unwritten)}"


def test_a_sentence_no_page_holds_whole_says_which_words_it_used(page, served_site):
    results = _search(page, served_site, "zxqv vauva")  # one word no page has, one that many have
    assert results
    status = page.locator("[data-pk-status]")
    expect(status).to_contain_text("Kaikilla sanoilla ei löytynyt")
    expect(status).to_contain_text("vauva")


def test_a_typo_offers_the_corrected_search_whose_first_result_is_right(page, served_site):
    results = _search(page, served_site, "perhevalmenus")
    assert results[0] == "menetelmat/monialainen-perhevalmennus/", results
    suggestion = page.locator("[data-pk-suggestion]")
    expect(suggestion).to_have_text("perhevalmennus")
    suggestion.click()
    page.wait_for_url(re.compile(r"q=perhevalmennus$"))
    corrected = settled_results(page, served_site)
    assert corrected[0] == "menetelmat/monialainen-perhevalmennus/", corrected
    expect(page.locator("[data-pk-suggestion]")).to_have_count(0)


def test_a_word_the_site_writes_is_never_corrected(page, served_site):
    _search(page, served_site, "vanhemmuus")
    expect(page.locator("[data-pk-suggestion]")).to_have_count(0)


def test_a_query_without_a_and_o_finds_the_same_pages(page, served_site):
    with_letters = _search(page, served_site, "lähisuhdeväkivalta työntekijä")
    without = _search(page, served_site, "lahisuhdevakivalta tyontekija")
    assert with_letters and set(without[:5]) == set(with_letters[:5])  # the same pages; near-equal scores may swap


def test_a_title_names_a_word_it_inflects_not_a_compound_it_begins(page, served_site):
    """A title is ranked up when its words are the query's: "Eroamme" is "ero" with an ending,
    "Erokahvila" is another word that begins with it (a café, not a separation)."""
    _search(page, served_site, "ero")
    named = dict(page.evaluate("() => document.querySelector('[data-pk-search]').pkSearch.ranked.pages"
                               ".filter(p => p.path).map(p => [p.path, p.named])"))
    assert named["perheille/ero/"] == 1, named
    assert named["palvelut/erokahvila-etela-savo/"] == 0, named


def test_the_vocabulary_holds_the_words_pagefind_indexes_not_those_it_leaves_out(site):
    """A page's address is shown as text in its share box, which Pagefind leaves out: the
    address is no word of the vocabulary (nor suggested as a spelling), the page's name is."""
    index = json.loads(site.site.joinpath("hakusanasto", "index.json").read_text(encoding="utf-8"))

    def known(word: str) -> bool:
        prefix = max((p for p in index["lohkot"] if fold(word).startswith(p)), key=len)
        return word in json.loads(site.site.joinpath(chunk_path(prefix)).read_text(encoding="utf-8"))["m"]

    service = next(s for s in load_catalog("data").services.values() if "-" in s.id)
    assert service.id in site.html(f"palvelut/{service.id}")  # the share box shows it
    assert not known(service.id)
    assert known(service.name.split()[0].lower().strip(":,"))


def test_a_record_page_names_the_pages_that_gather_it_for_ranking(site):
    """Search ranks a gathering page (life situation, method, organisation) up when it finds it beside
    the pages it gathers; each gathered page names its gatherers in a Pagefind meta."""
    catalog = load_catalog("data")
    gathered = re.compile(r'data-pagefind-meta="kokoavat:([^"]*)"')
    for service in catalog.services.values():
        found = gathered.search(site.html(f"palvelut/{service.id}"))
        names = found.group(1).split() if found else []
        expected = [f"perheille/{s.id}/" for s in catalog.life_situations if service.id in s.services]
        expected += [f"menetelmat/{m}/" for m in service.methods]
        expected += [f"toimijat/{service.provider}/"] if service.provider else []
        assert names == expected, service.id
    owned = next(m for m in catalog.methods.values() if m.owner)
    assert f"toimijat/{owned.owner}/" in gathered.search(site.html(f"menetelmat/{owned.id}")).group(1).split()
    assert not gathered.search(site.html("perheille/ero"))  # a life situation gathers, nothing gathers it


def test_the_done_when_queries_put_the_right_page_in_the_first_three(page, served_site):
    for query, expected in [("lapsi ei suostu menemään kouluun", "perheille/kouluikainen/"),
                            ("vanhemuus", "menetelmat/vahvuutta-vanhemmuuteen/"),
                            ("eron jalkeen", "perheille/ero/")]:
        results = _search(page, served_site, query)
        assert expected in results[:3], (query, results)


def test_results_say_what_they_are_and_a_service_shows_its_level(page, served_site):
    _search(page, served_site, "perheneuvola")
    kinds = page.locator("[data-pk-kind-label]").all_text_contents()
    assert set(kinds) <= {"Perheille", "Menetelmä", "Palvelu", "Toimija", "Alue", "Sivu"} and "Palvelu" in kinds
    service = page.locator(".pk-search-result", has=page.locator("a[href$='/palvelut/kasvatus-ja-perheneuvonta-pohjois-savo/']"))
    expect(service.locator(".pk-level__word")).to_have_text("Keltainen")
    expect(service.locator(".pk-level svg polygon")).to_have_count(1)  # the triangle: shape and word, not colour alone


def test_the_kind_filter_narrows_and_survives_a_reload(page, served_site):
    everything = _search(page, served_site, "vauva")
    page.locator("input[name=tyyppi][value=palvelu]").check()
    page.wait_for_function("() => location.search.includes('tyyppi=palvelu')")
    narrowed = settled_results(page, served_site)
    assert narrowed and all(path.startswith("palvelut/") for path in narrowed)
    assert set(narrowed) < set(everything) or len(everything) >= 10
    count = page.locator("[data-pk-count='palvelu']").inner_text()
    page.reload()
    assert settled_results(page, served_site) == narrowed
    expect(page.locator("input[name=tyyppi][value=palvelu]")).to_be_checked()
    assert page.locator("[data-pk-count='palvelu']").inner_text() == count


def test_search_page_with_results_has_no_axe_violation_and_stays_on_the_site(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    hosts = set()
    page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc))
    _search(page, served_site, "vanhemuus")
    expect(page.locator(RESULT_LINKS).first).to_be_visible()
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    assert page.evaluate(RUN_AXE) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert hosts == {urlsplit(served_site).netloc}
    context.close()


def test_the_search_page_form_works_by_keyboard(page, served_site):
    page.goto(served_site + "haku/")
    page.get_by_label("Mitä etsit?").focus()
    page.keyboard.type("eroamme")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('q=eroamme')")
    page.wait_for_selector(SETTLED)
    assert "perheille/ero/" in settled_results(page, served_site)[:5]


# Layout shifts the reader did not cause, summed as Chromium reports them (the CLS of Web Vitals).
SHIFTS = """
window.pkShifts = 0;
new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) window.pkShifts += e.value; }))
  .observe({ type: "layout-shift", buffered: true });
"""


@pytest.mark.parametrize("query", ["eron jälkeen", "vauva"])  # one page of results, and more than one
def test_results_arriving_move_nothing_already_on_screen(phone, served_site, query):
    """The counts beside the kinds, the status line and the more-button are filled in after the first
    paint; none of them may push what the reader already sees."""
    phone.add_init_script(SHIFTS)
    results = _search(phone, served_site, query)
    shown = phone.locator(RESULT_LINKS).count()
    assert results and phone.evaluate("window.pkShifts") < 0.01
    total = phone.evaluate("document.querySelector('[data-pk-search]').pkSearch.filtered.length")
    more = phone.locator("[data-pk-more]")
    expect(more).to_be_visible() if total > shown else expect(more).to_be_hidden()


def test_the_search_engine_is_fetched_once_from_the_start_only_on_the_search_page(phone, served_site):
    """The search page asks for Pagefind's engine and the vocabulary's index from its <head> (its own
    script would ask only after the theme's): each is downloaded once, the preload used, not a copy.
    Pagefind searches in its web worker, which fetches the wasm itself, once."""
    preloaded = ("pagefind/pagefind.js", "hakusanasto/index.json")
    engine = (*preloaded, "pagefind/pagefind-worker.js", "pagefind/wasm.fi.pagefind")
    fetched: list[str] = []
    phone.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    _search(phone, served_site, "eron jälkeen")
    links = phone.locator("link[rel=preload], link[rel=modulepreload]").evaluate_all("links => links.map(l => new URL(l.href).pathname)")
    assert sorted(links) == sorted("/" + path for path in preloaded)
    assert {path: fetched.count("/" + path) for path in engine} == dict.fromkeys(engine, 1)
    phone.goto(served_site)
    assert phone.locator("link[rel=preload], link[rel=modulepreload]").count() == 0
