"""What a reader gets: one card per article with every reason, first-seen entities after a warm-up
as a compact list, English labels and local times, unsubscribe headers, the outbox copy."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email import message_from_bytes, policy

import pytest
from psycopg.types.json import Jsonb

from alerts.digest import build_due_digests
from alerts.events import match_events
from alerts.send import deliver_pending
from futurewatch.core.config import load_settings
from futurewatch.core.db import connect
from tests.alerts import archive as A


@pytest.fixture
def settings(tmp_path):
    return load_settings({"FUTUREWATCH_HOME": str(tmp_path), "SMTP_FROM": "digests@futurewatch.example"})


def created(db: str, document_id: int, when: datetime) -> int:
    vid = A.current_version(db, document_id)
    with connect(db) as conn:
        conn.execute("UPDATE document_versions SET created_at = %(c)s, published_at = %(c)s WHERE version_id = %(v)s",
                     {"c": when, "v": vid})
    return vid


def digest_text(db: str) -> tuple[str, str, bytes]:
    with connect(db) as conn:
        row = conn.execute("SELECT body_text, body_html, mime FROM digests ORDER BY digest_id DESC LIMIT 1").fetchone()
    return row["body_text"], row["body_html"], bytes(row["mime"])


def test_one_card_per_article_with_every_reason(db_url, settings, monkeypatch):
    monkeypatch.setenv("FUTUREWATCH_FIRSTSEEN_WARMUP_DAYS", "0")
    tv = A.add_taxonomy(db_url)
    A.add_subscriber(db_url, "r@example.com", [
        ("机器人", "keyword", {"query": "机器人"}), ("具身", "category", {"categories": ["embodied_ai"]}),
        ("新面孔", "first_seen_entity", {"categories": ["embodied_ai"]})], cadence="immediate")
    story = A.add_story(db_url)
    company = A.add_entity(db_url, "星河机器人公司")
    for source in ("c114", "nanfang"):  # the same story, reprinted
        doc = A.add_document(db_url, source, "星河机器人公司发布人形机器人", "星河机器人公司发布具身智能人形机器人",
                             story_id=story)
        A.classify(db_url, A.current_version(db_url, doc), tv, {"embodied_ai": ["具身智能"]})
        A.mention(db_url, A.current_version(db_url, doc), company, "星河机器人公司")
    now = datetime.now(timezone.utc)
    match_events(db_url, now=now, settings=load_settings())
    assert build_due_digests(db_url, now=now, settings=settings).built == 1
    text, html, _ = digest_text(db_url)
    assert text.count("* 星河机器人公司发布人形机器人") == 1 and html.count('<td id="c') == 1  # one card
    assert "规则：机器人、具身" in text and "首次出现：星河机器人公司" in text  # every reason on the card
    assert "来源: C114 通信网、南方+" in text or "(1 家转载)" in html
    assert "- 星河机器人公司 -> 星河机器人公司发布人形机器人" in text  # the compact first-seen list
    assert "具身智能 1.00" in text and "未来智能装备" in text  # track (guangdong view) and score


def test_first_crawl_is_a_baseline_for_first_seen(db_url, settings, monkeypatch):
    monkeypatch.delenv("FUTUREWATCH_FIRSTSEEN_WARMUP_DAYS", raising=False)
    tv = A.add_taxonomy(db_url)
    ids = A.add_subscriber(db_url, "w@example.com", [
        ("新面孔", "first_seen_entity", {"categories": ["embodied_ai"]}), ("机器人", "keyword", {"query": "机器人"})],
        cadence="immediate")
    known, newcomer = A.add_entity(db_url, "教育部"), A.add_entity(db_url, "新锐机器人公司")
    first = A.add_document(db_url, "c114", "教育部谈机器人教育", "教育部 具身智能")
    A.classify(db_url, A.current_version(db_url, first), tv, {"embodied_ai": ["具身智能"]})
    A.mention(db_url, A.current_version(db_url, first), known, "教育部")
    now = datetime.now(timezone.utc)
    match_events(db_url, now=now, settings=load_settings())
    assert A.events(db_url, ids["新面孔"]) == []  # a first crawl flags nobody
    build_due_digests(db_url, now=now, settings=settings)
    assert "新主体监测预热中" in digest_text(db_url)[0]
    created(db_url, first, now - timedelta(days=30))  # the archive started a month ago
    later = A.add_document(db_url, "nanfang", "新锐机器人公司与教育部合作", "新锐机器人公司 教育部 具身智能")
    A.classify(db_url, A.current_version(db_url, later), tv, {"embodied_ai": ["具身智能"]})
    for entity, surface in ((known, "教育部"), (newcomer, "新锐机器人公司")):
        A.mention(db_url, A.current_version(db_url, later), entity, surface)
    match_events(db_url, now=datetime.now(timezone.utc), settings=load_settings())
    assert [e["payload"]["entity"]["name"] for e in A.events(db_url, ids["新面孔"])] == ["新锐机器人公司"]


def test_english_labels_local_time_and_one_click_unsubscribe(db_url, tmp_path):
    settings = load_settings({"FUTUREWATCH_HOME": str(tmp_path), "SMTP_FROM": "Digests <digests@futurewatch.example>"})
    tv = A.add_taxonomy(db_url)
    A.add_subscriber(db_url, "en@example.com", [("q", "keyword", {"query": "量子"})], cadence="immediate",
                     timezone_name="Europe/Berlin", language="en")
    with connect(db_url) as conn:
        conn.execute("UPDATE subscribers SET options = %(o)s", {"o": Jsonb(
            {"view": "national", "top_items": 1, "chart_days": 30, "unsubscribe": "https://u.example/off?who={email}"})})
    for title in ("量子 one", "量子 two"):
        doc = A.add_document(db_url, "c114", title, "量子",
                             published_at=datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc))
        A.classify(db_url, A.current_version(db_url, doc), tv, {"quantum": ["量子"]})
    now = datetime.now(timezone.utc)
    match_events(db_url, now=now, settings=load_settings())
    build_due_digests(db_url, now=now, settings=settings)
    text, html, mime = digest_text(db_url)
    assert "Top items (1)" in text and "Future information (2)" in text  # national view, English track name
    assert "Published: 2026-11-20 10:30 UTC+1" in text and "Times in Europe/Berlin" in text
    assert "Articles per day by track (national view" in text and text.count(" 0 ") > 10  # 30 days of counts
    msg = message_from_bytes(mime, policy=policy.default)
    assert " ".join(msg["List-Unsubscribe"].split()) == ("<mailto:digests@futurewatch.example?subject=unsubscribe%20en%40example.com>, "
                                       "<https://u.example/off?who=en%40example.com>")
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Your rules:</b> q (keyword)" in html and "futurewatch alerts load" in text
    deliver_pending(db_url, settings=settings)
    copy = next(settings.outbox_dir.glob("*.html")).read_text(encoding="utf-8")
    assert "data:image/png;base64," in copy and "cid:" not in copy  # the outbox copy shows its chart


def test_spike_targets_are_named_not_coded():
    from alerts.layout import spike_label

    names = {"quantum": {"name_zh": "量子科技", "name_en": "quantum technology"}}
    view = {"target": "category:guangdong:future_electronic_info", "title": "future_electronic_info"}
    assert spike_label(view, names, "zh") == "未来电子信息" and spike_label(view, names, "en") == \
        "Future electronic information"
    code = {"target": "category:quantum", "title": "量子科技"}
    assert spike_label(code, names, "en") == "quantum technology" and spike_label(code, names, "zh") == "量子科技"
    assert spike_label({"target": "entity:7", "title": "优必选"}, names, "en") == "优必选"


def test_a_bad_warmup_setting_is_one_line(db_url, monkeypatch):
    from alerts.firstseen import warmup_days
    from futurewatch.core.config import ConfigError

    monkeypatch.setenv("FUTUREWATCH_FIRSTSEEN_WARMUP_DAYS", "a week")
    with pytest.raises(ConfigError, match="FUTUREWATCH_FIRSTSEEN_WARMUP_DAYS must be a number of days, got 'a week'"):
        warmup_days(load_settings())
