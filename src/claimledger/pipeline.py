"""The main job: paths in, articles and claims stored, one summary out.

    discover -> read -> decode -> clean -> metadata      (pure, per document: `prepare`)
             -> nlp.pipe (batches)  -> claims            (`analyse`)
             -> ledger                                    (`run`, the only writer)

A document that fails any pure stage becomes a DocumentError stored with the run; the
batch goes on. An article already in the ledger (same content hash) is counted as known
and not parsed again, so re-running adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from claimledger import __version__
from claimledger.claims import Extractor
from claimledger.clean import ChromeRule, clean_html, clean_text, load_rules
from claimledger.errors import ClaimledgerError
from claimledger.focus import Focus
from claimledger.ingest import decode, discover, read_all
from claimledger.lexicon import Lexicon
from claimledger.metadata import MetadataReader, find_outlet, guess_language
from claimledger.models import Article, ArticleResult, DocumentError, RawDocument, RunSummary
from claimledger.nlp import load_pipeline, parse
from claimledger.periods import PeriodReader
from claimledger.places import Gazetteer
from claimledger.quantities import Scanner
from claimledger.reconcile import same_statements
from claimledger.settings import Settings
from claimledger.speakers import Aliases
from claimledger.store import Ledger
from claimledger.taxonomy import Taxonomy
from claimledger.units import UnitCatalog

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Toolkit:
    """The loaded knowledge for one run; everything but the spaCy model pickles."""

    settings: Settings
    chrome: tuple[ChromeRule, ...]
    metadata: MetadataReader
    extractor: Extractor
    focus: Focus

    @classmethod
    def build(cls, settings: Settings) -> Toolkit:
        lexicon = Lexicon.load("en")
        scanner = Scanner(lexicon)
        metadata = MetadataReader.build(lexicon)
        extractor = Extractor(
            lexicon=lexicon,
            scanner=scanner,
            periods=PeriodReader(metadata.dates, scanner),
            gazetteer=Gazetteer.load(),
            taxonomy=Taxonomy.load(),
            units=UnitCatalog.load(),
            aliases=Aliases.load(),
        )
        return cls(settings, load_rules(), metadata, extractor, Focus.build(lexicon, scanner))


def prepare(raw: RawDocument, tools: Toolkit) -> Article:
    """Decode, clean and read the metadata of one document (raises ClaimledgerError)."""
    text = decode(raw.content)
    if raw.media_type == "html":
        clean = clean_html(text, tools.chrome)
    else:
        clean = clean_text(text, tools.chrome)
    return Article(
        article_id=raw.article_id,
        source=raw.source,
        language=guess_language(clean.text, tools.metadata.languages),
        title=clean.title,
        text=clean.text,
        published=tools.metadata.dates.publication_date(clean),
        outlet=find_outlet(clean, tools.metadata.outlets),
        removed=clean.removed,
    )


def parsed(articles: list[Article], nlp: Any, tools: Toolkit) -> Iterator[tuple[Article, Any]]:
    """Each article with its parse (None for a language without an extractor), in batches."""
    supported = [a for a in articles if a.language in tools.settings.languages]
    texts = (tools.focus.text(a.text) if tools.settings.focus else a.text for a in supported)
    docs = parse(nlp, texts, tools.settings.batch_size)
    for article in articles:
        yield article, next(docs) if article.language in tools.settings.languages else None


def analyse(article: Article, doc: Any, tools: Toolkit) -> ArticleResult:
    """The claims of one parsed article (pure)."""
    if doc is None:
        note = f"stored; no claim extractor for '{article.language}' yet"
        return ArticleResult(article, (), warnings=(note,))
    return ArticleResult(article, same_statements(tools.extractor.extract(article, doc)))


def run(
    paths: Iterable[str],
    ledger: Ledger,
    tools: Toolkit,
    nlp: Any | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Process every document under `paths` into the ledger and return what happened.

    Errors are stored as they happen, and the run is closed whatever becomes of it.
    """
    started = dt.datetime.now(dt.UTC)
    summary = RunSummary(
        run_id=started.strftime("%Y%m%dT%H%M%S%fZ"), started_at=started.isoformat()
    )
    paths = list(paths)
    ledger.start_run(summary.run_id, summary.started_at, paths, __version__)
    try:
        pending = list(_prepared(paths, ledger, tools, summary, progress))
        if pending:
            nlp = nlp if nlp is not None else load_pipeline(tools.settings)
            for article, doc in parsed(pending, nlp, tools):
                _store(article, doc, tools, ledger, summary)
                if progress:
                    progress(article.source)
    finally:
        summary.finished_at = dt.datetime.now(dt.UTC).isoformat()
        ledger.finish_run(summary)
    return summary


def _store(article: Article, doc: Any, tools: Toolkit, ledger: Ledger, summary: RunSummary) -> None:
    """Extract and store one article; a failure becomes that document's error, not the run's."""
    try:
        result = analyse(article, doc, tools)
        summary.new_claims += ledger.add_result(result, summary.run_id)
    except Exception as error:  # any bug met in one document must not stop the batch
        record = DocumentError(
            source=article.source,
            kind="internal",
            message=f"{type(error).__name__}: {error}",
            hint="This is a claimledger bug: please report it with the file attached.",
            article_id=article.article_id,
        )
        _error(record, ledger, summary)
        return
    summary.new_articles += 1
    status = "new" if not result.warnings else f"new ({'; '.join(result.warnings)})"
    summary.per_article.append((article.source, status, len(result.claims)))


def _error(record: DocumentError, ledger: Ledger, summary: RunSummary) -> None:
    summary.errors.append(record)
    ledger.add_error(summary.run_id, record)


def _prepared(
    paths: list[str],
    ledger: Ledger,
    tools: Toolkit,
    summary: RunSummary,
    progress: Progress | None,
) -> Iterator[Article]:
    seen: set[str] = set()
    sources = [s for s in discover(paths) if _keep(s, ledger, summary, progress)]
    for raw in read_all(
        (s for s in sources if isinstance(s, str)), tools.settings.max_document_bytes
    ):
        summary.documents += 1
        if isinstance(raw, DocumentError):
            _error(raw, ledger, summary)
        elif raw.article_id in seen or ledger.has_article(raw.article_id):
            summary.known_articles += 1
            summary.per_article.append((raw.source, "known", 0))
        else:
            seen.add(raw.article_id)
            try:
                yield prepare(raw, tools)
                continue
            except ClaimledgerError as error:
                _error(error.to_record(raw.source, raw.article_id), ledger, summary)
        if progress:
            progress(raw.source)


def _keep(
    source: str | DocumentError, ledger: Ledger, summary: RunSummary, progress: Progress | None
) -> bool:
    if isinstance(source, DocumentError):
        summary.documents += 1
        _error(source, ledger, summary)
        if progress:
            progress(source.source)
        return False
    return True
