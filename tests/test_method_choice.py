"""Ammattilaisille: the method selector on menetelmat/ (every facet at once, state in the address)
and the comparison on vertaa/ (2–4 methods side by side), on the real built site in Chromium."""

from __future__ import annotations

import json
import re

import pytest
from markupsafe import escape
from playwright.sync_api import expect

from conftest import record_file, replace_in
from macros.data.catalog import load_catalog
from macros.pages.method_facets import MAX_COMPARED
from test_accessibility import AXE, RUN_AXE
from test_validation import TODAY, problems

CATALOG = load_catalog("data", today=TODAY)


def expected(**chosen: list[str]) -> list[str]:
    """Method ids the selector should show, worked out here from the records themselves:
    any value within a group, every group with a choice."""
    def values(method, group):
        return {
            "teema": method.themes, "ika": method.age_groups, "muoto": method.formats, "paikka": method.settings,
            "naytto": (["arvioitu", method.evidence.level] if method.evidence else ["ei-arvioitu"]),
            "omistaja": [method.owner] if method.owner else [],
            "alue": CATALOG.method_areas(method.id),
        }[group]
    return sorted(m.id for m in CATALOG.methods.values() if all(set(v) & set(values(m, g)) for g, v in chosen.items()))


def shown(page) -> list[str]:
    return sorted(page.eval_on_selector_all("[data-menetelma]:not([hidden])", "els => els.map(e => e.dataset.menetelma)"))


def _ready(page) -> None:
    expect(page.locator("#valitsin-tulos")).not_to_be_empty()


def _scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")


# --- What the build writes -------------------------------------------------------------------

def test_selector_data_holds_every_method_with_its_values(site):
    data = json.loads((site.site / "menetelmat" / "valitsin.json").read_text(encoding="utf-8"))
    by_id = {m["id"]: m for m in data["menetelmat"]}
    assert set(by_id) == set(CATALOG.methods)
    rated = [m for m in CATALOG.methods.values() if m.evidence]
    for method in rated:
        assert by_id[method.id]["naytto"] == ["arvioitu", method.evidence.level]
    unrated = next(m for m in CATALOG.methods.values() if not m.evidence)
    assert by_id[unrated.id]["naytto"] == ["ei-arvioitu"]
    used = next(o for o in CATALOG.observations if o.topic == "kaytossa")
    assert used.area in [data["alueet"][i] for i in by_id[used.method]["alue"]]


def test_every_comparison_cell_says_something(site):
    for method in CATALOG.methods.values():
        column = (site.site / "vertaa" / "sarakkeet" / f"{method.id}.html").read_text(encoding="utf-8")
        cells = re.findall(r'<td data-rivi="([a-z]+)">(.*?)</td>', column, re.S)
        assert len(cells) == 12, method.id
        assert all(text.strip() for _, text in cells), method.id
        assert str(escape(method.display_name)) in column


def test_without_javascript_the_list_facets_and_comparison_help_remain(site):
    catalogue = site.html("menetelmat")
    assert '<form class="pk-filters pk-selector" id="valitsin"' in catalogue
    assert "<noscript><style>.pk-filters { display: none; }</style></noscript>" in catalogue  # no form without JavaScript
    assert catalogue.count("data-menetelma=") == len(CATALOG.methods)
    assert 'href="ika/kouluikaiset/"' in catalogue
    compare = site.html("vertaa")
    assert "Ilman sitä voit verrata menetelmiä rajaussivuilla" in compare
    assert 'href="../menetelmat/#rajaus-teema"' in compare


def test_a_rating_without_its_assessor_date_or_source_is_refused(data_copy):
    rating = "naytto:\n  arvio: taso-3\n  linkki: https://kasvuntuki.fi/\n"
    path = record_file(data_copy, "menetelmat", "lapset-puheeksi")
    replace_in(path, "avainsanat:\n", rating + "avainsanat:\n")
    text = path.read_text(encoding="utf-8")
    line = text[: text.index(rating)].count("\n") + 2  # the rating's first field
    found = problems(data_copy)
    for field in ("arvioija", "arvioitu", "lahde"):
        assert any(p.startswith(f"data/menetelmat/lapset-puheeksi.yml:{line}:") and f"kenttä 'naytto': pakollinen kenttä '{field}' puuttuu" in p for p in found), found


# --- The selector in Chromium ------------------------------------------------------------------

def test_filters_combine_and_the_address_round_trips(browser, phone, served_site):
    phone.goto(served_site + "menetelmat/")
    _ready(phone)
    assert shown(phone) == sorted(CATALOG.methods)
    phone.locator("summary").filter(has_text=re.compile("^Kohderyhmä")).click()
    phone.get_by_role("checkbox", name=re.compile(r"^Kouluikäiset")).check()
    assert shown(phone) == expected(ika=["kouluikaiset"])
    phone.locator("summary").filter(has_text=re.compile("^Toteutusmuoto")).click()
    count = phone.locator("label", has=phone.locator("input[name=muoto][value=ryhma]")).locator("[data-maara]").inner_text()
    phone.get_by_role("checkbox", name=re.compile(r"^Ryhmä")).check()
    narrowed = expected(ika=["kouluikaiset"], muoto=["ryhma"])
    assert shown(phone) == narrowed and count == f"({len(narrowed)})"
    assert len(narrowed) < len(expected(ika=["kouluikaiset"]))
    expect(phone.locator("#valitsin-tulos")).to_have_text(f"Valintoja vastaa {len(narrowed)} / {len(CATALOG.methods)} menetelmää.")
    assert phone.url.endswith("menetelmat/?ika=kouluikaiset&muoto=ryhma")
    phone.reload()
    _ready(phone)
    assert shown(phone) == narrowed
    assert phone.get_by_role("checkbox", name=re.compile(r"^Ryhmä")).is_checked()
    # A colleague opening the link sees the same view.
    other = browser.new_page()
    other.goto(phone.url)
    _ready(other)
    assert shown(other) == narrowed
    other.close()
    phone.get_by_role("button", name="Tyhjennä valinnat").click()
    expect(phone.locator("#valitsin-tulos")).to_have_text(f"Näytetään kaikki {len(CATALOG.methods)} menetelmää.")
    assert phone.url.endswith("menetelmat/")


def test_evidence_owner_and_area_filters(phone, served_site):
    area = next(o.area for o in CATALOG.observations if o.topic == "kaytossa")
    owner = next(m.owner for m in CATALOG.methods.values() if m.owner)
    phone.goto(served_site + f"menetelmat/?naytto=ei-arvioitu&omistaja={owner}&alue={area}")
    _ready(phone)
    assert shown(phone) == expected(naytto=["ei-arvioitu"], omistaja=[owner], alue=[area])
    phone.goto(served_site + "menetelmat/?naytto=arvioitu")
    _ready(phone)
    assert shown(phone) == expected(naytto=["arvioitu"])
    phone.goto(served_site + "menetelmat/?ika=ei-tallaista&alue=ei-tallaista")
    _ready(phone)
    assert shown(phone) == sorted(CATALOG.methods)  # unknown values in a pasted link are dropped


# --- The comparison in Chromium ----------------------------------------------------------------

def _pick_by_keyboard(page, method_id: str) -> None:
    box = page.locator(f"input[data-vertailu={method_id}]")
    for _ in range(200):
        page.keyboard.press("Tab")
        if box.evaluate("b => b === document.activeElement"):
            page.keyboard.press("Space")
            return
    raise AssertionError(f"{method_id}: valintaruutu ei saavutettavissa sarkaimella")


def test_keyboard_only_choose_three_compare_and_remove(phone, served_site):
    chosen = [m.id for m in CATALOG.methods_sorted()][:3]
    phone.goto(served_site + "menetelmat/")
    _ready(phone)
    for method_id in chosen:
        _pick_by_keyboard(phone, method_id)
    tray = phone.locator("[data-vertailukori]")
    expect(tray.locator("[data-maara]")).to_have_text("3")
    expect(tray.locator(".pk-tray__title")).to_have_text(f"Vertailuun valitut (3/{MAX_COMPARED})")
    more = [m for m in CATALOG.methods_sorted()][3:MAX_COMPARED + 1]  # up to one more than fits
    for method in more:
        _pick_by_keyboard(phone, method.id)
    expect(tray.locator("[data-maara]")).to_have_text(str(MAX_COMPARED))
    expect(tray.locator(".pk-tray__status")).to_contain_text(f"enintään {MAX_COMPARED} menetelmää")
    for method in more[:-1]:
        tray.get_by_role("button", name=f"Poista vertailusta: {method.display_name}").click()
    expect(tray.locator("[data-maara]")).to_have_text("3")
    link = tray.get_by_role("link", name="Vertaa valittuja")
    link.focus()
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/vertaa/?menetelmat=*")
    assert phone.url.endswith("vertaa/?menetelmat=" + ",".join(chosen))
    heads = phone.locator("thead th")
    expect(heads).to_have_count(3)
    for index, method_id in enumerate(chosen):
        expect(heads.nth(index).locator("a")).to_have_text(CATALOG.methods[method_id].display_name)
    evidence = phone.locator("tr[data-rivi=naytto] td")
    expect(evidence).to_have_count(3)
    for index, method_id in enumerate(chosen):
        rating = CATALOG.methods[method_id].evidence
        word = CATALOG.term("nayttoasteikko", rating.level).name if rating else "Ei arvioitu"
        expect(evidence.nth(index)).to_contain_text(word)
    expect(phone.locator("caption")).to_have_text("Menetelmien vertailu (3 menetelmää)")
    # Remove the middle one by keyboard: the address follows, focus stays in the table.
    remove = phone.get_by_role("button", name=f"Poista vertailusta: {CATALOG.methods[chosen[1]].display_name}")
    remove.focus()
    phone.keyboard.press("Enter")
    expect(heads).to_have_count(2)
    assert phone.url.endswith("vertaa/?menetelmat=" + ",".join([chosen[0], chosen[2]]))
    assert phone.evaluate("document.activeElement.classList.contains('pk-compare__remove')")
    assert not _scrolls_sideways(phone)


def test_a_method_page_adds_to_the_comparison(phone, served_site):
    first, second = [m.id for m in CATALOG.methods_sorted()][-2:]
    for method_id in (first, second):
        phone.goto(served_site + f"menetelmat/{method_id}/")
        phone.get_by_role("checkbox", name=re.compile("^Lisää vertailuun")).check()
    phone.get_by_role("link", name="Vertaa valittuja").click()
    phone.wait_for_url("**/vertaa/?menetelmat=*")
    assert phone.url.endswith(f"?menetelmat={first},{second}")
    expect(phone.locator("thead th")).to_have_count(2)


def test_unknown_ids_are_dropped_with_a_note_and_more_than_four_are_cut(phone, served_site):
    ids = [m.id for m in CATALOG.methods_sorted()]
    phone.goto(served_site + f"vertaa/?menetelmat={ids[0]},ei-tallaista,..%2Fhaku,{ids[1]}")
    expect(phone.locator("thead th")).to_have_count(2)
    expect(phone.locator("[data-huomautus]")).to_contain_text("ei-tallaista")
    assert phone.url.endswith(f"?menetelmat={ids[0]},{ids[1]}")
    phone.goto(served_site + "vertaa/?menetelmat=" + ",".join(ids[:6]))
    expect(phone.locator("thead th")).to_have_count(4)
    expect(phone.locator("[data-huomautus]")).to_contain_text(f"Vertailuun mahtuu {MAX_COMPARED} menetelmää")


def test_four_methods_fit_a_phone_and_print_whole_on_a4_landscape(phone, served_site):
    ids = [m.id for m in CATALOG.methods_sorted()][:4]
    phone.goto(served_site + "vertaa/?menetelmat=" + ",".join(ids))
    expect(phone.locator("thead th")).to_have_count(4)
    assert not _scrolls_sideways(phone)
    box = phone.locator("[data-taulukko]")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")  # the table scrolls in its own box
    phone.emulate_media(media="print")
    phone.set_viewport_size({"width": 1047, "height": 720})  # A4 landscape less the margins, at 96 dpi
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth")  # printed whole, nothing cut
    expect(phone.locator(".pk-compare__remove").first).to_be_hidden()
    pdf = phone.pdf(prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert boxes and all(float(width) > float(height) for width, height in boxes)  # every page landscape


def test_without_javascript_vertaa_explains_and_nothing_breaks(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "vertaa/?menetelmat=" + next(iter(CATALOG.methods)))
    expect(page.get_by_text("Ilman sitä voit verrata menetelmiä rajaussivuilla")).to_be_visible()
    expect(page.locator("[data-taulukko]")).to_be_hidden()
    page.goto(served_site + "menetelmat/")
    expect(page.locator("#valitsin")).to_be_hidden()
    expect(page.locator(".pk-card__title")).to_have_count(len(CATALOG.methods))
    context.close()


@pytest.mark.parametrize("path", ["menetelmat/?ika=kouluikaiset&naytto=ei-arvioitu", "vertaa/"])
def test_axe_finds_nothing_on_the_filtered_catalogue_and_the_comparison(browser, served_site, path):
    page = browser.new_page()
    ids = [m.id for m in CATALOG.methods_sorted()][:3]
    page.goto(served_site + path + ("?menetelmat=" + ",".join(ids) if path == "vertaa/" else ""))
    if path == "vertaa/":
        expect(page.locator("thead th")).to_have_count(3)
    else:
        _ready(page)
        page.locator("details.pk-selector__group").first.evaluate("d => d.open = true")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    assert page.evaluate(RUN_AXE) == []
    page.close()
