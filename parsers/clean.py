"""Line-level cleaning shared by site parsers and the generic path.

Boilerplate lines (footers, share bars, editor and copyright lines) are dropped whole;
injected spam phrases (gambling SEO strings such as 万博体育网址官网app下载, planted inside
sentences by reprinting sites) are cut out of the sentence and the rest kept.
"""

from __future__ import annotations

import re

from parsers.html import clean_inline

# A line is boilerplate when it matches one of these and is short (a body sentence may mention 版权).
_BOILERPLATE = re.compile(
    r"主办单位|承办单位|运行维护单位|协办单位|网站标识码|ICP备|ICP证|公网安备|网安备|版权所有|"
    r"Copyright|©|All Rights Reserved|责任编辑|编辑[:：]|【编辑|\[编辑|校对[:：]|审核[:：]|"
    r"分享到|分享至|扫一扫|微信扫一扫|打印本页|关闭窗口|【打印】|【关闭】|字体[:：]?\s*[【\[]?\s*大|"
    r"^[【\[]?\s*字号|返回顶部|^上一篇|^下一篇|^相关阅读|^相关新闻|^相关链接|^推荐阅读|^热门推荐|"
    r"^点击排行|^网友评论|上一页.{0,12}下一页|^首页\s*[|｜]|^发表评论|^我要评论|^登录\s*注册|^首页\s*[>＞›]|当前位置[:：]|您的位置|"
    r"联系我们|网站地图|法律声明|隐私政策|违法和不良信息举报|举报电话|未经授权|不得转载|转载请注明|"
    r"^来源[:：][^，。]{0,30}$|^阅读[:：]?\s*\d+|^浏览次数|^点击数[:：]|^\d+\s*人(?:阅读|浏览)|"
    r"^(?:微信|微博|QQ空间|QQ好友|朋友圈|收藏|打印|分享|纠错|评论|点赞)(?:\s+|$)",
    re.I,
)
_BOILERPLATE_MAX = 90  # longer lines are body text even when they mention e.g. 版权

_SPAM_BRANDS = (r"万博|亚博|开云|乐鱼|九游|半岛|星空|米乐|华体会|爱游戏|必威|博天堂|威廉希尔|"
                r"金沙|葡京|新葡京|威尼斯人|银河娱乐|太阳城|皇冠|bet365|BET365|ob|OB|kaiyun|KY")
_SPAM_CORE = (r"(?:体育|娱乐|彩票|棋牌|博彩|真人|电竞|足彩|游戏)"
              r"(?:[·\s]*(?:网址|官网|官方网站|平台|网站|客户端|app|APP|下载|登录|登陆|入口|注册|手机版|在线)){2,}")
SPAM_PHRASE = re.compile(rf"(?:{_SPAM_BRANDS})?\s*{_SPAM_CORE}"
                         rf"|(?:{_SPAM_BRANDS})(?:体育|娱乐)(?:[（(]中国[)）])?(?:官方网站|官网)")


def is_boilerplate(line: str) -> bool:
    return len(line) <= _BOILERPLATE_MAX and bool(_BOILERPLATE.search(line))


def strip_spam(line: str) -> str:
    return clean_inline(SPAM_PHRASE.sub("", line)) if SPAM_PHRASE.search(line) else line


_TEASER = re.compile(r"(?:【详细】|\[详细\]|【详情】|\[详情\]|详细>>|详情>>|更多>>|阅读全文>>)\s*$")


def cut_teaser_list(lines: list[str]) -> list[str]:
    """A list of teasers (summaries ending in 【详细】 …) after the article: cut it, with the
    headline line just above the first teaser. A single teaser line is left alone."""
    teasers = [i for i, line in enumerate(lines) if _TEASER.search(line)]
    if len(teasers) < 2:
        return lines
    first = teasers[0]
    if first > 0 and len(lines[first - 1]) <= 40 and not re.search(r"[。！？]$", lines[first - 1]):
        first -= 1
    return lines[:first]


def clean_lines(lines: list[str], *, drop_lines: tuple[str, ...] = ()) -> list[str]:
    """Drop boilerplate and exact `drop_lines` (e.g. the title repeated in the body); cut spam."""
    out: list[str] = []
    skip = {d for d in drop_lines if d}
    lines = cut_teaser_list(lines)
    for line in lines:
        line = strip_spam(line)
        if not line or line in skip or is_boilerplate(line):
            continue
        out.append(line)
    return out


def strip_editor_line(lines: list[str]) -> tuple[list[str], str | None]:
    """Take a trailing 【编辑:张燕玲】 / (责任编辑：…) line off the body and return the name."""
    pattern = re.compile(r"^[【\[(（]?\s*(?:责任)?编辑\s*[:：]\s*([^】\]）)]{1,20})[】\]）)]?$")
    for i in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
        if match := pattern.match(lines[i].strip()):
            return lines[:i] + lines[i + 1:], match.group(1).strip()
    return lines, None
