"""Each kind of bad data gives one exact Finnish line naming file, line, column and field."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import at, replace_in
from macros.data.catalog import load_catalog
from macros.data.problems import DataError

TODAY = date(2026, 12, 2)  # the last date any record was checked


def problems(data_dir) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalog(data_dir, today=TODAY)
    return [str(p) for p in caught.value.problems]


def test_real_data_is_valid():
    catalog = load_catalog("data", today=TODAY)
    assert len(catalog.methods) >= 18
    assert catalog.organisations["mieli-ry"].name == "MIELI Suomen Mielenterveys ry"


def test_dangling_owner_reference_names_file_line_and_suggests(data_copy):
    replace_in(data_copy / "methods.yml", "omistaja: mieli-ry", "omistaja: mieli")
    where = at(data_copy / "methods.yml", "omistaja: mieli", "mieli")
    assert problems(data_copy) == [
        f"{where}: menetelmä 'lapset-puheeksi': kenttä 'omistaja' viittaa tuntemattomaan toimijaan 'mieli' (tarkoititko 'mieli-ry'?)"
    ]


def test_unknown_theme_in_a_list_points_at_the_item(data_copy):
    replace_in(data_copy / "methods.yml", "teemat: [elintavat]", "teemat: [elintavt]")
    assert problems(data_copy) == [
        f"{at(data_copy / 'methods.yml', 'teemat: [elintavt]', 'elintavt')}: menetelmä 'neuvokas-perhe': kenttä 'teemat' viittaa tuntemattomaan teemaan 'elintavt' (tarkoititko 'elintavat'?)"
    ]


def test_unknown_key_is_an_error_with_suggestion(data_copy):
    replace_in(data_copy / "methods.yml", "  tiivistelma: >-\n    Vanhempi", "  tiivistelmä: >-\n    Vanhempi")
    found = problems(data_copy)
    path = data_copy / "methods.yml"
    assert found[0] == (
        f"{at(path, '- id: lapset-puheeksi', 'id')}: menetelmä 'lapset-puheeksi': pakollinen kenttä 'tiivistelma' puuttuu (Yhden lauseen kuvaus luetteloon)"
    )
    assert found[1].startswith(
        f"{at(path, 'tiivistelmä:')}: menetelmä 'lapset-puheeksi': tuntematon kenttä 'tiivistelmä' (tarkoititko 'tiivistelma'?); "
        "sallitut kentät: id, aiemmat_osoitteet, nimi, lyhenne, muut_nimet, tiivistelma,"
    )
    assert len(found) == 2


def test_duplicate_id(data_copy):
    path = data_copy / "methods.yml"
    first, second = at(path, "- id: ipc-nuoret", "id"), at(path, "- id: chilled", "chilled")
    replace_in(path, "- id: chilled", "- id: ipc-nuoret")
    found = problems(data_copy)
    assert f"{second}: menetelmä 'ipc-nuoret': tunniste on jo käytössä ({first}); jokaisella tietueella pitää olla oma tunniste" in found
    assert all("'chilled'" in line for line in found if "tunniste on jo käytössä" not in line)  # references to the renamed one


def test_duplicate_key_inside_one_record(data_copy):
    path = data_copy / "methods.yml"
    replace_in(path, "  lyhenne: LP\n", "  lyhenne: LP\n  lyhenne: L.P.\n")
    first_line = int(at(path, "lyhenne: LP").split(":")[1])
    assert problems(data_copy) == [f"{at(path, 'lyhenne: L.P.', 'lyhenne')}: avain 'lyhenne' on jo annettu rivillä {first_line}; poista toinen"]


def test_invalid_and_future_dates(data_copy):
    path = data_copy / "organisations.yml"
    replace_in(path, "  paivitetty: 2026-11-23", "  paivitetty: 2026-02-30")
    replace_in(path, "  tarkistettu: 2026-11-23", "  tarkistettu: 2027-01-01")
    assert problems(data_copy) == [
        f"{at(path, 'paivitetty: 2026-02-30', '2026')}: toimija 'mieli-ry': kenttä 'paivitetty': päivämäärä '2026-02-30' ei kelpaa; kirjoita muodossa VVVV-KK-PP, esim. 2026-01-31",
        f"{at(path, 'tarkistettu: 2027-01-01', '2027')}: toimija 'mieli-ry': kenttä 'tarkistettu': päivämäärä 2027-01-01 on tulevaisuudessa",
    ]


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,x", "ftp://example.org/", "https://"])
def test_unsafe_links_are_refused(data_copy, link):
    replace_in(data_copy / "organisations.yml", "verkkosivu: https://mieli.fi/", f'verkkosivu: "{link}"')
    assert problems(data_copy) == [
        f"{at(data_copy / 'organisations.yml', 'verkkosivu: ', chr(34))}: toimija 'mieli-ry': kenttä 'verkkosivu': osoite '{link}' ei kelpaa; "
        "sallittuja ovat vain https://-, http://-, mailto:- ja tel:-osoitteet"
    ]


def test_wrong_type_number_where_text_is_expected(data_copy):
    replace_in(data_copy / "methods.yml", "lyhenne: LP", "lyhenne: 12")
    assert problems(data_copy) == [
        f"{at(data_copy / 'methods.yml', 'lyhenne: 12', '12')}: menetelmä 'lapset-puheeksi': kenttä 'lyhenne': arvon pitää olla yksirivinen teksti (laita arvo lainausmerkkeihin)"
    ]


def test_yaml_11_words_stay_text(data_copy):
    # `no` and `on` are booleans in YAML 1.1; editors mean the words, so they stay text.
    replace_in(data_copy / "methods.yml", "lyhenne: LP", "lyhenne: no")
    catalog = load_catalog(data_copy, today=TODAY)
    assert catalog.methods["lapset-puheeksi"].abbreviation == "no"


def test_list_expected(data_copy):
    replace_in(data_copy / "methods.yml", "teemat: [elintavat]", "teemat: elintavat")
    assert problems(data_copy) == [
        f"{at(data_copy / 'methods.yml', 'teemat: elintavat', 'elintavat')}: menetelmä 'neuvokas-perhe': kenttä 'teemat' on luettelo: kirjoita jokainen arvo omalle rivilleen '- '-merkin jälkeen"
    ]


def test_over_long_field(data_copy):
    replace_in(data_copy / "methods.yml", "lyhenne: LP", "lyhenne: " + "L" * 21)
    assert problems(data_copy) == [
        f"{at(data_copy / 'methods.yml', 'lyhenne: LLL', 'LLL')}: menetelmä 'lapset-puheeksi': kenttä 'lyhenne' on liian pitkä (21 merkkiä, enintään 20)"
    ]


def test_yaml_syntax_error_has_line(data_copy):
    replace_in(data_copy / "alueet.yml", "  nimi: Pohjois-Savo", "  nimi: Pohjois: Savo")
    assert problems(data_copy) == [
        f"{at(data_copy / 'alueet.yml', 'nimi: Pohjois: Savo', ': Savo')}: YAML-muoto on rikki: kaksoispiste väärässä paikassa (laita teksti lainausmerkkeihin). "
        "Tarkista sisennykset, kaksoispisteet ja lainausmerkit"
    ]


def test_empty_file(data_copy):
    (data_copy / "alueet.yml").write_text("# tyhjä\n", encoding="utf-8")
    assert problems(data_copy) == ["data/alueet.yml:1:1: tiedosto on tyhjä"]


def test_wrong_top_level_shape(data_copy):
    (data_copy / "alueet.yml").write_text("id: pohjois-savo\n", encoding="utf-8")
    found = problems(data_copy)
    assert found[0] == "data/alueet.yml:1:1: tiedoston pitää olla luettelo tietueita: jokainen alkaa rivillä '- id: …'"


def test_duplicate_observation(data_copy):
    path = data_copy / "kayttotilanne.yml"
    text = path.read_text(encoding="utf-8")
    first = text.index("\n- menetelma: lapset-puheeksi") + 1
    record = text[first: text.index("\n\n", first)]
    path.write_text(text + "\n" + record + "\n", encoding="utf-8")
    found = problems(data_copy)
    assert len(found) == 1
    assert found[0].endswith(
        f"havainto 'lapset-puheeksi / pohjois-savo / 2020 / kaytossa' on jo annettu ({at(path, '- menetelma: lapset-puheeksi', 'menetelma')}); "
        "yhdistä rivit tai korjaa vuosi"
    )


def test_every_problem_is_reported_at_once(data_copy):
    replace_in(data_copy / "methods.yml", "omistaja: mieli-ry", "omistaja: mieli")
    replace_in(data_copy / "methods.yml", "  paivitetty: 2026-11-23", "  paivitetty: 23.11.2026")
    replace_in(data_copy / "organisations.yml", "tyyppi: jarjesto", "tyyppi: yhdistys")
    found = problems(data_copy)
    assert len(found) == 3
    assert [line.split(":")[0] for line in found] == ["data/methods.yml", "data/methods.yml", "data/organisations.yml"]


def test_empty_value_is_an_error(data_copy):
    replace_in(data_copy / "methods.yml", "lyhenne: LP", "lyhenne:")
    assert problems(data_copy) == [
        f"{at(data_copy / 'methods.yml', 'lyhenne:', 'lyhenne')}: menetelmä 'lapset-puheeksi': kenttä 'lyhenne' on tyhjä; poista kenttä tai kirjoita arvo"
    ]
