"""The traffic-light model: each level's word, shape and plain-language meaning, in one place.

Colour never carries a level alone (WCAG 1.4.1): pages show the word and the shape too.
Templates read this as the global LEVEL_INFO; the open data export uses the same text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    id: str  # as written in a service's `taso`
    key: str  # ASCII, for CSS classes
    title: str
    shape: str  # circle, triangle or square
    meaning: str


LEVEL_INFO = {
    level.id: level
    for level in (
        Level("vihreä", "vihrea", "Vihreä", "circle",
              "Kaikille perheille. Arjen palvelut ja avoin toiminta, kun kaikki on hyvin tai haluat tietoa ja vertaistukea."),
        Level("keltainen", "keltainen", "Keltainen", "triangle",
              "Pieni huoli. Varhaista tukea, kun arki ei suju tai jokin askarruttaa."),
        Level("punainen", "punainen", "Punainen", "square",
              "Suuri huoli. Erityistä apua, kun tilanne on vaikea tai perheessä on vaaraa."),
    )
}
LEVELS = tuple(LEVEL_INFO)  # in the model's order: green, yellow, red
