"""The scorer of FORMATS.md section 2, on small hand-written cases and on the dev gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimledger.evaluate import (
    EvalReport,
    FieldScore,
    GoldFormatError,
    claim_periods,
    content_words,
    load_claim_periods,
    load_gold,
    same_speaker,
    score,
)

DEV_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev.jsonl"
ARTICLE = "a.txt"


def claim(value: float, evidence: str, unit: str = "count", **fields: Any) -> dict[str, Any]:
    defaults = {"object": "people", "speaker": None, "qualifier": "exact", "period": None}
    return {"value": value, "unit": unit, "evidence": evidence} | defaults | fields


def gold(
    *claims: dict[str, Any], ignore: tuple[dict[str, Any], ...] = (), **meta: Any
) -> dict[str, Any]:
    article = {"article": ARTICLE, "published": None, "claims": list(claims)}
    return article | {"ignore": list(ignore)} | meta


def pred(value: float, sentence: str, unit: str = "count", **fields: Any) -> dict[str, Any]:
    line = {
        "source": f"corpus/articles/{ARTICLE}",
        "value": value,
        "value_max": None,
        "unit": unit,
        "qualifier": "exact",
        "object": "people",
        "speaker": None,
        "period_start": None,
        "period_end": None,
        "published": None,
        "evidence": {"text": sentence, "start": 0, "end": len(sentence)},
    }
    return line | fields


def counts(report: EvalReport) -> tuple[int, int, int, int]:
    return report.tp, report.fp, report.fn, report.excused


def ratio(field: FieldScore) -> tuple[int, int]:
    return field.correct, field.total


# --- mentions -----------------------------------------------------------------------------

MENTION_CASES = [
    pytest.param(
        [claim(444, "made 444 sorties")],
        (),
        [pred(444, "Jets made 444 sorties.")],
        (1, 0, 0, 0),
        id="exact match",
    ),
    pytest.param(
        [claim(1000, "some 1,000 people")],
        (),
        [pred(1004, "It said 1004.")],
        (1, 0, 0, 0),
        id="within 0.5 percent",
    ),
    pytest.param(
        [claim(1000, "some 1,000 people")],
        (),
        [pred(1006, "It said 1006.")],
        (0, 1, 1, 0),
        id="beyond 0.5 percent",
    ),
    pytest.param(
        [claim(50, "about 50 km west", unit="km")],
        (),
        [pred(50, "about 50 km west")],
        (0, 1, 1, 0),
        id="unit mismatch is a miss and an extra",
    ),
    pytest.param(
        [claim(3, "three killed")],
        (),
        [pred(3, "three killed"), pred(3, "three killed")],
        (1, 1, 0, 0),
        id="one-to-one",
    ),
    pytest.param(
        [],
        ({"value": 8, "evidence": "eight Syrian provinces"},),
        [pred(8, "in eight Syrian provinces")],
        (0, 0, 0, 1),
        id="ignore with value excuses",
    ),
    pytest.param(
        [],
        ({"value": 8, "evidence": "eight Syrian provinces"},),
        [pred(8, "in eight Syrian provinces"), pred(8, "eight tanks")],
        (0, 1, 0, 1),
        id="ignore with value excuses one mention",
    ),
    pytest.param(
        [],
        ({"value": 219, "evidence": "FNA reported. 219"},),
        [pred(219, " 219")],
        (0, 0, 0, 1),
        id="ignore with value falls back to value alone",
    ),
    pytest.param(
        [],
        ({"value": None, "evidence": "dozens of people"},),
        [pred(24, "Dozens  of people, 24 hurt"), pred(12, "dozens of people and 12")],
        (0, 0, 0, 2),
        id="ignore with null value excuses any number",
    ),
    pytest.param(
        [],
        ({"value": None, "evidence": "dozens of people"},),
        [pred(5, "five people")],
        (0, 1, 0, 0),
        id="ignore with null value needs its evidence",
    ),
    pytest.param(
        [claim(5, "five people")],
        (),
        [pred(5, "five people") | {"source": "b.txt"}],
        (0, 0, 1, 0),
        id="lines of other articles are ignored",
    ),
]


@pytest.mark.parametrize(("claims", "ignore", "preds", "expected"), MENTION_CASES)
def test_mention_counts(
    claims: list[dict[str, Any]],
    ignore: tuple[dict[str, Any], ...],
    preds: list[dict[str, Any]],
    expected: tuple[int, int, int, int],
) -> None:
    assert counts(score([gold(*claims, ignore=ignore)], preds)) == expected


def test_precision_recall_f1() -> None:
    claims = [claim(1, "one"), claim(2, "two"), claim(3, "three"), claim(4, "four")]
    preds = [pred(1, "one"), pred(2, "two"), pred(3, "three"), pred(9, "nine")]
    report = score([gold(*claims)], preds)
    assert (report.precision, report.recall, report.f1) == (0.75, 0.75, 0.75)


def test_evidence_decides_between_equal_values() -> None:
    claims = [claim(58, "put the death toll at 58", speaker="SOHR")]
    preds = [
        pred(58, "58 Killed in Suspected Gas Attack"),
        pred(58, "The monitoring group put the death toll at 58.", speaker="SOHR"),
    ]
    report = score([gold(*claims)], preds)
    assert counts(report) == (1, 1, 0, 0)
    assert ratio(report.speaker) == (1, 1)
    assert [extra.evidence for extra in report.extras] == ["58 Killed in Suspected Gas Attack"]


def test_misses_and_extras_are_listed() -> None:
    report = score([gold(claim(50, "about 50 km west", unit="km"))], [pred(50, "50 villages")])
    assert [(m.article, m.value, m.unit) for m in report.misses] == [(ARTICLE, 50.0, "km")]
    assert [(e.article, e.value, e.unit) for e in report.extras] == [(ARTICLE, 50.0, "count")]


# --- fields -------------------------------------------------------------------------------

SPEAKER_CASES = [
    pytest.param(None, None, (1, 1), id="null and null"),
    pytest.param(None, "SANA", (0, 0), id="gold null, tool names someone: not scored"),
    pytest.param("SANA", None, (0, 1), id="gold named, tool null"),
    pytest.param("Igor Konashenkov", "Konashenkov", (1, 1), id="surname"),
    pytest.param("Igor Konashenkov", "Igor Sergeyev", (0, 1), id="other person"),
    pytest.param("Russian Defense Ministry", "Russian Ministry of Defence", (1, 1), id="org"),
    pytest.param("Russian Defense Ministry", "Iraqi Defense Ministry", (0, 1), id="other org"),
]


@pytest.mark.parametrize(("gold_speaker", "pred_speaker", "expected"), SPEAKER_CASES)
def test_speaker_rules(
    gold_speaker: str | None, pred_speaker: str | None, expected: tuple[int, int]
) -> None:
    line = pred(7, "seven", speaker=pred_speaker)
    report = score([gold(claim(7, "seven", speaker=gold_speaker))], [line])
    assert ratio(report.speaker) == expected


def test_speaker_org_is_a_second_name() -> None:
    line = pred(7, "seven", speaker="Igor Konashenkov", speaker_org="Russian Ministry of Defence")
    report = score([gold(claim(7, "seven", speaker="Russian Defense Ministry"))], [line])
    assert ratio(report.speaker) == (1, 1)


@pytest.mark.parametrize(
    ("gold_name", "pred_name", "expected"),
    [
        ("Syrian Observatory for Human Rights", "SOHR", True),
        ("Syrian Observatory for Human Rights", "Syrian Observatory", True),
        ("Syrian Observatory for Human Rights", "Human Rights Watch", False),
        ("Doctors Without Borders (MSF)", "MSF", True),
        ("SANA", "Syrian Arab News Agency", True),
        ("Russian Defense Ministry", "Russia's Defence Ministry", True),
        ("military source", "Military sources", True),
        ("local media", "local sources", False),
        ("US-led coalition", "U.S.-led coalition", True),
        ("Igor Konashenkov", "Maj. Gen. Igor Konashenkov", True),
        ("Aleppo Health Directorate", "Damascus Health Directorate", False),
    ],
)
def test_same_speaker(gold_name: str, pred_name: str, expected: bool) -> None:
    assert same_speaker(gold_name, pred_name) is expected
    assert same_speaker(pred_name, gold_name) is expected


PERIOD_CASES = [
    pytest.param(None, None, None, (0, 0), id="no period either side: not scored"),
    pytest.param(None, "2016-02-10", None, (0, 1), id="gold null, tool invents one"),
    pytest.param(["2016-02-10", "2016-02-16"], "2016-02-10", "2016-02-16", (1, 1), id="equal"),
    pytest.param(["2016-02-10", "2016-02-16"], "2016-02-09", "2016-02-16", (0, 1), id="start"),
    pytest.param(["2016-02-10", "2016-02-16"], None, None, (0, 1), id="tool gives none"),
    pytest.param(["2015-09-30", None], "2015-09-30", "2016-07-15", (1, 1), id="open end"),
    pytest.param([None, "2016-07-15"], None, "2016-07-15", (1, 1), id="open start"),
]


@pytest.mark.parametrize(("period", "start", "end", "expected"), PERIOD_CASES)
def test_period_rules(
    period: list[str | None] | None, start: str | None, end: str | None, expected: tuple[int, int]
) -> None:
    line = pred(7, "seven", period_start=start, period_end=end)
    report = score([gold(claim(7, "seven", period=period))], [line])
    assert ratio(report.period) == expected


@pytest.mark.parametrize(
    ("field", "gold_value", "pred_value", "expected"),
    [
        ("object", "civilians killed", "civilian", (1, 1)),
        ("object", "casualties", "the casualty", (1, 1)),
        ("object", "sorties", "airstrikes", (0, 1)),
        ("object", "sorties", None, (0, 1)),
        ("qualifier", "over", "over", (1, 1)),
        ("qualifier", "over", "approx", (0, 1)),
        ("value_max", 50, 50, (1, 1)),
        ("value_max", 50, 40, (0, 1)),
        ("value_max", None, 40, (0, 0)),
    ],
)
def test_other_fields(
    field: str, gold_value: Any, pred_value: Any, expected: tuple[int, int]
) -> None:
    line = pred(7, "seven", **{field: pred_value})
    report = score([gold(claim(7, "seven", **{field: gold_value}))], [line])
    assert ratio(getattr(report, field)) == expected


def test_wrong_fields_are_listed() -> None:
    report = score([gold(claim(7, "seven", qualifier="over"))], [pred(7, "seven")])
    assert [(w.field, w.gold, w.predicted, w.evidence) for w in report.wrong_fields] == [
        ("qualifier", "over", "exact", "seven")
    ]


def test_content_words() -> None:
    assert content_words("the Casualties of strikes") == {"casualty", "strike"}


# --- publication dates --------------------------------------------------------------------

DATE_CASES = [
    pytest.param("2017-10-01", None, "2017-10-01", (1, 1, 0), id="equal"),
    pytest.param("2017-10-01", ["2017-01-10"], "2017-01-10", (1, 1, 0), id="published_alt"),
    pytest.param("2017-10-01", None, "2017-01-10", (0, 1, 0), id="wrong"),
    pytest.param("2017-10-01", None, None, (0, 1, 0), id="missing"),
    pytest.param(None, None, None, (0, 0, 0), id="null and null: not scored"),
    pytest.param(None, None, "2017-10-01", (0, 1, 1), id="false date"),
]


@pytest.mark.parametrize(("published", "alt", "predicted", "expected"), DATE_CASES)
def test_dates(
    published: str | None,
    alt: list[str] | None,
    predicted: str | None,
    expected: tuple[int, int, int],
) -> None:
    article = gold(claim(7, "seven"), published=published, published_alt=alt)
    report = score([article], [pred(7, "seven", published=predicted)])
    assert (*ratio(report.dates), report.false_dates) == expected


def test_dates_need_an_exported_claim() -> None:
    report = score([gold(claim(7, "seven"), published="2017-10-01")], [])
    assert ratio(report.dates) == (0, 0)
    assert report.articles[0].date_correct is None


# --- report and gold file -----------------------------------------------------------------


def test_to_dict_is_json_and_rounded() -> None:
    claims = [claim(1, "one"), claim(2, "two"), claim(3, "three")]
    data = score([gold(*claims)], [pred(1, "one")]).to_dict()
    json.dumps(data)
    assert data["mentions"]["recall"] == 0.3333
    assert data["fields"]["speaker"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert data["fields"]["value_max"]["accuracy"] is None
    assert len(data["misses"]) == 2


def test_load_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold(claim(7, "seven"))) + "\n\n", encoding="utf-8")
    assert load_gold(path) == [gold(claim(7, "seven"))]


@pytest.mark.parametrize(
    "line", ["{not json", '{"claims": []}', '{"article": "a.txt", "claims": 3}', "[1]"]
)
def test_load_gold_rejects_bad_lines(tmp_path: Path, line: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:1"):
        load_gold(path)


def perfect_predictions(article: dict[str, Any]) -> list[dict[str, Any]]:
    lines = []
    for c in article["claims"]:
        start, end = c["period"] or (None, None)
        lines.append(
            pred(c["value"], c["evidence"], unit=c["unit"], qualifier=c["qualifier"])
            | {"source": f"corpus/articles/{article['article']}", "object": c["object"]}
            | {"speaker": c["speaker"], "period_start": start, "period_end": end}
            | {"published": article["published"], "value_max": c.get("value_max")}
        )
    return lines


@pytest.mark.skipif(not DEV_GOLD.exists(), reason=f"dev gold set not found at {DEV_GOLD}")
def test_gold_scored_against_itself_is_perfect() -> None:
    articles = load_gold(DEV_GOLD)
    report = score(articles, [line for a in articles for line in perfect_predictions(a)])
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert report.tp == sum(len(a["claims"]) for a in articles)
    for field in (report.speaker, report.period, report.object, report.qualifier, report.dates):
        assert field.total > 0
        assert field.accuracy == 1.0
    assert report.value_max.accuracy in (None, 1.0)
    assert (report.false_dates, report.wrong_fields, report.extras) == (0, (), ())


def test_claim_periods_score_by_claim_id_under_the_period_rule(tmp_path: Path) -> None:
    (tmp_path / "key.jsonl").write_text(
        "".join(
            json.dumps({"id": f"h{i}", "article": "a.txt", "claim_id": f"c{i}"}) + "\n"
            for i in range(5)
        ),
        encoding="utf-8",
    )
    answers = [
        {"id": "h0", "period": ["2016-03-01", "2016-03-02"]},  # right
        {"id": "h1", "period": [None, "2016-03-02"]},  # an open start accepts any start
        {"id": "h2", "period": None},  # none given, one predicted: wrong
        {"id": "h3", "period": None},  # neither: not scored
        {"id": "h4", "period": ["2016-03-01", "2016-03-01"], "not_a_claim": True},
    ]
    (tmp_path / "answers0.jsonl").write_text(
        "".join(json.dumps(a) + "\n" for a in answers), encoding="utf-8"
    )
    periods = load_claim_periods(tmp_path)
    assert set(periods) == {"c0", "c1", "c2", "c3"}
    lines = [
        {"claim_id": "c0", "period_start": "2016-03-01", "period_end": "2016-03-02"},
        {"claim_id": "c1", "period_start": "2016-02-20", "period_end": "2016-03-02"},
        {"claim_id": "c2", "period_start": "2016-03-01", "period_end": "2016-03-01"},
        {"claim_id": "c3", "period_start": None, "period_end": None},
        {"claim_id": "other", "period_start": "2016-03-01", "period_end": "2016-03-01"},
    ]
    assert claim_periods(periods, lines) == FieldScore(2, 3)
