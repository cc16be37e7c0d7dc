"""Fixtures that build the real site with MkDocs, from the real data or from a changed copy."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.data.schema import FILES

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CHROMIUM = "/usr/bin/chromium"
FOLDERS = {spec.path for spec in FILES if spec.folder}  # collections kept one file per record
SITE_URL = "https://perhekeskus.example/"  # a reserved name: the published address in tests
REPO_URL = "https://github.com/esimerkki/perhekeskus"  # the repository the editors' form saves to in tests


@dataclass
class Build:
    result: subprocess.CompletedProcess
    site: Path

    @property
    def output(self) -> str:
        return self.result.stdout + self.result.stderr

    def html(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def build_site(data_dir: Path, site_dir: Path, strict: bool = True, project: Path = ROOT, **env: str) -> Build:
    """Run `mkdocs build --strict` as a user would, with SITE_DATA_DIR pointing at `data_dir`;
    `project` may be a copy of the generator whose pages a test changed."""
    environment = {**os.environ, "SITE_DATA_DIR": str(data_dir), "NO_MKDOCS_2_WARNING": "1", **env}
    command = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=300)
    return Build(result, site_dir)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The site built from the project's real data, with its public address and repository known as when published."""
    built = build_site(DATA, tmp_path_factory.mktemp("site") / "site", SITE_URL=SITE_URL, SITE_REPO_URL=REPO_URL)
    assert built.result.returncode == 0, built.output
    return built


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ that a test may break."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a data file as an editor would; fail loudly if the text to change is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def at(path: Path, line_text: str, start: str | None = None) -> str:
    """'data/<file>:<line>:<column>' of the first line that starts with `line_text` (indentation aside),
    column at `start` (default: the text). Comment lines never match.

    Tests compute positions instead of hard-coding them, so editing the data does not break them.
    """
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith(line_text):
            return f"{shown(path)}:{number}:{line.index(start or line_text) + 1}"
    raise AssertionError(f"{line_text!r} not in {path.name}")


def shown(path: Path) -> str:
    """A data file as messages name it: data/sanasto.yml, or data/menetelmat/lapset-puheeksi.yml for a record's own file."""
    return f"data/{path.parent.name}/{path.name}" if path.parent.name in FOLDERS else f"data/{path.name}"


def record_file(data_dir: Path, folder: str, record_id: str) -> Path:
    """A record's own file, which must exist: data/<folder>/<id>.yml."""
    path = data_dir / folder / f"{record_id}.yml"
    assert path.exists(), f"{path} puuttuu"
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve_directory(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """A folder on a loopback port, as a browser would load it: its address and the server."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


@pytest.fixture(scope="session")
def served_site(site: Build):
    """The built site on a loopback port."""
    address, server = serve_directory(site.site)
    yield address
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium puuttuu: asenna Debianin paketti 'chromium' (scripts/test tekee sen)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield launched
        launched.close()


@pytest.fixture
def phone(browser):
    """A fresh page the size of a phone screen (its own context: nothing stored between tests)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()
