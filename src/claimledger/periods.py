"""Periods: the time span a figure covers, resolved to ISO dates.

Reads the time expressions of a sentence ("from February 10 to 16", "in the past
twenty-four hours", "since September 30, 2015", "since the beginning of the month", "on
Sunday", "in April", "in 2017", "this year") and resolves them against the anchor, the
publication date. Relative expressions without an anchor stay unresolved: no date is
invented. The expression nearest to the figure wins.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import MappingProxyType

from claimledger.dates import DateReader
from claimledger.quantities import Scanner
from claimledger.settings import load_data

Period = tuple[dt.date | None, dt.date | None]
UNIT_DAYS = MappingProxyType(
    {"hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
)


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    period: Period


class PeriodReader:
    def __init__(self, dates: DateReader, scanner: Scanner) -> None:
        self.dates = dates
        self.scanner = scanner
        data = load_data(f"{dates.lex.language}/periods.toml")
        fill = {
            "{month}": dates.lex.month_pattern(),
            "{weekday}": dates.lex.alternation(dates.lex.weekdays),
            "{number}": scanner.number.pattern,
            "{year}": r"(?:19|20)\d\d",
            "{operation}": dates.lex.alternation(data["operation_nouns"]),
        }
        patterns = {name: _compile(raw, fill) for name, raw in data["patterns"].items()}
        self.past = patterns["past"]
        self.past_bare = patterns["past_bare"]
        self.over_days = patterns["over_days"]
        self.month_range = patterns["month_range"]
        self.year_span = patterns["year_span"]
        self.statement_after = patterns["statement_after"]
        self.future_before = patterns["future_before"]
        self.statement_opening = patterns["statement_opening"]
        self.since_start = patterns["since_start"]
        self.since = patterns["since"]
        self.from_to = patterns["from_to"]
        self.from_to_day_first = patterns["from_to_day_first"]
        self.date_pair = patterns["date_pair"]
        self.weekday = patterns["weekday"]
        self.weekday_pair = patterns["weekday_pair"]
        self.weekday_through = patterns["weekday_through"]
        self.relative_statement = patterns["relative_statement"]
        self.background_before = patterns["background_before"]
        self.background_opening = re.compile(data["patterns"]["background_opening"])
        self.statement_goes_on = patterns["statement_goes_on"]
        self.earlier_report = patterns["earlier_report"]
        self.vague_statement = patterns["vague_statement"]
        self.month_in = patterns["month_in"]
        self.month_alone = patterns["month_alone"]
        self.date_of_year = patterns["date_of_year"]
        self.of_year = patterns["of_year"]
        self.future_clause = patterns["future_clause"]
        self.month_edge = patterns["month_edge"]
        self.year_in = patterns["year_in"]
        self.since_event = patterns["since_event"]
        self.since_event_day = patterns["since_event_day"]
        self.operation_start = patterns["operation_start"]
        self.operation_noun = patterns["operation_noun"]
        self.running_since_start = patterns["running_since_start"]
        self.since_clause = patterns["since_clause"]
        self.since_last = patterns["since_last"]
        self.began_then_since = patterns["began_then_since"]
        self.statement_before = patterns["statement_before"]
        self.conflict_began = patterns["conflict_began"]
        self.limit_before = patterns["limit_before"]
        self.limit_after = patterns["limit_after"]
        self.dateline_before = patterns["dateline_before"]
        self.dateline_after = patterns["dateline_after"]
        self.ago = patterns["ago"]
        self.ahead = patterns["ahead"]
        self.named_after_date = re.compile(data["patterns"]["named_after_date"])
        self.relative_kinds: dict[str, str] = dict(data["relative"])
        self.nth_day = patterns["nth_day"]
        self.ordinals: dict[str, int] = dict(data["ordinals"])
        inheritance = data["inheritance"]
        self.other_time_openers = tuple(inheritance["other_time_openers"])
        self.other_time_phrases = re.compile(
            rf"\b(?:{dates.lex.alternation(inheritance['other_time_phrases'])})\b", re.IGNORECASE
        )
        self.conflict_scope = frozenset(inheritance["conflict_scope"])
        self.perfect_auxiliaries = frozenset(inheritance["perfect_auxiliaries"])
        self.present_perfect = frozenset(inheritance["present_perfect_auxiliaries"])
        self.past_perfect = frozenset(inheritance["past_perfect_auxiliaries"])
        self.referring_nouns = frozenset(inheritance["referring_nouns"])
        self.lead_reach = int(inheritance["lead_reach"])
        self.running_reach = int(inheritance["running_reach"])
        self.since_then_reach = int(inheritance["since_then_reach"])
        self.statement_reach = int(inheritance["statement_reach"])
        self.quote_reach = int(inheritance["quote_reach"])
        phrases = dates.lex.alternation(self.relative_kinds)
        self.relative = re.compile(rf"\b(?P<rel>{phrases})\b", re.IGNORECASE)

    def expression(
        self,
        sentence: str,
        figure_at: int,
        anchor: dt.date | None,
        skip: int = 0,
        nearby: dt.date | None = None,
        unanchored: bool = False,
    ) -> TimeExpression | None:
        """The time expression nearest to `figure_at` (an offset into `sentence`);
        expressions starting before `skip` (the date line) are not periods. Relative
        expressions count back from the day of the statement when the sentence gives it
        ("in the last 48 hours, sources said on Friday"), else spans "since ..." and "in
        the past N days" from `nearby` (the statement day a neighbouring sentence gives),
        else from the anchor; not at all when `unanchored` (a statement dated only
        vaguely) and the sentence gives no day. A limit ("by 30 June 2014") is no period."""
        stated = self.statement_day(sentence, anchor)
        counted_back = not unanchored or stated is not None
        found = [
            e
            for e in self.expressions(sentence, anchor, stated, nearby, counted_back)
            if e.start >= skip and not self._limit(sentence, e)
        ]
        if not found:
            return None
        return self._nth_day(sentence, min(found, key=lambda e: _distance(e, figure_at)))

    def _nth_day(self, sentence: str, expression: TimeExpression) -> TimeExpression:
        """A day "in a second day of renewed bombing that has killed 32" ends a span of
        that many days; without the perfect ("20 killed in the second day of shelling")
        the figure is that day's."""
        start, end = expression.period
        nth = self.nth_day.search(sentence)
        if nth is None or start is None or start != end:
            return expression
        if not self.perfect_auxiliaries & set(sentence[nth.end() :].lower().split()):
            return expression
        days = self.ordinals[nth.group("nth").lower()] - 1
        return TimeExpression(
            expression.start, expression.end, (start - dt.timedelta(days=days), end)
        )

    def events(
        self,
        text: str,
        anchor: dt.date | None,
        skip: int = 0,
        starts: list[TimeExpression] | None = None,
    ) -> list[TimeExpression]:
        """Dated events of the article in text order: of its `starts` (read when not
        given), those naming one day or two adjacent days ("on Sunday", "late Saturday
        and early Sunday", "overnight"), less the dates of causes ("a response to ... on
        Tuesday")."""
        return [
            e
            for e in (self.starts(text, anchor, skip) if starts is None else starts)
            if e.period[0] is not None
            and e.period[1] is not None
            and (e.period[1] - e.period[0]).days <= 1
            and not self._background(text, e)
        ]

    def _background(self, text: str, expression: TimeExpression) -> bool:
        """Whether a day dates a cause the text gives ("a response to the alleged chemical
        weapon use in Idlib on Tuesday"), not a sentence opening with it ("In retaliation
        for the attack the US struck the airbase on Thursday")."""
        window = max(0, expression.start - 120)
        cause = self.background_before.search(text[window : expression.start])
        if cause is None:
            return False
        before = text[max(0, window + cause.start() - 10) : window + cause.start()]
        return self.background_opening.search(before) is None

    def _limit(self, text: str, expression: TimeExpression) -> bool:
        """Whether a day names a limit ("by 15 March 2014", "a February 5 2014 deadline") or
        a report's dateline ("MOSCOW October 18 (RIA Novosti) -"), not the day something
        happened."""
        before = text[max(0, expression.start - 40) : expression.start]
        dated = any(c.isdigit() for c in text[expression.start : expression.end])
        dateline = (
            dated
            and self.dateline_before.search(before)
            and self.dateline_after.match(text, expression.end)
        )
        return bool(
            self.limit_before.search(before)
            or self.limit_after.match(text, expression.end)
            or dateline
        )

    def starts_operation(self, text: str, expression: TimeExpression) -> bool:
        """Whether a day dates the start of an operation that goes on ("Rebels launched a
        counter-attack a week ago", "began on 2 June a wide military operation")."""
        before = text[max(0, expression.start - 100) : expression.start]
        verb = self.operation_start.search(before)
        if verb is None:
            return False
        after = text[expression.end : expression.end + 60].split(".")[0]
        return bool(
            self.operation_noun.search(before[verb.start() :]) or self.operation_noun.search(after)
        )

    def starts(self, text: str, anchor: dt.date | None, skip: int = 0) -> list[TimeExpression]:
        """Every time expression of the text after `skip` that starts on a known day, in
        text order, less limits ("by Friday"): where "since then" may start ("since early
        2011 ... Since then"), and the candidates for events."""
        starts = [
            e
            for e in self.expressions(text, anchor)
            if e.start >= skip and e.period[0] is not None and not self._limit(text, e)
        ]
        return sorted(starts, key=lambda e: e.start)

    def running(self, text: str, anchor: dt.date | None, skip: int = 0) -> list[TimeExpression]:
        """Spans that run from a dated start to the statement ("have intensified since
        rebels launched a campaign on July 31"), in text order: a running total told in
        the perfect right after one covers the same span."""
        found = [e for e in self._since(text, anchor) if e.start >= skip and e.period[0]]
        return sorted(found, key=lambda e: e.start)

    def conflict_start(self, text: str, anchor: dt.date | None) -> TimeExpression | None:
        """Where the text dates the start of the whole conflict ("the crisis began in
        March 2011"): the earliest of the most precise dates given ("March 2011" over
        "2011"), as an expression whose period is that one day."""
        found = []
        for m in self.conflict_began.finditer(text):
            rest = text[m.end() : m.end() + 40]
            date = self._date_at(rest, anchor)
            if date is not None:
                year_only = re.fullmatch(r"(?:19|20)\d\d", rest[: date[1]].strip()) is not None
                end = m.end() + date[1]
                found.append((year_only, date[0], m.start(), end))
        if not found:
            return None
        _, day, start, end = min(found)
        return TimeExpression(start, end, (day, day))

    def expressions(
        self,
        text: str,
        anchor: dt.date | None,
        stated: dt.date | None = None,
        nearby: dt.date | None = None,
        counted_back: bool = True,
    ) -> Iterator[TimeExpression]:
        """Time expressions of `text` resolved against the anchor; spans counted back
        ("in the past 48 hours", "since Sunday", "yesterday", "three days ago") end on the
        day `stated` when given; spans "since ..." and "in the past N days" also on the
        day `nearby` (a neighbouring sentence's statement day). Without `counted_back`
        (the day they count from is not known) they are found but left unresolved: no
        dates, or only the start of "since ..." ."""
        taken: list[tuple[int, int]] = []
        from_statement = (self._since, self._past, self._relative, self._ahead, self._ago)
        spans = (self._since, self._past, self._ahead)
        readers: list[Callable[[str, dt.date | None], Iterator[TimeExpression]]] = [
            self._month_range,
            self._from_to,
            self._month_edge,
            self._since,
            self._past,
            self._ahead,
            self._dated,
            self._month,
            self._year,
            self._year_span,
            self._relative,
            self._ago,
            self._weekday,
        ]
        for reader in readers:
            day = stated or (nearby if reader in spans else None)
            for expression in reader(text, (day or anchor) if reader in from_statement else anchor):
                if any(s < expression.end and expression.start < e for s, e in taken):
                    continue
                taken.append((expression.start, expression.end))
                if reader in from_statement and not counted_back:
                    start = expression.period[0] if reader == self._since else None
                    expression = TimeExpression(expression.start, expression.end, (start, None))
                yield expression

    def _from_to(self, text: str, anchor: dt.date | None) -> Iterator[TimeExpression]:
        pairs = self.date_pair.finditer(text)
        for m in [*self.from_to.finditer(text), *self.from_to_day_first.finditer(text), *pairs]:
            parts = m.groupdict()
            months = self.dates.lex.months
            month = months[parts["mon"].lower()]
            second_month = months[(parts.get("mon2") or parts["mon"]).lower()]
            d1, d2 = int(parts["d1"]), int(parts["d2"])
            if m.re is self.date_pair and not parts.get("mon2") and d2 != d1 + 1:
                continue  # "on March 3 and 12 more": a count, not a second day
            if parts["year"]:
                year = int(parts["year"])
                first_year = int(parts["year1"]) if parts.get("year1") else year
                if not parts.get("year1") and (month, d1) > (second_month, d2):
                    first_year = year - 1  # "from December 28 to January 3, 2016"
                first, second = _date(first_year, month, d1), _date(year, second_month, d2)
            else:  # no year: the start is the last such day up to the anchor
                first = _resolve(None, month, d1, anchor)
                late = first is not None and (second_month, d2) < (month, d1)
                second = _date(first.year + late, second_month, d2) if first else None
            if first and second and first <= second:
                yield TimeExpression(m.start(), m.end(), (first, second))

    def _month_range(self, text: str, anchor: dt.date | None) -> Iterator[TimeExpression]:
        months = self.dates.lex.months
        for m in self.month_range.finditer(text):
            first = dt.date(int(m.group("year")), months[m.group("mon").lower()], 1)
            last_month = months[m.group("mon2").lower()]
            year = int(m.group("year2"))
            last = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
            if first <= last:
                yield TimeExpression(m.start(), m.end(), (first, last))

    def _past(self, text: str, anchor: dt.date | None) -> Iterator[TimeExpression]:
        bare = [m for m in self.past_bare.finditer(text) if m.group("n") or not m.group("plural")]
        days_in = [
            m
            for m in self.over_days.finditer(text)
            if m.group().lower().startswith("over")
            or not self.future_clause.search(text, _clause_start(text, m.start()), m.start())
        ]
        for m in [*self.past.finditer(text), *bare, *days_in]:
            if anchor is None:
                continue
            days = max(1, round(self._days(m)))
            if m.re is self.over_days:  # "over two days": two calendar days, the last one too
                days = max(1, days - 1)
            start = anchor - dt.timedelta(days=days)
            if m.group("unit").lower() in ("month", "year"):  # the same day, months back
                start = _months_back(anchor, round(days / UNIT_DAYS["month"]))
            yield TimeExpression(m.start(), m.end(), (start, anchor))

    def _since(self, text: str, anchor: dt.date | None) -> Iterator[TimeExpression]:
        for m in self.since_start.finditer(text):
            if anchor is not None:
                year, unit = m.group("year"), (m.group("unit") or "").lower()
                start = (
                    {
                        "week": anchor - dt.timedelta(days=anchor.weekday()),
                        "month": anchor.replace(day=1),
                        "year": anchor.replace(month=1, day=1),
                    }[unit]
                    if unit
                    else dt.date(int(year), 1, 1)
                )
                if start <= anchor:
                    yield TimeExpression(m.start(), m.end(), (start, anchor))
        for m in [*self.since_event.finditer(text), *self.since_clause.finditer(text)]:
            event = self._date_at(text[m.end() : m.end() + 40], anchor)
            if event is not None and (anchor is None or event[0] <= anchor):
                yield TimeExpression(m.start(), m.end() + event[1], (event[0], anchor))
        for m in self.since_event_day.finditer(text):  # "since a truce collapsed Monday"
            weekday = self.weekday.match(text, m.end())
            if weekday is not None and anchor is not None:
                day = self._weekday_date(weekday.group("wd"), anchor)
                yield TimeExpression(m.start(), weekday.end(), (day, anchor))
        for m in self.since_last.finditer(text):
            kind = self.relative_kinds.get(" ".join(m.group("rel").lower().split()))
            began = _relative(kind, anchor)[0] if kind and anchor else None
            if began is not None:
                yield TimeExpression(m.start(), m.end(), (began, anchor))
        for m in self.began_then_since.finditer(text):  # "began in 2011 and has since killed"
            event = self._date_at(m.group("rest"), anchor)
            if event is not None:
                yield TimeExpression(m.start(), m.end(), (event[0], anchor))
        for m in self.since.finditer(text):
            rest = text[m.end() : m.end() + 40]
            weekday = self.weekday.match(rest)
            if weekday is not None and anchor is not None:
                day = self._weekday_date(weekday.group("wd"), anchor)
                yield TimeExpression(m.start(), m.end() + weekday.end(), (day, anchor))
                continue
            since = self._date_at(rest, anchor)
            if since is not None:
                yield TimeExpression(m.start(), m.end() + since[1], (since[0], anchor))

    def _date_at(self, text: str, anchor: dt.date | None) -> tuple[dt.date, int] | None:
        """A date written at the very start of `text` (a day, a month and year, a year, or
        a month alone: the last one up to the anchor), and where it ends."""
        mention = next(iter(self.dates.mentions(text)), None)
        if mention is not None and mention.start == 0:
            date = _resolve(mention.year, mention.month, mention.day or 1, anchor)
            return (date, mention.end) if date else None
        month_year = self.dates.month_year.match(text)
        if month_year:
            month = self.dates.lex.months[month_year.group("mon").lower().rstrip(".")]
            return dt.date(int(month_year.group("year")), month, 1), month_year.end()
        year = re.match(r"(?:19|20)\d\d\b", text)
        if year:
            return dt.date(int(year.group()), 1, 1), year.end()
        alone = self.month_alone.match(text)  # "since April": the last April
        if alone and anchor is not None:
            number = self.dates.lex.months[alone.group("mon").lower()]
            return dt.date(anchor.year - (number > anchor.month), number, 1), alone.end()
        return None

    def _dated(self, text: str, anchor: dt.date | None) -> Iterator[TimeExpression]:
        for mention in self.dates.mentions(text):
            if self.named_after_date.match(text, mention.end):
                continue  # "April 7th Street", "October 6 Bridge": a name, not a date
            year, end = mention.year, mention.end
            of_year = self.of_year.match(text, mention.end)
            if year is None and of_year and anchor is not None:  # "Sept. 30 of last year"
                year = anchor.year + {"last": -1, "this": 0, "next": 1}[of_year["rel"].lower()]
                end = of_year.end()
            date = _resolve(year, mention.month, mention.day or 1, anchor)
            if date is not None:
                yield TimeExpression(mention.start, end, (date, date))

    def _month_edge(self, text: str, anchor: dt.date | None) -> Iterator[TimeExpression]:
        """The first or last days of a month: "in the last 12 days of September"."""
        for m in self.month_edge.finditer(text):
            month = self.dates.lex.months[m.group("mon").lower()]
            first = _resolve(int(m.group("year")) if m.group("year") else None, month, 1, anchor)
            number = self.scanner.number.match(m.group("n"))
            days = int(self.scanner.value_of(number) or 0) if number else 0
            if first is None or not 0 < days <= 31:
                continue
            if m.group("edge").lower() == "last":
                last = first.replace(day=calendar.monthrange(first.year, month)[1])
                first = last - dt.timedelta(days=days - 1)
                if anchor is not None and first > anchor and not m.group("year"):
                    first, last = (
                        first.replace(year=first.year - 1),
                        last.replace(year=last.year - 1),
                    )
            else:
                last = first + dt.timedelta(days=days - 1)
            if anchor is not None and first <= anchor < last:
                last = anchor  # not over yet: up to the statement
            yield TimeExpression(m.start(), m.end(), (first, last))

    def _month(self, text: str, anchor: dt.date | None) -> Iterator[TimeExpression]:
        for m in self.month_in.finditer(text):
            month = self.dates.lex.months[m.group("mon").lower()]
            start = _resolve(int(m.group("year")) if m.group("year") else None, month, 1, anchor)
            if start is not None:
                end = start.replace(day=calendar.monthrange(start.year, month)[1])
                if anchor is not None and start <= anchor < end:
                    end = anchor  # the current month: up to the statement
                yield TimeExpression(m.start(), m.end(), (start, end))

    def _year(self, text: str, anchor: dt.date | None) -> Iterator[TimeExpression]:
        for m in self.year_in.finditer(text):
            year, last = int(m.group("year")), int(m.group("year2") or m.group("year"))
            if last >= year:
                yield TimeExpression(
                    m.start(), m.end(), (dt.date(year, 1, 1), dt.date(last, 12, 31))
                )

    def _year_span(self, text: str, anchor: dt.date | None) -> Iterator[TimeExpression]:
        for m in self.year_span.finditer(text):
            year = int(m.group("year"))
            last = year - year % 100 + int(m.group("yy"))
            if year < last <= year + 10:  # "1950-52"; not "2016-03" (a month)
                yield TimeExpression(
                    m.start(), m.end(), (dt.date(year, 1, 1), dt.date(last, 12, 31))
                )

    def _relative(self, text: str, anchor: dt.date | None) -> Iterator[TimeExpression]:
        if anchor is None:
            return
        for m in self.relative.finditer(text):
            opening = _clause_start(text, m.start()) == m.start()
            if opening and self.relative_statement.match(text, m.end()):
                continue  # "Last month the Observatory said ...": when it was said
            if self.date_of_year.search(text, max(0, m.start() - 20), m.start()):
                continue  # "on Sept. 30 of last year": the year of that day, not a span
            if self.statement_before.search(text, max(0, m.start() - 45), m.start()):
                continue  # "said earlier in the day that ...": when it was said
            kind = self.relative_kinds[m.group("rel").lower()]
            yield TimeExpression(m.start(), m.end(), _relative(kind, anchor))

    def _ahead(self, text: str, anchor: dt.date | None) -> Iterator[TimeExpression]:
        """A span ahead of the statement: "over the next 60 days"."""
        if anchor is None:
            return
        for m in self.ahead.finditer(text):
            if m.group("plural") and not m.group("n"):
                continue  # "in the coming weeks": no span the text gives
            ahead = dt.timedelta(days=round(self._days(m)))
            yield TimeExpression(m.start(), m.end(), (anchor, anchor + ahead))

    def _ago(self, text: str, anchor: dt.date | None) -> Iterator[TimeExpression]:
        """One day counted back from the statement: "three days ago", "a week ago"."""
        if anchor is None:
            return
        for m in self.ago.finditer(text):
            day = anchor - dt.timedelta(days=round(self._days(m)))
            yield TimeExpression(m.start(), m.end(), (day, day))

    def _days(self, m: re.Match[str]) -> float:
        """The days "N units" stands for ("48 hours", "two weeks"); no number, one unit."""
        number = self.scanner.number.match(m.group("n") or "")
        count = (self.scanner.value_of(number) if number else None) or 1.0
        return count * UNIT_DAYS[m.group("unit").lower()]

    def _weekday(self, text: str, anchor: dt.date | None) -> Iterator[TimeExpression]:
        """Event weekdays ("on Sunday", "late Saturday and early Sunday"); the weekday of a
        statement ("said on Tuesday") dates the statement, not the figure."""
        if anchor is None:
            return
        for m in [*self.weekday_pair.finditer(text), *self.weekday_through.finditer(text)]:
            second = self._weekday_date(m.group("wd2"), anchor)
            first = self._weekday_date(m.group("wd"), second)  # the day before, or earlier
            yield TimeExpression(m.start(), m.end(), (first, second))
        for m in self.weekday.finditer(text):
            if self.future_before.search(text[max(0, m.start() - 30) : m.start()]):
                continue  # "a ceasefire starting on Monday": a coming day
            if not self._states(text, m):
                date = self._weekday_date(m.group("wd"), anchor)
                yield TimeExpression(m.start(), m.end(), (date, date))

    def _states(self, text: str, weekday: re.Match[str]) -> bool:
        """Whether a weekday dates a statement ("said on Tuesday", "On Sunday a monitor
        said", "had on Saturday accused") rather than an event."""
        opening = self.statement_opening.match(text, _clause_start(text, weekday.start()))
        return bool(
            self.statement_before.search(text[max(0, weekday.start() - 45) : weekday.start()])
            or self.statement_after.match(text, weekday.end())
            or (opening and opening.start("wd") == weekday.start("wd"))
        )

    def statement_day(self, sentence: str, anchor: dt.date | None) -> dt.date | None:
        """The day of the statement the sentence reports, when it names the weekday."""
        if anchor is None:
            return None
        pairs = [m.span() for m in self.weekday_pair.finditer(sentence)]
        for m in self.weekday.finditer(sentence):
            in_pair = any(s <= m.start() < e for s, e in pairs)  # "late Saturday and early Sunday"
            if not in_pair and self._states(sentence, m):
                return self._weekday_date(m.group("wd"), anchor)
        return None

    def statement_day_near(
        self, text: str, start: int, end: int, anchor: dt.date | None
    ) -> dt.date | None:
        """The statement day of the sentences around text[start:end], nearest first: the
        sentence before, the one after when it goes on with the same statement ("In a
        Sunday statement ..."), then further back up to `statement_reach`."""
        if anchor is None:
            return None
        spans = _sentence_spans(text, max(0, start - 600), start)[-self.statement_reach - 1 :]
        earlier = [text[a:b] for a, b in reversed(spans) if a < b]
        after = SENTENCE_END.search(text, end + 1)
        later = text[end : after.end() if after else len(text)]
        goes_on = [later] if self.statement_goes_on.match(later) else []
        for sentence in [*earlier[:1], *goes_on, *earlier[1:]]:
            day = self.statement_day(sentence, anchor)
            if day is not None:
                return day
        return None

    def last_before(
        self, text: str, sentence_start: int, anchor: dt.date | None, skip: int = 0
    ) -> TimeExpression | None:
        """The last time expression of the sentence before offset `sentence_start`, with
        offsets into `text`, not in the date line: the date of the event a sentence
        points back to ("... was used in Eastern Ghouta in 2013. The United States
        accused Damascus of that attack which it estimates killed 1429 people")."""
        spans = _sentence_spans(text, max(skip, sentence_start - 600), sentence_start)
        starts = [a for a, b in spans if text[a:b].strip()]
        if not starts:
            return None
        previous = starts[-1]
        found = list(self.expressions(text[previous:sentence_start], anchor))
        if not found:
            return None
        last = max(found, key=lambda e: e.start)
        return TimeExpression(previous + last.start, previous + last.end, last.period)

    def vaguely_stated(self, text: str, start: int, end: int) -> bool:
        """Whether the sentence text[start:end] belongs to a statement the text dates only
        vaguely: it says so itself ("Military sources announced earlier this month that
        ..."), or it is a quote going on with one that does ('"..." they added', '"..."
        the sources went on to say'). Nothing to count back from. Looks back over quotes,
        at most `quote_reach` sentences, stopping at the first sentence that is none."""
        if self.vague_statement.search(text, start, end):
            return True
        spans = _sentence_spans(text, max(0, start - 2000), start)[-self.quote_reach - 1 :]
        sentences = [text[a:b] for a, b in spans if text[a:b].strip()]
        if not OPENING_QUOTE.match(text, start):
            return False
        for sentence in reversed(sentences):
            if self.vague_statement.search(sentence):
                return True
            if not OPENING_QUOTE.match(sentence):
                return False
        return False
        return False

    def _weekday_date(self, name: str, anchor: dt.date) -> dt.date:
        """The latest date on or before the anchor that falls on the weekday."""
        index = next(i for i, w in enumerate(self.dates.lex.weekdays) if w == name.lower())
        return anchor - dt.timedelta(days=(anchor.weekday() - index) % 7)


def _clause_start(text: str, at: int) -> int:
    """Where the sentence holding offset `at` starts: after the last sentence end or line
    break before it (its opening words say whether a weekday dates a statement)."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, max(0, at - 300), at)]
    return ends[-1] if ends else max(0, text.rfind("\n", 0, at) + 1)


OPENING_QUOTE = re.compile(r"\s*[\"“]")
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+|\n")


def _relative(kind: str, anchor: dt.date) -> Period:
    """The span a kind of relative phrase stands for, counted back from the anchor."""
    day = dt.timedelta(days=1)
    first_of_month = anchor.replace(day=1)
    previous_month_end = first_of_month - day
    spans: dict[str, Period] = {
        "this_year": (anchor.replace(month=1, day=1), anchor),
        "last_year": (dt.date(anchor.year - 1, 1, 1), dt.date(anchor.year - 1, 12, 31)),
        "this_month": (first_of_month, anchor),
        "last_month": (previous_month_end.replace(day=1), previous_month_end),
        "past_week": (anchor - 7 * day, anchor),
        "this_week": (anchor - anchor.weekday() * day, anchor),
        "weekend": _weekend(anchor),
        "yesterday": (anchor - day, anchor - day),
        "overnight": (anchor - day, anchor),
        "so_far": (None, anchor),
    }
    return spans.get(kind, (anchor, anchor))


def _compile(raw: str, fill: dict[str, str]) -> re.Pattern[str]:
    for placeholder, pattern in fill.items():
        raw = raw.replace(placeholder, pattern)
    return re.compile(raw, re.IGNORECASE)


def _sentence_spans(text: str, lowest: int, start: int) -> list[tuple[int, int]]:
    """The sentences between offsets `lowest` and `start` as (start, end) spans in text
    order, the first cut at `lowest`, empty ones kept (a sentence end right at `start`)."""
    ends = (m.end() for m in SENTENCE_END.finditer(text, lowest, start))
    return list(itertools.pairwise([lowest, *ends, start]))


def _months_back(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months before (the month's last day when shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _weekend(anchor: dt.date) -> Period:
    sunday = anchor - dt.timedelta(days=(anchor.weekday() - 6) % 7)
    return sunday - dt.timedelta(days=1), sunday


def _resolve(year: int | None, month: int, day: int, anchor: dt.date | None) -> dt.date | None:
    """A date from its parts; a missing year is the anchor's, or the one before if later."""
    if year is None:
        if anchor is None:
            return None
        date = _date(anchor.year, month, day)
        if date is not None and date > anchor + dt.timedelta(days=1):
            date = _date(anchor.year - 1, month, day)
        return date
    return _date(year, month, day)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _distance(expression: TimeExpression, offset: int) -> int:
    if expression.start <= offset < expression.end:
        return 0
    return min(abs(expression.start - offset), abs(expression.end - offset))
