"""Focus: only sentences with figures or attributions reach the parser; offsets hold."""

from __future__ import annotations

import itertools
from typing import Any

from claimledger.focus import sentence_spans
from tests.conftest import sample_text


def test_focused_text_keeps_offsets_and_blanks_the_rest(toolkit: Any) -> None:
    text = sample_text("fakes-1965495348.txt")
    focused = toolkit.focus.text(text)
    assert len(focused) == len(text)
    assert focused.count("\n") == text.count("\n")
    start = text.index("executed at least 128 Syrian civilians")
    assert focused[start : start + 40] == text[start : start + 40]
    blank = text.index("Most of the [Daesh] fighters who attacked")
    assert focused[blank : blank + 20].strip() == ""
    assert len(focused.split()) < len(text.split())


def test_sentence_spans_cover_the_whole_text() -> None:
    text = 'He said "Six were killed." Then 3 left.\nNew line here'
    spans = sentence_spans(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert [text[s:e].strip() for s, e in spans] == [
        'He said "Six were killed."',
        "Then 3 left.",
        "New line here",
    ]


def test_titles_do_not_end_sentences() -> None:
    text = "A total of 70 were killed according to spokesman Maj. Gen. Igor Konashenkov. Next one."
    spans = sentence_spans(text)
    assert next(text[s:e].strip() for s, e in spans).endswith("Igor Konashenkov.")
