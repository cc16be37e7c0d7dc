"""Typed records: what the templates receive after the data has been validated."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from macros.data.problems import Position


@dataclass(frozen=True)
class Origin:
    """Where a record and each of its values came from, for messages and edit links."""

    position: Position
    values: dict[str, Position] = field(default_factory=dict, compare=False)

    def of(self, path: str) -> Position:
        """Position of a value such as 'omistaja' or 'teemat[2]', else of the record."""
        return self.values.get(path) or self.values.get(path.split("[")[0]) or self.position


@dataclass(frozen=True)
class Term:
    """One entry of a controlled vocabulary (theme, age group, evidence level …)."""

    id: str
    name: str
    origin: Origin
    description: str | None = None
    level: int | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    source: str | None = None


@dataclass(frozen=True)
class Step:
    """A step of a family's path in a method, or a worker role, with its tasks."""

    name: str
    description: str
    origin: Origin
    tasks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stage:
    """A stage on the path of taking a method into use in a municipality."""

    id: str
    number: int
    name: str
    source_wording: str
    description: str
    manager_tasks: tuple[str, ...]
    sources: tuple[str, ...]
    updated: date
    checked: date
    origin: Origin
    support: tuple[str, ...] = ()
    next_step: str | None = None


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    checked: date
    origin: Origin
    publisher: str | None = None
    year: int | None = None
    published: date | None = None
    url: str | None = None
    material: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class ImportOrigin:
    """Where an imported record came from, for the next import of the same source."""

    system: str  # ptv or hsds
    id: str  # the record's id at its source
    imported: date
    origin: Origin
    url: str | None = None
    fingerprints: str = ""  # "<key>=<hash> …" of each field as last imported
    suggestions: tuple[str, ...] = ()  # the source's classes, for editors only


@dataclass(frozen=True)
class Draft:
    """An imported record an editor has not completed: valid so far, never published, listed for
    editors with the required fields it still needs."""

    noun: str  # "palvelu"
    id: str
    name: str
    missing: tuple[str, ...]  # keys of the required fields still empty
    origin: Origin
    import_origin: ImportOrigin | None = None


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    kind: str
    sources: tuple[str, ...]
    updated: date
    checked: date
    origin: Origin
    aliases: tuple[str, ...] = ()  # earlier ids: their URLs redirect here
    part_of: str | None = None
    code: str | None = None  # Statistics Finland's municipality or region code


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    kind: str
    description: str
    sources: tuple[str, ...]
    updated: date
    checked: date
    origin: Origin
    aliases: tuple[str, ...] = ()  # earlier ids: their URLs redirect here
    short_name: str | None = None
    website: str | None = None
    import_origin: ImportOrigin | None = None


@dataclass(frozen=True)
class EvidenceRating:
    """A published rating on the scale it was published on, always with who rated it, when and where."""

    level: str
    assessor: str
    source: str
    rated: date
    origin: Origin
    url: str | None = None


@dataclass(frozen=True)
class Method:
    id: str
    name: str
    summary: str
    for_families: str
    for_whom: str
    themes: tuple[str, ...]
    age_groups: tuple[str, ...]
    formats: tuple[str, ...]
    sources: tuple[str, ...]
    updated: date
    checked: date
    origin: Origin
    aliases: tuple[str, ...] = ()  # earlier ids: their URLs redirect here
    abbreviation: str | None = None
    other_names: tuple[str, ...] = ()
    for_professionals: str | None = None
    owner: str | None = None
    partners: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()
    training: str | None = None
    trainers: tuple[str, ...] = ()
    website: str | None = None
    evidence: EvidenceRating | None = None
    support: tuple[str, ...] = ()
    client_path: tuple[Step, ...] = ()
    roles: tuple[Step, ...] = ()
    keywords: tuple[str, ...] = ()

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


@dataclass(frozen=True)
class Service:
    """A service a family can turn to, placed on the traffic-light model."""

    id: str
    name: str
    level: str
    level_reason: str
    summary: str
    description: str
    areas: tuple[str, ...]
    sources: tuple[str, ...]
    updated: date
    checked: date
    origin: Origin
    aliases: tuple[str, ...] = ()  # earlier ids: their URLs redirect here
    for_whom: str | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    themes: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    phone: str | None = None
    website: str | None = None
    charge: str | None = None
    status: str | None = None
    provider: str | None = None
    methods: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    import_origin: ImportOrigin | None = None


@dataclass(frozen=True)
class Helpline:
    """A number to call at once: the emergency number or a national helpline."""

    id: str
    name: str
    phone: str
    when: str
    source: str
    checked: date
    origin: Origin


@dataclass(frozen=True)
class SynonymGroup:
    """Words and phrases that mean the same thing to a searcher (search finds one by another)."""

    id: str
    words: tuple[str, ...]
    checked: date
    origin: Origin
    description: str | None = None


@dataclass(frozen=True)
class LifeSituation:
    """A family's situation in their own words, linked to the services and methods that help."""

    id: str
    name: str
    description: str
    services: tuple[str, ...]
    sources: tuple[str, ...]
    updated: date
    checked: date
    origin: Origin
    aliases: tuple[str, ...] = ()  # earlier ids: their URLs redirect here
    at_home: str | None = None
    words: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()


@dataclass(frozen=True)
class Observation:
    """A dated figure on how far a method has been taken into use in an area."""

    method: str
    area: str
    year: int
    topic: str
    result: str
    source: str
    checked: date
    origin: Origin
    stage: str | None = None
    municipalities: int | None = None
    municipalities_total: int | None = None
    municipalities_active: int | None = None
    trained: int | None = None
    note: str | None = None


_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "perhekeskuksen-menetelmat-ja-palvelut")


def stable_uuid(*parts: str) -> str:
    """A UUID that is the same at every build for the same parts (UUID 5)."""
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def record_uuid(kind: str, record_id: str) -> str:
    """A record's open-data UUID (HSDS `organization`, `service`), made from its first id so that it
    outlives renames; an importer reading an HSDS feed this generator published recognises it."""
    return stable_uuid(kind, record_id)


def first_id(record) -> str:
    """The id a record was first published under: the first of its earlier ids, else its id.
    Identifiers that must outlive renames (open data UUIDs, feed entries) are made from it."""
    return (record.aliases or (record.id,))[0]


def title_of(record) -> str:
    """The name a record's page is known by: a method with its abbreviation, others by name."""
    return getattr(record, "display_name", None) or record.name
