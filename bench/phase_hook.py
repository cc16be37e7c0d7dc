"""A MkDocs hook file that prints a build's timeline (bench/phases.py adds it in front of ours).

Each line: seconds since the hook was imported, the event, and the CPU seconds spent so far by the
build's main process, by its children that have ended (the two data loaders, the second
renderer) and by Pagefind. At exit: the memory peak of the whole
process tree and which processes held it. Runs before our hook's post-build event (which waits for
Pagefind), after its other events.
"""

from __future__ import annotations

import atexit
import os
import sys
import time
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from bench.scale import _TreeMemory, _tree  # noqa: E402

START = time.perf_counter()
_TICK = os.sysconf("SC_CLK_TCK")
_pages = 0


def _cpu_of(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime


def _pagefind_cpu() -> str:
    for pid in _tree(os.getpid())[1:]:
        try:
            if b"pagefind" in Path(f"/proc/{pid}/cmdline").read_bytes():
                return f"{_cpu_of(pid):6.1f}"
        except OSError:
            pass
    return "     -"


def _line(event: str) -> None:
    used = os.times()
    print(f"{time.perf_counter() - START:7.2f} {used.user + used.system:8.1f} {used.children_user + used.children_system:8.1f} "
          f"{_pagefind_cpu()}  {event}", file=sys.stderr, flush=True)


_peak = _TreeMemory(os.getpid(), interval=0.2)
print(f"{'s':>7} {'pää CPU':>8} {'lapset':>8} {'Pagefind':>6}  vaihe", file=sys.stderr)


@atexit.register
def _at_exit() -> None:
    _line("loppu")
    shares = ", ".join(f"{name} {kb // 1024}" for name, kb in _peak.peak_shares)
    # The sampler started as this module was imported, as START did.
    print(f"muistin huippu {_peak.peak_kb // 1024} Mt hetkellä {_peak.peak_at:.1f} s: {shares}", file=sys.stderr, flush=True)


@event_priority(-100)
def on_config(config):
    _line("asetukset ja luettelo ladattu (on_config)")
    return config


@event_priority(-100)
def on_pre_build(config):
    _line("rakennus alkaa, Pagefind käynnissä (on_pre_build)")


@event_priority(100)
def _files_start(files, config):
    _line("dokumenttikansio luettu; sivujen tuottaminen alkaa (on_files)")
    return files


@event_priority(-100)
def _files_end(files, config):
    _line("tiedostot ja tuotetut sivut valmiit (on_files)")
    return files


on_files = CombinedEvent(_files_start, _files_end)  # before and after the project's own


@event_priority(-100)
def on_env(env, config, files):
    _line("navigaatio ja teeman ympäristö valmiit (on_env)")
    return env


@event_priority(-100)
def on_post_page(output, page, config):
    global _pages
    _pages += 1
    if _pages == 1 or _pages % 2500 == 0:
        _line(f"sivu {_pages} kirjoitettu ({page.url or '/'})")
    return output


def on_post_build(config):
    _line(f"kaikki {_pages} sivua kirjoitettu; haku ja julkaistavat tiedostot viimeistellään (on_post_build)")
