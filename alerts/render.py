"""Rendering a digest: Jinja2 templates (HTML autoescaped, plain text) and safe links.
Labels are in alerts/labels.py, the chart in alerts/charts.py."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the archive; javascript:, data: and the like are dropped."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


@lru_cache(maxsize=1)
def html_environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=1)
def text_environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)


def render_html(context: dict) -> str:
    return html_environment().get_template("digest.html.j2").render(**context)


def render_text(context: dict) -> str:
    return text_environment().get_template("digest.txt.j2").render(**context)
