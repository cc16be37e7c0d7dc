"""The import command: read a source, plan the changes, check the result as the build would, and
only then replace the data folder (a failed import writes nothing)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from macros.data.catalog import load_catalog
from macros.data.problems import DataError
from macros.importers import hsds, ptv
from macros.importers.imported import ImportFailure
from macros.importers.merge import Plan

READERS = {"ptv": ptv.read, "hsds": hsds.read}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.importers", description="Tuo palvelut PTV:stä tai HSDS-syötteestä luonnoksiksi.")
    parser.add_argument("lahde", choices=sorted(READERS), help="ptv (Suomi.fi-palvelutietovaranto) tai hsds (Open Referral HSDS 3.0)")
    parser.add_argument("syote", nargs="?", type=Path, help="syötetiedosto tai -kansio")
    parser.add_argument("--out", type=Path, required=True, help="datakansio, johon tiedot tuodaan")
    parser.add_argument("--paiva", type=date.fromisoformat, default=date.today(), help="tuonnin päivä (oletus tänään)")
    parser.add_argument("--ptv-organisaatio", help="hae organisaation palvelut PTV:n avoimesta rajapinnasta (verkko)")
    parser.add_argument("--tallenna-haettu", type=Path, help="tallenna verkosta haettu PTV-vastaus tähän tiedostoon")
    options = parser.parse_args(argv)
    try:
        services = _read(options)
        plan = Plan(options.out, options.lahde, options.paiva)
        plan.add(services)
        replace_data(options.out, plan.files())
    except (ImportFailure, DataError) as error:
        print(f"Tuonti keskeytyi, mitään ei kirjoitettu: {error}", file=sys.stderr)
        return 1
    print(plan.summary.report())
    return 0


def _read(options):
    if options.ptv_organisaatio:
        if options.lahde != "ptv":
            raise ImportFailure("--ptv-organisaatio käy vain lähteelle ptv")
        fetched = ptv.fetch(options.ptv_organisaatio)
        target = options.tallenna_haettu or Path(tempfile.mkstemp(suffix=".json")[1])
        target.write_text(json.dumps(fetched, ensure_ascii=False, indent=1), encoding="utf-8")
        return ptv.read(target)
    if options.syote is None:
        raise ImportFailure("anna syötetiedosto tai --ptv-organisaatio")
    return READERS[options.lahde](options.syote)


def replace_data(data_dir: Path, files: dict[str, str]) -> None:
    """Write `files` into a copy of the data folder, load it as the build would, then put the copy in
    the folder's place. Raises DataError, with the folder untouched, when the result is not valid."""
    data_dir = data_dir.resolve()
    staging = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}.tuonti-", dir=data_dir.parent))
    try:
        shutil.copytree(data_dir, staging, dirs_exist_ok=True, copy_function=os.link)  # unchanged files shared, not copied
        if not files:
            return
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)  # a new file, not a write through the link into the original
            target.write_text(text, encoding="utf-8")
        load_catalog(staging)
        previous = data_dir.with_name(f".{data_dir.name}.ennen-tuontia")
        shutil.rmtree(previous, ignore_errors=True)
        data_dir.rename(previous)
        staging.rename(data_dir)
        shutil.rmtree(previous)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
