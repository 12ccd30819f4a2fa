"""Canonical URLs, content identity, near-duplicate clustering and version diffs.

Near-duplicates are found with datasketch's MinHash + MinHashLSH over character 5-shingles of
the NFKC, Simplified text (so a Traditional reprint of a Simplified story still matches).
"""

from __future__ import annotations

import difflib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from datasketch import MinHash

from futurewatch.core.textnorm import normalize_for_match

NUM_PERM = 128
SCHEME = "affine32"  # datasketch ≥ 2.0's default; stored signatures are uint32 little-endian
SHINGLE = 5
LSH_THRESHOLD = 0.6  # estimated Jaccard over 5-shingles for "the same story"
_TRACKING = re.compile(r"^(utm_|spm$|from$|source$|share|wfr$|isappinstalled$|scene$|_t$|timestamp$|code$)", re.I)
_NON_TEXT = re.compile(r"[\s\W_]+")


def canonical_url(url: str) -> str:
    """Lower-case scheme/host, https for http, no fragment, default port or tracking params, sorted query."""
    parts = urlsplit(url.strip())
    scheme = "https" if parts.scheme in ("http", "https") else parts.scheme
    host = (parts.hostname or "").lower()
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)))
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    path = re.sub(r"/index\.s?html?$", "/", path)
    return urlunsplit((scheme, host, path, query, ""))


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    norm = _NON_TEXT.sub("", normalize_for_match(text))
    return {norm[i:i + k] for i in range(max(1, len(norm) - k + 1))} if norm else set()


def build_minhash(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles(text)])
    return mh


def minhash_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype("<u4").tobytes()


def minhash_from_bytes(raw: bytes) -> MinHash:
    import numpy as np

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(raw, dtype="<u4").astype("uint32"))


def change_summary(old_text: str, new_text: str, limit: int = 20) -> dict:
    """Paragraphs added and removed between two versions (at most `limit` of each)."""
    old, new = old_text.split("\n"), new_text.split("\n")
    added, removed = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            removed.extend(old[i1:i2])
        if op in ("replace", "insert"):
            added.extend(new[j1:j2])
    return {"added": [p for p in added if p.strip()][:limit], "removed": [p for p in removed if p.strip()][:limit]}


class StoryIndex:
    """Stories of the recent past in a MinHashLSH index: `match` finds the story a text belongs to."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.hashes: dict[int, MinHash] = {}

    def add(self, story_id: int, mh: MinHash) -> None:
        if story_id not in self.hashes:
            self.lsh.insert(story_id, mh)
            self.hashes[story_id] = mh

    def forget(self, story_ids) -> None:
        for story_id in story_ids:
            self.lsh.remove(story_id)
            del self.hashes[story_id]

    def match(self, mh: MinHash) -> int | None:
        """The most similar story above the threshold, or None."""
        best = max(self.lsh.query(mh), key=lambda sid: self.hashes[sid].jaccard(mh), default=None)
        return best if best is not None and self.hashes[best].jaccard(mh) >= LSH_THRESHOLD else None
