"""MkDocs adapter: the only module that knows MkDocs and mkdocs-macros. Kept thin.

mkdocs.yml loads this file twice, as a hook file (`hooks:`) and as the macros module
(`plugins: macros: module_name:`). Both roles only pass data between MkDocs and the
plain functions in macros.catalog and macros.site.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

# MkDocs imports hook files by path; make the project root importable for `macros.*`.
_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros.catalog import Catalog, load_catalog  # noqa: E402
from macros.freshness import DEFAULT_MONTHS  # noqa: E402
from macros.problems import DataError  # noqa: E402
from macros.site import FRAGMENTS, SiteSettings, generated_pages, published_files  # noqa: E402


def _options(config: MkDocsConfig) -> dict:
    return config.extra.get("perhekeskus", {})


def _catalog(config: MkDocsConfig) -> Catalog:
    data_dir = Path(config.config_file_path).parent / _options(config).get("data_dir", "data")
    try:
        return load_catalog(data_dir)
    except DataError as error:
        raise PluginError(error.report()) from None


@event_priority(100)  # before every plugin: bad data stops the build before anything is written
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _catalog(config)
    return config


def _settings(config: MkDocsConfig) -> SiteSettings:
    options = _options(config)
    return SiteSettings(
        repo_url=options.get("repo_url") or "",
        branch=options.get("branch") or "main",
        freshness_months=int(options.get("freshness_months") or DEFAULT_MONTHS),
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    settings = _settings(config)
    for page in generated_pages(_catalog(config), settings) + published_files():
        files.append(File.generated(config, page.path, content=page.content))
    return files


def define_env(env) -> None:
    """mkdocs-macros entry point: each fragment becomes a macro for hand-written pages."""

    def call(fragment):
        return fragment(_catalog(env.conf), env.page.url, _settings(env.conf))

    for name, fragment in FRAGMENTS.items():
        env.macro(partial(call, fragment), name)


_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Give Material's search dialog an accessible name (axe/Lighthouse: aria-dialog-name)."""
    return output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + ' aria-label="Haku">', 1)
