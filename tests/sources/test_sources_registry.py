"""One parametrized test over the registry: every entry has everything it names. Plus the loader's
one-line errors and FUTUREWATCH_SOURCES overlays."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from crawlers.mirror import build_site
from crawlers.mirror.stored import source_pages
from crawlers.registry import spider_class_for
from crawlers.spiders.base import SourceSpider
from futurewatch.core.sources import RegistryError, load_registry, read_registry_file
from parsers.registry import build_index, publisher_from_source

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "example_news" / "sources.yaml"
SOURCES = list(load_registry().values()) + list(read_registry_file(EXAMPLE).values())


@pytest.fixture(scope="module")
def site():
    """The mirror's content with the example overlay (no captures: the bundled content only)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FUTUREWATCH_SOURCES", str(EXAMPLE))
        return build_site(captures=None)


@pytest.mark.parametrize("config", SOURCES, ids=lambda c: c.source_id)
def test_entry_has_everything_it_names(config, site):
    spider = spider_class_for(config)
    assert issubclass(spider, SourceSpider)
    pages = [stored for _, stored in source_pages(config.fixtures_dir(), site.today)] if config.fixtures else []
    assert pages, f"{config.source_id}: no stored pages in its fixtures folder"
    if not config.parser.is_generic:
        publisher = publisher_from_source(config)
        assert [v.__name__ for v in publisher.versions] == list(config.parser.versions)
        by_id, by_host = build_index((publisher,))  # versions ordered, source_ids agree, hosts well-formed
        stems = [p for p in Path(config.fixtures).rglob("*.expected.json")]
        assert stems, f"{config.source_id}: no page with an expected output"
    for url in config.entry_urls:  # the parser lookup covers every host the crawl starts from
        assert _owner(url, config.hosts), f"{url} is outside the hosts of {config.source_id}"
    for stored in pages:  # the mirror serves every stored URL as of today (the first page stored for it)
        assert site.page(stored.url).status == stored.page.status, f"mirror does not serve {stored.url}"


def _owner(url: str, hosts: tuple[str, ...]) -> bool:
    host = urlsplit(url).hostname or ""
    return host in hosts or any(h.startswith(".") and host.endswith(h) for h in hosts)


def test_parser_lookup_follows_the_registry_hosts():
    from parsers.registry import publisher_for_url

    for config in load_registry().values():
        for url in config.entry_urls if not config.parser.is_generic else ():
            assert publisher_for_url(url.format(yyyymm="202601", dd="01", yyyy="2026", mmdd="0101", category=1,
                                                page=1)).source_id == config.source_id
    assert publisher_for_url("http://www.gz.gov.cn/gkmlpt/content/1/1.html").source_id == "gd_gov"


@pytest.mark.parametrize("entry, key", [
    ("  - {source_id: x1, name: X, kind: blog, entry_urls: [http://x.cn/], allowed_domains: [x.cn]}", "kind"),
    ("  - {source_id: x1, name: X, kind: news, entry_urls: [http://x.cn/], allowed_domains: [x.cn], link_pattern: '('}",
     "link_pattern"),
    ("  - {source_id: x1, name: X, kind: news, allowed_domains: [x.cn]}", "entry_urls"),
    ("  - {source_id: x1, name: X, kind: news, entry_urls: [http://x.cn/], allowed_domains: [x.cn], spider: a.b}",
     "spider"),
    ("  - {source_id: x1, name: X, kind: news, entry_urls: [http://x.cn/], allowed_domains: [x.cn], parser: site}",
     "parser"),
    ("  - {source_id: x1, name: X, kind: news, entry_urls: [http://x.cn/], allowed_domains: [x.cn], hosts: [X.CN]}",
     "hosts"),
    ("  - {source_id: X-1, name: X, kind: news, entry_urls: [http://x.cn/], allowed_domains: [x.cn]}", "source_id"),
    ("  - {source_id: x1, name: X, kind: news, entry_urls: [http://x.cn/], allowed_domains: [x.cn], colour: 1}",
     "colour"),
])
def test_a_bad_overlay_fails_the_load_in_one_line_naming_file_and_key(tmp_path, monkeypatch, entry, key):
    extra = tmp_path / "extra.yaml"
    extra.write_text("sources:\n" + entry + "\n", encoding="utf-8")
    monkeypatch.setenv("FUTUREWATCH_SOURCES", str(extra))
    with pytest.raises(RegistryError) as caught:
        load_registry()
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{extra}: sources[0]") and f".{key}:" in message


def test_duplicates_and_broken_yaml_name_the_file(tmp_path):
    entry = "  - {source_id: x1, name: X, kind: news, entry_urls: [http://x.cn/], allowed_domains: [x.cn]}\n"
    dup = tmp_path / "dup.yaml"
    dup.write_text("sources:\n" + entry + entry, encoding="utf-8")
    with pytest.raises(RegistryError, match=rf"^{dup}: sources\[1\] \(x1\)\.source_id: duplicate"):
        read_registry_file(dup)
    broken = tmp_path / "broken.yaml"
    broken.write_text("sources:\n  - {source_id: [\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=rf"^{broken}: not valid YAML"):
        read_registry_file(broken)


def test_an_overlay_adds_and_replaces_sources(tmp_path, monkeypatch):
    extra = tmp_path / "extra.yaml"
    extra.write_text(EXAMPLE.read_text(encoding="utf-8") + (
        "  - {source_id: takungpao, name: 大公网 (ops override), kind: news, enabled: false,\n"
        "     entry_urls: ['http://www.takungpao.com/'], allowed_domains: [takungpao.com]}\n"), encoding="utf-8")
    monkeypatch.setenv("FUTUREWATCH_SOURCES", str(extra))
    registry = load_registry()
    assert registry["example_news"].parser.is_generic and registry["example_news"].spider == "generic"
    assert registry["takungpao"].name == "大公网 (ops override)" and not registry["takungpao"].enabled
    assert registry["c114"].parser.module == "parsers.sites.c114"  # the rest of the package registry stays

    from futurewatch.app.schedule import load_scheduled_sources

    scheduled = {s.source_id for s in load_scheduled_sources()}
    assert "example_news" in scheduled and "takungpao" not in scheduled


def test_an_edited_registry_file_is_read_again(tmp_path):
    entry = "  - {source_id: %s, name: X, kind: news, entry_urls: [http://x.cn/], allowed_domains: [x.cn]}\n"
    path = tmp_path / "extra.yaml"
    path.write_text("sources:\n" + entry % "first", encoding="utf-8")
    assert list(load_registry(path)) == ["first"]
    path.write_text("sources:\n" + entry % "second", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert list(load_registry(path)) == ["second"]
