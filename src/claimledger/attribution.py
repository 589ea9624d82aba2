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
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimledger.lexicon import Lexicon

PHRASE_DEPS = frozenset(
    {"compound", "amod", "appos", "poss", "flat", "nmod", "det", "case", "punct", "cc"}
    | {"conj", "prep", "pobj", "nummod"}
)
HEADLINE_REACH = 400  # how far into the article a headline can be
HEADLINE_SOURCE = re.compile(
    r":\s+(?P<source>monitor|observatory|activists|rescuers|medics|state media|state TV|"
    r"sources?|officials?|UN|SOHR)\b",
    re.IGNORECASE,
)
QUOTES = re.compile(r"[\"“”«»]")
OPENING_QUOTES = frozenset("“«")  # the others close, or (straight quotes) alternate
CLOSING_QUOTES = frozenset("”»")


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
    text: str = ""
    place_name: Callable[[str], bool] = field(default=lambda _: False)  # never a speaker
    history: list[Speaker] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = self.text or self.doc.text  # the article (the doc may be focused)
        self.quotes = _quote_spans(self.text)
        self.people = [e for e in self.doc.ents if e.label_ == "PERSON"]
        self._sentences: dict[int, tuple[Speaker | None, str]] = {}
        self._previous: Speaker | None = None
        self._carried = 0
        self._all = list(self.doc.sents)
        self._cursor = 0

    def speaker_for(self, sent: Any, offset: int) -> tuple[Speaker | None, str]:
        """(speaker, attribution) for a figure at character `offset` inside `sent`."""
        self._read_up_to(sent)
        quote = next(((s, e) for s, e in self.quotes if s <= offset < e), None)
        if quote is not None:
            speaker = self._quote_speaker(quote, sent)
            if speaker is not None:
                return speaker, "direct_quote"
        found = self.sentence_speaker(sent)
        if found is not None:
            return found, "reported"
        return None, "outlet"

    def _read_up_to(self, sent: Any) -> None:
        """Read every earlier sentence first, so names and roles are known in order."""
        while self._cursor < len(self._all) and self._all[self._cursor].start < sent.start:
            self.sentence_speaker(self._all[self._cursor])
            self._cursor += 1

    def sentence_speaker(self, sent: Any) -> Speaker | None:
        """The speaker a whole sentence is attributed to (cached per sentence)."""
        if sent.start_char in self._sentences:
            return self._sentences[sent.start_char][0]
        speaker = self._according(sent)
        if speaker is None or speaker.name.islower():  # "according to media reports ...
            speaker = self._cue(sent) or speaker  # ... Kurdish media reported": the named one
        speaker = speaker or self._headline_source(sent)
        if speaker is not None:
            self._carried = 0
            self.history.append(speaker)
        elif self._previous is not None and self._continues(sent):
            speaker = self._previous
            self._carried += 1
        self._sentences[sent.start_char] = (speaker, "")
        self._previous = speaker
        return speaker

    def _headline_source(self, sent: Any) -> Speaker | None:
        """A headline ending in its source ("... seizes Syrian air base: monitor")."""
        if sent.start_char > HEADLINE_REACH:
            return None
        match = HEADLINE_SOURCE.search(sent.text)
        if match is None:
            return None
        source = match.group("source")
        tokens = [t for t in sent if t.idx >= sent.start_char + match.start("source")]
        known = self._by_descriptor(tokens[:1]) if tokens else None
        return known or Speaker(source)

    def _continues(self, sent: Any) -> bool:
        """A sentence without a cue of its own goes on with the previous speaker: an
        explicit opener ("Of them"), or the next sentence or two of the same paragraph."""
        if self._carries(sent):
            return True
        same_paragraph = "\n" not in self.text[sent.start_char - 2 : sent.start_char]
        return same_paragraph and self._carried < self.lex.carry_sentences

    # -- cues ------------------------------------------------------------------------

    def _according(self, sent: Any) -> Speaker | None:
        text = sent.text.lower()
        for phrase in self.lex.according:
            index = text.find(phrase + " ")
            if index < 0 or self._quoted(sent.start_char + index):
                continue
            start = sent.start_char + index + len(phrase) + 1
            token = next((t for t in sent if t.idx >= start and not t.is_punct), None)
            if token is None:
                continue
            head = _phrase_head(token)
            relays = phrase in ("citing", "quoting")
            unnamed = any(t.lower_ in self.lex.unnamed for t in head.lefts)
            # "a group citing figures from clinics said", "Al Jazeera reported citing an
            # undisclosed source": the one who relays speaks
            if not (relays and (head.lower_ in self.lex.document_nouns or unnamed)):
                return self._resolve(head)
        return None

    def _cue(self, sent: Any) -> Speaker | None:
        for token in sent:
            if token.lemma_.lower() not in self.lex.cue_verbs or token.pos_ not in ("VERB", "AUX"):
                continue
            if self._quoted(token.idx) or _claims_lives(token):
                continue
            subject = self._speaker_of(token)
            if subject is None:
                continue
            speaker = self._resolve(subject)
            if speaker is not None:
                return speaker
        return None

    def _inverted(self, verb: Any) -> Any:
        if verb.lemma_.lower() == "tell":
            return None  # "told Sputnik": the listener, not the speaker
        deps = ("dobj", "nsubj", "attr", "npadvmod", "appos")
        after = [c for c in verb.children if c.i > verb.i and c.dep_ in deps and not c.like_num]
        return next((c for c in after if self._speaker_like(c)), None)

    def _speaker_of(self, verb: Any) -> Any:
        """The token heading who speaks through this cue verb, trying in turn: its own
        subject (or a passive's agent), an inverted subject ("..., said the Observatory"),
        the noun phrase right before it ("... a local source told Sputnik"), and the subject
        of the verb it is coordinated with ("... and added")."""
        own = _own_subject(verb)
        left = _left_subject(verb, self._speaker_noun)
        if left is not None and (left is own or not self._speaker_like(left) or _place(left)):
            left = None
        # "... mortar fire the al-Hadas News reported": the agency, not the fire
        weaker = left is not None and own is not None and not self._speaks(own)
        far = own is not None and _far(own, verb, left) and not self._described(own)
        usable = own is not None and self._acceptable(own, verb) and not far
        if usable and not weaker:
            return own
        inverted = self._inverted(verb)
        if inverted is not None:
            return inverted
        if left is not None:
            return left
        if verb.dep_ in ("conj", "advcl") and verb.head.pos_ == "VERB":
            shared = _own_subject(verb.head)
            if shared is not None and self._speaker_like(shared):
                return shared
        return None

    def _acceptable(self, subject: Any, verb: Any) -> bool:
        """Any noun subject of a strong cue ("a Facebook page said"), a speaker-like one
        otherwise; never a counted noun ("60 people said")."""
        if any(c.like_num for c in subject.children) or subject.like_num:
            return False
        if verb.lemma_.lower() in self.lex.strong_cue_verbs and subject.pos_ in ("NOUN", "PROPN"):
            return True
        return self._speaker_like(subject)

    def _described(self, token: Any) -> bool:
        """A subject that says what it is ("an earlier death toll", "the monitor")."""
        return token.lower_ in self.lex.document_nouns or (
            token.pos_ == "NOUN" and self._speaker_noun(token)
        )

    def _speaks(self, token: Any) -> bool:
        """A speaker, or a document that stands for one ("an earlier death toll reported")."""
        return self._speaker_like(token) or token.lower_ in self.lex.document_nouns

    def _speaker_like(self, token: Any) -> bool:
        if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            return False
        if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.pos_ == "PRON":
            return True
        return token.pos_ == "PROPN" or self._speaker_noun(token)

    def _quote_speaker(self, quote: tuple[int, int], sent: Any) -> Speaker | None:
        """The speaker of a quotation: a cue outside the quote in its closing or opening
        sentence, else the speaker of the sentence before the quote opened."""
        doc = self.doc
        for position in (quote[1] - 1, quote[0]):
            span = doc.char_span(
                position, min(position + 1, len(doc.text)), alignment_mode="expand"
            )
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
        opening = sent.text.lstrip('"“ ').lower()
        return any(opening.startswith(phrase + " ") for phrase in self.lex.carry_openers)

    def _quoted(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quotes)

    # -- resolving a subject to a name ----------------------------------------------

    def _resolve(self, head: Any) -> Speaker | None:
        """The speaker a subject (or an "according to" phrase) stands for."""
        text = head.text.lower()
        if head.pos_ == "PRON" or text in self.lex.pronouns:
            return self._antecedent(person=text in ("he", "she", "i"), before=head.idx)
        if text in self.lex.document_nouns:
            return self._issuer(head)
        tokens = _phrase(head)
        role = next((t.text.lower() for t in tokens if t.text.lower() in self.lex.roles), None)
        name = _proper_name(head)
        if name is not None and self.place_name(name):
            name = None  # "SANA reporter in Homs": the place is not who speaks
        person = self._person_in(tokens) if name is None or head.ent_type_ == "PERSON" else None
        person = person or self._named_role(head)
        org = _org_in(tokens)
        if org is not None and self.place_name(org):
            org = None
        if person is not None:
            return Speaker(self._full_name(person), role=role, org=org, person=True)
        if name is not None:
            return Speaker(self._full_org(name), role=role, org=org or name)
        if org is not None:
            return Speaker(self._full_org(org), role=role, org=org)
        known = self._by_role(text) or self._by_descriptor(tokens)
        if known is not None:
            return known
        if head.pos_ == "PROPN" or self._speaker_noun(head):
            return Speaker(descriptor_phrase(head), role=role)  # "activists", "a local source"
        return None

    def _issuer(self, document: Any) -> Speaker | None:
        """Who issued a document: its author ("a report by X") or owner ("an Observatory
        toll", "the ministry's statement"), else the last speaker ("according to the
        bulletin"), else nobody named ("according to figures")."""
        owner = next(
            (
                t
                for t in document.children
                if t.dep_ in ("compound", "poss", "nmod")
                and (t.pos_ == "PROPN" or self._speaker_noun(t))
            ),
            None,
        )
        by = next(
            (c for c in document.children if c.dep_ == "prep" and c.lower_ in ("by", "from")),
            None,
        )
        author = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if author is not None and self._speaker_like(author) and not _place(author):
            return self._resolve(author)  # "a report by the Committee to Protect Journalists"
        if owner is not None:
            named = self._person_in([owner])
            if named is not None:
                return Speaker(self._full_name(named), person=True)
            return Speaker(self._full_org(join_tokens(_phrase(owner))), org=owner.text)
        return self.history[-1] if self.history else None

    def _named_role(self, head: Any) -> str | None:
        """The person a role is given to by apposition ("the ministry's spokesman Major
        General Igor Konashenkov"), even when the tagger took the name for an organisation."""
        if head.lower_ not in self.lex.roles:
            return None
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                words = [t for t in child.subtree if t.pos_ == "PROPN" and t.i <= child.i]
                name = [t for t in words if t.lower_.rstrip(".") not in self.lex.titles]
                if len(name) >= 2:
                    return join_tokens(name)
        return None

    def _speaker_noun(self, token: Any) -> bool:
        words = (token.lower_, token.lemma_.lower())
        return any(w in self.lex.speaker_nouns or w in self.lex.roles for w in words)

    def _person_in(self, tokens: list[Any]) -> str | None:
        names = [t for t in tokens if t.ent_type_ == "PERSON"]
        if all(self._speaker_noun(t) for t in names):
            return None  # "the Observatory" tagged as a person is still an organisation
        return join_tokens([t for t in names if t.text.lower() not in self.lex.titles]) or None

    def _full_name(self, name: str) -> str:
        """A person's full name as the article first gives it (news names a person in full
        at first mention): the earliest mention with a first name, else the longest."""
        surname = name.split()[-1].lower().removesuffix("s") if name.split() else ""
        forms = [
            e.text
            for e in self.people
            if e.text.split()[-1].lower().removesuffix("s") == surname and len(e.text) < 60
        ]
        full = [form for form in forms if len(form.split()) > 1]
        return full[0] if full else max(forms, key=len) if forms else name

    def _full_org(self, org: str) -> str:
        """The fullest name of an organisation given anywhere in the article ("the
        Observatory" -> "Syrian Observatory for Human Rights")."""
        forms = [
            e.text.removeprefix("the ").removeprefix("The ")
            for e in self.doc.ents
            if e.label_ == "ORG" and org.lower() in e.text.lower()
        ]
        if " " not in org:  # a one-word short form: look for its long form in the text
            named = _named_with(self.text, (org.lower(),))
            forms += [named] if named and len(named) < 80 else []
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

    def _by_role(self, role: str) -> Speaker | None:
        """'the spokesman' / 'the source' -> the last speaker introduced in that role."""
        if role not in self.lex.roles:
            return None
        for speaker in reversed(self.history):
            if speaker.role == role or speaker.name.lower().endswith(role):
                return speaker
        return None

    def _by_descriptor(self, tokens: list[Any]) -> Speaker | None:
        """'the monitor' / 'the ministry' -> the organisation the article names that way."""
        phrase = " ".join(t.lower_ for t in tokens if t.dep_ not in ("det", "punct"))
        keys = [k for k in self.lex.descriptors if re.search(rf"\b{re.escape(k)}$", phrase)]
        if not keys:
            return None
        words = self.lex.descriptors[max(keys, key=len)]
        if not words:  # "the group": the organisation that spoke last
            return next((sp for sp in reversed(self.history) if not sp.person), None)
        for speaker in reversed(self.history):
            if any(w in speaker.name.lower() for w in words):
                return speaker
        name = _named_with(self.text, words)
        return Speaker(name, org=name) if name else None


def _named_with(text: str, words: tuple[str, ...]) -> str | None:
    """The longest capitalised name in the text that contains one of the words."""
    names = []
    for word in words:
        pattern = (
            r"(?:\b[A-Z][\w'-]*\s+){0,3}"
            + r"\s+".join(w.capitalize() for w in word.split())
            + r"(?:\s+(?:for|of)(?:\s+the)?(?:\s+[A-Z][\w'-]*){1,3})?"
        )
        names += [m.group().strip() for m in re.finditer(pattern, text)]
    names = [n.removeprefix("The ") for n in names if len(n.split()) > 1]
    return max(names, key=len) if names else None


def _place(token: Any) -> bool:
    """A place inside a phrase ("activists in rural Idlib said") is not who speaks."""
    return token.ent_type_ in ("GPE", "LOC", "FAC") and token.dep_ in ("pobj", "compound", "conj")


def _far(subject: Any, verb: Any, left: Any) -> bool:
    """A subject a dozen words before its verb, or a dateline city ("DAMASCUS (Sputnik)"),
    loses to a speaker right before the verb ("... a local source told Sputnik")."""
    dateline = subject.i + 1 < len(subject.doc) and subject.doc[subject.i + 1].text == "("
    return left is not None and (verb.i - subject.i > 12 or dateline)


def _own_subject(verb: Any) -> Any:
    """A verb's subject; for a passive, its agent ("was reported by the monitor"), except
    that one who "was quoted as saying" is the speaker."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        if verb.lemma_.lower() in QUOTED_VERBS:
            return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


QUOTED_VERBS = frozenset({"quote", "cite"})


def _left_subject(verb: Any, speaker: Callable[[Any], bool] | None = None) -> Any:
    """The noun phrase right before a verb the parser left without a subject ("... the
    center for reconciliation of the warring parties in Syria said"): its outermost noun."""
    index = verb.i - 1
    if index > verb.sent.start and verb.doc[index].text == ")":  # "Network (SLN) reported"
        while index > verb.sent.start and verb.doc[index].text != "(":
            index -= 1
        index -= 1
    if index < verb.sent.start:
        return None
    token = verb.doc[index]
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    while speaker is None or not (token.ent_type_ == "PERSON" or speaker(token)):
        head = token.head
        if token.dep_ in ("compound", "amod", "flat") and head.i > token.i:
            token = head
        elif token.dep_ == "pobj" and head.lower_ in ("of", "for", "in", "at") and head.i < token.i:
            if head.head.pos_ not in ("NOUN", "PROPN"):
                break
            token = head.head  # "UN Special Envoy for Syria Staffan de Mistura said"
        else:
            break
    return token  # stops at a speaker: "... victims ... member of the Council Mustafa Sino"


def _proper_name(head: Any) -> str | None:
    """A capitalised name around the head that is not a person ("Reporters Without
    Borders", "Syrian Observatory for Human Rights", "SOHR"), if there is one."""
    if head.ent_type_ == "PERSON" or not head.text[:1].isupper():
        return None
    doc, start, end = head.doc, head.i, head.i
    while start > head.sent.start and _name_part(doc[start - 1]):
        start -= 1
    while end + 1 < head.sent.end and _name_part(doc[end + 1]):
        end += 1
    while doc[end].lower_ in CONNECTORS:
        end -= 1
    while doc[start].lower_ in CONNECTORS:
        start += 1
    places = ("GPE", "LOC")
    while start < head.i and doc[start].ent_type_ in places and head.ent_type_ not in places:
        start += 1  # "in eastern Syria UNICEF said": the place is not part of the name
    tokens = doc[start : end + 1]
    modified = any(c.dep_ in ("compound", "amod") for c in head.children)
    if len(tokens) == 1 and (head.pos_ != "PROPN" or head.i == head.sent.start or modified):
        return None  # a lone capitalised word: "Activists said", "Syrian state TV said"
    if any(t.ent_type_ == "PERSON" for t in tokens) and not any(
        t.lower_ in CONNECTORS for t in tokens
    ):
        return None
    return str(tokens.text)


CONNECTORS = frozenset({"of", "for", "the", "and", "on", "in"})


def _name_part(token: Any) -> bool:
    if token.ent_type_ in ("DATE", "TIME"):
        return False  # "on Saturday the Syrian Observatory ..."
    return (token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ", "ADP")) or (
        token.lower_ in CONNECTORS
    )


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
    return join_tokens(best).removeprefix("the ").removeprefix("The ")


def _claims_lives(verb: Any) -> bool:
    """'claiming the lives of seven people' is no attribution."""
    return any(c.dep_ == "dobj" and c.lower_ in ("life", "lives") for c in verb.children)


def descriptor_phrase(head: Any) -> str:
    """A speaker described, not named: the head noun and the modifiers right before it
    ("local media", "a medical source"), without the places of the sentence."""
    words = [head]
    for token in reversed(list(head.lefts)):
        if token.i != words[0].i - 1 or token.dep_ not in ("amod", "compound"):
            break
        if token.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") or token.like_num:
            break
        words.insert(0, token)
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("for", "of")), None)
    if of is not None:  # "the Russian center for reconciliation of the warring parties"
        words += [t for t in of.subtree if t.dep_ != "det"][:8]
    return join_tokens(words)


def join_tokens(tokens: Any) -> str:
    """Tokens as the text wrote them: "Abdel-Ghani", not "Abdel - Ghani"."""
    tokens = list(tokens)
    out = []
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        glue = token.whitespace_ if following is not None and following.i == token.i + 1 else " "
        out.append(token.text + glue)
    return "".join(out).strip()
