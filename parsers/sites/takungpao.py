"""大公报 / 大公网 (Traditional Chinese): title h1/h2.tkp_con_title, body div.tkp_content, spans in tkp_con_author."""

from __future__ import annotations

import re
from datetime import date

from parsers import dates
from parsers.base import SiteParser
from parsers.html import select, text_of


class V1(SiteParser):
    """Older pages: h2.tkp_con_title and an h2.tkp_con_author line 時間：…來源：…"""
    source_id = "takungpao"
    VALID_UNTIL = date(2020, 12, 31)
    title_selectors = ("h2.tkp_con_title", "h1.tkp_con_title", "h1")
    body_selectors = ("div.tkp_content",)
    body_drop = ("div.tkp_content .tkp_share", "div.tkp_content .ad", ".tkp_con_share")
    date_selectors = ("h2.tkp_con_author", "div.tkp_con_author")
    id_pattern = r"/\d{4}/\d{4}/(\d+)\.html"

    def extract_origin(self):
        line = self.text("h2.tkp_con_author", "div.tkp_con_author")
        match = re.search(r"[來来]源[:：]\s*(\S+)", line)
        if match:
            return match.group(1)
        spans = [text_of(s) for s in select(self.tree, "div.tkp_con_author span")]
        return next((s for s in spans[1:] if s and not dates.find_date(s)), None)


class V1_1(V1):
    """Current pages: h1.tkp_con_title and div.tkp_con_author with <span>time</span><span>source</span>."""
    VALID_UNTIL = None
    title_selectors = ("h1.tkp_con_title", "h2.tkp_con_title", "h1")
    date_selectors = ("div.tkp_con_author span", "div.tkp_con_author", "h2.tkp_con_author")


VERSIONS = (V1, V1_1)
