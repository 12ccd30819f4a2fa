"""The offline mirror: a threaded HTTP server on 127.0.0.1 serving every source's pages.

URLs are MIRROR/<real host>/<real path>?<query> (see crawlers/urls.py). The server answers
conditional GETs (ETag / If-Modified-Since → 304) for article pages, serves robots.txt for
every host, and acts out the fault pages (timeout, truncated body, oversized body). Every
request is logged in `hits` so tests can see exactly what a crawl asked for.
"""

from __future__ import annotations

import logging
import threading
import time
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from crawlers.mirror.site import MirrorSite, Page, not_found

log = logging.getLogger(__name__)
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
CHUNK = 64 * 1024


class MirrorHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, site: MirrorSite, timeout_sleep: float):
        super().__init__(address, MirrorHandler)
        self.site = site
        self.timeout_sleep = timeout_sleep
        self.hits: list[tuple[str, str, int]] = []  # (host, path?query, status)


class MirrorHandler(BaseHTTPRequestHandler):
    server: MirrorHTTPServer
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: the hits list is the log
        log.debug("mirror: " + fmt, *args)

    def do_GET(self):
        parts = urlsplit(self.path)
        host, _, rest = unquote(parts.path).lstrip("/").partition("/")
        path = "/" + rest
        page = self.resolve(host, path, {k: v[-1] for k, v in parse_qs(parts.query).items()})
        try:
            status = self.answer(page)
        except (BrokenPipeError, ConnectionResetError):
            status = 499  # the crawler hung up (size cap, timeout): that is the point
            self.close_connection = True
        self.server.hits.append((host, path + (f"?{parts.query}" if parts.query else ""), status))

    def resolve(self, host: str, path: str, query: dict) -> Page:
        if path == "/robots.txt" or not host:
            return Page(ROBOTS, content_type="text/plain")
        route = self.server.site.lookup(host, path)
        return route(query, self.server.site) if route else not_found()

    def not_modified(self, page: Page) -> bool:
        if not page.validators:
            return False
        inm = self.headers.get("If-None-Match")
        if inm:
            return page.etag in [t.strip() for t in inm.split(",")]
        ims = self.headers.get("If-Modified-Since")
        if ims and page.last_modified:
            try:
                return page.last_modified <= parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
        return False

    def answer(self, page: Page) -> int:
        if page.fault == "timeout":
            time.sleep(self.server.timeout_sleep)
        status = 304 if self.not_modified(page) else page.status
        self.send_response(status)
        headers = {"Content-Type": page.content_type, **page.headers}
        if page.validators:
            headers["ETag"] = page.etag
            if page.last_modified_http:
                headers["Last-Modified"] = page.last_modified_http
        body = b"" if status == 304 else page.body
        length = page.size if page.fault == "oversized" else len(body) + (4096 if page.fault == "truncated" else 0)
        headers["Content-Length"] = str(length)
        for name, value in headers.items():
            self.send_header(name, value)
        if page.fault in ("truncated", "oversized"):
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.write_body(page, body)
        return status

    def write_body(self, page: Page, body: bytes) -> None:
        self.wfile.write(body)
        if page.fault == "oversized":
            for _ in range(0, page.size, CHUNK):
                self.wfile.write(b"\0" * CHUNK)


class MirrorServer:
    """A running mirror: `url` is its base URL, `site` its content, `hits` what it served."""

    def __init__(self, site: MirrorSite, *, port: int = 0, timeout_sleep: float = 8.0):
        self.site = site
        self.httpd = MirrorHTTPServer(("127.0.0.1", port), site, timeout_sleep)
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="fw-mirror", daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def hits(self) -> list[tuple[str, str, int]]:
        return self.httpd.hits

    def start(self) -> "MirrorServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
