"""The SQLite ledger on a real article: migrations, idempotent writes, exact round trips."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from claimledger.models import Article, ArticleResult, DocumentError, Place, RunSummary, Span
from claimledger.store import MIGRATIONS, Ledger
from tests.conftest import (
    AIRSTRIKES,
    CORPUS_SOURCE,
    SYRIA,
    corpus_article,
    corpus_claim,
    corpus_date,
)

RUN = "run-1"
TOTAL = (
    "A total of 70 Daesh terrorists who were later identified as nationals of CIS states "
    "and Algeria were eliminated in the Mayadin area according to Russian Defense Ministry "
    "spokesman Maj. Gen. Igor Konashenkov."
)


def make_article() -> Article:
    return corpus_article(
        'Russian jets kill 34 terrorists <near> Deir ez-Zor & "Mayadin"',
        published=corpus_date(note="The dateline at the top of the text reads 10.10.2017."),
        removed=(Span(0, 10, "dateline"),),
    )


def make_result() -> ArticleResult:
    article = make_article()
    strikes = corpus_claim(
        article,
        AIRSTRIKES,
        "182 airstrikes",
        metric="airstrikes",
        period_start="2017-10-09",
        period_end="2017-10-10",
        period_source="sentence",
        period_evidence="in the past 24 hours",
        places=(SYRIA,),
    )
    total = corpus_claim(
        article,
        TOTAL,
        "70 Daesh terrorists",
        metric="militants_killed",
        speaker="Igor Konashenkov",
        speaker_role="spokesman",
        speaker_org="Russian Ministry of Defence",
        places=(Place("Mayadin", 35.0207, 40.4516, None), SYRIA),
        cluster_id="c-70",
    )
    return ArticleResult(article=article, claims=(total, strikes))


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger.open(tmp_path / "ledger.db") as opened:
        opened.start_run(RUN, "2024-01-01T00:00:00+00:00", [CORPUS_SOURCE], "0.1.0")
        yield opened


def test_fresh_ledger_applies_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "ledger.db"
    with Ledger.open(path) as ledger:
        assert ledger.applied == tuple(version for version, _ in MIGRATIONS)
        assert ledger.schema_version() == MIGRATIONS[-1][0]
        tables = set(inspect(ledger.engine).get_table_names())
    assert path.exists()
    assert {"schema_migrations", "runs", "articles", "claims", "document_errors"} <= tables


def test_reopening_applies_no_migration(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    Ledger.open(path).close()
    with Ledger.open(path) as ledger:
        assert ledger.applied == ()
        assert ledger.schema_version() == MIGRATIONS[-1][0]


def test_a_ledger_from_before_period_provenance_gains_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Ledger.open(path) as old, old.engine.begin() as conn:  # back to a schema-2 ledger
        for column in ("period_source", "period_evidence"):
            conn.exec_driver_sql(f"ALTER TABLE claims DROP COLUMN {column}")
        conn.exec_driver_sql("DELETE FROM schema_migrations WHERE version = 3")
    with Ledger.open(path) as ledger:
        assert ledger.applied == (3,)
        columns = {c["name"] for c in inspect(ledger.engine).get_columns("claims")}
        assert {"period_source", "period_evidence"} <= columns


def test_sqlite_runs_in_wal_mode_with_foreign_keys(ledger: Ledger) -> None:
    with ledger.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_add_result_stores_article_and_claims_once(ledger: Ledger) -> None:
    result = make_result()
    assert not ledger.has_article(result.article.article_id)
    assert ledger.add_result(result, RUN) == 2
    assert ledger.has_article(result.article.article_id)
    assert ledger.add_result(result, RUN) == 0
    assert len(ledger.articles()) == 1
    assert len(ledger.claims()) == 2


def test_claims_and_article_round_trip_exactly(ledger: Ledger) -> None:
    result = make_result()
    ledger.add_result(result, RUN)
    assert ledger.articles() == [result.article]
    by_position = sorted(result.claims, key=lambda claim: claim.evidence.start)
    assert ledger.claims() == by_position
    assert ledger.claims(result.article.article_id) == by_position
    assert ledger.claims("no-such-article") == []
    assert isinstance(ledger.claims()[0].places, tuple)


def test_unknown_run_is_rejected_by_foreign_key(ledger: Ledger) -> None:
    with pytest.raises(IntegrityError):
        ledger.add_result(make_result(), "no-such-run")
    assert ledger.articles() == []


def test_errors_are_stored_per_run(ledger: Ledger) -> None:
    ledger.start_run("run-2", "2024-01-02T00:00:00+00:00", ["b.html"], "0.1.0")
    first = DocumentError("a.txt", "empty", "The file is empty.", "Check the download.")
    second = DocumentError("b.html", "encoding", "Bytes are not UTF-8.", "Re-save.", "abc")
    ledger.add_error(RUN, first)
    ledger.add_error("run-2", second)
    assert ledger.errors(RUN) == [first]
    assert ledger.errors("run-2") == [second]
    assert ledger.errors() == [first, second]


def test_finish_run_records_counts(ledger: Ledger) -> None:
    error = DocumentError("a.txt", "empty", "The file is empty.", "Check the download.")
    summary = RunSummary(
        run_id=RUN,
        started_at="2024-01-01T00:00:00+00:00",
        finished_at="2024-01-01T00:01:00+00:00",
        documents=2,
        new_articles=1,
        new_claims=2,
        errors=[error],
    )
    ledger.finish_run(summary)
    [run] = ledger.runs()
    assert run["inputs"] == [CORPUS_SOURCE]
    assert run["finished_at"] == "2024-01-01T00:01:00+00:00"
    assert (run["documents"], run["new_articles"], run["new_claims"], run["errors"]) == (
        2,
        1,
        2,
        1,
    )
