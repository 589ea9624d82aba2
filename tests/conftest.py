"""Shared fixtures: real articles from the sample corpus and the shared corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "corpus"
SHARED = ROOT.parent / "shared"


def sample_text(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


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
