"""Keyword queries: terms, "quoted phrases", AND, OR, NOT and parentheses.

    具身智能 AND (深圳 OR 广州) NOT "扫地机器人"

Adjacent terms are ANDed; AND binds tighter than OR; NOT applies to the term or group after it.
Operators are the upper-case words AND, OR, NOT. Matching is on futurewatch.textnorm's form,
so Simplified and Traditional spellings of a term are the same term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from alerts.terms import normalize_term

_TOKEN = re.compile(r'"([^"]*)"|“([^”]*)”|([()（）])|([^\s()（）"“”]+)')
OPERATORS = {"AND", "OR", "NOT"}


class QueryError(ValueError):
    """A keyword query that cannot be parsed; the message says where."""


@dataclass(frozen=True)
class Node:
    op: str                      # term | and | or | not
    term: str = ""
    children: tuple["Node", ...] = ()

    def terms(self, *, positive: bool = True) -> set[str]:
        """Terms under this node; with positive=True only those not under a NOT."""
        if self.op == "term":
            return {self.term}
        if self.op == "not":
            return set() if positive else self.children[0].terms(positive=False)
        out: set[str] = set()
        for child in self.children:
            out |= child.terms(positive=positive)
        return out

    def evaluate(self, found: set[str] | dict) -> bool:
        if self.op == "term":
            return self.term in found
        if self.op == "not":
            return not self.children[0].evaluate(found)
        if self.op == "and":
            return all(c.evaluate(found) for c in self.children)
        return any(c.evaluate(found) for c in self.children)


def tokenize_query(text: str) -> list[tuple[str, str]]:
    tokens = []
    for m in _TOKEN.finditer(text):
        phrase = m.group(1) if m.group(1) is not None else m.group(2)
        if phrase is not None:
            tokens.append(("term", phrase))
        elif m.group(3):
            tokens.append(("(" if m.group(3) in "(（" else ")", m.group(3)))
        elif m.group(4) in OPERATORS:
            tokens.append((m.group(4), m.group(4)))
        else:
            tokens.append(("term", m.group(4)))
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], text: str):
        self.tokens, self.pos, self.text = tokens, 0, text

    def peek(self) -> str | None:
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse_or(self) -> Node:
        parts = [self.parse_and()]
        while self.peek() == "OR":
            self.take()
            parts.append(self.parse_and())
        return parts[0] if len(parts) == 1 else Node("or", children=tuple(parts))

    def parse_and(self) -> Node:
        parts = [self.parse_not()]
        while self.peek() not in (None, "OR", ")"):
            if self.peek() == "AND":
                self.take()
            parts.append(self.parse_not())
        return parts[0] if len(parts) == 1 else Node("and", children=tuple(parts))

    def parse_not(self) -> Node:
        if self.peek() == "NOT":
            self.take()
            return Node("not", children=(self.parse_not(),))
        return self.parse_atom()

    def parse_atom(self) -> Node:
        if self.peek() is None:
            raise QueryError(f"query {self.text!r} ends where a term was expected")
        kind, value = self.take()
        if kind == "(":
            node = self.parse_or()
            if self.peek() != ")":
                raise QueryError(f"query {self.text!r} has an unclosed parenthesis")
            self.take()
            return node
        if kind != "term":
            raise QueryError(f"query {self.text!r}: {value!r} where a term was expected")
        term = normalize_term(value)
        if not term:
            raise QueryError(f"query {self.text!r} has an empty phrase")
        return Node("term", term=term)


def parse_query(text: str) -> Node:
    """Parse a keyword query; raises QueryError with a one-line message."""
    tokens = tokenize_query(text or "")
    if not tokens:
        raise QueryError("keyword query is empty")
    parser = _Parser(tokens, text)
    node = parser.parse_or()
    if parser.pos != len(tokens):
        raise QueryError(f"query {text!r}: unexpected {tokens[parser.pos][1]!r}")
    if not node.terms(positive=True):
        raise QueryError(f"query {text!r} has only NOT terms; add a term to look for")
    return node
