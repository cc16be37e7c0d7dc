"""Open data: the validated records written as JSON and CSV files on the site, with schemas.

The JSON keeps the Finnish field names of the data files, so the editors' field guide
describes it too, and adds `osoite`, the record's page. Each export's JSON Schema is
generated from macros.data.schema like the editors' schemas. The CSV is for spreadsheets:
UTF-8 with BOM and semicolons, as Excel expects in Finland.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterator

from macros.data import json_schema
from macros.data.catalog import Catalog, schema_collection
from macros.data.schema import Kind, RecordSpec
from macros.pages import urls
from macros.pages.output import PublishedFile, SiteSettings
from macros.publish import hsds

DIRECTORY = "data/"
LICENCE = {"nimi": "CC BY 4.0", "osoite": "https://creativecommons.org/licenses/by/4.0/deed.fi"}
LIST_SEPARATOR = " | "  # between values of a list in one CSV cell
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # free text starting so would run as a formula


@dataclass(frozen=True)
class Export:
    name: str  # file name stem and the JSON key of the record list
    title: str
    collection: str
    page: Callable[[str], str] | None = None  # the record's page URL from its id


EXPORTS = (
    Export("menetelmat", "Menetelmät", "menetelmat", urls.method),
    Export("palvelut", "Palvelut liikennevalomallin mukaan", "palvelut", urls.service),
    Export("toimijat", "Toimijat: menetelmien omistajat, kouluttajat ja palvelujen järjestäjät", "toimijat", urls.organisation),
    Export("kayttotilanne", "Menetelmien käyttötilanne alueilla vuosittain", "kayttotilanne"),
    Export("alueet", "Alueet", "alueet", urls.area),
    Export("lahteet", "Lähteet", "lahteet"),
)


def exports(catalog: Catalog, settings: SiteSettings, published: set[str]) -> Iterator[PublishedFile]:
    for export in EXPORTS:
        spec = schema_collection(export.collection).spec
        rows = [_row(export, spec, record, settings, published) for record in records_of(catalog, export)]
        yield PublishedFile(f"{DIRECTORY}{export.name}.json", _records_json(rows, _heading(export), export.name))
        yield PublishedFile(f"{DIRECTORY}{export.name}.csv", csv_text(export, spec, rows))
        yield PublishedFile(f"{DIRECTORY}{export.name}.schema.json", _json(export_schema(export, spec)))
    for name, items in hsds.documents(catalog, settings, published).items():
        yield PublishedFile(f"{DIRECTORY}{name}", _records_json(items))


def records_of(catalog: Catalog, export: Export) -> list:
    if export.collection == "kayttotilanne":
        return list(catalog.observations)
    return sorted(catalog.collections[export.collection].values(), key=lambda r: r.id)


def plain(record, spec: RecordSpec) -> dict:
    """A record as its data file has it: Finnish keys, ISO dates, empty fields left out."""
    out: dict = {}
    for field in spec.fields:
        value = getattr(record, field.attr)
        if value is None or value == ():
            continue
        if isinstance(field.kind, RecordSpec):
            value = [plain(v, field.kind) for v in value] if field.many else plain(value, field.kind)
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, date):
            value = value.isoformat()
        out[field.key] = value
    return out


def _row(export: Export, spec: RecordSpec, record, settings: SiteSettings, published: set[str]) -> dict:
    row = plain(record, spec)
    if export.page and export.page(record.id) in published:
        row["osoite"] = settings.absolute(export.page(record.id)) or export.page(record.id)
    return row


def _heading(export: Export) -> dict:
    """What an export's JSON says before its records (`export.name`: the list of them)."""
    return {"nimi": export.title, "lisenssi": LICENCE, "luotu": date.today().isoformat()}


def export_schema(export: Export, spec: RecordSpec) -> dict:
    record = json_schema.record_schema(spec)
    record["properties"]["osoite"] = {"type": "string", "minLength": 1, "description": "Tietueen sivu tällä sivustolla"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{DIRECTORY}{export.name}.json",
        "type": "object",
        "properties": {
            "nimi": {"type": "string"},
            "lisenssi": {"type": "object", "properties": {"nimi": {"type": "string"}, "osoite": {"type": "string"}}},
            "luotu": {"type": "string", "format": "date"},
            export.name: {"type": "array", "items": record},
        },
        "required": ["nimi", "lisenssi", "luotu", export.name],
        "additionalProperties": False,
    }


def csv_columns(export: Export, spec: RecordSpec) -> list[str]:
    return ([] if export.page is None else ["osoite"]) + [field.key for field in spec.fields]


def csv_text(export: Export, spec: RecordSpec, rows: list[dict]) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # BOM: Excel then reads the file as UTF-8, so ä and ö show right
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    columns = csv_columns(export, spec)
    free_text = {f.key for f in spec.fields if f.kind in (Kind.LINE, Kind.TEXT)}
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column), column in free_text) for column in columns])
    return buffer.getvalue()


def _cell(value: object, free_text: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = LIST_SEPARATOR.join(value)
    elif isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)  # nested entries, e.g. asiakaspolku, stay whole
    text = str(value)
    return "'" + text if free_text and text.startswith(_FORMULA_STARTS) else text


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _records_json(records: list[dict], heading: dict | None = None, key: str = "") -> str:
    """A list of records as JSON, one record a line (under `key` after `heading`, if given): a diff of
    two exports shows the records that changed, and Python encodes each line with its fast encoder.
    (Its indenting encoder is pure Python: at national scale, seconds and hundreds of megabytes of
    pieces before the text is joined.)"""
    lines = ",\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    listed = f"[\n{lines}\n]" if records else "[]"
    if heading is None:
        return listed + "\n"
    fields = "".join(f"{json.dumps(name)}: {json.dumps(value, ensure_ascii=False)},\n" for name, value in heading.items())
    return f"{{\n{fields}{json.dumps(key)}: {listed}\n}}\n"
