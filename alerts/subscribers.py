"""Subscribers and their rules: read from YAML, checked, and upserted into PostgreSQL.

    subscribers:
      - email: analyst@example.com
        name: 分析员
        cadence: daily            # immediate | daily | weekly
        timezone: Asia/Shanghai   # default
        language: zh              # zh | en
        rules:
          - name: 具身智能
            type: keyword
            query: 具身智能 OR 人形机器人

A subscriber may instead (or also) list chat `webhooks:`; without an email it needs a `name`.
Layout options (view, top_items, chart_days, unsubscribe) and webhooks: see alerts/channels.py.

Rule params are written inline (or under `params:`). Loading is an upsert by email and by
(subscriber, rule name); a rule no longer in the file is deactivated, never deleted, so its
events and digests stay.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from psycopg.types.json import Jsonb

from alerts.channels import ChannelError, parse_options, parse_webhook
from alerts.limits import (MAX_RULES_PER_SUBSCRIBER, MAX_SUBSCRIBER_FILE_BYTES, MAX_SUBSCRIBERS_PER_FILE, LimitError,
                           check_counts, check_email, check_name, check_rule_params, check_yaml_depth)
from alerts.rules import Catalog, RuleError, compile_rule
from futurewatch.core.config import SOURCE_TIMEZONE
from futurewatch.core.db import connect

CADENCES = ("immediate", "daily", "weekly")
LANGUAGES = ("zh", "en")
DEMO_SUBSCRIBERS = Path(__file__).resolve().parent / "demo_subscribers.yaml"
EXAMPLE_SUBSCRIBERS = Path(__file__).resolve().parent / "subscribers.example.yaml"


class SubscriberError(ValueError):
    """A subscriber file or entry that cannot be used; one line naming the entry."""


@dataclass
class RuleSpec:
    name: str
    rule_type: str
    params: dict
    active: bool = True


@dataclass
class Subscriber:
    email: str | None
    name: str | None = None
    cadence: str = "daily"
    timezone: str = SOURCE_TIMEZONE
    language: str = "zh"
    active: bool = True
    rules: list[RuleSpec] = field(default_factory=list)
    webhooks: list[dict] = field(default_factory=list)
    options: dict = field(default_factory=dict)


def parse_rule(entry: dict, email: str) -> RuleSpec:
    if not isinstance(entry, dict) or not entry.get("name") or not entry.get("type"):
        raise SubscriberError(f"{email}: every rule needs a name and a type")
    params = entry.get("params") or {}
    if not isinstance(params, dict):
        raise SubscriberError(f"{email}: rule {str(entry['name'])[:80]!r}: params must be a mapping, got {type(params).__name__}")
    params = dict(params)
    params.update({k: v for k, v in entry.items() if k not in ("name", "type", "params", "active")})
    spec = RuleSpec(str(entry["name"]), str(entry["type"]), params, bool(entry.get("active", True)))
    try:
        check_name("rule name", entry["name"])
        check_rule_params(spec.params)  # before compiling: the query parser is recursive
    except LimitError as exc:
        raise SubscriberError(f"{email}: rule {spec.name[:80]!r}: {exc}") from None
    try:
        compile_rule({"rule_id": 0, "subscriber_id": 0, "name": spec.name, "rule_type": spec.rule_type,
                      "params": spec.params}, Catalog())
    except RuleError as exc:
        raise SubscriberError(f"{email}: {exc}") from None
    return spec


def _identity(entry) -> str | None:
    """The subscriber's email, or None for a chat-only subscriber (which must have a name)."""
    if not isinstance(entry, dict):
        raise SubscriberError(f"subscriber entry {entry!r:.80} needs an email address")
    if entry.get("email") is None and entry.get("webhooks") and entry.get("name"):
        return None
    if "@" not in str(entry.get("email", "")):
        raise SubscriberError(f"subscriber entry {entry!r:.80} needs an email address (or a name and webhooks)")
    try:
        return check_email(entry["email"])
    except LimitError as exc:
        raise SubscriberError(f"subscriber {str(entry['email'])[:80]!r}: {exc}") from None


def _channels(entry: dict, who: str) -> tuple[list[dict], dict]:
    hooks = entry.get("webhooks") or []
    if not isinstance(hooks, list):
        raise SubscriberError(f"{who}: webhooks must be a list")
    try:
        return [parse_webhook(h, who) for h in hooks], parse_options(entry, who)
    except ChannelError as exc:
        raise SubscriberError(str(exc)) from None


def parse_subscriber(entry: dict) -> Subscriber:
    email = _identity(entry)
    who = email or str(entry["name"])
    try:
        check_name("name", entry.get("name"))
        check_counts("rules", len(entry.get("rules") or []), MAX_RULES_PER_SUBSCRIBER)
    except LimitError as exc:
        raise SubscriberError(f"subscriber {who[:80]!r}: {exc}") from None
    sub = Subscriber(email, entry.get("name"), entry.get("cadence", "daily"),
                     entry.get("timezone", SOURCE_TIMEZONE), entry.get("language", "zh"),
                     bool(entry.get("active", True)))
    if sub.cadence not in CADENCES:
        raise SubscriberError(f"{who}: cadence must be one of {', '.join(CADENCES)}")
    if sub.language not in LANGUAGES:
        raise SubscriberError(f"{who}: language must be one of {', '.join(LANGUAGES)}")
    try:
        ZoneInfo(sub.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise SubscriberError(f"{who}: unknown timezone {sub.timezone!r}") from None
    sub.webhooks, sub.options = _channels(entry, who)
    sub.rules = [parse_rule(r, who) for r in entry.get("rules") or []]
    names = [r.name for r in sub.rules]
    if len(names) != len(set(names)):
        raise SubscriberError(f"{who}: rule names must be unique per subscriber")
    return sub


def load_yaml(path: str | Path):
    """The YAML document in `path`, within the size limit, without aliases (no billion laughs)."""
    try:
        size = Path(path).stat().st_size
        if size > MAX_SUBSCRIBER_FILE_BYTES:
            raise SubscriberError(f"{path}: {size} bytes; the limit is {MAX_SUBSCRIBER_FILE_BYTES}")
        text = Path(path).read_text(encoding="utf-8")
        check_yaml_depth(text)
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text)):
            raise SubscriberError(f"{path}: YAML aliases (*name) are not allowed in a subscribers file")
        return yaml.safe_load(text)
    except OSError as exc:
        raise SubscriberError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise SubscriberError(f"{path} is not UTF-8 text (byte {exc.start})") from None
    except LimitError as exc:
        raise SubscriberError(f"{path}: {exc}") from None
    except yaml.YAMLError as exc:
        raise SubscriberError(f"{path} is not valid YAML: {' '.join(str(exc).split())}") from None


def read_subscribers(path: str | Path) -> list[Subscriber]:
    """Parse a subscriber YAML file; SubscriberError with one line on any problem."""
    data = load_yaml(path)
    entries = (data or {}).get("subscribers") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SubscriberError(f"{path}: expected a top-level `subscribers:` list")
    if len(entries) > MAX_SUBSCRIBERS_PER_FILE:
        raise SubscriberError(f"{path}: {len(entries)} subscribers; the limit is {MAX_SUBSCRIBERS_PER_FILE}")
    subscribers = []
    for number, entry in enumerate(entries, 1):
        try:
            subscribers.append(parse_subscriber(entry))
        except SubscriberError as exc:
            raise SubscriberError(f"{path}: subscriber #{number}: {exc}") from None
    return subscribers


UPSERT_SUBSCRIBER_SQL = """
INSERT INTO subscribers (email, name, cadence, timezone, language, active, webhooks, options)
VALUES (%(email)s, %(name)s, %(cadence)s, %(timezone)s, %(language)s, %(active)s, %(webhooks)s, %(options)s)
ON CONFLICT {target} DO UPDATE SET name = EXCLUDED.name, cadence = EXCLUDED.cadence,
    timezone = EXCLUDED.timezone, language = EXCLUDED.language, active = EXCLUDED.active,
    webhooks = EXCLUDED.webhooks, options = EXCLUDED.options, updated_at = now()
RETURNING subscriber_id
"""
BY_EMAIL = UPSERT_SUBSCRIBER_SQL.format(target="(email)")
BY_NAME = UPSERT_SUBSCRIBER_SQL.format(target="(name) WHERE email IS NULL")  # chat-only subscribers


def upsert_subscriber(conn, sub: Subscriber, *, prune: bool = True) -> int:
    row = conn.execute(BY_EMAIL if sub.email else BY_NAME, {
        "email": sub.email, "name": sub.name, "cadence": sub.cadence, "timezone": sub.timezone,
        "language": sub.language, "active": sub.active, "webhooks": Jsonb(sub.webhooks),
        "options": Jsonb(sub.options)}).fetchone()
    subscriber_id = row["subscriber_id"]
    for rule in sub.rules:
        upsert_rule(conn, subscriber_id, rule)
    if prune:
        conn.execute("UPDATE alert_rules SET active = false WHERE subscriber_id = %(s)s AND NOT (name = ANY(%(n)s))",
                     {"s": subscriber_id, "n": [r.name for r in sub.rules]})
    # an inactive rule misses versions: when it comes back it is backfilled like a new one
    conn.execute("DELETE FROM alert_rule_state WHERE rule_id IN (SELECT rule_id FROM alert_rules "
                 "WHERE subscriber_id = %(s)s AND NOT active)", {"s": subscriber_id})
    return subscriber_id


def upsert_rule(conn, subscriber_id: int, rule: RuleSpec) -> int:
    return conn.execute(
        """INSERT INTO alert_rules (subscriber_id, name, rule_type, params, active)
           VALUES (%(s)s, %(name)s, %(type)s, %(params)s, %(active)s)
           ON CONFLICT (subscriber_id, name) DO UPDATE SET rule_type = EXCLUDED.rule_type,
               params = EXCLUDED.params, active = EXCLUDED.active
           RETURNING rule_id""",
        {"s": subscriber_id, "name": rule.name, "type": rule.rule_type, "params": Jsonb(rule.params),
         "active": rule.active}).fetchone()["rule_id"]


def load_subscribers(db_url: str, path: str | Path, *, prune: bool = True) -> list[int]:
    """Read a YAML file and upsert every subscriber and rule in one transaction; their ids."""
    subs = read_subscribers(path)
    with connect(db_url) as conn:
        return [upsert_subscriber(conn, s, prune=prune) for s in subs]


def load_demo_subscribers(db_url: str) -> list[int]:
    """The demo subscribers (alerts/demo_subscribers.yaml) used by `make demo`."""
    return load_subscribers(db_url, DEMO_SUBSCRIBERS)
