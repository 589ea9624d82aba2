"""`claimledger quantities` and `claimledger eval-quantities` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SHARED
from tests.test_cli import claimledger


def test_quantities_writes_one_line_per_input_line(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": "Exports to China dropped 7% to $2.3 billion."},
        {"id": 2, "text": "No figures here."},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = claimledger("quantities", "--input", str(source), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert [q["value"] for q in first["quantities"]] == [7, 2300000000]
    share = first["quantities"][0]
    assert (share["unit"], share["change"], share["start"], share["end"]) == (
        "percent",
        "down",
        25,
        27,
    )
    assert second == {"id": 2, "quantities": []}


def test_quantities_names_the_bad_line(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": 1, "text": "5 km"}\nnot json\n', encoding="utf-8")
    result = claimledger("quantities", "--input", str(source), cwd=tmp_path)
    assert result.returncode == 2
    assert "line 2 is not JSON" in result.stderr


@pytest.mark.skipif(not (SHARED / "peer").exists(), reason="../shared/peer is not there")
def test_eval_quantities_reports_the_three_scores(tmp_path: Path) -> None:
    peer = SHARED / "peer" / "newsquant.jsonl"
    result = claimledger("eval-quantities", "--set", str(peer), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["sentences"] == 590
    assert {"value", "value+unit", "value+change strict"} <= set(figures)
    assert figures["value"]["gold"] == 904
