"""MkDocs adapter: the hook file (mkdocs.yml `hooks:`). Kept thin.

It only passes data between MkDocs and the plain functions in macros.catalog, macros.site
and macros.search_index. macros/mkdocs_macros.py is its twin for mkdocs-macros.
"""

from __future__ import annotations

import sys
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
from macros.search_index import SearchIndexError, index_site  # noqa: E402
from macros.output import SiteSettings
from macros.site import generated_pages, published_files  # noqa: E402


def _options(config: MkDocsConfig) -> dict:
    return config.extra.get("perhekeskus", {})


def catalog_for(config: MkDocsConfig) -> Catalog:
    data_dir = Path(config.config_file_path).parent / _options(config).get("data_dir", "data")
    try:
        return load_catalog(data_dir)
    except DataError as error:
        raise PluginError(error.report()) from None


@event_priority(100)  # before every plugin: bad data stops the build before anything is written
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    catalog_for(config)
    return config


def settings_for(config: MkDocsConfig) -> SiteSettings:
    options = _options(config)
    return SiteSettings(
        repo_url=options.get("repo_url") or "",
        branch=options.get("branch") or "main",
        freshness_months=int(options.get("freshness_months") or DEFAULT_MONTHS),
        site_url=config.site_url or "",
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalog, settings = catalog_for(config), settings_for(config)
    pages = generated_pages(catalog, settings)
    for page in pages + published_files(catalog, settings, pages):
        files.append(File.generated(config, page.path, content=page.content))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    try:
        index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
