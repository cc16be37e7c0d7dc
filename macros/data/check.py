"""Check every data file without building the site.

    python -m macros.data.check [datakansio] [--kuukautta N] [--github]

Prints one Finnish line per problem and exits 1 when there are errors. Records not checked
against their sources for N months (default 12) are listed as warnings; they do not fail.
With --github (the pull request workflow) each problem is also a GitHub Actions annotation,
so the pull request shows the Finnish message at the file and line it names.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from macros.data.catalog import load_catalog
from macros.data.drafts import notes, waiting
from macros.data.freshness import DEFAULT_MONTHS, stale_records, warnings
from macros.data.problems import DataError, Problem


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.data.check", description="Tarkistaa sivuston tiedot.")
    parser.add_argument("datakansio", nargs="?", default=Path(__file__).resolve().parents[2] / "data", type=Path)
    parser.add_argument("--kuukautta", type=int, default=DEFAULT_MONTHS, help="kuinka vanha tarkistus on varoituksen arvoinen")
    parser.add_argument("--github", action="store_true", help="merkitse virheet myös GitHubin muokkausehdotukseen")
    options = parser.parse_args(argv)
    try:
        catalog = load_catalog(options.datakansio)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        if options.github:
            print("\n".join(map(annotation, error.problems)))
        return 1
    print(f"Tiedot kunnossa: {len(catalog.methods)} menetelmää, {len(catalog.services)} palvelua, "
          f"{len(catalog.organisations)} toimijaa, {len(catalog.observations)} käyttötilanteen lukua, "
          f"{len(catalog.sources)} lähdettä.")
    drafts = notes(waiting(catalog))
    if drafts:
        print(f"Luonnoksia {len(drafts)}: tuodut tietueet odottavat toimittajaa eivätkä näy sivustolla.")
        print("\n".join(map(annotation if options.github else str, drafts)))
    stale = warnings(stale_records(catalog, date.today(), options.kuukautta), options.kuukautta)
    if stale:
        print(f"Varoituksia {len(stale)}: nämä tiedot kannattaa tarkistaa.")
        print("\n".join(map(annotation if options.github else str, stale)))
    return 0


def annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command that marks the problem's line in the pull request."""
    where = problem.position
    level = "warning" if problem.warning else "error"
    return f"::{level} file={_property(where.file)},line={where.line},col={where.column},title=Tietojen tarkistus::{_data(problem.message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
