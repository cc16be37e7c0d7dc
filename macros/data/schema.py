"""The one definition of every data file and field.

The validator reads these definitions; later the JSON Schema and the editors' field
reference are generated from them too, so a field is described in one place only.
YAML keys are Finnish (editors write them); attributes are the English names the
records and templates use.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from macros.data import records
from macros.data.levels import LEVELS


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


@dataclass(frozen=True)
class DataFile:
    path: str  # relative to the data folder
    sections: tuple[Collection, ...]  # one unnamed list, or named lists in a mapping
    keyed: bool = False  # True: a mapping of section name -> list
    optional: bool = False  # a data folder may leave the file out


def _id(genitive: str) -> Field:
    return Field("id", "id", Kind.SLUG, f"{genitive.capitalize()} pysyvä tunniste verkko-osoitteessa: pienet kirjaimet a–z, numerot ja väliviivat", required=True)


def _aliases() -> Field:
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
    return Field("lahteet", "sources", Kind.SLUG, "Lähteet, joista tiedot ovat (tunnisteet tiedostosta lahteet.yml)", required=True, many=True, ref="lahteet")


TERM = RecordSpec(
    "sanaston termi",
    records.Term,
    (
        Field("id", "id", Kind.SLUG, "Termin tunniste", required=True),
        Field("nimi", "name", Kind.LINE, "Termi sellaisena kuin se näytetään", required=True, max_length=60),
        Field("kuvaus", "description", Kind.TEXT, "Lyhyt selitys", max_length=400),
        Field("taso", "level", Kind.INT, "Näytön aste numerona (vain näyttöasteikossa)", minimum=1, maximum=5),
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

AREA = RecordSpec(
    "alue",
    records.Area,
    (
        _id("alueen"),
        _aliases(),
        Field("nimi", "name", Kind.LINE, "Alueen nimi", required=True, max_length=80),
        Field("tyyppi", "kind", Kind.SLUG, "Alueen tyyppi (sanasto: aluetyypit)", required=True, ref="aluetyypit"),
        Field("kuuluu", "part_of", Kind.SLUG, "Alue, johon tämä alue kuuluu", ref="alueet"),
        _sources(),
        *_dates(),
    ),
)

ORGANISATION = RecordSpec(
    "toimija",
    records.Organisation,
    (
        _id("toimijan"),
        _aliases(),
        Field("nimi", "name", Kind.LINE, "Toimijan virallinen nimi", required=True, max_length=120),
        Field("lyhenne", "short_name", Kind.LINE, "Lyhyt nimi tai lyhenne, jolla toimija tunnetaan", max_length=40),
        Field("tyyppi", "kind", Kind.SLUG, "Toimijan tyyppi (sanasto: toimijatyypit)", required=True, ref="toimijatyypit"),
        Field("kuvaus", "description", Kind.TEXT, "Mikä toimija on, selkeällä suomella", required=True, max_length=1200),
        Field("verkkosivu", "website", Kind.URL, "Toimijan oma verkkosivu (https://…)"),
        _sources(),
        *_dates(),
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
        Field("lahde", "source", Kind.SLUG, "Arvion julkaissut lähde (lahteet.yml)", required=True, ref="lahteet"),
        Field("arvioitu", "rated", Kind.DATE, "Arvion päivämäärä", required=True),
        Field("linkki", "url", Kind.URL, "Linkki arvioon"),
    ),
)

METHOD = RecordSpec(
    "menetelmä",
    records.Method,
    (
        _id("menetelmän"),
        _aliases(),
        Field("nimi", "name", Kind.LINE, "Menetelmän nimi", required=True, max_length=120),
        Field("lyhenne", "abbreviation", Kind.LINE, "Lyhenne, jolla menetelmä tunnetaan (esim. VaVu)", max_length=20),
        Field("muut_nimet", "other_names", Kind.LINE, "Muut nimet, joilla menetelmä tunnetaan", many=True, max_length=120),
        Field("tiivistelma", "summary", Kind.LINE, "Yhden lauseen kuvaus luetteloon", required=True, max_length=220),
        Field("perheille", "for_families", Kind.TEXT, "Mitä menetelmä on, selkokielellä perheille", required=True, max_length=1500),
        Field("ammattilaisille", "for_professionals", Kind.TEXT, "Tarkempi kuvaus ammattilaisille", max_length=4000),
        Field("kenelle", "for_whom", Kind.TEXT, "Kenelle menetelmä on tarkoitettu", required=True, max_length=800),
        Field("omistaja", "owner", Kind.SLUG, "Toimija, joka omistaa menetelmän tai vastaa siitä (toimijat.yml)", ref="toimijat"),
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
    ),
)

STATUSES = ("aktiivinen", "tauolla", "lakkautettu")
CHARGES = ("maksuton", "maksullinen")

SERVICE = RecordSpec(
    "palvelu",
    records.Service,
    (
        _id("palvelun"),
        _aliases(),
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
        Field("tuottaja", "provider", Kind.SLUG, "Palvelun järjestäjä tai tuottaja (organisations.yml)", ref="toimijat"),
        Field("alueet", "areas", Kind.SLUG, "Alueet, joilla palvelu toimii (alueet.yml)", required=True, many=True, ref="alueet"),
        Field("menetelmat", "methods", Kind.SLUG, "Menetelmät, joita palvelussa käytetään (methods.yml)", many=True, ref="menetelmat"),
        Field("avainsanat", "keywords", Kind.LINE, "Sanat, joilla palvelua haetaan", many=True, max_length=60),
        _sources(),
        *_dates(),
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
        Field("lahde", "source", Kind.SLUG, "Julkinen lähde, josta numero on tarkistettu (lahteet.yml)", required=True, ref="lahteet"),
        Field("tarkistettu", "checked", Kind.DATE, "Milloin numero viimeksi tarkistettiin", required=True),
    ),
)

LIFE_SITUATION = RecordSpec(
    "elämäntilanne",
    records.LifeSituation,
    (
        _id("elämäntilanteen"),
        _aliases(),
        Field("nimi", "name", Kind.LINE, "Tilanne perheen omin sanoin, esim. Eroamme", required=True, max_length=60),
        Field("kuvaus", "description", Kind.TEXT, "Lyhyt selitys sinä-muodossa", required=True, max_length=400),
        Field("kotona", "at_home", Kind.TEXT, "Mikä on tavallista ja mikä auttaa kotona; vain lähteiden sanomaa", max_length=800),
        Field("sanat", "words", Kind.LINE, "Sanat, joilla perheet kuvaavat tilannetta (haku)", many=True, max_length=60),
        Field("palvelut", "services", Kind.SLUG, "Palvelut, jotka auttavat tässä tilanteessa (services.yml)", required=True, many=True, ref="palvelut"),
        Field("menetelmat", "methods", Kind.SLUG, "Menetelmät, joita ammattilaiset voivat tarjota (methods.yml)", many=True, ref="menetelmat"),
        _sources(),
        *_dates(),
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
        Field("menetelma", "method", Kind.SLUG, "Menetelmä (menetelmat.yml)", required=True, ref="menetelmat"),
        Field("alue", "area", Kind.SLUG, "Alue (alueet.yml)", required=True, ref="alueet"),
        Field("vuosi", "year", Kind.YEAR, "Vuosi, jota luku koskee (ei tulevaisuudessa)", required=True, minimum=2000),
        Field("aihe", "topic", Kind.SLUG, "Mitä luku kertoo (sanasto: havaintoaiheet)", required=True, ref="havaintoaiheet"),
        Field("tulos", "result", Kind.LINE, "Luku sanoin, kuten lähde sen kertoo", required=True, max_length=240),
        Field("vaihe", "stage", Kind.SLUG, "Käyttöönoton vaihe, jos lähde sen kertoo (kayttoonotto.yml: vaiheet)", ref="vaiheet"),
        Field("kuntia", "municipalities", Kind.INT, "Kuntien määrä, joissa menetelmä on käytössä", minimum=0, maximum=400),
        Field("kuntia_yhteensa", "municipalities_total", Kind.INT, "Kuinka monesta kunnasta luku on laskettu", minimum=1, maximum=400),
        Field("aktiivisesti_kuntia", "municipalities_active", Kind.INT, "Kunnat, joissa menetelmä on aktiivisessa käytössä", minimum=0, maximum=400),
        Field("koulutettuja", "trained", Kind.INT, "Koulutettujen määrä", minimum=0),
        Field("lisatieto", "note", Kind.TEXT, "Lisätieto luvusta", max_length=600),
        Field("lahde", "source", Kind.SLUG, "Lähde (lahteet.yml)", required=True, ref="lahteet"),
        Field("tarkistettu", "checked", Kind.DATE, "Milloin luku viimeksi tarkistettiin lähteestä", required=True),
    ),
    id_from=("menetelma", "alue", "vuosi"),
)


def _vocabulary(name: str, unknown: str) -> Collection:
    return Collection(name, TERM, unknown)


VOCABULARIES = (
    _vocabulary("teemat", "tuntemattomaan teemaan"),
    _vocabulary("ikaryhmat", "tuntemattomaan ikäryhmään"),
    _vocabulary("toteutusmuodot", "tuntemattomaan toteutusmuotoon"),
    _vocabulary("toteutuspaikat", "tuntemattomaan toteutuspaikkaan"),
    _vocabulary("toimijatyypit", "tuntemattomaan toimijatyyppiin"),
    _vocabulary("aluetyypit", "tuntemattomaan aluetyyppiin"),
    _vocabulary("havaintoaiheet", "tuntemattomaan havainnon aiheeseen"),
    _vocabulary("nayttoasteikko", "tuntemattomaan näytön asteeseen"),
    _vocabulary("asiointikanavat", "tuntemattomaan asiointikanavaan"),
)

SOURCES = Collection("lahteet", SOURCE, "tuntemattomaan lähteeseen")
AREAS = Collection("alueet", AREA, "tuntemattomaan alueeseen")
ORGANISATIONS = Collection("toimijat", ORGANISATION, "tuntemattomaan toimijaan")
METHODS = Collection("menetelmat", METHOD, "tuntemattomaan menetelmään")
SERVICES = Collection("palvelut", SERVICE, "tuntemattomaan palveluun")
HELPLINES = Collection("apua_heti", HELPLINE, "tuntemattomaan auttavaan puhelimeen")
LIFE_SITUATIONS = Collection("elamantilanteet", LIFE_SITUATION, "tuntemattomaan elämäntilanteeseen")
OBSERVATIONS = Collection("kayttotilanne", OBSERVATION, "tuntemattomaan havaintoon")
STAGES = Collection("vaiheet", STAGE, "tuntemattomaan käyttöönoton vaiheeseen")
SUPPORT_ACTIONS = Collection("tukitoimet", SUPPORT_ACTION, "tuntemattomaan tukitoimeen")
SYNONYMS = Collection("synonyymit", SYNONYM_GROUP, "tuntemattomaan synonyymiryhmään")

FILES = (
    DataFile("sanasto.yml", VOCABULARIES, keyed=True),
    DataFile("lahteet.yml", (SOURCES,)),
    DataFile("alueet.yml", (AREAS,)),
    DataFile("kayttoonotto.yml", (STAGES, SUPPORT_ACTIONS), keyed=True),
    DataFile("organisations.yml", (ORGANISATIONS,)),
    DataFile("methods.yml", (METHODS,)),
    DataFile("services.yml", (SERVICES,)),
    DataFile("apua_heti.yml", (HELPLINES,)),
    DataFile("elamantilanteet.yml", (LIFE_SITUATIONS,)),
    DataFile("kayttotilanne.yml", (OBSERVATIONS,)),
    DataFile("synonyymit.yml", (SYNONYMS,), optional=True),
)
