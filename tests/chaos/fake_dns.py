"""A resolver for tests: names from FW_TEST_DNS (JSON {name: address}), nothing else resolves.

Passed to a crawl as FW_RESOLVE = "tests.chaos.fake_dns.resolve"; it lets a test point an allowed
name (intranet.c114.com.cn) at a private address without any real DNS.
"""

from __future__ import annotations

import json
import os
import socket


def resolve(host: str, port: int) -> list[str]:
    table = json.loads(os.environ.get("FW_TEST_DNS", "{}"))
    if host not in table:
        raise socket.gaierror(socket.EAI_NONAME, f"{host} is not in the test DNS")
    return [table[host]]
