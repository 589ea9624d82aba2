"""Agreement of a blind re-annotation of `period` with the dev gold, under the scorer's rules.

A second annotator read 16 dev-gold articles in full and gave each listed figure a period
following ../shared/gold/GUIDE.md, without seeing the gold or any tool output
(quality/agreement/). This script turns those answers into export lines and scores them with
`claimledger.evaluate.score`, exactly as `claimledger eval` scores the tool, so the human
figure and the tool's figure on the same articles are comparable:

    python tools/period_agreement.py [--gold ../shared/gold/dev.jsonl] [--claims claims.jsonl]

With --claims (an export of the tool on the corpus), the tool's period accuracy on the same
16 articles is printed beside the human's.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from claimledger.evaluate import load_gold, score

HERE = Path(__file__).resolve().parents[1] / "quality" / "agreement"
GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev.jsonl"


def human_lines(gold: list[dict[str, Any]], answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Export lines carrying the blind annotator's periods for the gold's own figures."""
    by_name = {g["article"]: g for g in gold}
    lines = []
    for answer in answers:
        article = by_name[answer["article"]]
        for index, claim in enumerate(article["claims"]):
            period = answer["periods"].get(str(index)) or [None, None]
            lines.append(
                {
                    "source": answer["article"],
                    "value": claim["value"],
                    "unit": claim.get("unit", "count"),
                    "period_start": period[0],
                    "period_end": period[1],
                    "evidence": {"text": claim["evidence"], "start": index, "end": index},
                    "published": answer.get("published"),
                }
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--claims", type=Path, default=None)
    args = parser.parse_args()
    answers = [json.loads(line) for line in (HERE / "periods-blind.jsonl").open()]
    names = {a["article"] for a in answers}
    gold = [g for g in load_gold(args.gold) if g["article"] in names]
    human = score(gold, human_lines(gold, answers)).period
    print(f"human vs gold: {human.correct}/{human.total} = {human.correct / human.total:.3f}")
    if args.claims is not None:
        lines = [json.loads(line) for line in args.claims.open() if line.strip()]
        tool = score(gold, lines).period
        print(f"tool vs gold:  {tool.correct}/{tool.total} = {tool.correct / tool.total:.3f}")


if __name__ == "__main__":
    main()
