"""The one publish-date resolver: evidence in a fixed order of trust, or None.

    resolve_published_at(html, tree, url, *, fetched_at, title="") -> DateEvidence | None

Tiers, first hit wins (each candidate must fall between 1990 and the fetch day + 1):
  1. structured  JSON-LD datePublished, <meta> article:published_time / PubDate / publishdate /
                 firstpublishedtime …, <time itemprop=datePublished>
  2. labelled    a date on a line with a label (发布时间, 发布日期, 发表于, 时间：, 日期：, 来源 …) or a
                 date with time of day, within the lines just after the title; 发布时间/发布日期
                 lines anywhere on the page also count. M月D日 takes its year from the fetch.
  3. script      the first inline-script variable named like a publish time (publish_time,
                 pubTime, weixin's ct)
  4. url         /2024/0510/, /202405/t20240520_, /2024-05/13/, /20240511/ …
  5. body        a date line (no sentence around it) in the first lines after the title
Text inside comments, related-article lists, footers, copyright lines and page-generation stamps
is never evidence. With no title found on the page, tier 4 is skipped: null rather than guess.
Times are Asia/Shanghai unless the value carries its own offset.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from parsers import dates
from parsers.html import SKIP_TAGS, paragraphs_of, select, text_of

TIERS = ("structured", "labelled", "script", "url", "body")
META_NAMES = ("article:published_time", "og:article:published_time", "pubdate", "publishdate", "PubDate",
              "firstpublishedtime", "publish_date", "publishtime", "publish-date", "datePublished",
              "og:release_date", "weibo:article:create_at", "dc.date.issued", "sailthru.date")
_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
_LD_JSON = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)
_REJECT = re.compile(r"(?:^|[\s_-])(comments?|pinglun|reply|replies|related|relate|xiangguan|recommend\w*|tuijian|"
                     r"footer|foot|copyright|banquan|hot\w*|rank\w*|paihang|sidebar)(?:$|[\s_-])", re.I)
_REJECT_TAGS = ("footer", "aside", "nav", "script", "style", "noscript", "template")
_REJECT_LINE = re.compile(r"版权|版權|Copyright|©|ICP|备案|公网安备|相关|相關|推荐|推薦|上一篇|下一篇")
_LABEL = re.compile(r"[发發][布佈表稿](?:时间|時間|日期|于|於)|成文日期|[时時]间[:：]|時間[:：]|日期[:：]|"
                    r"[来來]源[:：]|作者[:：]|[编編][辑輯][:：]|Posted|Published")
_STRONG_LABEL = re.compile(r"(?:[发發][布佈表稿](?:时间|時間|日期)|posted\s*@)\s*[:：]?\s*|^\s*(?:时间|時間|日期)\s*[:：]\s*")
_RELATIVE = re.compile(r"(刚刚|剛剛)|(\d{1,2})\s*(分钟|分鐘|小时|小時)前|(\d{1,2})\s*天前|"
                       r"(今天|昨天|前天)\s*(\d{1,2})[:：](\d{2})")
_SENTENCE = re.compile(r"[。，；！？]")
_WITH_CLOCK = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}[:：]\d{2}")
_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})[:：](\d{2}))?")
_URL_DATES = (re.compile(r"(?<!\d)((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?([0-2]\d|3[01])(?!\d)"),
              re.compile(r"/((?:19|20)\d{2})[-/](0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/"))
_SPLIT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s+(\d{1,2})/(\d{1,2})\s+(\d{1,2}):(\d{2})")
_SCRIPT_DATE = re.compile(r"[\"']?\b(publish_?time|pub_?time|publish_?date|pub_?date|datePublished|releaseTime|"
                          r"publishedAt|ct)[\"']?\s*[:=]\s*[\"']?(\d{10,13}|(?:19|20)\d{2}-\d{2}-\d{2}[^\"',;}]{0,15})",
                          re.I)
NEAR_TITLE_LINES = 8
_SKIP_BUT_FORMS = SKIP_TAGS - {"form"}  # ASP.NET pages wrap the whole article in a form
MAX_LINES = 3000  # the page's first lines: enough for a title and its date line, bounded on huge pages


@dataclass(frozen=True)
class DateEvidence:
    value: datetime
    tier: str  # one of TIERS
    detail: str  # which key, label or pattern


def resolve_published_at(html: str, tree, url: str, *, fetched_at: datetime | None,
                         title: str = "") -> DateEvidence | None:
    """The publish time by the tiers above, or None when the page offers no trustworthy date."""
    lines = page_lines(tree)
    start = title_line(lines, title)
    headings = (text_of(h) for h in select(tree, "h1")[:3])  # the title we were given may be <title>'s
    while start is None and (heading := next(headings, None)) is not None:
        start = title_line(lines, heading)
    for tier in (lambda: structured_date(html, tree, fetched_at), lambda: labelled_date(lines, start, fetched_at),
                 lambda: script_date(html, fetched_at), lambda: url_date(url, fetched_at),
                 lambda: body_date(lines, start, fetched_at)):
        if found := tier():
            return found
    return None


def with_time_of_day(day_value: datetime, timed: datetime | None) -> datetime:
    """A date-only value (00:00) refined by another reading of the same day that has a time."""
    if timed is not None and day_value.time() == datetime.min.time() and timed.date() == day_value.date():
        return timed
    return day_value


def plausible(value: datetime | None, fetched_at: datetime | None) -> datetime | None:
    if value is None or value.year < 1990:
        return None
    if fetched_at is not None and value > fetched_at + timedelta(days=1):
        return None
    return value


def structured_date(html: str, tree, fetched_at) -> DateEvidence | None:
    for key, raw in _structured_values(html, tree):
        if found := plausible(dates.parse_date(str(raw)), fetched_at):
            return DateEvidence(found, "structured", key)
    return None


def _structured_values(html: str, tree):
    for block in _LD_JSON.findall(html or "")[:10]:
        for value in _ld_dates(_load_json(block)):
            yield "json-ld", value
    wanted = {n.lower() for n in META_NAMES}
    for el in tree.iter("meta"):
        key = (el.get("name") or el.get("property") or el.get("itemprop") or el.get("http-equiv") or "").lower()
        if key in wanted and (el.get("content") or "").strip():
            yield f"meta:{key}", el.get("content").strip()
    for el in select(tree, "time[itemprop=datePublished], [itemprop=datePublished][datetime], time[pubdate]"):
        if el.get("datetime") or el.get("content"):
            yield "itemprop", el.get("datetime") or el.get("content")


def script_date(html: str, fetched_at) -> DateEvidence | None:
    """The first publish-time variable in an inline script (var publish_time = "…", {"pubTime": …});
    weixin's epoch `ct` only when no named one is there. Below labelled lines: app state JSON
    also carries the times of related items."""
    matches = [m for block in _SCRIPT.findall(html or "") for m in _SCRIPT_DATE.finditer(block)]
    named = [m for m in matches if m.group(1).lower() != "ct"] or matches
    if named and (found := plausible(dates.parse_date(named[0].group(2)), fetched_at)):
        return DateEvidence(found, "script", f"script:{named[0].group(1)}")
    return None


def _load_json(block: str):
    try:
        return json.loads(block.strip())
    except ValueError:
        return None


def _ld_dates(node, depth: int = 0):
    """datePublished values anywhere in a JSON-LD object (lists and @graph included)."""
    if depth > 6:
        return
    if isinstance(node, list):
        for item in node:
            yield from _ld_dates(item, depth + 1)
    elif isinstance(node, dict):
        if isinstance(node.get("datePublished"), (str, int)):
            yield node["datePublished"]
        for key, value in node.items():
            if key != "datePublished" and isinstance(value, (dict, list)):
                yield from _ld_dates(value, depth + 1)


def page_lines(tree) -> list[str]:
    """The body's first lines with comment, related-list, footer and copyright containers left out."""
    body = tree.find("body") if tree is not None else None
    if body is None:
        body = tree
    if body is None:
        return []
    lines = paragraphs_of(body, skip=_rejected, limit=MAX_LINES, skip_tags=_SKIP_BUT_FORMS)
    return [dates.strip_generation_stamps(line) for line in lines]


def _rejected(el) -> bool:
    label = f"{el.get('class', '')} {el.get('id', '')}"
    return el.tag in _REJECT_TAGS or bool(label.strip() and _REJECT.search(label))


def title_line(lines: list[str], title: str) -> int | None:
    """Index of the line that carries the title (exact, then prefix), or None."""
    title = (title or "").strip()
    if len(title) < 2:
        return None
    for i, line in enumerate(lines):
        if line == title:
            return i
    if len(title) < 4:
        return None
    key = title[: min(len(title), 12)]
    return next((i for i, line in enumerate(lines) if key in line and len(line) < len(title) + 40), None)


def labelled_date(lines: list[str], start: int | None, fetched_at) -> DateEvidence | None:
    if start is not None:  # the lines under the title, then the two above it (a date line over the heading)
        for line in lines[start: start + NEAR_TITLE_LINES] + lines[max(0, start - 2): start][::-1]:
            if found := _line_date(line, fetched_at):
                return DateEvidence(found, "labelled", line[:40])
    for line in lines:
        if len(line) <= 80 and (match := _STRONG_LABEL.search(line)) and not _REJECT_LINE.search(line):
            if found := plausible(_date_in(line[match.end():], fetched_at), fetched_at):
                return DateEvidence(found, "labelled", line[:40])
    return None


def _line_date(line: str, fetched_at) -> datetime | None:
    if len(line) > 200 or _REJECT_LINE.search(line):
        return None
    if _LABEL.search(line) or _WITH_CLOCK.search(line) or _SPLIT_YEAR.search(line):
        return plausible(_date_in(line, fetched_at), fetched_at)
    return None


def _date_in(text: str, fetched_at) -> datetime | None:
    """A full date in the text; else M月D日 with its year inferred from the fetch time."""
    if found := dates.find_date(text):
        return found
    if match := _SPLIT_YEAR.search(text):  # <span>2024</span><span>05/04</span> 10:23 (xinhua)
        return dates.build_datetime(*(int(g) for g in match.groups()))
    match = _MONTH_DAY.search(text)
    if match and fetched_at is not None:
        return dates.parse_date(match.group(0).replace("：", ":"), ref=fetched_at)
    return _relative(text, fetched_at)


def _relative(text: str, fetched_at) -> datetime | None:
    """刚刚, N分钟前, N小时前, N天前, 今天/昨天/前天 HH:MM, counted back from the fetch time."""
    match = _RELATIVE.search(text)
    if not match or fetched_at is None:
        return None
    now = fetched_at.astimezone(dates.SHANGHAI)
    just, amount, unit, days, word, hh, mm = match.groups()
    if just:
        return now
    if amount:
        return now - (timedelta(minutes=int(amount)) if unit in ("分钟", "分鐘") else timedelta(hours=int(amount)))
    if days:
        return now - timedelta(days=int(days))
    day = now - timedelta(days=("今天", "昨天", "前天").index(word))
    try:
        return day.replace(hour=int(hh), minute=int(mm), second=0, microsecond=0)
    except ValueError:  # 今天 24:30 is no time of day: the next tier, not the end of the resolver
        return None


def url_date(url: str, fetched_at) -> DateEvidence | None:
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "").split("?")[0]
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            value = dates.build_datetime(*(int(g) for g in match.groups()))
            if found := plausible(value, fetched_at):
                return DateEvidence(found, "url", match.group(0))
    return None


def body_date(lines: list[str], start: int | None, fetched_at) -> DateEvidence | None:
    if start is None:
        return None
    for line in lines[start + 1: start + 1 + NEAR_TITLE_LINES * 2]:
        if len(line) <= 60 and not _SENTENCE.search(line) and not _REJECT_LINE.search(line):
            if found := plausible(dates.find_date(line), fetched_at):
                return DateEvidence(found, "body", line[:40])
    return None
