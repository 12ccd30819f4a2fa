"""References from one policy text to others: 《title》 (optionally with its 文号) or a bare 文号,
with the relation the sentence states.

    implements  为贯彻落实《…》, 根据《…》, 依据/按照《…》
    amends      修改《…》, 对《…》进行修订
    abolishes   废止《…》, 《…》不再执行
    supersedes  本办法自…起施行，原《…》同时废止 / 代替《…》
    interprets  a 解读 whose title or text names the policy it explains
    cites       any other 《…》 that is a policy document's title

Each reference keeps the sentence it came from as evidence, and keys (normalised title, 文号)
by which the archive resolves it, now or when the target arrives later (parsers.policy_store).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from futurewatch.core.textnorm import nfkc
from parsers import institutions, policy

MAX_REFERENCES = 60  # per document; more is a list of regulations, not references
MAX_EVIDENCE = 300
_SENTENCE = re.compile(r"[^。；;！？\n]+[。；;！？]?")
_QUOTED = re.compile(r"《([^《》]{4,80})》\s*(?:[（(]\s*([^（）()]{4,30}?号)\s*[）)])?")
GENRE = re.compile(r"(意见|通知|办法|规定|方案|计划|规划|纲要|措施|条例|决定|指南|细则|政策|目录|标准|法|通告|公告|批复|"
                   r"要求|清单|行动|战略|建议|规则|指引|若干措施|实施方案|工作方案|暂行办法)(?:（[^）]*）)?$")
_ISSUER_HEAD = re.compile(r"^(?P<head>[^《》，。]{2,80}?)(?:等[\d一二三四五六七八九十]{0,3}个?(?:部门|单位|部委))?(?=关于)")
_INNER = (re.compile(r"(?:印发|转发|发布)《(?P<inner>[^《》]{4,80})》"),
          re.compile(r"(?:印发|转发|发布)(?P<inner>[^《》]{4,80}?)的(?:通知|通告|公告|函)$"))
RULES = (  # (relation, pattern over the text before the title, pattern over the text after it)
    ("supersedes", None, re.compile(r"^\s*(?:[（(][^）)]*[）)])?\s*同时(?:废止|停止执行)")),
    ("supersedes", re.compile(r"(?:代替|取代|替代)\s*$"), None),
    ("abolishes", re.compile(r"(?:废止|撤销)\s*$"), None),
    ("abolishes", None, re.compile(r"^\s*(?:[（(][^）)]*[）)])?\s*(?:予以|同时|即行)?(?:废止|不再执行|停止执行)")),
    ("amends", re.compile(r"(?:修改|修订|修正)\s*$"), None),
    ("amends", re.compile(r"对\s*$"), re.compile(r"^[^，。；]{0,15}?(?:修改|修订|修正)")),
    ("implements", re.compile(r"(?:贯彻|落实|根据|依据|按照|遵照|贯彻落实|深入实施|实施)[^《》，。]{0,12}$"), None),
)
_RELATION_ORDER = ("interprets", "supersedes", "abolishes", "amends", "implements", "cites")


@dataclass
class Reference:
    relation: str
    evidence: str
    title: str | None = None
    doc_number: str | None = None
    url: str | None = None
    keys: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.keys[0]


def normalize(text: str) -> str:
    return re.sub(r"[\s《》〈〉“”\"'·・]", "", nfkc(text or ""))


def key_text(text: str) -> str:
    """The form keys compare: 的 dropped too (转发…关于推动未来产业创新发展实施意见 = …发展的实施意见)."""
    return normalize(text).replace("的", "")


def title_key(title: str) -> str:
    """The name a policy is referred to by: issuers before 关于 dropped (工业和信息化部等七部门关于… → 关于…)."""
    text = normalize(title)
    head = _ISSUER_HEAD.match(text)
    if head and re.search(r"(政府|厅|局|部|委|院|署|办公室|委员会|行|中心)$", head.group("head")):
        text = text[head.end():]
    return "t:" + key_text(text)


def inner_title(title: str) -> str | None:
    """关于印发《X》的通知 → X (the document a notice publishes)."""
    text = re.sub(r"\s+", "", nfkc(title or ""))
    match = _INNER[0].search(text) or _INNER[1].search(text)
    return normalize(match.group("inner")) if match else None


def name_keys(title: str, doc_number: str | None, urls: list[str] = ()) -> list[str]:
    """Every key by which a document can be referred to: its title, the title it publishes, its 文号, URLs."""
    keys = [title_key(title)] if title else []
    inner = inner_title(title or "")
    if inner:
        keys.append(title_key(inner))
    if doc_number:
        keys.append("dn:" + doc_number)
    keys += ["url:" + u for u in urls]
    return list(dict.fromkeys(k for k in keys if len(k) > 5))


def relation_for(before: str, after: str) -> str:
    for relation, head, tail in RULES:
        if (head is None or head.search(before)) and (tail is None or tail.search(after)):
            return relation
    return "cites"


_BRACKET = re.compile(rf"{policy.OPEN_BRACKET}\s*{policy.YEAR}")
_LIST_GLUE = re.compile(r"^\s*(?:、|，|和|及|以及|与|或)\s*$")


def title_groups(sentence: str) -> list[list[re.Match]]:
    """Quoted document titles, grouped when listed together (《A》、《B》和《C》同时废止)."""
    groups: list[list[re.Match]] = []
    for match in _QUOTED.finditer(sentence):
        if not GENRE.search(match.group(1).strip()):
            continue
        if groups and _LIST_GLUE.match(sentence[groups[-1][-1].end():match.start()]):
            groups[-1].append(match)
        else:
            groups.append([match])
    return groups


def sentence_references(sentence: str, interpretation: bool) -> list[Reference]:
    found = []
    for group in title_groups(sentence):
        relation = relation_for(sentence[:group[0].start()], sentence[group[-1].end():])
        if interpretation and relation == "cites" and re.search(r"解读|答记者问|政策问答|相关文件|原文|政策文件", sentence):
            relation = "interprets"
        for match in group:
            number = policy.normalize_doc_number(match.group(2)) if match.group(2) else None
            keys = [title_key(match.group(1).strip())] + (["dn:" + number] if number else [])
            found.append(Reference(relation, sentence.strip()[:MAX_EVIDENCE], title=match.group(1).strip(),
                                   doc_number=number, keys=keys))
    return found


def bare_numbers(sentence: str) -> list[Reference]:
    """根据粤府〔2023〕5号文件 and the like: a 文号 with no 《title》 before it."""
    found = []
    if not _BRACKET.search(sentence):
        return found
    for match in policy.DOC_NUMBER.finditer(sentence):
        if "》" in sentence[max(0, match.start() - 2):match.start()]:
            continue
        start = match.start() + _prefix_start(match.group(1))
        number = policy.normalize_doc_number(sentence[start:match.end()])
        relation = relation_for(sentence[:start], sentence[match.end():])
        found.append(Reference(relation, sentence.strip()[:MAX_EVIDENCE], doc_number=number, keys=["dn:" + number]))
    return found


_CUE = re.compile(r"^.*(?:根据|依据|按照|贯彻|落实|执行|参照|印发|转发|废止|修改|修订|见|和|及|与|的)")


def _prefix_start(prefix: str) -> int:
    """Where a 文号's own prefix starts in the characters the pattern took (根据国办发 → 2)."""
    for start in range(len(prefix)):
        if institutions.issuer_from_doc_number(prefix[start:] + "〔2000〕1号"):
            return start
    cue = _CUE.match(prefix)
    return cue.end() if cue and cue.end() < len(prefix) else 0


def extract_references(title: str, text: str, kind: str, doc_number: str | None = None) -> list[Reference]:
    """References of one document, one per (relation, target), strongest relation kept."""
    own = set(name_keys(title, doc_number or policy.find_doc_number(title)))
    interpretation = kind == "interpretation"
    found: dict[str, Reference] = {}
    sources = [title] + _SENTENCE.findall(text or "")
    for sentence in sources:
        if "《" not in sentence and not _BRACKET.search(sentence):
            continue
        refs = sentence_references(sentence, interpretation) + bare_numbers(sentence)
        if interpretation and sentence is title:
            for ref in refs:
                ref.relation = "interprets"
        for ref in refs:
            if ref.key in own:
                continue
            kept = found.get(ref.key)
            if kept is None or _RELATION_ORDER.index(ref.relation) < _RELATION_ORDER.index(kept.relation):
                found[ref.key] = ref
    refs = list(found.values())[:MAX_REFERENCES]
    if interpretation and not any(r.relation == "interprets" for r in refs):
        first = next((r for r in refs if r.relation == "cites" and r.title), None)
        if first:  # a 解读 that names no policy in its title explains the first one its text names
            first.relation = "interprets"
    return refs
