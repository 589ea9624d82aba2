"""Clean: page chrome leaves, the article stays, offsets point into the cleaned text."""

from __future__ import annotations

import pytest

from claimledger.clean import clean_html, clean_text, load_rules
from claimledger.errors import ExtractionError
from tests.conftest import TEST_DATA, sample_text

RULES = load_rules()


def test_sputnik_chrome_is_cut_and_body_kept() -> None:
    original = sample_text("fakes-1965495345.txt")
    clean = clean_text(original, RULES)
    assert "Get short URL" not in clean.text and "1721" not in clean.text
    assert "(updated 1601" not in clean.text
    assert "Warplane Crashes in Syria All Crew Members Dead" not in clean.text
    assert clean.text.startswith("10.10.2017 The Russian Aerospace Forces")
    assert "more militants were eliminated. Earlier in the day Konashenkov said" in clean.text
    assert "carried out 182 airstrikes against" in clean.text
    labels = {span.label for span in clean.removed}
    assert labels == {"timestamp", "share_link", "photo_credit"}
    for span in clean.removed:  # removed spans are offsets into the original
        assert original[span.start : span.end] not in clean.text


def test_related_block_and_comment_widgets_are_cut_to_the_end() -> None:
    clean = clean_text(sample_text("fakes-1965495348.txt"), RULES)
    assert "Related Syrian Army Reportedly" not in clean.text
    assert "Comment via Sputnik News" not in clean.text
    assert "548" not in clean.text  # the share counter
    assert "executed at least 128 Syrian civilians" in clean.text


def test_share_counters_go_but_a_headline_figure_stays() -> None:
    text = (TEST_DATA / "fakes-1965495380.txt").read_text(encoding="utf-8")
    clean = clean_text(text, RULES)
    assert clean.text.startswith("09.04.2017 12 Daesh terrorists were killed")


def test_title_is_the_first_line_of_a_multiline_page() -> None:
    text = (TEST_DATA / "semeval20-770156173.txt").read_text(encoding="utf-8")
    assert clean_text(text, RULES).title == "End The Korean War!"
    # a one-paragraph scrape has no title line
    assert clean_text(sample_text("fakes-1924058217.txt"), RULES).title is None


def test_all_chrome_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError):
        clean_text("Get short URL 0 0 0\nComment via Sputnik News", RULES)


def test_html_page_keeps_the_article_and_drops_navigation() -> None:
    body = sample_text("fakes-1924058217.txt")
    paragraphs = "".join(f"<p>{part}.</p>" for part in body.split(". ") if part)
    page = (
        "<html><head><title>Terrorists execute 40 gunmen - TASS</title>"
        '<meta property="og:site_name" content="TASS">'
        '<meta property="article:published_time" content="2016-08-12T10:00:00Z"></head>'
        "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li>"
        "<li>Subscribe</li></ul></nav><article><h1>Terrorists execute 40 gunmen</h1>"
        f"{paragraphs}</article><aside><h3>Related articles</h3><ul><li><a href='/x'>"
        "Three killed in 12 raids</a></li></ul></aside><footer>© 2016 TASS</footer></body></html>"
    )
    clean = clean_html(page, RULES)
    assert "executed 40 gunmen and members of their families" in clean.text
    assert "Three killed in 12 raids" not in clean.text
    assert "Subscribe" not in clean.text
    assert clean.meta("date") == "2016-08-12"
    assert clean.title is not None and "40 gunmen" in clean.title


def test_truncated_html_is_an_error_or_text_never_a_crash() -> None:
    page = "<html><body><div><p>Russian jets carried out 40 sorties over Aleppo"
    try:
        clean = clean_html(page, RULES)
    except ExtractionError:
        return
    assert "40 sorties" in clean.text


def test_html_site_name_maps_to_the_canonical_outlet() -> None:
    from claimledger.metadata import find_outlet, load_outlets

    body = sample_text("fakes-1924058217.txt")
    page = (
        '<html><head><meta property="og:site_name" content="tass.com"></head><body><article>'
        + "".join(f"<p>{part}.</p>" for part in body.split(". ") if part)
        + "</article></body></html>"
    )
    assert find_outlet(clean_html(page, RULES), load_outlets()).name == "TASS"


@pytest.mark.parametrize(
    "sentence",
    [
        "Damascus refused to sign up to the treaty, which bans 120 types of munitions.",
        "Some 3,000 people subscribe to the view that 45 villages were shelled.",
    ],
)
def test_body_sentences_with_widget_words_are_kept(sentence: str) -> None:
    text = f"Rebels shelled the town on Monday.\n{sentence}"
    assert sentence in clean_text(text, RULES).text


def test_subscribe_widgets_are_cut() -> None:
    text = (
        "Rebels shelled the town, killing 12.\nSubscribe to our Youtube channel for all latest in"
    )
    assert clean_text(text, RULES).text == "Rebels shelled the town, killing 12."
