"""Pick the sealed held-out articles from ../shared/corpus/dev2.txt (issue 15).

Deterministic: a fixed seed, a quota per outlet, and at least a few articles whose first
200 characters hold no four-digit year (the year-less kind). Prints one id per line.
"""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

QUOTAS = {
    "Al-Ahram": 6,
    "Al-Manar": 5,
    "Al-Alam": 5,
    "Al-Araby Al-Jadeed": 4,
    "Daily Sabah": 4,
    "SANA (Syrian Arab News Agency)": 4,
    "Etilaf (National Coalition of Syrian Revolution and Opposition Forces)": 3,
    "TRT World": 3,
    "Jordan Times": 2,
    "National News Agency (Lebanon)": 2,
    "Al Arabiya": 2,
    "Reuters": 1,
    "Asharq Al-Awsat": 1,
}
YEARLESS_MIN = 6
YEAR = re.compile(r"\b(19|20)\d\d\b")


def main(corpus: Path) -> None:
    ids = set((corpus / "dev2.txt").read_text().split())
    with (corpus / "manifest.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["id"] in ids]
    rng = random.Random(15)
    rows.sort(key=lambda r: r["id"])
    rng.shuffle(rows)
    head = {r["id"]: (corpus / "articles" / f"{r['id']}.txt").read_text()[:200] for r in rows}
    yearless = [r for r in rows if not YEAR.search(head[r["id"]])]
    chosen: list[str] = []
    taken = dict.fromkeys(QUOTAS, 0)
    for row in yearless[:YEARLESS_MIN]:
        chosen.append(row["id"])
        taken[row["outlet_if_known"]] += 1
    for row in rows:
        outlet = row["outlet_if_known"]
        if row["id"] not in chosen and taken[outlet] < QUOTAS[outlet]:
            chosen.append(row["id"])
            taken[outlet] += 1
    print("\n".join(sorted(chosen)))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"))
