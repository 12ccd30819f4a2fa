"""Recognising pages that are not content: WAF challenges, captchas, empty JavaScript shells.

A blocked page is kept as a raw fetch with blocked_reason set (so ops can see it) and is never
handed to the parsers as a document.
"""

from __future__ import annotations

import re

TITLE_RE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)
SCRIPT_RE = re.compile(rb"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
TAG_RE = re.compile(rb"<[^>]+>")
SPACE_RE = re.compile(rb"\s+|&nbsp;")
CHALLENGE_WORDS = ("安全验证", "访问验证", "人机验证", "滑动验证", "验证码", "captcha", "访问过于频繁", "access denied")
WAF_MARKERS = (b"acw_sc__v2", b"_waf_", b"aliyun_waf", b"__jsl_clearance", b"waf.tencent", b"cdn-cgi/challenge",
               b"/_guard/", b"Please enable JavaScript")
BLOCK_STATUSES = {403, 405, 412, 429, 468, 521}
MIN_VISIBLE_BYTES = 40  # a page with less visible text than this …
MAX_SHELL_SCRIPT_BYTES = 2000  # … and no big embedded data is an empty JS shell


def _decode_loose(raw: bytes) -> str:
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def visible_bytes(body: bytes) -> int:
    without_scripts = SCRIPT_RE.sub(b" ", body)
    return len(SPACE_RE.sub(b"", TAG_RE.sub(b" ", without_scripts)))


def detect_blocked(body: bytes, status: int, content_type: str | None) -> str | None:
    """Why this response is not content (a short reason), or None when it looks like content."""
    ctype = (content_type or "").lower()
    if status in BLOCK_STATUSES:
        return f"http_{status}"
    if not body.strip():
        return "empty_body"
    if "html" not in ctype and not body.lstrip()[:1] == b"<":
        return None  # JSON, PDF …: judged by their consumers
    head = body[:20000]
    match = TITLE_RE.search(head)
    title = _decode_loose(match.group(1)).strip().lower() if match else ""
    word = next((w for w in CHALLENGE_WORDS if w in title), None)
    if word:
        return f"challenge_title:{word}"
    marker = next((m for m in WAF_MARKERS if m in head), None)
    if marker and visible_bytes(body) < 400:
        return f"waf_marker:{marker.decode()}"
    scripts = sum(len(m.group(0)) for m in SCRIPT_RE.finditer(body))
    if visible_bytes(body) < MIN_VISIBLE_BYTES and scripts < MAX_SHELL_SCRIPT_BYTES:
        return "js_shell"
    return None
