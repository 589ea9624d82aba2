"""Period accuracy on held-out articles: the dev-split English articles outside the gold.

Every figure the tool found in the 45 English dev-split articles that no gold file holds
was given a period by blind annotators who read ../shared/gold/GUIDE.md and the whole
article, without seeing any tool output (quality/heldout/: batchN.jsonl -> answersN.jsonl,
key.jsonl ties each item to the tool's claim id). This scores an export of the tool on those
articles against the answers with the rule of `claimledger eval` (a figure counts when the
answer or the tool gives a period; an answer's open end accepts any end), leaving out items
the annotators marked as no claim:

    claimledger run ARTICLES --out OUT   # the articles named in quality/heldout/key.jsonl
    python tools/heldout_periods.py OUT/claims.jsonl [more exports to compare ...]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1] / "quality" / "heldout"


def _lines(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def answers() -> dict[str, dict[str, Any]]:
    """The annotators' answers by claim id, with the article each belongs to."""
    key = {k["id"]: k for k in _lines(HERE / "key.jsonl")}
    out = {}
    for path in sorted(HERE.glob("answers*.jsonl")):
        for answer in _lines(path):
            out[key[answer["id"]]["claim_id"]] = answer | {"article": key[answer["id"]]["article"]}
    return out


def period_ok(gold: list[str | None] | None, got: list[str | None]) -> bool | None:
    """The scorer's rule: None when neither gives a period, else whether they agree."""
    wanted = list(gold or [None, None])
    if all(end is None for end in wanted):
        return None if all(end is None for end in got) else False
    return all(g is None or g == p for g, p in zip(wanted, got, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=Path, nargs="+", help="claims.jsonl exports to score")
    args = parser.parse_args()
    truth = answers()
    for path in args.claims:
        claims = {c["claim_id"]: c for c in _lines(path)}
        checks = [
            period_ok(answer["period"], [claim["period_start"], claim["period_end"]])
            for claim_id, answer in truth.items()
            if not answer.get("not_a_claim") and (claim := claims.get(claim_id)) is not None
        ]
        scored = [c for c in checks if c is not None]
        missing = sum(1 for claim_id in truth if claim_id not in claims)
        accuracy = sum(scored) / len(scored) if scored else float("nan")
        print(f"{path}: period {sum(scored)}/{len(scored)} = {accuracy:.3f} (unmatched {missing})")


if __name__ == "__main__":
    main()
