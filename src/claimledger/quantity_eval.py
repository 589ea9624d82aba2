"""Scoring the quantity layer on the public peer sets with CQE's protocol.

The peer sets (../shared/peer, see its README) are JSON Lines, one sentence a line, with the
gold quantities of CQE's NewsQuant, CQE's Recognizers-Text derived sets and quantulum3's
own tests. Per sentence, gold and predicted quantities are matched one to one:

- value: equal within relative 1e-5 (numpy.isclose's rtol=1e-5, atol=1e-8); a gold range
  needs a predicted range with both ends equal, in the order written (quantulum3 keeps its
  ranges as mean ± half-width, so there the order is free);
- value+unit: also the unit, through the peer names of units.toml; a count noun as the gold
  unit ("people", "Kia Hyundai vehicle") matches a count whose object names it, and a
  dimensionless gold ("-") or "count" matches a count;
- value+change strict: also the change, scored as CQE's evaluate_models.py does (its
  `model_change == gt_change`, one label per quantity): gold up/down needs the predicted
  change to be that direction; gold "=", "~", ">", "<" (or no change given) needs the
  qualifier mapped here ("=" exact|range, "~" approx|under, ">" over, "<" under) and no
  predicted direction at all, so a predicted up/down where the gold says "=" is wrong.
  Earlier versions ignored the predicted direction there, which read 0.927 on NewsQuant
  where the strict score was 0.880; the report names the figure "value+change strict".

Precision is correct / predicted and recall correct / gold, micro-averaged. quantulum3's
gold years ("in 1979") are dropped: claimledger never reports a year as a quantity.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimledger.quantities import Quantity
from claimledger.units import UnitCatalog

CHANGE_QUALIFIERS = {
    "=": ("exact", "range"),
    "~": ("approx", "under"),
    ">": ("over",),
    "<": ("under",),
}
CHANGE_METRIC = "value+change strict"
_YEAR = re.compile(r"(?:1\d|20)\d\ds?")
_WORD = re.compile(r"[a-z][a-z'-]+")
_IRREGULAR = {
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
}
_STOP = frozenset(["the", "of", "and", "a", "an", "in", "on", "for", "to", "per", "with", "from"])


@dataclass(frozen=True)
class Gold:
    value: float | None
    range: tuple[float, float] | None
    unit: str
    change: str | None
    ordered: bool = True

    def describe(self) -> str:
        figure = f"{self.range[0]:g}..{self.range[1]:g}" if self.range else f"{self.value:g}"
        return f"{figure} {self.unit} {self.change or ''}".rstrip()


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    gold: tuple[Gold, ...]


@dataclass
class Score:
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class PeerReport:
    name: str
    sentences: int = 0
    value: Score = field(default_factory=Score)
    unit: Score = field(default_factory=Score)
    change: Score | None = None
    dropped_years: int = 0
    errors: list[str] = field(default_factory=list)

    def to_dict(self, verbose: bool = False) -> dict[str, Any]:
        figures: dict[str, Any] = {
            "set": self.name,
            "sentences": self.sentences,
            "value": self.value.to_dict(),
            "value+unit": self.unit.to_dict(),
        }
        if self.change is not None:
            figures[CHANGE_METRIC] = self.change.to_dict()
        if self.dropped_years:
            figures["gold_years_dropped"] = self.dropped_years
        if verbose:
            figures["errors"] = self.errors
        return figures


def load_peer(path: Path) -> tuple[list[Sentence], int]:
    """The sentences of a peer set and how many gold years were dropped."""
    sentences, dropped = [], 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            gold = []
            for raw in row["quantities"]:
                if _is_year(raw):
                    dropped += 1
                    continue
                gold.append(_gold(raw))
            sentences.append(Sentence(row["id"], row["text"], tuple(gold)))
    return sentences, dropped


def evaluate(
    path: Path, extract: Callable[[str], list[Quantity]], units: UnitCatalog
) -> PeerReport:
    """Run `extract` on every sentence of the peer set at `path` and score it."""
    sentences, dropped = load_peer(path)
    report = PeerReport(path.stem, sentences=len(sentences), dropped_years=dropped)
    with_change = any(g.change for s in sentences for g in s.gold)
    report.change = Score() if with_change else None
    matcher = _Matcher(units)
    for sentence in sentences:
        predicted = extract(sentence.text)
        scores = [(report.value, matcher.value), (report.unit, matcher.unit)]
        if report.change is not None:
            scores.append((report.change, matcher.change))
        for score, same in scores:
            score.gold += len(sentence.gold)
            score.predicted += len(predicted)
            score.correct += len(_pairs(sentence.gold, predicted, same))
        report.errors.extend(matcher.errors(sentence, predicted, report.change is not None))
    return report


class _Matcher:
    def __init__(self, units: UnitCatalog) -> None:
        self.units = units

    def value(self, gold: Gold, pred: Quantity) -> bool:
        if gold.range is None:
            return (
                pred.value_max is None and gold.value is not None and _close(gold.value, pred.value)
            )
        if pred.value_max is None:
            return False
        ends = (pred.value, pred.value_max)
        wanted = gold.range
        if not gold.ordered:
            ends, wanted = _sorted(ends), _sorted(wanted)
        return _close(wanted[0], ends[0]) and _close(wanted[1], ends[1])

    def unit(self, gold: Gold, pred: Quantity) -> bool:
        return self.value(gold, pred) and self.same_unit(gold, pred)

    def change(self, gold: Gold, pred: Quantity) -> bool:
        return self.value(gold, pred) and self.same_change(gold, pred)

    def same_unit(self, gold: Gold, pred: Quantity) -> bool:
        wanted = gold.unit.lower()
        if wanted in ("-", "dimensionless", "count"):
            return pred.unit in ("count", "times") if wanted == "count" else pred.unit == "count"
        if wanted in (n.lower() for n in self.units.peer_names(pred.unit)):
            return True
        return pred.unit == "count" and bool(_content(wanted) & _content(pred.object))

    @staticmethod
    def same_change(gold: Gold, pred: Quantity) -> bool:
        """CQE's one label per quantity: a direction, or a bound with no direction."""
        if gold.change in ("up", "down"):
            return pred.change == gold.change
        bound = CHANGE_QUALIFIERS.get(gold.change or "=", CHANGE_QUALIFIERS["="])
        return pred.change is None and pred.qualifier in bound

    def errors(self, sentence: Sentence, predicted: list[Quantity], change: bool) -> list[str]:
        lines = []
        matched = _pairs(sentence.gold, predicted, self.value)
        for index, gold in enumerate(sentence.gold):
            pred = matched.get(index)
            if pred is None:
                lines.append(f"miss   {sentence.id}: {gold.describe()} | {sentence.text}")
                continue
            if not self.same_unit(gold, pred):
                got = f"{pred.unit} [{pred.object}]"
                lines.append(f"unit   {sentence.id}: gold {gold.unit!r} got {got} | {pred.surface}")
            if change and not self.same_change(gold, pred):
                got = f"{pred.qualifier}/{pred.change or 'no direction'}"
                wanted = gold.change or "="
                lines.append(f"change {sentence.id}: gold {wanted} got {got} | {pred.surface}")
        used = {id(p) for p in matched.values()}
        for pred in predicted:
            if id(pred) not in used:
                lines.append(f"extra  {sentence.id}: {pred.surface!r} | {sentence.text}")
        return lines


def _pairs(
    gold: Iterable[Gold], predicted: list[Quantity], same: Callable[[Gold, Quantity], bool]
) -> dict[int, Quantity]:
    """A greedy one-to-one matching of gold (by position) to predicted quantities."""
    free = list(predicted)
    pairs: dict[int, Quantity] = {}
    for index, item in enumerate(gold):
        for pred in free:
            if same(item, pred):
                pairs[index] = pred
                free.remove(pred)
                break
    return pairs


def _gold(raw: dict[str, Any]) -> Gold:
    unit = raw.get("normalized_unit") or raw.get("unit") or "-"
    spread = raw.get("uncertainty")
    surface = str(raw.get("surface") or "")
    if raw.get("range"):
        low, high = raw["range"]
        return Gold(None, (float(low), float(high)), unit, raw.get("change"))
    value = float(raw["value"])
    if spread and not re.search(r"±|\+/-", surface):
        return Gold(None, (value - spread, value + spread), unit, None, ordered=False)
    return Gold(value, None, unit, raw.get("change"))


def _is_year(raw: dict[str, Any]) -> bool:
    surface = str(raw.get("surface") or "")
    return raw.get("unit") is None and bool(_YEAR.fullmatch(surface.strip()))


def _sorted(pair: tuple[float, float]) -> tuple[float, float]:
    return (min(pair), max(pair))


def _close(wanted: float, got: float) -> bool:
    return abs(got - wanted) <= 1e-8 + 1e-5 * abs(wanted)


def _content(phrase: str) -> set[str]:
    words = _WORD.findall(phrase.lower().replace("’", "'"))
    return {_singular(w) for w in words if w not in _STOP}


def _singular(word: str) -> str:
    word = word.removesuffix("'s").rstrip("'")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
