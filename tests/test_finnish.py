"""Finnish analysis for search (macros.publish.finnish) and the vocabulary files it feeds
(macros.publish.search_lexicon), with Voikko and simplemma as the build uses them."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest

from conftest import at, build_site, replace_in
from macros.data.problems import Position
from macros.data.records import Origin, SynonymGroup
from macros.publish.finnish import analyse, fold, paradigms, words
from macros.publish.search_lexicon import build, chunk_path
from test_validation import problems


@pytest.mark.parametrize(("form", "base"), [
    ("tilanteessa", "tilanne"), ("vanhemmille", "vanhempi"), ("väkivallan", "väkivalta"),
    ("vauvoille", "vauva"), ("tuen", "tuki"), ("kotikäynneillä", "kotikäynti"),
    ("neuvonpidossa", "neuvonpito"), ("riidoissa", "riita"), ("menemään", "mennä"),
])
def test_gradation_and_stem_changes_give_the_base_form(form, base):
    assert base in analyse(form).lemmas


@pytest.mark.parametrize(("word", "parts"), [
    ("eroperhe", ("ero", "perhe")), ("vanhempainryhmä", ("vanhempi", "ryhmä")),
    ("perhekeskustiimi", ("perhe", "keskus", "tiimi")), ("adhd-liitto", ("adhd", "liitto")),
])
def test_compounds_split_into_base_forms_of_their_parts(word, parts):
    assert analyse(word).parts == parts


def test_a_simple_word_is_no_compound_and_function_words_are_marked():
    assert analyse("koulu").parts == ()
    assert analyse("jolla").function_word and analyse("en").function_word
    assert analyse("menemään").function_word and analyse("saan").function_word  # the most general verbs
    assert not analyse("lapsi").function_word and not analyse("suostu").function_word


def test_folding_drops_a_and_o_dots_and_case():
    assert fold("Lähisuhdeväkivalta TYÖNTEKIJÄ Åland") == "lahisuhdevakivalta tyontekija aland"
    assert words("Eron jälkeen: ADHD-liitto, 3 lasta!") == ["eron", "jälkeen", "adhd-liitto", "lasta"]


def test_paradigms_hold_forms_the_site_never_writes():
    found = paradigms(["tilanne", "vanhemmille"])
    assert {"tilanteessa", "tilanteisiin"} <= found["tilanne"]
    assert "vanhemmalle" in found["vanhemmille"]


def _chunk(files, form: str) -> dict:
    index = json.loads(next(f.content for f in files if f.path.endswith("index.json")))
    prefix = max((p for p in index["lohkot"] if fold(form).startswith(p)), key=len)
    return json.loads(next(f.content for f in files if f.path == chunk_path(prefix)))


def _entry(files, form: str) -> list:
    chunk = _chunk(files, form)
    return chunk["a"][chunk["m"][form]]


def _files(lexicon) -> list:
    return [*lexicon.files, lexicon.index_file(index_parts=1)]


def _group(*members: str) -> SynonymGroup:
    return SynonymGroup("ryhma", members, date(2026, 12, 1), Origin(Position("data/synonyymit.yml", 1, 1)))


def test_lexicon_maps_an_unwritten_form_to_the_sites_own_words():
    files = _files(build(Counter({"väkivallan": 3, "lähisuhdeväkivalta": 2, "tilanne": 1}), []))
    key, own, synonyms, compounds, parts, root = _entry(files, "väkivallasta")
    assert key == "väkivalta" and own == ["väkivallan"]
    assert compounds == ["lähisuhdeväkivalta"]  # a kind of väkivalta
    assert _entry(files, "tilanteessa")[:2] == ["tilanne", ["tilanne"]]


def test_a_synonym_from_the_vocabulary_finds_the_other_words_forms():
    files = _files(build(Counter({"masennukseen": 2, "perhe": 5}), [_group("masennus", "depressio")]))
    key, own, synonyms, *_ = _entry(files, "depressiosta")
    assert key == "depressio" and own == [] and synonyms == ["masennukseen"]


def test_a_form_whose_stem_finds_mostly_other_words_is_not_searched():
    # Pagefind stems "mennessä" to "men", which also finds "menetelmä" (its heading is on every
    # page here); "menevät" ("menev") finds only itself.
    files = _files(build(Counter({"mennessä": 1, "menevät": 1, "menetelmä": 20, "menetelmät": 20}), []))
    assert _entry(files, "menemään")[:2] == ["mennä", ["menevät"]]
    alone = _files(build(Counter({"mennessä": 1, "menee": 1, "menetelmä": 20, "menevä": 8}), []))
    assert _entry(alone, "menemään")[1] == ["menee"]  # every form strays: the one that strays least stays


def test_a_word_names_its_shortest_form_that_is_its_own_stem_as_its_root():
    # Pagefind stems "kouluun" to "koulu" and reads the index part of each: searching "koulu" costs one.
    files = _files(build(Counter({"kouluun": 3, "koulu": 1, "koulussa": 2}), []))
    assert _entry(files, "kouluun")[5] == "koulu"
    assert _entry(_files(build(Counter({"lapsi": 3, "lapsen": 2}), [])), "lapsen")[5] == ""  # its stems "lap", "laps" are no forms


def test_a_word_written_without_a_and_o_that_voikko_does_not_know_is_the_word_with_them():
    # A data file's name on the editors' page ("kayttoonotto") is such a word; someone typing it means the word.
    files = _files(build(Counter({"ryhmäneuvola": 3, "ryhmaneuvola": 1, "ryhmä": 2}), []))
    key, own, *_ = _entry(files, "ryhmaneuvola")
    assert key == "ryhmäneuvola" and "ryhmaneuvola" not in own
    assert _entry(files, "ryhma")[0] == "ryhmä"


def test_a_word_in_one_of_its_base_forms_is_its_own_key():
    files = _files(build(Counter({"yksin": 1, "yksi": 5, "yhden": 5}), []))
    assert _entry(files, "yksin")[:2] == ["yksin", ["yksin"]]  # alone, not a form of "yksi"
    assert _entry(files, "yhden")[0] == "yksi"


def test_phrase_synonyms_travel_in_the_index_for_the_whole_query():
    files = _files(build(Counter({"huonosti": 1, "olo": 1}), [_group("paha olo", "voida huonosti")]))
    index = json.loads(next(f.content for f in files if f.path.endswith("index.json")))
    assert index["ryhmat"] == [[["paha", "olo"], ["voida", "huono"]]]  # as keys: Voikko reads "huonosti" as huono


def test_suggestions_list_the_sites_words_by_length_most_used_first():
    files = _files(build(Counter({"vanhemmuus": 9, "vanhemmuuden": 4, "vanhemmat": 1}), []))
    by_path = {f.path: json.loads(f.content) for f in files}
    assert by_path["hakusanasto/p-10.json"] == ["vanhemmuus"]
    assert "vanhemmuuden" in by_path["hakusanasto/p-12.json"]


def test_a_group_with_one_word_or_a_word_in_two_groups_is_refused(data_copy):
    path = data_copy / "synonyymit.yml"
    replace_in(path, "  sanat:\n    - terveydenhoitaja\n    - terkkari\n    - neuvolatäti\n    - kouluterkkari\n", "  sanat: [terveydenhoitaja]\n")
    replace_in(path, "    - oppilashuolto\n    - opiskeluhuolto\n    - opiskelijahuolto\n", "    - oppilashuolto\n    - tarha\n")
    assert problems(data_copy) == [
        f"{at(path, 'sanat: [terveydenhoitaja]', '[terveydenhoitaja]')}: synonyymiryhmä 'terveydenhoitaja': kenttä 'sanat' tarvitsee vähintään kaksi eri sanaa",
        f"data/synonyymit.yml:{int(at(path, '- oppilashuolto').split(':')[1]) + 1}:7: synonyymiryhmä 'oppilashuolto': sana 'tarha' on jo ryhmässä 'paivakoti' ({at(path, '- id: paivakoti', 'id')}); sana voi kuulua vain yhteen ryhmään",
    ]


def test_a_bad_synonym_file_stops_the_build_with_file_and_line(data_copy, tmp_path):
    path = data_copy / "synonyymit.yml"
    replace_in(path, "- id: masennus\n  sanat:", "- id: masennus\n  sanoja:")
    built = build_site(data_copy, tmp_path / "site")
    assert built.result.returncode != 0
    assert f"{at(path, 'sanoja:', 'sanoja')}: synonyymiryhmä 'masennus': tuntematon kenttä 'sanoja'" in built.output
    assert not (tmp_path / "site" / "hakusanasto").exists()


def test_a_data_folder_without_a_synonym_file_builds(data_copy):
    (data_copy / "synonyymit.yml").unlink()
    from macros.data.catalog import load_catalog
    assert load_catalog(data_copy).synonym_groups == []
