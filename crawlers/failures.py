"""Naming why a request failed, in the words crawl_runs.details and health use."""

from __future__ import annotations

from scrapy.exceptions import (CannotResolveHostError, DownloadCancelledError, DownloadConnectionRefusedError,
                               DownloadFailedError, DownloadTimeoutError, IgnoreRequest, ResponseDataLossError)
from twisted.internet import error as txerror

from crawlers.blocking import BLOCK_STATUSES  # noqa: F401  (re-exported for spiders)
from crawlers.middlewares import RefusedRedirect

REASONS = (
    (RefusedRedirect, "refused_redirect"),
    (CannotResolveHostError, "dns"),
    (txerror.DNSLookupError, "dns"),
    (DownloadConnectionRefusedError, "connection_refused"),
    (txerror.ConnectionRefusedError, "connection_refused"),
    (txerror.NoRouteError, "no_route"),
    (txerror.TCPTimedOutError, "tcp_timeout"),
    (DownloadTimeoutError, "timeout"),
    (txerror.TimeoutError, "timeout"),
    (DownloadCancelledError, "too_large"),
    (ResponseDataLossError, "truncated"),
    (txerror.ConnectionLost, "connection_lost"),
    (txerror.ConnectionDone, "connection_lost"),
    (DownloadFailedError, "download_failed"),
)


def classify_failure(failure) -> str:
    """A short reason for a Twisted failure: 'timeout', 'dns', 'redirect_loop: …' …"""
    exc = failure.value
    message = " ".join(str(exc).split())[:200]
    for cls, reason in REASONS:
        if isinstance(exc, cls):
            if reason == "download_failed" and "_DataLoss" in message:
                return "truncated"
            return f"{reason}: {message}" if reason == "refused_redirect" else reason
    if isinstance(exc, IgnoreRequest):
        if "max redirections" in message:
            return "redirect_loop"
        if "robots.txt" in message:
            return "robots_disallowed"
        return f"ignored: {message}"
    return f"{type(exc).__name__}: {message}"
