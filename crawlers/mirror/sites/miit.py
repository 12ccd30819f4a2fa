"""MIIT mirror: the search-front-server API (dataResults[].data for 文件发布/政策发布,
groupData for 政策解读) and article pages (h1#con_title, div.xxgk-box, #con_con)."""

from __future__ import annotations

import json

from crawlers.mirror.site import Article, MirrorSite, Page, escape, html_page, load_seed, paragraphs_html

HOST = "www.miit.gov.cn"
API = "/search-front-server/api/search/info"


def render(article: Article, site: MirrorSite) -> Page:
    day = article.day(site.today)
    body = (f'<div class="xxgk-box"><p><span>发文机关：</span><span>工业和信息化部</span></p>'
            f'<p><span>发文字号：</span><span>{escape(article.extra.get("wh", ""))}</span></p>'
            f'<p><span>成文日期：</span><span>{day:%Y-%m-%d}</span></p></div>'
            f'<h1 id="con_title">{escape(article.title)}</h1><div class="cinfo">发布时间：{day:%Y-%m-%d}</div>'
            f'<div id="con_con">{paragraphs_html(article.paragraphs)}</div>')
    return Page(html_page(f"{article.title}_工业和信息化部", body).encode())


def search(query: dict, site: MirrorSite) -> Page:
    category = query.get("category", "")
    items = site.articles_of("miit", category=category) if query.get("p", "1") == "1" else []
    if category == "163":
        results = [{"groupData": [{"data": {"title": a.title, "url": a.path, "publishgroupname": "政策解读",
                                            "deploytime": str(int(a.extra["ts"]) - a.age_days * 86400000)}}]}
                   for a in items]
    else:
        results = [{"data": {"title": a.title, "url": a.path, "jsearch_date": a.day(site.today).isoformat()}}
                   for a in items]
    payload = {"success": True, "code": 200, "data": {"searchResult": {"dataResults": results, "total": len(results)}}}
    return Page(json.dumps(payload, ensure_ascii=False).encode(), content_type="application/json;charset=UTF-8")


def register(site: MirrorSite) -> None:
    _, paras = load_seed("004")
    _, think = load_seed("002")
    ts = str(int(__import__("datetime").datetime(site.today.year, site.today.month, site.today.day).timestamp() * 1000))
    entries = [("51", "art_1f3e5c7a9b2d4e6f8a0c1e3f5a7b9c1d", "工业和信息化部关于印发《未来产业标准化工作指南》的通知",
                paras[40:52], "工信部科〔2024〕12号"),
               ("183", "art_2a4c6e8f0b1d3f5a7c9e1b3d5f7a9c2e", "关于推动未来电子信息产业高质量发展的指导意见", paras[52:64], ""),
               ("163", "art_3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a", "一图读懂：如何培育发展未来产业", think[10:20], "")]
    for i, (category, name, title, body, wh) in enumerate(entries):
        site.add_article(Article("miit", f"https://{HOST}/jgsj/kjs/wjfb/art/{site.today.year}/{name}.html", title, body,
                                 age_days=i, extra={"category": category, "wh": wh, "ts": ts}), render)
    site.add_route(HOST, API, search)
