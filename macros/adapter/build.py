"""Build the site for publishing without ever leaving a half-written site behind.

    python -m macros.adapter.build [--site-dir site]

MkDocs writes into its output folder as it goes, and strict mode fails only at the end,
so a failed build could leave a partly new site where a deploy would pick it up. This
builds into a fresh folder beside the target and swaps it in only when the build passed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build(site_dir: Path) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-uusi-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(fresh)]
    result = subprocess.run(command, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"Sivuston rakentaminen epäonnistui; {site_dir} jäi ennalleen.", file=sys.stderr)
        return result.returncode
    _swap(fresh, site_dir)
    print(f"Sivusto rakennettu: {site_dir}")
    return 0


def _swap(fresh: Path, site_dir: Path) -> None:
    """Put `fresh` in place of `site_dir`: two renames, so the old site is whole until the new one is."""
    old = site_dir.with_name(f".{site_dir.name}-vanha")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.adapter.build", description="Rakentaa sivuston turvallisesti.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    return build(parser.parse_args(argv).site_dir)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
