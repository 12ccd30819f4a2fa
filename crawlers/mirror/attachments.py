"""Small, valid attachment files for the offline mirror: a one-page PDF (pypdf) and a DOCX
(python-docx), made once per process, so the demo's own files parse without a warning."""

from __future__ import annotations

import io
from functools import cache

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@cache
def pdf_bytes() -> bytes:
    """An A4 page with no text (the mirror's attachments stand for scans of the notice)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "futurewatch offline mirror attachment"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@cache
def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("附件：行动计划（离线镜像示例文件）")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def attachment(name: str) -> tuple[bytes, str]:
    """(body, content type) for a file name: .docx gets a DOCX, anything else a PDF."""
    if name.lower().endswith(".docx"):
        return docx_bytes(), DOCX_TYPE
    return pdf_bytes(), "application/pdf"
