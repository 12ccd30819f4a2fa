"""`futurewatch alerts list|add|load|test|outbox` and `futurewatch digest preview|send`."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from futurewatch.core.config import SOURCE_TIMEZONE
from futurewatch.app.commands import current_db_url, current_settings
from futurewatch.core.localtime import display_zone, iso_time, read_time, show_date, zone_note
from futurewatch.app.tables import Column, print_records

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


def show_iso_date(value: str | None, zone) -> str:
    """An ISO time from an event payload as the day in the display zone."""
    return show_date(datetime.fromisoformat(value), zone) if value else ""


NOW_HELP = ("ISO 8601 time the run stands for (default: now); without an offset, a time in "
            "FUTUREWATCH_TIMEZONE (default Asia/Shanghai), e.g. 2026-12-01T08:00.")


def _parse_now(value: str | None) -> datetime:
    """--now as an aware time: a naive one is read in the display zone, as every time the CLI shows."""
    if not value:
        return datetime.now(timezone.utc)
    zone = display_zone(current_settings())  # a bad FUTUREWATCH_TIMEZONE is its own error, not --now's
    try:
        return read_time(value, zone)
    except ValueError as exc:
        _fail(f"--now {exc}")


SUBSCRIBER_COLUMNS = [
    Column("email", "subscriber", kind="id"), Column("rule", "rule", kind="text", priority=0),
    Column("type", "type", priority=1), Column("active", "active", priority=2),
    Column("cadence", "cadence", priority=3), Column("params", "params", kind="text", priority=4),
    Column("timezone", "tz", priority=5), Column("language", "lang", priority=6),
]
SUBSCRIBERS_SQL = """
SELECT s.email, s.name, s.cadence, s.timezone, s.language, s.active AS subscriber_active, r.name AS rule, r.rule_type AS type,
       r.params, r.active
FROM subscribers s LEFT JOIN alert_rules r USING (subscriber_id) ORDER BY s.email, s.name, r.name
"""


def subscriber_record(row: dict) -> dict:
    """One subscriber rule as JSON-ready data; the table marks an inactive subscriber in its email cell."""
    active = None if row["rule"] is None else ("yes" if row["active"] else "no")
    who = row["email"] or f"{row['name']} (chat only)"
    return {**row, "active": active, "email": who + ("" if row["subscriber_active"] else " (inactive)")}


@alerts_app.command("list")
def list_command(wide: bool = typer.Option(False, "--wide", help="Every column, whatever the terminal width."),
                 as_json: bool = typer.Option(False, "--json", help="Print the rows as JSON.")) -> None:
    """Subscribers and their rules."""
    from futurewatch.core.db import connect

    with connect(current_db_url()) as conn:
        rows = conn.execute(SUBSCRIBERS_SQL).fetchall()
    if as_json:
        print_records(rows, SUBSCRIBER_COLUMNS, as_json=True)
        return
    print_records([subscriber_record(r) for r in rows], SUBSCRIBER_COLUMNS, title="subscribers and rules",
                  wide=wide, console=Console(), empty="no subscribers (futurewatch alerts add or alerts load FILE)")


@alerts_app.command("add")
def add_command(
    email: str = typer.Argument(..., help="Subscriber email (created if new)."),
    rule: str = typer.Option(..., "--rule", help="Rule name, unique per subscriber."),
    rule_type: str = typer.Option(..., "--type", help="keyword|category|entity|first_seen_entity|new_policy|changed|spike"),
    params: str = typer.Option("{}", "--params", help='Rule params as JSON, e.g. \'{"query": "具身智能 OR 人形机器人"}\''),
    cadence: str = typer.Option("daily", "--cadence", help="immediate|daily|weekly (for a new subscriber)."),
    tz: str = typer.Option(SOURCE_TIMEZONE, "--timezone"),
    language: str = typer.Option("zh", "--language", help="zh|en"),
) -> None:
    """Add (or update) one rule of one subscriber."""
    from alerts.subscribers import SubscriberError, parse_subscriber, upsert_subscriber
    from futurewatch.core.db import connect

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
    with connect(current_db_url()) as conn:
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
        ids = load_subscribers(current_db_url(), file, prune=prune)
    except SubscriberError as exc:
        _fail(str(exc))
    console.print(f"{len(ids)} subscriber(s) loaded from {file}")


@alerts_app.command("test")
def test_command(target: str = typer.Argument(..., help="A rule id or name, or a subscriber email or name."),
                 limit: int = typer.Option(20, "--limit", help="Matches shown per rule."),
                 now: str = typer.Option(None, "--now", help=NOW_HELP)) -> None:
    """Run rules against the whole archive and show what they would raise (writes nothing)."""
    from alerts.dryrun import trial_match

    try:
        with console.status("matching the archive…"):
            result = trial_match(current_db_url(), target, now=_parse_now(now), settings=current_settings())
    except LookupError as exc:
        _fail(str(exc))
    for error in result.errors:
        console.print(error, style="red", markup=False, highlight=False)
    zone = display_zone(current_settings())
    for trial in result.trials:
        table = Table(f"date ({zone.key})", "title", "sources", "terms", title=Text(
            f"{trial.rule} ({trial.rule_type}): {len(trial.matches)} match(es) in {result.versions} document(s)"))
        for m in sorted(trial.matches, key=lambda m: m.get("published_at") or "", reverse=True)[:limit]:
            note = f"({m['suppressed']}: recorded, not sent) " if m.get("suppressed") else ""
            table.add_row(*(Text(cell) for cell in (  # scraped text: never read as markup
                show_iso_date(m.get("published_at"), zone), note + m.get("title", ""),
                ", ".join(s.get("source_id", "") for s in m.get("sources") or []), ", ".join(m.get("terms") or []))))
        console.print(table)


def delivery_status_style(status: str) -> str:
    return {"failed": "red", "in_doubt": "magenta", "pending": "yellow"}.get(status, "")


OUTBOX_COLUMNS = [
    Column("digest_id", "digest", kind="id", justify="right"), Column("email", "to", kind="id"),
    Column("status", "status", priority=1, style=delivery_status_style),
    Column("period_end", "period end", kind="time", priority=2), Column("sent_at", "sent", kind="time", priority=3),
    Column("last_error", "last error", kind="text", priority=4),
    Column("attempts", "tries", priority=5, justify="right"),
    Column("next_attempt_at", "next attempt", kind="time", priority=6), Column("channel", "channel", priority=7),
]
OUTBOX_TIMES = ("period_start", "period_end", "next_attempt_at", "sent_at")


def with_local_times(row: dict, zone) -> dict:
    """A delivery row with its times in the display zone (ISO, with the offset)."""
    return {**row, **{k: iso_time(row[k], zone) for k in OUTBOX_TIMES if k in row}}


@alerts_app.command("outbox")
def outbox_command(status: str = typer.Option(None, "--status", help="pending|sending|sent|failed|in_doubt"),
                   requeue: int = typer.Option(None, "--requeue", help="Put a failed/in-doubt digest back in the queue."),
                   limit: int = typer.Option(50, "--limit"),
                   wide: bool = typer.Option(False, "--wide", help="Every column, whatever the terminal width."),
                   as_json: bool = typer.Option(False, "--json", help="Print the rows as JSON.")) -> None:
    """Deliveries: status, attempts, next attempt, last error (failures first)."""
    from alerts.send import requeue as requeue_delivery, select_outbox

    db_url, zone = current_db_url(), display_zone(current_settings())
    if requeue is not None:
        if not requeue_delivery(db_url, requeue):
            _fail(f"digest {requeue} is not failed or in doubt")
        console.print(f"digest {requeue} requeued")
    records = [{**with_local_times(r, zone), "email": r["email"] or "(chat only)"}
               for r in select_outbox(db_url, status=status, limit=limit)]
    print_records(records, OUTBOX_COLUMNS, title=f"outbox ({zone_note(zone)}; files in {current_settings().outbox_dir})",
                  wide=wide, as_json=as_json, console=Console(), empty="no deliveries")


CHAT_COLUMNS = [
    Column("digest_id", "digest", kind="id", justify="right"), Column("channel", "channel", kind="id"),
    Column("status", "status", priority=1, style=delivery_status_style),
    Column("subscriber", "subscriber", kind="text", priority=2), Column("parts", "parts", priority=3),
    Column("last_error", "last error", kind="text", priority=4),
    Column("attempts", "tries", priority=5, justify="right"),
    Column("next_attempt_at", "next attempt", kind="time", priority=6),
]


@alerts_app.command("chat")
def chat_command(status: str = typer.Option(None, "--status", help="pending|sending|sent|failed|in_doubt"),
                 requeue: str = typer.Option(None, "--requeue", help="DIGEST:CHANNEL of a failed/in-doubt message."),
                 limit: int = typer.Option(50, "--limit"),
                 wide: bool = typer.Option(False, "--wide", help="Every column, whatever the terminal width."),
                 as_json: bool = typer.Option(False, "--json", help="Print the rows as JSON.")) -> None:
    """Chat deliveries (WeCom, DingTalk, Feishu): status, parts, attempts, last error. No URL or secret shown."""
    from alerts.chat_outbox import requeue_chat, select_chat_outbox

    db_url, zone = current_db_url(), display_zone(current_settings())
    if requeue is not None:
        digest, _, channel = requeue.partition(":")
        if not digest.isdigit() or not channel or not requeue_chat(db_url, int(digest), channel):
            _fail(f"{requeue} is not a failed or in-doubt chat delivery (give DIGEST:CHANNEL as listed)")
        console.print(f"{requeue} requeued")
    records = [{**with_local_times(r, zone), "parts": f"{r['parts_sent']}/{r['parts']}"}
               for r in select_chat_outbox(db_url, status=status, limit=limit)]
    print_records(records, CHAT_COLUMNS, title=f"chat deliveries ({zone_note(zone)})", wide=wide, as_json=as_json,
                  console=Console(), empty="no chat deliveries")


@digest_app.command("preview")
def preview_command(subscriber: str = typer.Option(None, "--subscriber", help="Email, name or id (default: everyone)."),
                    period: str = typer.Option(None, "--period", help="YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, local "
                                               "dates, both included (default: due now, else the latest with events)."),
                    out: Path = typer.Option(None, "--out", help="HTML file (default: FUTUREWATCH_HOME/preview-….html)."),
                    now: str = typer.Option(None, "--now", help=NOW_HELP),
                    chat: bool = typer.Option(False, "--chat", help="Also write the WeCom/DingTalk/Feishu messages "
                                              "(JSON beside the HTML).")) -> None:
    """Write digests as HTML files to look at (stores and sends nothing); says which period each shows."""
    from alerts.preview import active_subscribers

    db_url, settings = current_db_url(), current_settings()
    who_list = [subscriber] if subscriber else active_subscribers(db_url)
    if not who_list:
        _fail("no subscribers yet (futurewatch alerts load FILE)")
    if out and len(who_list) > 1:
        _fail("--out needs --subscriber (one file per subscriber otherwise)")
    for who in who_list:
        _preview_one(db_url, settings, who, period, out, _parse_now(now), chat)


def _preview_one(db_url: str, settings, who: str, period: str | None, out: Path | None, moment: datetime,
                 chat: bool = False) -> None:
    from alerts.digest import build_mime
    from alerts.periods import parse_period
    from alerts.preview import chat_preview, find_subscriber, html_with_inline_images, preview_draft
    from futurewatch.core.db import connect

    span = None
    if period:
        with connect(db_url) as conn:
            sub = find_subscriber(conn, who)
        try:
            span = parse_period(period, sub["timezone"] if sub else None)
        except ValueError as exc:
            _fail(str(exc))
    try:
        draft, label = preview_draft(db_url, who, now=moment, period=span, settings=settings)
    except LookupError as exc:
        _fail(str(exc))
    if draft is None:
        console.print(f"empty digest ({label}); nothing written", markup=False, highlight=False)
        return
    path = out or settings.home / f"preview-{who.replace('@', '_at_')}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html_with_inline_images(build_mime(draft, settings.smtp_from)), encoding="utf-8")
    console.print(f"{label}\n  written to {path}", markup=False, highlight=False)
    if chat:
        for kind, messages in chat_preview(draft, settings).items():
            target = path.with_suffix(f".{kind}.json")
            target.write_text(json.dumps(messages, ensure_ascii=False, indent=2), encoding="utf-8")
            console.print(f"  {kind}: {len(messages)} message(s) written to {target}")


@digest_app.command("send")
def send_command(now: str = typer.Option(None, "--now", help=NOW_HELP)) -> None:
    """Build every due digest (once per subscriber and period) and deliver the outbox."""
    from alerts.pipeline import left_for_ops, send_due_digests

    summary = send_due_digests(current_db_url(), now=_parse_now(now), settings=current_settings())
    console.print(f"{summary.built} built, {summary.empty} empty, {summary.sent} sent, {summary.retrying} to retry, "
                  f"{summary.failed} failed, {summary.in_doubt} in doubt")
    console.print(f"chat: {summary.chat_sent} sent, {summary.chat_retrying} to retry, {summary.chat_deferred} "
                  f"deferred (rate limit), {summary.chat_failed} failed, {summary.chat_in_doubt} in doubt")
    for path in summary.files:
        console.print(f"  wrote {path}", markup=False, highlight=False)
    for error in summary.errors:  # a server's or robot's words, never read as markup
        console.print(error, style="red", markup=False, highlight=False)
    if left := left_for_ops(vars(summary)):
        print(f"error: {left} digest(s) failed or in doubt; see `futurewatch alerts outbox` and "
              "`futurewatch alerts chat` (--requeue resends one)", file=sys.stderr)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.add_typer(alerts_app, name="alerts")
    app.add_typer(digest_app, name="digest")
