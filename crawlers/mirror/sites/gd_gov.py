"""Guangdong government mirror: gkmlpt on three hosts (index with window._CONFIG SID, the
/gkmlpt/api/all/{cat} JSON list, detail pages whose body sits in window._CONFIG.DETAIL, and
/attachment/… files) plus the www.gd.gov.cn 文件库 list (div.viewList) and its detail pages."""

from __future__ import annotations

import json

from crawlers.mirror import faults
from crawlers.mirror.attachments import attachment
from crawlers.mirror.site import Article, MirrorSite, Page, escape, html_page, load_seed, not_found, paragraphs_html

POLICY_TITLE = "广东省工业和信息化厅等六部门关于印发广东省培育发展未来电子信息产业集群行动计划的通知"

SITES = {"www.gd.gov.cn": "2", "gdii.gd.gov.cn": "4", "www.gz.gov.cn": "200001"}
CHROME = ('<div class="header">广东省人民政府门户网站 首页 要闻动态 政务公开 政务服务 互动交流 数据开放</div>',
          '<div class="footer">主办：广东省人民政府办公厅 承办：南方网 网站标识码：4400000064 粤ICP备05070829号</div>')


def detail_json(article: Article, site: MirrorSite) -> dict:
    links = "".join(f'<p>附件：<a href="{href}">{escape(name)}</a></p>' for name, href in article.extra["files"])
    return {"id": article.extra["id"], "title": article.title, "content": paragraphs_html(article.paragraphs) + links,
            "identifier": article.extra["identifier"], "document_number": article.extra.get("wh", ""),
            "publisher": article.extra["publisher"], "date": article.day(site.today).isoformat(),
            "created_at": f"{article.day(site.today).isoformat()} {article.hhmm}:00"}


def render_gkmlpt(article: Article, site: MirrorSite) -> Page:
    detail = json.dumps(detail_json(article, site), ensure_ascii=False).replace("<", "\\u003C").replace(">", "\\u003E")
    script = f"<script>window._CONFIG = {{SID: '{SITES[article.host]}', CSRF: 'k2', DETAIL: {detail}}};</script>"
    body = f'{CHROME[0]}<div id="app"></div>{script}{CHROME[1]}'
    return Page(html_page(f"{article.title} - 政府信息公开", body).encode())


def render_wjk(article: Article, site: MirrorSite) -> Page:
    links = "".join(f'<p><a href="{href}">{escape(name)}</a></p>' for name, href in article.extra["files"])
    body = (f'{CHROME[0]}<div class="introduce"><h1>{escape(article.title)}</h1><div class="row">'
            f'<span>文号：{escape(article.extra.get("wh", ""))}</span><span>发布日期：{article.day(site.today)}</span></div></div>'
            f'<div class="zw">{paragraphs_html(article.paragraphs)}{links}</div>{CHROME[1]}')
    return Page(html_page(article.title, body).encode())


def gkmlpt_index(host: str):
    tree = '[{"id": 0, "name": "全部", "children": [], "post_count": 2}]'
    body = f"{CHROME[0]}<div id=\"app\"></div><script>window._CONFIG = {{SID: '{SITES[host]}', TREE: {tree}}};</script>{CHROME[1]}"
    return lambda q, s: Page(html_page("政府信息公开", body).encode())


def gkmlpt_api(host: str):
    def route(query: dict, site: MirrorSite) -> Page:
        if query.get("sid") != SITES[host]:
            return Page(b'{"error": "sid"}', status=400, content_type="application/json")
        if query.get("page", "1") != "1":
            return not_found()  # single-page mode: page ≥ 2 is a 404
        rows = [dict(detail_json(a, site), url=a.url, post_url=a.path, create_time=0, display_publish_time=0,
                     is_expired=False, is_abolished=False, attachment=[h for _, h in a.extra["files"]])
                for a in site.articles_of("gd_gov", kind="gkmlpt", host=host)]
        for row in rows:
            row.pop("content")
        return Page(json.dumps({"classify": {"post_count": len(rows)}, "articles": rows}, ensure_ascii=False).encode(),
                    content_type="application/json")
    return route


def wjk_list(page_no: int):
    def route(query: dict, site: MirrorSite) -> Page:
        items = [a for a in site.articles_of("gd_gov", kind="wjk") if a.extra["list_page"] == page_no]
        rows = "".join(f'<li><span class="name"><a href="{a.url}">{escape(a.title)}</a></span>'
                       f'<span class="wh">{escape(a.extra.get("wh", ""))}</span><span class="date">{a.day(site.today)}</span></li>'
                       for a in items)
        return Page(html_page("全部文件", f'{CHROME[0]}<div class="viewList"><ul>{rows}</ul></div>{CHROME[1]}').encode())
    return route


def add_files(site: MirrorSite, host: str, post_id: int, names: list[str]) -> list[tuple[str, str]]:
    files = []
    for name in names:
        path = f"/attachment/0/{post_id // 1000}/{post_id}/{name}"
        body, content_type = attachment(name)
        site.add_route(host, path, lambda q, s, body=body, content_type=content_type: Page(body, content_type=content_type))
        files.append((name, f"http://{host}{path}"))
    return files


def register(site: MirrorSite) -> None:
    _, paras = load_seed("004")
    title = POLICY_TITLE
    for host in SITES:
        site.add_route(host, "/gkmlpt/index", gkmlpt_index(host))
        site.add_route(host, "/gkmlpt/api/all/0", gkmlpt_api(host))
    files = add_files(site, "gdii.gd.gov.cn", 4915026, ["4915026.pdf", "行动计划.docx"])
    if site.faults:
        site.add_route("gdii.gd.gov.cn", "/attachment/0/4915/4915026/big.zip", faults.oversized_attachment)
        files += [("big.zip", "http://gdii.gd.gov.cn/attachment/0/4915/4915026/big.zip"),
                  ("missing.pdf", "http://gdii.gd.gov.cn/attachment/0/4915/4915026/missing.pdf")]
    meta = {"identifier": "006939748/2024-00123", "wh": "粤工信电子〔2024〕2号", "publisher": "广东省工业和信息化厅"}
    site.add_article(Article("gd_gov", "http://gdii.gd.gov.cn/gkmlpt/content/4/4915/post_4915026.html", title, paras,
                             age_days=3, extra={"kind": "gkmlpt", "host": "gdii.gd.gov.cn", "id": 4915026,
                                                "files": files, **meta}), render_gkmlpt)
    others = [("www.gd.gov.cn", 4420001, "广东省人民政府关于加快建设通用人工智能产业创新引领地的实施意见", "粤府〔2024〕5号"),
              ("www.gz.gov.cn", 9350001, "广州市促进未来产业发展若干措施", "穗府办规〔2024〕3号")]
    for host, post_id, other_title, wh in others:
        site.add_article(Article("gd_gov", f"http://{host}/gkmlpt/content/4/{post_id // 1000}/post_{post_id}.html",
                                 other_title, paras[20:30], age_days=1,
                                 extra={"kind": "gkmlpt", "host": host, "id": post_id, "files": [], "wh": wh,
                                        "identifier": f"{post_id}/2024-1", "publisher": "人民政府办公厅"}),
                         render_gkmlpt)
    for page_no, post_id in ((1, 4300001), (2, 4300002)):
        files = add_files(site, "www.gd.gov.cn", post_id, [f"{post_id}.pdf"])
        site.add_article(Article("gd_gov", f"http://www.gd.gov.cn/zwgk/wjk/qbwj/yfb/content/post_{post_id}.html",
                                 f"广东省人民政府办公厅关于印发未来产业培育方案的通知（{page_no}）", paras[30:40],
                                 age_days=page_no, extra={"kind": "wjk", "list_page": page_no, "files": files,
                                                          "wh": f"粤府办〔2024〕{page_no}号"}), render_wjk)
    site.add_route("www.gd.gov.cn", "/zwgk/wjk/qbwj/index.html", wjk_list(1))
    site.add_route("www.gd.gov.cn", "/zwgk/wjk/qbwj/index_2.html", wjk_list(2))
