"""Term search for alert rules: one Aho-Corasick pass per document over every rule's terms.

Text and terms are compared in the classifier's matching form and with its term matcher
(futurewatch.core.termmatch: NFKC folds, Traditional → Simplified, lower case, spaces next to
Chinese dropped, other space runs folded to one), so a rule term and a taxonomy term match
the same texts: 具身智能 finds 具身智能 and 具身智慧 written in Traditional characters alike,
and a term made of ASCII letters/digits matches only at word boundaries (AI not inside MAIN).
"""

from __future__ import annotations

from futurewatch.core.termmatch import TermMatcher, match_form
from futurewatch.core.termmatch import normalize_term as _normalize_term


def normalize_text(text: str) -> str:
    """The matching form of a title or body (see module docstring)."""
    return match_form(text or "").text


def normalize_term(term: str) -> str:
    return _normalize_term(term or "")


class TermIndex:
    """A set of normalised terms searched together; `find` returns each found term's first offset."""

    def __init__(self, terms: set[str] | None = None):
        self._terms: set[str] = set()
        self._matcher: TermMatcher | None = None
        for term in terms or ():
            self.add(term)

    def add(self, term: str) -> str:
        norm = normalize_term(term)
        if norm:
            self._terms.add(norm)
            self._matcher = None
        return norm

    def __len__(self) -> int:
        return len(self._terms)

    def find(self, norm_text: str) -> dict[str, int]:
        """Terms found in already-normalised text, mapped to the offset of their first occurrence."""
        if self._matcher is None:
            self._matcher = TermMatcher(sorted(self._terms))
        keys = self._matcher.keys
        found: dict[str, int] = {}
        for idx, start, _ in self._matcher.find(norm_text):
            term = keys[idx]
            if term not in found or start < found[term]:
                found[term] = start
        return found
