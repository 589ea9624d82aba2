"""Speaker names: a chain's canonical name or a source noun phrase, never a fragment.

The unit cases are real corpus sentences (tests/data and ../shared articles). The corpus
test runs every English article of ../shared/corpus (the sealed held-out set left out)
and checks each distinct speaker string of the export against the rule, written here
independently of `speakers.py`.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

from claimledger.attribution import Speaker
from claimledger.lexicon import Lexicon
from claimledger.places import Gazetteer
from claimledger.speakers import Aliases, SpeakerNames
from tests.conftest import ROOT, SHARED, require_shared

CHROME = {"tags", "published", "posted", "updated", "photo", "pictures", "video", "videos"}
TAILS = {"based", "led", "run", "backed", "affiliated", "linked", "controlled", "owned"}
ENDS = {"of", "for", "the", "and", "in", "on", "at", "to", "by", "al", "el", "al-", "el-"}
SOURCE_NOUNS_EXTRA = {"authorities", "staff", "workers", "reports", "accounts", "outlets"}


@pytest.fixture(scope="module")
def names_of(nlp: Any) -> Any:
    lexicon, gazetteer, aliases = Lexicon.load(), Gazetteer.load(), Aliases.load()

    def build(text: str) -> SpeakerNames:
        return SpeakerNames(lexicon, nlp(text), text, gazetteer, aliases)

    return build


@pytest.mark.parametrize(
    ("text", "raw", "expected"),
    [
        # a dateline glued before the name
        (
            "Jun 2016 Syrian Observatory for Human Rights said 20 people were killed.",
            "Jun 2016 Syrian Observatory for Human Rights",
            "Syrian Observatory for Human Rights",
        ),
        # page chrome is no speaker
        ("Tags MSF Syria Idlib Russia said 3 were hurt.", "Tags MSF Syria Idlib Russia", None),
        # a possessive whose apostrophe was stripped
        (
            "SANAs correspondent said 12 shells hit the city.",
            "SANAs correspondent",
            "SANA's correspondent",
        ),
        # a place the clause before ended with
        (
            "Shells hit Aleppo The Syrian Observatory for Human Rights said 9 died.",
            "Aleppo The Syrian Observatory for Human Rights",
            "Syrian Observatory for Human Rights",
        ),
        # half of a hyphenated modifier comes back from the text
        ("The US-led coalition said 40 strikes hit targets.", "led coalition", "US-led coalition"),
        # a locating modifier is no part of the name; the short form is the monitor's
        (
            "The UK-based observatory said 7 died.",
            "based observatory",
            "Syrian Observatory for Human Rights",
        ),
        # a surname refers back to the full name
        (
            "Igor Konashenkov said 12 targets were hit. Konashenkov said 4 more were destroyed.",
            "Konashenkov",
            "Igor Konashenkov",
        ),
        # an acronym the article spells out
        (
            "The Syrian Observatory for Human Rights (SOHR) said 30 died. SOHR said 5 were young.",
            "SOHR",
            "Syrian Observatory for Human Rights",
        ),
        # a name cut at a particle is completed from the text
        ("Talal al-Barazi told reporters 120 families left.", "Talal al", "Talal al-Barazi"),
        # a modifier whose noun was cut off names nobody
        ("Jabhat al-Nusra-linked fighters said 30 died.", "Quneitra Jabhat al-Nusra-linked", None),
        # a place alone never speaks, a capital may
        ("Shelling hit Aleppo and 5 died Aleppo said.", "Aleppo", None),
        ("Rebel-backer Washington accuses the regime of killing 1400.", "Washington", "Washington"),
        # look-alikes stay apart: a different police command is not the one named earlier
        (
            "The Damascus Countryside Police Command said 3 died. Damascus Police Command said 2",
            "Damascus Police Command",
            "Damascus Police Command",
        ),
    ],
)
def test_speaker_names(names_of: Any, text: str, raw: str, expected: str | None) -> None:
    found = names_of(text).canonical(Speaker(raw), len(text))
    assert (found.name if found else None) == expected


def test_a_bare_role_takes_its_fuller_mention(names_of: Any) -> None:
    text = "A military source told SANA 30 terrorists were killed. The source said 4 cars burned."
    found = names_of(text).canonical(Speaker("source"), text.index("4 cars"))
    assert found is not None and found.name == "military source"


# --- the whole English corpus ----------------------------------------------------------


def english_articles() -> list[Path]:
    manifest = require_shared(SHARED / "corpus" / "manifest.csv")
    sealed = {
        line.strip()
        for path in sorted((ROOT / "quality" / "sealed").glob("batch*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    with manifest.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["language"] == "en"]
    return [
        SHARED / "corpus" / "articles" / f"{r['id']}.txt" for r in rows if r["id"] not in sealed
    ]


def capital(word: str) -> bool:
    """A capitalised word, or a name after its particle ("al-Assad")."""
    return word[:1].isupper() or word.rsplit("-", 1)[-1][:1].isupper()


def junk(speaker: str, text: str, lexicon: Lexicon, gazetteer: Gazetteer) -> str | None:
    """Why a speaker string is no speaker, or None when it is one."""
    words = speaker.split()
    plain = [w.casefold().strip(".,") for w in words]
    weekdays = {d[:3] for d in lexicon.weekdays} | set(lexicon.weekdays)
    if any(w in CHROME or w in lexicon.months or w in weekdays for w in plain):
        return "chrome or a date"
    if re.search(r"\d", speaker):
        return "digits"
    if plain[0] in TAILS:
        return "half of a hyphenated modifier"
    if plain[-1] in ENDS:
        return "cut at a particle or connector"
    for word in words:
        stem = word[:-1]
        stripped = word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
        if stripped and (gazetteer.lookup(stem) is not None or (stem.isupper() and len(stem) > 1)):
            return f"possessive without its apostrophe: {word}"
    if gazetteer.only_places(speaker) and speaker not in Aliases.load().governments:
        return "a place alone"
    folded = re.sub(r"['’]s\b|['’]", "", text).casefold()
    written = all(re.sub(r"['’]s$", "", w) in folded for w in plain)
    if not written and Aliases.load().get(speaker) is None:
        return "words the article does not write"
    nouns = lexicon.speaker_nouns | lexicon.roles | lexicon.document_nouns | SOURCE_NOUNS_EXTRA
    # the head comes before a prepositional phrase ("activists in Homs")
    head = next(
        (w for i, w in enumerate(plain) if i + 1 < len(plain) and plain[i + 1] in ENDS), plain[-1]
    )
    inner = all(capital(w) or len(w) <= 3 or w.split("-")[0] in ENDS for w in words)
    named = inner and capital(words[0]) and capital(words[-1])
    if not (head in nouns or head.rstrip("s") in nouns or named):
        return "neither a name nor a source noun phrase"
    return None


@pytest.mark.slow
def test_no_junk_speaker_in_the_english_corpus(tmp_path: Path, toolkit: Any, nlp: Any) -> None:
    from claimledger.export import ledger_records
    from claimledger.pipeline import run
    from claimledger.store import Ledger

    paths = english_articles()
    with Ledger.open(tmp_path / "corpus.db") as ledger:
        run([str(p) for p in paths], ledger, toolkit, nlp=nlp)
        records = list(ledger_records(ledger))
    lexicon, gazetteer = Lexicon.load(), Gazetteer.load()
    texts = {p.name: p.read_text(encoding="utf-8") for p in paths}
    speakers: dict[str, str] = {}
    for record in records:
        if record.get("speaker"):
            speakers.setdefault(record["speaker"], Path(record["source"]).name)
    assert len(records) > 3000 and len(speakers) > 100
    problems = {
        name: f"{why} ({source})"
        for name, source in sorted(speakers.items())
        if (why := junk(name, texts[source], lexicon, gazetteer))
    }
    assert not problems, json.dumps(problems, indent=1)
