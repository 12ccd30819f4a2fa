"""Malformed subscriber files give one-line errors naming the subscriber and rule."""

import pytest

from alerts.subscribers import SubscriberError, read_subscribers


@pytest.mark.parametrize("params", ["[1, 2]", "just text"])
def test_rule_params_that_are_not_a_mapping_are_refused(tmp_path, params):
    path = tmp_path / "subs.yaml"
    path.write_text(
        "subscribers:\n"
        "  - email: a@example.org\n"
        "    rules:\n"
        f"      - {{name: q, type: keyword, params: {params}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(SubscriberError) as info:
        read_subscribers(path)
    assert "a@example.org" in str(info.value) and "params must be a mapping" in str(info.value)


CHAT_ONLY = """
subscribers:
  - name: 量子群
    view: guangzhou
    top_items: 5
    chart_days: 30
    webhooks:
      - kind: wecom
        url: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key-1
      - kind: dingtalk
        url: https://oapi.dingtalk.com/robot/send?access_token=secret-token-2
        secret_env: DING_SECRET
    rules:
      - {name: q, type: keyword, query: 量子}
"""


def test_chat_only_subscriber_is_upserted_by_name(tmp_path, db_url):
    from alerts.subscribers import load_subscribers
    from futurewatch.core.db import connect

    path = tmp_path / "chat.yaml"
    path.write_text(CHAT_ONLY, encoding="utf-8")
    sub = read_subscribers(path)[0]
    assert sub.email is None and [w["kind"] for w in sub.webhooks] == ["wecom", "dingtalk"]
    assert sub.options == {"view": "guangzhou", "top_items": 5, "chart_days": 30}
    first = load_subscribers(db_url, path)
    assert load_subscribers(db_url, path) == first  # an upsert, not a second row
    with connect(db_url) as conn:
        row = conn.execute("SELECT email, name, webhooks, options FROM subscribers").fetchone()
    assert row["email"] is None and row["name"] == "量子群" and row["webhooks"][1]["secret_env"] == "DING_SECRET"


def test_chat_only_subscriber_is_listed(tmp_path, fw_env, monkeypatch):
    from typer.testing import CliRunner

    from futurewatch.app.cli import app

    monkeypatch.setenv("COLUMNS", "200")
    path = tmp_path / "chat.yaml"
    path.write_text(CHAT_ONLY, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["alerts", "load", str(path)]).exit_code == 0
    listing = runner.invoke(app, ["alerts", "list"])
    assert listing.exit_code == 0 and "量子群 (chat only)" in listing.output
    assert "secret-key-1" not in listing.output and "secret-token-2" not in listing.output


@pytest.mark.parametrize("entry, message", [
    ("webhooks: [{kind: slack, url: 'https://x.example/s?key=k1'}]", "kind, one of wecom, dingtalk, feishu"),
    ("webhooks: [{kind: wecom, url: 'ftp://x.example/s?key=k1'}]", "must be an http(s) URL"),
    ("webhooks: [{kind: wecom, url: 'https://x.example:port/s?key=k1'}]", "must be an http(s) URL"),
    ("webhooks: [{kind: wecom, url: 'https://x.example/s?key=k1 k2'}]", "must be an http(s) URL"),
    ("webhooks: [{kind: wecom, url: 'https://x.example/s?key=k1密钥'}]", "must be an http(s) URL"),
    ("webhooks: [{kind: wecom, url: 'https://x..example/s?key=k1'}]", "must be an http(s) URL"),
    ("webhooks: [{kind: wecom, url: 'https://x.example/s?key=k1', secret: s3cr3t}]", "not signed"),
    ("webhooks: [{kind: feishu, url: 'https://x.example/h/k1', secret: s3cr3t, secret_env: S}]", "not both"),
    ("view: shanghai", "view must be one of"),
    ("chart_days: 7", "chart_days must be 14 or 30"),
    ("unsubscribe: 'http://x.example/u'", "mailto: or https:"),
])
def test_bad_webhooks_and_options_are_one_line_without_secrets(tmp_path, entry, message):
    path = tmp_path / "subs.yaml"
    path.write_text(f"subscribers:\n  - email: a@example.org\n    {entry}\n    rules: []\n", encoding="utf-8")
    with pytest.raises(SubscriberError) as info:
        read_subscribers(path)
    text = str(info.value)
    assert message in text and "a@example.org" in text and "\n" not in text
    assert "k1" not in text and "s3cr3t" not in text
