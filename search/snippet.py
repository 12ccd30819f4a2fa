"""A short passage of a hit's text around the first query term it contains.

Terms are matched in the same shadow form as the search index (NFKC, Simplified, lower case),
so a Traditional query finds its Simplified passage; offsets are mapped back to the text as
published. Without a term in the text (a title-only hit) the snippet is the text's start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from search.query import ParsedQuery
from futurewatch.core.textnorm import cluster_start, fold_with_offsets, normalize_for_match

SNIPPET_CHARS = 44  # characters shown, hit included
BEFORE_CHARS = 14  # context kept before the hit
SCAN_CHARS = 200_000  # a longer text is searched in its first SCAN_CHARS characters
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Snippet:
    text: str
    hit_start: int | None = None  # offsets of the hit inside `text`; None when no term was found
    hit_end: int | None = None

    @property
    def hit(self) -> str | None:
        return self.text[self.hit_start:self.hit_end] if self.hit_start is not None else None


def positive_terms(parsed: ParsedQuery) -> list[str]:
    return [normalize_for_match(t) for group in parsed.all for t in group]


def first_hit(text: str, terms: list[str]) -> tuple[int, int] | None:
    """(start, end) in `text` of the earliest occurrence of any term, the longest at a tie."""
    form = fold_with_offsets(text)
    found = [(pos, -len(t), t) for t in terms if t and (pos := form.text.find(t)) >= 0]
    if not found:
        return None
    pos, _, term = min(found)
    return form.source_span(pos, pos + len(term))


def build_snippet(text: str, parsed: ParsedQuery) -> Snippet:
    """About SNIPPET_CHARS characters of `text` (whitespace folded) with the first hit in it."""
    flat = SPACES.sub(" ", text[:SCAN_CHARS]).strip()
    span = first_hit(flat, positive_terms(parsed))
    if span is None:
        end = cluster_start(flat, SNIPPET_CHARS)
        return Snippet(flat[:end] + ("…" if len(flat) > end else ""))
    start = cluster_start(flat, max(0, span[0] - BEFORE_CHARS))
    end = max(span[1], cluster_start(flat, min(len(flat), start + SNIPPET_CHARS)))
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(flat) else ""
    return Snippet(lead + flat[start:end] + tail, len(lead) + span[0] - start, len(lead) + span[1] - start)
