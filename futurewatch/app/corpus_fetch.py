"""Rebuild corpus texts that are not redistributed: fetch each page, extract, find the excerpt.

The only networked part of the corpus tools (run by `scripts/build_classify_corpus.py --fetch`).
Each page is parsed by the project's own parser (`parsers.api.parse_page`: the site parser for a
registered host, the generic path otherwise); the excerpt is looked for in the parsed body and,
failing that, in all visible text of the page. Only texts whose sha256 matches are kept.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from classify.corpus import rebuild_text
from parsers.api import MAX_PAGE_BYTES, parse_page
from futurewatch.core.encoding import decode_html
from parsers.html import build_tree

USER_AGENT = "futurewatch-corpus-rebuild/1 (+labelled classification corpus; one request per page)"
FETCH_TIMEOUT = 20.0  # seconds per page
_INVISIBLE = ("script", "style", "noscript", "template")


@dataclass(frozen=True)
class Fetched:
    body: bytes
    charset: str | None


def fetch_page(url: str, timeout: float = FETCH_TIMEOUT) -> Fetched:
    """GET one page (at most MAX_PAGE_BYTES); raises OSError / ValueError with a short reason."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) URLs from the corpus
        body = response.read(MAX_PAGE_BYTES + 1)
        charset = response.headers.get_content_charset()
    if len(body) > MAX_PAGE_BYTES:
        raise ValueError(f"page larger than {MAX_PAGE_BYTES} bytes")
    return Fetched(body, charset)


def visible_text(body: bytes, charset: str | None) -> str:
    """All text a reader could see on the page, one text node per line."""
    tree = build_tree(decode_html(body, charset).text)
    if tree is None:
        return ""
    for el in list(tree.iter(*_INVISIBLE)):
        if el.getparent() is not None:
            el.drop_tree()
    return "\n".join(part.strip() for part in tree.itertext() if part.strip())


def page_texts(page: Fetched, url: str) -> list[str]:
    """Texts to look in, best first: the parsed article, then the whole visible page."""
    doc = parse_page(page.body, url, header_charset=page.charset)
    parsed = "\n".join(part for part in (doc.title, doc.subtitle or "", doc.text) if part)
    return [parsed, visible_text(page.body, page.charset)]


def rebuild_from_page(item: dict, page: Fetched) -> str | None:
    for text in page_texts(page, item["url"]):
        if found := rebuild_text(item, text):
            return found
    return None


def rebuild_items(items: Iterable[dict], *, delay: float = 1.0,
                  fetch: Callable[[str], Fetched] = fetch_page,
                  progress: Callable[[Iterable], Iterable] = iter) -> tuple[dict[str, str], Counter, dict[str, str]]:
    """Fetch and rebuild each item; returns ({id: text}, outcome counts, {id: failure reason})."""
    texts, outcomes, failures = {}, Counter(), {}
    for n, item in enumerate(progress(list(items))):
        if n and delay:
            time.sleep(delay)
        try:
            page = fetch(item["url"])
        except (OSError, ValueError, urllib.error.URLError) as exc:
            outcomes["fetch failed"] += 1
            failures[item["id"]] = f"fetch failed: {str(exc)[:120]}"
            continue
        text = rebuild_from_page(item, page)
        if text is None:
            outcomes["excerpt not found"] += 1
            failures[item["id"]] = "excerpt not found on the page (changed or moved?)"
        else:
            outcomes["rebuilt"] += 1
            texts[item["id"]] = text
    return texts, outcomes, failures
