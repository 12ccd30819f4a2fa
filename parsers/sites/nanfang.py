"""南方+ / 南方日报 (southcn.com, nfnews.com, e-paper): #content or #ozoom body, data-time publish time."""

from __future__ import annotations

import re

from parsers import dates
from parsers.base import SiteParser


class V1(SiteParser):
    source_id = "nanfang"
    title_selectors = ("#articleTitle", "div.article-title", "h1")
    subtitle_selectors = ("div.article-subtitle", "#articleSubTitle")
    body_selectors = ("#content", "div#ozoom", "div.article-content", "div.article")
    body_drop = (".article-nfh-icon", ".article-crumb", ".article-share", ".article-copyright", ".ad")
    date_selectors = ("div.pubtime", "div.nfhtime", "span.pubtime", "span.pub_time", "#pubtime_baidu", "div.article-time",
                      "div.date")

    def extract_published_at(self):
        stamp = self.attr("div.nfhtime[data-time], .pubtime[data-time]", "data-time")  # not any [data-time]: lists carry them too
        found = dates.parse_date(stamp, ref=self.page.fetched_at) if stamp else None
        return found or super().extract_published_at() or self._from_url()

    def _from_url(self):
        match = re.search(r"/(20\d{2})(\d{2})/(\d{2})/", self.page.url)
        return dates.find_date("-".join(match.groups())) if match else None

    def extract_author(self):
        return self.meta("author") or self._line_value("作者")

    def extract_origin(self):
        return self.meta("source") or self._line_value("来源")

    def _line_value(self, label: str) -> str | None:
        line = self.text("div.article-info", "div.pubtime", "div.article-time", "div.nfhtime")
        match = re.search(label + r"[:：]\s*([^\s|｜]+)", line)
        return match.group(1) if match else None

    def extract_stable_id(self):
        # article ids are shared by pc.nfapp / static.nfapp / static.nfnews; e-paper ids are another space
        for prefix, pattern in (("", r"/c(\d+)\.html"), ("", r"nfapp\.southcn\.com/\d+/(\d+)\.html"),
                                ("epaper-", r"epaper\.[\w.]+/.*content_(\d+)\.html?"), ("nfnews-", r"/content/(\w{8,12})\.html")):
            if match := re.search(pattern, self.page.url):
                return prefix + match.group(1)
        return None


VERSIONS = (V1,)
