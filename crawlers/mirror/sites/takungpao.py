"""大公报 mirror (Traditional Chinese): column lists (div.wrap_left dl.item, pages N.html) and
articles (h1.tkp_con_title, div.tkp_con_author spans, div.tkp_content)."""

from __future__ import annotations

from crawlers.mirror.site import Article, MirrorSite, Page, escape, html_page, load_seed, not_found, paragraphs_html

HOST = "www.takungpao.com"
CHROME = ('<div class="tkp_nav">首頁 新聞 財經 大灣區 香港 內地 國際 評論 副刊 視頻</div>',
          '<div class="tkp_footer">大公網 版權所有 Copyright © 大公報 不得轉載</div>')


def render(article: Article, site: MirrorSite) -> Page:
    day = article.day(site.today)
    body = (f'<div class="tkp_con"><h1 class="tkp_con_title">{escape(article.title)}</h1>'
            f'<div class="tkp_con_author"><span>{day:%Y-%m-%d} {article.hhmm}:00</span><span>大公報</span></div>'
            f'<div class="tkp_content">{paragraphs_html(article.paragraphs)}</div></div>')
    return Page(html_page(f"{article.title}_大公网", body).encode())


def column(section: str, page_no: int):
    def route(query: dict, site: MirrorSite) -> Page:
        items = [a for a in site.articles_of("takungpao", column=section) if a.extra["page"] == page_no]
        if page_no > 1 and not items:
            return not_found()
        rows = "".join(f'<dl class="item clearfix"><dd class="intro"><a href="{a.url}" title="{escape(a.title)}">'
                       f'{escape(a.title)}</a></dd><dd class="sort">{a.day(site.today):%Y-%m-%d}</dd></dl>' for a in items)
        pager = f'<div class="tkp_page"><a class="cms_nextpage" href="{page_no + 1}.html">下一頁</a></div>' if page_no == 1 else ""
        return Page(html_page("大公網", f'{CHROME[0]}<div class="wrap_left">{rows}</div>{pager}{CHROME[1]}').encode())
    return route


def register(site: MirrorSite) -> None:
    title, paras = load_seed("001")
    today = site.today
    entries = [("news/232109", 1, 0, "941201", title, paras), ("news/232109", 2, 2, "941077", "大灣區低空經濟加快起飛", paras[10:16]),
               ("finance/236132", 1, 1, "941150", "粵企加碼量子科技研發投入", paras[20:26])]
    for section, page_no, age, news_id, art_title, body in entries:
        day = today.fromordinal(today.toordinal() - age)
        site.add_article(Article("takungpao", f"http://{HOST}/{section}/{day:%Y}/{day:%m%d}/{news_id}.html", art_title,
                                 body, age_days=age, hhmm="04:24", extra={"column": section, "page": page_no}), render)
    for section in ("news/232109", "finance/236132"):
        site.add_route(HOST, f"/{section}/index.html", column(section, 1))
        site.add_route(HOST, f"/{section}/2.html", column(section, 2))
