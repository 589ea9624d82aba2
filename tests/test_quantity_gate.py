"""The CI gate of the quantity layer: F1 on the public peer sets stays at or above the floors
pinned in quality/quantity_floors.json (NewsQuant is the one the issue targets), and change
is scored strictly, as CQE's own scorer does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimledger.models import Qualifier
from claimledger.quantities import Change, Quantity
from claimledger.quantity_eval import CHANGE_METRIC, Gold, _Matcher, evaluate
from claimledger.quantity_layer import layer_for
from tests.conftest import ROOT, SHARED, require_shared

FLOORS = json.loads((ROOT / "quality" / "quantity_floors.json").read_text(encoding="utf-8"))
PEER = SHARED / "peer"
CASES = [(name, metric) for name, floors in FLOORS["sets"].items() for metric in floors]


@pytest.fixture(scope="module")
def measured() -> dict[str, dict[str, Any]]:
    layer = layer_for("en")
    figures = {}
    for name in FLOORS["sets"]:
        path = require_shared(PEER / name)
        figures[name] = evaluate(path, layer.extract, layer.units).to_dict()
    return figures


@pytest.mark.parametrize(("name", "metric"), CASES)
def test_f1_at_or_above_its_floor(measured: dict[str, Any], name: str, metric: str) -> None:
    floor = FLOORS["sets"][name][metric]
    got = measured[name][metric]["f1"]
    assert got >= floor, f"{name} {metric} F1 {got} fell below its floor {floor}"


def test_newsquant_floors_beat_the_best_published_system() -> None:
    # CQE_Evaluation's evaluate_models.py counts a change only where `model_change ==
    # gt_change`, so CQE's published 0.881 is the strict figure and is compared with our
    # strict one (0.906 measured, floor 0.905; the lenient score that ignored a predicted
    # direction where the gold says "=" read 0.927 and is retired).
    cqe = {"value": 0.920, "value+unit": 0.856, CHANGE_METRIC: 0.881}
    floors = FLOORS["sets"]["newsquant.jsonl"]
    assert set(cqe) <= set(floors)
    assert all(floors[metric] > cqe[metric] for metric in cqe)


def test_the_report_names_the_change_score_as_the_floors_do() -> None:
    assert CHANGE_METRIC in FLOORS["sets"]["newsquant.jsonl"]


def predicted(
    qualifier: Qualifier = "exact", change: Change | None = None, value: float = 5.0
) -> Quantity:
    return Quantity(0, 2, value, None, "percent", qualifier, "5%", change=change)


# Scored as CQE's evaluate_models.py does: the gold's one label ("=", "~", ">", "<", "up",
# "down") against the prediction's qualifier and direction; a direction where the gold
# gives none is wrong.
@pytest.mark.parametrize(
    ("gold_change", "qualifier", "change", "right"),
    [
        ("=", "exact", "up", False),
        ("=", "exact", "down", False),
        (None, "exact", "up", False),
        ("~", "approx", "up", False),
        (">", "over", "down", False),
        ("<", "under", "down", False),
        ("=", "range", "up", False),
        ("=", "exact", None, True),
        (None, "exact", None, True),
        ("~", "approx", None, True),
        (">", "over", None, True),
        ("<", "under", None, True),
        ("up", "exact", "up", True),
        ("down", "under", "down", True),
        ("up", "exact", "down", False),
        ("up", "exact", None, False),
        ("=", "approx", None, False),
    ],
)
def test_change_is_scored_strictly(
    gold_change: str | None, qualifier: Qualifier, change: Change | None, right: bool
) -> None:
    gold = Gold(5.0, None, "percentage", gold_change)
    assert _Matcher.same_change(gold, predicted(qualifier, change)) is right


@pytest.mark.parametrize(
    ("gold_change", "change", "correct", "error"),
    [
        ("=", "up", 0, "change s1: gold = got exact/up | 5%"),
        ("=", None, 1, None),
        ("up", "up", 1, None),
        ("down", None, 0, "change s1: gold down got exact/no direction | 5%"),
    ],
)
def test_evaluate_counts_a_wrong_direction_as_wrong(
    tmp_path: Path, gold_change: str, change: Change | None, correct: int, error: str | None
) -> None:
    line = {
        "id": "s1",
        "text": "Sales rose to 5%.",
        "quantities": [
            {"value": 5, "range": None, "unit": "percentage", "change": gold_change},
        ],
    }
    peer = tmp_path / "peer.jsonl"
    peer.write_text(json.dumps(line) + "\n", encoding="utf-8")
    layer = layer_for("en")
    report = evaluate(peer, lambda _: [predicted(change=change)], layer.units)
    figures = report.to_dict(verbose=True)
    assert "value+change" not in figures
    assert (figures["value"]["correct"], figures[CHANGE_METRIC]["correct"]) == (1, correct)
    assert figures["errors"] == ([error] if error else [])
