"""Corpus items written by a test, in the committed corpus's shape."""

import hashlib
import json


def corpus_rows(*items: dict) -> str:
    """JSON lines of corpus items with their own text (so stored), plus the metadata
    `load_corpus` reads: lang, genre, url, licence, sha256 and length."""
    rows = []
    for item in items:
        row = {"lang": "zh-Hans", "genre": "other", "url": f"https://example.org/{item['id']}",
               "licence": "test-text", "title": "", **item}
        row.update(sha256=hashlib.sha256(row["text"].encode("utf-8")).hexdigest(), length=len(row["text"]))
        rows.append(json.dumps(row, ensure_ascii=False) + "\n")
    return "".join(rows)
