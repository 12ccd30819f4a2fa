"""The generic spider: a source described by its registry entry alone (no spider file).

Each entry URL is read as whatever it turns out to be:
- an RSS or Atom feed: every item's link is an article (its title and date are list hints);
- a sitemap: every <loc> is an article, a sitemap index's <loc>s are read as sitemaps;
- an HTML listing: every link on an allowed host whose URL matches `link_pattern` is an
  article; `rel="next"` / 下一页 links are followed up to max_pages.
Article URLs also pass `link_pattern` in feeds and sitemaps when it is set.
"""

from __future__ import annotations

import re
from parsel import Selector

from crawlers.spiders.base import SourceSpider

FEED_MARKS = (b"<rss", b"<feed", b"<urlset", b"<sitemapindex", b"<rdf:rdf")
NEXT_PAGE_XPATH = ("//a[@rel='next']/@href | //link[@rel='next']/@href"
                   " | //a[normalize-space(.)='下一页' or normalize-space(.)='下一頁' or normalize-space(.)='Next']/@href")
MAX_SITEMAP_DEPTH = 2


def is_xml_listing(body: bytes) -> bool:
    """A feed or sitemap (not an HTML or XHTML page), judged by its first 2 kB."""
    head = body[:2048].lower()
    return b"<html" not in head and any(mark in head for mark in FEED_MARKS)


class Spider(SourceSpider):
    name = "generic"

    def __init__(self, config, **kwargs):
        super().__init__(config, **kwargs)
        self.link_re = re.compile(config.link_pattern) if config.link_pattern else None

    def build_start_requests(self):
        for url in self.config.entry_urls:
            yield self.listing(url, self.parse_entry, page_no=1, depth=0)

    def wanted(self, url: str) -> bool:
        return self.link_re is None or bool(self.link_re.search(url))

    def parse_entry(self, response, page_no: int, depth: int):
        item = self.listing_item(response)
        yield item
        if not self.usable(item):
            return
        if is_xml_listing(response.body):
            yield from self.parse_xml(response, depth)
        else:
            yield from self.parse_html(response, page_no)

    def parse_xml(self, response, depth: int):
        sel = Selector(text=self.decode(response), type="xml")
        sel.remove_namespaces()
        if sel.xpath("/sitemapindex") and depth < MAX_SITEMAP_DEPTH:
            for loc in sel.xpath("//sitemap/loc/text()").getall():
                yield self.listing(response.urljoin(loc.strip()), self.parse_entry, page_no=1, depth=depth + 1)
            return
        links = 0
        for url, hints in self.feed_entries(sel):
            url = response.urljoin(url).split("#")[0]
            if url.startswith("http") and self.wanted(url):
                links += 1
                yield from self.follow_article(url, hints=hints, parent_url=response.url)
        self.run.note_listing(response.url, links)

    @staticmethod
    def feed_entries(sel: Selector):
        """(url, hints) of RSS items, Atom entries and sitemap URLs."""
        for node in sel.xpath("//item"):
            yield (node.xpath("string(link)").get("").strip() or node.xpath("string(guid)").get("").strip(),
                   {"title": node.xpath("string(title)").get("").strip(),
                    "list_time": node.xpath("string(pubDate)").get("").strip()})
        for node in sel.xpath("//entry"):
            href = node.xpath("link[not(@rel) or @rel='alternate']/@href").get() or node.xpath("link/@href").get("")
            yield href.strip(), {"title": node.xpath("string(title)").get("").strip(),
                                 "list_time": (node.xpath("string(published)").get("")
                                               or node.xpath("string(updated)").get("")).strip()}
        for node in sel.xpath("//url"):
            yield node.xpath("string(loc)").get("").strip(), {"list_time": node.xpath("string(lastmod)").get("").strip()}

    def parse_html(self, response, page_no: int):
        sel = self.selector(response)
        links = 0
        for anchor in sel.css("a[href]"):
            url = response.urljoin(anchor.attrib["href"].strip()).split("#")[0]  # <base href> honoured
            if url.startswith("http") and self.wanted(url):
                links += 1
                hints = {"title": " ".join(anchor.css("::text").getall()).strip()}
                yield from self.follow_article(url, hints=hints, parent_url=response.url)
        self.run.note_listing(response.url, links)
        next_href = sel.xpath(NEXT_PAGE_XPATH).get()
        if next_href and page_no < self.max_pages:
            yield self.listing(response.urljoin(next_href.strip()), self.parse_entry, continuation=True,
                               page_no=page_no + 1, depth=0)
