"""The editors' form's program and fonts, served from the site itself.

Sveltia CMS is one JavaScript bundle from the npm registry (pinned in package-lock.json). As
published, it loads three fonts from cdn.jsdelivr.net, its Finnish UI strings from unpkg.com
and, every hour, its own latest version number from unpkg.com. The build copies the bundle
into the site with those addresses pointed at copies beside it: the fonts from their fontsource
npm packages (the same files the CDN serves), the UI strings from the package's own locales/.
Anything else the bundle could load from elsewhere (code highlighting, maps, GitHub's status
page) is for features the form does not use, and the page's Content-Security-Policy refuses it.

If a new version of the bundle writes these addresses differently, the build stops and says so:
it never publishes a form that would quietly call a CDN.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from macros.pages.output import PublishedFile

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ROOT / "node_modules"
CMS = PACKAGES / "@sveltia" / "cms"

# Each font address in the bundle, and the npm package file with the same font.
FONTS = {
    "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2":
        "@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2":
        "@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2":
        "@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2",
}
# The package's address on unpkg as the bundle names it in a template literal: `${base}@${version}/locales`.
_LOCALES = re.compile(r"`\$\{(\w+)\}@\$\{\w+\}/locales`")
_UNPKG = "https://unpkg.com/@sveltia/cms"


class BundleError(RuntimeError):
    """The bundle is missing, or no longer names its addresses as this module expects."""


def version() -> str:
    return json.loads(_read(CMS / "package.json"))["version"]


def bundle_files(directory: str) -> list[PublishedFile]:
    """The bundle, its code-split chunks, the fonts and the UI strings, under `directory`."""
    files = [PublishedFile(f"{directory}sveltia-cms.js", local_bundle(_read(CMS / "dist" / "sveltia-cms.js")))]
    files += [PublishedFile(f"{directory}chunks/{path.name}", path.read_bytes()) for path in sorted((CMS / "dist" / "chunks").glob("*.js"))]
    files += [PublishedFile(f"{directory}fonts/{Path(package_file).name}", (PACKAGES / package_file).read_bytes()) for package_file in FONTS.values()]
    files += [PublishedFile(f"{directory}locales/{path.name}", path.read_bytes()) for path in sorted((CMS / "locales").glob("*.json"))]
    files.append(PublishedFile(f"{directory}package.json", json.dumps({"name": "@sveltia/cms", "version": version()}) + "\n"))
    return files


def local_bundle(text: str) -> str:
    """The bundle with every address it loads fonts, UI strings and version checks from made
    relative to the form's page, where bundle_files puts the copies."""
    for address, package_file in FONTS.items():
        text = _replace_once(text, address, f"fonts/{Path(package_file).name}")
    found = _LOCALES.findall(text)
    if len(found) != 1 or f"{found[0]}=`{_UNPKG}`" not in text:
        raise BundleError(f"lomakkeen ohjelma ({CMS.name} {version()}) ei enää nimeä käyttöliittymän tekstien osoitetta "
                          "muodossa `${…}@${…}/locales`; päivitä macros/publish/editor_bundle.py")
    base = found[0]
    text = _LOCALES.sub("`./locales`", text)
    return _replace_once(text, f"`${{{base}}}/package.json`", "`./package.json`")


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise BundleError(f"lomakkeen ohjelmassa ei ole täsmälleen yhtä osoitetta {old!r}; päivitä macros/publish/editor_bundle.py")
    return text.replace(old, new)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BundleError(f"toimittajan lomakkeen paketti puuttuu ({path.relative_to(ROOT)}); asenna npm-paketit: bash scripts/npm-packages") from None
