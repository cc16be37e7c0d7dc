"""What an import changes in a data folder: new drafts, updates that never clobber an editor's work,
and a Finnish account of it.

Records are matched by their origin (`alkupera`: system and id at the source). A feed this generator
published itself (HSDS) is also recognised by its open-data UUIDs, so importing our own export finds
our records. A field the source owns is updated only while the record still holds what was last
imported (its fingerprint in `alkupera.tuodut`); once an editor has changed it, the editor's text
stays. Fields an editor owns (level, its reason, themes, methods, keywords, earlier ids) are never
touched. A service that is gone at the source is reported, not deleted.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from macros.data.formatting import canonical
from macros.data.parallel import split_map
from macros.data.records import record_uuid
from macros.data.schema import FILES, Kind
from macros.data.yaml_output import dump
from macros.data.yaml_source import load_yaml
from macros.importers import text
from macros.importers.imported import AreaRef, ImportedOrganisation, ImportedService, ImportFailure

_SPECS = {spec.path: spec for spec in FILES}
SERVICES, ORGANISATIONS, SOURCES, AREAS = "palvelut", "toimijat", "lahteet", "alueet"
# What the source says and an import may update; everything else in a record is the editor's.
SOURCE_OWNED = {
    SERVICES: ("nimi", "tiivistelma", "kuvaus", "kenelle", "ika_alkaen", "ika_asti", "asiointikanavat", "puhelin",
               "verkkosivu", "maksu", "tila", "tuottaja", "alueet"),
    ORGANISATIONS: ("nimi", "lyhenne", "kuvaus", "verkkosivu"),
}


@dataclass
class Summary:
    """What the import did, for its Finnish report."""

    system: str
    total: int = 0
    added: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[str]]] = field(default_factory=list)
    unchanged: int = 0
    gone: list[str] = field(default_factory=list)
    drafts: dict[str, list[str]] = field(default_factory=dict)  # record path -> required fields it still needs
    notes: list[str] = field(default_factory=list)

    def report(self) -> str:
        lines = [f"Tuonti ({self.system}): {self.total} palvelua lähteessä."]
        lines.append(_counted("Lisätty", self.added))
        lines.append(_counted("Muuttunut", [f"{path} ({', '.join(keys)})" for path, keys in self.changed]))
        lines.append(f"Ennallaan {self.unchanged}")
        lines.append(_counted("Poistunut lähteestä", self.gone) + (" (ei poistettu: tarkista ja poista tai merkitse tila käsin)" if self.gone else ""))
        lines.append(_counted("Luonnoksia odottaa toimittajaa", [f"{path} (täydennä: {', '.join(needs)})" for path, needs in self.drafts.items()]))
        shown = self.notes[:SHOWN]
        lines += [f"Huomio: {note}" for note in shown] + ([f"Huomioita on vielä {len(self.notes) - SHOWN}."] if len(self.notes) > SHOWN else [])
        return "\n".join(lines)


SHOWN = 20  # items a report line names; the rest are counted (the check lists every draft)


def _counted(what: str, items: list[str]) -> str:
    if not items:
        return f"{what} 0"
    more = f" … ja {len(items) - SHOWN} muuta" if len(items) > SHOWN else ""
    return f"{what} {len(items)}: " + "; ".join(items[:SHOWN]) + more


class Folder:
    """The records of one folder of the data, as written, and the ways an import finds one."""

    def __init__(self, data_dir: Path, name: str) -> None:
        self.name = name
        self.records: dict[str, dict] = {}
        self.texts: dict[str, str] = {}  # as the files are now: an import writes only what differs
        for path in sorted((data_dir / name).glob("*.yml")):
            document, _ = load_yaml(path, path.name)
            self.records[path.stem] = json.loads(json.dumps(document)) if isinstance(document, dict) else {}
            self.texts[path.stem] = path.read_text(encoding="utf-8")
        self.by_origin = {(r["alkupera"].get("jarjestelma"), r["alkupera"].get("tunniste")): i
                          for i, r in self.records.items() if isinstance(r.get("alkupera"), dict)}
        self._uuids: dict[str, dict[str, str]] = {}

    def by_open_data_uuid(self, kind: str, uuid: str, name: str) -> str | None:
        """A record this generator published in an HSDS feed: its UUID comes from its first id; the
        name must agree too, so another county's record with the same id is not taken for ours."""
        if kind not in self._uuids:
            self._uuids[kind] = {record_uuid(kind, (r.get("aiemmat_osoitteet") or [i])[0]): i for i, r in self.records.items()}
        record_id = self._uuids[kind].get(uuid)
        return record_id if record_id and same_name(self.records[record_id].get("nimi"), name) else None

    def free_id(self, name: str, taken: set[str]) -> str:
        """An id from a name as our ids are written (ä -> a, ö -> o), unique in the folder."""
        base = slug(name) or self.name
        candidate, number = base, 2
        while candidate in self.records or candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        return candidate


def same_name(ours: object, theirs: str) -> bool:
    """Names as a reader sees them: case and spacing aside."""
    return " ".join(str(ours or "").split()).casefold() == " ".join(theirs.split()).casefold()


def _written(planned: tuple[tuple[str, str], dict]) -> str:
    (folder, _), record = planned
    return dump(canonical(record, _SPECS[folder]))


def slug(name: str) -> str:
    folded = name.lower().translate(str.maketrans("äöåé", "aoae"))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:60].strip("-")


def fingerprint(value: object) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()[:8]


class Plan:
    """The files an import writes (path in the data folder -> text) and its summary."""

    def __init__(self, data_dir: Path, system: str, today: date) -> None:
        self.system, self.today = system, today.isoformat()
        self.folders = {name: Folder(data_dir, name) for name in (SERVICES, ORGANISATIONS, SOURCES, AREAS)}
        self.records: dict[tuple[str, str], dict] = {}  # (folder, id) -> the record as it will be written
        self.summary = Summary(system)
        self._new_ids: dict[str, set[str]] = {SERVICES: set(), ORGANISATIONS: set()}
        self._organisations: dict[str, str] = {}  # origin id -> our id, this run
        self.areas_by_code = {str(r.get("koodi")): i for i, r in self.folders[AREAS].records.items() if r.get("koodi")}
        self.areas_by_name = {str(r.get("nimi", "")).casefold(): i for i, r in self.folders[AREAS].records.items()}

    def add(self, services: list[ImportedService]) -> None:
        seen: dict[str, str] = {}
        for service in services:
            if service.origin_id in seen:
                raise ImportFailure(f"{service.label}: kenttä 'id': tunniste {service.origin_id} on syötteessä jo palvelulla {seen[service.origin_id]}")
            seen[service.origin_id] = service.label
        self.summary.total = len(services)
        providers = set()
        for service in services:
            provider = self._organisation(service.provider, service) if service.provider else None
            providers.add(provider)
            self._service(service, provider)
        for (system, origin_id), record_id in self.folders[SERVICES].by_origin.items():
            record = self.folders[SERVICES].records[record_id]
            if system == self.system and origin_id not in seen and record.get("tuottaja") in providers:
                self.summary.gone.append(f"palvelut/{record_id}")

    # --- services -------------------------------------------------------------------------

    def _service(self, service: ImportedService, provider: str | None) -> None:
        folder = self.folders[SERVICES]
        record_id = folder.by_origin.get((self.system, service.origin_id))
        if record_id is None and self.system == "hsds":
            record_id = folder.by_open_data_uuid("service", service.origin_id, service.fields["nimi"])
        source_id = self._source(service)
        values = self._fitted(SERVICES, {**service.fields, **self._areas(service), **({"tuottaja": provider} if provider else {})}, service.label)
        if record_id is None:
            record_id = folder.free_id(service.fields["nimi"], self._new_ids[SERVICES])
            self._new_ids[SERVICES].add(record_id)
            record = self._new_record(SERVICES, values, source_id, service.modified, service)
            self.summary.added.append(f"palvelut/{record_id}")
        else:
            record = self._updated_record(SERVICES, record_id, values, source_id, service)
        self._write(SERVICES, record_id, record)

    def _areas(self, service: ImportedService) -> dict:
        found, unknown = [], []
        for area in service.areas:
            area_id = self._area(area)
            (found if area_id else unknown).append(area_id or str(area))
        if unknown:
            self.summary.notes.append(f"{service.label}: alueita ei löydy alueiden kansiosta (koodi tai nimi): {', '.join(unknown)}; lisää alue tai koodi käsin")
        if service.nationwide:
            self.summary.notes.append(f"{service.label}: palvelu on valtakunnallinen; valitse sille alueet käsin")
        return {"alueet": list(dict.fromkeys(found))} if found else {}

    def _area(self, area: AreaRef) -> str | None:
        if area.code:
            return self.areas_by_code.get(area.code)
        if area.uri and (found := re.search(r"/alueet/([a-z0-9-]+)/?$", area.uri)) and found[1] in self.folders[AREAS].records:
            return found[1]
        return self.areas_by_name.get((area.name or "").casefold())

    # --- organisations --------------------------------------------------------------------

    def _organisation(self, imported: ImportedOrganisation, service: ImportedService) -> str:
        """Our organisation for the source's: by origin, by open-data UUID, by the same name, else a new draft."""
        if imported.origin_id in self._organisations:
            return self._organisations[imported.origin_id]
        folder = self.folders[ORGANISATIONS]
        record_id = folder.by_origin.get((self.system, imported.origin_id))
        if record_id is None and self.system == "hsds":
            record_id = folder.by_open_data_uuid("organization", imported.origin_id, imported.name)
        if record_id is None:
            record_id = next((i for i, r in folder.records.items() if same_name(r.get("nimi"), imported.name)), None)
            if record_id is not None:  # a record an editor wrote: linked to, never rewritten
                self._organisations[imported.origin_id] = record_id
                return record_id
        source_id = self._source_id(service)
        label = f"{self.system}-toimija {imported.origin_id} ('{imported.name}')"
        fields = self._fitted(ORGANISATIONS, imported.fields, label)
        if record_id is None:
            record_id = folder.free_id(imported.name, self._new_ids[ORGANISATIONS])
            self._new_ids[ORGANISATIONS].add(record_id)
            record = self._new_record(ORGANISATIONS, fields, source_id, None, None, imported.origin_id)
            self.summary.added.append(f"toimijat/{record_id}")
        else:
            record = self._updated_record(ORGANISATIONS, record_id, fields, source_id, None, imported.origin_id)
        self._write(ORGANISATIONS, record_id, record)
        self._organisations[imported.origin_id] = record_id
        return record_id

    # --- sources --------------------------------------------------------------------------

    def _source_id(self, service: ImportedService) -> str:
        return slug(f"{self.system}-{service.origin_id}")

    def _source(self, service: ImportedService) -> str:
        """The source record citing the service at its origin, checked today."""
        source_id = self._source_id(service)
        record = self._fitted(SOURCES, {**service.source, "tarkistettu": self.today}, service.label)
        self._write(SOURCES, source_id, record)
        return source_id

    # --- records --------------------------------------------------------------------------

    def _new_record(self, folder: str, values: dict, source_id: str, modified: str | None, service: ImportedService | None, origin_id: str | None = None) -> dict:
        owned = {key: values.get(key) for key in SOURCE_OWNED[folder]}
        record = {key: value for key, value in owned.items() if value not in (None, [], "")}
        record |= {"lahteet": [source_id], "paivitetty": modified or self.today, "tarkistettu": self.today}
        record["alkupera"] = self._origin(service.origin_id if service else origin_id, service, owned)
        return record

    def _updated_record(self, folder: str, record_id: str, values: dict, source_id: str, service: ImportedService | None, origin_id: str | None = None) -> dict:
        current = self.folders[folder].records[record_id]
        imported_before = isinstance(current.get("alkupera"), dict)
        previous = dict(entry.split("=", 1) for entry in str((current.get("alkupera") or {}).get("tuodut", "")).split() if "=" in entry)
        record = dict(current)
        owned = {key: values.get(key) for key in SOURCE_OWNED[folder]}
        changed = []
        for key, new in owned.items():
            old = current.get(key)
            # The source's while the record holds what it last gave (or, in a record it made, nothing);
            # an editor's once changed, and in a record an editor made, always.
            if not imported_before or previous.get(key) != (fingerprint(old) if old not in (None, [], "") else None):
                if previous.get(key) is not None and new != old and fingerprint(new) != previous.get(key):
                    self.summary.notes.append(f"{folder}/{record_id}: kenttä '{key}' on muutettu tuonnin jälkeen; toimittajan arvo säilytettiin (lähteessä uusi arvo)")
                continue
            if new in (None, [], ""):
                record.pop(key, None)
            else:
                record[key] = new
            if record.get(key) != old:
                changed.append(key)
        record["lahteet"] = list(dict.fromkeys([*current.get("lahteet", []), source_id]))
        record["tarkistettu"] = self.today
        if changed:
            record["paivitetty"] = self.today
            self.summary.changed.append((f"{folder}/{record_id}", changed))
        elif folder == SERVICES:
            self.summary.unchanged += 1
        record["alkupera"] = self._origin(service.origin_id if service else origin_id, service, owned)
        return record

    def _origin(self, origin_id: str, service: ImportedService | None, owned: dict) -> dict:
        origin = {"jarjestelma": self.system, "tunniste": origin_id}
        if service and service.url:
            origin["osoite"] = service.url
        origin["tuotu"] = self.today
        origin["tuodut"] = " ".join(f"{key}={fingerprint(value)}" for key, value in owned.items() if value not in (None, [], ""))
        if service and service.suggestions:
            origin["ehdotukset"] = list(service.suggestions)
        return origin

    def files(self) -> dict[str, str]:
        """The text of every file the import changes or adds (path in the data folder -> text),
        written on both cores: at national scale, 20 000 files."""
        planned = list(self.records.items())
        texts = split_map(_written, planned)
        return {f"{folder}/{record_id}.yml": text for ((folder, record_id), _), text in zip(planned, texts)
                if self.folders[folder].texts.get(record_id) != text}

    def _write(self, folder: str, record_id: str, record: dict) -> None:
        spec = _SPECS[folder]
        self.records[(folder, record_id)] = record
        missing = [f.label for f in spec.sections[0].spec.fields if f.required and f.key != "id" and f.key not in record]
        if missing and folder in (SERVICES, ORGANISATIONS):
            path = f"{folder}/{record_id}"
            self.summary.drafts.pop(path, None)  # written again: listed where it was written last, once
            self.summary.drafts[path] = missing

    def _fitted(self, folder: str, values: dict, label: str) -> dict:
        """Texts longer than the schema allows, shortened at a sentence, each noted: a source may allow
        more (PTV's description 2 500 characters, ours 1 500)."""
        fitted = dict(values)
        for f in _SPECS[folder].sections[0].spec.fields:
            value = fitted.get(f.key)
            if f.max_length and f.kind in (Kind.LINE, Kind.TEXT) and isinstance(value, str) and len(value) > f.max_length:
                fitted[f.key], _ = text.shortened(value, f.max_length)
                self.summary.notes.append(f"{label}: kenttä '{f.key}' lyhennettiin {f.max_length} merkkiin (lähteessä {len(value)}); tarkista lause")
        return fitted
