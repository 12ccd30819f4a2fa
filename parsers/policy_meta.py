"""Completing a policy's metadata from its title, body and URL: issuers with level and region,
written/published/effective/expiry dates, validity, and the links and measures it contains.

    complete_policy(doc) -> PolicyMeta | None      (called once per parsed page by parsers.api)

The page's own metadata table wins where it says something; the text fills what it leaves out:
issuers from the title (广东省工业和信息化厅等六部门关于…), the header or signature block (one body
per line), else the 文号 prefix; 成文日期 from the date under the signature; 有效期 from the clause.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import urlsplit

from futurewatch.core.textnorm import to_simplified
from parsers import dates, institutions as inst, policy, policy_links, policy_measures
from parsers.document import Document, PolicyMeta

ORG_SUFFIX = re.compile(r"(政府|办公厅|办公室|委员会|管理局|总局|厅|局|部|委|院|署|银行|中心|中央|党组|党委)$")
_PUNCT = re.compile(r"[，。：:；;《》“”\"（）()〔〕！？、]")
_TITLE_ISSUERS = re.compile(r"^(?P<names>[^《》，。]{2,120}?)(?:等(?P<n>[\d一二三四五六七八九十]{1,3})个?(?:部门|单位|部委))?"
                            r"(?:联合)?(?:关于|印发|转发|发布)")
_DATE_LINE = re.compile(r"^\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○一二三四五六七八九]{4}年[〇一二三四五六七八九十]{1,3}月"
                        r"[〇一二三四五六七八九十]{1,3}日|(?:19|20)\d{2}-\d{1,2}-\d{1,2})\s*$")
# a 有效期 clause about the document itself (not 认定有效期3年 of a certificate it creates)
_OWN_CLAUSE = re.compile(rf"{policy.OWN_DOCUMENT}|起(?:施行|实施|执行|生效)")
_CLAUSE = re.compile(r"[^。；;\n]+")
_VALID_UNTIL = re.compile(r"有效期(?:至|到)\s*(\S{6,16}?日)")
_VALID_YEARS = re.compile(r"有效期(?:为)?\s*([\d一二两三四五六七八九十]{1,3})\s*年")
MAX_ISSUERS = 40  # joint issuers kept per document (the longest real lists have about 20)
HEAD_LINES = 60  # a notice's header and signature sit in its first lines …
TAIL_LINES = 15  # … a document's own signature in its last ones


def head_and_tail(lines: list[str]) -> list[str]:
    if len(lines) <= HEAD_LINES + TAIL_LINES:
        return lines
    return lines[:HEAD_LINES] + [""] + lines[-TAIL_LINES:]


def small_number(token: str) -> int | None:
    """3, 三, 十, 十二 → int (counts of departments and years of validity)."""
    value = policy_measures.cn_to_number(token)
    return None if value is None else int(value)


def org_names(text: str) -> list[str] | None:
    """A run of body names separated by spaces or 、 (read in Simplified) → the names; None if anything
    else is in it."""
    tokens = [t for t in re.split(r"[\s\u3000、]+", to_simplified(text.strip())) if t]
    if not tokens or any(len(t) < 2 or len(t) > 30 or _PUNCT.search(t) or not ORG_SUFFIX.search(t) or t[0] == "各"
                         for t in tokens):
        return None
    return tokens


def title_issuers(title: str) -> list[str]:
    """Issuers printed before 关于/印发 in the title, Traditional too (the lead one only when it says 等N部门)."""
    match = _TITLE_ISSUERS.match(re.sub(r"\s+", " ", to_simplified(title or "")).strip())
    return (org_names(match.group("names")) or []) if match else []


def listed_issuers(lines: list[str]) -> list[str]:
    """The longest run of lines made only of body names in the head of the text (header or signature)."""
    best: list[str] = []
    run: list[str] = []
    for line in head_and_tail(lines) + [""]:
        names = org_names(line) if len(line) <= 80 else None
        if names:
            run += names
            continue
        if len(dict.fromkeys(run)) > len(best):
            best = list(dict.fromkeys(run))
        run = []
    return best if len(best) >= 2 else []


def choose_issuers(title: str, printed: list[str], lines: list[str]) -> list[str]:
    """Title names first, then the metadata's; a longer list (header/signature) that includes the
    lead issuer replaces them, which expands 等N部门."""
    listed = listed_issuers(lines)
    base = title_issuers(title) or printed
    for longer in (listed, printed):
        if base and len(longer) > len(base) and _same_body(base[0], longer):
            base = longer
    return base or listed


def _same_body(name: str, names: list[str]) -> bool:
    short = inst.clean_name(name)
    return any(inst.clean_name(n) == short or inst.clean_name(n).endswith(short) for n in names)


def document_region(doc: Document, doc_number: str | None) -> inst.Region | None:
    return (inst.region_of_doc_number(doc_number) or inst.region_of_title(doc.title)
            or inst.region_of_host(urlsplit(doc.url).hostname or ""))


def resolve_issuers(names: list[str], region: inst.Region | None, doc_number: str | None) -> list[inst.Issuer]:
    found = [i for i in (inst.resolve_issuer(n, region) for n in names) if i]
    if not found or all(i.level is None for i in found):
        by_number = inst.issuer_from_doc_number(doc_number)
        found = [by_number] if by_number else found
    return list({i.name: i for i in found}.values())[:MAX_ISSUERS]


def signature_date(lines: list[str]) -> date | None:
    """成文日期: the first line that is only a date (under the signature), Chinese numerals included."""
    for line in head_and_tail(lines):
        if _DATE_LINE.match(line):
            found = dates.find_date(line.replace(" ", ""))
            if found:
                return found.date()
    return None


def validity_clause(text: str) -> str:
    """The sentence that sets the document's own 有效期 ('' when none does)."""
    return next((s for s in _CLAUSE.findall(text or "") if "有效期" in s and _OWN_CLAUSE.search(s)), "")


def expiry_date(text: str, start: date | None) -> date | None:
    """有效期至 D → D; 有效期N年 → start + N years − 1 day (from the document's own clause only,
    read in Simplified: 本辦法…有效期為3年 too)."""
    clause = validity_clause(to_simplified(text))
    if match := _VALID_UNTIL.search(clause):
        return dates.to_date(match.group(1))
    match = _VALID_YEARS.search(clause)
    years = small_number(match.group(1)) if match else None
    if not years or start is None:
        return None
    try:
        return start.replace(year=start.year + years) - timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def complete_dates(meta: PolicyMeta, doc: Document, lines: list[str]) -> None:
    meta.written_at = meta.written_at or signature_date(lines)
    if meta.published_on is None and doc.published_at is not None:
        meta.published_on = doc.published_at.astimezone(dates.SHANGHAI).date()
    own = policy.effective_clause(doc.text)
    if meta.effective_on is None and own and own.group("act"):  # 印发之日: the 成文日期; 发布/公布之日: the publication
        first, second = (meta.written_at, meta.published_on) if own.group("act") in ("印发", "下发") \
            else (meta.published_on, meta.written_at)
        meta.effective_on = first or second
    meta.effective_on = meta.effective_on or policy.find_effective_date(doc.text)
    meta.expires_on = expiry_date(doc.text, meta.effective_on or meta.published_on or meta.written_at)


def is_policy_like(doc: Document) -> bool:
    return doc.policy is not None or doc.kind in ("policy", "interpretation")


def complete_policy(doc: Document) -> PolicyMeta | None:
    """doc.policy completed from the document itself (None for news without policy metadata)."""
    if not is_policy_like(doc) or doc.is_empty:
        return doc.policy
    meta = doc.policy or PolicyMeta()
    lines = doc.text.splitlines()
    meta.doc_number = meta.doc_number or policy.find_doc_number(doc.title) or policy.find_doc_number(doc.text)
    region = document_region(doc, meta.doc_number)
    names = choose_issuers(doc.title, meta.issuers, lines)
    resolved = resolve_issuers(names, region, meta.doc_number)
    meta.issuers = [i.name for i in resolved]
    meta.issuer_details = resolved
    meta.region = resolved[0].region if resolved and resolved[0].region else (region.name if region else None)
    complete_dates(meta, doc, lines)
    if doc.kind == "policy":
        meta.validity = meta.validity or "in_force"
    meta.references = policy_links.extract_references(doc.title, doc.text, doc.kind, meta.doc_number)
    meta.measures = policy_measures.extract_measures(doc.text, meta.written_at or meta.published_on, meta.expires_on,
                                                     validity_clause(doc.text) or "有效期")
    return meta


def policy_json(meta: PolicyMeta) -> dict:
    """What `futurewatch parse` prints about a policy beyond the contract keys: dates, validity,
    issuers with level and region, references and measures (the fields complete_policy fills)."""
    day = lambda d: d.isoformat() if d else None  # noqa: E731
    return {
        "published_on": day(meta.published_on), "effective_on": day(meta.effective_on),
        "expires_on": day(meta.expires_on), "validity": meta.validity, "region": meta.region,
        "issuers": [{"name": i.name, "level": i.level, "region": i.region} for i in meta.issuer_details],
        "references": [{"relation": r.relation, "title": r.title, "doc_number": r.doc_number, "url": r.url,
                        "evidence": r.evidence} for r in meta.references],
        "measures": [{"kind": m.kind, "amount_yuan": _number(m.amount_yuan),
                      "target_year": m.target_year, "due_on": day(m.due_on), "text": m.text} for m in meta.measures],
    }


def _number(amount) -> int | float | None:
    return None if amount is None else int(amount) if amount == int(amount) else float(amount)
