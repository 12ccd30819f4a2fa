"""The parser base: a Page in, a Document out, one field method at a time.

Site parsers subclass `SiteParser`, declare selectors as class attributes and override only
the field methods that differ (each a few lines). Versions are subclasses named V1, V1_1 …;
a version with VALID_UNTIL serves pages fetched up to that date (fundus style). Field errors
follow one policy, applied here and nowhere else: "catch" (log, field left empty; default),
"suppress" (field left empty silently) or "raise" (tests).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

from futurewatch.core.filetypes import attachment_ext
from parsers import clean, dates, pubdate
from parsers.document import AttachmentLink, Document, PolicyMeta
from parsers.html import attr, meta, paragraphs_of, select, select_first, text_of

log = logging.getLogger(__name__)



@dataclass
class Page:
    """Everything a parser may look at: the decoded page, its tree and the fetch context."""
    url: str
    html: str
    tree: Any
    fetched_at: datetime
    hints: dict = field(default_factory=dict)


def listing_day_end(hints: dict, fetched_at: datetime | None) -> datetime | None:
    """What a list's HH:mm or M/D is read against: the end of the day whose archive listed the page
    (a roll of 11-29 fetched after midnight says 23:58 for 11-29), else the fetch time."""
    day = next((d for key in ("archive_date", "epaper_date") if (d := dates.to_date(hints.get(key)))), None)
    if day is None or fetched_at is None or day >= fetched_at.astimezone(dates.SHANGHAI).date():
        return fetched_at
    return datetime.combine(day, time(23, 59, 59), dates.SHANGHAI)


class SiteParser:
    source_id: ClassVar[str] = ""
    VALID_UNTIL: ClassVar[date | None] = None
    error_policy: ClassVar[str] = "catch"

    kind: ClassVar[str] = "news"
    title_selectors: ClassVar[tuple[str, ...]] = ("h1",)
    subtitle_selectors: ClassVar[tuple[str, ...]] = ()
    body_selectors: ClassVar[tuple[str, ...]] = ()
    body_drop: ClassVar[tuple[str, ...]] = (".ad", ".share", ".article-share")
    date_selectors: ClassVar[tuple[str, ...]] = ()
    id_pattern: ClassVar[str | None] = None  # regex over the URL whose group 1 is the stable id

    def __init__(self, page: Page):
        self.page = page
        self.tree = page.tree

    @classmethod
    def name(cls) -> str:
        return f"{cls.source_id}.{cls.__name__}"

    # ---- orchestration (one place applies the error policy) ----
    def field(self, name: str, default=None):
        try:
            value = getattr(self, f"extract_{name}")()
        except Exception as exc:  # noqa: BLE001 - the one documented error policy
            if self.error_policy == "raise":
                raise
            if self.error_policy == "catch":
                log.warning("parser %s field %s failed on %s: %s", self.name(), name, self.page.url, exc)
            return default
        return default if value in (None, "", []) else value

    def parse(self) -> Document:
        doc = Document(url=self.page.url, source_id=self.source_id, parser=self.name(), kind=self.kind)
        doc.title = self.field("title", "") or str((self.page.hints or {}).get("title") or "")
        doc.subtitle = self.field("subtitle")
        lines = list(self.paragraphs())
        lines, editor = clean.strip_editor_line(clean.clean_lines(lines, drop_lines=(doc.title,)))
        doc.text = "\n".join(lines)
        doc.editor = self.field("editor") or editor
        doc.published_at = self.published_at()
        doc.author = self.field("author")
        doc.origin = self.field("origin")
        doc.stable_id = self.field("stable_id")
        doc.attachments = self.field("attachments", [])
        doc.policy = self.field("policy")
        doc.kind = self.field("kind", self.kind)
        return doc

    def published_at(self) -> datetime | None:
        """Structured data first (JSON-LD, publish metas), then the site's own rule; a date-only
        structured value takes its time of day from the site's rule when both name the same day."""
        structured = pubdate.structured_date(self.page.html, self.tree, self.page.fetched_at)
        site = self.field("published_at")
        if structured is None:
            return site
        return pubdate.with_time_of_day(structured.value, site)

    # ---- default field methods ----
    def extract_title(self) -> str:
        return text_of(select_first(self.tree, *self.title_selectors)) or self._title_tag()

    def _title_tag(self) -> str:
        raw = text_of(select_first(self.tree, "title"))
        return re.split(r"\s*(?:[_|｜]|\s-\s|—)\s*", raw)[0] if raw else ""

    def extract_subtitle(self) -> str | None:
        return text_of(select_first(self.tree, *self.subtitle_selectors)) if self.subtitle_selectors else None

    def body_element(self):
        for sel in self.body_drop:
            for el in select(self.tree, sel):
                el.drop_tree()
        return select_first(self.tree, *self.body_selectors)

    def extract_paragraphs(self) -> list[str]:
        return paragraphs_of(self.body_element())

    def paragraphs(self) -> list[str]:
        """extract_paragraphs() once per page, under the error policy."""
        if not hasattr(self, "_paragraphs"):
            self._paragraphs = self.field("paragraphs", [])
        return self._paragraphs

    def extract_published_at(self) -> datetime | None:
        for sel in self.date_selectors:
            found = dates.find_date(dates.strip_generation_stamps(text_of(select_first(self.tree, sel))))
            if found:
                return found
        return self.hint_date()

    def hint_date(self) -> datetime | None:
        hints = self.page.hints or {}
        ref = listing_day_end(hints, self.page.fetched_at)
        for key in ("published_at", "create_time", "created_at", "deploytime", "pubtime", "releaseTime",
                    "updateTime", "date", "list_time"):
            if hints.get(key) not in (None, ""):
                found = dates.parse_date(hints[key], ref=ref)
                if found:
                    return found
        return None

    def extract_author(self) -> str | None:
        return meta(self.tree, "author")

    def extract_origin(self) -> str | None:
        return None

    def extract_editor(self) -> str | None:
        return None

    def extract_stable_id(self) -> str | None:
        if not self.id_pattern:
            return None
        match = re.search(self.id_pattern, urlsplit(self.page.url).path)
        return match.group(1) if match else None

    def extract_attachments(self) -> list[AttachmentLink]:
        return links_to_attachments(select(self.tree, "a[href]"), self.page.url)

    def extract_policy(self) -> PolicyMeta | None:
        return None

    def extract_kind(self) -> str:
        return self.kind

    # ---- helpers for subclasses ----
    def meta(self, *names: str) -> str | None:
        return meta(self.tree, *names)

    def attr(self, selector: str, name: str) -> str | None:
        return attr(self.tree, selector, name)

    def text(self, *selectors: str) -> str:
        return text_of(select_first(self.tree, *selectors))


def links_to_attachments(anchors, base_url: str) -> list[AttachmentLink]:
    """Anchors whose href ends in a document extension, resolved and de-duplicated."""
    out: dict[str, AttachmentLink] = {}
    for a in anchors:
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:")):
            continue
        url = urljoin(base_url, href)
        ext = attachment_ext(url)
        if not ext:
            continue
        name = text_of(a) or href.rsplit("/", 1)[-1]
        out.setdefault(url, AttachmentLink(url=url, filename=name, ext=ext[1:]))
    return list(out.values())
