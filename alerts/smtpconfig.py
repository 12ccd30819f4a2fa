"""Where mail goes: SMTP settings from the environment, else an Airflow connection, else files.

Environment (futurewatch.config.Settings): SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD,
SMTP_SECURITY (starttls | ssl | none), SMTP_FROM, SMTP_TIMEOUT; FUTUREWATCH_SMTP_CA_FILE to trust
a private relay's certificate.
Airflow: when SMTP_HOST is unset and the code runs inside an Airflow task (AIRFLOW_CTX_DAG_ID is
set), the connection FUTUREWATCH_SMTP_CONN_ID (default `futurewatch_smtp`) is read, lazily: host,
port, login, password; extras `security`, `from`, `timeout`. No SMTP anywhere → the file outbox.
A user with SMTP_SECURITY=none would send the password in clear: refused (ConfigError) unless
SMTP_ALLOW_PLAINTEXT_AUTH=1 (a local test relay).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from futurewatch.config import Settings, refuse_plaintext_auth

log = logging.getLogger(__name__)
DEFAULT_CONN_ID = "futurewatch_smtp"
SECURITIES = ("starttls", "ssl", "none")


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    user: str | None = None
    password: str | None = None
    security: str = "starttls"
    sender: str = "futurewatch@localhost"
    timeout: float = 30.0
    ca_file: str | None = None   # FUTUREWATCH_SMTP_CA_FILE: trust a private relay's certificate

    def describe(self) -> str:
        return f"{self.security}://{self.user + '@' if self.user else ''}{self.host}:{self.port}"


def smtp_config(settings: Settings) -> SmtpConfig | None:
    """The SMTP server to use, or None for the file outbox; ConfigError for AUTH in clear."""
    config = _find_smtp_config(settings)
    if config:
        refuse_plaintext_auth(config.describe(), config.user, config.security, settings.smtp_allow_plaintext_auth)
    return config


def _find_smtp_config(settings: Settings) -> SmtpConfig | None:
    if settings.smtp_host:
        return SmtpConfig(settings.smtp_host, settings.smtp_port, settings.smtp_user, settings.smtp_password,
                          _security(settings.smtp_security), settings.smtp_from, settings.smtp_timeout,
                          settings.extra.get("FUTUREWATCH_SMTP_CA_FILE") or None)
    conn_id = os.environ.get("FUTUREWATCH_SMTP_CONN_ID")
    if conn_id or os.environ.get("AIRFLOW_CTX_DAG_ID"):
        return airflow_smtp_config(conn_id or DEFAULT_CONN_ID, settings)
    return None


def _security(value: str | None) -> str:
    value = (value or "starttls").lower()
    if value not in SECURITIES:
        raise ValueError(f"SMTP security {value!r} is not one of {', '.join(SECURITIES)}")
    return value


def airflow_smtp_config(conn_id: str, settings: Settings) -> SmtpConfig | None:
    """Read an Airflow connection (only imported here, at send time); None if it does not exist."""
    try:
        from airflow.sdk import BaseHook
        from airflow.sdk.exceptions import AirflowNotFoundException
    except ImportError:
        log.warning("alerts: FUTUREWATCH_SMTP_CONN_ID=%s set but Airflow is not installed; using the file outbox",
                    conn_id)
        return None
    try:
        conn = BaseHook.get_connection(conn_id)
    except AirflowNotFoundException:
        log.info("alerts: no Airflow connection %s; using the file outbox", conn_id)
        return None
    extra = conn.extra_dejson or {}
    return SmtpConfig(conn.host, int(conn.port or 587), conn.login or None, conn.password or None,
                      _security(extra.get("security")), extra.get("from") or settings.smtp_from,
                      float(extra.get("timeout") or settings.smtp_timeout), extra.get("ca_file"))
