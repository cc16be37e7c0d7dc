"""The site as a plain docs folder (macros/adapter/plain_docs.py), built by Zensical, Material's successor.

The folder tests run everywhere; the build test is skipped where Zensical is not installed
(it lives beside the project's Python, on PATH, or where ZENSICAL points)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.catalog import load_catalog
from macros.pages.output import SiteSettings
from macros.adapter.plain_docs import own_folder, relocated_links, write_plain_docs

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def _zensical() -> str | None:
    beside_python = Path(sys.executable).parent / "zensical"
    for candidate in (os.environ.get("ZENSICAL"), str(beside_python), shutil.which("zensical")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(DATA)


@pytest.fixture(scope="module")
def plain(tmp_path_factory, catalog) -> Path:
    folder = tmp_path_factory.mktemp("plain")
    write_plain_docs(catalog, SiteSettings(), folder)
    return folder


def test_every_record_has_a_page_in_the_folder(plain, catalog):
    docs = plain / "docs"
    for prefix, records in (("menetelmat", catalog.methods), ("palvelut", catalog.services), ("toimijat", catalog.organisations)):
        missing = [i for i in records if not (docs / prefix / i / "index.md").is_file()]
        assert not missing, f"{prefix}: {missing}"


def test_no_macro_call_or_markdown_heading_id_is_left(plain):
    written = {own_folder(p.relative_to(ROOT / "docs").as_posix()) for p in (ROOT / "docs").rglob("*.md")}
    for page in (plain / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, page
        if page.relative_to(plain / "docs").as_posix() not in written:  # generated: headings are HTML already
            assert not re.search(r"^#{1,6} .+ \{#[a-z0-9-]+\}$", text, re.M), page


def test_written_page_macros_are_rendered_with_their_data(plain, catalog):
    catalogue = (plain / "docs" / "menetelmat" / "index.md").read_text(encoding="utf-8")
    for method in catalog.methods.values():
        assert f'href="{method.id}/"' in catalogue  # the link is relative to menetelmat/
    families = (plain / "docs" / "perheille" / "index.md").read_text(encoding="utf-8")
    assert 'href="../menetelmat/monitoimijainen-yhteistyomalli/"' in families  # tietue(...) from perheille/


def test_markdown_links_follow_the_moved_pages():
    assert own_folder("tietoa.md") == "tietoa/index.md"
    assert own_folder("menetelmat/index.md") == "menetelmat/index.md"
    text = "[Lähteet](tietoa.md#lahteet) [M](menetelmat/index.md) [S](schemas/a.json) [x](https://a.fi/) [y](#z)"
    assert relocated_links(text, "ammattilaisille.md") == (
        "[Lähteet](../tietoa/index.md#lahteet) [M](../menetelmat/index.md) [S](../schemas/a.json) [x](https://a.fi/) [y](#z)"
    )


def test_zensical_builds_every_record_page(tmp_path, catalog):
    zensical = _zensical()
    if zensical is None:
        pytest.skip("Zensical ei ole asennettu (pip install zensical tai ZENSICAL=polku/zensical)")
    write_plain_docs(catalog, SiteSettings(), tmp_path)
    result = subprocess.run([zensical, "build", "--clean", "--strict", "--config-file", str(tmp_path / "mkdocs.yml")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    for prefix, records in (("menetelmat", catalog.methods), ("palvelut", catalog.services), ("toimijat", catalog.organisations)):
        for record_id in records:
            page = site / prefix / record_id / "index.html"
            assert page.is_file(), f"Zensical ei tehnyt sivua {prefix}/{record_id}/"
            # The record's own article, not an empty shell: its edit-location line names its data file.
            assert records[record_id].origin.position.file in page.read_text(encoding="utf-8"), page
    # What our hook publishes beside the pages travels in the folder as static files.
    for published in ("paivitykset.xml", "data/menetelmat.json", *(f"upota/menetelmat/{m}/index.html" for m in catalog.methods)):
        assert (site / published).is_file(), published
