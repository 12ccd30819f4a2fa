"""Chat delivery (WeCom, DingTalk, Feishu) against loopback robots that check keys, signatures and
sizes: formats, retries after a rate limit, failures that never block another channel, the
per-robot rate limit, secrets kept out of logs, and a sender killed between POST and mark-sent."""

from __future__ import annotations

import logging
import os
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from psycopg.types.json import Jsonb

from alerts import chat_outbox
from alerts.chat_formats import _LINK as LINK
from alerts.chat_formats import MAX_BYTES, build_messages, fit, link, pack, plain, size, wrap
from alerts.chat_outbox import deliver_chat_pending, requeue_chat
from alerts.digest import build_due_digests
from futurewatch.core.config import load_settings
from futurewatch.core.db import connect
from tests.alerts.chat_servers import Robots, robot_server
from tests.alerts.digests import seed_digest_events

DING_SECRET = "SECdingtalk-test-secret-0123456789"
FEISHU_SECRET = "feishu-test-secret-abcdef"
ROOT = Path(__file__).resolve().parents[2]


def hooks(base: str, *, ding_secret: str = DING_SECRET) -> list[dict]:
    return [{"kind": "wecom", "url": f"{base}/cgi-bin/webhook/send?key=wk"},
            {"kind": "dingtalk", "url": f"{base}/robot/send?access_token=dt", "secret": ding_secret},
            {"kind": "feishu", "url": f"{base}/open-apis/bot/v2/hook/fh", "secret_env": "FW_TEST_FEISHU_SECRET"}]


@pytest.fixture
def robots(monkeypatch):
    monkeypatch.setenv("FW_TEST_FEISHU_SECRET", FEISHU_SECRET)
    robots = Robots(dingtalk_secret=DING_SECRET, feishu_secret=FEISHU_SECRET)
    with robot_server(robots) as base:
        robots.base = base
        yield robots


def build_with_hooks(db: str, tmp_path, webhooks: list[dict], **env) -> datetime:
    now = seed_digest_events(db)
    with connect(db) as conn:
        conn.execute("UPDATE subscribers SET webhooks = %(w)s", {"w": Jsonb(webhooks)})
    settings = load_settings({"FUTUREWATCH_HOME": str(tmp_path), **env})
    assert build_due_digests(db, now=now, settings=settings).built == 1
    return now


def rows(db: str) -> dict[str, dict]:
    with connect(db) as conn:
        return {r["kind"]: r for r in conn.execute("SELECT * FROM chat_deliveries").fetchall()}


def test_each_robot_gets_its_own_format_signed_and_once(db_url, tmp_path, robots):
    build_with_hooks(db_url, tmp_path, hooks(robots.base), FUTUREWATCH_DIGEST_URL="https://digests.example/d/")
    summary = deliver_chat_pending(db_url, settings=load_settings())
    assert summary.sent == 3 and summary.errors == []
    wecom, ding, feishu = robots.of("wecom"), robots.of("dingtalk"), robots.of("feishu")
    assert len(wecom) == len(ding) == len(feishu) == 1  # signatures and keys accepted by the stand-ins
    content = wecom[0]["markdown"]["content"]
    assert len(content.encode("utf-8")) <= 4096 and content.startswith("## 未来产业动态摘要")
    assert "### 要闻" in content and "](https://" in content and "[查看完整摘要](https://digests.example/d/digest." in content
    assert ding[0]["msgtype"] == "markdown" and ding[0]["markdown"]["title"] == "未来产业动态摘要"
    card = feishu[0]["card"]
    assert feishu[0]["msg_type"] == "interactive" and card["header"]["title"]["content"] == "未来产业动态摘要"
    assert "**要闻**" in card["elements"][0]["text"]["content"]  # lark_md has no headings
    assert {r["status"] for r in rows(db_url).values()} == {"sent"}
    assert deliver_chat_pending(db_url, settings=load_settings()).sent == 0 and len(robots.posted) == 3  # nothing twice


def test_rate_limited_robot_is_retried_with_backoff_and_blocks_no_other(db_url, tmp_path, robots):
    build_with_hooks(db_url, tmp_path, hooks(robots.base))
    robots.fail_next["wecom"].append({"errcode": 45009, "errmsg": "api freq out of limit"})
    at = datetime.now(timezone.utc)
    first = deliver_chat_pending(db_url, at=at, settings=load_settings())
    assert first.sent == 2 and first.retrying == 1 and len(robots.of("wecom")) == 0
    row = rows(db_url)["wecom"]
    assert row["status"] == "pending" and "45009" in row["last_error"] and row["next_attempt_at"] >= at + timedelta(minutes=1)
    assert deliver_chat_pending(db_url, at=at, settings=load_settings()).sent == 0  # not before its backoff
    assert deliver_chat_pending(db_url, at=at + timedelta(minutes=2), settings=load_settings()).sent == 1
    assert len(robots.of("wecom")) == 1 and rows(db_url)["wecom"]["attempts"] == 2


def test_refused_signature_fails_after_retries_and_secrets_stay_out_of_logs(db_url, tmp_path, robots, caplog):
    build_with_hooks(db_url, tmp_path, hooks(robots.base, ding_secret="SECwrong-secret-never-logged"))
    caplog.set_level(logging.DEBUG)
    at = datetime.now(timezone.utc)
    for step in range(chat_outbox.MAX_ATTEMPTS):
        summary = deliver_chat_pending(db_url, at=at + timedelta(hours=2 * step), settings=load_settings())
    assert summary.failed == 1 and rows(db_url)["dingtalk"]["status"] == "failed"
    assert robots.of("dingtalk") == [] and len(robots.requests) == 2 + chat_outbox.MAX_ATTEMPTS
    assert "310000" in rows(db_url)["dingtalk"]["last_error"]
    with connect(db_url) as conn:
        stored_errors = " ".join(r["last_error"] or "" for r in conn.execute("SELECT last_error FROM chat_deliveries"))
    for secret in ("SECwrong-secret-never-logged", "access_token=dt", FEISHU_SECRET, "key=wk"):
        assert secret not in caplog.text and secret not in stored_errors


@pytest.mark.parametrize("url", ["https://oapi.example:port/robot/send?access_token=dt",
                                 "{base}/robot/send?access_token=钉钉", "{base}/机器人/send?access_token=dt",
                                 "http://robot..example/robot/send?access_token=dt"])
def test_a_robot_url_the_sender_cannot_post_to_fails_its_row_alone(db_url, tmp_path, robots, monkeypatch, url):
    """A malformed URL, non-ASCII after the host (http.client sends ASCII only) or a host with an empty
    label raised out of the pass after posting_at was set: no later row was posted, and the row became
    'in_doubt' ("may have been shown") though nothing was. It fails alone, its URL never in the error."""
    monkeypatch.setenv("FW_TEST_DING_URL", url.format(base=robots.base))
    build_with_hooks(db_url, tmp_path, [{"kind": "dingtalk", "url_env": "FW_TEST_DING_URL"}, hooks(robots.base)[0]])
    summary = deliver_chat_pending(db_url, settings=load_settings())
    assert summary.sent == 1 and summary.failed == 1 and len(robots.of("wecom")) == 1
    row = rows(db_url)["dingtalk"]
    assert row["status"] == "failed" and row["posting_at"] is None
    assert row["last_error"] == f"{row['channel']}: environment variable FW_TEST_DING_URL is not an http(s) URL"
    assert len(summary.errors) == 1 and "access_token" not in summary.errors[0]


def test_an_unreadable_webhook_entry_fails_its_row_alone(db_url, tmp_path, robots):
    """One hand-edited entry used to fail every row of the subscriber (each looked its entry up past
    the broken one); a secret stored as a number raised out of the pass while signing."""
    build_with_hooks(db_url, tmp_path, [*hooks(robots.base), {"kind": "dingtalk", "url": f"{robots.base}/robot/send?x=2",
                                                              "secret": DING_SECRET}])
    with connect(db_url) as conn:  # a hand edit after the digest was built
        conn.execute("UPDATE subscribers SET webhooks = %(w)s", {"w": Jsonb([
            {"kind": "wecom", "url": 42}, *hooks(robots.base)[1:],
            {"kind": "dingtalk", "url": f"{robots.base}/robot/send?x=2", "secret": 12345}])})
    summary = deliver_chat_pending(db_url, settings=load_settings())
    assert summary.failed == 2 and summary.sent == 2 and len(robots.of("dingtalk")) == len(robots.of("feishu")) == 1
    with connect(db_url) as conn:
        outcome = [(r["kind"], r["status"]) for r in conn.execute("SELECT kind, status FROM chat_deliveries "
                                                                   "ORDER BY status, kind").fetchall()]
    assert outcome == [("dingtalk", "failed"), ("wecom", "failed"), ("dingtalk", "sent"), ("feishu", "sent")]
    errors = " | ".join(sorted(summary.errors))
    assert "webhooks cannot be read (AttributeError" in errors and "the webhook secret is not text" in errors
    assert "12345" not in errors and all("\n" not in e for e in summary.errors)


def test_per_robot_rate_limit_defers_only_that_robot(db_url, tmp_path, robots, monkeypatch):
    monkeypatch.setattr(chat_outbox, "RATE_PER_MINUTE", 1)
    build_with_hooks(db_url, tmp_path, hooks(robots.base)[:1])
    with connect(db_url) as conn:  # a second digest for the same robot: another period of the subscriber
        conn.execute("INSERT INTO digests (subscriber_id, period_start, period_end, message_id, subject, body_text, "
                     "body_html) SELECT subscriber_id, period_start - interval '1 day', period_start, 'x@y', 's', 't', 'h' "
                     "FROM digests")
        conn.execute("INSERT INTO chat_deliveries (digest_id, channel, kind, messages) SELECT d.digest_id, c.channel, "
                     "c.kind, c.messages FROM digests d, chat_deliveries c WHERE d.message_id = 'x@y'")
    at = datetime.now(timezone.utc)
    summary = deliver_chat_pending(db_url, at=at, settings=load_settings())
    assert summary.sent == 1 and summary.deferred == 1 and len(robots.of("wecom")) == 1
    assert deliver_chat_pending(db_url, at=at + timedelta(seconds=61), settings=load_settings()).sent == 1 and len(robots.of("wecom")) == 2


CRASH_AFTER_POST = """
import os, sys
from alerts import chat_outbox
import futurewatch.core.sender as webhooks
original = webhooks.send_message
def post_then_die(*args, **kwargs):
    original(*args, **kwargs)
    os._exit(17)  # killed after the robot accepted the message, before it is marked sent
webhooks.send_message = post_then_die
from futurewatch.core.config import load_settings
chat_outbox.deliver_chat_pending(sys.argv[1], settings=load_settings())
"""


def test_sender_killed_between_post_and_mark_sent_posts_once(db_url, tmp_path, robots):
    build_with_hooks(db_url, tmp_path, hooks(robots.base)[:1])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FUTUREWATCH_HOME": str(tmp_path)}
    crashed = subprocess.run([sys.executable, "-c", CRASH_AFTER_POST, db_url], env=env, timeout=120,
                             capture_output=True)
    assert crashed.returncode == 17, crashed.stderr.decode()[-2000:]
    assert len(robots.of("wecom")) == 1 and rows(db_url)["wecom"]["status"] == "sending"
    later = datetime.now(timezone.utc) + chat_outbox.DEFAULT_LEASE + timedelta(seconds=1)
    summary = deliver_chat_pending(db_url, at=later, settings=load_settings())
    assert summary.in_doubt == 1 and summary.sent == 0 and len(robots.of("wecom")) == 1  # at most once
    row = rows(db_url)["wecom"]
    assert row["status"] == "in_doubt" and "may have been shown" in row["last_error"]
    assert deliver_chat_pending(db_url, at=later + timedelta(hours=1), settings=load_settings()).sent == 0 and len(robots.of("wecom")) == 1
    assert requeue_chat(db_url, row["digest_id"], row["channel"], at=later)  # ops' decision: resend
    assert deliver_chat_pending(db_url, at=later, settings=load_settings()).sent == 1 and len(robots.of("wecom")) == 2


def test_long_digest_is_split_within_the_byte_limit():
    blocks = ["## 未来产业动态摘要\n时段: 今天"] + [f"{i}. [{'很长的标题' * 30}](https://example.com/{i})\n> 省级 · 规则：政策"
                                                for i in range(1, 60)]
    texts = pack(blocks, "[查看完整摘要](https://example.com/full)", "另有 {n} 条，见完整摘要")
    assert len(texts) == 3 and all(len(t.encode("utf-8")) <= MAX_BYTES for t in texts)
    assert texts[-1].endswith("[查看完整摘要](https://example.com/full)") and "另有" in texts[-1]
    shown = sum(t.count("](https://example.com/") for t in texts) - 1
    left = int(texts[-1].split("另有 ")[1].split(" 条")[0])
    assert shown + left == 59  # every item is either shown or counted


def test_the_closing_link_never_pushes_a_part_over_the_robots_limit(robots):
    from futurewatch.core import sender

    closing = "[查看完整摘要](https://digests.example/futurewatch/digest.12.1764086400.1764172800_futurewatch.example.html)"
    items = [f"{i}. [{'量子通信网络开通' * 25}](https://c114.example.cn/{i}.html)\n> 省级 · 规则：量子" for i in range(1, 6)]
    head = "## 未来产业动态摘要\n时段: 2026-11-30 (Asia/Shanghai, UTC+8)"
    used = len("\n\n".join([head, *items]).encode("utf-8"))
    for room in range(0, 160, 8):  # the last item ends anywhere from the limit to 160 bytes before it
        last = "热" * ((MAX_BYTES - used - 2 - room) // 3)
        texts = pack([head, *items, last], closing, "另有 {n} 条，见完整摘要")
        assert texts[-1].endswith(closing) and sum(t.count(last) for t in texts) == 1
        for body in wrap("wecom", "未来产业动态摘要", texts):
            sender.send_message("wecom", f"{robots.base}/cgi-bin/webhook/send?key=wk", None, body)  # 40058 if > 4096
    assert len(robots.of("wecom")) >= 20


def test_scraped_text_cannot_become_markdown_or_markup():
    card = {"title": "[点我](javascript:alert(1)) <font color=red>**假**</font>", "url": "https://a.example/x (1)",
            "where": "省级", "reasons": ["规则：x"]}
    context = {"L": {"digest": "D", "period": "P", "sep": "；", "summary": "S", "top": "T", "full": "F", "more": "{n}",
                     "footer": "f", "new_entity": "N", "other": "o"},
               "period_label": "p", "summary": "s", "top": [card], "spikes": [], "entities": [], "full_url": None}
    content = build_messages("wecom", context)[0]["markdown"]["content"]
    assert "<font" not in content and "[点我](javascript" not in content and "**假**" not in content
    assert "(https://a.example/x%20%281%29)" in content


def test_an_oversized_block_is_never_cut_inside_a_link_or_bold():
    """fit() cut at the byte limit wherever it fell: inside [title](url) the group got a broken link
    (a bare "[量子…" and no URL)."""
    url = "https://c114.example.cn/2026/12/quantum-network-opens.html"
    block = f"- **2026-12-05** (3 天) [{'量子通信网络开通' * 40}]({url})\n> 省级 · 规则：量子"
    for limit in range(1, size(block) + 1, 13):
        cut = fit(block, limit)
        assert size(cut) <= max(limit, size("…")) and cut.count("**") in (0, 2), cut
        assert cut.count("[") == cut.count(f"]({url})"), cut  # no link, or the whole link
    assert fit(block, 200).startswith("- **2026-12-05** (3 天) [量子通信") and fit(block, 200).endswith(f"…]({url})")
    texts = pack(["## 摘要", block], "[完整摘要](https://example.com/full)", "另有 {n} 条", limit=1000)
    assert all(size(t) <= 1000 for t in texts) and sum(t.count(f"]({url})") for t in texts) == 1


def test_a_cut_block_is_within_its_limit_and_keeps_markup_whole_on_random_blocks():
    """A link with no text (an untitled page) counted as kept whole however little room was left, so
    fit() returned the whole link plus "…", over the limit; a limit under 3 bytes got "…" (3 bytes)."""
    rng = random.Random(5)
    words = ["量子", "e\u0301", "👨\u200d👩\u200d👧", "abc", " ", "，", "ｶﾞ", ""]

    def text(n: int) -> str:
        return "".join(rng.choice(words) for _ in range(rng.randint(0, n)))

    def part() -> str:
        kind = rng.randrange(3)
        if kind == 0:
            return link(text(20), f"https://a.example/{text(15)}")
        return f"**{plain(text(6)) or '量'}**" if kind == 1 else plain(text(30))

    for _ in range(3000):
        block = "- " + " ".join(part() for _ in range(rng.randint(1, 5)))
        limit = rng.randint(0, size(block) + 3)
        cut = fit(block, limit)
        bare = LINK.sub("", cut)
        assert size(cut) <= limit and "[" not in bare and "](" not in bare and bare.count("**") % 2 == 0, (block, limit)
    assert fit(f"- [](https://a.example/{'x' * 80})", 40) == "-…"


@pytest.mark.parametrize("space", ["\u3000", "\u00a0", "\u2028", "\x0b"])
def test_a_url_with_any_whitespace_stays_one_link_that_a_cut_keeps_whole(space):
    """Only ASCII space, tab and line breaks were escaped: with a full-width or no-break space in the URL
    fit() did not see the link and cut inside it (a bare "[量子…" and no URL)."""
    url = f"https://a.example/量子{space}新闻"
    block = "- " + link("量子通信网络开通" * 10, url)
    escaped = url.replace(space, "%" + "%".join(f"{b:02X}" for b in space.encode("utf-8")))
    assert block.endswith(f"]({escaped})")
    for limit in range(40, size(block), 7):
        cut = fit(block, limit)
        assert cut.count("[") == cut.count(f"]({escaped})") and size(cut) <= limit, cut


@pytest.mark.parametrize("emoji", ["👨\u200d👩\u200d👧", "👍🏽", "🇨🇳"])
def test_a_cut_block_keeps_an_emoji_sequence_or_a_flag_whole(emoji):
    for limit in range(3 * 10 + 3, 3 * 10 + size(emoji) + 3):
        cut = fit("量" * 10 + emoji + "尾" * 20, limit)
        assert cut in ("量" * 10 + "…", "量" * 10 + emoji + "…"), (limit, cut)


def test_a_url_with_a_line_break_or_angle_brackets_stays_one_link():
    card = {"title": "量子", "url": "https://a.example/x\ny<b>", "where": "省级", "reasons": ["规则：x"]}
    context = {"L": {"digest": "D", "period": "P", "sep": "；", "summary": "S", "top": "T", "full": "F", "more": "{n}",
                     "footer": "f", "new_entity": "N", "other": "o"},
               "period_label": "p", "summary": "s", "top": [card], "spikes": [], "entities": [],
               "full_url": "https://intranet.example/futurewatch digests/d.1.html"}
    content = build_messages("wecom", context)[0]["markdown"]["content"]
    assert "[量子](https://a.example/x%0Ay%3Cb%3E)" in content and "<b>" not in content
    assert content.endswith("[F](https://intranet.example/futurewatch%20digests/d.1.html)")


def test_chat_outbox_command_lists_and_requeues_without_secrets(db_url, tmp_path, robots, monkeypatch):
    from typer.testing import CliRunner

    from futurewatch.app.cli import app

    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("COLUMNS", "200")
    build_with_hooks(db_url, tmp_path, hooks(robots.base, ding_secret="SECnot-the-robots-secret"))
    at = datetime.now(timezone.utc)
    for step in range(chat_outbox.MAX_ATTEMPTS):
        deliver_chat_pending(db_url, at=at + timedelta(hours=2 * step), settings=load_settings())
    runner = CliRunner()
    listing = runner.invoke(app, ["alerts", "chat"], env={"COLUMNS": "80"})
    failed = rows(db_url)["dingtalk"]
    assert listing.exit_code == 0 and failed["channel"] in listing.output and "failed" in listing.output
    assert max(len(line) for line in listing.output.splitlines()) <= 80, listing.output
    assert "access_token" not in listing.output and "SECnot" not in listing.output and "127.0.0.1" not in listing.output
    requeued = runner.invoke(app, ["alerts", "chat", "--requeue", f"{failed['digest_id']}:{failed['channel']}"])
    assert requeued.exit_code == 0 and rows(db_url)["dingtalk"]["status"] == "pending"
    assert runner.invoke(app, ["alerts", "chat", "--requeue", "nonsense"]).exit_code == 2


def test_a_long_digest_reaches_the_robot_in_parts_within_its_limit(db_url, tmp_path, robots):
    from tests.alerts import archive as A

    seed_digest_events(db_url)
    tv = A.add_taxonomy(db_url)
    for i in range(40):
        doc = A.add_document(db_url, "c114", f"量子{i} " + "很长的标题文字" * 12, "量子")
        A.classify(db_url, A.current_version(db_url, doc), tv, {"quantum": ["量子"]})
    with connect(db_url) as conn:
        conn.execute("UPDATE subscribers SET webhooks = %(w)s, options = %(o)s",
                     {"w": Jsonb(hooks(robots.base)[:1]), "o": Jsonb({"top_items": 50})})
    from alerts.events import match_events

    now = datetime.now(timezone.utc)
    match_events(db_url, now=now, settings=load_settings())
    assert build_due_digests(db_url, now=now, settings=load_settings({"FUTUREWATCH_HOME": str(tmp_path)})).built == 1
    assert deliver_chat_pending(db_url, settings=load_settings()).sent == 1
    parts = [m["markdown"]["content"] for m in robots.of("wecom")]
    row = rows(db_url)["wecom"]
    assert len(parts) == row["parts_sent"] == len(row["messages"]) == 3  # split, in order, all confirmed
    assert all(len(p.encode("utf-8")) <= 4096 for p in parts)  # the stand-in refuses more (40058)
    assert parts[0].startswith("## 未来产业动态摘要") and "见完整摘要" in parts[-1]  # shortened, and says so


def test_chat_only_subscriber_gets_chat_and_no_email(db_url, tmp_path, robots):
    now = seed_digest_events(db_url)
    with connect(db_url) as conn:
        conn.execute("UPDATE subscribers SET email = NULL, name = '量子研究群', webhooks = %(w)s",
                     {"w": Jsonb(hooks(robots.base)[:1])})
    settings = load_settings({"FUTUREWATCH_HOME": str(tmp_path), "SMTP_HOST": "127.0.0.1", "SMTP_PORT": "9"})
    assert build_due_digests(db_url, now=now, settings=settings).built == 1
    with connect(db_url) as conn:
        assert conn.execute("SELECT count(*) AS n FROM deliveries").fetchone()["n"] == 0  # nobody to mail
    assert deliver_chat_pending(db_url, settings=load_settings()).sent == 1 and len(robots.of("wecom")) == 1
