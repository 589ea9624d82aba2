"""Same statements within an article share a cluster id."""

from __future__ import annotations

from typing import Any

from claimledger.models import RawDocument
from claimledger.pipeline import analyse, prepare


def claims_of(text: str, toolkit: Any, nlp: Any) -> list[Any]:
    article = prepare(RawDocument("t.txt", text.encode("utf-8"), "text"), toolkit)
    return list(analyse(article, nlp(article.text), toolkit).claims)


def test_rounded_headline_figure_joins_the_body_figure(toolkit: Any, nlp: Any) -> None:
    text = (
        "Russian jets destroy almost 1,600 terrorist targets in Syria\n\n"
        "Russian jets have destroyed 1,593 terrorist facilities near Aleppo, the ministry "
        "said. Separately, rebels said they shot down 2 drones."
    )
    head, body, drones = claims_of(text, toolkit, nlp)
    assert (head.value, body.value) == (1600, 1593)
    assert head.cluster_id is not None and head.cluster_id == body.cluster_id
    assert drones.cluster_id is None


def test_the_same_figure_from_two_sources_stays_two_statements(toolkit: Any, nlp: Any) -> None:
    text = (
        "Rebels said 50 fighters were killed in the bombing. The Syrian Observatory for "
        "Human Rights said 50 fighters were killed."
    )
    first, second = claims_of(text, toolkit, nlp)
    assert first.speaker != second.speaker
    assert first.cluster_id is None and second.cluster_id is None


def test_a_headline_takes_the_time_words_of_the_body_statement(toolkit: Any, nlp: Any) -> None:
    text = (
        "12 March 2016\n\nOver 100 ISIL Terrorists Killed in Russian Offensive in Homs\n\n"
        "The Syrian army pressed on east of Palmyra. Russian airstrikes claimed the lives of "
        "at least 100 terrorists in the last 48 hours, military sources said."
    )
    head, body = claims_of(text, toolkit, nlp)
    assert head.cluster_id == body.cluster_id is not None
    assert (body.period_start, body.period_end) == ("2016-03-10", "2016-03-12")
    assert (head.period_start, head.period_end) == (body.period_start, body.period_end)
    assert (head.period_source, head.period_evidence) == ("statement", "in the last 48 hours")
