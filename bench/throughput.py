"""Throughput of `claimledger run` against a plain full spaCy parse of the same texts.

Both run in this process on the same English articles (the dev split of ../shared/corpus),
in interleaved pairs (baseline, then pipeline) after a warm-up; the figure that matters is
the median of the pairs' ratios, which is stable across machines, not the absolute speed.

    python bench/throughput.py [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import tempfile
import time
from pathlib import Path

from claimledger.nlp import load_pipeline
from claimledger.pipeline import Toolkit, run
from claimledger.settings import Settings
from claimledger.store import Ledger

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def english_dev_articles(limit: int | None) -> list[Path]:
    dev = set((CORPUS / "dev.txt").read_text(encoding="utf-8").split())
    with (CORPUS / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        ids = [r["id"] for r in csv.DictReader(handle) if r["language"] == "en" and r["id"] in dev]
    return [CORPUS / "articles" / f"{i}.txt" for i in sorted(ids)][:limit]


def time_baseline(nlp: object, texts: list[str], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):  # type: ignore[attr-defined]
        pass
    return time.perf_counter() - start


def time_pipeline(paths: list[Path], tools: Toolkit, nlp: object) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp, Ledger.open(Path(tmp) / "b.db") as ledger:
        start = time.perf_counter()
        summary = run([str(p) for p in paths], ledger, tools, nlp=nlp)
        return time.perf_counter() - start, summary.new_claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    settings = Settings.load()
    tools = Toolkit.build(settings)
    nlp = load_pipeline(settings)
    paths = english_dev_articles(args.limit)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    time_baseline(nlp, texts[:5], settings.batch_size)  # warm-up
    # interleaved pairs, so that drift in machine speed hits both sides of each ratio alike
    baseline, ours = [], []
    for _ in range(args.repeats):
        baseline.append(time_baseline(nlp, texts, settings.batch_size))
        ours.append(time_pipeline(paths, tools, nlp))
    base_s = statistics.median(baseline)
    ours_s = statistics.median(t for t, _ in ours)
    ratios = [b / t for b, (t, _) in zip(baseline, ours, strict=True)]
    figures = {
        "articles": len(paths),
        "claims": ours[0][1],
        "spacy_full_parse_articles_per_s": round(len(paths) / base_s, 2),
        "claimledger_articles_per_s": round(len(paths) / ours_s, 2),
        "ratio_to_full_parse": round(statistics.median(ratios), 3),
        "ratio_range": [round(min(ratios), 3), round(max(ratios), 3)],
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:36} {value}")


if __name__ == "__main__":
    main()
