"""The crawl's name resolver: every connection's address is checked after resolution.

Installed as Scrapy's TWISTED_DNS_RESOLVER, so Twisted asks it for the address of every
connection the downloader opens: first requests, each redirect, robots.txt, attachments, and
literal IPs too. A name that resolves to any address crawlers.addresses blocks resolves to
nothing (the connection is never made), and the reason is kept in REFUSED for the guard
middleware to report. Because the checked address is the one connected to, a DNS answer that
changes between a check and the connection (rebinding) cannot slip through.

The one exception: the offline mirror's own host and port (FW_MIRROR), when a mirror is set.
FW_RESOLVE names the lookup function, a dotted path to `function(host, port) -> list[str]`; tests use it
to map allowed names to private addresses. Default: the system resolver (getaddrinfo).
"""

from __future__ import annotations

import logging
import socket
from urllib.parse import urlsplit

from scrapy.utils.misc import load_object
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.interfaces import IHostnameResolver
from twisted.internet.threads import deferToThreadPool
from zope.interface import implementer

from crawlers.addresses import blocked_reason, is_local_name, literal_address

log = logging.getLogger(__name__)
REFUSED: dict[str, str] = {}  # host → why its addresses were refused (this crawl process)


def system_resolve(host: str, port: int) -> list[str]:
    """Every address getaddrinfo gives for host (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port or None, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def guarded_addresses(host: str, port: int, resolve, mirror: tuple[str, int] | None) -> list[str]:
    """The addresses host may be connected at; [] (and REFUSED[host] set) if any is blocked."""
    literal = literal_address(host)
    if mirror and (host, port) == mirror:
        return [str(literal)] if literal else resolve(host, port)
    if is_local_name(host):
        REFUSED[host] = f"{host} is a local name"
        return []
    addresses = [str(literal)] if literal else resolve(host, port)
    for address in addresses:
        reason = blocked_reason(address.split("%")[0])
        if reason:
            REFUSED[host] = f"{host} resolves to {reason}"
            log.warning("resolver: refused %s:%s: %s", host, port, REFUSED[host])
            return []
    return addresses


@implementer(IHostnameResolver)
class GuardedResolver:
    def __init__(self, reactor, resolve=system_resolve, mirror: str | None = None):
        self.reactor = reactor
        self.resolve = resolve
        parts = urlsplit(mirror) if mirror else None
        self.mirror = (parts.hostname, parts.port or 80) if parts and parts.hostname else None

    @classmethod
    def from_crawler(cls, crawler, reactor):
        path = crawler.settings.get("FW_RESOLVE")
        return cls(reactor, load_object(path) if path else system_resolve, crawler.settings.get("FW_MIRROR"))

    def install_on_reactor(self) -> None:
        self.reactor.installNameResolver(self)

    def resolveHostName(self, resolutionReceiver, hostName, portNumber=0, addressTypes=None,
                        transportSemantics="TCP"):
        from scrapy.resolver import HostResolution

        host = hostName.decode("idna") if isinstance(hostName, bytes) else hostName
        resolution = HostResolution(host)
        resolutionReceiver.resolutionBegan(resolution)
        lookup = deferToThreadPool(self.reactor, self.reactor.getThreadPool(), guarded_addresses,
                                   host, portNumber, self.resolve, self.mirror)

        def deliver(addresses: list[str]) -> None:
            for address in addresses:
                kind = IPv6Address if ":" in address else IPv4Address
                resolutionReceiver.addressResolved(kind("TCP", address, portNumber))
            resolutionReceiver.resolutionComplete()

        def failed(failure) -> None:  # an unknown name: no addresses, as any resolver would say
            log.debug("resolver: %s: %s", host, failure.getErrorMessage())
            resolutionReceiver.resolutionComplete()

        lookup.addCallbacks(deliver, failed)
        return resolution
