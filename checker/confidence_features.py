"""The features the confidence model reads: what the engine already knows about a finding, as numbers.

Why a module of its own: the trainer (bench/train_confidence.py) and the engine must turn a finding into
exactly the same vector, or the shipped coefficients mean something else at check time. Everything
here is read off the Finding (its rule, severity, `gap`, suggestion, spans), the claims the extractors
built (Facts: how the figures were linked, their hedges and bounds) and the document's geometry
(sentences, quotes). No word of the text is read here except the wire-style test, which is a property of
the whole document ("mln", "pct", "dlrs"), not of any claim.

The set is small on purpose; each feature is in [-1, ~10]:

| feature | meaning |
| --- | --- |
| rule=CODE | one per rule in rules.CHECKS (one-hot) |
| error, warning | the finding's severity (info is neither) |
| gap_known | the rule compared two intervals and set Finding.gap |
| gap_apart | log(1 + gap) when the intervals are apart: how far a slip lands, relative to their widths |
| gap_inside | gap when they overlap (-1..0): how comfortably a consistent claim fits (claims only) |
| repair_decimal, repair_scale, repair_word, repair_other | a single typical slip repairs it, and which kind |
| hedged | a figure of the claim is hedged ("about 5%") |
| bounded | a figure of the claim is a bound ("more than 3 million") |
| chars_apart | log(1 + characters from the first to the last linked figure) / 5 |
| sentences_apart | sentence breaks between the linked figures, at most 3 |
| link=KIND | how the claim's figures were tied: paragraph, article, headline, list (sentence is none) |
| in_quote | inside a direct quotation |
| wire | the document is in wire style ("mln", "pct", "dlrs", "cts") |
| unflagged | a claim no rule flagged (training only: always 0 for a finding) |
"""
from __future__ import annotations

import bisect
import math
from typing import Iterable

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Finding, Link, Span

# One per rule of rules.CHECKS, in the registry's order; written out (not read from the registry) so the
# model's feature names do not move when a rule is added: a new rule simply has no coefficient yet.
RULE_CODES = ("G101", "G102", "G103", "G104", "G105", "G106", "Q101", "Q102", "Q103", "Q104", "P101", "P102",
              "P103", "P104", "P105", "U101", "U102", "U103", "S101", "S102", "S103", "C101")
LINK_KINDS = ("paragraph", "article", "headline", "list")
REPAIR_KINDS = ("decimal", "scale", "word", "other")
FEATURES: tuple[str, ...] = (
    *(f"rule={c}" for c in RULE_CODES), "error", "warning", "gap_known", "gap_apart", "gap_inside",
    *(f"repair_{k}" for k in REPAIR_KINDS), "hedged", "bounded", "chars_apart", "sentences_apart",
    *(f"link={k}" for k in LINK_KINDS), "in_quote", "wire", "unflagged",
)
_INDEX = {name: i for i, name in enumerate(FEATURES)}
# How far apart a claim's figures were tied, nearest first: a finding resting on several claims takes the farthest.
_LINK_ORDER = {"sentence": 0, "list": 1, "paragraph": 2, "article": 3, "headline": 4}
_WIRE = lazy_compile(r"\b(?:mln|bln|pct|dlrs|cts)\b")
_SCALE_WORDS = lazy_compile(r"(?i)(?<![a-z])(?:thousand|million|billion|trillion|mln|bln|bn|m|k)(?![a-z])")
_DIGITS = lazy_compile(r"\d")


def is_wire(text: str) -> bool:
    """Wire style: the abbreviations of a news agency's copy ("rose 9.5 pct to 10.9 mln dlrs")."""
    return _WIRE.search(text) is not None


def repair_kind(flagged: str, suggestion: str | None) -> str | None:
    """Which kind of typical slip the suggestion undoes: the decimal point moved ("574%" -> "57.4%"), a scale
    word swapped ("14.6bn" -> "14.6m"), a word changed ("rose" -> "fell"), or another figure."""
    if not suggestion:
        return None
    a, b = "".join(_DIGITS.findall(flagged)), "".join(_DIGITS.findall(suggestion))
    if not a and not b:
        return "word"
    if a and b and a.strip("0") == b.strip("0"):
        if _SCALE_WORDS.sub("", flagged).strip() == _SCALE_WORDS.sub("", suggestion).strip():
            return "scale"  # the same figure, another scale word
        return "decimal"  # the same digits, the point (or a zero) moved
    return "other"


class ClaimIndex:
    """For a document's Facts: the link kind and the bounds of the claim each figure belongs to, by span.

    Built once per document that has findings; a lookup is a dict access per span. Given `spans` (the
    (start, end) of every span the findings scored link), only those are indexed, with the same values:
    the index of every figure of a 20 MB file held 10 MB for a hundred findings.
    """

    def __init__(self, facts: Facts, spans: set[tuple[int, int]] | None = None):
        self.link: dict[tuple[int, int], str] = {}
        self.bound: dict[tuple[int, int], str] = {}
        self._spans = spans
        for q in facts.quantities:
            key = (q.span.start, q.span.end)
            if spans is None or key in spans:
                self.bound[key] = q.bound
        for g in facts.growths:
            kind = "list" if g.series else str(g.link)
            self._add((g.rate, g.factor, g.old, g.new), kind)
            if g.prior is not None:
                self._add((g.prior, g.rate, g.new), str(g.prior_link or Link.PARAGRAPH))
        for s in facts.series:
            self._add(s.values, "list")
        for s in facts.shares:
            self._add((s.percent,), str(s.link))
        for s in facts.splits:
            self._add(s.shares, str(s.link))
        for p in facts.proportions:
            self._add((p.figure,), str(p.link))
        for m in facts.mentions:
            self._add((m.value,), str(m.link))
        for c in facts.conversions:
            self._add((c.a, c.b), str(c.link))
            for sp in (c.a_span, c.b_span):
                self._note((sp.start, sp.end), str(c.link))
        for s in facts.statements:
            self._add((s.value,), str(s.link))
        for h in facts.headline_links:
            self._add((h.head, *h.linked), "headline")
        for n in facts.series_next:
            self._add((n.value, *n.series.values), "list")

    def _add(self, quantities: Iterable, kind: str) -> None:
        for q in quantities:
            if q is not None:
                key = (q.span.start, q.span.end)
                if self._spans is not None and key not in self._spans:
                    continue
                self._note(key, kind)
                if q.bound != "=":  # a claim may read a bound the bare figure lacks ("more than" 3 million)
                    self.bound[key] = q.bound

    def _note(self, key: tuple[int, int], kind: str) -> None:
        if self._spans is not None and key not in self._spans:
            return
        old = self.link.get(key)
        if old is None or _LINK_ORDER.get(kind, 0) > _LINK_ORDER.get(old, 0):
            self.link[key] = kind


class Context:
    """What every finding of one document shares: its sentence starts, its claims, its style."""

    def __init__(self, doc, facts: Facts, findings: Iterable[Finding] | None = None):
        """`findings`: the only findings `vector` will be asked about, if known (see ClaimIndex)."""
        self.text = doc.text
        self.sentence_starts = doc.sentences.starts
        self.claims = ClaimIndex(facts, None if findings is None else {
            (s.start, s.end) for f in findings for s in (f.span, *(r.span for r in f.related))})
        self.wire = is_wire(doc.text)


def vector(finding: Finding, ctx: Context, unflagged: bool = False) -> list[float]:
    """The feature vector (in FEATURES order) of a finding: its own span and every related one are the
    figures it links."""
    spans = [finding.span, *(r.span for r in finding.related)]
    claims, sentence_starts = ctx.claims, ctx.sentence_starts
    x = [0.0] * len(FEATURES)
    if f"rule={finding.rule}" in _INDEX:
        x[_INDEX[f"rule={finding.rule}"]] = 1.0
    if not unflagged:
        sev = int(finding.severity)
        x[_INDEX["error"]] = float(sev == 3)
        x[_INDEX["warning"]] = float(sev == 2)
    gap = finding.gap
    if gap is not None and math.isfinite(gap):
        x[_INDEX["gap_known"]] = 1.0
        x[_INDEX["gap_apart"]] = min(math.log1p(max(gap, 0.0)), 10.0)
        x[_INDEX["gap_inside"]] = max(min(gap, 0.0), -1.0)
    kind = repair_kind(ctx.text[finding.span.start:finding.span.end], finding.suggestion)
    if kind:
        x[_INDEX[f"repair_{kind}"]] = 1.0
    bounds = {claims.bound.get((s.start, s.end), "=") for s in spans}
    x[_INDEX["hedged"]] = float("~" in bounds)
    x[_INDEX["bounded"]] = float(">" in bounds or "<" in bounds)
    first, last = min(s.start for s in spans), max(s.end for s in spans)
    x[_INDEX["chars_apart"]] = math.log1p(max(0, last - first)) / 5.0
    breaks = bisect.bisect_right(sentence_starts, last - 1) - bisect.bisect_right(sentence_starts, first)
    x[_INDEX["sentences_apart"]] = float(min(max(breaks, 0), 3))
    link = max((claims.link.get((s.start, s.end), "sentence") for s in spans), key=lambda k: _LINK_ORDER.get(k, 0))
    if f"link={link}" in _INDEX:
        x[_INDEX[f"link={link}"]] = 1.0
    x[_INDEX["in_quote"]] = float(finding.in_quote)
    x[_INDEX["wire"]] = float(ctx.wire)
    x[_INDEX["unflagged"]] = float(unflagged)
    return x

