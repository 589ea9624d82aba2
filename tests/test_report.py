"""The HTML report on a real article: escaped data, marked figures, listed errors."""

from __future__ import annotations

from pathlib import Path

from claimledger.models import (
    Article,
    Claim,
    DocumentError,
    Evidence,
    Outlet,
    Place,
    PublicationDate,
    RawDocument,
)
from claimledger.report import highlight_evidence, render_report

SOURCE = "samples/corpus/fakes-1965495345.txt"
TEXT = (Path(__file__).parents[1] / SOURCE).read_text(encoding="utf-8")
SENTENCE = (
    "The Russian aircraft carried out 182 airstrikes against the positions of Daesh "
    "terrorists in Syria in the past 24 hours the ministry said in a statement on Tuesday."
)
SCRIPT = "<script>alert('x')</script>"


def make_article(title: str | None) -> Article:
    raw = RawDocument(source=SOURCE, content=TEXT.encode("utf-8"), media_type="text")
    published = PublicationDate(
        "2017-10", "month", "text", "10.10.2017", 'Only the month is certain & "stated".'
    )
    return Article(raw.article_id, SOURCE, "en", title, TEXT, published, Outlet("Sputnik", None))


def make_claim(article: Article, start: int, end: int) -> Claim:
    return Claim(
        claim_id="c1",
        article_id=article.article_id,
        value=182.0,
        value_max=None,
        unit="count",
        value_normalized=182.0,
        unit_normalized="count",
        qualifier="exact",
        object="airstrikes",
        metric="airstrikes",
        speaker="Russian Ministry of Defence",
        speaker_role="press service",
        speaker_org=None,
        attribution="reported",
        period_start="2017-10-09",
        period_end="2017-10-10",
        places=(Place("Syria", 35.0, 38.0, 163843),),
        evidence=Evidence(SENTENCE, start, end),
        surface="182 airstrikes",
    )


def figure_claim(article: Article) -> Claim:
    start = TEXT.index(SENTENCE) + SENTENCE.index("182")
    return make_claim(article, start, start + 3)


def render(title: str | None, errors: list[DocumentError]) -> str:
    article = make_article(title)
    claims = {article.article_id: [figure_claim(article)]}
    return render_report([article], claims, errors, {"run_id": "r1", "inputs": [SOURCE]})


def test_figure_is_marked_inside_its_sentence() -> None:
    article = make_article(None)
    marked = highlight_evidence(article, figure_claim(article))
    assert marked == SENTENCE.replace("182", "<mark>182</mark>")


def test_offsets_outside_the_sentence_give_the_plain_sentence() -> None:
    article = make_article(None)
    assert highlight_evidence(article, make_claim(article, 0, 4)) == SENTENCE


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
    assert f"<h2>{SOURCE}</h2>" in page
    assert "2017-10 (month)" in page and "1 claim<" in page
    assert "Russian Ministry of Defence<br><small>press service</small>" in page
    assert "2017-10-09 – 2017-10-10" in page
    assert "<td>missing.txt</td><td>unreadable</td>" in page
    assert "http" not in page and "<script" not in page


def test_report_without_errors_or_claims() -> None:
    article = make_article("Quiet day")
    page = render_report([article], {}, [], None)
    assert "No claims found." in page and "0 claims" in page
    assert "<h2>Errors</h2>" in page
