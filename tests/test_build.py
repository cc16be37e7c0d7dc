"""Whole builds with changed data: bad data stops MkDocs, and data text never becomes code."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from xml.etree import ElementTree

from conftest import REPO_URL, ROOT, at, build_site, record_file, replace_in
from macros.data.catalog import load_catalog

ATOM = "{http://www.w3.org/2005/Atom}"
INJECTED_NAME = "<script>alert(1)</script> {{ 7*191 }} </title><b>x"
INJECTED_TEXT = "Teksti {{ 7*191 }} ja {% if true %}ehto{% endif %} <img src=x onerror=alert(1)> [linkki](javascript:alert(1))"


def test_bad_data_stops_the_build_with_a_finnish_message_and_writes_nothing(data_copy, tmp_path):
    method = record_file(data_copy, "menetelmat", "lapset-puheeksi")
    replace_in(method, "omistaja: mieli-ry", "omistaja: mieli")
    site_dir = tmp_path / "site"
    built = build_site(data_copy, site_dir)
    assert built.result.returncode != 0
    assert "Tiedoissa on 1 virhe. Sivustoa ei julkaista, ennen kuin ne on korjattu:" in built.output
    where = at(method, "omistaja: mieli", "mieli")
    assert (
        f"{where}: menetelmä 'lapset-puheeksi': kenttä 'omistaja' viittaa tuntemattomaan toimijaan 'mieli' "
        "(tarkoititko 'mieli-ry'?)" in built.output
    )
    assert "Traceback" not in built.output
    assert not site_dir.exists()


def test_check_command_reports_without_building(data_copy):
    command = [sys.executable, "-m", "macros.data.check"]
    good = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    methods = len(load_catalog(ROOT / "data").methods)
    assert good.returncode == 0 and good.stdout.startswith(f"Tiedot kunnossa: {methods} menetelmää")
    organisation = record_file(data_copy, "toimijat", "mieli-ry")
    replace_in(organisation, "tyyppi: jarjesto", "tyyppi: yhdistys")
    bad = subprocess.run([*command, str(data_copy)], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 1
    assert bad.stderr.splitlines()[1] == (
        f"{at(organisation, 'tyyppi: yhdistys', 'yhdistys')}: toimija 'mieli-ry': kenttä 'tyyppi' viittaa tuntemattomaan toimijatyyppiin 'yhdistys'"
    )
    # In the pull request workflow the same line is an annotation GitHub shows at the file and line.
    marked = subprocess.run([*command, str(data_copy), "--github"], cwd=ROOT, capture_output=True, text=True)
    line, column = at(organisation, "tyyppi: yhdistys", "yhdistys").split(":")[1:]
    assert marked.returncode == 1 and marked.stdout == (
        f"::error file=data/toimijat/mieli-ry.yml,line={line},col={column},title=Tietojen tarkistus::toimija 'mieli-ry': "
        "kenttä 'tyyppi' viittaa tuntemattomaan toimijatyyppiin 'yhdistys'\n"
    )


def test_yaml_text_is_shown_as_text_never_run_as_template_or_html(data_copy, tmp_path):
    path = record_file(data_copy, "menetelmat", "lapset-puheeksi")
    replace_in(path, "nimi: Lapset puheeksi\n", f"nimi: '{INJECTED_NAME}'\n")
    replace_in(path, "kenelle: Kaikki lapsiperheet.", f"kenelle: >-\n  {INJECTED_TEXT}")
    replace_in(path, "koulutus: Työntekijät", "koulutus: |-\n  ## Kaappaus {#kaappaus}\n  Työntekijät")
    built = build_site(data_copy, tmp_path / "site")
    assert built.result.returncode == 0, built.output

    page = built.html("menetelmat/lapset-puheeksi")
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page
    assert "</title><b>x" not in page
    assert "1337" not in page.split("<article")[1].split("</article>")[0]
    # Shown as the editor wrote it: escaped for HTML, braces as character references.
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#123;&#123; 7*191 &#125;&#125; &lt;/title&gt;&lt;b&gt;x" in page
    assert "&#123;% if true %&#125;ehto&#123;% endif %&#125; &lt;img src=x onerror=alert(1)&gt; [linkki](javascript:alert(1))" in page
    assert 'href="javascript:' not in page
    # A line of data text that looks like a template's heading line stays a line of text.
    assert "<p>## Kaappaus &#123;#kaappaus&#125;</p>" in page and 'id="kaappaus"' not in page

    catalogue = built.html("menetelmat")
    assert "<script>alert(1)</script>" not in catalogue
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in catalogue

    keywords = page[page.index('class="pk-search-keywords"'):]
    assert "<script>" not in keywords[: keywords.index("</p>")]


def test_rated_method_shows_level_source_and_date_and_edit_links_use_the_repository(data_copy, tmp_path):
    # The real data has no published rating yet; this copy adds one to show how a rating is presented.
    replace_in(
        record_file(data_copy, "menetelmat", "lapset-puheeksi"),
        "avainsanat:\n",
        "naytto:\n  arvio: taso-3\n  arvioija: Kasvun tuki -toimitus\n  lahde: kasvun-tuki-arviointikasikirja\n  arvioitu: 2025-05-02\n"
        "  linkki: https://kasvuntuki.fi/\navainsanat:\n",
    )
    built = build_site(data_copy, tmp_path / "site", SITE_REPO_URL=REPO_URL)
    assert built.result.returncode == 0, built.output
    page = built.html("menetelmat/lapset-puheeksi")
    assert '<span class="pk-evidence__level">3/5</span> Vähäinen dokumentoitu näyttö' in page
    assert 'arvioija: Kasvun tuki -toimitus, arvioitu <time datetime="2025-05-02">2.5.2025</time>' in page
    assert '<a href="https://kasvuntuki.fi/">Kasvun tuki – arviointikäsikirja, menetelmän kokonaisarvio</a>' in page
    assert "ei arvioitu / arvio ei tiedossa" not in page
    # "Muokkaa tietoja" opens the record in the editors' form; the file itself is a link to GitHub.
    assert ('<a href="../../muokkaa/#/collections/menetelmat/entries/lapset-puheeksi">Muokkaa tietoja</a> (tiedosto '
            '<a href="https://github.com/esimerkki/perhekeskus/edit/main/data/menetelmat/lapset-puheeksi.yml">data/menetelmat/lapset-puheeksi.yml</a>)') in page
    assert 'href="https://github.com/esimerkki/perhekeskus/issues/new?title=Palaute%3A%20Lapset%20puheeksi%20%28LP%29"' in page


def test_without_a_github_repository_the_record_names_its_file_and_the_form_explains(data_copy, tmp_path):
    built = build_site(data_copy, tmp_path / "site", SITE_REPO_URL="")
    assert built.result.returncode == 0, built.output
    assert ("Tiedot ovat tiedostossa <code>data/menetelmat/lapset-puheeksi.yml</code>. "
            '<a href="../../tietoa/#tietojen-muokkaaminen">Näin tietoja muokataan</a>') in built.html("menetelmat/lapset-puheeksi")
    form = built.html("muokkaa")
    assert "joten lomake ei ole käytössä" in form and "sveltia" not in form.lower()
    assert not (built.site / "muokkaa" / "config.json").exists()


def test_data_text_stays_text_in_previews_cards_feed_and_exports(data_copy, tmp_path):
    """The same hostile name in JSON-LD, Open Graph, the embed card, the feed and the exports;
    built without SITE_URL, as on an editor's machine."""
    replace_in(record_file(data_copy, "menetelmat", "lapset-puheeksi"), "nimi: Lapset puheeksi\n", f"nimi: '{INJECTED_NAME}'\n")
    built = build_site(data_copy, tmp_path / "site", SITE_URL="")
    assert built.result.returncode == 0, built.output
    page = built.html("menetelmat/lapset-puheeksi")

    script = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in script  # nothing in the data can close the script element
    assert json.loads(script)["mainEntity"]["name"] == INJECTED_NAME
    assert '<meta property="og:title" content="&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*191 }} &lt;/title&gt;&lt;b&gt;x (LP)">' in page
    assert "1337" not in page
    # Without the site's address: no absolute preview URLs, a small card, no sitemap.
    assert 'property="og:image"' not in page and 'property="og:url"' not in page
    assert json.loads(script)["url"] == "./"
    assert not (built.site / "sitemap.xml").exists() and not (built.site / "sitemap.xml.gz").exists()
    assert '<meta name="twitter:card" content="summary">' in page

    card = built.html("upota/menetelmat/lapset-puheeksi")
    assert "<script" not in card and "&lt;script&gt;alert(1)&lt;/script&gt; &#123;&#123; 7*191 &#125;&#125;" in card

    feed = ElementTree.parse(built.site / "paivitykset.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert f"Menetelmä: {INJECTED_NAME} (LP)" in titles

    exported = json.loads((built.site / "data" / "menetelmat.json").read_text(encoding="utf-8"))
    assert INJECTED_NAME in [m["nimi"] for m in exported["menetelmat"]]


def _project_copy(tmp_path):
    """The generator's own files in a scratch folder, so a test may change a written page."""
    copy = tmp_path / "project"
    for name in ("docs", "macros", "overrides", "data"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy


def _build_project(project, site_dir):
    """A build of the project copy with its own data; the Finnish paradigm cache is shared."""
    built = build_site(project / "data", site_dir, project=project, SITE_CACHE_DIR=str(ROOT / ".cache"))
    return built.result.returncode, built.output


def test_a_written_page_naming_a_missing_record_stops_the_build_at_its_line(tmp_path):
    project = _project_copy(tmp_path)
    page = project / "docs" / "perheille.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(10, 'Katso {{ tietue("menetelma", "ei-tallaista") }}.')
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = _build_project(project, tmp_path / "site")
    assert code != 0
    assert "docs/perheille.md:11: sivu viittaa menetelmään 'ei-tallaista', jota ei ole tiedoissa" in output, output


def test_an_optional_record_link_renders_the_record_or_nothing(data_copy, tmp_path):
    """docs/perheille.md links a seed method if the data has it; other data builds without it."""
    built = build_site(ROOT / "data", tmp_path / "with")
    assert 'Lue lisää: <a href="../menetelmat/monitoimijainen-yhteistyomalli/">Monitoimijainen yhteistyömalli</a>.' in built.html("perheille")
    (data_copy / "menetelmat" / "monitoimijainen-yhteistyomalli.yml").rename(data_copy / "menetelmat" / "yhteistyomalli.yml")
    for path in data_copy.rglob("*.yml"):
        path.write_text(path.read_text(encoding="utf-8").replace("monitoimijainen-yhteistyomalli", "yhteistyomalli"), encoding="utf-8")
    built = build_site(data_copy, tmp_path / "without")
    assert built.result.returncode == 0, built.output
    assert "Lue lisää:" not in built.html("perheille")


PUBLISHER = """    julkaisija:
      nimi: Esimerkin hyvinvointialue
      alueet: [pohjois-savo, etela-savo]
      palaute: https://palaute.example.fi/perhekeskus
      saavutettavuus: mailto:saavutettavuus@example.fi
"""


def _with_publisher(project, block: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("    julkaisija:")
    end = text.index("\nwatch:")
    config.write_text(text[:start] + block + text[end:], encoding="utf-8")


def test_the_publisher_is_set_in_one_place_and_every_page_that_names_it_follows(tmp_path):
    project = _project_copy(tmp_path)
    _with_publisher(project, PUBLISHER)
    code, output = _build_project(project, tmp_path / "site")
    assert code == 0, output
    site = tmp_path / "site"
    statement = (site / "saavutettavuus" / "index.html").read_text(encoding="utf-8")
    assert "Sivuston julkaisee Esimerkin hyvinvointialue. Se kertoo perhekeskusten palveluista alueilla Pohjois-Savo ja Etelä-Savo." in statement
    assert 'kerro siitä meille sähköpostiosoitteen <a href="mailto:saavutettavuus@example.fi">saavutettavuus@example.fi</a> kautta' in " ".join(statement.split())
    assert '<a href="https://palaute.example.fi/perhekeskus">' in (site / "palaute" / "index.html").read_text(encoding="utf-8")
    assert "<author><name>Esimerkin hyvinvointialue</name></author>" in (site / "paivitykset.xml").read_text(encoding="utf-8")
    assert "mainitse lähteeksi ”Esimerkin hyvinvointialue”" in (site / "avoin-data" / "index.html").read_text(encoding="utf-8")


def test_a_publisher_region_missing_from_the_data_stops_the_build_with_a_finnish_message(tmp_path):
    project = _project_copy(tmp_path)
    _with_publisher(project, PUBLISHER.replace("etela-savo", "lappi"))
    code, output = _build_project(project, tmp_path / "site")
    assert code != 0
    assert "mkdocs.yml: julkaisijan alue 'lappi' ei ole alueiden kansiossa data/alueet" in output, output
