"""Focus: run the heavy NLP only where figures are.

The parser and the entity recogniser cost most of a run. A figure's claim needs its own
sentence, the sentence before it when the figure's sentence has no attribution cue (the
speaker is often named there), and attribution sentences a few sentences ahead of a
figure ("The ministry said ..." and the figures that carry on from it). A sentence whose
only numbers are years holds no figure. Every other sentence is blanked with spaces of the
same length, so the focused text keeps every character offset of the article: spaCy turns
each blank run into one whitespace token and the parse of the kept sentences is unchanged
in kind, while the work shrinks with the share of text that holds no figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from claimledger.lexicon import Lexicon
from claimledger.quantities import Quantity, Scanner

YEAR_AFTER = re.compile(r"\s*(?:[.,;:)!?]|$)")  # "... in Syria since 2011."
CUE_REACH = 3  # a cue sentence is parsed when a figure follows within this many sentences
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])|\n+")
# a period after these is no sentence end ("Maj. Gen. Igor Konashenkov", "U.S. forces")
ABBREVIATION = re.compile(r"(?:\b(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+)\.)$")


@dataclass(frozen=True)
class Focus:
    scanner: Scanner
    cues: re.Pattern[str]
    pronouns: re.Pattern[str]  # "He said 30 were killed": the name is in the sentence before
    year_before: re.Pattern[str]  # words that make a following 4-digit number a year

    @classmethod
    def build(cls, lexicon: Lexicon, scanner: Scanner) -> Focus:
        def words(items: Any) -> re.Pattern[str]:
            return re.compile(rf"\b(?:{lexicon.alternation(items)})\b", re.IGNORECASE)

        year_words = (
            rf"(?:{lexicon.alternation(lexicon.year_before)}|{lexicon.month_pattern()}|\d+)"
        )
        return cls(
            scanner=scanner,
            cues=words(lexicon.focus_cues),
            pronouns=words(lexicon.pronouns),
            year_before=re.compile(rf"\b{year_words}\.?,?\s+$", re.IGNORECASE),
        )

    def text(self, text: str) -> str:
        """The text with every sentence outside the focus blanked (offsets unchanged)."""
        spans = sentence_spans(text)
        keep = self.kept(text, spans)
        pieces = []
        for index, (start, end) in enumerate(spans):
            chunk = text[start:end]
            pieces.append(chunk if index in keep else re.sub(r"[^\n]", " ", chunk))
        return "".join(pieces)

    def kept(self, text: str, spans: list[tuple[int, int]]) -> set[int]:
        """Sentences with a figure (years alone are none), the sentence before each that
        has no cue of its own (it may name the speaker), and attribution cues up to
        CUE_REACH sentences before a figure (a speaker the figures carry on from)."""
        figures = {i for i, (start, end) in enumerate(spans) if self._has_figure(text[start:end])}
        keep = figures | {i - 1 for i in figures if self._may_need_before(text[slice(*spans[i])])}
        for index, (start, end) in enumerate(spans):
            ahead = any(index + step in figures for step in range(1, CUE_REACH + 1))
            if index not in keep and ahead and self.cues.search(text[start:end]):
                keep.add(index)
        return {i for i in keep if 0 <= i < len(spans)}

    def _may_need_before(self, chunk: str) -> bool:
        """Whether a figure's speaker may be named in the sentence before: its own
        sentence has no cue, or a pronoun ("he said")."""
        return not self.cues.search(chunk) or bool(self.pronouns.search(chunk))

    def _has_figure(self, chunk: str) -> bool:
        if not (self.scanner.number.search(chunk) or self.scanner.fraction.search(chunk)):
            return False
        return any(not self._is_year(q, chunk) for q in self.scanner.scan(chunk))

    def _is_year(self, quantity: Quantity, chunk: str) -> bool:
        """A 4-digit number read as a year: after "in", "since", a month or a day, or at a
        clause end ("in Syria since 2011."); "some 2000 civilians" is a figure."""
        if not quantity.year_like:
            return False
        before = chunk[max(0, quantity.start - 20) : quantity.start]
        return bool(self.year_before.search(before) or YEAR_AFTER.match(chunk, quantity.end))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Contiguous spans covering the whole text, cut after sentence ends and line breaks."""
    spans, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        if match.group().strip() == "" and ABBREVIATION.search(text, 0, match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return [span for span in spans if span[1] > span[0]]
