"""The values that flow between stages.

ingest -> RawDocument -> clean -> CleanText -> metadata -> Article -> claims -> Claim
Every value is a frozen dataclass built from plain types, so it pickles and crosses process
boundaries unchanged. Ids are deterministic: the same input always gets the same id.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

MediaType = Literal["text", "html"]
Precision = Literal["day", "month", "year"]
Qualifier = Literal["exact", "over", "under", "approx", "range"]
Attribution = Literal["direct_quote", "reported", "outlet"]


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex digest of the parts: the same parts always give the same id."""
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class RawDocument:
    """One input as read from disk, before any interpretation."""

    source: str
    content: bytes
    media_type: MediaType

    @property
    def article_id(self) -> str:
        return stable_id(hashlib.sha256(self.content).hexdigest())


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) with a label saying what it is."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class CleanText:
    """Article text with page chrome removed.

    `text` is what every later offset points into. `removed` lists the chrome that was cut,
    in offsets of `original`, so nothing is lost and every cut can be explained.
    """

    text: str
    original: str
    removed: tuple[Span, ...] = ()
    title: str | None = None
    html_meta: tuple[tuple[str, str], ...] = ()

    def meta(self, key: str) -> str | None:
        return next((value for name, value in self.html_meta if name == key), None)


@dataclass(frozen=True)
class PublicationDate:
    """When the article was published, and why we believe it.

    `value` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or None when the text does not support a
    date. `note` explains the decision in a sentence either way.
    """

    value: str | None
    precision: Precision | None
    source: str
    evidence: str | None
    note: str

    @classmethod
    def unknown(cls, note: str) -> PublicationDate:
        return cls(value=None, precision=None, source="none", evidence=None, note=note)


@dataclass(frozen=True)
class Outlet:
    name: str | None
    evidence: str | None


@dataclass(frozen=True)
class Article:
    """A cleaned article with its metadata: the input of claim extraction."""

    article_id: str
    source: str
    language: str
    title: str | None
    text: str
    published: PublicationDate
    outlet: Outlet
    removed: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Place:
    name: str
    lat: float | None
    lon: float | None
    geonames_id: int | None = None


@dataclass(frozen=True)
class Evidence:
    """The sentence holding the figure; start/end are the figure's offsets in Article.text."""

    text: str
    start: int
    end: int


PeriodSource = Literal["sentence", "event", "conflict", "statement"]


@dataclass(frozen=True)
class Claim:
    """One mention of an attributed quantitative claim."""

    claim_id: str
    article_id: str
    value: float
    value_max: float | None
    unit: str
    value_normalized: float
    unit_normalized: str
    qualifier: Qualifier
    object: str
    metric: str
    speaker: str | None
    speaker_role: str | None
    speaker_org: str | None
    attribution: Attribution
    period_start: str | None
    period_end: str | None
    places: tuple[Place, ...]
    evidence: Evidence
    surface: str
    cluster_id: str | None = None
    # where the period comes from: "sentence" (a time expression of the claim's sentence),
    # "event" (the context: the date of an event the text dates elsewhere, the span of the
    # account the same speaker goes on with, a figure broken down or said before),
    # "conflict" (a conflict's toll, from the start the text gives it), "statement" (the
    # time words of the same statement: the quote the figure stands in, or the body figure
    # a headline repeats); with the words that gave it. Words without a period: time words
    # of the claim's sentence that cannot be resolved
    period_source: PeriodSource | None = None
    period_evidence: str | None = None


@dataclass(frozen=True)
class DocumentError:
    """Why one input could not be processed; stored with the run, never raised past it."""

    source: str
    kind: str
    message: str
    hint: str
    article_id: str | None = None


@dataclass(frozen=True)
class ArticleResult:
    article: Article
    claims: tuple[Claim, ...]
    warnings: tuple[str, ...] = ()


@dataclass
class RunSummary:
    """What one `claimledger run` did; filled in as the batch goes."""

    run_id: str
    started_at: str
    finished_at: str | None = None
    documents: int = 0
    new_articles: int = 0
    known_articles: int = 0
    new_claims: int = 0
    errors: list[DocumentError] = field(default_factory=list)
    per_article: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.new_articles + self.known_articles
