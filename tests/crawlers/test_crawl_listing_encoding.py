"""Listing pages are decoded by the parsers' decoder, not by what they claim: a GBK e-paper page served
as UTF-8 keeps its 下一版 link (Scrapy's response.text made it U+FFFD and the pages after it were lost).
Scrapy through its engine against the loopback mirror."""

from __future__ import annotations

from urllib.parse import urlsplit

from crawlers.runner import crawl_sources
from futurewatch.core.config import load_settings


def test_a_gbk_listing_labelled_utf8_keeps_its_chinese_links(fw_env, db_url, mirror):
    firsts = [u for u in mirror.site.urls("nanfang", kind="listing") if u.endswith("/node_A01.html")]
    assert firsts
    for url in firsts:
        page = mirror.site.page(url)
        assert "utf-8" in page.content_type and "下一版" in page.body.decode("utf-8")
        page.body = page.body.decode("utf-8").encode("gbk")  # the header and the meta still say UTF-8
    crawl_sources(db_url, ["nanfang"], mirror=mirror.url, run_key="gbk", settings=load_settings())
    asked = {path for host, path, _ in mirror.hits if host == "epaper.southcn.com"}
    firsts_asked = [u for u in firsts if urlsplit(u).path in asked]
    assert firsts_asked  # the crawl read the e-paper's first pages …
    assert all(urlsplit(u).path.replace("node_A01", "node_A02") in asked for u in firsts_asked)  # … and went on
