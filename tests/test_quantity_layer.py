"""The standalone quantity layer on phrases from real news (table-driven)."""

from __future__ import annotations

import random

import pytest

import claimledger
from claimledger.quantities import Quantity
from claimledger.quantity_layer import QuantityLayer, layer_for

LAYER = layer_for("en")


def found(text: str, lang: str = "en") -> list[tuple[float, float | None, str]]:
    return [(q.value, q.value_max, q.unit) for q in claimledger.quantities(text, lang)]


def only(text: str) -> Quantity:
    (quantity,) = LAYER.extract(text)
    return quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("destroyed 1,593 terrorist facilities", [(1593, None, "count")]),
        ("a pitch of 1 593 metres", [(1593, None, "m")]),
        ("The core rose 0.3% in June", [(0.3, None, "percent")]),
        ("twenty-four tanks and a dozen trucks", [(24, None, "count"), (12, None, "count")]),
        ("three quarters of the city", [(0.75, None, "fraction")]),
        ("nearly half of the city", [(0.5, None, "fraction")]),
        ("1.5 million refugees", [(1.5e6, None, "count")]),
        ("a $3bn aid package", [(3e9, None, "usd")]),
        ("about 5k people", [(5000, None, "count")]),
        ("1/16 of a US pint", [(0.0625, None, "pint_")]),
        ("The offense was -5 yards", [(-5, None, "yd")]),
        ("minus 387 Fahrenheit", [(-387, None, "degF")]),
        ("40-50 percent of the city", [(40, 50, "percent")]),
        ("between 40 and 50 people", [(40, 50, "count")]),
        ("40 to 50 people", [(40, 50, "count")]),
        ("four to five thousand people", [(4000, 5000, "count")]),
        ("tens of thousands of dollars", [(10_000, 100_000, "usd")]),
        ("growth went from 5 % to 7 %", [(5, 7, "percent")]),
        ("from $36,040 at 10.45pm last night to $34,935 at 5am", [(36040, 34935, "usd")]),
        ("a 7- or 8-inch touchscreen", [(7, None, "in"), (8, None, "in")]),
        ("It costs about 8 or $9", [(8, None, "usd"), (9, None, "usd")]),
    ],
)
def test_values(text: str, expected: list[tuple[float, float | None, str]]) -> None:
    assert found(text) == expected


def test_european_digits_follow_the_language() -> None:
    assert found("1.593 Mitarbeiter", "de") == [(1593, None, "count")]
    assert found("3,5 % und 2.000.000 Euro", "de") == [(3.5, None, "percent"), (2e6, None, "eur")]
    assert found("1.593 metres") == [(1.593, None, "m")]


@pytest.mark.parametrize(
    ("text", "unit", "normalized"),
    [
        ("US$58.24 per barrel", "usd/barrels", (58.24, "usd/barrels")),
        ("RM79 a month", "myr/month", (2.595483, "myr/day")),
        ("£2,000", "gbp", (2000, "gbp")),
        ("EUR50m", "eur", (5e7, "eur")),
        ("Y=28,030", "jpy", (28030, "jpy")),
        ("311 square miles", "mi2", (805.486303, "km2")),
        ("a 37.5 degrees angle", "deg", (37.5, "deg")),
        ("100 degrees Fahrenheit", "degF", (37.777778, "degC")),
        ("87 mph", "mph", (140.012928, "kmh")),
        ("278kg", "kg", (0.278, "tonnes")),
        ("a 5.5kWh battery", "kwh", (5.5, "kwh")),
        ("800,000 barrels a day", "barrels/day", (800000, "barrels/day")),
        ("under $10 per gram", "usd/g", (1e7, "usd/tonnes")),
        ("a 60 basis point cut", "bp", (0.6, "percentage_points")),
        ("3.5 percentage points", "percentage_points", (3.5, "percentage_points")),
        ("64GB of storage", "gb", (6.4e10, "byte")),
    ],
)
def test_units_are_normalised_with_pint(
    text: str, unit: str, normalized: tuple[float, str]
) -> None:
    quantity = only(text)
    assert quantity.unit == unit
    assert quantity.unit_normalized == normalized[1]
    assert quantity.value_normalized == pytest.approx(normalized[0], rel=1e-6)


@pytest.mark.parametrize(
    ("text", "qualifier", "change"),
    [
        ("Nvidia rose 5 %", "exact", "up"),
        ("the index fell by 3 points", "exact", "down"),
        ("the budget was cut by half", "exact", "down"),
        ("up nearly 57%", "under", "up"),
        ("lost more than 60% of its value", "over", "down"),
        ("some 34 terrorists", "approx", None),
        ("at least 250000 people", "over", None),
        ("up to 400 jobs", "under", None),
        ("35+ civilians", "over", None),
        ("a 19% drop", "exact", None),
        ("rose 6.5% to 164p", "exact", "up"),
    ],
)
def test_qualifier_is_kept_apart_from_change(text: str, qualifier: str, change: str | None) -> None:
    quantity = LAYER.extract(text)[0]
    assert (quantity.qualifier, quantity.change) == (qualifier, change)


@pytest.mark.parametrize(
    ("text", "changes"),
    [
        ("the deficit increased by $43.6 billion to $419.2 billion", ["up", None]),
        ("Nintendo plunged 4.28 percent to Y=28,030", ["down", None]),
        ("BioView shares finished higher at 3.23 shekels", [None]),
        ("The dollar index was up at 96.088", [None]),
        ("valve lift was increased from 13.5 to 14.0 mm", [None]),
        ("Bitcoin fell from $36,040 to $34,935", [None]),
        ("Prices range from $370,000 to $5.5 million", [None]),
        ("shares were up at least 5% on Monday", ["up"]),
        ("sales rose at most 3%", ["up"]),
    ],
)
def test_a_level_takes_no_direction(text: str, changes: list[str | None]) -> None:
    """ "by X" (or the bare figure after the verb) is the change; a figure after "to", "at"
    or "from" is a level ("at least" / "at most" stay bounds)."""
    assert [q.change for q in LAYER.extract(text)] == changes


def test_a_restatement_inherits_the_change() -> None:
    points, share = LAYER.extract("The Dow lost 190 points, or 0.6%.")
    assert (points.change, share.change) == ("down", "down")


@pytest.mark.parametrize(
    ("text", "obj"),
    [
        ("Ford has 13000 workers in the United Kingdom", "workers"),
        ("one of the proudest moments in his life", "proudest moments"),
        ("a combined 435 homes by open sale", "homes"),
    ],
)
def test_counts_say_what_they_count(text: str, obj: str) -> None:
    quantity = LAYER.extract(text)[0]
    assert (quantity.unit, quantity.object) == ("count", obj)


@pytest.mark.parametrize(
    "text",
    [
        "in 2019 and since 1991, the 1970s, the 2014-15 season",
        "on September 30, 30 September 2015, 10.10.2017, 2019-09-01T10:38:07Z",
        "at 11:30, at 10.45pm, at 2 p.m., 0401 GMT",
        "the 22nd amendment",
        "A Sukhoi Su-24 jet and S-400 systems",
        "the S&P 500 and the iPhone 11 Pro",
        "Game 7, Section 427 Row 21, page 12, resolution 2254",
        "call 555-123-4567",
        "575 Wilbraham Road",
        "Bristol City beat Charlton 2-1",
        "Senard, 65, now faces the task",
        "each one and the same one",
    ],
)
def test_never_quantities(text: str) -> None:
    assert LAYER.extract(text) == []


def test_ages_are_their_own_unit() -> None:
    assert found("a 12-year-old boy") == [(12, None, "age_years")]
    assert found("her now 18 month-old daughter") == [(18, None, "age_months")]


@pytest.mark.parametrize(
    "text",
    ["30/2030 and", "20/2030 and", "1 '2", "$99(", "($99", "1e999", "1/0", "", "--", "½½"],
)
def test_crash_inputs_of_other_extractors_pass(text: str) -> None:
    for quantity in LAYER.extract(text):
        assert text[quantity.start : quantity.end] == quantity.surface


def test_random_text_never_breaks_offsets() -> None:
    pieces = ["1,5", "$", "%", "-", " to ", "million", "half", "km", "one", "(", "2019", "/"]
    generator = random.Random(8)
    for _ in range(300):
        text = "".join(generator.choice([*pieces, " ", "x"]) for _ in range(12))
        for quantity in LAYER.extract(text):
            assert 0 <= quantity.start < quantity.end <= len(text)
            assert text[quantity.start : quantity.end] == quantity.surface


def test_record_keys_follow_the_documented_order() -> None:
    record = only("They paid $12.50").to_record()
    assert list(record) == [
        "value",
        "value_max",
        "unit",
        "unit_normalized",
        "value_normalized",
        "qualifier",
        "change",
        "surface",
        "start",
        "end",
        "object",
    ]
    assert record["value"] == 12.5 and record["surface"] == "$12.50"


def test_a_language_without_data_reads_english_words() -> None:
    assert QuantityLayer.load("fr").extract("1.593 personnes")[0].value == 1593
