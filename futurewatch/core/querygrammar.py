"""The one query grammar of search and alert rules: text → a tree of terms, AND, OR and NOT.

    具身智能 AND (深圳 OR 广州) NOT "扫地机器人"        量子 -深海 | 芯片 & 广东

- terms separated by spaces must all occur; `AND` or `&` may be written and changes nothing
  (a stray one, as in `AND 量子` or `量子 AND`, is ignored);
- `OR` or `|` separates alternatives; AND binds tighter than OR: `a b OR c` is (a AND b) OR c;
- `NOT x` or `-x` negates the term, phrase or (group) after it; a run of them negates once
  (`NOT NOT x` = `NOT x`, as in SQL's fw_parse_query);
- "double quotes" (also “curly” or full-width) keep a phrase together, operators and
  brackets inside it included; an unclosed quote runs to the end;
- (parentheses), also full-width, group; a `-` alone, or inside a word (`a-b`), is text.
The text is NFKC-normalised first. Operators are the upper-case words and the signs above.
Limits: the caller's max_chars and max_terms (search: SQL's; alerts: alerts/limits.py) and
MAX_QUERY_DEPTH parentheses inside parentheses (the parser is recursive).
What a term may be is each side's rule (check_term); bad input raises QueryError, one line.
Users: search/query.py (converts the tree to SQL's AND-of-OR shape) and
alerts/query.py (evaluates it against the terms found in a document).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

MAX_QUERY_DEPTH = 20
# A phrase (maybe negated, maybe unclosed), a bracket, or a word (maybe negated).
TOKEN = re.compile(r'(-?)("[^"]*"?|\(|[^\s"()]+)|(\))')
OPERATORS = {"AND": "AND", "&": "AND", "OR": "OR", "|": "OR", "NOT": "NOT"}
SPACES = re.compile(r"\s+")


class QueryError(ValueError):
    """A query that cannot be read; the message is one line for the user."""


@dataclass(frozen=True)
class Node:
    """op: term | and | or | not. A term is its text without quotes, spaces folded to one;
    `written` is the token as written (quotes kept, a leading `-` not), for messages."""

    op: str
    term: str = ""
    children: tuple["Node", ...] = ()
    written: str = ""

    def with_terms(self, convert: Callable[[str], str]) -> "Node":
        """The same tree with every term passed through `convert`."""
        if self.op == "term":
            return Node("term", convert(self.term), written=self.written)
        return Node(self.op, children=tuple(c.with_terms(convert) for c in self.children))

    def term_nodes(self) -> list["Node"]:
        """The term nodes, left to right."""
        if self.op == "term":
            return [self]
        return [t for c in self.children for t in c.term_nodes()]


def tokenize(text: str) -> list[tuple[str, str]]:
    """(kind, text) pairs; kind is term, AND, OR, NOT, ( or ). A `-` prefix becomes NOT."""
    text = unicodedata.normalize("NFKC", text or "").replace("\u201c", '"').replace("\u201d", '"')
    tokens: list[tuple[str, str]] = []
    for minus, body, close in TOKEN.findall(text):
        if close:
            tokens.append((")", ")"))
            continue
        if minus:
            tokens.append(("NOT", "-"))
        if body == "(":
            tokens.append(("(", "("))
        elif not minus and body in OPERATORS:
            tokens.append((OPERATORS[body], body))
        else:
            tokens.append(("term", body))
    return tokens


def unquote(written: str) -> str:
    return SPACES.sub(" ", written.replace('"', "")).strip()


def parse(text: str, *, what: str = "query", check_term: Callable[[Node], None] | None = None,
          max_chars: int | None = None, max_terms: int | None = None) -> Node:
    """Parse `text` into a tree. `what` names the query in messages ("the search query …");
    check_term(node) is called on each term as it is read and raises QueryError to refuse it."""
    if max_chars is not None and len(text or "") > max_chars:
        raise QueryError(f"the {what} is {len(text)} characters; the limit is {max_chars}")
    tokens = tokenize(text)
    if not tokens:
        raise QueryError(f"the {what} is empty")
    terms = sum(kind == "term" for kind, _ in tokens)
    if max_terms is not None and terms > max_terms:
        raise QueryError(f"the {what} has {terms} terms; the limit is {max_terms}")
    parser = _Parser(tokens, what, check_term)
    tree = parser.parse_or(depth=0)
    if parser.pos < len(tokens):  # only a ")" stops parse_or early
        raise QueryError(f"the {what} has a ')' with no '(' before it")
    return tree


class _Parser:
    """Recursive descent: or := and (OR and)*; and := unary*; unary := NOT* (term | '(' or ')')."""

    def __init__(self, tokens: list[tuple[str, str]], what: str, check_term):
        self.tokens, self.pos, self.what, self.check_term = tokens, 0, what, check_term

    def peek(self) -> str | None:
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def parse_or(self, depth: int) -> Node:
        parts = [self.parse_and(depth, after_or=False)]
        while self.peek() == "OR":
            self.pos += 1
            parts.append(self.parse_and(depth, after_or=True))
        return parts[0] if len(parts) == 1 else Node("or", children=tuple(parts))

    def parse_and(self, depth: int, after_or: bool) -> Node:
        parts = []
        while True:
            while self.peek() == "AND":
                self.pos += 1
            if self.peek() in (None, "OR", ")"):
                break
            parts.append(self.parse_unary(depth))
        if not parts and (after_or or self.peek() == "OR"):
            self.fail_at_missing_term()
        return parts[0] if len(parts) == 1 else Node("and", children=tuple(parts))

    def parse_unary(self, depth: int) -> Node:
        negate = False
        while self.peek() in ("NOT", "AND"):
            negate |= self.peek() == "NOT"
            self.pos += 1
        if self.peek() in (None, "OR", ")"):
            self.fail_at_missing_term()
        kind, written = self.tokens[self.pos]
        self.pos += 1
        if kind == "(":
            node = self.parse_group(depth + 1)
        else:
            node = Node("term", unquote(written), written=written)
            if self.check_term:
                self.check_term(node)
        return Node("not", children=(node,)) if negate else node

    def parse_group(self, depth: int) -> Node:
        if depth > MAX_QUERY_DEPTH:
            raise QueryError(f"the {self.what} nests parentheses more than {MAX_QUERY_DEPTH} deep")
        node = self.parse_or(depth)
        if node.op == "and" and not node.children:
            raise QueryError(f"the {self.what} has empty parentheses")
        if self.peek() != ")":
            raise QueryError(f"the {self.what} has an unclosed parenthesis")
        self.pos += 1
        return node

    def fail_at_missing_term(self) -> None:
        """A term is missing before OR, at the end or before ')'; the messages are SQL's."""
        if self.peek() is None:
            raise QueryError(f"the {self.what} ends with OR or NOT")
        if self.peek() == "OR":
            raise QueryError("OR needs a term on each side")
        raise QueryError(f"the {self.what} has ')' where a term was expected")
