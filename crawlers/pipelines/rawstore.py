"""Puts every fetched body, byte for byte, into the content-addressed raw store."""

from __future__ import annotations

from futurewatch.core.rawstore import open_raw_store

from crawlers.items import FetchItem


class RawStorePipeline:
    def __init__(self, store):
        self.store = store

    @classmethod
    def from_crawler(cls, crawler):
        return cls(open_raw_store(crawler.settings["FW_SETTINGS"]))

    def process_item(self, item: FetchItem):
        if item.outcome == "fetched":
            item.sha256, item.storage_key = self.store.put(item.body)
        return item
