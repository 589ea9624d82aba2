"""Why a document could not become an article.

    ClaimledgerError
    ├── IngestError            the bytes could not be read as an article
    │   ├── EmptyDocument      nothing but whitespace
    │   ├── BinaryDocument     not text (NUL bytes, an image, an archive)
    │   ├── UndecodableDocument  not UTF-8 and no fallback decoding fits
    │   ├── OversizedDocument  larger than settings.max_document_bytes
    │   └── UnsupportedFormat  an extension we do not read
    ├── ExtractionError        readable, but no article text came out (broken HTML, all chrome)
    └── ConfigurationError     the tool is set up wrong (missing model, bad settings file)

Each document-level error knows its `kind` (stored with the run) and a `hint` telling the
user what to do next. They are raised inside a stage and turned into a DocumentError record
at the batch edge, so one bad file never stops a run.
"""

from __future__ import annotations

from claimledger.models import DocumentError


class ClaimledgerError(Exception):
    kind = "error"
    hint = "See the message above."

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint

    def to_record(self, source: str, article_id: str | None = None) -> DocumentError:
        return DocumentError(
            source=source,
            kind=self.kind,
            message=self.message,
            hint=self.hint,
            article_id=article_id,
        )


class IngestError(ClaimledgerError):
    kind = "ingest"


class EmptyDocument(IngestError):
    kind = "empty"
    hint = "The file is empty; re-download or remove it."


class BinaryDocument(IngestError):
    kind = "binary"
    hint = "The file is not text; pass .txt or .html articles only."


class UndecodableDocument(IngestError):
    kind = "encoding"
    hint = "Convert the file to UTF-8 (e.g. `iconv -f <encoding> -t utf-8`)."


class OversizedDocument(IngestError):
    kind = "too_large"
    hint = "Split the file into articles, or raise max_document_bytes in the settings."


class UnsupportedFormat(IngestError):
    kind = "unsupported_format"
    hint = "Pass .txt, .html or .htm files."


class ExtractionError(ClaimledgerError):
    kind = "no_text"
    hint = "The page holds no article text; check that it is a saved article page."


class ConfigurationError(ClaimledgerError):
    kind = "configuration"
