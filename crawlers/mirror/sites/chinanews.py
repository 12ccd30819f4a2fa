"""chinanews mirror: the daily scroll archive (/scroll-news/YYYY/MMDD/news.shtml) and article
pages (h1.content_left_title, div.left-t, div.left_zw) — the 南方日报 seed as a reprint."""

from __future__ import annotations

from crawlers.mirror.site import Article, MirrorSite, Page, escape, html_page, load_seed, paragraphs_html

HOST = "www.chinanews.com.cn"


def render(article: Article, site: MirrorSite) -> Page:
    day = article.day(site.today)
    body = (f'<div class="content_maincontent_more"><h1 class="content_left_title">{escape(article.title)}</h1>'
            f'<div class="left-t">{day:%Y年%m月%d日} {article.hhmm}　来源：<span id="source_baidu">{article.author}</span></div>'
            f'<div class="left_zw">{paragraphs_html(article.paragraphs)}<div class="adEditor">'
            f'【编辑:<span id="editor_baidu">张燕玲</span>】</div></div></div>')
    return Page(html_page(f"{article.title}-中新网", body).encode())


def scroll(day):
    def route(query: dict, site: MirrorSite) -> Page:
        rows = "".join(f'<li><div class="dd_lm">[{a.extra["channel_name"]}]</div><div class="dd_bt">'
                       f'<a href="{a.path}">{escape(a.title)}</a></div><div class="dd_time">{a.day(site.today):%-m-%-d} {a.hhmm}</div></li>'
                       for a in site.articles_of("chinanews") if a.day(site.today) == day)
        return Page(html_page("滚动新闻-中国新闻网", f'<div class="nav">首页 滚动 国内 国际 社会 财经 地方 体育</div>'
                                                   f'<div class="content_list"><ul>{rows}</ul></div>'
                                                   '<div class="footer">中国新闻网 版权所有 未经授权禁止转载</div>').encode())
    return route


def register(site: MirrorSite) -> None:
    title, paras = load_seed("003")
    today = site.today
    entries = [(0, "dwq", "地方", "10172345", title, paras, "南方日报"),
               (0, "ty", "体育", "10172399", "体育快讯：省运会筹备工作进入冲刺", paras[3:5], "中新网"),
               (1, "cj", "财经", "10171002", "新型储能产业加速集聚 广东打造万亿级集群", paras[40:48], "中新网")]
    for age, channel, name, news_id, art_title, body, origin in entries:
        day = today.fromordinal(today.toordinal() - age)
        site.add_article(Article("chinanews", f"https://{HOST}/{channel}/{day:%Y}/{day:%m-%d}/{news_id}.shtml", art_title,
                                 body, age_days=age, hhmm="08:05", author=origin,
                                 extra={"channel_name": name}), render)
    for age in range(0, 3):
        day = today.fromordinal(today.toordinal() - age)
        site.add_route(HOST, f"/scroll-news/{day:%Y}/{day:%m%d}/news.shtml", scroll(day))
