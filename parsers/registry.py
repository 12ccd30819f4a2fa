"""The publisher registry: source_id and URL hosts → versioned parser classes.

Built from the source registry (futurewatch/core/sources.py): each source whose `parser` names a
module under parsers/ becomes a Publisher with that source's `hosts` and its listed versions, so
the URL lookup and the crawler read the same hosts. Sources with `parser: generic` have no entry:
their pages take the generic path. Checked at import: a duplicate source_id or host, a parser class whose
source_id disagrees with its entry, versions out of VALID_UNTIL order, or a newest version
that expires all raise RegistryError, so a bad entry never reaches a crawl.
Hosts are exact ("www.gov.cn") or suffixes with a leading dot (".gd.gov.cn" matches
www.gd.gov.cn and gdii.gd.gov.cn).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from futurewatch.core.sources import SourceConfig, load_registry
from parsers.base import SiteParser
from parsers.dates import SHANGHAI


class RegistryError(RuntimeError):
    """A malformed publisher entry."""


@dataclass(frozen=True)
class Publisher:
    source_id: str
    name: str
    hosts: tuple[str, ...]
    versions: tuple[type[SiteParser], ...]  # oldest first; the last has VALID_UNTIL None

    def parser_for(self, fetched_at: datetime | None) -> type[SiteParser]:
        """The version whose rules were valid when the page was fetched (newest if unknown); the
        fetch day is the Asia/Shanghai day, whatever zone fetched_at carries (crawlers stamp UTC)."""
        if fetched_at is not None:
            day = fetched_at.astimezone(SHANGHAI).date() if fetched_at.tzinfo else fetched_at.date()
            for cls in self.versions:
                if cls.VALID_UNTIL is not None and day <= cls.VALID_UNTIL:
                    return cls
        return self.versions[-1]


def publisher_from_source(config: SourceConfig) -> Publisher:
    """The Publisher a registry entry names; RegistryError when its module or a version is missing."""
    where = f"source {config.source_id!r}: parser"
    try:
        module = importlib.import_module(config.parser.module)
        versions = tuple(getattr(module, name) for name in config.parser.versions)
    except (ImportError, AttributeError) as exc:
        raise RegistryError(f"{where}: {exc}") from exc
    return Publisher(config.source_id, config.name, config.hosts, versions)


def build_publishers(sources: dict[str, SourceConfig]) -> tuple[Publisher, ...]:
    """A Publisher per source with a site parser (generic sources have none)."""
    return tuple(publisher_from_source(c) for c in sources.values() if not c.parser.is_generic)


PUBLISHERS: tuple[Publisher, ...] = build_publishers(load_registry())


def _check_versions(pub: Publisher) -> None:
    if not pub.versions:
        raise RegistryError(f"{pub.source_id}: no parser versions")
    for cls in pub.versions:
        if not (isinstance(cls, type) and issubclass(cls, SiteParser)):
            raise RegistryError(f"{pub.source_id}: {cls!r} is not a SiteParser")
        if cls.source_id != pub.source_id:
            raise RegistryError(f"{pub.source_id}: {cls.__name__} declares source_id {cls.source_id!r}")
    limits = [cls.VALID_UNTIL for cls in pub.versions]
    if limits[-1] is not None or None in limits[:-1]:
        raise RegistryError(f"{pub.source_id}: only the newest version may have VALID_UNTIL None")
    if limits[:-1] != sorted(limits[:-1]) or len(set(limits)) != len(limits):
        raise RegistryError(f"{pub.source_id}: versions must be in strictly increasing VALID_UNTIL order")


def build_index(publishers: tuple[Publisher, ...]) -> tuple[dict[str, Publisher], dict[str, Publisher]]:
    """source_id → Publisher and host → Publisher; raises RegistryError on any malformed entry."""
    by_id: dict[str, Publisher] = {}
    by_host: dict[str, Publisher] = {}
    for pub in publishers:
        if not pub.source_id or not pub.source_id.isidentifier() or pub.source_id in by_id:
            raise RegistryError(f"duplicate or malformed source_id {pub.source_id!r}")
        _check_versions(pub)
        by_id[pub.source_id] = pub
        for host in pub.hosts:
            if host != host.lower() or "/" in host or host in by_host:
                raise RegistryError(f"{pub.source_id}: duplicate or malformed host {host!r}")
            by_host[host] = pub
    return by_id, by_host


BY_ID, BY_HOST = build_index(PUBLISHERS)


def publisher_for_url(url: str) -> Publisher | None:
    """Most specific match first: the exact host, then each parent as a '.suffix' entry."""
    host = (urlsplit(url).hostname or "").lower()
    if host in BY_HOST:
        return BY_HOST[host]
    labels = host.split(".")
    for i in range(1, len(labels) - 1):
        suffix = "." + ".".join(labels[i:])
        if suffix in BY_HOST:
            return BY_HOST[suffix]
    return None


def publisher_for(source_id: str | None, url: str) -> Publisher | None:
    """The entry named by `source_id` when given and known, else the one owning the URL's host."""
    if source_id and source_id in BY_ID:
        return BY_ID[source_id]
    return publisher_for_url(url)
