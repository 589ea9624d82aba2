"""Quantities: every figure in a text, with value, range, unit and qualifier.

A pure scanner over text (no NLP model): digits ("1,593", "1.5 million", "$3bn", "35+"),
number words ("twenty-four", "a dozen", "three hundred"), shares ("nearly half"), ranges
("40-50", "between 40 and 50"). Spans that are not quantities by form (dates, clock times,
durations, ages, model numbers like "Su-24", ids like "resolution 2254") are dropped here;
judgements that need the parse (a bare year, "one" as a pronoun) are flagged for the claim
stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from claimledger.lexicon import Lexicon
from claimledger.models import Qualifier

Change = Literal["up", "down"]

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMERIC_DATE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}h\d{2}\b"
)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    qualifier: Qualifier
    surface: str
    year_like: bool = False
    word_one: bool = False
    change: Change | None = None
    object: str = ""
    value_normalized: float | None = None
    unit_normalized: str | None = None

    def to_record(self) -> dict[str, Any]:
        """The quantity as one JSON object of `claimledger quantities` (keys in order)."""
        return {
            "value": _number(self.value),
            "value_max": None if self.value_max is None else _number(self.value_max),
            "unit": self.unit,
            "unit_normalized": self.unit_normalized or self.unit,
            "value_normalized": _number(
                self.value if self.value_normalized is None else self.value_normalized
            ),
            "qualifier": self.qualifier,
            "change": self.change,
            "surface": self.surface,
            "start": self.start,
            "end": self.end,
            "object": self.object,
        }


class Scanner:
    """Finds quantities in text with the patterns built from one Lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    @cached_property
    def number(self) -> re.Pattern[str]:
        lex = self.lex
        word = lex.alternation(lex.number_words)
        scale = lex.alternation(lex.scales)
        short = lex.alternation(k for k in lex.short_scales if k not in ("m", "b"))
        words = (
            rf"(?:(?:{word})(?:[- ](?:{word}))?|an?(?= (?:{scale})\b))"
            rf"(?:[ -](?:and[ -])?(?:{word}|{scale})\b)*"
        )
        digits = rf"(?:{DIGITS})(?:(?:\s|-)(?:{scale})\b|(?:{short})\b)?"
        return re.compile(
            rf"(?<![\w.,/@#+])(?<![A-Za-z]-)(?:(?P<digits>{digits})|(?P<words>{words}))(?![\w@/])",
            re.IGNORECASE,
        )

    @cached_property
    def fraction(self) -> re.Pattern[str]:
        fractions = self.lex.alternation(self.lex.fractions)
        return re.compile(rf"\b(?P<frac>{fractions})\b(?= of\b)", re.IGNORECASE)

    @cached_property
    def unit_after(self) -> re.Pattern[str]:
        units = self.lex.alternation(self.lex.unit_surfaces)
        return re.compile(rf"(?:\s?%|\s+(?:{units})(?![\w²]))", re.IGNORECASE)

    @cached_property
    def qualifier_before(self) -> re.Pattern[str]:
        phrases = self.lex.alternation(self.lex.qualifiers)
        return re.compile(rf"(?:^|(?<=\W))(?P<q>{phrases})\s+$", re.IGNORECASE)

    def scan(self, text: str) -> list[Quantity]:
        """All quantities in `text`, in order, ranges merged."""
        dates = [m.span() for m in _NUMERIC_DATE.finditer(text)]
        found: list[Quantity] = []
        matches = list(self.number.finditer(text))
        skip_until = -1
        for index, match in enumerate(matches):
            if match.start() < skip_until or _inside(match.span(), dates):
                continue
            value = self.value_of(match)
            if value is None or self._excluded(text, match):
                continue
            quantity, consumed = self._build(text, match, value, matches[index + 1 :])
            skip_until = consumed
            found.append(quantity)
        found.extend(self._fractions(text, found))
        return sorted(found, key=lambda q: q.start)

    def value_of(self, match: re.Match[str]) -> float | None:
        if match.group("digits"):
            return self._digits_value(match.group("digits"))
        return self._words_value(match.group("words"))

    def _digits_value(self, surface: str) -> float | None:
        parts = re.split(r"[\s-]", surface.strip(), maxsplit=1)
        head = parts[0]
        number_text = re.match(DIGITS, head)
        if number_text is None:
            return None
        value = float(number_text.group().replace(",", ""))
        suffix = (parts[1] if len(parts) > 1 else head[number_text.end() :]).lower()
        if suffix:
            value *= self.lex.scales.get(suffix, self.lex.short_scales.get(suffix, 1))
        return value

    def _words_value(self, surface: str) -> float | None:
        total, current = 0.0, 0.0
        for word in re.split(r"[\s-]+", surface.lower()):
            if word in ("a", "an"):
                current = max(current, 1)
            elif word in self.lex.number_words:
                current += self.lex.number_words[word]
            elif word in self.lex.scales:
                scale = self.lex.scales[word]
                current = max(current, 1) * scale
                if scale >= 1000:
                    total, current = total + current, 0.0
            elif word != "and":
                return None
        return total + current

    def _excluded(self, text: str, match: re.Match[str]) -> bool:
        before = text[max(0, match.start() - 30) : match.start()]
        after = text[match.end() : match.end() + 30]
        raw_previous = before.split()[-1].strip(".,:;(\"'") if before.split() else ""
        previous = raw_previous.lower()
        following = re.match(r"[\s-]*([A-Za-z.']+)", after)
        raw_next = following.group(1).rstrip(".,") if following else ""
        next_word = raw_next.lower()
        if _month(raw_previous, self.lex.months) and match.group("digits"):
            return True  # "August 21", "Aug. 1" (capitalised: "may" is a verb)
        if _month(raw_next, self.lex.months) and match.group("digits"):
            day = re.match(r"\d+", match.group("digits"))
            return day is not None and int(day.group()) <= 31
        if previous in self.lex.id_before or (before[-1:] == "-" and before[-2:-1].isalpha()):
            return True  # "resolution 2254", "Su-24"
        if _time_unit(next_word, after, self.lex.time_units):
            return True  # "24 hours", "six-year war", "12-year-old", "4 pm"
        if re.match(r"\s*(?:UTC|GMT)", after) or previous in ("aged", "age"):
            return True
        if re.search(r"\bage of\s*$", before, re.IGNORECASE):
            return True  # "under the age of 18"
        digits = match.group("digits") or ""
        return len(digits) >= 8 and digits.isdigit()  # phone numbers, ids

    def _build(
        self, text: str, match: re.Match[str], value: float, rest: list[re.Match[str]]
    ) -> tuple[Quantity, int]:
        start, end = match.start(), match.end()
        value_max, qualifier = None, self._qualifier(text, start)
        upper = self._range_end(text, match, rest)
        if upper is not None:
            value_max, end = self.value_of(upper), upper.end()
            qualifier = "range"
        unit, end, start = self._unit(text, start, end)
        suffix = text[end : end + 10].lower()
        if qualifier == "exact" and suffix.startswith(self.lex.over_suffixes):
            qualifier = "over"
        if value_max is not None and unit == "count" and match.group("digits") is None:
            value_max = value_max  # word ranges ("two or three") keep their count unit
        surface = text[start:end]
        year_like = bool(re.fullmatch(r"(?:19|20)\d\d", match.group().strip())) and unit == "count"
        quantity = Quantity(
            start=start,
            end=end,
            value=value,
            value_max=value_max,
            unit=unit,
            qualifier=qualifier,  # type: ignore[arg-type]
            surface=surface,
            year_like=year_like,
            word_one=match.group().lower() == "one",
        )
        return quantity, end

    def _qualifier(self, text: str, start: int) -> str:
        before = text[max(0, start - 30) : start]
        found = self.qualifier_before.search(before)
        if found is None:
            return "exact"
        return self.lex.qualifiers[found.group("q").lower()]

    def _range_end(
        self, text: str, match: re.Match[str], rest: list[re.Match[str]]
    ) -> re.Match[str] | None:
        if not rest:
            return None
        nxt = rest[0]
        between = text[match.end() : nxt.start()]
        preceded_by_between = text[max(0, match.start() - 9) : match.start()].lower()
        if re.fullmatch(r"\s*[-–—]\s*|\s+to\s+|\s+or\s+", between) or (
            between.strip().lower() == "and" and preceded_by_between.strip() == "between"
        ):
            if text[max(0, match.start() - 5) : match.start()].lower().strip() == "from":
                return None  # "from 5 to 7" is a change, not a range
            return nxt
        return None

    def _unit(self, text: str, start: int, end: int) -> tuple[str, int, int]:
        prefix = re.search(r"(US\$|\$|€|£)\s?$", text[max(0, start - 4) : start])
        if prefix:
            unit = self.lex.unit_prefixes[prefix.group(1).lower()]
            scale = re.match(r"\s?(m|b)\b", text[end : end + 3], re.IGNORECASE)
            return unit, end + (scale.end() if scale else 0), start - len(prefix.group())
        after = self.unit_after.match(text, end)
        if after is None:
            return "count", end, start
        surface = after.group().strip().lower()
        unit = "percent" if surface == "%" else self.lex.unit_surfaces[surface]
        return unit, after.end(), start

    def _fractions(self, text: str, found: list[Quantity]) -> list[Quantity]:
        out = []
        for match in self.fraction.finditer(text):
            if any(q.start <= match.start() < q.end for q in found):
                continue
            value = self.lex.fractions[match.group("frac").lower()]
            out.append(
                Quantity(
                    start=match.start(),
                    end=match.end(),
                    value=value,
                    value_max=None,
                    unit="percent",
                    qualifier=self._qualifier(text, match.start()),  # type: ignore[arg-type]
                    surface=match.group(),
                )
            )
        return out


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _month(word: str, months: dict[str, int]) -> bool:
    return word[:1].isupper() and word.lower() in months


def _inside(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] < end for start, end in ranges)


def _time_unit(next_word: str, after: str, time_units: frozenset[str]) -> bool:
    word = next_word.strip(".,;:'")
    if word in time_units or word.rstrip("s") in time_units:
        return True
    return bool(re.match(r"-(?:year|month|week|day|hour|minute)s?\b", after, re.IGNORECASE))
