"""A synthetic archive built from the five seed documents, for search tests and bench.load_search.

Each document is a random mix of seed sentences: some turned into Traditional characters
(OpenCC s2t) and some Traditional ones into Simplified, with a few characters swapped at random
so that longer substrings are not all shared. Rows are loaded with COPY and explicit ids.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

import opencc
import psycopg
from psycopg import sql

SEEDS = Path(__file__).parent / "seeds"
SENTENCE_END = re.compile(r"(?<=[。！？；!?])")
HAN = re.compile(r"[\u4e00-\u9fff]")
EPOCH = datetime(2024, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class SampleDoc:
    document_id: int
    title: str
    text: str
    published_at: datetime


@lru_cache(maxsize=1)
def load_sentences() -> tuple[str, ...]:
    """Seed sentences with at least eight Han characters (front matter and URLs drop out)."""
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for sentence in SENTENCE_END.split(line.strip()):
                if len(HAN.findall(sentence)) >= 8:
                    sentences.append(sentence.strip())
    return tuple(sentences)


@lru_cache(maxsize=2)
def converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def vary_sentence(sentence: str, rng: random.Random, pool: str) -> str:
    roll = rng.random()
    if roll < 0.15:
        sentence = converter("s2t").convert(sentence)
    elif roll < 0.3:
        sentence = converter("t2s").convert(sentence)
    return swap_char(sentence, rng, pool)


def build_doc(document_id: int, rng: random.Random, target_chars: int, *, mixed: bool = True) -> SampleDoc:
    """mixed: sentences change script one by one; otherwise the whole document is written in one
    script (15% Traditional, like a Hong Kong source among mainland ones)."""
    sentences = load_sentences()
    pool = pool_chars()
    vary = (lambda s: vary_sentence(s, rng, pool)) if mixed else (lambda s: swap_char(s, rng, pool))
    parts, size = [], 0
    while size < target_chars:
        sentence = vary(rng.choice(sentences))
        parts.append(sentence)
        size += len(sentence)
    title = vary(rng.choice(sentences))[:30]
    text = "\n".join("".join(parts[i : i + 4]) for i in range(0, len(parts), 4))
    if not mixed:
        script = converter("s2t") if rng.random() < 0.15 else converter("t2s")
        title, text = script.convert(title), script.convert(text)
    published = EPOCH + timedelta(minutes=rng.randrange(600 * 24 * 60))
    return SampleDoc(document_id, title, text, published)


@lru_cache(maxsize=1)
def pool_chars() -> str:
    return "".join(load_sentences())


def swap_char(sentence: str, rng: random.Random, pool: str) -> str:
    if rng.random() < 0.5:
        at = rng.randrange(len(sentence))
        sentence = sentence[:at] + rng.choice(pool) + sentence[at + 1 :]
    return sentence


def build_corpus(count: int, *, seed: int = 7, target_chars: int = 400, first_id: int = 1,
                 mixed: bool = True) -> list[SampleDoc]:
    rng = random.Random(seed)
    return [build_doc(first_id + i, rng, target_chars, mixed=mixed) for i in range(count)]


def ensure_source(conn: psycopg.Connection, source_id: str = "sample") -> None:
    conn.execute(
        "INSERT INTO sources (source_id, name, kind) VALUES (%(id)s, %(id)s, 'news') "
        "ON CONFLICT (source_id) DO NOTHING",
        {"id": source_id},
    )


def version_row(doc: SampleDoc) -> tuple:
    digest = hashlib.sha256((doc.title + "\n" + doc.text).encode()).hexdigest()
    return (doc.document_id, doc.document_id, 1, doc.title, doc.text, doc.published_at, digest, "sample.V1")


def copy_docs(conn: psycopg.Connection, docs: list[SampleDoc], source_id: str = "sample") -> None:
    """Load documents and one version each (version_id = document_id) with COPY, in one transaction."""
    ensure_source(conn, source_id)
    with conn.cursor() as cur:
        with cur.copy(
            "COPY documents (document_id, doc_key, source_id, canonical_url, current_version_id) FROM STDIN"
        ) as copy:
            for doc in docs:
                key = f"{source_id}:{doc.document_id}"
                copy.write_row((doc.document_id, key, source_id, f"https://example.cn/{key}", doc.document_id))
        with cur.copy(
            "COPY document_versions (version_id, document_id, version_no, title, text, published_at,"
            " content_hash, parser) FROM STDIN"
        ) as copy:
            for doc in docs:
                copy.write_row(version_row(doc))
    reset_sequences(conn)


def reset_sequences(conn: psycopg.Connection) -> None:
    for table, column in (("documents", "document_id"), ("document_versions", "version_id")):
        query = sql.SQL(
            "SELECT setval(pg_get_serial_sequence(%(t)s, %(c)s), (SELECT coalesce(max({c}), 0) + 1 FROM {t}), false)"
        ).format(c=sql.Identifier(column), t=sql.Identifier(table))
        conn.execute(query, {"t": table, "c": column})
