"""A peer check of the ledger against the FA-KES authors' own annotation.

FA-KES (Salem et al., ICWSM 2019) annotated each of its articles with the event it reports:
the event's date (M/D/YY), its place and casualty counts read from the text
(`../shared/peer/fakes_events.jsonl`, described in `README_fakes.md`). `load_events` reads
that file and `check` compares export records (FORMATS.md section 1, as dicts) with it,
returning a `PeerReport`. Nothing is printed. The annotation is a peer's, not gold: its
counts are sometimes derived and its dates are noisy, so the report lists every
disagreement for reading.

Errors::

    ClaimledgerError
     └── PeerFormatError   a line is not JSON, or lacks `id`, an M/D/YY `event_date`
                           or a whole `nb_civilians`

Rules, exactly as implemented:

* Article. An export record belongs to the FA-KES article whose `id` is the base name of
  its `source` without the extension (`.../fakes-1914947530.txt`). Only FA-KES articles in
  the ledger are checked: those with a record, and those among the ledger's articles when
  `check` is given them (so an article where the ledger holds no claim still counts).
  One check per annotation line ("event"): a few articles carry several lines.
* Casualty claim: a record whose `metric` is one of `killed` (by default the taxonomy's
  casualty metrics of people killed, `killed_metrics`), or, when it has no `metric`, whose
  `object` mentions killed, dead, died, deaths, casualties, victims or civilians (or ends
  in "civilian": "1 civilian" is one, "civilian areas" are not).
* Civilian count, over events with `nb_civilians` > 0: found when a casualty claim of the
  article has that `value` (within 0.5 %, `evaluate.values_agree`); found anywhere when any
  claim of the article has it, whatever it counts (a figure found but typed otherwise).
* Publication date: the article's `published` (as the ledger's article gives it, else the
  most common on its records), read as the days it names (a day, a month or a year). It
  agrees when one of them lies between the event date and three days after it; it
  disagrees otherwise; a null date counts as no date.
* Period, over events whose count is found as a casualty claim: agrees when the event date
  lies within [period_start, period_end] of one of those claims (a null end is open, a
  month or year end covers its days); disagrees when some of them have a period and none
  covers the date; no date when none has one.
"""

from __future__ import annotations

import calendar
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from claimledger.errors import ClaimledgerError
from claimledger.evaluate import values_agree
from claimledger.taxonomy import Taxonomy

Record = Mapping[str, Any]
Verdict = Literal["agree", "disagree", "no_date"]
Found = Literal["casualty", "other", "missed"]
Days = tuple[date | None, date | None]

PUBLICATION_LAG = timedelta(days=3)
_CASUALTY_WORDS = re.compile(
    r"\b(?:killed|dead|died|deaths?|casualt(?:y|ies)|victims?|civilians)\b|\bcivilian$",
    re.IGNORECASE,
)  # "civilian" alone counts, "civilian areas" does not
_FAKES_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2})")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class PeerFormatError(ClaimledgerError):
    """A line of the FA-KES annotation that cannot be checked against."""

    kind = "input"
    hint = (
        'Give one JSON object a line, like {"id": "fakes-1914947530", "event_date": "4/5/17", '
        '"nb_civilians": 70} (../shared/peer/fakes_events.jsonl).'
    )


@dataclass(frozen=True)
class PeerEvent:
    """One annotation line: the event an article reports, as FA-KES read it."""

    article: str
    event_date: date
    civilians: int
    location: str = ""


@dataclass(frozen=True)
class DateAgreement:
    """How often a ledger date agrees with FA-KES's event date."""

    agree: int = 0
    disagree: int = 0
    no_date: int = 0

    @property
    def rate(self) -> float | None:
        """Agreements over the events the ledger dates; None when it dates none."""
        dated = self.agree + self.disagree
        return self.agree / dated if dated else None


@dataclass(frozen=True)
class Disagreement:
    """One event where the ledger and FA-KES differ, for reading.

    `check`: `count` (the civilian count is in no claim), `count_type` (it is, but not as a
    casualty claim), `published` or `period`.
    """

    article: str
    check: str
    fakes: str
    ledger: str


@dataclass(frozen=True)
class PeerReport:
    """Everything `check` measured, with the disagreements behind the numbers."""

    articles: int
    events: int
    with_civilians: int
    civilians_as_casualty: int
    civilians_anywhere: int
    published: DateAgreement
    period: DateAgreement
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def casualty_share(self) -> float | None:
        """Share of the events with a civilian count that a casualty claim holds."""
        return _share(self.civilians_as_casualty, self.with_civilians)

    @property
    def anywhere_share(self) -> float | None:
        """Share of the events with a civilian count that any claim holds."""
        return _share(self.civilians_anywhere, self.with_civilians)

    def to_dict(self, cases: bool = False) -> dict[str, Any]:
        """The figures, JSON-ready (shares rounded to 4 decimals); `cases` adds the
        disagreements."""
        figures: dict[str, Any] = {
            "articles": self.articles,
            "events": self.events,
            "civilians": {
                "events": self.with_civilians,
                "as_casualty": self.civilians_as_casualty,
                "anywhere": self.civilians_anywhere,
                "casualty_share": _rounded(self.casualty_share),
                "anywhere_share": _rounded(self.anywhere_share),
            },
            "published": _date_dict(self.published),
            "period": _date_dict(self.period),
        }
        if cases:
            figures["disagreements"] = [asdict(d) for d in self.disagreements]
        return figures


@dataclass(frozen=True)
class _Article:
    published: str | None
    records: tuple[Record, ...]


@dataclass(frozen=True)
class _EventResult:
    count: Found | None
    published: Verdict
    period: Verdict | None
    disagreements: tuple[Disagreement, ...]


def load_events(path: str | Path) -> list[PeerEvent]:
    """Read the FA-KES annotation: one event per non-blank JSON line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    numbered = enumerate(lines, start=1)
    return [_event(line, f"{path} line {number}") for number, line in numbered if line.strip()]


def load_ids(path: str | Path) -> set[str]:
    """Article ids listed one a line (blank lines and `#` comments skipped)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return {line.split("#", 1)[0].strip() for line in lines} - {""}


def killed_metrics(taxonomy: Taxonomy) -> frozenset[str]:
    """The taxonomy's metrics of people killed: its casualty metrics read from "kill"."""
    return frozenset(m.key for m in taxonomy.metrics if m.casualties and "kill" in m.verbs)


def check(
    events: Sequence[PeerEvent],
    records: Iterable[Record],
    ledger_articles: Mapping[str, str | None] | None = None,
    killed: frozenset[str] | None = None,
) -> PeerReport:
    """Compare export records with FA-KES's events under the rules of the module docstring.

    `ledger_articles` maps the ledger's article sources to their `published`, so that
    articles without a claim are checked too.
    """
    metrics = killed_metrics(Taxonomy.load()) if killed is None else killed
    articles = _articles(records, ledger_articles or {})
    present = [e for e in events if e.article in articles]
    results = [_check_event(e, articles[e.article], metrics) for e in present]
    counted = [r.count for r in results if r.count is not None]
    return PeerReport(
        articles=len({e.article for e in present}),
        events=len(present),
        with_civilians=len(counted),
        civilians_as_casualty=counted.count("casualty"),
        civilians_anywhere=len(counted) - counted.count("missed"),
        published=_tally(r.published for r in results),
        period=_tally(r.period for r in results if r.period is not None),
        disagreements=tuple(d for r in results for d in r.disagreements),
    )


def is_casualty(record: Record, killed: frozenset[str]) -> bool:
    """Whether an export record counts people killed (rule in the module docstring)."""
    metric = record.get("metric")
    if metric:
        return metric in killed
    return bool(_CASUALTY_WORDS.search(str(record.get("object") or "")))


# --- reading ------------------------------------------------------------------------------


def _event(line: str, where: str) -> PeerEvent:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise PeerFormatError(f"{where} is not JSON: {error.msg}") from None
    if not isinstance(row, dict) or not isinstance(row.get("id"), str):
        raise PeerFormatError(f'{where} has no "id" string')
    civilians = row.get("nb_civilians")
    if isinstance(civilians, bool) or not isinstance(civilians, int):
        raise PeerFormatError(f'{where} has no whole "nb_civilians"')
    when = _fakes_date(row.get("event_date"))
    if when is None:
        raise PeerFormatError(f'{where}: "event_date" is not a M/D/YY date')
    return PeerEvent(row["id"], when, civilians, str(row.get("location") or ""))


def _fakes_date(text: object) -> date | None:
    match = _FAKES_DATE.fullmatch(str(text).strip()) if isinstance(text, str) else None
    if match is None:
        return None
    month, day, year = (int(part) for part in match.groups())
    try:
        return date(2000 + year, month, day)
    except ValueError:
        return None


def _articles(records: Iterable[Record], ledger: Mapping[str, str | None]) -> dict[str, _Article]:
    grouped: dict[str, list[Record]] = {}
    for record in records:
        grouped.setdefault(_article_id(str(record.get("source", ""))), []).append(record)
    dates = {_article_id(source): published for source, published in ledger.items()}
    return {
        name: _Article(
            dates[name] if name in dates else _most_common_date(grouped.get(name, [])),
            tuple(grouped.get(name, [])),
        )
        for name in grouped.keys() | dates.keys()
    }


def _article_id(source: str) -> str:
    name = re.split(r"[/\\]", source)[-1]
    return re.sub(r"\.[A-Za-z0-9]+$", "", name)


def _most_common_date(records: list[Record]) -> str | None:
    dates = Counter(r.get("published") for r in records)
    return dates.most_common(1)[0][0] if dates else None


# --- one event ----------------------------------------------------------------------------


def _check_event(event: PeerEvent, article: _Article, killed: frozenset[str]) -> _EventResult:
    found: list[Disagreement] = []
    count: Found | None = None
    matching: list[Record] = []
    if event.civilians > 0:
        same = [r for r in article.records if values_agree(event.civilians, r.get("value"))]
        matching = [r for r in same if is_casualty(r, killed)]
        count = "casualty" if matching else "other" if same else "missed"
        if count != "casualty":
            found.append(_count_disagreement(event, article.records, same, killed))
    published = _published_verdict(event.event_date, article.published)
    if published == "disagree":
        found.append(_disagreement(event, "published", str(article.published)))
    period = _period_verdict(event.event_date, matching) if matching else None
    if period == "disagree":
        found.append(_disagreement(event, "period", _periods(matching)))
    return _EventResult(count, published, period, tuple(found))


def _published_verdict(event: date, published: object) -> Verdict:
    first, last = _days(published)
    if first is None or last is None:
        return "no_date"
    return "agree" if first <= event + PUBLICATION_LAG and last >= event else "disagree"


def _period_verdict(event: date, claims: list[Record]) -> Verdict:
    spans = [_period(c) for c in claims]
    spans = [s for s in spans if s != (None, None)]
    if not spans:
        return "no_date"
    covered = any((s is None or s <= event) and (e is None or event <= e) for s, e in spans)
    return "agree" if covered else "disagree"


def _period(record: Record) -> Days:
    return _days(record.get("period_start"))[0], _days(record.get("period_end"))[1]


def _days(text: object) -> Days:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD date names; (None, None) else."""
    match = _ISO_DATE.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        return None, None
    year, month, day = match.groups()
    try:
        if day:
            one = date(int(year), int(month), int(day))
            return one, one
        if month:
            last = calendar.monthrange(int(year), int(month))[1]
            return date(int(year), int(month), 1), date(int(year), int(month), last)
        return date(int(year), 1, 1), date(int(year), 12, 31)
    except ValueError:
        return None, None


# --- describing a disagreement ------------------------------------------------------------


def _count_disagreement(
    event: PeerEvent, records: Sequence[Record], same: list[Record], killed: frozenset[str]
) -> Disagreement:
    if same:
        typed = "; ".join(f"{_claim(r)} [{r.get('metric') or 'no metric'}]" for r in same)
        return _disagreement(event, "count_type", typed)
    casualties = [_claim(r) for r in records if is_casualty(r, killed)]
    held = "; ".join(casualties) if casualties else "no casualty claim"
    return _disagreement(event, "count", held)


def _disagreement(event: PeerEvent, kind: str, ledger: str) -> Disagreement:
    if kind.startswith("count"):
        fakes = f"{event.civilians} civilians"
    else:
        fakes = f"event {event.event_date.isoformat()}"
    if event.location:
        fakes += f" ({event.location})"
    return Disagreement(event.article, kind, fakes, ledger)


def _claim(record: Record) -> str:
    return f"{_number(record.get('value'))} {record.get('object') or ''}".strip()


def _periods(claims: list[Record]) -> str:
    spans = {f"{_span(c)}: {_claim(c)}" for c in claims}
    return "; ".join(sorted(spans))


def _span(record: Record) -> str:
    start, end = record.get("period_start"), record.get("period_end")
    return f"{start or 'open'}..{end or 'open'}" if start or end else "no period"


# --- small helpers ------------------------------------------------------------------------


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _tally(verdicts: Iterable[Verdict]) -> DateAgreement:
    counts = Counter(verdicts)
    return DateAgreement(counts["agree"], counts["disagree"], counts["no_date"])


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _date_dict(agreement: DateAgreement) -> dict[str, Any]:
    return asdict(agreement) | {"rate": _rounded(agreement.rate)}
