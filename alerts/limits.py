"""Limits on what subscribers and rules may hold, checked at the door (alerts load / alerts add)
and again when rules are read for matching (so a row written by hand cannot get past them).

    MAX_EMAIL_CHARS       254   one addr-spec: no display name, no list, no CR/LF or control chars
    MAX_NAME_CHARS        200   a subscriber's or a rule's name (no line breaks)
    MAX_QUERY_CHARS      2000   a keyword rule's query text
    MAX_QUERY_DEPTH        20   brackets inside brackets in that query
    MAX_TERM_CHARS        200   one term: a query term, an entity name, an issuer, a keyword …
    MAX_TERMS_PER_RULE    200   query terms plus list entries in one rule
    MAX_RULES_PER_SUBSCRIBER 100
    MAX_SUBSCRIBERS_PER_FILE 10000
    MAX_SUBSCRIBER_FILE_BYTES 5 MiB
    MAX_YAML_DEPTH         64   brackets inside brackets, or 4 × that in leading spaces

A term of about a million characters crashed the Aho-Corasick matcher; these keep every input
far below anything the matcher, the query parser (recursive) or a digest header cannot take.
"""

from __future__ import annotations

import re
from email.errors import HeaderParseError
from email.headerregistry import Address

from futurewatch.core.querygrammar import MAX_QUERY_DEPTH as GRAMMAR_DEPTH, tokenize, unquote

MAX_EMAIL_CHARS = 254
MAX_NAME_CHARS = 200
MAX_QUERY_CHARS = 2000
MAX_QUERY_DEPTH = GRAMMAR_DEPTH  # 20: the grammar refuses deeper too
MAX_TERM_CHARS = 200
MAX_TERMS_PER_RULE = 200
MAX_RULES_PER_SUBSCRIBER = 100
MAX_SUBSCRIBERS_PER_FILE = 10000
MAX_SUBSCRIBER_FILE_BYTES = 5 * 1024 * 1024
MAX_YAML_DEPTH = 64
MAX_PARAM_DEPTH = 8

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class LimitError(ValueError):
    """An input over a documented limit or malformed; one line naming the limit."""


def check_email(value: object) -> str:
    """The address if it is exactly one plain addr-spec (user@domain), else LimitError."""
    text = str(value if value is not None else "")
    if _CONTROL.search(text):
        raise LimitError("email contains a line break or control character")
    text = text.strip()
    if len(text) > MAX_EMAIL_CHARS:
        raise LimitError(f"email is {len(text)} characters; the limit is {MAX_EMAIL_CHARS}")
    try:
        address = Address(addr_spec=text)
    except (ValueError, HeaderParseError, IndexError) as exc:
        raise LimitError(f"email {text[:80]!r} is not one plain address (user@domain): "
                         f"{' '.join(str(exc).split())}") from None
    if not address.username or not address.domain or address.addr_spec != text:
        raise LimitError(f"email {text[:80]!r} is not one plain address (user@domain)")
    return text


def check_name(what: str, value: object) -> None:
    """LimitError for a name over MAX_NAME_CHARS or holding a line break or control character."""
    text = "" if value is None else str(value)
    if len(text) > MAX_NAME_CHARS:
        raise LimitError(f"{what} is {len(text)} characters; the limit is {MAX_NAME_CHARS}")
    if _CONTROL.search(text):
        raise LimitError(f"{what} contains a line break or control character")


def _strings(value: object) -> list[str]:
    """Every string inside a rule param (lists and mappings walked iteratively, at most 8 deep)."""
    found, stack = [], [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_PARAM_DEPTH:
            raise LimitError(f"params nested more than {MAX_PARAM_DEPTH} deep")
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, (list, tuple, dict)):
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return found


def query_terms(query: str) -> list[str]:
    """The terms of a keyword query as the shared grammar splits it (quoted phrases whole)."""
    return [unquote(text) for kind, text in tokenize(query) if kind == "term"]


def check_rule_params(params: dict) -> None:
    """LimitError if a rule's query, one of its terms, or its number of terms is over the limit."""
    query = params.get("query")
    terms: list[str] = []
    if isinstance(query, str):
        if len(query) > MAX_QUERY_CHARS:
            raise LimitError(f"query is {len(query)} characters; the limit is {MAX_QUERY_CHARS}")
        if _depth(query) > MAX_QUERY_DEPTH:
            raise LimitError(f"query nests brackets {_depth(query)} deep; the limit is {MAX_QUERY_DEPTH}")
        terms += query_terms(query)
    terms += [s for key, v in params.items() if key != "query" for s in _strings(v)]
    for term in terms:
        if len(term) > MAX_TERM_CHARS:
            raise LimitError(f"term {term[:20]!r}… is {len(term)} characters; the limit is {MAX_TERM_CHARS}")
    if len(terms) > MAX_TERMS_PER_RULE:
        raise LimitError(f"{len(terms)} terms; the limit is {MAX_TERMS_PER_RULE} per rule")


def _depth(query: str) -> int:
    depth = deepest = 0
    for kind, _ in tokenize(query):
        depth += {"(": 1, ")": -1}.get(kind, 0)
        deepest = max(deepest, depth)
    return deepest


def check_yaml_depth(text: str) -> None:
    """LimitError for YAML nested deeper than MAX_YAML_DEPTH, found in one pass before parsing
    (PyYAML slows quadratically with depth, and its C parser crashes on very deep documents)."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    indent = max((len(line) - len(line.lstrip(" ")) for line in text.splitlines()), default=0)
    if deepest > MAX_YAML_DEPTH or indent > 4 * MAX_YAML_DEPTH:
        raise LimitError(f"nested too deeply (brackets {deepest}, indent {indent}); "
                         f"the limit is {MAX_YAML_DEPTH} levels")


def check_counts(what: str, count: int, limit: int) -> None:
    if count > limit:
        raise LimitError(f"{count} {what}; the limit is {limit}")
