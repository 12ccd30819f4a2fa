"""Parser drift and not-an-article pages reach source health: real pages through the real parser
path (process_pending) into a real database, then `futurewatch sources` and the health DAG's check."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

from typer.testing import CliRunner

from futurewatch.app.health.parse import ParseHealth, parse_problems
from futurewatch.app.cli import app
from futurewatch.core.db import connect
from futurewatch.app.health import HealthThresholds, check_source_health
from parsers.process import process_pending
from tests.parsers.test_parsers_process import add_fetch, add_sources, fixture
from futurewatch.core.config import load_settings

WAF = ("<html><head><title>访问被拦截</title></head><body><p>您的请求疑似攻击行为，已被网站防火墙拦截。</p>"
       "</body></html>").encode()
GONE = "<html><head><title>页面不存在</title></head><body><p>您访问的页面不存在</p></body></html>".encode()


def numbered(html: str, n: int) -> str:
    """The page as its n-th article (a distinct text, so a distinct document)."""
    return re.sub(r'(<div class="left_zw">|<div id="content"[^>]*>)', rf"\1<p>编者按：本文为系列报道第{n}篇。</p>", html, count=1)


def relaid_out(html: str) -> str:
    """A chinanews page after a redesign: no <title> (og:title instead), the headline no longer an h1,
    the date line under a new class, so chinanews.V1 finds neither title nor date."""
    html = re.sub(r"<title>(.*?)-中新网</title>", r'<meta property="og:title" content="\1">', html, flags=re.S)
    html = html.replace('<h1 class="content_left_title">', '<div class="news-headline">').replace("</h1>", "</div>")
    return html.replace('class="left-t"', 'class="news-meta"')


def seed_pages(db_url: str, at: datetime) -> None:
    """chinanews: 4 of 10 pages in a changed layout; gd_gov: 3 of 4 pages a WAF wall served as 200;
    nanfang: 1 of 4 pages a 404 page served as 200 (below the threshold). Then the parser runs."""
    add_sources(db_url)
    raw, meta = fixture("chinanews_2024_03_01")
    for n in range(10):
        html = numbered(raw.decode(), n)
        add_fetch(db_url, "chinanews", f"{meta['url']}?p={n}", (relaid_out(html) if n < 4 else html).encode(), at)
    gd_raw, gd_meta = fixture("gd_gov_2024_02_23")
    add_fetch(db_url, "gd_gov", gd_meta["url"], gd_raw, at)
    for n in range(3):
        add_fetch(db_url, "gd_gov", f"https://www.gd.gov.cn/gkmlpt/content/4/4300{n}/post_4300{n}.html", WAF, at)
    nf_raw, nf_meta = fixture("nanfang_2024_03_01")
    for n in range(3):
        add_fetch(db_url, "nanfang", f"{nf_meta['url']}?p={n}", numbered(nf_raw.decode(), n).encode(), at)
    add_fetch(db_url, "nanfang", "https://www.southcn.com/gone.shtml", GONE, at)
    summary = process_pending(db_url, settings=load_settings())
    assert summary.drifted == 4 and summary.not_articles == 4 and summary.failed == 0
    add_runs(db_url, at)


def add_runs(db_url: str, at: datetime) -> None:
    with connect(db_url) as conn:
        for sid in ("chinanews", "gd_gov", "nanfang"):
            conn.execute("INSERT INTO crawl_runs (source_id, run_key, started_at, finished_at, status, listed, new, "
                         "requests) VALUES (%(s)s, 'r1', %(t)s, %(t)s, 'succeeded', 4, 4, 5)", {"s": sid, "t": at})
        conn.commit()


def sources_json() -> dict[str, dict]:
    result = CliRunner().invoke(app, ["sources", "--json"])
    assert result.exit_code == 0, result.output
    return {row["source_id"]: row for row in json.loads(result.output)}


def test_sources_shows_parser_drift_and_not_article_pages(fw_env):
    seed_pages(fw_env.db_url, datetime.now(timezone.utc) - timedelta(hours=2))
    rows = sources_json()
    drift = rows["chinanews"]
    assert drift["status"] == "degraded" and drift["cause"] == "parser_drift"
    assert drift["drift_fields"] == {"published_at": 4, "title": 4}
    assert drift["drifted_pages"] == 4 and drift["pages_parsed"] == 10 and drift["drift_rate"] == 0.4
    assert drift["reason"] == "site parser missed publish date on 4/10 pages, title on 4/10: layout changed?"
    wall = rows["gd_gov"]
    assert wall["status"] == "blocked" and wall["cause"] == "not_articles"
    assert wall["not_articles"] == 3 and wall["not_article_rate"] == 0.75
    assert wall["not_article_kinds"] == ["blocked by a firewall or bot check"]
    assert "3/4 pages were not articles (WAF/bot check): a WAF or login wall?" in wall["reason"]
    below = rows["nanfang"]
    assert below["status"] == "ok" and below["not_articles"] == 1 and below["drift_rate"] == 0.0
    assert below["not_article_kinds"] == ["error page"]


def test_sources_table_fits_80_columns_and_wide_names_the_fields(fw_env, monkeypatch):
    seed_pages(fw_env.db_url, datetime.now(timezone.utc) - timedelta(hours=2))
    monkeypatch.setenv("COLUMNS", "80")
    narrow = CliRunner().invoke(app, ["sources"])
    assert narrow.exit_code == 0, narrow.output
    assert max(len(line) for line in narrow.output.splitlines()) <= 80
    assert "drift" in narrow.output and "40%" in narrow.output
    reasons = [row["reason"] for row in sources_json().values() if row["reason"]]
    assert len(reasons) == 2
    for word in " ".join(reasons).split():  # wrapped into the problem column, never cut
        assert word in narrow.output, word
    wide = CliRunner().invoke(app, ["sources", "--wide"])
    assert "missed fields" in wide.output and "publish date 4, title 4" in wide.output


def test_health_check_reports_drift_and_wall_as_findings(fw_env):
    now = datetime.now(timezone.utc)
    seed_pages(fw_env.db_url, now - timedelta(hours=2))
    report = check_source_health(fw_env.db_url, as_of=now + timedelta(minutes=1), thresholds=HealthThresholds())
    found = {(f.source_id, f.signal): f for f in report.findings if f.source_id in ("chinanews", "gd_gov", "nanfang")}
    assert set(found) == {("chinanews", "parser_drift"), ("gd_gov", "not_articles")}
    assert found["chinanews", "parser_drift"].detail.startswith("site parser missed publish date on 4/10 pages")
    assert found["chinanews", "parser_drift"].metrics["drift_fields"] == {"published_at": 4, "title": 4}
    assert "WAF or login wall" in found["gd_gov", "not_articles"].detail
    later = check_source_health(fw_env.db_url, as_of=now + timedelta(days=3), thresholds=HealthThresholds())
    assert not [f for f in later.findings if f.signal in ("parser_drift", "not_articles")]  # out of the window


def test_thresholds_need_enough_pages_and_the_documented_rates():
    assert HealthThresholds().drift_rate == HealthThresholds().not_article_rate == 0.3  # docs/operations.md states these
    assert parse_problems(ParseHealth(pages=2, drifted=2, fields={"title": 2}), HealthThresholds()) == []  # too few pages
    assert parse_problems(ParseHealth(pages=10, drifted=2, fields={"title": 2}), HealthThresholds()) == []  # 20 % < 30 %
    [(signal, reason)] = parse_problems(ParseHealth(pages=10, drifted=3, fields={"text": 3}), HealthThresholds())
    assert signal == "parser_drift" and reason == "site parser missed body text on 3/10 pages: layout changed?"
    [(signal, reason)] = parse_problems(ParseHealth(pages=10, not_articles=5, not_article_kinds=["error page"]), HealthThresholds())
    assert signal == "not_articles" and reason.endswith("pages moved or deleted?")
