"""The quality gates cannot be bypassed.

Each floors file pins the sha256 of every file its gate reads (`digests`): a gold file that
changes without a new digest fails here. Floors only go up: every committed version of a
floors file since digests were pinned is compared with the file as it is now, and a floor
that went down (a ceiling such as `max_false_dates` that went up), or vanished without a
reason in `retired`, fails.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REQUIRE_SHARED, ROOT, require_shared, sha256

FLOORS_FILES = ("quality/floors.json", "quality/quantity_floors.json")


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / name).read_text(encoding="utf-8"))
    return data


def pinned(name: str) -> list[tuple[str, str]]:
    return sorted(load(name).get("digests", {}).items())


def floors_of(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, float]]:
    """Every numeric floor (or ceiling, `max_...`) of a floors file, by its key path."""
    for key, value in data.items():
        if key.startswith("_") or key in ("digests", "retired"):
            continue
        path = f"{prefix}/{key}" if prefix else key
        if isinstance(value, dict):
            yield from floors_of(value, path)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            yield path, float(value)


def lowered(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Floors of `old` that `new` lowers or drops (retired ones excepted)."""
    now, retired = dict(floors_of(new)), new.get("retired", {})
    problems = []
    for path, value in floors_of(old):
        if path in retired:
            continue
        if path not in now:
            problems.append(f"{path} vanished (move it to 'retired' with the reason)")
        elif path.rsplit("/", 1)[-1].startswith("max_"):
            if now[path] > value:
                problems.append(f"ceiling {path} went up: {value} -> {now[path]}")
        elif now[path] < value:
            problems.append(f"floor {path} went down: {value} -> {now[path]}")
    return problems


def committed_versions(name: str) -> list[tuple[str, dict[str, Any]]]:
    """(commit, content) of every committed version of a floors file that pins digests."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        if REQUIRE_SHARED:
            pytest.fail("no git history to check the floors against")
        pytest.skip("no git history to check the floors against")
    log = subprocess.run(
        [git, "log", "--format=%H", "--", name], cwd=ROOT, capture_output=True, text=True
    )
    versions = []
    for commit in log.stdout.split():
        shown = subprocess.run(
            [git, "show", f"{commit}:{name}"], cwd=ROOT, capture_output=True, text=True
        )
        if shown.returncode == 0:
            content = json.loads(shown.stdout)
            if "digests" in content:
                versions.append((commit[:10], content))
    return versions


@pytest.mark.parametrize("name", FLOORS_FILES)
def test_every_gated_file_has_a_digest(name: str) -> None:
    data, digests = load(name), dict(pinned(name))
    gold = list(data.get("gold", []))
    gold += [data["sealed"]["gold"]] if "sealed" in data else []
    assert digests, f"{name} pins no digest"
    assert set(gold) <= set(digests), f"{name}: a gold file without a pinned digest"


@pytest.mark.parametrize(
    ("name", "path", "digest"), [(n, p, d) for n in FLOORS_FILES for p, d in pinned(n)]
)
def test_gated_file_matches_its_digest(name: str, path: str, digest: str) -> None:
    file = ROOT / path
    if path.startswith("../shared/"):
        require_shared(file)
    assert sha256(file) == digest, (
        f"{path} changed since its digest was pinned in {name}: re-pin it in a commit of its own "
        "that says why the gold changed, and re-measure the floors"
    )


@pytest.mark.parametrize("name", FLOORS_FILES)
def test_floors_never_go_down(name: str) -> None:
    current = load(name)
    problems = [
        f"{commit}: {p}" for commit, old in committed_versions(name) for p in lowered(old, current)
    ]
    assert not problems, "floors only go up:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ({"floors": {"speaker": 0.9}}, {"floors": {"speaker": 0.89}}, "went down"),
        ({"floors": {"speaker": 0.9}}, {"floors": {}}, "vanished"),
        ({"max_false_dates": 0}, {"max_false_dates": 1}, "went up"),
        ({"sets": {"a.jsonl": {"value": 0.9}}}, {"sets": {"a.jsonl": {"value": 0.8}}}, "down"),
    ],
)
def test_a_lowered_floor_is_caught(
    old: dict[str, Any], new: dict[str, Any], complaint: str
) -> None:
    assert any(complaint in problem for problem in lowered(old, new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ({"floors": {"speaker": 0.9}}, {"floors": {"speaker": 0.91}}),
        ({"floors": {"speaker": 0.9}}, {"floors": {}, "retired": {"floors/speaker": "why"}}),
        ({"max_false_dates": 1}, {"max_false_dates": 0}),
    ],
)
def test_a_raised_or_retired_floor_passes(old: dict[str, Any], new: dict[str, Any]) -> None:
    assert lowered(old, new) == []


def test_digest_is_of_the_bytes(tmp_path: Path) -> None:
    file = tmp_path / "gold.jsonl"
    file.write_bytes(b'{"article": "a.txt", "claims": []}\n')
    before = sha256(file)
    file.write_bytes(b'{"article": "a.txt", "claims": [] }\n')
    assert sha256(file) != before and len(before) == 64
