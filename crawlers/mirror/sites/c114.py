"""C114 mirror: GBK pages. roll.asp?y=&m=&d= lists the day's articles (div.new_list_c rows);
articles carry h1, div.author, div.r_time and div.text. Shape "v2" renders rows as <li>."""

from __future__ import annotations

from datetime import date

from crawlers.mirror.site import Article, MirrorSite, Page, escape, html_page, load_seed, paragraphs_html

HOST = "www.c114.com.cn"
CTYPE = "text/html; charset=gbk"
CHROME = ('<div class="top_nav">首页 新闻 5G 6G 光通信 云计算 人工智能 量子信息 物联网 运营商 产业链 专题</div>',
          '<div class="footer">关于我们 广告服务 联系我们 版权所有 C114通信网 沪ICP备12002291号</div>')


def encode(html: str) -> bytes:
    return html.replace("charset=utf-8", "charset=gb2312").encode("gbk", "xmlcharrefreplace")


def render_article(article: Article, site: MirrorSite) -> Page:
    day = article.day(site.today)
    body = (f'{CHROME[0]}<div class="content"><h1>{escape(article.title)}</h1>\n'
            f'<div class="author">C114通信网 &nbsp;{escape(article.author)}</div>\n'
            f'<div class="r_time">{day.year}/{day.month}/{day.day} {article.hhmm}</div>\n'
            f'<div class="text">{paragraphs_html(article.paragraphs)}</div></div>{CHROME[1]}')
    return Page(encode(html_page(f"{article.title} - 应用 — C114通信网", body)), content_type=CTYPE)


def render_row(article: Article, site: MirrorSite, shape: str) -> str:
    day = article.day(site.today)
    when = article.hhmm if day == site.today else f"{day.month}/{day.day}"
    title = escape(article.title)
    if shape == "v2":  # the site changed its markup: no new_list_c rows any more
        return f'<section class="feed-card"><a href="{article.url}">{title}</a><time>{when}</time></section>'
    return (f'<div class="new_list_c"><h6><a href="{article.url}">{title}</a></h6>\n'
            f'<div class="new_list_c_bot"><div class="new_list_author fl">{escape(article.author)}</div>'
            f'<div class="new_list_time fl">{when}</div></div></div>')


def roll(query: dict, site: MirrorSite) -> Page:
    try:
        day = date(int(query["y"]), int(query["m"]), int(query["d"]))
    except (KeyError, ValueError):
        day = site.today
    shape = site.shapes.get("c114", "v1")
    rows = [render_row(a, site, shape) for a in site.articles_of("c114") if a.day(site.today) == day]
    form = (f'<form action="roll.asp"><input name="y" value="{day.year}"><input name="m" value="{day.month}">'
            f'<input name="d" value="{day.day}"></form>')
    body = (f'{CHROME[0]}<div class="main">{form}<h2>滚动资讯</h2><div class="content_c_list">{"".join(rows)}</div>'
            f'查看全部</div>{CHROME[1]}')
    return Page(encode(html_page("滚动资讯 — C114通信网", body)), content_type=CTYPE)


def register(site: MirrorSite) -> None:
    title, paras = load_seed("000")
    site.add_article(Article("c114", f"https://{HOST}/4app/3542/a1283251.html", title, paras, age_days=0,
                             hhmm="09:25", author="南山"), render_article)
    site.add_article(Article("c114", f"https://{HOST}/news/118/a1299441.html", "运营商加快布局6G与量子通信试验网",
                             paras[2:6], age_days=1, hhmm="16:40", author="C114"), render_article)
    site.add_route(HOST, "/news/roll.asp", roll)


def add_bench_articles(site: MirrorSite, count: int, days: int) -> None:
    """`count` generated articles spread over `days` days (the benchmark mirror)."""
    _, paras = load_seed("000")
    for i in range(count):
        url = f"https://{HOST}/news/{100 + i % 50}/a{3000000 + i}.html"
        site.add_article(Article("c114", url, f"通信行业动态第{i}期：6G、量子与算力网络进展", paras[i % 10: i % 10 + 6],
                                 age_days=i % days, hhmm=f"{8 + i % 12:02d}:{i % 60:02d}", author="C114"),
                         render_article)
