"""The typed hand-off from parsing to storage: Document, its policy metadata and attachment links."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from futurewatch.core.textnorm import nfkc


@dataclass
class AttachmentLink:
    url: str
    filename: str | None = None
    ext: str | None = None
    size_bytes: int | None = None
    text: str | None = None
    status: str = "linked"  # linked | extracted | unsupported | failed | too_large


@dataclass
class PolicyMeta:
    index_no: str | None = None  # 索引号
    issuers: list[str] = field(default_factory=list)  # 发文机关
    doc_number: str | None = None  # 发文字号, normalised to 〔〕
    written_at: date | None = None  # 成文日期
    published_on: date | None = None  # 发布日期
    effective_on: date | None = None  # 施行日期
    subject: str | None = None  # 主题分类
    validity: str | None = None  # not_yet_in_force | in_force | amended | abolished | expired
    interprets_url: str | None = None  # for 解读: the policy it explains
    interpretation_urls: list[str] = field(default_factory=list)  # for a policy: its 解读 pages
    # completed by parsers.policy_meta from the text (see there)
    expires_on: date | None = None  # end of 有效期
    region: str | None = None  # region of the lead issuer (广东省, 广州市, national)
    issuer_details: list = field(default_factory=list)  # institutions.Issuer per issuer
    references: list = field(default_factory=list)  # policy_links.Reference
    measures: list = field(default_factory=list)  # policy_measures.Measure

    def is_blank(self) -> bool:
        return not any(v for v in asdict(self).values())


@dataclass
class Document:
    url: str
    source_id: str
    parser: str
    canonical_url: str = ""
    stable_id: str | None = None  # site-stable id, e.g. a1283251 → doc_key c114:a1283251
    kind: str = "news"  # news | policy | interpretation
    title: str = ""
    subtitle: str | None = None
    text: str = ""
    published_at: datetime | None = None
    author: str | None = None
    origin: str | None = None
    editor: str | None = None
    lang: str = "und"
    policy: PolicyMeta | None = None
    attachments: list[AttachmentLink] = field(default_factory=list)
    is_empty: bool = False
    error: str | None = None  # why the document is empty, one line
    not_article: str | None = None  # a 404/WAF/login page served as 200: never stored as a document
    drift: list[str] = field(default_factory=list)  # fields the site parser missed and the generic path filled

    @property
    def doc_key(self) -> str:
        if self.stable_id:
            return f"{self.source_id}:{self.stable_id}"
        return f"url:{self.canonical_url or self.url}"

    @property
    def content_hash(self) -> str:
        """sha256 over the NFKC title and text: identical content ⇒ identical hash."""
        norm = nfkc(self.title.strip()) + "\n" + nfkc(self.text.strip())
        return hashlib.sha256(norm.encode("utf-8")).hexdigest()

    def to_contract(self) -> dict:
        """The JSON object printed by `futurewatch parse` (keys fixed by the issue)."""
        pol = self.policy or PolicyMeta()
        return {
            "title": self.title,
            "text": self.text,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "author": self.author,
            "origin": self.origin,
            "lang": self.lang,
            "doc_number": pol.doc_number,
            "issuers": list(pol.issuers),
            "index_no": pol.index_no,
            "written_at": pol.written_at.isoformat() if pol.written_at else None,
            "attachments": [
                {k: v for k, v in asdict(a).items() if k != "text"} | {"has_text": bool(a.text)}
                for a in self.attachments
            ],
            "parser": self.parser,
        }
