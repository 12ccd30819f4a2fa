"""The mirror serves stored pages only: dated pages move with today, queries pick pages, tests
edit served pages, and the benchmark's filler is made from a source's own stored pages."""

from __future__ import annotations

import gzip
import json
from datetime import date, datetime, timedelta, timezone

import pytest

from crawlers.mirror import build_site
from crawlers.mirror.dates import shift_text
from crawlers.mirror.site import MirrorSite
from crawlers.mirror.stored import load_captures
from parsers.api import parse_page

LATER = 40  # days: across a month's end, often a year's


def test_dates_of_the_stored_month_move_and_others_stay():
    stored, today = date(2026, 11, 30), date(2026, 12, 2)
    text = ("2026-11-30 09:30 | 2026年11月30日 | 2026年11月3日 | 2026/11/29 | roll.asp?y=2026&m=11&d=30 | "
            "/scroll-news/2026/1130/news.shtml | /html/202611/29/node_A01.html | /dwq/2026/11-30/1.shtml | "
            "11-30 08:05 | 11/29 | 1795996800000 | 粤府〔2024〕5号 | 2025-11-29 | 2021-05-01 | 1/3 | a1283251")
    assert shift_text(text, stored, today) == (
        "2026-12-02 09:30 | 2026年12月02日 | 2026年11月5日 | 2026/12/01 | roll.asp?y=2026&m=12&d=2 | "
        "/scroll-news/2026/1202/news.shtml | /html/202612/01/node_A01.html | /dwq/2026/12-02/1.shtml | "
        "12-02 08:05 | 12/1 | 1796169600000 | 粤府〔2024〕5号 | 2025-11-29 | 2021-05-01 | 1/3 | a1283251")
    assert shift_text(text, stored, stored) == text


@pytest.fixture(scope="module")
def sites():
    now = build_site(captures=None)
    return now, build_site(today=now.today + timedelta(days=LATER), captures=None)


def test_every_article_of_the_site_is_served_later_with_its_dates_moved(sites):
    now, later = sites
    articles = now.urls(kind="page", folder="mirror")
    assert len(articles) >= 20
    moved = 0
    for url in articles:
        later_url = shift_text(url, now.today, later.today)
        assert later_url in later.pages, f"{url} is not served {LATER} days later"
        source = now.pages[url].source_id
        fetched = datetime.now(timezone.utc)
        first = parse_page(now.page(url).body, url, source_id=source, fetched_at=fetched)
        second = parse_page(later.page(later_url).body, later_url, source_id=source,
                            fetched_at=fetched + timedelta(days=LATER))
        assert second.title == first.title and second.text == first.text, url
        if first.published_at:
            assert second.published_at - first.published_at == timedelta(days=LATER), url
            moved += 1
    assert moved == len(articles)  # every article of the site has a publish time, and it moved
    # the spiders' dated listings (C114's roll of the day, chinanews' scroll, the e-paper) follow
    for url in now.urls(kind="listing", folder="mirror"):
        assert shift_text(url, now.today, later.today) in later.pages, url


def test_a_stored_query_answers_in_any_order_and_no_other():
    site = build_site(captures=None)
    [api] = [u for u in site.urls("nanfang", kind="listing") if "article/list" in u]
    base, _, query = api.partition("?")
    reordered = base + "?" + "&".join(reversed(query.split("&")))
    assert site.page(reordered).body == site.page(api).body and site.page(api).status == 200
    assert site.page(base + "?columnId=99&pageNum=1").status == 404
    takungpao = "http://www.takungpao.com/news/232109/index.html"  # stored without a query: every query
    assert site.page(takungpao + "?from=home").body == site.page(takungpao).body


def test_an_edit_changes_bytes_and_validators_and_refuses_absent_text():
    site = build_site(captures=None)
    url = "https://www.c114.com.cn/4app/3542/a1283251.html"
    before = site.page(url)
    etag, modified = before.etag, before.last_modified
    site.edit(url, "</h1>", "（更新）</h1>")
    after = site.page(url)
    assert "（更新）".encode("gbk") in after.body and after.etag != etag and after.last_modified > modified
    with pytest.raises(ValueError, match="not on"):
        site.edit(url, "no such text", "x")


def test_a_broken_stored_page_is_skipped_not_fatal(tmp_path, caplog):
    folder = tmp_path / "c114"
    folder.mkdir()
    (folder / "bad.meta.json").write_text("{not json", encoding="utf-8")
    (folder / "gone.meta.json").write_text(json.dumps({"url": "https://www.c114.com.cn/x.html"}), encoding="utf-8")
    (folder / "ok.html.gz").write_bytes(gzip.compress(b"<html><body>ok</body></html>"))
    (folder / "ok.meta.json").write_text(json.dumps({"url": "https://www.c114.com.cn/ok.html"}), encoding="utf-8")
    site = MirrorSite()
    assert load_captures(site, tmp_path) == 1
    assert site.page("https://www.c114.com.cn/ok.html").body.endswith(b"ok</body></html>")
    assert sum("skipping stored page" in r.message for r in caplog.records) == 2


def test_bench_filler_is_made_of_the_sources_own_pages():
    site = build_site(bench_articles=31, bench_days=3, captures=None)
    filler = [u for u in site.urls("c114", kind="page") if "/a3" in u]
    assert len(filler) == 31
    rows = []
    for age in range(3):
        day = site.today - timedelta(days=age)
        roll = site.page(f"https://www.c114.com.cn/news/roll.asp?y={day.year}&m={day.month}&d={day.day}")
        rows.append(roll.body.count(b'class="new_list_c"'))
    assert rows == [11, 10, 10]
    page = site.page(filler[0]).body.decode("gbk")
    assert "（3000001）" in page and 'class="text"' in page  # a copy of the stored article, renumbered


def test_a_capture_becomes_a_stored_page_the_mirror_serves_moved_to_today(tmp_path):
    """scripts/capture_fixtures.py's writing half: a fetched response → a stored page that replaces
    the one stored for its URL, served by the mirror with its dates moved to the day it serves."""
    import importlib.util
    from pathlib import Path
    from types import SimpleNamespace

    from crawlers.mirror.stored import load_folder

    script = Path(__file__).resolve().parents[2] / "scripts" / "capture_fixtures.py"
    spec = importlib.util.spec_from_file_location("capture_fixtures", script)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    folder = tmp_path / "mirror"
    pipeline = tool.CapturePipeline(folder)
    fetched = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
    url = "https://www.c114.com.cn/news/roll.asp?y=2026&m=3&d=2"
    for title in ("旧", "新"):  # captured twice: the second replaces the first
        body = f"<html><body><a href='/a1.html'>{title}</a><span>2026-03-02</span></body></html>".encode("gbk")
        item = SimpleNamespace(outcome="fetched", source_id="c114", url=url, final_url=url, status=200,
                               kind="listing", fetched_at=fetched, headers={"Content-Type": ["text/html; charset=gbk"]},
                               content_type="text/html; charset=gbk", body=body, blocked_reason=None)
        pipeline.process_item(item)
    assert len(list(folder.glob("*.meta.json"))) == 1
    site = MirrorSite(date(2026, 3, 12))
    assert load_folder(site, "c114", folder) == 1
    page = site.page("https://www.c114.com.cn/news/roll.asp?y=2026&m=3&d=12")
    assert page.status == 200 and page.body.decode("gbk") == (
        "<html><body><a href='/a1.html'>新</a><span>2026-03-12</span></body></html>")
