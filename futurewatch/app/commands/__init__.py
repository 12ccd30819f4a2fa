"""CLI commands, one module per area; each exposes register(app).

The `futurewatch` callback builds the settings once per invocation (`start`); commands read them
with `current_settings()` and the database URL with `current_db_url()` (the embedded server starts on first use)
and pass both down to the stages.
"""

from __future__ import annotations

from futurewatch.core.config import Settings, load_settings

_session: dict = {}


def start(settings: Settings | None = None) -> Settings:
    """Begin one command run: build the settings from the environment (or take the given ones)."""
    _session.clear()
    _session["settings"] = settings or load_settings()
    return _session["settings"]


def current_settings() -> Settings:
    """This run's settings (built by the callback; built here when a command is called directly)."""
    return _session.get("settings") or start()


def current_db_url() -> str:
    """This run's database URL: DATABASE_URL, else the embedded server (started once)."""
    if "db_url" not in _session:
        from futurewatch.core.db import resolve_db_url

        _session["db_url"] = resolve_db_url(current_settings())
    return _session["db_url"]
