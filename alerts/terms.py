"""Term search for alert rules: one Aho-Corasick pass per document over every rule's terms.

Text and terms are compared in the matching form of futurewatch.textnorm (NFKC, Simplified,
lower case) with runs of whitespace folded to one space, so 具身智能 finds 具身智能 and 具身智慧
written in Traditional characters alike. A term made of ASCII letters/digits only matches at
word boundaries (AI does not fire inside MAIN).
"""

from __future__ import annotations

import re

import ahocorasick

from futurewatch.textnorm import normalize_for_match

_SPACES = re.compile(r"\s+")
_ASCII_WORD = re.compile(r"^[0-9a-z][0-9a-z .+\-]*$")


def normalize_text(text: str) -> str:
    """The matching form of a title or body (see module docstring)."""
    return _SPACES.sub(" ", normalize_for_match(text or ""))


def normalize_term(term: str) -> str:
    return normalize_text(term).strip()


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class TermIndex:
    """A set of normalised terms searched together; `find` returns each found term's first offset."""

    def __init__(self, terms: set[str] | None = None):
        self._terms: set[str] = set()
        self._automaton: ahocorasick.Automaton | None = None
        for term in terms or ():
            self.add(term)

    def add(self, term: str) -> str:
        norm = normalize_term(term)
        if norm:
            self._terms.add(norm)
            self._automaton = None
        return norm

    def __len__(self) -> int:
        return len(self._terms)

    def _built(self) -> ahocorasick.Automaton | None:
        if self._automaton is None and self._terms:
            automaton = ahocorasick.Automaton()
            for term in self._terms:
                automaton.add_word(term, (term, bool(_ASCII_WORD.match(term))))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def find(self, norm_text: str) -> dict[str, int]:
        """Terms found in already-normalised text, mapped to the offset of their first occurrence."""
        automaton = self._built()
        found: dict[str, int] = {}
        if automaton is None or not norm_text:
            return found
        for end, (term, ascii_word) in automaton.iter(norm_text):
            if term in found:
                continue
            start = end - len(term) + 1
            if ascii_word and not _at_word_boundary(norm_text, start, end + 1):
                continue
            found[term] = start
        return found


def _at_word_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not _is_word_char(before) and not _is_word_char(after)
