"""Load every data file, check the records against each other, and index them.

`load_catalog` is the single entry point: YAML in, a validated `Catalog` out, or a
`DataError` listing every problem. It imports nothing from MkDocs.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, partial
from datetime import date
from pathlib import Path
from typing import Iterator

from macros.data import schema
from macros.data import yaml_source
from macros.data.parallel import in_child
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
    key = (_stamp(data_dir), today)
    cached = _cache.get(data_dir)
    if cached and cached[0] == key:
        return cached[1]
    # In a child process: the YAML parser's node tree (hundreds of megabytes at national
    # scale) never enters the build's memory, only the finished catalogue does.
    load = partial(_load, data_dir, today or date.today())
    with _collector_paused():
        # A preview keeps the parsed files (yaml_source.remember_parsed), so it loads here.
        catalog = load() if yaml_source.remembers_parsed() else in_child(load)
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


def _load(data_dir: Path, today: date) -> Catalog:
    problems: list[Problem] = []
    collections: dict[str, list] = {}
    written: dict[str, list[Mapping]] = {}
    unreadable: dict[str, tuple[str, ...]] = {}  # ids whose own file could not be read
    drafts: dict[str, tuple[Draft, ...]] = {}
    for spec in schema.FILES:
        display = f"data/{spec.path}"
        if spec.optional and not (data_dir / spec.path).exists():
            continue
        read = read_folder if spec.folder else load_yaml
        document, found = read(data_dir / spec.path, display)
        problems += found
        if document is None:
            continue
        if spec.folder:
            unreadable[spec.sections[0].name] = document.unreadable
        result = validate_file(document, spec, Position(display, 1, 1), today)
        problems += result.problems
        for name, records in result.records.items():
            collections[name] = [r for r in records if not isinstance(r, Draft)]
            drafts[name] = tuple(r for r in records if isinstance(r, Draft))
        written.update(result.items)
    indexed = {name: _index(records, schema_collection(name), problems) for name, records in collections.items() if name != "kayttotilanne"}
    problems += _stage_numbers(collections.get("vaiheet", []))
    observations = tuple(collections.get("kayttotilanne", ()))
    problems += _reference_problems(written, unreadable, {name: {d.id for d in found} for name, found in drafts.items()})
    problems += _duplicate_observations(observations)
    problems += _alias_problems(indexed)
    problems += _synonym_problems(collections.get("synonyymit", []))
    if problems:
        raise DataError(problems)
    return Catalog(indexed, observations, data_dir, {name: found for name, found in drafts.items() if found})


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


def _reference_problems(written: dict[str, list[Mapping]], unreadable: dict[str, tuple[str, ...]], drafts: dict[str, set[str]]) -> Iterator[Problem]:
    """Check references on the records as written, so faults elsewhere in a record hide none. A record
    whose file could not be read is reported once, not again at each reference to it. A published
    record may not point at a draft (it has no page); a draft may."""
    named = {name: {item["id"] for item in items if isinstance(item.get("id"), str)} | set(unreadable.get(name, ())) for name, items in written.items()}
    for name, items in written.items():
        spec = schema_collection(name).spec
        for item in items:
            unpublished = {} if isinstance(item.get("id"), str) and item["id"] in drafts.get(name, ()) else drafts
            yield from _references(item, spec, record_label(item, spec), named, unpublished)


def _references(item: Mapping, spec: schema.RecordSpec, label: str, named: dict[str, set], drafts: dict[str, set[str]]) -> Iterator[Problem]:
    for field in spec.fields:
        value = item.get(field.key)
        if isinstance(field.kind, schema.RecordSpec):
            nested = value if isinstance(value, Sequence) else [value]
            for child in nested:
                if isinstance(child, Mapping):
                    yield from _references(child, field.kind, f"{label}: kenttä '{field.key}'", named, drafts)
            continue
        if not field.ref or field.ref not in named or value is None:
            continue  # a file that could not be read is reported already
        if field.many:
            pairs = zip(value, value.item_positions) if isinstance(value, Sequence) else ()
        else:
            pairs = [(value, item.value_positions[field.key])]
        targets = named[field.ref]
        for target, where in pairs:
            if isinstance(target, str) and target.strip() not in targets:
                unknown = schema_collection(field.ref).unknown
                yield Problem(where, f"{label}: kenttä '{field.key}' viittaa {unknown} '{target}'{did_you_mean(target, sorted(t for t in targets if isinstance(t, str)))}")
            elif isinstance(target, str) and target in drafts.get(field.ref, ()):
                yield Problem(where, f"{label}: kenttä '{field.key}' viittaa luonnokseen '{target}', jota ei vielä julkaista; täydennä se ensin (Toimittajille › Luonnokset)")


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
