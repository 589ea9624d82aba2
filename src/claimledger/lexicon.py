"""Per-language knowledge loaded from data files: number words, qualifiers, units, cues.

A Lexicon is built once per run and passed down; it holds only immutable values and
compiled patterns, so it pickles to worker processes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from claimledger.settings import load_data


@dataclass(frozen=True)
class Unit:
    key: str
    canonical: str


@dataclass(frozen=True)
class Lexicon:
    language: str
    number_words: dict[str, int]
    scales: dict[str, int]
    short_scales: dict[str, int]
    fractions: dict[str, float]
    qualifiers: dict[str, str]  # phrase before the figure -> qualifier
    over_suffixes: tuple[str, ...]
    time_units: frozenset[str]
    id_before: frozenset[str]
    one_not_count: frozenset[str]
    months: dict[str, int]
    unit_surfaces: dict[str, str]  # lower-case surface -> unit key
    unit_prefixes: dict[str, str]
    units: dict[str, Unit]
    cue_verbs: frozenset[str]
    strong_cue_verbs: frozenset[str]
    carry_sentences: int
    focus_cues: tuple[str, ...]
    dateline_labels: tuple[str, ...]
    statement_verbs: tuple[str, ...]
    participles: dict[str, str]
    year_before: tuple[str, ...]
    according: tuple[str, ...]
    unnamed: frozenset[str]
    roles: frozenset[str]
    pronouns: frozenset[str]
    titles: frozenset[str]
    carry_openers: tuple[str, ...]
    breakdown_openers: tuple[str, ...]
    toll_openers: tuple[str, ...]
    speaker_nouns: frozenset[str]
    document_nouns: frozenset[str]
    descriptors: dict[str, tuple[str, ...]]
    weekdays: tuple[str, ...]
    event_verbs: frozenset[str]
    event_nouns: frozenset[str]
    speaker_chrome: frozenset[str]
    compound_tails: frozenset[str]
    located_tails: frozenset[str]
    plural_modifiers: frozenset[str]
    irregular_plurals: frozenset[str]
    name_particles: frozenset[str]
    connectors: frozenset[str]

    @classmethod
    def load(cls, language: str = "en") -> Lexicon:
        raw = load_data(f"{language}/lexicon.toml")
        units = load_data("units.toml")["unit"]
        numbers, quals, excl, attr = (
            raw["numbers"],
            raw["qualifiers"],
            raw["exclusions"],
            raw["attribution"],
        )
        return cls(
            language=language,
            number_words={**numbers["units"], **numbers["tens"]},
            scales={**numbers["scales"], "dozen": 12},
            short_scales=dict(numbers["short_scales"]),
            fractions=dict(numbers["fractions"]),
            qualifiers={p: q for q in ("over", "under", "approx") for p in quals[q]},
            over_suffixes=tuple(quals["over_suffix"]),
            time_units=frozenset(excl["time_units"]),
            id_before=frozenset(excl["id_before"]),
            one_not_count=frozenset(excl["one_not_count"]),
            months=_months(excl["months"]),
            unit_surfaces={s.lower(): u["key"] for u in units for s in u["surfaces"]},
            unit_prefixes={p.lower(): u["key"] for u in units for p in u.get("prefixes", [])},
            units={u["key"]: Unit(u["key"], u["canonical"]) for u in units},
            cue_verbs=frozenset(attr["cue_verbs"]),
            strong_cue_verbs=frozenset(attr["strong_cue_verbs"]),
            carry_sentences=int(attr["carry_sentences"]),
            focus_cues=tuple(attr["focus_cues"]),
            dateline_labels=tuple(raw["dates"]["dateline_labels"]),
            statement_verbs=tuple(raw["dates"]["statement_verbs"]),
            participles=dict(raw["participles"]["irregular"]),
            year_before=tuple(raw["dates"]["year_before"]),
            according=tuple(attr["according"]),
            unnamed=frozenset(attr["unnamed"]),
            roles=frozenset(attr["roles"]),
            pronouns=frozenset(attr["pronouns"]),
            titles=frozenset(attr["titles"]),
            carry_openers=(
                *attr["carry_openers"],
                *attr["breakdown_openers"],
                *attr["toll_openers"],
            ),
            breakdown_openers=tuple(attr["breakdown_openers"]),
            toll_openers=tuple(attr["toll_openers"]),
            speaker_nouns=frozenset(attr["speaker_nouns"]),
            document_nouns=frozenset(attr["document_nouns"]),
            descriptors={k: tuple(v) for k, v in attr["descriptors"].items()},
            weekdays=tuple(raw["periods"]["weekdays"]),
            event_verbs=frozenset(raw["objects"]["event_verbs"]),
            event_nouns=frozenset(raw["objects"]["event_nouns"]),
            speaker_chrome=frozenset(raw["speakers"]["chrome"]),
            compound_tails=frozenset(raw["speakers"]["compound_tails"]),
            located_tails=frozenset(raw["speakers"]["located_tails"]),
            plural_modifiers=frozenset(raw["speakers"]["plural_modifiers"]),
            irregular_plurals=frozenset(raw["speakers"]["irregular_plurals"]),
            name_particles=frozenset(raw["speakers"]["name_particles"]),
            connectors=frozenset(raw["speakers"]["connectors"]),
        )

    def month_pattern(self) -> str:
        """Month names as written in text ("March", "MARCH", "Mar"), case-sensitive even
        inside an IGNORECASE pattern: "may" and "march" are verbs."""
        forms = {form for name in self.months for form in (name.capitalize(), name.upper())}
        return f"(?-i:{self.alternation(forms)})"

    def alternation(self, words: Any) -> str:
        """A regex alternation of the words, longest first, each escaped."""
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _months(names: list[str]) -> dict[str, int]:
    full = names[:12]
    months = {name: index + 1 for index, name in enumerate(full)}
    for short in names[12:]:
        months[short] = next(i + 1 for i, name in enumerate(full) if name.startswith(short[:3]))
    return months
