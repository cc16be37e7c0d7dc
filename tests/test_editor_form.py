"""The editors' form (muokkaa/, Sveltia CMS) in headless Chromium, with no network.

The form runs against its test backend, which keeps the repository's files in the browser's own
storage (OPFS): each test puts the data files there, edits in Finnish form fields as an editor would,
saves, and reads the files back. The published configuration is the one the site serves, with only
its backend swapped for that test one (GitHub and pull requests need the network).
"""

from __future__ import annotations

import difflib
import html
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from playwright.sync_api import Error as PlaywrightError

from conftest import DATA, ROOT, build_site
from macros.data import schema
from macros.data.catalog import load_catalog
from macros.data.yaml_source import load_yaml

CMS_SCHEMA = ROOT / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"
SIGN_IN = "Työskentele testirepositorion kanssa"
FOLDERS = {spec.path: spec for spec in schema.FILES if spec.folder}


def repository_files(data_dir: Path = DATA) -> dict[str, str]:
    """Every data file by its path in the repository, as the form's backend holds them."""
    return {f"data/{p.relative_to(data_dir).as_posix()}": p.read_text(encoding="utf-8") for p in sorted(data_dir.rglob("*.yml"))}


class Form:
    """The form in a page, its files in the browser's storage, and every host the page asked."""

    def __init__(self, page, address: str) -> None:
        self.page, self.address, self.hosts = page, address, set()
        page.on("request", lambda request: self.hosts.add(urlsplit(request.url).netloc))

    def start(self, files: dict[str, str]) -> None:
        self.page.goto(self.address + "muokkaa/package.json")  # the site's origin, for its storage
        self.page.evaluate(_WRITE_FILES, files)
        self.page.goto(self.address + "muokkaa/")
        self.page.get_by_role("button", name=SIGN_IN).click()
        self.page.get_by_text("Kokoelmat").wait_for()

    def open(self, route: str) -> None:
        self.page.goto(f"{self.address}muokkaa/#{route}")
        self.page.get_by_role("button", name="Tallenna").wait_for()
        self.show_every_field()

    def show_every_field(self) -> None:
        """The form draws a field when it scrolls into view: scroll the editor through once."""
        self.page.mouse.move(300, 500)
        for _ in range(40):
            self.page.mouse.wheel(0, 800)
        self.page.wait_for_timeout(300)

    def field(self, label: str):
        return self.page.get_by_role("textbox", name=label, exact=True)

    def choose(self, label: str, option: str) -> None:
        """Pick an option of a searchable select or a relation field by typing part of its name.
        The form redraws a field that scrolls out of view and back, and a click or keystroke in
        the middle of that is lost, or the open list closes: then close it and try again."""
        box = self.page.get_by_role("combobox", name=label, exact=True)
        choice = self.page.get_by_role("option", name=option, exact=True)
        for attempt in range(4):
            try:
                box.scroll_into_view_if_needed(timeout=3000)
                box.click(timeout=3000)
                self.page.get_by_role("option").first.wait_for(timeout=3000)
                self.page.keyboard.type(option)  # the list is open: typing filters it
                choice.wait_for(timeout=5000)
                self.page.wait_for_timeout(300)  # the list is drawn again as the filter narrows it
                choice.click(timeout=3000)
                return
            except PlaywrightError:  # timed out, or the field was replaced under the click
                if self.page.get_by_role("option").count():
                    self.page.keyboard.press("Escape")  # close the list; with no list open, Escape would leave the entry
        raise AssertionError(f"lomake ei antanut valita vaihtoehtoa {option!r} kentässä {label!r}")

    def save(self, refused: bool = False) -> None:
        """Save; the form then closes the editor by going back in the browser's history, and a
        test that opened another record before that would find itself in the list."""
        button = self.page.get_by_role("button", name="Tallenna")
        button.click()
        if not refused:
            editing = self.page.url
            self.page.wait_for_url(lambda url: url != editing)

    def files(self) -> dict[str, str]:
        return self.page.evaluate(_READ_FILES)

    def file(self, path: str) -> str | None:
        return self.page.evaluate(_READ_FILE, path)

    def saved(self, path: str, before: str | None, timeout: float = 10) -> str:
        """The file's text once the form has written it (a save is asynchronous)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.file(path)
            if text is not None and text != before:
                return text
            self.page.wait_for_timeout(100)
        raise AssertionError(f"lomake ei tallentanut tiedostoa {path}; tiedostot: {sorted(self.files())[-40:]}")


_WRITE_FILES = """async (files) => {
    const root = await navigator.storage.getDirectory();
    const top = await root.getDirectoryHandle('sveltia-cms-test', {create: true});
    for (const [path, text] of Object.entries(files)) {
        let folder = top;
        const parts = path.split('/');
        for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
        const writer = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
        await writer.write(text);
        await writer.close();
    }
}"""
_READ_FILE = """async (path) => {
    try {
        let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
        const parts = path.split('/');
        for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
        return await (await (await folder.getFileHandle(parts.at(-1))).getFile()).text();
    } catch (error) {
        return null;  // not there yet, or being replaced right now
    }
}"""
_READ_FILES = """async () => {
    const found = {};
    async function walk(folder, prefix) {
        for await (const [name, handle] of folder.entries()) {
            if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
            else {
                try {
                    found[prefix + name] = await (await handle.getFile()).text();
                } catch (error) {
                    // The form is replacing this file right now; the next read sees it.
                }
            }
        }
    }
    const root = await navigator.storage.getDirectory();
    await walk(await root.getDirectoryHandle('sveltia-cms-test'), '');
    return found;
}"""


@pytest.fixture
def form(browser, site, served_site):
    """The site's form in a fresh browser whose language is Finnish, saving to the test backend."""
    published = json.loads((site.site / "muokkaa" / "config.json").read_text(encoding="utf-8"))
    local = {**published, "backend": {"name": "test-repo"}}
    local.pop("publish_mode")  # the test backend saves directly: pull requests need GitHub
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.route(re.compile(r"/muokkaa/config\.json"), lambda route: route.fulfill(json=local))
    yield Form(page, served_site)
    context.close()


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


# --- The configuration ------------------------------------------------------------------------

def test_the_configuration_is_valid_for_the_form_and_made_from_the_schema(site):
    config = json.loads((site.site / "muokkaa" / "config.json").read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft7Validator(json.loads(CMS_SCHEMA.read_text(encoding="utf-8"))).iter_errors(config))
    assert errors == [], [e.message for e in errors[:3]]
    assert config["backend"] == {"name": "github", "repo": "esimerkki/perhekeskus", "branch": "main", "auth_methods": ["token"],
                                 "squash_merges": True, "commit_messages": config["backend"]["commit_messages"]}
    assert config["publish_mode"] == "editorial_workflow"
    collections = {c["name"]: c for c in config["collections"]}
    catalog = load_catalog(DATA)
    for path, spec in FOLDERS.items():
        collection = collections[spec.sections[0].name]
        assert collection["folder"] == f"data/{path}"
        fields = {f["name"]: f for f in collection["fields"]}
        assert list(fields) == [f.key for f in spec.sections[0].spec.fields if f.key != "id"]  # the file's order
        for field in spec.sections[0].spec.fields[1:]:
            shown = fields[field.key]
            assert (shown["label"], shown["required"]) == (field.label, field.required)
            assert shown["hint"].startswith(field.help)
            if field.ref in FOLDERS or field.ref in {s.sections[0].name for s in FOLDERS.values()}:
                assert shown["widget"] == "relation" and shown["collection"] == field.ref
            elif field.ref:
                assert [o["value"] for o in shown["options"]] == list(catalog.collections[field.ref])
    service = {f["name"]: f for f in collections["palvelut"]["fields"]}
    assert service["taso"]["options"] == ["vihreä", "keltainen", "punainen"]
    assert service["paivitetty"] == {**service["paivitetty"], "widget": "datetime", "type": "date", "format": "YYYY-MM-DD"}
    assert {"name": "sanasto", "file": "data/sanasto.yml"}.items() <= collections["sanasto"]["files"][0].items()


def test_the_form_page_is_not_for_readers_or_search_engines(site):
    page = html.unescape(site.html("muokkaa"))
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "connect-src 'self' data: https://api.github.com;" in page
    assert "muokkaa" not in (site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert not any("muokkaa" in p.name for p in (site.site / "pagefind").rglob("*"))
    toimittajille = site.html("toimittajille")
    assert 'href="../muokkaa/"' in toimittajille
    bundle = (site.site / "muokkaa" / "sveltia-cms.js").read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net/fontsource" not in bundle and "`./locales`" in bundle
    assert (site.site / "muokkaa" / "locales" / "fi.json").exists()


# --- Editing in Chromium ----------------------------------------------------------------------

def test_a_summary_edited_in_the_form_changes_one_line_and_nothing_else_is_touched(form, tmp_path):
    form.start(repository_files())
    before = form.files()
    form.open("/collections/menetelmat/entries/lapset-puheeksi")
    form.field("Tiivistelmä").fill("Vanhempi ja työntekijä puhuvat yhdessä lapsen arjesta.")
    form.save()
    path = "data/menetelmat/lapset-puheeksi.yml"
    after = form.saved(path, before[path])
    assert changed_lines(before[path], after) == [
        "-tiivistelma: 'Vanhempi ja työntekijä keskustelevat lapsen arjesta: mikä sujuu hyvin ja missä lapsi voisi tarvita tukea.'",
        "+tiivistelma: Vanhempi ja työntekijä puhuvat yhdessä lapsen arjesta.",
    ]
    assert {p: t for p, t in form.files().items() if p != path} == {p: t for p, t in before.items() if p != path}
    assert form.hosts == {urlsplit(form.address).netloc}  # the fonts and Finnish texts came from the site


HOSTILE = "Kysy <script>alert(1)</script> ja {{ 7*191 }} neuvolasta"


def test_a_new_service_from_the_form_is_a_valid_record_with_its_own_page(form, tmp_path):
    """Level, an existing provider and areas and a source from the relation lists, today's dates by
    default; text typed into the form stays text on the built site."""
    form.start(repository_files())
    form.open("/collections/palvelut/new")
    form.field("Nimi").fill("Perheneuvola Testilä")
    form.page.get_by_role("radio", name="keltainen").check()
    form.field("Tason peruste").fill("Tukea, kun arjessa on huolta.")
    form.field("Tiivistelmä").fill(HOSTILE)
    form.field("Kuvaus").fill("Ensimmäinen kappale.\nToinen kappale.")
    form.choose("Järjestäjä tai tuottaja", "Mannerheimin Lastensuojeluliitto")
    form.choose("Alueet", "Kuopio")
    form.choose("Lähteet", load_catalog(DATA).sources["posote20-perhekeskusmalli"].title)
    form.save()
    path = "data/palvelut/perheneuvola-testilae.yml"  # the form's id from the name (ä as ae)
    text = form.saved(path, None)
    assert text == (
        "nimi: Perheneuvola Testilä\ntaso: keltainen\ntason_peruste: Tukea, kun arjessa on huolta.\n"
        f"tiivistelma: {HOSTILE}\nkuvaus: |-\n  Ensimmäinen kappale.\n  Toinen kappale.\ntuottaja: mll\n"
        f"alueet:\n  - kuopio\nlahteet:\n  - posote20-perhekeskusmalli\npaivitetty: {time.strftime('%Y-%m-%d')}\n"
        f"tarkistettu: {time.strftime('%Y-%m-%d')}\n"
    )
    data = tmp_path / "data"
    for name, content in form.files().items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    for command in (["macros.data.check", str(data)], ["macros.data.formatting", str(data), "--tarkista"]):
        result = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    built = build_site(data, tmp_path / "site")
    assert built.result.returncode == 0, built.output
    page = built.html("palvelut/perheneuvola-testilae")
    assert "<script>alert(1)</script>" not in page and "1337" not in page
    assert "Kysy &lt;script&gt;alert(1)&lt;/script&gt; ja &#123;&#123; 7*191 &#125;&#125; neuvolasta" in page
    assert "<p>Ensimmäinen kappale.</p>\n<p>Toinen kappale.</p>" in page


def test_a_required_field_left_empty_is_refused_with_its_finnish_hint(form):
    form.start(repository_files())
    before = form.files()
    form.open("/collections/palvelut/new")
    form.field("Nimi").fill("Puolikas palvelu")
    form.save(refused=True)
    summary = form.page.locator("section.field", has=form.page.get_by_role("textbox", name="Tiivistelmä", exact=True))
    summary.get_by_text("Yhden lauseen kuvaus palvelukortille").wait_for()
    assert summary.get_by_role("textbox").get_attribute("aria-invalid") == "true"
    assert form.page.get_by_text("Tämä kenttä on pakollinen").count() > 0
    form.page.wait_for_timeout(500)
    assert form.files() == before  # nothing was saved


ROUND_TRIP = [("menetelmat", "lapset-puheeksi"), ("palvelut", "neuvola-pohjois-savo"), ("toimijat", "mieli-ry"),
              ("alueet", "pohjois-savo"), ("lahteet", "kuntajako"), ("elamantilanteet", "ero")]


def test_saving_a_record_changes_only_the_field_edited_and_loses_nothing(form, tmp_path):
    """One record of each folder: its check date changed in the form, every other line as it was.
    Multi-line texts keep their paragraphs, dates stay dates, a YAML 1.1 boolean word stays a word,
    and a key the form does not know is kept."""
    files = repository_files()
    method, organisation = "data/menetelmat/lapset-puheeksi.yml", "data/toimijat/mieli-ry.yml"
    files[method] = files[method].replace("lyhenne: LP\n", "lyhenne: no\n")
    files[organisation] += "huomautus: kenttä, jota lomake ei tunne\n"
    form.start(files)
    for folder, record_id in ROUND_TRIP:
        path = f"data/{folder}/{record_id}.yml"
        form.open(f"/collections/{folder}/entries/{record_id}")
        form.page.get_by_label("Tiedot tarkistettu", exact=True).fill("2026-01-02")
        form.save()
        after = form.saved(path, files[path])
        old = next(line for line in files[path].splitlines() if line.startswith("tarkistettu: "))
        assert changed_lines(files[path], after) == [f"-{old}", "+tarkistettu: 2026-01-02"], path
    saved = form.files()
    assert saved[organisation].endswith("huomautus: kenttä, jota lomake ei tunne\n")
    for folder, record_id in ROUND_TRIP:
        path = f"data/{folder}/{record_id}.yml"
        before, after = _values(tmp_path, files[path]), _values(tmp_path, saved[path])
        assert after.pop("tarkistettu") == "2026-01-02"
        before.pop("tarkistettu")
        assert after == before, path
    assert _values(tmp_path, saved[method])["lyhenne"] == "no"


def _values(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "tietue.yml"
    path.write_text(text, encoding="utf-8")
    document, problems = load_yaml(path, "tietue.yml")
    assert problems == []
    return dict(document)


def test_saving_a_list_file_changes_only_the_item_edited(form):
    """A file of short lists (helplines): one item's text changed, every other line as it was."""
    files = repository_files()
    path = "data/apua_heti.yml"
    form.start(files)
    form.open("/collections/apua_heti/entries/apua_heti")
    form.page.get_by_role("button", name="Näytä", exact=True).first.click()  # open the first item
    when = form.field("Milloin").first
    old = when.input_value()
    when.fill(old + " Soita heti.")
    form.save()
    after = form.saved(path, files[path])
    assert changed_lines(files[path], after) == [f"-  milloin: {old}", f"+  milloin: {old} Soita heti."]


def test_axe_finds_nothing_on_the_form_and_zoom_stays_on(form, capsys):
    """Sveltia CMS's own UI passes axe-core's WCAG 2.1 AA rules but one: its viewport tag forbids
    zooming, which muokkaa.js takes out (the test finds 'meta-viewport' without it)."""
    from test_accessibility import AXE, RUN_AXE

    form.start(repository_files())
    found = {}
    for route in ("/collections/palvelut", "/collections/menetelmat/entries/lapset-puheeksi", "/collections/palvelut/new"):
        form.open(route) if "entries" in route or route.endswith("/new") else form.page.goto(f"{form.address}muokkaa/#{route}")
        form.page.wait_for_timeout(500)
        form.page.evaluate(AXE.read_text(encoding="utf-8"))  # as the developer tools would: the page's CSP refuses script tags
        found[route] = form.page.evaluate(RUN_AXE)
    with capsys.disabled():
        for route, violations in found.items():
            print(f"\naxe-core, lomake {route}: " + (", ".join(f"{v['id']} {len(v['nodes'])}" for v in violations) or "0 rikkomusta"))
    assert found == {route: [] for route in found}
    assert form.page.evaluate("document.documentElement.lang").startswith("fi")
    assert "maximum-scale" not in form.page.evaluate("[...document.querySelectorAll('meta[name=viewport]')].map(m => m.content).join()")
