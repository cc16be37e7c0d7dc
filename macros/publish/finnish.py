"""Finnish word analysis for search: base forms, compound parts, inflected forms, folding.

Two libraries, each for what it does best (measured on the site's own words):
- Voikko (libvoikko + voikko-fi, a morphological analyser) gives a word's base forms and its
  compound parts, for any word including new compounds ("eroperhe" -> ero + perhe), 40 000
  words a second. It cannot generate forms.
- simplemma's Finnish dictionary (3.5 million inflected forms of 125 000 lemmas) gives the
  forms a word has: the search page must recognise "tilanteessa" although the site only
  writes "tilanne". Its dictionary takes seconds to decode, so its forms are kept in an SQLite
  cache (`paradigm_cache`), built once per simplemma version.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Word classes that carry no topic of their own: a query may match without them.
FUNCTION_CLASSES = frozenset({"sidesana", "kieltosana", "asemosana", "suhdesana", "huudahdussana"})
# Adverbs and the most general verbs: families' questions are full of them ("mistä saan apua",
# "lapsi ei suostu menemään kouluun"), the topic is in the other words.
FUNCTION_LEMMAS = frozenset({
    "olla", "voida", "miten", "miksi", "milloin", "kuinka", "enää", "myös", "vain", "jo", "vielä", "nyt", "aina", "koko",
    "mennä", "tulla", "saada", "tehdä", "käydä", "pitää",
})
PIECE = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


class AnalyserMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Analysis:
    """What Voikko says of one word. Empty `lemmas` means Voikko does not know the word."""

    lemmas: tuple[str, ...]
    parts: tuple[str, ...]  # base forms of the compound's parts; () when not a compound
    function_word: bool


@functools.cache  # the same words in every build of a `mkdocs serve` session
def fold(text: str) -> str:
    """Lower case without diacritics: 'Väkivalta' -> 'vakivalta' (phones without ä and ö)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("finnish")


@functools.cache
def pagefind_stem(word: str) -> str:
    """The stem Pagefind searches for a word: its Finnish Snowball stemmer, the same algorithm."""
    return _stemmer().stemWord(word)


def words(text: str) -> list[str]:
    """The words of a text in lower case; hyphenated words whole ('adhd-liitto')."""
    return WORD.findall(text.lower())


@functools.cache
def _voikko():
    try:
        from libvoikko import Voikko

        return Voikko("fi")
    except (ImportError, OSError, Exception) as error:  # libvoikko raises its own on a missing dictionary
        raise AnalyserMissing(
            "Suomen kielen analysaattoria (Voikko) ei löydy: asenna Debianin paketit libvoikko1 ja voikko-fi "
            f"(scripts/test ja scripts/serve tekevät sen) ({error})"
        ) from None


def analyse(word: str) -> Analysis:
    found = _voikko().analyze(word)
    lemmas = tuple(dict.fromkeys(a["BASEFORM"].lower() for a in found if "BASEFORM" in a))
    parts: tuple[str, ...] = ()
    for result in found:
        candidate = compound_parts(result.get("WORDBASES", ""))
        if len(candidate) > 1:
            parts = candidate
            break
    function_word = any(a.get("CLASS") in FUNCTION_CLASSES or a.get("BASEFORM", "").lower() in FUNCTION_LEMMAS for a in found)
    return Analysis(lemmas, parts, function_word)


def compound_parts(wordbases: str) -> tuple[str, ...]:
    """'+lähi+suhde(suhde)+väki(väki)+valta(valta)' -> ('lähi', 'suhde', 'väki', 'valta').
    A piece whose base starts with '+' is a derivational suffix ('+liit(liittää)+to(+to)'):
    it is joined to the part before it, which then stands as written ('liitto')."""
    parts: list[str] = []
    derived = False
    for surface, base in PIECE.findall(wordbases):
        if base.startswith("+"):
            if parts:
                parts[-1] = (parts[-1] if derived else previous) + surface.lower()
                derived = True
            continue
        previous, derived = surface.lower(), False
        text = (base or surface).lower().strip("-")
        if text and (base or len(surface) >= 3):
            parts.append(text)
    return tuple(parts)


def cache_dir() -> Path:
    return Path(os.environ.get("SITE_CACHE_DIR") or ROOT / ".cache")


def _simplemma_version() -> str:
    from importlib.metadata import version

    return version("simplemma")


@functools.cache
def paradigm_cache() -> Path:
    """The SQLite file of simplemma's Finnish forms (form -> lemma), built on first use."""
    path = cache_dir() / f"muodot-fi-simplemma-{_simplemma_version()}.sqlite"
    if path.exists():
        return path
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    forms = DefaultDictionaryFactory().get_dictionary("fi")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    with sqlite3.connect(partial) as db:
        db.execute("CREATE TABLE muodot (muoto TEXT PRIMARY KEY, perusmuoto TEXT NOT NULL) WITHOUT ROWID")
        db.executemany("INSERT OR IGNORE INTO muodot VALUES (?, ?)", ((f.lower(), l.lower()) for f, l in forms.items()))
        db.execute("CREATE INDEX perusmuodot ON muodot (perusmuoto)")
    db.close()
    os.replace(partial, path)  # several builds may race to make it; each writes its own file
    return path


def paradigms(words: Iterable[str]) -> dict[str, set[str]]:
    """For each word: every form of its paradigm in simplemma's dictionary, found through the
    word as a form ('vanhemmille' -> the forms of 'vanhemmat') or as a lemma ('tilanne')."""
    wanted = sorted(set(words))
    with sqlite3.connect(f"file:{paradigm_cache()}?mode=ro", uri=True) as db:
        db.execute("CREATE TEMP TABLE sanat (sana TEXT PRIMARY KEY) WITHOUT ROWID")
        db.executemany("INSERT INTO sanat VALUES (?)", ((w,) for w in wanted))
        rows = db.execute(
            """WITH perus(sana, perusmuoto) AS (
                   SELECT sana, perusmuoto FROM sanat JOIN muodot ON muoto = sana
                   UNION SELECT sana, sana FROM sanat)
               SELECT perus.sana, muodot.muoto FROM perus JOIN muodot ON muodot.perusmuoto = perus.perusmuoto"""
        ).fetchall()
    db.close()
    found: dict[str, set[str]] = {w: {w} for w in wanted}
    for word, form in rows:
        found[word].add(form)
    return found
