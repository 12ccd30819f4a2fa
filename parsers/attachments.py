"""Attachment text: PDF (pypdf) and DOCX (python-docx); XLS/WPS/OFD and others are recorded only.

A policy page that carries only a short 印发通知 takes its full text from the attachment.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile

from parsers.document import AttachmentLink, Document

log = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024
MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024  # a DOCX's parts as its zip directory declares them (a zip bomb
                                             # packs gigabytes into a few MB; zipfile reads no more than declared)
SHORT_NOTICE_CHARS = 1500  # a policy page shorter than this may be only the 印发通知
MAX_PDF_PAGES = 300
_EXTRACTABLE = {"pdf", "docx"}


def sniff_ext(body: bytes, ext: str | None, members: list[zipfile.ZipInfo] | None) -> str | None:
    """Trust the bytes over the link: %PDF → pdf, a zip holding word/document.xml → docx.
    members: the zip's directory (zip_members), None when the body is no zip or it cannot be read."""
    if body.startswith(b"%PDF"):
        return "pdf"
    if members is not None and any(m.filename == "word/document.xml" for m in members):
        return "docx"
    return (ext or "").lower() or None


def zip_members(body: bytes) -> list[zipfile.ZipInfo] | None:
    """The members a zip's directory declares; None when the body is no zip or its directory cannot be
    read (a damaged file, whose extraction then fails the attachment alone)."""
    if not body.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            return zf.infolist()
    except Exception:  # noqa: BLE001 - a damaged directory raises BadZipFile, NotImplementedError, UnicodeDecodeError …
        return None


def unpacked_size(members: list[zipfile.ZipInfo] | None) -> int:
    """The uncompressed size of a zip's members as its directory declares them (0 when unreadable)."""
    return sum(info.file_size for info in members or [])


def extract_pdf_text(body: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    pages = [page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES]]
    return _tidy("\n".join(pages))


def extract_docx_text(body: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(body))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(" ".join(cell.text for cell in row.cells) for row in table.rows)
    return _tidy("\n".join(lines))


def _tidy(text: str) -> str:
    lines = (re.sub(r"[ \t\u3000]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def extract_attachment(link: AttachmentLink, body: bytes, source_id: str | None = None) -> AttachmentLink:
    """Fill size, ext, text and status from the stored bytes; errors become status 'failed'
    and one warning naming the source and the attachment's URL."""
    link.size_bytes = len(body)
    members = zip_members(body)  # the directory, read once: for the type and the unpacked size
    link.ext = sniff_ext(body, link.ext, members)
    if len(body) > MAX_ATTACHMENT_BYTES or (link.ext == "docx" and unpacked_size(members) > MAX_DOCX_UNPACKED_BYTES):
        link.status = "too_large"
        return link
    if link.ext not in _EXTRACTABLE:
        link.status = "unsupported"  # xls, wps, ofd …: recorded with type and size
        return link
    try:
        link.text = extract_pdf_text(body) if link.ext == "pdf" else extract_docx_text(body)
        link.status = "extracted"
    except Exception as exc:  # noqa: BLE001 - pypdf/docx raise many types on damaged files
        log.warning("source_id=%s url=%s: cannot extract %s text: %s", source_id, link.url, link.ext, exc)
        link.status = "failed"
    return link


def apply_attachment_text(doc: Document) -> bool:
    """A policy page holding only a short notice gets its attachments' text appended. True if changed."""
    if doc.kind != "policy" or len(doc.text) >= SHORT_NOTICE_CHARS:
        return False
    texts = [a.text for a in doc.attachments if a.text and len(a.text) > len(doc.text)]
    if not texts:
        return False
    doc.text = "\n".join([doc.text, *texts]).strip()
    doc.is_empty = False
    doc.error = None
    return True
