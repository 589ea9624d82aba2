"""A static, self-contained HTML report of the ledger: one page, inline CSS, no scripts.

Layout: a header with totals (and the run summary when given), one section per article
with its metadata and a table of its claims, each claim followed by its evidence sentence
with the figure marked, then the per-document errors. Every value taken from the data is
HTML-escaped: article text and titles routinely contain ``<``, ``&`` and quotes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

from claimledger.models import Article, Claim, DocumentError, PublicationDate

CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem;
       padding: 0 1rem; color: #222; }
h1 { margin-bottom: .2rem; }
section { border-top: 1px solid #ccc; margin-top: 1.5rem; }
.meta { color: #555; margin: .2rem 0; }
.totals span { margin-right: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: 14px; }
th, td { border: 1px solid #ddd; padding: .25rem .4rem; text-align: left;
         vertical-align: top; }
th { background: #f3f3f3; }
tr.evidence td { color: #444; background: #fafafa; font-style: italic; }
mark { background: #ffe066; font-style: normal; }
.none { color: #999; }
small { color: #666; }
"""

CLAIM_COLUMNS = (
    "value",
    "unit",
    "qualifier",
    "object",
    "metric",
    "speaker",
    "attribution",
    "period",
    "places",
)


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _or_none(value: str | None) -> str:
    return _e(value) if value else '<span class="none">—</span>'


def format_number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def _value_cell(claim: Claim) -> str:
    text = format_number(claim.value)
    if claim.value_max is not None:
        text += f"–{format_number(claim.value_max)}"
    return _e(text)


def _speaker_cell(claim: Claim) -> str:
    details = ", ".join(part for part in (claim.speaker_role, claim.speaker_org) if part)
    small = f"<br><small>{_e(details)}</small>" if details else ""
    return _or_none(claim.speaker) + small


def _period_cell(claim: Claim) -> str:
    start, end = claim.period_start, claim.period_end
    if start and end:
        span = f"{start} – {end}"
    elif start or end:
        span = f"since {start}" if start else f"until {end}"
    else:
        return _or_none(None)
    return _e(span) + _period_source(claim)


PERIOD_SOURCES = {
    "sentence": "in the sentence",
    "event": "date of the event",
    "conflict": "conflict so far, from",
    "statement": "as another mention of the same statement",
}


def _period_source(claim: Claim) -> str:
    """Where the period comes from: the words that gave it ("on Sunday")."""
    if not claim.period_source or not claim.period_evidence:
        return ""
    how = PERIOD_SOURCES.get(claim.period_source, claim.period_source)
    return f"<br><small>{_e(how)}: “{_e(claim.period_evidence)}”</small>"


def _claim_cells(claim: Claim) -> tuple[str, ...]:
    return (
        _value_cell(claim),
        _e(claim.unit),
        _e(claim.qualifier),
        _e(claim.object),
        _e(claim.metric),
        _speaker_cell(claim),
        _e(claim.attribution),
        _period_cell(claim),
        _or_none(", ".join(place.name for place in claim.places)),
    )


def highlight_evidence(article: Article, claim: Claim) -> str:
    """The evidence sentence, escaped, with the figure wrapped in <mark>.

    The evidence offsets point into `article.text`; the sentence is located there to turn
    them into offsets within the sentence. Falls back to the plain sentence when the
    offsets do not land inside it.
    """
    sentence, start, end = claim.evidence.text, claim.evidence.start, claim.evidence.end
    at = article.text.find(sentence, max(0, start - len(sentence)))
    if at < 0 or not at <= start < end <= at + len(sentence):
        return _e(sentence)
    first, last = start - at, end - at
    marked = f"<mark>{_e(sentence[first:last])}</mark>"
    return _e(sentence[:first]) + marked + _e(sentence[last:])


def _claim_rows(article: Article, claim: Claim) -> str:
    cells = "".join(f"<td>{cell}</td>" for cell in _claim_cells(claim))
    evidence = highlight_evidence(article, claim)
    span = len(CLAIM_COLUMNS)
    return f'<tr>{cells}</tr>\n<tr class="evidence"><td colspan="{span}">{evidence}</td></tr>'


def _claims_table(article: Article, claims: list[Claim]) -> str:
    if not claims:
        return '<p class="none">No claims found.</p>'
    head = "".join(f"<th>{name}</th>" for name in CLAIM_COLUMNS)
    rows = "\n".join(_claim_rows(article, claim) for claim in claims)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"


def _published(date: PublicationDate) -> str:
    when = f"{_e(date.value)} ({_e(date.precision)})" if date.value else "unknown"
    return f"{when} <small>{_e(date.note)}</small>"


def _article_section(article: Article, claims: list[Claim]) -> str:
    meta = (
        f'<p class="meta">source: {_e(article.source)} · outlet: '
        f"{_or_none(article.outlet.name)} · language: {_e(article.language)} · "
        f"{len(claims)} claim{'s' if len(claims) != 1 else ''}</p>\n"
        f'<p class="meta">published: {_published(article.published)}</p>'
    )
    title = _e(article.title or article.source)
    return (
        f'<section id="article-{_e(article.article_id)}">\n<h2>{title}</h2>\n{meta}\n'
        f"{_claims_table(article, claims)}\n</section>"
    )


def _error_rows(errors: Iterable[DocumentError]) -> str:
    return "\n".join(
        f"<tr><td>{_e(err.source)}</td><td>{_e(err.kind)}</td>"
        f"<td>{_e(err.message)}</td><td>{_e(err.hint)}</td></tr>"
        for err in errors
    )


def _errors_section(errors: list[DocumentError]) -> str:
    if not errors:
        return '<section id="errors">\n<h2>Errors</h2>\n<p class="none">None.</p>\n</section>'
    head = "<tr><th>source</th><th>kind</th><th>message</th><th>hint</th></tr>"
    table = f"<table>\n<thead>{head}</thead>\n<tbody>\n{_error_rows(errors)}\n</tbody>\n</table>"
    return f'<section id="errors">\n<h2>Errors ({len(errors)})</h2>\n{table}\n</section>'


def _summary_list(summary: Mapping[str, object]) -> str:
    items = "".join(f"<dt>{_e(key)}</dt><dd>{_e(value)}</dd>" for key, value in summary.items())
    return f"<details><summary>Run</summary><dl>{items}</dl></details>"


def _header(
    articles: list[Article], n_claims: int, n_errors: int, summary: Mapping[str, object] | None
) -> str:
    totals = (
        f"<span>{len(articles)} articles</span><span>{n_claims} claims</span>"
        f"<span>{n_errors} errors</span>"
    )
    run = _summary_list(summary) if summary else ""
    return f'<header>\n<h1>claimledger report</h1>\n<p class="totals">{totals}</p>\n{run}</header>'


def render_report(
    articles: list[Article],
    claims_by_article: dict[str, list[Claim]],
    errors: list[DocumentError],
    summary: Mapping[str, object] | None,
) -> str:
    """The whole report as one HTML document."""
    n_claims = sum(len(claims_by_article.get(a.article_id, [])) for a in articles)
    sections = "\n".join(
        _article_section(article, claims_by_article.get(article.article_id, []))
        for article in articles
    )
    body = "\n".join(
        (_header(articles, n_claims, len(errors), summary), sections, _errors_section(errors))
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>claimledger report</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
