"""Place names in text, from an offline gazetteer.

The gazetteer is `data/places.tsv`: countries, the regions and towns of the conflicts the corpus
covers, world capitals and hand-curated places (air bases, rivers, regions such as Donbas). It is
generated from GeoNames data by `tools/build_gazetteer.py`; nothing is downloaded at run time.

`Gazetteer.find` scans text left to right and keeps the longest name at each position:

- the first letter must be a capital, as place names are in news text ("Aleppo", "ALEPPO");
  an Arabic article may be lower case ("al-Bab");
- the rest ignores case, diacritics, apostrophes and the spaces or hyphens between words, so
  "Deir ez-Zor", "Deir Ez Zor" and "Deir Ezzor" are one name;
- names of three letters or fewer and acronyms ("Hit", "US", "UAE") must match exactly;
- a possessive or plural "s" may follow ("Syria's", and "Syrias" where the apostrophe was
  stripped), but "Hamas" is not Hama's and a demonym is not a place ("Syrian");
- phrases that contain a place name but name something else ("Washington Post", "Times of
  Israel", "Al Mayadeen TV") are skipped whole, and so is a currency ("US$ 5 million").

Lookup by name (`Gazetteer.lookup`) ignores case entirely.

Errors: `GazetteerError` (a `ValueError`) when the TSV is malformed; nothing else is raised.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

from claimledger.models import Place

Kind = Literal["country", "admin1", "city", "other"]
KINDS: tuple[Kind, ...] = ("country", "admin1", "city", "other")
HEADER = ("name", "kind", "country", "lat", "lon", "geonames_id", "aliases")

# Phrases that contain a place name but name an outlet, a group or a person.
NOT_PLACES = (
    "Washington Post",
    "Washington Times",
    "Washington Examiner",
    "Jerusalem Post",
    "Times of Israel",
    "Kyiv Independent",
    "Kyiv Post",
    "Kyiv Times",
    "Moscow Times",
    "Tehran Times",
    "Syria Direct",
    "Russia Today",
    "Voice of Russia",
    "Baghdad Post",
    "Libya Observer",
    "Yemen Post",
    "Al Mayadeen TV",
    "Al Mayadeen television",
    "Al Mayadeen channel",
    "Al Mayadeen broadcaster",
    "Fars News Agency",
    "Fars News",
    "Asharq Al-Awsat",
    "Euphrates Shield",
    "Qods Force",
    "Quds Force",
    "Islamic State of Iraq",
    "Islamic State of Iraq and Syria",
    "Islamic State in Iraq and Syria",
    "Islamic State of Iraq and the Levant",
    "Islamic State in Iraq and the Levant",
    "Palestine Liberation Organization",
    "Popular Front for the Liberation of Palestine",
    "USA Today",
    "Georgetown University",
    "Real Madrid",
    "Van der",
    "Van den",
    "Van de",
    "New Jersey",
    "New Mexico",
    "New England",
    "New South Wales",
)
# A place key plus "s" that is another word: "Hamas" is not "Hama's".
NOT_POSSESSIVE = frozenset({"hamas"})
SHORT_KEY = 3  # keys this short match only with the exact letters and case
WORD = r"[^\W_]+(?:['\u2019\u02bc][^\W_]+)*"
WORD_RE = re.compile(WORD)
# Where a name may start: a letter other than a-z (then checked for a capital) that does not
# follow another letter, or a lower-case Arabic article: "al"/"el" before a space or hyphen,
# the others before a hyphen ("al-Bab", "ar-Raqqa").
START_RE = re.compile(
    r"(?<![^\W_])(?:[^\W\d_a-z]|(?:al|el)(?=[ -])|(?:ad|an|ar|as|ash|at|az|ed|en|er|es|ez)(?=-))"
)
# What may join the words of one name: a space or two, a hyphen or dash, " - ", ", " (as in
# "Washington, D.C."), or the dot of an abbreviation ("U.S.", "St. Petersburg").
NEXT_RE = re.compile(r"(?: {1,2}|\u00a0| - |, |[-\u2010\u2011\u2013]|\. ?)(?=[^\W_])")
# "US$ 5 million", "US $58": a currency, not a place.
CURRENCY_RE = re.compile(r" ?\$")
APOSTROPHES = "'\u2019\u02bc"
LATIN_MARKS = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ə": "e",
        "Ə": "E",
        "ħ": "h",
        "Ħ": "H",
        "ŧ": "t",
        "þ": "th",
        "ð": "d",
    }
)


def alias_key(text: str) -> str:
    """The form names are compared in: ASCII-folded, case-folded, letters and digits only.

    "Deir ez-Zor", "Deir Ez Zor" and "Deir Ezzor" share the key "deirezzor"; so do "Şanlıurfa"
    and "Sanliurfa". Must agree with the generator in tools/build_gazetteer.py.
    """
    if text.isascii():
        return "".join(ch for ch in text.lower() if ch.isalnum())
    decomposed = unicodedata.normalize("NFKD", text.translate(LATIN_MARKS))
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch for ch in folded.casefold() if ch.isalnum())


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _is_acronym(name: str) -> bool:
    letters = _letters(name)
    return len(letters) >= 2 and letters.isupper()


@dataclass(frozen=True)
class Entry:
    """One gazetteer row."""

    place: Place
    kind: Kind
    country: str
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.place.name, *self.aliases)


@dataclass(frozen=True)
class _Target:
    """What a key stands for: a row index (None for NOT_PLACES); for short names and acronyms
    the exact letters the text must show; whether some name with this key has several words
    (only then may the key span several words of text, so "Homs as" is not "Homsas")."""

    entry: int | None
    exact: frozenset[str] | None
    words: bool


@dataclass(frozen=True, eq=False, repr=False)
class Matcher:
    """Leftmost-longest matching of name keys over the words of a text.

    `targets` maps each key to what it stands for; `prefixes` holds every prefix of every key,
    so a scan stops extending a candidate as soon as no name can continue that way.
    """

    targets: Mapping[str, _Target]
    prefixes: frozenset[str]

    @classmethod
    def build(cls, entries: tuple[Entry, ...]) -> Matcher:
        targets: dict[str, _Target] = {}
        for index, entry in enumerate(entries):
            for name in entry.names:
                _add(targets, alias_key(name), index, name)
        for phrase in NOT_PLACES:
            targets[alias_key(phrase)] = _Target(None, None, words=True)
        prefixes = frozenset(key[:n] for key in targets for n in range(1, len(key) + 1))
        return cls(targets=targets, prefixes=prefixes)

    def scan(self, text: str) -> Iterator[tuple[int, int, int]]:
        """(start, end, entry index) of each place name, left to right, never overlapping."""
        done = 0
        for start in START_RE.finditer(text):
            if start.start() < done or not _may_start(start.group()):
                continue
            found = self._longest(text, start.start())
            if found is not None:
                done, target = found
                if target.entry is not None and not CURRENCY_RE.match(text, done):
                    yield start.start(), done, target.entry

    def _longest(self, text: str, start: int) -> tuple[int, _Target] | None:
        """The end of the longest name starting at `start`, and what it stands for."""
        best: tuple[int, _Target] | None = None
        word = WORD_RE.match(text, start)
        key, several, letters = "", False, True  # several words; all of one letter ("U.S.")
        while word is not None:
            key += _word_key(word.group())
            letters = letters and word.end() - word.start() == 1
            target = self._match(text, start, word, key)
            if target is not None and (target.words or not several or letters):
                best = (_end_of(text, word), target)
            if key not in self.prefixes:
                break
            word, several = _next_word(text, word), True
        return best

    def _match(self, text: str, start: int, word: re.Match[str], key: str) -> _Target | None:
        target = self.targets.get(key)
        if target is not None and _case_ok(target, text[start : word.end()]):
            return target
        if key[-1:] != "s" or key in NOT_POSSESSIVE:
            return None
        target = self.targets.get(key[:-1])
        if target is None:
            return None
        last = word.group()
        apostrophe = len(last) > 2 and last[-2] in APOSTROPHES
        if target.exact is not None and not apostrophe:
            return None
        stem = text[start : word.end() - (2 if apostrophe else 1)]
        return target if _case_ok(target, stem) else None


def _may_start(first: str) -> bool:
    """START_RE found a letter other than a-z, or a lower-case article: is it a capital?"""
    return len(first) > 1 or first.isupper()


def _next_word(text: str, word: re.Match[str]) -> re.Match[str] | None:
    """The next word when only a space, hyphen or abbreviation dot separates it."""
    gap = NEXT_RE.match(text, word.end())
    if gap is None or (gap.group()[0] == "." and len(word.group()) > 3):
        return None
    return WORD_RE.match(text, gap.end())


def _end_of(text: str, word: re.Match[str]) -> int:
    """Where a name ends, taking the full stop of an abbreviation ("U.S.") with it."""
    end = word.end()
    if end - word.start() == 1 and text[end : end + 1] == ".":
        return end + 1
    return end


def _word_key(word: str) -> str:
    if word.isascii():
        return word.lower().replace("'", "")
    return alias_key(word)


def _add(targets: dict[str, _Target], key: str, index: int, name: str) -> None:
    exact = _letters(name) if len(key) <= SHORT_KEY or _is_acronym(name) else None
    several = len(WORD_RE.findall(name)) > 1
    old = targets.get(key)
    if old is None:
        forms = None if exact is None else frozenset({exact})
        targets[key] = _Target(index, forms, several)
        return
    forms = None if old.exact is None or exact is None else old.exact | {exact}
    targets[key] = _Target(old.entry, forms, old.words or several)


def _case_ok(target: _Target, span: str) -> bool:
    return target.exact is None or _letters(span) in target.exact


@dataclass(frozen=True)
class Gazetteer:
    """The place rows and a matcher over all their names. Build one with `Gazetteer.load`
    and keep it; it is immutable and safe to share."""

    entries: tuple[Entry, ...]
    matcher: Matcher

    def __repr__(self) -> str:
        return f"Gazetteer({len(self.entries)} places, {len(self.matcher.targets)} names)"

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Read the gazetteer TSV; by default the one shipped with the package."""
        if path is None:
            source = resources.files("claimledger").joinpath("data/places.tsv")
            text = source.read_text(encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
        entries = tuple(read_entries(text))
        return cls(entries=entries, matcher=Matcher.build(entries))

    def find(self, text: str) -> list[tuple[int, int, Place]]:
        """Place names in `text` as (start, end, place), in order, never overlapping."""
        return [
            (start, end, self.entries[index].place) for start, end, index in self.matcher.scan(text)
        ]

    def only_places(self, text: str) -> bool:
        """Whether `text` is nothing but place names ("Homs", "Aleppo Idlib", "Syria's
        Aleppo"), except one country alone, which may speak for its government."""
        found = self.matcher.scan(text)
        rest, kinds, last = [], [], 0
        for start, end, index in found:
            rest.append(text[last:start])
            kinds.append(self.entries[index].kind)
            last = end
        rest.append(text[last:])
        leftover = re.sub(r"(?:^|\s)(?:'?s|of|and|the|rural)\b|[\W_]", "", " ".join(rest))
        return bool(kinds) and not leftover and kinds != ["country"]

    def lookup(self, name: str) -> Place | None:
        """The place a name or alias stands for, ignoring case; None when unknown."""
        target = self.matcher.targets.get(alias_key(name))
        if target is None or target.entry is None:
            return None
        return self.entries[target.entry].place

    def entry(self, place: Place) -> Entry | None:
        """The row behind a place this gazetteer returned (kind, country, aliases)."""
        target = self.matcher.targets.get(alias_key(place.name))
        if target is None or target.entry is None:
            return None
        return self.entries[target.entry]


class GazetteerError(ValueError):
    """The gazetteer file is malformed: a wrong header, a short row, a number that does not
    parse or an unknown kind."""


def read_entries(text: str) -> Iterator[Entry]:
    """Rows of a gazetteer TSV; the header is checked."""
    reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None or tuple(header) != HEADER:
        raise GazetteerError(f"places TSV must start with the header {HEADER}, got {header}")
    for line, row in enumerate(reader, start=2):
        if len(row) != len(HEADER):
            raise GazetteerError(f"line {line}: {len(row)} columns, expected {len(HEADER)}")
        try:
            yield _entry(row)
        except ValueError as error:
            raise GazetteerError(f"line {line}: {error}") from error


def _entry(row: list[str]) -> Entry:
    name, kind, country, lat, lon, geonames_id, aliases = row
    place = Place(
        name=name,
        lat=float(lat) if lat else None,
        lon=float(lon) if lon else None,
        geonames_id=int(geonames_id) if geonames_id else None,
    )
    names = tuple(a for a in aliases.split("|") if a)
    return Entry(place=place, kind=_kind(kind), country=country, aliases=names)


def _kind(value: str) -> Kind:
    for kind in KINDS:
        if kind == value:
            return kind
    raise GazetteerError(f"unknown kind {value!r}")
