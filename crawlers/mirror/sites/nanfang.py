"""南方+ / 南方日报 mirror: the nfapp article-list JSON API, pc.nfapp article pages, and the
e-paper (node_A01.html → content_*.html, 下一版 → node_A02.html)."""

from __future__ import annotations

import json

from crawlers.mirror.site import Article, MirrorSite, Page, escape, html_page, load_seed, not_found, paragraphs_html

API_HOST = "api.nfapp.southcn.com"
PC_HOST = "pc.nfapp.southcn.com"
EPAPER_HOST = "epaper.southcn.com"


def render_app_article(article: Article, site: MirrorSite) -> Page:
    day = article.day(site.today)
    head = f'<meta name="author" content="{escape(article.author)}"><meta name="Copyright" content="1">'
    body = (f'<div class="article"><h1 id="articleTitle">{escape(article.title)}</h1>\n'
            f'<div class="nfhtime pubtime" data-time="{day.isoformat()} {article.hhmm}">{day.isoformat()} {article.hhmm}</div>\n'
            f'<div id="content">{paragraphs_html(article.paragraphs)}</div></div>'
            f'<!--enpproperty <articleid>{article.extra["id"]}</articleid><title>{escape(article.title)}</title>-->')
    return Page(html_page(article.title, body, head=head).encode())


def render_epaper_article(article: Article, site: MirrorSite) -> Page:
    body = (f'<div class="article-title"><h1>{escape(article.title)}</h1></div>\n'
            f'<div class="article-info">南方日报 {article.day(site.today).isoformat()} 第{article.extra["node"]}版</div>\n'
            f'<div id="ozoom">{paragraphs_html(article.paragraphs)}</div>')
    return Page(html_page(f"{article.title}-南方日报", body).encode())


def article_list(query: dict, site: MirrorSite) -> Page:
    column = query.get("columnId", "")
    rows = [{"articleId": a.extra["id"], "title": a.title, "summary": a.paragraphs[0][:60],
             "updateTime": f"{a.day(site.today).isoformat()} {a.hhmm}:00", "releaseTime": f"{a.day(site.today)} {a.hhmm}:00",
             "columnId": int(column or 0), "columnName": "广州", "articleType": 0, "picMiddle": "",
             "shareUrl": a.url} for a in site.articles_of("nanfang", kind="app", column=column)]
    if site.shapes.get("nanfang") == "v2":
        payload = {"success": True, "result": {"items": rows}}
    else:
        payload = {"success": True, "data": {"list": rows, "hasNextPage": False, "pageNum": 1}}
    return Page(json.dumps(payload, ensure_ascii=False).encode(), content_type="application/json;charset=UTF-8")


def epaper_node(query: dict, site: MirrorSite, node: str, day) -> Page:
    items = [a for a in site.articles_of("nanfang", kind="epaper", node=node) if a.day(site.today) == day]
    links = "".join(f'<li><a href="{a.url.rsplit("/", 1)[1]}">{escape(a.title)}</a></li>' for a in items)
    nxt = '<a href="node_A02.html">下一版</a>' if node == "A01" else ""
    body = (f'<div class="top">南方日报数字报 南方报业传媒集团 往期回顾</div><h3>第{node}版：要闻</h3>'
            f'<div class="nav">标题导航<ul>{links}</ul></div>{nxt}')
    return Page(html_page(f"南方日报 第{node}版：要闻", body).encode())


def register(site: MirrorSite) -> None:
    title, paras = load_seed("003")
    today = site.today
    _, other = load_seed("002")
    site.add_article(Article("nanfang", f"http://{PC_HOST}/38/8612345.html", "广州发布未来产业集群培育新举措",
                             paras[5:9], age_days=0, hhmm="10:12", author="南方+记者",
                             extra={"kind": "app", "column": "38", "id": 8612345}), render_app_article)
    site.add_article(Article("nanfang", f"http://{PC_HOST}/38/8612001.html", "广州南沙量子科技产业园开园",
                             paras[9:12], age_days=1, hhmm="18:02", author="南方+记者",
                             extra={"kind": "app", "column": "38", "id": 8612001}), render_app_article)
    site.add_route(API_HOST, "/nfplus-manuscript-web/article/list", article_list)
    for age in (0, 1):
        day = today.fromordinal(today.toordinal() - age)
        folder = f"/nfdaily/html/{day:%Y%m}/{day:%d}"
        for node in ("A01", "A02"):
            site.add_route(EPAPER_HOST, f"{folder}/node_{node}.html",
                           lambda q, s, node=node, day=day: epaper_node(q, s, node, day))
        site.add_route(EPAPER_HOST, f"{folder}/node_A03.html", lambda q, s: not_found())
    day = today
    folder = f"https://{EPAPER_HOST}/nfdaily/html/{day:%Y%m}/{day:%d}"
    site.add_article(Article("nanfang", f"{folder}/content_10048862.html", title, paras, age_days=0,
                             extra={"kind": "epaper", "node": "A01"}), render_epaper_article)
    site.add_article(Article("nanfang", f"{folder}/content_10048870.html", "广州加快布局未来产业 蓄能产业未来发展",
                             other[8:14], age_days=0, extra={"kind": "epaper", "node": "A02"}), render_epaper_article)
