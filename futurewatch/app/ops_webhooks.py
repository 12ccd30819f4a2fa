"""Ops chat webhooks: where failure notices are posted, and how.

FUTUREWATCH_OPS_WEBHOOKS is either the path of a YAML file (at most MAX_FILE_BYTES, MAX_WEBHOOKS
entries), written like a subscriber's webhooks (alerts/channels.py):

    webhooks:
      - kind: wecom | dingtalk | feishu | json
        url: https://…            (or url_env: NAME)
        secret: SEC…              (or secret_env: NAME; DingTalk and Feishu signing)

or, as before, comma-separated http(s) URLs, each a `json` webhook (a generic incoming webhook that
receives {"text", "source_id", "error", "failing_urls"}). Messages go through the one sender,
futurewatch/core/sender.py (signing, errcode checks; NotSent and rate-limited posts are retried with backoff).
Logs and outcomes name a webhook by its channel key, never by its URL or secret.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alerts.channels import WEBHOOK_KINDS, ChannelError, Webhook, parse_webhook, webhook_from
from futurewatch.core import sender

log = logging.getLogger(__name__)
SETTING = "FUTUREWATCH_OPS_WEBHOOKS"
OPS_KINDS = (*WEBHOOK_KINDS, "json")
MAX_FILE_BYTES = 64_000
MAX_WEBHOOKS = 20


def parse_ops_webhooks(value: str | None) -> list[Webhook]:
    """The webhooks named by the setting; ChannelError (one line, no secret) when unusable."""
    value = (value or "").strip()
    if not value:
        return []
    if value.lower().startswith(("http://", "https://")):
        entries = [{"kind": "json", "url": u.strip()} for u in value.split(",") if u.strip()]
        return checked(entries, f"{SETTING} (comma-separated URLs)")
    return checked(read_file(Path(value).expanduser()), f"{SETTING} file {value}")


def read_file(path: Path) -> list:
    import yaml

    who = f"{SETTING} file {path}"
    if not path.is_file():
        raise ChannelError(f"{who}: no such file (give a YAML file or comma-separated http(s) URLs)")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ChannelError(f"{who}: larger than {MAX_FILE_BYTES} bytes")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        where = getattr(exc, "problem_mark", None)
        raise ChannelError(f"{who}: not valid YAML" + (f" (line {where.line + 1})" if where else "")) from None
    if not isinstance(data, dict) or not isinstance(data.get("webhooks"), list):
        raise ChannelError(f"{who}: needs a top-level `webhooks:` list")
    return data["webhooks"]


def checked(entries: list, who: str) -> list[Webhook]:
    if len(entries) > MAX_WEBHOOKS:
        raise ChannelError(f"{who}: more than {MAX_WEBHOOKS} webhooks")
    return [webhook_from(parse_webhook(entry, f"{who}, webhook {n}", OPS_KINDS))
            for n, entry in enumerate(entries, 1)]


def post_all(hooks: list[Webhook], bodies_for, env: dict[str, str] | None = None) -> list[str]:
    """Post each webhook its kind's bodies; one outcome per webhook. A failing one never stops the rest."""
    outcomes = []
    for hook in hooks:
        url = secret = None
        try:
            url, secret = hook.resolve(env)
            for body in bodies_for(hook.kind):
                sender.post_with_retries(hook.kind, url, secret, body)
            outcomes.append(f"{hook.channel} posted")
        except Exception as exc:  # noqa: BLE001 — one broken robot must not silence the others
            error = sender.redact(f"{type(exc).__name__}: {exc}", url, secret)
            log.error("ops webhook %s failed: %s", hook.channel, error)
            outcomes.append(f"{hook.channel} failed: {error}")
    return outcomes

