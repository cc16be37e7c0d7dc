"""Write every data file as the editors' form would save it, so hand edits and form edits agree.

    python -m macros.data.formatting [datakansio] [--tarkista]

The form (Sveltia CMS, configured by macros.publish.editor_form) saves a record with its fields
in the schema's order, leaves out the optional fields that are empty, trims every text and puts
keys the schema does not know after the known ones, in natural order. It writes the YAML with
macros.data.yaml_output's rules. This module does the same to the repository's files; CI checks
that they are already so (`--tarkista`), so saving a record in the form unchanged changes nothing
and a one-field edit changes that field's lines only.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from macros.data.schema import FILES, DataFile, RecordSpec
from macros.data.yaml_output import dump
from macros.data.yaml_source import load_yaml


SHOWN = 20  # files named in the check's message; the rest are counted


def canonical_record(record: dict, spec: RecordSpec, without: tuple[str, ...] = ()) -> dict:
    """The record's fields in the schema's order (nested records too), empty optional ones left
    out, then the keys the schema does not know in natural order."""
    result: dict = {}
    for field in spec.fields:
        if field.key not in record or field.key in without:
            continue
        value = record[field.key]
        if isinstance(field.kind, RecordSpec):
            nested = field.kind
            value = [canonical_record(v, nested) if isinstance(v, dict) else _plain(v) for v in value] if isinstance(value, list) else (
                canonical_record(value, nested) if isinstance(value, dict) else _plain(value))
        else:
            value = _plain(value)
        if field.required or not _empty(value):
            result[field.key] = value
    known = {f.key for f in spec.fields}
    for key in sorted((k for k in record if k not in known), key=natural):
        result[key] = _plain(record[key])
    return result


def _plain(value: object) -> object:
    """A value outside the schema's knowledge, as the form keeps it: texts trimmed, mappings'
    keys in natural order (the form flattens a record to key paths and sorts unknown ones)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(value[k]) for k in sorted(value, key=natural)}
    return value


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def natural(key: str) -> tuple:
    """Order like the form's collator: case ignored, numbers by value ('kohta2' before 'kohta10')."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", str(key)))


def canonical(document: object, spec: DataFile) -> object:
    """A whole data file (or one record's file of a folder) in the form's shape."""
    if spec.folder:
        return canonical_record(document, spec.sections[0].spec, without=("id",)) if isinstance(document, dict) else document
    if spec.keyed:
        if not isinstance(document, dict):
            return document
        names = [c.name for c in spec.sections]
        ordered = {c.name: _records(document[c.name], c.spec) for c in spec.sections if c.name in document}
        return {**ordered, **{k: _plain(document[k]) for k in sorted(document, key=natural) if k not in names}}
    return _records(document, spec.sections[0].spec)


def _records(items: object, spec: RecordSpec) -> object:
    if not isinstance(items, list):
        return items
    return [canonical_record(item, spec) if isinstance(item, dict) else _plain(item) for item in items]


def data_paths(data_dir: Path) -> list[tuple[Path, DataFile]]:
    """Every data file with its definition: list files and each record file of the folders."""
    found = []
    for spec in FILES:
        path = data_dir / spec.path
        if spec.folder:
            found += [(each, spec) for each in sorted(path.glob("*.yml"))]
        elif path.exists():
            found.append((path, spec))
    return found


def formatted(path: Path, spec: DataFile) -> str | None:
    """The file's text as the form would save it; None when the file cannot be read as YAML."""
    document, problems = load_yaml(path, path.name)
    if document is None or any(p.message.startswith("YAML-muoto") for p in problems):
        return None
    return dump(canonical(document, spec))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.data.formatting",
                                     description="Kirjoittaa datatiedostot samassa muodossa kuin toimittajan lomake.")
    parser.add_argument("datakansio", nargs="?", default=Path(__file__).resolve().parents[2] / "data", type=Path)
    parser.add_argument("--tarkista", action="store_true", help="älä kirjoita; kerro, mitkä tiedostot poikkeavat")
    options = parser.parse_args(argv)
    differing, unreadable = [], []
    for path, spec in data_paths(options.datakansio):
        text = formatted(path, spec)
        shown = f"data/{path.relative_to(options.datakansio)}"
        if text is None:
            unreadable.append(shown)
        elif path.read_text(encoding="utf-8") != text:
            differing.append(shown)
            if not options.tarkista:
                path.write_text(text, encoding="utf-8")
    for shown in unreadable:
        print(f"{shown}: YAML-muoto on rikki; korjaa se ensin (python -m macros.data.check kertoo rivin)", file=sys.stderr)
    if options.tarkista and differing:
        print(f"{len(differing)} tiedostoa ei ole lomakkeen muodossa; aja: python -m macros.data.formatting", file=sys.stderr)
        print("\n".join(differing[:SHOWN] + ([f"… ja {len(differing) - SHOWN} muuta"] if len(differing) > SHOWN else [])), file=sys.stderr)
        return 1
    if differing:
        print(f"Muotoiltu {len(differing)} tiedostoa.")
    return 1 if unreadable else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
