"""Editors' workflow: schemas agree with the validator, templates validate, stale data is flagged,
a failed build never replaces a good site, and no input makes the loader crash."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, ROOT, at, build_site, replace_in
from macros.data import catalog as catalog_module
from macros.data import json_schema, schema
from macros.data.catalog import load_catalog
from macros.data.freshness import months_before
from macros.data.problems import DataError, Position
from macros.data.validate import validate_file
from macros.data.yaml_source import load_yaml
from test_validation import TODAY, problems

FILES = {spec.path: spec for spec in schema.FILES}


def test_committed_schemas_are_current_and_published(site):
    result = subprocess.run([sys.executable, "-m", "macros.data.json_schema", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for spec in schema.FILES:
        name = json_schema.file_name(spec)
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert (site.site / "schemas" / name).read_text(encoding="utf-8") == committed
        assert (DATA / spec.path).read_text(encoding="utf-8").splitlines()[0] == f"# yaml-language-server: $schema=../schemas/{name}"


def _load(text: str, tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_yaml(path, f"data/{name}")


def _slug_key(spec) -> str:
    return next(f.key for f in spec.fields if f.required and f.kind is schema.Kind.SLUG and not f.many)


def _line_key(spec) -> str:
    """A one-value text field with a length limit: a line if the record has one, else a text."""
    limited = [f for f in spec.fields if f.kind in (schema.Kind.LINE, schema.Kind.TEXT) and f.max_length and not f.many]
    return min(limited, key=lambda f: f.kind is not schema.Kind.LINE).key


MUTATIONS = {
    "unknown key": lambda r, spec: r.update({"tuntematon": "x"}),
    "missing required": lambda r, spec: r.pop(_slug_key(spec)),
    "number for text": lambda r, spec: r.update({_slug_key(spec): 7}),
    "bad slug": lambda r, spec: r.update({_slug_key(spec): "Ä ä"}),
    "empty value": lambda r, spec: r.update({_slug_key(spec): None}),
    "list for text": lambda r, spec: r.update({_slug_key(spec): ["a"]}),
    "over-long": lambda r, spec: r.update({_line_key(spec): "x" * 5000}),
}


@pytest.mark.parametrize("path", sorted(FILES))
@pytest.mark.parametrize("mutation", [None, *MUTATIONS])
def test_json_schema_and_validator_agree(tmp_path, path, mutation):
    spec = FILES[path]
    document, found = load_yaml(DATA / path, f"data/{path}")
    assert not found
    document = json.loads(json.dumps(document))  # plain dicts and lists
    if mutation:
        section = spec.sections[0]
        record = document[section.name][0] if spec.keyed else document[0]
        MUTATIONS[mutation](record, section.spec)
    reloaded, found = _load(yaml.safe_dump(document, allow_unicode=True), tmp_path, path)
    ours = validate_file(reloaded, spec, Position(f"data/{path}", 1, 1), TODAY).problems + found
    theirs = list(jsonschema.Draft202012Validator(json_schema.document_schema(spec)).iter_errors(json.loads(json.dumps(reloaded))))
    assert (not ours) == (not theirs), (ours, [e.message for e in theirs])
    assert (mutation is None) == (not ours)


def test_typed_value_mutations_agree(tmp_path):
    """Dates, links, levels and phone numbers are checked alike by both."""
    bad = {
        "methods.yml": [("paivitetty", "2026-13-01"), ("verkkosivu", "javascript:alert(1)")],
        "services.yml": [("taso", "sininen"), ("puhelin", "soita"), ("ika_alkaen", "viisi")],
    }
    for path, changes in bad.items():
        spec = FILES[path]
        for key, value in changes:
            document, _ = load_yaml(DATA / path, f"data/{path}")
            document = json.loads(json.dumps(document))
            document[0][key] = value
            reloaded, _ = _load(yaml.safe_dump(document, allow_unicode=True), tmp_path, path)
            ours = validate_file(reloaded, spec, Position(f"data/{path}", 1, 1), TODAY).problems
            theirs = list(jsonschema.Draft202012Validator(json_schema.document_schema(spec)).iter_errors(json.loads(json.dumps(reloaded))))
            assert ours and theirs, (path, key)


@pytest.mark.parametrize(("template", "data_file", "collection"), [
    ("menetelma.yml", "methods.yml", "menetelmat"),
    ("palvelu.yml", "services.yml", "palvelut"),
    ("toimija.yml", "organisations.yml", "toimijat"),
])
def test_templates_validate_and_mention_every_field(data_copy, template, data_file, collection):
    text = (ROOT / "templates" / template).read_text(encoding="utf-8")
    spec = catalog_module.schema_collection(collection).spec
    for field in spec.fields:
        assert f"{field.key}:" in text, field.key
    with (data_copy / data_file).open("a", encoding="utf-8") as target:
        target.write("\n" + text)
    catalog = load_catalog(data_copy, today=TODAY)
    assert any(record_id.startswith("uusi-") for record_id in catalog.collections[collection])


def test_months_before():
    assert months_before(date(2026, 11, 23), 12) == date(2025, 11, 23)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 1) == date(2025, 12, 15)


def test_stale_records_are_warnings_in_the_check_and_listed_for_editors(data_copy, tmp_path):
    path = data_copy / "organisations.yml"
    replace_in(path, "  tarkistettu: 2026-11-23", "  tarkistettu: 2024-01-15")
    where = at(path, "tarkistettu: 2024-01-15", "2024-01-15")
    check = subprocess.run([sys.executable, "-m", "macros.data.check", str(data_copy)], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0
    assert "Varoituksia 1: nämä tiedot kannattaa tarkistaa." in check.stdout
    assert (
        f"{where}: varoitus: toimija 'mieli-ry': tiedot tarkistettu viimeksi 2024-01-15 (yli 12 kk sitten); "
        "tarkista lähteistä ja päivitä 'tarkistettu'" in check.stdout
    )
    built = build_site(data_copy, tmp_path / "site")
    page = built.html("toimittajille")
    assert f"<tr><td>toimija &#39;mieli-ry&#39;</td><td><code>{where.rsplit(':', 1)[0]}</code></td>" in page
    assert "Kaikki tiedot on tarkistettu" not in page


def test_real_data_is_fresh_on_the_editors_page(site):
    assert "Kaikki tiedot on tarkistettu viimeisen 12 kuukauden aikana." in site.html("toimittajille")
    assert "<code>tason_peruste</code>" in site.html("toimittajille")  # the field guide comes from the schema


def test_failed_build_leaves_the_previous_site_whole(data_copy, tmp_path):
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("edellinen sivusto", encoding="utf-8")
    command = [sys.executable, "-m", "macros.adapter.build", "--site-dir", str(site_dir)]
    env = {"SITE_DATA_DIR": str(data_copy), "PATH": "/usr/bin:/bin"}

    replace_in(data_copy / "services.yml", "  taso: punainen", "  taso: oranssi")
    failed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    assert failed.returncode != 0
    assert "kenttä 'taso': arvo 'oranssi' ei kelpaa" in failed.stderr
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "edellinen sivusto"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]  # no half-built folder left

    replace_in(data_copy / "services.yml", "  taso: oranssi", "  taso: punainen")
    passed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    assert passed.returncode == 0, passed.stderr
    assert "Perhekeskuksen menetelmät ja palvelut" in (site_dir / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]


@pytest.mark.parametrize(("text", "expected"), [
    ("lyhenne: 2022-06-01", "2022-06-01"),  # a date where text is meant stays the text written
    ("lyhenne: yes", "yes"),
    ("lyhenne: on", "on"),
    ("lyhenne: 'no'", "no"),
])
def test_yaml_11_surprises_stay_text(data_copy, text, expected):
    replace_in(data_copy / "methods.yml", "lyhenne: LP", text)
    assert load_catalog(data_copy, today=TODAY).methods["lapset-puheeksi"].abbreviation == expected


def test_tab_indentation_gives_a_finnish_syntax_message(data_copy):
    replace_in(data_copy / "alueet.yml", "  nimi: Pohjois-Savo", "\tnimi: Pohjois-Savo")
    found = problems(data_copy)
    assert len(found) == 1 and found[0].startswith("data/alueet.yml:") and "YAML-muoto on rikki" in found[0]


_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30), st.dates().map(str))
_keys = st.sampled_from([f.key for spec in schema.FILES for c in spec.sections for f in c.spec.fields] + ["x", "menetelmat"])
_documents = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=6)), max_leaves=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=_documents, target=st.sampled_from(sorted(FILES)), raw=st.booleans(), text=st.text(max_size=200))
def test_any_document_gives_records_or_our_own_error(data_copy, document, target, raw, text):
    (data_copy / target).write_text(text if raw else yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    catalog_module._cache.clear()
    try:
        load_catalog(data_copy, today=TODAY)
    except DataError as error:
        assert error.problems and all(str(p).startswith("data/") for p in error.problems)
    finally:
        (data_copy / target).write_text((DATA / target).read_text(encoding="utf-8"), encoding="utf-8")
