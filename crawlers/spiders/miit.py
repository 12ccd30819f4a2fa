"""工业和信息化部: the search-front-server API per category (文件发布 51, 政策发布 183,
政策解读 163). Rows come as dataResults[].data {title, url, jsearch_date} or
dataResults[].groupData[0].data {title, url, deploytime(ms), publishgroupname}."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urljoin

from crawlers.spiders.base import TZ, SourceSpider

SITE = "https://www.miit.gov.cn/"


def row_data(result: dict) -> dict:
    if isinstance(result.get("data"), dict):
        return result["data"]
    group = result.get("groupData") or [{}]
    data = group[0].get("data") if isinstance(group, list) and isinstance(group[0], dict) else None
    return data if isinstance(data, dict) else {}


class Spider(SourceSpider):
    name = "miit"

    def build_start_requests(self):
        for name, category in self.options.get("categories", {}).items():
            yield self.api_request(name, category, 1)

    def api_request(self, name: str, category, page: int):
        url = self.config.entry_urls[0].format(category=category, page=page)
        return self.listing(url, self.parse_api, continuation=page > 1, name=name, category=category, page=page)

    def parse_api(self, response, name: str, category, page: int):
        item = self.listing_item(response)
        yield item
        data = self.load_json(response, item) if self.usable(item) else None
        if not isinstance(data, dict):
            return
        results = ((data.get("data") or {}).get("searchResult") or {}).get("dataResults") or []
        fresh = 0
        for result in self.object_rows(response, results, "dataResults"):
            row = row_data(result)
            listed_on = self.row_date(row)
            fresh += not self.too_old(listed_on)
            hints = {"title": row.get("title"), "category": name, "jsearch_date": row.get("jsearch_date"),
                     "deploytime": row.get("deploytime"), "publishgroupname": row.get("publishgroupname")}
            url = urljoin(SITE, row["url"]) if row.get("url") else None
            yield from self.follow_article(url, hints=hints, listed_on=listed_on, parent_url=response.url)
        self.run.note_listing(response.url, len(results))
        if results and fresh and page < self.max_pages:
            yield self.api_request(name, category, page + 1)

    @staticmethod
    def row_date(row: dict) -> date | None:
        stamp = row.get("deploytime")
        if stamp and str(stamp).isdigit():
            try:
                return datetime.fromtimestamp(int(stamp) / 1000, TZ).date()
            except (OverflowError, OSError, ValueError):
                pass  # out of any calendar: the row's other date
        try:
            return date.fromisoformat(str(row.get("jsearch_date") or "")[:10])
        except ValueError:
            return None
