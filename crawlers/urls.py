"""URL rules shared by spiders, middlewares and the mirror: allowed hosts, private addresses,
and the mirror's address scheme.

The mirror serves every site under a path prefix named after the real host:
    https://www.c114.com.cn/news/roll.asp?d=5  →  http://127.0.0.1:PORT/www.c114.com.cn/news/roll.asp?d=5
Spiders only ever see real URLs; the mirror middleware rewrites on the way out and back.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from crawlers.addresses import blocked_reason, is_local_name, literal_address
from futurewatch.core.filetypes import attachment_ext  # noqa: F401 - the crawler's name for the one list


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def host_allowed(host: str, domains: tuple[str, ...] | list[str]) -> bool:
    """True when host is one of domains or a subdomain of one."""
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in (d.lower().strip(".") for d in domains))


def is_private_host(host: str) -> bool:
    """A local name, or an IP literal in any numeric form that points at a blocked address."""
    if is_local_name(host):
        return True
    addr = literal_address(host)
    return addr is not None and blocked_reason(addr) is not None


def to_mirror(url: str, base: str) -> str:
    """The mirror URL serving `url`."""
    parts = urlsplit(url)
    mirror = urlsplit(base)
    path = f"/{parts.hostname}{parts.path or '/'}"
    return urlunsplit((mirror.scheme, mirror.netloc, path, parts.query, ""))


def from_mirror(url: str, base: str, scheme: str = "http") -> str | None:
    """The real URL a mirror URL stands for (None if `url` is not on the mirror)."""
    parts = urlsplit(url)
    if parts.netloc != urlsplit(base).netloc:
        return None
    host, _, rest = parts.path.lstrip("/").partition("/")
    return urlunsplit((scheme, host, "/" + rest, parts.query, ""))
