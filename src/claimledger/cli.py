"""The `claimledger` command: a thin adapter over the library (typer + rich)."""

from __future__ import annotations

import glob
import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Literal, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from claimledger import __version__
from claimledger.diagnose import causes
from claimledger.errors import ClaimledgerError
from claimledger.evaluate import EvalReport, load_gold, score
from claimledger.export import export_ledger, ledger_records
from claimledger.ingest import discover
from claimledger.models import Claim, RunSummary
from claimledger.peer import PeerEvent, PeerReport, check, load_events, load_ids
from claimledger.pipeline import Toolkit, run
from claimledger.report import render_report
from claimledger.settings import Settings
from claimledger.store import Ledger

T = TypeVar("T")
REPO = Path(__file__).resolve().parents[2]
FAKES_EVENTS = REPO.parent / "shared" / "peer" / "fakes_events.jsonl"
app = typer.Typer(help="A ledger of attributed quantitative claims from news articles.")
console = Console(stderr=True)

SettingsOption = Annotated[
    Path | None, typer.Option("--settings", help="TOML file overriding the default settings.")
]
DbOption = Annotated[Path, typer.Option("--db", help="The SQLite ledger file.")]


@app.command("run")
def run_command(
    paths: Annotated[list[str], typer.Argument(help="Article files or directories (.txt, .html).")],
    out: Annotated[
        Path, typer.Option(help="Folder for ledger.db, claims.jsonl, report.html.")
    ] = Path("out"),
    settings_file: SettingsOption = None,
) -> None:
    """Extract claims from articles into the ledger, then export JSONL and the HTML report."""
    out.mkdir(parents=True, exist_ok=True)
    tools = _toolkit(settings_file)
    total = sum(1 for _ in discover(paths))
    with Ledger.open(out / "ledger.db") as ledger, _progress() as bar:
        task = bar.add_task("articles", total=total)
        summary = _guarded(lambda: run(paths, ledger, tools, progress=lambda _: bar.advance(task)))
        with (out / "claims.jsonl").open("w", encoding="utf-8") as stream:
            exported = export_ledger(ledger, "jsonl", stream)
        (out / "report.html").write_text(_report(ledger), encoding="utf-8")
    _print_summary(summary, exported, out)
    if summary.processed == 0:
        console.print("[red]No document could be processed.[/red] See the errors above.")
        raise typer.Exit(1)


@app.command("export")
def export_command(
    db: DbOption = Path("out/ledger.db"),
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv")] = "jsonl",
    output: Annotated[Path | None, typer.Option(help="File to write; stdout if omitted.")] = None,
) -> None:
    """Export every claim in the ledger (JSONL exactly as FORMATS.md, or CSV)."""
    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter("use --format jsonl or --format csv", param_hint="--format")
    _require(db)
    with Ledger.open(db) as ledger:
        kind: Literal["jsonl", "csv"] = "jsonl" if fmt == "jsonl" else "csv"
        if output is None:
            count = export_ledger(ledger, kind, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as stream:
                count = export_ledger(ledger, kind, stream)
    console.print(f"exported {count} claims")


@app.command("report")
def report_command(
    db: DbOption = Path("out/ledger.db"),
    output: Annotated[Path, typer.Option(help="HTML file to write.")] = Path("out/report.html"),
) -> None:
    """Write the static HTML report of the ledger."""
    _require(db)
    with Ledger.open(db) as ledger:
        output.write_text(_report(ledger), encoding="utf-8")
    console.print(f"wrote {output}")


@app.command("eval")
def eval_command(
    gold: Annotated[
        list[Path], typer.Option(help="Gold JSONL (FORMATS.md section 2); repeat to combine.")
    ],
    articles: Annotated[Path, typer.Option(help="Folder holding the gold articles.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="List misses.")] = False,
    settings_file: SettingsOption = None,
) -> None:
    """Run the pipeline on the gold articles and score the export against the gold."""
    entries = [entry for path in gold for entry in load_gold(path)]
    paths = [str(articles / entry["article"]) for entry in entries]
    tools = _toolkit(settings_file)
    with tempfile.TemporaryDirectory() as tmp, Ledger.open(Path(tmp) / "eval.db") as ledger:
        _guarded(lambda: run(paths, ledger, tools))
        records = list(ledger_records(ledger))
        texts = {Path(a.source).name: a.text for a in ledger.articles()}
    report = score(entries, records)
    grouped = causes(report, records, texts) if verbose else {}
    if as_json:
        figures = report.to_dict()
        if not verbose:
            figures = {k: v for k, v in figures.items() if k in ("mentions", "fields", "dates")}
        else:
            figures["causes"] = grouped
        print(json.dumps(figures, indent=2))
    else:
        _print_eval(report, grouped)


@app.command("peer-fakes")
def peer_fakes_command(
    db: Annotated[
        Path | None,
        typer.Option("--db", help="The ledger to check; with --articles, the ledger to run into."),
    ] = None,
    articles: Annotated[
        Path | None,
        typer.Option(
            help="Run the pipeline first on the peer's articles (<id>.txt) in this folder."
        ),
    ] = None,
    peer: Annotated[
        Path, typer.Option(help="FA-KES annotation (default: ../shared beside the repository).")
    ] = FAKES_EVENTS,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            metavar="FILE",
            help="File of article ids to leave out, one a line; a quoted glob is expanded.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="List disagreements.")] = False,
    settings_file: SettingsOption = None,
) -> None:
    """Check the ledger against FA-KES's own annotation: civilian counts and event dates.

    Give --db to check a ledger, --articles to run the pipeline on the FA-KES articles first
    (into --db when given, else a temporary ledger)."""
    events = _peer_events(peer, exclude or [])
    if articles is None:
        if db is None:
            _fail("give --db LEDGER, or --articles FOLDER to run the FA-KES articles first.")
        _require(db)
    else:
        paths = _peer_paths(articles, events)
        if db is not None:
            db.parent.mkdir(parents=True, exist_ok=True)
    with _ledger(db) as ledger:
        if articles is not None:
            _run_quietly(paths, ledger, settings_file)
        records = list(ledger_records(ledger))
        dates = {a.source: a.published.value for a in ledger.articles()}
    report = check(events, records, dates)
    if as_json:
        print(json.dumps(report.to_dict(cases=verbose), indent=2, ensure_ascii=False))
    else:
        _print_peer(report, verbose)


@app.command("version")
def version_command() -> None:
    """Print the version."""
    print(__version__)


def _toolkit(settings_file: Path | None) -> Toolkit:
    return _guarded(lambda: Toolkit.build(Settings.load(settings_file)))


def _guarded(call: Callable[[], T]) -> T:
    try:
        return call()
    except ClaimledgerError as error:
        console.print(f"[red]error:[/red] {error.message}\n[bold]what to do:[/bold] {error.hint}")
        raise typer.Exit(2) from None


def _require(db: Path) -> None:
    if not db.exists():
        console.print(f"[red]error:[/red] no ledger at {db}. Run `claimledger run PATHS` first.")
        raise typer.Exit(2)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def _report(ledger: Ledger) -> str:
    """The report of the whole ledger, with the errors of the latest run."""
    claims: dict[str, list[Claim]] = {}
    for claim in ledger.claims():
        claims.setdefault(claim.article_id, []).append(claim)
    runs = ledger.runs()
    latest = runs[-1] if runs else None
    errors = ledger.errors(str(latest["run_id"])) if latest else []
    return render_report(ledger.articles(), claims, errors, latest)


def _print_summary(summary: RunSummary, exported: int, out: Path) -> None:
    table = Table(title=f"claimledger run {summary.run_id}")
    table.add_column("article")
    table.add_column("status")
    table.add_column("claims", justify="right")
    for source, status, count in summary.per_article:
        table.add_row(source, status, str(count))
    for error in summary.errors:
        table.add_row(error.source, f"[red]{error.kind}[/red]: {error.message}", "-")
    console.print(table)
    console.print(
        f"{summary.documents} documents: {summary.new_articles} new, "
        f"{summary.known_articles} already in the ledger, {len(summary.errors)} errors; "
        f"{summary.new_claims} new claims ({exported} in the ledger)."
    )
    if summary.new_articles == 0 and summary.known_articles:
        console.print("Nothing new: every article was already in the ledger.")
    console.print(f"Wrote {out / 'ledger.db'}, {out / 'claims.jsonl'}, {out / 'report.html'}")


def _print_eval(report: EvalReport, grouped: dict[str, list[str]]) -> None:
    table = Table(title="claimledger eval")
    table.add_column("measure")
    table.add_column("value", justify="right")
    mentions = f"{report.precision:.3f} / {report.recall:.3f} / {report.f1:.3f}"
    table.add_row("mention P / R / F1", mentions)
    for name in ("speaker", "period", "object", "qualifier"):
        field = getattr(report, name)
        accuracy = "n/a" if field.accuracy is None else f"{field.accuracy:.3f}"
        table.add_row(f"{name} accuracy", f"{accuracy} ({field.correct}/{field.total})")
    dates = report.dates
    table.add_row(
        "publication date", f"{dates.correct}/{dates.total}, false dates {report.false_dates}"
    )
    console.print(table)
    for cause, lines in sorted(grouped.items(), key=lambda item: -len(item[1])):
        console.rule(f"{cause} ({len(lines)})")
        for line in lines:
            console.print(line, markup=False, highlight=False)


@app.command("quantities")
def quantities_command(
    input_file: Annotated[
        Path, typer.Option("--input", help='JSON Lines, one {"id": ..., "text": ...} a line.')
    ],
    lang: Annotated[str, typer.Option(help="Language of the texts (digits, number words).")] = "en",
) -> None:
    """Every quantity in each text: one JSON line {"id", "quantities"} per input line."""
    from claimledger.quantity_layer import annotate

    _require_input(input_file)

    def write() -> None:
        with input_file.open(encoding="utf-8") as handle:
            for record in annotate(handle, lang):
                print(json.dumps(record, ensure_ascii=False))

    _guarded(write)


@app.command("eval-quantities")
def eval_quantities_command(
    peer_set: Annotated[
        Path, typer.Option("--set", help="A peer set, e.g. ../shared/peer/newsquant.jsonl.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="List the errors.")] = False,
) -> None:
    """Score the quantity layer on a peer set with CQE's protocol (P/R/F1 for value,
    value+unit and value+change)."""
    from claimledger.quantity_eval import evaluate
    from claimledger.quantity_layer import layer_for

    _require_input(peer_set)
    layer = layer_for("en")
    report = _guarded(lambda: evaluate(peer_set, layer.extract, layer.units))
    if as_json:
        print(json.dumps(report.to_dict(verbose), indent=2))
        return
    table = Table(
        title=f"claimledger eval-quantities: {report.name} ({report.sentences} sentences)"
    )
    for column in ("measure", "precision", "recall", "F1", "correct / gold"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    figures = report.to_dict()
    for name in ("value", "value+unit", "value+change strict"):
        if name in figures:
            f = figures[name]
            counts = f"{f['correct']} / {f['gold']}"
            table.add_row(
                name, f"{f['precision']:.3f}", f"{f['recall']:.3f}", f"{f['f1']:.3f}", counts
            )
    console.print(table)
    if report.dropped_years:
        console.print(
            f"{report.dropped_years} gold years left out (claimledger never reports years)"
        )
    if verbose:
        for line in report.errors:
            console.print(line, markup=False, highlight=False)


def _require_input(path: Path) -> None:
    if not path.is_file():
        console.print(f"[red]error:[/red] no file at {path}.")
        raise typer.Exit(2)


def _fail(message: str) -> NoReturn:
    console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(2)


def _id_files(patterns: list[str]) -> list[Path]:
    """The files each --exclude names: the path itself, or the files its glob matches."""
    files = []
    for pattern in patterns:
        found = [Path(p) for p in sorted(glob.glob(pattern)) if Path(p).is_file()]
        if not found:
            _fail(f"no file of article ids at {pattern}.")
        files += found
    return files


@contextmanager
def _ledger(db: Path | None) -> Iterator[Ledger]:
    """The ledger at `db`, or a temporary one."""
    if db is not None:
        with Ledger.open(db) as ledger:
            yield ledger
        return
    with tempfile.TemporaryDirectory() as tmp, Ledger.open(Path(tmp) / "peer.db") as ledger:
        yield ledger


def _peer_events(peer: Path, exclude: list[str]) -> list[PeerEvent]:
    """The FA-KES events, less those of the articles the --exclude files list."""
    if not peer.is_file():
        _fail(f"no FA-KES annotation at {peer}; it ships in ../shared/peer (or pass --peer).")
    left_out = {name for path in _id_files(exclude) for name in load_ids(path)}
    return [e for e in _guarded(lambda: load_events(peer)) if e.article not in left_out]


def _peer_paths(folder: Path, events: list[PeerEvent]) -> list[str]:
    """The files <id>.txt in `folder` of the events' articles, each once."""
    if not folder.is_dir():
        _fail(f"no folder at {folder}.")
    names = sorted({e.article for e in events})
    paths = [str(folder / f"{name}.txt") for name in names if (folder / f"{name}.txt").is_file()]
    if not paths:
        _fail(f"none of the FA-KES articles (<id>.txt) is in {folder}.")
    return paths


def _run_quietly(paths: list[str], ledger: Ledger, settings_file: Path | None) -> None:
    """Run the pipeline on `paths` into `ledger` with a progress bar and no summary."""
    tools = _toolkit(settings_file)
    with _progress() as bar:
        task = bar.add_task("articles", total=len(paths))
        _guarded(lambda: run(paths, ledger, tools, progress=lambda _: bar.advance(task)))


def _print_peer(report: PeerReport, verbose: bool) -> None:
    title = f"claimledger peer-fakes: {report.articles} articles, {report.events} events"
    table = Table(title=title)
    for column in ("measure", "value", "counts"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    whole = report.with_civilians
    for label, found, share in (
        ("civilians: casualty claim", report.civilians_as_casualty, report.casualty_share),
        ("civilians: any claim", report.civilians_anywhere, report.anywhere_share),
    ):
        table.add_row(label, _figure(share), f"{found} / {whole} events")
    for label, dates in (
        ("published vs event date", report.published),
        ("period vs event date", report.period),
    ):
        counts = f"{dates.agree} agree, {dates.disagree} disagree, {dates.no_date} no date"
        table.add_row(label, _figure(dates.rate), counts)
    console.print(table)
    if verbose:
        for d in sorted(report.disagreements, key=lambda d: (d.check, d.article)):
            line = f"{d.check:<10} {d.article}  FA-KES {d.fakes}  ledger: {d.ledger}"
            console.print(line, markup=False, highlight=False)


def _figure(share: float | None) -> str:
    return "n/a" if share is None else f"{share:.3f}"


if __name__ == "__main__":
    app()
