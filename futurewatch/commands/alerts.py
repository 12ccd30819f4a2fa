"""`futurewatch alerts list|add|load|test|outbox` and `futurewatch digest preview|send`."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from futurewatch.config import load_settings
from futurewatch.db import database_url

alerts_app = typer.Typer(help="Alert subscribers and rules, trial runs, the outbox.", no_args_is_help=True)
digest_app = typer.Typer(help="Digests: preview one, or build and send the due ones.", no_args_is_help=True)


class _LazyConsole:
    """A rich console made at print time, so the terminal width (COLUMNS) is read then."""

    def __getattr__(self, name):
        return getattr(Console(), name)


console = _LazyConsole()


def _fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(2)


def _parse_now(value: str | None) -> datetime:
    if not value:
        return datetime.now(timezone.utc)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        _fail(f"--now {value!r} is not an ISO 8601 time")
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@alerts_app.command("list")
def list_command() -> None:
    """Subscribers and their rules."""
    from futurewatch.db import connect

    table = Table("subscriber", "cadence", "tz", "lang", "rule", "type", "params", "active")
    with connect(database_url()) as conn:
        rows = conn.execute(
            "SELECT s.email, s.cadence, s.timezone, s.language, s.active AS s_active, r.name, r.rule_type, r.params, "
            "r.active FROM subscribers s LEFT JOIN alert_rules r USING (subscriber_id) ORDER BY s.email, r.name"
        ).fetchall()
    for r in rows:
        table.add_row(r["email"] + ("" if r["s_active"] else " (inactive)"), r["cadence"], r["timezone"], r["language"],
                      r["name"] or "", r["rule_type"] or "", json.dumps(r["params"], ensure_ascii=False) if r["params"] else "",
                      "" if r["name"] is None else ("yes" if r["active"] else "no"))
    console.print(table)


@alerts_app.command("add")
def add_command(
    email: str = typer.Argument(..., help="Subscriber email (created if new)."),
    rule: str = typer.Option(..., "--rule", help="Rule name, unique per subscriber."),
    rule_type: str = typer.Option(..., "--type", help="keyword|category|entity|first_seen_entity|new_policy|changed|spike"),
    params: str = typer.Option("{}", "--params", help='Rule params as JSON, e.g. \'{"query": "具身智能 OR 人形机器人"}\''),
    cadence: str = typer.Option("daily", "--cadence", help="immediate|daily|weekly (for a new subscriber)."),
    tz: str = typer.Option("Asia/Shanghai", "--timezone"),
    language: str = typer.Option("zh", "--language", help="zh|en"),
) -> None:
    """Add (or update) one rule of one subscriber."""
    from alerts.subscribers import SubscriberError, parse_subscriber, upsert_subscriber
    from futurewatch.db import connect

    try:
        parsed = json.loads(params)
    except json.JSONDecodeError as exc:
        _fail(f"--params is not JSON: {exc.msg}")
    except RecursionError:
        _fail("--params is nested too deeply")
    entry = {"email": email, "cadence": cadence, "timezone": tz, "language": language,
             "rules": [{"name": rule, "type": rule_type, "params": parsed}]}
    try:
        sub = parse_subscriber(entry)
    except SubscriberError as exc:
        _fail(str(exc))
    with connect(database_url()) as conn:
        existing = conn.execute("SELECT * FROM subscribers WHERE email = %(e)s", {"e": email}).fetchone()
        if existing:  # keep the subscriber's settings; only add the rule
            sub.cadence, sub.timezone, sub.language = existing["cadence"], existing["timezone"], existing["language"]
            sub.name = existing["name"]
        upsert_subscriber(conn, sub, prune=False)
    console.print(f"rule {rule!r} ({rule_type}) saved for {email}")


@alerts_app.command("load")
def load_command(file: Path = typer.Argument(..., help="Subscriber YAML (see alerts/subscribers.example.yaml)."),
                 prune: bool = typer.Option(True, "--prune/--no-prune", help="Deactivate rules missing from the file.")) -> None:
    """Upsert the subscribers and rules of a YAML file."""
    from alerts.subscribers import SubscriberError, load_subscribers

    try:
        ids = load_subscribers(database_url(), file, prune=prune)
    except SubscriberError as exc:
        _fail(str(exc))
    console.print(f"{len(ids)} subscriber(s) loaded from {file}")


@alerts_app.command("test")
def test_command(target: str = typer.Argument(..., help="A rule id or name, or a subscriber email or name."),
                 limit: int = typer.Option(20, "--limit", help="Matches shown per rule."),
                 now: str = typer.Option(None, "--now", help="ISO time for spikes (default: now).")) -> None:
    """Run rules against the whole archive and show what they would raise (writes nothing)."""
    from alerts.dryrun import trial_match

    try:
        with console.status("matching the archive…"):
            result = trial_match(database_url(), target, now=_parse_now(now))
    except LookupError as exc:
        _fail(str(exc))
    for error in result.errors:
        console.print(f"[red]{error}[/]")
    for trial in result.trials:
        table = Table("date", "title", "sources", "terms", title=f"{trial.rule} ({trial.rule_type}): "
                      f"{len(trial.matches)} match(es) in {result.versions} document(s)")
        for m in sorted(trial.matches, key=lambda m: m.get("published_at") or "", reverse=True)[:limit]:
            table.add_row((m.get("published_at") or "")[:10], m.get("title", ""),
                          ", ".join(s.get("source_id", "") for s in m.get("sources") or []),
                          ", ".join(m.get("terms") or []))
        console.print(table)


@alerts_app.command("outbox")
def outbox_command(status: str = typer.Option(None, "--status", help="pending|sending|sent|failed|in_doubt"),
                   requeue: int = typer.Option(None, "--requeue", help="Put a failed/in-doubt digest back in the queue."),
                   limit: int = typer.Option(50, "--limit")) -> None:
    """Deliveries: status, attempts, next attempt, last error (failures first)."""
    from alerts.send import requeue as requeue_delivery, select_outbox

    url = database_url()
    if requeue is not None:
        if not requeue_delivery(url, requeue):
            _fail(f"digest {requeue} is not failed or in doubt")
        console.print(f"digest {requeue} requeued")
    table = Table("digest", "to", "period end", "channel", "status", "attempts", "next attempt", "sent", "last error")
    for r in select_outbox(url, status=status, limit=limit):
        style = {"failed": "red", "in_doubt": "magenta", "pending": "yellow"}.get(r["status"], "")
        table.add_row(str(r["digest_id"]), r["email"], f"{r['period_end']:%Y-%m-%d %H:%M}", r["channel"],
                      f"[{style}]{r['status']}[/]" if style else r["status"], str(r["attempts"]),
                      f"{r['next_attempt_at']:%Y-%m-%d %H:%M}", f"{r['sent_at']:%Y-%m-%d %H:%M}" if r["sent_at"] else "",
                      r["last_error"] or "")
    console.print(table)


@digest_app.command("preview")
def preview_command(subscriber: str = typer.Option(..., "--subscriber", help="Email, name or id."),
                    period: str = typer.Option(None, "--period", help="YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD (local)."),
                    out: Path = typer.Option(None, "--out", help="HTML file (default: FUTUREWATCH_HOME/preview-….html)."),
                    now: str = typer.Option(None, "--now", help="ISO time standing for 'now'.")) -> None:
    """Write the subscriber's digest as an HTML file to look at (stores and sends nothing)."""
    from alerts.periods import parse_period
    from alerts.preview import find_subscriber, preview_digest
    from futurewatch.db import connect

    url, settings = database_url(), load_settings()
    span = None
    if period:
        with connect(url) as conn:
            sub = find_subscriber(conn, subscriber)
        try:
            span = parse_period(period, sub["timezone"] if sub else None)
        except ValueError as exc:
            _fail(str(exc))
    try:
        html, label = preview_digest(url, subscriber, now=_parse_now(now), period=span, settings=settings)
    except LookupError as exc:
        _fail(str(exc))
    if html is None:
        console.print(f"empty digest ({label}); nothing written")
        return
    out = out or settings.home / f"preview-{subscriber.replace('@', '_at_')}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    console.print(f"{label}\nwritten to {out}")


@digest_app.command("send")
def send_command(now: str = typer.Option(None, "--now", help="ISO time the run stands for (default: now).")) -> None:
    """Build every due digest (once per subscriber and period) and deliver the outbox."""
    from alerts.pipeline import send_due_digests

    summary = send_due_digests(database_url(), now=_parse_now(now))
    console.print(f"{summary.built} built, {summary.empty} empty, {summary.sent} sent, {summary.retrying} to retry, "
                  f"{summary.failed} failed, {summary.in_doubt} in doubt")
    for path in summary.files:
        console.print(f"  wrote {path}")
    for error in summary.errors:
        console.print(f"[red]{error}[/]", markup=True, highlight=False)
    if summary.failed:
        print(f"error: {summary.failed} digest(s) failed; see `futurewatch alerts outbox --status failed`",
              file=sys.stderr)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.add_typer(alerts_app, name="alerts")
    app.add_typer(digest_app, name="digest")
