"""The publisher registry: source_id and URL hosts → versioned parser classes.

Declarative and checked at import: a duplicate source_id or host, a parser class whose
source_id disagrees with its entry, versions out of VALID_UNTIL order, or a newest version
that expires all raise RegistryError, so a bad entry never reaches a crawl.
Hosts are exact ("www.gov.cn") or suffixes with a leading dot (".gd.gov.cn" matches
www.gd.gov.cn and gdii.gd.gov.cn).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from parsers.base import SiteParser
from parsers.sites import c114, chinanews, gd_gov, govcn, miit, nanfang, takungpao


class RegistryError(RuntimeError):
    """A malformed publisher entry."""


@dataclass(frozen=True)
class Publisher:
    source_id: str
    name: str
    hosts: tuple[str, ...]
    versions: tuple[type[SiteParser], ...]  # oldest first; the last has VALID_UNTIL None

    def parser_for(self, fetched_at: datetime | None) -> type[SiteParser]:
        """The version whose rules were valid when the page was fetched (newest if unknown)."""
        if fetched_at is not None:
            day = fetched_at.date()
            for cls in self.versions:
                if cls.VALID_UNTIL is not None and day <= cls.VALID_UNTIL:
                    return cls
        return self.versions[-1]


PUBLISHERS: tuple[Publisher, ...] = (
    Publisher("c114", "C114 通信网", ("www.c114.com.cn", "c114.com.cn", "m.c114.com.cn"), c114.VERSIONS),
    Publisher("nanfang", "南方+ / 南方日报", (".southcn.com", ".nfnews.com", "southcn.com", "nfnews.com"), nanfang.VERSIONS),
    Publisher("gd_gov", "广东省人民政府及厅局", (".gd.gov.cn", "gd.gov.cn"), gd_gov.VERSIONS),
    Publisher("govcn", "中国政府网", ("www.gov.cn", "gov.cn"), govcn.VERSIONS),
    Publisher("miit", "工业和信息化部", ("www.miit.gov.cn", "miit.gov.cn"), miit.VERSIONS),
    Publisher("chinanews", "中国新闻网", (".chinanews.com.cn", ".chinanews.com", "chinanews.com.cn", "chinanews.com"), chinanews.VERSIONS),
    Publisher("takungpao", "大公报 / 大公网", (".takungpao.com", ".takungpao.com.hk", "takungpao.com", "takungpao.com.hk"), takungpao.VERSIONS),
)


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
