"""中国新闻网: the daily scroll archive (/scroll-news/YYYY/MMDD/news.shtml), then articles
/{channel}/{YYYY}/{MM-DD}/{id}.shtml in the registry's channels (where reprints land)."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin, urlsplit

from crawlers.spiders.base import SourceSpider

ARTICLE_RE = re.compile(r"/([a-z]+)/\d{4}/\d{2}-\d{2}/\d+\.shtml$")


class Spider(SourceSpider):
    name = "chinanews"

    def build_start_requests(self):
        for day in self.days():
            url = self.config.entry_urls[0].format(yyyy=f"{day:%Y}", mmdd=f"{day:%m%d}")
            yield self.listing(url, self.parse_scroll, day=day)

    def parse_scroll(self, response, day: date):
        item = self.listing_item(response)
        yield item
        if not self.usable(item):
            return
        channels = set(self.options.get("channels") or [])
        links = 0
        for anchor in self.selector(response).css("a[href]"):
            url = urljoin(response.url, anchor.attrib["href"])
            match = ARTICLE_RE.search(urlsplit(url).path)
            if not match:
                continue
            links += 1
            if channels and match.group(1) not in channels:
                continue
            hints = {"title": " ".join(anchor.css("::text").getall()).strip(), "channel": match.group(1),
                     "archive_date": day.isoformat()}
            yield from self.follow_article(url, hints=hints, parent_url=response.url)
        self.run.note_listing(response.url, links)
