"""One source crawl's tallies, shared by the spider, the pipelines and the run recorder."""

from __future__ import annotations

from dataclasses import dataclass, field

DETAIL_CAP = 100  # URLs kept per detail list; counts stay exact
CONNECT_REASONS = {"dns", "connection_refused", "connection_lost", "timeout", "tcp_timeout", "no_route"}


@dataclass
class RunState:
    listed: set[str] = field(default_factory=set)
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    blocked: int = 0
    responses: int = 0
    connect_failures: int = 0
    listings: int = 0
    listing_failures: int = 0  # listing pages that failed (HTTP error, no response)
    attachments_stored: int = 0
    failures: list[dict] = field(default_factory=list)
    blocked_pages: list[dict] = field(default_factory=list)
    empty_listings: list[str] = field(default_factory=list)
    unchanged_urls: list[str] = field(default_factory=list)
    fallbacks: list[dict] = field(default_factory=list)  # listings read only by a fallback selector

    def note_failure(self, url: str, kind: str, reason: str) -> None:
        self.failed += 1
        if kind == "listing":
            self.listing_failures += 1
        if reason.split(":")[0] in CONNECT_REASONS:
            self.connect_failures += 1
        if len(self.failures) < DETAIL_CAP:
            self.failures.append({"url": url, "kind": kind, "reason": reason})

    def note_blocked(self, url: str, reason: str) -> None:
        self.blocked += 1
        if len(self.blocked_pages) < DETAIL_CAP:
            self.blocked_pages.append({"url": url, "reason": reason})

    def note_listing(self, url: str, links: int) -> None:
        self.listings += 1
        if links == 0 and len(self.empty_listings) < DETAIL_CAP:
            self.empty_listings.append(url)

    def note_fallback(self, url: str, selector: str) -> None:
        """A listing whose primary selector found nothing but a fallback did: early sign of drift."""
        if len(self.fallbacks) < DETAIL_CAP:
            self.fallbacks.append({"url": url, "selector": selector})

    @property
    def listings_all_failed(self) -> bool:
        """Not one listing page could be read: the source gave nothing to crawl."""
        return self.listing_failures > 0 and self.listings == 0

    @property
    def shape_changed(self) -> bool:
        """Every listing read fine yet none held a single item: the markup probably changed."""
        return self.listings > 0 and not self.listed and len(self.empty_listings) == min(self.listings, DETAIL_CAP)

    def counts(self, requests: int) -> dict:
        return {"listed": len(self.listed), "new": self.new, "changed": self.changed, "unchanged": self.unchanged,
                "failed": self.failed, "blocked": self.blocked, "requests": requests}

    def details(self) -> dict:
        return {"failures": self.failures, "blocked": self.blocked_pages, "empty_listings": self.empty_listings,
                "fallback_selectors": self.fallbacks,
                "listings": self.listings, "listing_failures": self.listing_failures,
                "attachments_stored": self.attachments_stored,
                "shape_changed": self.shape_changed}
