"""中国政府网 www.gov.cn, versioned by capture date.

V1 (captures up to 2022-12-31): template A (`table.bd1` info table, /zhengce/content/) and
template B (`h1#ti`, `div.pages-date`, /zhengce/…/content_N.htm); body `#UCAP-CONTENT`.
V2 (2023 on, the current templates): the info table is read wherever it is (GovParser falls
back to parsers/infotable.py when its selectors find none) — the
`div.policyLibraryOverview_header` table of /zhengce/content and /zhengce/zhengceku pages, a
"标 题：…" block, `table.bd1`, or a saved content fragment without <head>; the body is
`#UCAP-CONTENT` or its TRS editor div; 国务院公报 items (/gongbao/) are policies.
Facts: /work/shared/sources.md §4a [S67]–[S74]; public scrapers reading
`policyLibraryOverview_header` cells, `#UCAP-CONTENT .trs_editor_view`, `div.share-title` and the
`firstpublishedtime` meta (YYYY-MM-DD-HH:mm:ss) — see docs/parsers.md.
The 2023-01-01 boundary is the issue's "2023 and later", not a verified switch-over day.
"""

from __future__ import annotations

import re
from datetime import date

from parsers import dates
from parsers.govbase import GovParser

_POLICY_PATH = re.compile(r"/zhengce/content/|/zhengce/zhengceku/|/gongbao/")
_TITLE_SUFFIX = re.compile(r"(?:_[^_]{1,12})*_中国政府网\s*$")


class V1(GovParser):
    source_id = "govcn"
    VALID_UNTIL = date(2022, 12, 31)
    title_selectors = ("h1#ti", "div.share-title", "div.article h1", "h1")
    body_selectors = ("#UCAP-CONTENT", "table.pages_content", "div.pages_content", "div.article-content")
    body_drop = ("div.pages_print", "div.editor", "div.share", "#div_div", ".mhide")
    meta_cell_selectors = ("table.bd1 td",)
    id_pattern = r"content_(\d+)\.html?"

    def extract_title(self):
        return self.pair("标题") or super().extract_title()

    def extract_published_at(self):
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


class V2(V1):
    VALID_UNTIL = None
    title_selectors = ("h1#ti", "div.share-title", "div.article h1", "div.pages-title", "h1")
    body_selectors = ("#UCAP-CONTENT", "div.trs_editor_view", "div.TRS_UEDITOR", "td.pages_content",
                      "div.pages_content", "#mainText", "#zoom", "div.article-content")
    body_drop = ("div.pages_print", "div.editor", "div.share", "#div_div", "div.policyLibraryOverview_header",
                 "div.policyLibraryOverview_content", "table.bd1")

    def extract_title(self):
        return self.pair("标题") or self.text(*self.title_selectors) or _TITLE_SUFFIX.sub("", self._title_tag_full())

    def _title_tag_full(self) -> str:
        return self.text("title")

    def extract_origin(self):
        return self.pair("来源") or super().extract_origin()

    def is_policy_page(self):
        """State Council documents, the ministries' document library and 公报 items are policies."""
        return bool(_POLICY_PATH.search(self.page.url)) or super().is_policy_page()


VERSIONS = (V1, V2)
