"""Policy metadata: 索引号, 发文机关, 发文字号, dates, 主题分类, 有效性 from label/value pairs.

Government pages print metadata as label/value cells (gov.cn table.bd1, gkmlpt JSON, MIIT's
xxgk box, gd.gov.cn's introduce block). Everything funnels through `build_policy_meta(pairs)`.
"""

from __future__ import annotations

import re

from futurewatch.core.textnorm import nfkc, to_simplified
from parsers import dates, policy_measures
from parsers.document import PolicyMeta
from parsers.html import select, text_of

_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "(": "〔", ")": "〕", "（": "〔",
                           "）": "〕", "【": "〔", "】": "〕", "〖": "〔", "〗": "〕", "｛": "〔", "｝": "〕",
                           "{": "〔", "}": "〕"})
# 粤工信电子〔2024〕2号, 国发[2024]1号, 工信部联科（2024）12 号, 国办函〔2024〕第5号, 粤府﹝2024﹞3号,
# 国发〔２０２４〕５号 (full-width digits), 國發〔2024〕5號 (Traditional), 粤府〔二〇二四〕12号 (Chinese numerals)
OPEN_BRACKET = r"[〔\[［(（【〖{｛﹝]"
_CN_DIGIT = "〇零○ＯO一二三四五六七八九"
YEAR = rf"(?:(?:[1１][9９]|[2２][0０])\d{{2}}|(?:一九|二[〇零○ＯO])[{_CN_DIGIT}]{{2}})"  # \d: ASCII and full-width
SERIAL = rf"(?:\d{{1,4}}|[{_CN_DIGIT}两十百千]{{1,8}})"  # 12, 十二, 一二, 一百零五
DOC_NUMBER = re.compile(rf"([\u4e00-\u9fa5]{{1,12}})\s*{OPEN_BRACKET}\s*({YEAR})\s*[〕\]］)）】〗}}｝﹞]\s*第?\s*({SERIAL})"
                        r"\s*[号號]")
# the document itself as a sentence names it: 本办法, 本通知, 本实施方案, 本行动计划, 本若干措施 (not 本市, 本区企业)
OWN_DOCUMENT = (r"本(?:实施|行动|暂行|管理|工作|专项|若干|配套)?(?:办法|通知|措施|方案|意见|规定|细则|政策|指引|规划|"
                r"计划|条例|决定|公告|通告|规则|指南)")
_START = re.compile(r"自\s*(?:(?P<act>印发|发布|公布|下发)之日|(?P<day>\S{6,16}?日)(?:零时|0时|零点)?)\s*起(?:施行|实施|执行|生效)")
_ARTICLE = r"(?:第[一二三四五六七八九十百零〇\d]{1,5}条|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[、.．])"
_OWN_SUBJECT = re.compile(rf"\s*{_ARTICLE}?\s*(?:{OWN_DOCUMENT}(?:由[^，,。]{{1,40}}负责解释[，,])?)?\s*")
_SENTENCE = re.compile(r"[^。；;\n]+")
_ISSUER_SPLIT = re.compile(r"[、，,；;/／\s]+")
_LABELS = {
    "索引号": "index_no", "发文机关": "issuers", "发布机构": "issuers", "发文单位": "issuers", "发文机构": "issuers",
    "发文字号": "doc_number", "文号": "doc_number", "成文日期": "written_at", "发布日期": "published_on",
    "公布日期": "published_on", "发文日期": "published_on", "施行日期": "effective_on", "实施日期": "effective_on",
    "生效日期": "effective_on", "主题分类": "subject", "主题词": "subject", "分类": "subject",
    "标题": "title", "名称": "title", "有效性": "validity", "时效性": "validity", "效力状态": "validity", "是否有效": "validity",
}
_VALIDITY = (("未生效", "not_yet_in_force"), ("待生效", "not_yet_in_force"), ("未施行", "not_yet_in_force"),
             ("未实施", "not_yet_in_force"), ("未废止", "in_force"), ("未失效", "in_force"), ("未过期", "in_force"),
             ("废止", "abolished"), ("失效", "expired"), ("过期", "expired"), ("无效", "expired"), ("否", "expired"),
             ("已修改", "amended"),
             ("已修订", "amended"), ("修订", "amended"), ("修改", "amended"), ("有效", "in_force"),
             ("现行", "in_force"), ("是", "in_force"))


def normalize_doc_number(raw: str | None) -> str | None:
    """One form for every print: any bracket → 〔〕, Arabic digits, Simplified, spaces, 第 and leading
    zeros removed: 国发[2024] 第1号, 国发〔２０２４〕０１号, 國發〔2024〕1號 and 国发〔二〇二四〕一号 → 国发〔2024〕1号;
    a number without a year (国务院令第708号) in Simplified, ASCII digits and no spaces."""
    if not raw:
        return None
    text = nfkc(raw.strip()).translate(_BRACKETS)
    match = DOC_NUMBER.search(text)
    if match:
        year, serial = (_arabic(match.group(i)) for i in (2, 3))
        return f"{to_simplified(match.group(1))}〔{year}〕{serial}号"
    text = to_simplified(re.sub(r"\s+", "", text))  # 國務院令第７０８號 → 国务院令第708号
    return text if text not in ("无", "-", "/") else None


def _arabic(number: str) -> int:
    """2024, 二〇二四 → 2024; 12, 十二, 一二 → 12; 一百零五, 一〇五 → 105."""
    if number.isdigit():
        return int(number)
    if re.search("[十百千两]", number):
        return int(policy_measures.cn_to_number(number) or 0)
    return dates.cn_number(number)


_POLICY_TITLE = re.compile(r"^(?:.{0,60}?关于.{2,80}?的(?:意见|通知|办法|方案|计划|措施|规划|决定|规定|通告|公告|批复)"
                           r"|.{2,60}?(?:实施意见|指导意见|行动计划|行动方案|实施方案|工作方案|若干措施|若干政策|管理办法|"
                           r"实施细则|暂行办法|条例|规定|指南))(?:（[^）]{1,20}）)?$")


def is_policy_title(title: str) -> bool:
    """A government page titled like a document (…的实施意见, 关于…的通知, …若干措施) is a policy."""
    return bool(_POLICY_TITLE.match((title or "").strip()))


def find_doc_number(text: str) -> str | None:
    match = DOC_NUMBER.search(text[:3000]) if text else None
    return normalize_doc_number(match.group(0)) if match else None


def split_issuers(raw: str | list | None) -> list[str]:
    """发文机关 as a list: joint issuers split on 、，; and whitespace, order kept, duplicates dropped."""
    if not raw:
        return []
    items = raw if isinstance(raw, list) else _ISSUER_SPLIT.split(str(raw))
    return list(dict.fromkeys(i.strip() for i in items if i and i.strip() and len(i.strip()) > 1))


def map_validity(raw: str | None) -> str | None:
    """有效性 as printed (Simplified or Traditional; 是否有效: 是/否) → not_yet_in_force (尚未生效), in_force,
    amended, abolished or expired."""
    if not raw:
        return None
    raw = to_simplified(raw)
    return next((code for word, code in _VALIDITY if word in raw), None)


def label_key(label: str) -> str | None:
    label = re.sub(r"[\s:：\u3000]", "", label)
    return _LABELS.get(label)


def build_policy_meta(pairs: dict[str, str]) -> PolicyMeta:
    """Label → value pairs (labels in Chinese, as printed) → PolicyMeta."""
    got: dict[str, str] = {}
    for label, value in pairs.items():
        key = label_key(label)
        if key and value and value.strip() and key not in got:
            got[key] = value.strip()
    subject = got.get("subject")
    if subject and "\\" in subject:
        levels = [x.strip() for x in subject.split("\\") if x.strip() and x.strip() != "主题分类"]
        subject = "/".join(levels) or None  # 主题分类\工业、交通\信息产业 → 工业、交通/信息产业
    return PolicyMeta(
        index_no=got.get("index_no"),
        issuers=split_issuers(got.get("issuers")),
        doc_number=normalize_doc_number(got.get("doc_number")),
        written_at=dates.to_date(got.get("written_at")),
        published_on=dates.to_date(got.get("published_on")),
        effective_on=dates.to_date(got.get("effective_on")),
        subject=subject,
        validity=map_validity(got.get("validity")),
    )


def pairs_from_cells(cells: list) -> dict[str, str]:
    """Alternating label/value cells (td or span) → pairs; 'LABEL：VALUE' in one cell also works."""
    pairs: dict[str, str] = {}
    texts = [text_of(c) for c in cells]
    i = 0
    while i < len(texts):
        text = texts[i]
        label, sep, rest = text.partition("：") if "：" in text else text.partition(":")
        if label_key(label) and rest.strip():
            pairs.setdefault(label.strip(), rest.strip())
        elif label_key(text) and i + 1 < len(texts):
            pairs.setdefault(text, texts[i + 1])
            i += 1
        i += 1
    return pairs


def pairs_from_selector(tree, selector: str) -> dict[str, str]:
    return pairs_from_cells(select(tree, selector))


def effective_clause(text: str) -> re.Match | None:
    """The document's own 施行 clause: the last 自…起施行/实施/执行/生效 whose subject is the document
    (本办法自…, 本规定由…负责解释，自…) or none (第二十条 自…起施行); not a measure's (新建项目自…起执行)
    nor a quoted document's (《条例》自…起施行). Group act: 印发/发布/公布/下发 (之日); day: a date."""
    found = None
    for sentence in _SENTENCE.findall(to_simplified(text or "")):
        for start in _START.finditer(sentence):
            if _OWN_SUBJECT.fullmatch(sentence[:start.start()]):
                found = start
    return found


def find_effective_date(text: str):
    """施行日期 from the document's own clause (effective_clause): 本办法自2024年3月1日起施行 → 2024-03-01;
    自印发之日起施行 or none → None."""
    clause = effective_clause(text)
    return dates.to_date(clause.group("day")) if clause and clause.group("day") else None
