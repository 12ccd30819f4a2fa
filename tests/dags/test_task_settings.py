"""A task's settings, built once: the environment first, then the Airflow connections it leaves unset."""

from __future__ import annotations

import json

import pytest

from futurewatch.core.config import load_settings
from futurewatch.core.sender import smtp_config

pytest.importorskip("airflow")


def test_the_smtp_connection_fills_the_task_settings_and_the_environment_wins(monkeypatch, tmp_path):
    from dags.dag_support import task_settings

    for name in ("SMTP_HOST", "SMTP_USER", "SMTP_PASSWORD", "SMTP_FROM", "FUTUREWATCH_SMTP_CONN_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FUTUREWATCH_HOME", str(tmp_path))
    monkeypatch.setenv("AIRFLOW_CONN_FUTUREWATCH_SMTP", json.dumps({
        "conn_type": "smtp", "host": "relay.example.com", "port": 2525, "login": "fwuser", "password": "secret-pw",
        "extra": {"security": "starttls", "from": "ops@example.com", "timeout": 7}}))
    assert smtp_config(load_settings()) is None  # outside a task the connection is never looked at
    config = smtp_config(task_settings())
    assert (config.host, config.port, config.user, config.password, config.security, config.sender, config.timeout) == \
        ("relay.example.com", 2525, "fwuser", "secret-pw", "starttls", "ops@example.com", 7.0)
    monkeypatch.setenv("FUTUREWATCH_SMTP_CONN_ID", "no_such_connection")
    assert smtp_config(task_settings()) is None  # a missing connection means the file outbox
    monkeypatch.setenv("SMTP_HOST", "mail.example.org")
    assert smtp_config(task_settings()).host == "mail.example.org"  # the environment wins
