"""Throughput of the quantity layer against quantulum3 on the same NewsQuant sentences.

Both run in this process on the 590 sentences of ../shared/peer/newsquant.jsonl, each after
a warm-up (quantulum3's first parse loads its data for seconds), quantulum3 first; the figure
that matters is the ratio, which is stable across machines. quantulum3 is only the
benchmark's: install it with `pip install -e '.[bench]'`; without it the comparison is
skipped with a message and only the layer is timed.

    python bench/quantities.py [--repeats N] [--json]
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimledger.quantity_eval import load_peer
from claimledger.quantity_layer import QuantityLayer

PEER = Path(__file__).resolve().parents[1].parent / "shared" / "peer"


def sentences_per_second(parse: Callable[[str], Any], texts: list[str], repeats: int) -> float:
    """The median rate over `repeats` passes over all texts."""
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for text in texts:
            parse(text)
        rates.append(len(texts) / (time.perf_counter() - start))
    return statistics.median(rates)


def quantulum_parser() -> Callable[[str], Any] | None:
    """quantulum3's parse, or None when it is not installed in this environment."""
    try:
        module = importlib.import_module("quantulum3.parser")
    except ImportError:
        return None
    parse: Callable[[str], Any] = module.parse
    return parse


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--set", type=Path, default=PEER / "newsquant.jsonl")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    texts = [sentence.text for sentence in load_peer(args.set)[0]]
    figures: dict[str, Any] = {"sentences": len(texts), "repeats": args.repeats}
    quantulum = quantulum_parser()
    if quantulum is None:
        figures["quantulum3"] = None
        print(
            "quantulum3 is not installed here: comparison skipped "
            "(pip install -e '.[bench]' to run it)",
            file=sys.stderr,
        )
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # it warns when scikit-learn is absent
            quantulum(texts[0])  # warm-up: loads its unit data and classifier
            figures["quantulum3"] = round(sentences_per_second(quantulum, texts, 1), 1)
    layer = QuantityLayer.load("en")
    layer.extract(texts[0])
    figures["claimledger"] = round(sentences_per_second(layer.extract, texts, args.repeats), 1)
    if figures["quantulum3"]:
        figures["speedup"] = round(figures["claimledger"] / figures["quantulum3"], 1)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{len(texts)} NewsQuant sentences, sentences/s (median of {args.repeats}):")
    print(f"  claimledger quantity layer  {figures['claimledger']:>9.1f}")
    if figures["quantulum3"]:
        print(f"  quantulum3 0.10.0           {figures['quantulum3']:>9.1f}")
        print(f"  speed-up                    {figures['speedup']:>8.1f}x")


if __name__ == "__main__":
    main()
