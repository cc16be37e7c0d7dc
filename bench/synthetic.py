"""Synthetic data at national scale, for the scale benchmark (bench/scale.py). Not real facts.

Writes a complete, valid data folder: the project's own vocabularies, sources, stages and
helplines, plus generated regions, municipalities, organisations, methods, services,
observations and life situations. Text is built from the words of the real data files, in
the lengths editors write, so pages weigh what real pages would. The same seed gives the
same data.

    python -m bench.synthetic OUT_DIR [--methods 500] [--services 10000] [--municipalities 300] [--regions 21]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from macros.data.catalog import load_catalog
from macros.data.formatting import canonical
from macros.data.levels import LEVELS
from macros.data.schema import FILES
from macros.data.yaml_output import dump

ROOT = Path(__file__).resolve().parent.parent
# Shared as they are at any scale: vocabularies, sources, the implementation path, urgent help, and
# the synonyms search uses (without them a national search would load less than a real one).
COPIED = ("sanasto.yml", "lahteet", "kayttoonotto.yml", "apua_heti.yml", "synonyymit.yml")
SOURCE = "kuntajako"  # every synthetic record cites one real source id, so references resolve
YEARS = (2018, 2020, 2022, 2024)


@dataclass(frozen=True)
class Scale:
    methods: int = 500
    services: int = 10_000
    municipalities: int = 300
    regions: int = 21
    organisations: int = 200
    life_situations: int = 10


class Writer:
    """Random but repeatable Finnish-looking text and picks from the real vocabularies."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        words = re.findall(r"[a-zåäö]{3,}", _real_text().lower())
        self.words = sorted(set(words))
        catalog = load_catalog(ROOT / "data")
        self.vocabulary = {name: sorted(catalog.vocabulary(name)) for name in ("teemat", "ikaryhmat", "toteutusmuodot", "toteutuspaikat", "asiointikanavat")}
        self.today = date.today()

    def sentence(self, low: int, high: int) -> str:
        words = self.random.choices(self.words, k=self.random.randint(low, high))
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def text(self, chars: int) -> str:
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < chars:
            parts.append(self.sentence(6, 14))
        return " ".join(parts)[:chars].rsplit(" ", 1)[0] + "."

    def pick(self, vocabulary: str, low: int, high: int) -> list[str]:
        return self.random.sample(self.vocabulary[vocabulary], self.random.randint(low, high))

    def recent(self) -> str:
        return (self.today - timedelta(days=self.random.randint(0, 300))).isoformat()

    def dates(self) -> dict:
        changed = self.recent()
        return {"lahteet": [SOURCE], "paivitetty": changed, "tarkistettu": max(changed, self.recent())}


def _real_text() -> str:
    return " ".join(path.read_text(encoding="utf-8") for folder in ("menetelmat", "palvelut") for path in sorted((ROOT / "data" / folder).glob("*.yml")))


def write(out: Path, scale: Scale = Scale(), seed: int = 1) -> Path:
    """Write a data folder at `scale` into `out` and return it."""
    out.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / "data" / name
        shutil.copytree(source, out / name) if source.is_dir() else shutil.copy(source, out / name)
    w = Writer(seed)
    regions, municipalities = _areas(w, scale)
    organisations = _organisations(w, scale, regions)
    methods = _methods(w, scale, organisations)
    services = _services(w, scale, regions, municipalities, organisations, methods)
    folders = {
        "alueet": regions + municipalities,
        "toimijat": organisations,
        "menetelmat": methods,
        "palvelut": services,
        "elamantilanteet": _life_situations(w, scale, services, methods),
    }
    specs = {spec.path: spec for spec in FILES}
    for name, records in folders.items():  # one file per record, as the editors' form writes them
        (out / name).mkdir()
        for record in records:
            (out / name / f"{record['id']}.yml").write_text(dump(canonical(record, specs[name])), encoding="utf-8")
    observations = _observations(w, methods, regions, municipalities)
    (out / "kayttotilanne.yml").write_text(dump(canonical(observations, specs["kayttotilanne.yml"])), encoding="utf-8")
    return out


def _areas(w: Writer, scale: Scale) -> tuple[list[dict], list[dict]]:
    regions = [{"id": f"alue-{r}", "nimi": f"{w.sentence(1, 1)[:-1]}maa {r}", "tyyppi": "maakunta", **w.dates()} for r in range(scale.regions)]
    municipalities = []
    for m in range(scale.municipalities):
        region = regions[m % scale.regions]
        municipalities.append({"id": f"kunta-{m}", "nimi": f"{w.sentence(1, 1)[:-1]}la {m}", "tyyppi": "kunta", "kuuluu": region["id"], **w.dates()})
    return regions, municipalities


def _organisations(w: Writer, scale: Scale, regions: list[dict]) -> list[dict]:
    counties = [{"id": f"hyvinvointialue-{i}", "nimi": f"{r['nimi']}n hyvinvointialue", "tyyppi": "kuntayhtyma",
                 "kuvaus": w.text(300), **w.dates()} for i, r in enumerate(regions)]
    others = [{"id": f"jarjesto-{i}", "nimi": f"{w.sentence(2, 3)[:-1]} ry", "lyhenne": f"J{i}", "tyyppi": "jarjesto",
               "kuvaus": w.text(400), "verkkosivu": f"https://jarjesto-{i}.example/", **w.dates()} for i in range(scale.organisations)]
    return counties + others


def _methods(w: Writer, scale: Scale, organisations: list[dict]) -> list[dict]:
    associations = [o["id"] for o in organisations if o["tyyppi"] == "jarjesto"]
    methods = []
    for i in range(scale.methods):
        methods.append({
            "id": f"menetelma-{i}",
            "nimi": f"{w.sentence(2, 4)[:-1]} {i}",
            "lyhenne": f"M{i}",
            "tiivistelma": w.text(180),
            "perheille": w.text(700),
            "ammattilaisille": w.text(1500),
            "kenelle": w.text(300),
            "omistaja": w.random.choice(associations),
            "teemat": w.pick("teemat", 1, 3),
            "ikaryhmat": w.pick("ikaryhmat", 1, 3),
            "toteutusmuodot": w.pick("toteutusmuodot", 1, 2),
            "toteutuspaikat": w.pick("toteutuspaikat", 1, 2),
            "koulutus": w.text(400),
            "kouluttajat": [w.random.choice(associations)],
            "asiakaspolku": [{"nimi": w.sentence(2, 4)[:-1], "kuvaus": w.text(200)} for _ in range(3)],
            "avainsanat": w.random.sample(w.words, 4),
            **w.dates(),
        })
    return methods


def _services(w: Writer, scale: Scale, regions, municipalities, organisations, methods) -> list[dict]:
    """Most services belong to one municipality; about one in seven covers its whole region."""
    county_of = {r["id"]: f"hyvinvointialue-{i}" for i, r in enumerate(regions)}
    associations = [o["id"] for o in organisations if o["tyyppi"] == "jarjesto"]
    services = []
    for i in range(scale.services):
        municipality = municipalities[i % len(municipalities)]
        region_wide = w.random.random() < 0.15
        area = municipality["kuuluu"] if region_wide else municipality["id"]
        low = w.random.choice((0, 0, 3, 7, 13))
        services.append({
            "id": f"palvelu-{i}",
            "nimi": f"{w.sentence(1, 3)[:-1]} {i}",
            "taso": w.random.choice(LEVELS),
            "tason_peruste": w.text(120),
            "tiivistelma": w.text(150),
            "kuvaus": w.text(600),
            "kenelle": w.text(100),
            "ika_alkaen": low,
            "ika_asti": min(low + w.random.choice((3, 6, 12)), 17),
            "teemat": w.pick("teemat", 1, 3),
            "asiointikanavat": w.pick("asiointikanavat", 1, 2),
            "maksu": "maksuton",
            "tuottaja": county_of[municipality["kuuluu"]] if w.random.random() < 0.7 else w.random.choice(associations),
            "alueet": [area],
            "menetelmat": [m["id"] for m in w.random.sample(methods, w.random.randint(0, 3))],
            "avainsanat": w.random.sample(w.words, 3),
            **w.dates(),
        })
    return services


def _observations(w: Writer, methods, regions, municipalities) -> list[dict]:
    """Use in municipalities per region and year, for a third of the methods in a third of the regions."""
    size = {r["id"]: sum(m["kuuluu"] == r["id"] for m in municipalities) for r in regions}
    observations = []
    for method in methods[::3]:
        for region in regions[w.random.randint(0, 2)::3]:
            for year in YEARS:
                count = w.random.randint(0, size[region["id"]])
                observations.append({
                    "menetelma": method["id"], "alue": region["id"], "vuosi": year, "aihe": "kaytossa",
                    "tulos": f"{count} kuntaa", "kuntia": count, "kuntia_yhteensa": size[region["id"]],
                    "lahde": SOURCE, "tarkistettu": w.recent(),
                })
    return observations


def _life_situations(w: Writer, scale: Scale, services, methods) -> list[dict]:
    return [{
        "id": f"tilanne-{i}",
        "nimi": w.sentence(2, 3)[:-1],
        "kuvaus": w.text(200),
        "kotona": w.text(400),
        "sanat": w.random.sample(w.words, 5),
        "palvelut": [s["id"] for s in w.random.sample(services, 40)],
        "menetelmat": [m["id"] for m in w.random.sample(methods, 5)],
        **w.dates(),
    } for i in range(scale.life_situations)]


def main() -> None:
    parser = argparse.ArgumentParser(description="Kirjoita keinotekoinen datakansio kuormitustestiin.")
    parser.add_argument("out", type=Path)
    defaults = Scale()
    for name in ("methods", "services", "municipalities", "regions"):
        parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))
    args = parser.parse_args()
    scale = Scale(methods=args.methods, services=args.services, municipalities=args.municipalities, regions=args.regions)
    print(write(args.out, scale))


if __name__ == "__main__":
    main()
