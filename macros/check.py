"""Check every data file without building the site: `python -m macros.check [data-folder]`.

Prints one Finnish line per problem and exits 1 when there are any, 0 when the data is valid.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.catalog import load_catalog
from macros.problems import DataError


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "data"
    try:
        catalog = load_catalog(data_dir)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(f"Tiedot kunnossa: {len(catalog.methods)} menetelmää, {len(catalog.organisations)} toimijaa, "
          f"{len(catalog.observations)} käyttötilanteen lukua, {len(catalog.sources)} lähdettä.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
