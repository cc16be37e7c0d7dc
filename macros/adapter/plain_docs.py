"""The site as a plain docs folder, for a builder without our hook or mkdocs-macros (issue #17).

    python -m macros.adapter.plain_docs KANSIO [--site-dir KANSIO]

Writes KANSIO/docs/ and KANSIO/mkdocs.yml: the written pages with their macro calls already
rendered, every generated page as a Markdown file holding its finished article HTML, the JSON
Schemas and the theme's extra assets. Every page is written as `<its URL>/index.md`: our links are
relative to the page's URL, MkDocs leaves links in HTML alone, and Zensical resolves every relative
link from the source file's folder; only when the two folders are the same do both builders agree. Material's successor Zensical reads such a folder
(scripts/zensical-build). The MkDocs build does not use this module: it keeps its hook.
Only the command reads mkdocs.yml through MkDocs; write_plain_docs needs no MkDocs.
"""

from __future__ import annotations

import argparse
import functools
import posixpath
import re
import shutil
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import yaml
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from macros.data.catalog import Catalog, load_catalog
from macros.data.problems import DataError
from macros.pages.output import GeneratedPage, PublishedFile, SiteSettings, write_files
from macros.pages.render import render
from macros.pages.site import MissingRecord, at_macro, generated_pages
from macros.publish.files import FRAGMENTS, linked_files, published_files

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
ASSETS = ROOT / "overrides" / "assets"  # the theme's extra CSS, scripts and images (mkdocs.yml extra_css)
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
# A Markdown link to a relative target (not a scheme, an absolute path or an anchor).
_RELATIVE_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|/|#)([^)\s]+)\)")


@dataclass(frozen=True)
class PlainSite:
    """What the folder's mkdocs.yml says; the command copies it from the project's mkdocs.yml."""

    name: str
    description: str = ""
    site_url: str = ""
    nav: tuple = ()
    theme: tuple[tuple[str, object], ...] = (("name", "material"), ("language", "fi"), ("font", False))
    extra_css: tuple[str, ...] = ()
    extra_javascript: tuple = ()
    markdown_extensions: tuple = ()
    site_dir: str = ""  # empty: the builder's default, `site` beside mkdocs.yml


def write_plain_docs(catalog: Catalog, settings: SiteSettings, out_dir: Path, site: PlainSite | None = None, docs_dir: Path = DOCS) -> list[GeneratedPage]:
    """Write out_dir/docs and out_dir/mkdocs.yml; returns the generated pages written."""
    docs = out_dir / "docs"
    shutil.rmtree(docs, ignore_errors=True)  # a record removed from the data leaves no old page
    _copy_written_pages(catalog, settings, docs_dir, docs)
    if ASSETS.is_dir():
        shutil.copytree(ASSETS, docs / "assets", dirs_exist_ok=True)
    pages = generated_pages(catalog, settings)
    # Open data, the feed, embed cards and redirects are static files to any builder.
    write_files([*map(plain_page, pages), *linked_files(catalog, settings), *published_files(catalog, settings, [page.url for page in pages])], docs)
    (out_dir / "mkdocs.yml").write_text(config_text(site or PlainSite(settings.publisher.name)), encoding="utf-8")
    return pages


def plain_page(page: GeneratedPage) -> PublishedFile:
    """A generated page as Markdown: front matter and the article, which is HTML to its last
    heading (macros.pages.output.article), so Markdown passes it through unchanged."""
    text = render("plain_page.md.j2", title=page.meta["title"], description=page.meta["description"], article=Markup(page.html))
    return PublishedFile(f"{page.url}index.md", text)


def _copy_written_pages(catalog: Catalog, settings: SiteSettings, source: Path, target: Path) -> None:
    for path in sorted(source.rglob("*")):
        if path.is_dir():
            continue
        relative = path.relative_to(source).as_posix()
        destination = target / (own_folder(relative) if path.suffix == ".md" else relative)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            text = relocated_links(rendered_page(catalog, settings, path, relative), relative)
            destination.write_text(text, encoding="utf-8")
        else:
            shutil.copy2(path, destination)


def own_folder(relative: str) -> str:
    """Where a docs/ page goes in the folder: 'tietoa.md' -> 'tietoa/index.md'; index pages stay."""
    return page_url(relative) + "index.md"


def relocated_links(text: str, relative: str) -> str:
    """The Markdown links of the page at docs/`relative`, pointing from its place in the folder to
    their targets' places. Both builders resolve these links from the source file; links in
    HTML are relative to the URL, which does not change, and stay."""
    old_folder, new_folder = posixpath.dirname(relative), posixpath.dirname(own_folder(relative))

    def relocated(found: re.Match) -> str:
        target, hash_sign, anchor = found[1].partition("#")
        path = posixpath.normpath(posixpath.join(old_folder, target))
        path = own_folder(path) if path.endswith(".md") else path
        return f"]({posixpath.relpath(path, new_folder or '.')}{hash_sign}{anchor})"

    return _RELATIVE_LINK.sub(relocated, text)


def rendered_page(catalog: Catalog, settings: SiteSettings, path: Path, relative: str) -> str:
    """A written page with its macro calls replaced by their HTML, as mkdocs-macros would:
    only pages that opt in (`render_macros: true`), only the text after the front matter."""
    text = path.read_text(encoding="utf-8")
    found = _FRONT_MATTER.match(text)
    if not found or not (yaml.safe_load(found[1]) or {}).get("render_macros"):
        return text
    try:
        body = _environment().from_string(text[found.end():]).render(macros_for(catalog, settings, page_url(relative)))
    except MissingRecord as error:
        raise at_macro(error, path, ROOT) from None
    return text[: found.end()] + body


def page_url(relative: str) -> str:
    """The directory URL of a docs/ page: 'index.md' -> '', 'menetelmat/index.md' -> 'menetelmat/', 'tietoa.md' -> 'tietoa/'."""
    stem = relative.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def macros_for(catalog: Catalog, settings: SiteSettings, here: str) -> dict:
    """The macros a written page may call: the same functions mkdocs_macros.py gives mkdocs-macros."""
    return {name: partial(fragment, catalog, here, settings) for name, fragment in FRAGMENTS.items()}


@functools.cache
def _environment() -> Environment:
    """Like mkdocs.yml's macros plugin: strict, unescaped (fragments are HTML), and `{## ##}`
    comments so that `{#id}` stays a Markdown heading id."""
    return Environment(undefined=StrictUndefined, keep_trailing_newline=True, comment_start_string="{##", comment_end_string="##}")


def config_text(site: PlainSite) -> str:
    """The folder's mkdocs.yml: only keys both MkDocs and Zensical read; no plugins, no hooks."""
    config: dict = {"site_name": site.name, "docs_dir": "docs", "theme": dict(site.theme)}
    optional = {
        "site_description": site.description,
        "site_url": site.site_url,
        "site_dir": site.site_dir,
        "extra_css": list(site.extra_css),
        "extra_javascript": list(site.extra_javascript),
        "markdown_extensions": list(site.markdown_extensions),
        "nav": list(site.nav),
    }
    config.update({key: value for key, value in optional.items() if value})
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def site_from_mkdocs(config, site_dir: str = "") -> PlainSite:
    """The project's mkdocs.yml (a loaded MkDocsConfig) as the folder's settings."""
    theme = {"name": "material", "language": config.theme["language"], "font": config.theme["font"]}
    if config.theme.get("palette"):
        theme["palette"] = config.theme["palette"]
    return PlainSite(
        name=config.site_name,
        description=config.site_description or "",
        site_url=config.site_url or "",
        nav=tuple(_moved_nav(config.nav or [])),
        theme=tuple(theme.items()),
        extra_css=tuple(config.extra_css),
        extra_javascript=tuple(_script(s) for s in config.extra_javascript),
        markdown_extensions=tuple(_extension(name, config.mdx_configs) for name in config.markdown_extensions),
        site_dir=site_dir,
    )


def _moved_nav(nav):
    """mkdocs.yml's nav with each page at its place in the folder (own_folder)."""
    if isinstance(nav, str):
        return own_folder(nav) if nav.endswith(".md") and "://" not in nav else nav
    if isinstance(nav, dict):
        return {title: _moved_nav(item) for title, item in nav.items()}
    return [_moved_nav(item) for item in nav]


def _script(script) -> str | dict:
    path = getattr(script, "path", str(script))
    return {"path": path, "defer": True} if getattr(script, "defer", False) else path


def _extension(name: str, configs: dict) -> str | dict:
    return {name: configs[name]} if configs.get(name) else name


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.adapter.plain_docs", description="Kirjoittaa sivuston tavallisena docs-kansiona ilman makroja.")
    parser.add_argument("kansio", type=Path)
    parser.add_argument("--site-dir", type=Path, help="mihin rakentaja kirjoittaa sivuston (oletus: KANSIO/site)")
    options = parser.parse_args(argv)
    # Settings and data folder come from mkdocs.yml exactly as the MkDocs build reads them.
    from mkdocs.config import load_config

    from macros.adapter.mkdocs_adapter import data_dir_of, settings_for

    config = load_config(str(ROOT / "mkdocs.yml"))
    try:
        catalog = load_catalog(data_dir_of(config))
        site = site_from_mkdocs(config, str(options.site_dir.resolve()) if options.site_dir else "")
        pages = write_plain_docs(catalog, settings_for(config), options.kansio.resolve(), site)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except MissingRecord as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Kirjoitettu {options.kansio}: {len(pages)} generoitua sivua ja kansion docs/ sivut, makrot valmiina.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
