"""Attribution: who the article says a figure comes from.

Reads the dependency parse of the figure's sentence: a cue verb ("said", "told",
"reported", "counted") and its subject, "according to X", or a quotation whose speaker is
named next to it. Pronouns ("he said"), roles ("the spokesman said") and short forms ("the
ministry", "the Observatory") resolve to the names the article gives earlier. Sentences
opening a breakdown ("Of them, ...") carry the previous speaker over. No cue: the outlet
asserts the figure itself (speaker null).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from claimledger.lexicon import Lexicon

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
PHRASE_DEPS = {"compound", "amod", "appos", "poss", "flat", "nmod", "det", "case", "punct", "cc"}
PHRASE_DEPS |= {"conj", "prep", "pobj", "nummod", "npadvmod"}
QUOTES = re.compile(r"[\"“”«»]")


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str | None = None
    org: str | None = None
    person: bool = False


@dataclass
class Attributor:
    """Resolves speakers across one article; create one per article."""

    lex: Lexicon
    doc: Any
    history: list[Speaker] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.quotes = _quote_spans(self.doc.text)
        self.people = [e for e in self.doc.ents if e.label_ == "PERSON"]
        self._sentences: dict[int, tuple[Speaker | None, str]] = {}
        self._previous: Speaker | None = None

    def speaker_for(self, sent: Any, offset: int) -> tuple[Speaker | None, str]:
        """(speaker, attribution) for a figure at character `offset` inside `sent`."""
        quote = next(((s, e) for s, e in self.quotes if s <= offset < e), None)
        if quote is not None:
            speaker = self._quote_speaker(quote, sent)
            if speaker is not None:
                return speaker, "direct_quote"
        found = self.sentence_speaker(sent)
        if found is not None:
            return found, "reported"
        return None, "outlet"

    def sentence_speaker(self, sent: Any) -> Speaker | None:
        """The speaker a whole sentence is attributed to (cached per sentence)."""
        if sent.start_char in self._sentences:
            return self._sentences[sent.start_char][0]
        speaker = self._according(sent) or self._cue(sent)
        if speaker is None and self._carries(sent):
            speaker = self._previous
        self._sentences[sent.start_char] = (speaker, "")
        if speaker is not None:
            self.history.append(speaker)
        self._previous = speaker
        return speaker

    # -- cues ------------------------------------------------------------------------

    def _according(self, sent: Any) -> Speaker | None:
        text = sent.text.lower()
        for phrase in self.lex.according:
            index = text.find(phrase + " ")
            if index < 0 or self._quoted(sent.start_char + index):
                continue
            start = sent.start_char + index + len(phrase) + 1
            token = next((t for t in sent if t.idx >= start and not t.is_punct), None)
            if token is not None:
                head = _phrase_head(token)
                return self._resolve(head)
        return None

    def _cue(self, sent: Any) -> Speaker | None:
        for token in sent:
            if token.lemma_.lower() not in self.lex.cue_verbs or token.pos_ not in ("VERB", "AUX"):
                continue
            if self._quoted(token.idx):
                continue
            subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
            if subject is None and token.dep_ in ("conj", "advcl") and token.head.pos_ == "VERB":
                subject = next((c for c in token.head.children if c.dep_ in SUBJECTS), None)
            if subject is None:
                continue
            if token.lemma_.lower() in self.lex.weak_cue_verbs and not _agentive(subject):
                continue
            speaker = self._resolve(subject)
            if speaker is not None:
                return speaker
        return None

    def _quote_speaker(self, quote: tuple[int, int], sent: Any) -> Speaker | None:
        """The speaker of a quotation: a cue outside the quote in its closing or opening
        sentence, else the speaker of the sentence before the quote opened."""
        doc = self.doc
        for position in (quote[1], quote[0]):
            span = doc.char_span(position, min(position + 1, len(doc.text)), alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            speaker = self.sentence_speaker(span[0].sent)
            if speaker is not None:
                return speaker
        start_sent = doc.char_span(quote[0], quote[0] + 1, alignment_mode="expand")
        if start_sent is not None and len(start_sent) and start_sent[0].sent.start > 0:
            before = doc[start_sent[0].sent.start - 1].sent
            return self.sentence_speaker(before)
        return None

    def _carries(self, sent: Any) -> bool:
        opening = sent.text.lstrip("\"“ ").lower()
        return any(opening.startswith(phrase + " ") for phrase in self.lex.carry_openers)

    def _quoted(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quotes)

    # -- resolving a subject to a name ----------------------------------------------

    def _resolve(self, head: Any) -> Speaker | None:
        text = head.text.lower()
        if head.pos_ == "PRON" or text in self.lex.pronouns:
            return self._antecedent(person=text in ("he", "she", "i"), before=head.idx)
        tokens = _phrase(head)
        person = self._person_in(tokens)
        org = _org_in(tokens)
        role = next((t.text.lower() for t in tokens if t.text.lower() in self.lex.roles), None)
        if person is not None:
            return Speaker(self._full_name(person), role=role, org=org, person=True)
        if head.text.lower() in self.lex.roles and org is None:
            known = self._by_role(head.text.lower(), before=head.idx)
            if known is not None:
                return known
        if org is not None:
            return Speaker(self._full_org(org), role=role, org=org)
        if head.pos_ in ("NOUN", "PROPN"):
            known = self._by_word(head.text, before=head.idx)
            if known is not None:
                return known
            return Speaker(_clean_phrase(tokens, self.lex), role=role)
        return None

    def _person_in(self, tokens: list[Any]) -> str | None:
        names = [t for t in tokens if t.ent_type_ == "PERSON"]
        if not names:
            return None
        return " ".join(t.text for t in names if t.text.lower() not in self.lex.titles) or None

    def _full_name(self, name: str) -> str:
        """The fullest form of a person's name given anywhere in the article."""
        surname = name.split()[-1].lower().removesuffix("s") if name.split() else ""
        forms = [
            e.text
            for e in self.people
            if e.text.split()[-1].lower().removesuffix("s") == surname and len(e.text) < 60
        ]
        return max(forms, key=len) if forms else name

    def _full_org(self, org: str) -> str:
        forms = [
            e.text.removeprefix("the ").removeprefix("The ")
            for e in self.doc.ents
            if e.label_ == "ORG" and org.lower() in e.text.lower()
        ]
        return max(forms, key=len) if forms else org

    def _antecedent(self, person: bool, before: int) -> Speaker | None:
        for speaker in reversed(self.history):
            if speaker.person == person or not person:
                return speaker
        if person:
            earlier = [e for e in self.people if e.start_char < before]
            if earlier:
                return Speaker(self._full_name(earlier[-1].text), person=True)
        return None

    def _by_role(self, role: str, before: int) -> Speaker | None:
        for speaker in reversed(self.history):
            if speaker.role == role and speaker.person:
                return speaker
        return None

    def _by_word(self, word: str, before: int) -> Speaker | None:
        """'the ministry' / 'the Observatory' -> the organisation named with that word."""
        word = word.lower()
        for speaker in reversed(self.history):
            if word in speaker.name.lower().split() or (speaker.org and word in speaker.org.lower()):
                return Speaker(speaker.org or speaker.name, org=speaker.org)
        for ent in self.doc.ents:
            if ent.label_ == "ORG" and word in ent.text.lower().split() and len(ent) > 1:
                return Speaker(ent.text.removeprefix("the ").removeprefix("The "), org=ent.text)
        return None


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans between paired quotation marks; an unclosed quote runs to the paragraph end."""
    spans, start = [], None
    for match in QUOTES.finditer(text):
        char = match.group()
        if start is None and char != "”":
            start = match.start()
        elif start is not None and char != "“":
            spans.append((start, match.end()))
            start = None
    if start is not None:
        end = text.find("\n\n", start)
        spans.append((start, end if end > 0 else len(text)))
    return spans


def _phrase_head(token: Any) -> Any:
    while token.dep_ in ("compound", "amod", "det", "poss", "flat") and token.head != token:
        token = token.head
    return token


def _phrase(head: Any) -> list[Any]:
    """The head's noun phrase: modifiers, appositions and 'of' attachments, no clauses."""
    out = [head]
    for child in head.children:
        if child.dep_ in PHRASE_DEPS:
            out.extend(_phrase(child))
    return sorted(out, key=lambda t: t.i)


def _org_in(tokens: list[Any]) -> str | None:
    orgs: list[list[Any]] = []
    for token in tokens:
        if token.ent_type_ in ("ORG", "NORP", "GPE") and token.ent_iob_ != "O":
            if orgs and token.ent_iob_ == "I" and orgs[-1][-1].i == token.i - 1:
                orgs[-1].append(token)
            else:
                orgs.append([token])
    named = [g for g in orgs if any(t.ent_type_ == "ORG" for t in g)]
    if not named:
        return None
    best = max(named, key=len)
    return " ".join(t.text for t in best).removeprefix("the ").removeprefix("The ")


def _agentive(subject: Any) -> bool:
    return subject.ent_type_ in ("PERSON", "ORG", "NORP") or subject.pos_ == "PRON"


def _clean_phrase(tokens: list[Any], lex: Lexicon) -> str:
    words = [t.text for t in tokens if t.dep_ not in ("det", "punct", "case") and not t.like_num]
    return " ".join(words[:6])
