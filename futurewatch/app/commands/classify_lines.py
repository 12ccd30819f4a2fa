"""The output line of `futurewatch classify --jsonl`: {id, categories: [{code, score, evidence}],
entities: [{type, text, canonical}]}, as msgspec Structs (they encode as JSON objects, fields in
order, faster than dicts)."""

from __future__ import annotations

from itertools import starmap
from operator import itemgetter

import msgspec

from classify.classifier import Evidence, Result


class OutputLabel(msgspec.Struct):
    code: str
    score: float
    evidence: tuple[Evidence, ...]   # each encodes as {term, field, start, end}


class OutputEntity(msgspec.Struct):
    type: str
    text: str
    canonical: str


class OutputLine(msgspec.Struct):
    id: object
    categories: list[OutputLabel]
    entities: list[OutputEntity]


def render_result(doc_id, result: Result) -> OutputLine:
    """One result's line; an entity once, at its first occurrence."""
    unique = dict.fromkeys(map(_KEY, result.entities))   # (type, text, canonical), first occurrence order
    return OutputLine(doc_id, list(starmap(OutputLabel, map(_KEY, result.labels))),
                      list(starmap(OutputEntity, unique)))


_KEY = itemgetter(0, 1, 2)   # an Entity's type, text and canonical; a Label's code, score and evidence
