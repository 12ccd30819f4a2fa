"""Every rule type fires (and stays quiet when it should) on pipeline-shaped rows in PostgreSQL."""

from __future__ import annotations

import re

from datetime import datetime, timedelta, timezone

import pytest

from alerts.events import match_events
from alerts.query import QueryError, parse_query
from alerts.levels import infer_admin_level
from alerts.rules import Catalog, RuleError, compile_rule
from tests.alerts import archive as A
from futurewatch.core.config import load_settings
from futurewatch.core.db import connect
from futurewatch.core.entities import ENTITY_TYPES

NOW = datetime.now(timezone.utc)


@pytest.fixture
def db(db_url):
    return db_url


def keys(db_url, rule_id):
    return sorted(e["event_key"] for e in A.events(db_url, rule_id))


def test_keyword_and_or_not_phrase_simplified_traditional(db):
    tv = A.add_taxonomy(db)
    ids = A.add_subscriber(db, "a@example.com", [
        ("robots", "keyword", {"query": '具身智能 AND (深圳 OR 广州) NOT "扫地机器人"'}),
        ("phrase", "keyword", {"query": '"人形机器人 大会"', "fields": ["title"]}),
    ])
    hit = A.add_document(db, "takungpao", "深圳發展具身智能", "深圳市發佈具身智能產業政策。")  # Traditional
    trap = A.add_document(db, "c114", "具身智能与扫地机器人", "广州 具身智能 扫地机器人 促销")
    other = A.add_document(db, "c114", "北京具身智能", "北京的具身智能企业。")
    phrase = A.add_document(db, "nanfang", "人形機器人  大會在广州举行", "正文")
    for doc in (hit, trap, other, phrase):
        A.classify(db, A.current_version(db, doc), tv)
    summary = match_events(db, now=NOW, settings=load_settings())
    assert summary.errors == []
    got = A.events(db, ids["robots"])
    assert [e["version_id"] for e in got] == [A.current_version(db, hit)]
    assert set(got[0]["payload"]["terms"]) == {"具身智能", "深圳"}
    assert any(seg[1] and seg[0] == "具身智能" for seg in got[0]["payload"]["snippet"])  # shown in its original script
    assert [e["version_id"] for e in A.events(db, ids["phrase"])] == [A.current_version(db, phrase)]


def test_category_by_leaf_and_by_view_and_reprints_collapse(db):
    tv = A.add_taxonomy(db)
    ids = A.add_subscriber(db, "b@example.com", [
        ("leaf", "category", {"categories": ["quantum"]}),
        ("view", "category", {"categories": ["guangdong:future_electronic_info"]}),
    ])
    story = A.add_story(db)
    first = A.add_document(db, "nanfang", "量子通信新进展", "量子密钥分发网络开通。", story_id=story)
    reprint = A.add_document(db, "chinanews", "量子通信新进展", "量子密钥分发网络开通。", story_id=story)
    ai_doc = A.add_document(db, "c114", "大模型发布", "大模型")
    hydrogen = A.add_document(db, "c114", "氢能汽车", "氢能")
    for doc, codes in ((first, {"quantum": ["量子密钥分发"]}), (reprint, {"quantum": ["量子密钥分发"]}),
                       (ai_doc, {"ai": ["大模型"]}), (hydrogen, {"hydrogen": ["氢能"]})):
        A.classify(db, A.current_version(db, doc), tv, codes)
    match_events(db, now=NOW, settings=load_settings())
    leaf = A.events(db, ids["leaf"])
    assert [e["event_key"] for e in leaf] == [f"story:{story}:v1"]
    assert {s["source_id"] for s in leaf[0]["payload"]["sources"]} == {"nanfang", "chinanews"}
    assert leaf[0]["payload"]["terms"] == ["量子密钥分发"]
    view = A.events(db, ids["view"])
    assert {e["story_id"] for e in view} == {story, None} and len(view) == 2  # quantum story + the AI doc
    assert all(e["payload"]["groups"] == ["future_electronic_info"] for e in view)


def test_category_rules_and_filters_take_a_min_score(db):
    tv = A.add_taxonomy(db)
    ids = A.add_subscriber(db, "m@example.com", [
        ("default", "category", {"categories": ["quantum"]}),
        ("loose", "category", {"categories": ["quantum"], "min_score": 0.2}),
        ("filtered", "keyword", {"query": "量子", "categories": ["quantum"]}),
    ])
    sure = A.add_document(db, "c114", "量子计算产业", "量子计算企业融资。")
    doubtful = A.add_document(db, "c114", "量子之歌", "一首歌提到量子。")
    A.classify(db, A.current_version(db, sure), tv, {"quantum": ["量子计算"]}, {"quantum": 0.91})
    A.classify(db, A.current_version(db, doubtful), tv, {"quantum": ["量子"]}, {"quantum": 0.3})
    assert match_events(db, now=NOW, settings=load_settings()).errors == []
    assert [e["version_id"] for e in A.events(db, ids["default"])] == [A.current_version(db, sure)]
    assert len(A.events(db, ids["loose"])) == 2
    assert [e["version_id"] for e in A.events(db, ids["filtered"])] == [A.current_version(db, sure)]


def test_min_score_outside_zero_to_one_is_a_rule_error():
    for bad in (2, -0.1, "high", True):
        with pytest.raises(RuleError, match="min_score"):
            compile_rule({"rule_id": 1, "subscriber_id": 1, "name": "x", "rule_type": "category",
                          "params": {"categories": ["quantum"], "min_score": bad}}, Catalog(names={"quantum": "量子"}))


def test_entity_types_are_the_archive_types(db):
    """A misspelt type would match nothing, silently: it is a rule error; the list is the table's CHECK."""
    catalog = Catalog(names={"quantum": "量子"})
    for rtype, params in (("entity", {"names": ["华为"]}), ("first_seen_entity", {"categories": ["quantum"]})):
        compile_rule({"rule_id": 1, "subscriber_id": 1, "name": "x", "rule_type": rtype,
                      "params": params | {"types": list(ENTITY_TYPES)}}, catalog)
        with pytest.raises(RuleError, match="types must be among org, place"):
            compile_rule({"rule_id": 1, "subscriber_id": 1, "name": "x", "rule_type": rtype,
                          "params": params | {"types": ["orgs"]}}, catalog)
    with connect(db) as conn:
        check = conn.execute("SELECT pg_get_constraintdef(oid) AS d FROM pg_constraint "
                             "WHERE conname = 'entities_type_check'").fetchone()["d"]
    assert re.findall(r"'(\w+)'::text", check) == list(ENTITY_TYPES)


def test_rerun_and_backfill_never_duplicate_and_late_reprint_joins_event(db):
    tv = A.add_taxonomy(db)
    ids = A.add_subscriber(db, "c@example.com", [("q", "keyword", {"query": "量子"})])
    story = A.add_story(db)
    A.classify(db, A.current_version(db, A.add_document(db, "nanfang", "量子", "量子", story_id=story)), tv)
    first = match_events(db, now=NOW, settings=load_settings())
    assert first.events_new == 1 and first.rules_backfilled == 1
    again = match_events(db, now=NOW, settings=load_settings())
    assert again.events_new == 0 and again.versions_scanned == 0
    late = A.add_document(db, "chinanews", "量子", "量子", story_id=story)
    A.classify(db, A.current_version(db, late), tv)
    assert match_events(db, now=NOW, settings=load_settings()).events_new == 0
    got = A.events(db, ids["q"])
    assert len(got) == 1 and len(got[0]["payload"]["sources"]) == 2
    # a new taxonomy version reclassifies everything: matched again, still one event
    tv2 = A.add_taxonomy(db)
    with A.connect(db) as conn:
        conn.execute("INSERT INTO classification_runs (version_id, taxonomy_version_id) "
                     "SELECT version_id, %(t)s FROM document_versions", {"t": tv2})
    rerun = match_events(db, now=NOW, settings=load_settings())
    assert rerun.versions_scanned == 2 and rerun.events_new == 0 and len(A.events(db)) == 1


def test_unclassified_versions_wait_for_the_classifier(db):
    tv = A.add_taxonomy(db)
    ids = A.add_subscriber(db, "d@example.com", [("q", "keyword", {"query": "氢能"})])
    doc = A.add_document(db, "c114", "氢能", "氢能")
    assert match_events(db, now=NOW, settings=load_settings()).events_new == 0
    A.classify(db, A.current_version(db, doc), tv)
    assert match_events(db, now=NOW, settings=load_settings()).events_new == 1 and len(A.events(db, ids["q"])) == 1


def test_entity_watch_by_name_alias_and_mentions(db):
    tv = A.add_taxonomy(db)
    ubtech = A.add_entity(db, "深圳市优必选科技股份有限公司", aliases=["优必选", "UBTECH"])
    ids = A.add_subscriber(db, "e@example.com", [("ubtech", "entity", {"names": ["优必选"]})])
    by_alias = A.add_document(db, "c114", "UBTECH 发布新品", "UBTECH Walker S")
    by_mention = A.add_document(db, "nanfang", "人形机器人企业", "某企业")
    unrelated = A.add_document(db, "nanfang", "MAINUBTECHX", "无关")
    for doc in (by_alias, by_mention, unrelated):
        A.classify(db, A.current_version(db, doc), tv)
    A.mention(db, A.current_version(db, by_mention), ubtech, "优必选")
    match_events(db, now=NOW, settings=load_settings())
    got = {e["version_id"] for e in A.events(db, ids["ubtech"])}
    assert got == {A.current_version(db, by_alias), A.current_version(db, by_mention)}


@pytest.mark.parametrize("scope, expected", [("category", {"new_co", "old_co"}), ("archive", {"new_co"})])
def test_first_seen_entity_within_watched_categories(db, scope, expected, monkeypatch):
    monkeypatch.setenv("FUTUREWATCH_FIRSTSEEN_WARMUP_DAYS", "0")  # the warm-up has its own test
    tv = A.add_taxonomy(db)
    ids = A.add_subscriber(db, "f@example.com", [
        ("new players", "first_seen_entity", {"categories": ["embodied_ai"], "scope": scope})])
    old_co = A.add_entity(db, "老牌公司")
    new_co = A.add_entity(db, "新锐机器人公司")
    place = A.add_entity(db, "深圳", type="place")
    early = A.add_document(db, "c114", "老牌公司财报", "老牌公司发布财报", published_at=NOW - timedelta(days=30))
    A.classify(db, A.current_version(db, early), tv, {"ai": ["大模型"]})
    A.mention(db, A.current_version(db, early), old_co, "老牌公司")
    robots = A.add_document(db, "nanfang", "具身智能新锐", "新锐机器人公司与老牌公司在深圳发布具身智能产品")
    vid = A.current_version(db, robots)
    A.classify(db, vid, tv, {"embodied_ai": ["具身智能"]})
    for eid, surface in ((new_co, "新锐机器人公司"), (old_co, "老牌公司"), (place, "深圳")):
        A.mention(db, vid, eid, surface)
    match_events(db, now=NOW, settings=load_settings())
    names = {"新锐机器人公司": "new_co", "老牌公司": "old_co"}
    got = A.events(db, ids["new players"])
    assert {names[e["payload"]["entity"]["name"]] for e in got} == expected
    assert all(e["section"] == "new_entity" and e["version_id"] == vid for e in got)
    later = A.add_document(db, "c114", "新锐机器人公司再融资", "新锐机器人公司 具身智能")
    A.classify(db, A.current_version(db, later), tv, {"embodied_ai": ["具身智能"]})
    A.mention(db, A.current_version(db, later), new_co, "新锐机器人公司")
    assert match_events(db, now=NOW, settings=load_settings()).events_new == 0  # seen before: no second event


def test_new_policy_by_issuer_level_and_doc_number_prefix(db):
    tv = A.add_taxonomy(db)
    ids = A.add_subscriber(db, "g@example.com", [
        ("粤工信", "new_policy", {"doc_number_prefixes": ["粤工信", "粤府"]}),
        ("provincial", "new_policy", {"levels": ["provincial"]}),
        ("national issuer", "new_policy", {"issuers": ["国务院"]}),
    ])
    gd = A.add_document(db, "gd_gov", "广东省培育发展未来电子信息产业集群行动计划", "各地级以上市人民政府", kind="policy")
    A.add_policy(db, A.current_version(db, gd), issuers=["广东省工业和信息化厅"], doc_number="粤工信电子〔2024〕2号")
    gov = A.add_document(db, "govcn", "国务院办公厅转发…实施意见的通知", "各省", kind="policy")
    A.add_policy(db, A.current_version(db, gov), issuers=["国务院办公厅"], doc_number="国办函〔2024〕5号")
    sz = A.add_document(db, "gd_gov", "深圳市某政策", "正文", kind="policy")
    A.add_policy(db, A.current_version(db, sz), issuers=["深圳市人民政府"], doc_number="深府〔2024〕3号")
    news = A.add_document(db, "c114", "粤工信新闻", "粤工信")
    for doc in (gd, gov, sz, news):
        A.classify(db, A.current_version(db, doc), tv)
    match_events(db, now=NOW, settings=load_settings())
    assert [e["version_id"] for e in A.events(db, ids["粤工信"])] == [A.current_version(db, gd)]
    assert [e["version_id"] for e in A.events(db, ids["provincial"])] == [A.current_version(db, gd)]
    national = A.events(db, ids["national issuer"])
    assert [e["version_id"] for e in national] == [A.current_version(db, gov)]
    assert national[0]["section"] == "policy" and national[0]["payload"]["level"] == "national"


def test_changed_amended_abolished(db):
    tv = A.add_taxonomy(db)
    ids = A.add_subscriber(db, "h@example.com", [
        ("changes", "changed", {}),
        ("abolished only", "changed", {"changes": ["abolished"]}),
    ])
    revised = A.add_document(db, "gd_gov", "行动计划", "第一版", kind="policy")
    abolished = A.add_document(db, "gd_gov", "旧办法", "旧办法全文", kind="policy")
    news = A.add_document(db, "c114", "新闻", "第一版")
    for doc in (revised, abolished, news):
        A.classify(db, A.current_version(db, doc), tv)
    match_events(db, now=NOW, settings=load_settings())
    assert A.events(db) == []  # first versions in force are not changes
    v2 = A.add_version(db, revised, "行动计划（修订）", "第二版", change_summary={"added": ["第二版"], "removed": ["第一版"]})
    gone = A.add_version(db, abolished, "旧办法（已废止）", "旧办法全文 本文件已废止")
    A.add_policy(db, gone, issuers=["广东省人民政府"], doc_number=None, validity="abolished")
    n2 = A.add_version(db, news, "新闻", "第二版")
    for vid in (v2, gone, n2):
        A.classify(db, vid, tv)
    match_events(db, now=NOW, settings=load_settings())
    changes = {e["version_id"]: e["payload"]["change"] for e in A.events(db, ids["changes"])}
    assert changes == {v2: "revised", A.current_version(db, abolished): "abolished"}
    assert [e["payload"]["change"] for e in A.events(db, ids["abolished only"])] == ["abolished"]
    revised_event = next(e for e in A.events(db, ids["changes"]) if e["version_id"] == v2)
    assert revised_event["event_key"].endswith(":v2") and revised_event["section"] == "changed"
    assert revised_event["payload"]["change_summary"]["added"] == ["第二版"]


def test_spike_against_trailing_baseline(db):
    # spike windows count back from `now` and events are keyed by Shanghai day: `now` is pinned at
    # 23:30 Shanghai time (15:30 UTC), so the test means the same at whatever hour it runs
    now = datetime(2026, 11, 30, 15, 30, tzinfo=timezone.utc)
    tv = A.add_taxonomy(db)
    ids = A.add_subscriber(db, "i@example.com", [
        ("quantum spike", "spike", {"categories": ["quantum"], "threshold": 3, "min_count": 3}),
        ("hydrogen spike", "spike", {"categories": ["hydrogen"], "threshold": 3, "min_count": 3}),
    ])
    def doc(code, when):
        d = A.add_document(db, "c114", f"{code} {when:%H%M%S%f}", code, published_at=when)
        A.classify(db, A.current_version(db, d), tv, {code: [code]})
    for day in range(1, 15, 2):  # 7 quantum documents over the trailing 14 days: baseline 0.5/day
        doc("quantum", now - timedelta(days=day, hours=1))
    for hour in range(1, 5):  # 4 today: ratio 8
        doc("quantum", now - timedelta(hours=hour))
    for day in range(1, 15):  # hydrogen steady: 1 a day, 2 today → ratio 2 < 3
        doc("hydrogen", now - timedelta(days=day, hours=2))
    doc("hydrogen", now - timedelta(hours=1))
    doc("hydrogen", now - timedelta(hours=2))
    summary = match_events(db, now=now, settings=load_settings())
    spike = A.events(db, ids["quantum spike"])
    assert summary.spikes == 1 and len(spike) == 1 and A.events(db, ids["hydrogen spike"]) == []
    payload = spike[0]["payload"]
    assert payload["count"] == 4 and payload["baseline"] == 0.5 and payload["ratio"] == 8.0
    assert sum(payload["series"]) == 11 and len(payload["series"]) == 15
    assert match_events(db, now=now + timedelta(minutes=20), settings=load_settings()).spikes == 0  # same day: same key
    summary = match_events(db, now=now + timedelta(hours=1), settings=load_settings())  # 00:30 the next Shanghai day
    assert summary.spikes == 1 and sorted(e["event_key"].rsplit(":", 1)[1] for e in A.events(db, ids["quantum spike"])) \
        == ["2026-11-30", "2026-12-01"]


def test_query_errors_are_one_line_and_levels():
    for bad in ("", "NOT 量子", "(量子 OR", '"" AND x', "量子 )"):
        with pytest.raises(QueryError):
            parse_query(bad)
    assert infer_admin_level([], "粤府〔2024〕1号") == "provincial"
    assert infer_admin_level(["国务院办公厅"], None) == "national"
    assert infer_admin_level(["人民政府办公厅"], "穗府办规〔2024〕3号") == "municipal"  # Guangzhou (穗)
    assert infer_admin_level([], "深府〔2024〕1号") == "municipal" and infer_admin_level([], "工信部科〔2024〕12号") == "national"


def test_bad_rule_is_reported_and_skipped(db):
    A.add_taxonomy(db)
    A.add_subscriber(db, "j@example.com", [("broken", "keyword", {"query": "(量子"}),
                                          ("typo", "category", {"categorys": ["quantum"]})])
    summary = match_events(db, now=NOW, settings=load_settings())
    assert len(summary.errors) == 2 and summary.rules == 0
    assert "unclosed parenthesis" in summary.errors[0] and "unknown params" in summary.errors[1]


def test_query_true_without_terms_is_still_tried(db):
    tv = A.add_taxonomy(db)
    ids = A.add_subscriber(db, "k@example.com", [("not robots", "keyword", {"query": "量子 OR NOT 机器人"})])
    plain = A.add_document(db, "c114", "经济新闻", "与两个词都无关")
    robots = A.add_document(db, "c114", "机器人新闻", "机器人")
    for doc in (plain, robots):
        A.classify(db, A.current_version(db, doc), tv)
    match_events(db, now=NOW, settings=load_settings())
    assert [e["version_id"] for e in A.events(db, ids["not robots"])] == [A.current_version(db, plain)]


def test_rule_reactivated_from_yaml_is_backfilled(db, tmp_path):
    from alerts.subscribers import load_subscribers

    tv = A.add_taxonomy(db)
    with_rule, without = tmp_path / "on.yaml", tmp_path / "off.yaml"
    with_rule.write_text("subscribers:\n  - email: r@example.com\n    rules:\n      - {name: q, type: keyword, query: 量子}\n"
                         "      - {name: h, type: keyword, query: 氢能}\n", encoding="utf-8")
    without.write_text("subscribers:\n  - email: r@example.com\n    rules:\n      - {name: h, type: keyword, query: 氢能}\n",
                       encoding="utf-8")
    load_subscribers(db, with_rule)
    first = A.add_document(db, "c114", "量子一", "量子")
    A.classify(db, A.current_version(db, first), tv)
    match_events(db, now=NOW, settings=load_settings())
    load_subscribers(db, without)  # q deactivated
    second = A.add_document(db, "c114", "量子二", "量子")
    A.classify(db, A.current_version(db, second), tv)
    match_events(db, now=NOW, settings=load_settings())
    assert len(A.events(db)) == 1
    load_subscribers(db, with_rule)  # q back: it missed a version, so it is backfilled
    summary = match_events(db, now=NOW, settings=load_settings())
    assert summary.rules_backfilled == 1 and summary.events_new == 1
    assert {e["version_id"] for e in A.events(db)} == {A.current_version(db, first), A.current_version(db, second)}
