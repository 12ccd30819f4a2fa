"""The base spider: incremental requests, raw items, failures; sources only add list hooks.

A source spider implements `build_start_requests()` and listing callbacks that call
`self.follow_article(url, hints=..., listed_on=...)` for every item a listing names. The base
decides whether to fetch (new URL, list hints changed, or revisit time passed → conditional
GET) or to count the URL unchanged without a request. Pages, listings and attachments all
become FetchItems; spiders never parse article content.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import scrapy
from parsel import Selector

from futurewatch.core.config import SOURCE_TIMEZONE
from futurewatch.core.encoding import content_charset, decode_html

from crawlers import failures
from crawlers.items import FetchItem
from crawlers.registry import SourceConfig
from crawlers.runstate import RunState
from crawlers.urls import attachment_ext, host_allowed, host_of

TZ = ZoneInfo(SOURCE_TIMEZONE)
HANDLED_STATUSES = [304, *range(400, 600)]
HREF_RE = re.compile(r"""(?:href|src)\s*=\s*\\?["']([^"'\\<>\s]+)""", re.I)
JSON_UNESCAPES = (("\\/", "/"), ("\\u002F", "/"), ("\\u002f", "/"), ("\\u003C", "<"), ("\\u003c", "<"),
                  ("\\u003E", ">"), ("\\u003e", ">"), ("\\u0022", '"'), ('\\"', '"'))


class SourceSpider(scrapy.Spider):
    name = "base"
    change_hint_keys: tuple[str, ...] = ("title",)  # list hints whose change means "recheck the page"

    def __init__(self, config: SourceConfig, *, since: date | None = None, seen: dict | None = None,
                 now: datetime | None = None, **kwargs):
        super().__init__(name=config.source_id, **kwargs)
        self.config = config
        self.source_id = config.source_id
        self.allowed_domains = list(config.allowed_domains)
        self.since = since
        self.seen = seen or {}
        self.now = now or datetime.now(timezone.utc)
        self.today = self.now.astimezone(TZ).date()
        self.max_pages = config.backfill_max_pages if since else config.max_pages
        self.options = config.options
        self.run = RunState()
        self.requested: set[str] = set()

    async def start(self):
        for request in self.build_start_requests():
            yield request

    def build_start_requests(self):
        raise NotImplementedError

    # --- dates ------------------------------------------------------------------------------

    def days(self) -> list[date]:
        """Days a daily archive covers: --since … today, else the last lookback_days; newest first."""
        first = self.since or self.today - timedelta(days=max(self.config.lookback_days, 1) - 1)
        count = max((self.today - first).days + 1, 1)
        return [self.today - timedelta(days=i) for i in range(count)]

    def too_old(self, listed_on: date | None) -> bool:
        return bool(self.since and listed_on and listed_on < self.since)

    # --- requests ---------------------------------------------------------------------------

    def listing(self, url: str, callback, *, continuation: bool = False, **cb_kwargs) -> scrapy.Request:
        """A listing request: always fetched (listings change), never counted as an article.

        continuation marks page 2, 3 …: there a 404 is the end of the list, not a failure.
        """
        meta = {"fw_kind": "listing", "fw_continuation": continuation, "handle_httpstatus_list": HANDLED_STATUSES}
        return scrapy.Request(url, callback=callback, errback=self.on_error, cb_kwargs=cb_kwargs, dont_filter=True,
                              meta=meta)

    def follow_article(self, url: str, *, hints: dict | None = None, listed_on: date | None = None,
                       parent_url: str | None = None):
        """Yield a request for url if it is new, changed or due for a recheck; else count it unchanged."""
        if not url or self.too_old(listed_on) or not host_allowed(host_of(url), self.allowed_domains):
            return
        if url in self.run.listed:
            return
        self.run.listed.add(url)
        hints = {k: v for k, v in (hints or {}).items() if v not in (None, "", [])}
        headers = self.conditional_headers(url, hints)
        if headers is None:
            self.run.unchanged += 1
            self.run.unchanged_urls.append(url)
            return
        meta = {"fw_kind": "page", "fw_url": url, "fw_hints": hints, "fw_parent": parent_url,
                "handle_httpstatus_list": HANDLED_STATUSES}
        # dont_filter: the run dedupes by URL itself, and a redirect loop must end in a recorded
        # failure (max redirections), not vanish in the duplicate filter
        yield scrapy.Request(url, callback=self.parse_page, errback=self.on_error, headers=headers, meta=meta,
                             dont_filter=True)

    def conditional_headers(self, url: str, hints: dict) -> dict | None:
        """{} for a new URL, If-None-Match/If-Modified-Since for a recheck, None to skip."""
        seen = self.seen.get(url)
        if seen is None or not seen.last_sha256:
            return {}
        headers = {}
        if seen.etag:
            headers["If-None-Match"] = seen.etag
        if seen.last_modified:
            headers["If-Modified-Since"] = seen.last_modified
        if self.hints_changed(seen.hints or {}, hints):
            return headers
        fetched = seen.last_fetched_at
        if fetched is None or self.now - fetched > timedelta(hours=self.config.revisit_hours):
            return headers
        return None

    def hints_changed(self, old: dict, new: dict) -> bool:
        return any(k in new and str(new[k]) != str(old.get(k)) for k in self.change_hint_keys)

    # --- responses --------------------------------------------------------------------------

    def build_item(self, response, kind: str, **extra) -> FetchItem:
        headers = {k.decode("latin-1"): [v.decode("latin-1") for v in vs] for k, vs in response.headers.items()}
        ctype = response.headers.get(b"Content-Type")
        return FetchItem(source_id=self.source_id, kind=kind, url=self.requested_url(response.request),
                         final_url=response.url, status=response.status, headers=headers, body=response.body,
                         fetched_at=datetime.now(timezone.utc), content_type=ctype.decode("latin-1") if ctype else None,
                         **extra)

    @staticmethod
    def requested_url(request) -> str:
        """The URL as the spider asked for it (before redirects and Scrapy's percent-encoding)."""
        return request.meta.get("fw_url") or (request.meta.get("redirect_urls") or [request.url])[0]

    def response_item(self, response, kind: str, **extra) -> FetchItem:
        """The item for any response: fetched, not modified (304) or an HTTP failure."""
        item = self.build_item(response, kind, **extra)
        if response.status == 304:
            item.outcome = "not_modified"
        elif response.status == 404 and response.request.meta.get("fw_continuation"):
            item.outcome = "end"
        elif response.status >= 400 and response.status not in failures.BLOCK_STATUSES:
            item.outcome, item.reason = "failed", f"http_{response.status}"
        return item

    def listing_item(self, response) -> FetchItem:
        return self.response_item(response, "listing")

    def usable(self, item: FetchItem) -> bool:
        """A listing worth reading for links (fetched, not an error page)."""
        return item.outcome == "fetched" and item.status < 400

    def parse_page(self, response):
        meta = response.request.meta
        item = self.response_item(response, "page", hints=meta.get("fw_hints") or {}, parent_url=meta.get("fw_parent"))
        yield item
        if self.config.attachments and item.outcome == "fetched" and item.status < 300:
            yield from self.follow_attachments(response)

    def on_error(self, failure):
        request = failure.request
        kind = request.meta.get("fw_kind", "page")
        url = self.requested_url(request)
        reason = failures.classify_failure(failure)
        self.logger.warning("source_id=%s url=%s: %s failed: %s", self.source_id, url, kind, reason)
        yield FetchItem(source_id=self.source_id, kind=kind, url=url, outcome="failed", reason=reason,
                        fetched_at=datetime.now(timezone.utc),  # when it failed: seen_urls orders outcomes by it
                        hints=request.meta.get("fw_hints") or {}, parent_url=request.meta.get("fw_parent"))

    # --- attachments ------------------------------------------------------------------------

    def attachment_links(self, response) -> list[str]:
        """Attachment URLs (.pdf .doc … on allowed hosts) linked from a page, embedded JSON included."""
        text = self.decode(response)
        for old, new in JSON_UNESCAPES:
            text = text.replace(old, new)
        links = []
        for href in HREF_RE.findall(text):
            url = urljoin(response.url, href.strip())
            if attachment_ext(url) and host_allowed(host_of(url), self.allowed_domains) and url not in links:
                links.append(url)
        return links

    def follow_attachments(self, response):
        cap = self.settings.getint("FW_ATTACHMENT_MAX_BYTES")
        for url in self.attachment_links(response):
            seen = self.seen.get(url)
            if (seen and seen.last_sha256) or url in self.requested:
                yield FetchItem(source_id=self.source_id, kind="attachment", url=url, outcome="not_modified",
                                parent_url=response.url)
                continue
            self.requested.add(url)
            meta = {"fw_kind": "attachment", "fw_url": url, "fw_parent": response.url, "download_maxsize": cap,
                    "download_warnsize": 0, "handle_httpstatus_list": HANDLED_STATUSES}
            yield scrapy.Request(url, callback=self.parse_attachment, errback=self.on_error, meta=meta,
                                 dont_filter=True)

    def parse_attachment(self, response):
        yield self.response_item(response, "attachment", parent_url=response.request.meta.get("fw_parent"))

    # --- helpers for list hooks -------------------------------------------------------------

    def decode(self, response) -> str:
        """The body as text, by the parsers' decoder (the bytes decide; a GBK listing labelled UTF-8 keeps its
        Chinese link texts, 下一版 …): the registry's encoding (C114: gb18030), else the Content-Type
        charset, is only what the page claims."""
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        return decode_html(response.body, self.options.get("encoding") or content_charset(content_type)).text

    def selector(self, response) -> Selector:
        return Selector(text=self.decode(response))

    def listing_rows(self, response, item: FetchItem, selectors: tuple[str, ...]) -> list | None:
        """A usable listing's rows by the first selector of the cascade that finds any (a fallback hit is
        noted as drift); None for a listing not worth reading."""
        if not self.usable(item):
            return None
        sel = self.selector(response)
        for i, css in enumerate(selectors):
            rows = sel.css(css)
            if rows:
                if i:
                    self.run.note_fallback(response.url, css)
                return rows
        return []

    def load_json(self, response, item: FetchItem):
        """The JSON body of an API listing, or None (recorded as a failure: the API changed shape)."""
        try:
            return json.loads(response.body.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            self.run.note_failure(response.url, "listing", f"bad_json: {type(exc).__name__}")
            self.logger.warning("source_id=%s url=%s: listing is not JSON (%s)", self.source_id, response.url, exc)
            return None

    def api_rows(self, response, item: FetchItem, key: str, *, continuation: bool = False) -> list | None:
        """The rows (the array under `key` of a JSON object) of a usable API listing, or None: a body that is
        no JSON or of another shape is a listing failure with a one-line reason, never an empty page.
        On a continuation page (page 2 on), `key` null or absent is the end of the listing: an empty page."""
        data = self.load_json(response, item) if self.usable(item) else None
        if data is None:
            return None
        rows = data.get(key) if isinstance(data, dict) else None
        if isinstance(rows, list):
            return rows
        if continuation and isinstance(data, dict) and rows is None:
            return []
        shape = (f"{json_type(data)}, not an object" if not isinstance(data, dict)
                 else f"{key} is {json_type(rows)}, not an array" if key in data else f"no {key} in the object")
        self.run.note_failure(response.url, "listing", f"bad_shape: {shape}")
        self.logger.warning("source_id=%s url=%s: listing has no rows to read (%s)", self.source_id, response.url, shape)
        return None

    def object_rows(self, response, rows, where: str):
        """The rows that are JSON objects; any other row is a listing failure of its own (malformed_row),
        and the page's other rows are read all the same."""
        for row in rows:
            if isinstance(row, dict):
                yield row
            else:
                self.run.note_failure(response.url, "listing", f"malformed_row: {json_type(row)} in {where}")


JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}


def json_type(value) -> str:
    """A decoded JSON value's type, as JSON names it."""
    return "null" if value is None else JSON_TYPES.get(type(value), type(value).__name__)
