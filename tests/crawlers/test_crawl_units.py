"""Fast checks of the parts: registry validation, URL guards, block detection, mirror validators."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from crawlers.blocking import detect_blocked
from crawlers.registry import RegistryError, load_registry, parse_registry
from crawlers.settings import BROWSER_UA, build_settings
from crawlers.urls import attachment_ext, from_mirror, host_allowed, is_private_host, to_mirror

ENTRY = """
sources:
  - source_id: demo
    name: Demo
    kind: news
    entry_urls: ["https://example.cn/"]
    allowed_domains: [example.cn]
"""


def test_registry_loads_every_source_with_a_spider():
    from crawlers.registry import load_spider_class

    registry = load_registry()  # every entry's spider, parser and fixtures: tests/sources/test_sources_registry.py
    assert {"c114", "nanfang", "gd_gov", "govcn", "miit", "chinanews", "takungpao"} <= set(registry)
    for source_id, config in registry.items():
        assert load_spider_class(source_id).name == (source_id if config.spider != "generic" else "generic")
        assert config.politeness.concurrency_per_domain <= 2 and config.robots.obey


@pytest.mark.parametrize("extra, message", [
    ("    robots: {obey: false}\n", "needs a written reason"),
    ("    politeness: {concurrency_per_domain: 4}\n", "concurrency_per_domain"),
    ("    colour: blue\n", "unknown key"),
])
def test_registry_rejects_malformed_entries(extra, message):
    with pytest.raises(RegistryError, match=message):
        parse_registry(ENTRY + extra)


def test_registry_rejects_duplicates_and_accepts_a_reasoned_robots_override():
    with pytest.raises(RegistryError, match="duplicate"):
        parse_registry(ENTRY + ENTRY.split("sources:")[1])
    config = parse_registry(ENTRY + "    robots: {obey: false, reason: public RSS mirror allowed by contract}\n")["demo"]
    assert build_settings(config)["ROBOTSTXT_OBEY"] is False


def test_settings_are_polite_and_browser_like_only_where_needed():
    registry = load_registry()
    c114, tkp = build_settings(registry["c114"]), build_settings(registry["takungpao"])
    assert c114["USER_AGENT"] == BROWSER_UA and c114["COOKIES_ENABLED"]
    assert tkp["USER_AGENT"] != BROWSER_UA and not tkp["COOKIES_ENABLED"]
    assert c114["AUTOTHROTTLE_ENABLED"] and c114["CONCURRENT_REQUESTS_PER_DOMAIN"] <= 2 and c114["DOWNLOAD_MAXSIZE"]
    assert "FW_MIRROR" not in c114 and build_settings(registry["c114"], mirror="http://127.0.0.1:9")["FW_MIRROR"]


def test_url_guards():
    for host in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "localhost", "0.0.0.0"):
        assert is_private_host(host), host
    assert not is_private_host("www.gd.gov.cn") and not is_private_host("8.8.8.8")
    assert host_allowed("gdii.gd.gov.cn", ["gd.gov.cn"]) and host_allowed("gd.gov.cn", ["gd.gov.cn"])
    assert not host_allowed("evilgd.gov.cn", ["gd.gov.cn"]) and not host_allowed("gd.gov.cn.evil.com", ["gd.gov.cn"])
    assert attachment_ext("http://x.cn/a/B.PDF") == ".pdf" and attachment_ext("http://x.cn/a.html") is None
    mirrored = to_mirror("https://www.c114.com.cn/news/roll.asp?y=2025&m=1&d=5", "http://127.0.0.1:8000")
    assert mirrored == "http://127.0.0.1:8000/www.c114.com.cn/news/roll.asp?y=2025&m=1&d=5"
    assert from_mirror(mirrored, "http://127.0.0.1:8000", "https") == "https://www.c114.com.cn/news/roll.asp?y=2025&m=1&d=5"


@pytest.mark.parametrize("body, status, ctype, reason", [
    ("<html><head><title>安全验证</title></head><body>请完成验证" + "x" * 200 + "</body></html>", 200, "text/html",
     "challenge_title"),
    ("<html><body><script src='/a.js'></script><div id=app></div></body></html>", 200, "text/html", "js_shell"),
    ("", 200, "text/html", "empty_body"),
    ("<html><body>too many</body></html>", 429, "text/html", "http_429"),
])
def test_blocked_pages_are_recognised(body, status, ctype, reason):
    assert detect_blocked(body.encode(), status, ctype).startswith(reason)


def test_content_is_not_mistaken_for_a_block():
    article = "<html><head><title>广东培育未来产业</title></head><body><p>" + "未来产业" * 50 + "</p></body></html>"
    assert detect_blocked(article.encode(), 200, "text/html") is None
    detail = "<html><body><div id=app></div><script>window._CONFIG={DETAIL:" + '"x"' * 900 + "}</script></body></html>"
    assert detect_blocked(detail.encode(), 200, "text/html") is None  # gkmlpt: body in embedded JSON
    assert detect_blocked(b'{"articles": []}', 200, "application/json") is None


def test_mirror_answers_conditional_gets(mirror):
    url = to_mirror("https://www.c114.com.cn/4app/3542/a1283251.html", mirror.url)
    with urllib.request.urlopen(url) as resp:
        etag, body = resp.headers["ETag"], resp.read()
        assert "gbk" in resp.headers["Content-Type"] and "量子".encode("gbk") in body
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(urllib.request.Request(url, headers={"If-None-Match": etag}))
    assert err.value.code == 304
    mirror.site.edit("https://www.c114.com.cn/4app/3542/a1283251.html", "</body>", "<p>更新</p></body>")
    with urllib.request.urlopen(urllib.request.Request(url, headers={"If-None-Match": etag})) as resp:
        assert resp.status == 200 and resp.headers["ETag"] != etag


def test_mirror_serves_real_captures_in_place_of_reconstructions(tmp_path):
    import gzip
    import json

    from crawlers.mirror import build_site

    folder = tmp_path / "c114"
    folder.mkdir()
    body = "<html><title>真实页面</title><body>captured</body></html>".encode("gbk")
    (folder / "c114_2025_02_14_01.html.gz").write_bytes(gzip.compress(body))
    meta = {"url": "https://www.c114.com.cn/4app/3542/a1283251.html", "status": 200, "kind": "page",
            "headers": {"Content-Type": ["text/html; charset=gbk"]}, "file": "c114_2025_02_14_01.html.gz"}
    (folder / "c114_2025_02_14_01.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    site = build_site(captures=tmp_path)
    page = site.lookup("www.c114.com.cn", "/4app/3542/a1283251.html")({}, site)
    assert page.body == body and page.content_type == "text/html; charset=gbk"
