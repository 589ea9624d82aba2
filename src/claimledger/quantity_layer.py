"""The standalone quantity layer: every quantity in a text, without an NLP parse.

    layer = QuantityLayer.load("en")
    layer.extract("Exports to China dropped 7% to $2.3 billion.")
    -> [Quantity(value=7, unit="percent", change="down", ...),
        Quantity(value=2.3e9, unit="usd", ...)]

The stages are pure functions of the text: numerals (claimledger.numerals) -> units and
magnitudes read after or before each figure (here) -> what is not a quantity dropped
(claimledger.quantity_rules) -> ranges, lists, qualifiers, changes and objects linked
(claimledger.quantity_links) -> normalised values (claimledger.units, through pint).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from claimledger.errors import ClaimledgerError, ConfigurationError
from claimledger.lexicon import Lexicon
from claimledger.numerals import NumberReader, Numeral
from claimledger.quantities import Quantity
from claimledger.quantity_links import Linker
from claimledger.quantity_rules import Candidate, QuantityRules
from claimledger.settings import data_path, load_data
from claimledger.units import UnitCatalog

_SHORT = re.compile(r"(?P<s>mln|mil|mn|bn|tn|tr|k|K|m|M|b|B|T)(?![A-Za-z])")
_SPACED_SHORT = re.compile(r"[ \u00a0](?P<s>bn|mn|mln|mil|B)(?![A-Za-z])")
_US_AFTER = re.compile(r"[ \u00a0](?P<c>US|U\.S\.|sterling)(?![A-Za-z])")
_OF_UNIT = re.compile(r"\s+of\s+(?:an?\s+)?(?:US\s+|U\.S\.\s+|imperial\s+)?")
_SHARE = re.compile(r"\s+(?:out\s+of|in)\s+(?P<n>\d{1,3}|[a-z]+)\b(?!\s+(?:the|a|an)\b)")
_AGO = re.compile(r"\s+(?:ago|earlier|later|before|after)\b")
_PLUS_MINUS = re.compile(r"[ \u00a0]?(?:±|\+/-|\+-)[ \u00a0]?\d[\d.,]*(?:[eE][-+]?\d+)?")
_JOINED = re.compile(r"-|–|\s+to\s+")
_HYPHEN = re.compile(r"-|–")
_DECADE = re.compile(r"(?:'|’|′)?s\b")


class QuantityLayer:
    """Finds quantities in text; built once per language, then pure."""

    def __init__(
        self, lexicon: Lexicon, data: dict[str, Any], units: UnitCatalog, decimal_comma: bool
    ) -> None:
        self.lex = lexicon
        self.units = units
        self.reader = NumberReader(lexicon, data, units, decimal_comma)
        self.rules = QuantityRules(lexicon, data)
        self.linker = Linker(lexicon, data)
        self.short_scales: dict[str, float] = dict(data["numbers"]["short_scales"])
        unit_data = data["units"]
        self.glued_only = frozenset(unit_data["glued_only"])
        modifiers = lexicon.alternation(unit_data["modifiers"])
        self.modifier = re.compile(rf"[ \u00a0](?:{modifiers})(?=[ \u00a0])")
        self.rate_nouns: dict[str, str] = dict(unit_data["denominator_nouns"])
        self.rate_after_article = frozenset(unit_data["rate_after_article"])
        nouns = lexicon.alternation(self.rate_nouns)
        joiners = lexicon.alternation(unit_data["rate_joiners"])
        self.rate = re.compile(
            rf"(?:\s?/\s?|\s+(?P<word>{joiners})[\s-]|-(?P<hyph>an?)-)(?:(?P<noun>{nouns})\b)?",
            re.IGNORECASE,
        )
        ages = data["ages"]
        self.age_units: dict[str, str] = {k.lower(): v for k, v in ages["after"].items()}
        self.age_after = re.compile(rf"(?i:{lexicon.alternation(self.age_units)})(?![A-Za-z])")
        self.age_before = re.compile(rf"\b(?:{lexicon.alternation(ages['before'])})\s+$", re.I)

    @classmethod
    def load(cls, language: str = "en") -> QuantityLayer:
        """The layer for `language`; languages without data of their own read English words
        with their own digit convention ("1.593" is 1593 in German text)."""
        source = language if data_path(f"{language}/quantities.toml").exists() else "en"
        data = load_data(f"{source}/quantities.toml")
        try:
            lexicon = Lexicon.load(source)
        except ConfigurationError:
            lexicon = Lexicon.load("en")
        comma = language in data["numbers"]["decimal_comma"]
        return cls(lexicon, data, UnitCatalog.load(), comma)

    def extract(self, text: str) -> list[Quantity]:
        """All quantities in `text`, in order."""
        items: list[Candidate] = []
        dropped: list[tuple[int, int, str]] = []
        for numeral in self.reader.find(text):
            if items and numeral.start < items[-1].end:
                continue  # read already: "one out of three", "$7/$9"
            digits = numeral.kind != "words" and numeral.kind != "vague"
            if digits and self.rules.in_date(text, numeral.number_start, numeral.end):
                dropped.append((numeral.start, numeral.end, "date or time"))
                continue
            item = self._candidate(text, numeral)
            why = "not a figure" if item is None else self.rules.excluded(text, item)
            if why is None and item is not None:
                items.append(item)
            else:
                dropped.append((numeral.start, numeral.end, why or ""))
        items = [i for i in items if not _hyphened_to(text, i, dropped)]
        items = self.linker.link(text, items, self.rules)
        return [self._quantity(text, item) for item in items]

    def _candidate(self, text: str, numeral: Numeral) -> Candidate | None:
        if numeral.currency_surface == "PS" and not _money_like(text, numeral):
            return None  # "PS4" is a console, "PS6m" is 6 million pounds
        if numeral.plain_integer and _DECADE.match(text, numeral.end):
            return None  # "the 1970s", "2018s best performing sector", "Channel 5s"
        item = Candidate(numeral, numeral.start, numeral.end, numeral.value)
        item.value_max = numeral.value_max
        item.magnitude = self._magnitude(text, numeral)
        self._short_scale(text, item)
        spread = _PLUS_MINUS.match(text, item.end)
        if spread:
            item.end = spread.end()  # "2,000.45±0.01 pounds": the value, then its unit
        if numeral.kind == "vague":
            self._unit_after_of(text, item)
        elif numeral.currency:
            self._currency(text, item)
        elif not self._age(text, item):
            self._unit(text, item)
        if item.unit == "count":
            self._share(text, item)
        return item

    def _magnitude(self, text: str, numeral: Numeral) -> float:
        magnitude = 1.0
        for word in re.findall(r"[a-z]+", text[numeral.number_start : numeral.end].lower()):
            scale = self.reader.scales.get(word, self.reader.scales.get(word.rstrip("s")))
            magnitude = magnitude * scale if scale and word not in ("dozen",) else 1.0
        return magnitude

    def _short_scale(self, text: str, item: Candidate) -> None:
        """ "$3bn", "5k", "1.2m tons", "€10M", "8 B people"; "37m" stays metres."""
        match = _SHORT.match(text, item.end) or _SPACED_SHORT.match(text, item.end)
        if match is None or item.numeral.kind not in ("digits",):
            return
        letter, money = match.group("s"), item.numeral.currency is not None
        if letter in ("b", "T") and not money:
            return
        if letter == "K" and not float(item.value).is_integer():
            return  # "573.15K" is kelvin
        if letter == "m" and not (money or self._million_context(text, match.end())):
            return
        factor = self.short_scales[letter]
        item.value *= factor
        item.magnitude *= factor
        item.end = match.end()

    def _million_context(self, text: str, at: int) -> bool:
        """A lower-case "m" is million before a unit or a plural noun ("12.3m tonnes")."""
        unit = self.units.after.match(text, at)
        if unit and unit.group("sep").strip() == "" and unit.group("sep"):
            return self.units.key_of(unit.group("unit")) not in ("m",)
        words = re.findall(r"[A-Za-z][\w'-]*", text[at : at + 50])[:5]
        return any(w.islower() and w.endswith("s") and len(w) > 3 for w in words)

    def _currency(self, text: str, item: Candidate) -> None:
        item.unit = item.numeral.currency or "count"
        named = _US_AFTER.match(text, item.end)
        if named:
            item.end = named.end()
            if named.group("c") == "sterling":
                item.unit = "gbp"  # "$1.25 sterling"
        self._rate(text, item)

    def _unit(self, text: str, item: Candidate) -> None:
        match = self.units.after.match(text, item.end)
        if match is None:
            modifier = self.modifier.match(text, item.end)
            match = self.units.after.match(text, modifier.end()) if modifier else None
            if match is None or match.group("sep").strip(" \u00a0"):
                return
        surface, sep = match.group("unit"), match.group("sep")
        if surface in self.glued_only and sep and text[match.end() : match.end() + 1] != "/":
            return
        if surface in ('"', "'") and text.count(surface, 0, item.start) % 2:
            return  # a closing quotation mark: 'the class "English 101"'

        key = self.units.key_of(surface)
        if key is None or (key == "g_wireless" and not 2 <= item.value <= 10):
            return
        if key == "lb" and max(item.magnitude, abs(item.value)) >= 100_000:
            key = "gbp"  # "20 million pounds"
        item.unit, item.end = key, match.end()
        item.hyphen_unit = "-" in sep
        self._rate(text, item)

    def _rate(self, text: str, item: Candidate) -> None:
        """ "$3,500 a month", "US$58.24 per barrel", "$15.4/hour", "12-cent-a-share"."""
        match = self.rate.match(text, item.end)
        if match is None:
            return
        article = bool(match.group("hyph")) or (match.group("word") or "").lower() in ("a", "an")
        if match.group("noun"):
            key: str | None = self.rate_nouns[match.group("noun").lower()]
            end = match.end()
        else:
            unit = self.units.after.match(text, match.end())
            if unit is None or unit.group("sep").strip():
                return
            key, end = self.units.key_of(unit.group("unit")), unit.end()
        if key is None or key == item.unit or (article and key not in self.rate_after_article):
            return
        if _AGO.match(text, end):
            return  # "5 percent a year ago"
        item.unit, item.end = f"{item.unit}/{key}", end

    def _age(self, text: str, item: Candidate) -> bool:
        """ "a 12-year-old", "30 years old", "under the age of 5 (years)"."""
        match = self.age_after.match(text, item.end)
        if match:
            item.unit = self.age_units[match.group().lower()]
            item.end = match.end()
            return True
        if self.age_before.search(text, max(0, item.start - 12), item.start):
            item.unit = "age_years"
            unit = self.units.after.match(text, item.end)
            if unit and self.units.key_of(unit.group("unit")) == "year":
                item.end = unit.end()
            return True
        return False

    def _unit_after_of(self, text: str, item: Candidate) -> None:
        """ "tens of thousands of dollars", "hundreds of miles"."""
        of = re.match(r"\s+of\s+", text[item.end :])
        unit = self.units.after.match(text, item.end + of.end()) if of else None
        if unit and not unit.group("sep").strip():
            key = self.units.key_of(unit.group("unit"))
            if key and key not in self.glued_only:
                item.unit, item.end = key, unit.end()

    def _share(self, text: str, item: Candidate) -> None:
        """ "one out of three" and "1/16 of a US pint": fractions, of a unit or of a whole."""
        share = _SHARE.match(text, item.end)
        whole = self._small_number(share.group("n")) if share else None
        if share and whole and whole > 1 and item.value <= whole and item.value_max is None:
            item.value, item.end = item.value / whole, share.end()
        elif item.numeral.kind != "fraction" and not _word_fraction(item):
            return
        of = _OF_UNIT.match(text, item.end)
        unit = self.units.after.match(text, of.end()) if of else None
        key = self.units.key_of(unit.group("unit")) if unit else None
        if unit and key and not unit.group("sep").strip() and key not in self.glued_only:
            item.unit, item.end = key, unit.end()
        else:
            item.unit = "fraction"

    def _small_number(self, word: str) -> float | None:
        if word.isdigit():
            return float(word)
        return self.reader.words_value(word)

    def _quantity(self, text: str, item: Candidate) -> Quantity:
        value_normalized, unit_normalized = self.units.normalize(item.value, item.unit)
        return Quantity(
            start=item.start,
            end=item.end,
            value=_clean(item.value),
            value_max=None if item.value_max is None else _clean(item.value_max),
            unit=item.unit,
            qualifier=item.qualifier,  # type: ignore[arg-type]
            surface=text[item.start : item.end],
            change=item.change,  # type: ignore[arg-type]
            object=item.object,
            value_normalized=value_normalized,
            unit_normalized=unit_normalized,
        )


def _hyphened_to(text: str, item: Candidate, dropped: list[tuple[int, int, str]]) -> bool:
    """A figure joined by a hyphen to one that is not a quantity ("ISO 3888-2", "16-18
    Industrial Avenue"), or by "to" to a labelled one ("men aged 18 to 34"), is part of the
    same name or age."""
    for start, end, why in dropped:
        joined = _JOINED if why == "id after its label" else _HYPHEN
        if joined.fullmatch(text, end, item.start) or joined.fullmatch(text, item.end, start):
            return True
    return False


def _money_like(text: str, numeral: Numeral) -> bool:
    digits = text[numeral.number_start : numeral.end]
    following = text[numeral.end : numeral.end + 3]
    return bool(re.search(r"[.,]|\d{3}", digits) or re.match(r"(?:m|bn|k)\b", following))


def _word_fraction(item: Candidate) -> bool:
    return item.numeral.kind == "words" and item.unit == "count" and 0 < item.value < 1


def _clean(value: float) -> float:
    return float(f"{value:.12g}")


@functools.cache
def layer_for(language: str = "en") -> QuantityLayer:
    """The layer of `language`, built on first use and kept for the process."""
    return QuantityLayer.load(language)


def extract_quantities(text: str, lang: str = "en") -> list[Quantity]:
    """Every quantity in `text` (the library entry point, `claimledger.quantities`)."""
    return layer_for(lang).extract(text)


class QuantityInputError(ClaimledgerError):
    """A line of `claimledger quantities --input` that is not {"id": ..., "text": "..."}."""

    kind = "input"
    hint = 'Give one JSON object a line, like {"id": "s1", "text": "It rose 5 %."}.'


def annotate(lines: Iterable[str], lang: str = "en") -> Iterator[dict[str, Any]]:
    """{"id", "quantities"} for each JSON line {"id", "text"}; blank lines are skipped."""
    layer = layer_for(lang)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise QuantityInputError(f"line {number} is not JSON: {error.msg}") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise QuantityInputError(f'line {number} has no "text" string')
        quantities = [q.to_record() for q in layer.extract(row["text"])]
        yield {"id": row.get("id"), "quantities": quantities}
