"""Which records have not been checked against their sources for too long."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from macros.data.catalog import Catalog
from macros.data.problems import Position, Problem

DEFAULT_MONTHS = 12


@dataclass(frozen=True)
class Stale:
    label: str
    position: Position
    checked: date


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for last_day in (day.day, 30, 29, 28):  # 31 March minus one month is 28/29 February
        try:
            return date(year, month + 1, last_day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def stale_records(catalog: Catalog, today: date, months: int = DEFAULT_MONTHS) -> list[Stale]:
    """Records whose `tarkistettu` is older than `months`, oldest first."""
    cutoff = months_before(today, months)
    found = []
    for name, records in catalog.collections.items():
        noun = catalog.noun(name)
        for record in records.values():
            checked = getattr(record, "checked", None)
            if checked and checked < cutoff:
                found.append(Stale(f"{noun} '{record.id}'", record.origin.of("tarkistettu"), checked))
    for o in catalog.observations:
        if o.checked < cutoff:
            found.append(Stale(f"havainto '{o.method} / {o.area} / {o.year}'", o.origin.of("tarkistettu"), o.checked))
    return sorted(found, key=lambda s: (s.checked, str(s.position)))


def warnings(stale: list[Stale], months: int) -> list[Problem]:
    return [
        Problem(s.position, f"{s.label}: tiedot tarkistettu viimeksi {s.checked.isoformat()} (yli {months} kk sitten); tarkista lähteistä ja päivitä 'tarkistettu'", warning=True)
        for s in stale
    ]
