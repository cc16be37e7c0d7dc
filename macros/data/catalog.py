"""Load every data file, check the records against each other, and index them.

`load_catalog` is the single entry point: YAML in, a validated `Catalog` out, or a
`DataError` listing every problem. It imports nothing from MkDocs.
"""

from __future__ import annotations

import gc
import os
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, partial
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from macros.data import schema
from macros.data import yaml_source
from macros.data import parallel
from macros.data.problems import DataError, Position, Problem
from macros.data.records import Area, Draft, Helpline, LifeSituation, Method, Observation, Organisation, Service, Source, Stage, SynonymGroup, Term
from macros.data.validate import did_you_mean, record_label, validate_file
from macros.data.yaml_source import Mapping, Sequence, load_yaml, read_folder


@dataclass(frozen=True)
class Catalog:
    collections: dict[str, dict[str, object]]
    observations: tuple[Observation, ...]
    data_dir: Path
    drafts: dict[str, tuple[Draft, ...]] = field(default_factory=dict)  # collection name -> imported records not yet complete

    @property
    def methods(self) -> dict[str, Method]:
        return self.collections["menetelmat"]  # type: ignore[return-value]

    @property
    def organisations(self) -> dict[str, Organisation]:
        return self.collections["toimijat"]  # type: ignore[return-value]

    @property
    def services(self) -> dict[str, Service]:
        return self.collections["palvelut"]  # type: ignore[return-value]

    @property
    def helplines(self) -> list[Helpline]:
        return list(self.collections["apua_heti"].values())  # type: ignore[arg-type]

    @property
    def life_situations(self) -> list[LifeSituation]:
        return list(self.collections["elamantilanteet"].values())  # type: ignore[arg-type]

    @property
    def sources(self) -> dict[str, Source]:
        return self.collections["lahteet"]  # type: ignore[return-value]

    @property
    def areas(self) -> dict[str, Area]:
        return self.collections["alueet"]  # type: ignore[return-value]

    @property
    def synonym_groups(self) -> list[SynonymGroup]:
        return list(self.collections.get("synonyymit", {}).values())  # type: ignore[arg-type]

    @property
    def stages(self) -> list[Stage]:
        return sorted(self.collections["vaiheet"].values(), key=lambda s: s.number)  # type: ignore[union-attr]

    def noun(self, collection: str) -> str:
        return schema_collection(collection).spec.noun

    def vocabulary(self, name: str) -> dict[str, Term]:
        return self.collections[name]  # type: ignore[return-value]

    def term(self, vocabulary: str, term_id: str) -> Term:
        return self.vocabulary(vocabulary)[term_id]

    @cached_property
    def _methods_by_name(self) -> tuple[Method, ...]:
        return _by_name(self.methods.values())

    @cached_property
    def _services_by_name(self) -> tuple[Service, ...]:
        return _by_name(self.services.values())

    def methods_sorted(self) -> list[Method]:
        return list(self._methods_by_name)

    def services_sorted(self) -> list[Service]:
        return list(self._services_by_name)

    def methods_where(self, attr: str, value: str) -> list[Method]:
        """Methods whose field `attr` (one id, or a tuple of ids) holds `value`, by name."""
        return list(self._holding(self._methods_by_name, attr).get(value, ()))

    def services_where(self, attr: str, value: str) -> list[Service]:
        """Services whose field `attr` (one id, or a tuple of ids) holds `value`, by name."""
        return list(self._holding(self._services_by_name, attr).get(value, ()))

    @cached_property
    def _indexes(self) -> dict[tuple[int, str], dict[str, list]]:
        return {}

    def _holding(self, records: tuple, attr: str) -> dict[str, list]:
        """Records by each value of `attr`, built once per attribute: pages ask for every value."""
        key = (id(records), attr)
        if key not in self._indexes:
            index: dict[str, list] = {}
            for record in records:
                value = getattr(record, attr)
                for held in value if isinstance(value, tuple) else (value,):
                    index.setdefault(held, []).append(record)
            self._indexes[key] = index
        return self._indexes[key]

    @cached_property
    def _subareas(self) -> dict[str | None, list[Area]]:
        children: dict[str | None, list[Area]] = {}
        for area in sorted(self.areas.values(), key=lambda a: a.name):
            children.setdefault(area.part_of, []).append(area)
        return children

    def subareas(self, area_id: str | None) -> list[Area]:
        """Areas directly within `area_id` by name; None gives the top-level regions."""
        return list(self._subareas.get(area_id, ()))

    def area_and_above(self, area_id: str) -> set[str]:
        """The area and the areas it belongs to."""
        found = {area_id}
        parent = self.areas[area_id].part_of
        while parent and parent not in found:
            found.add(parent)
            parent = self.areas[parent].part_of
        return found

    def area_family(self, area_id: str) -> set[str]:
        """The area, the areas it belongs to and the areas within it."""
        family = self.area_and_above(area_id)
        pending = [area_id]
        while pending:
            children = [a.id for a in self.subareas(pending.pop()) if a.id not in family]
            family.update(children)
            pending += children
        return family

    @cached_property
    def _reach(self) -> dict[str, frozenset[str]]:
        return {s.id: frozenset().union(*(self.area_family(a) for a in s.areas)) for s in self.services.values()}

    def service_reach(self, service: Service) -> frozenset[str]:
        """Every area id under which a service should be found: a region-wide service is in each
        of its municipalities, and a municipality's service is in its region."""
        return self._reach[service.id]

    @cached_property
    def _services_by_area(self) -> dict[str, list[Service]]:
        index: dict[str, list[Service]] = {}
        for service in self._services_by_name:
            for area_id in self._reach[service.id]:
                index.setdefault(area_id, []).append(service)
        return index

    def services_in(self, area_id: str) -> list[Service]:
        return list(self._services_by_area.get(area_id, ()))

    def services_for(self, area_id: str) -> list[Service]:
        """Services listed for the area itself or an area it belongs to: a municipality's own and
        its region's services, but for a region not each municipality's own (those are on the
        municipalities' pages), so no area page grows with the country."""
        above = self.area_and_above(area_id)
        return [s for s in self.services_in(area_id) if above.intersection(s.areas)]

    def method_areas(self, method_id: str) -> frozenset[str]:
        """Areas where a method is in use: those with a figure of its use, training or stage
        (and the regions they belong to), and the reach of every service that offers it."""
        found: set[str] = set()
        for observation in self.observations_for(method_id):
            found |= self.area_and_above(observation.area)
        for service in self.services_where("methods", method_id):
            found |= self.service_reach(service)
        return frozenset(found)

    def observations_in(self, area_id: str) -> list[Observation]:
        return list(self._holding(self.observations, "area").get(area_id, ()))

    def observations_for(self, method_id: str) -> list[Observation]:
        found = self._holding(self.observations, "method").get(method_id, ())
        return sorted(found, key=lambda o: (self.areas[o.area].name, o.topic, o.year))


def _by_name(records) -> tuple:
    return tuple(sorted(records, key=lambda r: r.name.casefold()))


_cache: dict[Path, tuple[tuple, Catalog]] = {}


def load_catalog(data_dir: Path | str, today: date | None = None) -> Catalog:
    """The validated catalogue of a data folder; cached until a data file changes."""
    data_dir = Path(data_dir).resolve()
    stamp = _stamp(data_dir)
    key = (stamp, today)
    cached = _cache.get(data_dir)
    if cached and cached[0] == key:
        return cached[1]
    # Each file is read and checked in one of two child processes: both cores work, and the
    # YAML parser's node trees (hundreds of megabytes at national scale) never enter the
    # build's memory, only the records do. A preview keeps the parsed files
    # (yaml_source.remember_parsed), so it reads them here, as does a system without fork.
    here = yaml_source.remembers_parsed() or not parallel.can_fork()
    units, weights = _units(data_dir, stamp, processes=1 if here else 2)
    read = partial(_read, data_dir, today or date.today())
    with _collector_paused():
        parts = [read(unit) for unit in units] if here else parallel.map_apart(read, units, weights)
        catalog = _checked(parts, data_dir)
    _cache[data_dir] = (key, catalog)
    return catalog


@contextmanager
def _collector_paused():
    """Loading makes a million small objects and no garbage cycles, yet Python's cyclic
    collector would walk all of them again and again: two thirds of the load time at
    national scale."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _stamp(data_dir: Path) -> tuple:
    """Every data file's time and size: a file changed, added or removed gives a new stamp.
    (os.scandir, not pathlib: at national scale pathlib's own work was a second per look.)"""
    stats = []
    for spec in schema.FILES:
        path = os.path.join(data_dir, spec.path)
        if spec.folder:
            try:
                entries = sorted((e for e in os.scandir(path) if e.name.endswith(".yml")), key=lambda e: e.name)
            except OSError:
                entries = []
            stats += [(entry.path, _size_and_time(entry)) for entry in entries]
        else:
            stats.append((path, _size_and_time(path)))
    return tuple(stats)


def _size_and_time(entry) -> tuple[int, int] | None:
    try:
        stat = entry.stat() if isinstance(entry, os.DirEntry) else os.stat(entry)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


@dataclass(frozen=True)
class _Unit:
    """A data file, or one share of a record folder's files: read and checked on its own."""

    spec: schema.DataFile
    share: tuple[int, int] = (0, 1)


def _units(data_dir: Path, stamp: tuple, processes: int) -> tuple[list[_Unit], list[int]]:
    """The data files as units of work, a record folder split in `processes` shares, each
    weighed by its bytes (from the stamp) so the processes can share the work evenly."""
    size_of: Counter = Counter()  # bytes of each data file, and of each folder's files together
    for file, known in stamp:
        if known is not None:
            size_of[file] += known[1]
            size_of[os.path.dirname(file)] += known[1]
    units, weights = [], []
    for spec in schema.FILES:
        path = os.path.join(data_dir, spec.path)
        if spec.folder and os.path.isdir(path):
            units += [_Unit(spec, (part, processes)) for part in range(processes)]
            weights += [size_of[path] // processes] * processes
        else:
            units.append(_Unit(spec))
            weights.append(size_of[path])
    return units, weights


@dataclass
class _Part:
    """What one unit holds: records by collection (drafts among them), the ids it writes,
    the references it makes, and the problems found in it alone."""

    records: dict[str, list] = field(default_factory=dict)
    named: dict[str, set[str]] = field(default_factory=dict)
    unreadable: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ids whose own file could not be read
    references: list["_Reference"] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _read(data_dir: Path, today: date, unit: _Unit) -> _Part:
    spec, part = unit.spec, _Part()
    display = f"data/{spec.path}"
    if spec.optional and not (data_dir / spec.path).exists():
        return part
    if spec.folder:
        document, found = read_folder(data_dir / spec.path, display, unit.share)
    else:
        document, found = load_yaml(data_dir / spec.path, display)
    part.problems = list(found)  # a preview keeps `found` with the parsed file
    if document is None:
        return part
    if spec.folder:
        part.unreadable[spec.sections[0].name] = document.unreadable
    result = validate_file(document, spec, Position(display, 1, 1), today)
    part.problems += result.problems
    part.records = result.records
    for name, items in result.items.items():
        part.named[name] = {item["id"] for item in items if isinstance(item.get("id"), str)}
        part.references += _references_of(items, name)
    return part


def _checked(parts: list[_Part], data_dir: Path) -> Catalog:
    """The parts as one catalogue, checked across records and files."""
    problems: list[Problem] = []
    collections: dict[str, list] = {}
    drafts: dict[str, list[Draft]] = {}
    named: dict[str, set[str]] = {}
    unreadable: dict[str, tuple[str, ...]] = {}
    for part in parts:
        problems += part.problems
        for name, records in part.records.items():
            collections.setdefault(name, []).extend(r for r in records if not isinstance(r, Draft))
            drafts.setdefault(name, []).extend(r for r in records if isinstance(r, Draft))
        for name, ids in part.named.items():
            named.setdefault(name, set()).update(ids)
        for name, ids in part.unreadable.items():
            unreadable[name] = unreadable.get(name, ()) + ids
    for name, ids in unreadable.items():
        if name in named:
            named[name] |= set(ids)  # reported already; references to it are not errors of their own
    indexed = {name: _index(records, schema_collection(name), problems) for name, records in collections.items() if name != "kayttotilanne"}
    problems += _stage_numbers(collections.get("vaiheet", []))
    observations = tuple(collections.get("kayttotilanne", ()))
    references = (reference for part in parts for reference in part.references)
    problems += _reference_problems(references, named, {name: {d.id for d in found} for name, found in drafts.items()})
    problems += _duplicate_observations(observations)
    problems += _alias_problems(indexed)
    problems += _synonym_problems(collections.get("synonyymit", []))
    if problems:
        raise DataError(problems)
    return Catalog(indexed, observations, data_dir, {name: tuple(found) for name, found in drafts.items() if found})


def schema_collection(name: str) -> schema.Collection:
    return next(c for f in schema.FILES for c in f.sections if c.name == name)


def _index(records: list, collection: schema.Collection, problems: list[Problem]) -> dict[str, object]:
    index: dict[str, object] = {}
    for record in records:
        if record.id in index:
            first = index[record.id].origin.position  # type: ignore[attr-defined]
            problems.append(Problem(record.origin.of("id"), f"{collection.spec.noun} '{record.id}': tunniste on jo käytössä ({first}); jokaisella tietueella pitää olla oma tunniste"))
            continue
        index[record.id] = record
    return index


class _Reference(NamedTuple):
    """A record's reference to another record, as written: checked once every id is known."""

    collection: str  # of the referring record
    record_id: str | None
    label: str  # the referring record, and its nested entry, as messages name them
    key: str
    target_collection: str
    target: str
    where: Position


def _references_of(items: list[Mapping], name: str) -> Iterator[_Reference]:
    """The references of the records as written, so faults elsewhere in a record hide none."""
    spec = schema_collection(name).spec
    for item in items:
        record_id = item["id"] if isinstance(item.get("id"), str) else None
        yield from _outgoing(item, spec, record_label(item, spec), name, record_id)


def _outgoing(item: Mapping, spec: schema.RecordSpec, label: str, name: str, record_id: str | None) -> Iterator[_Reference]:
    for field in spec.fields:
        value = item.get(field.key)
        if isinstance(field.kind, schema.RecordSpec):
            nested = value if isinstance(value, Sequence) else [value]
            for child in nested:
                if isinstance(child, Mapping):
                    yield from _outgoing(child, field.kind, f"{label}: kenttä '{field.key}'", name, record_id)
            continue
        if not field.ref or value is None:
            continue
        if field.many:
            pairs = zip(value, value.item_positions) if isinstance(value, Sequence) else ()
        else:
            pairs = [(value, item.value_positions[field.key])]
        for target, where in pairs:
            if isinstance(target, str):
                yield _Reference(name, record_id, label, field.key, field.ref, target, where)


def _reference_problems(references: Iterable[_Reference], named: dict[str, set[str]], drafts: dict[str, set[str]]) -> Iterator[Problem]:
    """A reference must name a record of its collection (one whose file could not be read counts:
    it is reported once, not again at each reference to it). A published record may not point at
    a draft (it has no page); a draft may. A collection whose file could not be read is not checked."""
    for ref in references:
        targets = named.get(ref.target_collection)
        if targets is None:
            continue  # its file could not be read: reported already
        if ref.target.strip() not in targets:
            unknown = schema_collection(ref.target_collection).unknown
            yield Problem(ref.where, f"{ref.label}: kenttä '{ref.key}' viittaa {unknown} '{ref.target}'{did_you_mean(ref.target, sorted(targets))}")
        elif ref.target in drafts.get(ref.target_collection, ()) and ref.record_id not in drafts.get(ref.collection, ()):
            yield Problem(ref.where, f"{ref.label}: kenttä '{ref.key}' viittaa luonnokseen '{ref.target}', jota ei vielä julkaista; täydennä se ensin (Toimittajille › Luonnokset)")


def _stage_numbers(stages: list[Stage]) -> Iterator[Problem]:
    """Stages form one path: numbered 1, 2, 3 … without gaps or repeats."""
    numbers = sorted(stage.number for stage in stages)
    if numbers != list(range(1, len(numbers) + 1)):
        first = stages[0]
        yield Problem(first.origin.of("numero"), f"käyttöönoton vaihe '{first.id}': vaiheiden numeroiden pitää olla 1, 2, 3 … ilman aukkoja ja toistoja (nyt {', '.join(map(str, numbers))})")


def _alias_problems(indexed: dict[str, dict[str, object]]) -> Iterator[Problem]:
    """An earlier id must lead to one page only: not a current id, and not claimed twice."""
    for name, records in indexed.items():
        claimed: dict[str, object] = {}
        for record in records.values():
            for index, alias in enumerate(getattr(record, "aliases", ())):
                where = record.origin.of(f"aiemmat_osoitteet[{index}]")
                label = f"{schema_collection(name).spec.noun} '{record.id}': kenttä 'aiemmat_osoitteet'"
                if alias in records:
                    yield Problem(where, f"{label}: '{alias}' on nykyinen tunniste ({records[alias].origin.position}); vanha osoite ei voi ohjata kahdelle sivulle")
                elif alias in claimed:
                    yield Problem(where, f"{label}: '{alias}' on jo aiempi osoite tietueelle '{claimed[alias].id}' ({claimed[alias].origin.position})")
                else:
                    claimed[alias] = record


def _duplicate_observations(observations: tuple[Observation, ...]) -> Iterator[Problem]:
    seen: dict[tuple, Observation] = {}
    for observation in observations:
        key = (observation.method, observation.area, observation.year, observation.topic)
        if key in seen:
            first = seen[key].origin.position
            yield Problem(observation.origin.position, f"havainto '{' / '.join(map(str, key))}' on jo annettu ({first}); yhdistä rivit tai korjaa vuosi")
        else:
            seen[key] = observation


def _synonym_problems(groups: list[SynonymGroup]) -> Iterator[Problem]:
    """A group needs two words, and a word belongs to one group: search could not tell which."""
    seen: dict[str, SynonymGroup] = {}
    for group in groups:
        if len(set(w.casefold() for w in group.words)) < 2:
            yield Problem(group.origin.of("sanat"), f"synonyymiryhmä '{group.id}': kenttä 'sanat' tarvitsee vähintään kaksi eri sanaa")
        for index, word in enumerate(group.words):
            key = " ".join(word.casefold().split())
            other = seen.get(key)
            if other is not None and other is not group:
                yield Problem(group.origin.of(f"sanat[{index}]"), f"synonyymiryhmä '{group.id}': sana '{word}' on jo ryhmässä '{other.id}' ({other.origin.position}); sana voi kuulua vain yhteen ryhmään")
            seen.setdefault(key, group)
