"""Shared fixtures: real articles from the sample corpus and the shared corpus.

Also the builders of the ledger, export and report tests: an Article and count Claims made by
hand from one real article of the sample corpus, so each test states only what it varies.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from claimledger.models import (
    Article,
    Claim,
    Evidence,
    Outlet,
    Place,
    Precision,
    PublicationDate,
    RawDocument,
    Span,
    stable_id,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "corpus"
SHARED = ROOT.parent / "shared"
TEST_DATA = ROOT / "tests" / "data"  # real articles copied unedited from ../shared/corpus

CORPUS_SOURCE = "samples/corpus/fakes-1965495345.txt"
CORPUS_TEXT = (ROOT / CORPUS_SOURCE).read_text(encoding="utf-8")
AIRSTRIKES = (
    "The Russian aircraft carried out 182 airstrikes against the positions of Daesh "
    "terrorists in Syria in the past 24 hours the ministry said in a statement on Tuesday."
)
SYRIA = Place("Syria", 35.0, 38.0, 163843)


# CI sets this (.ci/run): there a missing ../shared fails the quality gates instead of
# skipping them, so a gate cannot pass by not running.
REQUIRE_SHARED = os.environ.get("CLAIMLEDGER_REQUIRE_SHARED") == "1"


def require_shared(path: Path) -> Path:
    """`path` under ../shared, or skip the test (fail it in CI) when it is missing."""
    if not path.exists():
        reason = f"no {path}: ../shared must sit beside the repository"
        if REQUIRE_SHARED:
            pytest.fail(reason + " (CLAIMLEDGER_REQUIRE_SHARED=1)")
        pytest.skip(reason)
    return path


def sha256(path: Path) -> str:
    """The hex sha256 of a file's bytes, as pinned next to the quality floors."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sample_text(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def corpus_date(
    value: str = "2017-10-10", precision: Precision = "day", note: str = "Dateline."
) -> PublicationDate:
    """The publication date read from the corpus article's dateline, 10.10.2017."""
    return PublicationDate(value, precision, "text", "10.10.2017", note)


def corpus_article(
    title: str | None = None,
    *,
    published: PublicationDate | None = None,
    outlet: Outlet | None = None,
    removed: tuple[Span, ...] = (),
) -> Article:
    """The corpus article, dated by its dateline and credited to Sputnik unless told otherwise."""
    raw = RawDocument(source=CORPUS_SOURCE, content=CORPUS_TEXT.encode("utf-8"), media_type="text")
    return Article(
        article_id=raw.article_id,
        source=CORPUS_SOURCE,
        language="en",
        title=title,
        text=CORPUS_TEXT,
        published=published or corpus_date(),
        outlet=outlet or Outlet(name="Sputnik", evidence="Sputnik"),
        removed=removed,
    )


def corpus_claim(article: Article, sentence: str, figure: str, **fields: object) -> Claim:
    """An exact count claim on `figure` ("182 airstrikes") where it stands in `sentence`.

    The evidence offsets cover the number; `fields` replace any of the defaults.
    """
    start = CORPUS_TEXT.index(sentence) + sentence.index(figure)
    number, obj = figure.split(maxsplit=1)
    values: dict[str, object] = {
        "claim_id": stable_id(article.article_id, start),
        "article_id": article.article_id,
        "value": float(number),
        "value_max": None,
        "unit": "count",
        "value_normalized": float(number),
        "unit_normalized": "count",
        "qualifier": "exact",
        "object": obj,
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


@pytest.fixture(scope="session")
def settings() -> Any:
    from claimledger.settings import Settings

    return Settings.load()


@pytest.fixture(scope="session")
def toolkit(settings: Any) -> Any:
    from claimledger.pipeline import Toolkit

    return Toolkit.build(settings)


@pytest.fixture(scope="session")
def nlp(settings: Any) -> Any:
    from claimledger.nlp import load_pipeline

    return load_pipeline(settings)
