"""Clean: from decoded text (or HTML) to article text without page chrome.

Plain-text scrapes keep their navigation, share widgets, photo credits and related-article
headlines, often glued into one paragraph. The chrome rules (data/chrome.toml) find those
spans; the cleaned text is the original with the spans cut, and the cut spans are kept
(offsets into the original) so every removal can be shown. HTML goes through trafilatura
first, then the same rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from claimledger.errors import ExtractionError
from claimledger.models import CleanText, Span
from claimledger.settings import load_data

FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "with",
        "after",
        "vs",
        "via",
    ]
)
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class ChromeRule:
    label: str
    pattern: re.Pattern[str]
    headline_tail: bool = False
    to_end: bool = False
    counters: bool = False
    min_position: float = 0.0


def load_rules() -> tuple[ChromeRule, ...]:
    return tuple(
        ChromeRule(
            label=rule["label"],
            pattern=re.compile(rule["pattern"], re.MULTILINE),
            headline_tail=rule.get("headline_tail", False),
            to_end=rule.get("to_end", False),
            counters=rule.get("counters", False),
            min_position=rule.get("min_position", 0.0),
        )
        for rule in load_data("chrome.toml")["rule"]
    )


def clean_text(text: str, rules: tuple[ChromeRule, ...]) -> CleanText:
    """Cut page chrome from plain text; the title is the first line when it looks like one."""
    spans = _merge(span for rule in rules for span in _find(rule, text))
    cleaned = _cut(text, spans)
    if not cleaned.strip():
        raise ExtractionError("nothing but page chrome is left after cleaning")
    return CleanText(text=cleaned, original=text, removed=spans, title=_title(cleaned))


def clean_html(html: str, rules: tuple[ChromeRule, ...]) -> CleanText:
    """Main text and metadata of an HTML page via trafilatura, then the text chrome rules."""
    import trafilatura  # lazy: lxml and friends are only needed for HTML input

    result = trafilatura.extract(
        html,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # no guessing from footers ("© 2016") or bare numbers: the text's own date line, or
        # the page's publication metadata, or nothing
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not result:
        raise ExtractionError("trafilatura found no article text in the page")
    data = json.loads(result)
    body = (data.get("text") or "").strip()
    if not body:
        raise ExtractionError("the page has metadata but no article text")
    cleaned = clean_text(body, rules)
    meta = tuple(
        (key, str(data[key]))
        for key in ("title", "date", "sitename", "source-hostname", "hostname", "source", "author")
        if data.get(key)
    )
    return CleanText(
        text=cleaned.text,
        original=body,
        removed=cleaned.removed,
        title=data.get("title") or cleaned.title,
        html_meta=meta,
    )


def _find(rule: ChromeRule, text: str) -> list[Span]:
    spans = []
    for match in rule.pattern.finditer(text):
        if match.start() < rule.min_position * len(text):
            continue
        end = len(text) if rule.to_end else match.end()
        if rule.headline_tail:
            end = _headline_end(text, end)
        if rule.counters:
            end = _counters_end(text, end)
        spans.append(Span(match.start(), end, rule.label))
    return spans


_COUNTER = re.compile(r"[ \t]+(\d+)(?=\s|$)")
SENTENCE_STARTERS = frozenset(
    [
        "a",
        "an",
        "at",
        "the",
        "in",
        "on",
        "as",
        "after",
        "about",
        "more",
        "over",
        "some",
        "this",
        "these",
        "two",
        "three",
        "four",
        "five",
    ]
)


def _counters_end(text: str, start: int) -> int:
    """End of a run of widget counters ("Get short URL 0 85") after `start`.

    The headline may itself open with a figure ("... 0 85 12 Daesh terrorists were killed"):
    the last number stays in the text unless it is 0 or a sentence starts right after it.
    """
    end, last = start, None
    while match := _COUNTER.match(text, end):
        end, last = match.end(), match
    if last is None or last.group(1) == "0":
        return end
    following = text[end:].split(maxsplit=1)
    if following and following[0].lower() not in SENTENCE_STARTERS:
        return last.start()
    return end


def _headline_end(text: str, start: int) -> int:
    """End of the Title Case headline starting at `start`, before the next real sentence.

    A headline is a run of capitalised words, numbers and short function words. The run
    stops at the first lowercase content word; its last capitalised word (plus the function
    words after it) then belongs to that sentence ("... All Crew Members Dead Earlier in the
    day ...") and is given back.
    """
    words = list(_WORD.finditer(text, start))
    run: list[re.Match[str]] = []
    for word in words:
        token = word.group().strip("\"'“”‘’()[],:;-")
        tail = token.rsplit("-", 1)[-1]
        if token and (
            token[0].isupper()
            or token[0].isdigit()
            or tail[:1].isupper()
            or token.lower() in FUNCTION_WORDS
        ):
            run.append(word)
            continue
        break
    else:
        return run[-1].end() if run else start
    while run and run[-1].group().lower() in FUNCTION_WORDS:
        run.pop()
    if run:
        run.pop()  # the capitalised first word of the next sentence
    if len(run) < 3:
        return start
    return run[-1].end()


def _merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in ordered:
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end), last.label)
        else:
            merged.append(span)
    return tuple(merged)


def _cut(text: str, spans: tuple[Span, ...]) -> str:
    """The text without the spans; whitespace around a cut collapses to one separator."""
    pieces: list[str] = []
    position = 0
    for span in spans:
        pieces.append(text[position : span.start])
        position = span.end
    pieces.append(text[position:])
    out = pieces[0]
    for piece in pieces[1:]:
        left, right = out.rstrip(" \t"), piece.lstrip(" \t")
        joiner = "" if not left or left.endswith("\n") or right.startswith("\n") else " "
        out = left + joiner + right
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def _title(text: str) -> str | None:
    first, _, rest = text.partition("\n")
    first = first.strip()
    if rest.strip() and 3 <= len(first) <= 200 and not first.endswith((".", ":", ";")):
        return first
    return None
