"""How the editors' form (muokkaa/, Sveltia CMS) copes with national data: a benchmark that prints
figures, not a test.

    python -m bench.editor_form [--data KANSIO] [--methods 500] [--services 10000]

Writes synthetic data (bench/synthetic.py) unless a data folder is given, writes the form's files for
it (the page, the configuration made from that data, the program), serves them on a loopback port and
drives the form in headless Chromium with its test backend, which holds the repository's files in the
browser's storage as the GitHub backend holds them after its first load. Prints the seconds from
signing in to the collection list, to the services' list, to one service's form, and from Save to
the file written, with the size of the configuration.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench import synthetic
from macros.data.catalog import load_catalog
from macros.pages.output import SiteSettings, write_files
from macros.publish.editor_form import editor_files

ROOT = Path(__file__).resolve().parent.parent
SIGN_IN = "Työskentele testirepositorion kanssa"


def form_site(data: Path, out: Path) -> Path:
    """The form's files for this data, and the theme script the page loads, under `out`."""
    catalog = load_catalog(data)
    write_files(editor_files(catalog, SiteSettings(repo_url="https://github.com/esimerkki/perhekeskus")), out)
    script = out / "assets" / "javascripts" / "muokkaa.js"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text((ROOT / "overrides" / "assets" / "javascripts" / "muokkaa.js").read_text(encoding="utf-8"), encoding="utf-8")
    return out


def measure(data: Path) -> dict[str, float]:
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, serve_directory
    from playwright.sync_api import sync_playwright
    from test_editor_form import _WRITE_FILES, Form, repository_files

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        site = form_site(data, Path(tmp) / "site")
        config = json.loads((site / "muokkaa" / "config.json").read_text(encoding="utf-8"))
        figures["asetukset, kt"] = (site / "muokkaa" / "config.json").stat().st_size / 1024
        local = {**config, "backend": {"name": "test-repo"}}
        local.pop("publish_mode")
        address, server = serve_directory(site)
        files = repository_files(data)
        figures["tiedostoja"] = len(files)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
            context.set_default_timeout(600_000)
            page = context.new_page()
            page.route(lambda url: "/muokkaa/config.json" in url, lambda route: route.fulfill(json=local))
            form = Form(page, address)
            page.goto(address + "muokkaa/package.json")
            start = time.perf_counter()
            page.evaluate(_WRITE_FILES, files)
            figures["tiedostot selaimen muistiin, s"] = time.perf_counter() - start
            page.goto(address + "muokkaa/")
            start = time.perf_counter()
            page.get_by_role("button", name=SIGN_IN).click()
            page.get_by_text("Kokoelmat").wait_for()  # shown once every file is read
            figures["kirjautumisesta kokoelmiin, s"] = time.perf_counter() - start
            start = time.perf_counter()
            page.goto(address + "muokkaa/#/collections/palvelut")
            page.get_by_role("button", name="Luo uusi merkintä").wait_for()
            figures["palvelujen luettelo, s"] = time.perf_counter() - start
            record = sorted((data / "palvelut").glob("*.yml"))[len(files) // 4 % 97].stem
            start = time.perf_counter()
            form.open(f"/collections/palvelut/entries/{record}")
            figures["yhden palvelun lomake, s"] = time.perf_counter() - start
            path = f"data/palvelut/{record}.yml"
            before = files[path]
            form.field("Tiivistelmä").fill("Muokattu tiivistelmä.")
            start = time.perf_counter()
            form.save()
            form.saved(path, before, timeout=600)
            figures["tallennus, s"] = time.perf_counter() - start
            browser.close()
        server.shutdown()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description="Toimittajan lomake kansallisella datalla.")
    parser.add_argument("--data", type=Path, help="valmis datakansio (oletus: keinotekoinen, bench/synthetic.py)")
    parser.add_argument("--methods", type=int, default=500)
    parser.add_argument("--services", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or synthetic.write(Path(tmp) / "data", synthetic.Scale(methods=args.methods, services=args.services))
        for name, value in measure(data).items():
            print(f"{name:38} {value:10.1f}")


if __name__ == "__main__":
    main()
