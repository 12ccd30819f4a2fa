"""Source-health signals over a real database: silent, shape changed, blocked."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from itertools import count

from futurewatch.core.config import load_settings
from futurewatch.core.db import connect
from futurewatch.app.health import (
    HealthThresholds,
    build_health_message,
    check_source_health,
    send_health_report,
)

AS_OF = datetime(2026, 3, 10, 0, 0, tzinfo=timezone.utc)
_ids = count(1)


def add_source(conn, source_id, enabled=True):
    conn.execute(
        "INSERT INTO sources (source_id, name, kind, enabled) VALUES (%(s)s, %(s)s, 'news', %(e)s)",
        {"s": source_id, "e": enabled},
    )


def add_fetch(conn, source_id, fetched_at, *, blocked=None, status=200):
    n = next(_ids)
    row = conn.execute(
        """INSERT INTO raw_fetches (source_id, url, final_url, status, fetched_at, sha256, size_bytes, storage_key,
                                    blocked_reason)
           VALUES (%(s)s, %(u)s, %(u)s, %(st)s, %(t)s, %(h)s, 1, %(h)s, %(b)s) RETURNING raw_fetch_id""",
        {"s": source_id, "u": f"https://{source_id}.example/{n}", "st": status, "t": fetched_at,
         "h": f"{n:064x}", "b": blocked},
    ).fetchone()
    return row["raw_fetch_id"]


def add_version(conn, source_id, fetched_at, parser, *, empty=False):
    raw_id = add_fetch(conn, source_id, fetched_at)
    n = next(_ids)
    doc = conn.execute(
        "INSERT INTO documents (doc_key, source_id, canonical_url) VALUES (%(k)s, %(s)s, %(k)s) RETURNING document_id",
        {"k": f"{source_id}:{n}", "s": source_id},
    ).fetchone()
    conn.execute(
        """INSERT INTO document_versions (document_id, version_no, raw_fetch_id, content_hash, parser, is_empty)
           VALUES (%(d)s, 1, %(r)s, %(h)s, %(p)s, %(e)s)""",
        {"d": doc["document_id"], "r": raw_id, "h": f"h{n}", "p": parser, "e": empty},
    )


def day(n: float) -> datetime:
    return AS_OF - timedelta(days=n)


def test_silent_source_flagged_and_active_one_not(db_url):
    with connect(db_url) as conn:
        for sid in ("quiet", "busy", "never", "off"):
            add_source(conn, sid, enabled=sid != "off")
        add_fetch(conn, "quiet", day(5))
        add_fetch(conn, "busy", day(0.5))
        add_fetch(conn, "busy", day(-1))  # after as_of: must not count for this window
        conn.commit()
    report = check_source_health(db_url, as_of=AS_OF, thresholds=HealthThresholds(silent_days=3))
    silent = {f.source_id for f in report.findings if f.signal == "silent"}
    assert silent == {"quiet", "never"}
    assert report.sources_checked == 3


def test_rerun_for_an_earlier_day_sees_that_day(db_url):
    with connect(db_url) as conn:
        add_source(conn, "src")
        add_fetch(conn, "src", day(5))
        conn.commit()
    earlier = check_source_health(db_url, as_of=day(4), thresholds=HealthThresholds(silent_days=3))
    later = check_source_health(db_url, as_of=AS_OF, thresholds=HealthThresholds(silent_days=3))
    assert not earlier.findings
    assert [f.signal for f in later.findings] == ["silent"]


def test_shape_change_flags_rising_generic_fallback_only(db_url):
    with connect(db_url) as conn:
        for sid in ("changed", "steady", "generic_only"):
            add_source(conn, sid)
        for i in range(6):
            add_version(conn, "changed", day(5 + i), "changed.V1")
            add_version(conn, "steady", day(5 + i), "steady.V1")
            add_version(conn, "generic_only", day(5 + i), "generic.V1")
        for i in range(4):
            add_version(conn, "changed", day(0.2 + i * 0.3), "generic.V1" if i % 2 else "changed.V1", empty=not i % 2)
            add_version(conn, "steady", day(0.2 + i * 0.3), "steady.V1")
            add_version(conn, "generic_only", day(0.2 + i * 0.3), "generic.V1")
        conn.commit()
    report = check_source_health(db_url, as_of=AS_OF, thresholds=HealthThresholds())
    shape = [f for f in report.findings if f.signal == "shape_changed"]
    assert [f.source_id for f in shape] == ["changed"]
    assert shape[0].metrics["recent_share"] == 1.0 and shape[0].metrics["baseline_share"] == 0.0


def test_blocked_share(db_url):
    with connect(db_url) as conn:
        add_source(conn, "walled")
        add_source(conn, "open")
        for i in range(4):
            add_fetch(conn, "walled", day(0.5 + i * 0.1), blocked="captcha" if i < 2 else None)
            add_fetch(conn, "open", day(0.5 + i * 0.1), blocked="waf" if i == 0 else None)
        conn.commit()
    report = check_source_health(db_url, as_of=AS_OF, thresholds=HealthThresholds(blocked_share=0.4))
    blocked = [f for f in report.findings if f.signal == "blocked"]
    assert [f.source_id for f in blocked] == ["walled"]
    assert blocked[0].metrics["reasons"] == ["captcha"]


def test_report_goes_to_outbox_without_smtp(db_url, tmp_path):
    with connect(db_url) as conn:
        add_source(conn, "quiet")
        conn.commit()
    report = check_source_health(db_url, as_of=AS_OF, thresholds=HealthThresholds())
    settings = load_settings({"FUTUREWATCH_HOME": str(tmp_path)})
    where = send_health_report(report, settings, ["ops@example.org"])
    text = open(where, encoding="utf-8").read()
    assert "quiet [silent]" in text and "ops@example.org" in text
    msg = build_health_message(report, sender="fw@example.org", recipients=["a@example.org"])
    assert "1 source(s) need attention: quiet" in msg["Subject"]


def add_crawl_run(conn, source_id, started_at, details):
    from psycopg.types.json import Jsonb

    conn.execute(
        """INSERT INTO crawl_runs (source_id, run_key, started_at, status, details)
           VALUES (%(s)s, %(k)s, %(t)s, 'partial', %(d)s)""",
        {"s": source_id, "k": f"k{next(_ids)}", "t": started_at, "d": Jsonb(details)},
    )


def test_latest_crawl_with_empty_listings_is_a_shape_change(db_url):
    with connect(db_url) as conn:
        for sid in ("emptied", "recovered"):
            add_source(conn, sid)
            add_fetch(conn, sid, day(0.5))
        empty = {"shape_changed": True, "empty_listings": ["https://emptied.example/list"]}
        add_crawl_run(conn, "emptied", day(0.2), empty)
        add_crawl_run(conn, "recovered", day(0.6), {**empty, "empty_listings": ["x"]})
        add_crawl_run(conn, "recovered", day(0.3), {"shape_changed": False})
        conn.commit()
    report = check_source_health(db_url, as_of=AS_OF, thresholds=HealthThresholds())
    shape = [f for f in report.findings if f.signal == "shape_changed"]
    assert [f.source_id for f in shape] == ["emptied"]
    assert "https://emptied.example/list" in shape[0].detail


def test_report_is_mailed_through_the_one_smtp_configuration(db_url, tmp_path):
    """The ops report goes through the one sender (futurewatch/core/sender.py),
    to a real SMTP server on loopback."""
    from tests.alerts.smtp_servers import Recorder, smtp_server

    with connect(db_url) as conn:
        add_source(conn, "quiet")
        conn.commit()
    report = check_source_health(db_url, as_of=AS_OF, thresholds=HealthThresholds())
    recorder = Recorder()
    with smtp_server(recorder) as port:
        settings = load_settings({"FUTUREWATCH_HOME": str(tmp_path), "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port),
                                  "SMTP_SECURITY": "none", "SMTP_FROM": "fw-ops@example.org"})
        where = send_health_report(report, settings, ["ops@example.org"])
    assert where == f"none://127.0.0.1:{port}"  # the one sender names the server as SmtpConfig.describe()
    assert len(recorder.messages) == 1
    mail = recorder.messages[0].decode("utf-8", "replace")
    assert "From: fw-ops@example.org" in mail and "need attention: quiet" in mail


def test_a_source_whose_last_crawl_died_is_failing_not_ok(fw_env):
    """The crawl process was killed (OOM, a lost worker): the next crawl of any source marks its row
    abandoned. Until the source crawls again, `futurewatch sources` and the health DAG say so."""
    import json

    from typer.testing import CliRunner

    from crawlers.stale_runs import abandon_stale_runs
    from futurewatch.app.cli import app

    now = datetime.now(timezone.utc)
    with connect(fw_env.db_url, autocommit=True) as conn:
        add_source(conn, "c114")
        add_fetch(conn, "c114", now - timedelta(days=1))
        conn.execute("INSERT INTO crawl_runs (source_id, run_key, started_at, finished_at, status, listed, new, "
                     "requests) VALUES ('c114', 'yesterday', %(t)s, %(t)s, 'succeeded', 4, 4, 5)",
                     {"t": now - timedelta(days=1)})
        conn.execute("INSERT INTO crawl_runs (source_id, run_key, started_at, owner_pid, owner_host) "
                     "VALUES ('c114', 'killed', %(t)s, 1, 'elsewhere')", {"t": now - timedelta(hours=13)})
        assert len(abandon_stale_runs(conn)) == 1  # the real marker, as the next crawl runs it
    result = CliRunner().invoke(app, ["sources", "--json"])
    assert result.exit_code == 0, result.output
    [c114] = [row for row in json.loads(result.output) if row["source_id"] == "c114"]
    assert c114["status"] == "failing" and c114["problem"].startswith("abandoned: still 'running' after")
    report = check_source_health(fw_env.db_url, as_of=now + timedelta(minutes=1), thresholds=HealthThresholds())
    assert [(f.source_id, f.signal) for f in report.findings] == [("c114", "failing")]
    assert "last crawl abandoned" in report.findings[0].detail


def disable_takungpao(tmp_path, monkeypatch) -> None:
    """An ops overlay of the registry that sets takungpao `enabled: false`."""
    overlay = tmp_path / "ops-sources.yaml"
    overlay.write_text("sources:\n  - {source_id: takungpao, name: 大公网, kind: news, enabled: false,\n"
                       "     entry_urls: ['http://www.takungpao.com/'], allowed_domains: [takungpao.com]}\n",
                       encoding="utf-8")
    monkeypatch.setenv("FUTUREWATCH_SOURCES", str(overlay))


def test_a_source_disabled_in_the_registry_is_not_flagged_silent(db_url, tmp_path, monkeypatch):
    """Disabling a source in the registry is how ops stop it (docs/operations.md); its `sources` row,
    written by its last crawl, still said enabled, and no crawl ever corrects it: the health DAG
    called it silent every morning and `futurewatch sources` listed it as enabled."""
    from futurewatch.app.health.status import select_source_health

    disable_takungpao(tmp_path, monkeypatch)
    with connect(db_url) as conn:
        for sid in ("takungpao", "quiet"):
            add_source(conn, sid)  # as a crawl wrote it while the source was enabled
            add_fetch(conn, sid, day(10))
        conn.commit()
    report = check_source_health(db_url, as_of=AS_OF, thresholds=HealthThresholds(silent_days=3))
    assert [(f.source_id, f.signal) for f in report.findings] == [("quiet", "silent")]
    assert report.sources_checked == 1
    health = {h.source_id: h for h in select_source_health(db_url, HealthThresholds(), now=AS_OF)}
    assert health["quiet"].enabled and not health["takungpao"].enabled
    assert (health["quiet"].status, health["takungpao"].status) == ("never", "disabled")  # no crawl_runs here


def test_a_source_disabled_for_being_blocked_is_not_flagged_blocked(db_url, tmp_path, monkeypatch):
    """Ops disable a source because a wall blocks it; its last pages, still in the recent window,
    kept the health DAG reporting it `blocked` (and any shape change) after it was disabled, while
    `futurewatch sources` said `disabled`."""
    disable_takungpao(tmp_path, monkeypatch)
    with connect(db_url) as conn:
        for sid in ("takungpao", "walled"):
            add_source(conn, sid)
            for i in range(4):
                add_fetch(conn, sid, day(0.5 + i * 0.1), blocked="captcha" if i < 2 else None)
        conn.commit()
    report = check_source_health(db_url, as_of=AS_OF, thresholds=HealthThresholds(blocked_share=0.4))
    assert [(f.source_id, f.signal) for f in report.findings] == [("walled", "blocked")]
