"""工业和信息化部 www.miit.gov.cn: title h1#con_title, body #con_con, metadata div.xxgk-box spans."""

from __future__ import annotations

from parsers import dates
from parsers.govbase import GovParser


class V1(GovParser):
    source_id = "miit"
    title_selectors = ("h1#con_title", "div.xxgk_con h1", "h1")
    body_selectors = ("#con_con", "div.xxgk_con", "div.article_con", "div.cntent_con_box", "div.page-content", "div.con_text")
    body_drop = ("#con_con .share", "div.fenxiang", ".ad")
    meta_cell_selectors = ("div.xxgk-box p span", "div.xxgk-box td", "table.xxgk_table td")
    date_selectors = ("div.cinfo", "#con_time", "div.con_time", "span.fbrq")
    id_pattern = r"art_([0-9a-f]{32})\.html"

    def extract_published_at(self):
        stamp = self.meta("PubDate", "firstpublishedtime", "publishdate")
        found = dates.parse_date(stamp) if stamp else None
        if not found:
            found = dates.find_date(self.pair("发布日期") or "")
        return found or super().extract_published_at()

    def extract_origin(self):
        line = self.text(*self.date_selectors)
        marker = "来源："
        return line.split(marker, 1)[1].split()[0] if marker in line else None


VERSIONS = (V1,)
