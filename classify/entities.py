"""Entities: org and place from dictionaries (matched by the shared automaton), and
policy_title, doc_number, money and target_year from patterns on the normalised text."""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import Iterator, NamedTuple

import yaml

from classify.matcher import Entry, Hit, build_entry
from classify.scan import SEPARATOR, Scan
from futurewatch.core.termmatch import MatchForm
from futurewatch.core.textnorm import nfkc, to_simplified

DATA_DIR = Path(__file__).with_name("data")

# The extractor's identity, recorded per version with its stored mentions (entity_extractions):
# a reclassification extracts again only where the recorded one differs. Its digest covers the
# dictionaries, this module (the patterns) and the modules it reads text through (scan, matcher,
# matching form and offsets, normaliser) and the versions of the conversion tables the
# normaliser reads (OpenCC's Traditional → Simplified, Python's Unicode data for NFKC); bump
# EXTRACTOR_VERSION when any other change can change what is extracted.
EXTRACTOR_VERSION = 1
EXTRACTOR_TABLES = (("OpenCC", importlib.metadata.version("OpenCC")), ("unicodedata", unicodedata.unidata_version))


def _source(name: str) -> Path:
    """The source file of a loaded module (of a compiled one: the .py beside its extension)."""
    path = Path(str(sys.modules[name].__file__))
    return path if path.suffix == ".py" else path.with_name(name.rpartition(".")[2] + ".py")


EXTRACTOR_FILES = (DATA_DIR / "orgs.yaml", DATA_DIR / "places.yaml",
                   *(_source(name) for name in
                     (__name__, "classify.scan", "classify.matcher", MatchForm.__module__, nfkc.__module__)))


@lru_cache(maxsize=1)
def extractor_digest() -> str:
    """The current entity extractor: EXTRACTOR_VERSION and a hash of EXTRACTOR_FILES and EXTRACTOR_TABLES."""
    digest = hashlib.sha256(f"{EXTRACTOR_VERSION} {EXTRACTOR_TABLES}".encode())
    for path in EXTRACTOR_FILES:
        digest.update(path.read_bytes())
    return f"v{EXTRACTOR_VERSION}-{digest.hexdigest()[:16]}"


class Entity(NamedTuple):
    type: str
    text: str        # the surface form as published
    canonical: str
    field: str       # title | lead | body
    start: int       # offsets into the field's original text
    end: int


@lru_cache(maxsize=1)
def load_dictionaries() -> dict[str, dict[str, list[str]]]:
    """{"org": {canonical: [aliases]}, "place": {...}} from the data files."""
    orgs: dict[str, list[str]] = {}
    for group in yaml.safe_load((DATA_DIR / "orgs.yaml").read_text(encoding="utf-8")).values():
        for canonical, aliases in group.items():
            orgs[canonical] = [canonical, *(aliases or [])]
    return {"org": orgs, "place": _read_places()}


def _read_places() -> dict[str, list[str]]:
    data = yaml.safe_load((DATA_DIR / "places.yaml").read_text(encoding="utf-8"))
    places: dict[str, list[str]] = {}
    gd = data["guangdong"]
    places["广东省"] = ["广东省", *gd["广东省"]["short"]]
    for city, info in gd["cities"].items():
        places[city] = [city, *(info.get("short") or [])]
        for district, short in (info.get("districts") or {}).items():
            canonical = district if district.startswith(city) else city + district
            places[canonical] = [canonical, district, *([short] if short else [])]
    for group in ("zones", "provinces", "cities"):
        for canonical, aliases in data[group].items():
            places[canonical] = [canonical, *(aliases or [])]
    return places


def build_entity_entries() -> Iterator[Entry]:
    for etype, table in load_dictionaries().items():
        for canonical, aliases in table.items():
            for alias in dict.fromkeys(aliases):
                yield build_entry(etype, canonical, alias)


_YEAR = r"(?:19|20)\d{2}|[二][〇零○o0][一二三四五六七八九〇零○][〇零○一二三四五六七八九]"
_DOC_NUMBER = re.compile(r"[〔\[【〖(]\s*((?:19|20)\d{2})\s*[〕\]】〗)]\s*第?(\d{1,4})\s*号")
_HAN_RUN_END = re.compile(r"[\u4e00-\u9fff]{1,14}$")
_POLICY_TITLE = re.compile(r"《([^《》\n\x00]{2,100})》")
_MONEY = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?|[一二三四五六七八九十两][一二三四五六七八九十百千两〇零]*|[百千](?=[万亿]))"
    r"\s*(万亿|千亿|百亿|亿|千万|百万|万|千)?\s*(元人民币|元|美元|港元|港币|欧元|日元)"
)
_TARGET_YEAR = re.compile(rf"(?:到|至|截至)\s*({_YEAR})\s*年|({_YEAR})\s*年(?:前|底前|以前)")
# Every _MONEY match is made of these characters and holds 元 or 币 (港币); every _TARGET_YEAR
# match is made of these and holds 年; every _DOC_NUMBER match, of these and 号. Scanning only
# the runs of such characters around an anchor gives the same matches as finditer over the
# whole text, at a fraction of the cost (the patterns start with alternations or a character
# class, so `re` tries them at every position).
_MONEY_CHARS = r"[\d\s,.一二三四五六七八九十两百千〇零万亿元人民币美港欧日]"
_TARGET_YEAR_CHARS = r"[\d\s到至截二〇零○o0一三四五六七八九年前底以]"
_DOC_NUMBER_CHARS = r"[\d\s〔\[【〖(〕\]】〗)第号]"


@dataclass(frozen=True)
class _Anchored:
    pattern: re.Pattern
    anchors: str        # every match holds one of these characters
    char: re.Pattern    # one allowed character
    run: re.Pattern     # a run of allowed characters
    plain: frozenset[str]   # allowed characters known without `char` (its listed ones, ASCII digits, space)

    def finditer(self, text: str) -> Iterator[re.Match]:
        """pattern.finditer(text), run by run."""
        end = 0
        is_inside, plain = self.char.match, self.plain
        for at in _positions(text, self.anchors):
            if at < end:
                continue
            start = at
            while start > end and (text[start - 1] in plain or is_inside(text, start - 1)):
                start -= 1
            end = self.run.match(text, at).end()   # type: ignore[union-attr]  # `*`: always a match
            yield from self.pattern.finditer(text, start, end)


def _positions(text: str, chars: str) -> list[int]:
    """Where any of `chars` occurs, in order (str.find: a character class in `re` searches
    seven times slower)."""
    out = []
    for ch in chars:
        at = text.find(ch)
        while at >= 0:
            out.append(at)
            at = text.find(ch, at + 1)
    if len(chars) > 1:
        out.sort()
    return out


def _anchored(pattern: re.Pattern, anchors: str, chars: str) -> _Anchored:
    char = re.compile(chars)
    plain = frozenset(c for c in set(chars) | set("0123456789 ") if char.fullmatch(c))
    return _Anchored(pattern, anchors, char, re.compile(chars + "*"), plain)


_MONEY_RUNS = _anchored(_MONEY, "元币", _MONEY_CHARS)
_TARGET_YEAR_RUNS = _anchored(_TARGET_YEAR, "年", _TARGET_YEAR_CHARS)
_DOC_NUMBER_RUNS = _anchored(_DOC_NUMBER, "号", _DOC_NUMBER_CHARS)

_PROVINCE_STARTS = set("粤穗深珠汕佛韶河梅惠莞中江阳湛茂肇清潮揭云京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘桂琼川蜀黔贵滇藏陕甘青宁新港澳")
_STATE_STARTS = set("国中")
_LEAD_JUNK = ("印发", "关于", "根据", "依据", "按照", "参照", "文件", "通知", "转发", "见")
_CN_DIGITS = {"〇": "0", "零": "0", "○": "0", "o": "0", "0": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}


def _doc_prefix(run: str) -> str:
    """The issuer abbreviation of a 文号 from the Han characters before the bracket."""
    run = run[-10:]
    for starts in (_PROVINCE_STARTS, _STATE_STARTS):
        for i in range(len(run) - 1, -1, -1):
            if run[i] in starts and (i == 0 or run[i - 1] not in starts):
                return run[i:]
    for junk in _LEAD_JUNK:
        if junk in run:
            run = run.rsplit(junk, 1)[1]
    return run[-8:]


def _year(raw: str) -> str:
    return raw if raw.isdigit() else "".join(_CN_DIGITS.get(ch, ch) for ch in raw)


def _canonical_text(original: str) -> str:
    return "".join(to_simplified(nfkc(original)).split())


def document_entities(doc: Scan, lead_chars: int) -> list[Entity]:
    """Every entity of a scanned document in position order, with offsets into its title or text.

    Org and place names come from the scan's dictionary hits (leftmost-longest), except inside
    a policy title or 文号, which the name belongs to; the pattern types from the normalised text."""
    return batch_entities([doc], lead_chars)[0]


def batch_entities(docs: list[Scan], lead_chars: int) -> list[list[Entity]]:
    """document_entities() of each scan, each step over them all in turn (the dictionary hits,
    the patterns, then the offsets): each step's code stays in the caches."""
    names = [select_dictionary_hits(doc.names, doc.form) for doc in docs]
    found = [list(extract_pattern_entities(doc.form, doc.title + SEPARATOR + doc.text)) for doc in docs]
    return [_placed(doc, doc_names, doc_found, lead_chars) for doc, doc_names, doc_found in zip(docs, names, found)]


def _placed(doc: Scan, names: list[Hit], found: list[tuple[str, int, int, str]], lead_chars: int) -> list[Entity]:
    """The document's entities from its chosen names and pattern matches, in position order."""
    if found:
        titles = [(s, e) for t, s, e, _ in found if t in ("policy_title", "doc_number")]
        if titles:
            inside_title = _covered_test(titles)
            names = [h for h in names if not inside_title(h[0], h[1])]
        found += [(entry.kind, start, end, entry.ref) for start, end, entry in names]
        found.sort(key=_POSITION_TYPE)
    elif names:   # non-overlapping and by start: already in order
        found = [(entry.kind, start, end, entry.ref) for start, end, entry in names]
    else:
        return []
    title, text = doc.title, doc.text
    out = []
    for (etype, _, _, canonical), (in_title, a, b) in zip(found, doc.source_spans([(x[1], x[2]) for x in found])):
        if in_title:
            out.append(_new(Entity, (etype, title[a:b], canonical, "title", a, b)))
        else:
            out.append(_new(Entity, (etype, text[a:b], canonical, "lead" if a < lead_chars else "body", a, b)))
    return out


_new = tuple.__new__   # a NamedTuple without its Python-level __new__
_POSITION_TYPE = itemgetter(1, 0)


def _covered_test(spans: list[tuple[int, int]]):
    """A test `(start, end) -> bool`: does any of `spans` (one or more) contain start..end?"""
    spans.sort()
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # furthest end among spans starting so far

    def covered(start: int, end: int) -> bool:
        i = bisect_right(starts, start)
        return i > 0 and reach[i - 1] >= end
    return covered


def extract_pattern_entities(norm: MatchForm, original: str) -> Iterator[tuple[str, int, int, str]]:
    """(type, start, end, canonical) with offsets in the normalised text. Each pattern runs only
    when a character that all its matches hold occurs (《, 号, 元 or 币, 年)."""
    text = norm.text
    if "《" in text:
        for m in _POLICY_TITLE.finditer(text):
            a, b = norm.span(m.start(1), m.end(1))
            yield "policy_title", m.start(), m.end(), _canonical_text(original[a:b])
    if "号" in text:
        for m in _DOC_NUMBER_RUNS.finditer(text):
            run = _HAN_RUN_END.search(text, max(0, m.start() - 14), m.start())
            if run is None:
                continue
            prefix = _doc_prefix(run.group())
            canon = to_simplified(f"{prefix}〔{m.group(1)}〕{int(m.group(2))}号")
            yield "doc_number", m.start() - len(prefix), m.end(), canon
    if "元" in text or "币" in text:
        for m in _MONEY_RUNS.finditer(text):
            amount = m.group(1).replace(",", "")
            currency = "元" if m.group(3) in ("元", "元人民币") else m.group(3)
            yield "money", m.start(), m.end(), f"{amount}{m.group(2) or ''}{currency}"
    if "年" in text:
        for m in _TARGET_YEAR_RUNS.finditer(text):
            yield "target_year", m.start(), m.end(), f"{_year(m.group(1) or m.group(2))}年"


def select_dictionary_hits(hits: list[Hit], norm: MatchForm) -> list[Hit]:
    """Leftmost-longest, non-overlapping hits of `hits` (the scan's org and place names); a bare
    short place name alone in brackets is a byline (C114's "（南山）"), not a place."""
    candidates = sorted(hits, key=_END, reverse=True)   # longest first among equal starts (two stable
    candidates.sort(key=_START)                         # sorts: the order of sorting by (start, start - end))
    chosen: list[Hit] = []
    last_end = -1
    text = norm.text
    size = len(text)
    for hit in candidates:
        start, end, entry = hit
        if start < last_end or (end - start <= 3 and entry.kind == "place" and start and end < size
                                and text[start - 1] == "(" and text[end] == ")"):   # a byline
            continue
        chosen.append(hit)
        last_end = end
    return chosen


_START, _END = itemgetter(0), itemgetter(1)
