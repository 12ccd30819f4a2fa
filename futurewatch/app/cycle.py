"""One cycle of the whole job: migrate → taxonomy → crawl → process → classify → alerts.

Each stage is one call to its package's entry point (docs/architecture.md). The same step
functions back `futurewatch run` and the Airflow DAGs, so both do exactly the same work.
A source that cannot be reached is reported in the summary; the cycle still finishes.
Stage modules are imported inside the steps: importing this module stays cheap (DAG files use it).
"""

from __future__ import annotations

import dataclasses
import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterator

from futurewatch.core.config import Settings

log = logging.getLogger(__name__)

FAILED_CRAWL_STATUSES = {"failed", "unreachable"}


class SourceCrawlError(RuntimeError):
    """One source's crawl failed; the message names the source and the reason."""


@dataclass
class StageResult:
    stage: str
    ok: bool
    detail: str = ""
    seconds: float = 0.0


@dataclass
class SourceResult:
    source_id: str
    status: str
    listed: int = 0
    new: int = 0
    changed: int = 0
    failed: int = 0
    blocked: int = 0
    error: str | None = None


@dataclass
class CycleSummary:
    stages: list[StageResult] = field(default_factory=list)
    sources: list[SourceResult] = field(default_factory=list)
    digests: dict | None = None  # the digest stage's DigestSummary, as plain data

    @property
    def ok(self) -> bool:
        """True when every stage ran; unreachable sources alone do not fail the cycle."""
        return all(s.ok for s in self.stages)

    @property
    def failed_sources(self) -> list[SourceResult]:
        return [r for r in self.sources if crawl_failed(r)]

    @property
    def crawl_state(self) -> str:
        """'ok', 'partial' (some sources failed), 'none reached' (all failed) or 'no crawl'."""
        if not self.sources:
            return "no crawl"
        failed = len(self.failed_sources)
        return "ok" if not failed else "none reached" if failed == len(self.sources) else "partial"


def to_plain(value: Any) -> Any:
    """A stage summary (dataclass, list, datetime …) as JSON-safe data for XCom and logs."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: to_plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [to_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _get(obj: Any, name: str, default: Any = None) -> Any:
    return obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)


def build_source_result(summary: Any) -> SourceResult:
    """A crawler's per-source summary, reduced to what the cycle reports."""
    return SourceResult(
        source_id=_get(summary, "source_id", "?"),
        status=str(_get(summary, "status", "unknown")),
        listed=int(_get(summary, "listed", 0) or 0),
        new=int(_get(summary, "new", 0) or 0),
        changed=int(_get(summary, "changed", 0) or 0),
        failed=int(_get(summary, "failed", 0) or 0),
        blocked=int(_get(summary, "blocked", 0) or 0),
        error=_get(summary, "error"),
    )


@contextmanager
def open_mirror(offline: bool, settings: Settings) -> Iterator[str | None]:
    """The offline mirror's base URL while it serves (offline), else None.

    FUTUREWATCH_MIRROR_URL names a mirror that is already running (one shared by every task,
    or a test's); otherwise a private one is started on a free loopback port.
    """
    if not offline:
        yield None
        return
    shared = settings.extra.get("FUTUREWATCH_MIRROR_URL")
    if shared:
        yield shared
        return
    from crawlers.mirror import serve_mirror

    with serve_mirror() as base_url:
        yield base_url


# --- steps: each wraps one stage entry point -------------------------------------------------

def migrate_archive(db_url: str, settings: Settings) -> list[str]:
    from futurewatch.core.migrate import apply_migrations

    return apply_migrations(db_url, settings.migration_lock_wait)


def load_taxonomy_version(db_url: str) -> int:
    from classify.taxonomy import load_taxonomy

    return load_taxonomy(db_url)


def load_new_taxonomy_version(db_url: str) -> int | None:
    """Load the taxonomy; its version id if that created a new version, else None."""
    from futurewatch.core.db import connect

    def newest() -> int | None:
        with connect(db_url) as conn:
            return conn.execute("SELECT max(taxonomy_version_id) AS v FROM taxonomy_versions").fetchone()["v"]

    before = newest()
    version_id = load_taxonomy_version(db_url)
    return version_id if before is None or version_id > before else None


def crawl(db_url: str, source_ids: list[str] | None, *, settings: Settings, mirror: str | None, run_key: str | None,
          since: datetime | None = None, on_progress: Callable[[str, dict], None] | None = None) -> list[SourceResult]:
    from crawlers.runner import crawl_sources

    summaries = crawl_sources(db_url, source_ids, settings=settings, since=since, mirror=mirror, run_key=run_key,
                              on_progress=on_progress)
    return [build_source_result(s) for s in summaries]


def crawl_failed(result: SourceResult) -> bool:
    """Failed, unreachable, or every request that could have listed an item failed.

    A crawl that reads its listings fine but finds nothing (markup changed) is not a failure
    here: the source-health check flags it.
    """
    return result.status in FAILED_CRAWL_STATUSES or (result.listed == 0 and result.failed > 0)


def crawl_with_mirror(db_url: str, source_ids: list[str] | None, offline: bool, run_key: str | None, settings: Settings,
                      on_progress: Callable[[str, dict], None] | None = None) -> list[SourceResult]:
    with open_mirror(offline, settings) as mirror:
        return crawl(db_url, source_ids, settings=settings, mirror=mirror, run_key=run_key, on_progress=on_progress)


def crawl_one_source(db_url: str, source_id: str, *, settings: Settings, run_key: str, since: datetime | None = None,
                     offline: bool = False) -> dict:
    """Crawl one source (the DAG's mapped task); raise SourceCrawlError if it failed."""
    with open_mirror(offline, settings) as mirror:
        results = crawl(db_url, [source_id], settings=settings, mirror=mirror, run_key=run_key, since=since)
    if not results:
        raise SourceCrawlError(f"source_id={source_id}: the crawler returned no summary (unknown source?)")
    result = results[0]
    if crawl_failed(result):
        raise SourceCrawlError(f"source_id={source_id}: crawl {result.status}: {result.error or 'no detail'}")
    return dataclasses.asdict(result)


def process(db_url: str, *, settings: Settings, reparse: bool = False,
            on_progress: Callable[[int, int], None] | None = None, run_key: str | None = None) -> dict:
    from parsers.process import process_pending

    return to_plain(process_pending(db_url, settings=settings, reparse=reparse, on_progress=on_progress,
                                    run_key=run_key))


def classify(db_url: str, *, on_progress: Callable[[int, int], None] | None = None,
             run_key: str | None = None) -> dict:
    from classify import classify_pending

    return to_plain(classify_pending(db_url, progress=on_progress, run_key=run_key))


def load_demo_subscribers(db_url: str, *, offline: bool) -> list[int]:
    """The demo subscribers (alerts/demo_subscribers.yaml), so the offline demo ends with digests.
    Online runs never load them: a live cycle mails only the subscribers someone added."""
    from alerts.pipeline import load_demo_subscribers as load

    return load(db_url) if offline else []


def match_alert_events(db_url: str, *, now: datetime, settings: Settings) -> dict:
    from alerts.pipeline import match_events

    return to_plain(match_events(db_url, now=now, settings=settings))


def send_digests(db_url: str, *, now: datetime, settings: Settings) -> dict:
    from alerts.pipeline import send_due_digests

    return to_plain(send_due_digests(db_url, now=now, settings=settings))


# --- the cycle --------------------------------------------------------------------------------

def _run_stage(summary: CycleSummary, stage: str, call: Callable[[], Any],
               describe: Callable[[Any], str] = lambda r: _brief(r),
               succeeded: Callable[[Any], bool] = lambda r: True) -> Any:
    """Run one stage and record it; `succeeded(result)` judges a stage that returned (default: it did)."""
    start = time.perf_counter()
    try:
        result = call()
    except Exception as exc:  # recorded in the summary, logged with the stage; the cycle goes on
        log.error("cycle stage %s failed: %s", stage, exc, exc_info=True)
        summary.stages.append(StageResult(stage, False, f"{type(exc).__name__}: {exc}",
                                          time.perf_counter() - start))
        return None
    summary.stages.append(StageResult(stage, succeeded(result), describe(result), time.perf_counter() - start))
    return result


def _brief(result: Any) -> str:
    plain = to_plain(result)
    if isinstance(plain, dict):
        parts = [f"{k}={v}" for k, v in plain.items() if isinstance(v, (int, float)) and not isinstance(v, bool)]
        return ", ".join(parts[:6])
    if isinstance(plain, list):
        return f"{len(plain)} item(s)"
    return "" if plain is None else str(plain)


def _describe_process(r: dict) -> str:
    return (f"{r['pages']} page(s): {r['documents_new']} new document(s), {r['versions_new']} new version(s), "
            f"{r['unchanged']} unchanged, {r['older']} older, {r['empty']} empty, {r['failed']} failed")


def _describe_classify(r: dict) -> str:
    return (f"{r['classified']} version(s) classified with taxonomy version {r['taxonomy_version_id']}: "
            f"{r['labels']} label(s), {r['mentions']} entity mention(s)")


def _describe_alerts(r: dict) -> str:
    flapping = f", {r['flapping']} flapping document(s) not alerted (alerts.flapping)" if r.get("flapping") else ""
    return f"{r['rules']} rule(s) over {r['versions_new']} new version(s): {r['events_new']} new event(s){flapping}"


def _describe_digests(r: dict) -> str:
    doubt = f", {r['in_doubt']} in doubt" if r["in_doubt"] else ""
    chat = f"; chat: {r['chat_failed']} failed, {r['chat_in_doubt']} in doubt" if r["chat_failed"] or r["chat_in_doubt"] else ""
    return (f"{r['built']} built, {r['sent']} sent, {r['empty']} empty, {r['retrying']} to retry, "
            f"{r['failed']} failed{doubt}{chat}")


def _digests_delivered(r: dict) -> bool:
    """The digests stage fails as `digest send` exits 1: a delivery failed or in doubt, mail or chat."""
    from alerts.pipeline import left_for_ops

    return not left_for_ops(r)


def _describe_crawl(results: list[SourceResult]) -> str:
    bad = [r.source_id for r in results if crawl_failed(r)]
    new = sum(r.new for r in results)
    return f"{len(results)} source(s), {new} new page(s)" + (f"; failed: {', '.join(bad)}" if bad else "")


def run_cycle(db_url: str, *, settings: Settings, now: datetime | None = None, offline: bool = False,
              source_ids: list[str] | None = None, run_key: str | None = None, progress: Any = None) -> CycleSummary:
    """Run every stage once. Migration failure stops the cycle; any other failure is recorded.

    Offline, the crawl reads the bundled mirror and the demo subscribers are loaded first.
    `progress` (futurewatch.app.progress) shows crawl, process and classify as they go.
    `now` is the moment the alert stages stand for; None (the CLI) means the clock when each
    stage starts, so what this cycle crawled falls inside the digest period it sends.
    """
    def moment() -> datetime:
        return now or datetime.now(timezone.utc)

    summary = CycleSummary()
    if _run_stage(summary, "migrate", lambda: migrate_archive(db_url, settings), lambda r: f"{len(r)} applied") is None:
        return summary
    _run_stage(summary, "taxonomy", lambda: load_taxonomy_version(db_url), lambda r: f"version id {r}")
    if offline:
        _run_stage(summary, "subscribers", lambda: load_demo_subscribers(db_url, offline=offline),
                   lambda r: f"{len(r)} demo subscriber(s) loaded (offline demo)")
    crawled = _run_stage(summary, "crawl", lambda: crawl_with_mirror(
        db_url, source_ids, offline, run_key, settings, progress.crawl if progress else None), _describe_crawl)
    summary.sources = crawled or []
    _run_stage(summary, "process", lambda: process(db_url, settings=settings, on_progress=progress.step("process", "pages")
                                                   if progress else None), _describe_process)
    _run_stage(summary, "classify", lambda: classify(db_url, on_progress=progress.step("classify", "versions")
                                                     if progress else None), _describe_classify)
    _run_stage(summary, "alerts", lambda: match_alert_events(db_url, now=moment(), settings=settings), _describe_alerts)
    summary.digests = _run_stage(summary, "digests", lambda: send_digests(db_url, now=moment(), settings=settings),
                                 _describe_digests, succeeded=_digests_delivered)
    return summary
