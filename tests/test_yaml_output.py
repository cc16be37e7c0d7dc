"""The data files are read as YAML 1.2 and written exactly as the editors' form writes them."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from macros.data.yaml_output import dump
from macros.data.yaml_source import load_yaml

REFERENCE = ROOT / "tests" / "tools" / "yaml_reference.mjs"


def _load_text(tmp_path: Path, text: str):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    document, problems = load_yaml(path, "data/x.yml")
    assert problems == []
    return document


@pytest.mark.parametrize("plain, value", [
    ("no", "no"), ("on", "on"), ("yes", "yes"), ("off", "off"), ("1_000", "1_000"), ("1:30", "1:30"),
    ("0b101", "0b101"), ("2026-11-23", "2026-11-23"), ("=", "="), ("<<", "<<"),
    ("true", True), ("False", False), ("12", 12), ("-3", -3), ("007", 7), ("0o17", 15), ("0x1F", 31),
    ("1.5", 1.5), ("1e3", 1000.0), ("~", None), ("null", None),
])
def test_plain_words_are_read_as_yaml_1_2_reads_them(tmp_path, plain, value):
    """YAML 1.1 (PyYAML's default) would read `no` as false, `1_000` as 1000 and `1:30` as 90; the form
    writes YAML 1.2 and leaves such words unquoted, so they must come back as the same text."""
    assert _load_text(tmp_path, f"a: {plain}\n")["a"] == value


def _reference(values: list) -> list[str]:
    result = subprocess.run(["node", str(REFERENCE)], input=json.dumps(values), capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# Characters that decide how a YAML scalar is written: indicators, quotes, spaces and breaks
# at either end, comment and mapping marks, document markers, control characters, Finnish letters.
_PIECES = ["a", "ä", "Ö", "1", "0", ".", "-", "?", ":", " ", "  ", "\t", "\n", "\n\n", "#", "'", '"', ",", "[", "]", "{", "}",
           "&", "*", "!", "|", ">", "%", "@", "`", "---", "...", "~", "x: y", "e3", "0x", "0o7", "true", "null", "\\", "\x07", "\x85", "\u2028",
           "Lapset puheeksi -keskustelu", "https://example.fi/a#b"]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 8)))


def _value(rng: random.Random, depth: int = 0):
    kind = rng.random()
    if depth < 3 and kind < 0.15:
        return {_text(rng) or "k": _value(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    if depth < 3 and kind < 0.3:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if kind < 0.35:
        return rng.choice([True, False, None, 0, 7, -12, 2026])
    return _text(rng)


def _documents() -> list:
    rng = random.Random(20261204)
    generated = [{"kentta": _value(rng), "lista": [_value(rng)], _text(rng) or "k": _value(rng)} for _ in range(3000)]
    real = []
    for path in sorted(DATA.rglob("*.yml")):
        document, _ = load_yaml(path, path.name)
        real.append(json.loads(json.dumps(document)))  # plain dicts and lists, as the form holds them
    return real + generated


def test_written_exactly_as_the_forms_yaml_library_writes_it():
    documents = _documents()
    expected = _reference(documents)
    differing = [(doc, want, dump(doc)) for doc, want in zip(documents, expected) if dump(doc) != want]
    assert not differing, f"{len(differing)} differ; the first: {differing[0][0]!r}\nform: {differing[0][1]!r}\nours: {differing[0][2]!r}"


def _trimmed(value):
    """The value as the form saves it: the form trims every text, so no saved text begins or ends
    with spaces or line breaks (and `|+` blocks at the end of a file lose their last lines)."""
    if isinstance(value, dict):
        return {k: _trimmed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_trimmed(v) for v in value]
    return value.strip() if isinstance(value, str) else value


def test_what_is_written_reads_back_as_the_same_values(tmp_path):
    """Also text that libyaml refuses (a line beginning with a tab), and NEL or U+2028 from a word
    processor, which YAML 1.1 readers take for line breaks."""
    for document in map(_trimmed, _documents()):
        assert _load_text(tmp_path, dump(document)) == document
