"""Incremental crawling: changed pages become new raw fetches, conditional GETs, --since backfills."""

from __future__ import annotations

import json
from datetime import timedelta

from crawlers.runner import crawl_sources
from tests.crawlers.conftest import c114_roll, mirror_noon, query
from futurewatch.core.config import load_settings

A1 = "https://www.c114.com.cn/4app/3542/a1283251.html"
A2 = "https://www.c114.com.cn/news/118/a1299441.html"


def fetches(db_url: str, url: str) -> list[dict]:
    return query(db_url, "SELECT sha256, crawl_run_id FROM raw_fetches WHERE url = %(u)s ORDER BY raw_fetch_id",
                 {"u": url})


def test_changed_pages_become_new_raw_fetches_via_hints_and_conditional_get(fw_env, db_url, mirror):
    noon = mirror_noon(mirror)  # revisits compare this clock with last_fetched_at (wall clock, minus 4 days below)
    crawl_sources(db_url, ["c114"], mirror=mirror.url, run_key="r1", settings=load_settings(), now=noon)
    mirror.site.edit(A1, "</p></div>", "</p><p>补充：广东新增两个未来产业先导区。</p></div>")  # body only
    for url in (A2, c114_roll(mirror.site.today - timedelta(days=1))):  # a new title, on the page and in the list
        mirror.site.edit(url, "量子通信试验网<", "量子通信试验网（更新）<")

    [r2] = crawl_sources(db_url, ["c114"], mirror=mirror.url, run_key="r2", settings=load_settings(), now=noon)
    assert (r2.new, r2.changed, r2.unchanged) == (0, 1, 1)
    assert len(fetches(db_url, A2)) == 2 and len(fetches(db_url, A1)) == 1  # A1 is not due for a recheck yet

    query_sql = "UPDATE seen_urls SET last_fetched_at = last_fetched_at - interval '4 days' RETURNING url"
    assert len(query(db_url, query_sql)) == 2  # past revisit_hours (72 h): both are rechecked
    start = len(mirror.hits)
    [r3] = crawl_sources(db_url, ["c114"], mirror=mirror.url, run_key="r3", settings=load_settings(), now=noon)
    assert (r3.new, r3.changed, r3.unchanged) == (0, 1, 1)
    statuses = {path: status for _, path, status in mirror.hits[start:]}
    assert statuses["/news/118/a1299441.html"] == 304 and statuses["/4app/3542/a1283251.html"] == 200
    a1 = fetches(db_url, A1)
    assert len(a1) == 2 and a1[0]["sha256"] != a1[1]["sha256"]  # a new version, not a duplicate
    seen = query(db_url, "SELECT last_sha256, etag FROM seen_urls WHERE url = %(u)s", {"u": A1})[0]
    assert seen["last_sha256"] == a1[1]["sha256"] and seen["etag"] == mirror.site.page(A1).etag


def test_since_bounds_a_backfill(fw_env, db_url, mirror):
    today, noon = mirror.site.today, mirror_noon(mirror)
    [c114] = crawl_sources(db_url, ["c114"], since=today - timedelta(days=4), mirror=mirror.url, run_key="b",
                           settings=load_settings(), now=noon)
    rolls = sorted(p for _, p, _ in mirror.hits if "roll.asp" in p)
    expected = sorted(f"/news/roll.asp?y={d.year}&m={d.month}&d={d.day}"
                      for d in (today - timedelta(days=i) for i in range(5)))
    assert rolls == expected and c114.status == "succeeded"

    [govcn] = crawl_sources(db_url, ["govcn"], since=today.isoformat(), mirror=mirror.url, run_key="b",
                            settings=load_settings(), now=noon)
    rows = json.loads(mirror.site.page("https://www.gov.cn/zhengce/zuixin/ZUIXINZHENGCE.json").body)
    fresh = [row["URL"] for row in rows if row["DOCRELPUBTIME"] == today.isoformat()]
    assert 0 < len(fresh) < len(rows)
    assert govcn.listed == govcn.new == len(fresh)
    assert {r["url"] for r in query(db_url, "SELECT url FROM raw_fetches WHERE source_id = 'govcn' AND kind = 'page'")} \
        == set(fresh)


def test_bytes_another_run_stored_first_count_as_unchanged(fw_env, db_url, mirror):
    """A backfill beside a manual run: the run whose insert finds the bytes already kept stored nothing new,
    so its tallies and its asset event's raw_fetches range must both say so."""
    from futurewatch.app.crawl_task import describe_crawl

    noon = mirror_noon(mirror)
    [first] = crawl_sources(db_url, ["c114"], mirror=mirror.url, run_key="r1", settings=load_settings(), now=noon)
    assert first.new > 0
    stored = query(db_url, "SELECT count(*) AS n FROM raw_fetches WHERE kind = 'page'")[0]["n"]
    query(db_url, "DELETE FROM seen_urls RETURNING url")  # as if loaded before the other run wrote its pages

    [second] = crawl_sources(db_url, ["c114"], mirror=mirror.url, run_key="r2", settings=load_settings(), now=noon)
    assert (second.new, second.changed, second.unchanged) == (0, 0, first.new)
    assert query(db_url, "SELECT count(*) AS n FROM raw_fetches WHERE kind = 'page'")[0]["n"] == stored
    event = describe_crawl(db_url, second, None)
    assert event["new"] == 0 and event["changed"] == 0
    assert {r["kind"] for r in query(db_url, "SELECT kind FROM raw_fetches WHERE crawl_run_id = %(r)s",
                                     {"r": second.crawl_run_id})} <= {"listing"}


def test_page_reverted_to_earlier_bytes_is_changed_and_current_again(fw_env, db_url, mirror):
    """A → B → A at one URL through Scrapy: the return of A is a raw fetch of its own, counted changed,
    and `process` makes A's text current (and searchable) again; a later A → A stays unchanged."""
    from parsers.process import process_pending

    noon = mirror_noon(mirror)
    current = ("SELECT d.current_version_id AS v, cv.text FROM document_urls u JOIN documents d USING (document_id)"
               " JOIN document_versions cv ON cv.version_id = d.current_version_id WHERE u.url = %(u)s")
    found = ("SELECT s.version_id AS v FROM fw_search(%(q)s, 10) s JOIN document_urls u USING (document_id)"
             " WHERE u.url = %(u)s")  # the other article may hold the words too

    def crawl_and_process(run_key):
        query(db_url, "UPDATE seen_urls SET last_fetched_at = last_fetched_at - interval '4 days' RETURNING url")
        [run] = crawl_sources(db_url, ["c114"], mirror=mirror.url, run_key=run_key, settings=load_settings(), now=noon)
        return run, process_pending(db_url, settings=load_settings())

    crawl_and_process("a")
    mirror.site.edit(A1, "商业航天", "鸿蒙星链")
    b, _ = crawl_and_process("b")
    [v2] = query(db_url, current, {"u": A1})
    assert b.changed == 1 and "鸿蒙星链" in v2["text"] and query(db_url, found, {"q": "商业航天", "u": A1}) == []
    mirror.site.edit(A1, "鸿蒙星链", "商业航天")  # back to the first bytes
    reverted, processed = crawl_and_process("a-again")
    assert (reverted.new, reverted.changed, reverted.unchanged) == (0, 1, 1)
    shas = [f["sha256"] for f in fetches(db_url, A1)]
    assert len(shas) == 3 and shas[0] == shas[2] != shas[1]
    assert processed.pages == 1 and processed.versions_new == 1
    [v3] = query(db_url, current, {"u": A1})
    assert v3["v"] != v2["v"] and "商业航天" in v3["text"] and "鸿蒙星链" not in v3["text"]
    assert query(db_url, found, {"q": "商业航天", "u": A1}) == [{"v": v3["v"]}]
    assert query(db_url, found, {"q": "鸿蒙星链", "u": A1}) == []

    same, processed = crawl_and_process("a-same")
    assert (same.new, same.changed, same.unchanged) == (0, 0, 2) and processed.pages == 0
    assert len(fetches(db_url, A1)) == 3 and query(db_url, current, {"u": A1}) == [v3]


def test_url_reverted_before_0430_is_stored_and_counted_changed(fw_env, db_url, mirror):
    """Before 0430 the return of A stored no row but moved seen_urls to A: the archive's latest fetch
    is B's. The first full recheck after the upgrade stores A (following B) and counts it changed, so
    the run's tallies agree with the fetches it stored."""
    noon = mirror_noon(mirror)

    def crawl(run_key):
        query(db_url, "UPDATE seen_urls SET last_fetched_at = last_fetched_at - interval '4 days' RETURNING url")
        [run] = crawl_sources(db_url, ["c114"], mirror=mirror.url, run_key=run_key, settings=load_settings(), now=noon)
        return run

    crawl("a")
    mirror.site.edit(A1, "商业航天", "鸿蒙星链")
    crawl("b")
    mirror.site.edit(A1, "鸿蒙星链", "商业航天")
    crawl("a-again")
    [a_again] = query(db_url, "SELECT raw_fetch_id AS r FROM raw_fetches WHERE url = %(u)s ORDER BY 1 DESC LIMIT 1",
                      {"u": A1})
    query(db_url, "DELETE FROM raw_fetches WHERE raw_fetch_id = %(r)s RETURNING 1", a_again)  # as before 0430
    query(db_url, "UPDATE seen_urls SET etag = NULL, last_modified = NULL WHERE url = %(u)s RETURNING 1",
          {"u": A1})  # as 0430 leaves such a URL
    shas = [f["sha256"] for f in fetches(db_url, A1)]
    assert query(db_url, "SELECT last_sha256 FROM seen_urls WHERE url = %(u)s", {"u": A1}) == [{"last_sha256": shas[0]}]

    upgraded = crawl("after-0430")
    assert (upgraded.new, upgraded.changed, upgraded.unchanged) == (0, 1, 1)
    assert [f["sha256"] for f in fetches(db_url, A1)] == [shas[0], shas[1], shas[0]]
    assert fetches(db_url, A1)[2]["crawl_run_id"] == upgraded.crawl_run_id
