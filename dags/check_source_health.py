"""check_source_health: silent sources, changed markup, parser drift, blocked responses → ops email + a red task."""

from __future__ import annotations

from airflow.sdk import dag, task

from dags.dag_support import DEFAULT_ARGS, START_DATE, run_moment, task_db_url, task_settings

DOC = """
### check_source_health
Daily at 07:00 Asia/Shanghai, over the window ending at the run's data-interval end:

- **silent** — an enabled source with no usable page for `FUTUREWATCH_SILENT_DAYS` days (default 3);
- **shape_changed** — the share of a source's new versions that parse empty or fall back to the
  generic parser rose sharply against the 14 days before: its markup probably changed;
- **blocked** — many of its fetches were WAF/captcha responses (`raw_fetches.blocked_reason`);
- **failing** — its last crawl failed, was unreachable (every listing page failed counts) or was
  abandoned (its process died), or half its requests failed (`futurewatch.app.health.status`, as `futurewatch sources`);
- **degraded** — its last crawl was partial because some of its listing pages failed;
- **parser_drift** — many of its pages needed the generic path for a field its site parser missed
  (`raw_fetches.parse_drift`): its layout probably changed;
- **not_articles** — many of its pages were 404/WAF/login pages served with status 200
  (`raw_fetches.not_article`).
Every threshold is in `futurewatch/app/health/thresholds.py`, shared with `futurewatch sources`.

A crawl whose listing pages all came back without a single item also counts as **shape_changed**.

`check` computes the findings (`futurewatch.app.health.check_source_health`); `notify_ops` mails them
to `FUTUREWATCH_OPS_EMAIL` through `SMTP_*` (or `FUTUREWATCH_HOME/outbox/ops/`); `flag_sources`
**fails** when anything was found, so the run shows red in the UI. Runbook: docs/operations.md.
"""


@dag(
    dag_id="check_source_health",
    schedule="0 7 * * *",
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["futurewatch", "ops", "health"],
    doc_md=DOC,
)
def check_source_health():
    @task
    def check(**context) -> dict:
        from futurewatch.app.health import build_health_report

        settings = task_settings()
        return build_health_report(task_db_url(settings), settings, as_of=run_moment(context))

    @task
    def notify_ops(report: dict) -> str:
        from futurewatch.app.health import notify_ops as send

        return send(report, task_settings())

    @task(retries=0)
    def flag_sources(report: dict, sent: str) -> int:
        from futurewatch.app.health import raise_if_flagged

        return raise_if_flagged(report)

    report = check()
    flag_sources(report, notify_ops(report))


check_source_health()
