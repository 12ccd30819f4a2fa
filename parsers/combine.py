"""Two extractors, one body: our density scoring and trafilatura, chosen per page by agreement.

    choose_body(ours, theirs) -> (lines, how)

Both see the same page. Where they agree on the article (each holds at least half of the other's
character bigrams), our lines are kept and cut to the span trafilatura confirms: leading and
trailing lines it does not share (follow buttons, counters, a comment under the article) go,
lines inside the span stay (captions and sub-headings trafilatura tends to drop). Where they
disagree, the text that reads more like prose wins: more full-width sentence punctuation in
lines long enough to be sentences. With one side empty, the other is the body.
"""

from __future__ import annotations

import re
from collections import Counter

_PUNCT = re.compile(r"[，。；！？、：“”]")
_KEEP = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]")
AGREE = 0.5  # share of one side's bigrams found in the other for the two to agree
LINE_SUPPORT = 0.5  # share of a line's bigrams the other side must hold for the line to be confirmed


def bigrams(text: str) -> Counter:
    chars = [c for c in text if _KEEP.match(c)]
    return Counter(a + b for a, b in zip(chars, chars[1:]))


def choose_body(ours: list[str], theirs: list[str]) -> tuple[list[str], str]:
    """The body lines and how they were chosen: ours | theirs | trimmed | ours-only | theirs-only."""
    if not theirs:
        return ours, "ours-only"
    if not ours:
        return theirs, "theirs-only"
    ours_bigrams, their_bigrams = bigrams("\n".join(ours)), bigrams("\n".join(theirs))
    shared = sum((ours_bigrams & their_bigrams).values())
    agree_ours = shared / max(1, sum(ours_bigrams.values()))
    agree_theirs = shared / max(1, sum(their_bigrams.values()))
    if agree_ours < AGREE and agree_theirs < AGREE:
        return (ours, "ours") if prose_score(ours) >= prose_score(theirs) else (theirs, "theirs")
    trimmed = confirmed_span(ours, their_bigrams)
    return trimmed, "trimmed" if len(trimmed) < len(ours) else "ours"


def confirmed_span(lines: list[str], other: Counter) -> list[str]:
    """Lines from the first to the last one whose bigrams the other extraction mostly holds."""
    confirmed = [i for i, line in enumerate(lines) if _support(line, other) >= LINE_SUPPORT]
    return lines[confirmed[0]: confirmed[-1] + 1] if confirmed else lines


def _support(line: str, other: Counter) -> float:
    grams = bigrams(line)
    total = sum(grams.values())
    return sum(n for gram, n in grams.items() if gram in other) / total if total else 0.0


def prose_score(lines: list[str]) -> float:
    """Sentence punctuation in lines of 15+ characters: menus and link lists score near zero."""
    return float(sum(len(_PUNCT.findall(line)) for line in lines if len(line) >= 15))
