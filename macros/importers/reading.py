"""Reading an input file, with the Finnish line an editor needs when it is not what it should be."""

from __future__ import annotations

import json
from pathlib import Path

from macros.importers.imported import ImportFailure


def read_json(path: Path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ImportFailure(f"{path}: tiedostoa ei löydy") from None
    except UnicodeDecodeError:
        raise ImportFailure(f"{path}: tiedosto ei ole UTF-8-muodossa") from None
    except json.JSONDecodeError as error:
        raise ImportFailure(f"{path}:{error.lineno}:{error.colno}: JSON on rikki ({error.msg})") from None
