"""Move a data folder of the earlier layout, where every collection was one file, to today's.

    python -m macros.data.layout_upgrade [datakansio]

A county that copied the generator before records were kept one file each (methods.yml,
services.yml, organisations.yml, lahteet.yml, alueet.yml, elamantilanteet.yml) runs this once:
each record becomes `<kansio>/<tunniste>.yml` as the editors' form writes it, and the old file
goes. Nothing is written unless every record of every old file has a usable id.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.data.formatting import canonical
from macros.data.schema import FILES, SLUG
from macros.data.yaml_output import dump
from macros.data.yaml_source import load_yaml

EARLIER = {"methods.yml": "menetelmat", "services.yml": "palvelut", "organisations.yml": "toimijat",
           "lahteet.yml": "lahteet", "alueet.yml": "alueet", "elamantilanteet.yml": "elamantilanteet"}


def upgrade(data_dir: Path) -> list[str]:
    """Split each earlier file into its folder; returns the problems (nothing is written if any)."""
    specs = {spec.path: spec for spec in FILES if spec.folder}
    planned: dict[Path, str] = {}
    problems: list[str] = []
    moved = [name for name, folder in EARLIER.items() if (data_dir / name).exists()]
    for name in moved:
        folder = EARLIER[name]
        document, found = load_yaml(data_dir / name, f"data/{name}")
        problems += [str(p) for p in found]
        if (data_dir / folder).exists():
            problems.append(f"data/{name}: kansio data/{folder} on jo olemassa; siirrä tiedot käsin")
        for index, item in enumerate(document or ()):
            record_id = item.get("id") if isinstance(item, dict) else None
            target = data_dir / folder / f"{record_id}.yml"
            if not isinstance(record_id, str) or not SLUG.match(record_id) or target in planned:
                problems.append(f"data/{name}: tietueen {index + 1} tunniste {record_id!r} puuttuu, ei kelpaa tai toistuu")
                continue
            planned[target] = dump(canonical(item, specs[folder]))
    if problems:
        return problems
    for target, text in planned.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for name in moved:
        (data_dir / name).unlink()
    return []


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "data"
    problems = upgrade(data_dir)
    print("\n".join(problems) if problems else "Tiedot siirretty: jokainen tietue on nyt omana tiedostonaan.", file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
