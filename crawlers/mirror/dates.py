"""Serve a stored page as if it were fetched today: its dates move forward by the days since.

A page stored on day R (its meta's crawl date, Asia/Shanghai) and served on day T has every date
of the month before R (R-31 … R+1) rewritten to the same distance before T, in URLs (so the
spiders find today's archive pages) and in bodies (so the parsers read today's dates). The
forms are the ones Chinese news and government sites write (2026-11-30, 2026/11/30, 2026年11月30日,
archive paths such as 2026/1130 and 202611/30, list cells such as 11-30 and 11/30, and
y=2026&m=11&d=30 queries) and epoch timestamps in seconds or milliseconds. One pass over the text:
a date is moved once. Dates outside the window (a law of 2021, a plan for 2030) stay as written.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from futurewatch.core.config import SOURCE_TIMEZONE

TZ = ZoneInfo(SOURCE_TIMEZONE)
WINDOW_BEFORE, WINDOW_AFTER = 31, 1

# each form is a function of a date; longer forms win, so "2026-11-30" is never read as "11-30"
FORMS = (
    lambda d: f"y={d.year}&m={d.month}&d={d.day}",
    lambda d: f"{d:%Y}年{d:%m}月{d:%d}日", lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d:%Y-%m-%d}", lambda d: f"{d:%Y/%m/%d}", lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d:%Y%m%d}", lambda d: f"{d:%Y/%m%d}", lambda d: f"{d:%Y/%m-%d}", lambda d: f"{d:%Y%m/%d}",
)
SHORT_FORMS = (lambda d: f"{d:%m-%d}", lambda d: f"{d.month}-{d.day}", lambda d: f"{d.month}/{d.day}")
# a form is not part of a longer number; a short one (no year) not part of a longer date either
_EDGES = {False: (rb"(?<!\d)", rb"(?!\d)"), True: (rb"(?<![\d/-])", rb"(?![\d/-])")}
_STAMP = re.compile(rb"(?<!\d)(\d{13}|\d{10})(?!\d)")


def window(day: date) -> list[date]:
    return [day + timedelta(days=i) for i in range(-WINDOW_BEFORE, WINDOW_AFTER + 1)]


@lru_cache(maxsize=256)
def _pattern(stored_on: date, days: int) -> tuple[re.Pattern, dict[bytes, bytes]]:
    mapping: dict[str, str] = {}
    short: set[str] = set()
    for forms, is_short in ((FORMS, False), (SHORT_FORMS, True)):
        for form in forms:
            for day in window(stored_on):
                key = form(day)
                mapping.setdefault(key, form(day + timedelta(days=days)))
                if is_short:
                    short.add(key)
    keys = sorted(mapping, key=len, reverse=True)
    regex = re.compile(b"|".join(_EDGES[k in short][0] + re.escape(k.encode()) + _EDGES[k in short][1] for k in keys))
    return regex, {k.encode(): v.encode() for k, v in mapping.items()}


def _stamp_range(stored_on: date) -> tuple[float, float]:
    first, last = window(stored_on)[0], window(stored_on)[-1] + timedelta(days=1)
    return (datetime.combine(first, time(), TZ).timestamp() - 86400,  # a day of slack for any zone
            datetime.combine(last, time(), TZ).timestamp() + 86400)


def shift_bytes(data: bytes, stored_on: date, today: date, encoding: str = "utf-8") -> bytes:
    """data with the window's dates moved by (today - stored_on) days. The forms are ASCII apart
    from 年月日, which are written in `encoding` (utf-8 or a GB encoding); timestamps too."""
    days = (today - stored_on).days
    if days == 0:
        return data
    regex, mapping = _pattern(stored_on, days)
    if encoding.lower().replace("-", "") not in ("utf8", "ascii"):
        data = data.decode(encoding, "surrogateescape").encode("utf-8", "surrogateescape")
    data = regex.sub(lambda m: mapping[m.group(0)], data)
    low, high = _stamp_range(stored_on)

    def stamp(match: re.Match) -> bytes:
        value = int(match.group(1))
        scale = 1000 if len(match.group(1)) == 13 else 1
        if not low <= value / scale <= high:
            return match.group(1)
        return str(value + days * 86400 * scale).encode()

    data = _STAMP.sub(stamp, data)
    if encoding.lower().replace("-", "") not in ("utf8", "ascii"):
        data = data.decode("utf-8", "surrogateescape").encode(encoding, "surrogateescape")
    return data


def shift_text(text: str, stored_on: date, today: date) -> str:
    return shift_bytes(text.encode("utf-8", "surrogateescape"), stored_on, today).decode("utf-8", "surrogateescape")
