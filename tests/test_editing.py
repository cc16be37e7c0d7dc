"""Editors' workflow: schemas agree with the validator, templates validate, stale data is flagged,
a failed build never replaces a good site, and no input makes the loader crash."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, ROOT, at, build_site, record_file, replace_in
from macros.data import catalog as catalog_module
from macros.data import json_schema, schema
from macros.data.catalog import load_catalog
from macros.data.freshness import months_before
from macros.data.problems import DataError, Position
from macros.data.validate import validate_file
from macros.data.yaml_source import load_yaml, read_folder
from test_validation import TODAY, problems

FILES = {spec.path: spec for spec in schema.FILES}


def test_committed_schemas_and_editor_settings_are_current_and_published(site):
    result = subprocess.run([sys.executable, "-m", "macros.data.json_schema", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    for spec in schema.FILES:
        name = json_schema.file_name(spec)
        committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert (site.site / "schemas" / name).read_text(encoding="utf-8") == committed
        files = settings[f"schemas/{name}"]
        assert files == [f"data/{spec.path}/*.yml" if spec.folder else f"data/{spec.path}"]


def test_data_files_are_written_as_the_form_writes_them(tmp_path):
    """CI refuses a hand edit that the form would write differently: then a form save changes only what
    the editor changed. The check names each file, and the formatter makes it so."""
    result = subprocess.run([sys.executable, "-m", "macros.data.formatting", "--tarkista"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    copied = tmp_path / "data"
    shutil.copytree(DATA, copied)
    record = copied / "menetelmat" / "lapset-puheeksi.yml"
    replace_in(record, "teemat:\n  - puheeksiotto\n  - vanhemmuus\n  - mielenterveys\n", "teemat: [puheeksiotto, vanhemmuus, mielenterveys]\n")
    replace_in(record, "lyhenne: LP\n", "")
    record.write_text(record.read_text(encoding="utf-8") + "lyhenne: LP\n", encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "macros.data.formatting", str(copied), "--tarkista"], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 1
    assert check.stderr.splitlines() == ["1 tiedostoa ei ole lomakkeen muodossa; aja: python -m macros.data.formatting", "data/menetelmat/lapset-puheeksi.yml"]
    subprocess.run([sys.executable, "-m", "macros.data.formatting", str(copied)], cwd=ROOT, check=True, capture_output=True)
    assert record.read_text(encoding="utf-8") == (DATA / "menetelmat" / "lapset-puheeksi.yml").read_text(encoding="utf-8")


def _first_record_file(spec) -> Path:
    return sorted((DATA / spec.path).glob("*.yml"))[0]


def _as_loaded(document, spec, tmp_path: Path, stem: str):
    """The document written as YAML and read back as the loader reads it: a list file, or a folder's record file."""
    text = yaml.safe_dump(document, allow_unicode=True)
    if not spec.folder:
        return _load(text, tmp_path, spec.path)
    folder = tmp_path / spec.path
    folder.mkdir(exist_ok=True)
    (folder / f"{stem}.yml").write_text(text, encoding="utf-8")
    return read_folder(folder, f"data/{spec.path}")


def _agree(document, spec, tmp_path: Path, stem: str = "tietue"):
    """Our problems and the JSON Schema's errors for one data file's content."""
    reloaded, found = _as_loaded(document, spec, tmp_path, stem)
    ours = validate_file(reloaded, spec, Position(f"data/{spec.path}", 1, 1), TODAY).problems + found
    theirs = list(jsonschema.Draft202012Validator(json_schema.document_schema(spec)).iter_errors(json.loads(json.dumps(document))))
    return ours, theirs


def _load(text: str, tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_yaml(path, f"data/{name}")


def _scalar_field(spec, kinds, required: bool):
    """A one-value field of the given kinds, the id last: a folder's record has none in its file, and
    where a list's record has nothing else (a synonym group) its id has to do."""
    fields = sorted(spec.fields, key=lambda f: f.key == "id")
    return next(f.key for f in fields if f.kind in kinds and not f.many and (f.required or not required))


def _line_key(spec) -> str:
    """A one-value text field with a length limit: a line if the record has one, else a text."""
    limited = [f for f in spec.fields if f.kind in (schema.Kind.LINE, schema.Kind.TEXT) and f.max_length and not f.many]
    return min(limited, key=lambda f: f.kind is not schema.Kind.LINE).key


_TEXT = (schema.Kind.LINE, schema.Kind.SLUG)
MUTATIONS = {
    "unknown key": lambda r, spec: r.update({"tuntematon": "x"}),
    "missing required": lambda r, spec: r.pop(_scalar_field(spec, _TEXT, required=True)),
    "number for text": lambda r, spec: r.update({_scalar_field(spec, _TEXT, required=True): 7}),
    "bad slug": lambda r, spec: r.update({_scalar_field(spec, (schema.Kind.SLUG,), required=False): "Ä ä"}),
    "empty value": lambda r, spec: r.update({_scalar_field(spec, _TEXT, required=True): None}),
    "list for text": lambda r, spec: r.update({_scalar_field(spec, _TEXT, required=True): ["a"]}),
    "over-long": lambda r, spec: r.update({_line_key(spec): "x" * 5000}),
}


def _sample(spec):
    """A real data file's content and the record in it to change: a folder's first record file, or a list's first item."""
    path = _first_record_file(spec) if spec.folder else DATA / spec.path
    document, found = load_yaml(path, f"data/{spec.path}")
    assert not found
    document = json.loads(json.dumps(document))  # plain dicts and lists
    if spec.folder:
        return document, document, path.stem
    return document, (document[spec.sections[0].name][0] if spec.keyed else document[0]), path.stem


@pytest.mark.parametrize("path", sorted(FILES))
@pytest.mark.parametrize("mutation", [None, *MUTATIONS])
def test_json_schema_and_validator_agree(tmp_path, path, mutation):
    spec = FILES[path]
    document, record, stem = _sample(spec)
    if mutation:
        MUTATIONS[mutation](record, spec.sections[0].spec)
    ours, theirs = _agree(document, spec, tmp_path, stem)
    assert (not ours) == (not theirs), (ours, [e.message for e in theirs])
    assert (mutation is None) == (not ours)


def test_typed_value_mutations_agree(tmp_path):
    """Dates, links, levels and phone numbers are checked alike by both."""
    bad = {
        "menetelmat": [("paivitetty", "2026-13-01"), ("verkkosivu", "javascript:alert(1)")],
        "palvelut": [("taso", "sininen"), ("puhelin", "soita"), ("ika_alkaen", "viisi")],
    }
    for path, changes in bad.items():
        for key, value in changes:
            document, record, stem = _sample(FILES[path])
            record[key] = value
            ours, theirs = _agree(document, FILES[path], tmp_path, stem)
            assert ours and theirs, (path, key)


@pytest.mark.parametrize(("template", "collection"), [("menetelma.yml", "menetelmat"), ("palvelu.yml", "palvelut"), ("toimija.yml", "toimijat")])
def test_templates_validate_and_mention_every_field(data_copy, template, collection):
    text = (ROOT / "templates" / template).read_text(encoding="utf-8")
    spec = catalog_module.schema_collection(collection).spec
    for field in spec.fields:
        assert field.key == "id" or field.machine or f"{field.key}:" in text, field.key  # the importer writes machine fields
    (data_copy / collection / f"uusi-{collection}.yml").write_text(text, encoding="utf-8")
    catalog = load_catalog(data_copy, today=TODAY)
    assert f"uusi-{collection}" in catalog.collections[collection]


def test_months_before():
    assert months_before(date(2026, 11, 23), 12) == date(2025, 11, 23)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 1) == date(2025, 12, 15)


def test_stale_records_are_warnings_in_the_check_and_listed_for_editors(data_copy, tmp_path):
    path = record_file(data_copy, "toimijat", "mieli-ry")
    replace_in(path, "tarkistettu: 2026-11-23", "tarkistettu: 2024-01-15")
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

    service = record_file(data_copy, "palvelut", "pelotta")
    replace_in(service, "taso: punainen", "taso: oranssi")
    failed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    assert failed.returncode != 0
    assert "kenttä 'taso': arvo 'oranssi' ei kelpaa" in failed.stderr
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "edellinen sivusto"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]  # no half-built folder left

    replace_in(service, "taso: oranssi", "taso: punainen")
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
    replace_in(record_file(data_copy, "menetelmat", "lapset-puheeksi"), "lyhenne: LP", text)
    assert load_catalog(data_copy, today=TODAY).methods["lapset-puheeksi"].abbreviation == expected


def test_tab_indentation_gives_a_finnish_syntax_message(data_copy):
    replace_in(record_file(data_copy, "alueet", "pohjois-savo"), "tyyppi: maakunta\n", "tyyppi: maakunta\n\tkuuluu: x\n")
    found = problems(data_copy)
    assert len(found) == 1 and found[0].startswith("data/alueet/pohjois-savo.yml:3:") and "YAML-muoto on rikki" in found[0], found


_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30), st.dates().map(str))
_keys = st.sampled_from([f.key for spec in schema.FILES for c in spec.sections for f in c.spec.fields] + ["x", "menetelmat"])
_documents = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=6)), max_leaves=25)


# Every list file, and one record file of each folder.
_TARGETS = sorted(spec.path if not spec.folder else _first_record_file(spec).relative_to(DATA).as_posix() for spec in schema.FILES)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=_documents, target=st.sampled_from(_TARGETS), raw=st.booleans(), text=st.text(max_size=200))
def test_any_document_gives_records_or_our_own_error(data_copy, document, target, raw, text):
    (data_copy / target).write_text(text if raw else yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    catalog_module._cache.clear()
    try:
        load_catalog(data_copy, today=TODAY)
    except DataError as error:
        assert error.problems and all(str(p).startswith("data/") for p in error.problems)
    finally:
        (data_copy / target).write_text((DATA / target).read_text(encoding="utf-8"), encoding="utf-8")
