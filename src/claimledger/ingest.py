"""Ingest: turn paths into RawDocuments, and bytes into text.

Reading is the only I/O here; decoding is pure. A path that cannot be read becomes a
DocumentError for the run, never an exception out of the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType

from claimledger.errors import (
    BinaryDocument,
    ClaimledgerError,
    EmptyDocument,
    OversizedDocument,
    UndecodableDocument,
    UnsupportedFormat,
)
from claimledger.models import DocumentError, MediaType, RawDocument

SUFFIXES: Mapping[str, MediaType] = MappingProxyType(
    {".txt": "text", ".html": "html", ".htm": "html"}
)


def discover(paths: Iterable[str | Path]) -> Iterator[str | DocumentError]:
    """Expand files and directories (recursively) into article paths, in a stable order.

    Paths are yielded as given (relative stays relative). Files inside directories are
    kept only when their suffix is one we read; a file named explicitly with another
    suffix becomes an error record so the user sees it was skipped.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                    yield str(child)
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield str(path)
            else:
                yield UnsupportedFormat(f"{path.suffix or 'no'} extension").to_record(str(path))
        else:
            yield DocumentError(
                source=str(path),
                kind="not_found",
                message="no such file or directory",
                hint="Check the path; directories are read recursively.",
            )


def read(source: str, max_bytes: int) -> RawDocument:
    """Read one file into a RawDocument; raises an IngestError subclass on bad input."""
    path = Path(source)
    media_type = SUFFIXES.get(path.suffix.lower())
    if media_type is None:
        raise UnsupportedFormat(f"{path.suffix or 'no'} extension")
    size = path.stat().st_size
    if size > max_bytes:
        raise OversizedDocument(f"{size:,} bytes, over the limit of {max_bytes:,}")
    return RawDocument(source=source, content=path.read_bytes(), media_type=media_type)


def read_all(sources: Iterable[str], max_bytes: int) -> Iterator[RawDocument | DocumentError]:
    for source in sources:
        try:
            yield read(source, max_bytes)
        except ClaimledgerError as error:
            yield error.to_record(source)
        except OSError as error:
            yield DocumentError(source, "unreadable", str(error), "Check file permissions.")


def decode(content: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), then UTF-16 with a BOM, then cp1252.

    Rejects empty and binary content; line breaks come out as "\n" whatever the source
    used (CRLF scrapes). cp1252 is the common legacy encoding of scraped news;
    it is accepted only when the result has no control characters, otherwise the bytes are
    reported undecodable rather than turned into mojibake silently.
    """
    if not content.strip():
        raise EmptyDocument("the file is empty or only whitespace")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(content.decode("utf-16"))
    if b"\x00" in content[:8192]:
        raise BinaryDocument("NUL bytes found: this looks like a binary file")
    try:
        return _checked(content.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = content.decode("cp1252")
    except UnicodeDecodeError:
        raise UndecodableDocument(f"not valid UTF-8 ({utf8_error.reason})") from None
    if _control_ratio(text) > 0.001:
        raise UndecodableDocument(f"not valid UTF-8 ({utf8_error.reason}), nor clean cp1252")
    return _checked(text)


def _checked(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # one line-break convention
    if _control_ratio(text) > 0.01:
        raise BinaryDocument("too many control characters: this looks like a binary file")
    if not text.strip():
        raise EmptyDocument("the file decodes to nothing but whitespace")
    return text


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / max(len(text), 1)
