"""The CLI as a user runs it: a real subprocess on real files."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

CLI = [sys.executable, "-m", "claimledger.cli"]


def claimledger(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [*CLI, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    corpus = root / "corpus"
    corpus.mkdir()
    for name in ("fakes-1965495345.txt", "fakes-1924058217.txt"):
        shutil.copy(SAMPLES / name, corpus / name)
    (corpus / "empty.txt").write_bytes(b"")
    return root


def test_run_writes_ledger_export_and_report(workdir: Path) -> None:
    result = claimledger("run", "corpus", "--out", "out", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert "2 new" in result.stderr and "1 errors" in result.stderr
    assert "empty" in result.stderr  # the bad file is named in the summary
    lines = (workdir / "out/claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["source"].startswith("corpus/") for line in lines)
    report = (workdir / "out/report.html").read_text(encoding="utf-8")
    assert "<mark>" in report and "empty.txt" in report


def test_second_run_says_nothing_is_new(workdir: Path) -> None:
    claimledger("run", "corpus", "--out", "out", cwd=workdir)
    result = claimledger("run", "corpus", "--out", "out", cwd=workdir)
    assert result.returncode == 0
    assert "Nothing new" in result.stderr


def test_export_csv_to_a_file(workdir: Path) -> None:
    claimledger("run", "corpus", "--out", "out", cwd=workdir)
    result = claimledger(
        "export", "--db", "out/ledger.db", "--format", "csv", "--output", "c.csv", cwd=workdir
    )
    assert result.returncode == 0, result.stderr
    with (workdir / "c.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    jsonl = (workdir / "out/claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rows) == len(jsonl) and rows[0]["claim_id"]


def test_nothing_processable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.txt").write_bytes(b"")
    result = claimledger("run", "bad", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert "No document could be processed" in result.stderr


def test_export_without_a_ledger_says_what_to_do(tmp_path: Path) -> None:
    result = claimledger("export", "--db", "missing.db", cwd=tmp_path)
    assert result.returncode == 2
    assert "claimledger run" in result.stderr
