"""大公报 / 大公网: column lists (index.html, then 2.html, 3.html …), then articles
/{section}/{column}/{YYYY}/{MMDD}/{id}.html. Traditional Chinese, utf-8."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin

from crawlers.spiders.base import SourceSpider

ARTICLE_RE = re.compile(r"/\d{4}/\d{4}/\d+\.html$")
ROW_SELECTORS = ("div.wrap_left dl.item", "dl.item", "li.title", "div.list li")


class Spider(SourceSpider):
    name = "takungpao"

    def build_start_requests(self):
        for url in self.config.entry_urls:
            yield self.listing(url, self.parse_column, base=url.rsplit("/", 1)[0], page=1)

    def parse_column(self, response, base: str, page: int):
        item = self.listing_item(response)
        yield item
        rows = self.listing_rows(response, item, ROW_SELECTORS)
        if rows is None:
            return
        links, fresh = 0, 0
        for row in rows:
            href = row.css("dd.intro a::attr(href), a::attr(href)").get()
            if not href or not ARTICLE_RE.search(href):
                continue
            links += 1
            listed_on = self.parse_date(row.css("dd.sort::text").get(""))
            fresh += not self.too_old(listed_on)
            hints = {"title": row.css("a::attr(title)").get() or row.css("a::text").get(""),
                     "list_date": listed_on.isoformat() if listed_on else None}
            yield from self.follow_article(urljoin(response.url, href), hints=hints, listed_on=listed_on,
                                           parent_url=response.url)
        self.run.note_listing(response.url, links)
        if fresh and page < self.max_pages:
            yield self.listing(f"{base}/{page + 1}.html", self.parse_column, continuation=True, base=base,
                               page=page + 1)

    @staticmethod
    def parse_date(text: str) -> date | None:
        match = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        try:
            return date(*map(int, match.groups())) if match else None
        except ValueError:  # 2024-13-45: no day, and no reason to lose the rest of the list
            return None
