"""Numerals: every way a number is written, and its value.

Digits in the text's convention ("1,593" and "1.5" in English, "1.593" and "1,5" in European
text, "1 593" in both, "1.593.000" anywhere), decimals (".500"), signs ("-5", "minus 387"),
scientific notation ("2.998×10−8", "4e14"), fractions ("1/16", "2 1/2", "½"), magnitudes
("1.5 million", "4 hundred million"), number words and compounds ("twenty-four", "a hundred
and two", "two and a half", "two thirds", "a dozen") and plural magnitudes ("thousands of"
is the range 1,000 to 10,000). A currency prefix ("$", "US$", "RM", "Y=") is read with the
figure it stands before. Whether a numeral is a quantity is decided later
(claimledger.quantity_rules); here it only gets its value.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from claimledger.lexicon import Lexicon
from claimledger.units import UnitCatalog

_EN_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)"
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?: \d{3})+(?![\d/,.]\d)"
    r"|\d+(?:\.\d+)?|\.\d+"
)
_EU_DIGITS = (
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\.\d)"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?:,\d+)?(?![\d/]|\.\d)"
    r"|\d+,\d+|\d+\.\d{1,2}(?!\d)|\d+|,\d+"
)
_SIGN = r"(?P<sign>[-−](?=\.?\d)|\+(?=\d)|(?i:minus|negative)[\s-](?=\d))"
_SCI = (
    r"(?P<sci>\s?[x×*·]\s?10\s?\^?\s?(?P<exp>[-−–]?\d{1,3})(?!\d)"
    r"|[eE](?P<exp2>[-+−]?\d{1,3})(?![A-Za-z\d])|[x×*]2\^(?P<pow2>\d{1,2}))"
)
_MINUS = str.maketrans({"−": "-", "–": "-"})


@dataclass(frozen=True)
class Numeral:
    """A number as written: where it is, its value and how it was written."""

    start: int
    end: int
    value: float
    kind: str  # digits | words | fraction | vague
    value_max: float | None = None
    currency: str | None = None  # unit key of a currency prefix ("$" -> usd)
    currency_surface: str = ""
    plain_integer: bool = False  # digits only, no grouping, decimals or magnitude ("2019")
    number_start: int = 0  # where the figure itself starts (after a currency prefix)


class NumberReader:
    """Finds numerals with one compiled pattern built from the lexicon and the unit prefixes."""

    def __init__(
        self, lexicon: Lexicon, data: dict[str, Any], units: UnitCatalog, decimal_comma: bool
    ) -> None:
        numbers = data["numbers"]
        self.lex = lexicon
        self.units = units
        self.decimal_comma = decimal_comma
        self.scales: dict[str, float] = {**lexicon.scales, **numbers["extra_scales"]}
        self.denominators: dict[str, int] = dict(numbers["denominators"])
        self.vague: dict[str, float] = dict(numbers["vague"])
        self.vague_multipliers: dict[str, float] = dict(numbers["vague_multipliers"])
        self.vulgar: dict[str, float] = dict(numbers["vulgar"])
        self.not_fractions = frozenset(numbers["not_fractions"])
        self.pattern = re.compile(self._build())

    def _build(self) -> str:
        alt = self.lex.alternation
        word = alt(self.lex.number_words)
        scale = alt(self.scales)
        denominator = alt(self.denominators)
        vulgar = "".join(self.vulgar)
        prefixes = _prefix_alternation(self.units.prefixes)
        digits = _EU_DIGITS if self.decimal_comma else _EN_DIGITS
        words = (
            rf"(?:(?:{word})(?:[- ](?:{word}))?|an?(?=[ -](?:{scale})\b)"
            rf"|half(?=[ -](?:an?[ -])?(?:{scale})\b)|an?(?=[ -](?:{denominator})[ ]of\b)|half)"
            rf"(?:(?:[ -]|,[ ]|[ ]&[ ])(?:and[ -])?(?:{word}|{scale}|an?[ -]half)\b)*"
            rf"(?:[ -](?:{denominator})\b)?(?=\b|fold\b)"
        )
        vague = rf"(?:(?:{alt(self.vague_multipliers)})[ ]of[ ])?(?:{alt(self.vague)})(?=[ ]of\b)"
        return "".join(
            [
                r"(?<![\w@#&])(?<!\d[.,])(?:(?<![A-Za-z]-)|(?<=-to-)|(?<=sub-))",
                rf"(?:(?P<cur>{prefixes})[\s\u00a0]?)?",
                rf"{_SIGN}?",
                r"(?:(?P<mixed>\d{1,3}[\s-]\d{1,2}[/⁄]\d{1,3})(?![\d/])",
                r"|(?P<frac>\d{1,3}\s?[/⁄]\s?\d{1,4})(?![\d/])",
                rf"|(?P<num>{digits})(?P<vul>[{vulgar}])?{_SCI}?",
                rf"(?P<scale>(?:[\s\u00a0-](?:{scale})s?\b)+)?",
                rf"|(?P<vulgar>[{vulgar}])",
                rf"|(?i:(?P<words>\b{words}))",
                rf"|(?i:(?P<vague>\b{vague})))",
            ]
        )

    def find(self, text: str) -> list[Numeral]:
        found = []
        for match in self.pattern.finditer(text):
            numeral = self._numeral(match)
            if numeral is not None:
                found.append(numeral)
        return found

    def _numeral(self, match: re.Match[str]) -> Numeral | None:
        try:
            value, value_max, kind = self._value(match)
        except (OverflowError, ValueError, ZeroDivisionError):
            return None  # "1e999", "1/0": not a number a text can mean
        if value is None or not math.isfinite(value):
            return None
        sign = (match.group("sign") or "").translate(_MINUS)
        if sign and sign.strip(" -").lower() in ("", "minus", "negative") and sign[0] != "+":
            value = -value
        cur = match.group("cur")
        currency = self.units.prefix_key(cur.strip()) if cur else None
        number = match.group("num") or ""
        plain = bool(number.isdigit()) and not (match.group("scale") or match.group("sci"))
        first = min(
            (
                match.start(g)
                for g in ("sign", "mixed", "frac", "num", "vulgar", "words", "vague")
                if match.group(g) is not None
            ),
            default=match.start(),
        )
        return Numeral(
            start=match.start(),
            end=match.end(),
            value=value,
            kind=kind,
            value_max=value_max,
            currency=currency,
            currency_surface=cur.strip() if cur else "",
            plain_integer=plain,
            number_start=first,
        )

    def _value(self, match: re.Match[str]) -> tuple[float | None, float | None, str]:
        if match.group("num"):
            return self._digits(match), None, "digits"
        if match.group("mixed"):
            whole, fraction = re.split(r"[\s-]", match.group("mixed"), maxsplit=1)
            part = self._fraction(fraction)
            return (None if part is None else int(whole) + part), None, "fraction"
        if match.group("frac"):
            return self._fraction(match.group("frac")), None, "fraction"
        if match.group("vulgar"):
            return self.vulgar[match.group("vulgar")], None, "fraction"
        if match.group("words"):
            return self.words_value(match.group("words")), None, "words"
        low, high = self._vague(match.group("vague"))
        return low, high, "vague"

    def _digits(self, match: re.Match[str]) -> float:
        value = self.digits_value(match.group("num"))
        if match.group("vul"):
            value += self.vulgar[match.group("vul")]
        exponent = match.group("exp") or match.group("exp2")
        if exponent:
            value *= 10.0 ** int(exponent.translate(_MINUS))
        elif match.group("pow2"):
            value *= 2.0 ** int(match.group("pow2"))
        for word in re.findall(r"[a-z]+", (match.group("scale") or "").lower()):
            value *= self.scales.get(word, self.scales.get(word.rstrip("s"), 1))
        return value

    def digits_value(self, surface: str) -> float:
        """ "1,593" -> 1593, "1.593.000" -> 1593000, "1 593" -> 1593, "1,5" (decimal comma)."""
        text = re.sub(r"[\s\u00a0\u202f\u2009]", "", surface)
        if self.decimal_comma or text.count(".") > 1:
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
        return float(text)

    def _fraction(self, surface: str) -> float | None:
        compact = re.sub(r"\s", "", surface).replace("⁄", "/")
        if compact in self.not_fractions:
            return None
        numerator, denominator = (int(part) for part in compact.split("/"))
        return numerator / denominator if denominator else None

    def words_value(self, surface: str) -> float | None:
        """ "twenty-four" -> 24, "a hundred and two" -> 102, "two thirds" -> 0.667."""
        tokens = [t for t in re.split(r"[\s,&-]+", surface.lower()) if t and t != "and"]
        if tokens and tokens[0] == "half":
            rest = self._count_words(tokens[1:]) if len(tokens) > 1 else 1.0
            return None if rest is None else 0.5 * rest
        if tokens and tokens[-1] in self.denominators:
            divisor = self.denominators[tokens[-1]]
            if len(tokens) >= 3 and tokens[-2] in ("a", "an"):
                whole = self._count_words(tokens[:-2])
                return None if whole is None else whole + 1 / divisor
            numerator = self._count_words(tokens[:-1]) if len(tokens) > 1 else 1.0
            return None if numerator is None else numerator / divisor
        return self._count_words(tokens)

    def _count_words(self, tokens: list[str]) -> float | None:
        total, current = 0.0, 0.0
        for word in tokens:
            if word in ("a", "an"):
                current = max(current, 1)
            elif word in self.lex.number_words:
                current += self.lex.number_words[word]
            elif word in self.scales:
                scale = self.scales[word]
                current = max(current, 1) * scale
                if scale >= 1000:
                    total, current = total + current, 0.0
            else:
                return None
        return total + current

    def _vague(self, surface: str) -> tuple[float, float]:
        words = surface.lower().split()
        base = self.vague[words[-1]]
        if len(words) == 3:
            base *= self.vague_multipliers[words[0]]
        return base, base * 10


def _prefix_alternation(prefixes: dict[str, str]) -> str:
    parts = []
    for prefix in sorted(prefixes, key=len, reverse=True):
        escaped = re.escape(prefix).replace(r"\ ", r"[\s\u00a0]?")
        glued = prefix[-1].isalpha() and prefix.isupper()
        tail = r"(?=[\s\u00a0]?[-−]?\.?\d)" if not glued else r"(?=\d|[\s\u00a0]\d)"
        lower = prefix == prefix.lower() and len(prefix) >= 4
        parts.append((f"(?i:{escaped})" if lower else escaped) + tail)
    return "|".join(parts)
