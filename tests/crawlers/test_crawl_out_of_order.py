"""Two runs of one source overlapping: a fetch committed after a newer one never leaves seen_urls with
validators that would make a later recheck miss a change (store.UPSERT_SEEN_FETCHED).

The slow run is the crawl's own parts outside the engine: its spider (seen_urls loaded at its start,
conditional headers, items built by `response_item`) and the crawl's pipelines (raw store, then
PostgreSQL), which commit its fetch when the test says so: after a real crawl fetched the URL later.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import HtmlResponse

from crawlers import store
from crawlers.items import FetchItem
from crawlers.pipelines.postgres import PostgresPipeline
from crawlers.pipelines.rawstore import RawStorePipeline
from crawlers.registry import load_registry, load_spider_class
from crawlers.runner import crawl_sources
from crawlers.settings import build_settings
from crawlers.urls import to_mirror
from futurewatch.core.config import load_settings
from futurewatch.core.db import connect
from tests.crawlers.conftest import mirror_noon, query

A1 = "https://www.c114.com.cn/4app/3542/a1283251.html"
A1_PATH = "/4app/3542/a1283251.html"


class SlowRun:
    """A c114 run that loads seen_urls now, fetches when asked and commits each fetch when told."""

    def __init__(self, db_url: str, mirror, run_key: str = "slow"):
        config = load_registry()["c114"]
        with connect(db_url) as conn:
            store.upsert_source(conn, config)  # as the runner does before each run
            seen = store.select_seen(conn, "c114")
            run_id = store.start_crawl_run(conn, "c114", run_key)
        settings = build_settings(config, mirror=mirror.url) | {
            "FW_SETTINGS": load_settings(), "FW_DB_URL": db_url, "FW_CRAWL_RUN_ID": run_id}
        self.crawler = Crawler(load_spider_class("c114"), settings)
        self.spider = self.crawler.spider = self.crawler.spidercls.from_crawler(self.crawler, config=config, seen=seen)
        self.mirror = mirror

    def fetch(self, url: str) -> FetchItem:
        """The item the spider makes of its (conditional) GET of url, fetched now."""
        headers = self.spider.conditional_headers(url, {})
        assert headers is not None, "not due for a recheck"
        request = urllib.request.Request(to_mirror(url, self.mirror.url), headers=headers)
        try:
            with urllib.request.urlopen(request) as resp:
                status, head, body = resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as err:  # the 304
            status, head, body = err.code, err.headers, err.read()
        response = HtmlResponse(url, status=status, headers=list(head.items()), body=body,
                                request=scrapy.Request(url, meta={"fw_url": url}))
        return self.spider.response_item(response, "page")

    def commit(self, item: FetchItem) -> None:
        raw, postgres = RawStorePipeline.from_crawler(self.crawler), PostgresPipeline.from_crawler(self.crawler)
        postgres.open_spider()
        try:
            postgres.process_item(raw.process_item(item))
        finally:
            postgres.close_spider()


def crawl(db_url: str, mirror, run_key: str):
    [run] = crawl_sources(db_url, ["c114"], mirror=mirror.url, run_key=run_key, settings=load_settings(),
                          now=mirror_noon(mirror))
    return run


def make_due(db_url: str) -> None:
    """Past revisit_hours (72 h): the next run rechecks every seen page with a conditional GET."""
    query(db_url, "UPDATE seen_urls SET last_fetched_at = last_fetched_at - interval '4 days' RETURNING url")


def seen_row(db_url: str) -> dict:
    return query(db_url, "SELECT etag, last_modified, last_sha256, last_status, last_fetched_at FROM seen_urls"
                         " WHERE url = %(u)s", {"u": A1})[0]


def a1_shas(db_url: str) -> list[str]:
    rows = query(db_url, "SELECT sha256 FROM raw_fetches WHERE url = %(u)s ORDER BY raw_fetch_id", {"u": A1})
    return [r["sha256"] for r in rows]


def a1_status(mirror, start: int) -> int:
    [status] = [s for _, path, s in mirror.hits[start:] if path == A1_PATH]
    return status


def test_a_fetch_committed_after_a_newer_one_keeps_the_newer_validators(fw_env, db_url, mirror):
    """The page is A, then B: the slow run's fetch of A commits after r2's of B. A later recheck sends
    B's validators (304 while the page is B) and finds A again when the page goes back."""
    slow = SlowRun(db_url, mirror)  # started before r1: the page is new to it
    crawl(db_url, mirror, "r1")
    late = slow.fetch(A1)  # A, as r1 stored it, fetched before r2's fetch…
    assert late.status == 200
    mirror.site.edit(A1, "商业航天", "鸿蒙星链")
    make_due(db_url)
    r2 = crawl(db_url, mirror, "r2")
    newer = seen_row(db_url)
    assert r2.changed == 1 and newer["etag"] == mirror.site.page(A1).etag
    slow.commit(late)  # …committed after it: older, and bytes the URL has, so nothing stored

    assert seen_row(db_url) == newer
    make_due(db_url)
    start = len(mirror.hits)
    r3 = crawl(db_url, mirror, "r3")  # the mirror answers 304 only to the ETag of the page it serves (B)
    assert a1_status(mirror, start) == 304 and (r3.changed, r3.unchanged) == (0, 2)
    mirror.site.edit(A1, "鸿蒙星链", "商业航天")  # back to A: with A's validators kept, a 304 would hide it
    make_due(db_url)
    start = len(mirror.hits)
    r4 = crawl(db_url, mirror, "r4")
    assert a1_status(mirror, start) == 200 and r4.changed == 1
    shas = a1_shas(db_url)
    assert len(shas) == 3 and shas[0] == shas[2] != shas[1] and seen_row(db_url)["last_sha256"] == shas[2]


def test_a_late_fetch_with_bytes_new_to_the_url_is_the_latest_until_the_next_recheck(fw_env, db_url, mirror):
    """A, B, C: the slow run's B commits after r2's C. Stored last, B is what the archive shows, so seen_urls
    takes its validators: the next recheck gets the page as it is (C), stored and counted changed."""
    crawl(db_url, mirror, "r1")
    make_due(db_url)
    slow = SlowRun(db_url, mirror)
    mirror.site.edit(A1, "商业航天", "鸿蒙星链")
    late = slow.fetch(A1)
    mirror.site.edit(A1, "鸿蒙星链", "低空经济")
    crawl(db_url, mirror, "r2")
    slow.commit(late)
    assert seen_row(db_url)["last_sha256"] == late.sha256 == a1_shas(db_url)[-1]

    make_due(db_url)
    start = len(mirror.hits)
    r3 = crawl(db_url, mirror, "r3")
    assert a1_status(mirror, start) == 200 and r3.changed == 1
    shas = a1_shas(db_url)
    assert len(shas) == 4 and shas[3] == shas[1] and seen_row(db_url)["last_sha256"] == shas[3]


def test_a_304_committed_late_or_to_validators_another_run_replaced_changes_nothing(fw_env, db_url, mirror):
    """A (r1), B (r2), A again: neither a 304 to A's validators fetched before r2 nor one fetched after it
    (the page went back) leaves A's validators with B in the archive; the next recheck stores A."""
    crawl(db_url, mirror, "r1")
    make_due(db_url)
    older, later = SlowRun(db_url, mirror, "slow-1"), SlowRun(db_url, mirror, "slow-2")
    late_304 = older.fetch(A1)  # A's validators, still the page's
    assert late_304.outcome == "not_modified"
    mirror.site.edit(A1, "商业航天", "鸿蒙星链")
    crawl(db_url, mirror, "r2")
    newer = seen_row(db_url)
    older.commit(late_304)  # fetched before r2's fetch
    assert seen_row(db_url) == newer

    mirror.site.edit(A1, "鸿蒙星链", "商业航天")  # back to A: A's validators match again
    stale_304 = later.fetch(A1)  # after r2's fetch, but to validators r2 replaced: B is the archive's latest
    assert stale_304.outcome == "not_modified"
    later.commit(stale_304)
    assert seen_row(db_url) == newer

    make_due(db_url)
    start = len(mirror.hits)
    r3 = crawl(db_url, mirror, "r3")  # B's validators: the page as it is (A) comes back, stored
    assert a1_status(mirror, start) == 200 and r3.changed == 1
    shas = a1_shas(db_url)
    assert len(shas) == 3 and shas[0] == shas[2] != shas[1]


def test_a_failure_older_than_the_recorded_fetch_keeps_its_status(fw_env, db_url, mirror):
    slow = SlowRun(db_url, mirror)
    failed = slow.spider.response_item(HtmlResponse(A1, status=500, body=b"", request=scrapy.Request(A1)), "page")
    crawl(db_url, mirror, "r1")  # fetched after the slow run's failure
    slow.commit(failed)
    assert seen_row(db_url)["last_status"] == 200

    again = slow.spider.response_item(HtmlResponse(A1, status=503, body=b"", request=scrapy.Request(A1)), "page")
    slow.commit(again)  # a failure after the recorded fetch is the URL's status now
    assert seen_row(db_url)["last_status"] == 503 and seen_row(db_url)["last_sha256"] == a1_shas(db_url)[0]


def test_a_page_served_without_validators_drops_the_older_bytes_etag(fw_env, db_url, mirror):
    """A with an ETag, then B served without validators, then A again with its ETag: B's row must not keep
    A's ETag, or the recheck of A draws a 304 and the archive stays on B."""
    mirror.site.page(A1).validators = True
    crawl(db_url, mirror, "r1")
    assert seen_row(db_url)["etag"] == mirror.site.page(A1).etag
    mirror.site.edit(A1, "商业航天", "鸿蒙星链")
    mirror.site.page(A1).validators = False  # B: no ETag, no Last-Modified
    make_due(db_url)
    r2 = crawl(db_url, mirror, "r2")
    assert r2.changed == 1 and (seen_row(db_url)["etag"], seen_row(db_url)["last_modified"]) == (None, None)
    mirror.site.edit(A1, "鸿蒙星链", "商业航天")
    mirror.site.page(A1).validators = True  # A again, with A's ETag
    make_due(db_url)
    start = len(mirror.hits)
    r3 = crawl(db_url, mirror, "r3")
    assert a1_status(mirror, start) == 200 and r3.changed == 1
    shas = a1_shas(db_url)
    assert len(shas) == 3 and shas[0] == shas[2] != shas[1]


def test_two_runs_storing_one_url_take_turns(fw_env, db_url, mirror):
    """A run storing a URL's fetch waits while another holds the URL (store.LOCK_URL): their rows commit in
    raw_fetch_id order, so the last writer of seen_urls is the latest fetch."""
    slow = SlowRun(db_url, mirror)
    item = slow.fetch(A1)
    with connect(db_url) as other:
        other.execute(store.LOCK_URL, {"url": A1})  # another run, in the middle of storing A1
        committing = threading.Thread(target=slow.commit, args=(item,))
        committing.start()
        committing.join(1.0)
        assert committing.is_alive() and a1_shas(db_url) == []  # waits for the URL, stores nothing yet
    committing.join(30)
    assert not committing.is_alive() and a1_shas(db_url) == [item.sha256]
    assert seen_row(db_url)["last_sha256"] == item.sha256
