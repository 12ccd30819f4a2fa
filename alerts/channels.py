"""A subscriber's chat webhooks and digest options, as written in the subscriber file.

    webhooks:
      - kind: wecom | dingtalk | feishu
        url: https://…            (or url_env: NAME — the URL carries the robot's key)
        secret: SEC…              (or secret_env: NAME; DingTalk and Feishu signing)
    view: guangdong               national | guangdong | guangzhou: the digest's track sections
    top_items: 10                 the "top items" list (1–50)
    chart_days: 14                14 | 30: the per-track chart
    unsubscribe: https://… | mailto:…

A webhook is stored as written (an inline secret is stored too; prefer *_env). Its channel key
`kind:<12 hex of sha256(url or env name)>` names it in the outbox and in logs: the URL and the
secret never appear in a log line or an error message.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

WEBHOOK_KINDS = ("wecom", "dingtalk", "feishu")
UNSIGNED_KINDS = ("wecom", "json")  # json: a generic incoming webhook (ops notices only)
VIEWS = ("national", "guangdong", "guangzhou")
CHART_DAYS = (14, 30)
MAX_TOP_ITEMS = 50
DEFAULT_OPTIONS = {"view": "guangdong", "top_items": 10, "chart_days": 14}


class ChannelError(ValueError):
    """A webhook or option that cannot be used; one line, never containing a secret."""


@dataclass(frozen=True)
class Webhook:
    kind: str
    url: str | None = None
    url_env: str | None = None
    secret: str | None = None
    secret_env: str | None = None

    @property
    def channel(self) -> str:
        identity = self.url or f"env:{self.url_env}"
        return f"{self.kind}:{hashlib.sha256(identity.encode('utf-8')).hexdigest()[:12]}"

    def resolve(self, env: dict[str, str] | None = None) -> tuple[str, str | None]:
        """(url, secret) with *_env names looked up now; ChannelError names the missing variable."""
        env = os.environ if env is None else env
        url = self.url or env.get(self.url_env or "")
        if not url:
            raise ChannelError(f"{self.channel}: environment variable {self.url_env} is not set")
        if not is_http_url(url):
            where = f"environment variable {self.url_env}" if self.url_env else "the webhook url"
            raise ChannelError(f"{self.channel}: {where} is not an http(s) URL")
        secret = self.secret
        if self.secret_env:
            secret = env.get(self.secret_env)
            if not secret:
                raise ChannelError(f"{self.channel}: environment variable {self.secret_env} is not set")
        if not isinstance(secret, (str, type(None))):  # a hand-edited stored entry; signing would raise
            raise ChannelError(f"{self.channel}: the webhook secret is not text")
        return url, secret


def is_http_url(url: str) -> bool:
    """An http(s) URL the sender can post to: a host that encodes for DNS (an IDN host does), a numeric
    port if any, an ASCII path and query (others percent-escaped) and no space or control character;
    anything else would fail only when posting."""
    try:
        parts = urlsplit(url)
        parts.port
        (parts.hostname or "").encode("idna")  # an empty or over-long label: UnicodeError
    except ValueError:
        return False
    return (parts.scheme in ("http", "https") and bool(parts.hostname) and url.isprintable() and " " not in url
            and (parts.path + parts.query).isascii())


def webhook_from(entry: dict) -> Webhook:
    return Webhook(entry["kind"], entry.get("url"), entry.get("url_env"), entry.get("secret"),
                   entry.get("secret_env"))


def parse_webhook(entry, who: str, kinds: tuple[str, ...] = WEBHOOK_KINDS) -> dict:
    """Check one webhook entry (its kind one of `kinds`); the stored form (a plain dict)."""
    if not isinstance(entry, dict) or entry.get("kind") not in kinds:
        raise ChannelError(f"{who}: every webhook needs a kind, one of {', '.join(kinds)}")
    unknown = set(entry) - {"kind", "url", "url_env", "secret", "secret_env"}
    if unknown:
        raise ChannelError(f"{who}: {entry['kind']} webhook: unknown keys {', '.join(sorted(unknown))}")
    if bool(entry.get("url")) == bool(entry.get("url_env")):
        raise ChannelError(f"{who}: {entry['kind']} webhook needs exactly one of url or url_env")
    if entry.get("url") and not is_http_url(str(entry["url"])):
        raise ChannelError(f"{who}: {entry['kind']} webhook url must be an http(s) URL")
    if entry.get("secret") and entry.get("secret_env"):
        raise ChannelError(f"{who}: {entry['kind']} webhook: give secret or secret_env, not both")
    if entry["kind"] in UNSIGNED_KINDS and (entry.get("secret") or entry.get("secret_env")):
        raise ChannelError(f"{who}: {entry['kind']} webhooks are not signed; remove the secret")
    return {k: str(v) for k, v in entry.items() if v}


def parse_options(entry: dict, who: str) -> dict:
    """view, top_items, chart_days and unsubscribe, checked; defaults filled in."""
    options = {**DEFAULT_OPTIONS, **{k: entry[k] for k in ("view", "top_items", "chart_days", "unsubscribe")
                                      if entry.get(k) is not None}}
    if options["view"] not in VIEWS:
        raise ChannelError(f"{who}: view must be one of {', '.join(VIEWS)}")
    if not isinstance(options["top_items"], int) or not 1 <= options["top_items"] <= MAX_TOP_ITEMS:
        raise ChannelError(f"{who}: top_items must be a whole number from 1 to {MAX_TOP_ITEMS}")
    if options["chart_days"] not in CHART_DAYS:
        raise ChannelError(f"{who}: chart_days must be 14 or 30")
    link = options.get("unsubscribe")
    if link and not (str(link).startswith("mailto:") or urlsplit(str(link)).scheme == "https"):
        raise ChannelError(f"{who}: unsubscribe must be a mailto: or https: link")
    return options
