"""Where mail goes: the settings' SMTP_* (inside a task they carry the Airflow connection), else files."""

from __future__ import annotations

import pytest

from futurewatch.core.sender import smtp_config
from futurewatch.core.config import load_settings


def test_settings_say_where_mail_goes_and_no_smtp_means_files(tmp_path):
    assert smtp_config(load_settings({"FUTUREWATCH_HOME": str(tmp_path)})) is None
    config = smtp_config(load_settings({"FUTUREWATCH_HOME": str(tmp_path), "SMTP_HOST": "mail.example.com",
                                        "SMTP_PORT": "465", "SMTP_SECURITY": "SSL", "SMTP_USER": "u",
                                        "SMTP_PASSWORD": "p", "SMTP_FROM": "fw@example.com"}))
    assert (config.host, config.port, config.security, config.user, config.sender) == \
        ("mail.example.com", 465, "ssl", "u", "fw@example.com")
    with pytest.raises(ValueError, match="starttls, ssl, none"):
        smtp_config(load_settings({"FUTUREWATCH_HOME": str(tmp_path), "SMTP_HOST": "h", "SMTP_SECURITY": "tls13"}))
