"""check_source_health under dag.test(): a flagged source reaches ops by mail and turns the run red."""

from __future__ import annotations

import email
import email.policy
from datetime import timedelta

import pendulum

from futurewatch.core.db import connect
from tests.cycle.test_health_signals import add_source, add_version
from tests.dags.conftest import task_states

AS_OF = pendulum.datetime(2026, 3, 10, 7, 0, tz="Asia/Shanghai")


def seed_changed_and_steady_sources(db_url):
    """`changed` used its own parser for two weeks, then fell back to generic; `steady` did not."""
    with connect(db_url) as conn:
        for sid in ("changed", "steady"):
            add_source(conn, sid)
        for i in range(5):
            add_version(conn, "changed", AS_OF - timedelta(days=4 + i), "changed.V1")
            add_version(conn, "steady", AS_OF - timedelta(days=4 + i), "steady.V1")
            add_version(conn, "changed", AS_OF - timedelta(hours=3 + i), "generic.V1")
            add_version(conn, "steady", AS_OF - timedelta(hours=3 + i), "steady.V1")
        conn.commit()


def test_health_dag_flags_changed_source_and_mails_ops(dag_bag, fw_env, no_retries):
    seed_changed_and_steady_sources(fw_env.db_url)
    dag = no_retries(dag_bag.get_dag("check_source_health"))
    run = dag.test(logical_date=AS_OF)
    states = task_states(run)
    assert states[("check", -1)] == "success"
    assert states[("notify_ops", -1)] == "success"
    assert states[("flag_sources", -1)] == "failed"
    assert str(run.state) == "failed"
    notices = list((fw_env.outbox_dir / "ops").glob("flag_sources-failed-*.eml"))
    mails = [m for m in (fw_env.outbox_dir / "ops").glob("*.eml") if m not in notices]
    assert len(mails) == 1 and len(notices) == 1  # the report, and the red task's failure notice
    body = mails[0].read_text(encoding="utf-8")
    assert "changed [shape_changed]" in body and "steady" not in body
    notice = notices[0].read_text(encoding="utf-8")  # chat hears of the verdict through this notice
    assert "flag_sources failed: check_source_health" in notice and "changed shape_changed" in notice


def test_health_dag_is_green_when_all_is_well(dag_bag, fw_env, no_retries):
    with connect(fw_env.db_url) as conn:
        add_source(conn, "steady")
        for i in range(5):
            add_version(conn, "steady", AS_OF - timedelta(hours=3 + i), "steady.V1")
        conn.commit()
    run = no_retries(dag_bag.get_dag("check_source_health")).test(logical_date=AS_OF)
    assert str(run.state) == "success"
    assert not (fw_env.outbox_dir / "ops").exists()


def test_health_dag_mails_ops_on_parser_drift_and_a_waf_wall(dag_bag, fw_env, no_retries):
    from tests.crawlers.test_source_parse_health import seed_pages

    seed_pages(fw_env.db_url, AS_OF - timedelta(hours=3))  # real pages through the real parser path
    run = no_retries(dag_bag.get_dag("check_source_health")).test(logical_date=AS_OF)
    assert task_states(run)[("flag_sources", -1)] == "failed"
    notices = list((fw_env.outbox_dir / "ops").glob("flag_sources-failed-*.eml"))  # the task-failure notice
    [mail] = [m for m in (fw_env.outbox_dir / "ops").glob("*.eml") if m not in notices]
    body = email.message_from_bytes(mail.read_bytes(), policy=email.policy.default).get_content()
    assert "- chinanews [parser_drift]: site parser missed publish date on 4/10 pages, title on 4/10" in body
    assert "- gd_gov [not_articles]: 3/4 pages were not articles (WAF/bot check)" in body
    assert "nanfang [not_articles]" not in body  # one 404 page in four is below the threshold


def test_health_mail_dates_and_times_are_in_their_stated_zones(dag_bag, fw_env, no_retries):
    """The report a 07:00 Asia/Shanghai run mails is dated that day, and a time labelled UTC is UTC,
    even when the server's sessions run in another zone (initdb takes the host's: often Asia/Shanghai)."""
    from tests.cycle.test_health_signals import add_fetch

    with connect(fw_env.db_url, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{conn.execute("SELECT current_database() AS d").fetchone()["d"]}" '
                     "SET timezone TO 'Asia/Shanghai'")
        add_source(conn, "quiet")
        add_fetch(conn, "quiet", pendulum.datetime(2026, 3, 5, 1, 30, tz="UTC"))
    run = no_retries(dag_bag.get_dag("check_source_health")).test(logical_date=AS_OF)
    assert task_states(run)[("flag_sources", -1)] == "failed"
    notices = list((fw_env.outbox_dir / "ops").glob("flag_sources-failed-*.eml"))
    [mail] = [m for m in (fw_env.outbox_dir / "ops").glob("*.eml") if m not in notices]
    message = email.message_from_bytes(mail.read_bytes(), policy=email.policy.default)
    assert message["Subject"].startswith("[futurewatch] source health 2026-03-10 (Asia/Shanghai):")
    assert "- quiet [silent]: silent for ≥3 days (last page 2026-03-05 01:30 UTC)" in message.get_content()
