"""The search vocabulary the search page uses before and after it calls Pagefind.

Pagefind finds the words a page writes (stemmed with Snowball, and as prefixes). It does not
know that "tilanteessa" is a form of "tilanne", that "kotiväkivalta" is a kind of
"väkivalta", or that "depressio" means "masennus". At build time every word the site indexes
is analysed (macros.publish.finnish); the browser gets, in small files:

- for every form of every word the site uses (simplemma's paradigms, so also forms the site
  never writes): its *key*, the base form Voikko gives;
- for every key: the site's own words to search for it ("variants"): its inflected forms,
  the words of its synonyms (data/synonyymit.yml) and the compounds that end in it, each
  one whose stem Pagefind will not confuse with other words (`_Reach`);
- a list of the site's words by length, for spelling suggestions;
- the synonym groups that hold phrases ("paha olo"), which only a whole query can match.

Files are chunked by the first letters of the folded form, so one query loads a few of them.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from macros.data.records import SynonymGroup
from macros.pages.output import PublishedFile
from macros.publish.finnish import Analysis, analyse, fold, pagefind_stem, paradigms, words

FOLDER = "hakusanasto"
CHUNK_ENTRIES = 1500  # forms per chunk before it is split by one more letter
VARIANTS = {"v": 24, "s": 24, "c": 16}  # site words searched per key: own forms, synonyms, compounds
SHORTEST_SUGGESTION = 4
# A form whose stem also finds other words on more than STRAYS times as many pages as its
# word's most used form is not searched ('menee' -> 'men' finds the heading 'Menetelmät').
STRAYS = 10


@dataclass
class _Word:
    analysis: Analysis
    key: str


@dataclass
class Lexicon:
    """The vocabulary's files, and its index, which is written last: it also tells the search
    page how many parts Pagefind split its index into, known only when Pagefind is done."""

    files: list[PublishedFile]
    index: dict

    def index_file(self, index_parts: int) -> PublishedFile:
        return PublishedFile(f"{FOLDER}/index.json", _json({**self.index, "osat": index_parts}))


def build(vocabulary: Counter, groups: Iterable[SynonymGroup]) -> Lexicon:
    """The vocabulary's files: `vocabulary` counts the pages each indexed word is on."""
    site = _with_hyphen_parts(vocabulary)
    members = [[words(member) for member in group.words] for group in groups]
    analysed = _analyse(set(site) | {w for group in members for member in group for w in member}, site)
    # Base forms and compound parts are searched as words of their own ("eroperhe" -> ero + perhe).
    more = {w for item in analysed.values() for w in (item.key, *item.analysis.parts)} - set(analysed)
    analysed.update(_analyse(more, site))
    key_of = {word: item.key for word, item in analysed.items()}
    forms = _forms(site, analysed)
    group_keys = [[tuple(key_of[w] for w in member) for member in group] for group in members]
    variants = _variants(site, analysed, group_keys)
    chunks = _chunks(forms)
    files = [_chunk_file(prefix, entries, forms, variants, analysed) for prefix, entries in chunks.items()]
    suggestions = _suggestions(site)
    files += [PublishedFile(f"{FOLDER}/p-{length}.json", _json(words)) for length, words in suggestions.items()]
    phrase_groups = [[list(m) for m in g] for g in group_keys if any(len(m) > 1 for m in g)]
    index = {
        "lohkot": sorted(chunks),
        "pituudet": sorted(suggestions),
        "ryhmat": phrase_groups,
    }
    return Lexicon(files, index)


def _with_hyphen_parts(vocabulary: Counter) -> Counter:
    """Pagefind indexes 'adhd-liitto' also as 'adhd' and 'liitto': so do we."""
    site = Counter(vocabulary)
    for word, count in vocabulary.items():
        if "-" in word:
            for part in word.split("-"):
                if len(part) > 1:
                    site[part] += count
    return site


def _analyse(all_words: set[str], site: Counter) -> dict[str, _Word]:
    """Each word's analysis and key: a word that is one of its own base forms is its key ('yksin'
    means alone, not a form of 'yksi'); of other base forms, the one most pages use."""
    analyses = {word: analyse(word) for word in all_words}
    lemma_pages: Counter = Counter()
    for word, analysis in analyses.items():
        for lemma in analysis.lemmas:
            lemma_pages[lemma] += site.get(word, 0)
    analysed = {
        word: _Word(analysis, word if word in analysis.lemmas or not analysis.lemmas else max(analysis.lemmas, key=lambda l: (lemma_pages[l], -len(l))))
        for word, analysis in analyses.items()
    }
    # A word written without ä and ö that Voikko does not know ('kayttoonotto', a data file's name
    # on the editors' page) is the word with them: it takes that word's key, so a query typed the
    # same way searches the real word.
    known = {fold(w): item.key for w, item in sorted(analysed.items(), key=lambda kv: site.get(kv[0], 0)) if item.analysis.lemmas}
    for word, item in analysed.items():
        if not item.analysis.lemmas and fold(word) == word and known.get(word, word) != word:
            item.key = known[word]
    return analysed


def _forms(site: Counter, analysed: dict[str, _Word]) -> dict[str, str]:
    """Every form the search page can recognise -> its key. A word the site writes keeps its
    own analysis; a form only simplemma knows takes the key of the word whose paradigm it is in."""
    keys = {item.key for item in analysed.values()}
    forms = {word: item.key for word, item in analysed.items()}
    forms.update({key: key for key in keys if key not in forms})
    weight = {word: site.get(word, 0) for word in analysed}
    owners: dict[str, tuple[int, str]] = {}
    found = paradigms([*analysed, *keys])
    for source, paradigm in [*found.items(), *_compound_paradigms(analysed, found)]:
        key = analysed[source].key if source in analysed else source
        for form in paradigm:
            if form not in forms and weight.get(source, 0) >= owners.get(form, (-1, ""))[0]:
                owners[form] = (weight.get(source, 0), key)
    forms.update({form: key for form, (_, key) in owners.items()})
    return forms


def _compound_paradigms(analysed: dict[str, _Word], found: dict[str, set[str]]):
    """A compound the dictionary lacks inflects like its last part: 'perhekeskustiimi' takes
    the forms of 'tiimi' ('perhekeskustiimissä')."""
    for word, item in analysed.items():
        parts = item.analysis.parts
        if len(parts) > 1 and item.key.endswith(parts[-1]) and len(found.get(word, ())) <= 1:
            stem = item.key[: -len(parts[-1])]
            yield word, {stem + form for form in found.get(parts[-1], ())}


def _variants(site: Counter, analysed: dict[str, _Word], group_keys: list[list[tuple[str, ...]]]) -> dict[str, dict[str, list[str]]]:
    """Per key, the site's words to search: own forms (v), synonyms' forms (s), compounds it ends (c)."""
    own: dict[str, set[str]] = defaultdict(set)
    containing: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for word in site:
        item = analysed[word]
        for lemma in item.analysis.lemmas or (word,):
            own[lemma].add(word)
        # A compound is a kind of its last parts ("lähisuhdeväkivalta" is väkivalta, "lastensuojelu"
        # is not lapsi); one that begins with a word Pagefind finds already, as a prefix.
        parts = item.analysis.parts
        for start in range(1, len(parts)):
            containing[parts[start:]].add(word)
    synonyms: dict[str, set[str]] = defaultdict(set)
    for group in group_keys:
        singles = [m[0] for m in group if len(m) == 1]
        for key in singles:
            synonyms[key].update(w for other in singles if other != key for w in own.get(other, ()))
    reach = _Reach(site, analysed, own)
    result = {}
    for key in {item.key for item in analysed.values()}:
        parts = analysed[key].analysis.parts if key in analysed and analysed[key].analysis.parts else (key,)
        mine = own.get(key, set())
        result[key] = {
            "r": _root(mine),
            "v": _searchable(mine, site, VARIANTS["v"], reach),
            "s": _searchable(synonyms.get(key, set()) - mine, site, VARIANTS["s"], reach),
            "c": _searchable(containing.get(parts, set()) - mine, site, VARIANTS["c"], reach),
        }
    return result


class _Reach:
    """What Pagefind finds for a searched word: every site word whose stem begins with the
    word's stem. A form whose stem is short ('mennessä' -> 'men') also finds other words
    ('menetelmä'), sometimes on far more pages than its own word."""

    def __init__(self, site: Counter, analysed: dict[str, _Word], own: dict[str, set[str]]) -> None:
        self.site, self.analysed, self.own = site, analysed, own
        self.stems = sorted((pagefind_stem(word), word) for word in site)
        self._strays: dict[str, int] = {}

    def _key(self, word: str) -> str:
        return self.analysed[word].key if word in self.analysed else word

    def strays(self, word: str) -> int:
        """Pages of the other words the word's stem finds: not its own forms, nor compounds that begin with it."""
        if word not in self._strays:
            self._strays[word] = self._count_strays(word)
        return self._strays[word]

    def _count_strays(self, word: str) -> int:
        key = self._key(word)
        stem = pagefind_stem(word)
        found = 0
        for other_stem, other in self.stems[bisect.bisect_left(self.stems, (stem, "")):]:
            if not other_stem.startswith(stem):
                break
            parts = self.analysed[other].analysis.parts
            if other not in self.own.get(key, ()) and not (parts and self._key(parts[0]) == key):
                found += self.site[other]
        return found

    def precise(self, word: str) -> bool:
        pages = max((self.site.get(w, 0) for w in self.own.get(self._key(word), ())), default=0)
        return self.strays(word) <= STRAYS * max(pages, self.site.get(word, 0))


def _searchable(candidates: set[str], site: Counter, limit: int, reach: _Reach) -> list[str]:
    """Fewest words that find the same pages, and little else. A word that finds mostly other
    words is left out, unless all do (then the one that strays least is kept); Pagefind also
    finds words that a searched word begins ('perhe' finds 'perheet'), so a word that begins
    with a kept one is left out."""
    words = {w for w in candidates if len(w) >= 3}  # "et" would find "etelä"
    precise = {w for w in words if reach.precise(w)}
    if words and not precise:  # every form strays: the one that strays least still finds the word
        precise = {min(words, key=lambda w: (reach.strays(w) / max(1, site.get(w, 0)), w))}
    words = precise
    kept: list[str] = []
    for word in sorted(words, key=len):
        if not any(word.startswith(k) for k in kept):
            kept.append(word)
    return sorted(kept, key=lambda w: (-site.get(w, 0), w))[:limit]


def _root(forms: set[str]) -> str:
    """The shortest of a word's forms that is its own Pagefind stem ('koulu'), or ''. Pagefind reads
    one part of its index for it, where a longer form ('kouluun') can cost two: the form's and
    its stem's. The search page searches a form that begins with it as the root when it must
    save (overrides/assets/javascripts/haku.js, withinBudget)."""
    return min((f for f in forms if pagefind_stem(f) == f), key=lambda f: (len(f), f), default="")


def _chunks(forms: dict[str, str]) -> dict[str, list[str]]:
    """Forms grouped by folded prefix: two letters, one more while a group is too big."""
    chunks: dict[str, list[str]] = {}
    pending = [(2, list(forms))]
    while pending:
        length, group = pending.pop()
        by_prefix: dict[str, list[str]] = defaultdict(list)
        for form in group:
            by_prefix[fold(form)[:length]].append(form)
        for prefix, members in by_prefix.items():
            if len(members) > CHUNK_ENTRIES and length < 6:
                short = [m for m in members if len(fold(m)) <= length]
                if short:
                    chunks[prefix] = short
                pending.append((length + 1, [m for m in members if len(fold(m)) > length]))
            else:
                chunks[prefix] = members
    return chunks


def chunk_path(prefix: str) -> str:
    return f"{FOLDER}/s-{prefix.encode('utf-8').hex()}.json"


def _chunk_file(prefix: str, entries: list[str], forms: dict[str, str], variants: dict, analysed: dict[str, _Word]) -> PublishedFile:
    keys = sorted({forms[f] for f in entries})
    number = {key: i for i, key in enumerate(keys)}
    body = {
        "m": {form: number[forms[form]] for form in sorted(entries)},
        "a": [_entry(key, variants.get(key, {}), analysed) for key in keys],
        "f": sorted(f for f in entries if _function_word(f, forms[f], analysed)),
    }
    return PublishedFile(chunk_path(prefix), _json(body))


def _entry(key: str, variants: dict, analysed: dict[str, _Word]) -> list:
    """A key's entry as haku.js reads it by position: [key, own forms, synonyms' forms, compounds
    ending in it, its parts as keys, its root]."""
    return [key, *(variants.get(kind, []) for kind in ("v", "s", "c")), list(_parts(key, analysed)), variants.get("r", "")]


def _function_word(form: str, key: str, analysed: dict[str, _Word]) -> bool:
    """A form the site does not write is a function word when its key is ('minua' -> minä)."""
    item = analysed.get(form) or analysed.get(key)
    return item is not None and item.analysis.function_word


def _parts(key: str, analysed: dict[str, _Word]) -> tuple[str, ...]:
    """A compound key's parts as keys, so a query can look for them as separate words."""
    item = analysed.get(key)
    if item is None or len(item.analysis.parts) < 2:
        return ()
    return tuple(analysed[p].key if p in analysed else p for p in item.analysis.parts)


def _suggestions(site: Counter) -> dict[int, list[str]]:
    """Words to suggest ('Tarkoititko …?'), by folded length, the most used first."""
    by_length: dict[int, list[str]] = defaultdict(list)
    for word in sorted(site, key=lambda w: (-site[w], w)):
        if len(word) >= SHORTEST_SUGGESTION:
            by_length[len(fold(word))].append(word)
    return by_length


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
