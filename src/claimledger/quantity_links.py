"""Links between figures and the words around them: ranges, lists, qualifiers, changes and
what is counted.

- Ranges: "40-50", "40 to 50 %", "between $62 and $68", "three or four years", "$7/$9"; a
  magnitude written once applies to both ends ("four to five thousand"). From-to changes
  ("from $36,040 at 10.45pm to $34,935") are ranges in the order written.
- Lists sharing a unit: "7- or 8-inch", "8 or $9".
- Qualifier (exact | over | under | approx | range) from the words before or after.
- Change (up | down) from the verb before the figure ("rose 5 %", "fell by 3 points",
  "cut by half"), or a sign on a share ("Dow +0.2%"); a restatement inherits it ("lost 190
  points, or 0.6%"). Only the figure the verb governs as its amount is a change: one that
  a level preposition introduces ("rose 6.5% to 164p", "finished higher at 3.23 shekels",
  "increased from 13.5 to 14.0 mm", "range from $200 to $4 million") is a level and takes
  no direction (NewsQuant's gold gives 79 of its 83 ranges none).
- Object: the noun phrase after a figure ("13000 workers"), else that of the count before
  it in the sentence ("435 homes by open sale and 187 by tender").
"""

from __future__ import annotations

import re
from typing import Any

from claimledger.lexicon import Lexicon
from claimledger.quantity_rules import Candidate, QuantityRules

_TOKENS = re.compile(r"[A-Za-z][\w'’&-]*|[+-]?\d[\d.,]*%?|[^\sA-Za-z\d]")
_OBJECT_TOKENS = re.compile(r"[A-Za-z0-9][\w'’&.-]*|[^\s]")
_FROM = re.compile(
    r"\bfrom\s+(?:about\s+|around\s+|up\s+to\s+|an?\s+|roughly\s+|nearly\s+|some\s+|just\s+)?$",
    re.IGNORECASE,
)
_TO_GAP = re.compile(
    r"(?:\s+(?:[^\s.;!?,]|[.,](?=\S))+){0,6}?\s+to\s+"
    r"(?:about\s+|around\s+|nearly\s+|roughly\s+|just\s+)?",
    re.IGNORECASE,
)
_COUNTED = frozenset(["count", "fraction", "percent", "times", "percentage_points", "points"])
_NUMBER = re.compile(r"[\d.,]+")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")
_BY = re.compile(r"\bby(?:\s+(?:about|around|nearly|some|roughly|up\s+to))?$")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "these",
        "those",
        "this",
        "that",
    ]
)
_SCORE_WORDS = re.compile(
    r"\b(?:beat|beats|won|win|wins|winning|lost|lose|loses|defeat\w*|drew|draw|tied|tie|ended|"
    r"ending|score\w*|victory|lead|led|trail\w*|at|leads|leading|aggregate)\b",
    re.IGNORECASE,
)


class Linker:
    """Joins candidates into ranges and reads their qualifier, change and object."""

    def __init__(self, lexicon: Lexicon, data: dict[str, Any]) -> None:
        quals, changes, objects = data["qualifiers"], data["changes"], data["objects"]
        self.qualifiers = dict(lexicon.qualifiers)
        for kind in ("over", "under", "approx", "exact"):
            self.qualifiers.update({phrase: kind for phrase in quals[kind]})
        words = [p for p in self.qualifiers if p[-1].isalpha()]
        symbols = [p for p in self.qualifiers if not p[-1].isalpha()]
        alt = lexicon.alternation
        self.before = re.compile(
            rf"(?:(?:^|(?<=[\s(\[\"“]))(?P<q>{alt(words)})\s+|(?P<s>{alt(symbols)})\s*)$",
            re.IGNORECASE,
        )
        suffixes = {s: k for k in ("over", "under", "approx") for s in quals[f"{k}_suffix"]}
        self.suffixes = suffixes
        self.after = re.compile(rf"(?:{alt(suffixes)})(?![A-Za-z])", re.IGNORECASE)
        self.up = frozenset(changes["up"])
        self.down = frozenset(changes["down"])
        self.between = frozenset(changes["between"])
        self.level = frozenset(changes["level"])
        self.stop = frozenset(objects["stop"])
        self.skip = frozenset(objects["skip"])
        self.max_words = int(objects["max_words"])

    def link(self, text: str, items: list[Candidate], rules: QuantityRules) -> list[Candidate]:
        items = self._pairs(text, items, tight=True)
        items = self._pairs(text, items, tight=False)
        items = self._from_to(text, items)
        items = [i for i in items if i.value_max is not None or rules.pronoun(text, i) is None]
        for index, item in enumerate(items):
            self._qualifier(text, item)
            item.change = self._change(text, item, items[index - 1] if index else None)
            item.object = self._object(text, item)
        self._inherit(text, items)
        return items

    def _pairs(self, text: str, items: list[Candidate], tight: bool) -> list[Candidate]:
        out: list[Candidate] = []
        index = 0
        while index < len(items):
            first = items[index]
            second = items[index + 1] if index + 1 < len(items) else None
            join = self._join(text, first, second, tight) if second else None
            if second is not None and join == "range":
                out.append(_range(first, second, text))
                index += 2
                continue
            if second is not None and join == "score":
                index += 2
                continue
            if second is not None and join == "share unit":
                first.unit = second.unit
                first.dangling = True
            out.append(first)
            index += 1
        return out

    def _join(self, text: str, a: Candidate, b: Candidate, tight: bool) -> str | None:
        if a.value_max is not None or b.value_max is not None:
            return None
        between = text[a.end : b.start]
        word = between.strip().lower()
        compatible = a.unit in ("count", b.unit, b.unit.split("/")[0]) and not (
            a.numeral.currency and b.unit == "count"
        )
        if tight:
            if re.fullmatch(r"-\s+to\s+", between) and b.hyphen_unit and a.unit == "count":
                return "range"  # "8- to 16-meter"
            if re.fullmatch(r"-,?\s+(?:or|and)\s+|-,\s*", between) and b.hyphen_unit:
                return "share unit" if a.unit == "count" else None  # "7- or 8-inch"
            if word not in ("-", "–", "—", "-to-"):
                return None
            if _score(text, a, b):
                return "score"
            return "range" if compatible else None
        preceded = text[max(0, a.start - 12) : a.start].lower().rstrip()
        if (
            word in ("to", "through", "till", "until")
            and a.unit != "count"
            and _BY.search(preceded)
        ):
            return None  # "increased by $43.6 billion to $419.2 billion": amount and level
        if word in ("to", "through", "till", "until") or (
            word == "and" and preceded.endswith("between")
        ):
            return "range" if compatible else None
        if word == "or" and a.unit == "count" and not a.numeral.currency:
            if b.numeral.currency:
                return "share unit"  # "8 or $9"
            return "range" if b.unit != "count" else None  # "three or four years"
        if word == "/" and a.numeral.currency and b.numeral.currency:
            return "range"
        return None

    def _from_to(self, text: str, items: list[Candidate]) -> list[Candidate]:
        out: list[Candidate] = []
        index = 0
        while index < len(items):
            a = items[index]
            b = items[index + 1] if index + 1 < len(items) else None
            if b is not None and self._is_from_to(text, a, b):
                merged = _range(a, b, text, scale=False)
                if a.unit != "count" and b.unit == a.unit.split("/")[0]:
                    merged.unit = a.unit
                merged.tags.add("from-to")
                out.append(merged)
                index += 2
                continue
            out.append(a)
            index += 1
        return out

    def _is_from_to(self, text: str, a: Candidate, b: Candidate) -> bool:
        if a.value_max is not None or b.value_max is not None:
            return False
        if not _FROM.search(text, max(0, a.start - 25), a.start):
            return False
        if not _TO_GAP.fullmatch(text, a.end, b.start):
            return False
        return a.unit == b.unit or "count" in (a.unit, b.unit) or b.unit == a.unit.split("/")[0]

    def _qualifier(self, text: str, item: Candidate) -> None:
        if "from-to" in item.tags:
            return
        found = self.before.search(text, max(0, item.start - 40), item.start)
        if found and _FROM_BEFORE.search(text, max(0, found.start() - 8), found.start()):
            return  # "from up to 252 miles to 287 miles"
        if found:
            phrase = (found.group("q") or found.group("s")).lower()
            kind = self.qualifiers.get(phrase, "exact")
            if kind != "exact":
                item.qualifier = kind
            return
        suffix = self.after.match(text, item.end)
        if suffix and item.value_max is None:
            item.qualifier = self.suffixes[suffix.group().lower()]

    def _change(self, text: str, item: Candidate, previous: Candidate | None) -> str | None:
        if previous is not None and _restates(text, previous, item):
            item.qualifier = previous.qualifier if item.value_max is None else item.qualifier
            if previous.change:
                return previous.change  # "lost 190 points, or 0.6%", "fell 1 C (1.8 F)"
        segment = re.split(r"[.;:!?(),\[\]]", text[max(0, item.start - 60) : item.start])[-1]
        change = self._change_word(_TOKENS.findall(segment))
        if change:
            return change
        sign = text[item.numeral.number_start : item.numeral.number_start + 1]
        if item.unit in ("percent", "points", "percentage_points") and sign in "+-−":
            return {"+": "up"}.get(sign, "down") if sign else None
        return None

    def _change_word(self, tokens: list[str]) -> str | None:
        """The change word closest before the figure, past at most five filler words; none
        where a level preposition comes first ("to", "at", "from": the figure is a level)."""
        for skipped, index in enumerate(range(len(tokens) - 1, -1, -1)):
            token = tokens[index].lower()
            pair = f"{tokens[index - 1].lower()} {token}" if index else ""
            for words, change in ((self.up, "up"), (self.down, "down")):
                if pair in words or (token in words and token not in ("+", "-")):
                    return change
            following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
            if token == "at" and following in ("least", "most"):
                continue  # "up at least 5 %": a bound, not a level
            if token in self.level or token not in self.between or skipped >= 5:
                return None
        return None

    def _object(self, text: str, item: Candidate) -> str:
        if item.unit not in _COUNTED:
            return ""  # a measure's noun phrase is not what it counts ("24 hours the ministry")
        after = text[item.end : item.end + 100]
        of = re.match(r"\s+of\s+", after)
        if of and item.unit in ("count", "fraction", "percent"):
            after = after[of.end() :]
        words: list[str] = []
        for token in _OBJECT_TOKENS.findall(after):
            if not token[0].isalnum():
                break
            low = token.lower().strip(".'’")
            if not words and (low in self.skip or low in _DETERMINERS):
                continue
            if low in self.stop or _NUMBER.fullmatch(low):
                break
            words.append(token.rstrip(".'’"))
            if token.endswith(".") or len(words) >= self.max_words:
                break
        return " ".join(words)

    def _inherit(self, text: str, items: list[Candidate]) -> None:
        for item, following in zip(reversed(items[:-1]), reversed(items[1:]), strict=True):
            if item.dangling and not item.object:
                item.object = following.object  # "four-, five- and six-cylinder engines"
        for index, item in enumerate(items[1:], start=1):
            earlier = [e for e in items[:index] if _same_sentence(text, e, item)]
            if item.unit == "count" and item.change and not item.object:
                unit = next((e.unit for e in reversed(earlier) if e.change), None)
                if unit in ("percent", "points", "percentage_points"):
                    item.unit = unit  # "DAX increased by 2 percent but NASDAQ decreased by 1"
            if item.unit == "count" and not item.object:
                counted = [e for e in earlier if e.unit == "count" and e.object]
                if counted and item.start - counted[-1].end < 150:
                    item.object = counted[-1].object


def _range(a: Candidate, b: Candidate, text: str, scale: bool = True) -> Candidate:
    if scale and a.magnitude == 1 and b.magnitude > 1 and a.value <= b.value / b.magnitude:
        a.value *= b.magnitude  # "four to five thousand", "1 to 2 thousand people"
    if _FROM.search(text, max(0, a.start - 25), a.start):
        a.tags.add("from-to")
    a.value_max = b.value
    a.end = b.end
    a.unit = b.unit if a.unit == "count" else a.unit
    a.qualifier = "range"
    a.tags.add("range")
    return a


def _score(text: str, a: Candidate, b: Candidate) -> bool:
    """ "beat Charlton 2-1", "tied Game 7 at 89-89", "ended 2-2 on aggregate"."""
    if a.unit != "count" or b.unit != "count" or a.magnitude != 1 or b.magnitude != 1:
        return False
    if not (a.numeral.plain_integer and b.numeral.plain_integer and max(a.value, b.value) < 200):
        return False
    context = text[max(0, a.start - 30) : a.start] + " " + text[b.end : b.end + 20]
    return bool(_SCORE_WORDS.search(context))


def _restates(text: str, previous: Candidate, item: Candidate) -> bool:
    """ "lost 190 points, or 0.6%", "grew by 125,600 positions or 2.2 per cent", and
    conversions in brackets: "more than 100 kilometers (60 miles)", "(224 kW / 300 PS)"."""
    between = text[previous.end : item.start].lower()
    return bool(_RESTATE.fullmatch(between))


_RESTATE = re.compile(
    r"(?:[ ][a-z-]+){0,2},?\s*or\s+(?:about\s+|nearly\s+|some\s+|roughly\s+)?"
    r"|\s*\(\s*(?:about\s+|around\s+|roughly\s+|some\s+)?|\s*/\s*"
)


def _same_sentence(text: str, a: Candidate, b: Candidate) -> bool:
    return not _SENTENCE_END.search(text, a.end, b.start)
