"""Claims export in the fixed exchange format (FORMATS.md section 1): JSON Lines or CSV.

One record per claim mention, keys in the documented order. Whole-number quantities are
written as integers (``1593``, not ``1593.0``). CSV flattens the nested fields: places
become ``"name;name"`` and evidence becomes ``evidence_text`` / ``evidence_start`` /
``evidence_end`` columns.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Literal, TextIO, cast

from claimledger.models import Article, Claim, Place
from claimledger.store import Ledger

Record = dict[str, object]
ExportFormat = Literal["jsonl", "csv"]

FIELDS = (
    "claim_id",
    "article_id",
    "source",
    "outlet",
    "published",
    "language",
    "value",
    "value_max",
    "unit",
    "value_normalized",
    "unit_normalized",
    "qualifier",
    "object",
    "metric",
    "speaker",
    "speaker_role",
    "speaker_org",
    "attribution",
    "period_start",
    "period_end",
    "places",
    "evidence",
    "cluster_id",
)

CSV_FIELDS = (
    *FIELDS[: FIELDS.index("evidence")],
    "evidence_text",
    "evidence_start",
    "evidence_end",
    *FIELDS[FIELDS.index("evidence") + 1 :],
)


def number(value: float | None) -> int | float | None:
    """A whole float as an int (1593.0 -> 1593); anything else unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def place_record(place: Place) -> Record:
    return {
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "geonames_id": place.geonames_id,
    }


def claim_record(claim: Claim, article: Article) -> Record:
    """The export record of one claim mention, keys in FORMATS.md order."""
    record: Record = {
        "claim_id": claim.claim_id,
        "article_id": claim.article_id,
        "source": article.source,
        "outlet": article.outlet.name,
        "published": article.published.value,
        "language": article.language,
        "value": number(claim.value),
        "value_max": number(claim.value_max),
        "unit": claim.unit,
        "value_normalized": number(claim.value_normalized),
        "unit_normalized": claim.unit_normalized,
        "qualifier": claim.qualifier,
        "object": claim.object,
        "metric": claim.metric,
        "speaker": claim.speaker,
        "speaker_role": claim.speaker_role,
        "speaker_org": claim.speaker_org,
        "attribution": claim.attribution,
        "period_start": claim.period_start,
        "period_end": claim.period_end,
        "places": [place_record(place) for place in claim.places],
        "evidence": {
            "text": claim.evidence.text,
            "start": claim.evidence.start,
            "end": claim.evidence.end,
        },
        "cluster_id": claim.cluster_id,
    }
    return record


def csv_row(record: Record) -> Record:
    """Flatten one export record into the CSV columns."""
    places = cast(list[Record], record["places"])
    evidence = cast(Record, record["evidence"])
    row = {key: value for key, value in record.items() if key not in {"places", "evidence"}}
    row["places"] = ";".join(str(place["name"]) for place in places)
    row["evidence_text"] = evidence["text"]
    row["evidence_start"] = evidence["start"]
    row["evidence_end"] = evidence["end"]
    return row


def write_jsonl(records: Iterable[Record], stream: TextIO) -> int:
    """Write one JSON object per line; return the number of lines written."""
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[Record], stream: TextIO) -> int:
    """Write a header and one row per record; return the number of rows (header excluded)."""
    writer = csv.DictWriter(stream, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(csv_row(record))
        count += 1
    return count


def ledger_records(ledger: Ledger) -> Iterable[Record]:
    """Every claim in the ledger as an export record, in the ledger's reading order."""
    by_id = {article.article_id: article for article in ledger.articles()}
    for claim in ledger.claims():
        yield claim_record(claim, by_id[claim.article_id])


def export_ledger(ledger: Ledger, fmt: ExportFormat, stream: TextIO) -> int:
    """Export every claim; return the number of claims written (CSV: header not counted)."""
    writers = {"jsonl": write_jsonl, "csv": write_csv}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}: expected 'jsonl' or 'csv'")
    return writers[fmt](ledger_records(ledger), stream)
