"""policy_deadline end to end (rule in a YAML file → event → digest in the outbox), and a new
policy's level, 文号, what it implements and its main measures in the digest."""

from __future__ import annotations

import email
import email.policy
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from alerts.chat_formats import build_messages
from alerts.digest import build_draft, select_events
from alerts.pipeline import load_subscribers, match_events, send_due_digests
from alerts.rules import RuleError, compile_rule, Catalog
from futurewatch.core.db import connect
from parsers.process import process_pending
from tests.alerts import browser
from tests.parsers.test_parsers_process import add_fetch, add_sources, rows
from tests.policy.test_policy_store import CITY, PROVINCIAL, WHEN
from futurewatch.core.config import load_settings

SUBSCRIBERS = """
subscribers:
  - email: deadlines@example.com
    name: 截止提醒
    cadence: immediate
    language: zh
    rules:
      - name: 一周内截止
        type: policy_deadline
        days: 7
      - name: 三天内截止
        type: policy_deadline
        days: 3
      - name: 广州政策
        type: new_policy
        doc_number_prefixes: [穗府]
"""


@pytest.fixture
def archive(fw_env, tmp_path):
    url = fw_env.db_url
    add_sources(url)
    for day, (page_url, markup) in enumerate((PROVINCIAL, CITY)):
        add_fetch(url, "gd_gov", page_url, markup.encode(), WHEN + timedelta(days=day))
    assert process_pending(url, settings=load_settings()).failed == 0
    path = tmp_path / "subscribers.yaml"
    path.write_text(SUBSCRIBERS, encoding="utf-8")
    load_subscribers(url, str(path))
    return fw_env


def events(db_url: str) -> list[dict]:
    return rows(db_url, "SELECT r.name, e.event_key, e.section, e.payload FROM alert_events e JOIN alert_rules r USING (rule_id)"
                     " ORDER BY r.name, e.event_key")


def digest_text(settings) -> tuple[str, str]:
    [path] = list(settings.outbox_dir.rglob("*.eml"))
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    return message.get_body(("plain",)).get_content(), message.get_body(("html",)).get_content()


def test_deadline_rule_fires_days_before_and_reaches_the_digest(archive):
    url = archive.db_url
    now = datetime(2024, 3, 15, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))  # the city page's 申报截止 is 2024-03-20
    match_events(url, now=now, settings=archive)
    deadline = [e for e in events(url) if e["section"] == "deadline"]
    assert [(e["name"], e["payload"]["due_on"], e["payload"]["days_left"]) for e in deadline] == [
        ("一周内截止", "2024-03-20", 5)]  # the 3-day rule waits
    assert deadline[0]["payload"]["deadline_text"] == "申报截止时间为2024年3月20日。"
    match_events(url, now=now + timedelta(hours=1), settings=archive)  # a rerun raises nothing new
    assert len([e for e in events(url) if e["section"] == "deadline"]) == 1
    summary = send_due_digests(url, now=now + timedelta(hours=1), settings=archive)
    assert summary.sent == 1, summary
    text, html = digest_text(archive)
    assert "== 截止提醒 (1) ==" in text and "1 项截止提醒" in text
    assert "截止: 2024-03-20 (剩余 5 天) 广州市促进未来产业发展若干措施" in text
    assert "市级 · 穗府办规〔2024〕3号 · 申报截止时间为2024年3月20日。" in text
    assert "截止: <b style=\"color:#b45309;\">2024-03-20</b> (剩余 5 天)" in html


def test_deadline_outside_the_window_or_past_raises_nothing(archive):
    url = archive.db_url
    match_events(url, now=datetime(2024, 3, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")), settings=archive)
    match_events(url, now=datetime(2024, 3, 21, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")), settings=archive)
    assert [e for e in events(url) if e["section"] == "deadline"] == []


def test_new_policy_in_digest_shows_level_number_implements_and_measures(archive):
    url = archive.db_url
    now = datetime.now(ZoneInfo("Asia/Shanghai"))  # new-policy events date from when the version was stored
    match_events(url, now=now, settings=archive)
    [event] = [e for e in events(url) if e["name"] == "广州政策"]
    policy = event["payload"]["policy"]
    assert policy["level"] == "city" and policy["region"] == "广州市"
    assert policy["implements"] == ["广东省工业和信息化厅等六部门关于印发广东省培育发展未来电子信息产业集群行动计划的通知"]
    assert [(m["kind"], m["amount"]) for m in policy["measures"]] == [("funding", "1000万元"), ("deadline", None)]
    send_due_digests(url, now=now, settings=archive)
    text, html = digest_text(archive)
    assert "层级: 市级 (广州市) · 文号: 穗府办规〔2024〕3号" in text
    assert "市级 · 广州市 · 穗府办规〔2024〕3号" in text  # the top item says where it belongs
    assert "贯彻落实: 《广东省工业和信息化厅等六部门关于印发" in text
    assert "资金 1000万元: 对新认定的未来产业科技园，给予最高1000万元奖励。" in text
    assert "市级" in html and "1000万元" in html


@pytest.mark.parametrize("days", [0, -3, 400, "7", True])
def test_deadline_rule_refuses_bad_days(days):
    with pytest.raises(RuleError, match="days must be"):
        compile_rule({"rule_id": 1, "subscriber_id": 1, "name": "x", "rule_type": "policy_deadline",
                      "params": {"days": days}}, Catalog())


def test_deadline_rule_filters_issuers_and_number_prefixes_as_new_policy_does():
    from alerts.deadlines import _wanted

    def rule(**params):
        return compile_rule({"rule_id": 1, "subscriber_id": 1, "name": "x", "rule_type": "policy_deadline",
                             "params": params}, Catalog())
    row = {"source_id": "gd_gov", "kind": "policy", "issuers": ["广州市人民政府办公厅"], "level": "city",
           "doc_number": " 穗府办规〔2024〕3号"}
    assert _wanted(rule(), row)
    assert _wanted(rule(issuers=["广州市人民政府"], doc_number_prefixes=["穗府"]), row)  # the number's space: trimmed
    assert not _wanted(rule(issuers=["深圳市"]), row)
    assert not _wanted(rule(doc_number_prefixes=["粤府"]), row)
    assert not _wanted(rule(sources=["govcn"]), row)


def draft_with_deadline_and_policy(settings):
    """One digest holding both the new Guangzhou policy and its deadline reminder."""
    url = settings.db_url
    match_events(url, now=datetime(2024, 3, 15, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")), settings=settings)
    now, start = datetime.now(ZoneInfo("Asia/Shanghai")), datetime(2024, 1, 1, tzinfo=ZoneInfo("UTC"))
    match_events(url, now=now, settings=settings)
    with connect(url) as conn:
        subscriber = conn.execute("SELECT * FROM subscribers").fetchone()
        found = select_events(conn, subscriber["subscriber_id"], start, now, include_sent=True)
        return build_draft(conn, subscriber, found, start, now, settings)


def test_chat_message_names_deadline_implements_and_first_measure(archive):
    draft = draft_with_deadline_and_policy(archive)
    [message] = build_messages("wecom", draft.context)
    content = message["markdown"]["content"]
    assert "### 截止提醒 (1)" in content and "**2024-03-20** (剩余 5 天)" in content
    assert "> 贯彻落实 《广东省工业和信息化厅等六部门关于印发" in content
    assert "资金 1000万元: 对新认定的未来产业科技园" in content
    assert "市级 · 广州市 · 穗府办规〔2024〕3号" in content


LEVEL_RULES = """
subscribers:
  - email: levels@example.com
    cadence: immediate
    rules:
      - {name: 市级政策, type: new_policy, levels: [city]}
      - {name: 市级政策（旧词）, type: new_policy, levels: [municipal]}
      - {name: 区县政策, type: new_policy, levels: [district, county]}
      - {name: 省级政策, type: new_policy, levels: [provincial]}
"""


def test_new_policy_levels_take_the_stored_words_and_the_old_ones(archive, tmp_path):
    url = archive.db_url
    path = tmp_path / "levels.yaml"
    path.write_text(LEVEL_RULES, encoding="utf-8")
    load_subscribers(url, str(path))
    match_events(url, now=datetime.now(ZoneInfo("Asia/Shanghai")), settings=archive)
    fired = {(e["name"], e["payload"]["doc_number"], e["payload"]["level"]) for e in events(url)
             if e["name"].endswith(("政策", "（旧词）")) and e["name"] != "广州政策"}
    assert fired == {("市级政策", "穗府办规〔2024〕3号", "municipal"), ("市级政策（旧词）", "穗府办规〔2024〕3号", "municipal"),
                     ("省级政策", "粤工信电子〔2024〕2号", "provincial")}


def test_new_policy_refuses_an_unknown_level_word():
    with pytest.raises(RuleError, match="levels must be among national, provincial, city, district"):
        compile_rule({"rule_id": 1, "subscriber_id": 1, "name": "x", "rule_type": "new_policy",
                      "params": {"levels": ["town"]}}, Catalog())


@pytest.mark.skipif(not browser.available(), reason="needs Debian's chromium and chromium-driver")
def test_policy_sections_fit_a_phone_in_headless_chromium(archive, tmp_path):
    draft = draft_with_deadline_and_policy(archive)
    page_file = tmp_path / "digest.html"
    page_file.write_text(draft.html, encoding="utf-8")
    with browser.browser(tmp_path / "profile") as page:
        page.open(page_file, 390)
        scroll, inner = page.widths()
        assert inner == 390 and scroll <= inner, f"sideways scroll at 390px: {scroll} > {inner}"
        shown = page.run("return document.body.innerText")
        page.screenshot(tmp_path / "policy-390.png", 390)
    assert "截止提醒 (1)" in shown and "主要措施" in shown and "层级: 市级 (广州市)" in shown
