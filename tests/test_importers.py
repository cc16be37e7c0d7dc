"""Importing services from where they already are: PTV and HSDS feeds become drafts an editor completes,
a new import merges without clobbering, and bad input stops everything with one Finnish line."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, ROOT, build_site, record_file, replace_in
from macros.data.catalog import load_catalog

FIXTURE = ROOT / "tests" / "fixtures" / "ptv" / "organisaation-palvelut.json"
DAY = "2026-12-04"
PERHENEUVOLA, VERKKOVALMENNUS, PERHETYO = (f"22222222-2222-4222-8222-00000000000{n}" for n in (1, 2, 3))


def run_import(source: str, feed: Path, data: Path, day: str = DAY) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "macros.importers", source, str(feed), "--out", str(data), "--paiva", day]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def tree(data: Path) -> dict[str, str]:
    """Every file of a data folder with a hash of its bytes: what 'nothing written' is checked against."""
    return {p.relative_to(data).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(data.rglob("*")) if p.is_file()}


def ptv_feed(tmp_path: Path, change=None) -> Path:
    feed = json.loads(FIXTURE.read_text(encoding="utf-8"))
    if change:
        change(feed["services"]["itemList"])
    path = tmp_path / "ptv.json"
    path.write_text(json.dumps(feed, ensure_ascii=False), encoding="utf-8")
    return path


def test_ptv_services_become_drafts_with_sources_areas_and_links_and_publish_once_an_editor_sets_the_level(data_copy, tmp_path):
    result = run_import("ptv", FIXTURE, data_copy)
    assert result.returncode == 0, result.stderr
    assert "Lisätty 4: toimijat/esimerkkikaupunki; palvelut/esimerkkikaupungin-perheneuvola" in result.stdout
    assert "palvelu on valtakunnallinen; valitse sille alueet käsin" in result.stdout
    path = record_file(data_copy, "palvelut", "esimerkkikaupungin-perheneuvola")
    text = path.read_text(encoding="utf-8")
    for line in ("nimi: Esimerkkikaupungin perheneuvola", "alueet:\n  - kuopio\n  - siilinjarvi", "puhelin: +358 17 000 0000",
                 "verkkosivu: https://www.esimerkkikaupunki.example/perheneuvola", "maksu: maksuton", "tuottaja: esimerkkikaupunki",
                 f"lahteet:\n  - ptv-{PERHENEUVOLA}", f"tarkistettu: {DAY}", f"  tunniste: {PERHENEUVOLA}",
                 "    - 'kohderyhmä: Lapset ja lapsiperheet (KR1.2)'", "asiointikanavat:\n  - puhelin\n  - palvelupiste"):
        assert line in text, line
    assert "taso:" not in text and "<b>" not in text and "Ota yhteyttä neuvontaan & varaa aika." in text
    source = record_file(data_copy, "lahteet", f"ptv-{PERHENEUVOLA}").read_text(encoding="utf-8")
    assert f"url: https://www.suomi.fi/palvelut/{PERHENEUVOLA}" in source
    region = record_file(data_copy, "palvelut", "esimerkkialueen-perhetyo").read_text(encoding="utf-8")
    assert "alueet:\n  - pohjois-savo\n" in region and "maksu: maksullinen" in region

    catalog = load_catalog(data_copy)
    assert "esimerkkikaupungin-perheneuvola" not in catalog.services  # a draft: not published
    assert {d.id: d.missing for d in catalog.drafts["palvelut"]}["esimerkkikaupungin-perheneuvola"] == ("taso", "tason_peruste")
    built = build_site(data_copy, tmp_path / "luonnokset", SITE_REPO_URL="https://github.com/esimerkki/perhekeskus")
    assert built.result.returncode == 0, built.output
    assert not (built.site / "palvelut" / "esimerkkikaupungin-perheneuvola").exists()
    editors = built.html("toimittajille")
    assert '<a href="../muokkaa/#/collections/palvelut/entries/esimerkkikaupungin-perheneuvola">Esimerkkikaupungin perheneuvola</a>' in editors
    assert "<td>Liikennevalotaso, Tason peruste</td>" in editors and "<li>kohderyhmä: Lapset ja lapsiperheet (KR1.2)</li>" in editors

    # The editor completes the service and its organisation, as they would in the form.
    path.write_text(text.replace("nimi: Esimerkkikaupungin perheneuvola\n", "nimi: Esimerkkikaupungin perheneuvola\ntaso: keltainen\n"
                                 "tason_peruste: Tukea, kun huoli on jo herännyt.\n"), encoding="utf-8")
    organisation = record_file(data_copy, "toimijat", "esimerkkikaupunki")
    replace_in(organisation, "nimi: Esimerkkikaupunki\n", "nimi: Esimerkkikaupunki\ntyyppi: kunta\nkuvaus: Esimerkin kunta.\n")
    built = build_site(data_copy, tmp_path / "julkaistu")
    assert built.result.returncode == 0, built.output
    page = built.html("palvelut/esimerkkikaupungin-perheneuvola")
    assert "Esimerkkikaupungin perheneuvola" in page and "Keltainen" in page
    assert "Esimerkkikaupungin perheneuvola" in built.html("alueet/kuopio")


def test_the_same_import_twice_gives_the_same_files(data_copy):
    assert run_import("ptv", FIXTURE, data_copy).returncode == 0
    before = tree(data_copy)
    again = run_import("ptv", FIXTURE, data_copy)
    assert again.returncode == 0 and "Lisätty 0\nMuuttunut 0\nEnnallaan 3" in again.stdout
    assert tree(data_copy) == before


def test_a_new_import_updates_the_sources_fields_keeps_the_editors_and_reports_what_is_gone(data_copy, tmp_path):
    assert run_import("ptv", FIXTURE, data_copy, day="2026-12-01").returncode == 0
    path = record_file(data_copy, "palvelut", "esimerkkikaupungin-perheneuvola")
    text = path.read_text(encoding="utf-8")
    own_summary = "Neuvola lapsen kasvun huoliin."
    text = text.replace("tiivistelma: Tukea lapsen kasvuun ja perheen arjen pulmiin, kun huoli on jo herännyt.", f"tiivistelma: {own_summary}")
    text = text.replace("nimi: Esimerkkikaupungin perheneuvola\n",
                                                                           "nimi: Esimerkkikaupungin perheneuvola\ntaso: keltainen\ntason_peruste: Kun huoli on herännyt.\n")
    text = text.replace("lahteet:\n", "teemat:\n  - vanhemmuus\nmenetelmat:\n  - lapset-puheeksi\navainsanat:\n  - perheneuvonta\nlahteet:\n")
    path.write_text(text, encoding="utf-8")
    replace_in(record_file(data_copy, "toimijat", "esimerkkikaupunki"), "nimi: Esimerkkikaupunki\n", "nimi: Esimerkkikaupunki\ntyyppi: kunta\nkuvaus: Esimerkin kunta.\n")

    def changed_at_source(services):
        first = services[0]
        for description in first["serviceDescriptions"]:
            if description["language"] == "fi" and description["type"] in ("Description", "Summary"):
                description["value"] = description["type"] + " muuttui lähteessä."
        first["areas"][0]["municipalities"] = first["areas"][0]["municipalities"][:1]
        del services[2]  # gone at the source

    result = run_import("ptv", ptv_feed(tmp_path, changed_at_source), data_copy)
    assert result.returncode == 0, result.stderr
    after = path.read_text(encoding="utf-8")
    assert "kuvaus: Description muuttui lähteessä." in after and "alueet:\n  - kuopio\n" in after
    assert f"tiivistelma: {own_summary}" in after  # the editor's own text
    for kept in ("taso: keltainen", "tason_peruste: Kun huoli on herännyt.", "  - vanhemmuus", "  - lapset-puheeksi", "  - perheneuvonta"):
        assert kept in after, kept
    assert f"paivitetty: {DAY}" in after and f"tarkistettu: {DAY}" in after
    assert "Muuttunut 1: palvelut/esimerkkikaupungin-perheneuvola (kuvaus, alueet)" in result.stdout
    assert "Poistunut lähteestä 1: palvelut/esimerkkialueen-perhetyo (ei poistettu" in result.stdout
    assert "palvelut/esimerkkikaupungin-perheneuvola: kenttä 'tiivistelma' on muutettu tuonnin jälkeen; toimittajan arvo säilytettiin" in result.stdout
    assert record_file(data_copy, "palvelut", "esimerkkialueen-perhetyo").exists()


def test_our_own_hsds_export_comes_back_with_every_service_and_level_and_builds(site, data_copy, tmp_path):
    result = run_import("hsds", site.site / "data" / "hsds", data_copy)
    assert result.returncode == 0, result.stderr
    services = len(load_catalog(DATA).services)
    assert f"Tuonti (hsds): {services} palvelua lähteessä.\nLisätty 0\nMuuttunut 0\nEnnallaan {services}" in result.stdout
    before, after = load_catalog(DATA), load_catalog(data_copy)
    assert {s.id: (s.name, s.level) for s in after.services.values()} == {s.id: (s.name, s.level) for s in before.services.values()}
    assert after.services["neuvola-pohjois-savo"].import_origin.system == "hsds"
    built = build_site(data_copy, tmp_path / "site")
    assert built.result.returncode == 0, built.output


def _drop_finnish_name(services):
    services[1]["serviceNames"] = [n for n in services[1]["serviceNames"] if n["language"] != "fi"]


def _script_in_description(services):
    next(d for d in services[0]["serviceDescriptions"] if d["type"] == "Description")["value"] += "\n<script>alert(1)</script>"


def _duplicate_id(services):
    services.append(copy.deepcopy(services[0]))


BAD_PTV = {
    "rikki": (lambda path: path.write_text('{"services": [', encoding="utf-8"), r"ptv\.json:1:\d+: JSON on rikki"),
    "ei suomenkielistä nimeä": (_drop_finnish_name, re.escape(f"PTV-palvelu {VERKKOVALMENNUS}: kenttä 'serviceNames': suomenkielinen nimi puuttuu")),
    "skripti kuvauksessa": (_script_in_description, re.escape(f"PTV-palvelu {PERHENEUVOLA} ('Esimerkkikaupungin perheneuvola'): kenttä 'serviceDescriptions' sisältää ohjelmakoodia (<script…), ei tekstiä")),
    "sama tunniste kahdesti": (_duplicate_id, re.escape(f"PTV-palvelu {PERHENEUVOLA} ('Esimerkkikaupungin perheneuvola'): kenttä 'id': tunniste {PERHENEUVOLA} on syötteessä jo palvelulla")),
}


@pytest.mark.parametrize("case", sorted(BAD_PTV))
def test_bad_ptv_input_is_one_finnish_line_and_nothing_is_written(data_copy, tmp_path, case):
    breaks, expected = BAD_PTV[case]
    feed = ptv_feed(tmp_path)
    if case == "rikki":
        breaks(feed)
    else:
        feed = ptv_feed(tmp_path, breaks)
    before = tree(data_copy)
    result = run_import("ptv", feed, data_copy)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Tuonti keskeytyi, mitään ei kirjoitettu: ")
    assert re.search(expected, lines[0]), lines[0]
    assert tree(data_copy) == before
    assert sorted(p.name for p in data_copy.parent.iterdir()) == ["data", "ptv.json"]  # no staging folder left


def test_a_feed_that_fails_the_hsds_schema_is_refused_by_item_and_field(site, data_copy, tmp_path):
    services = json.loads((site.site / "data" / "hsds" / "services.json").read_text(encoding="utf-8"))
    services[2]["status"] = "ehkä"
    feed = tmp_path / "services.json"
    feed.write_text(json.dumps(services, ensure_ascii=False), encoding="utf-8")
    before = tree(data_copy)
    result = run_import("hsds", feed, data_copy)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"Tuonti keskeytyi, mitään ei kirjoitettu: HSDS-palvelu 3 ('{services[2]['name']}'): kenttä 'status' ei vastaa "
                                     "Open Referral HSDS 3.0 -skeemaa ('ehkä' is not one of ['active', 'inactive', 'defunct', 'temporarily closed'])")
    assert tree(data_copy) == before


def test_an_unknown_municipality_code_is_reported_not_guessed(data_copy, tmp_path):
    def unknown_code(services):
        services[0]["areas"][0]["municipalities"][1]["code"] = "999"

    result = run_import("ptv", ptv_feed(tmp_path, unknown_code), data_copy)
    assert result.returncode == 0, result.stderr
    assert f"PTV-palvelu {PERHENEUVOLA} ('Esimerkkikaupungin perheneuvola'): alueita ei löydy alueiden kansiosta (koodi tai nimi): 999" in result.stdout
    assert "alueet:\n  - kuopio\nlahteet" in record_file(data_copy, "palvelut", "esimerkkikaupungin-perheneuvola").read_text(encoding="utf-8")
