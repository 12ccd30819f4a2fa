"""Pages served with status 200 that are not articles: a 404 in disguise, a WAF or bot check, a login wall.

    not_an_article(titles, text, visible, html) -> str | None   (the reason, one line, or None)

A marker in the <title> or the first heading is decisive. A marker in the page text counts only
when the page has little prose besides it (an article may well quote 页面不存在); the login wall
also needs a password field. Phrases are the ones Chinese CMSs, CDNs and WAFs print (Aliyun 云盾,
安全狗, 创宇盾/知道创宇, Tencent, Cloudflare) on their block pages; keep this list general, not per site.
"""

from __future__ import annotations

import re

_GONE_TITLE = re.compile(r"页面不存在|页面已删除|页面已被删除|页面未找到|页面找不到|找不到(?:该|此)?页面|无法找到(?:该|此)?页面|"
                         r"页面走丢|^\s*404\b|\b404\s*(?:Not Found|错误|页面)|^\s*Not Found|页面出错", re.I)
_GONE = re.compile(_GONE_TITLE.pattern + r"|(?:页面|内容|文章|信息|稿件|新闻|该文)(?:已被|已经被|已经|已)(?:删除|下线|撤稿)|"
                   r"(?:该|此)?(?:信息|文章|内容|稿件|新闻)不存在|链接已失效|\b404\b|出错啦|"
                   r"抱歉[,，]?\s*(?:您|你)?(?:访问|请求|查找)的(?:页面|内容)", re.I)
_BLOCKED_TITLE = re.compile(r"访问被拦截|访问被阻断|请求被拦截|网站防火墙|安全验证|人机验证|Access Denied|Request blocked|"
                            r"Just a moment|Attention Required", re.I)
_BLOCKED = re.compile(_BLOCKED_TITLE.pattern + r"|请求被阻断|拦截了您的访问|安全威胁|Web应用防火墙|云盾|安全狗|创宇盾|"
                      r"知道创宇|\bWAF\b|滑动验证|请完成验证|访问过于频繁|Checking your browser|"
                      r"enable JavaScript and cookies|cf-browser-verification", re.I)
_LOGIN = re.compile(r"请登录|请先登录|登录后(?:查看|阅读|浏览)|登录后才能|用户登录|会员登录|统一身份认证|Sign in|Log in", re.I)
_PASSWORD = re.compile(r"<input[^>]+type=[\"']?password", re.I)
_HAN = re.compile(r"[\u4e00-\u9fff]")
SHORT_PAGE_HAN = 200  # extracted prose shorter than this (Han characters) makes a marker in the text count
EMPTY_PAGE_HAN = 30  # below this, markers anywhere in the visible page count


def is_short(text: str) -> bool:
    """Too little body for an article page: markers anywhere in the visible page then count."""
    return len(_HAN.findall(text or "")) < EMPTY_PAGE_HAN


def not_an_article(titles: str, text: str, visible: str, html: str) -> str | None:
    """Why the page is not an article ('error page: 页面不存在' …), or None for an ordinary page.

    titles: <title> and the headings found; text: the extracted body; visible: all visible text."""
    han = len(_HAN.findall(text or ""))
    where = f"{titles}\n{text}" + (f"\n{visible[:5000]}" if han < EMPTY_PAGE_HAN else "")
    for label, decisive, pattern in (("error page", _GONE_TITLE, _GONE),
                                     ("blocked by a firewall or bot check", _BLOCKED_TITLE, _BLOCKED)):
        if match := decisive.search(titles or ""):
            return f"{label}: {match.group(0).strip()}"
        if han < SHORT_PAGE_HAN and (match := pattern.search(where)):
            return f"{label}: {match.group(0).strip()}"
    if han < SHORT_PAGE_HAN and (match := _LOGIN.search(where)) and _PASSWORD.search(html or ""):
        return f"login wall: {match.group(0)}"
    return None
