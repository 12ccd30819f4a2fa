"""中国新闻网: body div.left_zw, time+source line div.left-t, editor #editor_baidu or 【编辑:…】."""

from __future__ import annotations

import re

from parsers.base import SiteParser


class V1(SiteParser):
    source_id = "chinanews"
    title_selectors = ("h1.content_left_title", "div.title0", "#cont_1_1_2 h1", "div.content_maincontent_more h1", "h1")
    body_selectors = ("div.left_zw", "div.content_desc", "#content")
    body_drop = ("div.adEditor", "div.left_zw .ad", "div.left_zw table.adInContent", ".share")
    date_selectors = ("div.left-t", "div.content_left_time", "#pubtime_baidu")
    id_pattern = r"/\d{4}/\d{2}-\d{2}/(\d+)\.s?html"

    def extract_author(self):
        return self.text("#author_baidu").removeprefix("作者：").strip() or None

    def extract_origin(self):
        raw = self.text("#source_baidu")
        if not raw:
            match = re.search(r"来源[:：]\s*(\S+)", self.text(*self.date_selectors))
            raw = match.group(1) if match else ""
        return raw.removeprefix("来源：").removeprefix("来源:").strip() or None

    def extract_editor(self):
        raw = self.text("#editor_baidu")
        match = re.search(r"编辑[:：]\s*([^】\]\s]+)", raw)
        return match.group(1) if match else None


VERSIONS = (V1,)
