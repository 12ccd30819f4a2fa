"""Downloader middleware: the redirect guard.

RedirectGuardMiddleware (engine side, before robots.txt) refuses any request, first or
redirected, whose host is outside the source's allowed domains, a local name, or a blocked
address in any numeric form (crawlers.addresses). Names are checked again on their resolved
address by crawlers.resolver, at connection time; this middleware turns that resolver's
refusals into RefusedRedirect with the reason. The only exception is the offline mirror's own
address, and only when a mirror is configured.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy.exceptions import CannotResolveHostError, IgnoreRequest, NotConfigured
from twisted.internet.error import DNSLookupError

from crawlers.addresses import blocked_reason, is_local_name, literal_address
from crawlers.resolver import REFUSED
from crawlers.urls import host_allowed, host_of

log = logging.getLogger(__name__)


class RefusedRedirect(IgnoreRequest):
    """A request (usually a redirect target) the guard refused; the message says why."""


class RedirectGuardMiddleware:
    def __init__(self, allowed_domains: list[str], mirror: str | None, stats):
        self.allowed_domains = tuple(allowed_domains)
        self.mirror_netloc = urlsplit(mirror).netloc if mirror else None
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        domains = crawler.settings.getlist("FW_ALLOWED_DOMAINS")
        if not domains:
            raise NotConfigured("FW_ALLOWED_DOMAINS is empty")
        return cls(domains, crawler.settings.get("FW_MIRROR"), crawler.stats)

    def refusal(self, url: str) -> str | None:
        """Why `url` may not be fetched, or None."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return f"scheme {parts.scheme!r} not allowed"
        if self.mirror_netloc and parts.netloc == self.mirror_netloc:
            return None  # the offline mirror itself (tests and demo only)
        host = host_of(url)
        if is_local_name(host):
            return f"local name {host}"
        literal = literal_address(host)
        if literal is not None:
            return f"{blocked_reason(literal) or f'IP literal {literal}'} (host {host})"
        if not host_allowed(host, self.allowed_domains):
            return f"host {host} outside allowed domains"
        return None

    def process_request(self, request, spider=None):
        reason = self.refusal(request.url)
        if reason is None:
            return None
        self.refuse(request, reason)

    def process_exception(self, request, exception, spider=None):
        """A name the resolver refused (it resolved to a blocked address): say so, never retry."""
        if isinstance(exception, (DNSLookupError, CannotResolveHostError)):
            reason = REFUSED.get(host_of(request.url))
            if reason:
                self.refuse(request, reason)
        return None

    def refuse(self, request, reason: str) -> None:
        redirected = bool(request.meta.get("redirect_urls"))
        self.stats.inc_value("fw/refused_redirect" if redirected else "fw/refused_request")
        log.warning("refused %s %s: %s", "redirect to" if redirected else "request for", request.url, reason)
        raise RefusedRedirect(f"refused {'redirect to' if redirected else 'request for'} {request.url}: {reason}")
