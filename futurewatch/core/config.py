"""Configuration: the environment, read in one place, into one settings object."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

# The zone the sources publish in: crawl schedules, dates printed without an offset, day
# boundaries of archives and digests. Code uses this constant; YAML, SQL and docs state the
# same default as data.
SOURCE_TIMEZONE = "Asia/Shanghai"


@dataclass(frozen=True)
class LockWait:
    """How long one migration statement may wait for a lock, and how often a timed-out migration is retried.

    Bounded so that an ALTER queued behind a long reader gives up instead of holding every later
    reader and writer of the table behind it (futurewatch/core/lockwait.py). 0 s waits as long as it takes.
    """

    timeout: float = 5.0  # FUTUREWATCH_MIGRATION_LOCK_TIMEOUT, seconds
    retries: int = 3  # FUTUREWATCH_MIGRATION_LOCK_RETRIES, after the first try; pauses timeout x 1, 2, 4 …, ≤ 60 s


@dataclass(frozen=True)
class Settings:
    """Everything futurewatch reads from the environment.

    FUTUREWATCH_HOME   data folder (embedded database, raw store, outbox)
    DATABASE_URL       external PostgreSQL; unset means the embedded server in FUTUREWATCH_HOME
    SMTP_HOST/PORT/USER/PASSWORD/SECURITY/FROM   mail delivery; no SMTP_HOST means the file outbox
    FUTUREWATCH_OFFLINE  "1" keeps crawls on the local mirror
    FUTUREWATCH_ALERT_WORKERS  alert matching processes (default 1; alerts/parallel.py)
    FUTUREWATCH_MIGRATION_LOCK_TIMEOUT/RETRIES  a migration's lock waits (default 5 s, 3 retries; LockWait)
    FUTUREWATCH_FLAP_WINDOW_DAYS  days within which a second revert of a document is flapping, recorded
                       but not sent (default 7; 0 sends every revert; alerts/flapping.py)
    """

    home: Path
    db_url: str | None = None  # DATABASE_URL
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_security: str = "starttls"  # starttls | ssl | none
    smtp_from: str = "futurewatch@localhost"
    smtp_timeout: float = 30.0
    smtp_allow_plaintext_auth: bool = False  # SMTP_ALLOW_PLAINTEXT_AUTH=1: AUTH without TLS (test relays only)
    offline: bool = False
    alert_workers: int = 1
    migration_lock_wait: LockWait = LockWait()
    flap_window_days: float = 7.0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def pgdata(self) -> Path:
        return self.home / "pgdata"

    @property
    def raw_dir(self) -> Path:
        return self.home / "raw"

    @property
    def outbox_dir(self) -> Path:
        return self.home / "outbox"


class ConfigError(ValueError):
    """A malformed setting, with a one-line message naming it."""


SMTP_SECURITY_MODES = ("starttls", "ssl", "none")


def refuse_plaintext_auth(server: str, user: str | None, security: str, allowed: bool) -> None:
    """ConfigError when a password would cross the network in clear (AUTH with SMTP_SECURITY=none)."""
    if user and security == "none" and not allowed:
        raise ConfigError(f"SMTP {server}: refusing to send the SMTP password without TLS; set SMTP_SECURITY="
                          "starttls or ssl (or SMTP_ALLOW_PLAINTEXT_AUTH=1 for a test relay)")


def _number(env: dict[str, str], name: str, default: float, kind: type, least: float | None = None,
            most: float | None = None) -> float:
    """`env[name]` read as `kind` (default when unset or blank); ConfigError when malformed or outside
    `least`..`most`."""
    raw = (env.get(name) or "").strip()
    what = (f"a whole number from {least:g}" if least is not None else "an integer") if kind is int else (
        f"a number from {least:g}" if least is not None else "a number")
    what += f" to {most:g}" if most is not None else ""
    try:
        value = kind(raw) if raw else default
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or (least is not None and value < least) or (
            most is not None and value > most):
        raise ConfigError(f"{name} must be {what}, got {raw!r}")
    return value


def default_home() -> Path:
    return Path(platformdirs.user_data_dir("futurewatch", appauthor=False))


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Build Settings from `env` (default: os.environ); a malformed value raises ConfigError."""
    env = dict(os.environ if env is None else env)
    security = (env.get("SMTP_SECURITY") or "starttls").lower()
    if security not in SMTP_SECURITY_MODES:
        raise ConfigError(f"SMTP_SECURITY must be one of {', '.join(SMTP_SECURITY_MODES)}, got {security!r}")
    home = Path(env.get("FUTUREWATCH_HOME") or default_home()).expanduser().resolve()
    return Settings(
        home=home,
        db_url=env.get("DATABASE_URL") or None,
        smtp_host=env.get("SMTP_HOST") or None,
        smtp_port=int(_number(env, "SMTP_PORT", 587, int)),
        smtp_user=env.get("SMTP_USER") or None,
        smtp_password=env.get("SMTP_PASSWORD") or None,
        smtp_security=security,
        smtp_from=env.get("SMTP_FROM") or "futurewatch@localhost",
        smtp_timeout=_number(env, "SMTP_TIMEOUT", 30.0, float),
        smtp_allow_plaintext_auth=env.get("SMTP_ALLOW_PLAINTEXT_AUTH", "") in {"1", "true", "yes"},
        offline=env.get("FUTUREWATCH_OFFLINE", "") in {"1", "true", "yes"},
        alert_workers=int(_number(env, "FUTUREWATCH_ALERT_WORKERS", 1, int, least=1)),
        migration_lock_wait=LockWait(
            timeout=_number(env, "FUTUREWATCH_MIGRATION_LOCK_TIMEOUT", LockWait.timeout, float, least=0),
            retries=int(_number(env, "FUTUREWATCH_MIGRATION_LOCK_RETRIES", LockWait.retries, int, least=0))),
        flap_window_days=_number(env, "FUTUREWATCH_FLAP_WINDOW_DAYS", Settings.flap_window_days, float, least=0,
                                 most=3650),
        extra={k: v for k, v in env.items() if k.startswith("FUTUREWATCH_")},
    )
