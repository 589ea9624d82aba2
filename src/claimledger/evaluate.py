"""Score exported claims against a hand-made gold file (FORMATS.md section 2).

A pure library: `load_gold` reads the gold JSON Lines, `score` compares export lines
(FORMATS.md section 1, as dicts) with it and returns an `EvalReport`. Nothing is printed.

Errors::

    ValueError
     └── GoldFormatError   a gold line is not JSON, or lacks `article` / `claims`

Rules, exactly as implemented:

* Article. An export line belongs to the gold article whose `article` equals the basename
  of its `source` (after `/` or `\\`). Lines for articles absent from gold are ignored. An
  article's predictions are put in document order (`evidence.start`, then input order).
* Values agree when `|p - g| <= 0.005 * max(|g|, 1e-9)`; units agree when equal after
  stripping and lowercasing. Evidence "contains" a string when the prediction's
  `evidence.text` contains it after folding case, typographic quotes and dashes, and runs of
  whitespace.
* Matching, greedy and one-to-one, gold claims in file order, each taking the first free
  prediction in document order: pass 1 needs value + unit + evidence containing the gold
  `evidence`; pass 2 (gold claims still unmatched) value + unit only.
* Excused: an unmatched prediction is not a false positive when an `ignore` entry covers
  it. Entries with a value are optional gold mentions: each excuses at most one
  prediction, assigned like claims (pass 1 value + evidence, pass 2 value alone, since
  ignore evidence often spans page chrome that no sentence splitter keeps whole); units are
  not checked (entries have none). An entry with value null ("dozens") excuses every
  prediction whose evidence contains the entry's `evidence`.
* Mentions: tp = matched pairs, fn = unmatched gold, fp = unmatched and unexcused
  predictions, micro-averaged over all gold articles (an article with no export lines still
  contributes its fn). P, R, F1 are 0.0 when their denominator is 0.
* Fields, over matched pairs; a field accuracy is None when nothing was scored.
  - speaker: gold null + prediction null -> correct; gold null + prediction names someone
    -> not scored; gold named + prediction null -> wrong; both named -> `same_speaker`.
  - period: scored when gold or prediction gives one (a non-null end); both without ->
    not scored (the README baselines score 0 with no period output). Gold null and a
    predicted period -> wrong. Otherwise each non-null gold end must equal the
    prediction's `period_start` / `period_end`; null gold ends are not checked.
  - object: correct when gold and prediction share a content word (`content_words`).
  - qualifier: equal after stripping and lowercasing.
  - value_max: scored where gold gives one; correct when the values agree (as above).
* Speakers (`same_speaker`). Each name is also read as its parenthesised part ("Doctors
  Without Borders (MSF)" -> "MSF"). Tokens: accents, possessive 's, apostrophes and dots
  dropped ("U.S." -> "us"), lowercased, British spellings and country names mapped
  ("defence" -> "defense", "Russia" -> "russian"), plurals singularised, titles dropped
  ("Maj. Gen.", "Dr", "spokesman"). Two names match when their tokens are equal; or one
  is a single token equal to the other's initials ("SOHR"); otherwise, unless both name
  a nationality and share none ("Iraqi" vs "Russian"), when the distinctive tokens (not
  nationalities, not generic words like "ministry", "source", "human", "rights") of one
  are a subset of the other's: "Konashenkov" = "Igor Konashenkov", "Russian Defense
  Ministry" = "Russian Ministry of Defence", "Syrian Observatory" = "Syrian Observatory for
  Human Rights" but not "Human Rights Watch". When one side has no distinctive token
  ("military sources"), the non-nationality token sets must be equal. A prediction's
  `speaker_org` is tried as a second name.
* Periods annotated per claim (`load_claim_periods`, `claim_periods`): blind annotators
  gave a period to each claim id of an earlier export (quality/blind-periods/); the same
  period rule scores the export's claims with those ids, leaving out claims marked as no
  claim and ids the export lacks.
* Publication date, per gold article with at least one export line: the predicted date is
  the most common `published` on its lines. Correct when it equals gold `published` or is
  in `published_alt`. Gold null + predicted null is not scored (the README reports x/58
  over the 58 dated articles); gold null + a predicted date is wrong and a false date.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

Record = Mapping[str, Any]
_Same = Callable[[Record, Record], bool]

TOLERANCE = 0.005
_TINY = 1e-9
_FIELDS = ("speaker", "period", "object", "qualifier", "value_max")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _words(
    "a an the of in on at to for by with from and or as into among than who that which "
    "its their his her were was been be is are has have had led this these those"
)
_TITLES = _words(
    "mr mrs ms dr prof sir maj gen general major col colonel lt lieutenant brig brigadier "
    "capt captain sgt adm admiral sheikh president minister secretary spokesman spokeswoman "
    "spokesperson"
)
_GENERIC = _words(
    "ministry department office agency news media state local government group force army "
    "military armed human right national international united committee council center "
    "command authority directorate monitor source official representative people tv "
    "television channel report website page service"
)
_NATIONALITY = _words(
    "russian syrian iraqi turkish american us iranian israeli kurdish british french "
    "jordanian lebanese saudi qatari german ukrainian"
)
_SPELLING = {
    "defence": "defense",
    "centre": "center",
    "organisation": "organization",
    "russia": "russian",
    "russias": "russian",
    "syria": "syrian",
    "syrias": "syrian",
    "iraq": "iraqi",
    "turkey": "turkish",
    "iran": "iranian",
    "israel": "israeli",
    "usa": "us",
    "america": "american",
}
_INVARIANT = _words("news series species")
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


class GoldFormatError(ValueError):
    """A gold file line that cannot be scored against."""


@dataclass(frozen=True)
class FieldScore:
    """Correct / scored counts for one field; `accuracy` is None when nothing was scored."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True)
class Mention:
    """A gold claim left unmatched (a miss) or an unexcused prediction (an extra)."""

    article: str
    value: float | None
    unit: str
    evidence: str


@dataclass(frozen=True)
class FieldError:
    """A matched pair whose field disagrees; `evidence` is the gold evidence."""

    article: str
    field: str
    gold: object
    predicted: object
    evidence: str


@dataclass(frozen=True)
class ArticleScore:
    """Counts for one gold article; `date_correct` is None when the date was not scored."""

    article: str
    gold: int
    predicted: int
    tp: int
    fp: int
    fn: int
    excused: int
    published_gold: str | None
    published_pred: str | None
    date_correct: bool | None


@dataclass(frozen=True)
class EvalReport:
    """Everything `score` measured, with the cases behind each number."""

    tp: int
    fp: int
    fn: int
    excused: int
    speaker: FieldScore
    period: FieldScore
    object: FieldScore
    qualifier: FieldScore
    value_max: FieldScore
    dates: FieldScore
    false_dates: int
    articles: tuple[ArticleScore, ...] = ()
    misses: tuple[Mention, ...] = ()
    extras: tuple[Mention, ...] = ()
    wrong_fields: tuple[FieldError, ...] = ()

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return _ratio(2 * p * r, p + r)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary, floats rounded to 4 decimals."""
        mentions: dict[str, float] = {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "excused": self.excused,
        }
        mentions |= {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        fields = {name: _field_dict(getattr(self, name)) for name in _FIELDS}
        dates = _field_dict(self.dates) | {"false_dates": self.false_dates}
        cases = {
            "articles": [asdict(a) for a in self.articles],
            "misses": [asdict(m) for m in self.misses],
            "extras": [asdict(e) for e in self.extras],
            "wrong_fields": [asdict(w) for w in self.wrong_fields],
        }
        summary: dict[str, Any] = {"mentions": mentions, "fields": fields, "dates": dates}
        rounded: dict[str, Any] = _rounded(summary | cases)
        return rounded


@dataclass(frozen=True)
class _ArticleResult:
    score: ArticleScore
    checks: tuple[tuple[str, FieldError | None], ...]
    misses: tuple[Mention, ...]
    extras: tuple[Mention, ...]


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSON Lines file: one article object per non-blank line."""
    articles = []
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if line.strip():
            articles.append(_parse_gold_line(line, f"{path}:{number}"))
    return articles


def load_claim_periods(folder: str | Path) -> dict[str, list[str | None] | None]:
    """Periods annotated per claim id: `key.jsonl` maps each item id to a claim id,
    `answers*.jsonl` give each item's period (null for none); items marked
    `not_a_claim` are left out."""
    root = Path(folder)
    key = {k["id"]: k["claim_id"] for k in _json_lines(root / "key.jsonl")}
    periods: dict[str, list[str | None] | None] = {}
    for path in sorted(root.glob("answers*.jsonl")):
        for answer in _json_lines(path):
            if not answer.get("not_a_claim"):
                periods[key[answer["id"]]] = answer["period"]
    return periods


def claim_periods(
    periods: Mapping[str, list[str | None] | None], predicted: Iterable[Record]
) -> FieldScore:
    """Period accuracy of export lines against periods annotated for their claim ids,
    under the scorer's period rule."""
    checks = [
        _period_ok({"period": periods[pred["claim_id"]]}, pred)
        for pred in predicted
        if pred.get("claim_id") in periods
    ]
    scored = [c for c in checks if c is not None]
    return FieldScore(sum(scored), len(scored))


def _json_lines(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score(gold: Sequence[Record], predicted: Iterable[Record]) -> EvalReport:
    """Compare export lines with gold articles under the rules of the module docstring."""
    by_article = _group_predictions(predicted, {str(a["article"]) for a in gold})
    results = [_score_article(a, by_article.get(str(a["article"]), [])) for a in gold]
    return _build_report(results)


def same_speaker(gold: str, predicted: str) -> bool:
    """Whether two speaker names refer to the same person or organisation."""
    return any(_names_match(g, p) for g in _name_variants(gold) for p in _name_variants(predicted))


def content_words(text: str) -> set[str]:
    """Lowercased, singularised words of `text` that are not stop words."""
    return {_singular(t) for t in _tokens(text) if t not in _STOP}


# --- reading ------------------------------------------------------------------------------


def _parse_gold_line(line: str, where: str) -> dict[str, Any]:
    try:
        article = json.loads(line)
    except json.JSONDecodeError as error:
        raise GoldFormatError(f"{where}: not JSON ({error.msg})") from error
    if not isinstance(article, dict) or not isinstance(article.get("article"), str):
        raise GoldFormatError(f"{where}: expected an object with an 'article' name")
    if not isinstance(article.get("claims"), list):
        raise GoldFormatError(f"{where}: 'claims' must be a list")
    return article


def _group_predictions(predicted: Iterable[Record], names: set[str]) -> dict[str, list[Record]]:
    groups: dict[str, list[Record]] = {}
    for line in predicted:
        name = re.split(r"[/\\]", str(line.get("source", "")))[-1]
        if name in names:
            groups.setdefault(name, []).append(line)
    return {name: sorted(lines, key=_position) for name, lines in groups.items()}


def _position(pred: Record) -> float:
    evidence = pred.get("evidence")
    start = evidence.get("start") if isinstance(evidence, Mapping) else None
    return float(start) if isinstance(start, int) else float("inf")


# --- one article --------------------------------------------------------------------------


def _score_article(article: Record, preds: list[Record]) -> _ArticleResult:
    name = str(article["article"])
    claims: list[Record] = list(article.get("claims") or [])
    pairs = _match(claims, preds, _same_quantity)
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    loose = [p for i, p in enumerate(preds) if i not in matched_pred]
    extras = _unexcused(list(article.get("ignore") or []), loose)
    checks = [c for g, p in pairs for c in _field_checks(name, claims[g], preds[p])]
    published, date_ok = _date_check(article, preds)
    counts = ArticleScore(
        article=name,
        gold=len(claims),
        predicted=len(preds),
        tp=len(pairs),
        fp=len(extras),
        fn=len(claims) - len(pairs),
        excused=len(loose) - len(extras),
        published_gold=article.get("published"),
        published_pred=published,
        date_correct=date_ok,
    )
    misses = [_gold_mention(name, c) for i, c in enumerate(claims) if i not in matched_gold]
    return _ArticleResult(
        counts, tuple(checks), tuple(misses), tuple(_pred_mention(name, p) for p in extras)
    )


def _match(targets: list[Record], preds: list[Record], same: _Same) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (target index, prediction index), evidence first."""
    pairs: dict[int, int] = {}
    for need_evidence in (True, False):
        for t, target in enumerate(targets):
            if t not in pairs:
                free = [i for i in range(len(preds)) if i not in pairs.values()]
                p = _first_candidate(target, preds, free, same, need_evidence)
                if p is not None:
                    pairs[t] = p
    return sorted(pairs.items())


def _first_candidate(
    target: Record, preds: list[Record], free: list[int], same: _Same, need_evidence: bool
) -> int | None:
    for i in free:
        if not same(target, preds[i]):
            continue
        if not need_evidence or _contains(preds[i], target.get("evidence")):
            return i
    return None


def _same_quantity(claim: Record, pred: Record) -> bool:
    return _same_value(claim, pred) and _unit(claim) == _unit(pred)


def _same_value(target: Record, pred: Record) -> bool:
    return values_agree(target.get("value"), pred.get("value"))


def _unexcused(ignores: list[Record], loose: list[Record]) -> list[Record]:
    """The unmatched predictions that no ignore entry covers."""
    valued = [entry for entry in ignores if entry.get("value") is not None]
    vague = [entry for entry in ignores if entry.get("value") is None]
    taken = {p for _, p in _match(valued, loose, _same_value)}
    return [
        pred
        for i, pred in enumerate(loose)
        if i not in taken and not any(_contains(pred, entry.get("evidence")) for entry in vague)
    ]


def _date_check(article: Record, preds: list[Record]) -> tuple[str | None, bool | None]:
    if not preds:
        return None, None
    dates = Counter(p.get("published") for p in preds)
    predicted = dates.most_common(1)[0][0]
    gold = article.get("published")
    if gold is None and predicted is None:
        return None, None
    accepted = [gold, *(article.get("published_alt") or [])] if gold is not None else []
    return predicted, predicted in accepted


# --- fields -------------------------------------------------------------------------------


def _field_checks(article: str, claim: Record, pred: Record) -> list[tuple[str, FieldError | None]]:
    evidence = str(claim.get("evidence", ""))
    found = [
        ("speaker", _speaker_ok(claim, pred), claim.get("speaker"), pred.get("speaker")),
        ("period", _period_ok(claim, pred), claim.get("period"), _pred_period(pred)),
        ("object", _object_ok(claim, pred), claim.get("object"), pred.get("object")),
        ("qualifier", _qualifier_ok(claim, pred), claim.get("qualifier"), pred.get("qualifier")),
        ("value_max", _value_max_ok(claim, pred), claim.get("value_max"), pred.get("value_max")),
    ]
    return [
        (name, None if ok else FieldError(article, name, gold, got, evidence))
        for name, ok, gold, got in found
        if ok is not None
    ]


def _speaker_ok(claim: Record, pred: Record) -> bool | None:
    gold, got = claim.get("speaker"), pred.get("speaker") or None
    if gold is None:
        return True if got is None else None
    names = [n for n in (got, pred.get("speaker_org")) if isinstance(n, str) and n]
    return any(same_speaker(str(gold), name) for name in names)


def _period_ok(claim: Record, pred: Record) -> bool | None:
    gold = list(claim.get("period") or [None, None])
    got = _pred_period(pred)
    if all(end is None for end in gold):
        return None if all(end is None for end in got) else False
    return all(g is None or g == p for g, p in zip(gold, got, strict=True))


def _pred_period(pred: Record) -> list[str | None]:
    return [pred.get("period_start") or None, pred.get("period_end") or None]


def _object_ok(claim: Record, pred: Record) -> bool:
    shared = content_words(str(claim.get("object") or "")) & content_words(
        str(pred.get("object") or "")
    )
    return bool(shared)


def _qualifier_ok(claim: Record, pred: Record) -> bool:
    return _lower(claim.get("qualifier")) == _lower(pred.get("qualifier"))


def _value_max_ok(claim: Record, pred: Record) -> bool | None:
    if claim.get("value_max") is None:
        return None
    return values_agree(claim.get("value_max"), pred.get("value_max"))


# --- speaker names ------------------------------------------------------------------------


def _name_variants(name: str) -> list[list[str]]:
    inside = re.findall(r"\(([^)]*)\)", name)
    outside = re.sub(r"\([^)]*\)", " ", name)
    variants = [_name_tokens(text) for text in (outside, *inside)]
    return [v for v in variants if v]


def _name_tokens(name: str) -> list[str]:
    words = (_SPELLING.get(t, t) for t in _tokens(name.replace(".", "")))
    return [_singular(w) for w in words if w not in _TITLES and w not in _STOP]


def _names_match(a: list[str], b: list[str]) -> bool:
    if a == b or _is_acronym(a, b) or _is_acronym(b, a):
        return True
    nations_a, nations_b = set(a) & _NATIONALITY, set(b) & _NATIONALITY
    if nations_a and nations_b and not nations_a & nations_b:
        return False
    core_a, core_b = _distinctive(a), _distinctive(b)
    if core_a and core_b:
        return core_a <= core_b or core_b <= core_a
    return set(a) - _NATIONALITY == set(b) - _NATIONALITY


def _distinctive(tokens: list[str]) -> set[str]:
    return {t for t in tokens if t not in _GENERIC and t not in _NATIONALITY}


def _is_acronym(short: list[str], long: list[str]) -> bool:
    return len(short) == 1 and len(long) > 1 and short[0] == "".join(t[0] for t in long)


# --- small helpers ------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text.translate(_FOLD))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"'s\b", "", plain).replace("'", "")
    return re.findall(r"[a-z0-9]+", plain)


def _singular(word: str) -> str:
    if len(word) <= 3 or word in _INVARIANT or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def _fold(text: str) -> str:
    return " ".join(text.translate(_FOLD).casefold().split())


def _contains(pred: Record, needle: object) -> bool:
    if not isinstance(needle, str) or not needle.strip():
        return False
    return _fold(needle) in _fold(_evidence_text(pred))


def _evidence_text(pred: Record) -> str:
    evidence = pred.get("evidence")
    if isinstance(evidence, Mapping):
        return str(evidence.get("text") or "")
    return evidence if isinstance(evidence, str) else ""


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def values_agree(gold: object, predicted: object) -> bool:
    """The scorer's value match: within 0.5 % of the gold value."""
    g, p = _number(gold), _number(predicted)
    if g is None or p is None:
        return False
    return abs(p - g) <= TOLERANCE * max(abs(g), _TINY)


def _unit(record: Record) -> str:
    return _lower(record.get("unit"))


def _lower(value: object) -> str:
    return str(value).strip().lower() if value is not None else ""


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _gold_mention(article: str, claim: Record) -> Mention:
    value = _number(claim.get("value"))
    return Mention(article, value, _unit(claim), str(claim.get("evidence", "")))


def _pred_mention(article: str, pred: Record) -> Mention:
    return Mention(article, _number(pred.get("value")), _unit(pred), _evidence_text(pred))


# --- report -------------------------------------------------------------------------------


def _build_report(results: list[_ArticleResult]) -> EvalReport:
    scores = [r.score for r in results]
    checks = [check for r in results for check in r.checks]
    fields = {name: _field_score(checks, name) for name in _FIELDS}
    dated = [s for s in scores if s.date_correct is not None]
    return EvalReport(
        tp=sum(s.tp for s in scores),
        fp=sum(s.fp for s in scores),
        fn=sum(s.fn for s in scores),
        excused=sum(s.excused for s in scores),
        speaker=fields["speaker"],
        period=fields["period"],
        object=fields["object"],
        qualifier=fields["qualifier"],
        value_max=fields["value_max"],
        dates=FieldScore(sum(bool(s.date_correct) for s in dated), len(dated)),
        false_dates=sum(s.published_gold is None and s.published_pred is not None for s in dated),
        articles=tuple(scores),
        misses=tuple(m for r in results for m in r.misses),
        extras=tuple(e for r in results for e in r.extras),
        wrong_fields=tuple(error for _, error in checks if error is not None),
    )


def _field_score(checks: list[tuple[str, FieldError | None]], name: str) -> FieldScore:
    scored = [error for field, error in checks if field == name]
    return FieldScore(sum(error is None for error in scored), len(scored))


def _field_dict(field: FieldScore) -> dict[str, Any]:
    return {"correct": field.correct, "total": field.total, "accuracy": field.accuracy}


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(item) for item in value]
    return value
