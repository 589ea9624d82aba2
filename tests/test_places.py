"""The offline gazetteer: integrity of data/places.tsv, and matching on real news sentences.

Sentences are copied from the evaluation corpus (/work/shared/corpus/articles); the file they
come from is named beside each. The corpus strips apostrophes, hence "Syrias" and "Iraqs".
"""

from __future__ import annotations

import importlib.util
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from claimledger.models import Place
from claimledger.places import HEADER, Gazetteer, GazetteerError, alias_key, read_entries

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "claimledger" / "data" / "places.tsv"
GENERATOR = ROOT / "tools" / "build_gazetteer.py"

# Words that must never be an alias: a match would tag ordinary prose with a place.
ENGLISH_WORDS = frozenset(
    str.split(
        """
        about after also area army bank base black border bridge camp capital city coast cross
        east eden free front gate gulf hall hamas hill human island lake land luck main mount
        new north ocean park peace port rest river rock rose royal rural saint salt sham soda
        south state street tell town union valley village west white duma rada sadr assad islam
        syrian russian iraqi turkish kurdish kurds arab
        """
    )
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def rows() -> list[list[str]]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines]


def names(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(text[start:end], place.name) for start, end, place in gazetteer.find(text)]


# --- the data file ----------------------------------------------------------------------------


def test_file_is_small_utf8_with_header(rows: list[list[str]]) -> None:
    assert DATA.stat().st_size < 1_500_000
    assert tuple(rows[0]) == HEADER
    assert all(len(row) == len(HEADER) for row in rows)


def test_rows_are_well_formed(rows: list[list[str]]) -> None:
    for name, kind, country, lat, lon, geonames_id, _aliases in rows[1:]:
        assert kind in {"country", "admin1", "city", "other"}, name
        assert re.fullmatch(r"[A-Z]{2}", country) or (kind == "other" and not country), name
        assert -90 <= float(lat) <= 90, name
        assert -180 <= float(lon) <= 180, name
        assert geonames_id == "" or int(geonames_id) > 0, name


def test_canonical_names_and_ids_are_unique(rows: list[list[str]]) -> None:
    keys = Counter(alias_key(row[0]) for row in rows[1:])
    assert [k for k, n in keys.items() if n > 1] == []
    ids = Counter(row[5] for row in rows[1:] if row[5])
    assert [i for i, n in ids.items() if n > 1] == []


def test_no_alias_is_shared_between_rows(rows: list[list[str]]) -> None:
    owner: dict[str, str] = {alias_key(row[0]): row[0] for row in rows[1:]}
    for row in rows[1:]:
        for alias in filter(None, row[6].split("|")):
            key = alias_key(alias)
            assert owner.setdefault(key, row[0]) == row[0], (alias, row[0], owner[key])


def test_aliases_are_latin_and_not_english_words(rows: list[list[str]]) -> None:
    for row in rows[1:]:
        for alias in filter(None, row[6].split("|")):
            assert all(_latin(ch) for ch in alias), alias
            assert alias_key(alias) not in ENGLISH_WORDS, (alias, row[0])


def _latin(ch: str) -> bool:
    if ch.isalpha():
        return "LATIN" in unicodedata.name(ch, "")
    return ch.isdigit() or ch in " '.,-"


def test_contents_cover_every_kind(rows: list[list[str]]) -> None:
    kinds = Counter(row[1] for row in rows[1:])
    assert kinds["country"] >= 240
    assert kinds["admin1"] >= 200
    assert kinds["city"] >= 1500
    assert kinds["other"] >= 10


@pytest.mark.parametrize(
    "name",
    [
        "Syria", "Russia", "Iran", "United States", "United Kingdom", "South Korea",
        "Palestine", "Aleppo", "Deir ez-Zor", "Idlib", "Latakia", "Hmeimim", "Raqqa", "Hasakah",
        "Tartus", "Daraa", "Homs", "Hama", "Kyiv", "Kharkiv", "Mariupol", "Mosul", "Sanaa",
        "Aden", "Hodeidah", "Eastern Ghouta", "Mayadin", "Al-Bab", "Khan Sheikhoun",
        "Kafr Nabl", "T4 airbase", "Shayrat airbase", "Euphrates", "Golan Heights",
        "Gaza Strip", "West Bank", "Donbas", "Crimea", "Kurdistan Region", "Manbij", "Afrin",
        "Tal Abyad", "Jarabulus", "Kobani", "Azaz", "Quneitra", "Douma", "Harasta",
        "Donetsk Oblast", "Donetsk", "Idlib",
    ],
)  # fmt: skip
def test_named_places_exist(gazetteer: Gazetteer, name: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None and place.name == name


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Kiev", "Kyiv"), ("kharkov", "Kharkiv"), ("Sana'a", "Sanaa"), ("Hudaydah", "Hodeidah"),
        ("Khmeimim", "Hmeimim"), ("Hmeymim", "Hmeimim"), ("Ghouta", "Eastern Ghouta"),
        ("Mayadeen", "Mayadin"), ("Al Mayadin", "Mayadin"), ("Khan Shaykhun", "Khan Sheikhoun"),
        ("Ayn al-Arab", "Kobani"), ("Deraa", "Daraa"), ("Dara'a", "Daraa"),
        ("Tartous", "Tartus"), ("Donbass", "Donbas"), ("Tiyas", "T4 airbase"),
        ("US", "United States"), ("U.S.", "United States"), ("USA", "United States"),
        ("UK", "United Kingdom"),
        ("Britain", "United Kingdom"), ("Syrian Arab Republic", "Syria"),
        ("Russian Federation", "Russia"), ("Palestinian territories", "Palestine"),
        ("Donetsk region", "Donetsk Oblast"), ("Deir el-Zour", "Deir ez-Zor"),
        ("Deir al-Zor", "Deir ez-Zor"), ("Deir az-Zor", "Deir ez-Zor"),
        ("Der-Ezzor", "Deir ez-Zor"), ("DAYR AZ ZAWR", "Deir ez-Zor"), ("Şanlıurfa", "Sanliurfa"),
    ],
)  # fmt: skip
def test_lookup_by_alias_ignores_case(gazetteer: Gazetteer, alias: str, name: str) -> None:
    place = gazetteer.lookup(alias)
    assert place is not None and place.name == name


def test_lookup_of_unknown_or_blocked_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Atlantis") is None
    assert gazetteer.lookup("Washington Post") is None
    assert gazetteer.lookup("") is None


@pytest.mark.parametrize("name", ["Aleppo", "Idlib", "Homs", "Hama", "Raqqa", "Latakia"])
def test_city_and_its_province_are_one_city_row(gazetteer: Gazetteer, name: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    entry = gazetteer.entry(place)
    assert entry is not None and entry.kind == "city" and entry.country == "SY"
    assert gazetteer.lookup(f"{name} Governorate") == place


def test_city_coordinates_and_ids(gazetteer: Gazetteer) -> None:
    aleppo = gazetteer.lookup("Aleppo")
    assert aleppo == Place("Aleppo", 36.20124, 37.16117, 170063)
    hmeimim = gazetteer.lookup("Hmeimim")
    assert hmeimim is not None and hmeimim.geonames_id is None
    assert hmeimim.lat == pytest.approx(35.40, abs=0.05)


def test_generator_uses_the_same_key(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("build_gazetteer", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    samples = ["Deir ez-Zor", "Şanlıurfa", "Dar‘ā", "Ma'arrat al-Nu'man", "Kyiv", "U.S.", "ß"]
    assert [module.alias_key(s) for s in samples] == [alias_key(s) for s in samples]


# --- matching ---------------------------------------------------------------------------------

CORPUS_SENTENCES = [
    (  # fakes-1965495345.txt
        "The Russian Aerospace Forces have destroyed a Daesh command center in Syrias Deir ez-Zor "
        "province and killed some 34 terrorists who entered the country from Iraqs western regions",
        [("Syrias", "Syria"), ("Deir ez-Zor", "Deir ez-Zor"), ("Iraqs", "Iraq")],
    ),
    (  # fakes-1965495345.txt
        "A total of 70 Daesh terrorists who were later identified as nationals of CIS states and "
        "Algeria were eliminated in the Mayadin area according to Russian Defense Ministry "
        "spokesman Maj. Gen. Igor Konashenkov",
        [("Algeria", "Algeria"), ("Mayadin", "Mayadin")],
    ),
    (  # fakes-1965495345.txt
        "The city of Al Mayadin is the major Daesh stronghold in the neighboring province of "
        "Deir ez-Zor. Terrorists have used this hub to accumulate weapons and manpower to launch "
        "attacks on the cities of Palmyra and Deir ez-Zor.",
        [
            ("Al Mayadin", "Mayadin"),
            ("Deir ez-Zor", "Deir ez-Zor"),
            ("Palmyra", "Palmyra"),
            ("Deir ez-Zor", "Deir ez-Zor"),
        ],
    ),
    (  # fakes-1965495329.txt
        "the airstrikes targeting oil fields near the Kabiba village killed three people one under "
        "the age of 18 in the far north east Hasakah province while seven were killed by strikes "
        "targeting a gas station in a city in the eastern part of Syria Der-Ezzor.",
        [("Hasakah", "Hasakah"), ("Syria", "Syria"), ("Der-Ezzor", "Deir ez-Zor")],
    ),
    (  # fakes-1923848151.txt
        "bombers that took off from Russian territory carried out strikes Sunday on IS near the "
        "eastern Syrian city of Deir el-Zour",
        [("Deir el-Zour", "Deir ez-Zor")],
    ),
    (  # fakes-1926479326.txt
        "The helicopter came down roughly mid-way between Aleppo and Russias main air base at "
        "Khmeimim in the western province of Latakia near the Mediterranean coast",
        [
            ("Aleppo", "Aleppo"),
            ("Russias", "Russia"),
            ("Khmeimim", "Hmeimim"),
            ("Latakia", "Latakia"),
            ("Mediterranean", "Mediterranean Sea"),
        ],
    ),
    (  # fakes-1923848281.txt
        "in the coastal province of Latakia including the Hmeimim military base used by Russian "
        "forces allied with the regime",
        [("Latakia", "Latakia"), ("Hmeimim", "Hmeimim")],
    ),
    (  # fakes-1923848261.txt
        "Thirteen civilians including four children were also killed in regime missile attacks on "
        "Eastern Ghouta in the Damascus region the Observatory reported Thursday",
        [("Eastern Ghouta", "Eastern Ghouta"), ("Damascus", "Damascus")],
    ),
    (  # fakes-1919191759.txt
        "An alleged chemical attack that killed at least 58 and injured dozens in the rebel-held "
        "town of Khan Shaykhun in Idlib province has triggered global criticism",
        [("Khan Shaykhun", "Khan Sheikhoun"), ("Idlib", "Idlib")],
    ),
    (  # fakes-1924058038.txt
        "six long-range bombers from Russia had struck around Deir Ezzor a stronghold of the "
        "Daesh terror group. The SDF said they had established a military council to push Daesh "
        "militants out of Al Bab",
        [("Russia", "Russia"), ("Deir Ezzor", "Deir ez-Zor"), ("Al Bab", "Al-Bab")],
    ),
    (  # fakes-1919191766.txt
        "the last neighbourhoods it still holds in the western part of Mosul Iraqs second "
        "largest city",
        [("Mosul", "Mosul"), ("Iraqs", "Iraq")],
    ),
    (  # fakes-1918398801.txt
        "Bab al-Hadid and Bab al-Nasr in Aleppos old city",
        [("Aleppos", "Aleppo")],
    ),
    (  # fakes-1926479281.txt
        "in rural areas around the Syrian capital and in Hama Aleppo and Deir al-Zor Moumtzis said",
        [("Hama", "Hama"), ("Aleppo", "Aleppo"), ("Deir al-Zor", "Deir ez-Zor")],
    ),
    (  # tass-scraper-06.txt
        "Putin noted that transit did not stop despite Kiev's armed provocations in the Kursk "
        "region.",
        [("Kiev's", "Kyiv"), ("Kursk region", "Kursk Oblast")],
    ),
    (  # semeval20-699478811.txt
        "U.S. intelligence had discovered North Korea’s transfer of missile parts to Iran",
        [("U.S.", "United States"), ("North Korea’s", "North Korea"), ("Iran", "Iran")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CORPUS_SENTENCES)
def test_find_in_corpus_sentences(
    gazetteer: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert names(gazetteer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deir Ez Zor, Deir-ez-Zor and DEIR EZ-ZOR", ["Deir ez-Zor"] * 3),
        ("Hmeymim and Khmeimim and Hmeimim airbase", ["Hmeimim"] * 3),
        ("al-Bab, ar-Raqqa and as-Suwayda", ["Al-Bab", "Raqqa", "Sweida"]),
        ("the US, the U.S. and the USA", ["United States"] * 3),
        ("Syria's and Syria’s and Syrias", ["Syria"] * 3),
        ("Gaza Strip and Gaza", ["Gaza Strip", "Gaza"]),
        ("Tripoli, Lebanon and Tripoli", ["Tripoli, Lebanon", "Tripoli"]),
        ("Iran-backed militias crossed into Syria-held land", ["Iran", "Syria"]),
    ],
)
def test_find_spelling_variants(gazetteer: Gazetteer, text: str, expected: list[str]) -> None:
    assert [name for _, name in names(gazetteer, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Syrian and Syrians, Iraqi and Russian forces, Turkish and Kurdish units",
        "Hamas fighters fired rockets",
        "aleppo syria moscow",  # names are capitalised in news text
        "Us and them; Hits and misses",
        "the Washington Post and the Times of Israel reported",
        "Al Mayadeen TV channel reported",
        "Operation Euphrates Shield",
        "the State Duma and the Verkhovna Rada",
        "Bashar al-Assad and Ahrar al-Sham",
        "it cost US$ 5 million, or US $58 a barrel, the USA Today network said",
    ],
)
def test_find_ignores_what_is_not_a_place(gazetteer: Gazetteer, text: str) -> None:
    assert names(gazetteer, text) == []


def test_find_returns_offsets_in_order_without_overlap(gazetteer: Gazetteer) -> None:
    text = "Donetsk region and Donetsk, Eastern Ghouta and Ghouta"
    found = gazetteer.find(text)
    assert [(text[s:e], p.name) for s, e, p in found] == [
        ("Donetsk region", "Donetsk Oblast"),
        ("Donetsk", "Donetsk"),
        ("Eastern Ghouta", "Eastern Ghouta"),
        ("Ghouta", "Eastern Ghouta"),
    ]
    ends = [0] + [e for _, e, _ in found]
    assert all(s >= end for (s, _, _), end in zip(found, ends, strict=False))


def test_load_and_find_are_fast(gazetteer: Gazetteer) -> None:
    started = time.perf_counter()
    Gazetteer.load()
    assert time.perf_counter() - started < 2.0  # measured about 0.15 s
    words = " ".join(text for text, _ in CORPUS_SENTENCES).split()
    text = " ".join(words[:300])
    assert len(text.split()) == 300
    started = time.perf_counter()
    for _ in range(20):
        gazetteer.find(text)
    assert (time.perf_counter() - started) / 20 < 0.01  # measured about 0.3 ms


# --- loading other files ----------------------------------------------------------------------


def test_load_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "places.tsv"
    path.write_text(
        "\t".join(HEADER) + "\nHatla\tother\tSY\t35.3\t40.2\t\tHatlah|Hatleh\n", encoding="utf-8"
    )
    gazetteer = Gazetteer.load(path)
    assert names(gazetteer, "near the village of Hatla and Hatleh") == [
        ("Hatla", "Hatla"),
        ("Hatleh", "Hatla"),
    ]
    assert gazetteer.lookup("HATLAH") == Place("Hatla", 35.3, 40.2, None)


@pytest.mark.parametrize(
    "text",
    [
        "name\tkind\n",
        "\t".join(HEADER) + "\nX\tvillage\tSY\t1\t2\t\t\n",
        "\t".join(HEADER) + "\nX\n",
        "\t".join(HEADER) + "\nX\tcity\tSY\tnorth\t2\t\t\n",
    ],
)
def test_malformed_files_are_rejected(text: str) -> None:
    with pytest.raises(GazetteerError):
        list(read_entries(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Homs", True),
        ("Aleppo Idlib", True),
        ("Syria's Aleppo", True),
        ("United States", False),  # a country alone may speak for its government
        ("Syrian Observatory", False),
        ("Damascus Police Command", False),
        ("Activists", False),
    ],
)
def test_only_places(text: str, expected: bool) -> None:
    assert Gazetteer.load().only_places(text) is expected
