"""FUTUREWATCH_OPS_WEBHOOKS: a YAML file of webhooks like a subscriber's, or the old comma-separated
URLs (each a generic `json` webhook). Bad settings give one line naming the problem, never a secret;
the notice bodies fit each robot's format and size."""

from __future__ import annotations

from pathlib import Path

import pytest

from alerts.channels import ChannelError
from alerts.chat_formats import MAX_BYTES
from futurewatch.app.ops_messages import bodies_for
from futurewatch.app.ops_notify import TaskFailure
from futurewatch.app.ops_webhooks import MAX_FILE_BYTES, MAX_WEBHOOKS, parse_ops_webhooks

SECRET = "SECsuper-secret-value-42"


def write(tmp_path, text: str) -> str:
    path = tmp_path / "ops.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_legacy_comma_separated_urls_are_json_webhooks():
    hooks = parse_ops_webhooks(" https://chat.example/hooks/a , http://127.0.0.1:9/b ")
    assert [(h.kind, h.url) for h in hooks] == [("json", "https://chat.example/hooks/a"),
                                                ("json", "http://127.0.0.1:9/b")]
    assert parse_ops_webhooks("") == [] and parse_ops_webhooks(None) == []


def test_yaml_file_takes_every_kind_with_inline_or_environment_secrets(tmp_path, monkeypatch):
    monkeypatch.setenv("OPS_DING_SECRET", SECRET)
    hooks = parse_ops_webhooks(write(tmp_path, (
        "webhooks:\n"
        "  - {kind: wecom, url: 'https://qyapi.example/cgi-bin/webhook/send?key=k'}\n"
        "  - {kind: dingtalk, url: 'https://oapi.example/robot/send?access_token=t', secret_env: OPS_DING_SECRET}\n"
        "  - {kind: feishu, url_env: OPS_FEISHU_URL, secret: fs}\n"
        "  - {kind: json, url: 'https://chat.example/hooks/a'}\n")))
    assert [h.kind for h in hooks] == ["wecom", "dingtalk", "feishu", "json"]
    assert hooks[1].resolve()[1] == SECRET
    with pytest.raises(ChannelError, match="OPS_FEISHU_URL is not set"):
        hooks[2].resolve()


@pytest.mark.parametrize("text, message", [
    ("webhooks: [{kind: teams, url: 'https://x.example/h'}]", "webhook 1: every webhook needs a kind, one of "
                                                                "wecom, dingtalk, feishu, json"),
    (f"webhooks: [{{kind: json, url: 'https://x.example/h', secret: {SECRET}}}]", "json webhooks are not signed"),
    (f"webhooks: [{{kind: wecom, url: 'https://x.example/h?key={SECRET}', token: 1}}]", "unknown keys token"),
    ("webhooks: [{kind: dingtalk, url: 'ftp://x.example/h'}]", "url must be an http(s) URL"),
    ("webhooks: [{kind: feishu}]", "needs exactly one of url or url_env"),
    ("hooks: []", "needs a top-level `webhooks:` list"),
    ("webhooks: [unclosed\n  - x", "not valid YAML (line"),
])
def test_bad_file_is_one_line_without_secrets(tmp_path, text, message):
    with pytest.raises(ChannelError) as raised:
        parse_ops_webhooks(write(tmp_path, text))
    error = str(raised.value)
    assert message in error and "\n" not in error and SECRET not in error
    assert error.startswith("FUTUREWATCH_OPS_WEBHOOKS file ")


def test_bad_legacy_value_missing_file_and_limits(tmp_path):
    with pytest.raises(ChannelError, match=r"URLs\), webhook 2: json webhook url must be an http\(s\) URL"):
        parse_ops_webhooks("https://chat.example/a,mailto:ops@example.org")
    with pytest.raises(ChannelError, match="no such file .give a YAML file or comma-separated http.s. URLs."):
        parse_ops_webhooks(str(tmp_path / "missing.yaml"))
    many = "webhooks:\n" + "".join(f"  - {{kind: json, url: 'https://x.example/{n}'}}\n" for n in range(MAX_WEBHOOKS + 1))
    with pytest.raises(ChannelError, match=f"more than {MAX_WEBHOOKS} webhooks"):
        parse_ops_webhooks(write(tmp_path, many))
    with pytest.raises(ChannelError, match=f"larger than {MAX_FILE_BYTES} bytes"):
        parse_ops_webhooks(write(tmp_path, "#" * (MAX_FILE_BYTES + 1)))


def test_notice_bodies_fit_each_format_and_bound_the_url_list():
    failures = [{"url": f"https://www.example.gov.cn/list_{n}.html?page={n}", "reason": "http_404", "kind": "listing"}
                for n in range(20)]
    failure = TaskFailure("crawl_sources", "crawl", "manual__1", "boom [x](javascript:alert(1)) " * 200, "miit",
                          failures, 250, "http://airflow.example/log")
    [wecom] = bodies_for("wecom", failure)
    [ding] = bodies_for("dingtalk", failure)
    [feishu] = bodies_for("feishu", failure)
    [generic] = bodies_for("json", failure)
    content = wecom["markdown"]["content"]
    assert len(content.encode("utf-8")) <= MAX_BYTES and content.endswith("[Task log](http://airflow.example/log)")
    assert "](javascript:" not in content  # exception text cannot become a link
    assert ding["markdown"]["text"] == content and ding["markdown"]["title"] == "[futurewatch] crawl failed: miit"
    assert feishu["msg_type"] == "interactive" and "**Source**: miit" in feishu["card"]["elements"][0]["text"]["content"]
    assert generic["source_id"] == "miit" and len(generic["failing_urls"]) == 20
    assert "Failing URLs (20 of 250):" in generic["text"]
    assert content.count("](https://www.example.gov.cn/list_") == 20  # a long error does not crowd out the URLs


def test_rate_limited_robot_is_retried_and_a_dead_one_blocks_no_other(monkeypatch, caplog):
    from futurewatch.app import ops_webhooks
    from futurewatch.core import sender
    from tests.alerts.chat_servers import Robots, robot_server
    from tests.alerts.smtp_servers import free_port

    monkeypatch.setattr(sender, "BACKOFF_S", 0.01)
    robots = Robots(dingtalk_secret=SECRET)
    robots.fail_next["dingtalk"].append({"errcode": 130101, "errmsg": "send too fast"})
    failure = TaskFailure("match_alerts", "match", "manual__1", "boom")
    with robot_server(robots) as base:
        hooks = parse_ops_webhooks(f"http://127.0.0.1:{free_port()}/dead?token={SECRET}")
        hooks += ops_webhooks.checked([{"kind": "dingtalk", "url": f"{base}/robot/send?access_token=dt",
                                        "secret": SECRET}], "test")
        outcomes = ops_webhooks.post_all(hooks, lambda kind: bodies_for(kind, failure))
    assert outcomes[0].startswith("json:") and "failed: NotSent: cannot connect to 127.0.0.1" in outcomes[0]
    assert outcomes[1].endswith("posted") and len(robots.of("dingtalk")) == 1
    assert [k for k, _ in robots.requests] == ["dingtalk", "dingtalk"]  # refused once, then posted
    assert SECRET not in caplog.text + " ".join(outcomes)


def test_the_shipped_example_file_parses():
    hooks = parse_ops_webhooks(str(Path(__file__).resolve().parents[2] / "alerts" / "ops_webhooks.example.yaml"))
    assert [h.kind for h in hooks] == ["wecom", "dingtalk", "feishu", "json"]


def test_a_broken_webhook_setting_never_stops_the_mail(tmp_path, monkeypatch):
    from futurewatch.core.config import load_settings
    from futurewatch.app.ops_notify import notify_ops

    monkeypatch.delenv("FUTUREWATCH_SMTP_CONN_ID", raising=False)
    monkeypatch.delenv("AIRFLOW_CTX_DAG_ID", raising=False)
    settings = load_settings({"FUTUREWATCH_HOME": str(tmp_path), "FUTUREWATCH_OPS_EMAIL": "ops@example.org",
                              "FUTUREWATCH_OPS_WEBHOOKS": str(tmp_path / "missing.yaml")})
    failure = TaskFailure("send_digests", "send", "scheduled__2026-03-09T00:00:00+00:00", "relay down")
    mail_path, webhooks = notify_ops(failure, settings)
    assert Path(mail_path).name == "send-failed-send_digests-scheduled__2026-03-09T00_00_00_00_00.eml"
    assert "Subject: [futurewatch] send failed: send_digests" in Path(mail_path).read_text(encoding="utf-8")
    assert webhooks.startswith("webhooks failed: FUTUREWATCH_OPS_WEBHOOKS file ") and "no such file" in webhooks


def test_long_urls_are_listed_whole_while_they_fit_then_counted():
    failures = [{"url": f"https://www.example.gov.cn/{'a' * 400}/{n}", "reason": "timeout", "kind": "detail"}
                for n in range(20)]
    [body] = bodies_for("wecom", TaskFailure("crawl_sources", "crawl", "r", "boom", "gd_gov", failures, 20))
    content = body["markdown"]["content"]
    listed = content.count("](https://www.example.gov.cn/")
    assert size_ok(content) and 0 < listed < 20
    assert f"- {20 - listed} more: see the mail" in content and content.endswith("Runbook: docs/operations.md")


def size_ok(text: str) -> bool:
    return len(text.encode("utf-8")) <= MAX_BYTES


def test_a_url_no_request_can_carry_is_not_sent_and_raises_nothing_else():
    """The sender's callers handle NotSent, InDoubt and Refused; a URL that http.client refuses while building
    the request (a non-ASCII path, a control character, an over-long host label) raised ValueError instead."""
    from futurewatch.core import sender
    from tests.alerts.chat_servers import Robots, robot_server

    robots = Robots()
    with robot_server(robots) as base:
        for url in (f"{base}/机器人/send?key=1", f"{base}/robot/send?key=a\x01b", f"http://{'a' * 64}.example/send"):
            with pytest.raises(sender.NotSent):
                sender.send_message("json", url, None, {"text": "x"})
    assert robots.requests == []


@pytest.mark.parametrize("url", ["http:///robot/send", "https://:8443/robot/send", "http://[::1/robot/send",
                                 "http://a b.example/robot/send", "http://robot.example\x00/send"])
def test_a_url_without_a_usable_host_is_not_sent(url):
    """No host, an unclosed IPv6 bracket, a space or NUL in the host: http.client or urlsplit refuse them before
    any connection (AttributeError, TypeError, ValueError, InvalidURL), which escaped every caller of the sender."""
    from futurewatch.core import sender

    with pytest.raises(sender.NotSent):
        sender.send_message("json", url, None, {"text": "x"})
