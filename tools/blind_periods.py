"""Period accuracy on the blind per-claim annotations of quality/blind-periods/.

Every figure the tool found (at the commit named in quality/blind-periods/README.md) in the
45 English dev-split articles that no gold file holds was given a period by blind
annotators who read ../shared/gold/GUIDE.md and the whole article, without seeing any tool
output. This scores exports against those answers with the period rule of
`claimledger eval` (`claimledger.evaluate.claim_periods`):

    claimledger run ARTICLES --out OUT     # the articles named in key.jsonl
    python tools/blind_periods.py OUT/claims.jsonl [more exports to compare ...]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from claimledger.evaluate import claim_periods, load_claim_periods

HERE = Path(__file__).resolve().parents[1] / "quality" / "blind-periods"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=Path, nargs="+", help="claims.jsonl exports to score")
    args = parser.parse_args()
    periods = load_claim_periods(HERE)
    for path in args.claims:
        with path.open(encoding="utf-8") as handle:
            lines = [json.loads(line) for line in handle if line.strip()]
        found = claim_periods(periods, lines)
        missing = len(set(periods) - {line["claim_id"] for line in lines})
        accuracy = f"{found.accuracy:.3f}" if found.accuracy is not None else "n/a"
        print(f"{path}: period {found.correct}/{found.total} = {accuracy} (ids missing {missing})")


if __name__ == "__main__":
    main()
