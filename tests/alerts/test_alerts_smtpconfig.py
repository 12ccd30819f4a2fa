"""Where mail goes: environment first, then an Airflow connection (read only when asked), else files."""

from __future__ import annotations

import importlib.util
import json

import pytest

from alerts.smtpconfig import smtp_config
from futurewatch.config import load_settings


def test_environment_wins_and_no_smtp_means_files(monkeypatch, tmp_path):
    monkeypatch.delenv("AIRFLOW_CTX_DAG_ID", raising=False)
    monkeypatch.delenv("FUTUREWATCH_SMTP_CONN_ID", raising=False)
    assert smtp_config(load_settings({"FUTUREWATCH_HOME": str(tmp_path)})) is None
    config = smtp_config(load_settings({"FUTUREWATCH_HOME": str(tmp_path), "SMTP_HOST": "mail.example.com",
                                        "SMTP_PORT": "465", "SMTP_SECURITY": "SSL", "SMTP_USER": "u",
                                        "SMTP_PASSWORD": "p", "SMTP_FROM": "fw@example.com"}))
    assert (config.host, config.port, config.security, config.user, config.sender) == \
        ("mail.example.com", 465, "ssl", "u", "fw@example.com")
    with pytest.raises(ValueError, match="starttls, ssl, none"):
        smtp_config(load_settings({"FUTUREWATCH_HOME": str(tmp_path), "SMTP_HOST": "h", "SMTP_SECURITY": "tls13"}))


@pytest.mark.skipif(importlib.util.find_spec("airflow") is None, reason="the airflow extra is not installed")
def test_airflow_connection_is_read_inside_a_task(monkeypatch, tmp_path):
    monkeypatch.setenv("AIRFLOW_CONN_FUTUREWATCH_SMTP", json.dumps({
        "conn_type": "smtp", "host": "relay.example.com", "port": 2525, "login": "fwuser", "password": "secret-pw",
        "extra": {"security": "starttls", "from": "ops@example.com", "timeout": 7}}))
    settings = load_settings({"FUTUREWATCH_HOME": str(tmp_path)})
    monkeypatch.delenv("AIRFLOW_CTX_DAG_ID", raising=False)
    monkeypatch.delenv("FUTUREWATCH_SMTP_CONN_ID", raising=False)
    assert smtp_config(settings) is None  # outside Airflow the connection is never looked at
    monkeypatch.setenv("AIRFLOW_CTX_DAG_ID", "send_digests")
    config = smtp_config(settings)
    assert (config.host, config.port, config.user, config.password, config.security, config.sender, config.timeout) == \
        ("relay.example.com", 2525, "fwuser", "secret-pw", "starttls", "ops@example.com", 7.0)
    monkeypatch.setenv("FUTUREWATCH_SMTP_CONN_ID", "no_such_connection")
    assert smtp_config(settings) is None  # a missing connection means the file outbox
