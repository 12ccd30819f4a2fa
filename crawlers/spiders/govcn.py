"""中国政府网 最新政策: /zhengce/zuixin/ZUIXINZHENGCE.json (a top-level array of
{TITLE, SUB_TITLE, URL, DOCRELPUBTIME}), newest first, then the detail pages (both templates)
and their attachments (relative …/files/*.pdf links)."""

from __future__ import annotations

from datetime import date
from urllib.parse import urljoin

from crawlers.spiders.base import SourceSpider


class Spider(SourceSpider):
    name = "govcn"

    def build_start_requests(self):
        for url in self.config.entry_urls:
            yield self.listing(url, self.parse_json)

    def parse_json(self, response):
        item = self.listing_item(response)
        yield item
        data = self.load_json(response, item) if self.usable(item) else None
        if data is None:
            return
        rows = data if isinstance(data, list) else data.get("data") or []
        limit = None if self.since else self.options.get("max_items")
        for row in self.object_rows(response, rows[:limit], "the list"):
            listed_on = self.parse_day(row.get("DOCRELPUBTIME"))
            hints = {"title": row.get("TITLE"), "sub_title": row.get("SUB_TITLE"), "date": row.get("DOCRELPUBTIME")}
            url = urljoin(response.url, row.get("URL") or "")
            yield from self.follow_article(url if row.get("URL") else None, hints=hints, listed_on=listed_on,
                                           parent_url=response.url)
        self.run.note_listing(response.url, len(rows))

    @staticmethod
    def parse_day(text) -> date | None:
        try:
            return date.fromisoformat(str(text or "")[:10])
        except ValueError:
            return None
