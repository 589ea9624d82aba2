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


def kept_sentences(toolkit: Any, text: str) -> list[str]:
    spans = sentence_spans(text)
    return [
        text[s:e].strip() for i, (s, e) in enumerate(spans) if i in toolkit.focus.kept(text, spans)
    ]


def test_years_alone_are_no_figures(toolkit: Any) -> None:
    text = (
        "The war began in 2011. Nobody expected it. The town fell. "
        "Rebels took some 2000 civilians. Officials said 12 died."
    )
    assert kept_sentences(toolkit, text) == [
        "The town fell.",
        "Rebels took some 2000 civilians.",
        "Officials said 12 died.",
    ]


def test_cue_sentences_are_kept_only_before_figures(toolkit: Any) -> None:
    text = (
        "The minister said talks went well. Rain fell. Roads closed. Shops shut. Life went on. "
        "The monitor said it was bad. Then 40 were killed. The envoy said peace is near."
    )
    kept = kept_sentences(toolkit, text)
    assert "The monitor said it was bad." in kept and "Then 40 were killed." in kept
    assert "The minister said talks went well." not in kept
    assert "The envoy said peace is near." not in kept


def test_counts_that_look_like_years_are_figures(toolkit: Any) -> None:
    for sentence in ("Some 2000 Kurdish civilians fled.", 'About 2000 "moderate" rebels left.'):
        assert kept_sentences(toolkit, sentence) == [sentence]
    for sentence in ("The war began in 2011.", "It began in March 2011 in Deraa."):
        assert kept_sentences(toolkit, sentence) == []


def test_a_pronoun_speaker_keeps_the_sentence_naming_him(toolkit: Any) -> None:
    text = "Walid Muallem arrived in Geneva on Monday. He said 30 militants were killed."
    assert len(kept_sentences(toolkit, text)) == 2
