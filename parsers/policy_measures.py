"""Measures a policy text sets, each with its sentence as evidence.

    funding   给予最高500万元奖励 / 不超过1亿元 / 补贴 30%… → amount_yuan (the upper bound of a range)
    target    到2027年，产业规模达到1万亿元 → target_year (and amount_yuan when the target is money)
    deadline  申报截止时间为2024年3月31日 / 请于4月30日前报送 / 有效期至2028年12月31日 → due_on

    extract_measures(text, ref_date, expires_on=None, expiry_clause="有效期") -> list[Measure]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from parsers import dates

MAX_MEASURES = 80  # per document
MAX_TEXT = 400  # characters of evidence per measure
_SENTENCE = re.compile(r"[^。；;！？\n]+[。；;！？]?")
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
NUM = r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+"
_UNIT = {"万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7,
         "百万": Decimal(10) ** 6, "万": Decimal(10) ** 4, "": Decimal(1)}
_AMOUNT = re.compile(rf"(?P<a>{NUM})\s*(?P<ua>万亿|千亿|亿|千万|百万|万)?\s*(?:(?:-|—|–|~|～|至|到)\s*(?P<b>{NUM})\s*)?"
                     rf"(?P<u>万亿|千亿|亿|千万|百万|万)?元")
FUNDING_CUE = re.compile(r"奖励|补贴|补助|资助|奖补|扶持|贴息|给予|最高|不超过|支持资金|专项资金")
_TARGET_YEAR = re.compile(r"(?:到|至|截至)\s*((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年")
TARGET_CUE = re.compile(r"达到|超过|突破|形成|建成|培育|力争|实现|建设|打造|引进|增长|基本|取得|成为|提升|累计|争创|布局")
_DEADLINE = re.compile(r"(?:申报|报送|提交|受理|报名)[^。；]{0,20}?(?:截止|截至)[^。；\d一二三四五六七八九〇]{0,8}(?P<d1>[^，。；]{4,24}?日)"
                       r"|(?:请|须|应|务必)?于\s*(?P<d2>[^，。；于]{3,24}?日)\s*(?:\d{1,2}[:：]\d{2}\s*)?(?:前|之前|以前)"
                       r"|有效期(?:至|到)\s*(?P<d3>[^，。；]{4,16}?日)"
                       r"|(?:申报|报名|受理|征集|报送)(?:时间|日期|期限)[为是：:\s]*[^，。；]{4,24}?日?\s*(?:至|到|—|－|-|~)"
                       r"\s*(?P<d4>[^，。；（(]{3,16}?日)")
_MONTH_DAY = re.compile(r"^(\d{1,2})月(\d{1,2})日$")


@dataclass
class Measure:
    kind: str  # funding | target | deadline
    text: str
    amount_yuan: Decimal | None = None
    target_year: int | None = None
    due_on: date | None = None


def cn_to_number(token: str) -> Decimal | None:
    """Arabic or Chinese numerals (五百, 一千五百, 3.5) → Decimal."""
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return Decimal(token)
    total, digit = 0, 0
    for char in token:
        if char in _CN_DIGIT:
            digit = _CN_DIGIT[char]
        elif char in _CN_UNIT:
            total += (digit or 1) * _CN_UNIT[char]
            digit = 0
        else:
            return None
    return Decimal(total + digit) if total + digit else None


def amounts(sentence: str) -> list[Decimal]:
    found = []
    for match in _AMOUNT.finditer(sentence):
        value = cn_to_number(match.group("b") or match.group("a"))
        if value is not None:
            found.append(value * _UNIT[match.group("u") or match.group("ua") or ""])
    return found


def _year(token: str) -> int:
    return int(token) if token.isdigit() else dates.cn_number(token)


def due_date(token: str, ref: date | None) -> date | None:
    """A date with its year, or M月D日 taken as the first such day on or after the reference date."""
    token = re.sub(r"\s+", "", token)
    found = dates.find_date(token)
    if found:
        return found.date()
    match = _MONTH_DAY.match(token)
    if not match or ref is None:
        return None
    for year in (ref.year, ref.year + 1):
        try:
            day = date(year, int(match.group(1)), int(match.group(2)))
        except ValueError:
            return None
        if day >= ref:
            return day
    return None


_WORTH_A_LOOK = re.compile(r"元|年|日")


def sentence_measures(sentence: str, ref: date | None) -> list[Measure]:
    if not _WORTH_A_LOOK.search(sentence):
        return []
    text = sentence.strip()[:MAX_TEXT]
    found: list[Measure] = []
    year = _TARGET_YEAR.search(sentence)
    money = amounts(sentence)
    if year and TARGET_CUE.search(sentence):
        found.append(Measure("target", text, max(money) if money else None, target_year=_year(year.group(1))))
    elif money and FUNDING_CUE.search(sentence):
        found += [Measure("funding", text, amount) for amount in money]
    for match in _DEADLINE.finditer(sentence):
        due = due_date(match.group("d1") or match.group("d2") or match.group("d3") or match.group("d4"), ref)
        if due:
            found.append(Measure("deadline", text, due_on=due))
    return found


def extract_measures(text: str, ref_date: date | None, expires_on: date | None = None,
                     expiry_clause: str = "有效期") -> list[Measure]:
    """Funding, targets and deadlines of one text, in reading order; the 有效期 end as a deadline."""
    found: list[Measure] = []
    for sentence in _SENTENCE.findall(text or ""):
        found += sentence_measures(sentence, ref_date)
    if expires_on and not any(m.kind == "deadline" and m.due_on == expires_on for m in found):
        found.append(Measure("deadline", expiry_clause.strip()[:MAX_TEXT], due_on=expires_on))
    return found[:MAX_MEASURES]
