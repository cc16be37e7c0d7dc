"""The preview (scripts/serve, `mkdocs serve --dirty`): what one serve session keeps between rebuilds.

MkDocs loads the hook file afresh for every rebuild, so what must outlive a rebuild lives here:
the parsed data files, each generated page with the questions it asked of the catalogue
(macros.pages.incremental), the questions of each hand-written page's macros, and each page's
searchable part. A rebuild after a data edit then re-parses one file, remakes the pages whose
answers changed, and MkDocs writes only those; the search index is rebuilt from every page's part
in the background. A change to code, templates or pages rebuilds everything.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from macros.data import yaml_source
from macros.pages.incremental import Memory

ROOT = Path(__file__).resolve().parents[2]
WATCHED = ("macros", "overrides", "docs", "mkdocs.yml")  # beside data/: a change here rebuilds everything


@dataclass
class Preview:
    active: bool = False
    pages: Memory = field(default_factory=Memory)
    macro_questions: dict[str, dict[tuple, Any]] = field(default_factory=dict)  # page source -> questions
    search_parts: dict[str, str] = field(default_factory=dict)  # page url -> its searchable part
    code_stamp: tuple = ()
    good: Any = None  # the last catalogue without problems
    search: threading.Thread | None = None
    stoppable: tuple = ()  # what the search thread waits on: stopped when it is cancelled
    cancelled: bool = False

    def start(self) -> None:
        self.active = True
        yaml_source.remember_parsed()

    def code_changed(self) -> bool:
        """True at the first build and after any change outside data/: then everything is remade."""
        stamp = _stamp(ROOT)
        changed, self.code_stamp = stamp != self.code_stamp, stamp
        if changed:
            self.pages, self.macro_questions = Memory(), {}
        return changed

    def in_background(self, work: Callable[[], None], *stoppable: Any) -> None:
        """Rebuild the search index (and the published files) after the pages are served."""
        self.cancel()
        self.stoppable = stoppable
        self.search = threading.Thread(target=self._run, args=(work,), daemon=True)
        self.search.start()

    def _run(self, work: Callable[[], None]) -> None:
        try:
            work()
            print("Hakuhakemisto päivitetty.", flush=True)
        except Exception as error:  # shown in the terminal; the pages are served all the same
            if not self.cancelled:
                print(f"Hakuhakemiston päivitys epäonnistui: {error}", flush=True)

    def cancel(self) -> None:
        """A new rebuild started: the search index being built is out of date, stop it."""
        if self.search is not None:
            self.cancelled = True
            for each in self.stoppable:
                if each is not None:
                    each.stop()
            self.search.join()
            self.search, self.cancelled = None, False


def _stamp(root: Path) -> tuple:
    found = []
    for name in WATCHED:
        path = root / name
        for each in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if each.is_file() and "__pycache__" not in each.parts:
                stat = each.stat()
                found.append((str(each), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


PREVIEW = Preview()
