"""Posting one message to a chat robot: signing, the HTTP request, reading the answer.

Signing (the platforms' documented schemes):
- DingTalk: timestamp in ms; sign = urlencode(base64(HMAC-SHA256(key=secret, msg="timestamp\\nsecret")));
  both go in the query string.
- Feishu: timestamp in s; sign = base64(HMAC-SHA256(key="timestamp\\nsecret", msg=b"")); both go in
  the JSON body.
- WeCom robots are not signed (the key in the URL is the credential).

The answer is JSON: a non-zero `errcode` (WeCom, DingTalk) or `code`/`StatusCode` (Feishu) is a
refusal. Rate-limit codes (WeCom 45009, DingTalk 130101/410100, Feishu 11232/99991400) raise
RateLimited. A connection that fails before the request is written raises NotSent (the robot
cannot have it); one that breaks after it was written raises InDoubt (it may have been shown).
Error texts never contain the URL or the secret (`redact`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import socket
import time
from urllib.parse import quote_plus, urlsplit

from alerts.chat_formats import body_bytes

RATE_LIMIT_CODES = {"wecom": {45009}, "dingtalk": {130101, 410100}, "feishu": {11232, 99991400}}
TIMEOUT = 10.0


class Refused(RuntimeError):
    """The robot answered and did not post the message."""


class RateLimited(Refused):
    """The robot refused because too many messages were sent."""


class NotSent(RuntimeError):
    """No request reached the robot."""


class InDoubt(RuntimeError):
    """The request went out but no answer came back: the message may have been posted."""


def hmac_base64(key: bytes, message: bytes) -> str:
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode("ascii")


def sign(kind: str, url: str, secret: str | None, body: dict, now: float) -> tuple[str, dict]:
    """(url, body) ready to post, signed when the robot has a secret."""
    if not secret:
        return url, body
    if kind == "dingtalk":
        stamp = str(int(now * 1000))
        signature = quote_plus(hmac_base64(secret.encode("utf-8"), f"{stamp}\n{secret}".encode("utf-8")))
        return f"{url}{'&' if '?' in url else '?'}timestamp={stamp}&sign={signature}", body
    if kind == "feishu":
        stamp = str(int(now))
        return url, {"timestamp": stamp, "sign": hmac_base64(f"{stamp}\n{secret}".encode("utf-8"), b""), **body}
    return url, body


def redact(text: str, *secrets: str | None) -> str:
    """The text with every secret (URL, key, signing secret) replaced by ***."""
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


def open_connection(url: str, timeout: float) -> tuple[http.client.HTTPConnection, str]:
    parts = urlsplit(url)
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = cls(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.connect()
    except OSError as exc:
        raise NotSent(f"cannot connect to {parts.hostname}: {type(exc).__name__}") from None
    return conn, parts.path + (f"?{parts.query}" if parts.query else "")


def post_json(url: str, body: dict, timeout: float = TIMEOUT, *, answer_required: bool = True) -> dict:
    """POST the body; the parsed answer. Raises NotSent, InDoubt or Refused (HTTP error, not JSON).
    Without answer_required (a generic `json` webhook), any 2xx is success and a non-JSON answer is {}."""
    conn, target = open_connection(url, timeout)
    try:
        conn.request("POST", target, body=body_bytes(body),
                     headers={"Content-Type": "application/json; charset=utf-8"})
        response = conn.getresponse()
        raw = response.read(1_000_000)
    except (OSError, socket.timeout, http.client.HTTPException) as exc:
        raise InDoubt(f"no answer after the request was sent: {type(exc).__name__}") from None
    finally:
        conn.close()
    if response.status >= 300:
        raise Refused(f"HTTP {response.status}")
    try:
        answer = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        if not answer_required:
            return {}
        raise Refused(f"HTTP {response.status} with an answer that is not JSON") from None
    return answer if isinstance(answer, dict) or answer_required else {}


def check_answer(kind: str, answer: dict) -> None:
    code = answer.get("errcode", answer.get("code", answer.get("StatusCode", 0)))
    if code in (0, None):
        return
    message = str(answer.get("errmsg") or answer.get("msg") or answer.get("StatusMessage") or "")[:200]
    error = f"{kind} answered {code}: {' '.join(message.split())}"
    raise RateLimited(error) if code in RATE_LIMIT_CODES.get(kind, ()) else Refused(error)


def send_message(kind: str, url: str, secret: str | None, body: dict, *, timeout: float = TIMEOUT,
                 now: float | None = None) -> None:
    """Sign, post and check one message; errors are redacted of the URL and the secret."""
    signed_url, signed_body = sign(kind, url, secret, body, time.time() if now is None else now)
    try:
        check_answer(kind, post_json(signed_url, signed_body, timeout, answer_required=kind != "json"))
    except (Refused, NotSent, InDoubt) as exc:
        raise type(exc)(redact(str(exc), url, signed_url, secret, urlsplit(url).query)) from None
