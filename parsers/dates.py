"""Dates in every form our sources print, as aware datetimes in Asia/Shanghai.

Forms (full-width digits too): 2024-02-09, 2024/2/9 14:29, 2024.02.09, 2024年2月9日 10:00, 二〇二四年二月九日,
gov.cn's 2024-02-09-14:29:00, ISO 8601 with offset, epoch seconds/milliseconds, and list-page
M/D, M月D日 or HH:mm whose year/day is inferred from a reference time (the fetch time; an HH:mm more
than an hour after it is the day before's).
A time of day is Asia/Shanghai unless a zone follows it: Z, UTC, GMT (±offset), or a numeric offset
after seconds (2024-02-09 06:29:00+00, as str(datetime) and PostgreSQL print; without seconds
10:00-12:00 is a time range, and so is 09:00:00-11:00: a minus and a later time of day), or an RFC 2822 date (Fri, 09 Feb 2024 06:29:00 GMT); in free text only
UTC/GMT (±offset) and a capital Z right after the time (…:00Z) count: "14:00 Z世代论坛" is Shanghai time.
Page-generation stamps (页面生成时间, 生成日期) are never publication dates: callers strip them
with `strip_generation_stamps` before searching text.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from futurewatch.core.config import SOURCE_TIMEZONE
from futurewatch.core.textnorm import nfkc

SHANGHAI = ZoneInfo(SOURCE_TIMEZONE)
CLOCK_SKEW = timedelta(hours=1)  # a list's HH:mm later than the fetch by more than this is the day before

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "〇零○ＯO一二三四五六七八九十"
_TIME = r"(?:\s*[T\s日]?\s*(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?)?"
_FULL = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.年]|-)\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?"
    r"(?:-?" + _TIME[3:]
)
_CN_FULL = re.compile(rf"([{_CN_NUM}]{{4}})年([{_CN_NUM}]{{1,3}})月([{_CN_NUM}]{{1,3}})日")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[/月-]\s*(\d{1,2})\s*日?" + _TIME + r"$")
_CLOCK = re.compile(r"^(\d{1,2})[:：](\d{2})(?::(\d{2}))?$")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_ISO_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$")
_OFFSET = r"[+-]\d{1,2}(?::?\d{2})?"
_LETTER_ZONE = rf"Z|(?:UTC|GMT)\s*(?:{_OFFSET})?"
_VALUE_ZONE = re.compile(rf"^(.*?(?<!\d)\d{{1,2}}:\d{{2}})(:\d{{2}}(?:\.\d+)?)?\s*[(（]?\s*({_LETTER_ZONE}|{_OFFSET})"
                         r"\s*[)）]?$", re.I)
_TEXT_ZONE = re.compile(rf"(Z)(?![\w-])|\s*[(（]?\s*((?i:UTC|GMT)\s*(?:{_OFFSET})?)(?![A-Za-z])")  # Z世代 is a word
_RFC2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d")
GENERATION_STAMP = re.compile(r"(页面生成时间|页面生成日期|生成时间|生成日期|更新时间|最后更新|访问时间|当前时间|"
                              r"頁面生成時間|生成時間|更新時間|最後更新)[:：\s]*[^<\n]{0,40}")


def cn_number(token: str) -> int:
    """二〇二四 → 2024 (digit by digit); 十二 → 12; 二十九 → 29."""
    if "十" not in token:
        return int("".join(str(_CN_DIGITS[c]) for c in token))
    tens, _, units = token.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _build(y: int, m: int, d: int, hh=None, mm=None, ss=None) -> datetime | None:
    try:
        return datetime(y, m, d, int(hh or 0), int(mm or 0), int(ss or 0), tzinfo=SHANGHAI)
    except (ValueError, TypeError):
        return None


def build_datetime(y: int, m: int, d: int, hh=None, mm=None, ss=None) -> datetime | None:
    """Asia/Shanghai datetime from parts, or None when they are not a real day."""
    return _build(y, m, d, hh, mm, ss)


def parse_epoch(value: int | float | str) -> datetime | None:
    """Epoch seconds or milliseconds → Asia/Shanghai datetime."""
    num = float(value)
    if num > 1e11:
        num /= 1000.0
    if not 0 < num < 4.2e9:
        return None
    return datetime.fromtimestamp(num, tz=SHANGHAI)


def zone_of(designator: str) -> timezone | None:
    """Z, UTC, GMT+8, +0800, -05:00 … → a fixed offset; None when it is not a real one."""
    spec = re.sub(r"^(?:Z|UTC|GMT)|\s", "", designator.strip().upper())
    if not spec:
        return timezone.utc
    sign, digits = (-1 if spec[0] == "-" else 1), spec[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes)) if hours <= 14 and minutes < 60 else None


def _in_zone(local: datetime | None, designator: str | None) -> datetime | None:
    """`local` (built as Shanghai time) read as a wall-clock time in the stated zone instead."""
    zone = zone_of(designator) if designator else None
    return local.replace(tzinfo=zone).astimezone(SHANGHAI) if local and zone else local


def find_date(text: str) -> datetime | None:
    """The first complete date (with year) in free text, with its time of day when printed (and its zone,
    when a lettered one follows the time)."""
    if not text:
        return None
    match = _FULL.search(text)
    cn = _CN_FULL.search(text)
    if cn and (not match or cn.start() < match.start()):
        try:
            return _build(cn_number(cn.group(1)), cn_number(cn.group(2)), cn_number(cn.group(3)))
        except KeyError:
            return None
    if match:
        found = _build(*(int(g) if g else None for g in match.groups()))
        zone = _TEXT_ZONE.match(text, match.end()) if match.group(4) else None
        return _in_zone(found, (zone.group(1) or zone.group(2)) if zone else None)
    return None


def _stated_zone_date(text: str) -> datetime | None:
    """A whole value whose time of day is followed by its zone (see the module docstring), or None."""
    if _RFC2822.match(text):
        try:
            found = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
        return found.astimezone(SHANGHAI) if found.tzinfo else None
    match = _VALUE_ZONE.match(text)
    if not match or _is_time_range(match):
        return None
    local = find_date(match.group(1) + (match.group(2) or ""))
    return _in_zone(local, match.group(3)) if local else None


def _is_time_range(match: re.Match) -> bool:
    """A numeric "offset" that ends a time range: any after a time without seconds (10:00-12:00), and a
    minus with a later time of day after one with seconds (09:00:00-11:00); -05:00 after 20:00:00 is a zone."""
    start, seconds, designator = match.groups()
    if designator[0] not in "+-":
        return False
    if not seconds:
        return True
    end = re.fullmatch(r"-(\d{1,2}):(\d{2})", designator)
    hours, minutes = re.search(r"(\d{1,2}):(\d{2})$", start).groups()
    return bool(end) and (int(end[1]), int(end[2])) > (int(hours), int(minutes))


def _infer_year(month: int, day: int, ref: datetime) -> int | None:
    """The year that puts M/D on or before the reference day (list pages show recent items)."""
    for year in (ref.year, ref.year - 1):
        try:
            if date(year, month, day) <= ref.date() + timedelta(days=1):
                return year
        except ValueError:
            continue
    return None


def parse_date(value: str | int | float | None, *, ref: datetime | None = None) -> datetime | None:
    """Any supported form → aware datetime in Asia/Shanghai, or None when it is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return parse_epoch(value)
    text = nfkc(value).strip()  # ２０２４年３月１日 as 2024年3月1日
    if _EPOCH.match(text):
        return parse_epoch(text)
    if _ISO_OFFSET.match(text):
        return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(SHANGHAI)
    found = _stated_zone_date(text) or find_date(text)
    if found or ref is None:
        return found
    ref = ref.astimezone(SHANGHAI)
    if match := _MONTH_DAY.match(text):
        month, day, hh, mm, ss = (int(g) if g else None for g in match.groups())
        year = _infer_year(month, day, ref)
        return _build(year, month, day, hh, mm, ss) if year else None
    if match := _CLOCK.match(text):
        found = _build(ref.year, ref.month, ref.day, match[1], match[2], match[3])
        return found - timedelta(days=1) if found and found > ref + CLOCK_SKEW else found  # 23:58 seen at 00:05
    return None


def to_date(value: str | None) -> date | None:
    found = parse_date(value) if value else None
    return found.date() if found else None


def strip_generation_stamps(text: str) -> str:
    """Remove 页面生成时间 … style stamps so they are never read as a publication date."""
    return GENERATION_STAMP.sub(" ", text)
