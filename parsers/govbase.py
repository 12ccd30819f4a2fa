"""Shared behaviour of government sites: metadata pairs, list-API hints, 解读 links, kind."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from parsers import dates, infotable, policy
from parsers.base import SiteParser
from parsers.document import PolicyMeta
from parsers.html import select

# list-API field → the label it stands for (gkmlpt, gov.cn search, MIIT search)
HINT_LABELS = {"document_number": "发文字号", "pcode": "发文字号", "doc_number": "发文字号", "identifier": "索引号",
               "index_no": "索引号", "publisher": "发文机关", "puborg": "发文机关", "publishgroupname": "发文机关",
               "issuers": "发文机关", "written_at": "成文日期", "date": "成文日期", "classify_theme_name": "主题分类"}
_INTERPRETATION = re.compile(r"解读|答记者问|一图读懂|图解")


class GovParser(SiteParser):
    kind = "policy"
    meta_cell_selectors: tuple[str, ...] = ()
    jiedu_selectors: tuple[str, ...] = ("ul.jiedu_list a", "div.jiedu a", "div.zcjd a")

    def metadata_pairs(self) -> dict[str, str]:
        if not hasattr(self, "_pairs"):
            pairs: dict[str, str] = {}
            for sel in self.meta_cell_selectors:
                pairs.update({k: v for k, v in policy.pairs_from_selector(self.tree, sel).items() if k not in pairs})
            self._pairs = pairs or infotable.info_pairs(self.tree)  # the info table wherever it is
        return self._pairs

    def pair(self, label: str) -> str | None:
        """The value printed under `label` (with or without its colon)."""
        return next((v for k, v in self.metadata_pairs().items() if k.rstrip("：: ") == label), None)

    def hint_pairs(self) -> dict[str, str]:
        hints = self.page.hints or {}
        out = {}
        for key, label in HINT_LABELS.items():
            value = hints.get(key)
            if isinstance(value, list):
                value = "、".join(map(str, value))
            if value not in (None, "") and label not in out:
                out[label] = str(value) if label != "成文日期" else _date_text(value, self.page)
        if hints.get("is_abolished"):
            out["有效性"] = "废止"
        elif hints.get("is_expired"):
            out["有效性"] = "失效"
        return out

    def extract_policy(self) -> PolicyMeta | None:
        pairs = self.metadata_pairs()
        pairs.update({k: v for k, v in self.hint_pairs().items() if k not in pairs})
        meta = policy.build_policy_meta(pairs)
        body = "\n".join(self.paragraphs())
        meta.doc_number = meta.doc_number or policy.find_doc_number(body)
        if not meta.issuers and self.is_policy_page():
            meta.issuers = signature_issuers(self.paragraphs())
        meta.effective_on = meta.effective_on or policy.find_effective_date(body)
        if self.extract_kind() == "interpretation":
            meta.interprets_url = self.interpreted_url()
        else:
            meta.interpretation_urls = self.interpretation_urls()
        return None if meta.is_blank() else meta

    def extract_kind(self) -> str:
        title = self.extract_title() or ""
        if _INTERPRETATION.search(title) or "/jiedu" in self.page.url or "/zcjd" in self.page.url:
            return "interpretation"
        return "policy" if self.is_policy_page() else "news"

    def is_policy_page(self) -> bool:
        title = self.extract_title() or ""
        return bool(self.metadata_pairs()) or bool(policy.find_doc_number(title)) or policy.is_policy_title(title)

    def interpreted_url(self) -> str | None:
        """An interpretation's link to the policy it explains: a link whose text is 《…》 or 原文/相关文件."""
        for a in select(self.tree, "a[href]"):
            label = (a.text_content() or "").strip()
            if re.search(r"^《.+》$|原文|政策文件|相关文件|文件链接", label) and not _INTERPRETATION.search(label):
                return urljoin(self.page.url, a.get("href"))
        return None

    def interpretation_urls(self) -> list[str]:
        return [urljoin(self.page.url, a.get("href")) for sel in self.jiedu_selectors for a in select(self.tree, sel)
                if a.get("href")]


_ORGAN = re.compile(r"^[\u4e00-\u9fa5（）()]{2,30}(?:部|委|局|院|厅|署|办|办公厅|办公室|政府|委员会|中心|银行|总局|党委)$")
_DATE_LINE = re.compile(r"^(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇零○一二三四五六七八九十]{4}年[〇一二三四五六七八九十]{1,3}月[〇一二三四五六七八九十]{1,3}日)$")


def signature_issuers(lines: list[str]) -> list[str]:
    """Issuing organs from a document's signature block: the organ lines just above its date line
    (国务院办公厅 / 2024年1月18日) among the last lines of the body; [] when there is none."""
    tail = lines[-8:]
    for i in range(len(tail) - 1, 0, -1):
        if _DATE_LINE.match(tail[i].replace(" ", "")):
            organs = []
            for line in reversed(tail[max(0, i - 3):i]):
                names = line.split()
                if not names or not all(_ORGAN.match(n) for n in names):
                    break
                organs = names + organs
            return list(dict.fromkeys(organs))
    return []


def _date_text(value, page) -> str:
    found = dates.parse_date(value if not isinstance(value, str) else value.strip(), ref=page.fetched_at)
    return found.date().isoformat() if found else str(value)
