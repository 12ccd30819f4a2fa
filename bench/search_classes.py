"""Query classes for bench.load_search, cut from loaded documents, and the SQL each is checked with.

A query is a list of groups (each a list of OR-alternatives) plus excluded terms: the same shape
as fw_parse_query(). `text()` renders it in the search syntax; `where()` gives the index-served
(fw_contains/fw_lacks) or the LIKE condition over every match, for the recall check.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

LIKE_TERM = (r"{a}.search_text LIKE '%%' || replace(replace(replace(fw_normalize(%s), '\', '\\'),"
             r" '%%', '\%%'), '_', '\_') || '%%'")


@dataclass(frozen=True)
class Query:
    groups: list[list[str]]
    none: list[str] = field(default_factory=list)

    def text(self) -> str:
        quote = lambda t: '"' + t + '"'  # noqa: E731
        return " ".join([" OR ".join(map(quote, g)) for g in self.groups] + ["-" + quote(t) for t in self.none])

    def where(self, like: bool, alias: str = "v") -> tuple[str, list[str]]:
        term = LIKE_TERM.format(a=alias) if like else f"fw_contains({alias}.search_keys, {alias}.search_text, %s)"
        parts = ["(" + " OR ".join([term] * len(g)) + ")" for g in self.groups]
        parts += [f"NOT ({term})" if like else f"fw_lacks({alias}.search_text, %s)" for _ in self.none]
        return " AND ".join(parts), [t for g in self.groups for t in g] + list(self.none)

    def rank(self, alias: str = "v") -> tuple[str, list[str]]:
        terms = [t for g in self.groups for t in g]
        return " + ".join([f"fw_rank_normalized({alias}.search_text, fw_normalize(%s))"] * len(terms)), terms


def quotable(phrase: str) -> bool:
    """No space and nothing the query syntax reads as a quote (after NFKC, like the parser)."""
    folded = unicodedata.normalize("NFKC", phrase)
    return not any(ch.isspace() or ch in '"\u201c\u201d' for ch in folded)


class Cutter:
    """Substrings of loaded documents: CJK-only terms, or phrases that may hold punctuation."""

    def __init__(self, texts: list[str], seed: int = 7):
        self.texts, self.rng = texts, random.Random(seed)

    def term(self, length: int, text: str | None = None) -> str:
        while True:
            source = text or self.rng.choice(self.texts)
            at = self.rng.randrange(max(1, len(source) - length))
            term = source[at : at + length]
            if len(term) == length and all("\u3400" <= ch <= "\u9fff" for ch in term):
                return term

    def phrase(self, length: int) -> str:
        while True:
            text = self.rng.choice(self.texts)
            at = self.rng.randrange(len(text) - length)
            phrase = text[at : at + length]
            if quotable(phrase) and sum("\u3400" <= ch <= "\u9fff" for ch in phrase) >= 2:
                return phrase

    def rare_and(self) -> Query:
        text = self.rng.choice(self.texts)  # two 4-character terms of one document: few share both
        return Query([[self.term(4, text)], [self.term(4, text)]])


def build_classes(texts: list[str], per_class: int) -> dict[str, list[Query]]:
    cut = Cutter(texts)
    makers = {
        "2 chars": lambda: Query([[cut.term(2)]]),
        "3 chars": lambda: Query([[cut.term(3)]]),
        "4 chars": lambda: Query([[cut.term(4)]]),
        "AND 2+3": lambda: Query([[cut.term(2)], [cut.term(3)]]),
        "rare AND 4+4": cut.rare_and,
        "OR 3|3": lambda: Query([[cut.term(3), cut.term(3)]]),
        "NOT 3 -2": lambda: Query([[cut.term(3)]], [cut.term(2)]),
        "phrase 8": lambda: Query([[cut.phrase(8)]]),
    }
    return {name: [make() for _ in range(per_class)] for name, make in makers.items()}
