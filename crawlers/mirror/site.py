"""The mirror's content model: articles (seed texts in site markup), pages and routes.

Every site module (crawlers/mirror/sites/<source>.py) registers its articles and its list
routes on one MirrorSite. Lists are rendered at request time from the current articles, so a
test that changes an article (or a source's list markup) sees the change on the next request.
Dates are relative to the day the mirror started (Asia/Shanghai), so the mirror is always
"current": a demo run finds today's news.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

from futurewatch.config import SOURCE_TIMEZONE

TZ = ZoneInfo(SOURCE_TIMEZONE)
SEEDS_DIR = Path(__file__).with_name("seeds")
HTML_UTF8 = "text/html; charset=utf-8"


@dataclass
class Page:
    body: bytes
    content_type: str = HTML_UTF8
    status: int = 200
    headers: dict = field(default_factory=dict)
    validators: bool = False  # send ETag / Last-Modified and answer conditional GETs with 304
    last_modified: datetime | None = None
    fault: str | None = None  # timeout | truncated | oversized (the server acts these out)
    size: int = 0  # the announced size of an oversized body

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'

    @property
    def last_modified_http(self) -> str | None:
        return format_datetime(self.last_modified, usegmt=True) if self.last_modified else None


@dataclass
class Article:
    source_id: str
    url: str
    title: str
    paragraphs: list[str]
    age_days: int = 0
    hhmm: str = "09:30"
    author: str = ""
    extra: dict = field(default_factory=dict)
    modified_at: datetime = field(default_factory=lambda: datetime(2024, 1, 1, tzinfo=timezone.utc))

    def day(self, today: date) -> date:
        return today - timedelta(days=self.age_days)

    @property
    def host(self) -> str:
        return self.url.split("/")[2]

    @property
    def path(self) -> str:
        return "/" + self.url.split("/", 3)[3]


Route = Callable[[dict, "MirrorSite"], Page]


class MirrorSite:
    def __init__(self, today: date | None = None, *, faults: bool = False):
        self.today = today or datetime.now(TZ).date()
        self.faults = faults
        self.articles: dict[str, Article] = {}
        self.routes: dict[tuple[str, str], Route] = {}
        self.renderers: dict[str, Callable[[Article, "MirrorSite"], Page]] = {}
        self.shapes: dict[str, str] = {}  # source_id → markup variant ("v2" = changed shape)
        self.lock = threading.Lock()

    def add_article(self, article: Article, renderer: Callable[[Article, "MirrorSite"], Page]) -> None:
        self.articles[article.url] = article
        self.renderers[article.url] = renderer
        self.routes[(article.host, article.path)] = lambda query, site, url=article.url: site.render(url)

    def add_route(self, host: str, path: str, route: Route) -> None:
        self.routes[(host, path)] = route

    def render(self, url: str) -> Page:
        with self.lock:
            article = self.articles[url]
            page = self.renderers[url](article, self)
        page.validators, page.last_modified = True, article.modified_at
        return page

    def articles_of(self, source_id: str, **extra) -> list[Article]:
        found = [a for a in self.articles.values() if a.source_id == source_id
                 and all(a.extra.get(k) == v for k, v in extra.items())]
        return sorted(found, key=lambda a: (a.age_days, a.url))

    def change_article(self, url: str, *, title: str | None = None, append: str | None = None) -> None:
        """Edit an article in place (new bytes, new ETag, later Last-Modified)."""
        with self.lock:
            article = self.articles[url]
            if title:
                article.title = title
            if append:
                article.paragraphs.append(append)
            article.modified_at = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=1)

    def lookup(self, host: str, path: str) -> Route | None:
        return self.routes.get((host, path))


# --- seed texts -------------------------------------------------------------------------------

def _clean_markdown(line: str) -> str:
    line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    return line.strip(" \t#*>")


def load_seed(number: str) -> tuple[str, list[str]]:
    """(title, paragraphs) of seed NNN: front matter dropped, markdown links reduced to their text."""
    path = next(SEEDS_DIR.glob(f"{number}_*.txt"))
    text = path.read_text(encoding="utf-8")
    title = ""
    if text.startswith("---"):
        front, _, text = text[3:].partition("\n---")
        match = re.search(r'^title:\s*"?(.*?)"?\s*$', front, re.M)
        title = match.group(1) if match else ""
    paragraphs = [p for p in (_clean_markdown(line) for line in text.splitlines()) if len(p) > 1]
    paragraphs = [p for p in paragraphs if not p.startswith(("c114", "http"))]
    return (title or paragraphs[0]), paragraphs


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def paragraphs_html(paragraphs: list[str]) -> str:
    return "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def html_page(title: str, body: str, *, charset: str = "utf-8", head: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>{escape(title)}</title>{head}</head>\n<body>\n{body}\n</body></html>\n")


def not_found(message: str = "404 Not Found") -> Page:
    return Page(html_page("404 Not Found", f"<h1>{message}</h1>").encode(), status=404)
