"""What a source says about a service, in our terms, before it meets our data.

Each reader (ptv, hsds) turns its input into these; macros.importers.merge decides what they
change in the data folder. Field keys are our schema's (nimi, kuvaus, …); nothing here is a
fact the source did not give.
"""

from __future__ import annotations

from dataclasses import dataclass


class ImportFailure(Exception):
    """The input cannot be imported; the message is one Finnish line naming the item and field."""


@dataclass(frozen=True)
class AreaRef:
    """An area as the source names it: an official code (PTV) or a name and address (HSDS)."""

    code: str | None = None
    name: str | None = None
    uri: str | None = None

    def __str__(self) -> str:
        return self.code or self.name or self.uri or "?"


@dataclass(frozen=True)
class ImportedOrganisation:
    origin_id: str
    name: str
    fields: dict  # nimi and what else the source gives: lyhenne, kuvaus, verkkosivu


@dataclass(frozen=True)
class ImportedService:
    system: str  # "ptv" or "hsds"
    origin_id: str
    label: str  # how messages name the item: "PTV-palvelu 2222… ('Perheneuvola')"
    fields: dict  # the values the source owns, by our keys (nimi, tiivistelma, kuvaus, puhelin …)
    source: dict  # the lahteet record citing the service at its origin (nimi, julkaisija, url, kuvaus)
    url: str | None = None  # the service's public address at its origin
    modified: str | None = None  # YYYY-MM-DD: when the source last changed it
    areas: tuple[AreaRef, ...] = ()
    nationwide: bool = False
    provider: ImportedOrganisation | None = None
    suggestions: tuple[str, ...] = ()  # the source's classes (target groups, life events): for editors only
