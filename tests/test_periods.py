"""Periods: time expressions of a sentence resolved to ISO spans, and event dates carried
to figures whose sentence has no time word."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.test_claims import by_value, extract
from tests.test_reconcile import claims_of

SATURDAY = dt.date(2016, 3, 12)


def span(toolkit: Any, sentence: str, figure: str, anchor: dt.date = SATURDAY) -> list[str | None]:
    found = toolkit.extractor.periods.expression(sentence, sentence.index(figure), anchor)
    return [d.isoformat() if d else None for d in found.period] if found else []


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        # explicit spans written in other ways: "during April", day-first ranges, ranges
        # with weekdays and years, "in last 24 hours", calendar months, "since April"
        (
            "It documented 270 civilians killed in Aleppo during February.",
            "270",
            ["2016-02-01", "2016-02-29"],
        ),
        (
            "Between 21 and 26 of February the directorate reported 822 wounded.",
            "822",
            ["2016-02-21", "2016-02-26"],
        ),
        (
            "The number of victims from Friday March 27 2015 to Friday April 10 2015 reached 236.",
            "236",
            ["2015-03-27", "2015-04-10"],
        ),
        ("SDF fighters killed 35 militants in last 24 hours.", "35", ["2016-03-11", "2016-03-12"]),
        (
            "More than 450 people were killed there in the last month.",
            "450",
            ["2016-02-12", "2016-03-12"],
        ),
        ("More than 300 people have been killed since April.", "300", ["2015-04-01", "2016-03-12"]),
        (
            "More than 300 people have been killed since February.",
            "300",
            ["2016-02-01", "2016-03-12"],
        ),
        (
            "Since the beginning of their operations in Syria on September 30th 2015 they "
            "destroyed more than 2000 oil tankers.",
            "2000",
            ["2015-09-30", "2016-03-12"],
        ),
        ("Russian jets killed 77 terrorists during past week.", "77", ["2016-03-05", "2016-03-12"]),
        # a span without a year is the last one up to the publication date
        (
            "64 people died after warplanes attacked on December 11 and December 12.",
            "64",
            ["2015-12-11", "2015-12-12"],
        ),
        (
            "Strikes from December 28 to January 3 killed 90 people.",
            "90",
            ["2015-12-28", "2016-01-03"],
        ),
        ("The army killed some 70 fighters in two days.", "70", ["2016-03-11", "2016-03-12"]),
        (
            "64 people died after warplanes attacked villages on February 11 and February 12.",
            "64",
            ["2016-02-11", "2016-02-12"],
        ),
        (
            "213 civilians have been killed since a brokered cease-fire collapsed Monday evening.",
            "213",
            ["2016-03-07", "2016-03-12"],
        ),
        # the day a statement was made is not the figure's ("said earlier in the day")
        (
            "The Observatory said earlier in the day that 213 civilians have been killed "
            "since a U.S.-Russian brokered cease-fire collapsed Monday evening.",
            "213",
            ["2016-03-07", "2016-03-12"],
        ),
        ("The monitor said yesterday that 5 people were killed in Idlib.", "5", []),
        (
            "A civil war broke out in Syria in 2011 and has since claimed the lives of almost "
            "200000 people.",
            "200000",
            ["2011-01-01", "2016-03-12"],
        ),
        # a clause that points ahead gives no past span
        ("Officials said 500 refugees will arrive in two days.", "500", []),
        ("The ceasefire will expire in two days, and 30 trucks are waiting.", "30", []),
        # a second day only where no count can be meant
        (
            "Strikes killed 30 people on March 3 and 12 more the next day.",
            "30",
            ["2016-03-03", "2016-03-03"],
        ),
        (
            "Jets killed 30 militants on March 3 and 4,000 civilians fled.",
            "30",
            ["2016-03-03", "2016-03-03"],
        ),
        ("30 fighters died on March 3 and 4 were captured.", "30", ["2016-03-03", "2016-03-03"]),
        # a span over the publication date is this year's; one across a new year starts in
        # the year before
        (
            "The truce runs from March 1 to March 15; 300 trucks have entered so far.",
            "300",
            ["2016-03-01", "2016-03-15"],
        ),
        (
            "From December 28 to January 3, 2016 strikes killed 90 people.",
            "90",
            ["2015-12-28", "2016-01-03"],
        ),
        # a plural without a number is no span
        ("In past years, 300 people died of cholera.", "300", []),
        # "last week" alone stays the calendar week before; "in last" needs a number
        ("Fighting killed 12 people last week.", "12", ["2016-03-05", "2016-03-12"]),
        # relative spans count back from the publication date...
        (
            "Over 100 terrorists were killed in the last 48 hours.",
            "100",
            ["2016-03-10", "2016-03-12"],
        ),
        # ...or from the day of the statement when the sentence gives it
        (
            "Over 100 terrorists were killed in the last 48 hours, sources said on Friday.",
            "100",
            ["2016-03-09", "2016-03-11"],
        ),
        (
            "On Thursday it said it had carried out more than 50 raids over two days.",
            "50",
            ["2016-03-09", "2016-03-10"],
        ),
        (
            "Since then more than 300 people have been killed, the Observatory said.",
            "300",
            [None, "2016-03-12"],
        ),
        (
            "The air strikes which began Saturday and continued Sunday killed 45 civilians.",
            "45",
            ["2016-03-05", "2016-03-06"],
        ),
        (
            "Late Saturday and early Sunday 16 strikes hit Raqqa.",
            "16",
            ["2016-03-05", "2016-03-06"],
        ),
        (
            "The network said 12679 people died of torture from March 2011 to June 2016.",
            "12679",
            ["2011-03-01", "2016-06-30"],
        ),
        (
            "Photos taken between May 2011 and August 2013 show at least 6786 individuals.",
            "6786",
            ["2011-05-01", "2013-08-31"],
        ),
        (
            "A repeat of the 1950-52 Korean War in which 39,000 Americans died.",
            "39,000",
            ["1950-01-01", "1952-12-31"],
        ),
        (
            "Strikes hit Aleppo on Wednesday in a second day of bombing that has killed 32.",
            "32",
            ["2016-03-08", "2016-03-09"],
        ),
        (
            "Shelling on Sunday killed 20 people in the second day of intense shelling.",
            "20",
            ["2016-03-06", "2016-03-06"],
        ),
        # a weekday that dates a statement is no period of the figure
        ("On Sunday a monitor said at least 82 people were killed.", "82", []),
        ("The Russians had on Saturday accused militants of bringing 1000 fighters.", "1000", []),
        ("SANA reporter said Monday that terrorists fired 13 rocket shells.", "13", []),
        ("The coalition reported earlier on Friday it conducted nine airstrikes.", "nine", []),
        ("Jets killed at least 60 civilians, a war monitor said late on Wednesday.", "60", []),
        # a weekday after the statement's content is the event's
        (
            "State media said attacks on Sunday killed at least 20 people.",
            "20",
            ["2016-03-06", "2016-03-06"],
        ),
        ("Activists said 45 people were killed on Saturday.", "45", ["2016-03-12", "2016-03-12"]),
        # but an event's weekday before a trailing "said" stays the event's
        (
            "Nine people were killed on Tuesday activists said.",
            "Nine",
            ["2016-03-08", "2016-03-08"],
        ),
        # a month written as a year span is no span of years
        ("The 2016-03 report counted 40 strikes.", "40", []),
        # a year's start, a span ahead of the statement
        (
            "MSF said 130 facilities were hit since the beginning of 2016.",
            "130",
            ["2016-01-01", "2016-03-12"],
        ),
        (
            "The deal could see 30000 people moved over the next 60 days.",
            "30000",
            ["2016-03-12", "2016-05-11"],
        ),
        # a night that ran into the next day
        (
            "The clashes that killed 12 militants erupted on Saturday night east of Tabqah "
            "and continued till Sunday morning.",
            "12",
            ["2016-03-05", "2016-03-06"],
        ),
        # a relative time opening a statement dates the statement
        (
            "Last month the Observatory said that at least 60000 people have died in jails.",
            "60000",
            [],
        ),
        # the edge of a month
        (
            "At least 149 people were killed in the last 12 days of September.",
            "149",
            ["2015-09-19", "2015-09-30"],
        ),
        (
            "Aid reached 3000 people during the first ten days of March.",
            "3000",
            ["2016-03-01", "2016-03-10"],
        ),
        # "since" a noun phrase and its date, or "last year"
        (
            "More than 300 civilians have died since the battle for Aleppo in 2015.",
            "300",
            ["2015-01-01", "2016-03-12"],
        ),
        (
            "They were the latest of more than 7000 killed since the Council passed a "
            "resolution last year.",
            "7000",
            ["2015-01-01", "2016-03-12"],
        ),
        # a day counted back from the statement
        ("Three days ago 25 civilians were killed.", "25", ["2016-03-09", "2016-03-09"]),
        ("A week ago rebels fired 300 shells.", "300", ["2016-03-05", "2016-03-05"]),
    ],
)
def test_period_of_a_sentence(
    toolkit: Any, sentence: str, figure: str, expected: list[str | None]
) -> None:
    assert span(toolkit, sentence, figure) == expected


def test_conflict_start_where_the_text_dates_it(toolkit: Any) -> None:
    periods = toolkit.extractor.periods
    text = "Moscow has backed Assad since the crisis began in March 2011. Other text."
    start = periods.conflict_start(text, SATURDAY)
    assert start is not None and start.period == (dt.date(2011, 3, 1), dt.date(2011, 3, 1))
    assert text[start.start : start.end] == "crisis began in March 2011"
    assert periods.conflict_start("The war goes on.", SATURDAY) is None


def test_conflict_toll_covers_the_conflict_so_far(toolkit: Any, nlp: Any) -> None:
    text = (
        "12 March 2016 Air strikes on Sunday killed 14 people in Idlib. "
        "Syria's conflict has killed more than 230000 people. "
        "Iran has backed Damascus since the crisis began in March 2011."
    )
    claims = extract(text, toolkit, nlp)
    (event,) = by_value(claims, 14)
    assert (event.period_start, event.period_end) == ("2016-03-06", "2016-03-06")
    (toll,) = by_value(claims, 230000)
    assert (toll.period_start, toll.period_end) == ("2011-03-01", "2016-03-12")
    assert toll.period_source == "conflict" and toll.period_evidence == "crisis began in March 2011"
    assert (event.period_source, event.period_evidence) == ("sentence", "on Sunday")


def test_figures_take_the_date_of_the_event_the_text_dated(toolkit: Any, nlp: Any) -> None:
    text = (
        "12 March 2016 Air strikes on Sunday hit a market in Idlib. "
        "The strikes killed 14 people, the Observatory said. "
        "Earlier rebels killed 9 soldiers near Aleppo."
    )
    claims = extract(text, toolkit, nlp)
    (carried,) = by_value(claims, 14)
    assert (carried.period_start, carried.period_end) == ("2016-03-06", "2016-03-06")
    assert (carried.period_source, carried.period_evidence) == ("event", "on Sunday")
    (earlier,) = by_value(claims, 9)  # "Earlier": another time, not Sunday's
    assert earlier.period_start is None and earlier.period_end is None
    assert earlier.period_source is None and earlier.period_evidence is None


def test_events_come_in_text_order(toolkit: Any) -> None:
    text = "Rebels attacked on Wednesday. Talks were held overnight. It happened on August 20 2013."
    events = toolkit.extractor.periods.events(text, dt.date(2013, 8, 21))
    assert [e.start for e in events] == sorted(e.start for e in events)
    assert len(events) == 3
    # a week is a period, not the date of an event
    assert toolkit.extractor.periods.events("Fighting went on last week.", SATURDAY) == []


def test_a_limit_or_a_dateline_is_no_event(toolkit: Any) -> None:
    periods = toolkit.extractor.periods
    for text in (
        "Syria must destroy all production sites by 15 March 2014.",
        "It missed a February 5 2014 deadline to move all chemicals abroad.",
        "Rebels must leave Aleppo by Friday evening.",
        "Destruction is to end not later than 30 June 2014.",
        "MOSCOW October 18 (RIA Novosti) - The Observatory announced that 10 were killed.",
    ):
        assert periods.events(text, dt.date(2014, 5, 1)) == [], text


def test_the_date_of_a_cause_is_no_event_date(toolkit: Any, nlp: Any) -> None:
    text = (
        "7 April 2017 The US launched 59 cruise missiles at an airfield near Homs late "
        "Thursday. Trump said the attack was a response to the alleged chemical weapon use "
        "in Idlib on Tuesday. Five people were killed in the attack, the governor said."
    )
    (claim,) = by_value(extract(text, toolkit, nlp), 5)
    assert (claim.period_start, claim.period_evidence) == ("2017-04-06", "late Thursday")


def test_since_then_runs_from_the_last_date_before_it(toolkit: Any, nlp: Any) -> None:
    text = (
        "Published June 27 2016 Russia began its air campaign in Syria on Sept. 30 of last "
        "year. It has targeted civilian areas. Since then more than 10 million people were "
        "displaced."
    )
    (claim,) = by_value(extract(text, toolkit, nlp), 10000000)
    assert (claim.period_start, claim.period_end) == ("2015-09-30", "2016-06-27")
    assert claim.period_evidence == "Since then (Sept. 30 of last year)"


def test_a_span_counts_back_from_the_statement_a_neighbour_dates(toolkit: Any, nlp: Any) -> None:
    text = (
        "Published March 12 2016 Over 100 terrorists were killed in the last 48 hours military "
        'sources said on Friday. "Over the past 48 hours the air force claimed the lives of '
        'at least 120 terrorists" a source said. More than 12000 people have been tortured '
        "to death since 2011. In a Sunday statement the network said so."
    )
    claims = extract(text, toolkit, nlp)
    (quoted,) = by_value(claims, 120)
    assert (quoted.period_start, quoted.period_end) == ("2016-03-09", "2016-03-11")
    (tortured,) = by_value(claims, 12000)  # the statement day of the next sentence
    assert (tortured.period_start, tortured.period_end) == ("2011-01-01", "2016-03-06")


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # a neighbour's statement day moves spans counted back, not the figure's own days
        (
            "The ministry said on Monday it struck 40 targets. Yesterday 20 civilians were "
            "killed in Aleppo.",
            20,
            ("2016-03-11", "2016-03-11"),
        ),
        (
            "Air strikes killed 20 civilians in Aleppo this week. The UN said on Monday that "
            "aid was blocked.",
            20,
            ("2016-03-07", "2016-03-12"),
        ),
        # the next sentence lends its statement day only when it goes on with the statement
        (
            "Monitors recorded 374 people killed during the past week. The health "
            "directorate on Tuesday announced the closure of hospitals.",
            374,
            ("2016-03-05", "2016-03-12"),
        ),
        # a relative time before the figure keeps it, even before a trailing "said"
        ("Last month 300 people were killed the monitor said.", 300, ("2016-02-01", "2016-02-29")),
        # a toll that "now stands at" is still the event's
        (
            "Air strikes on Sunday hit a market in Idlib. The toll now stands at 58.",
            58,
            ("2016-03-06", "2016-03-06"),
        ),
        # a retaliation that opens the sentence is the event, not a cause
        (
            "In retaliation for the chemical attack the US struck the airbase on Thursday. "
            "Five people were killed in the strike.",
            5,
            ("2016-03-10", "2016-03-10"),
        ),
        # "reach Dayr Hafer" is no rate ("each day")
        (
            "Air strikes on Sunday hit Idlib. Jets killed 30 civilians trying to reach Dayr Hafer.",
            30,
            ("2016-03-06", "2016-03-06"),
        ),
        # the last days of a month not yet over are last year's
        ("At least 40 were killed in the last 12 days of March.", 40, ("2015-03-20", "2015-03-31")),
        # "in the coming weeks" gives no span; capitals before a weekday are no dateline
        ("Aid for 5000 people is expected in the coming weeks.", 5000, (None, None)),
        (
            "The US on Monday - according to CNN - struck a base. Jets killed 12 militants.",
            12,
            ("2016-03-07", "2016-03-07"),
        ),
        # "that month" refers to another time than the dated event
        (
            "Air strikes on Sunday hit Raqqa. Later that month an airstrike in Al Bukamal "
            "killed at least 31 civilians.",
            31,
            (None, None),
        ),
        # a year that bounds a figure ("before the war began in 2011") is not its period
        (
            "Output dropped from an average 3.4 million tonnes harvested before the war began "
            "in 2011.",
            3400000,
            (None, None),
        ),
        # an undated stretch, a rate and a present-tense state take no event date
        (
            "Air strikes on Sunday hit a market in Idlib. Air strikes killed at least 15 "
            "civilians in recent months.",
            15,
            (None, None),
        ),
        (
            "Air strikes on Sunday hit a market in Idlib. The WFP is distributing rations to "
            "more than 4 million people each month.",
            4000000,
            (None, None),
        ),
        (
            "A suicide bomber struck a bus near Atmeh on Sunday. An activist said some 200 "
            "fighters from various factions are based near Atmeh.",
            200,
            (None, None),
        ),
        (
            "Air strikes hit Idlib on Friday. Regime forces seized the road earlier this year "
            "besieging districts where some 250000 people reside.",
            250000,
            (None, None),
        ),
        # a conflict's toll does not take a speaker's short span
        (
            "The Observatory said 30 people were killed in Aleppo in the past 24 hours. The "
            "Observatory said more than 270,000 people have been killed in the war.",
            270000,
            (None, None),
        ),
        # a quote's time words are not a state's or another time's in it
        (
            '"Over the past two days the army advanced. There are still 300 militants in the '
            'town" the commander said.',
            300,
            (None, None),
        ),
        (
            '"Over the past two days the army advanced. Earlier, 300 militants surrendered" '
            "the commander said.",
            300,
            (None, None),
        ),
        # an inch mark is no quote
        (
            'Rebels fired 12" mortar shells over the past week. The army said 30 soldiers were '
            "killed.",
            30,
            (None, None),
        ),
        # a limit in the figure's own sentence is no period
        ("Syria will destroy 1300 tonnes of chemicals by 30 June 2016.", 1300, (None, None)),
        # victims tell of the event: the figure told of them takes its date ...
        (
            "A gas attack killed 72 people in Khan Sheikhun on Tuesday. Rescuers said the "
            "victims included at least 20 children.",
            20,
            ("2016-03-08", "2016-03-08"),
        ),
        (
            "A Russian helicopter was shot down over Syria on Monday. The ministry announced "
            "the downing of the helicopter which it said was carrying three crew.",
            3,
            ("2016-03-07", "2016-03-07"),
        ),
        (
            "A car bomb killed 10 people on Friday. The casualties were brought to a hospital "
            "with 40 beds.",
            40,
            (None, None),
        ),
        # ... not victims the figure is not told of
        (
            "A gas attack killed 72 people in Khan Sheikhun on Tuesday. Residents gave the "
            "names of the victims while Human Rights Watch interviewed four witnesses.",
            4,
            (None, None),
        ),
        # a breakdown of the figure in the sentence before shares its span ...
        (
            "Another 327 civilians have been killed since rebels launched a campaign on "
            "March 1. The toll includes 126 people killed by shelling.",
            126,
            ("2016-03-01", "2016-03-12"),
        ),
        (
            "Another 327 civilians have been killed since rebels launched a campaign on "
            "March 1 in U.S. strikes. The toll includes 126 children and 40 women.",
            40,
            ("2016-03-01", "2016-03-12"),
        ),
        # ... a casualty breakdown only of a casualty figure
        (
            "A car bomb killed 10 people in Afrin on Friday. The bomb was the deadliest since "
            "2014, when 6000 people fled the town in January. The dead included 4 children.",
            4,
            ("2016-03-11", "2016-03-11"),
        ),
        # ... but not across a sentence that tells of another event
        (
            "Another 327 civilians have been killed since rebels launched a campaign on "
            "March 1. Air strikes hit a market on Friday. The toll includes 12 people "
            "killed by shelling.",
            12,
            ("2016-03-11", "2016-03-11"),
        ),
        # a figure running on from the start of an operation spans it to the statement ...
        (
            "Rebels launched a counter-attack a week ago. The monitor said the rebels had "
            "killed 69 civilians during their counter-attack.",
            69,
            ("2016-03-05", "2016-03-12"),
        ),
        (
            "The army began on 2 March a wide military operation that resulted so far in "
            "control over two oil fields.",
            2,
            ("2016-03-02", "2016-03-12"),
        ),
        # ... ending on the day the statement is made
        (
            "Rebels launched a counter-attack on March 1. The monitor said on Thursday the "
            "rebels had killed 69 civilians during their counter-attack.",
            69,
            ("2016-03-01", "2016-03-10"),
        ),
        # ... a single attack launched that day does not run on
        (
            "Rebels launched an attack on Tuesday. They had killed 5 soldiers.",
            5,
            ("2016-03-08", "2016-03-08"),
        ),
        # what had happened before a dated statement is undated, not the text's last event
        (
            "Air strikes hit Idlib late on Friday. The ministry said on Saturday that six "
            "bombers had struck around Deir Ezzor.",
            6,
            (None, None),
        ),
        (
            "Air strikes hit Idlib late on Friday. The ministry said on Saturday that six "
            "people were killed.",
            6,
            ("2016-03-11", "2016-03-11"),
        ),
        # ... a relative clause in the past perfect does not make the figure's event earlier
        (
            "A car bomb hit a market in Idlib late on Friday. The ministry said on Saturday "
            "that 6 people were killed in the blast, which had destroyed dozens of stalls.",
            6,
            ("2016-03-11", "2016-03-11"),
        ),
        # "Earlier it was reported": the time of the report, still the dated event's figure
        (
            "Air strikes hit Idlib on Friday. Earlier it was reported that airstrikes on "
            "Idlib have killed at least 24 people.",
            24,
            ("2016-03-11", "2016-03-11"),
        ),
        # ... "Earlier, 5 people were reported killed" is another time
        (
            "Air strikes hit Idlib on Friday. Earlier, 5 people were reported killed in a "
            "separate strike on Homs.",
            5,
            (None, None),
        ),
        # a statement dated only vaguely leaves "the last week" of its quotes unresolved ...
        (
            "Military sources had announced earlier this month that fighting had "
            'intensified. "Ahrar al-Sham launched an operation across Idlib" they added. '
            '"Suicide attacks killed at least 15 members during the last week" the sources '
            "went on to say.",
            15,
            (None, None),
        ),
        (
            "Air strikes hit Idlib on Tuesday. Military sources announced earlier this month "
            "that 15 members were killed during the last week.",
            15,
            (None, None),
        ),
        (
            "Military sources had announced earlier this month that fighting had "
            'intensified. "Suicide attacks killed at least 15 members since March 1" they '
            "added.",
            15,
            ("2016-03-01", None),
        ),
        # ... a statement dated vaguely before another statement does not
        (
            "Air strikes hit Idlib on Tuesday. The UN said last month that aid convoys were "
            "blocked. The monitor said 30 people were killed in the past 24 hours.",
            30,
            ("2016-03-11", "2016-03-12"),
        ),
        # ... a dated one resolves it
        (
            "Military sources said on Friday that fighting had intensified. "
            '"Suicide attacks killed at least 15 members during the last week" they added.',
            15,
            ("2016-03-04", "2016-03-11"),
        ),
        # "that attack" is the one the sentence before dates, not the date line ...
        ("Gunmen stormed a hotel in Kabul. That attack killed 18 people.", 18, (None, None)),
        # ... and "said that attack helicopters" points back to nothing
        (
            "Rebels shot down a jet in 2014. The ministry said that attack helicopters "
            "killed 12 fighters.",
            12,
            (None, None),
        ),
        (
            "UN investigators established that sarin gas was used in Eastern Ghouta in "
            "2013. The United States accused Damascus of that attack which it estimates "
            "killed 1429 people.",
            1429,
            ("2013-01-01", "2013-12-31"),
        ),
    ],
)
def test_periods_in_context(
    toolkit: Any, nlp: Any, text: str, value: float, expected: tuple[str | None, str | None]
) -> None:
    (claim,) = by_value(extract("12 March 2016 " + text, toolkit, nlp), value)
    assert (claim.period_start, claim.period_end) == expected


def test_a_figure_said_again_takes_the_period_it_was_given_first(toolkit: Any, nlp: Any) -> None:
    text = (
        "12 March 2016 At least 16 airstrikes were reported late Friday and early Saturday. "
        "In a statement issued early Saturday the coalition said it had conducted 16 "
        "airstrikes throughout Raqqa. It said some 16 fighters are based near Atmeh."
    )
    first, again, other = extract(text, toolkit, nlp)
    assert (first.period_start, first.period_end) == ("2016-03-11", "2016-03-12")
    assert (again.period_start, again.period_end) == (first.period_start, first.period_end)
    assert other.period_start is None  # the same number of other things: not the same


@pytest.mark.parametrize(
    "text",
    [
        # another place ...
        "12 March 2016 12 soldiers were killed in Homs on Monday. The monitor said on "
        "Saturday that 12 soldiers had died in Hama.",
        # ... another time
        "12 March 2016 A car bomb killed 3 people in Afrin on Monday. Earlier, 3 people "
        "were killed in a separate blast in Homs.",
    ],
)
def test_the_same_number_elsewhere_is_no_restatement(toolkit: Any, nlp: Any, text: str) -> None:
    first, second = extract(text, toolkit, nlp)
    assert first.period_start == "2016-03-07"
    assert (second.period_start, second.period_end) == (None, None)


def test_a_quote_that_never_closes_gives_no_quote_time(toolkit: Any, nlp: Any) -> None:
    text = (
        '12 March 2016 The ministry said "over the past two days the army destroyed 40 '
        "targets. Separately, the Observatory said 20 civilians were killed."
    )
    (claim,) = by_value(extract(text, toolkit, nlp), 20)
    assert claim.period_source != "statement"


def test_a_day_of_last_year(toolkit: Any) -> None:
    autumn = dt.date(2016, 11, 1)
    sentence = "On Sept. 30 of last year, 9000 people fled the city."
    assert span(toolkit, sentence, "9000", autumn) == ["2015-09-30", "2015-09-30"]
    sentence = "Russia carried out 300 of last year's 1,000 air strikes."
    assert span(toolkit, sentence, "1,000", autumn) == ["2015-01-01", "2015-12-31"]


def test_since_then_starts_where_the_span_before_it_starts(toolkit: Any, nlp: Any) -> None:
    text = (
        "Published June 12 2016 Syria has been gripped by civil war since early 2011. "
        "Since then more than 10 million people have been displaced."
    )
    (claim,) = by_value(extract(text, toolkit, nlp), 10000000)
    assert (claim.period_start, claim.period_end) == ("2011-01-01", "2016-06-12")


@pytest.mark.parametrize(
    ("follow", "expected"),
    [
        # the same speaker goes on with the account: its span
        (
            "The Institute pointed out that the forces pounded the city with 907 missiles.",
            ("2016-02-01", "2016-02-29"),
        ),
        # another speaker, or a state, does not
        ("The monitor said the forces pounded the city with 907 missiles.", (None, None)),
        ("The Institute said the city has 907 shelters.", (None, None)),
    ],
)
def test_an_account_goes_on_with_its_span(
    toolkit: Any, nlp: Any, follow: str, expected: tuple[str | None, str | None]
) -> None:
    text = (
        "2 March 2016 The Syrian Institute of Justice said it had documented 270 civilians "
        "killed in Aleppo during February. " + follow
    )
    (claim,) = by_value(extract(text, toolkit, nlp), 907)
    assert (claim.period_start, claim.period_end) == expected


def test_a_conflict_named_apart_from_the_figure_makes_no_conflict_toll(
    toolkit: Any, nlp: Any
) -> None:
    text = (
        "Published August 14 2016 Strikes have intensified since rebels launched a campaign "
        "on July 31. Another 327 civilians have been killed in fighting in Aleppo province "
        "according to the Observatory which monitors both sides of the conflict."
    )
    (claim,) = extract(text, toolkit, nlp)
    assert (claim.period_start, claim.period_end) == ("2016-07-31", "2016-08-14")


def test_a_quote_keeps_its_time_and_the_account_goes_on(toolkit: Any, nlp: Any) -> None:
    text = (
        "12 March 2016 Russian jets have killed 304 militants. Russian Defense Ministry "
        'spokesman Igor Konashenkov said Saturday. "Over the past two days the air force '
        "continued to destroy the group on the eastern bank. Confirmed losses totaled 304 "
        'militants killed" Konashenkov said. "A training camp with about 40 militants was '
        'destroyed by an airstrike" he added. He said three command posts were also destroyed.'
    )
    head, body, camp, posts = claims_of(text, toolkit, nlp)
    assert (body.period_start, body.period_end, body.period_source) == (
        "2016-03-10",
        "2016-03-12",
        "statement",
    )
    for claim in (head, camp, posts):  # the headline's statement, the account going on
        assert (claim.period_start, claim.period_end) == ("2016-03-10", "2016-03-12")


def test_a_closed_quote_keeps_its_time_to_itself(toolkit: Any, nlp: Any) -> None:
    text = (
        '12 March 2016 The ministry said "the air force destroyed the group". Over the past '
        "two days the army advanced. Losses totaled 304 militants killed, the monitor said, "
        'calling it "a blow".'
    )
    (claim,) = extract(text, toolkit, nlp)
    assert (claim.period_start, claim.period_end) == (None, None)


def test_an_account_span_wins_over_an_event_dated_before(toolkit: Any, nlp: Any) -> None:
    text = (
        "2 March 2016 Air strikes killed 8 people in Idlib on Monday. The Syrian Institute "
        "of Justice said it had documented 270 civilians killed in Aleppo during February. "
        "The Institute pointed out that the forces pounded the city with 907 missiles."
    )
    (claim,) = by_value(extract(text, toolkit, nlp), 907)
    assert (claim.period_start, claim.period_end) == ("2016-02-01", "2016-02-29")


def test_a_running_total_takes_the_span_since_told_before_it(toolkit: Any, nlp: Any) -> None:
    text = (
        "Published August 15 2016 Air strikes hit Idlib on Sunday. "
        "Strikes on the province have intensified since rebels launched a campaign to break "
        "the siege of Aleppo on July 31. The strikes have killed 122 civilians he said. "
        "Another 327 civilians including 126 children have been killed in Aleppo province."
    )
    claims = extract(text, toolkit, nlp)
    for value in (122, 327, 126):
        (claim,) = by_value(claims, value)
        assert (claim.period_start, claim.period_end) == ("2016-07-31", "2016-08-15"), value
        assert claim.period_source == "event"


def test_weekday_pair_after_reported_is_the_event(toolkit: Any) -> None:
    sentence = "At least 16 airstrikes were reported late Saturday and early Sunday."
    assert span(toolkit, sentence, "16", dt.date(2015, 7, 5)) == ["2015-07-04", "2015-07-05"]


def test_population_has_no_period(toolkit: Any, nlp: Any) -> None:
    text = "12 March 2016 Air strikes killed dozens this week in Raqqa where 8000 people remain."
    (claim,) = extract(text, toolkit, nlp)
    assert claim.metric == "population" and claim.period_start is None


def test_a_coming_weekday_is_no_period(toolkit: Any) -> None:
    sentence = "A ceasefire starting on Monday follows strikes that killed 24 people."
    assert span(toolkit, sentence, "24", dt.date(2016, 9, 10)) == []


def test_a_breakdown_shares_its_sentence_event_date(toolkit: Any, nlp: Any) -> None:
    text = (
        "21 August 2013 Rockets hit the Damascus suburbs on Wednesday. "
        "The Media Office said 150 bodies were counted in Hammouriya 100 in Kfar Batna "
        "and 67 in Saqba."
    )
    claims = extract(text, toolkit, nlp)
    for value in (150, 100, 67):
        (claim,) = by_value(claims, value)
        assert (claim.period_start, claim.period_end) == ("2013-08-21", "2013-08-21")


@pytest.mark.parametrize(
    "sentence",
    [
        "A car bomb on Sunday claimed the lives of 12 people.",
        "Israel said Hamas on Sunday fired 30 rockets.",
        "The ministry said the Sunday attack killed 30 people.",
    ],
)
def test_event_weekdays_near_statement_words(toolkit: Any, sentence: str) -> None:
    figure = next(w for w in sentence.split() if w[:1].isdigit())
    assert span(toolkit, sentence, figure) == ["2016-03-06", "2016-03-06"]


def test_a_statement_day_after_a_closing_quote_is_no_event(toolkit: Any) -> None:
    text = '"Keep children out of harm\'s way." On Sunday a monitor said 82 people were killed.'
    assert toolkit.extractor.periods.events(text, dt.date(2016, 6, 27)) == []


def test_a_statement_day_opening_a_later_sentence_is_no_event(toolkit: Any) -> None:
    text = "Rebels shelled the city. On Thursday, the Observatory said 14 people were killed."
    assert toolkit.extractor.periods.events(text, SATURDAY) == []


def test_a_war_monitor_is_no_conflict_toll(toolkit: Any, nlp: Any) -> None:
    text = (
        "12 March 2016 Air strikes on Sunday hit a market. The Britain-based war monitor said "
        "14 people have been killed in the strikes. The crisis began in March 2011."
    )
    (claim,) = by_value(extract(text, toolkit, nlp), 14)
    assert (claim.period_start, claim.period_end) == ("2016-03-06", "2016-03-06")


def test_conflict_start_prefers_the_month(toolkit: Any) -> None:
    text = "Syria's war, which began in 2011, goes on. The uprising began in March 2011."
    start = toolkit.extractor.periods.conflict_start(text, SATURDAY)
    assert start is not None and start.period[0] == dt.date(2011, 3, 1)
