"""Adding a site-specific source touches four things: a registry entry, one spider file, one parser
file and its fixtures (the pages the offline mirror serves: no mirror module). This test adds one
(in a temporary folder, through FUTUREWATCH_SOURCES), then crawls it over the loopback mirror and
processes it, exactly as a built-in source."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

import crawlers.mirror
from crawlers.mirror import start_mirror
from futurewatch.app.cli import app
from futurewatch.core.db import connect
from futurewatch.core.sources import load_registry

SPIDER = '''
from crawlers.spiders.base import SourceSpider


class Spider(SourceSpider):
    name = "bay_daily"

    def build_start_requests(self):
        for url in self.config.entry_urls:
            yield self.listing(url, self.parse_list)

    def parse_list(self, response):
        item = self.listing_item(response)
        yield item
        for row in self.selector(response).css("ul.headlines li a"):
            url = response.urljoin(row.attrib["href"])
            yield from self.follow_article(url, hints={"title": row.css("::text").get()}, parent_url=response.url)
'''

PARSER = '''
from parsers.base import SiteParser


class V1(SiteParser):
    source_id = "bay_daily"
    title_selectors = ("h1.headline",)
    body_selectors = ("div.story",)
    date_selectors = ("span.dateline",)
'''

ARTICLE = ('<html><head><meta charset="utf-8"><title>湾区日报</title></head><body>'
           '<div class="menu"><a href="/">首页</a> <a href="/city/">城市</a></div>'
           '<h1 class="headline">湾区氢能重卡示范线路开通</h1><span class="dateline">2026-11-21 08:00</span>'
           '<div class="story"><p>湾区首条氢能重卡示范线路昨日开通，三十辆氢燃料电池重卡投入港口集装箱运输。</p>'
           '<p>运营企业表示，线路沿途建有两座加氢站，单车加注时间约十五分钟，续航里程可达四百公里。</p></div>'
           '<div class="copyright">湾区日报 版权所有</div></body></html>')
LISTING = ('<html><head><meta charset="utf-8"></head><body><ul class="headlines">'
           '<li><a href="/news/2026/1121/88.html">湾区氢能重卡示范线路开通</a></li></ul></body></html>')
ENTRY = """
sources:
  - source_id: bay_daily
    name: 湾区日报
    kind: news
    entry_urls: ["https://www.baydaily.example.com/news/index.html"]
    allowed_domains: [baydaily.example.com]
    hosts: [.baydaily.example.com]
    spider: fw_bay_daily.spider:Spider
    parser: {module: fw_bay_daily.parser, versions: [V1]}
    fixtures: fixtures/bay_daily
"""


def store_page(folder, stem: str, url: str, html: str, kind: str = "page") -> None:
    (folder / f"{stem}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
    meta = {"url": url, "crawl_date": "2026-11-21T10:00:00+08:00", "kind": kind, "origin": {"kind": "constructed"}}
    (folder / f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


@pytest.fixture
def new_source(tmp_path, fw_env, monkeypatch):
    """The four things a new source consists of, in a folder outside the package."""
    package = tmp_path / "fw_bay_daily"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "spider.py").write_text(textwrap.dedent(SPIDER))
    (package / "parser.py").write_text(textwrap.dedent(PARSER))
    fixtures = tmp_path / "fixtures" / "bay_daily"
    fixtures.mkdir(parents=True)
    store_page(fixtures, "bay_daily_2026_11_21", "https://www.baydaily.example.com/news/2026/1121/88.html", ARTICLE)
    store_page(fixtures, "list", "https://www.baydaily.example.com/news/index.html", LISTING, kind="listing")
    (tmp_path / "extra.yaml").write_text(ENTRY, encoding="utf-8")
    monkeypatch.setenv("FUTUREWATCH_SOURCES", str(tmp_path / "extra.yaml"))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def test_a_new_site_specific_source_is_crawled_and_parsed_by_its_own_parser(new_source, db_url):
    server = start_mirror()
    try:
        crawl = CliRunner().invoke(app, ["crawl", "bay_daily", "--mirror", server.url])
    finally:
        server.stop()
    assert crawl.exit_code == 0, crawl.output
    # processed in a fresh process, as the CLI and the DAG run it: the parser lookup reads the overlay
    process = subprocess.run([sys.executable, "-c", "from futurewatch.app.cli import app; app()", "process"],
                             capture_output=True, text=True, timeout=300, env=os.environ.copy())
    assert process.returncode == 0, process.stderr
    with connect(db_url) as conn:
        docs = conn.execute("SELECT d.canonical_url, v.title, v.text, v.parser FROM documents d "
                            "JOIN document_versions v ON v.version_id = d.current_version_id "
                            "WHERE d.source_id = 'bay_daily'").fetchall()
    assert [(d["canonical_url"], d["parser"], d["title"]) for d in docs] == [
        ("https://www.baydaily.example.com/news/2026/1121/88.html", "bay_daily.V1", "湾区氢能重卡示范线路开通")]
    assert "三十辆氢燃料电池重卡" in docs[0]["text"] and "版权所有" not in docs[0]["text"]


def test_the_mirror_holds_no_site_of_its_own():
    """Nothing of a source lives in the mirror: it serves the registry's stored pages, so adding a
    source adds no mirror module (and the built-in sources have none either)."""
    folder = Path(crawlers.mirror.__file__).parent
    code = "\n".join(p.read_text(encoding="utf-8") for p in folder.rglob("*.py"))
    hosts = {h.lstrip(".") for config in load_registry().values() for h in config.hosts}
    assert hosts and not sorted(h for h in hosts if h in code)
    assert not (folder / "sites").exists()
