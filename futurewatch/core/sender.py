"""The one sender of mail and chat messages: digests, chat digests, ops notices and health reports.

Mail
    smtp_config(settings) -> SmtpConfig | None   where mail goes (None: the file outbox)
    open_smtp(config) -> smtplib.SMTP             a logged-in connection (the digest outbox drives it)
    send_mail(msg, settings, folder, stem) -> str  one message: SMTP, else FUTUREWATCH_HOME/outbox/<folder>/<stem>.eml
Chat
    send_message(kind, url, secret, body)         sign, post and check one robot message
    post_with_retries(kind, url, secret, body)    the same, retried after NotSent or a rate limit

SMTP settings come from the settings object (futurewatch.core.config.Settings): SMTP_HOST, SMTP_PORT,
SMTP_USER, SMTP_PASSWORD, SMTP_SECURITY (starttls | ssl | none), SMTP_FROM, SMTP_TIMEOUT;
FUTUREWATCH_SMTP_CA_FILE trusts a private relay's certificate. Inside an Airflow task the settings
already carry the SMTP Airflow connection when SMTP_HOST is unset (dags/dag_support.py,
`task_settings`). No SMTP_HOST → the file outbox. A user with SMTP_SECURITY=none would send the
password in clear: refused (ConfigError) unless SMTP_ALLOW_PLAINTEXT_AUTH=1 (a local test relay).

Chat signing (the platforms' documented schemes): DingTalk: timestamp in ms, sign =
urlencode(base64(HMAC-SHA256(key=secret, msg="timestamp\\nsecret"))) in the query string; Feishu:
timestamp in s, sign = base64(HMAC-SHA256(key="timestamp\\nsecret", msg=b"")) in the JSON body;
WeCom robots and generic `json` webhooks are not signed. A non-zero `errcode` (WeCom, DingTalk) or
`code`/`StatusCode` (Feishu) is a refusal; rate-limit codes (WeCom 45009, DingTalk 130101/410100,
Feishu 11232/99991400) raise RateLimited. A connection that fails before the request is written,
or a URL no request can use (no host, a space or control character in it), raises NotSent (the robot
cannot have it); one that breaks after it was written raises InDoubt (it
may have been shown). Error texts never contain the URL or the secret (`redact`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import logging
import smtplib
import socket
import ssl
import time
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import quote_plus, urlsplit

from futurewatch.core.config import Settings, refuse_plaintext_auth
from futurewatch.core.private import make_private_dir, write_private

log = logging.getLogger(__name__)
SECURITIES = ("starttls", "ssl", "none")
RATE_LIMIT_CODES = {"wecom": {45009}, "dingtalk": {130101, 410100}, "feishu": {11232, 99991400}}
TIMEOUT = 10.0  # seconds for one chat post
ATTEMPTS = 3  # post_with_retries: tries in all
BACKOFF_S = 1.0  # … waiting 1 s, then 2 s
MAX_ANSWER_BYTES = 1_000_000


# --- mail ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    user: str | None = None
    password: str | None = None
    security: str = "starttls"
    sender: str = "futurewatch@localhost"
    timeout: float = 30.0
    ca_file: str | None = None  # FUTUREWATCH_SMTP_CA_FILE: trust a private relay's certificate

    def describe(self) -> str:
        return f"{self.security}://{self.user + '@' if self.user else ''}{self.host}:{self.port}"


def smtp_config(settings: Settings) -> SmtpConfig | None:
    """The SMTP server to use, or None for the file outbox; ConfigError for AUTH in clear."""
    if not settings.smtp_host:
        return None
    config = SmtpConfig(settings.smtp_host, settings.smtp_port, settings.smtp_user, settings.smtp_password,
                        _security(settings.smtp_security), settings.smtp_from, settings.smtp_timeout,
                        settings.extra.get("FUTUREWATCH_SMTP_CA_FILE") or None)
    refuse_plaintext_auth(config.describe(), config.user, config.security, settings.smtp_allow_plaintext_auth)
    return config


def _security(value: str | None) -> str:
    value = (value or "starttls").lower()
    if value not in SECURITIES:
        raise ValueError(f"SMTP security {value!r} is not one of {', '.join(SECURITIES)}")
    return value


def open_smtp(config: SmtpConfig) -> smtplib.SMTP:
    context = ssl.create_default_context(cafile=config.ca_file)
    if config.security == "ssl":
        server: smtplib.SMTP = smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout, context=context)
    else:
        server = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        if config.security == "starttls":
            server.starttls(context=context)
    server.ehlo_or_helo_if_needed()
    if config.user:
        server.login(config.user, config.password or "")
    return server


def mail_sender(settings: Settings) -> str:
    """The From address mail will carry (the SMTP connection's, else SMTP_FROM)."""
    config = smtp_config(settings)
    return config.sender if config else settings.smtp_from


def send_mail(msg: EmailMessage, settings: Settings, folder: str, stem: str) -> str:
    """Send one message through SMTP, else write it (0600) to FUTUREWATCH_HOME/outbox/<folder>/<stem>.eml;
    where it went (the server, never its password, or the file)."""
    config = smtp_config(settings)
    if config is None:
        directory = settings.outbox_dir / folder
        make_private_dir(directory)
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in stem)[:120]
        path = directory / f"{safe}.eml"
        write_private(path, bytes(msg))
        return str(path)
    with open_smtp(config) as server:
        server.send_message(msg)
    return config.describe()


def recipients(value: str | None, default: str = "ops@localhost") -> list[str]:
    """Comma-separated addresses (e.g. FUTUREWATCH_OPS_EMAIL) as a list; the default when empty."""
    found = [a.strip() for a in (value or "").split(",") if a.strip()]
    return found or [default]


# --- chat -----------------------------------------------------------------------------------------

class Refused(RuntimeError):
    """The robot answered and did not post the message."""


class RateLimited(Refused):
    """The robot refused because too many messages were sent."""


class NotSent(RuntimeError):
    """No request reached the robot."""


class InDoubt(RuntimeError):
    """The request went out but no answer came back: the message may have been posted."""


def body_bytes(body: dict) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


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
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # an unclosed IPv6 bracket
        raise NotSent(f"the URL cannot be posted to: {type(exc).__name__}") from None
    if not parts.hostname:
        raise NotSent("the URL cannot be posted to: no host")
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    try:
        conn = cls(parts.hostname, parts.port, timeout=timeout)
        conn.connect()
    except (OSError, ValueError, http.client.InvalidURL) as exc:  # ValueError: a port or host name no request
        # can use (UnicodeError); InvalidURL: a space or control character in the host
        raise NotSent(f"cannot connect to {parts.hostname}: {type(exc).__name__}") from None
    return conn, parts.path + (f"?{parts.query}" if parts.query else "")


def post_json(url: str, body: dict, timeout: float = TIMEOUT, *, answer_required: bool = True) -> dict:
    """POST the body; the parsed answer. Raises NotSent, InDoubt or Refused (HTTP error, not JSON).
    Without answer_required (a generic `json` webhook), any 2xx is success and a non-JSON answer is {}."""
    conn, target = open_connection(url, timeout)
    try:
        try:
            conn.request("POST", target, body=body_bytes(body),
                         headers={"Content-Type": "application/json; charset=utf-8"})
        except (ValueError, http.client.InvalidURL) as exc:  # refused while building, before any byte is sent
            raise NotSent(f"the URL cannot be posted to: {type(exc).__name__}") from None
        response = conn.getresponse()
        raw = response.read(MAX_ANSWER_BYTES)
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
        query = url.partition("?")[2].partition("#")[0]  # as urlsplit's, which raises on a broken host
        raise type(exc)(redact(str(exc), url, signed_url, secret, query)) from None


def post_with_retries(kind: str, url: str, secret: str | None, body: dict) -> None:
    """send_message, retried after NotSent or a rate limit (BACKOFF_S, then twice that); other errors at once.
    For one-off notices; the chat outbox keeps its own retry schedule in the database."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return send_message(kind, url, secret, body)
        except (NotSent, RateLimited):
            if attempt == ATTEMPTS:
                raise
            time.sleep(BACKOFF_S * 2 ** (attempt - 1))
