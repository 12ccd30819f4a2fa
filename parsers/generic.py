"""The generic path for any Chinese page: text-density block scoring combined with trafilatura.

Chinese article bodies are dense in full-width punctuation (，。；、) and poor in links; menus,
hot lists and footers are the opposite. We score every container by the punctuation in its
non-link text, damped by its link density, take the best one, and then keep only its blocks
that read like prose (boilerplate and meta lines dropped, spam phrases cut). trafilatura (default
settings) extracts from the same page; parsers/combine.py keeps our lines cut to the span both
agree on, or, where they disagree, the more prose-like of the two. When ours finds little text,
trafilatura's lines are the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from lxml import etree

from parsers import clean, combine, dates, pubdate
from parsers.base import Page, SiteParser
from parsers.html import BLOCK_TAGS, SKIP_TAGS, clean_inline, meta, paragraphs_of, select, text_of

_PUNCT = re.compile(r"[，。；！？、：“”「」]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NEGATIVE = re.compile(r"nav|menu|footer|foot|header|sidebar|side|comment|share|breadcrumb|crumb|copyright|"
                       r"related|recommend|hot|rank|banner|login|search|toolbar|pager|pagination|friend|"
                       r"advert|^ad$|[-_]ad[-_s]?|guanggao|tuijian|xiangguan|paihang|bottom|topbar|morestor|more-?news", re.I)
_POSITIVE = re.compile(r"article|content|text|body|detail|main|post|entry|zhengwen|news_txt|zw|story", re.I)
_META_LINE = re.compile(r"(来源|作者|时间|发布|日期|编辑|浏览|阅读|点击|字号|记者)[:：]|"
                        r"^(索引号|分类|主题分类|发布机构|发文机关|成文日期|名称|标题|文号|发文字号|有效性|积分|查看)\s*[:：]")
DOMINANT_SHARE = 0.7  # a child holding this share of its parent's score is the body on its own
_CANDIDATE_TAGS = ("div", "td", "article", "section", "main", "body")
MIN_BODY_HAN = 60
TRAFILATURA_MAX_CHARS = 1_000_000  # larger pages (rare, slow to extract twice) use our extraction alone


@dataclass
class _Stats:
    text: int = 0
    link: int = 0
    punct: int = 0


def _own_stats(tree) -> dict:
    """Bottom-up text/link/punctuation counts for every element (one pass)."""
    stats: dict = {}
    for el in reversed(list(tree.iter())):
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        st = _Stats()
        own = (el.text or "")
        st.text, st.punct = len(own.strip()), len(_PUNCT.findall(own))
        if el.tag == "a":
            st.link = st.text
        for child in el:
            if child in stats:
                c = stats[child]
                st.text += c.text
                st.punct += c.punct
                st.link += c.text if el.tag == "a" else c.link
            tail = child.tail or ""
            st.text += len(tail.strip())
            st.punct += len(_PUNCT.findall(tail))
        stats[el] = st
    return stats


def _class_bias(el) -> float:
    label = f"{el.get('class', '')} {el.get('id', '')}"
    if not label.strip():
        return 1.0
    if _NEGATIVE.search(label) and not _POSITIVE.search(label):
        return 0.3
    return 1.3 if _POSITIVE.search(label) else 1.0


def score_candidates(tree):
    """(score, element) of the best body container, by damped punctuation density."""
    stats = _own_stats(tree)
    best, best_score = None, 0.0
    for el, st in stats.items():
        if el.tag not in _CANDIDATE_TAGS or st.text == 0:
            continue
        score = _score(el, stats) * _class_bias(el)
        if score > best_score:
            best, best_score = el, score
    return _descend(best, stats), stats


def _score(el, stats) -> float:
    st = stats.get(el)
    if st is None or not st.text:
        return 0.0
    return st.punct * (1 - st.link / st.text) ** 2


def _descend(best, stats):
    """Step into a child that holds most of the score (a first post among replies, an article beside a list)."""
    while best is not None:
        total = _score(best, stats)
        children = [c for c in best if isinstance(c.tag, str)]
        top = max(children, key=lambda c: _score(c, stats), default=None)
        if top is None or total == 0 or _score(top, stats) * min(1.0, _class_bias(top)) < DOMINANT_SHARE * total:
            return best
        best = top
    return best


def prose_blocks(container, stats) -> list[str]:
    """The container's lines, without link lists, meta lines and boilerplate."""
    for el in list(container.iter()):
        if el is container or not isinstance(el.tag, str) or el not in stats:
            continue
        st = stats[el]
        if el.tag in BLOCK_TAGS and st.text and st.link / st.text > 0.6 and st.punct <= 1:
            el.drop_tree()
        elif el.tag in BLOCK_TAGS and _NEGATIVE.search(f"{el.get('class', '')} {el.get('id', '')}") \
                and not _POSITIVE.search(f"{el.get('class', '')} {el.get('id', '')}") and st.punct < 5:
            el.drop_tree()
    lines = []
    for line in paragraphs_of(container):
        if len(line) < 60 and (_META_LINE.search(line) or (dates.find_date(line) and not _PUNCT.search(line))):
            continue
        lines.append(line)
    return lines


_TITLE_SEP = re.compile(r"\s*(?:[_|｜]|\s[-—–]\s|--)\s*")
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-"})
_SITE_TAIL = re.compile(r"-[^-]{1,12}(?:网|网站|平台|频道|在线|官网|日报|新闻)$")


def extract_title(tree) -> str:
    """The heading that <title> starts with (cut where <title> puts its site suffix), else the one
    h1 that is not the site name, else a heading agreeing with <title>, else og:title, else
    <title> without its suffix."""
    page_title = text_of(select(tree, "title")[0]) if select(tree, "title") else ""
    h1s = [t for t in (text_of(e) for e in select(tree, "h1")) if 2 <= len(t) <= 120]
    others = [t for t in (text_of(e) for e in select(tree, "h2, .title, #title, [class*=title]")) if 4 <= len(t) <= 120]
    og = meta(tree, "og:title", "twitter:title")
    whole = page_title if title_head(page_title) != page_title else None  # a copy of <title> with its suffix
    if agreed := _heading_agreeing_with([t for t in h1s + others + [og or ""] if t != whole], page_title):
        return agreed
    site = _TITLE_SEP.split(page_title)[-1].strip() if page_title else ""
    named = [t for t in h1s if len(t) >= 4 and t != site]
    if len(named) == 1:
        return named[0]
    return title_head(og) if og and og == whole else (og or title_head(page_title))


def title_head(page_title: str) -> str:
    """<title> without the site name after _ | ｜ or a spaced dash (or a bare dash before a site name)."""
    head = _TITLE_SEP.split(page_title)[0] if page_title else ""
    return _SITE_TAIL.sub("", head) or head


def _heading_agreeing_with(headings: list[str], page_title: str) -> str | None:
    """The heading sharing the longest prefix (≥ 4 chars) with <title>, cut to that prefix when
    <title> puts a separator right after it (h1s often carry widgets: "…播报文章", counters)."""
    plain = page_title.translate(_DASHES)
    best = None
    for heading in headings:
        n = _common_prefix(heading.translate(_DASHES), plain)
        if n >= 4 and (n == len(heading) or _separator_follows(plain, n)) and (best is None or n > best[0]):
            best = (n, heading[:n].rstrip())
    return best[1] if best else None  # the earliest of equally long agreements (h1s come first)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _separator_follows(text: str, at: int) -> bool:
    rest = text[at:].lstrip()
    return not rest or rest[0] in "_|｜-"


def extract_date(tree, html: str, url: str, fetched_at=None, title: str = ""):
    """The resolver's answer (parsers/pubdate.py): structured, labelled, URL, body; else None."""
    found = pubdate.resolve_published_at(html, tree, url, fetched_at=fetched_at, title=title)
    return found.value if found else None


def trafilatura_lines(html: str) -> list[str]:
    import trafilatura  # heavy import, only when the fallback runs

    if len(html) > TRAFILATURA_MAX_CHARS:
        return []
    text = trafilatura.extract(html, include_comments=False, include_tables=True, fast=True) or ""
    return [clean_inline(x) for x in text.split("\n") if clean_inline(x)]


class V1(SiteParser):
    """Generic extractor; `source_id` is set per call to the caller's source (or 'generic')."""
    source_id = "generic"

    def __init__(self, page: Page, source_id: str = "generic"):
        super().__init__(page)
        self.doc_source = source_id
        etree.strip_elements(self.tree, "script", "style", "noscript", "template", with_tail=False)

    def parse(self):
        doc = super().parse()
        doc.source_id = self.doc_source
        return doc

    def extract_title(self):
        return extract_title(self.tree)

    def extract_paragraphs(self):
        """Density scoring and trafilatura on the same page, combined by agreement (parsers/combine.py)."""
        container, stats = score_candidates(self.tree)
        lines = prose_blocks(container, stats) if container is not None else []
        theirs = clean.clean_lines(trafilatura_lines(self.page.html))
        han = sum(len(_HAN.findall(x)) for x in lines)
        if han < MIN_BODY_HAN and sum(len(_HAN.findall(x)) for x in theirs) > han:
            self.body_choice = "theirs-short"
            return theirs
        lines, self.body_choice = combine.choose_body(lines, theirs)
        return lines

    def extract_published_at(self):
        title = self.field("title", "")
        return extract_date(self.tree, self.page.html, self.page.url, self.page.fetched_at, title) or self.hint_date()

    def extract_origin(self):
        body = self.tree.find("body")
        match = re.search(r"来源[:：]\s*([^\s|｜<]{2,20})", body.text_content()[:5000]) if body is not None else None
        return match.group(1) if match else meta(self.tree, "source")
