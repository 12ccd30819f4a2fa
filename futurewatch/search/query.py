"""The search query syntax, parsed in Python with the same rules as SQL's fw_parse_query().

- terms separated by spaces must all occur (`AND` or `&` may be written, and changes nothing);
- `OR` (or `|`) between two terms accepts either;
- `NOT term` or `-term` excludes documents containing the term;
- "double quotes" (or “curly quotes”) keep a phrase with spaces together.
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


class QueryError(ValueError):
    """A search query that cannot be searched; the message is one line for the user."""


@dataclass(frozen=True)
class ParsedQuery:
    """all: groups that must each match (a group matches when any of its terms does);
    none: terms that must not occur."""

    all: list[list[str]] = field(default_factory=list)
    none: list[str] = field(default_factory=list)

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
    parsed, pending_or, negate = ParsedQuery(), False, False
    for token in tokens:
        if token in ("AND", "&"):
            continue
        if token in ("OR", "|"):
            if pending_or or negate or not parsed.all:
                raise QueryError("OR needs a term on each side")
            pending_or = True
            continue
        if token == "NOT":
            negate = True
            continue
        if len(token) > 1 and token.startswith("-"):
            negate, token = True, token[1:]
        add_term(parsed, parse_term(token), negate=negate, join_or=pending_or)
        pending_or = negate = False
    if pending_or or negate:
        raise QueryError("the search query ends with OR or NOT")
    if not parsed.all:
        raise QueryError("the search query only excludes terms; add at least one term to find")
    return parsed


def add_term(parsed: ParsedQuery, term: str, *, negate: bool, join_or: bool) -> None:
    if negate and join_or:
        raise QueryError("an excluded term cannot be joined with OR")
    if negate:
        parsed.none.append(term)
    elif join_or:
        parsed.all[-1].append(term)
    else:
        parsed.all.append([term])


def render_query(parsed: ParsedQuery) -> str:
    """The canonical query text for a parsed query (every term quoted)."""
    groups = [" OR ".join(f'"{t}"' for t in group) for group in parsed.all]
    return " ".join(groups + [f'-"{t}"' for t in parsed.none])
