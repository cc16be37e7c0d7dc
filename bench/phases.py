"""Where a build's time goes: the project's build with a timeline printed beside it.

    .venv/bin/python -m bench.phases [--data DIR]

Without --data the build reads national-scale synthetic data (bench/synthetic.py, defaults of
bench/scale.py). The timeline comes from bench/phase_hook.py, added in front of the project's hook
in a copy of mkdocs.yml; the site goes to a temporary folder. Prints figures; asserts nothing.
Read it with the machine's two cores in mind: a phase whose CPU seconds (main + children +
Pagefind) grow by twice its wall time kept both cores busy.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import synthetic
from bench.scale import ENV, ROOT, _ram_disk

HOOK = ROOT / "bench" / "phase_hook.py"


def timed_config() -> Path:
    """mkdocs.yml with the phase hook first; beside it, so that its relative paths still hold."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nhooks:\n" in text, "mkdocs.yml: hooks-lista puuttuu"
    config = ROOT / ".mkdocs-vaiheet.yml"
    config.write_text(text.replace("\nhooks:\n", f"\nhooks:\n  - {HOOK}\n", 1), encoding="utf-8")
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description="Rakennuksen vaiheet aikajanana.")
    parser.add_argument("--data", type=Path, help="datakansio (oletus: valtakunnallinen synteettinen data)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=_ram_disk()) as work:
        data = options.data
        if data is None:
            data = Path(work) / "data"
            synthetic.write(data, synthetic.Scale())
        config = timed_config()
        try:
            command = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(config), "-d", str(Path(work) / "site")]
            done = subprocess.run(command, cwd=ROOT, env={**ENV, "SITE_DATA_DIR": str(data.resolve())})
        finally:
            config.unlink()
    raise SystemExit(done.returncode)


if __name__ == "__main__":
    main()
