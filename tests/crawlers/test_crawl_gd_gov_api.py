"""The gkmlpt list API (gd_gov) in shapes the mirror's page does not show: relative row URLs and an
`articles` that is no array. Scrapy through its engine against the loopback mirror."""

from __future__ import annotations

import json

from crawlers.mirror.site import Page, StoredPage
from crawlers.runner import crawl_sources
from futurewatch.core.config import load_settings
from tests.crawlers.conftest import query

API = "http://www.gd.gov.cn/gkmlpt/api/all/0?page=1&sid=2"


def serve_api(mirror, reshape) -> dict:
    """Serve the www.gd.gov.cn API page reshaped by `reshape(data)`; returns its one article row."""
    page = mirror.site.page(API)
    data = json.loads(page.body)
    [row] = data["articles"]
    page.body = json.dumps(reshape(data, row), ensure_ascii=False).encode()
    return row


def gd_pages(db_url: str) -> set[str]:
    return {r["url"] for r in query(db_url, "SELECT url FROM raw_fetches WHERE source_id = 'gd_gov' AND kind = 'page'")}


def test_a_relative_row_url_is_resolved_against_the_site(fw_env, db_url, mirror):
    def relative(data, row):
        row["url"] = row.pop("post_url")  # "/gkmlpt/content/…", no absolute URL anywhere in the row
        return data
    row = serve_api(mirror, relative)
    [run] = crawl_sources(db_url, ["gd_gov"], mirror=mirror.url, run_key="rel", settings=load_settings())
    assert "http://www.gd.gov.cn" + row["url"] in gd_pages(db_url)
    assert run.failed == 0 and run.status == "succeeded"


def test_articles_that_are_no_array_are_a_listing_failure_not_an_empty_page(fw_env, db_url, mirror):
    serve_api(mirror, lambda data, row: data | {"articles": {str(row["id"]): row}})
    [run] = crawl_sources(db_url, ["gd_gov"], mirror=mirror.url, run_key="obj", settings=load_settings())
    failures = [(f["url"], f["reason"]) for f in run.details["failures"] if f["kind"] == "listing"]
    assert failures == [(API, "bad_shape: articles is object, not an array")]
    assert run.status == "partial" and API not in run.details["empty_listings"]
    assert gd_pages(db_url)  # the other gkmlpt sites were read as before


def test_articles_null_ends_the_listing_on_a_later_page_and_fails_the_first(fw_env, db_url, mirror):
    """Past its last page the API may answer `articles: null`: from page 2 on that is the end of the
    listing; on page 1 (no rows at all) it stays a listing failure."""
    def fresh(data, row):
        row["created_at"] = mirror.site.today.isoformat() + " 09:00:00"  # fresh: the crawl asks for page 2
        row.pop("create_time", None)
        return data
    serve_api(mirror, fresh)
    first = mirror.site.page(API)
    second = API.replace("page=1", "page=2")
    mirror.site.add(StoredPage(second, "gd_gov", "listing",
                               Page(json.dumps({"articles": None}).encode(), content_type=first.content_type)))
    [run] = crawl_sources(db_url, ["gd_gov"], mirror=mirror.url, run_key="end", settings=load_settings())
    listings = {r["url"] for r in query(db_url, "SELECT url FROM raw_fetches WHERE kind = 'listing'")}
    assert second in listings  # the crawl did go on to page 2
    assert run.failed == 0 and run.status == "succeeded", run.details.get("failures")

    first.body = json.dumps({"articles": None}).encode()
    [run] = crawl_sources(db_url, ["gd_gov"], mirror=mirror.url, run_key="none", settings=load_settings())
    failures = [(f["url"], f["reason"]) for f in run.details["failures"] if f["kind"] == "listing"]
    assert failures == [(API, "bad_shape: articles is null, not an array")]
