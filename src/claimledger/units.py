"""Units of the standalone quantity layer: what follows or precedes a figure, and what it
normalises to.

The catalogue is data (claimledger/data/units.toml): every unit has a key (`km`, `usd`,
`mph`), a pint expression, the surfaces that spell it and the names the peer sets give it.
Normalisation is pint's: a unit converts into the canonical unit of its dimension (miles to
km, pounds to tonnes, Fahrenheit to Celsius); a compound unit ("dollars per gram") converts
its parts. Currencies are dimensions of their own, so they normalise to themselves.

    units = UnitCatalog.load()
    units.after.match(" square miles of land", 0)   -> surface "square miles" -> key "mi2"
    units.normalize(10, "mi2")                        -> (25.899881, "km2")
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pint

from claimledger.settings import load_data

_SPACES = re.compile(r"[\s\u00a0]+")


@dataclass(frozen=True)
class UnitInfo:
    key: str
    pint: str
    canonical: str | None
    peer: tuple[str, ...]
    currency: bool


@dataclass(frozen=True)
class Conversion:
    """How a value in one unit becomes a value in its canonical unit."""

    target: str
    factor: float
    offset_unit: str | None = None  # temperatures: converted by pint, value by value


@dataclass
class UnitCatalog:
    """All units, their surfaces as two compiled patterns, and pint conversions."""

    units: dict[str, UnitInfo]
    surfaces: dict[str, str]  # surface -> key (lower-cased where matched in any case)
    prefixes: dict[str, str]
    canonical_by_dimension: dict[str, str]
    registry: pint.UnitRegistry[Any]
    after: re.Pattern[str] = field(init=False)
    before: re.Pattern[str] = field(init=False)
    _conversions: dict[str, Conversion] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.after = re.compile(
            rf"(?P<sep>\s?-?|-)(?P<unit>{_alternation(self.surfaces)})(?![A-Za-z0-9²³])"
        )
        self.before = re.compile(rf"(?P<unit>{_alternation(self.prefixes)})\s?$")

    @classmethod
    def load(cls) -> UnitCatalog:
        raw = load_data("units.toml")
        entries = _merge(raw["unit"], raw["measure"])
        registry: pint.UnitRegistry[Any] = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
        for key, entry in entries.items():
            if entry.get("currency"):
                registry.define(f"cur_{key} = [currency_{key}]")
        registry.define("cent_unit = [currency_cent]")
        for definition in raw["pint"]["definitions"]:
            registry.define(definition)
        units = {key: _info(key, entry) for key, entry in entries.items()}
        surfaces: dict[str, str] = {}
        prefixes: dict[str, str] = {}
        for entry in [*raw["unit"], *raw["measure"]]:
            for surface in entry.get("surfaces", []):
                surfaces[_fold(surface)] = entry["key"]
            for prefix in entry.get("prefixes", []):
                prefixes[_fold(prefix)] = entry["key"]
        return cls(units, surfaces, prefixes, dict(raw["canonical"]), registry)

    def key_of(self, surface: str) -> str | None:
        """The unit key a matched surface stands for."""
        surface = _SPACES.sub(" ", surface)
        return self.surfaces.get(surface) or self.surfaces.get(surface.lower())

    def prefix_key(self, surface: str) -> str | None:
        surface = _SPACES.sub(" ", surface)
        return self.prefixes.get(surface) or self.prefixes.get(surface.lower())

    def peer_names(self, key: str) -> tuple[str, ...]:
        """How the peer sets name this unit; a compound is "<num> per <den>"."""
        if "/" in key:
            num, den = key.split("/", 1)
            return tuple(f"{n} per {d}" for n in self.peer_names(num) for d in self.peer_names(den))
        info = self.units.get(key)
        return info.peer if info else (key,)

    def normalize(self, value: float, key: str) -> tuple[float, str]:
        """The value in the canonical unit of its dimension, and that unit's key."""
        conversion = self._conversions.get(key)
        if conversion is None:
            conversion = self._conversions[key] = self._conversion(key)
        if conversion.offset_unit is not None:
            quantity = self.registry.Quantity(value, conversion.offset_unit)
            target = self.units[conversion.target].pint
            return round(float(quantity.to(target).magnitude), 6), conversion.target
        return _round(value * conversion.factor), conversion.target

    def _conversion(self, key: str) -> Conversion:
        if "/" in key:
            num, den = (self._conversion(part) for part in key.split("/", 1))
            return Conversion(f"{num.target}/{den.target}", num.factor / den.factor)
        info = self.units.get(key)
        if info is None:
            return Conversion(key, 1.0)
        target = info.canonical or self._by_dimension(info) or key
        if target == key:
            return Conversion(key, 1.0)
        expression = self._expression(key)
        try:
            if not self.registry.Quantity(1.0, expression)._is_multiplicative:
                return Conversion(target, 1.0, offset_unit=expression)
            quantity = self.registry.Quantity(1.0, expression)
            return Conversion(target, float(quantity.to(self._expression(target)).magnitude))
        except (pint.errors.PintError, KeyError):
            return Conversion(key, 1.0)  # a unit the catalogue cannot convert stays as it is

    def _by_dimension(self, info: UnitInfo) -> str | None:
        try:
            quantity = self.registry.Quantity(1.0, self._expression(info.key))
        except pint.errors.PintError:
            return None
        dimension = str(quantity.dimensionality)
        return self.canonical_by_dimension.get(dimension)

    def _expression(self, key: str) -> str:
        info = self.units[key]
        return f"cur_{key}" if info.currency else info.pint


def _merge(units: list[dict[str, Any]], measures: list[dict[str, Any]]) -> dict[str, Any]:
    """One entry per key: a `[[measure]]` completes or overrides the `[[unit]]` of its key."""
    merged: dict[str, dict[str, Any]] = {u["key"]: dict(u) for u in units}
    for entry in measures:
        merged[entry["key"]] = {**merged.get(entry["key"], {}), **entry}
    return merged


def _info(key: str, entry: dict[str, Any]) -> UnitInfo:
    return UnitInfo(
        key=key,
        pint=str(entry.get("pint", "count")),
        canonical=entry.get("canonical"),
        peer=tuple(entry.get("peer", [key])),
        currency=bool(entry.get("currency", False)),
    )


def _fold(surface: str) -> str:
    """Surfaces matched in any case are stored lower-cased (see units.toml)."""
    return surface.lower() if _any_case(surface) else surface


def _any_case(surface: str) -> bool:
    return len(surface) >= 3 and surface == surface.lower() and any(c.isalpha() for c in surface)


def _alternation(surfaces: dict[str, str]) -> str:
    """Longest first; surfaces stored lower-cased match in any case."""
    parts = []
    for surface in sorted(surfaces, key=len, reverse=True):
        escaped = re.escape(surface).replace(r"\ ", r"[\s\u00a0]")
        parts.append(f"(?i:{escaped})" if _any_case(surface) else escaped)
    return "|".join(parts)


def _round(value: float) -> float:
    return float(f"{value:.12g}")
