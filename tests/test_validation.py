"""Each kind of bad data gives one exact Finnish line naming file, line, column and field."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from conftest import at, record_file, replace_in
from macros.data import catalog as catalog_module, parallel
from macros.data.catalog import load_catalog
from macros.data.problems import DataError

TODAY = date(2026, 12, 4)  # the last date any record was checked


def problems(data_dir) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalog(data_dir, today=TODAY)
    return [str(p) for p in caught.value.problems]


def test_real_data_is_valid():
    catalog = load_catalog("data", today=TODAY)
    assert len(catalog.methods) >= 18
    assert catalog.organisations["mieli-ry"].name == "MIELI Suomen Mielenterveys ry"


LP = ("menetelmat", "lapset-puheeksi")
NEUVOKAS = ("menetelmat", "neuvokas-perhe")
MIELI = ("toimijat", "mieli-ry")


def test_dangling_owner_reference_names_file_line_and_suggests(data_copy):
    path = record_file(data_copy, *LP)
    replace_in(path, "omistaja: mieli-ry", "omistaja: mieli")
    assert problems(data_copy) == [
        f"{at(path, 'omistaja: mieli', 'mieli')}: menetelmä 'lapset-puheeksi': kenttä 'omistaja' viittaa tuntemattomaan toimijaan 'mieli' (tarkoititko 'mieli-ry'?)"
    ]


def test_unknown_theme_in_a_list_points_at_the_item(data_copy):
    path = record_file(data_copy, *NEUVOKAS)
    replace_in(path, "teemat:\n  - elintavat\n", "teemat:\n  - elintavt\n")
    assert problems(data_copy) == [
        f"{at(path, '- elintavt', 'elintavt')}: menetelmä 'neuvokas-perhe': kenttä 'teemat' viittaa tuntemattomaan teemaan 'elintavt' (tarkoititko 'elintavat'?)"
    ]


def test_unknown_key_is_an_error_with_suggestion(data_copy):
    path = record_file(data_copy, *LP)
    replace_in(path, "tiivistelma: ", "tiivistelmä: ")
    found = problems(data_copy)
    assert found[0] == (
        "data/menetelmat/lapset-puheeksi.yml:1:1: menetelmä 'lapset-puheeksi': pakollinen kenttä 'tiivistelma' puuttuu (Yhden lauseen kuvaus luetteloon)"
    )
    assert found[1].startswith(
        f"{at(path, 'tiivistelmä:')}: menetelmä 'lapset-puheeksi': tuntematon kenttä 'tiivistelmä' (tarkoititko 'tiivistelma'?); "
        "sallitut kentät: id, nimi, lyhenne, muut_nimet, tiivistelma,"
    )
    assert len(found) == 2


def test_a_records_id_is_its_files_name(data_copy):
    """In a folder the file's name is the id: an `id` line is refused, and so is a name that cannot be an id."""
    path = record_file(data_copy, *LP)
    path.write_text("id: lp\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    (data_copy / "toimijat" / "Uusi toimija.yml").write_text("nimi: Uusi\n", encoding="utf-8")
    (data_copy / "toimijat" / "uusi.yaml").write_text("nimi: Uusi\n", encoding="utf-8")
    assert problems(data_copy) == [
        "data/menetelmat/lapset-puheeksi.yml:1:1: kenttä 'id' ei kuulu tiedostoon: tunniste on tiedoston nimi ('lapset-puheeksi'); poista rivi",
        "data/toimijat/Uusi toimija.yml:1:1: tiedoston nimi 'Uusi toimija' on tietueen tunniste, eikä se kelpaa: käytä pieniä kirjaimia a–z, numeroita ja väliviivoja (esim. lapset-puheeksi.yml)",
        "data/toimijat/uusi.yaml:1:1: kansiossa on vain .yml-tiedostoja, yksi tietue kussakin; nimeä tiedosto uudelleen tai siirrä se pois",
    ]


def test_duplicate_key_inside_one_record(data_copy):
    path = record_file(data_copy, *LP)
    replace_in(path, "lyhenne: LP\n", "lyhenne: LP\nlyhenne: L.P.\n")
    first_line = int(at(path, "lyhenne: LP").split(":")[1])
    assert problems(data_copy) == [f"{at(path, 'lyhenne: L.P.', 'lyhenne')}: avain 'lyhenne' on jo annettu rivillä {first_line}; poista toinen"]


def test_invalid_and_future_dates(data_copy):
    path = record_file(data_copy, *MIELI)
    replace_in(path, "paivitetty: 2026-11-23", "paivitetty: 2026-02-30")
    replace_in(path, "tarkistettu: 2026-11-23", "tarkistettu: 2027-01-01")
    assert problems(data_copy) == [
        f"{at(path, 'paivitetty: 2026-02-30', '2026')}: toimija 'mieli-ry': kenttä 'paivitetty': päivämäärä '2026-02-30' ei kelpaa; kirjoita muodossa VVVV-KK-PP, esim. 2026-01-31",
        f"{at(path, 'tarkistettu: 2027-01-01', '2027')}: toimija 'mieli-ry': kenttä 'tarkistettu': päivämäärä 2027-01-01 on tulevaisuudessa",
    ]


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,x", "ftp://example.org/", "https://"])
def test_unsafe_links_are_refused(data_copy, link):
    path = record_file(data_copy, *MIELI)
    replace_in(path, "verkkosivu: https://mieli.fi/", f'verkkosivu: "{link}"')
    assert problems(data_copy) == [
        f"{at(path, 'verkkosivu: ', chr(34))}: toimija 'mieli-ry': kenttä 'verkkosivu': osoite '{link}' ei kelpaa; "
        "sallittuja ovat vain https://-, http://-, mailto:- ja tel:-osoitteet"
    ]


def test_wrong_type_number_where_text_is_expected(data_copy):
    path = record_file(data_copy, *LP)
    replace_in(path, "lyhenne: LP", "lyhenne: 12")
    assert problems(data_copy) == [
        f"{at(path, 'lyhenne: 12', '12')}: menetelmä 'lapset-puheeksi': kenttä 'lyhenne': arvon pitää olla yksirivinen teksti (laita arvo lainausmerkkeihin)"
    ]


def test_yaml_11_words_stay_text(data_copy):
    # `no` and `on` are booleans in YAML 1.1; editors mean the words, so they stay text.
    replace_in(record_file(data_copy, *LP), "lyhenne: LP", "lyhenne: no")
    catalog = load_catalog(data_copy, today=TODAY)
    assert catalog.methods["lapset-puheeksi"].abbreviation == "no"


def test_list_expected(data_copy):
    path = record_file(data_copy, *NEUVOKAS)
    replace_in(path, "teemat:\n  - elintavat\n", "teemat: elintavat\n")
    assert problems(data_copy) == [
        f"{at(path, 'teemat: elintavat', 'elintavat')}: menetelmä 'neuvokas-perhe': kenttä 'teemat' on luettelo: kirjoita jokainen arvo omalle rivilleen '- '-merkin jälkeen"
    ]


def test_over_long_field(data_copy):
    path = record_file(data_copy, *LP)
    replace_in(path, "lyhenne: LP", "lyhenne: " + "L" * 21)
    assert problems(data_copy) == [
        f"{at(path, 'lyhenne: LLL', 'LLL')}: menetelmä 'lapset-puheeksi': kenttä 'lyhenne' on liian pitkä (21 merkkiä, enintään 20)"
    ]


def test_yaml_syntax_error_has_line(data_copy):
    path = record_file(data_copy, "alueet", "pohjois-savo")
    replace_in(path, "nimi: Pohjois-Savo", "nimi: Pohjois: Savo")
    assert problems(data_copy) == [
        f"{at(path, 'nimi: Pohjois: Savo', ': Savo')}: YAML-muoto on rikki: kaksoispiste väärässä paikassa (laita teksti lainausmerkkeihin). "
        "Tarkista sisennykset, kaksoispisteet ja lainausmerkit"
    ]


def test_empty_files(data_copy):
    """An empty record file is one problem: the records that refer to it are not reported again."""
    record_file(data_copy, "alueet", "pohjois-savo").write_text("# tyhjä\n", encoding="utf-8")
    (data_copy / "sanasto.yml").write_text("", encoding="utf-8")
    found = problems(data_copy)
    assert found[:2] == ["data/alueet/pohjois-savo.yml:1:1: tiedosto on tyhjä", "data/sanasto.yml:1:1: tiedosto on tyhjä"]
    assert not any("pohjois-savo'" in line for line in found)


def test_wrong_top_level_shape(data_copy):
    (data_copy / "apua_heti.yml").write_text("id: hatanumero\n", encoding="utf-8")
    record_file(data_copy, "alueet", "pohjois-savo").write_text("- nimi: Pohjois-Savo\n", encoding="utf-8")
    found = problems(data_copy)
    assert "data/apua_heti.yml:1:1: tiedoston pitää olla luettelo tietueita: jokainen alkaa rivillä '- id: …'" in found
    assert "data/alueet/pohjois-savo.yml:1:1: tiedoston pitää koostua kentistä muodossa 'kenttä: arvo'" in found


def test_a_missing_folder_is_named(data_copy):
    shutil.rmtree(data_copy / "lahteet")
    assert problems(data_copy)[0] == "data/lahteet/:1:1: kansio puuttuu; jokainen tietue on tässä kansiossa omana tiedostonaan"


def test_duplicate_observation(data_copy):
    path = data_copy / "kayttotilanne.yml"
    text = path.read_text(encoding="utf-8")
    first = text.index("- menetelma: lapset-puheeksi")
    record = text[first: text.index("\n- ", first) + 1]
    path.write_text(text + record, encoding="utf-8")
    found = problems(data_copy)
    assert len(found) == 1
    assert found[0].endswith(
        f"havainto 'lapset-puheeksi / pohjois-savo / 2020 / kaytossa' on jo annettu ({at(path, '- menetelma: lapset-puheeksi', 'menetelma')}); "
        "yhdistä rivit tai korjaa vuosi"
    )


def test_every_problem_is_reported_at_once(data_copy):
    method = record_file(data_copy, *LP)
    replace_in(method, "omistaja: mieli-ry", "omistaja: mieli")
    replace_in(method, "paivitetty: 2026-12-02", "paivitetty: 2.12.2026")
    replace_in(record_file(data_copy, *MIELI), "tyyppi: jarjesto", "tyyppi: yhdistys")
    found = problems(data_copy)
    assert len(found) == 3
    assert [line.split(":")[0] for line in found] == ["data/menetelmat/lapset-puheeksi.yml"] * 2 + ["data/toimijat/mieli-ry.yml"]


def test_empty_value_is_an_error(data_copy):
    path = record_file(data_copy, *LP)
    replace_in(path, "lyhenne: LP", "lyhenne:")
    assert problems(data_copy) == [
        f"{at(path, 'lyhenne:', 'lyhenne')}: menetelmä 'lapset-puheeksi': kenttä 'lyhenne' on tyhjä; poista kenttä tai kirjoita arvo"
    ]


def _load_in_one_process(data_dir, monkeypatch) -> object:
    """load_catalog as a machine without fork runs it: every file read in this process."""
    with monkeypatch.context() as patched:
        patched.setattr(parallel, "can_fork", lambda: False)
        patched.setattr(catalog_module, "_cache", {})
        try:
            return load_catalog(data_dir, today=TODAY)
        except DataError as error:
            return [str(p) for p in error.problems]


def test_data_read_by_two_processes_gives_the_catalogue_one_process_gives(monkeypatch):
    # The record folders are read in shares by two child processes, and checked together here.
    two, one = load_catalog("data", today=TODAY), _load_in_one_process("data", monkeypatch)
    assert two.collections == one.collections and list(two.collections) == list(one.collections)
    assert two.observations == one.observations and two.drafts == one.drafts
    assert [r.origin.values for r in two.services.values()] == [r.origin.values for r in one.services.values()]


def test_errors_in_both_shares_of_a_folder_and_references_across_them_are_all_reported(data_copy, monkeypatch):
    services = sorted((data_copy / "palvelut").glob("*.yml"))
    replace_in(services[0], "nimi: ", "nimmi: ")  # read by the first process
    replace_in(services[-1], "nimi: ", "nimmi: ")  # and by the second
    # Iisalmi is in the first share of the area folder, Pohjois-Savo in the second: a reference
    # from one to the other is checked against the ids of both.
    iisalmi = record_file(data_copy, "alueet", "iisalmi")
    replace_in(iisalmi, "kuuluu: pohjois-savo", "kuuluu: pohjois-savoo")
    found = problems(data_copy)
    assert found == _load_in_one_process(data_copy, monkeypatch)
    for service in (services[0], services[-1]):
        assert any(line.startswith(f"{at(service, 'nimmi:')}: palvelu ") and "tuntematon kenttä 'nimmi'" in line for line in found)
    assert f"{at(iisalmi, 'kuuluu:', 'pohjois-savoo')}: alue 'iisalmi': kenttä 'kuuluu' viittaa tuntemattomaan alueeseen 'pohjois-savoo' (tarkoititko 'pohjois-savo'?)" in found
