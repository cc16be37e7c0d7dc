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
from macros.adapter.preview import PREVIEW  # noqa: E402
from macros.pages.incremental import Questions, RecordingCatalog  # noqa: E402
from macros.pages.site import MissingRecord, at_macro  # noqa: E402
from macros.publish.files import FRAGMENTS  # noqa: E402


def define_env(env) -> None:
    """mkdocs-macros entry point: each fragment becomes a macro for hand-written pages."""

    def call(fragment, *args, **kwargs):
        catalog = catalog_for(env.conf)
        if PREVIEW.active:  # the page is made again when an answer to these questions changes
            catalog = RecordingCatalog(catalog, Questions(PREVIEW.macro_questions.setdefault(env.page.file.src_uri, {})))
        try:
            return fragment(catalog, env.page.url, settings_for(env.conf), *args, **kwargs)
        except MissingRecord as error:
            raise at_macro(error, Path(env.page.file.abs_src_path), _ROOT) from None

    for name, fragment in FRAGMENTS.items():
        env.macro(partial(call, fragment), name)
