"""C114 通信网: the 滚动资讯 daily archive (roll.asp?y=&m=&d=, one page per day), then articles.

Pages are GBK; the registry sets encoding gb18030 (the superset) for reading list pages.
Rows: div.new_list_c h6 a (absolute hrefs); only /a<id>.html links are articles.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin

from crawlers.spiders.base import SourceSpider

ARTICLE_RE = re.compile(r"/a\d+\.html$")
ROW_SELECTORS = ("div.new_list_c", "div.content_c_list li", "ul.news_list li")


class Spider(SourceSpider):
    name = "c114"

    def build_start_requests(self):
        roll = self.config.entry_urls[0]
        for day in self.days():
            url = f"{roll}?y={day.year}&m={day.month}&d={day.day}"
            yield self.listing(url, self.parse_roll, day=day)

    def parse_roll(self, response, day: date):
        item = self.listing_item(response)
        yield item
        rows = self.listing_rows(response, item, ROW_SELECTORS)
        if rows is None:
            return
        links = 0
        for row in rows:
            href = row.css("h6 a::attr(href), a::attr(href)").get()
            if not href or not ARTICLE_RE.search(href.split("?")[0]):
                continue
            links += 1
            hints = {"title": " ".join(row.css("h6 a ::text, a ::text").getall()).strip(),
                     "author": row.xpath("string(.//div[contains(@class,'new_list_author')])").get("").strip(),
                     "list_time": row.xpath("string(.//div[contains(@class,'new_list_time')])").get("").strip(),
                     "archive_date": day.isoformat()}
            yield from self.follow_article(urljoin(response.url, href), hints=hints, parent_url=response.url)
        self.run.note_listing(response.url, links)
