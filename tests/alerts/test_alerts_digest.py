"""Digests: MIME structure and headers, escaping of scraped content, grouping and sections,
nothing twice, empty digests not stored, and a real render in headless Chromium."""

from __future__ import annotations

import re

from datetime import datetime, timedelta, timezone
from email import message_from_bytes, policy
from zoneinfo import ZoneInfo

import pytest

from alerts.charts import select_track_counts
from alerts.digest import build_due_digests, message_id_for
from alerts.events import match_events
from alerts.preview import html_with_inline_images, preview_digest
from futurewatch.core.config import load_settings
from futurewatch.core.db import connect
from tests.alerts import archive as A
from tests.alerts import browser
from tests.alerts.digests import BASELINE_AGES, seed_digest_events

SHANGHAI = ZoneInfo("Asia/Shanghai")



@pytest.fixture
def settings(tmp_path):
    return load_settings({"FUTUREWATCH_HOME": str(tmp_path), "SMTP_FROM": "digests@futurewatch.example"})


def stored(db: str) -> list[dict]:
    with connect(db) as conn:
        return conn.execute("SELECT * FROM digests ORDER BY digest_id").fetchall()


def test_mime_parts_chart_sections_and_headers(db_url, settings):
    now = seed_digest_events(db_url)
    summary = build_due_digests(db_url, now=now, settings=settings)
    assert summary.built == 1
    digest = stored(db_url)[0]
    msg = message_from_bytes(bytes(digest["mime"]), policy=policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    text, related = msg.get_payload()
    assert text.get_content_type() == "text/plain" and related.get_content_type() == "multipart/related"
    html, image = related.get_payload()
    assert html.get_content_type() == "text/html" and image.get_content_type() == "image/png"
    assert image.get_payload(decode=True).startswith(b"\x89PNG\r\n\x1a\n")
    cid = image["Content-ID"].strip("<>")
    html_text = html.get_content()
    assert f'src="cid:{cid}"' in html_text and 'alt="各赛道每日文章数（广东视图' in html_text
    expected_id = message_id_for(digest["subscriber_id"], digest["period_start"], digest["period_end"],
                                 settings.smtp_from)
    assert msg["Message-ID"] == digest["message_id"] == expected_id
    assert msg["To"] == "reader@example.com" and msg["From"] == "digests@futurewatch.example"
    assert msg["Subject"] == digest["subject"] and msg["Date"] and msg["Auto-Submitted"] == "auto-generated"
    assert msg["List-Unsubscribe"].startswith("<mailto:digests@futurewatch.example?") and \
        msg["List-Unsubscribe-Post"] is None  # one-click needs an https link
    body = text.get_content()
    order = ("== 要闻 (", "== 政策文件 ==", "== 未来电子信息 (", "== 热度激增 ==")  # guangdong view tracks
    assert [body.index(h) for h in order] == sorted(body.index(h) for h in order)
    assert all(h.strip("= (") in html_text for h in order)
    assert "本期概览: 12 篇文章，1 篇政策文件，1 项热度激增" in body
    assert "日均基线 0.5" in body and "倍数 x10.0" in body and "×10.0" in html_text
    assert "【量子】" in body and "<mark" in html_text  # matched terms highlighted
    assert "省级 (1)" in body and "文号: 粤工信电子〔2024〕2号 · 发文机关: 广东省工业和信息化厅" in body
    assert "量子科技 1.00" in body and "依据: 量子密钥分发（正文）" in body  # stored scores and evidence
    assert "future_electronic_info" not in body + html_text and "quantum" not in body  # no raw codes
    chart_rows = [line for line in body.splitlines() if line.startswith("  未来电子信息: ")]
    counts = chart_rows[0].split(": ")[1].split()
    # 14 Shanghai days and the total: before 06:00 Shanghai time the oldest baseline article
    # belongs to the 15th day back, outside the chart
    first_day = now.astimezone(SHANGHAI).date() - timedelta(days=13)
    baseline = sum((now - age).astimezone(SHANGHAI).date() >= first_day for age in BASELINE_AGES)
    charted = baseline + 4 + 1  # the four recent articles and the policy
    assert len(chart_rows) == 1 and len(counts) == 15 and counts[-1] == f"({charted})"
    assert sum(map(int, counts[:-1])) == charted
    assert "Asia/Shanghai (UTC+8)" in body and "UTC+8" in html_text
    # every article is one card (12 articles), and the text part has the same cards in the same order
    assert html_text.count('<td id="c') == 12
    html_cards = re.findall(r'<td id="c\d+"[^>]*>\s*<div[^>]*>\s*(?:<a [^>]*>)?([^<]+)', html_text)
    text_cards = [line[2:].strip() for line in body.splitlines() if line.startswith("* ")]
    assert [t.strip() for t in html_cards] == text_cards and len(text_cards) == 12
    assert all(body.count(f"* 量子通信网络开通 {h}") == 1 for h in range(1, 5))
    # rebuilding the same period changes nothing (built once per subscriber and period)
    assert build_due_digests(db_url, now=now, settings=settings).built == 0
    assert [d["message_id"] for d in stored(db_url)] == [expected_id]


def test_scraped_markup_is_escaped(db_url, settings):
    tv = A.add_taxonomy(db_url)
    A.add_subscriber(db_url, "x@example.com", [("all", "keyword", {"query": "量子"})], cadence="immediate")
    doc = A.add_document(db_url, "c114", "<script>alert('t')</script>量子", "<a href=javascript:alert(1)>量子</a> 正文 <img src=x onerror=alert(2)>")
    with connect(db_url) as conn:
        conn.execute("UPDATE documents SET canonical_url = 'javascript:alert(3)' WHERE document_id = %(d)s", {"d": doc})
    doc2 = A.add_document(db_url, "nanfang", "<a href=javascript:alert(4)>量子</a>", "量子")
    for d in (doc, doc2):
        A.classify(db_url, A.current_version(db_url, d), tv)
    now = datetime.now(timezone.utc)
    match_events(db_url, now=now, settings=load_settings())
    build_due_digests(db_url, now=now, settings=settings)
    html = stored(db_url)[0]["body_html"]
    lowered = html.lower()
    assert "<script" not in lowered and "javascript:alert(3)" not in lowered  # the bad canonical_url is no link
    assert 'href="javascript' not in lowered and "<img src=x" not in lowered and "<a href=javascript" not in lowered
    assert "&lt;script&gt;" in html and "&lt;a href=javascript:alert(4)&gt;" in html
    assert "onerror=alert(2)" in html and "&lt;img src=x onerror=alert(2)&gt;" in html  # shown as text only


def immediate_digest_of(db_url, settings, text: str) -> dict:
    """The stored digest of an immediate 广东 AND 量子 rule that matched one Traditional article with `text`."""
    tv = A.add_taxonomy(db_url)
    A.add_subscriber(db_url, "hk@example.com", [("粤港量子", "keyword", {"query": "广东 AND 量子"})],
                     cadence="immediate")
    doc = A.add_document(db_url, "takungpao", "廣東量子科技", text)
    A.classify(db_url, A.current_version(db_url, doc), tv, {"quantum": ["量子"]})
    now = datetime.now(timezone.utc)
    match_events(db_url, now=now, settings=load_settings())
    build_due_digests(db_url, now=now, settings=settings)
    return stored(db_url)[0]


def test_snippets_show_the_text_as_published(db_url, settings):
    """An ellipsis (NFKC: three dots) used to make the whole snippet the matching form: Simplified,
    lower case, half-width punctuation."""
    digest = immediate_digest_of(db_url, settings, "廣東省推動量子科技與AI產業發展……見《通知》，詳情請瀏覽iPhone應用。")
    assert "【廣東】省推動【量子】科技與AI產業發展……見《通知》，詳情請瀏覽iPhone應用。" in digest["body_text"]
    assert "<mark" in digest["body_html"] and ">廣東</mark>省推動<mark" in digest["body_html"]
    assert "广东省推动" not in digest["body_text"] + digest["body_html"]


def test_snippet_marks_stay_on_the_terms_when_normalising_shortens_and_lengthens(db_url, settings):
    """A decomposed é (NFKC: one character) before the terms and a ℃ (NFKC: °C) after them keep the
    text's length, so the whole-text matching form passed as aligned: every mark was one character
    early (【 廣】東省推動【量】子)."""
    digest = immediate_digest_of(db_url, settings, "據Nestle\u0301報道，廣東省推動量子科技，樣品冷卻至-196℃。")
    assert f"據Nestle\u0301報道，【廣東】省推動【量子】科技，樣品冷卻至-196℃。" in digest["body_text"]
    assert ">廣東</mark>省推動<mark" in digest["body_html"]



def test_empty_digest_is_not_stored_or_sent(db_url, settings):
    A.add_taxonomy(db_url)
    A.add_subscriber(db_url, "quiet@example.com", [("nothing", "keyword", {"query": "不会出现的词"})])
    summary = build_due_digests(db_url, now=datetime.now(timezone.utc), settings=settings)
    assert summary.subscribers == 1 and summary.empty == 1 and summary.built == 0 and stored(db_url) == []


def test_events_are_digested_once_across_periods(db_url, settings):
    tv = A.add_taxonomy(db_url)
    A.add_subscriber(db_url, "y@example.com", [("q", "keyword", {"query": "量子"})], cadence="immediate")
    first = A.add_document(db_url, "c114", "量子一", "量子")
    A.classify(db_url, A.current_version(db_url, first), tv)
    t1 = datetime.now(timezone.utc)
    match_events(db_url, now=t1, settings=load_settings())
    assert build_due_digests(db_url, now=t1, settings=settings).built == 1
    second = A.add_document(db_url, "c114", "量子二", "量子")
    A.classify(db_url, A.current_version(db_url, second), tv)
    t2 = datetime.now(timezone.utc)
    match_events(db_url, now=t2, settings=load_settings())
    assert build_due_digests(db_url, now=t2, settings=settings).built == 1
    d1, d2 = stored(db_url)
    assert d2["period_start"] == d1["period_end"] and not set(d1["event_ids"]) & set(d2["event_ids"])
    assert "量子一" in d1["body_text"] and "量子一" not in d2["body_text"] and "量子二" in d2["body_text"]


def test_daily_digest_covers_the_last_local_day(db_url, settings):
    tv = A.add_taxonomy(db_url)
    A.add_subscriber(db_url, "z@example.com", [("q", "keyword", {"query": "量子"})], cadence="daily",
                     timezone_name="Asia/Shanghai", language="en")
    tz = ZoneInfo("Asia/Shanghai")
    today = datetime(2026, 12, 7, tzinfo=tz)  # a Monday; pinned, so no hour of the run moves a document across midnight
    for title, created in (("yesterday 量子", today - timedelta(hours=5)), ("today 量子", today + timedelta(minutes=1))):
        doc = A.add_document(db_url, "c114", title, "量子")
        vid = A.current_version(db_url, doc)
        with connect(db_url) as conn:
            conn.execute("UPDATE document_versions SET created_at = %(c)s WHERE version_id = %(v)s", {"c": created, "v": vid})
        A.classify(db_url, vid, tv)
    for title, published in (("chart yesterday", today - timedelta(hours=5)), ("chart today", today + timedelta(hours=1))):
        doc = A.add_document(db_url, "c114", title, "芯片", published_at=published)  # charted, matches no rule
        A.classify(db_url, A.current_version(db_url, doc), tv, {"quantum": ["芯片"]})
    match_events(db_url, now=today + timedelta(hours=8), settings=load_settings())
    assert build_due_digests(db_url, now=today + timedelta(hours=8), settings=settings).built == 1
    digest = stored(db_url)[0]
    assert digest["period_end"] == today and digest["period_start"] == today - timedelta(days=1)
    assert "yesterday" in digest["body_text"] and "today 量子" not in digest["body_text"]
    assert "Top items (1)" in digest["body_text"] and "Other (1)" in digest["body_text"]  # the subscriber's language
    # the chart ends with the period's last day, not with the day that begins at its end (built at 08:00)
    assert "(Guangdong view), 11-23 – 12-06" in digest["body_text"] and "(Date: 11-23 … 12-06)" in digest["body_text"]
    assert ": 0 0 0 0 0 0 0 0 0 0 0 0 0 1 (1)\n" in digest["body_text"]  # yesterday's article, not today's


def test_the_chart_counts_nothing_published_after_the_period_end(db_url):
    """An immediate digest's period ends mid-day: the chart counted up to the end of that local day,
    so an article dated two hours after the period (a wrong date, or one published since) was in it."""
    tv = A.add_taxonomy(db_url)
    end = datetime(2026, 12, 7, 14, 30, tzinfo=SHANGHAI)
    for title, published in (("before", end - timedelta(hours=1)), ("after", end + timedelta(hours=2))):
        doc = A.add_document(db_url, "c114", title, "芯片", published_at=published)
        A.classify(db_url, A.current_version(db_url, doc), tv, {"quantum": ["芯片"]})
    with connect(db_url) as conn:
        counts = select_track_counts(conn, "guangdong", SHANGHAI, end, 14)
    assert counts["days"][-1] == end.date() and len(counts["tracks"]) == 1
    assert counts["tracks"][0][1] == [0] * 13 + [1]


def test_preview_writes_nothing_and_inlines_images(db_url, settings):
    now = seed_digest_events(db_url)
    html, label = preview_digest(db_url, "reader@example.com", now=now, settings=settings)
    assert html and "data:image/png;base64," in html and "cid:" not in html and "reader@example.com" in label
    assert stored(db_url) == []


@pytest.mark.skipif(not browser.available(), reason="needs Debian's chromium and chromium-driver")
def test_digest_fits_a_phone_and_a_desktop_in_headless_chromium(db_url, settings, tmp_path):
    now = seed_digest_events(db_url)
    long_title = "超长标题" + "量子" * 3 + "https://example.com/" + "a" * 200
    tv = A.add_taxonomy(db_url)
    doc = A.add_document(db_url, "c114", long_title, "量子 " + "长" * 400)
    A.classify(db_url, A.current_version(db_url, doc), tv, {"quantum": ["量子"]})
    match_events(db_url, now=now, settings=load_settings())
    build_due_digests(db_url, now=now, settings=settings)
    page_file = tmp_path / "digest.html"
    page_file.write_text(html_with_inline_images(bytes(stored(db_url)[0]["mime"])), encoding="utf-8")
    with browser.browser(tmp_path / "profile") as page:
        for width in (390, 1000):
            page.open(page_file, width)
            scroll, inner = page.widths()
            assert inner == width and scroll <= inner, f"sideways scroll at {width}px: {scroll} > {inner}"
        shot = page.screenshot(tmp_path / "shot.png", 390)
    from PIL import Image

    import numpy as np

    pixels = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    assert pixels.shape[1] == 390 and pixels.shape[0] > 2000  # the whole page, not a window
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    assert int(((b > 150) & (r < 80) & (g > 90) & (g < 150)).sum()) > 30  # the chart's first (blue) line
