"""How pages are made: the generator hands over finished article HTML, and half of the pages
are rendered in a forked process. Both must give exactly what the plain way gives."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from conftest import ROOT
from macros.data import parallel
from macros.data.catalog import load_catalog
from macros.pages.output import Heading, SiteSettings, article
from macros.pages.site import generated_pages


def test_heading_lines_become_headings_with_permalinks_and_the_rest_passes_untouched():
    rendered = "<h1>Nimi</h1>\n\n<p>Teksti *ei korostusta* &amp; [ei linkki](x)</p>\n\n## Koulutus {#koulutus}\n\n<ul><li>a</li></ul>\n"
    html, headings = article(rendered, "Linkki tähän kohtaan")
    assert headings == (Heading(2, "koulutus", "Koulutus"),)
    assert html == (
        "<h1>Nimi</h1>\n\n<p>Teksti *ei korostusta* &amp; [ei linkki](x)</p>\n\n"
        '<h2 id="koulutus">Koulutus<a class="headerlink" href="#koulutus" title="Linkki tähän kohtaan">&para;</a></h2>\n'
        "\n<ul><li>a</li></ul>\n"
    )


def test_text_that_only_looks_like_a_heading_is_not_one():
    # Data text reaches the template with its braces as character references.
    html, headings = article("<p>x</p>\n## Kaappaus &#123;#kaappaus&#125;\n#Ei otsikko {#ei}\n", "L")
    assert headings == ()
    assert 'id="' not in html


def test_pages_rendered_in_two_processes_equal_pages_rendered_in_one(monkeypatch):
    catalog, settings = load_catalog(ROOT / "data"), SiteSettings()
    two = generated_pages(catalog, settings)
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    one = generated_pages(catalog, settings)
    assert two == one
    assert len(one) > 50


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def test_split_map_keeps_the_order_and_uses_a_second_process():
    results = parallel.split_map(_pid_and_square, list(range(7)))
    assert [square for _, square in results] == [n * n for n in range(7)]
    assert {pid for pid, _ in results[1::2]} != {os.getpid()}
    assert {pid for pid, _ in results[0::2]} == {os.getpid()}


def _fail_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("kolmonen ei käy")
    return n


def test_a_failure_in_the_child_is_raised_in_the_parent_with_its_reason():
    with pytest.raises(ValueError, match="kolmonen ei käy") as raised:
        parallel.split_map(_fail_on_three, [0, 3, 4])  # 3 falls to the child
    assert "rinnakkaisessa prosessissa" in raised.value.__notes__[0]


def test_a_failure_in_the_parent_stops_the_child():
    with pytest.raises(ValueError, match="kolmonen"):
        parallel.split_map(_fail_on_three, [0, 1, 2, 5, 3])  # 3 falls to the parent (every other item)
    assert multiprocessing.active_children() == []


def test_map_apart_keeps_the_order_computes_nothing_here_and_shares_by_weight():
    # One heavy item and five light ones: the heavy one gets a child of its own.
    results = parallel.map_apart(_pid_and_square, list(range(6)), weights=[1, 1, 10, 1, 1, 1])
    assert [square for _, square in results] == [n * n for n in range(6)]
    pids = [pid for pid, _ in results]
    assert os.getpid() not in pids
    assert len(set(pids)) == 2 and pids.count(pids[2]) == 1


def test_a_failure_in_one_child_of_map_apart_is_raised_here_and_the_other_child_stopped():
    with pytest.raises(ValueError, match="kolmonen ei käy"):
        parallel.map_apart(_fail_on_three, [3, 0, 1, 2], weights=[1, 1, 1, 1])
    assert multiprocessing.active_children() == []


def test_background_work_is_done_when_wait_returns_and_its_error_surfaces_there(tmp_path):
    target = tmp_path / "valmis.txt"
    work = parallel.Background(lambda: target.write_text("kyllä", encoding="utf-8"))
    work.wait()
    assert target.read_text(encoding="utf-8") == "kyllä"

    failing = parallel.Background(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failing.wait()


def test_stopped_background_work_ends_at_once(tmp_path):
    target = tmp_path / "kesken.txt"
    work = parallel.Background(lambda: (time.sleep(30), target.write_text("liian myöhään")))
    started = time.monotonic()
    work.stop()
    assert time.monotonic() - started < 5
    assert not target.exists()
