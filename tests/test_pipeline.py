"""The main job end to end on real articles: claims, idempotent re-runs, bad inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from claimledger.export import ledger_records
from claimledger.pipeline import run
from claimledger.store import Ledger
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory, toolkit: Any, nlp: Any) -> Any:
    db = tmp_path_factory.mktemp("ledger") / "ledger.db"
    with Ledger.open(db) as ledger:
        summary = run([str(SAMPLES)], ledger, toolkit, nlp=nlp)
        records = list(ledger_records(ledger))
    return db, summary, records


def claims_in(records: list[dict[str, Any]], article: str) -> list[dict[str, Any]]:
    return [r for r in records if Path(r["source"]).name == article]


def test_every_sample_article_is_stored_with_claims(sample_run: Any) -> None:
    _, summary, records = sample_run
    assert summary.documents == summary.new_articles == len(list(SAMPLES.glob("*.txt")))
    assert summary.errors == []
    assert len(records) > 60
    assert {Path(r["source"]).name for r in records} == {p.name for p in SAMPLES.glob("*.txt")}


def test_konashenkov_airstrikes_claim(sample_run: Any) -> None:
    _, _, records = sample_run
    (strikes,) = [r for r in claims_in(records, "fakes-1965495345.txt") if r["value"] == 182]
    assert strikes["unit"] == "count" and strikes["qualifier"] == "exact"
    assert strikes["object"] == "airstrikes" and strikes["metric"] == "airstrikes"
    assert strikes["speaker"] == "Russian Defense Ministry"
    assert (strikes["period_start"], strikes["period_end"]) == ("2017-10-09", "2017-10-10")
    assert strikes["published"] == "2017-10-10" and strikes["outlet"] == "Sputnik"
    assert "182 airstrikes" in strikes["evidence"]["text"]


def test_evidence_offsets_point_into_the_cleaned_text(sample_run: Any) -> None:
    db, _, records = sample_run
    with Ledger.open(db) as ledger:
        texts = {a.article_id: a.text for a in ledger.articles()}
    for record in records:
        evidence = record["evidence"]
        figure = texts[record["article_id"]][evidence["start"] : evidence["end"]]
        assert figure and figure in evidence["text"]


def test_chrome_never_yields_claims(sample_run: Any) -> None:
    _, _, records = sample_run
    sputnik = claims_in(records, "fakes-1965495345.txt")
    assert not [r for r in sputnik if r["value"] in (1721, 1601, 24)]  # counter, time, Su-24
    related = claims_in(records, "fakes-1965495348.txt")
    assert not [r for r in related if r["value"] in (548, 48)]


def test_dates_and_durations_are_not_claims(sample_run: Any) -> None:
    _, _, records = sample_run
    values = {r["value"] for r in claims_in(records, "fakes-1965495345.txt")}
    assert 2017 not in values and 40 not in values  # the date line, "40 minutes later"


def test_rerun_adds_nothing_and_says_so(sample_run: Any, toolkit: Any, nlp: Any) -> None:
    db, first, records = sample_run
    with Ledger.open(db) as ledger:
        second = run([str(SAMPLES)], ledger, toolkit, nlp=nlp)
        again = list(ledger_records(ledger))
    assert second.new_articles == 0 and second.new_claims == 0
    assert second.known_articles == first.new_articles
    assert [r["claim_id"] for r in again] == [r["claim_id"] for r in records]


def test_bad_inputs_are_stored_and_the_batch_goes_on(
    tmp_path: Path, toolkit: Any, nlp: Any
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(SAMPLES / "fakes-1924058217.txt", inputs / "tass.txt")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02\x89PNG" * 100)
    (inputs / "latin.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 50)
    (inputs / "broken.html").write_text("<html><body><div><p>", encoding="utf-8")
    with (inputs / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        summary = run([str(inputs)], ledger, toolkit, nlp=nlp)
        stored = ledger.errors(summary.run_id)
        runs = ledger.runs()
    kinds = {Path(e.source).name: e.kind for e in stored}
    assert kinds == {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "latin.txt": "encoding",
        "broken.html": "no_text",
        "huge.txt": "too_large",
    }
    assert summary.new_articles == 1 and summary.new_claims > 0
    assert all(e.hint for e in stored)
    assert runs[-1]["errors"] == 5


def test_export_lines_follow_the_format(sample_run: Any) -> None:
    _, _, records = sample_run
    keys = list(json.loads(json.dumps(records[0])))
    assert keys[:4] == ["claim_id", "article_id", "source", "outlet"]
    assert {"value", "unit", "qualifier", "speaker", "period_start", "places", "evidence"} <= set(
        keys
    )


class FailingExtractor:
    """A double injected into the toolkit: fails on one article, delegates the rest."""

    def __init__(self, real: Any, poison: str) -> None:
        self.real = real
        self.poison = poison

    def extract(self, article: Any, doc: Any) -> Any:
        if article.source.endswith(self.poison):
            raise RuntimeError("boom")
        return self.real.extract(article, doc)


def test_a_document_that_breaks_the_extractor_does_not_stop_the_run(
    tmp_path: Path, toolkit: Any, nlp: Any
) -> None:
    from dataclasses import replace

    broken = replace(toolkit, extractor=FailingExtractor(toolkit.extractor, "fakes-1924058217.txt"))
    inputs = [str(SAMPLES / "fakes-1924058217.txt"), str(SAMPLES / "fakes-1965495345.txt")]
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        summary = run(inputs, ledger, broken, nlp=nlp)
        stored = ledger.errors(summary.run_id)
        last = ledger.runs()[-1]
    assert summary.new_articles == 1 and summary.new_claims > 0
    assert [(Path(e.source).name, e.kind) for e in stored] == [("fakes-1924058217.txt", "internal")]
    assert "RuntimeError: boom" in stored[0].message
    assert last["finished_at"] and last["errors"] == 1
