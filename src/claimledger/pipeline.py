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
from claimledger.settings import Settings
from claimledger.store import Ledger
from claimledger.taxonomy import Taxonomy

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


def analyse(articles: list[Article], nlp: Any, tools: Toolkit) -> Iterator[ArticleResult]:
    """Claims for each article, parsing the supported languages in batches."""
    supported = [a for a in articles if a.language in tools.settings.languages]
    texts = (tools.focus.text(a.text) if tools.settings.focus else a.text for a in supported)
    docs = parse(nlp, texts, tools.settings.batch_size)
    by_id = {a.article_id: doc for a, doc in zip(supported, docs, strict=True)}
    for article in articles:
        doc = by_id.get(article.article_id)
        if doc is None:
            note = f"language '{article.language}' has no claim extractor yet; article stored"
            yield ArticleResult(article, (), warnings=(note,))
        else:
            yield ArticleResult(article, tools.extractor.extract(article, doc))


def run(
    paths: Iterable[str],
    ledger: Ledger,
    tools: Toolkit,
    nlp: Any | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Process every document under `paths` into the ledger and return what happened."""
    started = dt.datetime.now(dt.UTC)
    summary = RunSummary(
        run_id=started.strftime("%Y%m%dT%H%M%S%fZ"), started_at=started.isoformat()
    )
    paths = list(paths)
    ledger.start_run(summary.run_id, summary.started_at, paths, __version__)
    pending = list(_prepared(paths, ledger, tools, summary, progress))
    if pending:
        nlp = nlp if nlp is not None else load_pipeline(tools.settings)
        for result in analyse(pending, nlp, tools):
            summary.new_claims += ledger.add_result(result, summary.run_id)
            summary.new_articles += 1
            summary.per_article.append((result.article.source, "new", len(result.claims)))
            if progress:
                progress(result.article.source)
    for error in summary.errors:
        ledger.add_error(summary.run_id, error)
    summary.finished_at = dt.datetime.now(dt.UTC).isoformat()
    ledger.finish_run(summary)
    return summary


def _prepared(
    paths: list[str],
    ledger: Ledger,
    tools: Toolkit,
    summary: RunSummary,
    progress: Progress | None,
) -> Iterator[Article]:
    seen: set[str] = set()
    sources = [s for s in discover(paths) if _keep(s, summary)]
    for raw in read_all(
        (s for s in sources if isinstance(s, str)), tools.settings.max_document_bytes
    ):
        summary.documents += 1
        if isinstance(raw, DocumentError):
            summary.errors.append(raw)
        elif raw.article_id in seen or ledger.has_article(raw.article_id):
            summary.known_articles += 1
            summary.per_article.append((raw.source, "known", 0))
        else:
            seen.add(raw.article_id)
            try:
                yield prepare(raw, tools)
                continue
            except ClaimledgerError as error:
                summary.errors.append(error.to_record(raw.source, raw.article_id))
        if progress:
            progress(raw.source)


def _keep(source: str | DocumentError, summary: RunSummary) -> bool:
    if isinstance(source, DocumentError):
        summary.documents += 1
        summary.errors.append(source)
        return False
    return True
