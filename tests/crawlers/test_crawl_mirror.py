"""End to end: every source's real spider through Scrapy, middlewares and pipelines against the
mirror and PostgreSQL; then a rerun over the unchanged mirror fetches no article."""

from __future__ import annotations

import hashlib
import urllib.request

from futurewatch.app.health.status import select_source_health
from futurewatch.app.health.thresholds import HealthThresholds
from crawlers.registry import load_registry
from crawlers.runner import crawl_sources
from crawlers.urls import to_mirror
from futurewatch.core.rawstore import open_raw_store
from tests.crawlers.conftest import article_hits, query
from futurewatch.core.config import load_settings


def test_every_source_crawls_the_mirror_and_a_rerun_is_incremental(fw_env, db_url, mirror):
    first = crawl_sources(db_url, mirror=mirror.url, run_key="first", settings=load_settings())
    by_source = {s.source_id: s for s in first}
    assert set(by_source) == set(load_registry())
    for s in first:
        assert s.status == "succeeded", (s.source_id, s.error, s.details)
        assert s.new >= 2 and s.new == s.listed and s.failed == 0 and s.blocked == 0, s

    pages = query(db_url, "SELECT source_id, url, sha256, storage_key, status, kind, hints, content_type "
                          "FROM raw_fetches WHERE kind = 'page'")
    channels = load_registry()["chinanews"].options["channels"]
    articles = mirror.site.urls(kind="page", folder="mirror")  # the articles the mirror's listings link
    off_channel = {u for u in articles if "chinanews" in u and u.split("/")[3] not in channels}
    assert off_channel  # the mirror lists a 体育 article that the channel filter must skip
    mirrored = set(articles) - off_channel
    assert {p["url"] for p in pages} == mirrored  # every other article of the mirror, and nothing else
    store = open_raw_store(fw_env)
    for page in pages:  # kept byte for byte: the store holds exactly what the server sent
        body = store.get(page["storage_key"])
        assert hashlib.sha256(body).hexdigest() == page["sha256"]
        with urllib.request.urlopen(to_mirror(page["url"], mirror.url)) as resp:
            assert resp.read() == body
    c114 = [p for p in pages if p["source_id"] == "c114"]
    assert all("gbk" in p["content_type"] for p in c114)
    assert "量子科技".encode("gbk") in store.get(c114[0]["storage_key"]) or \
        "量子科技".encode("gbk") in store.get(c114[1]["storage_key"])

    gkmlpt = next(p for p in pages if "post_4915026" in p["url"])
    assert gkmlpt["hints"]["document_number"] == "粤工信电子〔2024〕2号"  # list-API fields kept as hints
    listings = query(db_url, "SELECT count(*) AS n FROM raw_fetches WHERE kind = 'listing'")[0]["n"]
    assert listings >= 14
    attachments = query(db_url, "SELECT a.page_url, a.status, rf.kind, rf.parent_url FROM attachments a "
                                "JOIN raw_fetches rf ON rf.raw_fetch_id = a.raw_fetch_id")
    assert any(a["page_url"] == gkmlpt["url"] and a["status"] == "stored" for a in attachments)
    assert all(a["kind"] == "attachment" and a["parent_url"] == a["page_url"] for a in attachments)
    assert query(db_url, "SELECT count(*) AS n FROM seen_urls")[0]["n"] == len(mirrored) + len(attachments)

    before = len(mirror.hits)
    second = crawl_sources(db_url, mirror=mirror.url, run_key="second", settings=load_settings())
    rerun_hits = mirror.hits[before:]
    assert not article_hits(type("S", (), {"hits": rerun_hits})()), "an article was refetched"
    for s in second:
        assert s.status == "succeeded" and s.new == 0 and s.changed == 0, s
        assert s.unchanged == by_source[s.source_id].listed
        assert s.requests < by_source[s.source_id].requests
    assert query(db_url, "SELECT count(*) AS n FROM raw_fetches WHERE kind <> 'listing'")[0]["n"] == \
        len(pages) + len(attachments)

    health = {h.source_id: h for h in select_source_health(db_url, HealthThresholds())}
    assert {h.status for h in health.values()} == {"ok"}
    assert health["gd_gov"].new_items == by_source["gd_gov"].new
    assert health["c114"].error_rate == 0 and health["c114"].last_success_at is not None
