"""Fault pages, switched on with MirrorSite(faults=True): each is listed on C114's roll page for
today (so the real spider meets it) or linked as a gd_gov attachment.

    a9000404  404            a9000500  500 (retried, then failed)   a9000408  never answers in time
    a9000310  redirect loop  a9000206  truncated body               a9000413  oversized (> DOWNLOAD_MAXSIZE)
    a9000403  WAF page 安全验证 (200)   a9000200  empty JavaScript shell   a9000307  redirect to 169.254.169.254
    a9000301  redirect off the allowed domains            /private/a9000999  disallowed by robots.txt
"""

from __future__ import annotations

from crawlers.mirror.site import Article, MirrorSite, Page, html_page, not_found
from crawlers.mirror.sites import c114

HOST = c114.HOST
BASE = f"https://{HOST}/news/16"
PAGE_CAP_PLUS = 9 * 1024 * 1024  # above the 8 MiB page cap
ATTACHMENT_CAP_PLUS = 21 * 1024 * 1024  # above the 20 MiB attachment cap

WAF_HTML = html_page("安全验证", '<div id="nc"></div><p>请完成安全验证后继续访问</p>'
                     '<script>var acw_sc__v2 = "x";</script>')
SHELL_HTML = '<html><head><script src="/static/app.js"></script></head><body><div id="app"></div></body></html>'


def _redirect(location: str) -> Page:
    return Page(b"", status=302, headers={"Location": location})


FAULTS = {
    "a9000404": lambda q, s: not_found(),
    "a9000500": lambda q, s: Page(html_page("500", "<h1>Internal Server Error</h1>").encode(), status=500),
    "a9000408": lambda q, s: Page(b"late", fault="timeout"),
    "a9000310": lambda q, s: _redirect(f"{BASE}/a9000311.html"),
    "a9000311": lambda q, s: _redirect(f"{BASE}/a9000310.html"),
    "a9000206": lambda q, s: Page(c114.encode(html_page("截断", "<div class='text'><p>正文开始" + "。" * 500)),
                                  content_type=c114.CTYPE, fault="truncated"),
    "a9000413": lambda q, s: Page(b"", fault="oversized", size=PAGE_CAP_PLUS),
    "a9000403": lambda q, s: Page(WAF_HTML.encode()),
    "a9000200": lambda q, s: Page(SHELL_HTML.encode()),
    "a9000307": lambda q, s: _redirect("http://169.254.169.254/latest/meta-data/"),
    "a9000301": lambda q, s: _redirect("https://evil.example.com/phish.html"),
}
LISTED = [key for key in FAULTS if key != "a9000311"]


def register(site: MirrorSite) -> None:
    for key, route in FAULTS.items():
        url = f"{BASE}/{key}.html"
        if key in LISTED:
            site.add_article(Article("c114", url, f"故障页 {key}", ["-"], age_days=0, author="mirror"),
                             c114.render_article)
        site.add_route(HOST, f"/news/16/{key}.html", route)
    site.add_article(Article("c114", f"https://{HOST}/private/a9000999.html", "robots 禁止的页面", ["-"], age_days=0),
                     c114.render_article)


def oversized_attachment(query: dict, site: MirrorSite) -> Page:
    return Page(b"", content_type="application/zip", fault="oversized", size=ATTACHMENT_CAP_PLUS)
