"""Emerging terms: words and two-word compounds frequent in recent documents, rare before,
and in neither the taxonomy nor the entity dictionaries, listed for analysts to review.

Segmentation is rjieba (jieba-compatible, ≈24 MB/s) with a user dictionary of the taxonomy
terms and entity aliases, so known terms stay whole and are filtered out as known."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import rjieba

from classify.entities import load_dictionaries
from futurewatch.core.termmatch import normalize_term
from futurewatch.core.db import connect
from futurewatch.core.taxonomy import Taxonomy

_HAN = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9+\-]{2,10}$")
_HAS_HAN = re.compile(r"[\u4e00-\u9fff]")
_STOP_CHARS = set("的了和与在是等及对将为以于把被就也都而或其之这那个们中上下不有我你他她它")
_SELECT_DOCS = """
SELECT dv.version_id, dv.title, dv.text,
       COALESCE((dv.published_at AT TIME ZONE 'Asia/Shanghai')::date,
                (dv.created_at AT TIME ZONE 'Asia/Shanghai')::date) AS day
FROM documents d JOIN document_versions dv ON dv.version_id = d.current_version_id
WHERE COALESCE((dv.published_at AT TIME ZONE 'Asia/Shanghai')::date,
               (dv.created_at AT TIME ZONE 'Asia/Shanghai')::date) BETWEEN %(since)s AND %(until)s
ORDER BY dv.version_id DESC
LIMIT %(limit)s
"""
_UPSERT_CANDIDATE = """
INSERT INTO term_candidates (term, doc_count, occurrences, first_seen_on, last_seen_on, score, example)
VALUES (%(term)s, %(doc_count)s, %(occurrences)s, %(first)s, %(last)s, %(score)s, %(example)s)
ON CONFLICT (term) DO UPDATE
SET doc_count = EXCLUDED.doc_count, occurrences = EXCLUDED.occurrences,
    first_seen_on = LEAST(term_candidates.first_seen_on, EXCLUDED.first_seen_on),
    last_seen_on = GREATEST(term_candidates.last_seen_on, EXCLUDED.last_seen_on),
    score = EXCLUDED.score, example = EXCLUDED.example, updated_at = now()
"""


@dataclass(frozen=True)
class Candidate:
    term: str
    doc_count: int
    occurrences: int
    background_docs: int
    score: float
    first_seen_on: date
    last_seen_on: date
    example: str


def build_segmenter(taxonomy: Taxonomy) -> tuple[rjieba.Jieba, set[str]]:
    """A segmenter whose user dictionary holds every known term; and the known set."""
    seg = rjieba.Jieba()
    known: set[str] = set()
    words = [t for c in taxonomy.categories for t, _ in c.terms]
    words += [a for table in load_dictionaries().values() for aliases in table.values() for a in aliases]
    for word in words:
        norm = normalize_term(word)
        known.add(norm)
        if _HAS_HAN.search(norm):
            seg.add_word(norm, 50000, None)
    return seg, known


def extract_terms(seg: rjieba.Jieba, text: str) -> list[str]:
    """Candidate strings in one normalised text: unknown-looking words and adjacent pairs."""
    tokens = seg.cut(text, False)
    out = []
    for i, tok in enumerate(tokens):
        if _usable(tok) and len(tok) >= 3:
            out.append(tok)
        if i + 1 < len(tokens) and _usable(tok) and _usable(tokens[i + 1]):
            pair = tok + tokens[i + 1]
            if 3 <= len(pair) <= 8:
                out.append(pair)
    return out


def _usable(tok: str) -> bool:
    return bool(_HAN.match(tok)) and bool(_HAS_HAN.search(tok)) and not (set(tok) & _STOP_CHARS)


def select_candidates(db_url: str, taxonomy: Taxonomy, *, until: date, days: int = 30, min_docs: int = 3,
                      top: int = 50, max_docs: int = 20000) -> list[Candidate]:
    """Rank terms by recent document frequency against the window before it."""
    seg, known = build_segmenter(taxonomy)
    since = until - timedelta(days=days - 1)
    recent = _count(db_url, seg, since, until, max_docs)
    background = _count(db_url, seg, since - timedelta(days=days * 3), since - timedelta(days=1), max_docs)
    n_recent, n_back = max(recent.docs, 1), max(background.docs, 1)
    out = []
    for term, df in recent.df.items():
        if df < min_docs or term in known or seg.has_word(term) or any(term in k for k in known if len(k) > len(term)):
            continue
        back_df = background.df.get(term, 0)
        score = (df / n_recent) / ((back_df + 1) / (n_back + 1))
        out.append(Candidate(term, df, recent.occurrences[term], back_df, round(score, 3),
                             recent.first[term], recent.last[term], recent.example[term]))
    out.sort(key=lambda c: (-c.score, -c.doc_count, c.term))
    return out[:top]


@dataclass
class _Counts:
    docs: int
    df: Counter
    occurrences: Counter
    first: dict
    last: dict
    example: dict


def _count(db_url: str, seg, since: date, until: date, max_docs: int) -> _Counts:
    counts = _Counts(0, Counter(), Counter(), {}, {}, {})
    with connect(db_url) as conn:
        rows = conn.execute(_SELECT_DOCS, {"since": since, "until": until, "limit": max_docs})
        for row in rows:
            text = normalize_term(f"{row['title']}\n{row['text']}")
            terms = extract_terms(seg, text)
            counts.docs += 1
            counts.occurrences.update(terms)
            for term in set(terms):
                counts.df[term] += 1
                day = row["day"]
                counts.first[term] = min(counts.first.get(term, day), day)
                counts.last[term] = max(counts.last.get(term, day), day)
                if term not in counts.example:
                    k = text.find(term)
                    counts.example[term] = text[max(0, k - 20): k + len(term) + 20]
    return counts


def store_candidates(db_url: str, candidates: list[Candidate]) -> int:
    """Upsert into term_candidates; an analyst's accepted/rejected status is kept."""
    with connect(db_url) as conn, conn.transaction(), conn.cursor() as cur:
        cur.executemany(_UPSERT_CANDIDATE, [
            {"term": c.term, "doc_count": c.doc_count, "occurrences": c.occurrences, "first": c.first_seen_on,
             "last": c.last_seen_on, "score": c.score, "example": c.example} for c in candidates
        ])
    return len(candidates)
