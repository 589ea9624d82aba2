"""The ledger: articles, claims, runs and per-document errors in one SQL database.

SQLite first (WAL, foreign keys on, a single writer), written with SQLAlchemy Core so the
same code runs on PostgreSQL: column types are generic and no SQLite-only syntax is used.

Tables
------
- ``schema_migrations(version, applied_at)``: one row per applied migration step.
- ``runs``: one row per ``claimledger run``: when it started and finished, its inputs
  (a JSON list as TEXT), its counts and the tool version.
- ``articles``: one row per distinct article (content-hash id), its cleaned text, the
  publication date with precision, source, evidence and note, the outlet with its
  evidence, the cut page chrome as JSON ``[[start, end, label], ...]`` and the run that
  first saw it.
- ``claims``: one row per claim mention, every ``Claim`` field flattened; places are JSON
  ``[{"name", "lat", "lon", "geonames_id"}, ...]``; evidence is split into
  ``evidence_text`` / ``evidence_start`` / ``evidence_end``.
- ``document_errors``: why an input was dropped, per run.

Migrations
----------
``MIGRATIONS`` is an append-only list of numbered steps. Opening a ledger applies the
steps whose number is missing from ``schema_migrations``, each in its own transaction with
its bookkeeping row. A released step is never edited: a later schema change is a new step
(``ALTER TABLE ... ADD COLUMN``). Steps 1 and 2 compile the Table definitions below, so the
change that first alters a table must also give step 1 a frozen copy of the version-1 table.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.schema import CreateIndex, CreateTable

from claimledger.models import (
    Article,
    ArticleResult,
    Claim,
    DocumentError,
    Evidence,
    Outlet,
    Place,
    Precision,
    PublicationDate,
    RunSummary,
    Span,
)

METADATA = sa.MetaData()

schema_migrations = sa.Table(
    "schema_migrations",
    METADATA,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", sa.Text, nullable=False),
)

runs = sa.Table(
    "runs",
    METADATA,
    sa.Column("run_id", sa.Text, primary_key=True),
    sa.Column("started_at", sa.Text, nullable=False),
    sa.Column("finished_at", sa.Text),
    sa.Column("inputs", sa.Text, nullable=False),
    sa.Column("documents", sa.Integer, nullable=False, default=0),
    sa.Column("new_articles", sa.Integer, nullable=False, default=0),
    sa.Column("known_articles", sa.Integer, nullable=False, default=0),
    sa.Column("new_claims", sa.Integer, nullable=False, default=0),
    sa.Column("errors", sa.Integer, nullable=False, default=0),
    sa.Column("tool_version", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles",
    METADATA,
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("language", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("published", sa.Text),
    sa.Column("published_precision", sa.Text),
    sa.Column("published_source", sa.Text, nullable=False),
    sa.Column("published_evidence", sa.Text),
    sa.Column("published_note", sa.Text, nullable=False),
    sa.Column("outlet", sa.Text),
    sa.Column("outlet_evidence", sa.Text),
    sa.Column("removed", sa.Text, nullable=False),
    sa.Column("first_run_id", sa.Text, sa.ForeignKey("runs.run_id"), nullable=False),
)

claims = sa.Table(
    "claims",
    METADATA,
    sa.Column("claim_id", sa.Text, primary_key=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.article_id"), nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("value_max", sa.Float),
    sa.Column("unit", sa.Text, nullable=False),
    sa.Column("value_normalized", sa.Float, nullable=False),
    sa.Column("unit_normalized", sa.Text, nullable=False),
    sa.Column("qualifier", sa.Text, nullable=False),
    sa.Column("object", sa.Text, nullable=False),
    sa.Column("metric", sa.Text, nullable=False),
    sa.Column("speaker", sa.Text),
    sa.Column("speaker_role", sa.Text),
    sa.Column("speaker_org", sa.Text),
    sa.Column("attribution", sa.Text, nullable=False),
    sa.Column("period_start", sa.Text),
    sa.Column("period_end", sa.Text),
    sa.Column("places", sa.Text, nullable=False),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("surface", sa.Text, nullable=False),
    sa.Column("cluster_id", sa.Text),
    sa.Column("run_id", sa.Text, sa.ForeignKey("runs.run_id"), nullable=False),
    sa.Column("period_source", sa.Text),  # migration 3
    sa.Column("period_evidence", sa.Text),  # migration 3
)

document_errors = sa.Table(
    "document_errors",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.Text, sa.ForeignKey("runs.run_id"), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("article_id", sa.Text),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("hint", sa.Text, nullable=False),
)

INDEXES = (
    sa.Index("ix_claims_article_id", claims.c.article_id),
    sa.Index("ix_claims_metric", claims.c.metric),
    sa.Index("ix_articles_published", articles.c.published),
)


def _create_tables(conn: sa.Connection) -> None:
    for table in (runs, articles, claims, document_errors):
        conn.execute(CreateTable(table))


def _create_indexes(conn: sa.Connection) -> None:
    for index in INDEXES:
        conn.execute(CreateIndex(index))


def _add_period_provenance(conn: sa.Connection) -> None:
    """Where each period comes from. A ledger created after this step got the columns
    with its tables (step 1 builds the current schema); an older one gains them here."""
    present = {c["name"] for c in sa.inspect(conn).get_columns("claims")}
    for name in ("period_source", "period_evidence"):
        if name not in present:
            conn.exec_driver_sql(f"ALTER TABLE claims ADD COLUMN {name} TEXT")


Migration = Callable[[sa.Connection], None]
MIGRATIONS: tuple[tuple[int, Migration], ...] = (
    (1, _create_tables),
    (2, _create_indexes),
    (3, _add_period_provenance),
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _migrate(engine: sa.Engine) -> tuple[int, ...]:
    """Apply the missing steps in order; return the numbers applied."""
    with engine.begin() as conn:
        schema_migrations.create(conn, checkfirst=True)
        done = set(conn.scalars(sa.select(schema_migrations.c.version)))
    applied = []
    for version, step in MIGRATIONS:
        if version in done:
            continue
        with engine.begin() as conn:
            step(conn)
            conn.execute(sa.insert(schema_migrations).values(version=version, applied_at=_now()))
        applied.append(version)
    return tuple(applied)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # sqlite3 would BEGIN only before DML; hand transaction control to SQLAlchemy instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def _make_engine(url: str | sa.URL) -> sa.Engine:
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _article_row(article: Article, run_id: str) -> dict[str, object]:
    published, outlet = article.published, article.outlet
    return {
        "article_id": article.article_id,
        "source": article.source,
        "language": article.language,
        "title": article.title,
        "text": article.text,
        "published": published.value,
        "published_precision": published.precision,
        "published_source": published.source,
        "published_evidence": published.evidence,
        "published_note": published.note,
        "outlet": outlet.name,
        "outlet_evidence": outlet.evidence,
        "removed": json.dumps([[s.start, s.end, s.label] for s in article.removed]),
        "first_run_id": run_id,
    }


def _claim_row(claim: Claim, run_id: str) -> dict[str, object]:
    nested = {"places", "evidence"}
    scalar = {f.name: getattr(claim, f.name) for f in fields(Claim) if f.name not in nested}
    places = [
        {"name": p.name, "lat": p.lat, "lon": p.lon, "geonames_id": p.geonames_id}
        for p in claim.places
    ]
    return scalar | {
        "places": json.dumps(places, ensure_ascii=False),
        "evidence_text": claim.evidence.text,
        "evidence_start": claim.evidence.start,
        "evidence_end": claim.evidence.end,
        "run_id": run_id,
    }


def _article_from_row(row: sa.Row[Any]) -> Article:
    published = PublicationDate(
        value=row.published,
        precision=cast(Precision | None, row.published_precision),
        source=row.published_source,
        evidence=row.published_evidence,
        note=row.published_note,
    )
    return Article(
        article_id=row.article_id,
        source=row.source,
        language=row.language,
        title=row.title,
        text=row.text,
        published=published,
        outlet=Outlet(name=row.outlet, evidence=row.outlet_evidence),
        removed=tuple(Span(start, end, label) for start, end, label in json.loads(row.removed)),
    )


def _claim_from_row(row: sa.Row[Any]) -> Claim:
    values = dict(row._mapping)
    places = tuple(Place(**place) for place in json.loads(values.pop("places")))
    evidence = Evidence(
        text=values.pop("evidence_text"),
        start=values.pop("evidence_start"),
        end=values.pop("evidence_end"),
    )
    del values["run_id"]
    return Claim(**values, places=places, evidence=evidence)


def _error_from_row(row: sa.Row[Any]) -> DocumentError:
    return DocumentError(
        source=row.source,
        kind=row.kind,
        message=row.message,
        hint=row.hint,
        article_id=row.article_id,
    )


class Ledger:
    """The claims ledger; a context manager that disposes of its engine on exit."""

    def __init__(self, engine: sa.Engine, applied: Sequence[int] = ()) -> None:
        self.engine = engine
        self.applied = tuple(applied)  # migration steps applied when this ledger opened

    @classmethod
    def open(cls, path: str | Path) -> Ledger:
        """Open (creating it if needed) the SQLite ledger at `path` and migrate it."""
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        return cls.from_url(sa.URL.create("sqlite", database=str(path)))

    @classmethod
    def from_url(cls, url: str | sa.URL) -> Ledger:
        """Open a ledger on any SQLAlchemy database URL and migrate it."""
        engine = _make_engine(url)
        try:
            applied = _migrate(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, applied)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            version = conn.scalar(sa.select(sa.func.max(schema_migrations.c.version)))
        return int(version or 0)

    def start_run(self, run_id: str, started_at: str, inputs: list[str], tool_version: str) -> None:
        row = {
            "run_id": run_id,
            "started_at": started_at,
            "inputs": json.dumps(inputs, ensure_ascii=False),
            "tool_version": tool_version,
        }
        with self.engine.begin() as conn:
            conn.execute(sa.insert(runs).values(row))

    def finish_run(self, summary: RunSummary) -> None:
        """Record the run's end and counts; its errors are stored one by one via add_error."""
        counts = {
            "finished_at": summary.finished_at or _now(),
            "documents": summary.documents,
            "new_articles": summary.new_articles,
            "known_articles": summary.known_articles,
            "new_claims": summary.new_claims,
            "errors": len(summary.errors),
        }
        with self.engine.begin() as conn:
            conn.execute(sa.update(runs).where(runs.c.run_id == summary.run_id).values(counts))

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return _has_article(conn, article_id)

    def add_result(self, result: ArticleResult, run_id: str) -> int:
        """Store an article and its claims atomically; return the claims added (0 if known)."""
        with self.engine.begin() as conn:
            if _has_article(conn, result.article.article_id):
                return 0
            conn.execute(sa.insert(articles).values(_article_row(result.article, run_id)))
            rows = [_claim_row(claim, run_id) for claim in result.claims]
            if rows:
                conn.execute(sa.insert(claims), rows)
        return len(rows)

    def add_error(self, run_id: str, error: DocumentError) -> None:
        row = {
            "run_id": run_id,
            "source": error.source,
            "article_id": error.article_id,
            "kind": error.kind,
            "message": error.message,
            "hint": error.hint,
        }
        with self.engine.begin() as conn:
            conn.execute(sa.insert(document_errors).values(row))

    def articles(self) -> list[Article]:
        query = sa.select(articles).order_by(articles.c.source, articles.c.article_id)
        with self.engine.connect() as conn:
            return [_article_from_row(row) for row in conn.execute(query)]

    def claims(self, article_id: str | None = None) -> list[Claim]:
        """Claims in reading order: by article source, then position in the text."""
        query = (
            sa.select(claims)
            .join(articles, claims.c.article_id == articles.c.article_id)
            .order_by(
                articles.c.source, articles.c.article_id, claims.c.evidence_start, claims.c.claim_id
            )
        )
        if article_id is not None:
            query = query.where(claims.c.article_id == article_id)
        with self.engine.connect() as conn:
            return [_claim_from_row(row) for row in conn.execute(query)]

    def errors(self, run_id: str | None = None) -> list[DocumentError]:
        query = sa.select(document_errors).order_by(document_errors.c.id)
        if run_id is not None:
            query = query.where(document_errors.c.run_id == run_id)
        with self.engine.connect() as conn:
            return [_error_from_row(row) for row in conn.execute(query)]

    def runs(self) -> list[dict[str, object]]:
        """Every run as a dict of its columns, `inputs` decoded to a list, oldest first."""
        query = sa.select(runs).order_by(runs.c.started_at, runs.c.run_id)
        with self.engine.connect() as conn:
            rows = [dict(row._mapping) for row in conn.execute(query)]
        return [row | {"inputs": json.loads(row["inputs"])} for row in rows]


def _has_article(conn: sa.Connection, article_id: str) -> bool:
    query = sa.select(articles.c.article_id).where(articles.c.article_id == article_id)
    return conn.execute(query).first() is not None
