"""Which addresses a crawl may connect to, decided on the resolved address (the `ipaddress` module).

    blocked_reason(ip)     why an IPv4/IPv6 address is off limits, or None
    literal_address(host)  the address a numeric host stands for, in every form a resolver accepts
                           (127.1, 0x7f000001, 2130706433, 0177.0.0.1, [::ffff:127.0.0.1]), or None

Off limits: private, loopback, link-local (169.254.169.254 included), CGNAT 100.64.0.0/10,
multicast, reserved, unspecified and site-local, and the same embedded in IPv6 (IPv4-mapped,
6to4, Teredo, NAT64 well-known prefix). Names like `localhost.` are off limits before any lookup.
"""

from __future__ import annotations

import ipaddress
import socket

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
CGNAT = ipaddress.ip_network("100.64.0.0/10")
NAT64 = ipaddress.ip_network("64:ff9b::/96")
NUMERIC_CHARS = set("0123456789abcdefx.")
LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def literal_address(host: str) -> IPAddress | None:
    """The IP a numeric host means (inet_aton's legacy IPv4 forms included), None for a name."""
    host = host.strip().strip("[]").rstrip(".").lower()
    if not host:
        return None
    try:
        return ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        pass
    if set(host) <= NUMERIC_CHARS:
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))  # 127.1, 0x7f000001, 2130706433, 0177.0.0.1
        except OSError:
            return None
    return None


def is_local_name(host: str) -> bool:
    name = host.strip().strip("[]").rstrip(".").lower()
    return name in LOCAL_NAMES or name.endswith(".localhost")


def embedded_ipv4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, Teredo client, NAT64), if any."""
    if addr.ipv4_mapped:
        return addr.ipv4_mapped
    if addr.sixtofour:
        return addr.sixtofour
    if addr.teredo:
        return addr.teredo[1]
    if addr in NAT64:
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return None


def blocked_reason(ip: str | IPAddress) -> str | None:
    """Why this address must not be fetched from, or None when it is a public unicast address."""
    addr = ipaddress.ip_address(ip) if isinstance(ip, str) else ip
    if isinstance(addr, ipaddress.IPv6Address):
        inner = embedded_ipv4(addr)
        if inner is not None:
            reason = blocked_reason(inner)
            return f"{reason} (inside {addr})" if reason else None
    checks = (("loopback", addr.is_loopback), ("link-local", addr.is_link_local),
              ("unspecified", addr.is_unspecified), ("multicast", addr.is_multicast),
              ("CGNAT", isinstance(addr, ipaddress.IPv4Address) and addr in CGNAT),
              ("private", addr.is_private), ("reserved", addr.is_reserved),
              ("site-local", getattr(addr, "is_site_local", False)), ("not global", not addr.is_global))
    kind = next((name for name, hit in checks if hit), None)
    return f"{kind} address {addr}" if kind else None
