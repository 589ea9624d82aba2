"""Reconcile: which mentions state the same thing.

Within one article a headline or lead often repeats a body figure, rounded and hedged
("almost 1,600 targets" for "1,593 terrorist facilities"). Such mentions get one
`cluster_id`, the id of the statement they share, so an analyst counts the statement once.
Two mentions are the same statement when they have the same speaker (or one is the outlet's
own restatement), the same normalised unit, values within
the rounding of the hedged one (5 %, or equal when neither is hedged), the same metric or a
shared content word in their objects, and the first is in the lead. A mention without
time words of its own then takes those of the mention that has them (`period_source`
"statement": "Over 100 ISIL Terrorists Killed" is the body's "in the last 48 hours").
Cross-document clusters will use the same id space.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from claimledger.models import Claim, stable_id

LEAD_CHARS = 400  # headline and lead: where a statement is summarised before the body
ROUNDING = 0.05  # "almost 1,600" for 1,593; "some 35" for 34
STOP = frozenset(
    ["the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from"]
)


def same_statements(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """The claims with a shared `cluster_id` on mentions of one statement, each taking
    the period of a member whose own sentence gives one when it has none of its own."""
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, lead in enumerate(claims):
        if lead.evidence.start >= LEAD_CHARS:
            break
        for j in range(i + 1, len(claims)):
            if _same(lead, claims[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(claims)):
        groups.setdefault(root(i), []).append(i)
    out = list(claims)
    for members in groups.values():
        if len(members) > 1:
            cluster = stable_id("statement", *sorted(claims[i].claim_id for i in members))
            timed = next((claims[i] for i in members if _told(claims[i])), None)
            for i in members:
                out[i] = _with_period_of(replace(out[i], cluster_id=cluster), timed)
    return tuple(out)


def _own_time(claim: Claim) -> bool:
    return claim.period_source == "sentence"


def _told(claim: Claim) -> bool:
    """Whether a mention's time is told with it: its sentence's or its quote's words."""
    return claim.period_source in ("sentence", "statement")


def _with_period_of(claim: Claim, timed: Claim | None) -> Claim:
    """A mention without time words of its own takes those of another mention of the same
    statement: "Over 100 ISIL Terrorists Killed" is the body's "over the past 48 hours"."""
    if timed is None or _own_time(claim):
        return claim
    return replace(
        claim,
        period_start=timed.period_start,
        period_end=timed.period_end,
        period_source="statement",
        period_evidence=timed.period_evidence,
    )


def _same(a: Claim, b: Claim) -> bool:
    if a.unit_normalized != b.unit_normalized or a.article_id != b.article_id:
        return False
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return False  # the same figure from two sources is two statements
    hedged = a.qualifier != "exact" or b.qualifier != "exact"
    tolerance = ROUNDING if hedged else 0.0
    if abs(a.value_normalized - b.value_normalized) > tolerance * max(
        abs(a.value_normalized), abs(b.value_normalized)
    ):
        return False
    same_metric = a.metric == b.metric and a.metric != "other"
    return same_metric or bool(_words(a.object) & _words(b.object))


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP}
