"""中国政府网 www.gov.cn: template A (table.bd1 metadata) and template B (h1#ti, div.pages-date)."""

from __future__ import annotations

import re

from parsers import dates
from parsers.govbase import GovParser


class V1(GovParser):
    source_id = "govcn"
    title_selectors = ("h1#ti", "div.share-title", "div.article h1", "h1")
    body_selectors = ("#UCAP-CONTENT", "table.pages_content", "div.pages_content", "div.article-content")
    body_drop = ("div.pages_print", "div.editor", "div.share", "#div_div", ".mhide")
    meta_cell_selectors = ("table.bd1 td",)
    id_pattern = r"content_(\d+)\.htm"

    def extract_title(self):
        return self.pair("标题") or super().extract_title()

    def extract_published_at(self):
        stamp = self.meta("firstpublishedtime", "publishdate", "PubDate")
        found = dates.parse_date(stamp) if stamp else None
        if found:
            return found
        line = dates.strip_generation_stamps(self.text("div.pages-date", "div.pages_date"))
        return dates.find_date(line) or self._pair_date() or self.hint_date()

    def _pair_date(self):
        return dates.find_date(self.pair("发布日期") or "")

    def extract_origin(self):
        line = self.text("div.pages-date span.font", "div.pages-date")
        match = re.search(r"来源[:：]\s*(\S+)", line)
        return match.group(1) if match else None

    def extract_author(self):
        author = self.meta("author")
        return author if author and author not in ("中国政府网",) else None


VERSIONS = (V1,)
