"""Claim extraction on real articles and on small texts: fields beyond the figure."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.models import Claim, RawDocument
from claimledger.pipeline import prepare
from tests.conftest import SAMPLES


def extract(text: str, toolkit: Any, nlp: Any, source: str = "t.txt") -> list[Claim]:
    raw = RawDocument(source=source, content=text.encode("utf-8"), media_type="text")
    article = prepare(raw, toolkit)
    return list(toolkit.extractor.extract(article, nlp(article.text)))


@pytest.fixture(scope="module")
def konashenkov(toolkit: Any, nlp: Any) -> list[Claim]:
    text = (SAMPLES / "fakes-1965495345.txt").read_text(encoding="utf-8")
    return extract(text, toolkit, nlp)


def by_value(claims: list[Claim], value: float) -> list[Claim]:
    return [c for c in claims if c.value == value]


def test_according_to_gives_name_role_and_org(konashenkov: list[Claim]) -> None:
    (claim,) = by_value(konashenkov, 70)
    assert claim.speaker == "Igor Konashenkov"
    assert claim.speaker_role == "spokesman"
    assert claim.speaker_org == "Russian Defense Ministry"
    assert claim.attribution == "reported"


def test_figures_inside_a_quote_are_direct_quotes(konashenkov: list[Claim]) -> None:
    for value in (3, 5, 2):
        (claim,) = by_value(konashenkov, value)
        assert claim.attribution == "direct_quote"
        assert claim.speaker == "Igor Konashenkov"


def test_past_24_hours_resolves_against_the_publication_date(konashenkov: list[Claim]) -> None:
    (claim,) = by_value(konashenkov, 182)
    assert (claim.period_start, claim.period_end) == ("2017-10-09", "2017-10-10")
    assert claim.speaker == "Russian Defense Ministry"


def test_places_are_canonical_and_unique(konashenkov: list[Claim]) -> None:
    first = by_value(konashenkov, 34)[0]
    names = [p.name for p in first.places]
    assert names == ["Syria", "Deir ez-Zor", "Iraq"]
    assert first.places[1].lat == pytest.approx(35.34, abs=0.01)


def test_claim_ids_are_stable(konashenkov: list[Claim], toolkit: Any, nlp: Any) -> None:
    text = (SAMPLES / "fakes-1965495345.txt").read_text(encoding="utf-8")
    again = extract(text, toolkit, nlp)
    assert [c.claim_id for c in again] == [c.claim_id for c in konashenkov]
    assert len({c.claim_id for c in again}) == len(again)


def test_quote_closed_by_the_center_said(toolkit: Any, nlp: Any) -> None:
    text = (SAMPLES / "fakes-1924058217.txt").read_text(encoding="utf-8")
    quoted = [c for c in extract(text, toolkit, nlp) if c.attribution == "direct_quote"]
    assert [c.value for c in quoted] == [40]
    assert quoted[0].speaker is not None and "reconciliation" in quoted[0].speaker
    assert quoted[0].metric == "people_killed"


def test_he_said_resolves_to_the_person_named_before(toolkit: Any, nlp: Any) -> None:
    text = (
        "12 March 2016 Syrian Observatory head Rami Abdel Rahman spoke to reporters in Beirut. "
        "The strikes have killed 122 civilians since Sunday, he said."
    )
    (claim,) = extract(text, toolkit, nlp)
    assert claim.speaker == "Rami Abdel Rahman"
    assert (claim.period_start, claim.period_end) == ("2016-03-06", "2016-03-12")


def test_bare_figure_after_a_percentage_is_a_percentage(toolkit: Any, nlp: Any) -> None:
    text = "Its share of the vote fell from 70 percent in 2012 and dwindled to less than 5 by 2016."
    claims = extract(text, toolkit, nlp)
    assert [(c.value, c.unit, c.qualifier) for c in claims] == [
        (70, "percent", "exact"),
        (5, "percent", "under"),
    ]


def test_outlet_voice_has_no_speaker(toolkit: Any, nlp: Any) -> None:
    (claim,) = extract("Russian jets destroyed 24 tanks near Palmyra.", toolkit, nlp)
    assert claim.speaker is None and claim.attribution == "outlet"
    assert claim.object == "tanks destroyed" and claim.metric == "equipment_destroyed"
    assert claim.period_start is None  # no date in the text, none invented


def test_headline_ending_in_its_source_is_attributed(toolkit: Any, nlp: Any) -> None:
    text = (
        "Air strikes kill 35 civilians in Idlib: monitor\n\n"
        "The Syrian Observatory for Human Rights said the strikes hit a market."
    )
    (claim,) = extract(text, toolkit, nlp)
    assert claim.value == 35
    assert claim.speaker == "Syrian Observatory for Human Rights"


def test_a_place_is_never_the_speaker(toolkit: Any, nlp: Any) -> None:
    text = "SANA reporter in Homs said that rocket shells landed on a square killing 4 citizens."
    (claim,) = extract(text, toolkit, nlp)
    assert claim.speaker is not None and "Homs" not in claim.speaker
    assert "SANA" in claim.speaker or "reporter" in claim.speaker


def test_an_unnamed_relayed_source_leaves_the_relayer_speaking(toolkit: Any, nlp: Any) -> None:
    text = (
        "US airstrikes have killed 11 civilians Al Jazeera reported Wednesday citing an "
        "undisclosed Syrian opposition source."
    )
    (claim,) = extract(text, toolkit, nlp)
    assert claim.speaker == "Al Jazeera"


def test_focused_parse_gives_the_claims_of_a_full_parse(toolkit: Any, nlp: Any) -> None:
    text = (
        "August 12 2016 Terrorists executed militants in Aleppo. The war began in 2011. "
        "Rebels took some 2000 civilians as shields. Activists said 12 people were killed."
    )
    raw = RawDocument(source="t.txt", content=text.encode("utf-8"), media_type="text")
    article = prepare(raw, toolkit)
    focused = toolkit.extractor.extract(article, nlp(toolkit.focus.text(article.text)))
    full = toolkit.extractor.extract(article, nlp(article.text))
    assert sorted(c.value for c in focused) == sorted(c.value for c in full) == [12, 2000]


def test_quoted_as_saying_names_the_speaker(toolkit: Any, nlp: Any) -> None:
    text = (
        '"According to preliminary data five people were killed in the attack" Barazi was '
        "quoted as saying by Al Mayadeen TV channel."
    )
    (claim,) = extract(text, toolkit, nlp)
    assert claim.speaker is not None and "Barazi" in claim.speaker


def test_a_role_given_to_a_name_is_that_person(toolkit: Any, nlp: Any) -> None:
    text = (
        "Earlier the Russian Defense Ministry spokesman Major General Igor Konashenkov said "
        "that the gunmen killed 27 civilians."
    )
    (claim,) = extract(text, toolkit, nlp)
    assert claim.speaker == "Igor Konashenkov"
