"""The service map and service, area, method and organisation pages, as built HTML."""

from __future__ import annotations

import re

import pytest

from conftest import build_site, record_file, replace_in
from macros.data.catalog import load_catalog
from test_site import article
from test_validation import problems

CATALOG = load_catalog("data")
TITLES = {"vihreä": "Vihreä", "keltainen": "Keltainen", "punainen": "Punainen"}


def map_columns(html: str) -> dict[str, str]:
    """The HTML of each level column of the service map, by level."""
    parts = re.split(r'<section class="pk-column [^"]*" aria-labelledby="[^"]*" data-taso-sarake="([^"]+)">', html)
    return {parts[i]: parts[i + 1].split("</section>")[0] for i in range(1, len(parts), 2)}


def test_every_service_is_on_the_map_once_in_its_level_with_the_level_word(site):
    html = site.html("palvelukartta")
    columns = map_columns(html)
    assert list(columns) == ["vihreä", "keltainen", "punainen"]
    for service in CATALOG.services.values():
        card = f'<li class="pk-service" id="palvelu-{service.id}"'
        assert html.count(card) == 1, service.id
        column = columns[service.level]
        assert card in column, service.id
        card_html = column[column.index(card): column.index("</li>", column.index(card))]
        assert f'<span class="pk-level__word">{TITLES[service.level]}</span>' in card_html
        assert f'href="../palvelut/{service.id}/"' in card_html
        if service.provider:
            assert f'href="../toimijat/{service.provider}/"' in card_html


def test_without_javascript_the_filter_form_is_hidden_and_counts_are_final(site):
    html = site.html("palvelukartta")
    # Shown from the first paint when scripts run (no layout shift), hidden by a noscript rule when they do not.
    assert '<form class="pk-filters" id="rajaukset" aria-labelledby' in html
    assert "<noscript><style>.pk-filters { display: none; }</style></noscript>" in html
    assert f"{len(CATALOG.services)} palvelua." in html
    for level, column in map_columns(html).items():
        expected = len([s for s in CATALOG.services.values() if s.level == level])
        assert f"<span data-count>{expected}</span>" in column


@pytest.mark.parametrize("service_id", sorted(CATALOG.services))
def test_every_service_has_a_page_with_level_reason_areas_and_methods(site, service_id):
    service = CATALOG.services[service_id]
    body = article(site.html(f"palvelut/{service_id}"))
    assert f"<h1>{service.name}</h1>" in body
    assert f'<span class="pk-level__word">{TITLES[service.level]}</span>' in body
    assert f"Miksi tällä tasolla: {service.level_reason}" in body
    for area_id in service.areas:
        assert f'<a href="../../alueet/{area_id}/">{CATALOG.areas[area_id].name}</a>' in body
    for method_id in service.methods:
        assert f'href="../../menetelmat/{method_id}/"' in body


def test_method_page_lists_the_services_that_use_it_with_their_level(site):
    body = article(site.html("menetelmat/systeeminen-lastensuojelu"))
    section = body[body.index('id="palvelut"'):]
    assert 'href="../../palvelut/lastensuojelu-etela-savo/">Lastensuojelu – systeeminen toimintamalli</a>' in section
    assert '<span class="pk-level__word">Punainen</span>' in section


def test_organisation_page_lists_its_services(site):
    body = article(site.html("toimijat/tampereen-kaupunki"))
    assert 'href="../../palvelut/meidan-vauva-tampere/">Meidän vauva</a>' in body


def test_municipality_page_has_regional_services_but_not_another_towns(site):
    iisalmi = article(site.html("alueet/iisalmi"))
    assert 'id="palvelu-neuvola-pohjois-savo"' in iisalmi
    assert 'id="palvelu-pelotta"' not in iisalmi
    kuopio = article(site.html("alueet/kuopio"))
    punainen = kuopio[kuopio.index('<h2 id="punainen">'):]
    assert 'id="palvelu-pelotta"' in punainen
    # A region's page lists its region-wide services and links to its municipalities, whose own
    # services are on their pages: no area page grows with the whole country.
    region = article(site.html("alueet/pohjois-savo"))
    assert 'id="palvelu-neuvola-pohjois-savo"' in region
    assert 'id="palvelu-pelotta"' not in region
    assert '<a href="../kuopio/">Kuopio</a>' in region
    assert "kuntien omat palvelut ovat kuntien sivuilla" in region


def test_level_must_be_one_of_the_three(data_copy):
    replace_in(record_file(data_copy, "palvelut", "lapsiperheiden-perhetyo-pohjois-savo"), "taso: keltainen\n", "taso: keltanen\n")
    found = problems(data_copy)
    assert len(found) == 1
    assert found[0].endswith(
        "palvelu 'lapsiperheiden-perhetyo-pohjois-savo': kenttä 'taso': arvo 'keltanen' ei kelpaa "
        "(tarkoititko 'keltainen'?); sallitut arvot: vihreä, keltainen, punainen"
    )


def test_service_references_are_checked(data_copy):
    replace_in(record_file(data_copy, "palvelut", "perhetupa-kangasniemi"), "alueet:\n  - kangasniemi\n", "alueet:\n  - kangasniem\n")
    replace_in(record_file(data_copy, "palvelut", "lastensuojelu-etela-savo"), "menetelmat:\n  - systeeminen-lastensuojelu\n", "menetelmat:\n  - systeeminen\n")
    found = problems(data_copy)
    assert found[1].endswith("palvelu 'perhetupa-kangasniemi': kenttä 'alueet' viittaa tuntemattomaan alueeseen 'kangasniem' (tarkoititko 'kangasniemi'?)")
    assert found[0].endswith("palvelu 'lastensuojelu-etela-savo': kenttä 'menetelmat' viittaa tuntemattomaan menetelmään 'systeeminen' (tarkoititko 'systeeminen-lastensuojelu'?)")


def test_phone_numbers_become_tel_links_and_bad_ones_are_refused(data_copy, tmp_path):
    path = record_file(data_copy, "palvelut", "pelotta")
    replace_in(path, "tuottaja: kuopion-ensikotiyhdistys\n", "tuottaja: kuopion-ensikotiyhdistys\npuhelin: 040 123 4567\n")
    built = build_site(data_copy, tmp_path / "site")
    assert built.result.returncode == 0, built.output
    assert '<a href="tel:0401234567">040 123 4567</a>' in built.html("palvelut/pelotta")
    replace_in(path, "puhelin: 040 123 4567\n", "puhelin: soita meille\n")
    assert problems(data_copy)[0].endswith("puhelinnumero 'soita meille' ei kelpaa; käytä vain numeroita, välilyöntejä ja alussa +-merkkiä")
