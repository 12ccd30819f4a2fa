"""The search query syntax, parsed in Python with the same rules as SQL's fw_parse_query().

- terms separated by spaces must all occur (`AND` or `&` may be written, and changes nothing);
- `OR` (or `|`) separates alternatives; AND binds tighter than OR, as in alert rules
  (alerts/query.py): `广东 量子 OR 芯片` means (广东 AND 量子) OR 芯片;
- `NOT term` or `-term` excludes documents containing the term; with OR, every alternative must
  exclude the same terms (`量子 -深海 OR 芯片 -深海`), since an exclusion applies to the whole query;
- "double quotes" (or “curly quotes”) keep a phrase with spaces together.
The alternatives are stored multiplied out as AND-of-OR groups ((a AND b) OR c = (a OR c) AND
(b OR c)), at most MAX_QUERY_GROUPS of them.
Every term needs two or more characters and at least one letter, digit or CJK character.
A query holds at most MAX_QUERY_TERMS terms and MAX_QUERY_CHARS characters (the SQL built from
it grows with every term; thousands of ORs would exhaust the server's stack).
Bad input raises QueryError with a one-line message.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# A character that makes a term searchable; the same class as SQL's fw_word_class().
WORD_CHAR = re.compile(
    "[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]"
)
TOKEN = re.compile(r'(-?"[^"]*"?|[^\s"]+)')
SPACES = re.compile(r"\s+")
MAX_QUERY_TERMS = 32
MAX_QUERY_CHARS = 1000
MAX_QUERY_GROUPS = 32


class QueryError(ValueError):
    """A search query that cannot be searched; the message is one line for the user."""


@dataclass(frozen=True)
class ParsedQuery:
    """all: groups that must each match (a group matches when any of its terms does);
    none: terms that must not occur."""

    all: list[list[str]] = field(default_factory=list)
    none: list[str] = field(default_factory=list)
    alternatives: list[list[str]] = field(default_factory=list, compare=False)  # the OR'd AND-clauses, as written

    def as_dict(self) -> dict:
        return {"all": self.all, "none": self.none}


def parse_term(token: str) -> str:
    term = SPACES.sub(" ", token.replace('"', "")).strip()
    if not WORD_CHAR.search(term):
        raise QueryError(f"search term \"{token}\" has no letters, digits or Chinese characters")
    if len(term) < 2:
        raise QueryError(f"search term \"{term}\" is one character; terms need at least two")
    return term


def tokenize(query: str) -> list[str]:
    text = unicodedata.normalize("NFKC", query or "").replace("\u201c", '"').replace("\u201d", '"')
    return TOKEN.findall(text)


def parse_query(query: str) -> ParsedQuery:
    """Parse `query`; raise QueryError on anything that cannot be searched."""
    if len(query or "") > MAX_QUERY_CHARS:
        raise QueryError(f"the search query is {len(query)} characters; the limit is {MAX_QUERY_CHARS}")
    tokens = tokenize(query)
    if not tokens:
        raise QueryError("the search query is empty")
    terms = sum(t not in ("AND", "&", "OR", "|", "NOT") for t in tokens)
    if terms > MAX_QUERY_TERMS:
        raise QueryError(f"the search query has {terms} terms; the limit is {MAX_QUERY_TERMS}")
    clauses = read_clauses(tokens)
    none = list(dict.fromkeys(clauses[0][1]))
    if any(set(negs) != set(none) for _, negs in clauses[1:]):
        raise QueryError("with OR, every alternative must exclude the same terms (write: a -x OR b -x)")
    alternatives = [terms for terms, _ in clauses]
    return ParsedQuery(all=multiply_out(alternatives), none=none, alternatives=alternatives)


def read_clauses(tokens: list[str]) -> list[tuple[list[str], list[str]]]:
    """The OR-alternatives, each (terms that must all occur, excluded terms)."""
    clauses: list[tuple[list[str], list[str]]] = [([], [])]
    pending_or = negate = False
    for token in tokens:
        if token in ("AND", "&"):
            continue
        if token in ("OR", "|"):
            if pending_or or negate or not clauses[-1][0]:
                raise QueryError("OR needs a term on each side")
            clauses.append(([], []))
            pending_or = True
            continue
        if token == "NOT":
            negate = True
            continue
        if len(token) > 1 and token.startswith("-"):
            negate, token = True, token[1:]
        clauses[-1][1 if negate else 0].append(parse_term(token))
        pending_or = negate = False
    if pending_or or negate:
        raise QueryError("the search query ends with OR or NOT")
    if len(clauses) > 1 and not all(terms for terms, _ in clauses):
        raise QueryError("OR needs a term on each side")
    if not clauses[0][0]:
        raise QueryError("the search query only excludes terms; add at least one term to find")
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
            raise QueryError(f"the search query has too many OR combinations; the limit is {MAX_QUERY_GROUPS}")
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
