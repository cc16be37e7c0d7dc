"""The preview (scripts/serve: `mkdocs serve --strict --dirty`): an edit to one record makes again
the pages that show it, the search finds the new text, and a broken edit keeps the last good site."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import URLError
from urllib.parse import quote
from urllib.request import urlopen

import pytest

from bench.scale import free_port
from bench.search_eval import settled_results
from conftest import ROOT, build_site, record_file

SERVICE = "neuvola-pohjois-savo"
NEW_SUMMARY = "Neuvolan esikatselutesti kertoo kvanttisuklaasta."


class Preview:
    def __init__(self, data: Path, log: Path) -> None:
        port = free_port()
        self.address, self.log = f"http://127.0.0.1:{port}/", log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "-a", f"127.0.0.1:{port}", "-w", str(data)],
            cwd=ROOT, env={"SITE_DATA_DIR": str(data), "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
            stdout=log.open("w"), stderr=subprocess.STDOUT)

    def page(self, url: str) -> str:
        try:
            with urlopen(self.address + url, timeout=5) as response:
                return response.read().decode("utf-8")
        except (URLError, ConnectionError, TimeoutError):  # not served yet; MkDocs holds requests while it rebuilds
            return ""

    def wait_for(self, url: str, text: str, timeout: float = 120) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in (found := self.page(url)):
                return found
            time.sleep(0.2)
        raise AssertionError(f"{url} ei näyttänyt tekstiä {text!r}; loki:\n{self.output()[-3000:]}")

    def wait_for_log(self, text: str, after: int = 0, timeout: float = 120) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in (tail := self.output()[after:]):
                return tail
            time.sleep(0.2)
        raise AssertionError(f"loki ei kertonut {text!r}:\n{self.output()[-3000:]}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def preview(data_copy, tmp_path):
    running = Preview(data_copy, tmp_path / "serve.log")
    try:
        running.wait_for(f"palvelut/{SERVICE}/", "Neuvola")
        running.wait_for_log("Hakuhakemisto päivitetty.")
        yield running
    finally:
        running.stop()


def _summary_edit(data: Path, summary: str) -> None:
    path = record_file(data, "palvelut", SERVICE)
    path.write_text(re.sub(r"^tiivistelma: .*$", f"tiivistelma: {summary}", path.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")


def _changed_pages(data: Path, tmp_path: Path) -> set[str]:
    """The pages whose HTML a full build changes when the summary is edited."""
    before = build_site(data, tmp_path / "ennen")
    _summary_edit(data, NEW_SUMMARY)
    after = build_site(data, tmp_path / "jalkeen")
    assert before.result.returncode == 0 and after.result.returncode == 0, before.output + after.output
    pages = [p.relative_to(after.site) for p in after.site.rglob("index.html")]
    return {_url(p) for p in pages if p.parts[0] != "upota" and (before.site / p).read_bytes() != (after.site / p).read_bytes()}


def _url(page: Path) -> str:
    """'palvelut/x/index.html' -> 'palvelut/x/'; the home page -> ''."""
    return "" if page.parent == Path(".") else f"{page.parent.as_posix()}/"


def test_an_edit_makes_again_the_pages_that_show_it_and_search_finds_the_new_text(preview, data_copy, tmp_path, phone):
    mark = len(preview.output())
    _summary_edit(data_copy, NEW_SUMMARY)
    preview.wait_for(f"palvelut/{SERVICE}/", NEW_SUMMARY, timeout=60)
    line = re.search(r"Esikatselu: (\d+) sivua tehty uudelleen: (.*)", preview.wait_for_log("tehty uudelleen", mark))
    remade = set(line.group(2).split())
    assert f"palvelut/{SERVICE}/" in remade
    # Only pages that show the service: each links to it (its municipalities, its methods, its provider).
    assert [url for url in remade if f"palvelut/{SERVICE}/" not in preview.page(url) and url != f"palvelut/{SERVICE}/"] == []
    preview.wait_for_log("Hakuhakemisto päivitetty.", mark)
    phone.goto(f"{preview.address}haku/?q={quote('kvanttisuklaasta')}")
    assert f"/palvelut/{SERVICE}/" in [f"/{url}" if not url.startswith("/") else url for url in settled_results(phone, preview.address)]


def test_the_pages_a_full_build_changes_are_those_the_preview_makes_again(preview, data_copy, tmp_path):
    reference = tmp_path / "vertailu"
    shutil.copytree(data_copy, reference)
    changed = _changed_pages(reference, tmp_path)
    mark = len(preview.output())
    _summary_edit(data_copy, NEW_SUMMARY)
    line = re.search(r"Esikatselu: (\d+) sivua tehty uudelleen: (.*)", preview.wait_for_log("tehty uudelleen", mark))
    remade = set(line.group(2).split())
    served = {url for url in changed if NEW_SUMMARY in preview.wait_for(url, NEW_SUMMARY, timeout=30)}
    assert served == changed and changed, changed  # every changed page is served with the edit
    generated = {url for url in changed if url.startswith(("palvelut/", "menetelmat/", "toimijat/", "alueet/", "perheille/"))}
    assert generated - remade <= {"palvelut/"}, (generated, remade)  # palvelut/ is hand-written: MkDocs remakes it


def test_a_broken_edit_prints_the_finnish_error_and_keeps_the_last_good_site(preview, data_copy):
    path = record_file(data_copy, "palvelut", SERVICE)
    good = path.read_text(encoding="utf-8")
    mark = len(preview.output())
    path.write_text(good.replace("taso: ", "taso: [rikki\n", 1), encoding="utf-8")
    tail = preview.wait_for_log("Sivustoa ei julkaista", mark)
    assert f"data/palvelut/{SERVICE}.yml" in tail
    assert "Neuvola" in preview.page(f"palvelut/{SERVICE}/")  # the last good page, still served
    path.write_text(good, encoding="utf-8")
    _summary_edit(data_copy, NEW_SUMMARY)
    preview.wait_for(f"palvelut/{SERVICE}/", NEW_SUMMARY, timeout=60)


def test_memory_remakes_the_pages_whose_questions_got_new_answers():
    """In-process: a changed service remakes its page and pages listing it; an unhashable question
    makes its page every time rather than never."""
    from dataclasses import replace

    from macros.data.catalog import Catalog, load_catalog
    from macros.pages.incremental import Memory, Questions, answers_hold
    from macros.pages.output import SiteSettings
    from macros.pages.site import page_jobs

    catalog, settings, memory = load_catalog(ROOT / "data"), SiteSettings(), Memory()
    memory.adopt(catalog)
    first = memory.run(page_jobs(catalog, settings), catalog)
    assert all(fresh for _, fresh in first)
    service = catalog.services[SERVICE]
    collections = {**catalog.collections, "palvelut": {**catalog.services, SERVICE: replace(service, summary=NEW_SUMMARY)}}
    edited = Catalog(collections, catalog.observations, catalog.data_dir, catalog.drafts)
    memory.adopt(edited)
    remade = {page.url for page, fresh in memory.run(page_jobs(edited, settings), edited) if fresh}
    assert f"palvelut/{SERVICE}/" in remade and "alueet/pohjois-savo/" in remade
    assert "palvelut/ryhmaneuvola-tampere/" not in remade and len(remade) < len(first) // 3
    again = {page.url for page, fresh in memory.run(page_jobs(edited, settings), edited) if fresh}
    assert again == set()  # nothing changed since
    questions = Questions()
    questions.note(("services_for", (["lista"],), ()), [])
    assert not answers_hold(questions.asked, edited)
