"""Alerts on real pipeline output: pages parsed and stored by parsers.process_pending, labels and
entities written in the classifier's shapes (and once by the real classifier), then every rule
type, the digests and the file outbox, as the demo cycle runs them."""

from __future__ import annotations

import importlib.util
from datetime import datetime, timezone
from email import message_from_bytes, policy

import pytest

from alerts.pipeline import ensure_demo_subscribers, match_events, send_due_digests
from futurewatch.core.db import connect
from parsers.process import process_pending
from tests.alerts import archive as A
from tests.parsers.test_parsers_process import add_fixture, add_sources, fixture
from futurewatch.core.config import load_settings

PAGES = ("chinanews_2024_03_01", "nanfang_2024_03_01", "gd_gov_2024_02_23", "govcn_2024_01_29",
         "miit_2024_01_29", "c114_2025_02_14", "takungpao_2023_06_02")


def documents(db_url: str) -> dict[str, dict]:
    with connect(db_url) as conn:
        rows = conn.execute("SELECT d.*, v.text, v.version_no FROM documents d "
                            "JOIN document_versions v ON v.version_id = d.current_version_id").fetchall()
    return {r["source_id"]: r for r in rows}


def label(db_url: str, tv: int, labels: dict[str, dict[str, list[str]]]) -> None:
    """Classifier-shaped rows for every current version not yet labelled."""
    for source, doc in documents(db_url).items():
        A.classify(db_url, doc["current_version_id"], tv, labels.get(source, {}))


@pytest.fixture
def archive(fw_env):
    url = fw_env.db_url
    add_sources(url)
    for stem in PAGES:
        add_fixture(url, stem)
    summary = process_pending(url, settings=load_settings())
    assert summary.failed == 0 and summary.documents_new == len(PAGES)
    return url


def event_rows(db_url: str) -> list[dict]:
    with connect(db_url) as conn:
        return conn.execute("SELECT r.name AS rule, e.* FROM alert_events e JOIN alert_rules r USING (rule_id) "
                            "ORDER BY e.event_id").fetchall()


def test_every_rule_type_fires_on_processed_pages(archive, fw_env, monkeypatch):
    monkeypatch.setenv("FUTUREWATCH_FIRSTSEEN_WARMUP_DAYS", "0")  # fixtures are one crawl: no warm-up here
    url = archive
    tv = A.add_taxonomy(url)
    label(url, tv, {"c114": {"quantum": ["量子科技"]}, "takungpao": {"quantum": ["量子"], "ai": ["AI"]},
                    "gd_gov": {"ai": ["人工智能"]}, "chinanews": {"embodied_ai": ["未来产业"]},
                    "nanfang": {"embodied_ai": ["未来产业"]}})
    docs = documents(url)
    miit = A.add_entity(url, "工业和信息化部", aliases=["工信部"])
    for source in ("govcn", "miit"):
        start = docs[source]["text"].find("工业和信息化部")
        if start >= 0:
            A.mention(url, docs[source]["current_version_id"], miit, "工业和信息化部", start)
    guangdong = A.add_entity(url, "广东省", type="place")
    for source in ("chinanews", "nanfang"):
        A.mention(url, docs[source]["current_version_id"], guangdong, "广东省", max(0, docs[source]["text"].find("广东省")))
    A.add_subscriber(url, "analyst@example.com", [
        ("广东量子", "keyword", {"query": "广东 AND 量子 NOT 扫地机器人"}),
        ("电子信息", "category", {"categories": ["guangdong:future_electronic_info"]}),
        ("工信部", "entity", {"names": ["工信部"]}),
        ("新地名", "first_seen_entity", {"categories": ["embodied_ai"], "types": ["place"]}),
        ("粤工信", "new_policy", {"doc_number_prefixes": ["粤工信"]}),
        ("国家级", "new_policy", {"levels": ["national"]}),
        ("修订", "changed", {"kinds": ["policy", "news"]}),
        ("先导区热度", "spike", {"categories": ["embodied_ai"], "min_count": 1}),
    ], cadence="immediate")
    spike_now = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)
    first = match_events(url, now=spike_now, settings=load_settings())
    assert first.errors == []
    fired = {}
    for e in event_rows(url):
        fired.setdefault(e["rule"], []).append(e)
    keyword_sources = {s["source_id"] for e in fired["广东量子"] for s in e["payload"]["sources"]}
    assert {"c114", "takungpao"} <= keyword_sources  # takungpao is Traditional (廣東 … 量子)
    assert {s["source_id"] for e in fired["电子信息"] for s in e["payload"]["sources"]} == {"c114", "takungpao", "gd_gov"}
    assert {s["source_id"] for e in fired["工信部"] for s in e["payload"]["sources"]} >= {"miit"}
    new_place = fired["新地名"]
    assert len(new_place) == 1 and new_place[0]["payload"]["entity"]["name"] == "广东省"
    assert new_place[0]["version_id"] == docs["nanfang"]["current_version_id"]  # published first (07:30 vs 08:12)
    assert [e["version_id"] for e in fired["粤工信"]] == [docs["gd_gov"]["current_version_id"]]
    assert {e["version_id"] for e in fired["国家级"]} == {docs["govcn"]["current_version_id"], docs["miit"]["current_version_id"]}
    spike = fired["先导区热度"][0]["payload"]
    assert spike["count"] == 1 and spike["ratio"] is None  # one story (two reprints), nothing before
    assert "修订" not in fired
    # the gd_gov page fetched again a day later, amended: version 2, a change event
    raw, _ = fixture("gd_gov_2024_02_23")
    changed_page = raw.replace("现印发给你们".encode(), "现修订印发给你们".encode())
    assert changed_page != raw
    add_fixture(url, "gd_gov_2024_02_23", body=changed_page, days_later=1)
    process_pending(url, settings=load_settings())
    gd = documents(url)["gd_gov"]
    assert gd["version_no"] == 2
    A.classify(url, gd["current_version_id"], tv, {"ai": ["人工智能"]})
    match_events(url, now=spike_now, settings=load_settings())
    changed = [e for e in event_rows(url) if e["rule"] == "修订"]
    assert [(e["version_id"], e["section"], e["payload"]["change"]) for e in changed] == \
        [(gd["current_version_id"], "changed", "revised")]
    # the spike is dated by the run (2024-03-01): the digest of that moment carries it alone
    spike_digest = send_due_digests(url, now=spike_now, settings=load_settings())
    assert spike_digest.built == 1 and spike_digest.sent == 1
    text = plain_text(spike_digest.files[0])
    assert "== 热度激增 ==" in text and "日均基线 0.0" in text and "== 要闻" not in text
    summary = send_due_digests(url, now=datetime.now(timezone.utc), settings=load_settings())
    assert summary.built == 1 and summary.sent == 1 and summary.files
    text = plain_text(summary.files[0])
    for heading in ("== 要闻", "== 政策文件 ==", "== 新出现的主体 (1) =="):
        assert heading in text
    assert "[修订]" in text and "- 广东省 -> " in text  # the changed document; the first-seen list
    assert "热度激增" not in text  # sent once, in the earlier digest


def plain_text(path: str) -> str:
    with open(path, "rb") as handle:
        return message_from_bytes(handle.read(), policy=policy.default).get_body(("plain",)).get_content()


@pytest.mark.skipif(importlib.util.find_spec("classify.pipeline") is None,
                    reason="the classifier (classify.classify_pending) is not in this tree yet")
def test_real_classifier_then_demo_subscribers_end_with_digests(archive, fw_env):
    from classify import classify_pending
    from classify.taxonomy import load_taxonomy

    url = archive
    load_taxonomy(url)
    classify_pending(url)
    with connect(url) as conn:
        labelled = conn.execute("SELECT count(DISTINCT version_id) AS n FROM classifications").fetchone()["n"]
    assert labelled >= 3
    now = datetime.now(timezone.utc)
    assert match_events(url, now=now, settings=load_settings()).rules == 0  # subscribers are never loaded implicitly
    assert ensure_demo_subscribers(url, load_settings())  # no subscribers, no SMTP: the demo subscribers are loaded
    assert ensure_demo_subscribers(url, load_settings()) == []  # once
    summary = match_events(url, now=now, settings=load_settings())
    assert summary.rules >= 10 and summary.errors == [] and summary.events_new > 0
    rules_fired = {e["rule"] for e in event_rows(url)}
    assert {"广东省政策文件", "national future-industry policy", "quantum and 6G"} <= rules_fired
    sent = send_due_digests(url, now=now, settings=load_settings())
    assert sent.built == 2 and sent.sent == 2
    names = sorted(p.suffix for p in fw_env.outbox_dir.iterdir())
    assert names == [".eml", ".eml", ".html", ".html"]
    assert send_due_digests(url, now=now, settings=load_settings()).sent == 0  # a rerun of the cycle's last step sends nothing twice
