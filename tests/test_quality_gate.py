"""The CI quality gate: eval on the dev gold must stay at or above the pinned floors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from claimledger.evaluate import claim_periods, load_claim_periods, load_gold, score
from claimledger.export import ledger_records
from claimledger.pipeline import run
from claimledger.store import Ledger
from tests.conftest import ROOT, SHARED, require_shared

FLOORS = json.loads((ROOT / "quality" / "floors.json").read_text(encoding="utf-8"))
GOLDS = [ROOT / path for path in FLOORS["gold"]]


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory, toolkit: Any, nlp: Any) -> dict[str, Any]:
    articles = require_shared(SHARED / "corpus" / "articles")
    gold = [entry for path in GOLDS for entry in load_gold(path)]
    paths = [str(articles / entry["article"]) for entry in gold]
    with Ledger.open(tmp_path_factory.mktemp("gate") / "eval.db") as ledger:
        run(paths, ledger, toolkit, nlp=nlp)
        report = score(gold, list(ledger_records(ledger)))
    figures: dict[str, Any] = report.to_dict()
    return figures


def figure(measured: dict[str, Any], name: str) -> float:
    if name == "mention_f1":
        return float(measured["mentions"]["f1"])
    if name == "dates":
        return float(measured["dates"]["accuracy"])
    return float(measured["fields"][name]["accuracy"])


@pytest.mark.parametrize("name", sorted(FLOORS["floors"]))
def test_figure_at_or_above_its_floor(measured: dict[str, Any], name: str) -> None:
    assert figure(measured, name) >= FLOORS["floors"][name], f"{name} fell below its floor"


def test_no_false_publication_dates(measured: dict[str, Any]) -> None:
    assert measured["dates"]["false_dates"] <= FLOORS["max_false_dates"]


def test_floors_file_is_sane() -> None:
    assert all(0 < value <= 1 for value in FLOORS["floors"].values())
    assert 0 < FLOORS["claim_periods"]["period"] <= 1
    assert all(0 < value <= 1 for value in FLOORS["sealed"]["floors"].values())


def test_blind_claim_periods_at_or_above_their_floor(
    tmp_path_factory: pytest.TempPathFactory, toolkit: Any, nlp: Any
) -> None:
    articles = require_shared(SHARED / "corpus" / "articles")
    folder = ROOT / FLOORS["claim_periods"]["folder"]
    periods = load_claim_periods(folder)
    lines = (folder / "key.jsonl").read_text(encoding="utf-8").splitlines()
    paths = sorted({str(articles / json.loads(line)["article"]) for line in lines})
    with Ledger.open(tmp_path_factory.mktemp("blind") / "eval.db") as ledger:
        run(paths, ledger, toolkit, nlp=nlp)
        records = list(ledger_records(ledger))
    found = claim_periods(periods, records)
    kept = set(periods) & {record["claim_id"] for record in records}
    assert len(kept) >= 0.95 * len(periods), "claim ids changed: re-key quality/blind-periods"
    assert found.accuracy is not None
    assert found.accuracy >= FLOORS["claim_periods"]["period"]


@pytest.fixture(scope="module")
def sealed(tmp_path_factory: pytest.TempPathFactory, toolkit: Any, nlp: Any) -> dict[str, Any]:
    """The sealed held-out set's aggregate figures (never its individual errors)."""
    articles = require_shared(SHARED / "corpus" / "articles")
    gold = load_gold(ROOT / FLOORS["sealed"]["gold"])
    paths = [str(articles / entry["article"]) for entry in gold]
    with Ledger.open(tmp_path_factory.mktemp("sealed") / "eval.db") as ledger:
        run(paths, ledger, toolkit, nlp=nlp)
        figures: dict[str, Any] = score(gold, list(ledger_records(ledger))).to_dict()
    return figures


@pytest.mark.parametrize("name", sorted(FLOORS["sealed"]["floors"]))
def test_sealed_figure_at_or_above_its_floor(sealed: dict[str, Any], name: str) -> None:
    got, floor = figure(sealed, name), FLOORS["sealed"]["floors"][name]
    assert got >= floor, f"sealed {name} fell below its floor"


def test_no_false_publication_dates_on_the_sealed_set(sealed: dict[str, Any]) -> None:
    assert sealed["dates"]["false_dates"] <= FLOORS["sealed"]["max_false_dates"]
