"""Publication dates: only what the text supports, never an invented date."""

from __future__ import annotations

import pytest

from claimledger.clean import clean_text, load_rules
from claimledger.dates import DateReader
from claimledger.lexicon import Lexicon
from claimledger.models import CleanText
from tests.conftest import TEST_DATA, sample_text

READER = DateReader(Lexicon.load("en"))
RULES = load_rules()


def published(text: str) -> str | None:
    return READER.publication_date(clean_text(text, RULES)).value


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        ("fakes-1918150030.txt", "2017-04-04"),  # "Posted on April 4 2017 by ..."
        ("fakes-1962495714.txt", "2016-12-01"),  # "Thu Dec 1 2016"
        ("fakes-1919191759.txt", "2017-04-04"),  # "4 Apr 2017"
        ("fakes-1926479226.txt", "2016-11-20"),  # "20 November 2016"
        ("fakes-1924058125.txt", "2016-08-15"),  # "Published August 15 2016"
        ("fakes-1965495345.txt", "2017-10-10"),  # "10.10.2017": day = month
        ("fakes-1965495348.txt", "2017-10-23"),  # "23.10.2017": day-first only
        ("semeval20-700461600.txt", None),  # no date line at all
    ],
)
def test_dates_of_sample_articles(article: str, expected: str | None) -> None:
    assert published(sample_text(article)) == expected


def test_ambiguous_numeric_date_read_with_a_stated_weekday() -> None:
    # "02.10.2017": "local media reported on Monday"; 2 Oct 2017 was a Monday, 10 Feb a Friday
    result = READER.publication_date(clean_text(sample_text("fakes-1965495339.txt"), RULES))
    assert result.value == "2017-10-02"
    assert "day-first" in result.note


def test_ambiguous_numeric_date_without_evidence_abstains() -> None:
    text = "03.04.2016 Rebels shelled the town and killed 12 people, activists said."
    result = READER.publication_date(CleanText(text=text, original=text))
    assert result.value is None
    assert "does not decide" in result.note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 5 September is recent news on 1 October and four months old on 10 January
        (
            "01.10.2017 Strikes killed 12 civilians. Troops breached the siege on September 5.",
            "2017-10-01",
        ),
        # 20 March fits neither reading as recent (8 Feb / 2 Aug): undecided
        ("02.08.2017 Strikes killed 12 civilians. Troops entered the town on March 20.", None),
    ],
)
def test_ambiguous_numeric_date_read_by_recent_events(text: str, expected: str | None) -> None:
    result = READER.publication_date(CleanText(text=text, original=text))
    assert result.value == expected


def test_glued_day_and_year_from_a_stripped_scrape() -> None:
    text = (TEST_DATA / "fakes-1924058038.txt").read_text(encoding="utf-8")
    assert published(text) == "2016-08-14"  # "Last updated at Aug 142016"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "LATAKIA, February 16. /TASS/. Russian jets made 444 sorties since September 30,"
            " 2015, the ministry said on Tuesday.",
            "2016-02-16",  # 16 Feb 2016 was a Tuesday; 2015's was a Monday
        ),
        ("LATAKIA, February 16. /TASS/. Russian jets made 444 sorties, the ministry said.", None),
        (
            "LATAKIA, February 16. /TASS/. Jets flew 444 sorties in 2015, the ministry said on"
            " Friday.",
            None,  # neither 2015 nor 2016 has 16 February on a Friday
        ),
    ],
    ids=["weekday-fixes-year", "no-year-anywhere", "weekday-fits-no-year"],
)
def test_yearless_dateline(text: str, expected: str | None) -> None:
    result = READER.publication_date(CleanText(text=text, original=text))
    assert result.value == expected
    assert result.note


def test_page_timestamp_contradicted_by_the_text_is_not_the_date() -> None:
    text = "Jets struck the town on November 20 2016, killing 12 people, activists said."
    stale = CleanText(text=text, original=text, html_meta=(("date", "2016-05-01"),))
    assert READER.publication_date(stale).value is None
    fine = CleanText(text=text, original=text, html_meta=(("date", "2016-11-21"),))
    assert READER.publication_date(fine).value == "2016-11-21"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels said. The truce signed on 25.09.2015 collapsed and 12 died.",
        "Russian jets struck Aleppo March 3, 2016, killing 12 people.",
        "In a statement dated October 1, 2015, the ministry said 5 died.",
        "Rebels said 40 were killed near the border and 25 may be trapped.",
    ],
    ids=["numeric-event-date", "event-date", "dated-statement", "may-the-verb"],
)
def test_dates_inside_sentences_are_no_date_lines(text: str) -> None:
    assert READER.publication_date(CleanText(text=text, original=text)).value is None


def test_counts_are_not_years_for_a_yearless_dateline() -> None:
    text = (
        "LATAKIA, February 16. /TASS/. Russian jets made 444 sorties since September 30,"
        " 2015, the ministry said on Tuesday. Some 2027 militants were killed."
    )
    assert READER.publication_date(CleanText(text=text, original=text)).value == "2016-02-16"


def test_date_line_between_headline_and_body() -> None:
    text = (
        "Suicide bomber kills 4 in Assad clans hometown AFP Sunday 22 Feb 2015 A suicide "
        "bomber killed four people in a hospital on Sunday, a monitoring group said."
    )
    assert READER.publication_date(CleanText(text=text, original=text)).value == "2015-02-22"


def test_lower_case_month_words_are_verbs() -> None:
    mentions = list(READER.mentions("40 were killed and 25 may be trapped, on 3 March 2016"))
    assert [(m.month, m.day) for m in mentions] == [(3, 3)]
