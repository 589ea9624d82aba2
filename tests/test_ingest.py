"""Ingest: discovery, decoding and every kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import (
    BinaryDocument,
    EmptyDocument,
    OversizedDocument,
    UndecodableDocument,
)
from claimledger.ingest import decode, discover, read, read_all
from claimledger.models import DocumentError
from tests.conftest import SAMPLES, sample_text


def test_decode_real_article_round_trips() -> None:
    text = sample_text("fakes-1965495345.txt")
    assert decode(text.encode("utf-8")) == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode(text.encode("utf-16")) == text


def test_decode_falls_back_to_cp1252_for_legacy_scrapes() -> None:
    assert decode("Deir ez-Zor – 1,593 facilities".encode("cp1252")).startswith("Deir ez-Zor –")


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyDocument),
        (b"  \n\t \r\n", EmptyDocument),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, BinaryDocument),
        (b"\x81\x8d\x8f\x90\x9d" * 40, UndecodableDocument),
    ],
    ids=["empty", "whitespace", "png", "undecodable"],
)
def test_decode_rejects_bad_input(content: bytes, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        decode(content)
    assert info.value.hint  # type: ignore[attr-defined]


def test_read_rejects_a_50_mb_file_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(OversizedDocument, match="52,428,800 bytes"):
        read(str(huge), max_bytes=10_000_000)


def test_discover_is_recursive_sorted_and_reports_missing_paths(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "z.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "page.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF")
    found = list(discover([tmp_path, tmp_path / "missing.txt", tmp_path / "a" / "notes.pdf"]))
    paths = [f for f in found if isinstance(f, str)]
    errors = [f for f in found if isinstance(f, DocumentError)]
    assert paths == [str(tmp_path / "a" / "b" / "z.txt"), str(tmp_path / "a" / "page.html")]
    assert [e.kind for e in errors] == ["not_found", "unsupported_format"]


def test_read_all_keeps_going_after_a_bad_file(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"x" * 2000)
    good = SAMPLES / "fakes-1924058217.txt"
    results = list(read_all([str(huge), str(good)], max_bytes=1000))
    assert isinstance(results[0], DocumentError) and results[0].kind == "too_large"
    assert not isinstance(results[1], DocumentError)
    assert results[1].content == good.read_bytes()


def test_settings_reject_a_wrong_type(tmp_path: Path) -> None:
    from claimledger.errors import ConfigurationError
    from claimledger.settings import Settings

    bad = tmp_path / "s.toml"
    bad.write_text('languages = "en"\n', encoding="utf-8")
    with pytest.raises(ConfigurationError, match="languages"):
        Settings.load(bad)
    good = tmp_path / "g.toml"
    good.write_text('batch_size = 8\nlanguages = ["en", "fr"]\n', encoding="utf-8")
    assert Settings.load(good).languages == ("en", "fr")


def test_crlf_line_breaks_become_newlines() -> None:
    assert decode(b"Title\r\n\r\nBody 40 killed.\r\n") == "Title\n\nBody 40 killed.\n"
