"""Stage-2 signals at sentence level: is a candidate a subject of the text or a track named
in passing inside another track's story?

Four features per candidate (SIGNAL_FEATURES), computed once per document with candidates:
- sentence_share: share of the sentences (title and body) that hold a counted hit of the track;
- sentence_ratio: its sentences / the sentences of the candidate named in most sentences;
- inside_top: share of its sentences that also name the top candidate (0 for the top one):
  a second track that only occurs inside the main track's sentences is an example, an enabler
  or a comparison (AI in a fusion story, EVs in a robot story, a nuclear plant as a unit);
- relation_share: share of its first hits preceded, in the same sentence and within
  RELATION_REACH characters, by a word that relates a thing to another (相当于, 应用于, 搭载,
  借助, 赋能 …: comparison, application, equipment, means). General vocabulary of that kind,
  not phrases of any text; the words are in the matching form (folded to Simplified).
- modifier_share: share of its first hits followed, within MODIFIER_REACH characters and in
  the same clause, by a head noun of a person, a place or an incident (工程师, 车主, 附近, 门口,
  事故, 自燃, 被判 …): Chinese puts the modifier before its head, so a track word there names
  whose employee, which plant's surroundings or whose accident the story is about, a
  backdrop rather than the subject (general vocabulary of those three kinds, matching form).
Sentences end at 。!?; or a line break (the matching form folds full-width marks to ASCII); the
title counts as one sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from classify.scan import Scan
from classify.tracks import Track

SIGNAL_FEATURES = ["sentence_share", "sentence_ratio", "inside_top", "relation_share", "modifier_share"]
SENTENCE_MARKS: Final = "。!?;\n"
RELATION_REACH: Final = 12
RELATION = ("相当于", "如同", "例如", "比如", "诸如", "包括", "涵盖", "应用于", "用于", "运用", "搭载", "配备",
            "结合", "融合", "借助", "利用", "依托", "有助于", "助力", "赋能", "带动", "支撑", "驱动", "嵌入",
            "集成", "引入", "加持", "采用", "基于")
_RELATION = re.compile("|".join(RELATION))
MODIFIER_REACH: Final = 2   # characters allowed between a hit and the head noun it modifies (a surname: 施姓工程师)
HEADS = ("员工", "工程师", "工人", "职员", "女工", "车主", "司机", "乘客", "游客", "家属", "保安", "男子", "女子",
         "附近", "门口", "旁边", "周边", "对面", "隔壁", "宿舍", "小区", "食堂", "停车场", "路段", "路口",
         "事故", "爆炸", "起火", "失火", "自燃", "泄漏", "火灾", "命案", "案件", "遇难", "身亡", "坠毁", "坠落",
         "被撞", "被判", "被告", "起诉")
_HEAD = re.compile("[^。!?;,、\\s]{0,%d}(?:%s)" % (MODIFIER_REACH, "|".join(HEADS)))
_HEAD_SPAN: Final = MODIFIER_REACH + max(map(len, HEADS))
# The relation and head words (all in the matching form already) are keys of the classifier's
# automaton too, as cue classes of these names: the scan lists where they start, so a hit with
# none in reach skips the regexes, which stay the judge where one is.
SIGNAL_CUES = {"relation": RELATION, "head": HEADS}
_MAX_HITS: Final = 4   # as focus.MAX_HITS: relation_share looks at a track's first 4 counted hits
_SENTENCE_HITS: Final = 8   # the sentences named by a track are those of its first 8 counted hits


def sentence_ends(text: str, start: int) -> list[int]:
    """Where a sentence mark occurs from `start` on, in order (str.find per mark: twice as fast as
    a character class in `re`, which tries every position)."""
    out = []
    for mark in SENTENCE_MARKS:
        at = text.find(mark, start)
        while at >= 0:
            out.append(at)
            at = text.find(mark, at + 1)
    out.sort()
    return out


def signal_rows(doc: Scan, tracks: list[Track]) -> list[list[float]]:
    """SIGNAL_FEATURES per candidate, in the candidates' order (the top one first)."""
    text, split = doc.form.text, doc.split
    ends = sentence_ends(text, split)
    n_sentences = max((len(ends) + 1 if doc.text_len else 0) + (split > 1), 1)   # the title is one too
    relation, head = _RELATION.search, _HEAD.match
    relation_starts = sorted(doc.cues.get("relation", ()))   # the scan lists them by end
    head_starts = sorted(doc.cues.get("head", ()))
    n_relations, n_heads = len(relation_starts), len(head_starts)
    named, related, modifying = [], [], []
    start: int   # the loops' types, for the compiled module (classify/native.py)
    end: int
    for t in tracks:
        counted = t.counted
        sentences, near, heads = set(), 0, 0
        for _, _, h in counted[:_MAX_HITS]:   # their sentences, and a relation word in a hit's sentence
            start = h[0]                       # within RELATION_REACH before it
            if start >= split:
                k = bisect_left(ends, start)
                first = ends[k - 1] + 1 if k else split
            else:
                k, first = -1, 0   # -1: the title
            sentences.add(k)
            if n_relations:
                low = start - RELATION_REACH
                low = first if first > low else low
                i = bisect_left(relation_starts, low)
                if i < n_relations and relation_starts[i] < start and relation(text, low, start) is not None:
                    near += 1
            if n_heads:   # a head word starting at most MODIFIER_REACH characters after the hit
                end = h[1]
                i = bisect_left(head_starts, end)
                if i < n_heads and head_starts[i] <= end + MODIFIER_REACH and head(text, end, end + _HEAD_SPAN):
                    heads += 1
        for _, _, h in counted[_MAX_HITS:_SENTENCE_HITS]:
            start = h[0]
            sentences.add(bisect_left(ends, start) if start >= split else -1)
        named.append(sentences)
        n_first = min(len(counted), _MAX_HITS) or 1
        related.append(near / n_first)
        modifying.append(heads / n_first)
    most = max(map(len, named)) or 1
    top = named[0]
    rows = [[len(top) / n_sentences, len(top) / most, 0.0, related[0], modifying[0]]]
    for mine, near_share, head_share in zip(named[1:], related[1:], modifying[1:]):
        n = len(mine)
        rows.append([n / n_sentences, n / most, len(mine & top) / n if n else 0.0, near_share, head_share])
    return rows
