"""The quantity scanner on phrases from real articles (table-driven)."""

from __future__ import annotations

import pytest

from claimledger.lexicon import Lexicon
from claimledger.quantities import Scanner
from claimledger.units import UnitCatalog

SCANNER = Scanner(Lexicon.load("en"))


def found(text: str) -> list[tuple[float, float | None, str, str]]:
    return [(q.value, q.value_max, q.unit, q.qualifier) for q in SCANNER.scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("destroyed 1,593 terrorist facilities", [(1593, None, "count", "exact")]),
        ("killed some 34 terrorists", [(34, None, "count", "approx")]),
        ("at least 250000 people live", [(250000, None, "count", "over")]),
        ("nearly 1.5 million refugees", [(1.5e6, None, "count", "under")]),
        (
            "Fifty terrorists and four tanks",
            [(50, None, "count", "exact"), (4, None, "count", "exact")],
        ),
        ("twenty-four hours later, twenty-four tanks", [(24, None, "count", "exact")]),
        (
            "a dozen villages and two dozen trucks",
            [(12, None, "count", "exact"), (24, None, "count", "exact")],
        ),
        ("between 40 and 50 people", [(40, 50, "count", "range")]),
        ("40-50 percent of the city", [(40, 50, "percent", "range")]),
        ("over 12,000 square kilometers", [(12000, None, "km2", "over")]),
        ("10,425 square miles", [(10425, None, "mi2", "exact")]),
        ("a $3bn aid package", [(3e9, None, "usd", "exact")]),
        ("nearly half of the city", [(50, None, "percent", "under")]),
        ("35+ civilians", [(35, None, "count", "over")]),
        (
            "15 percent of a country of 185,000 km2",
            [(15, None, "percent", "exact"), (185000, None, "km2", "exact")],
        ),
        ("three hundred and fifty thousand people", [(350000, None, "count", "exact")]),
    ],
)
def test_values_units_qualifiers(
    text: str, expected: list[tuple[float, float | None, str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A Sukhoi Su-34 jet hit the same area",
        "S-400 systems",
        "in the past 24 hours",
        "40 minutes later",
        "the countrys five-year war",
        "a 12-year-old boy",
        "August 22 2013 1849 UTC+3",
        "on September 30",
        "30 September",
        "10.10.2017",
        "KSA 16:06 - GMT 13:06",
        "UN Security Council resolution 2254",
        "Rossiya 24 reported",
        "call +7 4959876543",
    ],
)
def test_not_quantities(text: str) -> None:
    assert [q for q in SCANNER.scan(text) if not q.year_like] == []


def test_years_are_flagged_for_the_parse_to_decide() -> None:
    (year,) = SCANNER.scan("since the fighting began in 2011")
    assert year.year_like
    (count,) = SCANNER.scan("reducing the population from 2,000 to")
    assert not count.year_like


def test_offsets_point_at_the_figure() -> None:
    text = "The Russian aircraft carried out 182 airstrikes in Syria"
    (quantity,) = SCANNER.scan(text)
    assert text[quantity.start : quantity.end] == "182"


def test_normalization_to_the_canonical_unit() -> None:
    units = UnitCatalog.load()
    value, unit = units.normalize(10, "mi2")
    assert unit == "km2" and value == pytest.approx(25.8998811)
    assert units.normalize(7, "count") == (7, "count")
