"""One odd row of a listing costs that row, never the rest of the page: a row that is no JSON object, a
list date that is no day. (They raised out of the callback: the page's later rows and its next page
were never read.) Scrapy through its engine against the loopback mirror."""

from __future__ import annotations

import json
import re

from crawlers.runner import crawl_sources
from futurewatch.core.config import load_settings
from tests.crawlers.conftest import query

GOVCN_LIST = "https://www.gov.cn/zhengce/zuixin/ZUIXINZHENGCE.json"
TAKUNGPAO_LIST = "http://www.takungpao.com/news/232109/index.html"


def pages(db_url: str, source_id: str) -> set[str]:
    return {r["url"] for r in query(db_url, "SELECT url FROM raw_fetches WHERE source_id = %(s)s AND kind = 'page'",
                                    {"s": source_id})}


def test_a_row_that_is_no_object_costs_only_itself(fw_env, db_url, mirror):
    page = mirror.site.page(GOVCN_LIST)
    rows = json.loads(page.body)
    page.body = json.dumps(["a row that is no object", *rows], ensure_ascii=False).encode()
    [run] = crawl_sources(db_url, ["govcn"], mirror=mirror.url, run_key="odd", settings=load_settings())
    assert len(rows) == 2 and run.listed == 2  # the mirror's list: both rows after the odd one are read
    assert {row["URL"] for row in rows} <= pages(db_url, "govcn")
    assert [(f["url"], f["reason"]) for f in run.details["failures"]] == [(GOVCN_LIST, "malformed_row: string in the list")]
    assert run.details.get("spider_errors", 0) == 0


def test_a_list_date_that_is_no_day_costs_no_row(fw_env, db_url, mirror):
    page = mirror.site.page(TAKUNGPAO_LIST)
    page.body, edits = re.subn(rb'<dd class="sort">[^<]*</dd>', b'<dd class="sort">2026-13-45</dd>', page.body)
    assert edits
    [run] = crawl_sources(db_url, ["takungpao"], mirror=mirror.url, run_key="odd", settings=load_settings())
    article = re.search(rb'href="([^"]+/\d{4}/\d{4}/\d+\.html)"', page.body).group(1).decode()
    assert article in pages(db_url, "takungpao") and run.details.get("spider_errors", 0) == 0
