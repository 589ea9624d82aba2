"""The FA-KES peer check (`claimledger.peer`, `claimledger peer-fakes`).

The events are real lines of ../shared/peer/fakes_events.jsonl, copied verbatim below; the
export records are tiny and hand-built, each test stating only what it varies.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from claimledger.peer import (
    PeerEvent,
    PeerFormatError,
    check,
    is_casualty,
    killed_metrics,
    load_events,
    load_ids,
)
from claimledger.taxonomy import Taxonomy
from tests.conftest import SAMPLES, SHARED, require_shared
from tests.test_cli import claimledger

# Real lines of ../shared/peer/fakes_events.jsonl (the Aleppo article carries one a day, the
# SANA article three events in three cities).
PEER_LINES = (
    '{"id": "fakes-1923102851", "event_date": "8/14/16", "location": "aleppo", "actor": '
    '"syrian government or russian troops", "cause_of_death": "shelling", "nb_civilians": 51, '
    '"nb_noncivilians": 0, "nb_children": 4, "nb_women": 0, "label": 0, "outlet": '
    '"Al-Araby Al-Jadeed"}',
    '{"id": "fakes-1924058217", "event_date": "8/15/16", "location": "aleppo", "actor": '
    '"the organization of the islamic state in iraq and the levant - isis", "cause_of_death": '
    '"execution", "nb_civilians": 0, "nb_noncivilians": 40, "nb_children": 0, "nb_women": 0, '
    '"label": 0, "outlet": "TASS"}',
    '{"id": "fakes-1926479313", "event_date": "11/20/16", "location": "aleppo", "actor": '
    '"unknown", "cause_of_death": "shelling", "nb_civilians": 10, "nb_noncivilians": 0, '
    '"nb_children": 7, "nb_women": 0, "label": 1, "outlet": "SANA (Syrian Arab News Agency)"}',
    '{"id": "fakes-1926479313", "event_date": "11/20/16", "location": "damascus", "actor": '
    '"unknown", "cause_of_death": "shelling", "nb_civilians": 2, "nb_noncivilians": 0, '
    '"nb_children": 0, "nb_women": 0, "label": 0, "outlet": "SANA (Syrian Arab News Agency)"}',
    '{"id": "fakes-1926479313", "event_date": "11/20/16", "location": "homs", "actor": '
    '"unknown", "cause_of_death": "shelling", "nb_civilians": 4, "nb_noncivilians": 0, '
    '"nb_children": 0, "nb_women": 0, "label": 1, "outlet": "SANA (Syrian Arab News Agency)"}',
)
ALEPPO = "fakes-1923102851"  # 51 civilians, 8/14/16
NO_COUNT = "fakes-1924058217"  # no civilian count, 8/15/16
SANA = "fakes-1926479313"  # 10, 2 and 4 civilians, 11/20/16
KILLED = killed_metrics(Taxonomy.load())


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> list[PeerEvent]:
    path = tmp_path_factory.mktemp("peer") / "fakes_events.jsonl"
    path.write_text("\n".join(PEER_LINES) + "\n", encoding="utf-8")
    return load_events(path)


def record(article: str = ALEPPO, value: float = 51, **fields: Any) -> dict[str, Any]:
    """An export record of `article` (FORMATS.md section 1, the keys the check reads)."""
    values: dict[str, Any] = {
        "source": f"corpus/{article}.txt",
        "published": "2016-08-14",
        "value": value,
        "object": "civilians killed",
        "metric": "civilians_killed",
        "period_start": None,
        "period_end": None,
    }
    return values | fields


def of(events: list[PeerEvent], *articles: str) -> list[PeerEvent]:
    return [e for e in events if e.article in articles]


def test_the_copied_lines_are_the_peer_files() -> None:
    peer = require_shared(SHARED / "peer" / "fakes_events.jsonl")
    lines = set(peer.read_text(encoding="utf-8").splitlines())
    assert set(PEER_LINES) <= lines


def test_the_whole_peer_file_loads() -> None:
    peer = load_events(require_shared(SHARED / "peer" / "fakes_events.jsonl"))
    assert len(peer) == 546
    assert len({e.article for e in peer}) == 542
    assert sum(e.civilians > 0 for e in peer) == 403


def test_an_event_reads_its_month_day_year(events: list[PeerEvent]) -> None:
    assert events[0] == PeerEvent(ALEPPO, date(2016, 8, 14), 51, "aleppo")
    assert [e.location for e in of(events, SANA)] == ["aleppo", "damascus", "homs"]


def test_killed_metrics_are_the_taxonomys_metrics_of_people_killed() -> None:
    assert {"civilians_killed", "militants_killed", "military_killed", "people_killed"} == KILLED


@pytest.mark.parametrize(
    ("fields", "casualty"),
    [
        ({"metric": "civilians_killed"}, True),
        ({"metric": "people_killed"}, True),
        ({"metric": "civilians_wounded"}, False),
        ({"metric": "other"}, False),
        ({"metric": "other", "object": "civilians killed"}, False),
        ({"metric": None, "object": "civilians"}, True),
        ({"metric": None, "object": "people died"}, True),
        ({"metric": None, "object": "victims"}, True),
        ({"metric": None, "object": "casualties"}, True),
        ({"metric": None, "object": "barrel bombs"}, False),
        ({"metric": None, "object": "civilian"}, True),
        ({"metric": None, "object": "civilian areas"}, False),
    ],
)
def test_what_counts_as_a_casualty_claim(fields: dict[str, Any], casualty: bool) -> None:
    claim = record(**fields)
    if fields.get("metric") is None:
        del claim["metric"]
    assert is_casualty(claim, KILLED) is casualty


@pytest.mark.parametrize(
    ("records", "as_casualty", "anywhere", "check_name"),
    [
        ([record()], 1, 1, None),
        ([record(value=51.25)], 1, 1, None),  # within 0.5 %
        ([record(value=52)], 0, 0, "count"),
        ([record(value=51, metric="other", object="civilians")], 0, 1, "count_type"),
        ([record(value=51, metric="civilians_wounded")], 0, 1, "count_type"),
        ([record(value=4, metric="other"), record(value=51)], 1, 1, None),
        ([record(value=15), record(value=9, object="civilians")], 0, 0, "count"),
    ],
)
def test_civilian_count(
    events: list[PeerEvent],
    records: list[dict[str, Any]],
    as_casualty: int,
    anywhere: int,
    check_name: str | None,
) -> None:
    report = check(of(events, ALEPPO), records, killed=KILLED)
    assert (report.with_civilians, report.civilians_as_casualty) == (1, as_casualty)
    assert report.civilians_anywhere == anywhere
    assert [d.check for d in report.disagreements] == ([check_name] if check_name else [])


def test_a_missed_count_lists_what_the_ledger_holds(events: list[PeerEvent]) -> None:
    records = [record(value=15, object="people killed"), record(value=9, metric="other")]
    (missed,) = check(of(events, ALEPPO), records, killed=KILLED).disagreements
    assert (missed.article, missed.fakes) == (ALEPPO, "51 civilians (aleppo)")
    assert missed.ledger == "15 people killed"


def test_a_count_typed_otherwise_names_its_metric(events: list[PeerEvent]) -> None:
    records = [record(object="civilians", metric="other")]
    (typed,) = check(of(events, ALEPPO), records, killed=KILLED).disagreements
    assert (typed.check, typed.ledger) == ("count_type", "51 civilians [other]")


def test_an_article_without_a_claim_still_counts(events: list[PeerEvent]) -> None:
    ledger = {f"corpus/{ALEPPO}.txt": "2016-08-14"}
    report = check(of(events, ALEPPO), [], ledger, killed=KILLED)
    assert (report.articles, report.with_civilians, report.civilians_as_casualty) == (1, 1, 0)
    assert (report.published.agree, report.disagreements[0].ledger) == (1, "no casualty claim")


def test_no_civilian_count_is_not_scored(events: list[PeerEvent]) -> None:
    report = check(of(events, NO_COUNT), [record(NO_COUNT, 40)], killed=KILLED)
    assert (report.events, report.with_civilians, report.casualty_share) == (1, 0, None)
    assert report.period.agree + report.period.disagree + report.period.no_date == 0


def test_each_event_of_an_article_is_checked(events: list[PeerEvent]) -> None:
    records = [
        record(SANA, 10, published="2016-11-20"),
        record(SANA, 4, published="2016-11-20", metric="other"),
    ]
    report = check(of(events, SANA), records, killed=KILLED)
    assert (report.articles, report.events, report.with_civilians) == (1, 3, 3)
    assert (report.civilians_as_casualty, report.civilians_anywhere) == (1, 2)
    assert report.published.agree == 3


@pytest.mark.parametrize(
    ("published", "verdict"),
    [
        ("2016-08-14", "agree"),  # the event's day
        ("2016-08-17", "agree"),  # three days after
        ("2016-08-18", "disagree"),
        ("2016-08-13", "disagree"),  # before the event
        ("2016-08", "agree"),  # a month covering it
        ("2016-07", "disagree"),
        ("2016", "agree"),
        (None, "no_date"),
        ("not a date", "no_date"),
    ],
)
def test_publication_date_against_event_date(
    events: list[PeerEvent], published: str | None, verdict: str
) -> None:
    report = check(of(events, ALEPPO), [record(published=published)], killed=KILLED)
    tally = report.published
    assert {"agree": tally.agree, "disagree": tally.disagree, "no_date": tally.no_date} == {
        name: int(name == verdict) for name in ("agree", "disagree", "no_date")
    }


def test_the_ledgers_article_date_wins_over_its_records(events: list[PeerEvent]) -> None:
    ledger = {f"corpus/{ALEPPO}.txt": "2016-09-01"}
    report = check(of(events, ALEPPO), [record()], ledger, killed=KILLED)
    assert report.published.disagree == 1
    assert [(d.check, d.ledger) for d in report.disagreements] == [("published", "2016-09-01")]


@pytest.mark.parametrize(
    ("periods", "verdict"),
    [
        ([("2016-08-14", "2016-08-14")], "agree"),
        ([("2016-08-01", None)], "agree"),  # an open end
        ([(None, "2016-08-20")], "agree"),  # an open start
        ([("2016-08", "2016-08")], "agree"),  # a month
        ([("2016-08-13", "2016-08-13")], "disagree"),  # the day before: FA-KES's usual lag
        ([("2016-08-13", "2016-08-13"), ("2016-08-10", "2016-08-14")], "agree"),  # either
        ([(None, None)], "no_date"),
    ],
)
def test_period_of_the_matching_casualty_claims(
    events: list[PeerEvent], periods: list[tuple[str | None, str | None]], verdict: str
) -> None:
    records = [record(period_start=start, period_end=end) for start, end in periods]
    # a claim of another value, or not of people killed, never decides the period
    records += [record(value=7, period_start="2016-08-14", period_end="2016-08-14")]
    records += [record(metric="other", period_start="2016-08-14", period_end="2016-08-14")]
    tally = check(of(events, ALEPPO), records, killed=KILLED).period
    assert (tally.agree, tally.disagree, tally.no_date) == tuple(
        int(name == verdict) for name in ("agree", "disagree", "no_date")
    )


def test_a_period_disagreement_shows_the_spans(events: list[PeerEvent]) -> None:
    records = [
        record(period_start="2016-08-13", period_end="2016-08-13"),
        record(object="civilians", period_start=None, period_end=None),
    ]
    (period,) = check(of(events, ALEPPO), records, killed=KILLED).disagreements
    assert period.fakes == "event 2016-08-14 (aleppo)"
    assert period.ledger == "2016-08-13..2016-08-13: 51 civilians killed; no period: 51 civilians"


@pytest.mark.parametrize(
    "source",
    [f"corpus/{ALEPPO}.txt", f"C:\\news\\{ALEPPO}.txt", f"{ALEPPO}.html", ALEPPO],
)
def test_a_record_belongs_to_the_article_its_source_names(
    events: list[PeerEvent], source: str
) -> None:
    report = check(of(events, ALEPPO), [record(source=source)], killed=KILLED)
    assert (report.articles, report.civilians_as_casualty) == (1, 1)


def test_articles_outside_the_ledger_are_not_checked(events: list[PeerEvent]) -> None:
    report = check(events, [record(source="corpus/fakes-1.txt")], killed=KILLED)
    assert (report.articles, report.events, report.casualty_share) == (0, 0, None)


def test_figures_as_json(events: list[PeerEvent]) -> None:
    records = [record(), record(SANA, 10, published="2016-11-25")]
    figures = check(events, records, killed=KILLED).to_dict(cases=True)
    assert figures["civilians"] == {
        "events": 4,
        "as_casualty": 2,
        "anywhere": 2,
        "casualty_share": 0.5,
        "anywhere_share": 0.5,
    }
    assert figures["published"] == {"agree": 1, "disagree": 3, "no_date": 0, "rate": 0.25}
    assert len(figures["disagreements"]) == 5
    assert "disagreements" not in check(events, records, killed=KILLED).to_dict()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 1 is not JSON"),
        ('{"event_date": "8/14/16", "nb_civilians": 1}', 'line 1 has no "id" string'),
        ('{"id": "fakes-1", "event_date": "8/14/16"}', 'line 1 has no whole "nb_civilians"'),
        ('{"id": "fakes-1", "event_date": "8/14/16", "nb_civilians": true}', "nb_civilians"),
        ('{"id": "fakes-1", "event_date": "2016-08-14", "nb_civilians": 1}', "M/D/YY"),
        ('{"id": "fakes-1", "event_date": "2/30/16", "nb_civilians": 1}', "M/D/YY"),
    ],
)
def test_a_bad_peer_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "peer.jsonl"
    path.write_text("\n" + line + "\n", encoding="utf-8")  # blank lines are skipped
    with pytest.raises(PeerFormatError, match=message.replace("line 1", "line 2")):
        load_events(path)


def test_id_lists_skip_blanks_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "sealed.txt"
    path.write_text("# held out\nfakes-1\n\n  fakes-2  # annotated later\n", encoding="utf-8")
    assert load_ids(path) == {"fakes-1", "fakes-2"}


# --- the command ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def peer_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two real FA-KES sample articles: the Khan Shaykhun attack (58 civilians, 4/4/17) and
    Daesh's executions in Al-Qaryatayn (128 civilians, FA-KES dates them 10/23/17, the day of
    publication; the text says they began on October 1)."""
    require_shared(SHARED / "peer" / "fakes_events.jsonl")
    root = tmp_path_factory.mktemp("peer-cli")
    (root / "corpus").mkdir()
    for name in ("fakes-1918150030.txt", "fakes-1965495348.txt", "semeval20-700461600.txt"):
        shutil.copy(SAMPLES / name, root / "corpus" / name)
    (root / "sealed.txt").write_text("fakes-1965495348\n", encoding="utf-8")
    return root


def test_peer_fakes_runs_the_articles_and_checks_them(peer_dir: Path) -> None:
    result = claimledger(
        "peer-fakes", "--articles", "corpus", "--db", "out/peer.db", "--json", cwd=peer_dir
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert (figures["articles"], figures["events"]) == (2, 2)
    assert figures["civilians"]["events"] == 2
    assert figures["civilians"]["as_casualty"] == figures["civilians"]["anywhere"] == 2
    assert figures["published"] == {"agree": 2, "disagree": 0, "no_date": 0, "rate": 1.0}


def test_peer_fakes_on_a_ledger_lists_disagreements(peer_dir: Path) -> None:
    claimledger("peer-fakes", "--articles", "corpus", "--db", "out/peer.db", cwd=peer_dir)
    result = claimledger("peer-fakes", "--db", "out/peer.db", "-v", cwd=peer_dir)
    assert result.returncode == 0, result.stderr
    assert "civilians: casualty claim" in result.stderr and "2 / 2 events" in result.stderr
    assert "period     fakes-1965495348  FA-KES event 2017-10-23" in result.stderr


def test_peer_fakes_leaves_out_excluded_articles(peer_dir: Path) -> None:
    claimledger("peer-fakes", "--articles", "corpus", "--db", "out/peer.db", cwd=peer_dir)
    result = claimledger(
        "peer-fakes", "--db", "out/peer.db", "--exclude", "seal*.txt", "--json", "-v", cwd=peer_dir
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert (figures["articles"], figures["disagreements"]) == (1, [])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give --db LEDGER, or --articles FOLDER"),
        (("--db", "missing.db"), "no ledger at missing.db"),
        (("--db", "x.db", "--peer", "missing.jsonl"), "no FA-KES annotation at missing.jsonl"),
        (("--articles", "nowhere"), "no folder at nowhere"),
        (("--articles", "."), "none of the FA-KES articles"),
        (("--articles", ".", "--exclude", "missing*.txt"), "no file of article ids"),
    ],
)
def test_peer_fakes_fails_with_a_message(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    require_shared(SHARED / "peer" / "fakes_events.jsonl")
    result = claimledger("peer-fakes", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "missing.db").exists()
