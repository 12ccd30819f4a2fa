"""Marks WAF, captcha and empty-shell responses as blocked before anything is stored."""

from __future__ import annotations

from crawlers.blocking import BLOCK_STATUSES, detect_blocked
from crawlers.items import FetchItem


class BlockedPagePipeline:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item: FetchItem):
        if item.outcome != "fetched":
            return item
        if item.kind == "attachment" and item.status not in BLOCK_STATUSES:
            ctype = (item.content_type or "").lower()
            if "html" not in ctype:
                return item  # a file: judged by its extractor, not by markup rules
        item.blocked_reason = detect_blocked(item.body, item.status, item.content_type)
        if item.blocked_reason:
            self.stats.inc_value(f"fw/blocked/{item.blocked_reason.split(':')[0]}")
        return item
