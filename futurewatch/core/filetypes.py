"""Attachment file types: the one list the crawler (what to download) and the parsers (what a
page links as an attachment) both use."""

from __future__ import annotations

from urllib.parse import urlsplit

# documents government portals attach (WPS/ET are Kingsoft Office, OFD the Chinese fixed-layout format)
ATTACHMENT_EXTS = ("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "odt", "wps", "ofd",
                   "zip", "rar", "et", "csv")


def attachment_ext(url: str) -> str | None:
    """The attachment extension of url's path ('.pdf' …, lower case), or None."""
    path = urlsplit(url).path.lower()
    return next((f".{ext}" for ext in ATTACHMENT_EXTS if path.endswith(f".{ext}")), None)
