"""南方+ / 南方日报: the nfapp article-list JSON API per column, and the e-paper's daily pages.

API rows (data.list[]): articleId, title, updateTime, releaseTime, columnName, shareUrl; the
article URL is shareUrl or pc.nfapp.southcn.com/{columnId}/{articleId}.html. Pages are
followed while data.hasNextPage, up to max_pages. E-paper: node_A01.html for each day, every
content_*.html link, then 下一版 (next node) up to epaper_max_pages.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

from crawlers.spiders.base import SourceSpider

NODE_RE = re.compile(r"node_[A-Z]?\d+\.html?$")
CONTENT_RE = re.compile(r"content_\d+\.html?$")


def with_page(url: str, page: int) -> str:
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()} | {"pageNum": str(page)}
    return urlunsplit(parts._replace(query=urlencode(query)))


class Spider(SourceSpider):
    name = "nanfang"
    change_hint_keys = ("title", "updateTime")

    def build_start_requests(self):
        for entry in self.config.entry_urls:
            if "{yyyymm}" in entry:
                for day in self.days():
                    url = entry.format(yyyymm=f"{day:%Y%m}", dd=f"{day:%d}")
                    yield self.listing(url, self.parse_node, day=day, depth=1)
            else:
                yield self.listing(entry, self.parse_api, page=1)

    def parse_api(self, response, page: int):
        item = self.listing_item(response)
        yield item
        data = self.load_json(response, item) if self.usable(item) else None
        if data is None:
            return
        body = (data.get("data") if isinstance(data, dict) else None) or {}
        rows = body.get("list") or [] if isinstance(body, dict) else []
        fresh = 0
        for row in self.object_rows(response, rows, "data.list"):
            url = row.get("shareUrl") or f"http://pc.nfapp.southcn.com/{row.get('columnId')}/{row.get('articleId')}.html"
            listed_on = self.row_date(row)
            fresh += not self.too_old(listed_on)
            hints = {k: row.get(k) for k in ("articleId", "title", "updateTime", "releaseTime", "columnName", "source")}
            yield from self.follow_article(url, hints=hints, listed_on=listed_on, parent_url=response.url)
        self.run.note_listing(response.url, len(rows))
        if body.get("hasNextPage") and fresh and page < self.max_pages:
            yield self.listing(with_page(response.url, page + 1), self.parse_api, continuation=True, page=page + 1)

    @staticmethod
    def row_date(row: dict) -> date | None:
        stamp = str(row.get("updateTime") or row.get("releaseTime") or "")[:10]
        try:
            return date.fromisoformat(stamp)
        except ValueError:
            return None

    def parse_node(self, response, day: date, depth: int):
        item = self.listing_item(response)
        yield item
        if not self.usable(item):
            return
        sel = self.selector(response)
        hrefs = [h for h in sel.css("a::attr(href)").getall() if CONTENT_RE.search(h)]
        for href in dict.fromkeys(hrefs):
            yield from self.follow_article(urljoin(response.url, href), hints={"epaper_date": day.isoformat()},
                                           parent_url=response.url)
        self.run.note_listing(response.url, len(hrefs))
        next_href = sel.xpath("//a[contains(normalize-space(.), '下一版')]/@href").get()
        if next_href and NODE_RE.search(next_href) and depth < self.options.get("epaper_max_pages", 16):
            yield self.listing(urljoin(response.url, next_href), self.parse_node, continuation=True, day=day,
                               depth=depth + 1)
