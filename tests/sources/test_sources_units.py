"""Fast checks: the generic spider's reading of Atom feeds and sitemap indexes, the one attachment
list, and that tests read nothing outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import scrapy
from scrapy.http import TextResponse

from crawlers.spiders.generic import Spider
from futurewatch.core.filetypes import attachment_ext
from futurewatch.core.sources import parse_registry

ROOT = Path(__file__).resolve().parents[2]
ENTRY = """
sources:
  - source_id: feedy
    name: Feedy
    kind: news
    entry_urls: ["https://feedy.example.org/atom.xml"]
    allowed_domains: [feedy.example.org]
    link_pattern: '/p/\\d+$'
"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Feedy</title>
<entry><title>First</title><link rel="alternate" href="https://feedy.example.org/p/1"/>
  <link rel="edit" href="https://feedy.example.org/edit/1"/><published>2026-11-20T08:00:00+08:00</published></entry>
<entry><title>Elsewhere</title><link href="https://other.example.net/p/2"/></entry>
<entry><title>Not an article</title><link href="https://feedy.example.org/about"/></entry>
</feed>"""
SITEMAP_INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://feedy.example.org/sitemap-1.xml</loc></sitemap></sitemapindex>"""


def spider() -> Spider:
    return Spider(parse_registry(ENTRY)["feedy"])


def response(url: str, body: bytes) -> TextResponse:
    return TextResponse(url, body=body, encoding="utf-8", request=scrapy.Request(url, meta={"fw_kind": "listing"}))


def test_atom_entries_are_followed_when_allowed_and_matching():
    s = spider()
    out = list(s.parse_entry(response("https://feedy.example.org/atom.xml", ATOM), page_no=1, depth=0))
    requests = [o for o in out if isinstance(o, scrapy.Request)]
    assert [r.url for r in requests] == ["https://feedy.example.org/p/1"]
    assert requests[0].meta["fw_hints"] == {"title": "First", "list_time": "2026-11-20T08:00:00+08:00"}


def test_a_sitemap_index_is_read_as_more_sitemaps():
    s = spider()
    out = list(s.parse_entry(response("https://feedy.example.org/sitemap.xml", SITEMAP_INDEX), page_no=1, depth=0))
    requests = [o for o in out if isinstance(o, scrapy.Request)]
    assert [(r.url, r.meta["fw_kind"], r.cb_kwargs["depth"]) for r in requests] == [
        ("https://feedy.example.org/sitemap-1.xml", "listing", 1)]


def test_one_attachment_list_for_crawler_and_parsers():
    from crawlers.urls import attachment_ext as crawler_ext
    from parsers.base import links_to_attachments
    from parsers.html import build_tree

    assert crawler_ext is attachment_ext
    assert attachment_ext("http://x.cn/a/B.PPTX") == ".pptx" and attachment_ext("http://x.cn/a.html") is None
    tree = build_tree('<p><a href="/f/plan.et?v=2">表</a><a href="/f/x.docx">文</a><a href="/a.html">页</a></p>')
    links = links_to_attachments(tree.iter("a"), "http://x.cn/")
    assert [(link.url, link.ext) for link in links] == [("http://x.cn/f/plan.et?v=2", "et"), ("http://x.cn/f/x.docx", "docx")]


def test_tests_read_nothing_outside_the_repository():
    outside = re.compile(r"""["'](/work/|\.\./\.\./shared|\.\./shared)""")
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in (ROOT / "tests").rglob("*.py")
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if outside.search(line)]
    assert offenders == []


def test_feeds_and_sitemaps_are_told_from_html_pages():
    from crawlers.spiders.generic import is_xml_listing

    assert is_xml_listing(ATOM) and is_xml_listing(SITEMAP_INDEX)
    assert is_xml_listing(b'\xef\xbb\xbf<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>')
    html = b'<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head>'
    xhtml = b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><feed-list/></body></html>'
    assert not is_xml_listing(html) and not is_xml_listing(xhtml)


def test_html_listing_honours_base_href_and_drops_fragments():
    from scrapy.http import HtmlResponse

    html = ('<html><head><base href="https://feedy.example.org/news/"></head><body>'
            '<a href="../p/7">七</a><a href="/p/7#comments">七 评论</a><a href="/about">关于</a>'
            '<a href="javascript:void(0)">x</a></body></html>').encode()
    url = "https://feedy.example.org/list"
    page = HtmlResponse(url, body=html, encoding="utf-8", request=scrapy.Request(url, meta={"fw_kind": "listing"}))
    out = list(spider().parse_entry(page, page_no=1, depth=0))
    assert [o.url for o in out if isinstance(o, scrapy.Request)] == ["https://feedy.example.org/p/7"]
