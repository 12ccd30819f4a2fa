"""Site parser misses are filled by the generic path (noted as drift); 200-served error pages are
not articles: never stored, recorded on the raw fetch; `futurewatch parse` refuses non-pages."""

from __future__ import annotations

from datetime import datetime

import pytest
from typer.testing import CliRunner

from futurewatch.app.cli import app
from parsers.api import parse_page
from parsers.errorpage import not_an_article
from parsers.process import process_pending
from tests.parsers.test_parsers_process import add_fetch, add_sources, rows
from futurewatch.core.config import load_settings

FETCHED = datetime.fromisoformat("2024-03-02T10:00:00+08:00")
PROSE = "".join(f"<p>第{i}段：广东省加快培育发展未来产业，推动低空经济、量子科技和具身智能等领域形成新的增长点。</p>"
                for i in range(6))


def page(title: str, body: str, head: str = "") -> bytes:
    return f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>".encode()


def test_site_parser_without_body_falls_back_to_generic_and_notes_drift():
    # a gd.gov.cn page in a layout the site parser's selectors do not know
    html = page("关于培育未来产业的通知_广东省人民政府门户网站",
                f"<h1>关于培育未来产业的通知</h1><div class='new-layout'><span>发布时间：2024-03-01 09:30</span>{PROSE}</div>")
    doc = parse_page(html, "https://www.gd.gov.cn/zwgk/wjk/qbwj/yfb/content/post_4300001.html", fetched_at=FETCHED)
    assert doc.parser.startswith("gd_gov.")
    assert not doc.is_empty and "低空经济" in doc.text
    assert "text" in doc.drift and "published_at" in doc.drift
    assert doc.published_at.isoformat() == "2024-03-01T09:30:00+08:00"


def test_site_parser_that_finds_everything_has_no_drift():
    html = page("标题_南方+", "<div id='articleTitle'>未来产业新政</div><div class='pubtime'>2024-03-01 08:00</div>"
                f"<div id='content'>{PROSE}</div>")
    doc = parse_page(html, "https://static.nfapp.southcn.com/content/202403/01/c8600001.html", fetched_at=FETCHED)
    assert doc.parser == "nanfang.V1" and doc.drift == [] and doc.title == "未来产业新政"


@pytest.mark.parametrize("title,body,expected", [
    ("页面不存在_某某网", "<div>抱歉，您访问的页面不存在！<a href='/'>返回首页</a></div>", "error page"),
    ("某某新闻网", "<h2>您访问的页面已删除或不存在</h2><p>5秒后自动跳转</p>", "error page"),
    ("404 Not Found", "<h1>Not Found</h1><p>The requested URL was not found.</p>", "error page"),
    ("访问被拦截", "<p>您的请求疑似攻击行为，已被网站防火墙拦截。</p>", "blocked"),
    ("安全验证", "<div>请完成下方滑动验证后继续访问</div>", "blocked"),
    ("Just a moment...", "<p>Checking your browser before accessing the site.</p>", "blocked"),
    ("用户登录_某某网", "<form><p>请登录后查看全文</p><input type='password' name='pw'></form>", "login wall"),
    ("某某网", "<div class='err'>抱歉，页面找不到了</div>", "error page"),
    ("某某日报", "<p>该文章已被删除</p>", "error page"),
])
def test_error_waf_and_login_pages_are_not_articles(title, body, expected):
    doc = parse_page(page(title, body), "https://news.example.cn/a/1.html", fetched_at=FETCHED)
    assert doc.not_article and doc.not_article.startswith(expected) and doc.is_empty


def test_an_article_that_mentions_the_phrases_is_still_an_article():
    body = f"<h1>网站治理新规</h1>{PROSE}<p>新规要求，对“页面不存在”“请登录后查看”等提示页面进行规范，防火墙拦截须说明原因。</p>"
    doc = parse_page(page("网站治理新规_某某网", body), "https://news.example.cn/a/2.html", fetched_at=FETCHED)
    assert doc.not_article is None and not doc.is_empty
    assert not_an_article("网站治理新规", "正文" * 200, "", "") is None
    notice = "关于旧版办事系统停止服务的通知：旧版系统已停止服务，新系统于2024年3月1日起上线，请登录新系统办理。"
    assert not_an_article("关于旧版办事系统停止服务的通知", notice, notice, "<html></html>") is None


def test_process_records_not_articles_on_the_raw_fetch_and_stores_no_document(fw_env):
    url = fw_env.db_url
    add_sources(url)
    gone = add_fetch(url, "nanfang", "https://www.southcn.com/gone.shtml",
                     page("页面不存在", "<p>您访问的页面不存在</p>"), FETCHED)
    drift = add_fetch(url, "gd_gov", "https://www.gd.gov.cn/zwgk/content/post_4300002.html",
                      page("通知", f"<h1>关于培育未来产业的通知</h1><div class='x'>{PROSE}</div>"), FETCHED)
    summary = process_pending(url, settings=load_settings())
    assert summary.not_articles == 1 and summary.drifted == 1 and summary.failed == 0
    fetches = {r["raw_fetch_id"]: r for r in rows(url, "SELECT raw_fetch_id, not_article, parse_drift, processed_at "
                                                        "FROM raw_fetches")}
    assert fetches[gone]["not_article"].startswith("error page") and fetches[gone]["processed_at"]
    assert "text" in fetches[drift]["parse_drift"] and fetches[drift]["not_article"] is None
    docs = rows(url, "SELECT d.source_id FROM documents d")
    assert [d["source_id"] for d in docs] == ["gd_gov"]
    from futurewatch.core.db import connect
    from parsers.store import select_parse_drift
    with connect(url) as conn:
        report = {r["source_id"]: r for r in select_parse_drift(conn, datetime(2024, 1, 1, tzinfo=FETCHED.tzinfo))}
    assert report["gd_gov"]["drifted"] == 1 and "text" in report["gd_gov"]["fields"]
    assert report["nanfang"]["not_articles"] == 1


@pytest.mark.parametrize("content,why", [(b"", "empty page"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
                                                                  "binary data")])
def test_parse_refuses_a_file_that_is_not_a_page(tmp_path, content, why):
    path = tmp_path / "input.bin"
    path.write_bytes(content)
    result = CliRunner().invoke(app, ["parse", str(path), "--url", "https://news.example.cn/a/1.html"])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and why in lines[0]


def test_parse_refuses_an_error_page_and_prints_json_for_an_article(tmp_path):
    gone = tmp_path / "gone.html"
    gone.write_bytes(page("页面不存在", "<p>您访问的页面不存在</p>"))
    result = CliRunner().invoke(app, ["parse", str(gone), "--url", "https://news.example.cn/a/1.html"])
    assert result.exit_code == 1 and "not an article" in result.stderr and result.stdout == ""
    good = tmp_path / "good.html"
    good.write_bytes(page("未来产业_某某网", f"<h1>未来产业</h1>{PROSE}"))
    ok = CliRunner().invoke(app, ["parse", str(good), "--url", "https://news.example.cn/a/2.html"])
    assert ok.exit_code == 0 and '"未来产业"' in ok.stdout and ok.stderr == ""


def test_site_parser_dates_take_structured_data_first():
    # a news.southcn.com-style page: today's date in the header, the publish day in a meta,
    # the time of day in the article's own line
    html = page("美联储维持利率不变_南方网", "<div class='date'>2024年3月2日 星期六</div><h2>美联储维持利率不变</h2>"
                "<div class='meta'><span class='pub_time'>2024-02-28 08:10</span></div>"
                f"<div id='content'>{PROSE}</div>", head='<meta name="publishdate" content="2024-02-28">')
    doc = parse_page(html, "https://news.southcn.com/node_742c1a40f1/ae7e7ec561.shtml", fetched_at=FETCHED)
    assert doc.parser == "nanfang.V1" and doc.published_at.isoformat() == "2024-02-28T08:10:00+08:00"


def test_nanfang_ignores_data_time_of_list_items():
    html = page("标题_南方+", "<div id='articleTitle'>未来产业新政</div><ul><li data-time='2023-12-01 10:00'>热点</li></ul>"
                "<div class='nfhtime pubtime' data-time='2024-03-01 08:00'></div>"
                f"<div id='content'>{PROSE}</div><ul class='list'><li data-time='2024-02-01 09:00'>旧闻</li></ul>")
    doc = parse_page(html, "https://static.nfapp.southcn.com/content/202403/01/c8600001.html", fetched_at=FETCHED)
    assert doc.published_at.isoformat() == "2024-03-01T08:00:00+08:00"
