"""The one definition of every data file and field.

The validator reads these definitions; later the JSON Schema and the editors' field
reference are generated from them too, so a field is described in one place only.
YAML keys are Finnish (editors write them); attributes are the English names the
records and templates use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from macros.data import records
from macros.data.levels import LEVELS


# An id: lower-case letters a-z, digits and single hyphens. It is a page's address and, for records kept
# one file each, the file's name.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Kind(Enum):
    LINE = "yksirivinen teksti"
    TEXT = "teksti"
    SLUG = "tunniste"
    DATE = "päivämäärä"
    URL = "verkko-osoite"
    INT = "kokonaisluku"
    YEAR = "vuosiluku"
    CHOICE = "yksi sallituista arvoista"
    PHONE = "puhelinnumero"
    CODE = "numerokoodi"


@dataclass(frozen=True)
class Field:
    key: str
    attr: str
    kind: "Kind | RecordSpec"
    help: str
    required: bool = False
    many: bool = False
    ref: str | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    label: str = ""  # the field's name in the editors' form; by default LABELS[key]
    machine: bool = False  # written by a program (the importer): read-only in the editors' form

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", LABELS[self.key])


# Each key's Finnish name in the editors' form and the field guide. Keys are written without
# ä and ö (they are typed by hand in YAML); these are the words an editor reads.
LABELS = {
    "id": "Tunniste", "aiemmat_osoitteet": "Aiemmat tunnisteet", "nimi": "Nimi", "lyhenne": "Lyhenne",
    "muut_nimet": "Muut nimet", "tiivistelma": "Tiivistelmä", "perheille": "Perheille", "ammattilaisille": "Ammattilaisille",
    "kenelle": "Kenelle", "kuvaus": "Kuvaus", "omistaja": "Omistaja", "kumppanit": "Kumppanit", "teemat": "Teemat",
    "ikaryhmat": "Ikäryhmät", "toteutusmuodot": "Toteutusmuodot", "toteutuspaikat": "Toteutuspaikat", "koulutus": "Koulutus",
    "kouluttajat": "Kouluttajat", "verkkosivu": "Verkkosivu", "naytto": "Näyttöarvio", "arvio": "Arvio", "arvioija": "Arvioija",
    "arvioitu": "Arvioitu", "linkki": "Linkki arvioon", "tukitoimet": "Tukitoimet", "asiakaspolku": "Asiakaspolku",
    "tehtavat": "Tehtävät", "roolit": "Roolit", "avainsanat": "Hakusanat", "lahteet": "Lähteet", "lahde": "Lähde",
    "paivitetty": "Sisältö päivitetty", "tarkistettu": "Tiedot tarkistettu", "taso": "Liikennevalotaso",
    "tason_peruste": "Tason peruste", "ika_alkaen": "Ikä alkaen", "ika_asti": "Ikä asti", "asiointikanavat": "Asiointikanavat",
    "puhelin": "Puhelin", "maksu": "Maksu", "tila": "Tila", "tuottaja": "Järjestäjä tai tuottaja", "alueet": "Alueet",
    "menetelmat": "Menetelmät", "palvelut": "Palvelut", "tyyppi": "Tyyppi", "kuuluu": "Kuuluu alueeseen",
    "julkaisija": "Julkaisija", "vuosi": "Vuosi", "julkaistu": "Julkaistu", "url": "Verkko-osoite", "aineisto": "Aineisto",
    "numero": "Järjestysnumero", "lahteen_sanamuoto": "Lähteen sanamuoto", "johto": "Johdon tehtävät",
    "seuraavaan": "Seuraavaan vaiheeseen", "milloin": "Milloin", "kotona": "Kotona", "sanat": "Sanat",
    "menetelma": "Menetelmä", "alue": "Alue", "aihe": "Aihe", "tulos": "Tulos", "vaihe": "Käyttöönoton vaihe",
    "kuntia": "Kuntia", "kuntia_yhteensa": "Kuntia yhteensä", "aktiivisesti_kuntia": "Aktiivisesti kuntia",
    "koulutettuja": "Koulutettuja", "lisatieto": "Lisätieto", "koodi": "Tilastokeskuksen koodi",
    "alkupera": "Tuonnin tiedot", "jarjestelma": "Järjestelmä", "tunniste": "Tunniste lähteessä", "osoite": "Osoite lähteessä",
    "tuotu": "Tuotu", "tuodut": "Tuotujen kenttien tarkisteet", "ehdotukset": "Ehdotuksia lähteestä",
}


@dataclass(frozen=True)
class RecordSpec:
    noun: str  # "menetelmä": used in messages
    record_type: type
    fields: tuple[Field, ...]
    id_from: tuple[str, ...] = ("id",)  # keys that name a record in messages

    def field(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.key == key), None)


@dataclass(frozen=True)
class Collection:
    """A named set of records that other records refer to by id."""

    name: str
    spec: RecordSpec
    unknown: str  # "tuntemattomaan toimijaan": how a dangling reference is said
    label: str  # the collection's name for editors: "Toimijat"


@dataclass(frozen=True)
class DataFile:
    path: str  # relative to the data folder
    sections: tuple[Collection, ...]  # one unnamed list, or named lists in a mapping
    keyed: bool = False  # True: a mapping of section name -> list
    optional: bool = False  # a data folder may leave the file out
    folder: bool = False  # True: `path` is a folder with one file per record, named by its id
    guidance: str = ""  # what an editor should know about the whole file (the form and the field guide show it)
    label: str = ""  # the file's name for editors; by default its only collection's

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.sections[0].label)


def _id(genitive: str) -> Field:
    return Field("id", "id", Kind.SLUG, f"{genitive.capitalize()} pysyvä tunniste verkko-osoitteessa: pienet kirjaimet a–z, numerot ja väliviivat", required=True)


def _aliases() -> Field:
    """Last in a record: rarely needed, and the form shows fields in this order."""
    return Field(
        "aiemmat_osoitteet", "aliases", Kind.SLUG,
        "Aiemmat tunnisteet, jos tunnistetta on muutettu: vanhat osoitteet ohjataan uudelle sivulle, joten linkit eivät katkea",
        many=True,
    )


def _dates() -> tuple[Field, ...]:
    return (
        Field("paivitetty", "updated", Kind.DATE, "Sisältö päivitetty: milloin tietoja viimeksi muutettiin (VVVV-KK-PP)", required=True),
        Field("tarkistettu", "checked", Kind.DATE, "Tiedot tarkistettu: milloin tiedot viimeksi varmistettiin lähteistä (VVVV-KK-PP)", required=True),
    )


def _sources() -> Field:
    return Field("lahteet", "sources", Kind.SLUG, "Lähteet, joista tiedot ovat (kansio data/lahteet)", required=True, many=True, ref="lahteet")


TERM = RecordSpec(
    "sanaston termi",
    records.Term,
    (
        Field("id", "id", Kind.SLUG, "Termin tunniste", required=True),
        Field("nimi", "name", Kind.LINE, "Termi sellaisena kuin se näytetään", required=True, max_length=60),
        Field("kuvaus", "description", Kind.TEXT, "Lyhyt selitys", max_length=400),
        Field("taso", "level", Kind.INT, "Näytön aste numerona (vain näyttöasteikossa)", minimum=1, maximum=5, label="Aste numerona"),
        Field("ika_alkaen", "minimum_age", Kind.INT, "Ikäryhmän alin ikä vuosina (vain ikäryhmissä)", minimum=0, maximum=29),
        Field("ika_asti", "maximum_age", Kind.INT, "Ikäryhmän ylin ikä vuosina (vain ikäryhmissä)", minimum=0, maximum=29),
        Field("lahde", "source", Kind.SLUG, "Lähde, josta termi on", ref="lahteet"),
    ),
)

SOURCE = RecordSpec(
    "lähde",
    records.Source,
    (
        _id("lähteen"),
        Field("nimi", "title", Kind.LINE, "Lähteen otsikko", required=True, max_length=200),
        Field("julkaisija", "publisher", Kind.LINE, "Kuka lähteen on julkaissut tai laatinut (organisaatio)", max_length=200),
        Field("vuosi", "year", Kind.INT, "Julkaisuvuosi", minimum=1900, maximum=2100),
        Field("julkaistu", "published", Kind.DATE, "Julkaisupäivä, jos tiedossa"),
        Field("url", "url", Kind.URL, "Verkko-osoite, jos lähde on verkossa (https://…)"),
        Field("aineisto", "material", Kind.LINE, "Aineiston tiedostonimi projektin lähdekansiossa", max_length=120),
        Field("kuvaus", "description", Kind.TEXT, "Mitä lähde on", max_length=600),
        Field("tarkistettu", "checked", Kind.DATE, "Milloin lähde viimeksi tarkistettiin (VVVV-KK-PP)", required=True),
    ),
)

# Where an imported record came from: an import finds the record again by `tunniste`, and updates a field
# only while the record still holds what was imported (its fingerprint in `tuodut`), so an editor's own
# text is never overwritten. A record with this block that lacks required fields is a draft: valid, not
# published, listed for editors with what it still needs.
IMPORT_ORIGIN = RecordSpec(
    "tuonnin tiedot",
    records.ImportOrigin,
    (
        Field("jarjestelma", "system", Kind.CHOICE, "Mistä tietue on tuotu: ptv (Suomi.fi-palvelutietovaranto) tai hsds (Open Referral -syöte)", required=True, choices=("ptv", "hsds"), machine=True),
        Field("tunniste", "id", Kind.LINE, "Tietueen tunniste lähteessä; uusi tuonti tunnistaa tietueen tästä", required=True, max_length=200, machine=True),
        Field("osoite", "url", Kind.URL, "Tietueen julkinen osoite lähteessä", machine=True),
        Field("tuotu", "imported", Kind.DATE, "Milloin tietue viimeksi tuotiin", required=True, machine=True),
        Field("tuodut", "fingerprints", Kind.LINE, "Tuotujen kenttien tarkisteet (kenttä=tarkiste): tuonti päivittää kentän vain, jos sitä ei ole muutettu tuonnin jälkeen", max_length=600, machine=True),
        Field("ehdotukset", "suggestions", Kind.LINE, "Lähteen luokituksia (kohderyhmät, elämäntapahtumat), joista voi valita teemat; eivät näy sivustolla", many=True, max_length=200, machine=True),
    ),
)


def _import_origin() -> Field:
    return Field("alkupera", "import_origin", IMPORT_ORIGIN, "Tuonnin tiedot (tuonti kirjoittaa nämä; älä muuta)", machine=True)


AREA = RecordSpec(
    "alue",
    records.Area,
    (
        _id("alueen"),
        Field("nimi", "name", Kind.LINE, "Alueen nimi", required=True, max_length=80),
        Field("tyyppi", "kind", Kind.SLUG, "Alueen tyyppi (sanasto: aluetyypit)", required=True, ref="aluetyypit"),
        Field("kuuluu", "part_of", Kind.SLUG, "Alue, johon tämä alue kuuluu", ref="alueet"),
        Field("koodi", "code", Kind.CODE, "Tilastokeskuksen kuntanumero (3 numeroa, esim. 297) tai maakuntakoodi (2 numeroa); palvelujen tuonti tunnistaa alueen tästä"),
        _sources(),
        *_dates(),
        _aliases(),
    ),
)

ORGANISATION = RecordSpec(
    "toimija",
    records.Organisation,
    (
        _id("toimijan"),
        Field("nimi", "name", Kind.LINE, "Toimijan virallinen nimi", required=True, max_length=120),
        Field("lyhenne", "short_name", Kind.LINE, "Lyhyt nimi tai lyhenne, jolla toimija tunnetaan", max_length=40),
        Field("tyyppi", "kind", Kind.SLUG, "Toimijan tyyppi (sanasto: toimijatyypit)", required=True, ref="toimijatyypit"),
        Field("kuvaus", "description", Kind.TEXT, "Mikä toimija on, selkeällä suomella", required=True, max_length=1200),
        Field("verkkosivu", "website", Kind.URL, "Toimijan oma verkkosivu (https://…)"),
        _sources(),
        *_dates(),
        _import_origin(),
        _aliases(),
    ),
)

def _named_steps(noun: str, genitive: str) -> RecordSpec:
    """A list entry with a name, a description and tasks: a step of a family's path, or a worker's role."""
    return RecordSpec(
        noun,
        records.Step,
        (
            Field("nimi", "name", Kind.LINE, f"{genitive} nimi", required=True, max_length=80),
            Field("kuvaus", "description", Kind.TEXT, f"Mitä {noun} tarkoittaa, selkokielellä", required=True, max_length=600),
            Field("tehtavat", "tasks", Kind.LINE, f"{genitive} tehtävät", many=True, max_length=200),
        ),
    )


STEP = _named_steps("vaihe", "Vaiheen")
ROLE = _named_steps("rooli", "Roolin")

EVIDENCE = RecordSpec(
    "näyttöarvio",
    records.EvidenceRating,
    (
        Field("arvio", "level", Kind.SLUG, "Julkaistu taso sillä asteikolla, jolla arvio julkaistiin (sanasto: nayttoasteikko)", required=True, ref="nayttoasteikko"),
        Field("arvioija", "assessor", Kind.LINE, "Kuka arvion teki, niin kuin lähde sen kertoo (esim. Itlan Kasvun tuki -menetelmäpankki)", required=True, max_length=160),
        Field("lahde", "source", Kind.SLUG, "Arvion julkaissut lähde (kansio data/lahteet)", required=True, ref="lahteet"),
        Field("arvioitu", "rated", Kind.DATE, "Arvion päivämäärä", required=True),
        Field("linkki", "url", Kind.URL, "Linkki arvioon"),
    ),
)

METHOD = RecordSpec(
    "menetelmä",
    records.Method,
    (
        _id("menetelmän"),
        Field("nimi", "name", Kind.LINE, "Menetelmän nimi", required=True, max_length=120),
        Field("lyhenne", "abbreviation", Kind.LINE, "Lyhenne, jolla menetelmä tunnetaan (esim. VaVu)", max_length=20),
        Field("muut_nimet", "other_names", Kind.LINE, "Muut nimet, joilla menetelmä tunnetaan", many=True, max_length=120),
        Field("tiivistelma", "summary", Kind.LINE, "Yhden lauseen kuvaus luetteloon", required=True, max_length=220),
        Field("perheille", "for_families", Kind.TEXT, "Mitä menetelmä on, selkokielellä perheille", required=True, max_length=1500),
        Field("ammattilaisille", "for_professionals", Kind.TEXT, "Tarkempi kuvaus ammattilaisille", max_length=4000),
        Field("kenelle", "for_whom", Kind.TEXT, "Kenelle menetelmä on tarkoitettu", required=True, max_length=800),
        Field("omistaja", "owner", Kind.SLUG, "Toimija, joka omistaa menetelmän tai vastaa siitä (kansio data/toimijat)", ref="toimijat"),
        Field("kumppanit", "partners", Kind.SLUG, "Toimijat, jotka ovat kehittäneet tai tukeneet menetelmän käyttöä alueella", many=True, ref="toimijat"),
        Field("teemat", "themes", Kind.SLUG, "Ilmiöt ja teemat (sanasto: teemat)", required=True, many=True, ref="teemat"),
        Field("ikaryhmat", "age_groups", Kind.SLUG, "Kohderyhmän ikä (sanasto: ikaryhmat)", required=True, many=True, ref="ikaryhmat"),
        Field("toteutusmuodot", "formats", Kind.SLUG, "Toteutusmuoto (sanasto: toteutusmuodot)", required=True, many=True, ref="toteutusmuodot"),
        Field("toteutuspaikat", "settings", Kind.SLUG, "Missä menetelmää käytetään (sanasto: toteutuspaikat)", many=True, ref="toteutuspaikat"),
        Field("koulutus", "training", Kind.TEXT, "Miten ammattilaiset koulutetaan menetelmään", max_length=1500),
        Field("kouluttajat", "trainers", Kind.SLUG, "Toimijat, jotka kouluttavat menetelmään", many=True, ref="toimijat"),
        Field("verkkosivu", "website", Kind.URL, "Menetelmän oma verkkosivu (https://…)"),
        Field("naytto", "evidence", EVIDENCE, "Julkaistu näyttöarvio; jätä pois, jos arviota ei ole"),
        Field("tukitoimet", "support", Kind.SLUG, "Käyttöönoton tukitoimet, joita menetelmälle on lähteiden mukaan tehty (kayttoonotto.yml)", many=True, ref="tukitoimet"),
        Field("asiakaspolku", "client_path", STEP, "Perheen polku menetelmässä vaihe vaiheelta", many=True),
        Field("roolit", "roles", ROLE, "Työntekijöiden roolit menetelmässä", many=True),
        Field("avainsanat", "keywords", Kind.LINE, "Sanat, joilla menetelmää haetaan (synonyymit, arkikieli)", many=True, max_length=60),
        _sources(),
        *_dates(),
        _aliases(),
    ),
)

STATUSES = ("aktiivinen", "tauolla", "lakkautettu")
CHARGES = ("maksuton", "maksullinen")

SERVICE = RecordSpec(
    "palvelu",
    records.Service,
    (
        _id("palvelun"),
        Field("nimi", "name", Kind.LINE, "Palvelun nimi", required=True, max_length=120),
        Field("taso", "level", Kind.CHOICE, "Liikennevalomallin taso: vihreä = kaikille perheille, keltainen = pieni huoli tai varhainen tuki, punainen = suuri huoli tai erityinen tuki", required=True, choices=LEVELS),
        Field("tason_peruste", "level_reason", Kind.LINE, "Miksi palvelu on tällä tasolla: lähteen arvio tai mallin logiikka", required=True, max_length=300),
        Field("tiivistelma", "summary", Kind.LINE, "Yhden lauseen kuvaus palvelukortille", required=True, max_length=220),
        Field("kuvaus", "description", Kind.TEXT, "Mitä palvelu tarjoaa, selkokielellä", required=True, max_length=1500),
        Field("kenelle", "for_whom", Kind.LINE, "Kenelle palvelu on tarkoitettu", max_length=240),
        Field("ika_alkaen", "minimum_age", Kind.INT, "Lapsen alin ikä vuosina (Open Referral: minimum_age)", minimum=0, maximum=29),
        Field("ika_asti", "maximum_age", Kind.INT, "Lapsen ylin ikä vuosina (Open Referral: maximum_age)", minimum=0, maximum=29),
        Field("teemat", "themes", Kind.SLUG, "Teemat (sanasto: teemat)", many=True, ref="teemat"),
        Field("asiointikanavat", "channels", Kind.SLUG, "Miten palveluun pääsee (sanasto: asiointikanavat)", many=True, ref="asiointikanavat"),
        Field("puhelin", "phone", Kind.PHONE, "Palvelun oma puhelinnumero, vain jos lähde sen antaa (ei henkilöiden numeroita)"),
        Field("verkkosivu", "website", Kind.URL, "Palvelun verkkosivu (https://…)"),
        Field("maksu", "charge", Kind.CHOICE, "Onko palvelu maksuton vai maksullinen", choices=CHARGES),
        Field("tila", "status", Kind.CHOICE, "Palvelun tila lähteen mukaan (Open Referral: status)", choices=STATUSES),
        Field("tuottaja", "provider", Kind.SLUG, "Palvelun järjestäjä tai tuottaja (kansio data/toimijat)", ref="toimijat"),
        Field("alueet", "areas", Kind.SLUG, "Alueet, joilla palvelu toimii (kansio data/alueet)", required=True, many=True, ref="alueet"),
        Field("menetelmat", "methods", Kind.SLUG, "Menetelmät, joita palvelussa käytetään (kansio data/menetelmat)", many=True, ref="menetelmat"),
        Field("avainsanat", "keywords", Kind.LINE, "Sanat, joilla palvelua haetaan", many=True, max_length=60),
        _sources(),
        *_dates(),
        _import_origin(),
        _aliases(),
    ),
)

STAGE = RecordSpec(
    "käyttöönoton vaihe",
    records.Stage,
    (
        Field("id", "id", Kind.SLUG, "Vaiheen tunniste", required=True),
        Field("numero", "number", Kind.INT, "Vaiheen järjestysnumero polulla", required=True, minimum=1, maximum=9),
        Field("nimi", "name", Kind.LINE, "Vaiheen lyhyt nimi", required=True, max_length=80),
        Field("lahteen_sanamuoto", "source_wording", Kind.LINE, "Vaihe lähteen sanoin", required=True, max_length=200),
        Field("kuvaus", "description", Kind.TEXT, "Mitä vaihe tarkoittaa, selkokielellä", required=True, max_length=800),
        Field("johto", "manager_tasks", Kind.LINE, "Mitä esihenkilö tai johto tekee tässä vaiheessa", required=True, many=True, max_length=240),
        Field("tukitoimet", "support", Kind.SLUG, "Tähän vaiheeseen sopivat tukitoimet (kayttoonotto.yml: tukitoimet)", many=True, ref="tukitoimet"),
        Field("seuraavaan", "next_step", Kind.TEXT, "Miten seuraavaan vaiheeseen päästään", max_length=600),
        _sources(),
        *_dates(),
    ),
)

SUPPORT_ACTION = RecordSpec(
    "tukitoimi",
    records.Term,
    (
        Field("id", "id", Kind.SLUG, "Tukitoimen tunniste", required=True),
        Field("nimi", "name", Kind.LINE, "Tukitoimen nimi", required=True, max_length=80),
        Field("kuvaus", "description", Kind.TEXT, "Mitä tukitoimi on", required=True, max_length=400),
        Field("lahde", "source", Kind.SLUG, "Lähde", ref="lahteet"),
    ),
)

HELPLINE = RecordSpec(
    "auttava puhelin",
    records.Helpline,
    (
        Field("id", "id", Kind.SLUG, "Tunniste", required=True),
        Field("nimi", "name", Kind.LINE, "Nimi", required=True, max_length=80),
        Field("puhelin", "phone", Kind.PHONE, "Puhelinnumero, tarkistettu julkisesta lähteestä", required=True),
        Field("milloin", "when", Kind.LINE, "Milloin ja kenelle numero on, lyhyesti", required=True, max_length=200),
        Field("lahde", "source", Kind.SLUG, "Julkinen lähde, josta numero on tarkistettu (kansio data/lahteet)", required=True, ref="lahteet"),
        Field("tarkistettu", "checked", Kind.DATE, "Milloin numero viimeksi tarkistettiin", required=True),
    ),
)

LIFE_SITUATION = RecordSpec(
    "elämäntilanne",
    records.LifeSituation,
    (
        _id("elämäntilanteen"),
        Field("nimi", "name", Kind.LINE, "Tilanne perheen omin sanoin, esim. Eroamme", required=True, max_length=60),
        Field("kuvaus", "description", Kind.TEXT, "Lyhyt selitys sinä-muodossa", required=True, max_length=400),
        Field("kotona", "at_home", Kind.TEXT, "Mikä on tavallista ja mikä auttaa kotona; vain lähteiden sanomaa", max_length=800),
        Field("sanat", "words", Kind.LINE, "Sanat, joilla perheet kuvaavat tilannetta (haku)", many=True, max_length=60),
        Field("palvelut", "services", Kind.SLUG, "Palvelut, jotka auttavat tässä tilanteessa (kansio data/palvelut)", required=True, many=True, ref="palvelut"),
        Field("menetelmat", "methods", Kind.SLUG, "Menetelmät, joita ammattilaiset voivat tarjota (kansio data/menetelmat)", many=True, ref="menetelmat"),
        _sources(),
        *_dates(),
        _aliases(),
    ),
)

SYNONYM_GROUP = RecordSpec(
    "synonyymiryhmä",
    records.SynonymGroup,
    (
        Field("id", "id", Kind.SLUG, "Ryhmän tunniste", required=True),
        Field("sanat", "words", Kind.LINE, "Vähintään kaksi sanaa tai sanontaa, jotka hakija voi sanoa toistensa sijaan, perusmuodossa (esim. käyttöönotto, implementointi)", required=True, many=True, max_length=60),
        Field("kuvaus", "description", Kind.TEXT, "Miksi sanat kuuluvat yhteen, jos se ei ole itsestään selvää", max_length=400),
        Field("tarkistettu", "checked", Kind.DATE, "Milloin ryhmä viimeksi tarkistettiin", required=True),
    ),
)

OBSERVATION = RecordSpec(
    "havainto",
    records.Observation,
    (
        Field("menetelma", "method", Kind.SLUG, "Menetelmä (kansio data/menetelmat)", required=True, ref="menetelmat"),
        Field("alue", "area", Kind.SLUG, "Alue (kansio data/alueet)", required=True, ref="alueet"),
        Field("vuosi", "year", Kind.YEAR, "Vuosi, jota luku koskee (ei tulevaisuudessa)", required=True, minimum=2000),
        Field("aihe", "topic", Kind.SLUG, "Mitä luku kertoo (sanasto: havaintoaiheet)", required=True, ref="havaintoaiheet"),
        Field("tulos", "result", Kind.LINE, "Luku sanoin, kuten lähde sen kertoo", required=True, max_length=240),
        Field("vaihe", "stage", Kind.SLUG, "Käyttöönoton vaihe, jos lähde sen kertoo (kayttoonotto.yml: vaiheet)", ref="vaiheet"),
        Field("kuntia", "municipalities", Kind.INT, "Kuntien määrä, joissa menetelmä on käytössä", minimum=0, maximum=400),
        Field("kuntia_yhteensa", "municipalities_total", Kind.INT, "Kuinka monesta kunnasta luku on laskettu", minimum=1, maximum=400),
        Field("aktiivisesti_kuntia", "municipalities_active", Kind.INT, "Kunnat, joissa menetelmä on aktiivisessa käytössä", minimum=0, maximum=400),
        Field("koulutettuja", "trained", Kind.INT, "Koulutettujen määrä", minimum=0),
        Field("lisatieto", "note", Kind.TEXT, "Lisätieto luvusta", max_length=600),
        Field("lahde", "source", Kind.SLUG, "Lähde (kansio data/lahteet)", required=True, ref="lahteet"),
        Field("tarkistettu", "checked", Kind.DATE, "Milloin luku viimeksi tarkistettiin lähteestä", required=True),
    ),
    id_from=("menetelma", "alue", "vuosi"),
)


def _vocabulary(name: str, unknown: str, label: str) -> Collection:
    return Collection(name, TERM, unknown, label)


VOCABULARIES = (
    _vocabulary("teemat", "tuntemattomaan teemaan", "Teemat"),
    _vocabulary("ikaryhmat", "tuntemattomaan ikäryhmään", "Ikäryhmät"),
    _vocabulary("toteutusmuodot", "tuntemattomaan toteutusmuotoon", "Toteutusmuodot"),
    _vocabulary("toteutuspaikat", "tuntemattomaan toteutuspaikkaan", "Toteutuspaikat"),
    _vocabulary("toimijatyypit", "tuntemattomaan toimijatyyppiin", "Toimijatyypit"),
    _vocabulary("aluetyypit", "tuntemattomaan aluetyyppiin", "Aluetyypit"),
    _vocabulary("havaintoaiheet", "tuntemattomaan havainnon aiheeseen", "Havaintoaiheet"),
    _vocabulary("nayttoasteikko", "tuntemattomaan näytön asteeseen", "Näytön asteikot"),
    _vocabulary("asiointikanavat", "tuntemattomaan asiointikanavaan", "Asiointikanavat"),
)

SOURCES = Collection("lahteet", SOURCE, "tuntemattomaan lähteeseen", "Lähteet")
AREAS = Collection("alueet", AREA, "tuntemattomaan alueeseen", "Alueet")
ORGANISATIONS = Collection("toimijat", ORGANISATION, "tuntemattomaan toimijaan", "Toimijat")
METHODS = Collection("menetelmat", METHOD, "tuntemattomaan menetelmään", "Menetelmät")
SERVICES = Collection("palvelut", SERVICE, "tuntemattomaan palveluun", "Palvelut")
HELPLINES = Collection("apua_heti", HELPLINE, "tuntemattomaan auttavaan puhelimeen", "Apua heti")
LIFE_SITUATIONS = Collection("elamantilanteet", LIFE_SITUATION, "tuntemattomaan elämäntilanteeseen", "Elämäntilanteet")
OBSERVATIONS = Collection("kayttotilanne", OBSERVATION, "tuntemattomaan havaintoon", "Käyttötilanne")
STAGES = Collection("vaiheet", STAGE, "tuntemattomaan käyttöönoton vaiheeseen", "Vaiheet")
SUPPORT_ACTIONS = Collection("tukitoimet", SUPPORT_ACTION, "tuntemattomaan tukitoimeen", "Tukitoimet")
SYNONYMS = Collection("synonyymit", SYNONYM_GROUP, "tuntemattomaan synonyymiryhmään", "Haun synonyymit")

# Records that grow with a county's data (those with pages of their own, and the sources they cite)
# are one file each, in a folder named after their collection: the editors' form lists them, opens
# one and saves one as its own pull request, and a country's 10 000 services never make one file
# too large for it. Short shared lists and the table of figures stay one file each.
FILES = (
    DataFile("sanasto.yml", VOCABULARIES, keyed=True, label="Sanastot", guidance=(
        "Sallitut arvot, joihin muiden tietueiden kentät viittaavat. Lisää uusi termi omaksi kohdakseen; tunniste näkyy "
        "verkko-osoitteissa, joten älä vaihda sitä. Asiointikanavat ovat Suomi.fi-palvelutietovarannon asiointikanavien "
        "tyypit. Näytön asteikot ovat arvioijien, eivät sivuston omia: arvio kirjataan sillä asteikolla ja sillä nimellä, "
        "jolla se on julkaistu (Kasvun tuki -tietolähteen kokonaisarvio taso-1 … taso-5 ja Itlan menetelmäpankin "
        "menetelmäarvio itla-1 … itla-5).")),
    DataFile("lahteet", (SOURCES,), folder=True, guidance=(
        "Lähteet, joihin muut tietueet viittaavat kentissä Lähteet ja Lähde. Jokaisen tiedon pitää tulla jostakin lähteestä. "
        "Aineisto on lähdeaineiston tiedostonimi projektin lähdekansiossa (shared/seeds).")),
    DataFile("alueet", (AREAS,), folder=True, guidance=(
        "Maakunnat ja niiden kunnat. Kunta kuuluu maakuntaansa kentällä Kuuluu alueeseen. Kuntajako on yleisesti "
        "tunnettu julkinen tieto.")),
    DataFile("kayttoonotto.yml", (STAGES, SUPPORT_ACTIONS), keyed=True, label="Käyttöönoton polku", guidance=(
        "Käyttöönoton polku: vaiheet, joiden kautta menetelmä otetaan käyttöön kunnassa, ja tukitoimet. Vaiheet ovat "
        "Pohjois-Savon käyttöönoton tilan asteikko, ja tukitoimet POSOTE20-hankkeen käyttämiä. Tukitoimien ja johdon "
        "tehtävien sijoittelu vaiheisiin on sivuston toimituksen jäsennys lähteiden pohjalta; muokkaa sitä, kun kokemusta kertyy.")),
    DataFile("toimijat", (ORGANISATIONS,), folder=True, guidance=(
        "Menetelmien omistajat, kouluttajat ja kehittäjät sekä palvelujen järjestäjät. Vain organisaation omat, julkiset "
        "yhteystiedot: ei henkilöiden nimiä, sähköposteja tai puhelinnumeroita.")),
    DataFile("menetelmat", (METHODS,), folder=True, guidance=(
        "Menetelmät ja toimintamallit. Kirjoita Perheille-teksti lyhyin lausein ja sinä-muodossa; jokainen rivinvaihto "
        "aloittaa uuden kappaleen. Jätä kenttä pois, jos tietoa ei ole lähteissä. Älä keksi näyttöarviota: jätä se pois, "
        "jos arviota ei ole julkaistu.")),
    DataFile("palvelut", (SERVICES,), folder=True, guidance=(
        "Palvelut liikennevalomallin mukaan: vihreä = kaikille perheille, keltainen = pieni huoli ja varhainen tuki, "
        "punainen = suuri huoli ja erityinen tuki. Tason peruste kertoo, miksi palvelu on tasollaan; muuta tasoa, jos "
        "peruste muuttuu. Vain organisaation omat yhteystiedot: älä lisää puhelinnumeroa, jota lähde ei anna.")),
    DataFile("apua_heti.yml", (HELPLINES,), guidance=(
        "Hätänumero ja valtakunnalliset auttavat puhelimet, jotka näytetään jokaisella perheille tarkoitetulla sivulla ja "
        "liikennevalomallin punaisella tasolla. Tarkista numero aina julkisesta lähteestä ennen lisäämistä ja merkitse "
        "lähde. Järjestys on näyttöjärjestys.")),
    DataFile("elamantilanteet", (LIFE_SITUATIONS,), folder=True, guidance=(
        "Elämäntilanteet perheiden omin sanoin: sivun Perheille valinnat. Kotona-teksti kertoo vain sen, mitä lähteet "
        "sanovat; jätä se pois, jos lähteissä ei ole siitä mitään.")),
    DataFile("kayttotilanne.yml", (OBSERVATIONS,), guidance=(
        "Päivätyt luvut siitä, missä menetelmä on käytössä ja kuinka moni on koulutettu. Kunnan käyttöönoton vaihe "
        "kirjataan rivinä, jossa aihe on vaihe, alue on kunta ja vaihe on polun vaihe (esimerkiksi kokeilu). Lisää uuden "
        "kyselyn tulokset uusina riveinä; vanhat rivit jäävät historiaksi. Tulos kirjoitetaan niin kuin lähde sen kertoo; "
        "jos lukua ei ole lähteessä, riviä ei lisätä.")),
    DataFile("synonyymit.yml", (SYNONYMS,), optional=True, guidance=(
        "Sanat ja sanonnat, joita perheet ja ammattilaiset käyttävät samasta asiasta. Haku etsii jokaisella ryhmän sanalla "
        "myös ryhmän muita sanoja kaikissa taivutusmuodoissa. Kirjoita sanat perusmuodossa; sana voi kuulua vain yhteen "
        "ryhmään. Lisää ryhmä vain, kun sanat todella tarkoittavat hakijalle samaa, älä yhden haun takia.")),
)
