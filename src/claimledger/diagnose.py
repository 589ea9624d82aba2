"""Why the eval disagrees with the gold: each miss, extra and wrong field gets a cause.

Causes, in the order they are tested:

- chrome: a miss whose gold evidence is no longer in the cleaned text (cut as page
  chrome), or an extra whose sentence holds a chrome marker that survived cleaning;
- unit: the same value is on the other side with another unit;
- exclusion rule: an extra that looks like a date, year, time, duration, ordinal or id (an
  exclusion rule should have dropped it), or a miss the extractor found but then dropped;
- attribution / period / object / qualifier / value_max: a matched pair with that field wrong;
- date: an article whose publication date is wrong (or invented: a false date);
- not found / not a claim: everything else.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from claimledger.evaluate import EvalReport, Mention, values_agree

FIELD_CAUSES = MappingProxyType({"speaker": "attribution"})
EXCLUDED_SHAPE = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}[:.]\d{2}\b|\b(?:hours?|days?|weeks?|months?|years?|minutes?)\b"
    r"|\b\d+(?:st|nd|rd|th)\b|\bage\b|-year-old",
    re.IGNORECASE,
)
CHROME_MARKERS = re.compile(
    r"Get short URL|Related|Comment via|Subscribe|Views \d|Slideshow|pic\.twitter|Copyright",
)


def causes(
    report: EvalReport, records: Sequence[Mapping[str, Any]], texts: Mapping[str, str]
) -> dict[str, list[str]]:
    """Lines describing every disagreement, grouped by cause; `texts` maps an article's
    file name to its cleaned text."""
    values = _values_by_article(records)
    grouped: dict[str, list[str]] = defaultdict(list)
    for miss in report.misses:
        grouped[_miss_cause(miss, values, texts)].append(f"miss  {_line(miss)}")
    for extra in report.extras:
        grouped[_extra_cause(extra, report)].append(f"extra {_line(extra)}")
    for wrong in report.wrong_fields:
        cause = FIELD_CAUSES.get(wrong.field, wrong.field)
        grouped[cause].append(
            f"{wrong.article}: gold {wrong.gold!r}, got {wrong.predicted!r} | {wrong.evidence}"
        )
    for article in report.articles:
        if article.date_correct is False:
            grouped["date"].append(
                f"{article.article}: gold {article.published_gold!r}, "
                f"got {article.published_pred!r}"
            )
    return dict(grouped)


def _miss_cause(
    miss: Mention, values: Mapping[str, list[tuple[float, str]]], texts: Mapping[str, str]
) -> str:
    text = texts.get(miss.article)
    if text is not None and _squash(miss.evidence) not in _squash(text):
        return "chrome"
    predicted = values.get(miss.article, [])
    if any(values_agree(miss.value, value) and unit != miss.unit for value, unit in predicted):
        return "unit"
    return "not found"


def _extra_cause(extra: Mention, report: EvalReport) -> str:
    if CHROME_MARKERS.search(extra.evidence):
        return "chrome"
    missed = [m for m in report.misses if m.article == extra.article]
    if any(values_agree(m.value, extra.value) and m.unit != extra.unit for m in missed):
        return "unit"
    if extra.value is not None and _excluded_shape(extra):
        return "exclusion rule"
    return "not a claim"


def _excluded_shape(extra: Mention) -> bool:
    number = f"{extra.value:g}" if extra.value is not None else ""
    around = re.search(rf".{{0,25}}\b{re.escape(number)}\b.{{0,25}}", extra.evidence)
    return bool(around and EXCLUDED_SHAPE.search(around.group()))


def _values_by_article(
    records: Sequence[Mapping[str, Any]],
) -> dict[str, list[tuple[float, str]]]:
    out: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for record in records:
        out[Path(str(record["source"])).name].append((float(record["value"]), record["unit"]))
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _line(mention: Mention) -> str:
    value = "?" if mention.value is None else f"{mention.value:g}"
    return f"{mention.article}: {value} {mention.unit} | {mention.evidence[:160]}"
