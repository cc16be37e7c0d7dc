"""JSON Schema for each data file, generated from macros.data.schema, the validator's own definitions.

Editors' tools (VS Code with the YAML extension, which .vscode/settings.json points at them)
use these to complete field names, show the Finnish help and flag mistakes while typing. The schemas know shapes, types, formats and allowed
values; whether a referenced id exists is checked by the validator only, so a schema never
needs regenerating when data changes.

`python -m macros.data.json_schema` rewrites the committed copies in schemas/ and .vscode/settings.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from macros.data.schema import FILES, DataFile, Field, Kind, RecordSpec
from macros.data.validate import ALLOWED_SCHEMES, CODE, PHONE, SLUG

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
SETTINGS = SCHEMA_DIR.parent / ".vscode" / "settings.json"
URL_PATTERN = r"^(?:https?://[^\s/]+\S*|mailto:\S+|tel:\S+)$"

assert set(ALLOWED_SCHEMES) == {"http", "https", "mailto", "tel"}, "keep URL_PATTERN in step with the validator"


def file_name(spec: DataFile) -> str:
    return spec.path.removesuffix(".yml") + ".schema.json"


def data_glob(spec: DataFile) -> str:
    """The files a schema is for, as editors' settings name them: data/menetelmat/*.yml."""
    return f"data/{spec.path}/*.yml" if spec.folder else f"data/{spec.path}"


def document_schema(spec: DataFile) -> dict:
    """The schema of one data file: a record (one file of a folder), a list of records, or named lists."""
    if spec.folder:
        body = record_schema(spec.sections[0].spec, without="id")  # the id is the file's name
    elif spec.keyed:
        body = {
            "type": "object",
            "properties": {c.name: _list_of(c.spec) for c in spec.sections},
            "required": [c.name for c in spec.sections],
            "additionalProperties": False,
        }
    else:
        body = _list_of(spec.sections[0].spec)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": data_glob(spec), **body}


def _list_of(spec: RecordSpec) -> dict:
    return {"type": "array", "items": record_schema(spec)}


def record_schema(spec: RecordSpec, without: str = "") -> dict:
    fields = [f for f in spec.fields if f.key != without]
    required = [f.key for f in fields if f.required]
    schema = {"type": "object", "description": spec.noun, "properties": {f.key: _field_schema(f) for f in fields}}
    if spec.field("alkupera"):  # an imported record may lack required fields: it is a draft
        schema |= {"if": {"required": ["alkupera"]}, "else": {"required": required}}
    else:
        schema["required"] = required
    return schema | {"additionalProperties": False}


def _field_schema(field: Field) -> dict:
    one = record_schema(field.kind) if isinstance(field.kind, RecordSpec) else _value_schema(field)
    if not field.many:
        return {**one, "description": field.help}
    array = {"type": "array", "items": one, "uniqueItems": True, "description": field.help}
    if field.required:
        array["minItems"] = 1
    return array


def _value_schema(field: Field) -> dict:
    kind = field.kind
    if kind in (Kind.INT, Kind.YEAR):
        schema: dict = {"type": "integer"}
        if field.minimum is not None:
            schema["minimum"] = field.minimum
        if field.maximum is not None:
            schema["maximum"] = field.maximum
        return schema
    if kind is Kind.CHOICE:
        return {"type": "string", "enum": list(field.choices)}
    schema = {"type": "string", "minLength": 1, "pattern": _PATTERNS.get(kind, r"\S")}
    if kind is Kind.DATE:
        schema["format"] = "date"
    if field.max_length:
        schema["maxLength"] = field.max_length
    return schema


_PATTERNS = {
    Kind.LINE: r"^[^\n]*\S[^\n]*$",
    Kind.SLUG: SLUG.pattern,
    Kind.DATE: r"^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$",  # the validator also rejects 30 February
    Kind.URL: URL_PATTERN,
    Kind.PHONE: PHONE.pattern,
    Kind.CODE: CODE.pattern,
}


def rendered(spec: DataFile) -> str:
    return json.dumps(document_schema(spec), ensure_ascii=False, indent=2) + "\n"


def editor_settings() -> str:
    """VS Code's settings that give each data file its schema (the YAML extension by Red Hat). The
    form rewrites whole files and drops comments, so a file cannot name its schema itself."""
    schemas = {f"schemas/{file_name(spec)}": [data_glob(spec)] for spec in FILES}
    return json.dumps({"yaml.schemas": schemas, "files.trimTrailingWhitespace": True, "files.insertFinalNewline": True,
                       "[yaml]": {"editor.tabSize": 2, "editor.insertSpaces": True}}, ensure_ascii=False, indent=2) + "\n"


def outputs() -> dict[Path, str]:
    written = {SCHEMA_DIR / file_name(spec): rendered(spec) for spec in FILES}
    written[SETTINGS] = editor_settings()
    return written


def main(argv: list[str]) -> int:
    """Write schemas/*.schema.json and the editor settings; with --check, only report whether they are current."""
    stale = []
    for path, text in outputs().items():
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(str(path.relative_to(SCHEMA_DIR.parent)))
        if "--check" not in argv:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale and "--check" in argv:
        print("Vanhentuneet skeemat: " + ", ".join(stale) + ". Aja: python -m macros.data.json_schema", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
