"""The unit catalogue (data/units.toml) is whole: every unit converts, is named, is reachable."""

from __future__ import annotations

import pytest

from claimledger.lexicon import Lexicon
from claimledger.units import UnitCatalog

UNITS = UnitCatalog.load()


@pytest.mark.parametrize("key", sorted(UNITS.units))
def test_every_unit_normalises_and_has_a_peer_name(key: str) -> None:
    value, canonical = UNITS.normalize(1.0, key)
    assert canonical in UNITS.units or "/" in canonical
    assert value == value  # not NaN
    assert UNITS.peer_names(key) and all(UNITS.peer_names(key))


def test_every_surface_and_prefix_names_a_known_unit() -> None:
    assert set(UNITS.surfaces.values()) <= set(UNITS.units)
    assert set(UNITS.prefixes.values()) <= set(UNITS.units)


CLAIM_FACTORS = {
    "mi2": 2.589988110336,
    "ha": 0.01,
    "mi": 1.609344,
    "m": 0.001,
    "kg": 0.001,
    "litres": 0.001,
}


def test_conversions_agree_with_the_claim_stage_units() -> None:
    for unit in Lexicon.load("en").units.values():
        value, canonical = UNITS.normalize(1.0, unit.key)
        assert canonical == unit.canonical
        assert value == pytest.approx(CLAIM_FACTORS.get(unit.key, value), rel=1e-6)
    for key, factor in CLAIM_FACTORS.items():
        assert UNITS.normalize(1.0, key)[0] == pytest.approx(factor, rel=1e-6)


def test_compound_units_convert_both_parts() -> None:
    assert UNITS.normalize(10, "usd/g") == (pytest.approx(1e7), "usd/tonnes")
    assert UNITS.peer_names("usd/g")[0] == "dollar per gram"


def test_an_unknown_unit_stays_as_it_is() -> None:
    assert UNITS.normalize(3, "widgets") == (3, "widgets")
