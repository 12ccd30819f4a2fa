"""www.gov.cn mirror: ZUIXINZHENGCE.json and detail pages in both templates
(A: /zhengce/content/… with table.bd1 metadata; B: /zhengce/YYYYMM/… with div.pages-date)."""

from __future__ import annotations

import json

from crawlers.mirror.attachments import pdf_bytes
from crawlers.mirror.site import Article, MirrorSite, Page, escape, html_page, load_seed, paragraphs_html

POLICY_TITLE = "广东省工业和信息化厅等六部门关于印发广东省培育发展未来电子信息产业集群行动计划的通知"

HOST = "www.gov.cn"


def render_a(article: Article, site: MirrorSite) -> Page:
    day = article.day(site.today)
    cells = [("索引号", "000014349/2024-00012"), ("主题分类", "工业、交通\\信息产业（含电信）"),
             ("发文机关", article.extra["issuer"]), ("成文日期", f"{day:%Y年%m月%d日}"), ("标题", article.title),
             ("发文字号", article.extra["wh"]), ("发布日期", f"{day:%Y年%m月%d日}")]
    rows = "".join(f"<tr><td><b>{k}：</b></td><td>{escape(v)}</td></tr>" for k, v in cells)
    head = f'<meta name="firstpublishedtime" content="{day:%Y-%m-%d}-{article.hhmm}:00"><meta name="manuscriptId" content="{article.extra["id"]}">'
    body = (f'<table class="bd1">{rows}</table><div class="pages_content"><div id="UCAP-CONTENT">'
            f'{paragraphs_html(article.paragraphs)}<p><a href="{article.extra["id"]}/files/5f1a2b3c4d5e6f708192a3b4c5d6e7f8.pdf">附件</a></p></div></div>'
            '<div class="footer">主办单位：国务院办公厅 运行维护单位：中国政府网运行中心</div>')
    return Page(html_page(f"{article.title}__中国政府网", body, head=head).encode())


def render_b(article: Article, site: MirrorSite) -> Page:
    day = article.day(site.today)
    head = f'<meta name="firstpublishedtime" content="{day:%Y-%m-%d}-{article.hhmm}:00">'
    body = (f'<div class="article"><h1 id="ti">{escape(article.title)}</h1><div class="pages-date">{day:%Y-%m-%d} {article.hhmm}'
            f'<span class="font">来源：{article.extra["issuer"]}</span></div>'
            f'<div id="UCAP-CONTENT"><div class="TRS_UEDITOR">{paragraphs_html(article.paragraphs)}</div></div></div>')
    return Page(html_page(f"{article.title}_国务院部门文件_中国政府网", body, head=head).encode())


def zuixin(query: dict, site: MirrorSite) -> Page:
    rows = [{"TITLE": a.title, "SUB_TITLE": "", "URL": a.url, "DOCRELPUBTIME": a.day(site.today).isoformat()}
            for a in site.articles_of("govcn")]
    return Page(json.dumps(rows, ensure_ascii=False).encode(), content_type="application/json")


def register(site: MirrorSite) -> None:
    _, paras = load_seed("004")
    title = POLICY_TITLE
    day = site.today
    site.add_article(Article("govcn", f"https://{HOST}/zhengce/content/{day:%Y%m}/content_6931201.htm", title, paras,
                             age_days=0, extra={"id": "6931201", "wh": "粤工信电子〔2024〕2号",
                                                "issuer": "广东省工业和信息化厅"}), render_a)
    site.add_route(HOST, f"/zhengce/content/{day:%Y%m}/6931201/files/5f1a2b3c4d5e6f708192a3b4c5d6e7f8.pdf",
                   lambda q, s: Page(pdf_bytes(), content_type="application/pdf"))
    site.add_article(Article("govcn", f"https://{HOST}/zhengce/zhengceku/{day:%Y%m}/content_6931188.htm",
                             "工业和信息化部等七部门关于推动未来产业创新发展的实施意见", paras[12:24], age_days=1,
                             extra={"issuer": "工业和信息化部网站"}), render_b)
    site.add_route(HOST, "/zhengce/zuixin/ZUIXINZHENGCE.json", zuixin)
