"""Search queries: the shared query grammar (futurewatch/core/querygrammar.py) in the shape SQL's
fw_search() takes, with the same rules and messages as SQL's fw_parse_query().

The grammar reads terms, "phrases", AND/&, OR/|, NOT/- and (parentheses) into a tree; AND
binds tighter than OR. Here the tree becomes OR-alternatives of AND-ed terms, stored multiplied
out as AND-of-OR groups ((a AND b) OR c = (a OR c) AND (b OR c)), at most MAX_QUERY_GROUPS,
plus terms no document may contain. What fw_search cannot express is refused:
- an exclusion applies to the whole query, so with OR every alternative must exclude the same
  terms (`量子 -深海 OR 芯片 -深海`), and only single terms (or `-(a OR b)`) can be excluded;
- every alternative needs a term to find.
Every term needs two or more characters and at least one letter, digit or CJK character.
A query holds at most MAX_QUERY_TERMS terms and MAX_QUERY_CHARS characters (the SQL built from
it grows with every term; thousands of ORs would exhaust the server's stack).
Parentheses are read here only: SQL's fw_parse_query() takes them as text, so search sends it
render_query()'s canonical text. Bad input raises QueryError with a one-line message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from futurewatch.core.querygrammar import Node, QueryError, parse

# A character that makes a term searchable; the same class as SQL's fw_word_class().
WORD_CHAR = re.compile(
    "[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]"
)
MAX_QUERY_TERMS = 32
MAX_QUERY_CHARS = 1000
MAX_QUERY_GROUPS = 32
WHAT = "search query"  # the grammar's messages then read as SQL's

__all__ = ["QueryError", "ParsedQuery", "parse_query", "render_query", "WORD_CHAR"]


@dataclass(frozen=True)
class ParsedQuery:
    """all: groups that must each match (a group matches when any of its terms does);
    none: terms that must not occur."""

    all: list[list[str]] = field(default_factory=list)
    none: list[str] = field(default_factory=list)
    alternatives: list[list[str]] = field(default_factory=list, compare=False)  # the OR'd AND-clauses
    tree: Node | None = field(default=None, compare=False)  # the grammar's tree

    def as_dict(self) -> dict:
        return {"all": self.all, "none": self.none}


def check_term(node: Node) -> None:
    """Refuse a term SQL cannot search (called by the grammar as it reads each term)."""
    if not WORD_CHAR.search(node.term):
        raise QueryError(f"search term \"{node.written}\" has no letters, digits or Chinese characters")
    if len(node.term) < 2:
        raise QueryError(f"search term \"{node.term}\" is one character; terms need at least two")


def parse_query(query: str) -> ParsedQuery:
    """Parse `query`; raise QueryError on anything that cannot be searched."""
    tree = parse(query, what=WHAT, check_term=check_term, max_chars=MAX_QUERY_CHARS, max_terms=MAX_QUERY_TERMS)
    clauses = alternatives_of(tree)
    if any(not terms for terms, _ in clauses):
        if len(clauses) > 1:
            raise QueryError("OR needs a term on each side")
        raise QueryError(f"the {WHAT} only excludes terms; add at least one term to find")
    none = list(dict.fromkeys(clauses[0][1]))
    if any(set(negs) != set(none) for _, negs in clauses[1:]):
        raise QueryError("with OR, every alternative must exclude the same terms (write: a -x OR b -x)")
    alternatives = [terms for terms, _ in clauses]
    return ParsedQuery(all=multiply_out(alternatives), none=none, alternatives=alternatives, tree=tree)


Clause = tuple[list[str], list[str]]  # (terms that must all occur, excluded terms)


def alternatives_of(node: Node) -> list[Clause]:
    """The tree as OR-alternatives (disjunctive normal form); refuses what fw_search cannot hold."""
    if node.op == "term":
        return [([node.term], [])]
    if node.op == "not":
        inner = node.children[0]
        if inner.op == "not":  # NOT (NOT a) = a
            return alternatives_of(inner.children[0])
        if inner.op == "term" or (inner.op == "or" and all(c.op == "term" for c in inner.children)):
            return [([], [t.term for t in inner.term_nodes()])]  # NOT (a OR b) = -a -b
        raise QueryError("search can exclude only terms (write -a -b, not NOT (a b))")
    if node.op == "or":
        clauses = [c for child in node.children for c in alternatives_of(child)]
    else:
        clauses = [([], [])]
        for child in node.children:
            clauses = [(t1 + t2, n1 + n2) for t1, n1 in clauses for t2, n2 in alternatives_of(child)]
            if len(clauses) > MAX_QUERY_GROUPS:
                break
    if len(clauses) > MAX_QUERY_GROUPS:
        raise QueryError(f"the {WHAT} has too many OR combinations; the limit is {MAX_QUERY_GROUPS}")
    return clauses


def multiply_out(clauses: list[list[str]]) -> list[list[str]]:
    """OR of AND-clauses → AND of OR-groups (one term from each clause per group), absorbed groups dropped."""
    groups: list[list[str]] = [[]]
    for terms in clauses:
        product: list[list[str]] = []
        for group in groups:
            for term in terms:
                grown = group if term in group else group + [term]
                if grown not in product:
                    product.append(grown)
        product = absorb(product)
        if len(product) > MAX_QUERY_GROUPS:
            raise QueryError(f"the {WHAT} has too many OR combinations; the limit is {MAX_QUERY_GROUPS}")
        groups = product
    return groups


def absorb(groups: list[list[str]]) -> list[list[str]]:
    """Drop each group that holds another (A AND (A OR C) = A); of equal groups the first stays."""
    sets = [set(g) for g in groups]
    return [g for i, g in enumerate(groups)
            if not any(h < sets[i] or (h == sets[i] and j < i) for j, h in enumerate(sets))]


def render_query(parsed: ParsedQuery) -> str:
    """The canonical query text for a parsed query (every term quoted); it parses back to `parsed`."""
    alternatives = parsed.alternatives or (
        [[g[0] for g in parsed.all]] if all(len(g) == 1 for g in parsed.all) else
        [[t] for t in parsed.all[0]] if len(parsed.all) == 1 else None)
    if alternatives is None:
        raise ValueError("render_query needs the alternatives of a query with OR inside AND")
    excluded = " ".join(f'-"{t}"' for t in parsed.none)
    return " OR ".join(" ".join([f'"{t}"' for t in terms] + ([excluded] if excluded else []))
                       for terms in alternatives)
