"""The SQLite ledger on a real article: migrations, idempotent writes, exact round trips."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from claimledger.models import (
    Article,
    ArticleResult,
    Claim,
    DocumentError,
    Evidence,
    Outlet,
    Place,
    PublicationDate,
    RawDocument,
    RunSummary,
    Span,
    stable_id,
)
from claimledger.store import MIGRATIONS, Ledger

SOURCE = "samples/corpus/fakes-1965495345.txt"
TEXT = (Path(__file__).parents[1] / SOURCE).read_text(encoding="utf-8")
RUN = "run-1"
STRIKES = (
    "The Russian aircraft carried out 182 airstrikes against the positions of Daesh "
    "terrorists in Syria in the past 24 hours the ministry said in a statement on Tuesday."
)
TOTAL = (
    "A total of 70 Daesh terrorists who were later identified as nationals of CIS states "
    "and Algeria were eliminated in the Mayadin area according to Russian Defense Ministry "
    "spokesman Maj. Gen. Igor Konashenkov."
)


def make_article() -> Article:
    raw = RawDocument(source=SOURCE, content=TEXT.encode("utf-8"), media_type="text")
    published = PublicationDate(
        value="2017-10-10",
        precision="day",
        source="text",
        evidence="10.10.2017",
        note="The dateline at the top of the text reads 10.10.2017.",
    )
    return Article(
        article_id=raw.article_id,
        source=SOURCE,
        language="en",
        title='Russian jets kill 34 terrorists <near> Deir ez-Zor & "Mayadin"',
        text=TEXT,
        published=published,
        outlet=Outlet(name="Sputnik", evidence="Sputnik"),
        removed=(Span(0, 10, "dateline"),),
    )


def make_claim(article: Article, sentence: str, figure: str, **fields: object) -> Claim:
    start = TEXT.index(sentence) + sentence.index(figure)
    number = figure.split()[0]
    values: dict[str, object] = {
        "claim_id": stable_id(article.article_id, start),
        "article_id": article.article_id,
        "value": float(number),
        "value_max": None,
        "unit": "count",
        "value_normalized": float(number),
        "unit_normalized": "count",
        "qualifier": "exact",
        "object": figure.split(maxsplit=1)[1],
        "speaker": "Russian Ministry of Defence",
        "speaker_role": None,
        "speaker_org": None,
        "attribution": "reported",
        "period_start": None,
        "period_end": None,
        "places": (),
        "evidence": Evidence(text=sentence, start=start, end=start + len(number)),
        "surface": figure,
    }
    return Claim(**(values | fields))  # type: ignore[arg-type]


def make_result() -> ArticleResult:
    article = make_article()
    strikes = make_claim(
        article,
        STRIKES,
        "182 airstrikes",
        metric="airstrikes",
        period_start="2017-10-09",
        period_end="2017-10-10",
        places=(Place("Syria", 35.0, 38.0, 163843),),
    )
    total = make_claim(
        article,
        TOTAL,
        "70 Daesh terrorists",
        metric="militants_killed",
        speaker="Igor Konashenkov",
        speaker_role="spokesman",
        speaker_org="Russian Ministry of Defence",
        places=(Place("Mayadin", 35.0207, 40.4516, None), Place("Syria", 35.0, 38.0, 163843)),
        cluster_id="c-70",
    )
    return ArticleResult(article=article, claims=(total, strikes))


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger.open(tmp_path / "ledger.db") as opened:
        opened.start_run(RUN, "2024-01-01T00:00:00+00:00", [SOURCE], "0.1.0")
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
    assert run["inputs"] == [SOURCE]
    assert run["finished_at"] == "2024-01-01T00:01:00+00:00"
    assert (run["documents"], run["new_articles"], run["new_claims"], run["errors"]) == (
        2,
        1,
        2,
        1,
    )
