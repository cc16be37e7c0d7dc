"""The implementation path, adoption over time and the area situation picture, as built HTML."""

from __future__ import annotations

import re

from conftest import at, build_site, replace_in
from macros.data.catalog import load_catalog
from test_site import article, text_of
from test_validation import problems

CATALOG = load_catalog("data")

NEW_ROWS = """
- menetelma: lapset-puheeksi
  alue: iisalmi
  vuosi: 2021
  aihe: vaihe
  vaihe: suunnitellaan
  tulos: Käyttöönottoa suunnitellaan
  lahde: posote20-toimintamallit
  tarkistettu: 2026-11-23

- menetelma: lapset-puheeksi
  alue: iisalmi
  vuosi: 2024
  aihe: vaihe
  vaihe: kokeilu
  tulos: Kokeilu käynnissä
  lahde: posote20-toimintamallit
  tarkistettu: 2026-11-23

- menetelma: lapset-puheeksi
  alue: pohjois-savo
  vuosi: 2024
  aihe: kaytossa
  tulos: 15 kuntaa (testirivi)
  kuntia: 15
  kuntia_yhteensa: 19
  lahde: posote20-toimintamallit
  tarkistettu: 2026-11-23
"""


def test_stepper_is_an_ordered_list_of_the_five_stages_with_number_and_name(site):
    body = article(site.html("kayttoonotto"))
    start = body.index('<ol class="pk-stepper" aria-label="Käyttöönoton vaiheet">')
    stepper = body[start: body.index("</ol>", start)]
    titles = re.findall(r'<h3 class="pk-stepper__title"><span class="pk-stepper__number">(\d)</span> ([^<]+)</h3>', stepper)
    assert titles == [(str(s.number), s.name) for s in CATALOG.stages]
    assert [n for n, _ in titles] == ["1", "2", "3", "4", "5"]
    for stage in CATALOG.stages:
        assert f'<li class="pk-stepper__stage" id="vaihe-{stage.id}">' in stepper
        for action in stage.support:
            assert f'href="#tukitoimi-{action}"' in stepper
    for action in CATALOG.vocabulary("tukitoimet").values():
        assert f'<dt id="tukitoimi-{action.id}">{action.name}</dt>' in body


def test_method_page_shows_use_by_year_in_order_with_sources(site):
    body = article(site.html("menetelmat/lapset-puheeksi"))
    table = body[body.index("<caption>Käytössä kunnissa vuosittain</caption>"):]
    table = table[: table.index("</table>")]
    assert re.findall(r'<th scope="col">(\d{4})</th>', table) == ["2020", "2022"]
    row = table[table.index(">Pohjois-Savo</a>"):]
    assert row.index("7 kuntaa, 36,8 % kunnista") < row.index("13 kuntaa, 72 %")
    assert 'href="../../tietoa/#lahde-posote20-toimintamallit"' in row
    assert '<span style="width: 37%">' in row and '<span style="width: 72%">' in row
    assert "Kouluttajakoulutus" in body[body.index('<h2 id="kayttoonotto">'):]


def test_region_picture_says_ei_tietoa_where_a_year_is_unknown(site):
    body = article(site.html("alueet/pohjois-savo"))
    picture = body[body.index('<h2 id="tilannekuva">'):]
    row = picture[picture.index(">Parisuhteen puheeksi ottamisen työkalupakki</a>"):]
    row = row[: row.index("</tr>")]
    cells = re.findall(r"<td>(.*?)</td>", row)
    assert cells[0] == "ei tietoa"  # 2020: not surveyed for this method
    assert "Vähäisessä käytössä 9 kunnassa" in cells[1]
    assert "Kuntakohtaisia käyttöönoton vaiheita ei ole vielä kirjattu: ei tietoa." in picture


def test_family_path_and_roles_are_drawn_from_data(site):
    method = CATALOG.methods["monitoimijainen-yhteistyomalli"]
    body = article(site.html("menetelmat/monitoimijainen-yhteistyomalli"))
    path = body[body.index('<ol class="pk-path" aria-label="Perheen polku">'):]
    path = path[: path.index("</ol>")]  # no list inside the path is ordered, so this is its end
    steps = re.findall(r'<span class="pk-path__number" aria-hidden="true">(\d)</span> ([^<]+)</p>', path)
    assert steps == [(str(i), step.name) for i, step in enumerate(method.client_path, start=1)]
    assert [name for _, name in steps] == ["Puheeksiotto", "Koollekutsuminen", "Yhteinen aika", "Suunnitelman mukainen toiminta", "Perheen sujuva arki"]
    for role in method.roles:
        assert f">{role.name}</h3>" in body


def test_a_new_survey_and_municipal_stages_update_the_pages_with_history_intact(data_copy, tmp_path):
    with (data_copy / "kayttotilanne.yml").open("a", encoding="utf-8") as rows:
        rows.write(NEW_ROWS)
    built = build_site(data_copy, tmp_path / "site")
    assert built.result.returncode == 0, built.output

    method = article(built.html("menetelmat/lapset-puheeksi"))
    table = method[method.index("<caption>Käytössä kunnissa vuosittain</caption>"):]
    assert re.findall(r'<th scope="col">(\d{4})</th>', table[: table.index("</table>")]) == ["2020", "2022", "2024"]
    history = method[method.index("<caption>Kaikki luvut alueittain, vanhin ensin</caption>"):]
    assert history.index("Käyttöönottoa suunnitellaan") < history.index("Kokeilu käynnissä")

    region = article(built.html("alueet/pohjois-savo"))
    matrix = region[region.index('<table class="pk-matrix">'):]
    matrix = matrix[: matrix.index("</table>")]
    iisalmi = matrix[matrix.index('<th scope="row">Iisalmi</th>'):]
    assert text_of(iisalmi[: iisalmi.index("</tr>")]).split() == ["Iisalmi", "4", "Kokeilu", "käynnissä", "(2024)"]
    kuopio = matrix[matrix.index('<th scope="row">Kuopio</th>'):]
    assert '<td class="pk-unknown">ei tietoa</td>' in kuopio[: kuopio.index("</tr>")]
    assert matrix.count('<th scope="row">') == len(CATALOG.subareas("pohjois-savo")) == 19

    own = article(built.html("alueet/iisalmi"))
    assert text_of(own[own.index('<table class="pk-matrix">'):].split("</table>")[0]).count("Kokeilu käynnissä (2024)") == 1


def test_observation_checks_stage_area_and_year(data_copy):
    path = data_copy / "kayttotilanne.yml"
    with path.open("a", encoding="utf-8") as rows:
        rows.write(NEW_ROWS.replace("vaihe: kokeilu", "vaihe: kokeilut").replace("alue: iisalmi\n  vuosi: 2021", "alue: iisalm\n  vuosi: 2027"))
    found = problems(data_copy)
    assert found == [
        f"{at(path, 'alue: iisalm', 'iisalm')}: havainto 'lapset-puheeksi / iisalm / 2027': kenttä 'alue' viittaa tuntemattomaan alueeseen 'iisalm' (tarkoititko 'iisalmi'?)",
        f"{at(path, 'vuosi: 2027', '2027')}: havainto 'lapset-puheeksi / iisalm / 2027': kenttä 'vuosi': vuosi 2027 on tulevaisuudessa",
        f"{at(path, 'vaihe: kokeilut', 'kokeilut')}: havainto 'lapset-puheeksi / iisalmi / 2024': kenttä 'vaihe' viittaa tuntemattomaan käyttöönoton vaiheeseen 'kokeilut' (tarkoititko 'kokeilu'?)",
    ]


def test_stage_numbers_must_form_one_path(data_copy):
    replace_in(data_copy / "kayttoonotto.yml", "    numero: 4\n", "    numero: 6\n")
    found = problems(data_copy)
    assert len(found) == 1
    assert found[0].endswith("vaiheiden numeroiden pitää olla 1, 2, 3 … ilman aukkoja ja toistoja (nyt 1, 2, 3, 5, 6)")
