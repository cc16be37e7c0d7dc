"""mkdocs-macros module (mkdocs.yml `plugins: macros: module_name:`): each fragment of
macros.site becomes a macro for hand-written pages. Kept apart from the hook file because
mkdocs-macros would call a hook file's `on_post_build` as its own."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from macros.mkdocs_adapter import catalog_for, settings_for  # noqa: E402
from macros.site import FRAGMENTS  # noqa: E402


def define_env(env) -> None:
    """mkdocs-macros entry point: each fragment becomes a macro for hand-written pages."""

    def call(fragment):
        return fragment(catalog_for(env.conf), env.page.url, settings_for(env.conf))

    for name, fragment in FRAGMENTS.items():
        env.macro(partial(call, fragment), name)
