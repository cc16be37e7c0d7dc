"""Turn the loaded YAML of one file into typed records, collecting every problem.

Checks here need only the record itself (shape, types, formats). Checks across
records and files (duplicate ids, references) live in macros.data.catalog.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from macros.data.problems import Position, Problem
from macros.data.records import Draft, Origin
from macros.data.schema import SLUG, DataFile, Field, Kind, RecordSpec
from macros.data import yaml_source
from macros.data.yaml_source import Mapping, Sequence

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PHONE = re.compile(r"^\+?[0-9](?:[0-9 -]{1,18}[0-9])$")  # 112 is a phone number too
CODE = re.compile(r"^[0-9]{2,3}$")  # Statistics Finland's region (2 digits) and municipality (3) codes
ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")


def did_you_mean(word: str, choices: list[str]) -> str:
    """A suggestion for a misspelt or shortened id: the closest match, else one that starts with the word."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6) or sorted(c for c in choices if c.startswith(word))[:1]
    return f" (tarkoititko '{close[0]}'?)" if close else ""


@dataclass
class _Context:
    today: date
    problems: list[Problem]

    def report(self, where: Position, message: str) -> None:
        self.problems.append(Problem(where, message))


@dataclass
class FileResult:
    records: dict[str, list]  # collection name -> valid records
    items: dict[str, list[Mapping]]  # collection name -> every record as written, valid or not
    problems: list[Problem]


def validate_file(document: Any, spec: DataFile, position: Position, today: date) -> FileResult:
    """Records of each collection in the file, and the problems found."""
    context = _Context(today, [])
    result = FileResult({}, {}, context.problems)
    for collection, items in _sections(document, spec, position, context):
        result.records[collection.name] = _records(items, collection.spec, context)
        result.items[collection.name] = [item for item in items if isinstance(item, Mapping)]
    return result


def _sections(document: Any, spec: DataFile, position: Position, context: _Context):
    if not spec.keyed:
        if not isinstance(document, Sequence):
            context.report(position, "tiedoston pitää olla luettelo tietueita: jokainen alkaa rivillä '- id: …'")
            return
        yield spec.sections[0], document
        return
    names = [collection.name for collection in spec.sections]
    if not isinstance(document, Mapping):
        context.report(position, f"tiedoston pitää koostua osioista: {', '.join(names)}")
        return
    for key in document:
        if key not in names:
            context.report(document.key_positions[key], f"tuntematon osio '{key}'{did_you_mean(key, names)}; sallitut osiot: {', '.join(names)}")
    for collection in spec.sections:
        items = document.get(collection.name)
        if items is None:
            context.report(document.position, f"osio '{collection.name}' puuttuu")
        elif not isinstance(items, Sequence):
            context.report(document.value_positions[collection.name], f"osion '{collection.name}' pitää olla luettelo, jonka rivit alkavat '- '")
        else:
            yield collection, items


def _records(items: Sequence, spec: RecordSpec, context: _Context) -> list:
    result = []
    for item, where in zip(items, items.item_positions):
        if not isinstance(item, Mapping):
            context.report(where, f"{spec.noun}: tietueen pitää koostua kentistä muodossa 'kenttä: arvo'")
            continue
        record = _built(item, spec, context)
        if record is not None:
            result.append(record)
    return result


# In a preview (yaml_source.remember_parsed) an unchanged file gives the very same document again,
# and its record is the one built last time: an edit builds one record, not 10 000.
# Kept by the item's place in its file, so an edit replaces its entry rather than adding one.
_built_before: dict[Position, tuple[Mapping, RecordSpec, date, object]] = {}


def _built(item: Mapping, spec: RecordSpec, context: _Context):
    if not yaml_source.remembers_parsed():
        return build_record(item, spec, context)
    known = _built_before.get(item.position)
    if known is not None and known[0] is item and known[1] is spec and known[2] == context.today:
        return known[3]
    before = len(context.problems)
    record = build_record(item, spec, context)
    if record is not None and len(context.problems) == before:
        _built_before[item.position] = (item, spec, context.today, record)
    return record


def record_label(item: Mapping, spec: RecordSpec) -> str:
    parts = [str(item.get(key, "?")) for key in spec.id_from]
    return f"{spec.noun} '{' / '.join(parts)}'"


def build_record(item: Mapping, spec: RecordSpec, context: _Context, label: str | None = None):
    """A typed record, or None when any of its fields has a problem. An imported record (one with
    `alkupera`) whose only fault is required fields still empty is a Draft, listing them."""
    label = label or record_label(item, spec)
    before = len(context.problems)
    imported = "alkupera" in item and spec.field("alkupera") is not None
    missing: list[str] = []
    keys = [field.key for field in spec.fields]
    for key in item:
        if spec.field(key) is None:
            context.report(item.key_positions[key], f"{label}: tuntematon kenttä '{key}'{did_you_mean(key, keys)}; sallitut kentät: {', '.join(keys)}")
    values: dict[str, Any] = {}
    positions: dict[str, Position] = {}
    for field in spec.fields:
        if field.key not in item:
            if field.required and imported:
                missing.append(field.key)
            elif field.required:
                context.report(item.position, f"{label}: pakollinen kenttä '{field.key}' puuttuu ({field.help})")
            continue
        if item[field.key] is None:
            context.report(item.key_positions[field.key], f"{label}: kenttä '{field.key}' on tyhjä; poista kenttä tai kirjoita arvo")
            continue
        where = item.value_positions[field.key]
        positions[field.key] = where
        values[field.attr] = _value(item[field.key], field, where, f"{label}: kenttä '{field.key}'", context, positions)
    if len(context.problems) > before:
        return None
    if missing:
        name = item.get("nimi") if isinstance(item.get("nimi"), str) else str(item.get("id"))
        return Draft(spec.noun, str(item.get("id")), name, tuple(missing), Origin(item.position, positions), values.get("import_origin"))
    return spec.record_type(**values, origin=Origin(item.position, positions))


def _value(raw: Any, field: Field, where: Position, label: str, context: _Context, positions: dict[str, Position]) -> Any:
    if isinstance(field.kind, RecordSpec) and not field.many:
        return _nested(raw, field.kind, where, label, context)
    if not field.many:
        return _scalar(raw, field, where, label, context)
    if not isinstance(raw, Sequence):
        context.report(where, f"{label} on luettelo: kirjoita jokainen arvo omalle rivilleen '- '-merkin jälkeen")
        return ()
    if field.required and not raw:
        context.report(where, f"{label} tarvitsee vähintään yhden arvon")
    items = []
    for index, (item, item_where) in enumerate(zip(raw, raw.item_positions)):
        positions[f"{field.key}[{index}]"] = item_where
        if isinstance(field.kind, RecordSpec):
            items.append(_nested(item, field.kind, item_where, f"{label}[{index + 1}]", context))
            continue
        value = _scalar(item, field, item_where, label, context)
        if value in items:
            context.report(item_where, f"{label}: arvo '{value}' on luettelossa kahdesti")
        items.append(value)
    return tuple(items)


def _nested(raw: Any, spec: RecordSpec, where: Position, label: str, context: _Context) -> Any:
    if not isinstance(raw, Mapping):
        context.report(where, f"{label} koostuu kentistä: {', '.join(f.key for f in spec.fields)}")
        return None
    return build_record(raw, spec, context, label)


def _scalar(raw: Any, field: Field, where: Position, label: str, context: _Context) -> Any:
    kind = field.kind
    if kind in (Kind.INT, Kind.YEAR):
        return _integer(raw, field, where, label, context)
    if not isinstance(raw, str):
        hint = "laita arvo lainausmerkkeihin" if isinstance(raw, (bool, int, float)) else "kirjoita yksi arvo"
        context.report(where, f"{label}: arvon pitää olla {kind.value} ({hint})")
        return None
    text = raw.strip()
    if not text:
        context.report(where, f"{label} on tyhjä; poista kenttä tai kirjoita arvo")
        return None
    if field.max_length and len(text) > field.max_length:
        context.report(where, f"{label} on liian pitkä ({len(text)} merkkiä, enintään {field.max_length})")
    if kind is Kind.CHOICE:
        return _choice(text, field, where, label, context)
    check = _CHECKS.get(kind)
    if check:
        return check(text, where, label, context)
    return text


def _choice(text: str, field: Field, where: Position, label: str, context: _Context) -> str:
    if text not in field.choices:
        allowed = ", ".join(field.choices)
        context.report(where, f"{label}: arvo '{text}' ei kelpaa{did_you_mean(text, list(field.choices))}; sallitut arvot: {allowed}")
    return text


def _integer(raw: Any, field: Field, where: Position, label: str, context: _Context) -> int | None:
    if isinstance(raw, bool) or not isinstance(raw, int):
        context.report(where, f"{label}: odotettiin kokonaislukua, saatiin '{raw}'")
        return None
    if field.kind is Kind.YEAR and raw > context.today.year:
        context.report(where, f"{label}: vuosi {raw} on tulevaisuudessa")
    elif field.minimum is not None and raw < field.minimum or field.maximum is not None and raw > field.maximum:
        context.report(where, f"{label}: arvon pitää olla välillä {field.minimum}–{field.maximum if field.maximum is not None else '…'}, saatiin {raw}")
    return raw


def _line(text: str, where: Position, label: str, context: _Context) -> str:
    if "\n" in text:
        context.report(where, f"{label} saa olla vain yksi rivi")
    return text


def _slug(text: str, where: Position, label: str, context: _Context) -> str:
    if not SLUG.match(text):
        context.report(where, f"{label}: tunniste '{text}' ei kelpaa; käytä pieniä kirjaimia a–z, numeroita ja väliviivoja (esim. lapset-puheeksi)")
    return text


def _date(text: str, where: Position, label: str, context: _Context) -> date | None:
    parsed = None
    if ISO_DATE.match(text):
        try:
            parsed = date.fromisoformat(text)
        except ValueError:
            pass
    if parsed is None:
        context.report(where, f"{label}: päivämäärä '{text}' ei kelpaa; kirjoita muodossa VVVV-KK-PP, esim. 2026-01-31")
        return None
    if parsed > context.today:
        context.report(where, f"{label}: päivämäärä {text} on tulevaisuudessa")
    return parsed


def _url(text: str, where: Position, label: str, context: _Context) -> str:
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES or any(c.isspace() for c in text) or scheme in ("http", "https") and not parts.netloc:
        context.report(where, f"{label}: osoite '{text}' ei kelpaa; sallittuja ovat vain https://-, http://-, mailto:- ja tel:-osoitteet")
    return text


def _code(text: str, where: Position, label: str, context: _Context) -> str:
    if not CODE.match(text):
        context.report(where, f"{label}: koodi '{text}' ei kelpaa; kirjoita kunnan numero kolmella numerolla (esim. '091') tai maakunnan kahdella, lainausmerkeissä")
    return text


def _phone(text: str, where: Position, label: str, context: _Context) -> str:
    if not PHONE.match(text):
        context.report(where, f"{label}: puhelinnumero '{text}' ei kelpaa; käytä vain numeroita, välilyöntejä ja alussa +-merkkiä")
    return text


_CHECKS = {Kind.LINE: _line, Kind.SLUG: _slug, Kind.DATE: _date, Kind.URL: _url, Kind.PHONE: _phone, Kind.CODE: _code}
