"""Importing services at national scale: a benchmark that prints figures, not a test.

    python -m bench.importers [--data KANSIO] [--services 10000]

Writes synthetic data (bench/synthetic.py) unless a data folder is given, publishes its services as
our HSDS export does (macros.publish.hsds), and imports that feed twice with `python -m macros.importers
hsds`: back into a copy of the same data (every service found again: the round trip), and into a
county's data folder with no services yet (every service a new draft). Prints the seconds and the
peak memory of each import (goal: 30 s for 10 000 services).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import synthetic
from macros.data.catalog import load_catalog
from macros.pages.output import SiteSettings
from macros.publish.hsds import documents

ROOT = Path(__file__).resolve().parent.parent


def feed(data: Path, out: Path) -> Path:
    """The services and organisations of `data` as our site publishes them (data/hsds/)."""
    for name, items in documents(load_catalog(data), SiteSettings(site_url="https://perhekeskus.example/"), set()).items():
        target = out / Path(name).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return out


def timed_import(feed_dir: Path, data: Path) -> tuple[float, float, str]:
    """Seconds, peak memory (MB) of the import process, and its first report lines."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "macros.importers", "hsds", str(feed_dir), "--out", str(data)],
                            cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far
    return seconds, peak, " / ".join(result.stdout.splitlines()[:3])


def county_without_services(data: Path, out: Path) -> Path:
    """A copy of `data` whose services, life situations and figures are gone: a county about to import."""
    shutil.copytree(data, out)
    shutil.rmtree(out / "palvelut")
    (out / "palvelut").mkdir()
    shutil.rmtree(out / "elamantilanteet")
    (out / "elamantilanteet").mkdir()
    (out / "kayttotilanne.yml").write_text("[]\n", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="Palvelujen tuonti kansallisella datalla.")
    parser.add_argument("--data", type=Path, help="valmis datakansio (oletus: keinotekoinen, bench/synthetic.py)")
    parser.add_argument("--services", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = args.data or synthetic.write(work / "data", synthetic.Scale(services=args.services))
        hsds = feed(data, work / "hsds")
        print(f"syöte: {len(json.loads((hsds / 'services.json').read_text(encoding='utf-8')))} palvelua, "
              f"{(hsds / 'services.json').stat().st_size / 1e6:.1f} MB")
        same = work / "sama"
        shutil.copytree(data, same)
        for name, target in (("takaisin samaan dataan", same), ("uuteen dataan luonnoksiksi", county_without_services(data, work / "uusi"))):
            seconds, peak, report = timed_import(hsds, target)
            print(f"{name:28} {seconds:6.1f} s   muistin huippu {peak:6.0f} MB   {report}")


if __name__ == "__main__":
    main()
