"""Story matching across scripts, and attachment text from real PDF/DOCX bytes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

from futurewatch.core.textnorm import to_simplified
from parsers import attachments, dedup
from parsers.document import AttachmentLink, Document

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"  # a copy of /work/shared/seeds


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text("utf-8")


def test_traditional_reprint_matches_its_simplified_original_and_other_stories_do_not():
    index = dedup.StoryIndex()
    index.add(1, dedup.build_minhash(to_simplified(seed("001"))))
    index.add(2, dedup.build_minhash(seed("004")))
    assert index.match(dedup.build_minhash(seed("001"))) == 1
    assert index.match(dedup.build_minhash(seed("000"))) is None


def test_signature_round_trip():
    mh = dedup.build_minhash(seed("003"))
    assert dedup.minhash_from_bytes(dedup.minhash_bytes(mh)).jaccard(mh) == 1.0


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF (Helvetica) written by hand, with a correct xref table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for i, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % off for off in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_pdf_and_docx_text_extracted_and_type_sniffed_from_bytes():
    pdf = attachments.extract_attachment(AttachmentLink(url="https://x.cn/files/a.bin", ext=None), minimal_pdf("Action plan 2024"))
    assert pdf.status == "extracted" and pdf.ext == "pdf" and "Action plan 2024" in pdf.text
    document = docx.Document()
    document.add_paragraph("广东省培育发展未来电子信息产业集群行动计划")
    buf = io.BytesIO()
    document.save(buf)
    word = attachments.extract_attachment(AttachmentLink(url="https://x.cn/a.docx", ext="docx"), buf.getvalue())
    assert word.status == "extracted" and "未来电子信息" in word.text


def test_damaged_and_unsupported_attachments():
    broken = attachments.extract_attachment(AttachmentLink(url="https://x.cn/a.pdf", ext="pdf"), b"%PDF-1.4 garbage")
    assert broken.status == "failed" and broken.text is None
    xls = attachments.extract_attachment(AttachmentLink(url="https://x.cn/a.xls", ext="xls"), b"\xd0\xcf\x11\xe0" + b"0" * 96)
    assert xls.status == "unsupported" and xls.size_bytes == 100 and xls.ext == "xls"


def zip_bomb() -> bytes:
    """A DOCX of a few hundred KB whose directory declares more than MAX_DOCX_UNPACKED_BYTES."""
    buf = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("未来产业")
    document.save(buf)
    with zipfile.ZipFile(buf, "a", compression=zipfile.ZIP_DEFLATED) as zf, zf.open("word/media/fill.bin", "w") as part:
        chunk = b"\0" * 2**20
        for _ in range(attachments.MAX_DOCX_UNPACKED_BYTES // len(chunk) + 1):
            part.write(chunk)
    assert len(buf.getvalue()) < 2 * 2**20
    return buf.getvalue()


def test_a_docx_unpacking_past_the_limit_is_too_large_not_read():
    """A zip bomb (a few hundred KB that unpack to more than MAX_DOCX_UNPACKED_BYTES) is never opened by
    python-docx: one such attachment took the process stage's memory, and every rerun died on it."""
    bomb = attachments.extract_attachment(AttachmentLink(url="https://x.cn/a.bin", ext=None), zip_bomb())
    assert bomb.status == "too_large" and bomb.text is None and bomb.ext == "docx"


def test_a_zip_directory_is_read_once(monkeypatch):
    """The type sniff and the unpacked-size check share one read of the zip's directory (a large
    directory was parsed twice per attachment)."""
    reads = []
    read = attachments.zip_members
    monkeypatch.setattr(attachments, "zip_members", lambda body: reads.append(1) or read(body))
    bomb = attachments.extract_attachment(AttachmentLink(url="https://x.cn/a.bin", ext=None), zip_bomb())
    assert bomb.status == "too_large" and len(reads) == 1


def _damaged_directory(body: bytes, offset: int, value: bytes) -> bytes:
    """`body` with `value` written at `offset` of its first central directory entry."""
    at = body.index(b"PK\x01\x02") + offset
    return body[:at] + value + body[at + len(value):]


def test_a_docx_whose_zip_directory_is_damaged_fails_alone():
    """A directory entry asking for an unknown zip version, or a name flagged UTF-8 that is not, is a damaged
    attachment ('failed'): reading its directory (to sniff the type, to sum the sizes) raised out of
    extract_attachment and failed the whole page."""
    buf = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("未来产业")
    document.save(buf)
    body = buf.getvalue()
    name_at = 46  # the entry's file name follows its 46-byte header
    for damaged in (_damaged_directory(body, 6, b"\xd6\x00"),  # "version needed to extract": 21.4
                    _damaged_directory(_damaged_directory(body, 8, b"\x00\x08"), name_at, b"\xff")):
        link = attachments.extract_attachment(AttachmentLink(url="https://x.cn/a.docx", ext="docx"), damaged)
        assert link.status == "failed" and link.text is None


def test_only_short_policy_notices_take_attachment_text():
    link = AttachmentLink(url="https://x.cn/a.pdf", text="正文" * 800)
    notice = Document(url="u", source_id="govcn", parser="p", kind="policy", text="现印发给你们。", attachments=[link])
    assert attachments.apply_attachment_text(notice) and notice.text.startswith("现印发给你们。\n正文")
    news = Document(url="u", source_id="c114", parser="p", kind="news", text="短讯。", attachments=[link])
    assert not attachments.apply_attachment_text(news) and news.text == "短讯。"
