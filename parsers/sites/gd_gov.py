"""广东省人民政府及厅局 (*.gd.gov.cn): gkmlpt detail pages (JSON in window._CONFIG.DETAIL) and
the gd.gov.cn 文件库 / news pages (div.introduce metadata, div.zw body)."""

from __future__ import annotations

import json
import re

import lxml.html

from parsers import dates
from parsers.base import links_to_attachments
from parsers.govbase import GovParser
from parsers.html import build_tree, paragraphs_of

_DETAIL = re.compile(r"DETAIL\s*[:=]\s*(?=\{)")
# gkmlpt DETAIL keys → labels (as printed in the page's own metadata table)
_DETAIL_LABELS = {"identifier": "索引号", "publisher": "发布机构", "document_number": "文号", "date": "成文日期",
                  "classify_theme_name": "主题分类", "implement_date": "施行日期"}


def load_detail(html: str) -> dict | None:
    """The JSON object assigned to DETAIL inside window._CONFIG, decoded (\\u003C escapes included)."""
    match = _DETAIL.search(html)
    if not match:
        return None
    try:
        value, _ = json.JSONDecoder().raw_decode(html, match.end())
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


class V1(GovParser):
    source_id = "gd_gov"
    title_selectors = ("div.introduce h1", "div.viewList h3", "div.zw-title", "h3.zw-title", "h1", "h3")
    body_selectors = ("div.zw", 'div[wzades="正文"]', "div.article-content", "#zoom", "div.TRS_Editor")
    body_drop = ("div.share", "div.bdsharebuttonbox", ".print", ".ad")
    meta_cell_selectors = ("div.introduce div.row span", "div.introduce td", "table.xxgk td", "div.classify td")
    date_selectors = ("div.zw-info", "span.time", "div.date", "div.introduce")
    id_pattern = r"m?post_(\d+)\.html"

    def detail(self) -> dict | None:
        if not hasattr(self, "_detail"):
            self._detail = load_detail(self.page.html)
        return self._detail

    def extract_title(self):
        detail = self.detail()
        return (detail or {}).get("title") or self.pair("标题") or self.pair("名称") or super().extract_title()

    def extract_paragraphs(self):
        detail = self.detail()
        if detail and detail.get("content"):
            return paragraphs_of(build_tree(f"<div>{detail['content']}</div>"))
        return super().extract_paragraphs()

    def metadata_pairs(self):
        detail = self.detail()
        if detail is None:
            return super().metadata_pairs()
        pairs = {label: str(detail[key]) for key, label in _DETAIL_LABELS.items() if detail.get(key)}
        if detail.get("is_abolished") or detail.get("is_expired"):
            pairs["有效性"] = "废止" if detail.get("is_abolished") else "失效"
        return pairs

    def extract_published_at(self):
        detail = self.detail() or {}
        for key in ("display_publish_time", "publish_time", "create_time", "created_at"):
            found = dates.parse_date(detail.get(key), ref=self.page.fetched_at) if detail.get(key) else None
            if found:
                return found
        stamp = self.meta("PubDate", "publishdate", "firstpublishedtime")
        return (dates.parse_date(stamp) if stamp else None) or dates.find_date(self.pair("发布日期") or "") \
            or super().extract_published_at()

    def extract_origin(self):
        line = self.text("span.ly", "div.zw-info", "div.introduce")
        match = re.search(r"来源[:：]\s*(\S+)", line)
        return match.group(1) if match else (self.detail() or {}).get("publisher")

    def extract_attachments(self):
        detail = self.detail()
        if detail and detail.get("content"):
            tree = build_tree(f"<div>{detail['content']}</div>")
            found = links_to_attachments(tree.iter("a"), self.page.url)
            return found + [a for a in _detail_attachments(detail, self.page.url) if a.url not in {f.url for f in found}]
        return super().extract_attachments()


def _detail_attachments(detail: dict, base_url: str):
    items = detail.get("attachment") or detail.get("attachments") or []
    anchors = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("url"):
            anchor = lxml.html.Element("a", href=str(item["url"]))
            anchor.text = str(item.get("name") or "")
            anchors.append(anchor)
    return links_to_attachments(anchors, base_url)


VERSIONS = (V1,)
