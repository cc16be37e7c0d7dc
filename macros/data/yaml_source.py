"""Read one YAML data file into plain values that remember their positions.

PyYAML's safe loader is close to what editors need, with three surprises removed:
- it keeps the last of two equal keys silently; here that is a problem to report;
- it reads YAML 1.1, where `no`, `on`, `yes` are booleans, `1_000` and `1:30` numbers and `<<`
  a merge; here plain words are read as YAML 1.2's core schema reads them, as the editors' form
  (Sveltia CMS, which writes YAML 1.2 and quotes only what 1.2 would misread) expects: only
  true/false are booleans, numbers are what they look like, everything else is text;
- it turns 2022-06-01 into a date object; here dates stay text and the validator
  parses them where a field asks for a date, so "2022-13-01" gets a clear message.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from macros.data.problems import Position, Problem
from macros.data.schema import SLUG


class Mapping(dict):
    """A YAML mapping with the position of itself, its keys and its values."""

    position: Position
    key_positions: dict[str, Position]
    value_positions: dict[str, Position]


class Sequence(list):
    """A YAML sequence with the position of itself and of each item."""

    position: Position
    item_positions: list[Position]
    unreadable: tuple[str, ...] = ()  # a folder's: ids of record files that could not be read


# YAML 1.2 core schema: the only plain scalars that are not text (yaml.org/spec/1.2.2, 10.3.2).
_CORE = {
    "null": (r"^(?:~|null|Null|NULL|)$", "~nN"),
    "bool": (r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    "int": (r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    "float": (r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$", "-+.0123456789"),
}


class _Positions:
    """Safe loading with YAML 1.2-like scalars and positions on every collection."""

    display_name = "?"
    problems: list[Problem]
    stood_in = False  # the text had characters that YAML 1.1 reads as line breaks

    def position(self, node: yaml.Node) -> Position:
        mark = node.start_mark
        return Position(self.display_name, mark.line + 1, mark.column + 1)

    def resolve(self, kind, value, implicit):
        """PyYAML's resolve, for the plain scalars of our core schema (no path resolvers): asked
        once for every value, half a million times at national scale."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, pattern in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if pattern.match(value):
                        return tag
            return _STR
        return super().resolve(kind, value, implicit)


class _PythonLoader(_Positions, yaml.SafeLoader):
    pass


# libyaml's parser when PyYAML has it: several times faster. It refuses a few things YAML allows that
# the form writes (a line of `|` text that begins with a tab), so a file it cannot read is read again
# by PyYAML's own parser, which can; its message is the one reported when neither can.
_Loader = type("_Loader", (_Positions, yaml.CSafeLoader), {}) if hasattr(yaml, "CSafeLoader") else _PythonLoader


for _class in {_Loader, _PythonLoader}:
    _class.yaml_implicit_resolvers = {}
    for _name, (_pattern, _first) in _CORE.items():
        _class.add_implicit_resolver(f"tag:yaml.org,2002:{_name}", re.compile(_pattern), [*_first, *([""] if _name == "null" else [])])


# YAML 1.1 (PyYAML, libyaml) reads NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as line breaks; in
# YAML 1.2 they are text, and text pasted from a word processor has them. They are read as
# private-use stand-ins (one character for one, so positions stay) and given back in the text.
_STOOD_IN = str.maketrans({"\x85": "\ue085", "\u2028": "\ue028", "\u2029": "\ue029"})
_RESTORED = str.maketrans({"\ue085": "\x85", "\ue028": "\u2028", "\ue029": "\u2029"})

_STR, _INT, _FLOAT, _NULL, _BOOL_TAG = (f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "null", "bool"))


def _build(loader: _Positions, node: yaml.Node, path: tuple[int, ...] = ()) -> Any:
    """Plain values from the composed nodes. Walking the nodes directly is several times faster
    than PyYAML's generic constructor, which matters at national scale (10 000 services)."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value.translate(_RESTORED) if loader.stood_in else node.value
        if node.tag == _INT:
            return _integer(node.value)
        if node.tag == _NULL:
            return None
        if node.tag == _BOOL_TAG:
            return node.value.lower() == "true"
        if node.tag == _FLOAT:
            return _float(node.value)
        return loader.construct_object(node, deep=True)  # an explicit tag (!!binary …): the rare rest
    if id(node) in path:
        raise yaml.constructor.ConstructorError(None, None, "found undefined alias", node.start_mark)
    path = (*path, id(node))
    if isinstance(node, yaml.SequenceNode):
        result = Sequence(_build(loader, child, path) for child in node.value)
        result.position = loader.position(node)
        result.item_positions = [loader.position(child) for child in node.value]
        return result
    return _mapping(loader, node, path)


def _integer(text: str) -> int:
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)


def _float(text: str) -> float:
    special = text.lower().replace(".", "")  # .inf, -.Inf, .NaN
    return float(special if special.lstrip("+-") in ("inf", "nan") else text)


def _mapping(loader: _Positions, node: yaml.MappingNode, path: tuple[int, ...]) -> Mapping:
    loader.flatten_mapping(node)
    result = Mapping()
    result.position = loader.position(node)
    result.key_positions = {}
    result.value_positions = {}
    for key_node, value_node in node.value:
        key = _build(loader, key_node, path)
        where = loader.position(key_node)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            first = result.key_positions[key]
            loader.problems.append(
                Problem(where, f"avain '{key}' on jo annettu rivillä {first.line}; poista toinen")
            )
            continue
        result[key] = _build(loader, value_node, path)
        result.key_positions[key] = where
        result.value_positions[key] = loader.position(value_node)
    return result


# Parsed files by path, kept while a preview runs (remember_parsed): an edit re-parses one file.
_parsed: dict[Path, tuple[tuple[int, int], str, tuple[Any, list[Problem]]]] | None = None


def remember_parsed() -> None:
    """Keep every parsed file for as long as this process lives; one that changes is parsed again."""
    global _parsed
    if _parsed is None:
        _parsed = {}


def remembers_parsed() -> bool:
    return _parsed is not None


def load_yaml(path: Path, display_name: str) -> tuple[Any, list[Problem]]:
    """Parse a file; return its document (None when unusable) and the problems found."""
    if _parsed is None:
        return _load_yaml(path, display_name)
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        return _load_yaml(path, display_name)
    known = _parsed.get(path)
    if known is None or known[0] != stamp or known[1] != display_name:
        known = _parsed[path] = (stamp, display_name, _load_yaml(path, display_name))
    return known[2]


def _load_yaml(path: Path, display_name: str) -> tuple[Any, list[Problem]]:
    start = Position(display_name, 1, 1)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(start, "tiedostoa ei löydy")]
    except UnicodeDecodeError:
        return None, [Problem(start, "tiedosto ei ole UTF-8-muodossa; tallenna se UTF-8-merkistöllä")]
    stood_in = any(chr(c) in text for c in _STOOD_IN)
    if stood_in:
        text = text.translate(_STOOD_IN)
    document, problems = _parse(_Loader, text, display_name, stood_in)
    if problems and _Loader is not _PythonLoader and problems[0].message.startswith(_BROKEN):
        document, problems = _parse(_PythonLoader, text, display_name, stood_in)
    if document is None and not problems:
        return None, [Problem(start, "tiedosto on tyhjä")]
    return document, problems


_BROKEN = "YAML-muoto on rikki"


def _parse(loader_class: type, text: str, display_name: str, stood_in: bool) -> tuple[Any, list[Problem]]:
    start = Position(display_name, 1, 1)
    try:
        loader = loader_class(text)  # the reader refuses control characters already here
    except yaml.reader.ReaderError as error:
        return None, [Problem(start, f"tiedostossa on merkki, jota YAML ei salli (merkki {error.character!r}, kohta {error.position}); poista se")]
    loader.display_name = display_name
    loader.stood_in = stood_in
    loader.problems = []
    try:
        node = loader.get_single_node()
        document = None if node is None else _build(loader, node)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, display_name)]
    except yaml.YAMLError as error:
        return None, [Problem(start, f"{_BROKEN}: {error}")]
    finally:
        loader.dispose()
    return document, loader.problems


def _syntax_problem(error: yaml.MarkedYAMLError, display_name: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    where = Position(display_name, mark.line + 1, mark.column + 1) if mark else Position(display_name, 1, 1)
    reason = _SYNTAX_HINTS.get(error.problem or "", error.problem or "tuntematon syy")
    return Problem(where, f"{_BROKEN}: {reason}. Tarkista sisennykset, kaksoispisteet ja lainausmerkit")


_SYNTAX_HINTS = {
    "mapping values are not allowed here": "kaksoispiste väärässä paikassa (laita teksti lainausmerkkeihin)",
    "mapping values are not allowed in this context": "kaksoispiste väärässä paikassa (laita teksti lainausmerkkeihin)",
    "found character that cannot start any token": "merkki, jolla arvo ei voi alkaa (sarkain tai @ tai `); käytä välilyöntejä ja lainausmerkkejä",
    "found character '\\t' that cannot start any token": "sarkainmerkki; käytä sisennyksessä välilyöntejä",
    "could not find expected ':'": "kaksoispiste puuttuu",
    "found undefined alias": "tuntematon viittaus (*)",
}


def read_folder(folder: Path, display_name: str, share: tuple[int, int] = (0, 1)) -> tuple[Sequence | None, list[Problem]]:
    """A folder of records, one file each named by the record's id, read as if it were one file
    listing them: each record gets its id from its file's name, and positions name its own file.
    `share` (k, n) reads the k-th of n runs of its files in name order, for n processes to share."""
    start = Position(f"{display_name}/", 1, 1)
    if not folder.is_dir():
        return None, [Problem(start, "kansio puuttuu; jokainen tietue on tässä kansiossa omana tiedostonaan")]
    records = Sequence()
    records.position, records.item_positions = start, []
    problems: list[Problem] = []
    unreadable = []
    paths = sorted(folder.iterdir())
    part, parts = share
    for path in paths[len(paths) * part // parts:len(paths) * (part + 1) // parts]:
        where = Position(f"{display_name}/{path.name}", 1, 1)
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix != ".yml":
            problems.append(Problem(where, "kansiossa on vain .yml-tiedostoja, yksi tietue kussakin; nimeä tiedosto uudelleen tai siirrä se pois"))
            continue
        if not SLUG.match(path.stem):
            problems.append(Problem(where, f"tiedoston nimi '{path.stem}' on tietueen tunniste, eikä se kelpaa: käytä pieniä kirjaimia a–z, numeroita ja väliviivoja (esim. lapset-puheeksi.yml)"))
            continue
        document, found = load_yaml(path, where.file)
        problems += found
        if document is None:
            unreadable.append(path.stem)  # reported already; references to it are not errors of their own
            continue
        if not isinstance(document, Mapping):
            problems.append(Problem(where, "tiedoston pitää koostua kentistä muodossa 'kenttä: arvo'"))
            continue
        if "id" in document:
            problems.append(Problem(document.key_positions["id"], f"kenttä 'id' ei kuulu tiedostoon: tunniste on tiedoston nimi ('{path.stem}'); poista rivi"))
        records.append(_named(document, path.stem, where))
        records.item_positions.append(document.position)
    records.unreadable = tuple(unreadable)
    return records, problems


def _named(document: Mapping, record_id: str, where: Position) -> Mapping:
    """_with_id, the same object again for a file parsed before (remember_parsed): its record need not be built again."""
    if _parsed is None:
        return _with_id(document, record_id, where)
    known = _named_before.get(where)
    if known is None or known[0] is not document:
        known = _named_before[where] = (document, _with_id(document, record_id, where))
    return known[1]


_named_before: dict[Position, tuple[Mapping, Mapping]] = {}  # by file: an edit replaces its entry


def _with_id(record: Mapping, record_id: str, where: Position) -> Mapping:
    """The record with its file's name as its `id`, first as a list file would have it."""
    named = Mapping({"id": record_id, **{k: v for k, v in record.items() if k != "id"}})
    named.position = record.position
    named.key_positions = {"id": where, **record.key_positions}
    named.value_positions = {"id": where, **record.value_positions}
    return named
