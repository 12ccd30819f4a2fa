"""`futurewatch alerts …` and `futurewatch digest …` through the real CLI on a real database."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from alerts.subscribers import DEMO_SUBSCRIBERS, EXAMPLE_SUBSCRIBERS, read_subscribers
from futurewatch.app.cli import app
from futurewatch.core.db import connect
from tests.alerts import archive as A
from tests.alerts.digests import seed_digest_events

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "240")


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_example_and_demo_files_parse():
    assert len(read_subscribers(EXAMPLE_SUBSCRIBERS)) == 2
    demo = read_subscribers(DEMO_SUBSCRIBERS)
    assert {s.cadence for s in demo} == {"immediate"}
    types = {r.rule_type for s in demo for r in s.rules}
    assert types == {"keyword", "category", "entity", "first_seen_entity", "new_policy", "changed", "spike"}


def test_load_list_add_and_prune(fw_env, tmp_path):
    result = invoke("alerts", "load", str(EXAMPLE_SUBSCRIBERS))
    assert result.exit_code == 0 and "2 subscriber(s)" in result.output
    assert invoke("alerts", "load", str(EXAMPLE_SUBSCRIBERS)).exit_code == 0  # idempotent
    added = invoke("alerts", "add", "analyst@example.com", "--rule", "6G", "--type", "keyword",
                   "--params", '{"query": "6G OR 太赫兹"}')
    assert added.exit_code == 0
    listing = invoke("alerts", "list")
    assert "analyst@example.com" in listing.output and "6G" in listing.output
    with connect(fw_env.db_url) as conn:
        rules = conn.execute("SELECT count(*) AS n, count(*) FILTER (WHERE active) AS active FROM alert_rules").fetchone()
        in_file = sum(len(s.rules) for s in read_subscribers(EXAMPLE_SUBSCRIBERS))
        assert rules["n"] == rules["active"] == in_file + 1  # the file's rules + the one added
    small = tmp_path / "small.yaml"
    small.write_text("subscribers:\n  - email: analyst@example.com\n    rules:\n      - {name: q, type: keyword, query: 量子}\n",
                     encoding="utf-8")
    assert invoke("alerts", "load", str(small)).exit_code == 0
    with connect(fw_env.db_url) as conn:
        active = conn.execute("SELECT r.name FROM alert_rules r JOIN subscribers s USING (subscriber_id) "
                              "WHERE s.email = 'analyst@example.com' AND r.active").fetchall()
    assert [r["name"] for r in active] == ["q"]


def test_bad_input_is_one_line(fw_env, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("subscribers:\n  - email: a@b.c\n    rules:\n      - {name: x, type: keyword, query: '(量子'}\n",
                   encoding="utf-8")
    result = runner.invoke(app, ["alerts", "load", str(bad)])
    assert result.exit_code == 2 and "unclosed parenthesis" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["alerts", "add", "a@b.c", "--rule", "r", "--type", "nope"])
    assert result.exit_code == 2 and "unknown rule_type" in result.output
    assert runner.invoke(app, ["alerts", "test", "nobody"]).exit_code == 2


def test_trial_preview_send_and_outbox(fw_env, tmp_path):
    url = fw_env.db_url
    now = seed_digest_events(url)
    trial = invoke("alerts", "test", "reader@example.com")
    assert trial.exit_code == 0 and "量子 (keyword)" in trial.output and "粤工信 (new_policy): 1 match" in trial.output
    out = tmp_path / "preview.html"
    preview = invoke("digest", "preview", "--subscriber", "reader@example.com", "--out", str(out),
                     "--now", now.isoformat())
    assert preview.exit_code == 0 and out.exists() and "政策文件" in out.read_text(encoding="utf-8")
    assert "due now" in preview.output
    sent = invoke("digest", "send", "--now", now.isoformat())
    assert sent.exit_code == 0 and "1 built" in sent.output and "1 sent" in sent.output
    assert len(list((fw_env.outbox_dir).glob("*.eml"))) == 1
    outbox = invoke("alerts", "outbox")
    assert "reader@example.com" in outbox.output and "sent" in outbox.output
    today = now.astimezone(ZoneInfo("Asia/Shanghai")).date().isoformat()
    past = invoke("digest", "preview", "--subscriber", "reader@example.com", "--period", f"2020-01-01..{today}",
                  "--out", str(tmp_path / "past.html"))
    assert past.exit_code == 0 and "written to" in past.output  # B is included: today's events are in
    before = invoke("digest", "preview", "--subscriber", "reader@example.com", "--period", "2020-01-01..2020-01-02",
                    "--out", str(tmp_path / "before.html"))
    assert before.exit_code == 0 and "empty digest" in before.output


def test_preview_without_options_shows_the_latest_period_with_events(fw_env):
    url = fw_env.db_url
    now = seed_digest_events(url)
    assert invoke("digest", "send", "--now", now.isoformat()).exit_code == 0  # everything sent: nothing due
    later = (now + timedelta(days=3)).isoformat()
    result = invoke("digest", "preview", "--now", later)
    assert result.exit_code == 0 and "the latest period with events" in result.output, result.output
    written = fw_env.home / "preview-1.html"
    assert written.exists() and "量子通信网络开通" in written.read_text(encoding="utf-8")


def test_digest_send_exits_1_when_a_chat_delivery_fails(fw_env, monkeypatch):
    """A chat delivery that failed for good (or is in doubt) needs ops as a refused e-mail does: `digest
    send` exited 0 for it, and `futurewatch run` said its digests stage was fine."""
    from psycopg.types.json import Jsonb

    monkeypatch.delenv("FW_TEST_UNSET_ROBOT_URL", raising=False)
    now = seed_digest_events(fw_env.db_url)
    with connect(fw_env.db_url) as conn:
        conn.execute("UPDATE subscribers SET webhooks = %(w)s",
                     {"w": Jsonb([{"kind": "wecom", "url_env": "FW_TEST_UNSET_ROBOT_URL"}])})
    result = runner.invoke(app, ["digest", "send", "--now", now.isoformat()])
    assert result.exit_code == 1, result.output
    assert "1 sent" in result.output and "chat: 0 sent" in result.output and "1 failed, 0 in doubt" in result.output
    assert "error: 1 digest(s) failed or in doubt" in result.output


def test_now_without_an_offset_is_a_time_in_the_zone_people_are_shown(fw_env):
    """`--now 2026-12-07T20:00` is 20:00 in Asia/Shanghai (FUTUREWATCH_TIMEZONE), as every time the
    CLI shows: the due daily period is the 6th. It was read as UTC (04:00 on the 8th in Shanghai)."""
    A.add_subscriber(fw_env.db_url, "day@example.com", [("q", "keyword", {"query": "量子"})], cadence="daily")
    naive = invoke("digest", "preview", "--subscriber", "day@example.com", "--now", "2026-12-07T20:00")
    assert "2026-12-06 00:00 → 2026-12-07 00:00 (Asia/Shanghai)" in naive.output, naive.output
    utc = invoke("digest", "preview", "--subscriber", "day@example.com", "--now", "2026-12-07T20:00Z")
    assert "2026-12-07 00:00 → 2026-12-08 00:00 (Asia/Shanghai)" in utc.output, utc.output
    assert "FUTUREWATCH_TIMEZONE" in " ".join(invoke("digest", "send", "--help").output.split())
    bad = runner.invoke(app, ["digest", "send", "--now", "next monday"])
    assert bad.exit_code == 2 and bad.output.strip() == "error: --now 'next monday' is not an ISO 8601 time"


def test_digest_send_prints_a_servers_refusal_as_it_was_given(fw_env, monkeypatch):
    """The error lines of `digest send` were read as rich markup: a reply holding `[/policy]` crashed
    the command with a traceback after the sends, and `[https://…]` vanished from the line."""
    from tests.alerts.smtp_servers import Recorder, smtp_server

    reply = "550 5.7.1 refused by [/policy], see [https://mail.example.org/why]"
    now = seed_digest_events(fw_env.db_url)
    with smtp_server(Recorder(refuse_rcpt=reply)) as port:
        for key, value in {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port), "SMTP_SECURITY": "none",
                           "SMTP_FROM": "digests@futurewatch.example"}.items():
            monkeypatch.setenv(key, value)
        result = runner.invoke(app, ["digest", "send", "--now", now.isoformat()])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert "refused by [/policy], see [https://mail.example.org/why]" in " ".join(result.output.split())


def run_futurewatch(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    """The `futurewatch` entry point as a person runs it: (exit code, stderr)."""
    from futurewatch.app.cli import run_cli

    monkeypatch.setattr("sys.argv", ["futurewatch", *args])
    with pytest.raises(SystemExit) as done:
        run_cli()
    return done.value.code, capsys.readouterr().err


def test_now_in_a_zone_with_daylight_saving_is_read_or_refused_in_one_line(fw_env, monkeypatch, capsys):
    """In Europe/Berlin, 02:30 on 29 March 2026 never happens and 02:30 on 25 October happens twice:
    both were taken silently (the first as a time an hour off). A bad FUTUREWATCH_TIMEZONE was
    reported as a bad --now."""
    monkeypatch.setenv("FUTUREWATCH_TIMEZONE", "Europe/Berlin")
    code, err = run_futurewatch(monkeypatch, capsys, "digest", "send", "--now", "2026-03-29T02:30")
    assert code == 2 and err.count("\n") == 1, err
    assert err.startswith("error: --now '2026-03-29T02:30' does not exist in Europe/Berlin"), err
    code, err = run_futurewatch(monkeypatch, capsys, "digest", "send", "--now", "2026-10-25T02:30")
    assert code == 2 and err.count("\n") == 1, err
    assert "occurs twice in Europe/Berlin" in err and "2026-10-25T02:30:00+02:00 or 2026-10-25T02:30:00+01:00" in err
    monkeypatch.setenv("FUTUREWATCH_TIMEZONE", "Mars/Olympus")
    code, err = run_futurewatch(monkeypatch, capsys, "digest", "send", "--now", "2026-12-01T08:00")
    assert code == 2 and err.count("\n") == 1, err
    assert "FUTUREWATCH_TIMEZONE" in err and "Mars/Olympus" in err and "ISO 8601" not in err, err


def test_now_in_a_zone_with_daylight_saving_is_read_in_that_zone():
    from zoneinfo import ZoneInfo

    from futurewatch.core.localtime import read_time

    berlin = ZoneInfo("Europe/Berlin")
    assert read_time("2026-10-25T03:30", berlin).utcoffset().total_seconds() == 3600      # after the change
    assert read_time("2026-03-29T03:30", berlin).utcoffset().total_seconds() == 7200
    assert read_time("2026-10-25T02:30+01:00", berlin).utcoffset().total_seconds() == 3600  # an offset decides
