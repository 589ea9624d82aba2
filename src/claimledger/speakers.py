"""Speaker names: each speaker the ledger keeps is a chain's canonical name or a source
noun phrase ("activists", "a military source"), never a fragment of the text around it.

Attribution (`attribution.py`) finds who speaks as a phrase of the parse. In scraped and
punctuation-stripped text that phrase often holds more or less than a name: a dateline or
a tag list before it ("Jun 2016 Syrian Observatory ...", "Tags MSF Syria"), a place the
clause before ended with ("Aleppo The Syrian Observatory ..."), a possessive whose
apostrophe was stripped ("SANAs correspondent"), half of a hyphenated modifier ("based
observatory" for "UK-based observatory"), a name cut at a particle ("Talal al").

`SpeakerNames` (one per article) turns the phrase into the name kept:
1. clean: cut chrome and dates, what precedes an inner "the", leading plural nouns that
   end the clause before, a locating "X-based"; mend possessives and hyphenated modifiers;
   complete a name the text continues;
2. snap to the article's chains: the people and organisations its entities name, grouped
   by surname, acronym and short form; the longest chain mention inside the phrase wins, a
   person before an organisation, and gives the chain's canonical name (a person's first
   full mention, an organisation's longest form);
3. a bare role noun ("the source", "the army") takes the fuller mention the text gave it
   earlier ("a military source", "the Syrian army");
4. curated aliases (`data/aliases.toml`) expand acronyms and short forms the article never
   writes in full;
5. what is left must be a name the article's entities give or a phrase headed by a speaker
   noun; otherwise the speaker is dropped (the outlet's own voice) rather than kept as junk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimledger.attribution import Speaker, descriptor_phrase
from claimledger.lexicon import Lexicon
from claimledger.places import Gazetteer
from claimledger.settings import load_data

NAME_LIMIT = 12  # words: longer "names" are runs of text, not names
_DIGITS = re.compile(r"\d")


def name_key(name: str) -> str:
    """A name folded for comparison: case, apostrophes, dots, hyphens and "the" dropped."""
    plain = re.sub(r"['’.]", "", name.casefold()).replace("-", " ")
    words = [w for w in plain.split() if w != "the"]
    return " ".join(words)


@dataclass(frozen=True)
class Aliases:
    """Curated forms -> canonical names, from `data/aliases.toml`."""

    forms: dict[str, str]
    governments: frozenset[str]  # places whose name stands for their government

    @classmethod
    def load(cls) -> Aliases:
        data = load_data("aliases.toml")
        forms = {
            name_key(form): entry["canonical"]
            for entry in data["alias"]
            for form in (entry["canonical"], *entry["forms"])
        }
        return cls(forms=forms, governments=frozenset(data["governments"]["places"]))

    def get(self, name: str) -> str | None:
        return self.forms.get(name_key(name))


@dataclass(frozen=True)
class Chain:
    """The mentions of one person or organisation in an article."""

    canonical: str
    person: bool
    forms: tuple[tuple[str, ...], ...]  # each mention as folded words


@dataclass
class SpeakerNames:
    """Canonical speaker names for one article; create one per article."""

    lex: Lexicon
    doc: Any
    text: str
    gazetteer: Gazetteer
    aliases: Aliases
    chains: list[Chain] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.is_place = self.gazetteer.only_places  # a country alone is no place here
        self.entity_words = {
            word.casefold()
            for ent in self.doc.ents
            if ent.label_ in ("PERSON", "ORG", "NORP", "GPE", "FAC", "LOC")
            for word in ent.text.split()
        }
        self.demonyms = {
            word.casefold()
            for ent in self.doc.ents
            if ent.label_ == "NORP"
            for word in ent.text.split()
        }
        self.chains = self._people() + self._organisations()

    def canonical(self, speaker: Speaker | None, offset: int) -> Speaker | None:
        """The speaker as the ledger keeps it, or None when nothing of it is a speaker.
        Its organisation ("Human Rights Watch" for its researcher) is kept when it is one,
        and speaks instead of a name that is not."""
        if speaker is None:
            return None
        org = self.name(speaker.org, offset) if speaker.org else None
        written = speaker.org and speaker.org[:1].isupper() and speaker.org in self.text
        if org is None and written and self.clean((speaker.org or "").split()):
            org = (str(speaker.org), False)  # "a Sputnik source": the outlet as written
        name = self.name(speaker.name, offset)
        if name is None:
            return Speaker(org[0], speaker.role, org[0], org[1]) if org else None
        return Speaker(name[0], speaker.role, org[0] if org else None, name[1] or speaker.person)

    def name(self, phrase: str, offset: int) -> tuple[str, bool] | None:
        """(name, whether a person) for a speaker phrase, or None when it names nobody."""
        words = self.clean(phrase.split())
        if not words:
            return None
        chain = self.snap(words)
        if chain is not None:
            return self.aliases.get(chain.canonical) or chain.canonical, chain.person
        person = self._after_organisation(words)
        if person is not None:
            return person, True
        name = " ".join(words)
        if self.is_place(name):  # "shelling of Syrias Aleppo local authorities told"
            name = self._after_place(phrase) or name
        if len(words) == 1 and words[0].islower():
            name = self._fuller_mention(words[0], offset) or name
        name = self.aliases.get(name) or name
        return (name, False) if self._acceptable(name) else None

    # -- 1. cleaning ----------------------------------------------------------------

    def clean(self, words: list[str]) -> list[str]:
        """The phrase without what is not part of a speaker's name (see the module doc)."""
        if any(w.casefold().strip(".,:;") in self.lex.speaker_chrome for w in words):
            return []
        words = _after_last(words, lambda w: self._dated(w))
        words = self._after_inner_article(words)
        words = self._possessives(words)
        words = self._without_location(words)
        words = self._mend_compound(words)
        while len(words) > 1 and (
            self._clause_end(words[0])
            or (words[0].islower() and words[1][:1].isupper())
            or self._headline_word(words[0], words[1])
        ):
            words = words[1:]
        while len(words) > 1 and self.is_place(words[0]) and self._name_starts(words[1]):
            words = words[1:]  # "Aleppo Syrian activists", "Aleppo Syria Live Network"
        words = self._complete(words)
        words = self._complete_left(words)
        if words and words[0][:1].isupper() and not words[0].isupper():
            plain = words[0].casefold()  # "Activists said", "Source": the sentence's capital
            common = plain in self.lex.speaker_nouns | self.lex.roles | {"local", "military"}
            if common and plain not in self.entity_words:
                words = [plain, *words[1:]]
        if words and words[-1].rsplit("-", 1)[-1] in self.lex.compound_tails:
            return []  # "Jabhat al-Nusra-linked": a modifier whose noun was cut off
        while words and words[-1].casefold() in self.lex.connectors:
            words = words[:-1]
        while words and words[0].casefold() in self.lex.connectors | {"a", "an"}:
            words = words[1:]
        return words if len(words) <= NAME_LIMIT else []

    def _dated(self, word: str) -> bool:
        """A date word: digits, a month, a weekday or its three-letter form ('Thu')."""
        plain = word.casefold().strip(".,")
        weekday = plain in self.lex.weekdays or plain in {d[:3] for d in self.lex.weekdays}
        return bool(_DIGITS.search(word)) or plain in self.lex.months or weekday

    def _after_inner_article(self, words: list[str]) -> list[str]:
        """'Aleppo The Syrian Observatory', 'Ghouta the Observatory': the name starts at
        the article, unless a connector joins it ('Office for the Coordination')."""
        for index in range(len(words) - 1, 0, -1):
            if words[index] in ("the", "The") and words[index - 1].casefold() not in (
                self.lex.connectors
            ):
                return words[index + 1 :]
        return words

    def _possessives(self, words: list[str]) -> list[str]:
        """A possessive whose apostrophe was stripped ('SANAs correspondent', 'Syrias
        Assad', 'Hezbollahs') starts the phrase: its owner keeps the apostrophe, and a
        name after it ('Syria's Assad') is the speaker."""
        for index, word in enumerate(words):
            stem = self._leading_possessive(word) if index == 0 else self._possessive_stem(word)
            if stem is None:
                continue
            rest = words[index + 1 :]
            if not rest:
                return [*words[:index], stem] if index == 0 else words[:index]
            if rest[0][:1].isupper() and (
                self.snap(rest) is not None or rest[-1].casefold() in self.entity_words
            ):
                return rest
            return [f"{stem}'s", *rest]
        return words

    def _possessive_stem(self, word: str) -> str | None:
        if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is", "os")):
            return None
        stem = word[:-1]
        if stem.isupper() and len(stem) >= 2:  # "SANAs", "AFPs"
            return stem
        if stem.islower() and stem.endswith("y") and stem[-2:-1] not in "aeiou":
            return stem  # "observatorys": never a plural
        if stem[:1].isupper() and self.aliases.get(word) is None:
            place = self.gazetteer.lookup(stem) is not None  # a country alone included
            return stem if place or self.aliases.get(stem) is not None else None
        return None

    def _leading_possessive(self, word: str) -> str | None:
        """At the front of a phrase, a capitalised word whose stem the text also writes
        alone is a possessive too ('Hezbollahs' beside 'Hezbollah')."""
        stem = self._possessive_stem(word)
        if stem is not None or not word[:1].isupper() or not word.endswith("s"):
            return stem
        alone = re.search(rf"\b{re.escape(word[:-1])}\b(?![-'’])", self.text)
        return word[:-1] if alone and len(word) > 4 else None

    def _without_location(self, words: list[str]) -> list[str]:
        """'Britain-based Syrian Observatory', 'London Based ...': the locating modifier
        is no part of the name."""
        for index, word in enumerate(words[:-1]):
            tail = word.rsplit("-", 1)[-1].casefold()
            if tail in self.lex.located_tails:
                return words[index + 1 :]
        return words

    def _mend_compound(self, words: list[str]) -> list[str]:
        """'led coalition', 'run news agency': the first half of the hyphenated modifier
        comes back from the text ('US-led coalition')."""
        if not words or words[0] not in self.lex.compound_tails:
            return words
        phrase = " ".join(words)
        match = re.search(rf"([\w.]+)[-‑]{re.escape(phrase)}\b", self.text)
        if match is None:
            return words[1:] if len(words) > 1 else []
        return [f"{match.group(1)}-{words[0]}", *words[1:]]

    def _clause_end(self, word: str) -> bool:
        """A lower-case plural at the front ('children state media', 'casualties
        media') ends the clause before; a capital-less word before a name does too
        ('shelling SANA news agency')."""
        plain = word.casefold()
        if not word.islower() or plain in self.lex.plural_modifiers:
            return False
        plural = (plain.endswith("s") and not plain.endswith("ss")) or plain in (
            self.lex.irregular_plurals
        )
        return plural and plain not in self.lex.roles and plain not in self.lex.speaker_nouns

    def _headline_word(self, word: str, following: str) -> bool:
        """A capitalised headline run before the name ('SLEEPING DEAD Opposition
        activists'): upper-case words that no entity or alias names."""
        shouting = word.isupper() and len(word) > 3 and not following.islower()
        known = word.casefold() in self.entity_words or self.aliases.get(word) is not None
        return shouting and not known

    def _name_starts(self, word: str) -> bool:
        """A word that starts a new name after a place: a place or a nationality."""
        return self.is_place(word) or word.casefold() in self.demonyms

    def _complete_left(self, words: list[str]) -> list[str]:
        """A name cut before a capitalised connector ('Without Borders' of 'Doctors
        Without Borders'): the word before it comes back from the text."""
        if not words or words[0].casefold() not in self.lex.connectors | {"without"}:
            return words
        match = re.search(rf"\b([A-Z][\w'-]*)\s+{re.escape(' '.join(words))}\b", self.text)
        return [match.group(1), *words] if match else words

    def _complete(self, words: list[str]) -> list[str]:
        """A name the text continues over a hyphen ('Talal al' -> 'Talal al-Barazi')."""
        if not words or words[-1].casefold().rstrip("-") not in self.lex.name_particles:
            return words
        phrase = " ".join(words).rstrip("-")
        match = re.search(rf"\b{re.escape(phrase)}-[\w'-]+", self.text)
        if match is None:
            return words[:-1]
        return match.group().split()

    # -- 2. chains --------------------------------------------------------------------

    def _people(self) -> list[Chain]:
        by_surname: dict[str, list[tuple[str, ...]]] = {}
        firsts: dict[str, str] = {}
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            words = [w for w in ent.text.split() if w.casefold() not in self.lex.titles]
            if not words or len(words) > 5 or any(self._not_name_word(w) for w in words):
                continue
            if self.is_place(" ".join(words)) or self.is_place(words[-1]):
                continue  # "Aleppo" tagged as a person, or a surname that is a place
            folded = _fold(words)
            key = folded[-1]
            by_surname.setdefault(key, []).append(folded)
            if key not in firsts or (len(words) > 1 and " " not in firsts[key]):
                firsts[key] = " ".join(words)  # the first full mention, else the first
        return [Chain(firsts[key], True, tuple(forms)) for key, forms in by_surname.items()]

    def _organisations(self) -> list[Chain]:
        forms: list[list[str]] = []
        for ent in self.doc.ents:
            if ent.label_ != "ORG":
                continue
            words = self.clean(ent.text.split())
            if words and not self.is_place(" ".join(words)):
                forms.append(words)
        chains: list[Chain] = []
        for words in sorted(forms, key=len, reverse=True):
            folded = _fold(words)
            home = next((c for c in chains if _short_form(folded, c.forms[0])), None)
            if home is None:
                chains.append(Chain(" ".join(words), False, (folded,)))
            else:
                chains[chains.index(home)] = Chain(home.canonical, False, (*home.forms, folded))
        return chains

    def _not_name_word(self, word: str) -> bool:
        plain = word.casefold()
        lowercase = word.islower() and plain not in self.lex.name_particles
        noun = plain in self.lex.speaker_nouns
        return lowercase or noun or self._possessive_stem(word) is not None

    def snap(self, words: list[str]) -> Chain | None:
        """The chain of the longest mention inside the phrase, people first. A mention
        that only modifies the phrase's head ('ISIS-affiliated Facebook page', 'Tabqah
        media') is no mention of the speaker: the head must be a name too."""
        head = words[-1].rsplit("-", 1)[-1] if words else ""
        if head.islower():
            return None
        folded = _fold(words)
        for person in (True, False):
            best: tuple[int, Chain] | None = None
            for chain in self.chains:
                if chain.person != person:
                    continue
                size = max((_mention(folded, form, person) for form in chain.forms), default=0)
                if size and (best is None or size > best[0]):
                    best = (size, chain)
            if best is not None:
                return best[1]
        return None

    # -- 3. and 5. --------------------------------------------------------------------

    def _fuller_mention(self, noun: str, offset: int) -> str | None:
        """'the source' / 'the army': the last fuller mention of the noun before."""
        for token in reversed(list(self.doc)):
            if token.idx >= offset or token.lower_ != noun:
                continue
            if any(c.dep_ in ("amod", "compound") and c.i < token.i for c in token.children):
                phrase = self.clean(descriptor_phrase(token).split())
                if len(phrase) > 1:
                    return " ".join(phrase)
        return None

    def _after_organisation(self, words: list[str]) -> str | None:
        """'Syrian Observatory for Human Rights Rami Abdel-Rahman', 'Observatory Rami
        Abdurrahman': an organisation the article or the aliases know, then a name of two
        or more capitalised words written so in the text: the person heading it speaks."""
        for cut in range(len(words) - 2, 0, -1):
            lead, rest = words[:cut], words[cut:]
            named = " ".join(rest)
            known = self.aliases.get(" ".join(lead)) is not None or self.snap(lead) is not None
            if not known or not all(w[:1].isupper() for w in rest) or self.is_place(named):
                continue
            chain = self.snap(rest)
            organisation = self.aliases.get(named) is not None or (chain and not chain.person)
            if self._acceptable(named) and not organisation:
                return named
        return None

    def _after_place(self, phrase: str) -> str | None:
        """In text stripped of commas, a place the parser took for the speaker is often
        the end of the clause before the real one: the speaker-noun phrase between the
        place and the statement verb ("Aleppo local authorities told")."""
        nouns = self.lex.speaker_nouns | self.lex.roles
        verbs = "|".join(re.escape(v) for v in self.lex.statement_verbs)
        pattern = rf"{re.escape(phrase)}\s+((?:[a-z]+\s+){{0,3}}?([a-z]+))\s+(?:{verbs})\b"
        for match in re.finditer(pattern, self.text):
            if match.group(2) in nouns:
                return match.group(1)
        return None

    def _acceptable(self, name: str) -> bool:
        """A name the article's entities give, a known alias, or a speaker-noun phrase;
        never a place alone (a country alone may speak for its government)."""
        words = name.split()
        if not words:
            return False
        if self.is_place(name):
            return name in self.aliases.governments
        head = words[-1].casefold().strip(".,")
        nouns = self.lex.speaker_nouns | self.lex.roles | self.lex.document_nouns
        if head in nouns or head.rstrip("s") in nouns:
            return True
        if self.aliases.get(name) is not None:
            return True
        if words[-1][:1].isupper() and head in self.entity_words:
            return True
        # a name of several capitalised words as the text writes it ("Abu Yazan al-Noiami")
        capitalised = all(
            w[:1].isupper()
            or w.casefold().split("-")[0] in self.lex.connectors | self.lex.name_particles
            for w in words
        )
        return len(words) > 1 and capitalised and name in self.text


def _fold(words: list[str]) -> tuple[str, ...]:
    return tuple(name_key(" ".join(words)).split())


def _short_form(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether `short` is a short form of the organisation `long`: its lead before "for" or
    "of" ('Syrian Observatory'), the lead's head alone ('Observatory'), or its initials
    ('SOHR' for 'Syrian Observatory for Human Rights')."""
    if short == long or not short:
        return short == long
    joiner = next((i for i, w in enumerate(long) if w in _JOINERS), len(long))
    lead = long[:joiner]
    if len(short) == 1 and len(long) > 1:
        initials = "".join(w[0] for w in long if w not in _JOINERS)
        if short[0] in (initials, lead[-1] if lead else ""):
            return True
    return short == lead


def _mention(phrase: tuple[str, ...], form: tuple[str, ...], person: bool) -> int:
    """How many words of `phrase` a mention `form` covers (0: none). A person is mentioned
    anywhere in the phrase, in full, by surname, or by a first name the phrase ends with.
    An organisation is mentioned at the end of the phrase, in full or by a short form,
    or at its start with one word after ('Observatory DAESH')."""
    if not person:
        for size in range(len(phrase), 0, -1):
            for part in (phrase[-size:], phrase[:size] if size == len(phrase) - 1 else ()):
                short = size == len(phrase) and _short_form(part, form)
                if part and (part == form or short):
                    return size
        return 0
    for size in range(len(form), 0, -1):
        for start in range(len(form) - size + 1):
            part = form[start : start + size]
            whole = size == len(form)
            surname = start + size == len(form)
            first = start == 0 and not whole
            if not (whole or surname or first) or (first and phrase[-size:] != part):
                continue
            if any(phrase[i : i + size] == part for i in range(len(phrase) - size + 1)):
                return size
    return 0


_JOINERS = ("for", "of", "the", "and")


def _after_last(words: list[str], cut: Callable[[str], bool]) -> list[str]:
    for index in range(len(words) - 1, -1, -1):
        if cut(words[index]):
            return words[index + 1 :]
    return words
