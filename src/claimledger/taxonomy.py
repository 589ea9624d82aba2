"""The metric taxonomy (data/metrics.toml): which metric a figure measures."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claimledger.settings import load_data

AGGREGATIONS = ("cumulative", "per_period", "either")


@dataclass(frozen=True)
class Metric:
    key: str
    description: str
    aggregation: str
    units: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()
    casualties: bool = False  # people killed or wounded: a toll stays its event's

    def fits(self, words: set[str], unit: str) -> bool:
        if self.units and unit not in self.units:
            return False
        if not self.units and unit not in ("count",):
            return False
        if self.nouns and not self.nouns & words:
            return False
        return not self.verbs or bool(self.verbs & words)


@dataclass(frozen=True)
class Taxonomy:
    metrics: tuple[Metric, ...]

    @classmethod
    def load(cls) -> Taxonomy:
        return cls(
            tuple(
                Metric(
                    key=item["key"],
                    description=item["description"],
                    aggregation=item["aggregation"],
                    units=frozenset(item.get("units", ())),
                    nouns=frozenset(item.get("nouns", ())),
                    verbs=frozenset(item.get("verbs", ())),
                    casualties=bool(item.get("casualties", False)),
                )
                for item in load_data("metrics.toml")["metric"]
            )
        )

    def classify(self, object_phrase: str, context: Iterable[str], unit: str) -> str:
        """The first metric whose unit, nouns and verbs fit; `other` when none does."""
        words = _forms(object_phrase.split()) | _forms(context)
        for metric in self.metrics:
            if metric.units and unit in metric.units and not metric.nouns:
                return metric.key
            if metric.fits(words, unit):
                return metric.key
        return "other"

    def casualties(self, key: str) -> bool:
        """Whether a metric counts people killed or wounded."""
        return any(m.casualties for m in self.metrics if m.key == key)

    def aggregation(self, key: str) -> str:
        """cumulative | per_period | either; `other` counts as either."""
        return next((m.aggregation for m in self.metrics if m.key == key), "either")


def _forms(words: Iterable[str]) -> set[str]:
    """Each word lower-cased with crude singular and verb-stem forms ("killed" -> "kill")."""
    out: set[str] = set()
    for word in words:
        word = re.sub(r"[^a-z-]", "", word.lower())
        if not word:
            continue
        out |= {word, word.removesuffix("s"), re.sub(r"ies$", "y", word)}
        out |= {re.sub(r"(?:ed|ing)$", "", word), re.sub(r"(?:d|ing)$", "", word)}
        out.add(re.sub(r"([a-z])\1(?:ed|ing)$", r"\1", word))
    return out
