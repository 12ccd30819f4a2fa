"""Digests: MIME structure and headers, escaping of scraped content, grouping and sections,
nothing twice, empty digests not stored, and a real render in headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from email import message_from_bytes, policy
from zoneinfo import ZoneInfo

import pytest

from alerts.digest import build_due_digests, message_id_for
from alerts.events import match_events
from alerts.preview import html_with_inline_images, preview_digest
from futurewatch.config import load_settings
from futurewatch.db import connect
from tests.alerts import archive as A
from tests.alerts.digests import seed_digest_events

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"


@pytest.fixture
def settings(tmp_path):
    return load_settings({"FUTUREWATCH_HOME": str(tmp_path), "SMTP_FROM": "digests@futurewatch.example"})


def stored(db: str) -> list[dict]:
    with connect(db) as conn:
        return conn.execute("SELECT * FROM digests ORDER BY digest_id").fetchall()


def test_mime_parts_inline_chart_and_stable_headers(db_url, settings):
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
    assert f'src="cid:{cid}"' in html.get_content()
    expected_id = message_id_for(digest["subscriber_id"], digest["period_start"], digest["period_end"],
                                 settings.smtp_from)
    assert msg["Message-ID"] == digest["message_id"] == expected_id
    assert msg["To"] == "reader@example.com" and msg["From"] == "digests@futurewatch.example"
    assert msg["Subject"] == digest["subject"] and msg["Date"] and msg["Auto-Submitted"] == "auto-generated"
    body = text.get_content()
    for heading in ("新政策文件", "新闻", "热度激增"):
        assert heading in body and heading in html.get_content()
    assert body.index("新政策文件") < body.index("新闻") < body.index("热度激增")
    assert "基线（日均）: 0.5" in body and "倍数: x10.0" in body and "×10.0" in html.get_content()
    assert "【量子】" in body and "<mark" in html.get_content()  # matched terms highlighted
    assert "广东省工业和信息化厅" in body  # policy grouped by issuer
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
    match_events(db_url, now=now)
    build_due_digests(db_url, now=now, settings=settings)
    html = stored(db_url)[0]["body_html"]
    lowered = html.lower()
    assert "<script" not in lowered and "javascript:alert(3)" not in lowered  # the bad canonical_url is no link
    assert 'href="javascript' not in lowered and "<img src=x" not in lowered and "<a href=javascript" not in lowered
    assert "&lt;script&gt;" in html and "&lt;a href=javascript:alert(4)&gt;" in html
    assert "onerror=alert(2)" in html and "&lt;img src=x onerror=alert(2)&gt;" in html  # shown as text only


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
    match_events(db_url, now=t1)
    assert build_due_digests(db_url, now=t1, settings=settings).built == 1
    second = A.add_document(db_url, "c114", "量子二", "量子")
    A.classify(db_url, A.current_version(db_url, second), tv)
    t2 = datetime.now(timezone.utc)
    match_events(db_url, now=t2)
    assert build_due_digests(db_url, now=t2, settings=settings).built == 1
    d1, d2 = stored(db_url)
    assert d2["period_start"] == d1["period_end"] and not set(d1["event_ids"]) & set(d2["event_ids"])
    assert "量子一" in d1["body_text"] and "量子一" not in d2["body_text"] and "量子二" in d2["body_text"]


def test_daily_digest_covers_the_last_local_day(db_url, settings):
    tv = A.add_taxonomy(db_url)
    A.add_subscriber(db_url, "z@example.com", [("q", "keyword", {"query": "量子"})], cadence="daily",
                     timezone_name="Asia/Shanghai", language="en")
    tz = ZoneInfo("Asia/Shanghai")
    today = datetime.now(tz).replace(hour=0, minute=0, second=0, microsecond=0)
    for title, created in (("yesterday 量子", today - timedelta(hours=5)), ("today 量子", today + timedelta(minutes=1))):
        doc = A.add_document(db_url, "c114", title, "量子")
        vid = A.current_version(db_url, doc)
        with connect(db_url) as conn:
            conn.execute("UPDATE document_versions SET created_at = %(c)s WHERE version_id = %(v)s", {"c": created, "v": vid})
        A.classify(db_url, vid, tv)
    match_events(db_url, now=today + timedelta(hours=8))
    assert build_due_digests(db_url, now=today + timedelta(hours=8), settings=settings).built == 1
    digest = stored(db_url)[0]
    assert digest["period_end"] == today and digest["period_start"] == today - timedelta(days=1)
    assert "yesterday" in digest["body_text"] and "today 量子" not in digest["body_text"]
    assert "News (1)" in digest["body_text"]  # the subscriber's language


def test_preview_writes_nothing_and_inlines_images(db_url, settings):
    now = seed_digest_events(db_url)
    html, label = preview_digest(db_url, "reader@example.com", now=now, settings=settings)
    assert html and "data:image/png;base64," in html and "cid:" not in html and "reader@example.com" in label
    assert stored(db_url) == []


def test_digest_renders_in_headless_chromium(db_url, settings, tmp_path):
    if not shutil.which(CHROMIUM) and not shutil.os.path.exists(CHROMIUM):
        pytest.skip(f"chromium is not installed ({CHROMIUM}); CI installs it with apt-get install -y chromium")
    now = seed_digest_events(db_url)
    build_due_digests(db_url, now=now, settings=settings)
    page = tmp_path / "digest.html"
    page.write_text(html_with_inline_images(bytes(stored(db_url)[0]["mime"])), encoding="utf-8")
    shot = tmp_path / "shot.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars",
                    "--window-size=800,3000", f"--screenshot={shot}", page.as_uri()],
                   check=True, timeout=120, capture_output=True)
    from PIL import Image

    import numpy as np

    image = Image.open(shot).convert("RGB")
    pixels = np.asarray(image).astype(int)
    non_white = int((pixels.sum(axis=2) < 720).sum())
    assert image.size == (800, 3000) and non_white > 20_000  # header band, headings, text and the chart
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    dark_red = int(((r > 150) & (g < 90) & (b < 90)).sum())
    assert dark_red > 30  # the trend chart's current bar (and the spike marker) made it onto the page
