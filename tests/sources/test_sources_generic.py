"""A YAML-only source (FUTUREWATCH_SOURCES, no package change) crawled through Scrapy's engine over
the loopback mirror and processed into documents, by the CLI path users run."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from crawlers.mirror import start_mirror
from futurewatch.app.cli import app
from futurewatch.core.db import connect

EXTRA = Path(__file__).resolve().parents[1] / "fixtures" / "example_news" / "sources.yaml"
ARTICLES = {f"https://news.example.org/articles/{n}.html" for n in (1001, 1002, 1003, 1004, 1005)}


@pytest.fixture
def extra_mirror(fw_env, monkeypatch):
    monkeypatch.setenv("FUTUREWATCH_SOURCES", str(EXTRA))
    server = start_mirror()
    yield server
    server.stop()


def rows(db_url: str, sql: str) -> list[dict]:
    with connect(db_url) as conn:
        return conn.execute(sql).fetchall()


def test_yaml_only_source_is_crawled_and_processed_end_to_end(extra_mirror, db_url):
    runner = CliRunner()
    crawl = runner.invoke(app, ["crawl", "example_news", "--mirror", extra_mirror.url])
    assert crawl.exit_code == 0, crawl.output
    pages = rows(db_url, "SELECT url FROM raw_fetches WHERE source_id = 'example_news' AND kind = 'page'")
    # listing (page 1 and its 下一页 page 2), RSS feed and sitemap: only link_pattern URLs on the allowed host
    assert {r["url"] for r in pages} == ARTICLES
    hosts = {h[0] for h in extra_mirror.hits}
    assert hosts == {"news.example.org"}  # other.example.net is linked but not allowed
    processed = runner.invoke(app, ["process"])
    assert processed.exit_code == 0, processed.output
    docs = rows(db_url, "SELECT d.canonical_url AS url, v.title, v.text, v.published_at, v.parser FROM documents d "
                        "JOIN document_versions v ON v.version_id = d.current_version_id "
                        "WHERE d.source_id = 'example_news'")
    assert {d["url"] for d in docs} == ARTICLES
    by_url = {d["url"]: d for d in docs}
    first = by_url["https://news.example.org/articles/1001.html"]
    assert first["title"] == "低空经济试点城市扩容 无人机物流航线增至四十条"
    assert "无人机物流航线由原来的十二条增加到四十条" in first["text"]
    assert "版权所有" not in first["text"] and "关于我们" not in first["text"]
    assert all(d["parser"].startswith("generic.") for d in docs)
    assert first["published_at"].date().isoformat() == "2026-11-20"
