"""Write plain values as YAML exactly as the editors' form (Sveltia CMS) writes a data file.

The form saves a whole file with the `yaml` library (eemeli/yaml 2.x, YAML 1.2) and these
options: two-space indents, sequences indented under their key, no line folding
(`lineWidth: 0`), plain scalars wherever YAML 1.2 reads them back as the same text, single
quotes when quoting is needed, `|` blocks for text of several lines. When the repository's
files are written the same way, a form save that changes one field changes one line in git,
and a hand edit and a form edit of the same content are the same bytes.

This is a port of the parts of that library's `stringify` our values reach (mappings with
text keys, sequences, text, integers, booleans, null); tests/test_yaml_output.py compares it
with the library itself on generated values.
"""

from __future__ import annotations

import json
import math
import re

INDENT = "  "

# What a plain scalar may not be or contain (stringifyString.js: plainString).
_NOT_PLAIN = re.compile(r"^[\n\t ,\[\]{}#&*!|>'\"%@`]|^[?-]\Z|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]\Z")
# Plain text that YAML 1.2's core schema would read as something else (null, bool, int, float).
_CORE_VALUE = re.compile(
    r"^(?:~|[Nn]ull|NULL)?\Z|^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)\Z|^0o[0-7]+\Z|^[-+]?[0-9]+\Z|^0x[0-9a-fA-F]+\Z"
    r"|^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)\Z|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+\Z"
    r"|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)\Z"
)
# A line that starts a document; JavaScript's multiline ^ also follows \r, U+2028 and U+2029.
_DOCUMENT_MARKER = re.compile("(?:^|(?<=[\n\r\u2028\u2029]))(?:%|---|\\.\\.\\.)")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLOCK_END_NEWLINES = re.compile(r"(^|(?<!\n))\n+(?!\n|\Z)")
_JSON_ESCAPES = {"0000": "\\0", "0007": "\\a", "000b": "\\v", "001b": "\\e", "0085": "\\N", "00a0": "\\_", "2028": "\\L", "2029": "\\P"}
_ARRAY_INDEX = re.compile(r"^(?:0|[1-9][0-9]*)\Z")
_MIN_MULTILINE_DOUBLE = 40  # doubleQuotedMinMultiLineLength


def dump(document: object) -> str:
    """The text of a whole data file, as the form saves it (ending in one newline)."""
    return _node(document, "", key=False).strip() + "\n"


def _node(value: object, indent: str, key: bool) -> str:
    if isinstance(value, dict):
        return _mapping(value, indent)
    if isinstance(value, (list, tuple)):
        return _sequence(value, indent)
    if isinstance(value, str):
        return _string(value, indent, key)
    return _scalar(value)


def _mapping(mapping: dict, indent: str) -> str:
    if not mapping:
        return "{}"
    named = {str(k): v for k, v in mapping.items()}
    return f"\n{indent}".join(_pair(k, named[k], indent + INDENT) for k in _javascript_order(named))


def _javascript_order(mapping: dict[str, object]) -> list[str]:
    """The form holds a record as a JavaScript object, whose keys that look like array indices
    ("0", "12") come first in numeric order, then the rest as written."""
    keys = list(mapping)
    indices = sorted((k for k in keys if _ARRAY_INDEX.match(k) and int(k) < 2**32 - 1), key=int)
    return indices + [k for k in keys if k not in indices]


def _sequence(items: list | tuple, indent: str) -> str:
    if not items:
        return "[]"
    return f"\n{indent}".join("- " + _node(item, indent + INDENT, key=False) for item in items)


def _pair(key: str, value: object, indent: str) -> str:
    written = _node(value, indent, key=False)
    if isinstance(value, (dict, list, tuple)) and value:
        return f"{_string(key, indent, key=True)}:\n{indent}{written}"
    return f"{_string(key, indent, key=True)}: {written}"


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _number(value)
    raise TypeError(f"YAML-muotoon ei voi kirjoittaa arvoa {value!r}")


def _number(value: float) -> str:
    """A float as JavaScript's JSON.stringify writes it (only the common cases)."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return re.sub(r"e([+-])0*(\d)", r"e\1\2", repr(value))


def _string(value: str, indent: str, key: bool) -> str:
    if _CONTROL.search(value):
        return _double_quoted(value, indent, key)
    return _plain(value, indent, key)


def _plain(value: str, indent: str, key: bool) -> str:
    if key and "\n" in value:
        return _quoted(value, indent, key)
    if _NOT_PLAIN.search(value):
        return _quoted(value, indent, key) if key or "\n" not in value else _block(value, indent, key)
    if not key and "\n" in value:
        return _block(value, indent, key)
    if _DOCUMENT_MARKER.search(value) and key and indent == INDENT:
        return _quoted(value, indent, key)
    if _CORE_VALUE.search(value):
        return _quoted(value, indent, key)
    return value


def _quoted(value: str, indent: str, key: bool) -> str:
    """Single quotes, unless the text has a single quote and no double one."""
    if "'" in value and '"' not in value:
        return _double_quoted(value, indent, key)
    return _single_quoted(value, indent, key)


def _single_quoted(value: str, indent: str, key: bool) -> str:
    if key and "\n" in value or re.search(r"[ \t]\n|\n[ \t]", value):
        return _double_quoted(value, indent, key)
    indent = indent or ("  " if _DOCUMENT_MARKER.search(value) else "")
    text = value.replace("'", "''")
    return "'" + re.sub(r"\n+", lambda m: m.group(0) + "\n" + indent, text) + "'"


def _double_quoted(value: str, indent: str, key: bool) -> str:
    encoded = json.dumps(value, ensure_ascii=False)
    indent = indent or ("  " if _DOCUMENT_MARKER.search(value) else "")
    out, start, i = [], 0, 0
    while i < len(encoded):
        ch = encoded[i]
        if ch == " " and encoded[i + 1 : i + 3] == "\\n":
            out.append(encoded[start:i] + "\\ ")  # a space before a line break would be folded away
            i += 1
            start = i
            ch = "\\"
        if ch == "\\":
            following = encoded[i + 1] if i + 1 < len(encoded) else ""
            if following == "u":
                out.append(encoded[start:i])
                code = encoded[i + 2 : i + 6]
                out.append(_JSON_ESCAPES.get(code) or ("\\x" + code[2:] if code.startswith("00") else encoded[i : i + 6]))
                i += 5
                start = i + 1
            elif following == "n":
                if key or encoded[i + 2 : i + 3] == '"' or len(encoded) < _MIN_MULTILINE_DOUBLE:
                    i += 1
                else:  # written as a real line break: an empty line inside double quotes is one newline
                    out.append(encoded[start:i] + "\n\n")
                    while encoded[i + 2 : i + 4] == "\\n" and encoded[i + 4 : i + 5] != '"':
                        out.append("\n")
                        i += 2
                    out.append(indent)
                    if encoded[i + 2 : i + 3] == " ":
                        out.append("\\")
                    i += 1
                    start = i + 1
            else:
                i += 1
        i += 1
    return "".join(out) + encoded[start:] if start else encoded


def _block(value: str, indent: str, key: bool) -> str:
    """A `|` block: text of several lines, each line as it is."""
    if re.search(r"\n[\t ]+\Z", value):
        return _quoted(value, indent, key)
    indent = indent or ("  " if _DOCUMENT_MARKER.search(value) else "")
    if not value:
        return "|\n"
    end_start = len(value)
    while end_start > 0 and value[end_start - 1] in "\n\t ":
        end_start -= 1
    end = value[end_start:]
    newline_at = end.find("\n")
    if newline_at == -1:
        chomp = "-"
    elif value == end or newline_at != len(end) - 1:
        chomp = "+"
    else:
        chomp = ""
    if end:
        value = value[: -len(end)]
        if end.endswith("\n"):
            end = end[:-1]
        end = _BLOCK_END_NEWLINES.sub(lambda m: m.group(0) + indent, end)
    starts_with_space, newline_pos, start_end = False, -1, 0
    while start_end < len(value) and value[start_end] in " \n":
        if value[start_end] == " ":
            starts_with_space = True
        else:
            newline_pos = start_end
        start_end += 1
    start = value[: newline_pos + 1]
    if start:
        value = value[len(start):]
        start = re.sub(r"\n+", lambda m: m.group(0) + indent, start)
    header = ("2" if indent else "1") * starts_with_space + chomp
    body = re.sub(r"\n+", lambda m: m.group(0) + indent, value)
    return f"|{header}\n{indent}{start}{body}{end}"
