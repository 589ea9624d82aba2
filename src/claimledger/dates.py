"""Dates named in article text, and the publication date they support.

Only explicit evidence counts. A dateline with a year gives a date. A year-less dateline
("LATAKIA, February 16. /TASS/") or an ambiguous numeric date ("12/09/2017") is resolved
only when the text itself decides it: a weekday named for a statement or an event that
matches exactly one reading, or dated events that rule a reading out. Otherwise the date
stays unknown, with a note saying why. A page timestamp (HTML metadata) that the text
contradicts is not used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimledger.lexicon import Lexicon
from claimledger.models import CleanText, PublicationDate

LEAD = 260  # how much of the text opening is searched for a date line
RECENT_DAYS = 45  # a year-less event date this close before a reading is recent news...
STALE_DAYS = 120  # ...and this far before the other reading rules that reading out
DATELINE_CITY = re.compile(r"[A-Z][A-Z .'()/-]{1,40},?")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    weekday: int | None = None  # named alongside the date ("Thu Dec 1 2016")

    def as_date(self, year: int | None = None) -> dt.date | None:
        try:
            return dt.date(self.year or year or 0, self.month, self.day or 1)
        except ValueError:
            return None


class DateReader:
    """Patterns for one language's month and weekday names."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        month = lexicon.month_pattern()
        weekday = lexicon.alternation([*lexicon.weekdays, *(w[:3] for w in lexicon.weekdays)])
        year = r"(?:19|20)\d\d"
        self.month_first = re.compile(
            rf"\b(?:(?P<wd>{weekday})\.?,?\s+)?(?P<mon>{month})\.?\s+(?P<day>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?(?:,?\s*(?P<year>{year}))?(?!\d)",
            re.IGNORECASE,
        )
        self.day_first = re.compile(
            rf"\b(?:(?P<wd>{weekday})\.?,?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>{month})\b\.?(?:,?\s+(?P<year>{year}))?",
            re.IGNORECASE,
        )
        self.month_year = re.compile(rf"\b(?P<mon>{month})\.?,?\s+(?P<year>{year})\b", re.I)
        self.numeric = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d\d)(?!\d)")
        self.weekday_word = re.compile(rf"\b(?P<wd>{lexicon.alternation(lexicon.weekdays)})\b")
        self.statement_weekday = re.compile(
            rf"\b(?:{lexicon.alternation(lexicon.statement_verbs)})\s+(?:[A-Z][\w-]*\s+){{0,3}}(?:on\s+|late\s+|early\s+)?"
            rf"(?P<wd>{lexicon.alternation(lexicon.weekdays)})\b",
            re.IGNORECASE,
        )

    def mentions(self, text: str) -> Iterator[DateMention]:
        """Dates written with a month name, in text order (overlaps resolved left first)."""
        found: list[DateMention] = []
        for pattern in (self.month_first, self.day_first):
            for match in pattern.finditer(text):
                mention = self._mention(match)
                if mention and not any(_overlap(mention, other) for other in found):
                    found.append(mention)
        yield from sorted(found, key=lambda m: m.start)

    def _mention(self, match: re.Match[str]) -> DateMention | None:
        day = int(match.group("day"))
        if not 1 <= day <= 31:
            return None
        weekday = match.group("wd")
        return DateMention(
            start=match.start(),
            end=match.end(),
            year=int(match.group("year")) if match.group("year") else None,
            month=self.lex.months[match.group("mon").lower().rstrip(".")],
            day=day,
            weekday=self._weekday_index(weekday) if weekday else None,
        )

    def _weekday_index(self, name: str) -> int:
        name = name.lower()
        return next(i for i, w in enumerate(self.lex.weekdays) if w.startswith(name[:3]))

    def weekdays_stated(self, text: str) -> list[int]:
        """Weekdays on which something was said or reported ("said on Tuesday")."""
        return [self._weekday_index(m.group("wd")) for m in self.statement_weekday.finditer(text)]

    # -- publication date ------------------------------------------------------------

    def publication_date(self, clean: CleanText) -> PublicationDate:
        text = clean.text
        lead = text[:LEAD]
        numeric = next(
            (m for m in self.numeric.finditer(lead) if self._is_line(lead, m.start(), m.end())),
            None,
        )
        named = next(
            (m for m in self.mentions(lead) if self._is_line(lead, m.start, m.end, m.year)), None
        )
        if numeric and (named is None or numeric.start() < named.start):
            return self._numeric(numeric, text)
        if named is not None and named.year is not None:
            return self._dated(named, text, "dateline")
        if named is not None:
            return self._yearless(named, text)
        glued = self._glued(lead)
        if glued is not None:
            return glued
        return self._from_page(clean)

    def _years(self, text: str) -> set[int]:
        """Years named as years ("in 2015", "since 2011"), not counts ("2027 militants")."""
        words = self.lex.alternation(self.lex.year_before)
        pattern = rf"\b(?:{words})\s+((?:19|20)\d\d)\b(?![\d,])"
        return {int(year) for year in re.findall(pattern, text, re.IGNORECASE)}

    def _is_line(self, lead: str, start: int, end: int, year: int | None = 0) -> bool:
        """A date line opens the text, or stands alone between a headline and the body
        ("... hometown AFP Sunday 22 Feb 2015 A suicide bomber ...")."""
        return self._opens(lead, start) or (year is not None and _standalone(lead, start, end))

    def _opens(self, lead: str, start: int) -> bool:
        """Whether a date at `start` is a date line: the text's first words, or after a
        label ("Posted on"), an upper-case city ("LATAKIA,") or a line break near the top;
        never an event date inside a sentence ("struck the town on November 20")."""
        before = lead[:start]
        if before.count("\n") > 3:
            return False
        line = before.rsplit("\n", 1)[-1].strip().rstrip(":").strip()
        labels = self.lex.dateline_labels
        labelled = len(line) < 60 and any(line.lower().endswith(" " + x) for x in labels)
        return not line or line.lower() in labels or bool(DATELINE_CITY.fullmatch(line)) or labelled

    def _dated(self, mention: DateMention, text: str, source: str) -> PublicationDate:
        date = mention.as_date()
        if date is None:
            return PublicationDate.unknown(f"'{text[mention.start : mention.end]}' is no date")
        return PublicationDate(
            value=date.isoformat(),
            precision="day",
            source=source,
            evidence=text[mention.start : mention.end],
            note=f"date line '{text[mention.start : mention.end]}'",
        )

    def _numeric(self, match: re.Match[str], text: str) -> PublicationDate:
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        readings = _readings(first, second, year)
        evidence = match.group()
        if not readings:
            return PublicationDate.unknown(f"'{evidence}' is not a valid date either way")
        if len({r for _, r in readings}) == 1:
            date = readings[0][1]
            why = "day and month are equal" if first == second else f"{readings[0][0]} only"
            return _found(date, "dateline", evidence, f"numeric date '{evidence}' ({why})")
        return self._decide(readings, text, evidence)

    def _decide(
        self, readings: list[tuple[str, dt.date]], text: str, evidence: str
    ) -> PublicationDate:
        """Pick the reading of an ambiguous date that the text supports, or abstain."""
        stated = self.weekdays_stated(text)
        later_events = [m for m in self.mentions(text) if m.year]
        scores = []
        for order, date in readings:
            support = sum(1 for w in stated if date.weekday() == w)
            contradicted = any(
                (event_date := m.as_date()) is not None and event_date > date for m in later_events
            )
            scores.append((support - 10 * contradicted, order, date))
        scores.sort(reverse=True)
        (best, order, date), (runner_up, *_rest) = scores[0], scores[1]
        if best > 0 and best > runner_up:
            note = f"'{evidence}' read {order}: a statement's weekday in the text matches"
            return _found(date, "dateline", evidence, note)
        if best == 0 and runner_up < 0:
            note = f"'{evidence}' read {order}: the other reading precedes dated events"
            return _found(date, "dateline", evidence, note)
        if best == runner_up:
            recent = self._recent_reading(readings, text)
            if recent is not None:
                order, date = recent
                note = (
                    f"'{evidence}' read {order}: the events the text dates without a year"
                    f" fall within {RECENT_DAYS} days before it, and long before the other"
                )
                return _found(date, "dateline", evidence, note)
        return PublicationDate.unknown(
            f"'{evidence}' could be day-first or month-first and the text does not decide"
        )

    def _recent_reading(
        self, readings: list[tuple[str, dt.date]], text: str
    ) -> tuple[str, dt.date] | None:
        """The reading under which every year-less event date of the text ("on September
        5") is recent news, when under the other reading some is months old."""
        events = [m for m in self.mentions(text) if m.year is None and m.day]
        if not events:
            return None
        fits = []
        for order, date in readings:
            ages = [_age(m, date) for m in events]
            if all(age is not None and age <= RECENT_DAYS for age in ages):
                fits.append((order, date))
            elif not any(age is not None and age >= STALE_DAYS for age in ages):
                return None  # neither recent nor clearly stale: undecided
        return fits[0] if len(fits) == 1 else None

    def _yearless(self, mention: DateMention, text: str) -> PublicationDate:
        """A dateline without a year: keep it only if exactly one plausible year fits."""
        evidence = text[mention.start : mention.end]
        years = sorted({m.year for m in self.mentions(text) if m.year} | self._years(text))
        if not years:
            return PublicationDate.unknown(f"year-less dateline '{evidence}' and no year in text")
        stated = self.weekdays_stated(text)
        candidates = [
            date
            for year in range(years[-1], years[-1] + 2)
            if (date := mention.as_date(year)) is not None and date.weekday() in stated
        ]
        if len(candidates) == 1:
            note = f"year-less dateline '{evidence}'; only {candidates[0].year} fits the weekday"
            return _found(candidates[0], "dateline", evidence, note)
        return PublicationDate.unknown(
            f"year-less dateline '{evidence}': the text does not fix the year"
        )

    def _glued(self, lead: str) -> PublicationDate | None:
        """'Last updated at Aug 142016': a scrape that lost the space after the day."""
        month = self.lex.month_pattern()
        pattern = rf"\b({month})\.? (\d{{2}})((?:19|20)\d\d)\b"
        match = re.search(pattern, lead, re.IGNORECASE)
        if match is None or not self._opens(lead, match.start()):
            return None
        try:
            mon = self.lex.months[match.group(1).lower()]
            date = dt.date(int(match.group(3)), mon, int(match.group(2)))
        except ValueError:
            return None
        return _found(date, "dateline", match.group(), f"date line '{match.group()}'")

    def _from_page(self, clean: CleanText) -> PublicationDate:
        page = clean.meta("date")
        if not page:
            return PublicationDate.unknown("no date line in the text and no page date")
        try:
            date = dt.date.fromisoformat(page[:10])
        except ValueError:
            return PublicationDate.unknown(f"page date '{page}' is not a date")
        events = [d for m in self.mentions(clean.text) if m.year and (d := m.as_date())]
        if any(event > date for event in events):
            return PublicationDate.unknown(
                f"page date {page} precedes events the text dates: a page timestamp, not"
                " the publication date"
            )
        return _found(date, "html_meta", page, "page metadata date, consistent with the text")


def _age(mention: DateMention, publication: dt.date) -> int | None:
    """Days from a year-less date, read in the year up to `publication`, to that date."""
    for year in (publication.year, publication.year - 1):
        date = mention.as_date(year)
        if date is not None and date <= publication:
            return (publication - date).days
    return None


def _standalone(lead: str, start: int, end: int) -> bool:
    """A full date with no sentence around it: not after a lower-case word ("signed on",
    "dated") and followed by a capitalised word, a figure or a bracket."""
    before = lead[:start].split()
    if before and before[-1].strip(".,;:()")[:1].islower():
        return False
    after = lead[end:].lstrip()
    return bool(after) and (after[0].isupper() or after[0].isdigit() or after[0] == "(")


def _found(date: dt.date, source: str, evidence: str, note: str) -> PublicationDate:
    return PublicationDate(date.isoformat(), "day", source, evidence, note)


def _readings(first: int, second: int, year: int) -> list[tuple[str, dt.date]]:
    out = []
    for order, (day, month) in (("day-first", (first, second)), ("month-first", (second, first))):
        try:
            out.append((order, dt.date(year, month, day)))
        except ValueError:
            continue
    return out


def _overlap(a: DateMention, b: DateMention) -> bool:
    return a.start < b.end and b.start < a.end
