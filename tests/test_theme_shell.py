"""Theme shells (macros/adapter/theme_shell.py): a generated page filled into a shell of the theme's
template is byte for byte the page the whole template would have made."""

from __future__ import annotations

from dataclasses import dataclass, field

import jinja2

from conftest import SITE_URL, build_site, record_file, replace_in
from macros.adapter.theme_shell import ShellCache

# A template that does what Material's does with a page: prints values raw and escaped, joins a
# list, branches on the article's h1, and includes the toc partial.
TEMPLATES = {
    "main.html": (
        "<title>{{ page.meta.title }}</title><link href=\"{{ page.canonical_url }}\">"
        "{% if page.toc | first is defined %}<a href=\"{{ (page.toc | first).url }}\">ohita</a>{% endif %}"
        "<nav>{{ nav_html }}</nav>{% include 'partials/toc.html' %}"
        "<article>{% if '<h1' not in page.content %}<h1>{{ page.title }}</h1>{% endif %}{{ page.content }}</article>"
        "<p data-k>{{ page.meta.avainsanat | join(', ') | e }}</p><span data-t=\"{{ page.meta.taso | e }}\"></span>"
    ),
    "partials/language.html": "{% macro t(key) %}{{ key }}{% endmacro %}",
    "partials/toc.html": "<ul>{% for item in page.toc %}<li><a href=\"{{ item.url }}\">{{ item.title }}</a></li>{% endfor %}</ul>",
}


@dataclass
class Heading:
    title: str
    url: str
    level: int = 2
    children: list = field(default_factory=list)


@dataclass
class FakePage:
    title: str
    content: str
    meta: dict
    toc: list
    url: str
    canonical_url: str = ""
    previous_page: object = None
    next_page: object = None
    parent: object = None
    is_homepage: bool = False

    def __post_init__(self) -> None:
        self.canonical_url = "https://esimerkki.fi/" + self.url


def page(number: int, keywords: list[str], name: str | None = None) -> FakePage:
    name = name or f"Palvelu {number}"
    return FakePage(name, f"<p>Teksti {number}</p>", {"title": name, "avainsanat": keywords, "taso": "vihrea"},
                    [Heading("Kenelle", "#kenelle"), Heading(f"Osio {number}", f"#osio-{number}")], f"palvelut/p-{number}/")


def test_filled_pages_equal_whole_renders_and_the_shell_is_used():
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES))
    template, cache = env.get_template("main.html"), ShellCache(env)
    pages = [page(n, [f"sana {n}", "neuvola"]) for n in range(6)]
    pages += [page(6, ["äiti & isä", "<b>"]), page(7, ["x"], name='Perhe "koti" & <koulu>')]
    for each in pages:
        context = {"page": each, "nav_html": "<li>Menetelmät</li>"}
        assert cache.render(template, context, each) == template.render(context), each.url
    [shell] = cache.shells.values()
    assert shell is not None and shell.checked == 2  # two compared, the rest filled
    assert "meta_avainsanat" not in shell.raw and shell.separators["meta_avainsanat"] == ", "
    assert {"title", "content", "meta_title"} <= shell.raw


def test_a_shape_the_shell_gets_wrong_is_retired_after_its_first_page():
    """A template value the stand-ins do not cover (here: the page's own slug in a data attribute)
    makes the compared pages differ; the shape is then rendered whole for every page."""
    templates = {**TEMPLATES, "main.html": TEMPLATES["main.html"] + "{{ page.url | replace('palvelut/', '') | upper }}"}
    env = jinja2.Environment(loader=jinja2.DictLoader(templates))
    template, cache = env.get_template("main.html"), ShellCache(env)
    for each in (page(n, ["a"]) for n in range(4)):
        context = {"page": each, "nav_html": ""}
        assert cache.render(template, context, each) == template.render(context)
    assert list(cache.shells.values()) == [None]


def test_the_site_built_with_shells_is_the_site_built_without(data_copy, tmp_path):
    """Every HTML file of the real site, with names and abbreviations the template escapes."""
    replace_in(record_file(data_copy, "palvelut", "neuvola-pohjois-savo"), "nimi: Neuvola", "nimi: 'Neuvola & \"perhe\"'")
    replace_in(record_file(data_copy, "menetelmat", "lapset-puheeksi"), "lyhenne: LP", "lyhenne: L&P")
    shells = build_site(data_copy, tmp_path / "kuoret", SITE_URL=SITE_URL)
    whole = build_site(data_copy, tmp_path / "kokonaan", SITE_URL=SITE_URL, SITE_THEME_SHELLS="false")
    assert shells.result.returncode == 0 and whole.result.returncode == 0, shells.output + whole.output
    pages = sorted(p.relative_to(shells.site) for p in shells.site.rglob("*.html"))
    assert len(pages) > 200 and pages == sorted(p.relative_to(whole.site) for p in whole.site.rglob("*.html"))
    different = [str(p) for p in pages if (shells.site / p).read_bytes() != (whole.site / p).read_bytes()]
    assert different == []
    assert "Neuvola &amp; &#34;perhe&#34;" in (shells.site / "palvelut/neuvola-pohjois-savo/index.html").read_text(encoding="utf-8")
