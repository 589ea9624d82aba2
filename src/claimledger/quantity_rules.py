"""Which numerals are not quantities: judgments by form and context, no parse.

Never quantities: dates ("September 30", "10.10.2017", "2019-09-01T10:38"), clock times
("11:30", "10.45pm", "2 p.m.", "0401 GMT"), years and decades ("in 2019", "the 1970s",
"2014-15"), ordinals ("22nd"), names with a number ("S&P 500", "iPhone 11", "Su-24",
"Game 7", "Section 427"), addresses ("575 Wilbraham Road"), phone numbers, sports scores
("beat Charlton 2-1"), apposed ages ("Senard, 65, now"), and "one" or "half" used as a word
("each one", "the second half"). Each rule says why in a short reason string, so an
evaluation can list what was dropped and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from claimledger.lexicon import Lexicon
from claimledger.numerals import Numeral

_WORD_AFTER = re.compile(r"\s*([A-Za-z][\w'’.&-]*)")
_PLURAL_FUNCTION = frozenset(
    [
        "is",
        "was",
        "has",
        "as",
        "this",
        "its",
        "his",
        "us",
        "thus",
        "plus",
        "yes",
        "does",
        "goes",
        "always",
        "perhaps",
        "whereas",
        "less",
        "unless",
        "across",
        "its'",
    ]
)


@dataclass
class Candidate:
    """A numeral on its way to a quantity: its unit, range and context are filled in."""

    numeral: Numeral
    start: int
    end: int
    value: float
    unit: str = "count"
    value_max: float | None = None
    magnitude: float = 1.0  # the scale written with the figure ("million" -> 1e6)
    hyphen_unit: bool = False  # "a five-year plan", "27-kilometer"
    dangling: bool = False  # "7- or 8-inch": the unit is the next figure's
    qualifier: str = "exact"
    change: str | None = None
    object: str = ""
    tags: set[str] = field(default_factory=set)


class QuantityRules:
    """Exclusion rules built once from the language data."""

    def __init__(self, lexicon: Lexicon, data: dict[str, Any]) -> None:
        excl = data["exclusions"]
        self.id_before = frozenset(excl["id_before"])
        self.year_before = frozenset(excl["year_before"])
        self.capitalised_ok = frozenset(excl["capitalised_ok"])
        self.streets = frozenset(excl["street_words"])
        self.label_after = frozenset(excl["label_after"])
        self.time_units = frozenset(excl["time_unit_keys"])
        words = data["words"]
        self.one_before = frozenset(words["one_pronoun_before"])
        self.one_after = frozenset(words["one_pronoun_after"])
        self.half_not_after = frozenset(words["half_not_after"])
        self.half_before = frozenset(words["half_before"])
        last_words = {phrase.split()[-1] for phrase in lexicon.qualifiers}
        self.qualifier_words = frozenset(last_words | {"exactly"})
        clock = lexicon.alternation(excl["clock_after"])
        self.clock_after = re.compile(rf"[\s\u00a0]?(?:{clock})(?![A-Za-z])")
        self.blockers = _blockers(lexicon)

    def in_date(self, text: str, start: int, end: int) -> bool:
        """Whether the figure at [start, end) is part of a date, a clock time, a phone number
        or a range of years; read in a window around the figure, which holds any of them."""
        low = max(0, start - 30)
        window = text[low : end + 30]
        at = start - low
        for m in self.blockers.finditer(window):
            if m.start() <= at < m.end():
                return True
        for m in _YEAR_RANGE.finditer(window):
            first, second = int(m.group(1)), m.group(2)
            last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
            if 0 < last - first <= 10 and m.start() <= at < m.end():
                return True
        return False

    def excluded(self, text: str, item: Candidate) -> str | None:
        """Why this candidate is not a quantity, or None."""
        numeral = item.numeral
        after = text[item.end : item.end + 40]
        if numeral.kind == "digits" and re.match(r"(?:st|nd|rd|th)\b", after):
            return "ordinal"
        if item.unit == "count" and re.match(r"[A-Za-z]", after):
            return "glued letters"
        if item.unit == "count" and self.clock_after.match(after):
            return "clock time"
        if self._year(text, item):
            return "year"
        if item.hyphen_unit and item.unit in self.time_units and re.match(r" [^\s,.;:)]", after):
            return "duration as an adjective"  # "a five-year $700000 award"
        return self._name(text, item) or self._label(text, item) or self._address(text, item)

    def _year(self, text: str, item: Candidate) -> bool:
        numeral = item.numeral
        if not numeral.plain_integer or item.unit != "count" or numeral.currency:
            return False
        if not 1000 <= numeral.value <= 2199 or numeral.end - numeral.number_start != 4:
            return False
        after = text[item.end : item.end + 30]
        if re.match(r"(?:'|’|′)?s\b", after):
            return True  # "the 1970s", "2018s best performing sector"
        before = _last_word(text[max(0, item.start - 60) : item.start]).lower()
        if before in self.qualifier_words and before not in self.year_before:
            return False  # "about 1000 come from Asia"
        if before in _YEAR_PREPOSITIONS and not re.match(r"\s*(?:-|–|to)\s*\d", after):
            return True  # "in 2011 exceeds", "since 1991"
        if _AMOUNT_OF.search(text, max(0, item.start - 30), item.start):
            return False  # "by an average of 1500"
        if re.match(r"\s*(?:-|–|to|and)\s*\d{4}\s*[A-Z]?[a-z]+s\b", after):
            return False  # "from 1000 to 2000 hires"
        return not _plural_next(after)

    def _name(self, text: str, item: Candidate) -> str | None:
        if item.numeral.currency:
            return None
        before = text[max(0, item.start - 40) : item.start]
        word = _last_word(before)
        bare = word.strip(".,:;!?\"'()[]")
        labelled = bare.lower() in self.id_before or bare.lower().rstrip(".") in self.id_before
        if labelled and (item.unit == "count" or item.numeral.plain_integer):
            return "id after its label"
        if item.unit != "count":
            return None
        if word.endswith((",", ":", ";", "(", ")")):
            return self._apposed_age(text, item, word) or self._bracketed(text, item, before)
        if not bare or bare.lower() in self.capitalised_ok:
            return None
        if _is_name_word(bare) and not word.endswith("."):
            return "name or model number"
        return None

    def _apposed_age(self, text: str, item: Candidate, word: str) -> str | None:
        """ "Senard, 65, now faces": a bare age between commas after a name."""
        value = item.numeral.value
        if not (word.endswith(",") and item.numeral.plain_integer and 1 <= value <= 120):
            return None
        if _is_name_word(word.rstrip(",")) and text[item.end : item.end + 1] == ",":
            return "apposed age"
        return None

    def _bracketed(self, text: str, item: Candidate, before: str) -> str | None:
        """ "Dak Prescott (4) celebrates": a shirt number or a label after a name."""
        if not (before.endswith("(") and text[item.end : item.end + 1] == ")"):
            return None
        return "label in brackets" if _is_name_word(_last_word(before[:-1])) else None

    def _label(self, text: str, item: Candidate) -> str | None:
        """ "iPhone 11 Pro", "787 Dreamliner", "the 90049 ZIP Code": a model or code name."""
        following = _WORD_AFTER.match(text, item.end)
        if item.unit == "count" and following and following.group(1) in self.label_after:
            return "model name"
        return None

    def _address(self, text: str, item: Candidate) -> str | None:
        if item.unit != "count":
            return None
        match = re.match(r"(?:\s+[A-Z0-9][\w.]*){1,4}", text[item.end : item.end + 60])
        words = match.group().split() if match else []
        if any(w.lower().rstrip(",") in self.streets for w in words):
            return "address"
        return None

    def pronoun(self, text: str, item: Candidate) -> str | None:
        """ "each one", "on one in order", "the second half": a word, not a figure."""
        surface = text[item.numeral.number_start : item.numeral.end].lower()
        before = _last_word(text[max(0, item.start - 60) : item.start]).lower().strip(".,;:\"'(")
        after = _WORD_AFTER.match(text, item.end)
        following = after.group(1).lower() if after else ""
        if surface == "one" and item.unit == "count":
            glued = text[item.end : item.end + 1]
            if (before in self.one_before and following != "of") or following in self.one_after:
                return "pronoun one"
            if not following or glued in (".", ",", ";", "?", "!", ")"):
                return "pronoun one"
        if (
            surface == "half"
            and before != "by"
            and (
                before in self.half_not_after
                or following not in self.half_before
                or text[item.end : item.end + 1] == "-"
            )
        ):
            return "half as a part"
        return None


def _blockers(lexicon: Lexicon) -> re.Pattern[str]:
    months = [m for m in lexicon.months if len(m) > 3 or m in ("may", "mar")]
    names = "|".join(sorted({m.capitalize() for m in lexicon.months}, key=len, reverse=True))
    lower = "|".join(m for m in months if m not in ("may", "march", "mar", "august", "sept"))
    short = "|".join(m for m in lexicon.months if len(m) <= 4)
    month = rf"(?:(?:{names})\.?|(?:{lower})\b|(?:{short})\.)"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    patterns = [
        re.compile(rf"\b{month}\s+{day}(?:\s*[-–]\s*\d{{1,2}})?\b(?:,?\s+\d{{4}}\b)?"),
        re.compile(rf"\b{day}(?:\s*[-–]\s*\d{{1,2}})?\s+(?:of\s+)?{month}(?:,?\s+\d{{4}}\b)?"),
        re.compile(rf"\b{month},?\s+\d{{4}}\b"),
        re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?:T[\d:.]+Z?)?\b"),
        re.compile(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?(?:\.\d+)?(?:\s?[aApP]\.?[mM]\b\.?)?"),
        re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)"),
        re.compile(
            r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3}[\s.-]\d{2,4}(?:[\s.-]\d{2,4})+\b"
        ),
        re.compile(r"(?<![\w.])(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}\b"),
    ]
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


_YEAR_PREPOSITIONS = frozenset(["in", "since", "until", "till", "during", "circa", "before"])
_AMOUNT_OF = re.compile(
    r"\b(?:average|total|sum|tally|maximum|minimum|estimate|figure|price|cost)\s+of\s+$", re.I
)
_YEAR_RANGE = re.compile(r"\b((?:1[5-9]|20)\d\d)\s?[-–/]\s?(\d{4}|\d{2})\b")


def _last_word(before: str) -> str:
    words = before[-60:].split()
    return words[-1] if words else ""


def _plural_next(after: str) -> bool:
    match = _WORD_AFTER.match(after)
    if match is None:
        return False
    word = match.group(1)
    return word.islower() and word.endswith("s") and word not in _PLURAL_FUNCTION


def _is_name_word(word: str) -> bool:
    """A capitalised or mixed-case token: "Stoxx", "S&P", "iPhone", "COVID", "TA-35"."""
    if not word or not any(c.isalpha() for c in word):
        return False
    return word[0].isupper() or any(c.isupper() for c in word[1:])
