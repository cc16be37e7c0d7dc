"""Data problems: one Finnish line each, pointing at file, line and column."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Position(NamedTuple):
    """Where a value stands in a data file (1-based, as editors count). A tuple: every YAML
    value gets one, hundreds of thousands at national scale, and tuples are cheap to make."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    position: Position
    message: str
    warning: bool = False

    def __str__(self) -> str:
        label = "varoitus: " if self.warning else ""
        return f"{self.position}: {label}{self.message}"


class DataError(Exception):
    """Raised when the data has errors; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=_order)
        super().__init__(self.report())

    def __reduce__(self):  # rebuilt from its problems when it comes back from a child process
        return (DataError, (self.problems,))

    def report(self) -> str:
        count = len(self.problems)
        noun = "virhe" if count == 1 else "virhettä"
        lines = [f"Tiedoissa on {count} {noun}. Sivustoa ei julkaista, ennen kuin ne on korjattu:"]
        lines += [str(problem) for problem in self.problems]
        return "\n".join(lines)


def _order(problem: Problem) -> tuple[str, int, int]:
    pos = problem.position
    return (pos.file, pos.line, pos.column)
