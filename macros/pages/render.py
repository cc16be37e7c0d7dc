"""The Jinja environment for our templates: YAML text is always escaped, never evaluated.

Autoescape is on for every template, so `<script>` from a data file prints as text.
Data values are passed in as variables and never compiled as templates, so `{{ 7*7 }}`
in a data file prints as written. Braces are additionally written as character
references, so no later Jinja pass (such as mkdocs-macros on a page) can evaluate them.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from macros.data.levels import LEVEL_INFO
from macros.pages import urls
from macros.pages.method_facets import MAX_COMPARED

TEMPLATES = Path(__file__).parent / "templates"
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def text(value: object) -> Markup:
    """Escape a data value for HTML, with Jinja delimiters neutralised too."""
    escaped = escape(value)
    if "{" not in escaped and "}" not in escaped:
        return escaped  # most values: no second copy (a national build escapes a million of them)
    return Markup(str(escaped).replace("{", "&#123;").replace("}", "&#125;"))


def paragraphs(value: str) -> Markup:
    """Plain text from YAML as <p> elements: each line break starts a paragraph."""
    parts = [part for part in _PARAGRAPH_BREAK.split(value.strip()) if part]
    return Markup("\n").join(Markup("<p>{}</p>").format(text(part)) for part in parts)


def finnish_date(value: date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown heading ids are written `{#id}`; keep `{#` free for them.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.finalize = _finalize
    env.filters.update(paragraphs=paragraphs, fi_date=finnish_date)
    env.globals.update(LEVEL_INFO=LEVEL_INFO, MAX_COMPARED=MAX_COMPARED, EDITOR=urls.EDITOR)
    return env


def _finalize(value: object) -> object:
    """Every {{ value }} that is not already markup goes through `text`."""
    if value is None or isinstance(value, Markup):
        return value
    return text(value)


_environment: Environment | None = None


def render(template: str, **context: object) -> str:
    global _environment
    if _environment is None:
        _environment = make_environment()
    return _environment.get_template(template).render(**context)
