"""mkdocs-macros module (mkdocs.yml `plugins: macros: module_name:`): each fragment of
macros.pages.site becomes a macro for hand-written pages. Kept apart from the hook file because
mkdocs-macros would call a hook file's `on_post_build` as its own."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from macros.adapter.mkdocs_adapter import catalog_for, settings_for  # noqa: E402
from macros.pages.site import MissingRecord, record_link  # noqa: E402
from macros.publish.files import FRAGMENTS  # noqa: E402


def define_env(env) -> None:
    """mkdocs-macros entry point: each fragment becomes a macro for hand-written pages."""

    def call(fragment):
        return fragment(catalog_for(env.conf), env.page.url, settings_for(env.conf))

    for name, fragment in FRAGMENTS.items():
        env.macro(partial(call, fragment), name)

    def tietue(laji: str, tunniste: str, ennen: str = "", jalkeen: str = "", valinnainen: bool = False) -> str:
        """{{ tietue("menetelma", "lapset-puheeksi", ennen="Lue lisää: ", jalkeen=".", valinnainen=true) }}"""
        try:
            return record_link(catalog_for(env.conf), env.page.url, laji, tunniste, ennen, jalkeen, valinnainen)
        except MissingRecord as error:
            raise MissingRecord(f"{_where(env.page.file, tunniste)}: {error}") from None

    env.macro(tietue)


def _where(file, text: str) -> str:
    """docs/page.md:line of the first macro call that names `text`, as editors count lines."""
    path = Path(file.abs_src_path)
    source = path.read_text(encoding="utf-8").splitlines()
    line = next((n for n, content in enumerate(source, 1) if "{{" in content and text in content), 1)
    shown = path.relative_to(_ROOT) if path.is_relative_to(_ROOT) else path
    return f"{shown}:{line}"
