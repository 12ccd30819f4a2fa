"""Filler for the crawl benchmark (bench/crawl.py): `count` articles over the last `days` days.

Made from a source's own stored pages, not from a template: its daily listing of the stored day
(the one dated listing whose next day is not stored), re-dated to each benchmark day, with its
article rows (the source spider's ROW_SELECTORS) repeated, each repetition linking a copy of
the stored article it listed under a new number and a numbered title.
"""

from __future__ import annotations

import copy
import importlib
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urljoin

import lxml.html

from crawlers.mirror.dates import shift_text
from crawlers.mirror.site import MirrorSite, Page, StoredPage
from crawlers.mirror.stored import read_page
from futurewatch.core.sources import SourceConfig

FIRST_NUMBER = 3_000_000


def _daily_listing(folder: Path, site: MirrorSite) -> Path:
    """The meta of the newest dated listing: shifted a day on, its URL is not stored."""
    dated = {}
    for meta in sorted(folder.glob("*.meta.json")):
        url, kind, _ = read_page(meta, site.today)
        if kind == "listing" and shift_text(url, site.today, site.today + timedelta(days=1)) != url:
            dated[url] = meta
    newest = [m for u, m in dated.items() if shift_text(u, site.today, site.today + timedelta(days=1)) not in dated]
    if len(newest) != 1:
        raise ValueError(f"{folder}: no single newest dated listing to copy for the benchmark")
    return newest[0]


def _renumber(url: str, number: int) -> str:
    return re.sub(r"\d+(?=\.\w+$)", str(number), url)


def add_filler(site: MirrorSite, config: SourceConfig, count: int, days: int) -> None:
    selectors = importlib.import_module(config.spider.split(":")[0]).ROW_SELECTORS
    listing_meta = _daily_listing(config.fixtures_dir() / "mirror", site)
    number = FIRST_NUMBER
    for age in range(days):
        day = site.today - timedelta(days=age)
        url, _, listing = read_page(listing_meta, day)
        tree = lxml.html.document_fromstring(listing.body.decode(listing.charset))
        rows = [r for sel in selectors for r in tree.cssselect(sel)]
        template = rows[0]
        href = urljoin(url, template.cssselect("a")[0].get("href"))
        title = template.cssselect("a")[0].text_content().strip()
        article_meta = next(m for m in listing_meta.parent.glob("*.meta.json")
                            if read_page(m, site.today)[0] == shift_text(href, day, site.today))
        _, _, article = read_page(article_meta, day)
        parent = template.getparent()
        for row in rows:
            row.getparent().remove(row)
        for _ in range(count // days + (age < count % days)):
            number += 1
            copy_url, copy_title = _renumber(href, number), f"{title}（{number}）"
            row = copy.deepcopy(template)
            link = row.cssselect("a")[0]
            link.set("href", copy_url)
            link.text = copy_title
            parent.append(row)
            body = article.body.replace(title.encode(article.charset), copy_title.encode(article.charset))
            site.add(StoredPage(copy_url, config.source_id, "page",
                                Page(body, article.content_type, validators=True, last_modified=article.last_modified)))
        html = lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")
        site.add(StoredPage(url, config.source_id, "listing",
                            Page(html.encode(listing.charset, "xmlcharrefreplace"), listing.content_type)), replace=True)
