"""Claims: from an analysed article to attributed quantitative claims.

For each quantity the scanner finds, the parse decides whether it asserts something about
the world (bare years, "one" as a pronoun and figures inside dates are dropped), what it
counts (the object noun phrase), which metric that is, who said it (attribution), for which
period (resolved against the publication date) and which places the sentence names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from claimledger.attribution import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    QUOTES,
    Attributor,
    Speaker,
    join_tokens,
)
from claimledger.lexicon import Lexicon
from claimledger.models import Article, Claim, Evidence, PeriodSource, Place, stable_id
from claimledger.periods import SENTENCE_END, Period, PeriodReader, TimeExpression
from claimledger.places import Gazetteer
from claimledger.quantities import Quantity, Scanner
from claimledger.speakers import Aliases, SpeakerNames
from claimledger.taxonomy import Taxonomy
from claimledger.units import UnitCatalog

OBJECT_DEPS = frozenset({"compound", "amod", "nmod"})
LENGTH_UNITS = frozenset({"km", "mi", "m"})
BASED = re.compile(r"[- ]based\b")
EVENT_ADJECTIVES = frozenset(
    {"dead", "killed", "wounded", "injured", "missing", "displaced", "hurt"}
)
LEAD_NEWS_DAYS = 7
TIMELESS_METRICS = frozenset({"population"})
RESTATED_REACH = 1500  # characters: a figure said again close after it was first given
PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj", "acl"})  # a participle's clause
SKIP_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})


@dataclass(frozen=True)
class _Timeline:
    """What an article's text says about time: the anchor (publication date), where the
    date line ends, the events it dates, its spans running from a dated start to the
    statement ("since rebels launched a campaign on July 31"), every time it gives that
    starts on a known day, and the day its conflict began."""

    text: str
    anchor: dt.date | None
    skip: int
    events: tuple[TimeExpression, ...]
    running: tuple[TimeExpression, ...]
    starts: tuple[TimeExpression, ...]
    conflict: TimeExpression | None

    def words(self, expression: TimeExpression) -> str:
        return self.text[expression.start : expression.end]


class _Found(NamedTuple):
    claim: Claim
    sentence: int  # start offset of the claim's sentence
    carried: bool = False  # dated by an event the text dates elsewhere
    previous: int = -1  # start offset of the sentence before, -1 for none
    breakdown: str = ""  # "toll" or "figure": the sentence breaks down one before it
    other_time: bool = False  # the sentence tells of another time ("Earlier, ...")
    happened: bool = False  # the figure counts something that happened, not a state
    toll: bool = False  # a whole conflict's toll ("the war has killed 270,000")


@dataclass(frozen=True)
class Extractor:
    """Everything claim extraction needs, built once per run and passed down."""

    lexicon: Lexicon
    scanner: Scanner
    periods: PeriodReader
    gazetteer: Gazetteer
    taxonomy: Taxonomy
    units: UnitCatalog
    aliases: Aliases

    def extract(self, article: Article, doc: Any) -> tuple[Claim, ...]:
        attributor = Attributor(self.lexicon, doc, article.text, self.gazetteer.only_places)
        names = SpeakerNames(self.lexicon, doc, article.text, self.gazetteer, self.aliases)
        timeline = self._timeline(article)
        found: list[_Found] = []
        quantities = self.scanner.scan(article.text)
        for index, quantity in enumerate(quantities):
            span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
            if span is None or all(t.is_space for t in span):
                continue  # a sentence the focus left unparsed: a year, no figure
            if not self._is_claim(quantity, span):
                continue
            unit = self._unit(quantity, span, quantities[:index])
            who = _speaker(attributor, names, span.sent, quantity.start)
            claim = self._claim(article, quantity, unit, span, who, timeline)
            found.append(self._dated(claim, span.sent, timeline))
        return tuple(_restated(_same_account(self._breakdowns(_share_in_sentence(found)))))

    def _timeline(self, article: Article) -> _Timeline:
        anchor, skip = _anchor(article), _dateline_end(article)
        starts = self.periods.starts(article.text, anchor, skip)
        return _Timeline(
            text=article.text,
            anchor=anchor,
            skip=skip,
            events=tuple(self.periods.events(article.text, anchor, skip, starts)),
            running=tuple(self.periods.running(article.text, anchor, skip)),
            starts=tuple(starts),
            conflict=self.periods.conflict_start(article.text, anchor),
        )

    def _dated(self, claim: Claim, sent: Any, timeline: _Timeline) -> _Found:
        """The claim with the period its context gives: "since then" starts at the last
        date given before it; when its sentence gives none, a conflict's toll spans the
        conflict and an event's figure takes the event's date."""
        previous = sent.doc[sent.start - 1].sent.start_char if sent.start > 0 else -1
        breakdown = self._breakdown(sent)
        token = _token_at(sent, claim.evidence.start)
        happened = self._is_event(claim, self._eventful(sent, token))
        happened = happened and not self._state(sent, claim, token)
        where = _Found(
            claim, sent.start_char, False, previous, breakdown, self._other_time(sent), happened
        )
        if self._since_then(claim):
            return where._replace(claim=self._from_last_date(claim, timeline))
        if self._conflict_toll(sent, token):
            return where._replace(claim=_over_conflict(claim, timeline), toll=True)
        dated = self._dated_by_event(claim, sent, timeline, token, happened)
        return where._replace(claim=dated, carried=dated is not claim)

    def _breakdown(self, sent: Any) -> str:
        """What a sentence opens a breakdown of: "toll" ("The toll includes ...", "The
        dead included ..."), "figure" ("Of them ...") or nothing."""
        opening = " ".join(sent.text[:60].lower().split()) + " "
        kinds = (("toll", self.lexicon.toll_openers), ("figure", self.lexicon.breakdown_openers))
        return next(
            (k for k, words in kinds if any(opening.startswith(w + " ") for w in words)), ""
        )

    def _breakdowns(self, found: list[_Found]) -> list[_Found]:
        """A sentence that breaks down a figure of the sentence just before it ("Another
        327 civilians have been killed ... The toll includes 126 people killed by
        opposition shelling") shares that figure's period when it gives none of its own:
        the first dated casualty figure of the sentence before for a toll ("The dead
        included 4 children") or a casualty figure, else its first dated figure."""
        by_sentence: dict[int, list[Claim]] = {}
        for f in found:
            by_sentence.setdefault(f.sentence, []).append(f.claim)
        out = []
        for f in found:
            dated = [c for c in by_sentence.get(f.previous, []) if c.period_start or c.period_end]
            toll = [c for c in dated if self.taxonomy.casualties(c.metric)]
            casualties = f.breakdown == "toll" or self.taxonomy.casualties(f.claim.metric)
            sources = toll if casualties else toll or dated
            if f.breakdown and sources and _open(f.claim):
                f = f._replace(claim=_period_of(f.claim, sources[0]))
            out.append(f)
        return out

    def _since_then(self, claim: Claim) -> bool:
        words = (claim.period_evidence or "").lower()
        return claim.period_start is None and self.periods.relative_kinds.get(words) == "so_far"

    def _from_last_date(self, claim: Claim, timeline: _Timeline) -> Claim:
        """ "Since then" runs from the last date the text gave close before it ("began its
        air campaign on Sept. 30 of last year. ... Since then more than 10 million were
        displaced")."""
        last = _last_before(timeline.starts, claim.evidence.start, self.periods.since_then_reach)
        if last is None:
            return claim
        start = last.period[0]
        words = f"{claim.period_evidence} ({timeline.words(last)})"
        return replace(
            claim,
            period_start=start.isoformat() if start else None,
            period_source="event",
            period_evidence=words,
        )

    def _eventful(self, sent: Any, token: Any = None) -> bool:
        """Whether a sentence tells of something that happened (killed, struck, destroyed),
        or the figure at `token` is what an event noun's clause counts ("The victims ...
        included at least 20 children", "the downing of the helicopter which was carrying
        three crew"; not "the casualties were taken to a hospital with 40 beds")."""
        verbs = self.lexicon.event_verbs
        if any(t.lemma_.lower() in verbs or t.lower_ in EVENT_ADJECTIVES for t in sent):
            return True
        verb = _clause_verb(token) if token is not None else None
        counted = token.head if token is not None and token.dep_ == "nummod" else token
        if verb is None or counted is None or counted.head != verb:
            return False
        clauses = [verb, *verb.ancestors]  # "The victims were ... it said and included"
        subjects = [c for v in clauses for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(t.lower_ in self.lexicon.event_nouns for t in [*subjects, *clauses])

    def _is_event(self, claim: Claim, eventful: bool) -> bool:
        """A figure about something that happened, not a state (a population, the size of
        a coalition): a metric that is not cumulative, in a sentence that tells of events."""
        if self.taxonomy.aggregation(claim.metric) == "cumulative":
            return False
        if claim.metric != "other":
            return True
        return eventful or any(word in EVENT_ADJECTIVES for word in claim.object.split())

    def _dated_by_event(
        self, claim: Claim, sent: Any, timeline: _Timeline, token: Any, happened: bool
    ) -> Claim:
        """A count of something that happened (`happened`: not a state such as "are
        based near Atmeh") takes the date of the event the text last dated, or of its
        first dated event for headlines and leads, when its own sentence has no time
        words and does not tell of another time. "That attack" takes the date the
        sentence before gives; a running total in the present perfect takes the span
        "since ..." told just before it; a figure running on from an operation's start
        spans it to the statement; what a dated statement says had happened before it
        takes none."""
        undated = not (claim.period_start or claim.period_end or claim.period_evidence)
        if not (undated and claim.unit == "count" and happened) or self._other_time(sent):
            return claim
        quoted = self._quoted_time(claim, sent, timeline)
        if quoted is not None:
            return quoted
        if self._refers_back(sent):
            back = self.periods.last_before(
                timeline.text, sent.start_char, timeline.anchor, timeline.skip
            )
            if back is not None:
                return _with_period(claim, back.period, "event", timeline.words(back))
        perfect = _perfect(token, self.periods.present_perfect)
        event = self._running_for(claim, timeline) if perfect else None
        event = event or self._event_for(claim, timeline)
        if event is None:
            return claim
        if timeline.anchor and self._runs_from(timeline.text, event, token, sent.text):
            end = self.periods.statement_day(sent.text, timeline.anchor) or timeline.anchor
            return _with_period(claim, (event.period[0], end), "event", timeline.words(event))
        if self._before_statement(sent, token, timeline):
            return claim
        return _with_period(claim, event.period, "event", timeline.words(event))

    def _refers_back(self, sent: Any) -> bool:
        """Whether a sentence names an event by pointing back to it ("that attack", "the
        same attack"), not after "since" ("Since that attack ...": a span)."""
        for t in sent:
            pointing = t.lower_ in ("that", "same") and t.dep_ in ("det", "amod")
            if not pointing or t.head.lower_ not in self.periods.referring_nouns:
                continue
            before = {w.lower_ for w in sent.doc[max(sent.start, t.i - 2) : t.i]}
            if "since" not in before:
                return True
        return False

    def _running_for(self, claim: Claim, timeline: _Timeline) -> TimeExpression | None:
        """The span "since ..." told just before a running total in the perfect ("have
        intensified since rebels launched a campaign on July 31. The strikes have killed
        122 civilians"), with no dated event between them."""
        at = claim.evidence.start
        span = _last_before(timeline.running, at, self.periods.running_reach)
        between = span is not None and any(span.end <= e.start < at for e in timeline.events)
        return None if between else span

    def _event_for(self, claim: Claim, timeline: _Timeline) -> TimeExpression | None:
        earlier = [e for e in timeline.events if e.start < claim.evidence.start]
        if earlier:
            return earlier[-1]
        first = timeline.events[0] if timeline.events else None
        return first if first and self._leads_to(first, claim, timeline.anchor) else None

    def _leads_to(self, event: TimeExpression, claim: Claim, anchor: dt.date | None) -> bool:
        """Whether a headline or lead figure reports the text's first dated event: one
        close below it and recent news (a lead is not about a months-old event)."""
        end = event.period[1]
        recent = anchor is None or (end is not None and (anchor - end).days <= LEAD_NEWS_DAYS)
        return recent and event.start - claim.evidence.start <= self.periods.lead_reach

    def _state(self, sent: Any, claim: Claim, token: Any) -> bool:
        """Whether a sentence that tells of no event states what is, in the simple present
        ("some 200 fighters are based near Atmeh"): no event's figure."""
        if self.taxonomy.casualties(claim.metric) or self._eventful(sent):
            return False  # "The toll now stands at 58": still the event's toll
        return _present_state(token, self.periods.perfect_auxiliaries)

    def _before_statement(self, sent: Any, token: Any, timeline: _Timeline) -> bool:
        """Whether a sentence dates its statement and says in the past perfect what had
        happened before it, in the figure's clause or in what is stated ("The ministry
        said on Sunday six bombers had struck around Deir Ezzor"): an undated earlier
        event, not one the text dates elsewhere. A relative clause ("the blast, which had
        destroyed dozens of stalls") does not count."""
        if self.periods.statement_day(sent.text, timeline.anchor) is None:
            return False
        verb = _clause_verb(token)
        while verb is not None and verb.tag_ == "VBG" and verb.dep_ in PARTICIPLE_DEPS:
            verb = _clause_verb(verb.head)  # "had conducted airstrikes destroying six positions"
        stated = [
            t for t in sent if t.dep_ == "ccomp" and t.head.lower_ in self.lexicon.statement_verbs
        ]
        past = self.periods.past_perfect
        return any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in past
            for v in [verb, *stated]
            if v is not None
            for c in v.children
        )

    def _other_time(self, sent: Any) -> bool:
        """Whether a sentence opens with "Earlier" or tells of an undated stretch ("in
        recent months"): another time than the dated events."""
        first = next((t.lower_ for t in sent if not t.is_punct and not t.is_space), "")
        if self.periods.other_time_phrases.search(sent.text):
            return True
        # "Earlier it was reported that ...": the time of the report, not of the event
        reported = self.periods.earlier_report.match(sent.text)
        return first in self.periods.other_time_openers and reported is None

    def _conflict_toll(self, sent: Any, token: Any) -> bool:
        """Whether a sentence gives a whole conflict's toll in a perfect tense ("the
        conflict has killed more than 230,000"): cumulative, never one event's figure.
        Not a war monitor, nor a conflict in a relative clause apart from the figure at
        `token` ("... according to the Observatory which monitors both sides of the
        conflict")."""
        scope = any(
            t.lower_ in self.periods.conflict_scope
            and t.dep_ not in ("compound", "amod")  # "a war monitor said": no toll of the war
            and not any(a.dep_ == "relcl" and token not in a.subtree for a in t.ancestors)
            for t in sent
        )
        return scope and any(t.lower_ in self.periods.perfect_auxiliaries for t in sent)

    def _is_claim(self, quantity: Quantity, span: Any) -> bool:
        token = _number_token(span)
        if quantity.year_like and (token.ent_type_ == "DATE" or token.head.pos_ != "NOUN"):
            return False
        if quantity.word_one:
            nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if nxt is None or nxt.lower_ in self.lexicon.one_not_count or nxt.pos_ != "NOUN":
                return False
        if token.ent_type_ in SKIP_ENTS and quantity.unit == "count":
            return token.dep_ == "nummod" and token.head.ent_type_ not in SKIP_ENTS
        return True

    def _unit(self, quantity: Quantity, span: Any, earlier: list[Quantity]) -> str:
        """A bare figure after a percentage in the same sentence is a percentage too
        ("from 70 percent ... dwindled to less than 5")."""
        if quantity.unit != "count":
            return quantity.unit
        token = _number_token(span)
        if token.dep_ == "nummod" or (token.head.pos_ == "NOUN" and token.head.i > token.i):
            return "count"
        sent = span.sent
        for previous in reversed(earlier):
            if previous.start < sent.start_char:
                break
            if previous.unit != "count" and quantity.start - previous.end < 120:
                if previous.unit == "percent" and quantity.value > 100:
                    return "count"  # "half of ... and 10 million displaced"
                return previous.unit
        return "count"

    def _claim(
        self,
        article: Article,
        quantity: Quantity,
        unit: str,
        span: Any,
        who: tuple[Speaker | None, str],
        timeline: _Timeline,
    ) -> Claim:
        sent = span.sent
        speaker, attribution = who
        obj = object_phrase(_number_token(span), span, unit, self.lexicon)
        at = quantity.start - sent.start_char
        metric = self.taxonomy.classify(obj, _governor(span), unit)
        found = None
        # a distance is a fact about places, a population a state: neither spans a time
        if unit not in LENGTH_UNITS and metric not in TIMELESS_METRICS:
            skip = timeline.skip - sent.start_char
            nearby = self.periods.statement_day_near(
                article.text, sent.start_char, sent.end_char, timeline.anchor
            )
            unanchored = nearby is None and self.periods.vaguely_stated(
                article.text, sent.start_char, sent.end_char
            )
            found = self.periods.expression(
                sent.text, at, timeline.anchor, skip, nearby, unanchored
            )
        value_normalized, unit_normalized = self.units.normalize(quantity.value, unit)
        claim = Claim(
            claim_id=stable_id(article.article_id, quantity.start, quantity.end, unit),
            article_id=article.article_id,
            value=quantity.value,
            value_max=quantity.value_max,
            unit=unit,
            value_normalized=value_normalized,
            unit_normalized=unit_normalized,
            qualifier=quantity.qualifier,
            object=obj,
            metric=metric,
            speaker=speaker.name if speaker else None,
            speaker_role=speaker.role if speaker else None,
            speaker_org=speaker.org if speaker else None,
            attribution=attribution,  # type: ignore[arg-type]
            period_start=None,
            period_end=None,
            places=_places(self.gazetteer.find(sent.text), sent.text),
            evidence=Evidence(
                # from the article: the parsed text may have blanked neighbours (focus)
                text=article.text[slice(*_kept_bounds(sent))].strip(),
                start=quantity.start,
                end=quantity.end,
            ),
            surface=quantity.surface,
        )
        if found is None:
            return claim
        if not any(found.period):  # time words it cannot resolve: no other date either
            return replace(claim, period_evidence=sent.text[found.start : found.end])
        period = found.period
        if timeline.anchor and self._runs_from(sent.text, found, _number_token(span), sent.text):
            period = (found.period[0], timeline.anchor)
        return _with_period(claim, period, "sentence", sent.text[found.start : found.end])

    def _quoted_time(self, claim: Claim, sent: Any, timeline: _Timeline) -> Claim | None:
        """The time a quote that began sentences before gave, for a figure inside it
        ('"Over the past two days the Russian Aerospace Forces continued to destroy the
        group. Confirmed losses totaled 304 militants killed" Konashenkov said.'): one
        statement, one time (`period_source` "statement"); None outside such a quote."""
        text = timeline.text
        opened = _quote_opened(text, sent.start_char, self.periods.quote_reach)
        if opened is None:
            return None
        quoted = text[opened : sent.start_char]
        nearby = self.periods.statement_day_near(
            text, sent.start_char, sent.end_char, timeline.anchor
        )
        found = self.periods.expression(quoted, len(quoted), timeline.anchor, 0, nearby)
        if found is None or not any(found.period):
            return None
        return _with_period(claim, found.period, "statement", quoted[found.start : found.end])

    def _runs_from(self, text: str, start: TimeExpression, token: Any, sentence: str) -> bool:
        """Whether a figure runs on from the day an operation started ("Rebels launched a
        counter-attack a week ago ... had killed 69 civilians during their counter-attack",
        "began on 2 June a wide military operation ... that resulted so far in")."""
        if start.period[0] != start.period[1] or not self.periods.starts_operation(text, start):
            return False
        running = self.periods.running_since_start.search(sentence) is not None
        return running or _perfect(token, self.periods.perfect_auxiliaries)


def _quote_opened(text: str, at: int, reach: int) -> int | None:
    """Where the quote that offset `at` lies inside opened, when it opened at most `reach`
    sentences before, in the same paragraph, and closes after `at` in it; None outside
    such a quote. Straight quotes alternate; curly and angle quotes say which they are."""
    paragraph = text.rfind("\n", 0, at) + 1
    inside = None
    for mark in QUOTES.finditer(text, paragraph, at):
        if mark.group() in OPENING_QUOTES:
            inside = mark.start()
        elif mark.group() in CLOSING_QUOTES:
            inside = None
        else:
            inside = mark.start() if inside is None else None
    if inside is None:
        return None
    end = text.find("\n", at)
    closes = QUOTES.search(text, at, len(text) if end < 0 else end) is not None
    sentences = len(SENTENCE_END.findall(text, inside, at))
    return inside + 1 if closes and 0 < sentences <= reach else None


def _last_before(
    expressions: Iterable[TimeExpression], at: int, reach: int
) -> TimeExpression | None:
    """The last expression ending before offset `at`, when it ends within `reach` of it."""
    earlier = [e for e in expressions if e.end <= at]
    return earlier[-1] if earlier and at - earlier[-1].end <= reach else None


def _token_at(sent: Any, offset: int) -> Any:
    return next((t for t in sent if t.idx <= offset < t.idx + len(t)), sent.root)


def _perfect(token: Any, auxiliaries: frozenset[str]) -> bool:
    """Whether a figure's clause is in the present perfect ("have killed", "has been
    killed"), told with one of `auxiliaries`."""
    verb = _clause_verb(token)
    return verb is not None and any(
        c.dep_ == "aux" and c.lower_ in auxiliaries for c in verb.children
    )


def _clause_verb(token: Any) -> Any:
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _present_state(token: Any, perfect: frozenset[str]) -> bool:
    """Whether a figure's clause is in the simple present ("are based", "controls"), not
    a perfect, a past, a modal or a progressive."""
    verb = _clause_verb(token)
    if verb is None or verb.tag_ == "VBG":
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in perfect or c.tag_ in ("VBD", "MD") for c in auxiliaries):
        return False  # a perfect, a past or a modal: not a plain present
    tense = auxiliaries[0].tag_ if auxiliaries else verb.tag_
    return tense in ("VBZ", "VBP")


def _share_in_sentence(found: list[_Found]) -> list[_Found]:
    """A breakdown shares the event date of its sentence: "150 bodies were counted in
    Hammouriya, 100 in Kfar Batna" dates both figures when one is dated by the event, and
    the sentence's first carried date wins over a later figure's ("327 civilians including
    126 children have been killed": the children share the civilians' span)."""
    dated: dict[int, Claim] = {}
    for f in found:
        if f.carried:
            dated.setdefault(f.sentence, f.claim)  # the sentence's first carried date
    out = []
    for f in found:
        source = dated.get(f.sentence)
        claim = f.claim
        shares = claim.unit in ("count", "percent") and claim.metric not in TIMELESS_METRICS
        if source is not None and _open(claim) and shares:
            f = f._replace(claim=_period_of(claim, source))
        out.append(f)
    return out


def _same_account(found: list[_Found]) -> list[_Found]:
    """A speaker's account goes on over sentences: a figure the same speaker gives in the
    sentence right after one whose own words (or quote) gave a span ("The Institute said
    it had documented 270 civilians killed in Aleppo during April. The Institute pointed
    out that ... 907 missiles"), or that goes on with such an account, shares that span
    when it has no time words of its own and counts something that happened (not a
    share, not a state); the speaker's span wins over an event dated elsewhere."""
    told: dict[int, list[Claim]] = {}  # sentence start -> its figures with a told span
    out = []
    for f in found:
        claim = f.claim
        same = [c for c in told.get(f.previous, []) if c.speaker and c.speaker == claim.speaker]
        undated = _open(claim)
        counted = claim.unit == "count" and f.happened
        if same and undated and counted and not f.other_time and not f.toll:
            claim = _period_of(claim, same[-1], "event")
            f = f._replace(claim=claim)
            told.setdefault(f.sentence, []).append(claim)
        elif claim.period_source in ("sentence", "statement"):
            told.setdefault(f.sentence, []).append(claim)
        out.append(f)
    return out


def _open(claim: Claim) -> bool:
    """Whether a claim's period may still come from another figure: it has none, or only
    an event's, and no time words of its own it could not resolve."""
    own_words = claim.period_source is None and claim.period_evidence is not None
    return claim.period_source in (None, "event") and not own_words


def _restated(found: list[_Found]) -> list[Claim]:
    """A figure said again takes the period it was first given ("At least 16 airstrikes
    were reported late Saturday and early Sunday ... the coalition said it had conducted
    16 airstrikes throughout Raqqa"): the same value of the same thing (metric and object),
    close before it, in no other place, unless its sentence tells of another time."""
    out: list[Claim] = []
    for f in found:
        claim = f.claim
        if claim.period_source is None and _open(claim) and not f.other_time:
            earlier = next((c for c in reversed(out) if _same_figure(c, claim)), None)
            if earlier is not None:
                claim = _period_of(claim, earlier, "event")
        out.append(claim)
    return out


def _same_figure(earlier: Claim, claim: Claim) -> bool:
    dated = earlier.period_start or earlier.period_end
    close = claim.evidence.start - earlier.evidence.end <= RESTATED_REACH
    same = (earlier.value, earlier.unit, earlier.metric, earlier.object.lower()) == (
        claim.value,
        claim.unit,
        claim.metric,
        claim.object.lower(),
    )
    places = {p.name for p in earlier.places}, {p.name for p in claim.places}
    elsewhere = all(places) and not places[0] & places[1]
    return bool(dated) and close and same and claim.metric != "other" and not elsewhere


def _period_of(claim: Claim, source: Claim, how: PeriodSource | None = None) -> Claim:
    """The claim with the period of another claim it shares it with."""
    return replace(
        claim,
        period_start=source.period_start,
        period_end=source.period_end,
        period_source=how or source.period_source,
        period_evidence=source.period_evidence,
    )


def _over_conflict(claim: Claim, timeline: _Timeline) -> Claim:
    """A conflict's toll covers the conflict so far, from the start the text gives it."""
    start, anchor = timeline.conflict, timeline.anchor
    if claim.period_start or claim.period_end or start is None or anchor is None:
        return claim
    period = (start.period[0], anchor)
    return _with_period(claim, period, "conflict", timeline.words(start))


def _with_period(claim: Claim, period: Period, source: PeriodSource, words: str) -> Claim:
    return replace(
        claim,
        period_start=period[0].isoformat() if period[0] else None,
        period_end=period[1].isoformat() if period[1] else None,
        period_source=source,
        period_evidence=words,
    )


def object_phrase(token: Any, span: Any, unit: str, lexicon: Lexicon) -> str:
    """What the figure counts: the noun it modifies with its modifiers, plus the verb that
    says what happened to it ("civilians killed"); a verb alone when there is no noun
    ("30 more were wounded" -> "wounded"); "distance" for lengths."""
    if unit in LENGTH_UNITS:
        return "distance"
    noun = _counted_noun(token, span)
    if noun is None:
        event = _event_word(token, span, lexicon)
        if event is not None:
            return event
        noun = _noun_before(token)
        if noun is None:
            return ""
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ in OBJECT_DEPS and t.i > token.i]
    words = [t for t in words if not t.like_num and t.i != noun.i] + [noun]
    phrase = join_tokens(sorted(words, key=lambda t: t.i))
    participle = _participle(noun, lexicon)
    return f"{phrase} {participle}".strip() if participle else phrase


def _counted_noun(token: Any, span: Any) -> Any:
    after_unit = span[-1]
    for child in after_unit.children:  # "15 percent of the country", "34 of them"
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                return pobj
    counted = token.dep_ in ("nummod", "quantmod") and token.head.pos_ in ("NOUN", "PROPN")
    if counted and token.head.i > token.i:  # the counted noun follows its figure
        return token.head
    if after_unit.pos_ == "NOUN" and after_unit.i != token.i:
        return after_unit
    head = token.head
    if token.dep_ == "pobj" and head.head.pos_ == "NOUN" and head.head.i < token.i:
        return head.head  # "a population of 1.5 million", "the death toll at 58"
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "conj"):
        return None  # the figure stands for the noun: its verb says what it counts
    if head.pos_ in ("VERB", "AUX", "ADP"):  # "the death toll rose to 58"
        verb = head if head.pos_ != "ADP" else head.head
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if dobj is not None and dobj.pos_ == "NOUN" and dobj.i < token.i:
            return dobj  # "put the death toll at 58"
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ == "NOUN" and subject.i < token.i:
            return subject
    return None


def _noun_before(token: Any) -> Any:
    """The nearest noun a few words before a figure that modifies nothing ("the death
    toll estimated between 500 and 1300")."""
    start = max(token.sent.start, token.i - 6)
    nouns = [t for t in token.doc[start : token.i] if t.pos_ == "NOUN"]
    return nouns[-1] if nouns else None


def _event_word(token: Any, span: Any, lexicon: Lexicon) -> str | None:
    """The verb or adjective that says what a bare figure counts."""
    doc = token.doc
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.lower_ in EVENT_ADJECTIVES:
        return str(following.lower_)
    head = token.head
    if head.pos_ == "VERB" and head.i != token.i and head.lemma_.lower() in lexicon.event_verbs:
        return _past_participle(head, lexicon.participles)
    return None


def _participle(noun: Any, lexicon: Lexicon) -> str | None:
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            return str(child.text)
        if child.dep_ == "amod" and child.lower_ in EVENT_ADJECTIVES and child.i > noun.i:
            return str(child.lower_)
    head = noun.head
    governed = noun.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB"
    if governed and head.lemma_ in lexicon.event_verbs:
        return _past_participle(head, lexicon.participles)
    return None


def _past_participle(verb: Any, irregular: Mapping[str, str]) -> str:
    if verb.tag_ in ("VBN", "VBD"):
        return str(verb.lower_)
    lemma = str(verb.lemma_.lower())
    return irregular.get(lemma) or lemma + ("d" if lemma.endswith("e") else "ed")


def _governor(span: Any) -> list[str]:
    """Lemmas that say what happened to the figure: the words governing it up to its
    clause's verb ("A total of 70 terrorists ... were eliminated"), and participles on
    its noun ("civilians killed")."""
    token = _number_token(span)
    lemmas = []
    for ancestor in token.ancestors:
        lemmas.append(ancestor.lemma_.lower())
        if ancestor.pos_ == "VERB":
            break
    lemmas += [c.lemma_.lower() for c in token.head.children if c.dep_ in ("acl", "relcl")]
    return lemmas


def _number_token(span: Any) -> Any:
    numbers = [t for t in span if t.like_num or t.pos_ == "NUM" or t.lower_ == "dozen"]
    return numbers[-1] if numbers else span[0]


def _places(found: Iterable[tuple[int, int, Place]], text: str) -> tuple[Place, ...]:
    """Unique places of a sentence; "Britain-based" describes a source, not a place."""
    kept = (place for _, end, place in found if not BASED.match(text, end))
    return tuple(dict.fromkeys(kept))


def _dateline_end(article: Article) -> int:
    """End offset of the date line that gave the publication date (0 if none)."""
    evidence = article.published.evidence
    if article.published.source != "dateline" or not evidence:
        return 0
    at = article.text.find(evidence)
    return at + len(evidence) if 0 <= at < 300 else 0


def _anchor(article: Article) -> dt.date | None:
    value = article.published.value
    if value is None or article.published.precision != "day":
        return None
    return dt.date.fromisoformat(value)


def _speaker(
    attributor: Attributor, names: SpeakerNames, sent: Any, offset: int
) -> tuple[Speaker | None, str]:
    """(speaker, attribution) of the figure at `offset`: who the parse says speaks, under
    the name the ledger keeps; the outlet's own voice when that names nobody."""
    found, attribution = attributor.speaker_for(sent, offset)
    speaker = names.canonical(found, offset)
    return speaker, attribution if speaker is not None else "outlet"


def _kept_bounds(sent: Any) -> tuple[int, int]:
    """A sentence's characters without the blank runs the focus left around it: the
    parser hangs a blanked neighbour on as trailing whitespace, and the article's own
    text there belongs to other sentences."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return sent.start_char, sent.end_char
    return words[0].idx, words[-1].idx + len(words[-1].text)
