"""lxml helpers shared by every parser: build a tree, select, and turn an element into paragraphs."""

from __future__ import annotations

import re
from functools import lru_cache

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

SKIP_TAGS = frozenset({"script", "style", "noscript", "iframe", "template", "svg", "canvas",
                       "form", "button", "select", "textarea", "input", "object", "embed"})
BLOCK_TAGS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                        "section", "article", "blockquote", "pre", "table", "ul", "ol", "dd",
                        "dt", "dl", "center", "hr", "header", "footer", "figure", "figcaption"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2002\u2003\u2009\u200b\ufeff]+")


def build_tree(html: str) -> lxml.html.HtmlElement | None:
    """An lxml tree, or None when there is no markup to speak of."""
    if not html or not html.strip():
        return None
    try:
        html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)  # lxml refuses str with an encoding declaration
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


@lru_cache(maxsize=512)
def css(selector: str) -> CSSSelector:
    """Precompiled CSS selector (cached: parsers declare selectors as strings)."""
    return CSSSelector(selector, translator="html")


def select(tree, selector: str) -> list:
    return css(selector)(tree) if tree is not None else []


def select_first(tree, *selectors: str):
    """The first element matched by the first selector that matches anything."""
    for sel in selectors:
        found = select(tree, sel)
        if found:
            return found[0]
    return None


def clean_inline(text: str) -> str:
    """Collapse spaces inside a line; keep the full-width indent out of the text."""
    return _SPACES.sub(" ", text).strip(" \u3000\n")


def text_of(el) -> str:
    """All text of an element on one line, scripts left out."""
    if el is None:
        return ""
    if isinstance(el, str):
        return clean_inline(el)
    parts = el.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")
    return clean_inline("".join(parts).replace("\n", " "))  # Chinese text gains no spaces between pieces


def attr(tree, selector: str, name: str) -> str | None:
    el = select_first(tree, selector)
    value = el.get(name) if el is not None else None
    return value.strip() if value else None


def meta(tree, *names: str) -> str | None:
    """Content of the first <meta name|property=…> among `names` (case-insensitive)."""
    if tree is None:
        return None
    wanted = {n.lower() for n in names}
    for el in tree.iter("meta"):
        key = (el.get("name") or el.get("property") or el.get("itemprop") or "").lower()
        if key in wanted and (el.get("content") or "").strip():
            return el.get("content").strip()
    return None


class _Enough(Exception):
    pass


class _Paragraphs:
    """The walk behind paragraphs_of: text gathered into a buffer, flushed at block boundaries."""

    def __init__(self, skip, limit, skip_tags):
        self.skip, self.limit, self.skip_tags = skip, limit, skip_tags
        self.out: list[str] = []
        self.buf: list[str] = []

    def flush(self) -> None:
        line = clean_inline("".join(self.buf))
        self.buf.clear()
        if line:
            self.out.append(line)
            if self.limit is not None and len(self.out) >= self.limit:
                raise _Enough

    def walk(self, node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in self.skip_tags or (self.skip is not None and tag and self.skip(node)):
            self.buf.append(node.tail or "")
            return
        block = tag in BLOCK_TAGS
        if block:
            self.flush()
        if tag in ("td", "th") and self.buf:
            self.buf.append(" ")
        if node.text and tag:
            self.buf.append(node.text)
        for child in node:
            self.walk(child)
        if block:
            self.flush()
        self.buf.append(node.tail or "")


def paragraphs_of(el, *, skip=None, limit: int | None = None, skip_tags: frozenset = SKIP_TAGS) -> list[str]:
    """Block-aware text of `el`: one string per paragraph (p, div, br, li, tr … start a new one).
    `skip(node)` leaves a subtree out (its tail kept); `limit` stops after that many paragraphs."""
    if el is None:
        return []
    walker = _Paragraphs(skip, limit, skip_tags)
    tail, el.tail = el.tail, None
    try:
        walker.walk(el)
        walker.flush()
    except _Enough:
        pass
    finally:
        el.tail = tail
    return [q for line in walker.out for piece in line.split("\n") if (q := clean_inline(piece))]


def drop(tree, *selectors: str) -> None:
    """Remove matching elements (keeping their tails) before extraction."""
    for sel in selectors:
        for el in select(tree, sel):
            el.drop_tree()
