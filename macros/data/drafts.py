"""Imported records that an editor has not completed: what each still needs.

A draft is valid data that is not published (see macros.data.validate.build_record). The data check
prints the list, and the Toimittajille page shows it with a link to each draft in the editors' form.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.catalog import Catalog, schema_collection
from macros.data.problems import Position, Problem


@dataclass(frozen=True)
class Waiting:
    collection: str
    id: str
    name: str
    noun: str
    position: Position
    needs: tuple[str, ...]  # the missing fields' names as the form shows them
    suggestions: tuple[str, ...]  # the source's own classes, for choosing themes


def waiting(catalog: Catalog) -> list[Waiting]:
    """Every draft, in file order."""
    found = []
    for name, drafts in catalog.drafts.items():
        spec = schema_collection(name).spec
        for draft in drafts:
            needs = tuple(spec.field(key).label for key in draft.missing)
            suggestions = draft.import_origin.suggestions if draft.import_origin else ()
            found.append(Waiting(name, draft.id, draft.name, draft.noun, draft.origin.position, needs, suggestions))
    return sorted(found, key=lambda w: str(w.position))


def notes(drafts: list[Waiting]) -> list[Problem]:
    """One line per draft for the data check: not an error, a reminder."""
    return [Problem(w.position, f"{w.noun} '{w.id}' on luonnos eikä näy sivustolla; täydennä: {', '.join(w.needs)}", warning=True) for w in drafts]
