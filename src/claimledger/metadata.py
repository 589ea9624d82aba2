"""Metadata from the text: language, outlet and publication date.

Each field comes with its evidence (the words of the text that support it) or is left
unknown. The outlet is read from datelines and the site's own chrome (data/outlets.toml),
never from a source quoted in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.dates import DateReader
from claimledger.lexicon import Lexicon
from claimledger.models import CleanText, Outlet
from claimledger.settings import load_data

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class OutletRule:
    name: str
    patterns: tuple[re.Pattern[str], ...]
    domains: tuple[str, ...] = ()

    def names_site(self, site: str) -> bool:
        """Whether a page's site name or host name ("tass.com", "www.reuters.com") is this."""
        site = site.lower().removeprefix("www.")
        return site == self.name.lower() or any(
            site == d or site.endswith("." + d) for d in self.domains
        )


def load_outlets() -> tuple[OutletRule, ...]:
    return tuple(
        OutletRule(
            item["name"],
            tuple(re.compile(p, re.MULTILINE) for p in item["patterns"]),
            tuple(item.get("domains", ())),
        )
        for item in load_data("outlets.toml")["outlet"]
    )


def find_outlet(clean: CleanText, rules: tuple[OutletRule, ...]) -> Outlet:
    """The publisher the text names, earliest evidence first; the site name for HTML."""
    hits = [
        (match.start(), rule.name, match.group().strip())
        for rule in rules
        for pattern in rule.patterns
        if (match := pattern.search(clean.original))
    ]
    if hits:
        _, name, evidence = min(hits)
        return Outlet(name=name, evidence=evidence)
    for key in ("sitename", "source-hostname", "hostname"):
        site = clean.meta(key)
        if site:
            rule = next((r for r in rules if r.names_site(site)), None)
            return Outlet(name=rule.name if rule else site, evidence=f"page {key} '{site}'")
    return Outlet(name=None, evidence=None)


def load_languages() -> dict[str, frozenset[str]]:
    return {code: frozenset(words) for code, words in load_data("languages.toml").items()}


def guess_language(text: str, stopwords: dict[str, frozenset[str]]) -> str:
    """ISO 639-1 code: Arabic and Cyrillic scripts first, then function-word coverage."""
    sample = text[:5000]
    letters = [ch for ch in sample if ch.isalpha()]
    if letters:
        arabic = sum("\u0600" <= ch <= "\u06ff" for ch in letters) / len(letters)
        cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in letters) / len(letters)
        if arabic > 0.3:
            return "ar"
        if cyrillic > 0.3:
            return "ru"
    words = [w.lower() for w in _WORD.findall(sample)]
    scores = {code: sum(w in vocab for w in words) for code, vocab in stopwords.items()}
    return max(scores, key=lambda code: scores[code]) if any(scores.values()) else "en"


@dataclass(frozen=True)
class MetadataReader:
    """Everything needed to read metadata, built once per run."""

    dates: DateReader
    outlets: tuple[OutletRule, ...]
    languages: dict[str, frozenset[str]]

    @classmethod
    def build(cls, lexicon: Lexicon) -> MetadataReader:
        return cls(DateReader(lexicon), load_outlets(), load_languages())
