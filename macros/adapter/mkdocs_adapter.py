"""MkDocs adapter: the hook file (mkdocs.yml `hooks:`). Kept thin.

It only passes data between MkDocs and the plain functions in macros.data.catalog, macros.pages.site
and macros.publish.search_index. macros/adapter/mkdocs_macros.py is its twin for mkdocs-macros.
"""

from __future__ import annotations

import gc
import logging
import sys
from functools import partial
from pathlib import Path
from typing import Callable

# MkDocs imports hook files by path; make the project root importable for `macros.*`.
_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from markdown.extensions.toc import nest_toc_tokens  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from macros.adapter.preview import PREVIEW  # noqa: E402
from macros.adapter.theme_shell import ShellCache  # noqa: E402
from macros.data.catalog import Catalog, load_catalog  # noqa: E402
from macros.data.freshness import DEFAULT_MONTHS  # noqa: E402
from macros.data.parallel import Background  # noqa: E402
from macros.data.problems import DataError  # noqa: E402
from macros.pages.output import GeneratedPage, Publisher, SiteSettings, write_files  # noqa: E402
from macros.pages.incremental import answers_hold  # noqa: E402
from macros.pages.site import generated_pages, page_jobs  # noqa: E402
from macros.publish.files import linked_files, published_files  # noqa: E402
from macros.publish.finnish import AnalyserMissing  # noqa: E402
from macros.publish.search_index import SearchIndex, SearchIndexError, indexed_part  # noqa: E402


def _options(config: MkDocsConfig) -> dict:
    return config.extra.get("perhekeskus", {})


def data_dir_of(config: MkDocsConfig) -> Path:
    """The data folder mkdocs.yml names (SITE_DATA_DIR), beside the config file."""
    return Path(config.config_file_path).parent / _options(config).get("data_dir", "data")


def catalog_for(config: MkDocsConfig) -> Catalog:
    """The catalogue this build loaded in on_config: every later event and macro uses that one,
    and none of them stats the data folder's 10 000 files again (mkdocs serve loads a new
    config, and so a fresh catalogue, for every rebuild)."""
    loaded = getattr(config, "_perhekeskus_catalog", None)
    return loaded if loaded is not None else _load(config)


def _load(config: MkDocsConfig) -> Catalog:
    try:
        return load_catalog(data_dir_of(config))
    except DataError as error:
        raise PluginError(error.report()) from None


@event_priority(100)  # before every plugin: bad data stops the build before anything is written
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    PREVIEW.cancel()  # a preview's search index still being built is out of date: this build makes a new one
    gc.unfreeze()  # what an earlier build (mkdocs serve) froze can be collected now
    config._perhekeskus_catalog = _preview_catalog(config) if PREVIEW.active else _load(config)
    gc.collect()
    # The catalogue lives as long as the build: Python's cyclic collector need not walk it at
    # every collection, and forked children (macros.data.parallel) need not copy it.
    gc.freeze()
    return config


def _preview_catalog(config: MkDocsConfig) -> Catalog:
    """A preview with bad data prints the problems and goes on with the last good catalogue: the
    browser keeps the last good site (MkDocs' server would hang on a failed rebuild) until the
    data is mended. The first build still stops, as any build does."""
    try:
        PREVIEW.good = load_catalog(data_dir_of(config))
    except DataError as error:
        if PREVIEW.good is None:
            raise PluginError(error.report()) from None
        print(f"{error.report()}\nEsikatselu näyttää viimeisimmän toimivan version, kunnes virhe on korjattu.", file=sys.stderr, flush=True)
    return PREVIEW.good


def settings_for(config: MkDocsConfig) -> SiteSettings:
    options = _options(config)
    toc = config.mdx_configs.get("toc") or {}
    return SiteSettings(
        repo_url=options.get("repo_url") or "",
        branch=options.get("branch") or "main",
        freshness_months=int(options.get("freshness_months") or DEFAULT_MONTHS),
        site_url=config.site_url or "",
        publisher=_publisher(options.get("julkaisija") or {}),
        **({"heading_link_title": toc["permalink_title"]} if toc.get("permalink_title") else {}),
    )


def _publisher(options: dict) -> Publisher:
    """mkdocs.yml's `julkaisija`; a value left out keeps today's default."""
    given = {"name": options.get("nimi"), "regions": tuple(options.get("alueet") or ()),
             "feedback": options.get("palaute"), "accessibility": options.get("saavutettavuus")}
    return Publisher(**{key: value for key, value in given.items() if value})


class _Prerendered(Page):
    """A page whose article the generator has finished: MkDocs reads no source and runs no
    Markdown for it (plugins' page events still run), it only wraps it in the theme."""

    def __init__(self, generated: GeneratedPage, file: File, config: MkDocsConfig) -> None:
        self.generated = generated
        super().__init__(None, file, config)

    def read_source(self, config: MkDocsConfig) -> None:
        # MkDocs picks the template before on_page_context: ours prints what that event made.
        self.markdown, self.meta = "", {**self.generated.meta, "template": FILLED_TEMPLATE}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        headings = self.generated.headings
        tokens = [{"level": h.level, "id": h.id, "name": h.title, "html": h.title} for h in headings]
        self.content = self.generated.html
        self.toc = get_toc(nest_toc_tokens(tokens))
        self.present_anchor_ids = {h.id for h in headings}

    def release(self) -> None:
        """Let go of the article once the page is written: at national scale the articles are a
        third of the build's memory, which Pagefind needs for its bundle at the end."""
        self.content = None
        self.generated = None  # type: ignore[assignment]


log = logging.getLogger("mkdocs.plugins.perhekeskus")


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve" and dirty:
        PREVIEW.start()  # scripts/serve: rebuild only what an edit changes
        # MkDocs warns that a dirty build may leave pages stale, and --strict would stop on that;
        # here the preview itself decides which pages an edit made stale.
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return "'dirty' build" not in record.getMessage()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _publish
    catalog, settings = catalog_for(config), settings_for(config)
    if not config.site_url:
        _drop_sitemap(files, config)
    if PREVIEW.active:
        made = _preview_pages(files, catalog, settings)
    else:
        made = [(page, True) for page in generated_pages(catalog, settings)]
    for page, fresh in made:
        file = File.generated(config, page.path, content="")  # the page has its article: no source is read
        _Prerendered(page, file, config)  # becomes file.page, which MkDocs then uses as it is
        if not fresh:
            file.is_modified = _unchanged  # mkdocs serve --dirty leaves its page as written
        files.append(file)
    for linked in linked_files(catalog, settings):
        files.append(File.generated(config, linked.path, content=linked.content))
    gc.freeze()  # the pages too live as long as the build
    # No page links by path to the embed cards, exports, feed or redirects: they are written
    # once the pages are (on_post_build), while Pagefind builds its bundle.
    page_urls, site_dir = [page.url for page, _ in made], Path(config.site_dir)
    _publish = partial(_write_published, catalog, settings, page_urls, site_dir)
    return files


def _write_published(catalog: Catalog, settings: SiteSettings, page_urls: list[str], site_dir: Path) -> None:
    write_files(published_files(catalog, settings, page_urls), site_dir)


def _preview_pages(files: Files, catalog: Catalog, settings: SiteSettings) -> list:
    """In a preview, the generated pages whose questions to the catalogue got new answers are made
    again, and so are hand-written pages whose macros' questions did; after a change to code,
    templates or pages, everything."""
    everything = PREVIEW.code_changed()
    PREVIEW.pages.adopt(catalog)
    for file in files.documentation_pages():
        questions = PREVIEW.macro_questions.get(file.src_uri)
        if everything or (questions is not None and not answers_hold(questions, catalog)):
            file.is_modified = _changed
    made = PREVIEW.pages.run(page_jobs(catalog, settings), catalog)
    again = [page.url for page, fresh in made if fresh]
    if not everything:
        log.info("Esikatselu: %d sivua tehty uudelleen: %s", len(again), " ".join(again))
    return made


def _unchanged() -> bool:
    return False


def _changed() -> bool:
    return True


def _drop_sitemap(files: Files, config: MkDocsConfig) -> None:
    """A sitemap lists absolute addresses: without the site's address it would be an empty,
    invalid urlset. MkDocs renders the template (and sitemap.xml.gz) and, once it is no longer
    a template, would copy our override as a static file; stop both."""
    config.theme.static_templates.discard("sitemap.xml")
    if (theme_copy := files.get_file_from_path("sitemap.xml")) is not None:
        files.remove(theme_copy)


_search: SearchIndex | None = None
_publish: Callable[[], None] | None = None  # writes this build's published files (on_post_build)
_shells: ShellCache | None = None
_theme: object = None  # Material's page template (main.html) of this build
FILLED_TEMPLATE = "perhekeskus/valmis.html"


def on_env(env, config: MkDocsConfig, files: Files):
    """Generated pages are filled into shells of Material's template (macros/adapter/theme_shell.py),
    unless mkdocs.yml's `kuoret: false` asks for the whole template on every page."""
    global _shells, _theme
    config._perhekeskus_files = files  # the preview's search keeps the parts of these pages only
    _theme = env.get_template("main.html")
    _shells = ShellCache(env) if _options(config).get("kuoret", True) else None
    return env


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if isinstance(page, _Prerendered):
        context["valmis_sivu"] = _shells.render(_theme, context, page) if _shells else _theme.render(context)
    return context


def on_pre_build(config: MkDocsConfig) -> None:
    global _search
    _stop_unfinished()  # a rebuild after a failed one (mkdocs serve)
    if PREVIEW.active:
        return  # a preview indexes every page's part once the pages are served (on_post_build)
    try:
        _search = SearchIndex()
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    PREVIEW.macro_questions.pop(page.file.src_uri, None)  # its macros ask again as it is made
    return page


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if PREVIEW.active:
        PREVIEW.search_parts[page.url] = indexed_part(output)
        return output  # a preview's pages stay: the next rebuild keeps those it need not make again
    if _search is not None:
        _search.add(page.url, output)
    if isinstance(page, _Prerendered):
        page.release()
    return output


def on_post_build(config: MkDocsConfig) -> None:
    global _search, _publish
    publish, search = _publish, _search
    _publish = _search = None
    site_dir, synonyms = Path(config.site_dir), catalog_for(config).synonym_groups
    if PREVIEW.active:
        # The pages are written and served now; the published files and the search index follow
        # from two more processes.
        urls = {file.page.url for file in config._perhekeskus_files.documentation_pages() if file.page}
        PREVIEW.search_parts = {url: part for url, part in PREVIEW.search_parts.items() if url in urls}
        publishing = Background(publish) if publish else None
        indexing = Background(partial(_index_parts, PREVIEW.search_parts, site_dir, synonyms))
        PREVIEW.in_background(partial(_wait_for, publishing, indexing), publishing, indexing)
        return
    try:
        # Pagefind builds its bundle alone on one core for about ten seconds at national scale:
        # the published files are made meanwhile, here, where they need no copy of the catalogue.
        if search is not None:
            search.start_bundle()
        if publish is not None:
            publish()
        if search is not None:
            search.write(site_dir, synonyms)
    except (SearchIndexError, AnalyserMissing) as error:
        raise PluginError(str(error)) from None
    finally:
        if search is not None:
            search.close()


def _wait_for(*children: Background | None) -> None:
    for child in children:
        if child is not None:
            child.wait()


def _index_parts(parts: dict[str, str], site_dir: Path, synonyms) -> None:
    search = SearchIndex()
    try:
        for url, part in parts.items():
            search.add(url, part)
        search.write(site_dir, synonyms)
    finally:
        search.close()


def on_build_error(error: Exception) -> None:
    _stop_unfinished()


def _stop_unfinished() -> None:
    global _search, _publish
    _publish = None
    if _search is not None:
        _search.close()
        _search = None
