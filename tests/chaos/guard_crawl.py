"""A probe crawl through Scrapy's engine with the production settings of one source (c114).

    FW_TEST_DNS='{"name": "127.0.0.1"}' python -m tests.chaos.guard_crawl URL [--mirror BASE]

The production downloader middlewares and resolver are kept; the spider only fetches URL and
prints one JSON line: the URLs answered and the failure reason of each refused/failed request.
With --mirror, BASE is the one documented exception (but no mirror handler: real connections).
"""

from __future__ import annotations

import argparse
import json

import scrapy
from scrapy.crawler import CrawlerProcess

from crawlers.failures import classify_failure
from crawlers.registry import load_registry
from crawlers.settings import build_settings

RESULTS: dict = {"answered": [], "failed": []}


class ProbeSpider(scrapy.Spider):
    name = "probe"

    def __init__(self, url: str, **kwargs):
        super().__init__(**kwargs)
        self.url = url

    async def start(self):
        yield scrapy.Request(self.url, callback=self.parse, errback=self.failed, dont_filter=True)

    def parse(self, response):
        RESULTS["answered"].append(response.url)

    def failed(self, failure):
        RESULTS["failed"].append(classify_failure(failure))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--mirror")
    args = parser.parse_args()
    settings = build_settings(load_registry()["c114"]) | {
        "FW_RESOLVE": "tests.chaos.fake_dns.resolve", "ROBOTSTXT_OBEY": False, "ITEM_PIPELINES": {},
        "EXTENSIONS": {"scrapy.extensions.telnet.TelnetConsole": None}, "RETRY_TIMES": 0,
        "DOWNLOAD_TIMEOUT": 5, "DOWNLOAD_DELAY": 0, "LOG_LEVEL": "WARNING"}
    if args.mirror:
        settings["FW_MIRROR"] = args.mirror
    process = CrawlerProcess(settings)
    process.crawl(ProbeSpider, url=args.url)
    process.start()
    print("RESULT " + json.dumps(RESULTS))


if __name__ == "__main__":
    main()
