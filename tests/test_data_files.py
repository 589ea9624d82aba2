"""Integrity of the knowledge shipped as data files."""

from __future__ import annotations

import re

from claimledger.clean import load_rules
from claimledger.lexicon import Lexicon
from claimledger.metadata import load_outlets
from claimledger.settings import load_data
from claimledger.taxonomy import AGGREGATIONS, Taxonomy

ISSUE_METRICS = {
    "sorties",
    "airstrikes",
    "targets_hit",
    "localities_liberated",
    "territory_area",
    "territory_share",
    "refugees_returned",
    "civilians_killed",
    "military_killed",
    "people_wounded",
    "equipment_destroyed",
    "aid_delivered",
    "troops_deployed",
}


def test_metric_taxonomy_covers_the_required_metrics() -> None:
    taxonomy = Taxonomy.load()
    keys = [m.key for m in taxonomy.metrics]
    assert len(keys) == len(set(keys))
    assert set(keys) >= ISSUE_METRICS
    assert all(m.aggregation in AGGREGATIONS and m.description for m in taxonomy.metrics)


def test_every_pattern_compiles_and_outlets_are_unique() -> None:
    assert load_rules()
    outlets = load_outlets()
    assert len({o.name for o in outlets}) == len(outlets)
    assert all(o.patterns for o in outlets)


def test_period_patterns_have_their_groups() -> None:
    data = load_data("en/periods.toml")
    needed = {
        "past": "unit",
        "over_days": "n",
        "from_to": "d2",
        "month_range": "year2",
        "year_span": "yy",
        "year_in": "year",
        "began_then_since": "rest",
        "statement_opening": "wd",
    }
    for name, group in needed.items():
        assert f"(?P<{group}>" in data["patterns"][name]
    kinds = set(data["relative"].values())
    assert kinds <= {
        "this_year",
        "last_year",
        "this_month",
        "last_month",
        "past_week",
        "this_week",
        "weekend",
        "yesterday",
        "overnight",
        "today",
        "so_far",
    }


def test_lexicon_units_and_numbers_are_consistent() -> None:
    lexicon = Lexicon.load("en")
    assert lexicon.number_words["twenty"] == 20 and lexicon.scales["million"] == 1_000_000
    assert set(lexicon.unit_surfaces.values()) <= set(lexicon.units)
    assert all(q in ("over", "under", "approx") for q in lexicon.qualifiers.values())
    assert re.compile(lexicon.month_pattern()).fullmatch("March")
    assert not re.compile(lexicon.month_pattern()).fullmatch("march")
