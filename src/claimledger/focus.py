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

from claimledger.lexicon import Lexicon
from claimledger.quantities import Scanner

FOLLOWED_BY_WORD = re.compile(r"\s+[a-z]")
CUE_REACH = 3  # a cue sentence is parsed when a figure follows within this many sentences
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])|\n+")
# a period after these is no sentence end ("Maj. Gen. Igor Konashenkov", "U.S. forces")
ABBREVIATION = re.compile(r"(?:\b(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+)\.)$")


@dataclass(frozen=True)
class Focus:
    scanner: Scanner
    cues: re.Pattern[str]
    context: int = 0

    @classmethod
    def build(cls, lexicon: Lexicon, scanner: Scanner) -> Focus:
        cues = re.compile(rf"\b(?:{lexicon.alternation(lexicon.focus_cues)})\b", re.IGNORECASE)
        return cls(scanner=scanner, cues=cues)

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
        keep = figures | {
            i - 1 for i in figures if not self.cues.search(text[spans[i][0] : spans[i][1]])
        }
        for index, (start, end) in enumerate(spans):
            ahead = any(index + step in figures for step in range(1, CUE_REACH + 1))
            if index not in keep and ahead and self.cues.search(text[start:end]):
                keep.add(index)
        return {i for i in keep if 0 <= i < len(spans)}

    def _has_figure(self, chunk: str) -> bool:
        if not (self.scanner.number.search(chunk) or self.scanner.fraction.search(chunk)):
            return False
        return any(
            not q.year_like or FOLLOWED_BY_WORD.match(chunk, q.end)  # "some 2000 civilians"
            for q in self.scanner.scan(chunk)
        )


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
