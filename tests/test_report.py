"""The HTML report on a real article: escaped data, marked figures, listed errors."""

from __future__ import annotations

from claimledger.models import Article, Claim, DocumentError, Evidence, Outlet
from claimledger.report import highlight_evidence, render_report
from tests.conftest import (
    AIRSTRIKES,
    CORPUS_SOURCE,
    SYRIA,
    corpus_article,
    corpus_claim,
    corpus_date,
)

SCRIPT = "<script>alert('x')</script>"


def make_article(title: str | None) -> Article:
    published = corpus_date("2017-10", "month", 'Only the month is certain & "stated".')
    return corpus_article(title, published=published, outlet=Outlet("Sputnik", None))


def figure_claim(article: Article, **fields: object) -> Claim:
    """The 182 airstrikes, with evidence offsets on the figure unless `fields` say otherwise."""
    return corpus_claim(
        article,
        AIRSTRIKES,
        "182 airstrikes",
        claim_id="c1",
        metric="airstrikes",
        speaker_role="press service",
        period_start="2017-10-09",
        period_end="2017-10-10",
        period_source="sentence",
        period_evidence="in the past 24 hours",
        places=(SYRIA,),
        **fields,
    )


def render(title: str | None, errors: list[DocumentError]) -> str:
    article = make_article(title)
    claims = {article.article_id: [figure_claim(article)]}
    return render_report([article], claims, errors, {"run_id": "r1", "inputs": [CORPUS_SOURCE]})


def test_figure_is_marked_inside_its_sentence() -> None:
    article = make_article(None)
    marked = highlight_evidence(article, figure_claim(article))
    assert marked == AIRSTRIKES.replace("182", "<mark>182</mark>")


def test_offsets_outside_the_sentence_give_the_plain_sentence() -> None:
    article = make_article(None)
    claim = figure_claim(article, evidence=Evidence(AIRSTRIKES, 0, 4))
    assert highlight_evidence(article, claim) == AIRSTRIKES


def test_title_and_error_message_are_escaped() -> None:
    error = DocumentError("bad.html", "empty", f"Body was {SCRIPT}", "Check <the> source & retry.")
    page = render(f"{SCRIPT} Russian jets", [error])
    assert "<script" not in page
    assert page.count("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;") == 2
    assert "Check &lt;the&gt; source &amp; retry." in page
    assert "Only the month is certain &amp; &quot;stated&quot;." in page


def test_report_lists_article_claims_and_errors() -> None:
    error = DocumentError("missing.txt", "unreadable", "No such file.", "Check the path.")
    page = render(None, [error])
    assert page.startswith("<!DOCTYPE html>")
    assert "<mark>182</mark> airstrikes" in page
    assert f"<h2>{CORPUS_SOURCE}</h2>" in page
    assert "2017-10 (month)" in page and "1 claim<" in page
    assert "Russian Ministry of Defence<br><small>press service</small>" in page
    assert "2017-10-09 – 2017-10-10<br><small>in the sentence: “in the past 24 hours”" in page
    assert "<td>missing.txt</td><td>unreadable</td>" in page
    assert "http" not in page and "<script" not in page


def test_report_without_errors_or_claims() -> None:
    article = make_article("Quiet day")
    page = render_report([article], {}, [], None)
    assert "No claims found." in page and "0 claims" in page
    assert "<h2>Errors</h2>" in page
