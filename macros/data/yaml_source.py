"""Read one YAML data file into plain values that remember their positions.

PyYAML's safe loader is close to what editors need, with three surprises removed:
- it keeps the last of two equal keys silently; here that is a problem to report;
- YAML 1.1 turns `no`, `on`, `yes` into booleans; here only true/false are booleans;
- it turns 2022-06-01 into a date object; here dates stay text and the validator
  parses them where a field asks for a date, so "2022-13-01" gets a clear message.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from macros.data.problems import Position, Problem


class Mapping(dict):
    """A YAML mapping with the position of itself, its keys and its values."""

    position: Position
    key_positions: dict[str, Position]
    value_positions: dict[str, Position]


class Sequence(list):
    """A YAML sequence with the position of itself and of each item."""

    position: Position
    item_positions: list[Position]


_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_DROPPED_TAGS = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}


# libyaml's parser when PyYAML has it (several times faster); the same behaviour either way.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type, misc]
    """Safe loader with YAML 1.2-like scalars and positions on every collection."""

    display_name = "?"
    problems: list[Problem]

    def position(self, node: yaml.Node) -> Position:
        mark = node.start_mark
        return Position(self.display_name, mark.line + 1, mark.column + 1)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))


_STR, _INT, _NULL, _BOOL_TAG = (f"tag:yaml.org,2002:{name}" for name in ("str", "int", "null", "bool"))


def _build(loader: _Loader, node: yaml.Node, path: tuple[int, ...] = ()) -> Any:
    """Plain values from the composed nodes. Walking the nodes directly is several times faster
    than PyYAML's generic constructor, which matters at national scale (10 000 services)."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value
        if node.tag == _INT and node.value.isdigit():
            return int(node.value)
        if node.tag == _NULL:
            return None
        if node.tag == _BOOL_TAG:
            return node.value.lower() == "true"
        return loader.construct_object(node, deep=True)  # floats and the rare rest
    if id(node) in path:
        raise yaml.constructor.ConstructorError(None, None, "found undefined alias", node.start_mark)
    path = (*path, id(node))
    if isinstance(node, yaml.SequenceNode):
        result = Sequence(_build(loader, child, path) for child in node.value)
        result.position = loader.position(node)
        result.item_positions = [loader.position(child) for child in node.value]
        return result
    return _mapping(loader, node, path)


def _mapping(loader: _Loader, node: yaml.MappingNode, path: tuple[int, ...]) -> Mapping:
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


def load_yaml(path: Path, display_name: str) -> tuple[Any, list[Problem]]:
    """Parse a file; return its document (None when unusable) and the problems found."""
    start = Position(display_name, 1, 1)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(start, "tiedostoa ei löydy")]
    except UnicodeDecodeError:
        return None, [Problem(start, "tiedosto ei ole UTF-8-muodossa; tallenna se UTF-8-merkistöllä")]
    try:
        loader = _Loader(text)  # the reader refuses control characters already here
    except yaml.reader.ReaderError as error:
        return None, [Problem(start, f"tiedostossa on merkki, jota YAML ei salli (merkki {error.character!r}, kohta {error.position}); poista se")]
    loader.display_name = display_name
    loader.problems = []
    try:
        node = loader.get_single_node()
        document = None if node is None else _build(loader, node)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, display_name)]
    except yaml.YAMLError as error:
        return None, [Problem(start, f"YAML-muoto on rikki: {error}")]
    finally:
        loader.dispose()
    if document is None:
        return None, [Problem(start, "tiedosto on tyhjä")]
    return document, loader.problems


def _syntax_problem(error: yaml.MarkedYAMLError, display_name: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    where = Position(display_name, mark.line + 1, mark.column + 1) if mark else Position(display_name, 1, 1)
    reason = _SYNTAX_HINTS.get(error.problem or "", error.problem or "tuntematon syy")
    return Problem(where, f"YAML-muoto on rikki: {reason}. Tarkista sisennykset, kaksoispisteet ja lainausmerkit")


_SYNTAX_HINTS = {
    "mapping values are not allowed here": "kaksoispiste väärässä paikassa (laita teksti lainausmerkkeihin)",
    "mapping values are not allowed in this context": "kaksoispiste väärässä paikassa (laita teksti lainausmerkkeihin)",
    "found character that cannot start any token": "merkki, jolla arvo ei voi alkaa (sarkain tai @ tai `); käytä välilyöntejä ja lainausmerkkejä",
    "found character '\\t' that cannot start any token": "sarkainmerkki; käytä sisennyksessä välilyöntejä",
    "could not find expected ':'": "kaksoispiste puuttuu",
    "found undefined alias": "tuntematon viittaus (*)",
}
