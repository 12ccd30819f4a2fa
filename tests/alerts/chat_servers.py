"""A loopback HTTP server that answers like the three chat robots, for delivery tests.

    /cgi-bin/webhook/send?key=K           WeCom: key checked; markdown content <= 4096 bytes (else 40058)
    /robot/send?access_token=T&timestamp&sign   DingTalk: sign = base64(HMAC-SHA256(secret, "ts\\nsecret")),
                                          timestamp within an hour (else 310000)
    /open-apis/bot/v2/hook/H              Feishu: body timestamp + sign = base64(HMAC-SHA256("ts\\nsecret", "")),
                                          within an hour (else 19021)

`fail_next` holds answers to give instead of success (e.g. {"errcode": 45009}), one per request.
Only requests that pass every check are recorded in `posted` (what a group would see).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def expected_sign(key: bytes, message: bytes) -> str:
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


class Robots:
    def __init__(self, *, wecom_key: str = "wk", dingtalk_token: str = "dt", dingtalk_secret: str | None = None,
                 feishu_hook: str = "fh", feishu_secret: str | None = None):
        self.wecom_key, self.dingtalk_token, self.dingtalk_secret = wecom_key, dingtalk_token, dingtalk_secret
        self.feishu_hook, self.feishu_secret = feishu_hook, feishu_secret
        self.posted: list[tuple[str, dict]] = []
        self.requests: list[tuple[str, dict]] = []
        self.fail_next: dict[str, list[dict]] = {"wecom": [], "dingtalk": [], "feishu": []}
        self.lock = threading.Lock()

    def answer(self, path: str, query: dict, body: dict) -> dict:
        kind, error = self.check(path, query, body)
        with self.lock:
            self.requests.append((kind, body))
            if error:
                return error
            if self.fail_next.get(kind):
                return self.fail_next[kind].pop(0)
            self.posted.append((kind, body))
        return {"code": 0, "msg": "success", "data": {}} if kind == "feishu" else {"errcode": 0, "errmsg": "ok"}

    def check(self, path: str, query: dict, body: dict) -> tuple[str, dict | None]:
        if path == "/cgi-bin/webhook/send":
            if query.get("key") != self.wecom_key:
                return "wecom", {"errcode": 93000, "errmsg": "invalid webhook url"}
            content = (body.get("markdown") or {}).get("content", "")
            if body.get("msgtype") != "markdown" or len(content.encode("utf-8")) > 4096:
                return "wecom", {"errcode": 40058, "errmsg": "markdown.content exceed max length 4096"}
            return "wecom", None
        if path == "/robot/send":
            if query.get("access_token") != self.dingtalk_token:
                return "dingtalk", {"errcode": 300001, "errmsg": "token is not exist"}
            if self.dingtalk_secret and not self.signed(query.get("timestamp", "0"), 1000, query.get("sign"),
                                                        self.dingtalk_secret.encode(), True):
                return "dingtalk", {"errcode": 310000, "errmsg": "sign not match"}
            return "dingtalk", None
        if path == f"/open-apis/bot/v2/hook/{self.feishu_hook}":
            if self.feishu_secret and not self.signed(str(body.get("timestamp", "0")), 1, body.get("sign"), None, False):
                return "feishu", {"code": 19021, "msg": "sign match fail or timestamp is not within one hour"}
            return "feishu", None
        return "unknown", {"errcode": 404, "errmsg": "no such robot"}

    def signed(self, stamp: str, per_second: int, sign: str | None, key: bytes | None, dingtalk: bool) -> bool:
        if not stamp.isdigit() or abs(time.time() - int(stamp) / per_second) > 3600:
            return False
        if dingtalk:
            return sign == expected_sign(key, f"{stamp}\n{self.dingtalk_secret}".encode())
        return sign == expected_sign(f"{stamp}\n{self.feishu_secret}".encode(), b"")

    def of(self, kind: str) -> list[dict]:
        return [body for k, body in self.posted if k == kind]


class _Handler(BaseHTTPRequestHandler):
    robots: Robots

    def do_POST(self):
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}  # parse_qs decodes the url-encoded sign
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        data = json.dumps(self.robots.answer(parts.path, query, body)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):  # quiet
        pass


@contextmanager
def robot_server(robots: Robots):
    """(base URL) of a server answering like the robots, on 127.0.0.1 and a free port."""
    handler = type("Handler", (_Handler,), {"robots": robots})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
