"""Guangdong government (gkmlpt platform on any host, plus www.gd.gov.cn 文件库).

gkmlpt, per configured site {host, sid, categories}: when sid is null it is read from
/gkmlpt/index (window._CONFIG SID: '…'); then GET /gkmlpt/api/all/{cat}?page=N&sid=S, whose
articles[] give the detail URL (`url`, else `post_url`; relative ones against http://{host}/) and
policy fields kept as hints (文号, 索引号, 发布机构, 成文日期 …); a body without an `articles` array is a
listing failure (never an empty page); a row that is not an object is a listing failure of its own,
the page's other rows are followed; create_time in seconds or milliseconds.
A 404 or an empty page ends a category. The detail pages (body in window._CONFIG.DETAIL) and
their /attachment/… files are fetched. 文件库: div.viewList li rows, index_N.html pages.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urljoin

from crawlers.spiders.base import TZ, SourceSpider

SID_RE = re.compile(r"""SID\s*:\s*['"]?(\d+)""")
HINT_KEYS = ("id", "title", "identifier", "document_number", "publisher", "date", "created_at", "create_time",
             "display_publish_time", "keywords", "classify_main_name", "classify_genre_name", "classify_theme_name",
             "is_expired", "is_abolished")
MILLISECONDS_FROM = 10**11  # a create_time above this counts milliseconds (10**11 s is the year 5138)


class Spider(SourceSpider):
    name = "gd_gov"
    change_hint_keys = ("title", "document_number", "is_expired", "is_abolished")

    def build_start_requests(self):
        for site in self.options.get("gkmlpt_sites", []):
            if site.get("sid"):
                yield from self.category_requests(site["host"], str(site["sid"]), site)
            else:
                yield self.listing(f"http://{site['host']}/gkmlpt/index", self.parse_index, site=site)
        for url in self.options.get("wjk_lists", []):
            yield self.listing(url, self.parse_wjk, page=1, first=url)

    def category_requests(self, host: str, sid: str, site: dict, page: int = 1):
        for category in site.get("categories") or [0]:
            yield self.api_request(host, sid, category, page)

    def api_request(self, host: str, sid: str, category, page: int):
        url = f"http://{host}/gkmlpt/api/all/{category}?page={page}&sid={sid}"
        return self.listing(url, self.parse_api, continuation=page > 1, host=host, sid=sid, category=category,
                            page=page)

    def parse_index(self, response, site: dict):
        item = self.listing_item(response)
        yield item
        match = SID_RE.search(self.decode(response)) if self.usable(item) else None
        if not match:
            self.run.note_failure(response.url, "listing", "gkmlpt_sid_not_found")
            return
        yield from self.category_requests(site["host"], match.group(1), site)

    def parse_api(self, response, host: str, sid: str, category, page: int):
        item = self.listing_item(response)
        yield item
        rows = self.api_rows(response, item, "articles", continuation=page > 1)
        if rows is None:
            return
        fresh = 0
        for row in self.object_rows(response, rows, "articles"):  # one odd row costs that row, not the page
            url = self.row_url(row, host)
            listed_on = self.row_date(row)
            fresh += not self.too_old(listed_on)
            hints = {k: row.get(k) for k in HINT_KEYS} | {"list_api": "gkmlpt"}
            yield from self.follow_article(url, hints=hints, listed_on=listed_on, parent_url=response.url)
        self.run.note_listing(response.url, len(rows))
        if rows and fresh and page < self.max_pages:
            yield self.api_request(host, sid, category, page + 1)

    @staticmethod
    def row_url(row: dict, host: str) -> str | None:
        """The row's detail page: `url`, else `post_url`; a relative one is resolved against the site."""
        for key in ("url", "post_url"):
            value = row.get(key)
            if isinstance(value, str) and value.strip():
                return urljoin(f"http://{host}/", value.strip())
        return None

    @staticmethod
    def row_date(row: dict) -> date | None:
        stamp = row.get("create_time")
        if isinstance(stamp, (int, float)) and stamp > 0:
            seconds = stamp / 1000 if stamp > MILLISECONDS_FROM else stamp
            try:
                return datetime.fromtimestamp(seconds, TZ).date()
            except (OverflowError, OSError, ValueError):
                pass  # out of any calendar: the row's other dates
        for key in ("created_at", "date"):
            try:
                return date.fromisoformat(str(row.get(key) or "")[:10])
            except ValueError:
                continue
        return None

    def parse_wjk(self, response, page: int, first: str):
        item = self.listing_item(response)
        yield item
        if not self.usable(item):
            return
        rows = self.selector(response).css("div.viewList ul li")
        fresh = 0
        for row in rows:
            href = row.css("span.name a::attr(href), a::attr(href)").get()
            if not href:
                continue
            listed_on = self.parse_day(row.css("span.date::text").get(""))
            fresh += not self.too_old(listed_on)
            hints = {"title": " ".join(row.css("span.name a ::text, a ::text").getall()).strip(),
                     "document_number": row.css("span.wh::text").get("").strip(), "date": row.css("span.date::text").get()}
            yield from self.follow_article(urljoin(response.url, href), hints=hints, listed_on=listed_on,
                                           parent_url=response.url)
        self.run.note_listing(response.url, len(rows))
        if rows and fresh and page < self.max_pages:
            url = first.replace("index.html", f"index_{page + 1}.html")
            yield self.listing(url, self.parse_wjk, continuation=True, page=page + 1, first=first)

    @staticmethod
    def parse_day(text: str) -> date | None:
        try:
            return date.fromisoformat(text.strip()[:10])
        except ValueError:
            return None
