"""The editors' form: Sveltia CMS's configuration, made from the schema the validator reads.

Every data file and field of macros.data.schema becomes a collection and a form field with the
schema's Finnish label and help text, its required flag, its pattern and its limits. Choices
come from the data: a vocabulary of sanasto.yml, or a short list of another file, is a select
whose options are the current terms; a reference to records kept one file each is a relation
field the editor searches by name. There is no second copy of the fields anywhere: a field
added to the schema appears in the form at the next build.

The form writes the fields of a record in the schema's order and leaves out the empty optional
ones; macros.data.formatting writes the repository's files the same way, so a form save that
changes one field changes one line in git.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from macros.data.catalog import Catalog
from macros.data.json_schema import URL_PATTERN
from macros.data.schema import FILES, Collection, DataFile, Field, Kind, RecordSpec
from macros.data.validate import CODE, PHONE, SLUG
from macros.pages import urls
from macros.pages.output import PublishedFile, SiteSettings
from macros.pages.render import render
from macros.publish.editor_bundle import bundle_files


_SLUG_HINT = "Vain pienet kirjaimet a–z, numerot ja väliviivat, esim. lapset-puheeksi"
_PHONE_HINT = "Vain numeroita, välilyöntejä ja alussa +-merkki"
_PARAGRAPHS = ". Jokainen rivinvaihto aloittaa sivulla uuden kappaleen."
_URL_HINT = "Osoitteen pitää alkaa https://, http://, mailto: tai tel:"

# Where each record kind has its page, for the form's "view on the site" link.
_PAGES = {name: page("{{slug}}") for name, page in urls.RECORD_PAGES.items()}


DATA = "data"  # the data folder as the repository names it (messages and edit links name it so too)


def cms_config(catalog: Catalog, settings: SiteSettings) -> dict:
    """The whole configuration."""
    backend: dict = {"name": "github", "repo": settings.github_repository or "", "branch": settings.branch, "auth_methods": ["token"],
                     "squash_merges": True, "commit_messages": _COMMIT_MESSAGES}
    config = {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "app_title": f"{settings.publisher.name}: tietojen muokkaus",
        "media_folder": f"{DATA}/liitteet",  # required by the form; no field takes a file
        "slug": {"encoding": "ascii", "clean_accents": True},  # an id from a name: a–z only (the form writes ä as ae)
        "output": {"omit_empty_optional_fields": True, "yaml": {"quote": "none", "indent_size": 2, "indent_sequences": True}},
        "collections": [_collection(spec, catalog) for spec in FILES],
    }
    if settings.site_url:
        config["site_url"] = config["display_url"] = settings.site_url
    return config


_COMMIT_MESSAGES = {
    "create": "Uusi tietue {{collection}}: {{slug}} (lomake)",
    "update": "Muokattu {{collection}}: {{slug}} (lomake)",
    "delete": "Poistettu {{collection}}: {{slug}} (lomake)",
}


def _collection(spec: DataFile, catalog: Catalog) -> dict:
    path = f"{DATA}/{spec.path}"
    if spec.folder:
        return _folder_collection(spec, catalog, path)
    if spec.keyed:
        fields = [_list_field(c, catalog, required=True) for c in spec.sections]
    else:
        fields = [{**_list_field(spec.sections[0], catalog, required=False), "root": True}]
    name = PurePosixPath(spec.path).stem
    return {"name": name, "label": spec.label, "description": spec.guidance,
            "files": [{"name": name, "label": spec.label, "file": path, "format": "yml", "fields": fields}]}


def _folder_collection(spec: DataFile, catalog: Catalog, folder: str) -> dict:
    collection = spec.sections[0]
    result = {
        "name": collection.name,
        "label": collection.label,
        "label_singular": collection.spec.noun,
        "description": spec.guidance,
        "folder": folder,
        "extension": "yml",
        "format": "yml",
        "identifier_field": "nimi",
        "summary": "{{nimi}}",
        "slug": {"template": "{{nimi}}", "editable": ["create"], "pattern": [SLUG.pattern, _SLUG_HINT],
                 "hint": f"Tunniste tulee verkko-osoitteeseen, eikä sitä voi lomakkeella muuttaa tallentamisen jälkeen. {_SLUG_HINT}."},
        "sortable_fields": {"fields": [k for k in ("nimi", "paivitetty", "tarkistettu") if collection.spec.field(k)], "default": {"field": "nimi"}},
        "fields": [_field(f, catalog) for f in collection.spec.fields if f.key != "id"],  # a record's id is its file's name
    }
    if collection.name in _PAGES:
        result["preview_path"] = _PAGES[collection.name]
    return result


def _list_field(collection: Collection, catalog: Catalog, required: bool) -> dict:
    """A list of records in one file: each item a group of the record's fields."""
    spec = collection.spec
    return {"name": collection.name, "label": collection.label, "widget": "list", "required": required, "collapsed": True,
            "summary": _summary(spec), "fields": [_field(f, catalog) for f in spec.fields]}


def _summary(spec: RecordSpec) -> str:
    """How a collapsed item of a list is named: by its name, else by its first fields."""
    keys = ["nimi"] if spec.field("nimi") else [f.key for f in spec.fields[:3]]
    return " / ".join("{{fields." + key + "}}" for key in keys)


def _field(field: Field, catalog: Catalog) -> dict:
    hint = field.help + (_PARAGRAPHS if field.kind is Kind.TEXT else "")
    base = {"name": field.key, "label": field.label, "hint": hint, "required": field.required, **({"readonly": True} if field.machine else {})}
    if isinstance(field.kind, RecordSpec):
        nested = [_field(f, catalog) for f in field.kind.fields]
        if not field.many:
            return {**base, "widget": "object", "collapsed": "auto", "fields": nested}
        return {**base, "widget": "list", "collapsed": "auto", "summary": _summary(field.kind), "fields": nested, **_at_least_one(field)}
    widget = _widget(field, catalog)
    if not field.many:
        return {**base, **widget}
    if widget["widget"] in ("select", "relation"):
        return {**base, **widget, "multiple": True, **_at_least_one(field)}
    return {**base, "widget": "list", "field": {"name": field.key, "label": field.label, **widget}, **_at_least_one(field)}


def _at_least_one(field: Field) -> dict:
    return {"min": 1} if field.required else {}


def _widget(field: Field, catalog: Catalog) -> dict:
    kind = field.kind
    if kind is Kind.SLUG and field.ref:
        return _reference(field.ref, catalog)
    if kind is Kind.SLUG:
        return {"widget": "string", "pattern": [SLUG.pattern, _SLUG_HINT]}
    if kind in (Kind.LINE, Kind.TEXT):
        return {"widget": "string" if kind is Kind.LINE else "text", **({"maxlength": field.max_length} if field.max_length else {})}
    if kind is Kind.DATE:
        return {"widget": "datetime", "type": "date", "format": "YYYY-MM-DD",
                **({"default": "{{now}}"} if field.required else {})}
    if kind is Kind.URL:
        return {"widget": "string", "type": "url", "pattern": [URL_PATTERN, _URL_HINT]}
    if kind is Kind.PHONE:
        return {"widget": "string", "pattern": [PHONE.pattern, _PHONE_HINT]}
    if kind is Kind.CODE:
        return {"widget": "string", "pattern": [CODE.pattern, "Kaksi tai kolme numeroa, esim. 091"]}
    if kind in (Kind.INT, Kind.YEAR):
        limits = {"min": field.minimum} if field.minimum is not None else {}
        if field.maximum is not None:
            limits["max"] = field.maximum
        return {"widget": "number", "value_type": "int", **limits}
    if kind is Kind.CHOICE:
        return {"widget": "select", "options": list(field.choices)}
    raise ValueError(f"kentän '{field.key}' lajille {kind} ei ole lomakkeen kenttää")


def _reference(target: str, catalog: Catalog) -> dict:
    """A record of a folder is searched by name; a term or a short list's item is picked from a select."""
    holder = next(spec for spec in FILES for c in spec.sections if c.name == target)
    if holder.folder:
        return {"widget": "relation", "collection": target, "value_field": "{{slug}}",
                "search_fields": ["nimi"], "display_fields": ["{{nimi}}"]}
    records = catalog.collections[target].values()
    return {"widget": "select", "options": [{"label": _option_label(record), "value": record.id} for record in records]}


def _option_label(record: object) -> str:
    name = getattr(record, "name", None) or getattr(record, "title", None) or record.id  # type: ignore[attr-defined]
    return f"{name} ({record.id})" if name != record.id else name  # type: ignore[attr-defined]


# Only this site and GitHub's API; styles inline because the form's components inject their own.
POLICY = ("default-src 'self'; connect-src 'self' data: https://api.github.com; img-src 'self' data: blob:; "
          "style-src 'self' 'unsafe-inline'; font-src 'self'; script-src 'self'; worker-src 'self' blob:; "
          "object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'none'")


def editor_files(catalog: Catalog, settings: SiteSettings) -> list[PublishedFile]:
    """The form's page, its configuration and the program, under muokkaa/. Without a GitHub
    repository to save to, the page only says how to set one."""
    repo = settings.github_repository
    page = render("editor_form.html.j2", policy=POLICY, publisher=settings.publisher.name, repository=repo)
    files = [PublishedFile(f"{urls.EDITOR}index.html", page)]
    if repo:
        config = json.dumps(cms_config(catalog, settings), ensure_ascii=False, indent=1)
        files += [PublishedFile(f"{urls.EDITOR}config.json", config + "\n"), *bundle_files(urls.EDITOR)]
    return files
