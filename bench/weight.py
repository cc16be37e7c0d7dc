"""Page weight and speed of the main pages, as a phone would load them. Prints figures; asserts nothing.

    .venv/bin/python -m bench.weight [--site-dir DIR] [--lighthouse]

Builds the site (unless --site-dir names a built one), serves it on loopback with gzip as a
static host would, loads each main page in headless Chromium with an empty cache and reports
HTML bytes, bytes transferred (compressed) and requests, against the budget of 150 KB for a
first load. Screenshots at 390×844 go to bench-out/screenshots/ to be checked by eye.
With --lighthouse it also runs Lighthouse (npm registry, via npx) against Debian's Chromium.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import mimetypes
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from macros.adapter.build import build

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench-out"
CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = {
    "etusivu": "",
    "menetelmat": "menetelmat/",
    "menetelma": "menetelmat/lapset-puheeksi/",
    "palvelukartta": "palvelukartta/",
    "perheille": "perheille/",
    "kayttoonotto": "kayttoonotto/",
    "haku (eron jälkeen)": "haku/?q=eron%20j%C3%A4lkeen",
    "vertaa (3 menetelmää)": "vertaa/?menetelmat=lapset-puheeksi,vahvuutta-vanhemmuuteen,ihmeelliset-vuodet",
}
# The pages issue 27 asks Lighthouse about: home, Perheille, the service map, the method catalogue
# (its chooser runs there), a comparison of three methods and a search with a query.
LIGHTHOUSE_PAGES = ("etusivu", "perheille", "palvelukartta", "menetelmat", "vertaa (3 menetelmää)", "haku (eron jälkeen)")
BUDGET = 150 * 1024
LIGHTHOUSE = "lighthouse@12.8.2"


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with gzip for text, as GitHub Pages and most hosts do."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        if "gzip" in self.headers.get("Accept-Encoding", "") and (kind.startswith("text/") or kind.endswith(("json", "javascript", "svg+xml"))):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def built_site(site_dir: Path | None) -> Path:
    """The site to measure: the one named, or a fresh build of the working tree."""
    if site_dir is not None:
        return site_dir
    fresh = Path(tempfile.mkdtemp()) / "site"
    if build(fresh) != 0:
        raise SystemExit(1)
    return fresh


def serve(site_dir: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def measure(base: str) -> list[dict]:
    rows = []
    (OUT / "screenshots").mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        for name, path in PAGES.items():
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
            page = context.new_page()
            sizes: list[int] = []
            page.on("response", lambda response: sizes.append(int(response.headers.get("content-length", 0))))
            document = page.goto(base + path, wait_until="networkidle")
            html = len(document.body()) if document else 0
            page.screenshot(path=str(OUT / "screenshots" / f"{name.split()[0]}.png"), full_page=False)
            rows.append({"sivu": name, "html_tavua": html, "siirretty_tavua": sum(sizes), "pyyntoja": len(sizes)})
            context.close()
        browser.close()
    return rows


def lighthouse(base: str) -> list[dict]:
    if not shutil.which("npx"):
        return []
    rows = []
    for name in LIGHTHOUSE_PAGES:
        report = OUT / f"lighthouse-{name.split()[0]}.json"
        command = [
            "npx", "--yes", LIGHTHOUSE, base + PAGES[name], "--quiet", "--output=json", f"--output-path={report}",
            "--form-factor=mobile", "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new " + " ".join(BROWSER_ARGS),
        ]
        done = subprocess.run(command, env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin:/usr/local/bin"}, capture_output=True, text=True)
        if done.returncode != 0 or not report.exists():
            print(f"Lighthouse ei toiminut sivulla {name}: {done.stderr.strip()[-300:]}")
            continue
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
        rows.append({"sivu": name, **{key: round(value["score"] * 100) for key, value in categories.items()}})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description="Sivujen paino ja nopeus puhelimella.")
    parser.add_argument("--site-dir", type=Path)
    parser.add_argument("--lighthouse", action="store_true")
    options = parser.parse_args()
    server, base = serve(built_site(options.site_dir))
    try:
        rows = measure(base)
        print(f"\n{'sivu':<22}{'HTML':>10}{'siirretty (gzip)':>20}{'pyyntöjä':>10}  budjetti 150 KB")
        for row in rows:
            verdict = "ok" if row["siirretty_tavua"] <= BUDGET else "YLI"
            print(f"{row['sivu']:<22}{row['html_tavua']:>10}{row['siirretty_tavua']:>20}{row['pyyntoja']:>10}  {verdict}")
        print(f"Kuvakaappaukset 390×844: {OUT / 'screenshots'}")
        if options.lighthouse:
            for row in lighthouse(base):
                print("Lighthouse " + ", ".join(f"{key} {value}" for key, value in row.items()))
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
