"""What spiders hand to the pipelines: one FetchItem per request outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

OUTCOMES = ("fetched", "not_modified", "failed", "end")  # end: a 404 past the last list page


@dataclass
class FetchItem:
    """A response (fetched / not_modified) or a failure, for one requested URL.

    url is the URL the spider asked for (always the real site URL, also on the mirror);
    final_url is where redirects ended. Pipelines fill blocked_reason, sha256, storage_key.
    """

    source_id: str
    kind: str  # page | listing | attachment
    url: str
    outcome: str = "fetched"
    final_url: str | None = None
    status: int = 0
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    fetched_at: datetime | None = None  # when the response (or the failure) came
    content_type: str | None = None
    hints: dict = field(default_factory=dict)
    parent_url: str | None = None
    reason: str | None = None  # failure reason: timeout, http_404, too_large, refused_redirect …
    blocked_reason: str | None = None
    sha256: str | None = None
    storage_key: str | None = None
