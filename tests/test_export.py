"""The claims export follows FORMATS.md section 1 exactly, on a real article's figures."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.export import claim_record, export_ledger, number
from claimledger.models import Article, ArticleResult, Claim, Place
from claimledger.store import Ledger
from tests.conftest import CORPUS_SOURCE, CORPUS_TEXT, SYRIA, corpus_article, corpus_claim

FORMAT_KEYS = [
    "claim_id", "article_id", "source", "outlet", "published", "language", "value",
    "value_max", "unit", "value_normalized", "unit_normalized", "qualifier", "object",
    "metric", "speaker", "speaker_role", "speaker_org", "attribution", "period_start",
    "period_end", "places", "evidence", "cluster_id",
]  # fmt: skip
CSV_KEYS = [
    *FORMAT_KEYS[:21], "evidence_text", "evidence_start", "evidence_end", "cluster_id",
]  # fmt: skip
SENTENCE = (
    "The elimination of 34 militants the destruction of 5 SUVs with large-caliber weapons "
    "as well as 2 vehicles with ammunition has been confirmed"
)
MAYADIN = Place("Al Mayādīn", 35.0207, 40.4516, None)


def make_claim(article: Article, figure: str, obj: str, places: tuple[Place, ...]) -> Claim:
    return corpus_claim(
        article,
        SENTENCE,
        f"{figure} {obj}",
        metric="militants_killed" if obj == "militants" else "vehicles_destroyed",
        speaker="Igor Konashenkov",
        speaker_role="spokesman",
        speaker_org="Russian Ministry of Defence",
        attribution="direct_quote",
        period_end="2017-10-10",
        places=places,
    )


def make_result() -> ArticleResult:
    article = corpus_article()
    militants = make_claim(article, "34", "militants", (MAYADIN, SYRIA))
    suvs = make_claim(article, "5", "SUVs", ())
    return ArticleResult(article, (suvs, militants))


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        ledger.start_run("run-1", "2024-01-01T00:00:00+00:00", [CORPUS_SOURCE], "0.1.0")
        ledger.add_result(make_result(), "run-1")
        yield ledger


@pytest.mark.parametrize(
    ("value", "expected"), [(1593.0, 1593), (1500000.0, 1500000), (1.5, 1.5), (None, None)]
)
def test_whole_numbers_become_ints(value: float | None, expected: float | None) -> None:
    assert number(value) == expected
    assert type(number(value)) is type(expected)


def test_claim_record_has_the_format_keys_in_order() -> None:
    result = make_result()
    record = claim_record(result.claims[1], result.article)
    assert list(record) == FORMAT_KEYS
    assert record["value"] == 34 and isinstance(record["value"], int)
    assert record["outlet"] == "Sputnik" and record["published"] == "2017-10-10"
    assert record["places"] == [
        {"name": "Al Mayādīn", "lat": 35.0207, "lon": 40.4516, "geonames_id": None},
        {"name": "Syria", "lat": 35.0, "lon": 38.0, "geonames_id": 163843},
    ]
    evidence = record["evidence"]
    assert isinstance(evidence, dict)
    assert CORPUS_TEXT[evidence["start"] : evidence["end"]] == "34"


def test_jsonl_export_writes_one_json_object_per_claim(ledger: Ledger) -> None:
    stream = io.StringIO()
    assert export_ledger(ledger, "jsonl", stream) == 2
    lines = stream.getvalue().splitlines()
    records = [json.loads(line) for line in lines]
    assert [list(record) for record in records] == [FORMAT_KEYS, FORMAT_KEYS]
    assert [record["value"] for record in records] == [34, 5]
    assert '"value": 34,' in lines[0] and '"value_normalized": 34,' in lines[0]
    assert "Al Mayādīn" in lines[0]


def test_csv_export_has_a_header_and_one_row_per_claim(ledger: Ledger) -> None:
    stream = io.StringIO()
    assert export_ledger(ledger, "csv", stream) == 2
    stream.seek(0)
    reader = csv.DictReader(stream)
    rows = list(reader)
    assert reader.fieldnames == CSV_KEYS
    assert len(rows) == 2
    assert rows[0]["places"] == "Al Mayādīn;Syria"
    assert rows[0]["value"] == "34"
    assert rows[1]["places"] == ""
    assert rows[1]["evidence_text"] == SENTENCE
    assert int(rows[1]["evidence_start"]) == CORPUS_TEXT.index("5 SUVs")


def test_unknown_format_is_refused(ledger: Ledger) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_ledger(ledger, "xml", io.StringIO())  # type: ignore[arg-type]
