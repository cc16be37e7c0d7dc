"""Check every data file without building the site.

    python -m macros.data.check [datakansio] [--kuukautta N]

Prints one Finnish line per problem and exits 1 when there are errors. Records not checked
against their sources for N months (default 12) are listed as warnings; they do not fail.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from macros.data.catalog import load_catalog
from macros.data.freshness import DEFAULT_MONTHS, stale_records, warnings
from macros.data.problems import DataError


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.data.check", description="Tarkistaa sivuston tiedot.")
    parser.add_argument("datakansio", nargs="?", default=Path(__file__).resolve().parents[2] / "data", type=Path)
    parser.add_argument("--kuukautta", type=int, default=DEFAULT_MONTHS, help="kuinka vanha tarkistus on varoituksen arvoinen")
    options = parser.parse_args(argv)
    try:
        catalog = load_catalog(options.datakansio)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(f"Tiedot kunnossa: {len(catalog.methods)} menetelmää, {len(catalog.services)} palvelua, "
          f"{len(catalog.organisations)} toimijaa, {len(catalog.observations)} käyttötilanteen lukua, "
          f"{len(catalog.sources)} lähdettä.")
    stale = warnings(stale_records(catalog, date.today(), options.kuukautta), options.kuukautta)
    if stale:
        print(f"Varoituksia {len(stale)}: nämä tiedot kannattaa tarkistaa.")
        print("\n".join(map(str, stale)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
