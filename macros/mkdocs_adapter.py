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
from mkdocs.structure.pages import Page  # noqa: E402

from macros.catalog import Catalog, load_catalog  # noqa: E402
from macros.freshness import DEFAULT_MONTHS  # noqa: E402
from macros.problems import DataError  # noqa: E402
from macros.output import GeneratedPage, SiteSettings, join_html  # noqa: E402
from macros.search_index import SearchIndex, SearchIndexError  # noqa: E402
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


_generated: dict[str, GeneratedPage] = {}  # source path -> generated page, for its JSON-LD and HTML fragments


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalog, settings = catalog_for(config), settings_for(config)
    pages = generated_pages(catalog, settings)
    _generated.clear()
    for page in pages + published_files(catalog, settings, pages):
        files.append(File.generated(config, page.path, content=page.content))
        _generated[page.path] = page
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = _generated.get(page.file.src_uri)
    if generated and generated.structured_data:
        page.meta["jsonld"] = generated.structured_data
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = _generated.get(page.file.src_uri)
    return join_html(html, generated.fragments) if generated else html


_search: SearchIndex | None = None


def on_pre_build(config: MkDocsConfig) -> None:
    global _search
    if _search is not None:  # a rebuild after a failed one (mkdocs serve)
        _search.close()
    try:
        _search = SearchIndex()
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _search is not None:
        _search.add(page.url, output)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    global _search
    search, _search = _search, None
    if search is None:
        return
    try:
        search.write(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
