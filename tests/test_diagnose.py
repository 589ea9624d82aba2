"""Eval diagnostics: every disagreement lands under a cause."""

from __future__ import annotations

from claimledger.diagnose import causes
from claimledger.evaluate import score

TEXT = "Jets made 40 sorties on Monday. Rebels shelled the town for 3 hours, killing 7 people."
GOLD = [
    {
        "article": "a.txt",
        "published": "2016-02-16",
        "claims": [
            {
                "value": 40,
                "unit": "count",
                "object": "sorties",
                "speaker": "Igor Konashenkov",
                "qualifier": "exact",
                "period": ["2016-02-15", "2016-02-15"],
                "evidence": "made 40 sorties on Monday",
            },
            {
                "value": 7,
                "unit": "percent",
                "object": "people killed",
                "speaker": None,
                "qualifier": "exact",
                "evidence": "killing 7 people",
            },
            {
                "value": 12,
                "unit": "count",
                "object": "tanks",
                "speaker": None,
                "qualifier": "exact",
                "evidence": "Get short URL 12 tanks",
            },
        ],
        "ignore": [],
    }
]


def record(value: float, unit: str, sentence: str, **fields: object) -> dict[str, object]:
    start = TEXT.index(sentence)
    base: dict[str, object] = {
        "source": "corpus/a.txt",
        "value": value,
        "value_max": None,
        "unit": unit,
        "qualifier": "exact",
        "object": "sorties",
        "speaker": None,
        "period_start": None,
        "period_end": None,
        "published": "2016-02-16",
        "evidence": {"text": sentence, "start": start, "end": start + 2},
    }
    return {**base, **fields}


def test_each_disagreement_has_its_cause() -> None:
    first, second = TEXT.split(". ")
    records = [
        record(40, "count", first + "."),
        record(7, "count", second, object="people"),
        record(3, "count", second, object="hours"),
    ]
    report = score(GOLD, records)
    grouped = causes(report, records, {"a.txt": TEXT})
    assert set(grouped) == {"attribution", "period", "unit", "chrome", "exclusion rule"}
    assert any("12 count" in line for line in grouped["chrome"])
    assert any("3 count" in line for line in grouped["exclusion rule"])
