"""C114 通信网: GBK pages, body div.text, date div.r_time (YYYY/M/D HH:mm), author line 'C114通信网  NAME'."""

from __future__ import annotations

import re
from datetime import date

from parsers import dates
from parsers.base import SiteParser

_PAGE_DATE = re.compile(r"(20\d{2})/(\d{1,2})/(\d{1,2})\s+\d{1,2}:\d{2}")


class V1(SiteParser):
    """Pages of the 2025 archive: date in div.time first (per the archival script)."""
    source_id = "c114"
    VALID_UNTIL = date(2025, 6, 30)
    title_selectors = ("h1", "div.title h1")
    body_selectors = ("div.text",)
    body_drop = (".ad", "div.text .share", "div.text script")
    date_selectors = ("div.time", "div.r_time", ".info")
    id_pattern = r"/(a\d+)\.html"

    def extract_published_at(self):
        found = super().extract_published_at()
        if found:
            return found
        match = _PAGE_DATE.search(dates.strip_generation_stamps(self.page.html))
        return dates.find_date(match.group(0)) if match else self.hint_date()

    def extract_author(self):
        raw = self.text("div.author")
        name = re.sub(r"^\s*C114\s*通信网\s*", "", raw).strip(" :：|")
        return name or None

    def extract_origin(self):
        return "C114通信网"


class V1_1(V1):
    """Current pages (RSSHub): div.r_time first."""
    VALID_UNTIL = None
    date_selectors = ("div.r_time", "div.time", ".info")


VERSIONS = (V1, V1_1)
